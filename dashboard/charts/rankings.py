"""Sites ranked by one metric: horizontal bars, best on top, coloured by region.

:func:`ranking_figure` takes ``Ranking.rows`` from :func:`dashboard.present.rankings.ranking`
(already sorted) and keeps that order. Bars of plans, targets and forecasts are hatched,
derived figures cross-hatched; each bar's label, outside the bar at full size, is the figure
with its qualifier ("超5000", "over 5 thousand") and, when the bars' periods differ, its period.
The axis stays linear from zero; when the figures differ more than tenfold a note says to read
the short bars by their labels. Site names take at most two
lines of a fixed width; the legend sits above the plot; the page's caveats are under it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from ..present.captions import unit_note
from ..present.formatting import period_label, row_label
from ..present.i18n import name, t
from ..present.rows import FIGURE_FIELDS, row_dicts
from .common import (
    PLANNED,
    axis_fonts,
    color,
    frame,
    plain,
    short_label,
    sizes,
    text_width,
    with_unit,
)
from .trends import axis_unit_label, point_hover, tenfold

# The most a site's name may take, per line (px at the label size); two lines at most.
NAME_WIDTH = {False: 190, True: 240}


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
    notes: Sequence[str] = (),
    present: bool = False,
) -> go.Figure:
    """One bar per row in the given order; one trace per region (for the legend).

    ``title`` says what, where and when (the unit is added); ``notes`` are the page's caveats,
    drawn under the plot with the source ``note``."""
    records = row_dicts(rows, FIGURE_FIELDS)
    traces: list[dict] = []  # plain dicts, validated once by go.Figure (see trends.py)
    size = sizes(present)
    divisor, axis_unit = axis_unit_label(records, lang)
    unit_std = str(records[0]["unit_std"]) if records else ""
    periods_differ = len({str(r["period"]) for r in records}) > 1
    labels = []
    for r in records:
        prefix = f"{int(r['rank'])}. " if ranked and pd.notna(r.get("rank")) else ""
        labels.append(
            short_label(f"{prefix}{name(r, lang, 'site_')}", size["tick"], NAME_WIDTH[present])
        )
    for r, label in zip(records, labels, strict=True):
        r["_label"] = label
        # A figure of another scope than the site's own is marked; the note says which.
        figure = row_label(r, lang, unit_mode) + (" *" if isinstance(r.get("scope"), str) else "")
        r["_text"] = (
            f"{figure} · {period_label(str(r['period']), lang)}" if periods_differ else figure
        )
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
                text=[plain(r["_text"]) for r in bars],
                textposition="outside",
                textfont={"size": size["label"]},
                constraintext="none",  # a short bar's label keeps its size
                cliponaxis=False,
                hovertext=[point_hover(r, lang) for r in bars],
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=[str(r["claim_id"]) for r in bars],
                meta={"region": region},
            )
        )
    notes = list(notes)
    scopes = list(
        dict.fromkeys(name(r, lang, "scope_") for r in records if isinstance(r.get("scope"), str))
    )
    if scopes:
        notes.append(t("chart.scope_note", lang, scopes=" / ".join(scopes)))
    if periods_differ:
        notes.append(t("caption.periods_per_bar", lang))
    if unit_std != "rank" and tenfold([r["value_std"] for r in records]):
        # Bars stay linear, as their lengths are compared: the note says to read the short
        # ones by their labels, which stay outside every bar at full size.
        notes.append(t("caption.bars_tenfold", lang))
    values = [r["value_std"] / divisor for r in records]
    widest = max((text_width(r["_text"], size["label"]) for r in records), default=0.0)
    xaxis: dict = {"title": {"text": plain(axis_unit)}, **axis_fonts(present)}
    # Room right of the longest bar for its label, on a plot about 600 px wide.
    share = min((widest + 20) / 600, 0.6)
    # Bars stay on a linear axis from zero, as their lengths are compared; a bar too short to
    # see still carries its figure as a label.
    top = max([*values, 0.0])
    xaxis.update(range=[0, top / (1 - share) if top else 1], rangemode="tozero")
    name_px = max(
        (text_width(line, size["tick"]) for label in labels for line in label.split("<br>")),
        default=60.0,
    )
    layout = {
        "barmode": "overlay",
        **frame(
            title=with_unit(title, axis_unit, lang),
            note=note,
            notes=notes,
            height=height or max(320, 220 + 44 * len(records) + 22 * len(notes)),
            legend=[
                name(r, lang, "region_") for r in {str(r["region_id"]): r for r in records}.values()
            ],
            present=present,
            subtitle=unit_note(unit_std, lang),
            left=round(min(name_px, NAME_WIDTH[present]) + 24),
        ),
        "xaxis": xaxis,
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": labels,
            "autorange": "reversed",
            "title": {"text": ""},
            "automargin": True,
            **axis_fonts(present),
        },
    }
    return go.Figure(data=traces, layout=layout, _validate=False)  # validated in tests
