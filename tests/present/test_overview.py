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


def test_headlines_prefer_how_much_there_is_to_a_flow():
    """On the bundled data, 滨海—中关村's headline for registered firms is its total (超5,000,
    May 2024), not the 16 firms that signed in the same month."""
    from pathlib import Path

    from dashboard.core.loader import load_dataset
    from dashboard.core.table import tidy_table
    from dashboard.present.rows import with_measure

    table = with_measure(tidy_table(load_dataset(Path(__file__).resolve().parents[2] / "data")))
    best = headlines(table, ["jingjinji"])
    enterprises = best[best["metric_id"] == "registered_enterprises"].iloc[0]
    assert enterprises["measure"] != "flow"
    flows = table[(table["metric_id"] == "registered_enterprises") & (table["measure"] == "flow")]
    assert not flows[flows["region_id"] == "jingjinji"].empty  # the case is really there
