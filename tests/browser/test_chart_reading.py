"""Charts as drawn in the browser: no two texts overlap, the legend stays off the plot and its
axes, the caveats are in the downloaded image, and presentation mode says what the filters hold
with every text of the chart at 16 px or more at 1280×720."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

CHART = '[data-testid="stPlotlyChart"] .main-svg'

# Boxes (left, top, right, bottom) of the drawn chart's parts, read from the rendered SVG.
BOXES = """
() => {
  const svg = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  const box = (el) => { const r = el.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom, (el.textContent || '').slice(0, 400)]; };
  const all = (sel) => [...svg.querySelectorAll(sel)].map(box).filter(b => b[2] > b[0]);
  return {
    legend: all('g.legend .bg'),
    plot: all('.draglayer rect.nsewdrag'),
    xticks: all('g.xtick text'),
    yticks: all('g.ytick text'),
    title: all('.g-gtitle text'),
    axistitles: all('.g-xtitle text, .g-ytitle text'),
    annotations: all('g.annotation-text-g text'),
    bartexts: all('g.points text'),
  };
}
"""

FONT_SIZES = """
() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg text')]
  .filter(el => el.getBoundingClientRect().width > 0 && el.textContent.trim())
  .map(el => [el.textContent.slice(0, 400), parseFloat(getComputedStyle(el).fontSize)])
"""


def _meet(a, b, slack: float = 0.5) -> bool:
    return (
        a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack
    )


def _apart(boxes: list) -> None:
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not _meet(a, b), (a, b)


def _download_svg(tab, tmp_path) -> str:
    tab.page.locator('[data-testid="stSidebar"]').get_by_text("SVG", exact=True).click()
    tab.done(CHART)
    chart = tab.page.locator('[data-testid="stPlotlyChart"]').first
    chart.hover()
    with tab.page.expect_download() as svg:
        chart.locator('.modebar-btn[data-title^="Download plot"]').click()
    path = tmp_path / "chart.svg"
    svg.value.save_as(path)
    return path.read_text(encoding="utf-8")


def test_ranking_legend_off_the_plot_and_caveats_in_the_image(new_tab, tmp_path):
    """Latest per site mixes periods: on screen the legend touches neither the plot, its
    ticks nor the title, no two texts overlap; the downloaded SVG carries the page's warning,
    each bar's period and the source."""
    tab = new_tab().open(
        "/rankings?lang=en&metric=registered_enterprises&measure=stock&period=latest", expect=CHART
    )
    parts = tab.page.evaluate(BOXES)
    assert parts["legend"] and parts["plot"] and parts["xticks"] and parts["title"]
    (legend,) = parts["legend"]
    assert parts["axistitles"]
    for other in (
        *parts["plot"],
        *parts["xticks"],
        *parts["yticks"],
        *parts["title"],
        *parts["axistitles"],
        *parts["annotations"],
    ):
        assert not _meet(legend, other), (legend, other)
    _apart(parts["annotations"] + parts["bartexts"] + parts["yticks"] + parts["title"])
    warning = tab.page.locator('[data-testid="stAlert"]').filter(has_text="different periods")
    assert warning.count() == 1
    tab.shot("chart-reading-rankings-en")

    text = _download_svg(tab, tmp_path)
    for part in (
        "the figures shown refer to different periods",
        "The bars refer to different periods",
        "· Mar 2024",
        "· Dec 2022",
        "Source:",
        "Registered enterprises: ",
    ):
        assert part in text, part
    tab.check()


def test_trend_labels_apart_in_the_browser(new_tab):
    """合肥 近4,000 and 郑州 约3,000 end on the same date a few pixels apart: the drawn labels,
    ticks and legend overlap nowhere, and the log axis note is under the plot."""
    tab = new_tab(locale="zh-CN").open(
        "/trends?lang=zh&metric=registered_enterprises&measure=stock", expect=CHART
    )
    parts = tab.page.evaluate(BOXES)
    labels = [b for b in parts["annotations"] if "家" in b[4] and "：" not in b[4]]
    assert len(labels) >= 6
    _apart(labels + parts["yticks"] + parts["title"])
    (legend,) = parts["legend"]
    for other in (*parts["plot"], *parts["title"], *parts["axistitles"], *parts["annotations"]):
        assert not _meet(legend, other), (legend, other)
    assert any("对数刻度" in b[4] for b in parts["annotations"])
    tab.shot("chart-reading-trends-zh")
    tab.check()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_presentation_mode_names_filters_and_scales_text(new_tab, lang):
    """At 1280×720 presentation mode says what the filters hold (also inside the chart, with
    the target the status filter hides) and every text of the chart is at least 16 px."""
    tab = new_tab(locale="zh-CN" if lang == "zh" else "en-US")
    tab.page.set_viewport_size({"width": 1280, "height": 720})
    tab.open(
        f"/trends?lang={lang}&metric=compute_capacity&measure=stock&status=actual,plan&present=1",
        expect=CHART,
    )
    summary = "筛选：" if lang == "zh" else "Filters:"
    hidden = "状态筛选未显示：目标1个" if lang == "zh" else "Not shown (status filter): 1 target"
    assert tab.page.locator('[data-testid="stMarkdown"]').filter(has_text=summary).count() == 1
    sizes = tab.page.evaluate(FONT_SIZES)
    texts = " ".join(text for text, _ in sizes)
    assert summary in texts and hidden in texts
    assert len(sizes) > 10
    small = [(text, size) for text, size in sizes if size < 16]
    assert not small, small
    tab.shot(f"chart-reading-present-{lang}")
    tab.check()


# Each drawn bar's right edge and its label: left edge, text, font size.
BAR_LABELS = """
() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] g.point')].map(p => {
  const bar = p.querySelector('path').getBoundingClientRect();
  const text = p.querySelector('text');
  if (!text) return [bar.right, null, '', 0];
  return [bar.right, text.getBoundingClientRect().left, text.textContent,
          parseFloat(getComputedStyle(text).fontSize)];
})
"""


def test_ranking_beyond_tenfold_reads_by_labels_then_offers_others(new_tab):
    """Latest per site differs more than tenfold: the note is in the chart, every bar's
    figure is drawn right of its bar at full size; after the chart (never before) the other
    comparisons the data supports, each opening its own chart."""
    tab = new_tab().open(
        "/rankings?lang=en&metric=registered_enterprises&measure=stock&period=latest", expect=CHART
    )
    parts = tab.page.evaluate(BOXES)
    assert any("differ more than tenfold" in b[4] for b in parts["annotations"])
    bars = tab.page.evaluate(BAR_LABELS)
    assert len(bars) >= 3
    for right, left, text, size in bars:
        assert text.strip() and left is not None and left >= right - 1, (right, left, text)
        assert size >= 12
    chart = tab.page.locator(".st-key-figure_ranking_chart").bounding_box()
    offers = tab.page.locator(".st-key-comparisons_rankings")
    offers.wait_for()
    assert offers.bounding_box()["y"] >= chart["y"] + chart["height"]
    assert "Other comparisons the data supports" in offers.inner_text()
    links = offers.locator('[data-testid="stPageLink-NavLink"]')
    assert 2 <= links.count() <= 3
    first = links.first.inner_text()
    assert "Binhai Science Park, Registered enterprises: 4,200 (Dec 2022) → " in first
    tab.shot("chart-reading-rankings-offers-en")
    links.first.click()
    tab.done(CHART)
    assert tab.page.url.split("?")[0].endswith("/trends")
    assert (tab.query()["metric"], tab.query()["sites"]) == ("registered_enterprises", "bzp")
    tab.check()
