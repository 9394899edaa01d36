"""Figures as articles print them: Arabic (5000, 1.1, 6,230) and Chinese (千余, 两, 一百多, 百亿).

:func:`read_figure` reads one figure at a place in a text: its value, the unit after it (the
longest unit of ``units.yaml`` that the text continues with, a magnitude such as 万 or 亿
included: 1.1万家 is 1.1 in 万家) and the hedge printed inside it (余, 多). Chinese numerals go
through cn2an; the loose forms it does not take (千 alone, 数十, 上万) are normalised first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import cn2an

ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
CHINESE = re.compile(r"[数上几]?[零〇一二两三四五六七八九十百千万亿]+")
MAGNITUDES = "十百千万亿"
_LOOSE = re.compile(r"^[数上几]")  # 数十, 上万, 几百: "some", read as the round figure


@dataclass(frozen=True)
class ReadFigure:
    """One figure read from a text.

    ``start``/``end`` span the figure from its first digit to the end of its unit;
    ``number`` is the numeral as printed (``1,200``, ``千``); ``value`` the number without
    its unit; ``unit`` an id of ``units.yaml`` or None; ``hedge`` ``余``/``多`` or None.
    """

    start: int
    end: int
    number: str
    value: float
    unit: str | None
    hedge: str | None

    @property
    def arabic(self) -> bool:
        return self.number[0].isdigit()


def chinese_value(numeral: str) -> float | None:
    """The value of a Chinese numeral (两 → 2, 千 → 1000, 一百 → 100, 数十 → 10), or None."""
    text = _LOOSE.sub("", numeral)
    if not text:
        return None
    if text[0] in MAGNITUDES:  # 千, 百亿: cn2an wants the leading 一
        text = "一" + text
    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return float(value)


def _unit_after(text: str, at: int, units: Iterable[str]) -> str | None:
    """The longest unit id that ``text`` continues with at ``at``."""
    best = None
    for unit in units:
        if text.startswith(unit, at) and (best is None or len(unit) > len(best)):
            best = unit
    return best


def read_figure(text: str, start: int, units: Iterable[str]) -> ReadFigure | None:
    """The figure that begins at ``start`` in ``text``, or None when none does.

    A magnitude after an Arabic number joins the unit (1.1万家 → 1.1 万家, 8600余万元 → 8600
    万元, 2万多套 → 2 万套); a Chinese numeral's magnitude does too when the registry has the
    unit (百亿元 → 100 亿元, 百万吨 → 100 万吨), else it is part of the number (千余家 → 1000 家).
    """
    known = tuple(units)
    arabic = ARABIC.match(text, start)
    if arabic is not None:
        number = arabic.group()
        value = float(number.replace(",", ""))
        at = start + len(number)
    else:
        chinese = CHINESE.match(text, start)
        if chinese is None:
            return None
        number = chinese.group()
        parsed = chinese_value(number)
        at = start + len(number)
        if number[-1] in "万亿":
            # 百亿元, 上万人, 逾亿元: the magnitude belongs to the unit when the registry has it.
            head = number[:-1]
            head_value = 1.0 if not head or _LOOSE.fullmatch(head) else chinese_value(head)
            if head_value is not None and _unit_after(text, start + len(head), known):
                number, parsed, at = head or number, head_value, start + len(head)
        if parsed is None:
            return None
        value = parsed
    hedge = None
    if text[at : at + 1] in ("余", "多"):
        hedge, at = text[at], at + 1
    unit = _unit_after(text, at, known)
    if unit == "个":
        # 4个架次: a counter before a unit of its own (not 3个项目, where 项 starts a word).
        after = _unit_after(text, at + 1, known)
        if after is not None and len(after) > 1:
            unit, at = after, at + 1
    elif unit is None and text.startswith("大", at):  # 14大类, 3大系列
        after = _unit_after(text, at + 1, known)
        if after is not None:
            unit, at = after, at + 1
    if unit is None and text[at : at + 1] in ("万", "亿"):
        # 2万多套: the magnitude, the hedge, then the unit.
        magnitude = text[at]
        rest = at + 1
        if text[rest : rest + 1] in ("余", "多"):
            hedge, rest = text[rest], rest + 1
        tail = _unit_after(text, rest, known)
        if tail is not None and magnitude + tail in known:
            unit, at = magnitude + tail, rest + len(tail)
            return ReadFigure(start, at, number, value, unit, hedge)
    if unit is not None:
        at += len(unit)
    return ReadFigure(start, at, number, value, unit, hedge)
