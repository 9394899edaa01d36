"""The map builder: offline by default, outline layers, one dot per site, sizes, tooltips."""

from __future__ import annotations

import json

import pytest

from dashboard.charts.map import MAX_RADIUS, MIN_RADIUS, load_outline, map_deck, radii
from dashboard.present.map import map_sites

REGIONS = ["jingjinji", "hefei", "zhengzhou", "xian", "national"]
CENTER = (35.0, 105.0, 3.3)


def _deck(dataset, table, metric=None, tiles=False, lang="en"):
    sites = map_sites(dataset, table, metric, ("actual",))
    deck = map_deck(
        sites,
        lang=lang,
        unit_mode="std",
        region_order=REGIONS,
        center=CENTER,
        sized=bool(metric),
        tiles=tiles,
    )
    return sites, deck, json.loads(deck.to_json())


def test_map_offline_by_default(app_dataset, app_table):
    """No tile provider and pydeck's no-basemap marker: nothing is fetched from outside."""
    _, _, spec = _deck(app_dataset, app_table)
    assert "mapProvider" not in spec
    assert spec["mapStyle"] == "__MAP_STYLE__"  # pydeck's sentinel for map_provider=None
    assert "carto" not in json.dumps(spec) and "mapbox" not in json.dumps(spec)


def test_map_online_tiles_only_when_asked(app_dataset, app_table):
    """The opt-in setting switches to Carto's tiles."""
    _, _, spec = _deck(app_dataset, app_table, tiles=True)
    assert spec["mapProvider"] == "carto"


def layer(spec: dict, layer_id: str) -> dict:
    return next(item for item in spec["layers"] if item["id"] == layer_id)


def test_map_layers_outline_under_sites(app_dataset, app_table):
    """The standard outline (provinces, border, maritime boundary, islands), at the national
    zoom the inset and the provinces' names, then the site dots (pickable)."""
    _, _, spec = _deck(app_dataset, app_table)
    assert [item["id"] for item in spec["layers"]] == [
        "provinces",
        "country",
        "maritime_boundary",
        "islets",
        "inset_frame",
        "inset_land",
        "inset_boundary",
        "inset_islets",
        "inset_title",
        "province_names",
        "sites",
    ]
    sites_layer = layer(spec, "sites")
    assert sites_layer["@@type"] == "ScatterplotLayer" and sites_layer["pickable"] is True
    assert sites_layer["radiusUnits"] == "pixels"  # a literal, not a pydeck expression
    provinces = layer(spec, "provinces")["data"]["features"]
    assert len(provinces) == 34


def test_map_every_site_at_its_coordinates(app_dataset, app_table):
    """Every registered site is a dot, claims or not, at its own lat/lon."""
    _, _, spec = _deck(app_dataset, app_table)
    points = {p["site_id"]: p for p in layer(spec, "sites")["data"]}
    assert set(points) == set(app_dataset.sites)
    for site_id, item in app_dataset.sites.items():
        assert (points[site_id]["lat"], points[site_id]["lon"]) == (
            item.record.lat,
            item.record.lon,
        )


def test_map_sized_by_metric_and_coloured_by_region(app_dataset, app_table):
    """The largest figure gets the largest dot; sites without a figure are grey and small."""
    _, _, spec = _deck(app_dataset, app_table, metric="registered_enterprises")
    points = {p["site_id"]: p for p in layer(spec, "sites")["data"]}
    assert points["bzp"]["radius"] == pytest.approx(MAX_RADIUS)
    assert points["tj_compute"]["radius"] == MIN_RADIUS
    assert points["tj_compute"]["figure"] == "no figure for this metric"
    assert points["bzp"]["figure"].endswith("(Mar 2024)")
    assert points["bzp"]["color"] != points["tj_compute"]["color"]
    same_region = [points[s]["color"] for s in ("xian_hitech", "evil_park")]
    assert same_region[0] == same_region[1]
    assert points["bzp"]["figure"].startswith("over 5,000")
    _, _, zh = _deck(app_dataset, app_table, metric="registered_enterprises", lang="zh")
    bzp = next(p for p in layer(zh, "sites")["data"] if p["site_id"] == "bzp")
    assert bzp["figure"].startswith("超") and bzp["figure"].endswith("（2024年3月）")


