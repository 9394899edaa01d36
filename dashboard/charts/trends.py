"""Time series of one metric per site: actual figures solid, plans dashed and hollow.

:func:`trend_figure` takes the rows of :func:`dashboard.present.trends.trend_rows` and returns a
plotly Figure. Per site it draws

- one solid line through the actual figures (filled markers),
- one dashed line from the last actual figure through the plans, targets and forecasts
  (hollow markers),
- a faint horizontal bar over the period a figure covers, when that is longer than a month,

and every marker's shape carries the qualifier (see :mod:`dashboard.charts.common`). Each point
is labelled with its figure (qualifier kept), so a series of one or two points still reads.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..present.formatting import axis_scale, row_label
from ..present.i18n import name, t, vocab
from ..present.rows import FIGURE_FIELDS, row_dicts
from .common import GREY, PLANNED, color, dash, frame, hover, plain, symbol

SHORT_PERIODS = ("day", "month")


def point_hover(row: Mapping, lang: str) -> str:
    """Hover text of one figure: as printed, standard value, period, status, quote, source."""
    lines: list[tuple[str, str] | str] = [
        name(row, lang, "site_"),
        (t("chart.as_printed", lang), row_label(row, lang, "printed")),
        (t("col.std", lang), row_label(row, lang, "std")),
        (t("chart.period", lang), str(row["period"])),
        (
            t("chart.status", lang),
            vocab("status", row["status"], lang)
            + (f" · {t('chart.derived', lang)}" if row["derived"] else ""),
        ),
        (t("col.qualifier", lang), vocab("qualifier", row["qualifier"], lang)),
        (t("chart.quote", lang), str(row["quote"])),
        (
            t("chart.source", lang),
            f"{row['source_publication']} {row['source_date']:%Y-%m-%d} · {row['source_title']}",
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
) -> go.Figure:
    """The time-series figure; an empty ``rows`` gives an empty, titled figure."""
    # Traces and layout are plain dicts, validated once by go.Figure at the end: building
    # graph objects trace by trace costs ten times as much (measured at 100,000 claims).
    traces: list[dict] = []
    records = row_dicts(rows, FIGURE_FIELDS)
    unit_std = str(records[0]["unit_std"]) if records else ""
    names = (
        {"zh": str(records[0]["unit_std_name_zh"]), "en": str(records[0]["unit_std_name_en"])}
        if records
        else None
    )
    divisor, axis_unit = axis_scale([r["value_std"] for r in records], unit_std, lang, names)

    site_order = list(dict.fromkeys(str(r["site_id"]) for r in records))
    for index, site in enumerate(site_order):
        points = [r for r in records if str(r["site_id"]) == site]
        colour = color(index)
        label = plain(name(points[0], lang, "site_"))
        actual = [r for r in points if r["status"] not in PLANNED]
        planned = [r for r in points if r["status"] in PLANNED]
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
        if actual:
            traces.append(
                _points(
                    actual,
                    lang,
                    unit_mode,
                    divisor,
                    colour,
                    label,
                    site,
                    role="actual",
                    showlegend=True,
                )
            )
        if planned:
            anchor = [a for a in actual if _x(a) <= _x(planned[0])][-1:]
            traces.append(
                _points(
                    anchor + planned,
                    lang,
                    unit_mode,
                    divisor,
                    colour,
                    label,
                    site,
                    role="planned",
                    showlegend=not actual,
                    anchor=bool(anchor),
                )
            )

    # Two legend keys for the line styles; they carry no data.
    for role, style in (("actual", "solid"), ("planned", "dash")):
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

    scopes = list(
        dict.fromkeys(name(r, lang, "scope_") for r in records if isinstance(r.get("scope"), str))
    )
    if scopes:
        note = f"{note} · {t('chart.scope_note', lang, scopes=' / '.join(scopes))}"
    layout = _layout(
        records, title=title, axis_unit=axis_unit, note=note, height=height, divisor=divisor
    )
    return go.Figure(data=traces, layout=layout, _validate=False)  # validated in tests


def _points(
    points: list[dict],
    lang: str,
    unit_mode: str,
    divisor: float,
    colour: str,
    label: str,
    site: str,
    *,
    role: str,
    showlegend: bool,
    anchor: bool = False,
) -> dict:
    sizes = [13] * len(points)
    # A figure of another scope than the series' site is marked; the note says which.
    texts = [
        row_label(r, lang, unit_mode) + (" *" if isinstance(r.get("scope"), str) else "")
        for r in points
    ]
    if anchor:  # the last actual point, repeated only to start the dashed line
        sizes[0] = 0
        texts[0] = ""
    return dict(
        type="scatter",
        x=[_x(r) for r in points],
        y=[r["value_std"] / divisor for r in points],
        mode="lines+markers+text",
        name=label,
        legendgroup=site,
        showlegend=showlegend,
        line={
            "color": colour,
            "width": 2.5,
            "dash": dash("plan" if role == "planned" else "actual"),
        },
        marker={
            "symbol": [symbol(r["qualifier"], r["status"], bool(r["derived"])) for r in points],
            "size": sizes,
            "color": colour,
            "line": {"color": colour, "width": 2},
        },
        text=[plain(x) for x in texts],
        textposition="top center",
        textfont={"size": 12, "color": colour},
        hovertext=[point_hover(r, lang) for r in points],
        hovertemplate="%{hovertext}<extra></extra>",
        customdata=[str(r["claim_id"]) for r in points],
        meta={"role": role, "site": site},
    )


def _layout(
    records: list[dict],
    *,
    title: str,
    axis_unit: str,
    note: str,
    height: int,
    divisor: float,
) -> dict:
    values = [r["value_std"] / divisor for r in records]
    yaxis: dict = {"title": {"text": plain(axis_unit)}, "rangemode": "tozero", "zeroline": True}
    xaxis: dict = {"type": "date", "title": {"text": ""}}
    if values:
        top, bottom = max([*values, 0.0]), min([*values, 0.0])
        pad = (top - bottom) * 0.2 or abs(top) * 0.2 or 1.0
        yaxis["range"] = [bottom - (pad if bottom < 0 else 0), top + pad]
        starts = [pd.Timestamp(r["period_start"]) for r in records]
        ends = [_x(r) for r in records]
        first, last = min(starts + ends), max(ends)
        margin = max((last - first) * 0.1, pd.Timedelta(days=120))
        xaxis["range"] = [first - margin, last + margin]
    return {
        **frame(title=f"{title} ({axis_unit})" if axis_unit else title, note=note, height=height),
        "xaxis": xaxis,
        "yaxis": yaxis,
    }
