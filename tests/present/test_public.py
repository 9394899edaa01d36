"""The address readers reach: the setting, the browser's address, links under a path prefix."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard.present.public import (
    ProfileLinks,
    claim_links,
    link_text,
    page_link,
    public_root,
    setting_problem,
)
from dashboard.present.view import View


@pytest.mark.parametrize(
    ("setting", "browser", "url_path", "root"),
    [
        (None, "http://127.0.0.1:8501/trends", "trends", "http://127.0.0.1:8501"),
        (None, "http://127.0.0.1:8501/", "", "http://127.0.0.1:8501"),
        (None, "http://h:8080/innovation/trends", "trends", "http://h:8080/innovation"),
        (None, "http://h:8080/innovation/", "", "http://h:8080/innovation"),
        (
            "https://intranet.example/innovation/",
            "http://127.0.0.1:8501/map",
            "map",
            "https://intranet.example/innovation",
        ),
        ("  https://intranet.example  ", None, "claims", "https://intranet.example"),
        (None, None, "trends", ""),
    ],
)
def test_public_root_prefers_the_setting_then_the_browser(setting, browser, url_path, root):
    """The setting wins when valid; otherwise the browser's address without the page's path."""
    found = public_root(setting, browser, url_path)
    assert found.root == root
    assert found.from_setting == bool(setting)
    assert found.problem is None


@pytest.mark.parametrize(
    "setting",
    [
        "intranet.example/innovation",
        "ftp://intranet.example",
        "https://intranet.example/x?lang=zh",
        "https://intranet.example/#top",
        "javascript:alert(1)",
        "https://user@intranet.example",
    ],
)
def test_public_root_refuses_a_bad_setting_and_says_why(setting):
    """A setting that is not an http(s) root is refused with a reason; the browser's is used."""
    found = public_root(setting, "http://127.0.0.1:8501/trends", "trends")
    assert found.problem and found.problem == setting_problem(setting)
    assert found.root == "http://127.0.0.1:8501"
    assert not found.from_setting


def test_loopback_roots_are_recognised():
    """Only addresses of this machine count as loopback."""
    assert public_root(None, "http://127.0.0.1:8501/", "").loopback
    assert public_root(None, "http://localhost:8080/x/", "").loopback
    assert not public_root("https://intranet.example", None, "").loopback


def test_page_link_keeps_the_prefix_and_commas():
    """Links under a prefix keep it; comma-separated lists stay readable."""
    root = "https://intranet.example/innovation"
    assert page_link(root, "trends", {"lang": "zh", "sites": "a,b"}) == (
        "https://intranet.example/innovation/trends?lang=zh&sites=a,b"
    )
    assert page_link(root, "", {}) == "https://intranet.example/innovation/"
    assert claim_links(root, ["c 1"], "en") == [
        "https://intranet.example/innovation/claims?lang=en&claim=c+1"
    ]


SITE_KEYS = ("lang", "unit", "present", "id")  # the site page's parameters (ui.registry)


@pytest.mark.parametrize(
    ("view", "url"),
    [
        (
            View(lang="zh", metric="registered_enterprises", region="jingjinji", sites=("a",)),
            "http://h:8080/innovation/site?lang=zh&id=tiankai_park",
        ),
        (
            View(lang="en", unit="printed", present=True, source="a004", claim="x", q="park"),
            "http://h:8080/innovation/site?lang=en&unit=printed&present=1&id=tiankai_park",
        ),
        (
            View(lang="zh", id="binhai_park"),  # from one profile to another: the row's site
            "http://h:8080/innovation/site?lang=zh&id=tiankai_park",
        ),
    ],
)
def test_profile_links_keep_the_language_and_only_what_the_profile_uses(view, url):
    """A row's link to its site's profile keeps the language (and number style, presentation
    mode) and drops the filters the profile page has no use for."""
    links = ProfileLinks.of(view, SITE_KEYS, "http://h:8080/innovation", "site")
    assert links.url("tiankai_park") == url


def test_profile_links_escape_the_id_and_carry_the_name_after_the_hash():
    """An id with characters that mean something in a URL comes back whole from the query;
    the name (any characters) is the fragment, read back as a table shows it."""
    links = ProfileLinks.of(View(lang="zh"), SITE_KEYS, "http://127.0.0.1:8501", "site")
    odd = "a b&id=x#y/z%"
    url = links.url(odd)
    assert "#" not in url and " " not in url
    assert parse_qs(urlsplit(url).query) == {"lang": ["zh"], "id": [odd]}
    name = "天开高教科创园（核心区）#1 50% + A&B"
    cell = links.cell(odd, name)
    assert cell.startswith(url + "#")
    assert cell.isascii()
    assert link_text(cell) == name
    assert re.fullmatch(r"[^#]*#[^#]+", cell)  # one hash: the fragment is the name alone


def test_profile_links_without_a_known_address_are_relative_to_the_host():
    """No browser address (a test run, a first render): the link still names the page."""
    links = ProfileLinks.of(View(lang="en"), SITE_KEYS, "", "site")
    assert links.url("tiankai_park") == "/site?lang=en&id=tiankai_park"
