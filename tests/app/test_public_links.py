"""Copy link names the address readers reach: DASHBOARD_PUBLIC_URL, with its path prefix."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"
APP_DATA = ROOT / "tests" / "fixtures" / "app_data"


@pytest.fixture(autouse=True)
def fixed_data(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(APP_DATA / "data"))
    monkeypatch.delenv("DASHBOARD_PUBLIC_URL", raising=False)


def open_page(page: str, params: dict, url: str, locale: str = "en-US") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.context["locale"] = locale
    at.context["url"] = url
    at.query_params.update(params)
    at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_copy_link_uses_the_public_address_with_its_prefix(monkeypatch):
    """Behind a proxy the link names DASHBOARD_PUBLIC_URL and its path, not 127.0.0.1."""
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://intranet.example/innovation/")
    at = open_page("trends", {"metric": "tax_revenue"}, "http://127.0.0.1:8501/trends")
    link = at.sidebar.code[0].value
    assert link.startswith("https://intranet.example/innovation/trends?")
    assert "metric=tax_revenue" in link and "lang=en" in link
    assert not at.sidebar.error
    assert "points at this machine" not in " ".join(c.value for c in at.sidebar.caption)


def test_copy_link_without_the_setting_follows_the_browser_under_a_prefix():
    """Without the setting, a page served under server.baseUrlPath keeps the prefix."""
    at = open_page("rankings", {}, "http://team.example:8080/innovation/rankings")
    assert at.sidebar.code[0].value.startswith("http://team.example:8080/innovation/rankings?")


def test_a_loopback_link_says_so_in_the_readers_language():
    """A link to 127.0.0.1 carries a note naming the setting, in Chinese in the Chinese view."""
    at = open_page("claims", {}, "http://127.0.0.1:8501/claims", locale="zh-CN")
    captions = " ".join(c.value for c in at.sidebar.caption).replace("\\", "")
    assert "DASHBOARD_PUBLIC_URL" in captions and "同事无法打开" in captions


def test_a_bad_setting_is_reported_and_the_browser_address_used(monkeypatch):
    """A setting that is no http(s) root is named in an error; links still work."""
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "intranet.example/innovation")
    at = open_page("trends", {}, "http://127.0.0.1:8501/trends")
    assert at.sidebar.code[0].value.startswith("http://127.0.0.1:8501/trends?")
    (error,) = at.sidebar.error
    text = error.value.replace("\\", "")
    assert "DASHBOARD_PUBLIC_URL" in text and "http://" in text
