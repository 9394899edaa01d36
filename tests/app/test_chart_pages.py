"""Trends and rankings as a reader meets them (AppTest on the fixed data set): titles that say
what, where and when, caveats inside the figure, a sentence instead of a thin chart with the
other comparisons the data supports, and the filter summary in presentation mode."""

from __future__ import annotations

from dashboard.present.i18n import t
from tests.app.pages import chart, ok, open_page


def _footer(figure: dict) -> str:
    (footer,) = [a for a in figure["layout"]["annotations"] if a.get("name") == "footer"]
    return footer["text"]


def test_ranking_caveats_travel_with_the_figure():
    """Latest per site mixes periods: the warning on the page is also under the plot, each
    bar names its period, and the title says where and that it is each site's latest."""
    at = ok(open_page("rankings", {"metric": "registered_enterprises", "period": "latest"}))
    figure = chart(at, "ranking_chart")
    page_notes = [w.value.replace("\\", "") for w in at.warning]
    assert any("different periods" in note for note in page_notes)
    footer = _footer(figure)
    for note in page_notes:
        assert note.split("(")[0] in footer
    assert "The bars refer to different periods" in footer
    texts = [t for trace in figure["data"] for t in trace["text"]]
    assert all(" · " in t for t in texts)
    title = figure["layout"]["title"]["text"]
    assert title.startswith("Registered enterprises: ") and title.endswith("(thousand)")


def _blocks(at) -> list[str]:
    """The keys of the main area's keyed blocks, top to bottom."""
    return [e.key for e in at.main.children.values() if getattr(e, "key", None)]


def _offers(at, page: str) -> list[tuple[str, str]]:
    """(label, page) of the other comparisons offered on ``page``, after its heading."""
    (block,) = [
        e for e in at.main.children.values() if getattr(e, "key", None) == f"comparisons_{page}"
    ]
    heading = block.get("markdown")[0].value
    assert heading == "**" + t("caption.comparisons", "zh" if "数据" in heading else "en") + "**"
    return [(e.proto.label.replace("\\", ""), e.proto.page) for e in block.get("page_link")]


def test_one_bar_ranking_is_a_sentence_with_the_comparisons_that_exist():
    """Computing capacity has one actual figure in 2023-02: no chart, a sentence naming it,
    then the comparisons the data supports, its own metric's series first."""
    at = ok(
        open_page("rankings", {"metric": "compute_capacity", "period": "2023-02", "lang": "zh"})
    )
    assert not [e for e in at.get("plotly_chart") if e.key == "ranking_chart"]
    info = " ".join(i.value for i in at.info).replace("\\", "")
    assert "只有一个地点" in info and "200P" in info and "2023年2月" in info
    offered = _offers(at, "rankings")
    assert 2 <= len(offered) <= 3
    label, page = offered[0]
    assert page == "trends" and label.startswith("天津算力中心算力规模：200P (2023年2月) → ")


def test_one_point_trend_is_a_sentence_with_the_series_that_exist():
    """One site with one figure is no trend: a sentence and the series of the metric."""
    at = ok(open_page("trends", {"metric": "registered_enterprises", "sites": "xian_hitech"}))
    assert not [e for e in at.get("plotly_chart") if e.key == "trend_chart"]
    info = " ".join(i.value for i in at.info).replace("\\", "")
    assert "no trend to draw" in info and "2,500" in info
    label, page = _offers(at, "trends")[0]
    assert page == "trends" and label.startswith("Binhai Science Park, Registered enterprises: ")


def test_every_chart_is_followed_by_other_comparisons_not_its_own():
    """A drawn trend or ranking is followed by two or three other comparisons, never by the
    one it shows, and never before the chart."""
    at = ok(open_page("trends", {"metric": "registered_enterprises", "sites": "bzp"}))
    order = _blocks(at)
    assert order.index("figure_trend_chart") < order.index("comparisons_trends")
    offered = _offers(at, "trends")
    assert 2 <= len(offered) <= 3
    assert not any(label.startswith("Binhai Science Park, Registered") for label, _ in offered)
    at = ok(open_page("rankings", {"metric": "registered_enterprises", "period": "latest"}))
    order = _blocks(at)
    assert order.index("figure_ranking_chart") < order.index("comparisons_rankings")
    assert _offers(at, "rankings")[0][0].startswith("Binhai Science Park, Registered enterprises")


def test_presentation_mode_summarises_the_filters_on_page_and_figure():
    """present=1 hides the filters but says what they hold, above the chart and in it; the
    target the status filter hides is named."""
    params = {"present": "1", "metric": "compute_capacity", "status": "actual,plan"}
    at = ok(open_page("trends", params))
    summary = [m.value.replace("\\", "") for m in at.markdown if "Filters" in m.value]
    assert summary and "Status actual, plan" in summary[0]
    footer = _footer(chart(at, "trend_chart"))
    assert "Filters: Region all" in footer and "Not shown (status filter): 1 target" in footer
    figure = chart(at, "trend_chart")
    assert figure["layout"]["font"]["size"] >= 16
