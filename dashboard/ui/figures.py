"""A plotly chart on a page: in the reader's language, with a short text summary under it that
is also the chart's accessible name (see :mod:`dashboard.ui.document`)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.charts.locale import localize_dates, localized_config
from dashboard.present.comparisons import others
from dashboard.present.formatting import period_label, row_label
from dashboard.present.i18n import name
from dashboard.present.questions import QUESTIONS, Question, questions_for
from dashboard.ui.markdown import escape
from dashboard.ui.page import Page
from dashboard.ui.registry import page_link


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
                period=period_label(str(row["period"]), page.lang),
            )
        )
    )


def asked(page: Page, region: str | None = None) -> list[Question]:
    """The questions the data can answer (of ``region``), once per data version, language
    and number style: the overview lists them, the chart pages offer a few."""
    data, lang, unit = page.data, page.lang, page.view.unit
    return data.memo(
        f"questions:{lang}:{unit}:{region}",
        lambda: questions_for(data.table, lang, unit, [region] if region else None, QUESTIONS),
    )


def other_comparisons(page: Page, key: str, metric: str | None, drawn: pd.DataFrame) -> None:
    """After a chart of ``metric`` drawing ``drawn`` and its notes (or the sentence standing in
    for a thin chart): two or three other comparisons the data supports, linking to their
    charts."""
    offered = others(asked(page), key, metric, drawn)
    if offered:
        with st.container(key=f"comparisons_{key}"):
            st.markdown(f"**{page.t('caption.comparisons')}**")
            for q in offered:
                page_link(q.page, escape(q.text), **q.link())
