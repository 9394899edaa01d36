"""A page's table holds at most TABLE_ROWS rows: the browser draws what a reader can scroll
through, the caption says how many matched, and the CSV download is for all of them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.generate import generate
from dashboard.present import rankings
from dashboard.present.rows import TABLE_ROWS

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"


def test_claims_table_shows_the_first_rows_and_says_how_many_matched(tmp_path, monkeypatch):
    data = generate(tmp_path / "gen", TABLE_ROWS + 500, seed=5, files=4)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", "off")
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.context["locale"] = "en-US"
    at.switch_page("app_pages/claims.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    (table,) = at.dataframe
    assert len(table.value) == TABLE_ROWS
    captions = " ".join(c.value for c in at.caption)
    found = re.search(
        rf"first {TABLE_ROWS:,} of ([\d,]+) matching claims \(([\d,]+) in all\)", captions
    )
    assert found, captions
    matching, total = (int(n.replace(",", "")) for n in found.groups())
    assert matching == total >= TABLE_ROWS + 500  # derived rows come on top of the claims

    at.toggle(key="claims_table_details").set_value(True).run()  # the claim id is a detail
    first = at.dataframe[0].value.iloc[0]["Claim id"]
    at.text_input(key="w_claims_q").input(first).run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 1
    assert not any("matching" in c for c in [c.value for c in at.caption])


def test_ranking_chart_draws_the_top_bars_and_the_table_lists_every_site(tmp_path, monkeypatch):
    """Fewer bars allowed than sites ranked (3,000 claims rank 13 sites on the first view)."""
    monkeypatch.setattr(rankings, "BARS", 10)
    data = generate(tmp_path / "gen", 3_000, seed=5, files=4)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", "off")
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.context["locale"] = "en-US"
    at.switch_page("app_pages/rankings.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    (chart,) = [e for e in at.get("plotly_chart") if e.key == "ranking_chart"]
    figure = json.loads(chart.proto.spec)
    bars = sum(len(trace["y"]) for trace in figure["data"] if trace["type"] == "bar")
    (table,) = [d for d in at.dataframe if "Rank" in d.value.columns]
    listed = len(table.value)
    assert bars == 10 < listed
    notes = " ".join(a["text"] for a in figure["layout"]["annotations"])
    assert f"top 10 of {listed} sites" in notes
