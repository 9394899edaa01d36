"""Numbers in the reader's convention, with babel: 12亿元 and 1.1万 in Chinese, CNY 1.2 billion
and 11 thousand in English; the qualifier kept in words ("超", "over"); the figure as printed.

Two readings of one claim:

- :func:`std_label` - the standard value (``value_std`` in ``unit_std``), compact, for comparing;
- :func:`printed_label` - the figure as the article prints it (``printed`` or value and unit).

:func:`axis_scale` picks a divisor and unit label for a chart axis from the same babel data.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, Literal

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_compact_decimal, format_decimal

from dashboard.core.periods import parse_period

BABEL_LOCALE = {"zh": "zh_CN", "en": "en"}
# Units shown compact (万, 亿; thousand, billion); other units are printed in full.
COMPACT_UNITS = {"cny", "count", "m2", "tonne"}
# Standard units written before the number in English (CNY 1.2 billion).
PREFIX_UNITS_EN = {"cny"}
# Words in a printed figure that already carry its qualifier (千余家, 40多个, 近5000).
QUALIFIER_MARKS = "余多超逾近约最以上突破左右"


def _locale(lang: str) -> str:
    return BABEL_LOCALE.get(lang, "en")


def _compact_style(lang: str) -> Literal["short", "long"]:
    return "short" if lang == "zh" else "long"


# Babel's formatting takes tens of microseconds a call and a page at 100,000 claims formats
# thousands of figures on each rerun; the same figures recur, so each result is remembered.
@lru_cache(maxsize=65_536)
def number(value: float, lang: str, digits: int = 2) -> str:
    """A plain number in the reader's convention: ``5,000``, ``84.7``."""
    return format_decimal(round(value, digits), locale=_locale(lang))


@lru_cache(maxsize=65_536)
def compact(value: float, lang: str, digits: int = 2) -> str:
    """``12亿``, ``1.1万`` (zh) or ``1.2 billion``, ``11 thousand`` (en)."""
    return format_compact_decimal(
        value, format_type=_compact_style(lang), locale=_locale(lang), fraction_digits=digits
    )


def unit_name(unit_std: str, names: Mapping[str, str] | None, lang: str) -> str:
    """The standard unit's label; counts have none (the metric says what is counted)."""
    if unit_std == "count":
        return ""
    if names and names.get(lang):
        return names[lang]
    return unit_std


def qualify(text: str, qualifier: str | None, lang: str) -> str:
    """Wrap a formatted figure in its qualifier: ``超5000家``, ``over 5,000``, ``5,000+``."""
    q = qualifier or "exact"
    if lang == "zh":
        return {
            "over": f"超{text}",
            "more_than": f"{text}余",
            "nearly": f"近{text}",
            "about": f"约{text}",
            "up_to": f"最多{text}",
        }.get(q, text)
    return {
        "over": f"over {text}",
        "more_than": f"{text}+",
        "nearly": f"nearly {text}",
        "about": f"about {text}",
        "up_to": f"up to {text}",
    }.get(q, text)


def std_label(
    value_std: float,
    unit_std: str,
    lang: str,
    qualifier: str | None = None,
    unit_names: Mapping[str, str] | None = None,
    counter: str | None = None,
) -> str:
    """The standard value with unit and qualifier: ``超12亿元``, ``over CNY 1.2 billion``.

    A count has no standard unit name; in Chinese ``counter`` (the printed measure word, 家,
    项) follows the number: ``超5000家``, ``1.1万家``.
    """
    if value_std is None or (isinstance(value_std, float) and math.isnan(value_std)):
        return ""
    label = unit_name(unit_std, unit_names, lang)
    if unit_std == "count" and lang == "zh" and counter:
        label = counter
    # Compact from 10,000 up (万 in Chinese); 4,200 reads better than "4.2 thousand".
    if unit_std in COMPACT_UNITS and abs(value_std) >= 10_000:
        figure = compact(value_std, lang)
    else:
        figure = number(value_std, lang)
    if lang == "zh":
        if qualifier == "more_than":  # 12亿余元: 余 goes between number and unit
            return f"{figure}余{label}"
        return qualify(f"{figure}{label}", qualifier, lang)
    if not label:
        text = figure
    elif unit_std in PREFIX_UNITS_EN:
        text = f"{label} {figure}"
    elif label in ("%",):
        text = f"{figure}%"
    else:
        text = f"{figure} {label}"
    return qualify(text, qualifier, lang)


