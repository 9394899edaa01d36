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


def test_trend_actual_solid_and_planned_dashed(app_table):
    """Actual figures draw a solid line; plans and targets a dashed one with hollow markers."""
    rows, fig = _figure(app_table, "compute_capacity", "stock")
    (actual,) = _traces(fig, "actual", "tj_compute")
    (planned,) = _traces(fig, "planned", "tj_compute")
    assert actual.line.dash == "solid"
    assert planned.line.dash == "dash"
    # The dashed line starts at the last actual figure (an invisible anchor), then the plans.
    assert planned.marker.size[0] == 0
    assert all(s.endswith("-open") for s in planned.marker.symbol[1:])
    assert not any(s.endswith("-open") for s in actual.marker.symbol)
    n_planned = int(rows["status"].isin(PLANNED).sum())
    assert len(planned.x) == n_planned + 1


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
    """Point labels say "over", "nearly", "about" (or 超, 近, 约) with the figure."""
    _, fig = _figure(app_table, "registered_enterprises", "stock")
    texts = {tr.meta["site"]: tr.text for tr in _traces(fig, "actual")}
    assert texts["hefei_hitech"] == ("nearly 4,000",)
    assert texts["zz_airport"] == ("about 3,000",)
    assert "over 5,000" in texts["bzp"]
    _, fig_zh = _figure(app_table, "registered_enterprises", "stock", lang="zh")
    texts_zh = {tr.meta["site"]: tr.text for tr in _traces(fig_zh, "actual")}
    assert texts_zh["hefei_hitech"] == ("近4,000家",)
    _, printed = _figure(
        app_table, "registered_enterprises", "stock", lang="zh", unit_mode="printed"
    )
    assert {tr.meta["site"]: tr.text for tr in _traces(printed, "actual")}["hefei_hitech"] == (
        "近4000家",
    )


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
    assert trace.text == ("2,500",) and trace.marker.size == (13,)


def test_trend_title_unit_and_source_on_the_image(app_table):
    """Title, unit and source note are part of the figure, hence of a downloaded image."""
    _, fig = _figure(app_table, "tax_revenue", "flow")
    assert fig.layout.title.text == "T (CNY billion)"
    assert fig.layout.yaxis.title.text == "CNY billion"
    assert fig.layout.title.subtitle.text == "Source: test"
    _, fig_zh = _figure(app_table, "tax_revenue", "flow", lang="zh")
    assert fig_zh.layout.yaxis.title.text == "亿元"


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
