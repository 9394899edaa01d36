"""The time-series builder: traces per site and status, marker shapes, labels, escaping."""

from __future__ import annotations

import pandas as pd

from dashboard.charts.common import PLANNED, QUALIFIER_SYMBOL, image_config, symbol
from dashboard.charts.trends import trend_figure
from dashboard.core.models import Qualifier
from dashboard.present.trends import trend_rows


def _figure(table: pd.DataFrame, metric: str, measure: str, lang: str = "en", **kw):
    rows = trend_rows(table, metric, measure, kw.pop("sites", []), kw.pop("statuses", []))
    return rows, trend_figure(
        rows, lang=lang, unit_mode=kw.pop("unit_mode", "std"), title="T", note="Source: test", **kw
    )


def _traces(fig, role: str, site: str | None = None) -> list:
    return [
        tr
        for tr in fig.data
        if tr.meta and tr.meta.get("role") == role and (site is None or tr.meta.get("site") == site)
    ]


def labels(fig) -> dict[tuple[str, str], str]:
    """The point labels, by (site, status) of the line they end."""
    found = {}
    for note in fig.layout.annotations:
        if (note.name or "").startswith("label:"):
            _, site, status = note.name.split(":")
            found[(site, status)] = note.text
    return found


def test_trend_actual_solid_and_planned_dashed(app_table):
    """Actual figures draw a solid line; a plan and a target each their own dashed line with
    hollow markers: no line joins figures of two statuses."""
    rows, fig = _figure(app_table, "compute_capacity", "stock")
    (actual,) = _traces(fig, "actual", "tj_compute")
    planned = _traces(fig, "planned", "tj_compute")
    assert actual.line.dash == "solid"
    assert sorted(tr.meta["status"] for tr in planned) == ["plan", "target"]
    for trace in planned:
        assert trace.line.dash == "dash"
        assert all(s.endswith("-open") for s in trace.marker.symbol)
    assert not any(s.endswith("-open") for s in actual.marker.symbol)
    n_planned = int(rows["status"].isin(PLANNED).sum())
    assert sum(len(tr.x) for tr in planned) == n_planned


def test_trend_marker_shape_carries_the_qualifier(app_table):
    """A lower bound points up, an upper bound down, an approximate figure is a diamond."""
    rows, fig = _figure(app_table, "registered_enterprises", "stock")
    for site, qualifier in (
        ("hefei_hitech", "nearly"),
        ("zz_airport", "about"),
        ("xian_hitech", "exact"),
    ):
        (trace,) = _traces(fig, "actual", site)
        assert trace.marker.symbol == (QUALIFIER_SYMBOL[qualifier],)
    (bzp,) = _traces(fig, "actual", "bzp")
    expected = [
        symbol(q, s, d)
        for q, s, d in rows[(rows["site_id"] == "bzp") & (rows["status"] == "actual")][
            ["qualifier", "status", "derived"]
        ].itertuples(index=False)
    ]
    assert list(bzp.marker.symbol) == expected
    assert "triangle-up" in expected  # 超5000家


def test_trend_labels_keep_the_qualifier(app_table):
    """Labels say "over", "nearly", "about" (or 超, 近, 约) with the figure, and name a
    status that is not actual."""
    _, fig = _figure(app_table, "registered_enterprises", "stock")
    texts = labels(fig)
    assert texts[("hefei_hitech", "actual")] == "nearly 4,000"
    assert texts[("zz_airport", "actual")] == "about 3,000"
    assert texts[("bzp", "actual")] == "over 5,000"  # the last of bzp's actual figures
    assert texts[("bzp", "target")] == "over 8,000 (target)"
    _, fig_zh = _figure(app_table, "registered_enterprises", "stock", lang="zh")
    assert labels(fig_zh)[("hefei_hitech", "actual")] == "近4,000家"
    assert labels(fig_zh)[("bzp", "target")] == "超8,000家（目标）"
    _, printed = _figure(
        app_table, "registered_enterprises", "stock", lang="zh", unit_mode="printed"
    )
    assert labels(printed)[("hefei_hitech", "actual")] == "近4000家"


