"""The dashboard in a real browser: pages, shared links, copy link, language, downloads, map
click, escaping, and no request leaving the machine."""

from __future__ import annotations

import csv
import io
import math
from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard.present.i18n import t
from tests.browser.waits import point_until_tooltip

pytestmark = pytest.mark.browser

PAGES = {
    "overview": "/",
    "trends": "/trends",
    "rankings": "/rankings",
    "map": "/map",
    "claims": "/claims",
    "sources": "/sources",
    "health": "/health",
}
TITLES = {
    "overview": "app.title",
    "trends": "trends.title",
    "rankings": "rankings.title",
    "map": "map.title",
    "claims": "claims.title",
    "sources": "sources.title",
    "health": "health.title",
}


def h1(text: str) -> str:
    return f'h1:has-text("{text}")'


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_opens_cleanly(new_tab, page):
    """Every page opens with no exception, console error or outside request."""
    tab = new_tab().open(PAGES[page], expect=h1(t(TITLES[page], "en")))
    tab.check()
    assert tab.query()["lang"] == "en"
    tab.shot(f"page-{page}-en")


@pytest.mark.parametrize("locale", ["zh-TW", "de-DE"])
def test_first_view_follows_the_browser_language(new_tab, locale):
    """zh-* browsers open in Chinese, all others in English, and the link says which."""
    lang = "zh" if locale.startswith("zh") else "en"
    tab = new_tab(locale=locale).open("/", expect=h1(t("app.title", lang)))
    tab.check()
    assert tab.query()["lang"] == lang
    tab.shot(f"locale-{locale}")


SHARED_LINKS = [
    (
        "trends-zh-printed",
        "/trends?lang=zh&metric=compute_capacity&sites=tj_compute&status=actual,plan&unit=printed",
        'text="200P"',
    ),
    (
        "rankings-2023",
        "/rankings?lang=en&metric=registered_enterprises&period=2023",
        'text="1. Hefei High-tech Zone"',
    ),
    (
        "map-hefei",
        "/map?lang=en&region=hefei&metric=registered_enterprises",
        '[data-testid="stDeckGlJsonChart"] canvas',
    ),
    (
        "claims-context",
        "/claims?lang=zh&claim=f001-hefei-enterprises-2023",
        'h2:has-text("原文上下文")',
    ),
    (
        "sources-f002",
        "/sources?lang=en&source=f002&claim=f002-tj-compute-2023-plan",
        'h2:has-text("The computing centre grows (test)")',  # the English title
    ),
    ("overview-region", "/?lang=zh&region=hefei&unit=printed", 'h2:has-text("合肥")'),
    (
        "present",
        "/trends?lang=en&metric=registered_enterprises&present=1",
        'button:has-text("Exit presentation mode")',
    ),
]


@pytest.mark.parametrize(
    ("name", "link", "expect"), SHARED_LINKS, ids=[n for n, _, _ in SHARED_LINKS]
)
def test_shared_link_reopens_its_view(new_tab, name, link, expect):
    """A shared link opens that view in a fresh browser and keeps its parameters."""
    tab = new_tab().open(link, expect=expect)
    tab.check()
    given = {k: v[-1] for k, v in parse_qs(urlsplit(link).query).items()}
    assert given.items() <= tab.query().items()
    if name == "present":
        assert not tab.page.locator('[data-testid="stSidebar"]').is_visible()
    tab.shot(f"link-{name}")


def test_bad_link_says_what_was_ignored(new_tab):
    """Unknown values open the nearest view with a note naming them."""
    tab = new_tab().open(
        "/trends?metric=nope&sites=tj_compute,zzz&foo=1&lang=en",
        expect='[data-testid="stAlertContentWarning"]',
    )
    tab.check()
    warning = tab.page.locator('[data-testid="stAlertContentWarning"]').first.inner_text()
    for part in ("nope", "zzz", "foo"):
        assert part in warning
    assert "foo" not in tab.query() and tab.query().get("sites") == "tj_compute"
    tab.shot("link-bad")


def test_copied_link_reopens_the_same_view(new_tab):
    """Filters chosen by hand, the link copied with the copy button, opened in a fresh
    browser: the same view."""
    tab = new_tab()
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab.open("/trends?lang=en", expect=h1("Trends"))
    tab.page.locator('[data-testid="stSelectbox"]').filter(has_text="Metric").click()
    tab.page.get_by_role("option", name="Computing capacity (3)").click()
    tab.done('.gtitle:has-text("Computing capacity · level at a date:")')
    tab.page.locator('[data-testid="stSidebar"]').get_by_text("As printed").click()
    tab.done('text="200P"')
    code = tab.page.locator('[data-testid="stSidebar"] [data-testid="stCode"]')
    shown = code.inner_text().replace("\n", "")
    code.hover()
    code.get_by_role("button", name="Copy to clipboard").click()
    copied = tab.page.evaluate("navigator.clipboard.readText()")
    assert copied == shown
    assert "metric=compute_capacity" in copied and "unit=printed" in copied
    tab.check()

    link = urlsplit(copied)
    fresh = new_tab(locale="zh-CN", fresh=True).open(
        f"{link.path}?{link.query}", expect='text="200P"'
    )
    fresh.check()
    assert fresh.query() == tab.query()
    assert fresh.page.locator(h1("Trends")).count() == 1  # lang=en beats the zh browser
    fresh.shot("link-copied-fresh")


