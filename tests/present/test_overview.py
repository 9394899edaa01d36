"""The overview's rules (dashboard.present.overview): headline figures, region summaries."""

from __future__ import annotations

from dashboard.present.overview import headlines, region_summary


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
