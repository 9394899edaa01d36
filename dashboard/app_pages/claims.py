"""Claims: every claim in a filterable table; the selected one in its article's context."""

import streamlit as st

from dashboard.present import public, tables
from dashboard.present.counts import table_rows
from dashboard.present.formatting import number
from dashboard.present.rows import (
    TABLE_ROWS,
    claims_order,
    matching_claims,
    metric_counts,
    scope_sites,
    select,
    select_mask,
)
from dashboard.present.view import STATUSES
from dashboard.ui.page import finish, open_page
from dashboard.ui.sentences import show_context
from dashboard.ui.session import set_view
from dashboard.ui.tables import claims_rows
from dashboard.ui.widgets import choose_many, choose_one, text_filter

page = open_page("claims")
data, lang = page.data, page.lang
table, dataset = data.table, data.dataset
names = tables.Names(dataset, lang)
st.title(page.t("claims.title"))

top = st.columns(3) if not page.present else [None] * 3
region = choose_one(
    page,
    "region",
    page.t("filter.region"),
    ["", *names.regions_in(table)],
    key="w_claims_region",
    allow_none=True,
    container=top[0],
    fmt=lambda r: names.region(r) if r else page.t("filter.region_all"),
)
in_region = select(table, region=region)
# Summaries of the whole table are worked out once per snapshot (and region), not per rerun.
counts = data.memo(f"claims.counts:{region}", lambda: dict(metric_counts(in_region)))
# Each metric labelled with the rows the table would show under the other filters in view.
view = page.view
shown_of = table_rows(select(in_region, sites=view.sites, statuses=view.status, source=view.source))
metric = choose_one(
    page,
    "metric",
    page.t("filter.metric"),
    ["", *counts],
    key="w_claims_metric",
    allow_none=True,
    container=top[1],
    fmt=lambda m: f"{names.metric(m)} ({shown_of.get(m, 0)})" if m else page.t("filter.metric_any"),
)
source = choose_one(
    page,
    "source",
    page.t("filter.source"),
    ["", *sorted(dataset.sources)],
    key="w_claims_source",
    allow_none=True,
    container=top[2],
    fmt=lambda s: names.source(s) if s else page.t("filter.source_any"),
)
middle = st.columns([4, 2, 3]) if not page.present else [None] * 3
sites = choose_many(
    page,
    "sites",
    page.t("filter.sites"),
    data.memo(
        f"claims.sites:{lang}:{region}:{metric}",
        lambda: names.sites_in(select(in_region, metric=metric)),
    ),
    key="w_claims_sites",
    fmt=names.site,
    placeholder=page.t("filter.sites_all"),
    stand_ins=scope_sites(select(in_region, metric=metric)),
    container=middle[0],
)
statuses = choose_many(
    page,
    "status",
    page.t("filter.status"),
    list(STATUSES),
    key="w_claims_status",
    fmt=names.status,
    placeholder=page.t("filter.all"),
    container=middle[1],
    ordered=STATUSES,
)
text = text_filter(page, page.t("filter.text"), key="w_claims_q", container=middle[2])

# The reading order once per snapshot (sorting 100,000 rows took 0.2 s a visit); the rows
# matching the filters are taken out in that order, the first TABLE_ROWS for the page (a
# browser draws a few thousand rows at once; more are the CSV's job).
order = data.memo("claims.order", lambda: claims_order(table))
mask = select_mask(
    table, region=region, sites=sites, metric=metric, statuses=statuses, source=source
)
matching = matching_claims(table, order, mask, text)
rows = matching.head(TABLE_ROWS)
derived = matching.derived
parts = page.t("count.parts", claims=len(matching) - derived, derived=derived) if derived else ""
if len(matching) > len(rows):
    st.caption(
        page.t(
            "claims.capped",
            shown=number(len(rows), lang, 0),
            matching=number(len(matching), lang, 0),
            total=number(len(table), lang, 0),
        )
        + parts
    )
else:
    st.caption(page.t("claims.count", shown=len(rows), total=len(table)) + parts)
# Read now: the CSV is made outside the script run, where the session's view is not at hand.
root = page.public.root  # each row of the CSV links back to its claim, publicly
event = claims_rows(
    page,
    rows,
    "claims_table",
    csv_rows=matching.frame,
    csv_extra=lambda frame: {"link": public.claim_links(root, list(frame["claim_id"]), lang)},
    download=("claims.download", "claims_download"),
    on_select="rerun",
    selection_mode="single-row",
)

picked = [rows.iloc[i]["claim_id"] for i in event.selection.rows if i < len(rows)]
if picked and picked[0] != st.session_state.get("_claims_picked"):
    st.session_state["_claims_picked"] = picked[0]
    set_view(claim=str(picked[0]))
elif not picked and st.session_state.pop("_claims_picked", None):
    set_view(claim=None)

claim = page.view.claim
if claim is None:
    st.caption(page.t("claims.select_hint"))
elif claim not in set(rows["claim_id"]):
    st.caption(page.t("claims.selected_gone", claim=claim))
    show_context(page, table[table["claim_id"] == claim])
else:
    show_context(page, rows[rows["claim_id"] == claim])

finish(page)
