"""Every chart the pages can draw is a valid plotly figure.

The builders skip plotly's validation at run time (it was half of a trends rerun at 100,000
claims), so it happens here instead: each figure of every metric and measure, in both
languages and both unit modes, of the test data and the busiest of the bundled data, is
rebuilt through ``go.Figure(...)`` with validation on, which raises on any unknown property
or bad value, and must come out the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from dashboard.charts.rankings import ranking_figure
from dashboard.charts.trends import trend_figure
from dashboard.core.loader import load_dataset
from dashboard.core.table import tidy_table
from dashboard.present.rankings import ranking
from dashboard.present.rows import measures_for, metric_counts, with_measure
from dashboard.present.trends import trend_rows
from dashboard.present.view import LATEST

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundled_table():
    return with_measure(tidy_table(load_dataset(ROOT / "data")))


def _figures(table, per_measure: int | None = None):
    """Trend and ranking figures of each metric and measure (or of the ``per_measure``
    metrics with most figures of each measure)."""
    regions = sorted(table["region_id"].astype(str).unique())
    taken: dict[str, int] = {}
    for metric, _ in metric_counts(table):
        for measure in measures_for(table, metric):
            taken[measure] = taken.get(measure, 0) + 1
            if per_measure is not None and taken[measure] > per_measure:
                continue
            rows = trend_rows(table, metric, measure, [], [])
            ranked = ranking(table, metric, measure, LATEST, [])
            # Both languages and both unit modes, in two figures of each kind.
            for lang, unit in (("zh", "printed"), ("en", "std")):
                yield trend_figure(rows, lang=lang, unit_mode=unit, title="T", note="N")
                yield ranking_figure(
                    ranked.rows,
                    lang=lang,
                    unit_mode=unit,
                    title="T",
                    note="N",
                    ranked=ranked.ranked,
                    region_order=regions,
                )


def _assert_valid(figures) -> int:
    count = 0
    for fig in figures:
        spec = fig.to_dict()
        spec["layout"].pop("template", None)  # plotly's own default, not built by us
        validated = go.Figure(spec)  # raises ValueError on anything plotly does not accept
        validated.layout.template = None
        # Same content (validation orders keys its own way).
        assert json.loads(pio.to_json(validated, validate=False)) == json.loads(
            pio.to_json(spec, validate=False)
        )
        count += 1
    return count


def test_every_chart_of_the_test_data_is_valid(app_table):
    assert _assert_valid(_figures(app_table)) > 10


def test_the_charts_of_the_bundled_data_are_valid(bundled_table):
    """The busiest metrics of each measure (all of them would take minutes)."""
    assert _assert_valid(_figures(bundled_table, per_measure=5)) > 80


def test_an_invalid_figure_is_caught():
    """The check above can fail: a misspelt property does not pass validation."""
    fig = go.Figure(
        data=[{"type": "scatter", "x": [1], "y": [1], "colour": "red"}], _validate=False
    )
    with pytest.raises(ValueError):
        go.Figure(fig.to_dict())
