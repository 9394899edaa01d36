"""Trends: one metric over time for the chosen sites."""

import streamlit as st

from dashboard.charts.common import PALETTE, image_config
from dashboard.charts.trends import trend_figure
from dashboard.present import captions, tables
from dashboard.present.rows import scope_sites, select
from dashboard.present.summaries import trend_summary
from dashboard.present.trends import leading_sites, trend_metric, trend_rows
from dashboard.present.view import STATUSES
from dashboard.ui.figures import chart, lone_figure, other_comparisons
from dashboard.ui.markdown import escape
from dashboard.ui.page import finish, open_page
from dashboard.ui.sidebar import image_format
from dashboard.ui.tables import claims_rows
from dashboard.ui.widgets import choose_many, metric_measure_region

page = open_page("trends")
data, lang = page.data, page.lang
table = data.table
st.title(page.t("trends.title"))

if table.empty:
    st.info(page.t("data.empty"))
else:
    names = tables.Names(data.dataset, lang)
    metric, measure, of_metric, region = metric_measure_region(
        page,
        table,
        names,
        "trends",
        default_metric=data.memo("trend_metric", lambda: trend_metric(table)),
        limit=len(PALETTE) - 1,
    )
    assert metric is not None and measure is not None  # a table with rows has a metric
    bottom = st.columns([5, 3]) if not page.present else [None] * 2
    sites = choose_many(
        page,
        "sites",
        page.t("filter.sites"),
        data.memo(
            f"sites:{metric}:{measure}:{region}:{lang}",
            lambda: names.sites_in(select(of_metric, region=region)),
        ),
        key="w_trends_sites",
        fmt=names.site,
        placeholder=page.t("filter.sites_all"),
        stand_ins=scope_sites(select(of_metric, region=region)),
        container=bottom[0],
    )
    statuses = choose_many(
        page,
        "status",
        page.t("filter.status"),
        list(STATUSES),
        key="w_trends_status",
        fmt=names.status,
        placeholder=page.t("filter.all"),
        container=bottom[1],
        ordered=STATUSES,
    )

    rows = trend_rows(of_metric, metric, measure, sites, statuses, region)
    # Unchosen, draw no more sites than there are colours: more lines cannot be told apart.
    total = rows["site_id"].nunique()
    limit = len(PALETTE) - 1
    chosen_note: list[str] = []  # which sites the chart shows, when not all: in the figure too
    if not sites and total > limit:
        ascending = measure == "rank"
        leading = leading_sites(rows, limit, ascending=ascending)
        rows = rows[rows["site_id"].isin(leading)]
        key = "trends.leading_rank" if ascending else "trends.leading"
        chosen_note.append(page.t(key, n=limit, total=total))
        st.caption(chosen_note[0])
    everything = trend_rows(of_metric, metric, measure, sites, (), region)
    everything = everything[everything["site_id"].isin(rows["site_id"].unique())]
    summary = captions.filter_summary(
        [
            (page.t("filter.region"), [names.region(region)] if region else []),
            (page.t("filter.sites"), [names.site(s) for s in sites]),
            (page.t("filter.status"), [names.status(s) for s in statuses]),
        ],
        page.view.unit,
        lang,
    )
    if page.present:
        st.markdown(f"**{escape(summary)}**")
    if rows.empty:
        st.info(page.t("trends.none"))
    elif len(rows) == 1:
        # One figure is no trend: say it (the other comparisons follow).
        lone_figure(page, "caption.no_series", rows.iloc[0].to_dict())
    else:
        what = f"{names.metric_label(metric, page.view.variant)} · {page.t(f'measure.{measure}')}"
        hidden = captions.hidden_statuses(rows, everything, lang)
        notes = [*chosen_note, *captions.figure_notes(rows, lang), *([hidden] if hidden else [])]
        fig = trend_figure(
            rows,
            lang=lang,
            unit_mode=page.view.unit,
            title=captions.chart_title(what, rows, lang),
            note=tables.source_note(rows, lang, names.publications()),
            notes=[*notes, summary] if page.present else notes,
            height=720 if page.present else 560,
            present=page.present,
        )
        chart(
            page,
            fig,
            "trend_chart",
            image_config(f"trend-{metric}", image_format()),
            trend_summary(rows, what, lang, page.view.unit),
        )
        st.caption(page.t("trends.legend_note"))
    other_comparisons(page, "trends", metric, rows)
    if len(rows) > 1 and not page.present:
        st.markdown(f"**{page.t('trends.points')}**")
        claims_rows(page, rows, "trend_points", filename=f"trend-{metric}.csv")

finish(page)
