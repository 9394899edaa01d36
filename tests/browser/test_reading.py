"""Reading paths in a real browser: the overview's question about 天开园 answered from the
overview, page defaults that stay on their page, link notices that say what is shown, site
profiles, and data health with its causes first on really broken YAML files."""

from __future__ import annotations

import re
import shutil

import pytest

from benchmarks.server import start, stop
from dashboard.core.loader import load_dataset
from dashboard.present.i18n import t
from tests.browser.conftest import APP_DATA

pytestmark = pytest.mark.browser

WARNING = '[data-testid="stAlertContentWarning"]'


def h1(text: str) -> str:
    return f'h1:has-text("{text}")'


def nav(tab, label: str, title: str) -> None:
    """Switch page in the sidebar, as a reader does, and wait until it is drawn."""
    tab.page.locator(f'[data-testid="stSidebarNav"] a:has-text("{label}")').first.click()
    tab.done(h1(title))


def plotted(tab) -> list[float]:
    """The y values of every trace of the page's first plotly chart, as drawn."""
    return tab.page.evaluate(
        """() => {
            const plot = document.querySelector('.js-plotly-plot');
            return plot ? plot.data.flatMap(tr => (tr.y || []).filter(y => y !== null)) : [];
        }"""
    )


def test_page_defaults_do_not_become_hidden_filters(new_tab):
    """Overview → Trends → Sources → Claims without choosing anything: every claim is shown
    and the link names nothing but the language."""
    tab = new_tab().open("/", expect=h1(t("app.title", "en")))
    nav(tab, t("nav.trends", "en"), t("trends.title", "en"))
    assert tab.query().get("metric")  # Trends shows its default metric...
    nav(tab, t("nav.sources", "en"), t("sources.title", "en"))
    assert tab.query().get("source")  # ... and Sources its first article
    nav(tab, t("nav.claims", "en"), t("claims.title", "en"))
    tab.page.locator('[data-testid="stCaptionContainer"]:has-text("Showing")').first.wait_for()
    caption = tab.page.locator('[data-testid="stCaptionContainer"]:has-text("Showing")')
    shown, total = caption.first.inner_text().split("claims")[0].split()[1::2]
    assert shown == total
    assert tab.query() == {"lang": "en"}
    tab.check()


def test_tiankai_question_is_answered_from_the_overview(new_tab, live_server):
    """The bundled data, in Chinese: the overview's question about 天开园's registered firms
    opens (one click) the trends chart with both figures on it."""
    tab = new_tab(locale="zh-CN", base=live_server.url)
    tab.open("/", expect=h1(t("app.title", "zh")))
    question = tab.page.locator('a:has-text("天开高教科创园（核心区）注册企业数")').first
    text = question.inner_text()
    assert "1,220家" in text and "1,300余家" in text
    question.click()
    tab.done(".js-plotly-plot")
    assert tab.page.url.split("?")[0].endswith("/trends")
    query = tab.query()
    assert (query["metric"], query["sites"]) == ("registered_enterprises", "tiankai_park")
    assert sorted(plotted(tab)) == [1220, 1300]
    tab.check()
    tab.shot("question-tiankai-zh")


def test_search_leads_to_the_site_profile(new_tab, live_server):
    """Typing the short name 天开园 finds the park; its profile shows the series."""
    tab = new_tab(locale="zh-CN", base=live_server.url)
    tab.open("/", expect=h1(t("app.title", "zh")))
    box = tab.page.get_by_label(t("search.label", "zh"))
    box.fill("天开园")
    box.press("Enter")
    link = tab.page.locator('a:has-text("地点：天开高教科创园（核心区）")').first
    link.wait_for()
    link.click()
    tab.done(h1("天开高教科创园（核心区）"))
    assert tab.query()["id"] == "tiankai_park"
    tab.page.locator(".js-plotly-plot").first.wait_for()
    assert 1220 in plotted(tab) and 1300 in plotted(tab)
    tab.page.locator('[data-testid="stDeckGlJsonChart"]').first.wait_for()
    tab.check()
    tab.shot("site-tiankai-zh")


