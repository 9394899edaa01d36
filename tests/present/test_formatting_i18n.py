"""Numbers in the reader's convention and labels in both languages."""

from __future__ import annotations

import pytest

from dashboard.core.models import FigureKind, Qualifier, SiteKind, Status
from dashboard.present.formatting import (
    as_printed,
    axis_scale,
    printed_label,
    row_label,
    std_label,
)
from dashboard.present.i18n import TEXTS, VOCAB, lang_from_locale, name, t, vocab
from dashboard.present.view import MEASURES

CNY = {"zh": "元", "en": "CNY"}
PCT = {"zh": "%", "en": "%"}


@pytest.mark.parametrize(
    ("value", "unit", "lang", "qualifier", "names", "counter", "expected"),
    [
        (1.2e9, "cny", "zh", None, CNY, None, "12亿元"),
        (1.2e9, "cny", "en", None, CNY, None, "CNY 1.2 billion"),
        (1.2e9, "cny", "zh", "over", CNY, None, "超12亿元"),
        (1.2e9, "cny", "en", "over", CNY, None, "over CNY 1.2 billion"),
        (8.6e7, "cny", "zh", "more_than", CNY, None, "8600万余元"),
        (8.6e7, "cny", "en", "more_than", CNY, None, "CNY 86 million+"),
        (11000, "count", "zh", None, None, "家", "1.1万家"),
        (11000, "count", "en", None, None, "家", "11 thousand"),
        (5000, "count", "zh", "over", None, "家", "超5,000家"),
        (5000, "count", "en", "over", None, "家", "over 5,000"),
        (4000, "count", "zh", "nearly", None, "家", "近4,000家"),
        (3000, "count", "en", "about", None, None, "about 3,000"),
        (84.7, "percent", "zh", None, PCT, None, "84.7%"),
        (84.7, "percent", "en", "up_to", PCT, None, "up to 84.7%"),
        (float("nan"), "cny", "en", None, CNY, None, ""),
    ],
)
def test_std_label_reader_convention(value, unit, lang, qualifier, names, counter, expected):
    """亿元 and 万 in Chinese, CNY billion and thousand in English; qualifier in words."""
    assert std_label(value, unit, lang, qualifier, names, counter) == expected


@pytest.mark.parametrize(
    ("value", "unit", "printed", "qualifier", "lang", "expected"),
    [
        (5000, "家", None, "over", "zh", "超5000家"),
        (5000, "家", None, "over", "en", "over 5000家"),
        (1000, "家", "千余家", "more_than", "zh", "千余家"),
        (1000, "家", "千余家", "more_than", "en", "千余家"),
        (40, "个", "40多", "more_than", "zh", "40多个"),
        (1200, "家", "1,200", "exact", "en", "1,200家"),
        (8600, "万元", None, "more_than", "zh", "8600余万元"),
        (84.7, "%", None, None, "en", "84.7%"),
    ],
)
def test_printed_label_keeps_the_article_figure(value, unit, printed, qualifier, lang, expected):
    """The figure as printed, the qualifier made explicit where the print lacks it."""
    assert printed_label(value, unit, printed, qualifier, lang) == expected
    assert as_printed(value, unit, printed).endswith(unit) or unit in (printed or "")


def test_row_label_marks_derived_figures():
    """A derived figure is never shown as if printed."""
    row = {
        "value": 10.0,
        "unit": "亿元",
        "printed": None,
        "qualifier": "about",
        "derived": True,
        "value_std": 1e9,
        "unit_std": "cny",
        "unit_std_name_zh": "元",
        "unit_std_name_en": "CNY",
    }
    assert row_label(row, "zh", "printed") == "约10亿元 (推算)"
    assert row_label(row, "en", "printed") == "about 10亿元 (derived)"
    assert row_label(row, "en", "std") == "about CNY 1 billion"


@pytest.mark.parametrize(
    ("values", "unit", "lang", "names", "expected"),
    [
        ([1.2e9, 3e8], "cny", "zh", CNY, (1e8, "亿元")),
        ([1.2e9, 3e8], "cny", "en", CNY, (1e9, "CNY billion")),
        ([2.5e12], "cny", "zh", CNY, (1e12, "万亿元")),
        ([5000, 4000], "count", "zh", None, (1.0, "")),
        ([5000, 4000], "count", "en", None, (1e3, "thousand")),
        ([52000], "count", "zh", None, (1e4, "万")),
        ([84.7], "percent", "en", PCT, (1.0, "%")),
        ([], "cny", "en", CNY, (1.0, "CNY")),
    ],
)
def test_axis_scale_from_babel_patterns(values, unit, lang, names, expected):
    """The axis divisor and unit follow babel's compact-number patterns."""
    assert axis_scale(values, unit, lang, names) == expected


@pytest.mark.parametrize(
    ("locale", "lang"),
    [
        ("zh-CN", "zh"),
        ("zh-TW", "zh"),
        ("zh", "zh"),
        ("ZH_hans", "zh"),
        ("en-US", "en"),
        ("de-DE", "en"),
        ("", "en"),
        (None, "en"),
    ],
)
def test_lang_from_locale(locale, lang):
    """zh-* opens in Chinese, anything else in English."""
    assert lang_from_locale(locale) == lang


def test_every_text_has_both_languages():
    """No label is missing a language or left empty."""
    for key, pair in TEXTS.items():
        assert len(pair) == 2 and all(text.strip() for text in pair), key
    for group, labels in VOCAB.items():
        for value, pair in labels.items():
            if (group, value) == ("qualifier", "exact"):  # an exact figure has no word
                assert pair == ("", "")
                continue
            assert all(text.strip() for text in pair)


@pytest.mark.parametrize(
    ("group", "values"),
    [("status", Status), ("qualifier", Qualifier), ("kind", FigureKind), ("site_kind", SiteKind)],
)
def test_vocab_labels_every_model_value(group, values):
    """Each value the models allow has a label in both languages, and only those have one."""
    assert set(VOCAB[group]) == {value.value for value in values}
    for value in values:
        zh, en = VOCAB[group][value.value]
        assert (zh.strip() and en.strip()) or (group, value.value) == ("qualifier", "exact")


def test_every_measure_has_a_label():
    """Each measure a link or a selectbox can name has its text in both languages."""
    for measure in MEASURES:
        assert all(text.strip() for text in TEXTS[f"measure.{measure}"]), measure


def test_t_fills_placeholders_and_vocab_falls_back():
    """Texts format their values; an unknown vocabulary id shows as itself."""
    assert t("claims.count", "en", shown=2, total=5) == "Showing 2 of 5 claims"
    assert t("claims.count", "zh", shown=2, total=5) == "显示 2 / 5 条"
    assert vocab("status", "plan", "zh") == "计划"
    assert vocab("status", "rumour", "en") == "rumour"


def test_name_picks_the_language_and_falls_back():
    """name() picks name_zh or name_en, and the other one when missing."""
    row = {"site_name_zh": "滨海", "site_name_en": None}
    assert name(row, "zh", "site_") == "滨海"
    assert name(row, "en", "site_") == "滨海"


def test_a_text_key_defined_in_two_modules_is_an_error(monkeypatch):
    from types import SimpleNamespace

    from dashboard.present import texts

    twin = SimpleNamespace(__name__="twin", TEXTS={"app.title": ("甲", "A")})
    monkeypatch.setattr(texts, "MODULES", (*texts.MODULES, twin))
    with pytest.raises(ValueError, match=r"twin redefines \['app.title'\]"):
        texts.merged()
