"""The standard map in a real browser on the bundled data: the national view and 京津冀, in
both languages; the map's accessible name and its text alternative, the table of its sites."""

from __future__ import annotations

import pytest

from dashboard.present.i18n import t
from tests.browser.waits import canvas_settled

pytestmark = pytest.mark.browser

MAP = '[data-testid="stDeckGlJsonChart"]'


def open_map(new_tab, live_server, path: str, lang: str):
    tab = new_tab(locale="zh-CN" if lang == "zh" else "en-US", base=live_server.url)
    tab.open(path, expect=f"{MAP} canvas")
    canvas_settled(tab.page.locator(MAP).first)
    return tab


def site_table(tab, lang: str) -> list[list[str]]:
    """Open the expander under the map and read its table, header first."""
    words = t("map.table", lang, n="|").split("|")[1]
    tab.page.locator('[data-testid="stExpander"] summary').filter(has_text=words).first.click()
    table = tab.page.locator('[data-testid="stExpander"] [data-testid="stTable"] table').first
    table.wait_for()
    return [
        [cell.inner_text().strip() for cell in row.locator("th, td").all()]
        for row in table.locator("tr").all()
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_map_national_view_named_and_tabled(new_tab, live_server, lang):
    """National view: the map has an accessible name in the reader's language and a table of
    every site under it; screenshot for the islands, the boundary, the inset and the names."""
    tab = open_map(new_tab, live_server, f"/map?lang={lang}", lang)
    tab.shot(f"map-national-{lang}")
    figure = tab.page.locator(MAP).first
    assert figure.get_attribute("role") == "figure"
    label = figure.get_attribute("aria-label") or ""
    assert label.startswith("中国地图：全国" if lang == "zh" else "Map of China: all of China")
    rows = site_table(tab, lang)
    assert rows[0] == [t("col.site", lang), t("col.region", lang), t("col.claims", lang)]
    regions = {row[1] for row in rows[1:]}
    assert ("京津冀" in regions) if lang == "zh" else ("Beijing–Tianjin–Hebei" in regions)
    assert f"{len(rows) - 1}" in label
    tab.check()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_map_jingjinji_preset_named_and_tabled(new_tab, live_server, lang):
    """京津冀 preset sized by a metric: the name says the region and the metric; the table
    lists the region's sites only, with their figures and periods in the reader's words."""
    path = f"/map?lang={lang}&region=jingjinji&metric=registered_enterprises"
    tab = open_map(new_tab, live_server, path, lang)
    tab.shot(f"map-jingjinji-{lang}")
    label = tab.page.locator(MAP).first.get_attribute("aria-label") or ""
    region = "京津冀" if lang == "zh" else "Beijing–Tianjin–Hebei"
    assert region in label
    rows = site_table(tab, lang)
    assert rows[0] == [
        t("col.site", lang),
        t("col.region", lang),
        t("col.figure", lang),
        t("col.claims", lang),
    ]
    assert {row[1] for row in rows[1:]} == {region}
    figures = [row[2] for row in rows[1:] if row[2] != t("map.no_figure", lang)]
    assert figures
    if lang == "zh":
        assert all("年" in f for f in figures)  # 2024年5月, not 2024-05
    else:
        assert not any("年" in f for f in figures)
    tab.check()