def test_map_tooltip_is_a_template_of_plain_fields(app_dataset, app_table):
    """The tooltip names fields; their values (escaped by Streamlit) are the raw names."""
    _, deck, spec = _deck(app_dataset, app_table)
    assert deck._tooltip["html"].count("{") == 4
    evil = next(p for p in layer(spec, "sites")["data"] if p["site_id"] == "evil_park")
    assert evil["name"].startswith("Evil <img")  # left to Streamlit's tooltip escaping


def test_map_radii_scale_by_area():
    """Radius grows with the square root of the value, from MIN to MAX."""
    import pandas as pd

    out = radii(pd.Series([100.0, 25.0, float("nan"), 0.0]))
    assert out[0] == pytest.approx(MAX_RADIUS)
    assert out[1] == pytest.approx(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * 0.5)
    assert out[2] == out[3] == MIN_RADIUS


def test_map_outline_file_is_bundled_and_small():
    """The outline ships with the repo (no download) and stays small enough to send."""
    from dashboard.charts.map import OUTLINE

    assert OUTLINE.stat().st_size < 800_000  # the standard map, islands and all, is ~640 KB
    outline = load_outline()
    names = {f["properties"]["name_zh"] for f in outline["features"]}
    assert {"北京", "天津", "河北", "安徽", "河南", "陕西", "台湾", "中国"} <= names


def _points(geometry: dict) -> list[list[float]]:
    def walk(c):
        if isinstance(c[0], (int, float)):
            yield c
        else:
            for part in c:
                yield from walk(part)

    return list(walk(geometry["coordinates"]))


def test_map_outline_is_the_standard_map():
    """The shipped outline has land south of 5°N (曾母暗沙), the maritime boundary's ten
    segments cut into dashes, a dot per South China Sea island and the 南海诸岛 inset."""
    outline = load_outline()
    by_level: dict[str, list[dict]] = {}
    for feature in outline["features"]:
        by_level.setdefault(feature["properties"]["level"], []).append(feature)
    provinces = by_level["province"]
    assert len(provinces) == 34
    south = min(p[1] for f in provinces for p in _points(f["geometry"]))
    assert south < 5.0
    hainan = next(f for f in provinces if f["properties"]["name_zh"] == "海南")
    assert len(hainan["geometry"]["coordinates"]) > 200  # its islands, each kept
    (boundary,) = by_level["boundary"]
    assert boundary["geometry"]["type"] == "MultiLineString"
    assert boundary["properties"]["segments"] == 10
    dashes = boundary["geometry"]["coordinates"]
    assert len(dashes) > 10  # each segment cut into dashes
    ends = [p for dash in dashes for p in (dash[0], dash[-1])]
    assert min(p[1] for p in ends) < 4.0 and max(p[1] for p in ends) > 24.0
    assert len(_points(by_level["islets"][0]["geometry"])) > 100
    (frame,) = by_level["inset_frame"]
    west, south_edge = (
        _points(frame["geometry"])[0][0],
        min(p[1] for p in _points(frame["geometry"])),
    )
    land = [p for f in provinces for p in _points(f["geometry"])]
    east = max(p[0] for p in land if p[1] < 30)  # 赤尾屿, 124.56°E
    assert west > east and max(p[1] for p in _points(frame["geometry"])) < 30  # on no land
    assert south_edge > 17.5  # within the national view, which ends near Hainan
    inset_lines = _points(by_level["inset_boundary"][0]["geometry"])
    x = [p[0] for p in _points(frame["geometry"])]
    y = [p[1] for p in _points(frame["geometry"])]
    assert all(min(x) <= p[0] <= max(x) and min(y) <= p[1] <= max(y) for p in inset_lines)


