"""How charts read, from the figure's layout: labels apart, legend off the plot, title and
unit in both languages, a log axis above a tenfold range, one status per line, caveats and
presentation sizes in the figure itself."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard.charts.common import frame, text_width, wrap_px
from dashboard.charts.rankings import NAME_WIDTH, ranking_figure
from dashboard.charts.trends import PLOT_WIDTH, dodge, trend_figure
from dashboard.present.rankings import ranking
from dashboard.present.trends import trend_rows

REGIONS = ["jingjinji", "hefei", "zhengzhou", "xian", "national"]


def _trend(table, metric, measure, lang="en", statuses=(), present=False, notes=()):
    rows = trend_rows(table, metric, measure, [], list(statuses))
    return rows, trend_figure(
        rows,
        lang=lang,
        unit_mode="std",
        title="T",
        note="Source: test",
        notes=list(notes),
        present=present,
        height=720 if present else 560,
    )


def _ranking(table, metric, measure, period, lang="en", present=False, notes=()):
    result = ranking(table, metric, measure, period, ("actual",))
    return result, ranking_figure(
        result.rows,
        lang=lang,
        unit_mode="std",
        title="R",
        note="Source: test",
        notes=list(notes),
        ranked=result.ranked,
        region_order=REGIONS,
        present=present,
    )


def _label_boxes(fig) -> list[tuple[float, float, float, float]]:
    """Each point label's box (left, centre y, width, height) in px on a plot
    :data:`PLOT_WIDTH` wide, from its position, shift and font size."""
    layout = fig.layout
    x0, x1 = (pd.Timestamp(v) for v in layout.xaxis.range)
    y0, y1 = layout.yaxis.range
    plot_h = layout.height - layout.margin.t - layout.margin.b
    boxes = []
    for note in layout.annotations:
        if not (note.name or "").startswith("label:"):
            continue
        x = (pd.Timestamp(note.x) - x0) / (x1 - x0) * PLOT_WIDTH + note.xshift
        y = (note.y - y0) / (y1 - y0) * plot_h + note.yshift
        size = note.font.size
        boxes.append((x, y, text_width(note.text, size), size * 1.2))
    return boxes


def _overlap(a, b) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and abs(ay - by) < (ah + bh) / 2


def test_labels_never_overlap(app_table):
    """合肥 近4,000 and 郑州 约3,000 end at the same date, a few px apart on the log axis:
    their labels are moved apart, and no two labels' boxes overlap."""
    for lang in ("en", "zh"):
        _, fig = _trend(app_table, "registered_enterprises", "stock", lang=lang)
        boxes = _label_boxes(fig)
        assert len(boxes) >= 6
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not _overlap(a, b), (a, b)
        shifted = [a.yshift for a in fig.layout.annotations if (a.name or "").startswith("label:")]
        assert any(shift > 0 for shift in shifted)  # it took moving one


def test_dodge_separates_labels_at_one_point():
    """Three labels on the same spot end up stacked, none overlapping."""
    boxes = [(100.0, 50.0, 80.0, 16.0)] * 3
    shifts = dodge(boxes)
    placed = [(x, y + s, w, h) for (x, y, w, h), s in zip(boxes, shifts, strict=True)]
    assert sorted(shifts)[0] == 0 and len(set(shifts)) == 3
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            assert not _overlap(a, b)
    # Labels side by side are left where they are.
    assert dodge([(0.0, 10.0, 50.0, 16.0), (200.0, 10.0, 50.0, 16.0)]) == [0.0, 0.0]


def test_only_the_last_point_of_each_line_is_labelled(app_table):
    """One label per line, at its latest point; the traces carry no point text."""
    _, fig = _trend(app_table, "registered_enterprises", "stock")
    lines = [tr for tr in fig.data if tr.meta and tr.meta.get("role") in ("actual", "planned")]
    notes = {a.name: a for a in fig.layout.annotations if (a.name or "").startswith("label:")}
    assert len(notes) == len(lines)
    for trace in lines:
        assert trace.text is None and "text" not in trace.mode
        note = notes[f"label:{trace.meta['site']}:{trace.meta['status']}"]
        assert pd.Timestamp(note.x) == max(pd.Timestamp(x) for x in trace.x)


def test_no_line_mixes_statuses(app_table):
    """Every line holds the figures of one status (a target then a lower plan would read as a
    decline); a non-actual line is dashed."""
    for metric, measure in (("compute_capacity", "stock"), ("registered_enterprises", "stock")):
        rows, fig = _trend(app_table, metric, measure)
        for trace in fig.data:
            if not trace.meta or trace.meta.get("role") not in ("actual", "planned"):
                continue
            ids = list(trace.customdata)
            statuses = set(rows.set_index("claim_id").loc[ids, "status"].astype(str))
            assert statuses == {trace.meta["status"]}
            assert (trace.line.dash == "solid") == (trace.meta["status"] == "actual")


