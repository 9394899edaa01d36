"""Every page through AppTest on the fixed data set: no exception, the widgets, filters that
change the output, links that restore the view and the view written back to the URL."""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core.loader import load_dataset
from tests.app.pages import APP_DATA, chart, deck, keys, ok, open_page

PAGES = ["overview", "trends", "rankings", "map", "claims", "sources", "health"]


def warnings(at: AppTest) -> str:
    """The warnings' text, markdown escapes removed."""
    return "\n".join(w.value for w in at.warning).replace("\\", "")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_page_runs_in_both_languages(page, locale):
    """Each page runs without exception, in the browser's language, and writes lang back."""
    at = ok(open_page(page, locale=locale))
    lang = "zh" if locale.startswith("zh") else "en"
    assert at.query_params["lang"] == lang
    assert at.session_state["w_lang"] == lang
    title = at.title[0].value
    assert any("\u4e00" <= ch <= "\u9fff" for ch in title) == (lang == "zh")


def test_sidebar_controls_and_copy_link():
    """The sidebar has language, numbers, presentation mode, image format and the link."""
    at = ok(open_page("trends", {"metric": "tax_revenue"}))
    assert {"w_lang", "w_present", "image_format"} <= keys(at, "segmented_control") | keys(
        at, "toggle"
    )
    assert "w_unit" in keys(at, "radio")
    link = at.sidebar.code[0].value
    assert link.startswith("http://127.0.0.1:8501/trends?")
    assert "metric=tax_revenue" in link and "lang=en" in link


REGIONS = ["Beijing–Tianjin–Hebei", "Hefei", "Zhengzhou", "Xi'an"]


def test_overview_regions_counts_and_links():
    """The overview shows each featured region with counts, headlines and view links."""
    at = ok(open_page("overview"))
    subheaders = [s.value.replace("\\", "") for s in at.header]  # markdown-escaped data
    assert subheaders[:5] == ["Questions the data can answer", *REGIONS]
    assert any(m.label == "Claims" for m in at.metric)
    assert len(at.table) >= 4  # a headline table per featured region with figures
    at.selectbox(key="w_overview_region").select("hefei").run()
    ok(at)
    assert [s.value for s in at.header][1:] == ["Hefei"]
    assert at.query_params["region"] == "hefei"


def test_trends_filters_change_the_chart():
    """Choosing a metric and sites changes the traces and the link."""
    at = ok(open_page("trends", {"metric": "registered_enterprises"}))
    assert {"w_trends_metric", "w_trends_measure", "w_trends_region"} <= keys(at, "selectbox")
    assert {"w_trends_sites", "w_trends_status"} <= keys(at, "multiselect")
    sites = {
        t["meta"]["site"]
        for t in chart(at, "trend_chart")["data"]
        if t.get("meta", {}).get("role") == "actual"
    }
    assert len(sites) > 2
    at.multiselect(key="w_trends_sites").select("bzp").run()
    ok(at)
    sites = {
        t["meta"]["site"]
        for t in chart(at, "trend_chart")["data"]
        if t.get("meta", {}).get("role") in ("actual", "planned")
    }
    assert sites == {"bzp"}
    assert at.query_params["sites"] == "bzp"
    at.multiselect(key="w_trends_status").select("actual").run()
    roles = {t["meta"]["role"] for t in chart(at, "trend_chart")["data"] if t.get("meta")}
    assert "planned" not in roles
    assert at.query_params["status"] == "actual"


def test_trends_link_restores_the_view():
    """A link's metric, sites, status, unit and language reopen as widget values."""
    params = {
        "lang": "zh",
        "metric": "compute_capacity",
        "sites": "tj_compute",
        "status": "actual,plan",
        "unit": "printed",
    }
    at = ok(open_page("trends", params, locale="en-US"))
    assert at.selectbox(key="w_trends_metric").value == "compute_capacity"
    assert at.multiselect(key="w_trends_sites").value == ["tj_compute"]
    assert at.multiselect(key="w_trends_status").value == ["actual", "plan"]
    assert at.radio(key="w_unit").value == "printed"
    assert at.title[0].value == "趋势"
    assert at.query_params == {**params, "measure": "stock"}
    figure = chart(at, "trend_chart")
    labels = [
        a["text"] for a in figure["layout"]["annotations"] if a.get("name", "").startswith("label:")
    ]
    assert labels == ["200P", "300P（计划）"]  # printed figures, each line's last point
    (footer,) = [a for a in figure["layout"]["annotations"] if a.get("name") == "footer"]
    assert "状态筛选未显示：目标1个。" in footer["text"]  # the target the filter hides


