"""Trends: one metric over time for the chosen sites."""

import streamlit as st

from dashboard.charts.common import PALETTE, image_config
from dashboard.charts.trends import trend_figure
from dashboard.present import tables
from dashboard.present.rows import select
from dashboard.present.trends import leading_sites, trend_metric, trend_rows
from dashboard.present.view import STATUSES
from dashboard.ui.page import finish, open_page
from dashboard.ui.sidebar import image_format
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
    )
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
    if not sites and total > limit:
        ascending = measure == "rank"
        leading = leading_sites(rows, limit, ascending=ascending)
        rows = rows[rows["site_id"].isin(leading)]
        key = "trends.leading_rank" if ascending else "trends.leading"
        st.caption(page.t(key, n=limit, total=total))
    if rows.empty:
        st.info(page.t("trends.none"))
    else:
        title = f"{names.metric_label(metric, page.view.variant)} · {page.t(f'measure.{measure}')}"
        fig = trend_figure(
            rows,
            lang=lang,
            unit_mode=page.view.unit,
            title=title,
            note=tables.source_note(rows, lang),
            height=720 if page.present else 520,
        )
        st.plotly_chart(
            fig, key="trend_chart", config=image_config(f"trend-{metric}", image_format())
        )
        st.caption(page.t("trends.legend_note"))
        if not page.present:
            st.markdown(f"**{page.t('trends.points')}**")
            st.dataframe(
                tables.claims_table(rows, lang, page.view.unit), hide_index=True, key="trend_points"
            )

finish(page)