def _plain(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e15 else f"{value:.0f}"


def as_printed(value: float, unit: str, printed: str | None) -> str:
    """The figure exactly as printed: ``千余家``, ``5000家``, ``84.7%``."""
    if printed and isinstance(printed, str):
        return printed if unit in printed else f"{printed}{unit}"
    return f"{_plain(value)}{unit}"


def printed_label(
    value: float, unit: str, printed: str | None, qualifier: str | None, lang: str
) -> str:
    """The printed figure with its qualifier made explicit: ``超5000家``; English keeps the
    Chinese figure and adds the qualifier in words: ``over 5000家``."""
    shown = as_printed(value, unit, printed if isinstance(printed, str) else None)
    has_mark = isinstance(printed, str) and any(ch in printed for ch in QUALIFIER_MARKS)
    if lang == "zh":
        if has_mark or not qualifier or qualifier == "exact":
            return shown
        if qualifier == "more_than":
            return f"{_plain(value)}余{unit}"
        return qualify(shown, qualifier, "zh")
    if not qualifier or qualifier == "exact":
        return shown
    words = {
        "over": "over",
        "more_than": "more than",
        "nearly": "nearly",
        "about": "about",
        "up_to": "up to",
    }
    return f"{words.get(qualifier, qualifier)} {shown}" if not has_mark else shown


def counter_of(unit: str) -> str:
    """The measure word of a printed count unit: 家 for 万家, 人次 for 万人次."""
    return str(unit).removeprefix("万").removeprefix("亿")


def row_label(row: Mapping[str, Any], lang: str, mode: str) -> str:
    """A tidy-table row's figure in ``mode`` ``std`` or ``printed``. A derived figure was
    never printed: in ``printed`` mode it shows its value in the printed unit, marked."""
    if mode == "printed":
        if row.get("derived"):
            figure = f"{float(row['value']):.4g}{row['unit']}"
            return qualify(figure, "about", lang) + (" (推算)" if lang == "zh" else " (derived)")
        return printed_label(
            row["value"], row["unit"], row.get("printed"), row.get("qualifier"), lang
        )
    names = {
        "zh": str(row.get("unit_std_name_zh") or ""),
        "en": str(row.get("unit_std_name_en") or ""),
    }
    return std_label(
        row["value_std"],
        row["unit_std"],
        lang,
        row.get("qualifier"),
        names,
        counter_of(row.get("unit") or ""),
    )


def axis_scale(
    values: Iterable[float], unit_std: str, lang: str, unit_names: Mapping[str, str] | None = None
) -> tuple[float, str]:
    """(divisor, axis unit label) for plotting ``values``: ``(1e8, '亿元')``,
    ``(1e9, 'CNY billion')``; taken from babel's compact-number patterns."""
    finite = [abs(v) for v in values if v is not None and math.isfinite(v)]
    label = unit_name(unit_std, unit_names, lang)
    divisor, word = 1.0, ""
    if finite and unit_std in COMPACT_UNITS and max(finite) >= 1000:
        magnitude = 10 ** math.floor(math.log10(max(finite)))
        formats = Locale.parse(_locale(lang)).compact_decimal_formats[_compact_style(lang)]
        pattern = formats["other"].get(str(magnitude))
        if pattern is not None and "0" in pattern.pattern:
            zeros = pattern.pattern.count("0")
            divisor = magnitude / 10 ** (zeros - 1)
            word = pattern.suffix[0].strip()
            if not word:
                divisor = 1.0
    if lang == "zh":
        return divisor, f"{word}{label}"
    if unit_std in PREFIX_UNITS_EN and word:
        return divisor, f"{label} {word}"
    return divisor, " ".join(part for part in (word, label) if part)


# Periods in the reader's notation: 2014—2024年, 2023年5—12月, 2024年第一季度 (the dash of
# Chinese ranges is 一字线, GB/T 15834); 2014–2024, May–Dec 2023, Q1 2024. Month names and
# day dates come from babel's CLDR patterns.
_QUARTERS_ZH = "一二三四"
_RANGE_DASH = {"zh": "—", "en": "–"}


def _period_part(text: str, lang: str) -> tuple[str, str, str]:
    """(year, rest, precision) of one end of a period: ('2023', '5月', 'month')."""
    found = parse_period(text)
    year, start = str(found.start.year), found.start
    if found.precision == "year":
        return year, "", "year"
    if found.precision == "month":
        rest = f"{start.month}月" if lang == "zh" else format_date(start, "MMM", locale="en")
        return year, rest, "month"
    if found.precision == "quarter":
        q = (start.month - 1) // 3
        return year, (f"第{_QUARTERS_ZH[q]}季度" if lang == "zh" else f"Q{q + 1}"), "quarter"
    if found.precision == "half":
        first = start.month == 1
        return year, ("上半年" if first else "下半年") if lang == "zh" else f"H{2 - first}", "half"
    return year, format_skeleton("yMMMd", start, locale=_locale(lang)), "day"


def _one(year: str, rest: str, precision: str, lang: str) -> str:
    if precision == "day":
        return rest
    if lang == "zh":
        return f"{year}年{rest}"
    return f"{rest} {year}".strip()


@lru_cache(maxsize=4096)
def period_label(text: str, lang: str) -> str:
    """A period as readers write it; the text unchanged if it is not a period."""
    try:
        first, _, last = str(text).partition("..")
        a = _period_part(first.strip(), lang)
        b = _period_part(last.strip(), lang) if last else None
    except ValueError:
        return str(text)
    if b is None:
        return _one(*a, lang)
    dash = _RANGE_DASH["zh" if lang == "zh" else "en"]
    if a[2] == b[2] == "year":
        return f"{a[0]}{dash}{b[0]}年" if lang == "zh" else f"{a[0]}{dash}{b[0]}"
    if a[2] == b[2] == "month" and a[0] == b[0]:
        if lang == "zh":
            return f"{a[0]}年{a[1].removesuffix('月')}{dash}{b[1]}"
        return f"{a[1]}{dash}{b[1]} {b[0]}"
    return f"{_one(*a, lang)}{dash}{_one(*b, lang)}"
