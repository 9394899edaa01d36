"""Site names in the reader's tables and in the claim detail link to the site's profile,
through AppTest on the bundled data (天开高教科创园（核心区） is there)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.present.i18n import t
from dashboard.present.public import LINK_TEXT, link_text
from dashboard.ui.links import markdown_link

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"
TIMEOUT = 60
TIANKAI = {
    "zh": "天开高教科创园（核心区）",
    "en": "Tiankai Higher Education Sci-Tech Park (core area)",
}
CLAIM = "a000-tkp-partner-universities-2024-03"  # a claim of tiankai_park


@pytest.fixture(autouse=True)
def bundled_data(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(ROOT / "data"))


def open_page(page: str, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.context["locale"] = "zh-CN" if params.get("lang") == "zh" else "en-US"
    at.context["url"] = f"http://127.0.0.1:8501/{'' if page == 'overview' else page}"
    at.query_params.update(params)
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def site_config(frame, lang: str) -> dict:
    """The column configuration Streamlit sends for the table's site column."""
    return json.loads(frame.proto.columns)[t("col.site", lang)]


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("claims", {"metric": "registered_enterprises", "unit": "printed"}),
        ("trends", {"metric": "registered_enterprises", "sites": "tiankai_park"}),
        ("rankings", {"metric": "registered_enterprises", "period": "latest", "unit": "printed"}),
        ("map", {"sites": "tiankai_park", "region": "jingjinji"}),
        ("sources", {"source": "a000"}),
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table_site_cells_link_to_the_profile_in_the_readers_language(page, params, lang):
    """Each table's site column is a link column showing the name (the fragment) of a link to
    that row's profile, with the language and number style kept and the page's filters not."""
    at = open_page(page, {"lang": lang, **params})
    (frame,) = [f for f in at.dataframe if t("col.site", lang) in f.value.columns]
    config = site_config(frame, lang)
    assert config["type_config"] == {"type": "link", "display_text": LINK_TEXT}
    cells = list(frame.value[t("col.site", lang)])
    assert TIANKAI[lang] in {link_text(cell) for cell in cells}
    for cell in cells:
        url = urlsplit(cell)
        assert (url.scheme, url.netloc, url.path) == ("http", "127.0.0.1:8501", "/site")
        query = parse_qs(url.query)
        assert set(query) <= {"lang", "unit", "id"} and query["lang"] == [lang]
        assert query.get("unit") == (["printed"] if "unit" in params else None)


def test_claim_detail_names_the_site_as_a_link_to_its_profile():
    """The detail of a selected claim links its site's name to the profile, in Chinese; the
    link opens 天开高教科创园（核心区）'s profile."""
    at = open_page("claims", {"lang": "zh", "claim": CLAIM, "metric": "partner_organisations"})
    (link,) = [e.proto for e in at.get("page_link") if e.proto.label == TIANKAI["zh"]]
    assert link.page == "site"
    assert dict(parse_qsl(link.query_string)) == {"lang": "zh", "id": "tiankai_park"}
    profile = open_page("site", dict(parse_qsl(link.query_string)))
    assert [h.value for h in profile.title] == [TIANKAI["zh"]]


def test_map_site_table_and_overview_headlines_link_site_names():
    """The Map's table of sites (drawn once its expander is opened) holds markdown links from
    each name to its profile; so do the overview's headline tables."""
    at = open_page("map", {"lang": "en", "region": "jingjinji"})
    at.session_state["map_table"] = True
    at.run()
    (table,) = [f for f in at.table if t("col.site", "en") in f.value.columns]
    names = list(table.value[t("col.site", "en")])
    url = "http://127.0.0.1:8501/site?lang=en&id=tiankai_park"
    assert markdown_link(TIANKAI["en"], url) in names
    assert all(n.startswith("[") and "/site?lang=en&id=" in n for n in names)
    overview = open_page("overview", {"lang": "zh"})
    headlines = [f for f in overview.table if t("col.site", "zh") in f.value.columns]
    assert headlines
    for frame in headlines:
        cells = list(frame.value[t("col.site", "zh")])
        assert all(c.startswith("[") and "/site?lang=zh&id=" in c for c in cells)
