"""The page-switch floor stays what its measurement says it is: a page per dashboard page,
each with a select box, a plotly chart and a 300-row table."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.floor_pages import ROWS
from benchmarks.pages import PAGES

FLOOR = Path(__file__).resolve().parents[2] / "benchmarks" / "floor_pages.py"


def test_the_floor_page_holds_the_same_kinds_of_element():
    """The default page through AppTest (which switches only to pages that are files; the
    others are the same function with another title, and the benchmark fails on a page that
    does not draw)."""
    at = AppTest.from_file(str(FLOOR), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == PAGES[0]
    assert len(at.selectbox) == 1
    assert len(at.get("plotly_chart")) == 1
    assert len(at.dataframe[0].value) == ROWS
