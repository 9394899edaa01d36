"""Site profiles, the overview's questions and search, counts and causes-first health, through
AppTest on the fixed data set (and a broken copy of it)."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core.loader import load_dataset
from dashboard.core.table import tidy_table
from tests.app.pages import APP_DATA, ROOT, follow, links, open_page, text


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_site_profile_shows_each_metric_its_series_and_sources(locale):
    at = open_page("site", {"id": "bzp"}, locale)
    shown = text(at)
    zh = locale.startswith("zh")
    assert at.title[0].value == ("滨海科技园" if zh else "Binhai Science Park")
    assert ("Binhai Science Park" if zh else "滨海科技园") in shown
    # registered enterprises (3 dates) and tax revenue (2 dates, one derived) are small time
    # series; the tax growth rate (one figure) is a figure alone
    charts = [e for e in at.get("plotly_chart") if e.key and e.key.startswith("site_chart_")]
    assert len(charts) == 2
    assert ("3 groups of figures" if not zh else "3 组数字") in shown
    assert len(at.get("deck_gl_json_chart")) == 1
    source_links = [label for label, page in links(at) if page == "sources"]
    assert source_links, "every figure leads to its article"
    assert at.query_params["id"] == "bzp"


def test_site_profile_without_a_known_site_lists_the_sites():
    at = open_page("site", {"id": "no_such_place_at_all"})
    shown = text(at)
    assert "names no site" in shown
    assert "id=no_such_place_at_all" in shown  # the link notice says what was ignored
    listed = [label for label, page in links(at) if page == "site"]
    assert any("Binhai Science Park" in label for label in listed)
    assert "id" not in at.query_params


def test_site_names_escape_markdown():
    """A site's name with HTML and markdown in it is shown as text."""
    at = open_page("site", {"id": "evil_park"})
    shown = [m.value for m in at.markdown] + [t.value for t in at.title]
    assert any("Evil" in v for v in shown)
    assert not [v for v in shown if re.search(r"(?<!\\)<img", v)]


def test_overview_questions_link_to_the_chart_that_shows_them():
    at = open_page("overview", locale="zh-CN")
    questions = [(label, page) for label, page in links(at) if "→" in label]
    assert questions, "a series of two or more points makes a question"
    label, page = next(q for q in questions if "滨海科技园" in q[0])
    assert page == "trends"
    assert "2022年12月" in label.replace("\\", "")
    trends = follow(at, label)
    assert trends.query_params["sites"] == "bzp"
    assert trends.query_params["metric"] == "registered_enterprises"
    figure = json.loads(next(e for e in trends.get("plotly_chart")).proto.spec)
    drawn = [y for trace in figure["data"] for y in (trace.get("y") or []) if y is not None]
    assert len(drawn) >= 3  # every point of the series is on the chart


def test_overview_lists_the_first_questions_and_all_on_request(monkeypatch):
    """A few of each kind first (the longest series), all of them when the reader asks: on
    the bundled data, whose series are more than the first few."""
    from dashboard.present.questions import FIRST

    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(ROOT / "data"))
    at = open_page("overview")
    first = [label for label, _ in links(at) if "→" in label]
    assert len(first) == FIRST
    at.toggle(key="w_questions_all").set_value(True).run()
    every = [label for label, _ in links(at) if "→" in label]
    assert len(every) > FIRST and every[:FIRST] == first
    assert f"Show all {len(every) + sum('ranked' in label for label, _ in links(at))}" in (
        at.toggle(key="w_questions_all").label
    )


def test_overview_search_finds_sites_and_metrics_in_both_languages():
    at = open_page("overview")
    at.text_input(key="w_search").input("滨海").run()
    assert ("Site: Binhai Science Park", "site") in [
        (label.replace("\\", ""), page) for label, page in links(at)
    ]
    at.text_input(key="w_search").input("registered").run()
    assert any("Registered" in label and p == "trends" for label, p in links(at))
    at.text_input(key="w_search").input("zzzz").run()
    assert "No site or metric matches" in text(at)


