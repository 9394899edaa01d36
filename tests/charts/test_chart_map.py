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


def test_map_layers_outline_under_sites(app_dataset, app_table):
    """Province outline, national outline, then the site dots on top (pickable)."""
    _, _, spec = _deck(app_dataset, app_table)
    assert [layer["id"] for layer in spec["layers"]] == ["provinces", "country", "sites"]
    sites_layer = spec["layers"][2]
    assert sites_layer["@@type"] == "ScatterplotLayer" and sites_layer["pickable"] is True
    assert sites_layer["radiusUnits"] == "pixels"  # a literal, not a pydeck expression
    provinces = spec["layers"][0]["data"]["features"]
    assert len(provinces) >= 31


def test_map_every_site_at_its_coordinates(app_dataset, app_table):
    """Every registered site is a dot, claims or not, at its own lat/lon."""
    _, _, spec = _deck(app_dataset, app_table)
    points = {p["site_id"]: p for p in spec["layers"][2]["data"]}
    assert set(points) == set(app_dataset.sites)
    for site_id, item in app_dataset.sites.items():
        assert (points[site_id]["lat"], points[site_id]["lon"]) == (
            item.record.lat,
            item.record.lon,
        )


def test_map_sized_by_metric_and_coloured_by_region(app_dataset, app_table):
    """The largest figure gets the largest dot; sites without a figure are grey and small."""
    _, _, spec = _deck(app_dataset, app_table, metric="registered_enterprises")
    points = {p["site_id"]: p for p in spec["layers"][2]["data"]}
    assert points["bzp"]["radius"] == pytest.approx(MAX_RADIUS)
    assert points["tj_compute"]["radius"] == MIN_RADIUS
    assert points["tj_compute"]["figure"] == "no figure for this metric"
    assert points["bzp"]["color"] != points["tj_compute"]["color"]
    same_region = [points[s]["color"] for s in ("xian_hitech", "evil_park")]
    assert same_region[0] == same_region[1]
    assert points["bzp"]["figure"].startswith("over 5,000")


def test_map_tooltip_is_a_template_of_plain_fields(app_dataset, app_table):
    """The tooltip names fields; their values (escaped by Streamlit) are the raw names."""
    _, deck, spec = _deck(app_dataset, app_table)
    assert deck._tooltip["html"].count("{") == 4
    evil = next(p for p in spec["layers"][2]["data"] if p["site_id"] == "evil_park")
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

    assert OUTLINE.stat().st_size < 1_500_000
    outline = load_outline()
    names = {f["properties"]["name_zh"] for f in outline["features"]}
    assert {"北京", "天津", "河北", "安徽", "河南", "陕西", "台湾", "中国"} <= names
