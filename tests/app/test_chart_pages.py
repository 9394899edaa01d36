"""Trends and rankings as a reader meets them (AppTest on the fixed data set): titles that say
what, where and when, caveats inside the figure, a sentence instead of a thin chart with the
comparisons the data can make, and the filter summary in presentation mode."""

from __future__ import annotations

from tests.app.test_app_pages import chart, fixed_data, ok, open_page  # noqa: F401


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


def test_one_bar_ranking_is_a_sentence_with_the_rankings_that_exist():
    """Computing capacity has one actual figure in 2023-02: no chart, a sentence naming it,
    and links to rankings of two sites or more."""
    at = ok(
        open_page("rankings", {"metric": "compute_capacity", "period": "2023-02", "lang": "zh"})
    )
    assert not [e for e in at.get("plotly_chart") if e.key == "ranking_chart"]
    info = " ".join(i.value for i in at.info).replace("\\", "")
    assert "只有一个地点" in info and "200P" in info and "2023年2月" in info
    links = [e.proto.label for e in at.get("page_link")]
    assert any("注册企业数" in label and "个地点" in label for label in links)


def test_one_point_trend_is_a_sentence_with_the_series_that_exist():
    """One site with one figure is no trend: a sentence and links to the series."""
    at = ok(open_page("trends", {"metric": "registered_enterprises", "sites": "xian_hitech"}))
    assert not [e for e in at.get("plotly_chart") if e.key == "trend_chart"]
    info = " ".join(i.value for i in at.info).replace("\\", "")
    assert "no trend to draw" in info and "2,500" in info
    links = [e.proto.label for e in at.get("page_link")]
    assert any("figures)" in label for label in links)


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
