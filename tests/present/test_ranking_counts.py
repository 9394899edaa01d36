"""The rankings picker's counts of every metric in one pass equal what the page draws for
each metric (``chart_count``), on the bundled data, the fixed data set and synthetic data."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.generate import generate
from dashboard.core.live import DataStore
from dashboard.present.counts import chart_counts, ranking_bar_counts
from dashboard.present.rows import select, with_measure

ROOT = Path(__file__).resolve().parents[2]


def _table(data: Path):
    return with_measure(DataStore(data.resolve(), cache=None).refresh().table)


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    synthetic = generate(tmp_path_factory.mktemp("gen") / "gen", 3_000, seed=3, files=4)
    return {
        "bundled": _table(ROOT / "data"),
        "fixture": _table(ROOT / "tests" / "fixtures" / "app_data" / "data"),
        "synthetic": _table(synthetic),
    }


@pytest.mark.parametrize("name", ["bundled", "fixture", "synthetic"])
@pytest.mark.parametrize("statuses", [("actual",), (), ("plan", "target")])
def test_one_pass_counts_equal_the_page_counts(tables, name, statuses):
    table = tables[name]
    metrics = list(dict.fromkeys(str(m) for m in table["metric_id"]))

    def rows_of(metric, measure):
        return select(table, metric=metric, measure=measure)

    seen = 0
    for region in (None, *sorted({str(r) for r in table["region_id"]})[:3]):
        expected = chart_counts(
            rows_of, metrics, chart="rankings", region=region, statuses=statuses
        )
        got = ranking_bar_counts(table, region=region, statuses=statuses)
        assert {m: got[m] for m in metrics} == expected, (name, region, statuses)
        seen += sum(expected.values())
    assert seen  # the comparison covered bars, not only empty charts
