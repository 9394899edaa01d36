"""Rankings: sites ranked by one metric for one period, like with like only."""

import streamlit as st

from dashboard.charts.common import image_config
from dashboard.charts.rankings import ranking_figure
from dashboard.present import tables
from dashboard.present.i18n import vocab
from dashboard.present.rankings import periods, ranking, ranking_metric
from dashboard.present.view import LATEST, STATUSES
from dashboard.ui.markdown import escape
from dashboard.ui.page import finish, open_page
from dashboard.ui.sidebar import image_format
from dashboard.ui.widgets import choose_many, choose_one, metric_measure_region

NOTE_VOCAB = {
    "rankings.mixed_kinds": "kind",
    "rankings.mixed_status": "status",
    "rankings.mixed_site_kinds": "site_kind",
}

page = open_page("rankings")
data, lang = page.data, page.lang
table = data.table
st.title(page.t("rankings.title"))

if table.empty:
    st.info(page.t("data.empty"))
else:
    names = tables.Names(data.dataset, lang)
    metric, measure, of_metric, region = metric_measure_region(
        page,
        table,
        names,
        "rank",
        default_metric=data.memo("ranking_metric", lambda: ranking_metric(table)),
    )
    bottom = st.columns([3, 5]) if not page.present else [None] * 2
    # Rankings compare what happened: actual figures unless the link asks otherwise.
    chosen = choose_many(
        page,
        "status",
        page.t("filter.status"),
        list(STATUSES),
        key="w_rank_status",
        fmt=names.status,
        placeholder=names.status("actual"),
        container=bottom[1],
        ordered=STATUSES,
    )
    statuses = chosen or ("actual",)
    offered, default_period = data.memo(
        f"periods:{metric}:{measure}:{region}:{','.join(statuses)}",
        lambda: periods(of_metric, region=region, statuses=statuses),
    )
    period = choose_one(
        page,
        "period",
        page.t("filter.period"),
        [*offered, LATEST],
        key="w_rank_period",
        default=default_period,
        container=bottom[0],
        fmt=lambda p: page.t("filter.period_latest") if p == LATEST else p,
    )

    result = ranking(of_metric, metric, measure, period or LATEST, statuses, region)
    if result.rows.empty:
        st.info(page.t("rankings.none"))
    else:
        for key, values in result.notes:
            shown = {
                k: ", ".join(vocab(NOTE_VOCAB.get(key, "status"), v, lang) for v in val)
                if isinstance(val, list)
                else val
                for k, val in values.items()
            }
            st.warning(escape(page.t(key, **shown)), icon=":material/info:")
        period_label = page.t("filter.period_latest") if period in (None, LATEST) else period
        title = f"{names.metric_label(metric, page.view.variant)} · {period_label}"
        fig = ranking_figure(
            result.rows,
            lang=lang,
            unit_mode=page.view.unit,
            title=title,
            note=tables.source_note(result.rows, lang),
            ranked=result.ranked,
            region_order=names.region_order,
            height=720 if page.present else None,
        )
        st.plotly_chart(
            fig, key="ranking_chart", config=image_config(f"ranking-{metric}", image_format())
        )
        if not page.present:
            shown_rows = tables.claims_table(result.rows, lang, page.view.unit)
            shown_rows.insert(0, page.t("col.rank"), result.rows["rank"].astype("string"))
            st.dataframe(shown_rows, hide_index=True, key="ranking_rows")

finish(page)
