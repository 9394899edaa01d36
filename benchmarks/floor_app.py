"""The floor of the browser timings: a bare Streamlit script that draws the app's chart.

    DASHBOARD_DATA_DIR=... streamlit run benchmarks/floor_app.py    # then open /?chart=map

It loads the data folder once per server (``st.cache_resource``: the table with ``measure``,
each metric's rows, the metric counts and defaults), shows the same metric selectbox as the
page named by ``?chart=`` (trends, rankings or map; same key, options and labels) and draws the
same figure from the ready rows, with every other filter at the page's default: no region, no
site chosen (so trends draws the leading sites, as the page does), the page's statuses,
English, standard units. Nothing else is on the page, so the time from a change to the chart
drawn is what Streamlit and the figure cost. Keep it in step with the pages' figures.
"""

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `streamlit run` adds benchmarks/

import pandas as pd
import streamlit as st

from dashboard.charts.common import PALETTE, image_config
from dashboard.charts.map import map_deck
from dashboard.charts.rankings import ranking_figure
from dashboard.charts.trends import trend_figure
from dashboard.core.dataset import Dataset, default_data_dir
from dashboard.core.live import DataStore
from dashboard.present.i18n import t
from dashboard.present.map import map_sites
from dashboard.present.rankings import default_period, period_options, ranking
from dashboard.present.rows import LEVELS, measures_for, metric_counts, select, with_measure
from dashboard.present.tables import Names, source_note
from dashboard.present.trends import leading_sites, trend_metric, trend_rows
from dashboard.present.view import LATEST

LANG, UNIT = "en", "std"
NATIONAL = (35.0, 105.0, 3.3)  # the map page's view without a region preset


@dataclass(frozen=True)
class Ready:
    """Everything that does not depend on the chosen metric, built once."""

    dataset: Dataset
    table: pd.DataFrame
    names: Names
    rows: dict[str, pd.DataFrame]  # metric id -> its rows
    counts: dict[str, int]  # metric id -> figures (the trends and rankings selectbox)
    level_counts: dict[str, int]  # the same among level figures (the map's selectbox)
    trend_metric: str | None


@st.cache_resource(show_spinner=False)
def ready() -> Ready:
    snapshot = DataStore(default_data_dir().resolve()).refresh()
    table = with_measure(snapshot.table)
    levels = table[table["measure"].isin(LEVELS)]
    return Ready(
        snapshot.dataset,
        table,
        Names(snapshot.dataset, LANG),
        {str(m): rows for m, rows in table.groupby("metric_id", observed=True, sort=False)},
        dict(metric_counts(table)),
        dict(metric_counts(levels)),
        trend_metric(table),
    )


def metric_box(key: str, options: list[str], counts: dict[str, int], default: str | None) -> str:
    """The page's metric selectbox: same key, options, order and labels."""
    names = ready().names
    return st.selectbox(
        t("filter.metric", LANG) if key != "w_map_metric" else t("map.size_by", LANG),
        options,
        index=options.index(default) if default in options else 0,
        key=key,
        format_func=lambda m: (
            f"{names.metric(m)} ({counts.get(m, 0)})" if m else t("map.size_none", LANG)
        ),
    )


st.set_page_config(page_title="floor", layout="wide")
data = ready()
names, counts = data.names, data.counts
chart = st.query_params.get("chart", "trends")

if chart == "trends":
    metric = metric_box("w_trends_metric", list(counts), counts, data.trend_metric)
    of_metric = data.rows[metric]
    measure = measures_for(of_metric, metric)[0]
    rows = trend_rows(of_metric, metric, measure, (), ())
    if rows["site_id"].nunique() > len(PALETTE) - 1:  # the page's leading sites
        leading = leading_sites(rows, len(PALETTE) - 1, ascending=measure == "rank")
        rows = rows[rows["site_id"].isin(leading)]
    fig = trend_figure(
        rows,
        lang=LANG,
        unit_mode=UNIT,
        title=f"{names.metric(metric)} · {t(f'measure.{measure}', LANG)}",
        note=source_note(rows, LANG),
        height=520,
    )
    st.plotly_chart(fig, key="trend_chart", config=image_config(f"trend-{metric}"))
elif chart == "rankings":
    metric = metric_box("w_rank_metric", list(counts), counts, None)
    of_metric = data.rows[metric]
    measure = measures_for(of_metric, metric)[0]
    statuses = ("actual",)
    candidates = select(of_metric, measure=measure, statuses=statuses)
    period = default_period(candidates)
    # The page keeps the period shown before when the new metric has figures for it.
    kept = st.session_state.get("period")
    if kept is not None and (kept == LATEST or kept in period_options(candidates)):
        period = kept
    st.session_state["period"] = period
    result = ranking(of_metric, metric, measure, period, statuses)
    label = t("filter.period_latest", LANG) if period == LATEST else period
    fig = ranking_figure(
        result.rows,
        lang=LANG,
        unit_mode=UNIT,
        title=f"{names.metric(metric)} · {label}",
        note=source_note(result.rows, LANG),
        ranked=result.ranked,
        region_order=names.region_order,
    )
    st.plotly_chart(fig, key="ranking_chart", config=image_config(f"ranking-{metric}"))
elif chart == "map":
    counts = data.level_counts
    metric = metric_box("w_map_metric", ["", *counts], counts, "")
    sites = map_sites(data.dataset, data.table, metric or None, ("actual",))
    deck = map_deck(
        sites,
        lang=LANG,
        unit_mode=UNIT,
        region_order=names.region_order,
        center=NATIONAL,
        sized=bool(metric),
    )
    st.pydeck_chart(
        deck, on_select="rerun", selection_mode="single-object", key="site_map", height=560
    )