def test_legend_sits_between_title_and_plot(app_table):
    """The legend is anchored above the plot area (never over axes or ticks), and the top
    margin holds the title, the subtitle and every legend row."""
    _, trend = _trend(app_table, "registered_enterprises", "stock")
    _, rank = _ranking(app_table, "registered_enterprises", "stock", "latest")
    for fig in (trend, rank):
        legend = fig.layout.legend
        assert legend.yanchor == "bottom" and legend.y >= 1 and legend.yref == "paper"
        assert legend.orientation == "h"
        title_px = len(fig.layout.title.text.split("<br>")) * fig.layout.title.font.size * 1.3
        names = [tr.name for tr in fig.data if tr.showlegend is not False]
        rows = max(1, math.ceil(sum(text_width(n, 13) + 50 for n in names) / 1000))
        assert fig.layout.margin.t >= title_px + rows * 13 * 2


def test_title_and_unit_in_both_languages(app_table):
    """Counts carry the articles' measure word in Chinese (家) and say "number" in English;
    P is explained as PFLOPS under the title."""
    _, zh = _trend(app_table, "registered_enterprises", "stock", lang="zh")
    assert zh.layout.title.text == "T（家）" and zh.layout.yaxis.title.text == "家"
    _, en = _trend(app_table, "registered_enterprises", "stock", lang="en")
    assert en.layout.title.text == "T (number)" and en.layout.yaxis.title.text == "number"
    _, zh = _trend(app_table, "compute_capacity", "stock", lang="zh")
    assert zh.layout.yaxis.title.text == "P"
    assert zh.layout.title.subtitle.text.startswith("P = PFLOPS，每秒千万亿次浮点运算")
    _, en = _trend(app_table, "compute_capacity", "stock", lang="en")
    assert en.layout.title.text == "T (PFLOPS)"
    assert "floating-point operations per second" in en.layout.title.subtitle.text
    _, rank = _ranking(app_table, "registered_enterprises", "stock", "latest", lang="zh")
    assert rank.layout.title.text == "R（家）" and rank.layout.xaxis.title.text == "家"


def test_log_axis_above_a_tenfold_range_with_a_note(app_table):
    """10 (evil_park) to 8,000 (bzp) is more than tenfold: a log axis, ticks at powers of
    ten written for readers, and a note under the plot; 200-400 P stays linear."""
    _, fig = _trend(app_table, "registered_enterprises", "stock")
    assert fig.layout.yaxis.type == "log"
    assert "1,000" in fig.layout.yaxis.ticktext
    (footer,) = [a for a in fig.layout.annotations if a.name == "footer"]
    assert "logarithmic" in footer.text
    _, zh = _trend(app_table, "registered_enterprises", "stock", lang="zh")
    assert "1万" in zh.layout.yaxis.ticktext and zh.layout.yaxis.title.text == "家"
    _, small = _trend(app_table, "compute_capacity", "stock")
    assert small.layout.yaxis.type != "log"
    (footer,) = [a for a in small.layout.annotations if a.name == "footer"]
    assert "logarithmic" not in footer.text


def test_caveats_are_part_of_the_figure(app_table):
    """The page's notes are drawn under the plot with the source, so an exported image has
    them; a scope differing is noted too."""
    notes = ["Note: the figures refer to different periods", "Not shown (status filter): 1 plan"]
    _, fig = _ranking(app_table, "registered_enterprises", "stock", "latest", notes=notes)
    (footer,) = [a for a in fig.layout.annotations if a.name == "footer"]
    for note in [*notes, "Source: test"]:
        assert note.split()[0] in footer.text
    assert footer.yanchor == "top" and footer.y == 0 and footer.yshift < 0  # under the axis
    lines = footer.text.split("<br>")
    assert fig.layout.margin.b >= len(lines) * footer.font.size * 1.3


def test_ranking_names_each_bars_period_when_periods_differ(app_table):
    """Latest per site mixes 2022-12, 2023 and 2024-03: each bar's label names its period."""
    result, fig = _ranking(app_table, "registered_enterprises", "stock", "latest")
    assert result.rows["period"].nunique() > 1
    texts = [text for trace in fig.data for text in trace.text]
    assert any(t.endswith("· Mar 2024") for t in texts)
    assert any(t.endswith("· 2023") for t in texts)
    assert any(t.endswith("· Dec 2022") for t in texts)
    (footer,) = [a for a in fig.layout.annotations if a.name == "footer"]
    assert "different periods" in footer.text
    _, one_period = _ranking(app_table, "registered_enterprises", "stock", "2023")
    assert all("·" not in t for trace in one_period.data for t in trace.text)


