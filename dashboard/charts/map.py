"""The sites on a map of China, offline by default.

:func:`map_deck` returns a ``pydeck.Deck`` with ``map_provider=None`` (no tile server: Streamlit
draws no base map and the browser fetches nothing). Its layers, bottom to top: the standard
outline of :mod:`.map_outline` (provinces, national border, dashed maritime boundary, the South
China Sea islands); at the national zoom the 南海诸岛 inset and the provinces' names; the
``sites`` (one dot per site, coloured by region, sized by the chosen metric's figure); closer in,
the sites' names (as many as fit without overlapping).

With ``tiles=True`` (an opt-in setting) it uses Carto's light tiles instead of a blank ground.
Tooltip fields are plain text: Streamlit escapes ``{field}`` values in an ``html`` tooltip.
Names are in the reader's language, drawn in the system's CJK font.
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from ..present.i18n import name, t
from ..present.map import figure_text, is_national
from ..present.rows import row_dicts
from .common import GREY, color, rgb
from .map_outline import (
    OUTLINE,
    ground_layers,
    inset_layers,
    load_outline,
    province_labels,
    text_layer,
    with_ground,
    without_overlaps,
)

__all__ = [
    "OUTLINE",
    "Deck",
    "load_outline",
    "map_deck",
    "radii",
    "site_labels",
    "site_points",
]
MIN_RADIUS, MAX_RADIUS, PLAIN_RADIUS = 5, 28, 8
LABEL_SIZE, PROVINCE_SIZE = 12, 11  # pixels
TOOLTIP_HTML = "<b>{name}</b><br/>{region}<br/>{figure}<br/>{claims_text}"
TOOLTIP_STYLE = {
    "backgroundColor": "white",
    "color": "#222",
    "fontSize": "13px",
    "border": "1px solid #bbb",
    "padding": "6px",
}


class Deck(pdk.Deck):
    """A ``pydeck.Deck`` that serialises compactly. pydeck indents its JSON, which makes
    Python fall back from its C encoder to the pure-Python one: for the outline's 10,000
    points that was most of the map page's rerun time; the JSON is otherwise the same."""

    def to_json(self) -> str:
        spec = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
        return with_ground(spec)


def radii(values: pd.Series) -> list[float]:
    """Dot radius in pixels: area proportional to the value; no value gives the smallest dot."""
    finite = values[pd.notna(values) & (values > 0)]
    top = float(finite.max()) if not finite.empty else 0.0
    out = []
    for v in values:
        if top and pd.notna(v) and v > 0:
            out.append(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(float(v) / top))
        else:
            out.append(float(MIN_RADIUS))
    return out


def site_points(
    sites: pd.DataFrame, *, lang: str, unit_mode: str, region_order: list[str], sized: bool
) -> pd.DataFrame:
    """The sites layer's data: position, colour, radius and the tooltip's text fields."""
    points = sites.copy()
    records = row_dicts(points)
    points["name"] = [name(r, lang, "site_") for r in records]
    points["region"] = [name(r, lang, "region_") for r in records]
    colours = []
    figures = []
    for r in records:
        has_figure = sized and pd.notna(r.get("value_std"))
        index = region_order.index(r["region_id"]) if r["region_id"] in region_order else 99
        colours.append(rgb(color(index), 220) if has_figure or not sized else rgb(GREY, 150))
        figures.append(figure_text(r, lang, unit_mode) if sized else "")
    points["color"] = colours
    points["figure"] = figures
    points["radius"] = radii(points["value_std"]) if sized else [float(PLAIN_RADIUS)] * len(points)
    points["claims_text"] = [f"{t('col.claims', lang)}: {n}" for n in points["claims"]]
    keep = [
        "site_id",
        "name",
        "region",
        "region_id",
        "lat",
        "lon",
        "color",
        "radius",
        "figure",
        "claims_text",
        "claims",
    ]
    return points[keep].reset_index(drop=True)


def site_labels(points: pd.DataFrame, zoom: float, size: float = LABEL_SIZE) -> list[dict]:
    """Each site's name just right of its dot, as many as fit at ``zoom`` without overlapping
    another name or dot: larger dots, then sites with more claims, are named first; a name
    that would overlap is left out (the dot's tooltip and the table under the map name it)."""
    order = points.sort_values(["radius", "claims"], ascending=False, kind="stable")
    labels = [
        {"position": [p.lon, p.lat], "text": p.name, "offset": [round(p.radius) + 4, 0]}
        for p in order.itertuples(index=False)
    ]
    dots = [(p.lon, p.lat, p.radius) for p in points.itertuples(index=False)]
    return without_overlaps(labels, zoom, size, anchor="start", dots=dots)


def map_deck(
    sites: pd.DataFrame,
    *,
    lang: str,
    unit_mode: str,
    region_order: list[str],
    center: tuple[float, float, float],
    sized: bool,
    tiles: bool = False,
    outline: dict | None = None,
) -> Deck:
    """The deck, centred on ``center`` (lat, lon, zoom): the ground, then at the national zoom
    the inset and the provinces' names, the site dots, and closer in the sites' names."""
    outline = outline or load_outline()
    points = site_points(
        sites, lang=lang, unit_mode=unit_mode, region_order=region_order, sized=sized
    )
    # Larger dots first, so small ones stay clickable on top.
    points = points.sort_values("radius", ascending=False, kind="stable").reset_index(drop=True)
    lat, lon, zoom = center
    national = is_national(zoom)
    layers = ground_layers(outline, tiles=tiles)
    if national:
        layers += inset_layers(outline, lang, t("map.inset", lang))
        names = without_overlaps(province_labels(outline, lang), zoom, PROVINCE_SIZE)
        layers.append(text_layer("province_names", names, size=PROVINCE_SIZE))
    layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            id="sites",
            data=points,
            get_position=["lon", "lat"],
            get_fill_color="color",
            get_radius="radius",
            radius_units='"pixels"',  # quoted: pydeck reads a bare string as an expression
            stroked=True,
            get_line_color=[255, 255, 255, 255],
            line_width_min_pixels=1,
            pickable=True,
            auto_highlight=True,
        )
    )
    if not national:
        layers.append(
            text_layer(
                "site_names",
                site_labels(points, zoom),
                size=LABEL_SIZE,
                anchor='"start"',
                offset="offset",
            )
        )
    # Without tiles, pass no map_style at all: map_style=None makes Streamlit pick Carto tiles.
    base = {"map_provider": "carto", "map_style": "light"} if tiles else {"map_provider": None}
    return Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom),
        tooltip={"html": TOOLTIP_HTML, "style": TOOLTIP_STYLE},
        **base,
    )
