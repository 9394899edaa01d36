"""Every page at phone width (390×844, in both languages): nothing scrolls sideways, and the
overview's headline figures stand two to a row."""

from __future__ import annotations

import pytest

from dashboard.present.i18n import t
from tests.browser.pages import DRAWN, LOCALES, PAGES, with_lang

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
WIDTHS = """() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
  Math.max(...[...document.querySelectorAll('[data-testid="stMain"] *')]
    .map((e) => e.getBoundingClientRect().right))]"""
FIGURES = """() => [...document.querySelector('[class*="st-key-figures_"]')
  .querySelectorAll('[data-testid="stMetric"]')].map((m) => {
    const r = m.getBoundingClientRect();
    return [Math.round(r.left), Math.round(r.top), Math.round(r.width)];
  })"""


@pytest.mark.parametrize("lang", list(LOCALES))
@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_at_phone_width(new_tab, live_server, path, lang):
    tab = new_tab(LOCALES[lang], base=live_server.url)
    tab.page.set_viewport_size(PHONE)
    tab.open(with_lang(path, lang), expect="h1")
    tab.done()
    tab.page.wait_for_function(DRAWN, arg=t("access.lang", lang), timeout=60_000)
    scroll, client, _ = tab.page.evaluate(WIDTHS)
    assert client == PHONE["width"]
    assert scroll <= client
    if path == "/":
        first, second, third = tab.page.evaluate(FIGURES)
        assert first[1] == second[1] < third[1]  # two on the first row, the third below
        assert first[0] < second[0]
        assert all(width < PHONE["width"] / 2 for _, _, width in (first, second, third))
        tab.shot(f"phone-overview-{lang}")
    tab.check()