def test_counts_agree_and_say_what_is_derived():
    """Overview: "5 claims + 1 derived"; Claims: "Showing 6 of 6 claims (5 quoted + 1 derived)"."""
    at = open_page("overview")
    summary = next(c.value for c in at.caption if "claims" in c.value and "sites" in c.value)
    claims = open_page("claims")
    count = next(c.value for c in claims.caption if c.value.startswith("Showing"))
    table = tidy_table(load_dataset(APP_DATA / "data"))
    derived, total = int(table["derived"].sum()), len(table)
    assert derived > 0
    assert summary.startswith(f"{total - derived} claims + {derived} derived · ")
    assert (
        count == f"Showing {total} of {total} claims ({total - derived} quoted + {derived} derived)"
    )


def test_health_puts_the_file_that_lost_its_records_first(tmp_path, monkeypatch):
    shutil.copytree(APP_DATA, tmp_path / "app_data")
    data = tmp_path / "app_data" / "data"
    sites = next((data / "sites").glob("*.yaml"))
    sites.write_text(
        sites.read_text(encoding="utf-8").replace("  - id: evil_park", " - id: evil_park")
    )
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    at = open_page("health")
    shown = text(at)
    assert "[yaml-syntax]" in shown
    assert "none of this file's records are read" in shown
    follows = re.search(r"(\d+) claims refer to sites defined in this file", shown)
    assert follows is not None
    first_error = at.error[0].value.replace("\\", "")
    assert "yaml-syntax" in first_error and sites.name in first_error
    # the sidebar's list on every page: the cause first too
    # the sidebar's table is the one with every problem (the page splits them by cause)
    frames = [f.value for f in at.dataframe if {"Where", "Code"} <= set(f.value.columns)]
    sidebar = max(frames, key=len)
    assert sidebar.iloc[0]["Code"] == "yaml-syntax"
    assert set(sidebar.iloc[1:]["Code"]) == {"unknown-site"}
    assert int(follows.group(1)) == len(sidebar) - 1


def picked_count(at: AppTest, key: str) -> int:
    """The count in the label of the metric picked in selectbox ``key``: "Tax revenue (2)"."""
    box = at.selectbox(key=key)
    label = box.format_func(box.value)
    return int(re.search(r"\((\d+)\)$", label).group(1))


@pytest.mark.parametrize("metric", ["registered_enterprises", "compute_capacity", "tax_revenue"])
def test_metric_picker_counts_what_the_chart_draws(metric):
    """Trends: the points in the table under the chart; rankings: the bars (a lone site's
    figure, told in a sentence, is one)."""
    trends = open_page("trends", {"metric": metric})
    (points,) = [f.value for f in trends.dataframe if "Figure" in f.value.columns]
    assert picked_count(trends, "w_trends_metric") == len(points)
    rankings = open_page("rankings", {"metric": metric})
    bars = [
        trace
        for e in rankings.get("plotly_chart")
        for trace in json.loads(e.proto.spec)["data"]
        if trace.get("type") == "bar"
    ]
    drawn = sum(len(trace.get("y") or trace.get("x") or []) for trace in bars)
    if not bars:  # one site: told in a sentence instead of a one-bar chart
        assert len(rankings.info) == 1
        drawn = 1
    assert picked_count(rankings, "w_rank_metric") == drawn


def test_overview_headline_sites_link_to_their_profiles():
    at = open_page("overview")
    profiles = {label.replace("\\", "") for label, page in links(at) if page == "site"}
    assert "Binhai Science Park" in profiles
    link = next(e.proto for e in at.get("page_link") if e.proto.page == "site")
    assert "id=" in link.query_string and "lang=en" in link.query_string


@pytest.mark.parametrize("metric", ["innovation_platforms", "tax_revenue"])
def test_claims_metric_picker_counts_the_rows_shown(metric, monkeypatch):
    """Repeats and derived figures are rows of the claims table: the count says so (the
    bundled data: innovation platforms are reported by several articles)."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(ROOT / "data"))
    claims = open_page("claims", {"metric": metric})
    shown = claims.dataframe(key="claims_table").value
    assert picked_count(claims, "w_claims_metric") == len(shown)
