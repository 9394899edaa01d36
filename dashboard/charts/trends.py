"""Time series of one metric per site: actual figures solid, plans dashed and hollow.

:func:`trend_figure` takes the rows of :func:`dashboard.present.trends.trend_rows` and returns a
plotly Figure. Per site it draws

- one line per status: a solid line through the actual figures (filled markers), a dashed one
  through the plans, another through the targets, ... (hollow markers); a line never joins
  figures of two statuses, so a target followed by a lower plan does not read as a decline,
- a faint horizontal bar over the period a figure covers, when that is longer than a month,

and every marker's shape carries the qualifier (see :mod:`dashboard.charts.common`). The last
point of each line is labelled with its figure (qualifier kept), labels moved apart where they
would overlap; every figure is in the hover. When the figures differ more than tenfold the value
axis is logarithmic and a note says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..core.models import Status
from ..present.captions import unit_note
from ..present.formatting import axis_scale, counter_of, period_label, row_label, std_label
from ..present.i18n import name, t, vocab
from ..present.rows import FIGURE_FIELDS, row_dicts
from ..present.tables import source_label
from .common import (
    GREY,
    PLANNED,
    WIDTH,
    axis_fonts,
    color,
    dash,
    frame,
    hover,
    plain,
    sizes,
    symbol,
    text_width,
    with_unit,
)

SHORT_PERIODS = ("day", "month")
STATUS_ORDER = [status.value for status in Status]
# Plot width the label layout is worked out for: narrower than most pages, so labels kept
# apart here are apart on a wider page too.
PLOT_WIDTH = 640


def axis_unit_label(records: list[dict], lang: str, scaled: bool = True) -> tuple[float, str]:
    """(divisor, unit) of the value axis: 亿元, CNY billion, P, PFLOPS; a count takes the
    articles' measure word in Chinese (家, 万家) and "number" (or thousand, million) in English."""
    unit_std = str(records[0]["unit_std"]) if records else ""
    names = (
        {"zh": str(records[0]["unit_std_name_zh"]), "en": str(records[0]["unit_std_name_en"])}
        if records
        else None
    )
    values = [r["value_std"] for r in records] if scaled else []
    divisor, label = axis_scale(values, unit_std, lang, names)
    if unit_std == "count":
        if lang == "zh":
            counters = [counter_of(str(r.get("unit") or "")) for r in records]
            counters = [c for c in counters if c and not c[0].isdigit()]
            word = max(set(counters), key=counters.count) if counters else "个"
            label = f"{label}{word}"
        elif not label:
            label = t("caption.count_unit", lang)
    return divisor, label


def tenfold(values: Sequence[float]) -> bool:
    """Whether positive ``values`` differ more than tenfold (a log axis then reads better)."""
    finite = [v for v in values if v is not None and math.isfinite(v)]
    return bool(finite) and min(finite) > 0 and max(finite) > 10 * min(finite)


