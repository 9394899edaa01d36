"""The tidy table: standard units, real datetimes, joined attributes, derived rows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.dataset import default_data_dir
from dashboard.core.loader import load_dataset
from dashboard.core.periods import parse_period
from dashboard.core.quotes import find_number, number_forms
from dashboard.core.rows import COLUMNS
from dashboard.core.table import tidy_table


@pytest.fixture(scope="module")
def real_units():
    """The units registry of the real data folder."""
    dataset = load_dataset(default_data_dir())
    return {uid: item.record for uid, item in dataset.units.items()}


@pytest.mark.parametrize(
    ("value", "unit", "expected", "standard"),
    [
        (1.1, "万家", 11000, "count"),
        (9000, "亿元", 9.0e11, "cny"),
        (200, "P", 200, "pflops"),
        (3.49, "%", 3.49, "percent"),
        (1.2, "万亿元", 1.2e12, "cny"),
        (19.96, "万平方米", 199600, "m2"),
    ],
)
def test_units_convert_to_standard(real_units, value, unit, expected, standard) -> None:
    """Printed units convert to the standard unit by their registered factor."""
    assert real_units[unit].standard == standard
    assert value * real_units[unit].factor == pytest.approx(expected)


def test_table_rows_and_columns(mini: Path) -> None:
    """One row per claim plus the derived prior-year level, in the documented columns."""
    frame = tidy_table(load_dataset(mini))
    assert list(frame.columns) == COLUMNS
    assert len(frame) == 7
    row = frame.set_index("claim_id").loc["t1-park-enterprises"]
    assert row["value_std"] == 5000 and row["unit_std"] == "count"
    assert row["site_name_zh"] == "科技园" and row["region_name_en"] == "North"
    assert row["period_start"] == pd.Timestamp("2024-05-01")
    assert row["period_end"] == pd.Timestamp("2024-05-31")
    assert row["qualifier"] == "over" and row["source_publication"] == "测试日报"
    assert pd.api.types.is_datetime64_any_dtype(frame["period_start"])


def test_table_derived_prior_year_recomputes(mini: Path) -> None:
    """152亿元 grown 84.7% implies about 82.3亿元 the year before, marked as derived."""
    frame = tidy_table(load_dataset(mini)).set_index("claim_id")
    derived = frame.loc["t1-contracts~prior-year"]
    assert bool(derived["derived"]) and derived["qualifier"] == "about"
    assert derived["value"] == pytest.approx(152 / 1.847)
    assert derived["value_std"] == pytest.approx(152e8 / 1.847)
    assert derived["period"] == "2022"
    assert derived["inputs"] == "t1-contracts t1-contracts-growth"
    assert not frame.drop(index="t1-contracts~prior-year")["derived"].any()


def test_table_derived_from_a_bound_keeps_the_bound(mini: Path) -> None:
    """超152亿元 grown 84.7%: the prior year was over 152 / 1.847 亿元, not about it."""
    claims = mini / "claims" / "t1.yaml"
    text = claims.read_text(encoding="utf-8")
    bounded = text.replace(
        "unit: 亿元\n    period: 2023\n", "unit: 亿元\n    qualifier: over\n    period: 2023\n", 1
    )
    claims.write_text(bounded, encoding="utf-8")
    frame = tidy_table(load_dataset(mini)).set_index("claim_id")
    assert frame.loc["t1-contracts", "qualifier"] == "over"
    assert frame.loc["t1-contracts~prior-year", "qualifier"] == "over"


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2023", "2023-01-01", "2023-12-31", "year"),
        ("2024-05", "2024-05-01", "2024-05-31", "month"),
        ("2024-Q1", "2024-01-01", "2024-03-31", "quarter"),
        ("2024-H2", "2024-07-01", "2024-12-31", "half"),
        ("2024-02-26", "2024-02-26", "2024-02-26", "day"),
        ("2014..2024", "2014-01-01", "2024-12-31", "range"),
        ("2023-01..2023-11", "2023-01-01", "2023-11-30", "range"),
    ],
)
def test_period_parse(text, start, end, precision) -> None:
    """Every period form has real first and last days."""
    period = parse_period(text)
    assert (str(period.start), str(period.end), period.precision) == (start, end, precision)


@pytest.mark.parametrize("text", ["2024-02-30", "2024-13", "May 2024", "2024..2020", "24"])
def test_period_rejects(text) -> None:
    """Impossible dates and unknown forms are refused with a message."""
    with pytest.raises(ValueError):
        parse_period(text)


@pytest.mark.parametrize(
    ("value", "text", "found"),
    [
        (5000, "已超5000家", "5000"),
        (1.1, "达1.1万家", "1.1"),
        (16, "2016年", None),
        (1.1, "增长1.15%", None),
        (6230, "达6,230家", "6,230"),
        (200, "从目前的200P扩容", "200"),
        (0.5, "提升0.5个百分点", "0.5"),
    ],
)
def test_find_number_whole_numbers_only(value, text, found) -> None:
    """A number matches only as a whole figure, never inside another."""
    match = find_number(value, text)
    assert (match.group() if match else None) == found


def test_number_forms() -> None:
    """Integers print plain and with thousands separators; decimals as written."""
    assert number_forms(5000.0) == ["5000", "5,000"]
    assert number_forms(84.7) == ["84.7"]
