"""Hostile text in a real browser: site names, metric labels, quotes, notes, article titles and
problem messages written as markup (tests/fixtures/xss_data) show as typed on every page, in
chart hovers and map tooltips, and in the CSV download; none of it ever runs.

Each payload would, if it ran, set ``window.__pwned`` (or its parent's) to its own number, hide
the page, or leave an element in it. After hovering and clicking where the text shows, every
test looks for all three in the page and in every frame, and for any dialog.
"""

from __future__ import annotations

import csv
import io
import math
import re

import pytest
import yaml

from dashboard.core.loader import load_dataset
from dashboard.present.i18n import t
from tests.browser.conftest import XSS_DATA, Tab
from tests.browser.waits import point_until_tooltip, scroll_grid

pytestmark = pytest.mark.browser

PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=2</script>",
    '<svg onload="window.__pwned=3">',
    "[x](javascript:window.__pwned=4)",
    "<style>body{display:none}</style>",
    '<iframe srcdoc="<script>parent.__pwned=5</script>">',
    '<a href="javascript:window.__pwned=6">hover link</a>',
]
LANGS = ["en", "zh"]
MAIN_TABLE = '[data-testid="stMain"] [data-testid="stDataFrame"]'
LOCALES = {"en": "en-US", "zh": "zh-CN"}


def _records(path: str, key: str) -> dict[str, dict]:
    data = yaml.safe_load((XSS_DATA / path).read_text(encoding="utf-8"))
    return {record["id"]: record for record in data[key]}


SITE = _records("sites/xss.yaml", "sites")["xss_park"]
METRIC = _records("metrics/xss.yaml", "metrics")["xss_metric"]
SOURCE = _records("sources.yaml", "sources")["x001"]
CLAIMS = _records("claims/x001.yaml", "claims")
ACTUAL, BZP, TARGET = (
    CLAIMS[c] for c in ("x001-xss-2023", "x001-bzp-2023", "x001-xss-2025-target")
)
QUOTES = [ACTUAL["quote"], BZP["quote"], TARGET["quote"]]
NOTES = [ACTUAL["note"], BZP["note"], TARGET["note"]]
ARTICLE = (XSS_DATA.parent / "seeds" / "x001.txt").read_text(encoding="utf-8")

# Anything a payload would leave behind had it been read as markup, in one frame.
INJECTED = r"""() => [
  ...document.querySelectorAll('img[src="x"], svg[onload], iframe[srcdoc], [onerror], [onload]'),
  ...[...document.querySelectorAll('a[href]')].filter(
    (a) => /^[\s\x00-\x1f]*(javascript|data|vbscript):/i.test(a.getAttribute('href'))),
  ...[...document.querySelectorAll('script, style')].filter(
    (e) => /__pwned|body\{display:none\}/.test(e.textContent)),
].map((e) => e.outerHTML.slice(0, 160))"""

BODY_STYLE = """() => {
  const style = getComputedStyle(document.body);
  return [style.display, style.visibility, style.opacity];
}"""


def site_name(lang: str) -> str:
    return SITE[f"name_{lang}"]


def metric_name(lang: str) -> str:
    return METRIC[f"name_{lang}"]


def open_tab(new_tab, xss_server, lang: str, path: str, expect: str) -> Tab:
    sep = "&" if "?" in path else "?"
    tab = new_tab(locale=LOCALES[lang], base=xss_server.url)
    return tab.open(f"{path}{sep}lang={lang}", expect=expect)


def assert_inert(tab: Tab) -> None:
    """Nothing ran: no flag in any frame, no element a payload makes, no dialog, page shown."""
    page = tab.page
    assert len(page.frames) >= 1
    for frame in page.frames:
        assert frame.evaluate("() => typeof window.__pwned") == "undefined", frame.url
        assert frame.evaluate(INJECTED) == [], frame.url
    assert tab.dialogs == []
    # Streamlit's layout gives <body> no height of its own: its style, and the app in it.
    assert page.evaluate(BODY_STYLE) == ["block", "visible", "1"]
    assert page.locator('[data-testid="stApp"]').is_visible()
    assert page.locator('[data-testid="stMain"] h1').first.is_visible()