def test_map_inset_and_province_names_only_at_the_national_zoom(app_dataset, app_table):
    """Closer in (a region's preset) the inset and the provinces' names give way to the
    sites' names."""
    sites = map_sites(app_dataset, app_table, None, ("actual",))
    deck = map_deck(
        sites,
        lang="zh",
        unit_mode="std",
        region_order=REGIONS,
        center=(39.3, 116.9, 6.5),
        sized=False,
    )
    ids = [item["id"] for item in json.loads(deck.to_json())["layers"]]
    assert "inset_frame" not in ids and "province_names" not in ids
    assert ids[-2:] == ["sites", "site_names"] and "maritime_boundary" in ids


@pytest.mark.parametrize(
    ("lang", "province", "inset"),
    [("zh", "内蒙古", "南海诸岛"), ("en", "Inner Mongolia", "South China\nSea Islands")],
)
def test_map_names_in_the_readers_language(app_dataset, app_table, lang, province, inset):
    """Provinces, the inset's title and the sites are named in the reader's language, in the
    system's CJK font with the characters the data uses (character_set auto)."""
    _, _, national = _deck(app_dataset, app_table, lang=lang)
    names = layer(national, "province_names")
    assert province in {d["text"] for d in names["data"]}
    assert [d["text"] for d in layer(national, "inset_title")["data"]] == [inset]
    assert names["characterSet"] == "auto" and "Noto Sans CJK SC" in names["fontFamily"]
    sites = map_sites(app_dataset, app_table, None, ("actual",))
    close = map_deck(
        sites,
        lang=lang,
        unit_mode="std",
        region_order=REGIONS,
        center=(39.15, 117.45, 9),
        sized=False,
    )
    labels = {d["text"] for d in layer(json.loads(close.to_json()), "site_names")["data"]}
    expected = {
        "zh": {"滨海科技园", "天津算力中心"},
        "en": {"Binhai Science Park", "Tianjin Computing Centre"},
    }[lang]
    assert expected <= labels


def test_map_site_names_never_overlap():
    """Names that would overlap another name or a dot at the preset's zoom are left out; the
    larger dot's name is placed first."""
    import pandas as pd

    from dashboard.charts.map import site_labels
    from dashboard.charts.map_outline import text_width

    points = pd.DataFrame(
        {
            "lon": [117.20, 117.21, 117.20, 118.5, 118.6],
            "lat": [39.10, 39.10, 39.30, 39.10, 39.10],
            "name": ["大园区", "小园区", "北边", "远处", "挡住"],
            "radius": [20.0, 5.0, 5.0, 5.0, 6.0],
            "claims": [1, 9, 1, 1, 1],
        }
    )
    labels = site_labels(points, zoom=6.5)
    # 小园区's name would cross 大园区's dot and name; 远处's would cross 挡住's dot.
    assert [label["text"] for label in labels] == ["大园区", "挡住", "北边"]
    assert labels[0]["offset"] == [24, 0]
    assert text_width("Ab", 10) == pytest.approx(12) and text_width("天津", 10) == 20


def test_map_legend_text_contrast():
    """Every region colour's legend text reads at 4.5:1 or better (WCAG AA), and the labels
    on the land as well."""
    from dashboard.charts.common import PALETTE
    from dashboard.charts.map_outline import LABEL_TEXT, LAND, contrast, text_on

    for colour in PALETTE:
        assert contrast(text_on(colour), colour) >= 4.5, colour
    land = "#{:02X}{:02X}{:02X}".format(*LAND[:3])
    assert contrast(LABEL_TEXT, land) >= 4.5
    # The check itself: white on the teal that used to carry white text measures 3.3:1.
    assert contrast("#FFFFFF", "#2a9d8f") == pytest.approx(3.32, abs=0.01)


def test_map_ground_serialised_once_is_the_same_ground(app_dataset, app_table):
    """The shipped ground, encoded once and spliced into each deck's JSON, is exactly what a
    deck built from a fresh copy of the outline holds."""
    import copy

    sites = map_sites(app_dataset, app_table, None, ("actual",))
    kwargs = dict(lang="en", unit_mode="std", region_order=REGIONS, center=CENTER, sized=False)
    spliced = map_deck(sites, **kwargs).to_json()
    fresh = map_deck(sites, outline=copy.deepcopy(load_outline()), **kwargs).to_json()
    assert "@@ground" not in spliced
    assert json.loads(spliced) == json.loads(fresh)
