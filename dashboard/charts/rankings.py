"""Sites ranked by one metric: horizontal bars, best on top, coloured by region.

:func:`ranking_figure` takes ``Ranking.rows`` from :func:`dashboard.present.rankings.ranking`
(already sorted) and keeps that order. Bars of plans, targets and forecasts are hatched,
derived figures cross-hatched; each bar's label is the figure with its qualifier ("超5000",
"over 5 thousand").
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..present.formatting import axis_scale, row_label
from ..present.i18n import name
from ..present.rows import FIGURE_FIELDS, row_dicts
from .common import PLANNED, color, frame, plain
from .trends import point_hover


def bar_pattern(status: str, derived: bool) -> str:
    """Fill pattern of a bar: none for actual, ``/`` for planned, ``x`` for derived."""
    if derived:
        return "x"
    return "/" if status in PLANNED else ""


def ranking_figure(
    rows: pd.DataFrame,
    *,
    lang: str,
    unit_mode: str,
    title: str,
    note: str,
    ranked: bool,
    region_order: list[str],
    height: int | None = None,
) -> go.Figure:
    """One bar per row in the given order; one trace per region (for the legend)."""
    records = row_dicts(rows, FIGURE_FIELDS)
    traces: list[dict] = []  # plain dicts, validated once by go.Figure (see trends.py)
    unit_std = str(records[0]["unit_std"]) if records else ""
    names = (
        {"zh": str(records[0]["unit_std_name_zh"]), "en": str(records[0]["unit_std_name_en"])}
        if records
        else None
    )
    divisor, axis_unit = axis_scale([r["value_std"] for r in records], unit_std, lang, names)
    labels = []
    for r in records:
        prefix = f"{int(r['rank'])}. " if ranked and pd.notna(r.get("rank")) else ""
        labels.append(plain(f"{prefix}{name(r, lang, 'site_')}"))
    for r, label in zip(records, labels, strict=True):
        r["_label"] = label
    regions = list(dict.fromkeys(str(r["region_id"]) for r in records))
    for region in regions:
        bars = [r for r in records if str(r["region_id"]) == region]
        index = region_order.index(region) if region in region_order else len(region_order)
        colour = color(index)
        traces.append(
            dict(
                type="bar",
                orientation="h",
                x=[r["value_std"] / divisor for r in bars],
                y=[r["_label"] for r in bars],
                name=plain(name(bars[0], lang, "region_")),
                marker={
                    "color": colour,
                    "line": {"color": colour, "width": 1.5},
                    "pattern": {
                        "shape": [bar_pattern(r["status"], bool(r["derived"])) for r in bars],
                        "fgcolor": "white",
                        "solidity": 0.35,
                    },
                },
                text=[plain(row_label(r, lang, unit_mode)) for r in bars],
                textposition="outside",
                cliponaxis=False,
                hovertext=[point_hover(r, lang) for r in bars],
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=[str(r["claim_id"]) for r in bars],
                meta={"region": region},
            )
        )
    top = max([r["value_std"] / divisor for r in records] + [0.0])
    layout = {
        "barmode": "overlay",
        "xaxis": {
            "title": {"text": plain(axis_unit)},
            "range": [0, top * 1.35 or 1],
            "rangemode": "tozero",
        },
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": labels,
            "autorange": "reversed",
            "title": {"text": ""},
            "automargin": True,
        },
        **frame(
            title=f"{title} ({axis_unit})" if axis_unit else title,
            note=note,
            height=height or max(300, 200 + 40 * len(records)),
        ),
    }
    return go.Figure(data=traces, layout=layout, _validate=False)  # validated in tests
