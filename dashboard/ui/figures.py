"""A plotly chart on a page: in the reader's language, with a short text summary under it that
is also the chart's accessible name (see :mod:`dashboard.ui.document`)."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st

from dashboard.charts.locale import localize_dates, localized_config
from dashboard.present import captions
from dashboard.present.formatting import row_label
from dashboard.present.i18n import name
from dashboard.ui.markdown import escape
from dashboard.ui.page import Page


def chart(page: Page, fig: go.Figure, key: str, config: dict[str, Any], summary: str) -> None:
    """``st.plotly_chart`` with plotly's locale for the page's language and ``summary`` (from
    :mod:`dashboard.present.summaries`) written under the chart."""
    with st.container(key=f"figure_{key}"):
        st.plotly_chart(
            localize_dates(fig, page.lang),
            key=key,
            config=localized_config(config, page.lang),
        )
        st.caption(escape(summary))


def lone_figure(page: Page, key: str, row: dict[str, Any]) -> None:
    """In place of a chart of one figure (one bar ranks nothing, one point is no trend): the
    sentence ``key`` saying where, what and when."""
    st.info(
        escape(
            page.t(
                key,
                site=name(row, page.lang, "site_"),
                figure=row_label(row, page.lang, page.view.unit),
                period=captions.row_period(row, page.lang),
            )
        )
    )