def test_language_switch(new_tab):
    """The switch relabels the page and the choice travels in the link."""
    tab = new_tab().open("/rankings", expect=h1("Rankings"))
    tab.page.locator('[data-testid="stSidebar"]').get_by_text("中文", exact=True).click()
    tab.done(h1("排名"))
    tab.check()
    assert tab.query()["lang"] == "zh"
    tab.shot("switch-zh")


def test_chart_downloads_png_and_svg_with_title_and_source(new_tab, tmp_path):
    """The plotly toolbar's camera downloads a PNG, or an SVG once chosen; the image holds
    title, unit and source note."""
    tab = new_tab().open(
        "/trends?lang=en&metric=tax_revenue&measure=flow",
        expect='[data-testid="stPlotlyChart"] .main-svg',
    )
    chart = tab.page.locator('[data-testid="stPlotlyChart"]').first
    chart.hover()
    with tab.page.expect_download() as png:
        chart.locator('.modebar-btn[data-title^="Download plot"]').click()
    assert png.value.suggested_filename == "trend-tax_revenue.png"
    png_path = tmp_path / "chart.png"
    png.value.save_as(png_path)
    assert png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    tab.page.locator('[data-testid="stSidebar"]').get_by_text("SVG", exact=True).click()
    tab.done('[data-testid="stPlotlyChart"] .main-svg')
    chart = tab.page.locator('[data-testid="stPlotlyChart"]').first
    chart.hover()
    with tab.page.expect_download() as svg:
        chart.locator('.modebar-btn[data-title^="Download plot"]').click()
    assert svg.value.suggested_filename == "trend-tax_revenue.svg"
    svg_path = tmp_path / "chart.svg"
    svg.value.save_as(svg_path)
    text = svg_path.read_text(encoding="utf-8")
    for part in ("Tax revenue", "CNY billion", "Source:", "Test Daily"):  # its English name
        assert part in text
    tab.check()


def test_claims_download_is_exactly_the_rows_shown(new_tab, tmp_path):
    """The CSV holds the filtered rows and their provenance columns."""
    tab = new_tab().open(
        "/claims?lang=en&q=%E5%90%88%E8%82%A5", expect='text="Showing 1 of 13 claims"'
    )
    with tab.page.expect_download() as download:
        tab.page.get_by_text("Download the rows shown (CSV)").click()
    path = tmp_path / "claims.csv"
    download.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert [r["claim_id"] for r in rows] == ["f001-hefei-enterprises-2023"]
    for column in ("quote", "source_title", "source_date", "source_file", "file", "line"):
        assert rows[0][column]
    assert rows[0]["link"] == f"{tab.base}/claims?lang=en&claim=f001-hefei-enterprises-2023"
    tab.check()


def test_map_click_on_a_site_shows_its_claims(new_tab):
    """Clicking a site's dot lists its claims and puts the site in the link."""
    tab = new_tab().open("/map?lang=en&region=hefei", expect='[data-testid="stDeckGlJsonChart"]')
    canvas = tab.page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.wait_for()
    box = canvas.bounding_box()
    # Hefei preset: centre 31.82N 117.23E, zoom 9; the site is at 31.84N 117.13E.
    scale = 512 * 2**9 / 360  # Web-Mercator pixels per degree of longitude at zoom 9

    def y(lat: float) -> float:
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

    dx = (117.13 - 117.23) * scale
    dy = -(y(31.84) - y(31.82)) * scale
    x0, y0 = box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2 + dy
    point_until_tooltip(tab.page, x0, y0, "Hefei High-tech Zone")  # deck.gl picks the dot
    tab.page.mouse.down()
    tab.page.mouse.up()
    tab.done('h2:has-text("Claims of Hefei High-tech Zone")')
    tab.check()
    assert tab.query().get("sites") == "hefei_hitech"
    tab.shot("map-click")


def test_data_text_is_never_markup(new_tab):
    """Names and quotes holding HTML, markdown and directives show as typed; nothing runs."""
    tab = new_tab().open(
        "/claims?lang=en&claim=f001-evil-enterprises-2024-03",
        expect='h2:has-text("In the article")',
    )
    detail = tab.page.locator(".st-key-claim_detail").inner_text()
    assert "<b>标签</b>" in detail and "*星号*" in detail and ":red[指令]" in detail
    assert "<script>alert(1)</script>" in detail
    assert tab.page.locator('img[src="x"]').count() == 0
    tab.check()
    trends = new_tab().open(
        "/trends?lang=en&metric=registered_enterprises",
        expect='[data-testid="stPlotlyChart"] .main-svg',
    )
    legend = trends.page.locator('[data-testid="stPlotlyChart"] .legend').first.text_content()
    assert "Evil <img src=x onerror=alert(1)> *Park*" in legend
    assert trends.page.locator('img[src="x"]').count() == 0
    trends.check()
    tab.shot("escaping")


@pytest.mark.parametrize("page", list(PAGES))
def test_bundled_data_every_page(new_tab, live_server, page):
    """The real data/ folder, as `make run` serves it, in Chinese: every page opens cleanly."""
    tab = new_tab(locale="zh-CN", base=live_server.url)
    tab.open(PAGES[page], expect=h1(t(TITLES[page], "zh")))
    tab.check()
    assert tab.query()["lang"] == "zh"
    tab.shot(f"live-{page}-zh")
