"""What every page picks from the table (dashboard.present.rows): measures, search."""

from __future__ import annotations

from dashboard.core.models import FigureKind
from dashboard.present.rows import measure_of, measures_for, search
from dashboard.present.view import MEASURES


def test_measures_split_kinds_and_growth_units(app_table):
    """A metric's flows, growth rates and derived levels are separate measures."""
    assert measures_for(app_table, "tax_revenue") == ["flow", "growth"]
    assert measure_of("growth", "percentage_point") == "growth_pp"
    assert measure_of("growth", "cny") == "growth_abs"
    assert measure_of("stock", "count") == "stock"


def test_search_matches_both_languages_and_all_words(app_table):
    """Free text matches Chinese quotes and English names; every word must match."""
    assert set(search(app_table, "合肥")["site_id"]) == {"hefei_hitech"}
    assert set(search(app_table, "binhai TAX")["site_id"]) == {"bzp"}
    assert search(app_table, "binhai nonexistentword").empty
    assert len(search(app_table, "   ")) == len(app_table)


def test_measure_of_every_kind_is_a_known_measure():
    """Whatever kind of figure the models allow, in whatever unit, its measure is one a link
    can name (dashboard.present.view.MEASURES)."""
    for kind in FigureKind:
        for unit in ("percent", "percentage_point", "ratio", "cny", "count"):
            assert measure_of(kind.value, unit) in MEASURES, (kind, unit)