def test_bad_link_opens_nearest_view_and_says_so():
    """Unknown values are dropped or replaced, listed in a warning, never an exception."""
    params = {
        "metric": "registered_enterprise",
        "sites": "bzp,nowhere",
        "present": "maybe",
        "utm_source": "x",
        "lang": "xx",
        "period": "2024-13",
    }
    at = ok(open_page("trends", params))
    text = warnings(at)
    for part in ("registered_enterprise", "nowhere", "maybe", "utm_source", "xx"):
        assert part in text
    assert at.selectbox(key="w_trends_metric").value == "registered_enterprises"
    assert at.query_params == {
        "lang": "en",
        "metric": "registered_enterprises",
        "measure": "stock",
        "sites": "bzp",
    }


def test_link_with_value_unavailable_on_the_page_is_reported():
    """A valid site id that has no figures for the chosen metric is reported, not kept."""
    at = ok(open_page("trends", {"metric": "compute_capacity", "sites": "hefei_hitech"}))
    assert "hefei_hitech" in warnings(at)
    assert "sites" not in at.query_params


def test_rankings_period_and_notes():
    """Rankings offer the metric's periods; a mixed choice shows its caveats."""
    at = ok(open_page("rankings", {"metric": "registered_enterprises"}))
    assert at.selectbox(key="w_rank_period").value == "2024-03"
    assert at.query_params["period"] == "2024-03"
    at.selectbox(key="w_rank_period").select("latest").run()
    ok(at)
    assert "different periods" in warnings(at)
    bars = [y for t in chart(at, "ranking_chart")["data"] for y in t["y"]]
    assert bars[0].startswith("1. ")
    at.selectbox(key="w_rank_period").select("2023").run()
    assert "different periods" not in warnings(at)


def test_rankings_unit_mode_changes_labels():
    """Printed mode labels bars with the figure as printed."""
    at = ok(
        open_page(
            "rankings",
            {"metric": "registered_enterprises", "period": "2023", "unit": "printed", "lang": "zh"},
        )
    )
    texts = [x for t in chart(at, "ranking_chart")["data"] for x in t["text"]]
    assert sorted(texts) == ["约3000家", "近4000家"]


def test_map_presets_and_site_selection():
    """A region preset centres the map; picking a site lists its claims and enters the link."""
    at = ok(open_page("map", {"region": "hefei", "metric": "registered_enterprises"}))
    spec = deck(at)
    assert "mapProvider" not in spec  # offline by default
    assert spec["initialViewState"]["latitude"] == pytest.approx(31.82)
    assert [layer["id"] for layer in spec["layers"]] == [
        "provinces",
        "country",
        "maritime_boundary",
        "islets",
        "sites",
        "site_names",
    ]

    # The text alternative lists the preset's sites only, drawn once its expander is open.
    def site_tables():
        return [t.value for t in at.table if "Site" in t.value.columns]

    assert site_tables() == []
    at.session_state["map_table"] = True
    ok(at.run())
    (listed,) = site_tables()
    assert set(listed["Region"]) == {"Hefei"}
    before = len(at.dataframe)
    at.selectbox(key="w_map_site").select("bzp").run()
    ok(at)
    assert at.query_params["sites"] == "bzp"
    assert len(at.dataframe) == before + 1  # the site's claims
    assert "Binhai Science Park" in " ".join(s.value for s in at.header)


def test_map_tiles_are_opt_in_and_not_in_the_link():
    """The online base map is a session setting that never enters the URL."""
    at = ok(open_page("map"))
    assert at.toggle(key="map_tiles").value is False
    at.toggle(key="map_tiles").set_value(True).run()
    assert deck(at)["mapProvider"] == "carto"
    assert "tiles" not in json.dumps(at.query_params)


def test_claims_filters_search_and_context():
    """Filters and text search narrow the table; a claim in the link shows its context."""
    at = ok(open_page("claims"))
    total = len(at.dataframe(key="claims_table").value)
    at.text_input(key="w_claims_q").input("合肥").run()
    ok(at)
    assert len(at.dataframe(key="claims_table").value) == 1
    assert at.query_params["q"] == "合肥"
    at = ok(open_page("claims", {"region": "jingjinji"}))
    assert 0 < len(at.dataframe(key="claims_table").value) < total
    at = ok(open_page("claims", {"claim": "f001-hefei-enterprises-2023"}))
    body = "\n".join(m.value for m in at.markdown)
    assert ":red-background[4000]" in body and ":orange-background[" in body
    assert at.query_params["claim"] == "f001-hefei-enterprises-2023"
    assert {"w_claims_region", "w_claims_metric", "w_claims_source"} <= keys(at, "selectbox")
    assert [b.key for b in at.get("download_button")] == ["claims_download"]


def test_claims_derived_row_shows_formula_and_both_quotes():
    """A derived figure shows how it is computed and the sentences it comes from."""
    at = ok(open_page("claims", {"claim": "f001-bzp-tax-2023~prior-year"}))
    assert any("f001-bzp-tax-2023" in c.value for c in at.code)
    body = "\n".join(m.value for m in at.markdown)
    assert body.count(":orange-background[") >= 2


