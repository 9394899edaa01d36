"""The ranking builder: order, rank labels, region traces, hatching, qualifier labels."""

from __future__ import annotations

from dashboard.charts.rankings import bar_pattern, ranking_figure
from dashboard.present.rankings import ranking

REGIONS = ["jingjinji", "hefei", "zhengzhou", "xian", "national"]


def _figure(table, metric, measure, period, statuses=("actual",), lang="en"):
    result = ranking(table, metric, measure, period, statuses)
    fig = ranking_figure(
        result.rows,
        lang=lang,
        unit_mode="std",
        title="R",
        note="N",
        ranked=result.ranked,
        region_order=REGIONS,
    )
    return result, fig


def _bars(fig) -> list[tuple[str, float, str]]:
    """(label, value, text) of every bar, in the figure's category order."""
    found = {}
    for trace in fig.data:
        for label, value, text in zip(trace.y, trace.x, trace.text, strict=True):
            found[label] = (label, value, text)
    return [found[label] for label in fig.layout.yaxis.categoryarray]


def test_ranking_sorted_by_standard_value_best_first(app_table):
    """Bars run from the largest standard value down, each labelled with its rank."""
    result, fig = _figure(app_table, "registered_enterprises", "stock", "2023")
    bars = _bars(fig)
    values = [value for _, value, _ in bars]
    assert values == sorted(values, reverse=True)
    assert [label.split(".")[0] for label, _, _ in bars] == ["1", "2"]
    assert fig.layout.yaxis.autorange == "reversed"  # first category on top
    assert list(result.rows["site_id"]) == ["hefei_hitech", "zz_airport"]


def test_ranking_labels_keep_the_qualifier(app_table):
    """近4000 stays "nearly 4,000"; 约3000 stays "about 3,000"."""
    _, fig = _figure(app_table, "registered_enterprises", "stock", "2023")
    assert [text for _, _, text in _bars(fig)] == ["nearly 4,000", "about 3,000"]
    _, fig_zh = _figure(app_table, "registered_enterprises", "stock", "2023", lang="zh")
    assert [text for _, _, text in _bars(fig_zh)] == ["近4,000家", "约3,000家"]


def test_ranking_one_trace_per_region(app_table):
    """Each region is one trace (one legend entry, one colour)."""
    _, fig = _figure(app_table, "registered_enterprises", "stock", "latest")
    regions = [trace.meta["region"] for trace in fig.data]
    assert len(regions) == len(set(regions))
    assert set(regions) == {"jingjinji", "hefei", "zhengzhou", "xian"}


def test_ranking_not_comparable_metric_is_not_ranked(app_table):
    """A metric marked comparable: false is sorted, without rank numbers, with a note."""
    result, fig = _figure(
        app_table, "compute_capacity", "stock", "latest", statuses=("actual", "plan", "target")
    )
    assert not result.ranked
    assert ("rankings.not_comparable", {}) in result.notes
    assert not any(label[0].isdigit() for label, _, _ in _bars(fig))


def test_ranking_hatches_planned_and_derived_bars():
    """Plans, targets and forecasts are hatched; derived figures cross-hatched."""
    assert bar_pattern("actual", False) == ""
    assert bar_pattern("target", False) == "/"
    assert bar_pattern("actual", True) == "x"


def test_ranking_title_and_axis_carry_the_unit(app_table):
    """The unit is in the title and on the axis, so it is on a downloaded image."""
    _, fig = _figure(app_table, "registered_enterprises", "stock", "2023")
    assert fig.layout.title.text == "R (thousand)"
    assert fig.layout.xaxis.title.text == "thousand"
    (footer,) = [a for a in fig.layout.annotations if a.name == "footer"]
    assert footer.text == "N"  # the source note, under the plot