def dodge(boxes: list[tuple[float, float, float, float]]) -> list[float]:
    """Vertical shifts (px) that keep label boxes ``(x, y, width, height)`` (x the left edge,
    y the centre, both px) from overlapping: from the lowest up, a label that would touch one
    already placed moves just above it."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][1])
    placed: list[tuple[float, float, float, float]] = []
    shifts = [0.0] * len(boxes)
    for i in order:
        x, y, w, h = boxes[i]
        moved = True
        while moved:
            moved = False
            for px, py, pw, ph in placed:
                if x < px + pw and px < x + w and abs(y - py) < (h + ph) / 2:
                    y = py + (h + ph) / 2 + 1
                    moved = True
        placed.append((x, y, w, h))
        shifts[i] = y - boxes[i][1]
    return shifts


def point_hover(row: Mapping, lang: str) -> str:
    """Hover text of one figure: as printed, standard value, period, status, quote, source."""
    lines: list[tuple[str, str] | str] = [
        name(row, lang, "site_"),
        (t("chart.as_printed", lang), row_label(row, lang, "printed")),
        (t("col.std", lang), row_label(row, lang, "std")),
        (t("chart.period", lang), period_label(str(row["period"]), lang)),
        (
            t("chart.status", lang),
            vocab("status", row["status"], lang)
            + (f" · {t('chart.derived', lang)}" if row["derived"] else ""),
        ),
        *(
            [(t("col.qualifier", lang), word)]
            if (word := vocab("qualifier", row["qualifier"], lang))
            else []
        ),
        (t("chart.quote", lang), str(row["quote"])),
        (
            t("chart.source", lang),
            f"{source_label(row['source_publication'], row['source_date'], lang)}"
            f" · {row['source_title']}",
        ),
    ]
    if isinstance(row.get("scope"), str):
        lines.insert(1, (t("chart.scope", lang), name(row, lang, "scope_")))
    reported = row.get("reported_by")
    if isinstance(reported, int | np.integer) and reported > 1:
        lines.append(t("chart.reported_by", lang, n=int(reported)))
    if row["derived"] and isinstance(row.get("formula"), str):
        lines.append((t("claims.formula", lang), row["formula"]))
    return hover(lines)


def _x(row: Mapping) -> pd.Timestamp:
    return pd.Timestamp(row["period_end"])


def trend_figure(
    rows: pd.DataFrame,
    *,
    lang: str,
    unit_mode: str,
    title: str,
    note: str,
    height: int = 480,
    notes: Sequence[str] = (),
    present: bool = False,
    width: int = WIDTH,
) -> go.Figure:
    """The time-series figure; an empty ``rows`` gives an empty, titled figure. ``title`` says
    what, where and when (the unit is added); ``notes`` are the page's caveats, drawn under the
    plot with the source ``note``. ``width``: about how wide it is drawn (px), for wrapping."""
    # Traces and layout are plain dicts, validated once by go.Figure at the end: building
    # graph objects trace by trace costs ten times as much (measured at 100,000 claims).
    traces: list[dict] = []
    records = row_dicts(rows, FIGURE_FIELDS)
    unit_std = str(records[0]["unit_std"]) if records else ""
    log = unit_std != "rank" and tenfold([r["value_std"] for r in records])
    # On a log axis the ticks carry the magnitude (1,000, 1万), so the values stay unscaled.
    divisor, axis_unit = axis_unit_label(records, lang, scaled=not log)
    size = sizes(present)

    site_order = list(dict.fromkeys(str(r["site_id"]) for r in records))
    legend: list[str] = []
    lines: list[tuple[list[dict], str]] = []  # each line's points and colour, for the labels
    for index, site in enumerate(site_order):
        points = [r for r in records if str(r["site_id"]) == site]
        colour = color(index)
        label = plain(name(points[0], lang, "site_"))
        legend.append(name(points[0], lang, "site_"))
        spans = [r for r in points if str(r["period_precision"]) not in SHORT_PERIODS]
        if spans:
            xs: list = []
            ys: list = []
            for r in spans:
                xs += [pd.Timestamp(r["period_start"]), _x(r), None]
                ys += [r["value_std"] / divisor] * 2 + [None]
            traces.append(
                dict(
                    type="scatter",
                    x=xs,
                    y=ys,
                    mode="lines",
                    line={"color": colour, "width": 7},
                    opacity=0.25,
                    hoverinfo="skip",
                    showlegend=False,
                    legendgroup=site,
                    name=f"{label} span",
                    meta={"role": "span", "site": site},
                )
            )
        statuses = sorted(
            {str(r["status"]) for r in points},
            key=lambda s: STATUS_ORDER.index(s) if s in STATUS_ORDER else len(STATUS_ORDER),
        )
        for number, status in enumerate(statuses):
            same = sorted((r for r in points if str(r["status"]) == status), key=_x)
            traces.append(
                _points(
                    same,
                    lang,
                    divisor,
                    colour,
                    label,
                    site,
                    status=status,
                    showlegend=number == 0,
                )
            )
            lines.append((same, colour))

    # Two legend keys for the line styles; they carry no data.
    for role, style in (("actual", "solid"), ("planned", "dash")):
        legend.append(t(f"chart.legend_{role}", lang))
        traces.append(
            dict(
                type="scatter",
                x=[None],
                y=[None],
                mode="lines+markers",
                name=plain(t(f"chart.legend_{role}", lang)),
                line={"color": GREY, "dash": style},
                marker={
                    "symbol": "circle" if role == "actual" else "circle-open",
                    "color": GREY,
                    "size": 9,
                },
                hoverinfo="skip",
                legendgroup=f"style-{role}",
                meta={"role": "key"},
            )
        )

    notes = list(notes)
    scopes = list(
        dict.fromkeys(name(r, lang, "scope_") for r in records if isinstance(r.get("scope"), str))
    )
    if scopes:
        notes.append(t("chart.scope_note", lang, scopes=" / ".join(scopes)))
    if len({str(r["status"]) for r in records}) > 1:
        notes.append(t("caption.statuses_apart", lang))
    if log:
        notes.append(t("caption.log_axis", lang))
    layout = frame(
        title=with_unit(title, axis_unit, lang),
        note=note,
        notes=notes,
        height=height,
        legend=legend,
        present=present,
        subtitle=unit_note(unit_std, lang),
        width=width,
    )
    labels = [_label(points, colour, lang, unit_mode, size["label"]) for points, colour in lines]
    widest = max((label["_width"] for label in labels), default=0.0)
    layout.update(
        _axes(records, divisor=divisor, log=log, present=present, widest=widest, lang=lang)
    )
    layout["yaxis"]["title"] = {"text": plain(axis_unit), "font": {"size": size["base"]}}
    _place(labels, layout, log=log, divisor=divisor)
    layout["annotations"] = [*layout["annotations"], *labels]
    return go.Figure(data=traces, layout=layout, _validate=False)  # validated in tests


def _points(
    points: list[dict],
    lang: str,
    divisor: float,
    colour: str,
    label: str,
    site: str,
    *,
    status: str,
    showlegend: bool,
) -> dict:
    """One line: the figures of one site and one status, oldest first."""
    return dict(
        type="scatter",
        x=[_x(r) for r in points],
        y=[r["value_std"] / divisor for r in points],
        mode="lines+markers",
        name=label,
        legendgroup=site,
        showlegend=showlegend,
        line={"color": colour, "width": 2.5, "dash": dash(status)},
        marker={
            "symbol": [symbol(r["qualifier"], r["status"], bool(r["derived"])) for r in points],
            "size": 13,
            "color": colour,
            "line": {"color": colour, "width": 2},
        },
        hovertext=[point_hover(r, lang) for r in points],
        hovertemplate="%{hovertext}<extra></extra>",
        customdata=[str(r["claim_id"]) for r in points],
        meta={"role": "planned" if status in PLANNED else "actual", "status": status, "site": site},
    )


def _label(points: list[dict], colour: str, lang: str, unit_mode: str, size: int) -> dict:
    """The label of a line's last point: its figure, qualifier kept, the status named when
    it is not actual, ``*`` when the figure covers another scope."""
    last = points[-1]
    text = row_label(last, lang, unit_mode) + (" *" if isinstance(last.get("scope"), str) else "")
    status = str(last["status"])
    if status in PLANNED:
        text += (
            f" ({vocab('status', status, lang)})"
            if lang != "zh"
            else f"（{vocab('status', status, lang)}）"
        )
    return {
        "text": plain(text),
        "x": _x(last),
        "y": last["value_std"],
        "xref": "x",
        "yref": "y",
        "xanchor": "left",
        "yanchor": "middle",
        "xshift": 10,
        "yshift": 0,
        "showarrow": False,
        "font": {"size": size, "color": colour},
        "bgcolor": "rgba(255,255,255,0.85)",
        "name": f"label:{last['site_id']}:{status}",
        "_width": text_width(text, size) + 6,
    }


def _place(labels: list[dict], layout: dict, *, log: bool, divisor: float) -> None:
    """Axis coordinates for the labels (log10 on a log axis), and shifts that keep them
    apart on a plot :data:`PLOT_WIDTH` wide and as high as the layout leaves."""
    if not labels:
        return
    x0, x1 = (pd.Timestamp(v) for v in layout["xaxis"]["range"])
    y0, y1 = layout["yaxis"]["range"]
    margin = layout["margin"]
    plot_h = max(layout["height"] - margin["t"] - margin["b"], 50)
    boxes = []
    for label in labels:
        value = label["y"] / divisor
        label["y"] = math.log10(value) if log else value
        x_px = (label["x"] - x0) / (x1 - x0) * PLOT_WIDTH + label["xshift"]
        y_px = (label["y"] - y0) / (y1 - y0) * plot_h
        height = label["font"]["size"] * 1.35
        boxes.append((x_px, y_px, label.pop("_width"), height))
    for label, shift in zip(labels, dodge(boxes), strict=True):
        label["yshift"] = round(shift)


def _axes(
    records: list[dict], *, divisor: float, log: bool, present: bool, widest: float, lang: str
) -> dict:
    """The x axis (dates, room on the right for the labels) and the value axis (from zero, or
    logarithmic over the figures' range)."""
    fonts = axis_fonts(present)
    yaxis: dict = {"rangemode": "tozero", "zeroline": True, **fonts}
    xaxis: dict = {
        "type": "date",
        "title": {"text": ""},
        "tickformat": "%Y年%-m月" if lang == "zh" else "%b %Y",
        **fonts,
    }
    values = [r["value_std"] / divisor for r in records]
    if values:
        if log:
            low, high = math.log10(min(values)), math.log10(max(values))
            pad = (high - low) * 0.12
            powers = range(math.floor(low - pad), math.ceil(high + pad * 2) + 1)
            yaxis.update(
                type="log",
                range=[low - pad, high + pad * 2],
                rangemode="normal",
                tickvals=[10.0**k for k in powers],
                ticktext=[std_label(10.0**k, "count", lang) for k in powers],
            )
        else:
            top, bottom = max([*values, 0.0]), min([*values, 0.0])
            pad = (top - bottom) * 0.2 or abs(top) * 0.2 or 1.0
            yaxis["range"] = [bottom - (pad if bottom < 0 else 0), top + pad]
        starts = [pd.Timestamp(r["period_start"]) for r in records]
        ends = [_x(r) for r in records]
        first, last = min(starts + ends), max(ends)
        left = max((last - first) * 0.08, pd.Timedelta(days=120))
        share = min((widest + 20) / PLOT_WIDTH, 0.45)
        right = max((last - first + left) * (share / (1 - share)), pd.Timedelta(days=120))
        xaxis["range"] = [first - left, last + right]
    return {"xaxis": xaxis, "yaxis": yaxis}
