"""Overview: per region, the headline figures and what stands behind them."""

import streamlit as st

from dashboard.present.comparisons import BLANK_VIEW
from dashboard.present.formatting import period_label, row_label
from dashboard.present.i18n import name
from dashboard.present.overview import headlines, region_groups, region_summary
from dashboard.present.questions import FIRST, QUESTIONS
from dashboard.present.search import find
from dashboard.present.tables import Names, source_label
from dashboard.ui.figures import asked
from dashboard.ui.links import markdown_link
from dashboard.ui.markdown import escape, text_table
from dashboard.ui.page import finish, open_page
from dashboard.ui.registry import page_link
from dashboard.ui.tables import profile_links
from dashboard.ui.widgets import choose_one

page = open_page("overview")
data, lang, view = page.data, page.lang, page.view
table = data.table
names = Names(data.dataset, lang)
profiles = profile_links(page)  # each site's name in a table opens its profile

st.title(page.t("app.title"))
st.caption(page.t("app.subtitle"))
if table.empty:
    st.info(page.t("data.empty"))
else:
    derived = int(table["derived"].sum())
    claims = int((~table["derived"]).sum())
    st.caption(
        page.t(
            "data.summary",
            claims=claims,
            derived=page.t("count.derived", n=derived) if derived else "",
            sites=int(table["site_id"].nunique()),
            sources=int(table["source_id"].nunique()),
            latest=period_label(f"{table['source_date'].max():%Y-%m-%d}", lang),
        )
    )

query = st.text_input(
    page.t("search.label"), key="w_search", placeholder=page.t("search.placeholder")
)
if query.strip():
    hits = find(data.dataset, query)
    if not hits:
        st.caption(page.t("search.none", q=escape(query.strip())))
    for hit in hits:
        if hit.kind == "site":
            page_link("site", escape(page.t("search.site", name=names.site(hit.id))), id=hit.id)
        else:
            label = escape(page.t("search.metric", name=names.metric(hit.id)))
            # A search hit's link shows its own chart: nothing else of the view goes along.
            page_link("trends", label, **{**BLANK_VIEW, "metric": hit.id})


def _figures(key: str) -> list:
    """Three columns for the region's headline figures, two to a row on a phone (CSS in
    :mod:`dashboard.ui.document`)."""
    with st.container(key=f"figures_{key}"):
        return list(st.columns(3))


publications = Names(data.dataset, lang).publications()
groups = region_groups(data.dataset)
region_names = {rid: name(item.record, lang) for rid, item in data.dataset.regions.items()}
ordered = sorted(data.dataset.regions.values(), key=lambda item: item.record.order)
choose_one(
    page,
    "region",
    page.t("filter.region"),
    ["", *[item.record.id for item in ordered]],
    key="w_overview_region",
    allow_none=True,
    fmt=lambda v: region_names.get(v, v) if v else page.t("filter.region_all"),
)
view = page.view

questions = asked(page, view.region)
with st.container(border=True, key="questions"):
    st.header(page.t("questions.title"))
    st.caption(page.t("questions.help"))
    if not questions:
        st.caption(page.t("questions.none"))
    kinds = (("series", "questions.series"), ("ranking", "questions.rankings"))
    by_kind = {kind: [q for q in questions if q.kind == kind] for kind, _ in kinds}
    lists = st.container()
    # After the lists on the page, read before them: the first few of each kind, or all.
    every = any(len(of_kind) > FIRST for of_kind in by_kind.values()) and st.toggle(
        page.t("questions.all", n=len(questions)), key="w_questions_all"
    )
    for kind, heading in kinds:
        of_kind = by_kind[kind]
        with lists:
            if of_kind:
                st.markdown(f"**{page.t(heading)}**")
            if every and len(of_kind) == QUESTIONS:
                st.caption(page.t("questions.capped", n=QUESTIONS))
            for q in of_kind if every else of_kind[:FIRST]:
                page_link(q.page, escape(q.text), **q.link())

for key, region_ids in groups:
    if view.region and view.region not in region_ids:
        continue
    if view.region and key == "others":  # one of the other regions, on its own
        key, region_ids = view.region, [view.region]
    title = page.t("overview.others") if key == "others" else region_names.get(key, key)
    # Per snapshot, not per visit: each region's summary and headlines scan the whole table.
    summary = data.memo(
        f"overview.summary:{key}", lambda k=key, ids=region_ids: region_summary(table, ids, k)
    )
    with st.container(border=True):
        st.header(escape(title))
        if key == "others":
            st.caption(escape(" · ".join(region_names.get(r, r) for r in region_ids)))
        left, mid, right = _figures(key)
        left.metric(page.t("overview.claims"), summary.claims)
        mid.metric(page.t("overview.sites"), summary.sites)
        right.metric(page.t("overview.sources"), summary.sources)
        best = data.memo(f"overview.headlines:{key}", lambda ids=region_ids: headlines(table, ids))
        if best.empty:
            st.caption(page.t("overview.none"))
        else:
            st.markdown(f"**{page.t('overview.headlines')}**")
            rows = [
                {
                    page.t("col.metric"): name(r, lang, "metric_"),
                    page.t("col.figure"): row_label(r, lang, view.unit),
                    page.t("col.site"): name(r, lang, "site_"),
                    page.t("col.period"): period_label(str(r["period"]), lang),
                    page.t("col.source"): source_label(
                        publications.get(str(r["source_id"]), r["source_publication"]),
                        r["source_date"],
                        lang,
                    ),
                    page.t("col.claims"): int(r["metric_claims"]),
                }
                for r in best.to_dict("records")
            ]
            shown = text_table(rows)
            # Each site's name opens its profile (st.table's cells are markdown).
            shown[escape(page.t("col.site"))] = [
                markdown_link(str(row[page.t("col.site")]), profiles.url(str(site)))
                for row, site in zip(rows, best["site_id"], strict=True)
            ]
            # A few rows to read, not to explore: a static table, which a browser draws in a
            # fraction of a grid's time (a grid per region was most of this page's drawing).
            st.table(shown, hide_index=True, border="horizontal")
            st.caption(page.t("overview.headline_note"))
            with st.popover(page.t("site.profiles"), icon=":material/location_on:"):
                for site_id in dict.fromkeys(str(s) for s in best["site_id"]):
                    page_link("site", escape(names.site(site_id)), id=site_id)
        region = key if key != "others" else None
        links = st.columns(4)
        for column, (target, label) in zip(
            links,
            (
                ("trends", "link.trends"),
                ("rankings", "link.rankings"),
                ("map", "link.map"),
                ("claims", "link.claims"),
            ),
            strict=True,
        ):
            with column:
                page_link(target, page.t(label), region=region, sites=(), claim=None)

finish(page)