def test_claims_escape_markdown_and_html_from_data():
    """Data with HTML, markdown and directives is shown escaped."""
    at = ok(open_page("claims", {"claim": "f001-evil-enterprises-2024-03"}))
    body = "\n".join(m.value for m in at.markdown)
    assert r"\<b\>标签\<\/b\>" in body and r"\*星号\*" in body and r"\:red\[指令\]" in body
    assert "<script>" not in body and r"\<script\>" in body


def test_sources_text_highlights_quotes():
    """The article shows with every quoted span highlighted; the chosen claim stands out."""
    at = ok(open_page("sources", {"source": "f001", "claim": "f001-zz-enterprises-2023"}))
    assert at.selectbox(key="w_source").value == "f001"
    body = "\n".join(m.value for m in at.markdown)
    assert body.count(":orange-background[") >= 4
    assert ":red-background[郑州航空港区2023年企业数约3000家。]" in body
    assert at.query_params == {"lang": "en", "source": "f001", "claim": "f001-zz-enterprises-2023"}


def test_presentation_mode_hides_controls_and_travels():
    """present=1 hides the sidebar and filters, keeps the chart; exit restores them."""
    at = ok(open_page("trends", {"present": "1", "metric": "registered_enterprises"}))
    assert "w_lang" not in keys(at, "segmented_control")
    assert "w_trends_metric" not in keys(at, "selectbox")
    assert chart(at, "trend_chart")["layout"]["height"] == 720
    assert at.query_params["present"] == "1"
    at.button(key="w_present_exit").click().run()
    ok(at)
    assert "present" not in at.query_params
    assert "w_trends_metric" in keys(at, "selectbox")


def test_language_switch_changes_labels_and_link():
    """Switching to Chinese relabels the page and writes lang=zh."""
    at = ok(open_page("overview"))
    assert at.title[0].value == "Regional innovation dashboard"
    at.segmented_control(key="w_lang").set_value("zh").run()
    ok(at)
    assert at.title[0].value == "区域创新看板"
    assert at.query_params["lang"] == "zh"


def test_view_survives_a_page_switch():
    """Filters chosen on one page are kept when another page is opened from the menu."""
    at = ok(open_page("trends", {"metric": "tax_revenue", "unit": "printed"}))
    at.switch_page("app_pages/claims.py").run()
    ok(at)
    assert at.query_params["metric"] == "tax_revenue"
    assert at.query_params["unit"] == "printed"


def test_page_defaults_stay_on_their_page():
    """Overview -> trends -> sources -> claims, choosing nothing: claims shows every row; the
    trends page's default metric and the sources page's first article are not its filters.
    A metric the reader picks on trends does travel."""
    at = ok(open_page("overview"))
    for page in ("trends", "sources", "claims"):
        at.switch_page(f"app_pages/{page}.py").run()
        ok(at)
    total = len(ok(open_page("claims")).dataframe[0].value)
    assert len(at.dataframe[0].value) == total
    assert "metric" not in at.query_params and "source" not in at.query_params
    at.switch_page("app_pages/trends.py").run()
    assert "metric" in ok(at).query_params  # trends shows (and links) its default again
    at.selectbox(key="w_trends_metric").set_value("tax_revenue").run()
    at.switch_page("app_pages/claims.py").run()
    assert ok(at).query_params["metric"] == "tax_revenue"


def test_data_problems_are_shown_not_raised(tmp_path, monkeypatch):
    """A broken data file: the rest loads, every page runs, the problems are listed."""
    shutil.copytree(APP_DATA, tmp_path / "app_data")
    broken = tmp_path / "app_data" / "data" / "claims" / "f002.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("unit: P", "unit: PP", 1), encoding="utf-8"
    )
    (tmp_path / "app_data" / "data" / "claims" / "f001.yaml").write_text(
        "claims: [unclosed", encoding="utf-8"
    )
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "app_data" / "data"))
    for page in PAGES:
        at = ok(open_page(page))
        labels = [e.label for e in at.sidebar.expander]
        assert any("data problems" in label for label in labels), labels


def test_a_file_broken_while_running_keeps_its_last_good_version(tmp_path, monkeypatch):
    """Edits show on the next rerun; a file that breaks is served as it last was, and said so."""
    shutil.copytree(APP_DATA, tmp_path / "app_data")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "app_data" / "data"))
    at = ok(open_page("claims"))
    total = len(at.dataframe(key="claims_table").value)
    claims = tmp_path / "app_data" / "data" / "claims" / "f002.yaml"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace("value: 4200", "value: [", 1), encoding="utf-8"
    )
    past = time.time() - 60  # saved a minute ago: settled, so broken rather than being written
    os.utime(claims, (past, past))
    at.run()
    ok(at)
    assert len(at.dataframe(key="claims_table").value) == total  # f002's claims still shown
    # the banner above the page names the file, the line and the code, and what is shown
    (problem,) = load_dataset(tmp_path / "app_data" / "data").problems  # what the CLI says
    broken_line = problem.line
    banner = "\n".join(w.value for w in at.main.warning).replace("\\", "")
    assert f"claims/f002.yaml:{broken_line}" in banner
    assert "[yaml-syntax]" in banner and "last good version" in banner


