"""The rankings page's rules (dashboard.present.rankings): like with like, caveats noted."""

from __future__ import annotations

from dashboard.present.rankings import default_period, period_options, ranking
from dashboard.present.rows import select


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
