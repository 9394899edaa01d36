"""Site names in the reader's tables open the site's profile, in the same tab, in the reader's
language: a click on a name in the Claims grid (drawn on a canvas) and in the Map's site
table, on the bundled data."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard.present.i18n import t

pytestmark = pytest.mark.browser

TIANKAI = "天开高教科创园（核心区）"

# The grid's own props (found through React's fiber of its canvas, as waits.GRID_VIEW does):
# for each row, the site column's cell as glide-data-grid draws it (``displayData``) and the
# link behind it (``data``), with what it takes to point at a cell: column offsets and sizes.
GRID_CELLS = """([grid, title]) => {
  const canvas = grid.querySelector('canvas[data-testid="data-grid-canvas"]');
  const key = canvas && Object.keys(canvas).find((k) => k.startsWith('__reactFiber$'));
  let fiber = key ? canvas[key] : null;
  while (fiber && !(fiber.memoizedProps && 'cellXOffset' in fiber.memoizedProps
                    && 'getCellContent' in fiber.memoizedProps)) {
    fiber = fiber.return;
  }
  if (!fiber) return null;
  const p = fiber.memoizedProps;
  const col = p.columns.findIndex((c) => c.title === title);
  if (col < 0) return null;
  const left = p.columns.slice(0, col).reduce((sum, c) => sum + c.width, 0);
  const rowHeight = typeof p.rowHeight === 'number' ? p.rowHeight : p.rowHeight(0);
  const cells = [];
  for (let r = 0; r < p.rows; r++) {
    const cell = p.getCellContent([col, r]);
    cells.push({text: cell.displayData, link: cell.data});
  }
  return {cells, left, header: p.headerHeight, rowHeight};
}"""


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_claims_site_name_opens_its_profile_in_the_same_tab(new_tab, live_server):
    """The Claims table, in Chinese with figures as printed and a metric chosen: the site cell
    reads 天开高教科创园（核心区）, links to its profile with the language and number style (not
    the metric), is named so for screen readers, and a click on it opens that profile in this
    tab; Back returns to the table."""
    tab = new_tab(locale="zh-CN", base=live_server.url).open(
        "/claims?lang=zh&unit=printed&metric=registered_enterprises&sites=tiankai_park",
        expect=f'h1:has-text("{t("claims.title", "zh")}")',
    )
    grid = tab.page.locator('.st-key-claims_table [data-testid="stDataFrame"]').first
    grid.locator('canvas[data-testid="data-grid-canvas"]').wait_for()
    handle = grid.element_handle()
    tab.page.wait_for_function(
        f"(args) => ({GRID_CELLS})(args) !== null", arg=[handle, t("col.site", "zh")]
    )
    found = tab.page.evaluate(GRID_CELLS, [handle, t("col.site", "zh")])
    texts = [cell["text"] for cell in found["cells"]]
    assert TIANKAI in texts
    row = texts.index(TIANKAI)
    link = found["cells"][row]["link"]
    assert urlsplit(link).path == "/site"
    assert query(link) == {"lang": ["zh"], "unit": ["printed"], "id": ["tiankai_park"]}
    # The grid's accessible table (what a screen reader reads) names the cell by the site, not
    # by the address it holds.
    tab.page.wait_for_function(
        """([grid, name]) => [...grid.querySelectorAll('td[role="gridcell"]')]
            .some((td) => td.getAttribute('aria-label') === name
                          && td.textContent.includes('/site?'))""",
        arg=[handle, TIANKAI],
    )
    tab.shot("site-link-claims-table-zh")
    pages_before = len(tab.context.pages)
    box = tab.page.locator(
        '.st-key-claims_table canvas[data-testid="data-grid-canvas"]'
    ).first.bounding_box()
    x = box["x"] + found["left"] + 20  # on the name's first characters
    y = box["y"] + found["header"] + found["rowHeight"] * (row + 0.5)
    tab.page.mouse.move(x, y)
    tab.page.mouse.click(x, y)
    tab.done(f'h1:has-text("{TIANKAI}")')
    assert urlsplit(tab.page.url).path == "/site"
    assert tab.query() == {"lang": "zh", "unit": "printed", "id": "tiankai_park"}
    assert len(tab.context.pages) == pages_before  # the same tab, no new one
    tab.shot("site-link-claims-zh")
    tab.page.go_back()  # the browser's Back returns to the table as it was
    tab.done(f'h1:has-text("{t("claims.title", "zh")}")')
    assert urlsplit(tab.page.url).path == "/claims"
    assert tab.query()["sites"] == "tiankai_park" and tab.query()["unit"] == "printed"
    tab.check()


def test_map_site_table_name_opens_its_profile_in_the_same_tab(new_tab, live_server):
    """The Map's table of sites (the map's text alternative), in English: each site's name is
    a link to its profile in English, and following it stays in this tab."""
    tab = new_tab(locale="en-US", base=live_server.url).open(
        "/map?lang=en&region=jingjinji&metric=registered_enterprises",
        expect='[data-testid="stDeckGlJsonChart"] canvas',
    )
    words = t("map.table", "en", n="|").split("|")[1]
    tab.page.locator('[data-testid="stExpander"] summary').filter(has_text=words).first.click()
    name = "Tiankai Higher Education Sci-Tech Park (core area)"
    link = tab.page.locator('[data-testid="stTable"] td a').filter(has_text=name).first
    link.wait_for()
    assert link.inner_text().strip() == name
    href = link.get_attribute("href") or ""
    assert urlsplit(href).path == "/site"
    assert query(href) == {"lang": ["en"], "id": ["tiankai_park"]}
    pages_before = len(tab.context.pages)
    link.click()
    tab.done(f'h1:has-text("{name}")')
    assert tab.query() == {"lang": "en", "id": "tiankai_park"}
    assert len(tab.context.pages) == pages_before
    tab.check()