def test_long_site_names_take_at_most_two_short_lines():
    """A long English name is wrapped to two lines of NAME_WIDTH px and cut with …."""
    from dashboard.charts.common import short_label

    long = "Yangtze Delta G60 Sci-Tech Corridor (Shangrao) Technology Cooperation Industrial Park"
    label = short_label(long, 13, NAME_WIDTH[False])
    lines = label.split("<br>")
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(text_width(line, 13) <= NAME_WIDTH[False] for line in lines)
    assert wrap_px("天开高教科创园（核心区）", 13, 60) == ["天开高教", "科创园（", "核心区）"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_presentation_sizes_every_text_at_least_16px(app_table, lang):
    """In presentation mode title, subtitle, legend, ticks, axis titles, labels, bar texts and
    notes are all 16 px or more."""
    _, trend = _trend(
        app_table, "compute_capacity", "stock", lang=lang, present=True, notes=["Filters: x"]
    )
    _, rank = _ranking(
        app_table, "registered_enterprises", "stock", "latest", lang=lang, present=True
    )
    for fig in (trend, rank):
        layout = fig.layout
        sizes = [
            layout.font.size,
            layout.title.font.size,
            layout.title.subtitle.font.size,
            layout.legend.font.size,
            layout.xaxis.tickfont.size,
            layout.yaxis.tickfont.size,
            *(a.font.size for a in layout.annotations),
            *(tr.textfont.size for tr in fig.data if tr.type == "bar"),
        ]
        assert min(sizes) >= 16, sizes
    normal = frame(title="T", note="N", height=500)
    assert normal["font"]["size"] < 16  # the page itself keeps smaller text


def test_ranking_marks_a_figure_of_another_scope(app_table):
    """A bar whose figure covers a wider area than its site gets a * and the note says which."""
    result = ranking(app_table, "registered_enterprises", "stock", "2023", ("actual",))
    rows = result.rows.copy()
    rows["scope"] = rows["scope"].astype(object)
    rows["scope_name_en"] = rows["scope_name_en"].astype(object)
    rows.loc[0, ["scope", "scope_name_en"]] = ["wider", "Hefei and its partner parks"]
    fig = ranking_figure(
        rows, lang="en", unit_mode="std", title="R", note="N", ranked=True, region_order=REGIONS
    )
    texts = [text for trace in fig.data for text in trace.text]
    assert sum(text.endswith(" *") for text in texts) == 1
    (footer,) = [a for a in fig.layout.annotations if a.name == "footer"]
    assert "* a different scope: Hefei and its partner parks" in footer.text


def test_ranking_notes_name_periods_for_readers(app_table):
    """The "periods differ" caveat lists the periods as readers write them."""
    from dashboard.present.captions import ranking_note_texts

    result = ranking(app_table, "registered_enterprises", "stock", "latest", ("actual",))
    (zh,) = [n for n in ranking_note_texts(result.notes, "zh", result.rows) if "时期不同" in n]
    assert "2022年12月、2023年、2024年3月" in zh and "2024-03" not in zh


def test_a_narrow_chart_wraps_its_title_clear_of_the_toolbar(app_table):
    """Drawn in a column about 560 px wide (the site profile's), every title line ends at
    least 240 px before the right edge, where plotly puts its toolbar."""
    rows = trend_rows(app_table, "registered_enterprises", "stock", [], [])
    title = "Tianjin Higher Education Sci-Tech Park (core area) · Registered enterprises"
    fig = trend_figure(rows, lang="en", unit_mode="std", title=title, note="", width=560)
    lines = fig.layout.title.text.split("<br>")
    assert len(lines) > 1
    assert all(text_width(line, fig.layout.title.font.size) <= 560 - 240 for line in lines)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ranking_above_a_tenfold_range_stays_linear_with_a_note(app_table, lang):
    """One bar a twentieth of the longest: the axis stays linear from zero (lengths compare),
    a note in the figure says to read the short bars by their labels, and every bar keeps its
    figure outside the bar at full size, inside the plot's range."""
    result = ranking(app_table, "registered_enterprises", "stock", "latest", ("actual",))
    top = result.rows["value_std"].max()

    def figure(low: float):
        """The ranking with its last bar at ``low`` and none shorter than a fifth of the top."""
        rows = result.rows.copy()
        rows["value_std"] = rows["value_std"].clip(lower=top / 5)
        rows.loc[rows.index[-1], ["value_std", "value"]] = [low, low]
        fig = ranking_figure(
            rows,
            lang=lang,
            unit_mode="std",
            title="R",
            note="Source: test",
            ranked=True,
            region_order=REGIONS,
        )
        (footer,) = [a for a in fig.layout.annotations if a.name == "footer"]
        return rows, fig, footer.text

    rows, fig, footer = figure(top / 20)
    note = "数值相差超过十倍" if lang == "zh" else "differ more than tenfold"
    assert note in footer
    assert fig.layout.xaxis.type in (None, "linear") and fig.layout.xaxis.range[0] == 0
    bars = [trace for trace in fig.data if trace.type == "bar"]
    assert sum(len(trace.x) for trace in bars) == len(rows)
    for trace in bars:
        assert trace.textposition == "outside" and trace.constraintext == "none"
        assert trace.cliponaxis is False and trace.textfont.size >= 12
        assert all(text.strip() for text in trace.text)
    # The shortest bar's label fits right of it, within the axis range.
    short = min((x, text) for trace in bars for x, text in zip(trace.x, trace.text, strict=True))
    plot_px = 600  # the width the figure leaves labels room on
    scale = plot_px / fig.layout.xaxis.range[1]
    assert short[0] * scale + text_width(short[1], bars[0].textfont.size) < plot_px
    # Figures within tenfold carry no such note.
    assert note not in figure(top / 9)[2]
