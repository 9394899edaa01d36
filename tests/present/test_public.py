"""The address readers reach: the setting, the browser's address, links under a path prefix."""

from __future__ import annotations

import pytest

from dashboard.present.public import claim_links, page_link, public_root, setting_problem


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