def test_trend_derived_figure_is_marked(app_table):
    """The prior-year level derived from a growth rate gets the cross marker."""
    rows, fig = _figure(app_table, "tax_revenue", "flow")
    assert rows["derived"].any()
    (trace,) = _traces(fig, "actual", "bzp")
    derived_at = [i for i, d in enumerate(rows[rows["site_id"] == "bzp"]["derived"]) if d]
    assert [trace.marker.symbol[i] for i in derived_at] == ["x"]
    assert "derived" in trace.hovertext[derived_at[0]]


def test_trend_hover_shows_printed_date_status_quote(app_table):
    """Hover text holds the figure as printed, the period, the status and the quote."""
    _, fig = _figure(app_table, "registered_enterprises", "stock")
    (trace,) = _traces(fig, "actual", "hefei_hitech")
    hover = trace.hovertext[0]
    for part in ("近4000家", "2023", "actual", "合肥高新区2023年企业数近4000家", "测试日报"):
        assert part in hover


def test_trend_escapes_data_in_hover_and_legend(app_table):
    """Site names and quotes with HTML reach plotly escaped, never as tags."""
    _, fig = _figure(app_table, "registered_enterprises", "stock")
    (evil,) = _traces(fig, "actual", "evil_park")
    assert "<img" not in evil.name and "&lt;img" in evil.name
    assert "<b>" not in evil.hovertext[0] and "&lt;b&gt;" in evil.hovertext[0]


def test_trend_single_point_reads_well(app_table):
    """One point still gets a padded x range, a y range from zero and a label."""
    rows, fig = _figure(app_table, "registered_enterprises", "stock", sites=["xian_hitech"])
    assert len(rows) == 1
    lo, hi = fig.layout.xaxis.range
    assert pd.Timestamp(hi) - pd.Timestamp(lo) >= pd.Timedelta(days=240)
    (trace,) = _traces(fig, "actual")
    bottom, top = fig.layout.yaxis.range
    assert bottom == 0 and top > trace.y[0] * 1.1  # room above the point for its label
    assert labels(fig) == {("xian_hitech", "actual"): "2,500"} and trace.marker.size == 13


def test_trend_title_unit_and_source_on_the_image(app_table):
    """Title, unit and source note are part of the figure, hence of a downloaded image."""
    _, fig = _figure(app_table, "tax_revenue", "flow")
    assert fig.layout.title.text == "T (CNY billion)"
    assert fig.layout.yaxis.title.text == "CNY billion"
    (footer,) = [a for a in fig.layout.annotations if a.name == "footer"]
    assert footer.text.endswith("Source: test")
    _, fig_zh = _figure(app_table, "tax_revenue", "flow", lang="zh")
    assert fig_zh.layout.yaxis.title.text == "亿元"
    assert fig_zh.layout.title.text == "T（亿元）"


def test_trend_empty_rows_give_an_empty_figure(app_table):
    """No rows: a titled figure with only the legend keys, no error."""
    fig = trend_figure(app_table.iloc[0:0], lang="en", unit_mode="std", title="T", note="N")
    assert [tr.meta["role"] for tr in fig.data] == ["key", "key"]


def test_image_config_downloads_png_or_svg():
    """The camera button's format follows the reader's choice; anything else falls to PNG."""
    assert image_config("a b/c", "svg")["toImageButtonOptions"]["format"] == "svg"
    assert image_config("x", "png")["toImageButtonOptions"]["format"] == "png"
    assert image_config("x", "gif")["toImageButtonOptions"]["format"] == "png"
    assert image_config("a b/c")["toImageButtonOptions"]["filename"] == "a_b_c"


def test_qualifier_symbol_for_every_qualifier():
    """Each qualifier the models allow has its marker shape, and only those have one."""
    assert set(QUALIFIER_SYMBOL) == {qualifier.value for qualifier in Qualifier}
