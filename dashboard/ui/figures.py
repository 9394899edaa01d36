"""A plotly chart on a page: in the reader's language, with a short text summary under it that
is also the chart's accessible name (see :mod:`dashboard.ui.document`)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.charts.locale import localize_dates, localized_config
from dashboard.present.comparisons import Comparison, comparisons, others
from dashboard.present.formatting import period_label, row_label
from dashboard.present.i18n import name
from dashboard.present.questions import QUESTIONS, Question, question, questions
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


def found(page: Page, region: str | None = None) -> list[Comparison]:
    """The comparisons the data supports (of ``region``), at most ``QUESTIONS`` of each
    kind: worked out once per data version, for every language."""
    table = page.data.table
    return page.data.memo(
        f"comparisons:{region}",
        lambda: comparisons(table, [region] if region else None, QUESTIONS),
    )


def asked(page: Page, region: str | None = None) -> list[Question]:
    """Those comparisons as the overview's questions, in the page's language and numbers."""
    lang, unit = page.lang, page.view.unit
    return page.data.memo(
        f"questions:{lang}:{unit}:{region}",
        lambda: questions(found(page, region), lang, unit),
    )


def other_comparisons(page: Page, key: str, metric: str | None, drawn: pd.DataFrame) -> None:
    """After a chart of ``metric`` drawing ``drawn`` and its notes (or the sentence standing in
    for a thin chart): two or three other comparisons the data supports, linking to their
    charts."""
    offered = others(found(page), key, metric, drawn)
    if offered:
        with st.container(key=f"comparisons_{key}"):
            st.markdown(f"**{page.t('caption.comparisons')}**")
            lang, unit = page.lang, page.view.unit
            for c in offered:
                # A sentence per comparison, per snapshot: ranking sentences name many sites.
                q = page.data.memo(
                    f"question:{lang}:{unit}:{c.kind}:{c.view!r}",
                    lambda c=c: question(c, lang, unit),
                )
                page_link(q.page, escape(q.text), **q.link())