def test_link_notice_says_what_is_shown(new_tab, live_server):
    """A link naming 天开园's 一核两翼, whose figures are kept on the park's series site:
    the notice names the site shown, and the link says it."""
    tab = new_tab(base=live_server.url)
    tab.open("/trends?lang=en&metric=registered_enterprises&sites=tiankai_park_all", WARNING)
    warning = tab.page.locator(WARNING).first.inner_text()
    assert "tiankai_park_all" in warning
    assert "recorded on Tiankai Higher Education Sci-Tech Park (core area)" in warning
    assert "all sites" not in warning
    assert tab.query()["sites"] == "tiankai_park"
    tab.check()


def test_unknown_site_profile_offers_the_list(new_tab):
    tab = new_tab().open("/site?id=nowhere_at_all&lang=en", expect=h1(t("site.title_none", "en")))
    assert "nowhere_at_all" in tab.page.locator(WARNING).first.inner_text()
    assert tab.page.locator('[data-testid="stExpander"]').count() >= 4  # sites by region
    tab.check()


def split_and_break_sites(data) -> dict[str, int]:
    """The fixture's sites in two files, each with an indentation error: data/sites/north.yaml
    (the Tianjin sites) and test.yaml (the rest). Returns, per file, how many references of
    claims (site or scope) name a site it defines."""
    dataset = load_dataset(data)
    sites = data / "sites" / "test.yaml"
    lines = sites.read_text(encoding="utf-8").splitlines(keepends=True)
    north_ids = {"bzp", "tj_compute"}
    north = [line for line in lines if any(f"{{id: {i}," in line for i in north_ids)]
    (sites.parent / "north.yaml").write_text(
        "sites:\n" + north[0] + " " + "".join(north[1:]), encoding="utf-8"
    )
    rest = "".join(line for line in lines if line not in north)
    sites.write_text(rest.replace("  - id: evil_park", " - id: evil_park"), encoding="utf-8")
    counts = {"north.yaml": 0, "test.yaml": 0}
    for _, item in dataset.claims:
        for site in (item.record.site, item.record.scope):
            if site is not None:
                counts["north.yaml" if site in north_ids else "test.yaml"] += 1
    assert all(counts.values())
    return counts


def test_health_shows_the_cause_first(new_tab, tmp_path):
    """Two sites files with an indentation error each: the first things on the health page
    are their yaml-syntax problems, each with the claims naming the sites it defines counted
    under it."""
    shutil.copytree(APP_DATA.parent, tmp_path / "app_data")
    data = tmp_path / "app_data" / "data"
    counts = split_and_break_sites(data)
    server = start(data, tmp_path / "server.log")
    try:
        tab = new_tab(base=server.url).open("/health?lang=en", expect=h1(t("health.title", "en")))
        first = tab.page.locator('[data-testid="stAlertContentError"]').first
        first.wait_for()
        assert "[yaml-syntax]" in first.inner_text() and "north.yaml" in first.inner_text()
        for number, name in enumerate(("north.yaml", "test.yaml")):
            cause = tab.page.locator(f".st-key-health_cause_{number}").inner_text()
            assert f"data/sites/{name}" in cause and "[yaml-syntax]" in cause
            n = counts[name]
            assert f"{n} claims refer to sites defined in this file (unknown-site)." in cause
            assert f"List these {n} problems" in cause
        tab.check()
        tab.shot("health-cause-first-en")
        tab.open("/health?lang=zh", expect=h1(t("health.title", "zh")))
        cause = tab.page.locator(".st-key-health_cause_1")
        cause.wait_for()
        assert f"{counts['test.yaml']}条数据引用了此文件定义的地点" in cause.inner_text()
        intro = tab.page.locator('[data-testid="stCaptionContainer"]:has-text("数据版本")')
        caption = intro.first.inner_text()
        assert re.search(r"读取于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}", caption), caption
        tab.check()
        tab.shot("health-cause-first-zh")
    finally:
        stop(server)
