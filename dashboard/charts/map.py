"""The sites on a map of China's provinces, offline by default.

:func:`map_deck` returns a ``pydeck.Deck`` with ``map_provider=None`` (no tile server: Streamlit
draws no base map and the browser fetches nothing) and three layers:

- ``provinces``: the bundled outline (``data/geo/china_outline.geojson``), thin grey lines;
- ``country``: China's national outline, a stronger line;
- ``sites``: one dot per site, coloured by region, sized by the chosen metric's figure.

With ``tiles=True`` (an opt-in setting) it uses Carto's light tiles instead of a blank ground.
Tooltip fields are plain text: Streamlit escapes ``{field}`` values in an ``html`` tooltip.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from ..present.formatting import row_label
from ..present.i18n import name, t
from ..present.rows import row_dicts
from .common import GREY, color, rgb

OUTLINE = Path(__file__).resolve().parents[2] / "data" / "geo" / "china_outline.geojson"
MIN_RADIUS, MAX_RADIUS, PLAIN_RADIUS = 5, 28, 8
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
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


@lru_cache(maxsize=2)
def load_outline(path: Path = OUTLINE) -> dict:
    """The outline GeoJSON (cached: it is static)."""
    return json.loads(path.read_text(encoding="utf-8"))


def outline_parts(outline: dict) -> tuple[dict, dict]:
    """(provinces, national outline) as two FeatureCollections."""
    provinces = [f for f in outline["features"] if f["properties"].get("level") == "province"]
    country = [f for f in outline["features"] if f["properties"].get("level") == "country"]
    return (
        {"type": "FeatureCollection", "features": provinces},
        {"type": "FeatureCollection", "features": country},
    )


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
        if sized:
            figures.append(
                f"{row_label(r, lang, unit_mode)} ({r['period']})"
                if has_figure
                else t("map.no_figure", lang)
            )
        else:
            figures.append("")
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
    """The deck: outline layers under the site dots, centred on ``center`` (lat, lon, zoom)."""
    provinces, country = outline_parts(outline or load_outline())
    points = site_points(
        sites, lang=lang, unit_mode=unit_mode, region_order=region_order, sized=sized
    )
    # Larger dots first, so small ones stay clickable on top.
    points = points.sort_values("radius", ascending=False, kind="stable").reset_index(drop=True)
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            id="provinces",
            data=provinces,
            stroked=True,
            filled=True,
            get_fill_color=[246, 244, 238, 255] if not tiles else [0, 0, 0, 0],
            get_line_color=[150, 150, 150, 200],
            line_width_min_pixels=0.8,
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            id="country",
            data=country,
            stroked=True,
            filled=False,
            get_line_color=[90, 90, 90, 230],
            line_width_min_pixels=1.6,
            pickable=False,
        ),
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
        ),
    ]
    lat, lon, zoom = center
    # Without tiles, pass no map_style at all: map_style=None makes Streamlit pick Carto tiles.
    base = {"map_provider": "carto", "map_style": "light"} if tiles else {"map_provider": None}
    return Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom),
        tooltip={"html": TOOLTIP_HTML, "style": TOOLTIP_STYLE},
        **base,
    )
