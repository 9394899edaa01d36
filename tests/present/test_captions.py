"""What charts say around their figures: titles naming what, where and when, hidden statuses,
figure notes and the filter summary."""

from __future__ import annotations

from dashboard.present import captions
from dashboard.present.trends import trend_rows


def test_title_says_what_where_and_when(app_table):
    """One site by name; several regions listed; the span from first to last figure."""
    rows = trend_rows(app_table, "compute_capacity", "stock", [], [])
    assert captions.chart_title("算力", rows, "zh") == "算力：天津算力中心，2023年2月—2025年12月"
    rows = trend_rows(app_table, "registered_enterprises", "stock", [], [])
    title = captions.chart_title("Registered enterprises", rows, "en")
    assert title.startswith("Registered enterprises: ") and " and 2 other regions, " in title
    assert title.endswith("Dec 2022–Dec 2025")
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
