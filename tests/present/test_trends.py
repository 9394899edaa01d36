"""The trends page's rules (dashboard.present.trends): the opening metric, the leading sites."""

from __future__ import annotations

import pandas as pd

from dashboard.present.trends import leading_sites, trend_metric


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
