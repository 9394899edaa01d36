"""Every page in both languages, on the bundled data: the interface speaks the reader's
language only, and axe-core finds no accessibility violation (axe-playwright-python)."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from dashboard.present.i18n import t
from tests.browser.pages import DRAWN, LOCALES, PAGES, UI_TEXTS, with_lang

pytestmark = pytest.mark.browser

SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b(?!\.)")  # value_std; not coverage_ignore.yaml
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{2,}")
# The same in both views: the switch to the other language, file formats.
SAME = {"English", "中文", "PNG", "SVG", "CSV"}
# Interface texts that must be in the view's language and never a developer's name (captions
# are left out: they may quote English data, which the page labels as such).
CHECKED = ("heading", "label", "button", "header", "placeholder", "choice", "name", "tooltip")


def untranslated(texts: dict[str, list[str]], lang: str) -> list[tuple[str, str]]:
    """(kind, text) of each interface text not in ``lang``: a snake_case name; in the Chinese
    view a Latin-only label, in the English view a Chinese-only one. Captions are read but not
    checked: they quote the data (a curator's English note, labelled as such, names site ids)."""
    other = {"zh": (LATIN, CJK), "en": (CJK, LATIN)}[lang]  # (foreign, own) script
    found = []
    for kind, values in texts.items():
        for text in values:
            foreign_only = other[0].search(text) and not other[1].search(text)
            if text not in SAME and kind in CHECKED and (SNAKE.search(text) or foreign_only):
                found.append((kind, text))
    return found


def test_untranslated_finds_what_a_reader_would_see():
    """The check itself: a snake_case header, an English label in Chinese, a Chinese label in
    English are found; translated texts and the language switch are not."""
    texts = {
        "header": ["value_std", "标准值"],
        "label": ["Choose an option", "指标", "English"],
        "caption": ["备注（英文）：A note", "see coverage_ignore.yaml"],
    }
    assert untranslated(texts, "zh") == [("header", "value_std"), ("label", "Choose an option")]
    assert untranslated({"name": ["全屏", "Fullscreen", "中文"]}, "en") == [("name", "全屏")]


@pytest.mark.parametrize("lang", list(LOCALES))
@pytest.mark.parametrize("path", PAGES)
def test_every_page_speaks_one_language_and_passes_axe(new_tab, live_server, path, lang):
    """<html lang> follows the view, no interface text is in the other language or a
    developer's name, and axe-core reports no violation at all."""
    tab = new_tab(LOCALES[lang], base=live_server.url).open(with_lang(path, lang), expect="h1")
    tab.done()
    tab.page.wait_for_function(DRAWN, arg=t("access.lang", lang), timeout=60_000)
    assert tab.page.evaluate("document.documentElement.lang") == t("access.lang", lang)
    texts = tab.page.evaluate(UI_TEXTS)
    assert texts["heading"] and texts["label"]  # the page was read
    assert untranslated(texts, lang) == []
    response = Axe().run(tab.page).response
    violations = [
        (v["id"], v["impact"], [node["target"] for node in v["nodes"]])
        for v in response["violations"]
    ]
    assert violations == []
    assert response["passes"]  # axe ran its rules on the page
    tab.check()