def _stops(total: int, view: int) -> list[int]:
    """Scroll offsets, half a view apart, whose views together cover ``total``."""
    end = max(total - view, 0)
    return sorted({*range(0, end, max(view // 2, 1)), end})


def grid_text(tab: Tab) -> str:
    """The text of every visible table. Streamlit draws tables on a canvas and keeps the cells
    in view as an accessible table inside it: scroll each across and down and read those."""
    page = tab.page
    out: list[str] = []
    grids = page.locator(MAIN_TABLE)
    for index in range(grids.count()):
        grid = grids.nth(index)
        if not grid.is_visible():
            continue
        grid.scroll_into_view_if_needed()
        scroller = grid.locator(".dvn-scroller").first
        width, height, view_w, view_h = scroller.evaluate(
            "(e) => [e.scrollWidth, e.scrollHeight, e.clientWidth, e.clientHeight]"
        )
        for top in _stops(height, view_h):
            for left in _stops(width, view_w):
                scroll_grid(grid, left, top)  # and the accessible cells are those in view
                cells = grid.locator('canvas td[role="gridcell"], canvas th[role="columnheader"]')
                out.extend(cells.all_text_contents())
    assert out or not grids.count(), "no table cells read"
    return "\n".join(out)


def shown_text(tab: Tab, tables: bool = True) -> str:
    """What the page shows as text: its rendered text (charts' SVG text included) and tables."""
    text = tab.page.locator("body").inner_text()
    return text + "\n" + grid_text(tab) if tables else text


def assert_shown(text: str, expected: list[str]) -> None:
    missing = [item for item in expected if item not in text]
    assert missing == []


def test_xss_fixture_holds_every_payload_in_every_field():
    """Each kind of field carries markup, the quotes are really in the article, and between
    them the fields hold every payload: otherwise the browser tests prove less than they say."""
    fields = {
        "site_zh": SITE["name_zh"],
        "site_en": SITE["name_en"],
        "metric_zh": METRIC["name_zh"],
        "metric_en": METRIC["name_en"],
        "title": SOURCE["title"],
        "publication": SOURCE["publication"],
        **{f"quote{i}": q for i, q in enumerate(QUOTES)},
        **{f"note{i}": n for i, n in enumerate(NOTES[:2])},
    }
    for name, value in fields.items():
        assert any(p in value for p in PAYLOADS), name
    for payload in PAYLOADS:
        assert any(payload in value for value in fields.values()), payload
    assert all(q in ARTICLE for q in QUOTES)
    assert NOTES[1].startswith("@") and NOTES[2].startswith("=")  # formulas to a spreadsheet
    dataset = load_dataset(XSS_DATA)
    assert {"x001-xss-2023", "x001-bzp-2023", "x001-xss-2025-target"} <= {
        item.record.id for _, item in dataset.claims
    }
    assert [(p.code, p.path) for p in dataset.problems] == [("bad-choice", "claims[3].status")]


@pytest.mark.parametrize("lang", LANGS)
def test_xss_overview(new_tab, xss_server, lang):
    """The region's headline table names the hostile metric, site and newspaper as typed."""
    tab = open_tab(new_tab, xss_server, lang, "/?region=hefei", '[data-testid="stTable"] td')
    text = shown_text(tab)
    assert_shown(text, [metric_name(lang), site_name(lang), SOURCE["publication"]])
    assert_inert(tab)
    tab.check()


@pytest.mark.parametrize("lang", LANGS)
def test_xss_trends_hover(new_tab, xss_server, lang):
    """Title, legend and every point's hover show the markup as text."""
    tab = open_tab(new_tab, xss_server, lang, "/trends?metric=xss_metric", ".scatterlayer .point")
    points = tab.page.locator('[data-testid="stPlotlyChart"] .scatterlayer .point')
    assert points.count() >= 3
    seen = []
    for index in range(points.count()):
        points.nth(index).hover(force=True)
        tab.page.locator(".hoverlayer .hovertext").first.wait_for()
        seen.append(shown_text(tab, tables=False))
        assert_inert(tab)
    # Hovers wrap long quotes over lines: compare without white space. The table under the
    # chart no longer repeats the quotes, and the target's hollow marker is not always the one
    # a pointer at its element picks; its quote is checked as text in test_xss_claims_detail.
    text = re.sub(r"\s+", "", "\n".join(seen) + grid_text(tab))
    expected = [metric_name(lang), site_name(lang), SOURCE["publication"], SOURCE["title"]]
    assert_shown(text, [re.sub(r"\s+", "", item) for item in expected])
    assert any(re.sub(r"\s+", "", quote) in text for quote in QUOTES)
    assert_inert(tab)
    tab.check()


@pytest.mark.parametrize("lang", LANGS)
def test_xss_rankings_hover(new_tab, xss_server, lang):
    """Bar labels and every bar's hover show the markup as text."""
    tab = open_tab(
        new_tab, xss_server, lang, "/rankings?metric=xss_metric&period=2023", ".barlayer .point"
    )
    bars = tab.page.locator('[data-testid="stPlotlyChart"] .barlayer .point')
    assert bars.count() == 2
    seen = []
    for index in range(bars.count()):
        bars.nth(index).hover(force=True)
        tab.page.locator(".hoverlayer .hovertext").first.wait_for()
        seen.append(shown_text(tab, tables=False))
        assert_inert(tab)
    # Hovers wrap long quotes: compare without white space. The table under the chart no
    # longer repeats the quotes; every quote is read as text in test_xss_claims_detail.
    text = re.sub(r"\s+", "", "\n".join(seen) + grid_text(tab))
    expected = [metric_name(lang), site_name(lang), SOURCE["publication"], SOURCE["title"]]
    assert_shown(text, [re.sub(r"\s+", "", item) for item in expected])
    assert any(re.sub(r"\s+", "", quote) in text for quote in QUOTES[:2])
    assert_inert(tab)
    tab.check()


@pytest.mark.parametrize("lang", LANGS)
def test_xss_map_tooltip_and_click(new_tab, xss_server, lang):
    """Hovering the hostile site shows its name as text in the tooltip; clicking it lists its
    claims under its name, as text."""
    tab = open_tab(
        new_tab, xss_server, lang, "/map?region=hefei", '[data-testid="stDeckGlJsonChart"] canvas'
    )
    page = tab.page
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    box = canvas.bounding_box()
    # Hefei preset: centre 31.82N 117.23E, zoom 9 (tests/fixtures/xss_data/data/regions.yaml).
    scale = 512 * 2**9 / 360  # Web-Mercator pixels per degree of longitude at zoom 9

    def mercator(lat: float) -> float:
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

    x = box["x"] + box["width"] / 2 + (SITE["lon"] - 117.23) * scale
    y = box["y"] + box["height"] / 2 - (mercator(SITE["lat"]) - mercator(31.82)) * scale
    point_until_tooltip(page, x, y, site_name(lang))  # deck.gl has drawn and picks the dot
    assert site_name(lang) in page.locator(".deck-tooltip").first.inner_text()
    assert_inert(tab)

    page.mouse.down()
    page.mouse.up()
    page.wait_for_function("() => location.search.includes('sites=xss_park')", timeout=60_000)
    tab.done()
    text = shown_text(tab)
    # The site's table is the reader's (site, metric, figure, period, status, source): the
    # quotes and notes are read in the claim's detail (test_xss_claims_detail).
    assert_shown(text, [site_name(lang), METRIC["name_zh" if lang == "zh" else "name_en"]])
    assert_inert(tab)
    tab.check()
    headings = page.locator("h2").all_inner_texts()
    assert t("map.claims_of", lang, site=site_name(lang)) in headings


@pytest.mark.parametrize("lang", LANGS)
def test_xss_claims_detail(new_tab, xss_server, lang):
    """Each of the article's claims, picked by a click on its row, shows site, metric, quote,
    article and note as text."""
    tab = open_tab(new_tab, xss_server, lang, "/claims?source=x001", MAIN_TABLE)
    page = tab.page
    table = page.locator(".st-key-claims_table [data-testid='data-grid-canvas']").first
    box = table.bounding_box()
    seen = []
    for row in range(3):  # the row's selection box, left of its first cell
        page.mouse.click(box["x"] + 14, box["y"] + 35 * (row + 1) + 17)
        tab.done(".st-key-claim_detail")
        detail = page.locator(".st-key-claim_detail").inner_text()
        seen.append(detail)
        assert_inert(tab)
    text = "\n".join(seen)
    assert_shown(
        text,
        [
            site_name(lang),
            metric_name(lang),
            *QUOTES,
            *NOTES,
            SOURCE["publication"],
            SOURCE["title"],
        ],
    )
    assert_inert(tab)
    tab.check()


@pytest.mark.parametrize("lang", LANGS)
def test_xss_claims_csv_is_literal_and_formulas_neutralised(new_tab, xss_server, lang, tmp_path):
    """The downloaded CSV holds the markup exactly as written; cells a spreadsheet would run
    as a formula start with ' instead."""
    tab = open_tab(new_tab, xss_server, lang, "/claims?source=x001", MAIN_TABLE)
    with tab.page.expect_download() as download:
        tab.page.get_by_text(t("claims.download", lang)).click()
    path = tmp_path / "claims.csv"
    download.value.save_as(path)
    rows = {
        row["claim_id"]: row
        for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    }
    assert sorted(rows) == sorted(c["id"] for c in (ACTUAL, BZP, TARGET))
    for claim in (ACTUAL, BZP, TARGET):
        row = rows[claim["id"]]
        assert row["quote"] == claim["quote"]
        assert row["source_title"] == SOURCE["title"]
        assert row["source_publication"] == SOURCE["publication"]
        assert row[t("col.metric", lang)] == metric_name(lang)
    assert rows[ACTUAL["id"]][t("col.site", lang)] == site_name(lang)
    assert rows[ACTUAL["id"]]["note"] == ACTUAL["note"]
    assert rows[BZP["id"]]["note"] == "'" + BZP["note"]
    assert rows[TARGET["id"]]["note"] == "'" + TARGET["note"]
    assert_inert(tab)
    tab.check()


@pytest.mark.parametrize("lang", LANGS)
def test_xss_sources(new_tab, xss_server, lang):
    """The article's title, newspaper, note, text and sites show as text; its links are the
    http(s) addresses of the data, with the text escaped."""
    tab = open_tab(
        new_tab,
        xss_server,
        lang,
        "/sources?source=x001&claim=x001-xss-2023",
        ".st-key-source_text",
    )
    page = tab.page
    site_link = page.locator(f'a[href="{SITE["url"]}"]')
    assert site_link.count() == 1 and site_link.inner_text() == site_name(lang)
    site_link.hover()
    article_link = page.locator('a[href^="https://www.example.com/news/x001.html?from=(test)"]')
    assert article_link.count() == 1 and article_link.inner_text() == SOURCE["url"]
    for link in (site_link, article_link):
        assert link.get_attribute("target") == "_blank"
        assert "noopener" in (link.get_attribute("rel") or "")
    text = shown_text(tab)
    assert_shown(
        text,
        [
            SOURCE["title"],
            SOURCE["publication"],
            SOURCE["note"],
            *QUOTES,
            site_name(lang),
            metric_name(lang),
            SOURCE["url"],
        ],
    )
    assert_inert(tab)
    tab.check()


@pytest.mark.parametrize("lang", LANGS)
def test_xss_health(new_tab, xss_server, lang):
    """The refused record's problem, whose message quotes its markup, is listed as text."""
    tab = open_tab(new_tab, xss_server, lang, "/health", MAIN_TABLE)
    (problem,) = load_dataset(XSS_DATA).problems
    assert "<script>window.__pwned=2</script>" in problem.message
    text = shown_text(tab)
    assert_shown(text, [problem.message])
    assert_inert(tab)
    tab.check()
