"""Rankings: sites ranked by one metric for one period, like with like only."""

import streamlit as st

from dashboard.charts.common import image_config
from dashboard.charts.rankings import ranking_figure
from dashboard.present import captions, tables
from dashboard.present.formatting import period_label
from dashboard.present.rankings import BARS, periods, ranking, ranking_metric
from dashboard.present.summaries import ranking_summary
from dashboard.present.view import LATEST, STATUSES
from dashboard.ui.figures import chart, lone_figure, other_comparisons
from dashboard.ui.markdown import escape
from dashboard.ui.page import finish, open_page
from dashboard.ui.sidebar import image_format
from dashboard.ui.tables import claims_rows
from dashboard.ui.widgets import choose_many, choose_one, metric_measure_region

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
    assert metric is not None and measure is not None  # a table with rows has a metric
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
        fmt=lambda p: page.t("filter.period_latest") if p == LATEST else period_label(p, lang),
    )

    result = ranking(of_metric, metric, measure, period or LATEST, statuses, region)
    shown_period = (
        page.t("filter.period_latest") if period in (None, LATEST) else period_label(period, lang)
    )
    summary = captions.filter_summary(
        [
            (page.t("filter.region"), [names.region(region)] if region else []),
            (page.t("filter.period"), [shown_period]),
            (page.t("filter.status"), [names.status(s) for s in statuses]),
        ],
        page.view.unit,
        lang,
    )
    if page.present:
        st.markdown(f"**{escape(summary)}**")
    if result.rows.empty:
        st.info(page.t("rankings.none"))
    elif len(result.rows) == 1:
        # One bar ranks nothing: say what there is (the other comparisons follow).
        lone_figure(page, "caption.one_bar", result.rows.iloc[0].to_dict())
    else:
        notes = captions.ranking_note_texts(result.notes, lang, result.rows)
        for text in notes:
            st.warning(escape(text), icon=":material/info:")
        everything = ranking(of_metric, metric, measure, period or LATEST, (), region).rows
        hidden = captions.hidden_statuses(result.rows, everything, lang)
        notes += captions.figure_notes(result.rows, lang) + ([hidden] if hidden else [])
        what = names.metric_label(metric, page.view.variant)
        when = period_label(period, lang) if period not in (None, LATEST) else None
        drawn = result.rows.head(BARS)  # a chart of hundreds of bars is read by nobody
        if len(drawn) < len(result.rows):
            notes.append(page.t("caption.top_bars", shown=len(drawn), n=len(result.rows)))
        fig = ranking_figure(
            drawn,
            lang=lang,
            unit_mode=page.view.unit,
            title=captions.chart_title(what, result.rows, lang, when),
            note=tables.source_note(result.rows, lang, names.publications()),
            notes=[*notes, summary] if page.present else notes,
            ranked=result.ranked,
            region_order=names.region_order,
            height=720 if page.present else None,
            present=page.present,
        )
        chart(
            page,
            fig,
            "ranking_chart",
            image_config(f"ranking-{metric}", image_format()),
            ranking_summary(result.rows, what, lang, page.view.unit),
        )
    other_comparisons(page, "rankings", metric, result.rows)
    if len(result.rows) > 1 and not page.present:
        claims_rows(
            page,
            result.rows,
            "ranking_rows",
            first={page.t("col.rank"): list(result.rows["rank"].astype("string"))},
            filename=f"ranking-{metric}.csv",
        )

finish(page)
