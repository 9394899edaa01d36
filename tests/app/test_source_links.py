"""Links from the data on the Sources page: only http(s) addresses, the link text never markup."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.ui.links import markdown_link
from dashboard.ui.markdown import escape

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"
FIXTURES = ROOT / "tests" / "fixtures"
XSS_DATA = FIXTURES / "xss_data" / "data"
HOSTILE = '<img src=x onerror="window.__pwned=1"> [x](javascript:window.__pwned=4) :red[*y*]'


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        ("Park", "https://www.example.com/", "[Park](<https://www.example.com/>)"),
        # parentheses and brackets stay in the address: the angle brackets hold it together
        ("Park", "https://e.com/a_(b)/[c]", "[Park](<https://e.com/a_(b)/[c]>)"),
        (HOSTILE, "https://e.com/", f"[{escape(HOSTILE)}](<https://e.com/>)"),
        # anything but an absolute http(s) address: the text alone, escaped
        (HOSTILE, None, escape(HOSTILE)),
        ("Park", "", "Park"),
        ("Park", "javascript:alert(1)", "Park"),
        ("Park", "JAVASCRIPT:alert(1)", "Park"),
        ("Park", "java\tscript:alert(1)", "Park"),
        ("Park", "data:text/html,<script>alert(1)</script>", "Park"),
        ("Park", "//evil.example/", "Park"),
        ("Park", "/health", "Park"),
        ("Park", "https://e.com/>)[x](javascript:alert(1)", "Park"),  # would end the link
        ("Park", "https://e.com/ x", "Park"),
    ],
)
def test_markdown_link_text_escaped_address_checked(text, url, expected):
    """The text is escaped; an address that is not absolute http(s) gives no link at all."""
    assert markdown_link(text, url) == expected


def test_sources_page_links_the_article_and_its_sites(monkeypatch):
    """The article's address and each site's website are links; names stay escaped text."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(XSS_DATA))
    sources = yaml.safe_load((XSS_DATA / "sources.yaml").read_text(encoding="utf-8"))
    (source,) = [s for s in sources["sources"] if s["id"] == "x001"]
    (site,) = yaml.safe_load((XSS_DATA / "sites" / "xss.yaml").read_text(encoding="utf-8"))["sites"]
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.context["locale"] = "en-US"
    at.query_params.update({"source": "x001"})
    at.switch_page("app_pages/sources.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    captions = [c.value for c in at.caption]
    url = source["url"]
    assert f":material/link: [{escape(url)}](<{url}>)" in captions
    (sites,) = [c for c in captions if c.startswith("Sites")]
    assert sites == (
        f"{escape('Sites: ')}[{escape(site['name_en'])}](<{site['url']}>) · Binhai Science Park"
    )
    assert "\\<svg onload" in sites  # the name's markup, escaped


def test_sources_page_without_addresses_has_no_links(monkeypatch):
    """Data without addresses (the fixed app data set): names only, no link markup."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(FIXTURES / "app_data" / "data"))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.context["locale"] = "en-US"
    at.query_params.update({"source": "f001"})
    at.switch_page("app_pages/sources.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    captions = [c.value for c in at.caption]
    assert not any(c.startswith(":material/link:") for c in captions)
    (sites,) = [c for c in captions if c.startswith("Sites")]
    assert "](" not in sites and "Binhai Science Park" in sites