def frame_with(at: AppTest, column: str):
    """The first table on the page that has ``column`` (plain tables carry no key)."""
    return next(f.value for f in at.dataframe if column in f.value.columns)


def test_health_page_reports_what_the_cli_reports(tmp_path, monkeypatch):
    """Data health lists the CLI's problems, every file's state and the coverage counts."""
    shutil.copytree(APP_DATA, tmp_path / "app_data")
    data = tmp_path / "app_data" / "data"
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    at = ok(open_page("health"))
    files = frame_with(at, "Status")
    assert set(files["Status"]) == {"ok"}
    assert "data/claims/f002.yaml" in set(files["File"])
    coverage = frame_with(at, "Numbers")
    assert set(coverage["Article id"]) == {"f001", "f002"}
    assert (coverage["Numbers"] > 0).all()
    vocabulary = frame_with(at, "Facts")
    dataset = load_dataset(data)
    assert len(vocabulary) == len(dataset.metrics)
    assert vocabulary["Claims"].sum() == len(dataset.claims)
    claims = data / "claims" / "f002.yaml"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace("site: bzp", "site: bzq", 1), encoding="utf-8"
    )
    past = time.time() - 60
    os.utime(claims, (past, past))
    at.run()
    ok(at)
    cli = [f"{p.file}:{p.line}:{p.col}" for p in load_dataset(data).problems]
    assert list(frame_with(at, "Where")["Where"]) == cli
    files = frame_with(at, "Status").set_index("File")
    assert files.loc["data/claims/f002.yaml", "Status"] == "last good version"


def test_trends_draws_the_leading_sites_until_sites_are_chosen(tmp_path, monkeypatch):
    """With more sites than colours, the unfiltered chart shows the ten with the largest
    latest figure and says so; chosen sites are all drawn, however many."""
    from benchmarks.generate import generate

    data = generate(tmp_path / "gen", 1_000, seed=7, files=10)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    at = ok(open_page("trends", {"lang": "en"}))
    drawn = {t["meta"]["site"] for t in chart(at, "trend_chart")["data"] if "site" in t["meta"]}
    caption = " ".join(c.value for c in at.caption)
    total = int(caption.split(" sites have figures")[0].split()[-1])
    assert len(drawn) == 10 and total > 10
    assert "the chart shows the 10 with the largest latest figure" in caption
    shown = set(frame_with(at, "Site")["Site"])
    assert len(shown) == 10  # the points table lists what the chart shows
    chosen = sorted(at.multiselect(key="w_trends_sites").options)[:12]
    at.multiselect(key="w_trends_sites").set_value(chosen).run()
    ok(at)
    drawn = {t["meta"]["site"] for t in chart(at, "trend_chart")["data"] if "site" in t["meta"]}
    assert len(drawn) == 12
    assert "sites have figures" not in " ".join(c.value for c in at.caption)


def test_a_choice_made_as_an_edit_renames_it_still_counts(tmp_path, monkeypatch):
    """The browser reports a choice by its label. A site renamed in the data and redrawn by a
    reload the browser has not shown yet, then picked by the name on screen, is still the
    site picked (it used to be dropped, and the view lost its sites)."""
    shutil.copytree(APP_DATA, tmp_path / "app_data")
    data = tmp_path / "app_data" / "data"
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    at = ok(open_page("trends", {"lang": "en", "metric": "registered_enterprises"}))
    assert "Binhai Science Park" in at.multiselect(key="w_trends_sites").options
    sites = data / "sites" / "test.yaml"
    sites.write_text(
        sites.read_text(encoding="utf-8").replace(
            "name_en: Binhai Science Park,", "name_en: Binhai Science Park (renamed),"
        ),
        encoding="utf-8",
    )
    past = time.time() - 60  # settled
    os.utime(sites, (past, past))
    ok(at.run())  # the reload after the save, drawn with the new name
    assert "Binhai Science Park (renamed)" in at.multiselect(key="w_trends_sites").options
    # The reader picks the name still on screen: on the wire, exactly that old label.
    ok(at.multiselect(key="w_trends_sites").set_value(["Binhai Science Park"]).run())
    assert at.query_params["sites"] == "bzp"
    assert at.multiselect(key="w_trends_sites").value == ["bzp"]
