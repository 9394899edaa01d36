"""What charts say around their figures: periods for readers, titles naming what, where and
when, hidden statuses, figure notes, the filter summary, and the comparisons the data holds."""

from __future__ import annotations

from dashboard.present import captions
from dashboard.present.rankings import comparisons
from dashboard.present.trends import series_offers, trend_rows


def test_periods_in_reader_notation():
    """Months, years, ranges and quarters as readers write them, never 2023-05..2023-12."""
    cases = [
        (("2024-05-01", "2024-05-31", "month"), "2024年5月", "May 2024"),
        (("2023-01-01", "2023-12-31", "year"), "2023年", "2023"),
        (("2023-05-01", "2023-12-31", "range"), "2023年5月至12月", "May\u2009–\u2009Dec 2023"),
        (("2014-01-01", "2024-12-31", "range"), "2014–2024年", "2014\u2009–\u20092024"),
        (("2024-01-01", "2024-03-31", "quarter"), "2024年第1季度", "Q1 2024"),
    ]
    for (start, end, precision), zh, en in cases:
        assert captions.period_text(start, end, precision, "zh") == zh
        assert captions.period_text(start, end, precision, "en") == en


def test_title_says_what_where_and_when(app_table):
    """One site by name; several regions listed; the span from first to last figure."""
    rows = trend_rows(app_table, "compute_capacity", "stock", [], [])
    assert captions.chart_title("算力", rows, "zh") == "算力：天津算力中心，2023年2月至2025年12月"
    rows = trend_rows(app_table, "registered_enterprises", "stock", [], [])
    title = captions.chart_title("Registered enterprises", rows, "en")
    assert title.startswith("Registered enterprises: ") and " and 2 other regions, " in title
    assert title.endswith("Dec 2022\u2009–\u2009Dec 2025")
    assert captions.chart_title("X", rows.iloc[0:0], "en") == "X"


def test_hidden_statuses_are_counted(app_table):
    """Statuses a filter leaves out are named with how many figures they hold."""
    everything = trend_rows(app_table, "compute_capacity", "stock", [], [])
    shown = trend_rows(app_table, "compute_capacity", "stock", [], ["actual", "plan"])
    assert captions.hidden_statuses(shown, everything, "zh") == "状态筛选未显示：目标1个。"
    assert (
        captions.hidden_statuses(shown, everything, "en") == "Not shown (status filter): 1 target."
    )
    assert captions.hidden_statuses(everything, everything, "en") is None


def test_figure_notes_name_derived_and_repeated_figures(app_table):
    rows = trend_rows(app_table, "tax_revenue", "flow", [], [])
    assert rows["derived"].any()
    assert any("derived" in note for note in captions.figure_notes(rows, "en"))
    repeated = rows.assign(reported_by=[2] + [1] * (len(rows) - 1))
    assert "1 figures are reported by several articles" in " ".join(
        captions.figure_notes(repeated, "en")
    )
    plain = rows[~rows["derived"]]
    assert captions.figure_notes(plain, "zh") == []


def test_filter_summary_is_one_line_in_each_language():
    items = [("区域", ["京津冀"]), ("状态", ["实际", "计划"]), ("地点", [])]
    assert (
        captions.filter_summary(items, "printed", "zh")
        == "筛选：区域 京津冀 · 状态 实际、计划 · 地点 全部 · 数字 原文写法"
    )
    assert captions.filter_summary([("Region", [])], "std", "en") == (
        "Filters: Region all · Numbers standard units"
    )


def test_comparisons_the_data_can_make(app_table):
    """Rankings of two sites or more in one period, most sites first; never a lone site."""
    found = comparisons(app_table)
    assert found and all(c["n"] >= 2 for c in found)
    assert [c["n"] for c in found] == sorted((c["n"] for c in found), reverse=True)
    first = found[0]
    rows = app_table[
        (app_table["metric_id"] == first["metric"])
        & (app_table["period"].astype(str) == first["period"])
        & (app_table["status"] == "actual")
    ]
    assert rows["site_id"].nunique() >= first["n"]


def test_series_offers_have_two_points_of_one_status(app_table):
    found = series_offers(app_table)
    assert found
    for offer in found:
        rows = app_table[
            (app_table["metric_id"] == offer["metric"])
            & (app_table["site_id"] == offer["site"])
            & (app_table["status"] == offer["status"])
            & app_table["same_as"].isna()
        ]
        assert len(rows) >= offer["n"] >= 2
