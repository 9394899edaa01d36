"""Periods as the data writes them: a day, month, quarter, half, year, or a range."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Period:
    """A parsed period: first and last day, and how precise the text was."""

    text: str
    start: date
    end: date
    precision: str  # day, month, quarter, half, year or range

    def shifted_years(self, years: int) -> Period:
        """The same period ``years`` years later (earlier when negative)."""
        if self.precision == "range":
            first, last = self.text.split("..")
            return parse_period(f"{_shift(first, years)}..{_shift(last, years)}")
        return parse_period(_shift(self.text, years))


def _shift(text: str, years: int) -> str:
    return f"{int(text[:4]) + years:04d}{text[4:]}"


def _bounds(text: str) -> tuple[date, date, str]:
    if m := _DAY.match(text):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day, "day"
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"
    if m := _QUARTER.match(text):
        year, quarter = int(m[1]), int(m[2])
        last = quarter * 3
        return (
            date(year, last - 2, 1),
            date(year, last, calendar.monthrange(year, last)[1]),
            "quarter",
        )
    if m := _HALF.match(text):
        year, half = int(m[1]), int(m[2])
        return (
            (date(year, 1, 1), date(year, 6, 30), "half")
            if half == 1
            else (date(year, 7, 1), date(year, 12, 31), "half")
        )
    if m := _YEAR.match(text):
        year = int(m[1])
        return date(year, 1, 1), date(year, 12, 31), "year"
    raise ValueError(
        f"{text!r} is not a period: write 2023, 2024-05, 2024-Q1, 2024-H1, 2024-02-26 "
        "or a range such as 2014..2024"
    )


def parse_period(text: str) -> Period:
    """Parse a period; raises ValueError with a readable message when it is not one."""
    text = text.strip()
    if ".." in text:
        first, _, last = text.partition("..")
        start, _, _ = _bounds(first.strip())
        _, end, _ = _bounds(last.strip())
        if end < start:
            raise ValueError(f"range {text!r} ends before it starts")
        return Period(text, start, end, "range")
    try:
        start, end, precision = _bounds(text)
    except ValueError as err:
        if "day is out of range" in str(err) or "month must be" in str(err):
            raise ValueError(f"{text!r} is not a real date") from err
        raise
    return Period(text, start, end, precision)
