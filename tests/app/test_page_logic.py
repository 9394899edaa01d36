"""The pages' rules (dashboard.present) and safe markdown (dashboard.ui.markdown)."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.present.articles import (
    figure_span,
    merge_spans,
    quote_context,
    quote_spans,
    split_spans,
)
from dashboard.present.overview import headlines, region_summary
from dashboard.present.rankings import default_period, period_options, ranking
from dashboard.present.rows import measure_of, measures_for, search, select
from dashboard.present.trends import leading_sites, trend_metric
from dashboard.ui.markdown import escape, highlighted


def test_measures_split_kinds_and_growth_units(app_table):
    """A metric's flows, growth rates and derived levels are separate measures."""
    assert measures_for(app_table, "tax_revenue") == ["flow", "growth"]
    assert measure_of("growth", "percentage_point") == "growth_pp"
    assert measure_of("growth", "cny") == "growth_abs"
    assert measure_of("stock", "count") == "stock"


def test_ranking_notes_mixed_periods_and_site_kinds(app_table):
    """ "Latest per site" mixes periods and kinds of site; the ranking says so."""
    result = ranking(app_table, "registered_enterprises", "stock", "latest", ["actual"])
    keys = [key for key, _ in result.notes]
    assert "rankings.mixed_periods" in keys
    assert "rankings.mixed_site_kinds" in keys
    assert result.rows["site_id"].is_unique
    assert list(result.rows["rank"]) == list(range(1, len(result.rows) + 1))


def test_ranking_one_period_has_no_period_note(app_table):
    """Figures of one period compare without the mixed-period note."""
    result = ranking(app_table, "registered_enterprises", "stock", "2023", ["actual"])
    assert "rankings.mixed_periods" not in [key for key, _ in result.notes]
    assert set(result.rows["period"]) == {"2023"}


def test_ranking_status_filter(app_table):
    """Only the chosen statuses are ranked; mixing them is noted."""
    actual = ranking(app_table, "registered_enterprises", "stock", "latest", ["actual"])
    assert set(actual.rows["status"]) == {"actual"}
    mixed = ranking(app_table, "registered_enterprises", "stock", "latest", ["actual", "target"])
    assert "rankings.mixed_status" in [key for key, _ in mixed.notes]


def test_default_period_is_the_best_covered(app_table):
    """The default period is the one most sites have figures for (latest of equals)."""
    rows = select(app_table, metric="registered_enterprises", measure="stock", statuses=["actual"])
    assert default_period(rows) == "2024-03"
    assert period_options(rows)[0] == "2024-03"
    assert default_period(rows.iloc[0:0]) == "latest"


def test_headlines_latest_actual_level_per_metric(app_table):
    """Headlines: one per metric, actual, not derived, the latest period first chosen."""
    best = headlines(app_table, ["jingjinji"])
    assert best["metric_id"].is_unique
    assert not best["derived"].any() and set(best["status"]) == {"actual"}
    enterprises = best[best["metric_id"] == "registered_enterprises"].iloc[0]
    assert enterprises["period"] == "2024-03"


def test_region_summary_counts(app_table):
    """Claims (derived rows excluded), sites and sources behind a region."""
    summary = region_summary(app_table, ["jingjinji"], "jingjinji")
    rows = app_table[(app_table["region_id"] == "jingjinji") & ~app_table["derived"]]
    assert (summary.claims, summary.sites, summary.sources) == (
        len(rows),
        rows["site_id"].nunique(),
        rows["source_id"].nunique(),
    )
    assert summary.claims > 0


def test_search_matches_both_languages_and_all_words(app_table):
    """Free text matches Chinese quotes and English names; every word must match."""
    assert set(search(app_table, "合肥")["site_id"]) == {"hefei_hitech"}
    assert set(search(app_table, "binhai TAX")["site_id"]) == {"bzp"}
    assert search(app_table, "binhai nonexistentword").empty
    assert len(search(app_table, "   ")) == len(app_table)


def test_quote_context_and_figure_span(app_dataset):
    """The quote is found in its paragraph and the figure located inside it."""
    text = app_dataset.texts["f001"]
    found = quote_context(text, "合肥高新区2023年企业数近4000家", 4000, None)
    assert found is not None
    assert found.after.startswith("；郑州航空港区")
    start, end = found.figure
    assert found.quote[start:end] == "4000"
    assert quote_context(text, "not there", 1, None) is None
    assert figure_span("千余家企业", 1000, "千余家") == (0, 3)


def test_spans_merge_and_split():
    """Overlapping quotes merge; text splits into marked and unmarked runs."""
    assert merge_spans([(5, 9), (0, 3), (2, 4), (9, 10)]) == [(0, 4), (5, 10)]
    assert quote_spans("abcabc", ["bc", "ca"]) == [(1, 6)]
    assert split_spans("abcdef", [(1, 3)]) == [("a", False), ("bc", True), ("def", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>x</b>", r"\<b\>x\<\/b\>"),
        ("*a* _b_ [c](d)", r"\*a\* \_b\_ \[c\]\(d\)"),
        (":red[x] :smile: $x$", r"\:red\[x\] \:smile\: \$x\$"),
        ("1. # title", r"1\. \# title"),
        ("中文，无符号", "中文，无符号"),
        ("a\nb", "a  \nb"),
        ("\n", "  \n"),
        ("a\r\n\nb", "a  \n  \nb"),
    ],
)
def test_escape_disarms_markdown_html_and_directives(text, expected):
    """Every ASCII punctuation mark is backslash-escaped; Chinese text is untouched."""
    assert escape(text) == expected


def test_highlighted_wraps_escaped_runs():
    """A highlight cannot be closed early by a ] in the data."""
    out = highlighted([("a]", None), ("x]y", "orange"), ("", "red")])
    assert out == r"a\]:orange-background[x\]y]"


def test_trend_metric_prefers_a_real_series(app_table):
    """The trends page opens on the metric with the most multi-point series."""
    assert trend_metric(app_table) == "compute_capacity"  # 3 points at one site
    single = app_table[app_table["metric_id"] == "tax_revenue"].iloc[:1]
    assert trend_metric(single) == "tax_revenue"  # no series: most figures
    assert trend_metric(app_table.iloc[0:0]) is None


def test_leading_sites_by_latest_figure(app_table):
    """The sites a trend chart shows before any is chosen: largest latest figure first (a
    site's older, larger figure does not count), smallest first for ranks, ties by id."""
    rows = app_table.iloc[0:0]
    assert leading_sites(rows, 3) == []
    base = app_table[app_table["metric_id"] == "compute_capacity"].iloc[:1]
    frame = base.loc[base.index.repeat(4)].reset_index(drop=True)
    frame["site_id"] = ["a", "a", "b", "c"]
    frame["period_end"] = [
        pd.Timestamp(d) for d in ("2020-12-31", "2024-12-31", "2024-12-31", "2023-12-31")
    ]
    frame["claim_id"] = ["a1", "a2", "b1", "c1"]
    frame["value_std"] = [900.0, 10.0, 50.0, 50.0]
    assert leading_sites(frame, 2) == ["b", "c"]  # a's latest is 10
    assert leading_sites(frame, 3) == ["b", "c", "a"]
    assert leading_sites(frame, 1, ascending=True) == ["a"]
