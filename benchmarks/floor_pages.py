"""The floor of page switches: a bare multipage Streamlit app with the dashboard's pages.

    streamlit run benchmarks/floor_pages.py

The same URL paths and sidebar navigation as the dashboard (``st.navigation`` over
``st.Page``s), and on every page the same kinds of element the dashboard's pages draw: a
heading, a select box, a plotly line chart of a few series and a 300-row table. Nothing is read
from disk: what a switch costs here is what Streamlit and the browser cost to draw such a page,
the floor a page of the dashboard is measured against.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `streamlit run` adds benchmarks/

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from benchmarks.pages import PAGES  # the dashboard's pages, the default first

ROWS = 300


@st.cache_resource(show_spinner=False)
def frames() -> tuple[pd.DataFrame, go.Figure]:
    """A 300-row table of claims-like columns and a five-series line chart, built once."""
    rng = np.random.default_rng(7)
    table = pd.DataFrame(
        {
            "site": [f"园区 {i % 40}" for i in range(ROWS)],
            "metric": [f"指标 {i % 12}" for i in range(ROWS)],
            "figure": [f"超{v:,.0f}家" for v in rng.integers(100, 9000, ROWS)],
            "period": [f"{2015 + i % 10}年" for i in range(ROWS)],
            "status": ["实际"] * ROWS,
            "source": [f"天津日报 {i % 5}" for i in range(ROWS)],
        }
    )
    figure = go.Figure()
    years = list(range(2015, 2025))
    for series in range(5):
        figure.add_scatter(x=years, y=rng.integers(100, 2000, len(years)), name=f"园区 {series}")
    figure.update_layout(title="注册企业数", height=450)
    return table, figure


def page(name: str) -> None:
    table, figure = frames()
    st.title(name)
    st.selectbox("指标", [f"指标 {i}" for i in range(12)], key=f"{name}_metric")
    st.plotly_chart(figure, key=f"{name}_chart")
    st.dataframe(table, hide_index=True)


st.set_page_config(page_title="floor", layout="wide")
st.navigation(
    [
        st.Page(lambda name=name: page(name), title=name, url_path=name, default=name == PAGES[0])
        for name in PAGES
    ]
).run()
