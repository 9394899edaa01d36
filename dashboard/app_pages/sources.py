"""Sources: each article with its metadata, its claims, and its text with the quotes marked."""

import pandas as pd
import streamlit as st

from dashboard.present import tables
from dashboard.present.articles import quote_spans, sources_frame, split_spans
from dashboard.present.formatting import period_label
from dashboard.present.rows import select, sort_claims
from dashboard.ui.links import markdown_link
from dashboard.ui.markdown import escape, highlighted
from dashboard.ui.page import finish, open_page
from dashboard.ui.tables import claims_rows
from dashboard.ui.widgets import choose_one

page = open_page("sources")
data, lang = page.data, page.lang
table, dataset = data.table, data.dataset
names = tables.Names(dataset, lang)
st.title(page.t("sources.title"))

listing = sources_frame(dataset, table)
st.dataframe(
    pd.DataFrame(
        {
            page.t("col.source_id"): listing["source_id"],
            page.t("col.publication"): [names.publication(s) for s in listing["source_id"]],
            page.t("col.title"): [names.title(s) for s in listing["source_id"]],
            page.t("col.date"): [period_label(d, lang) for d in listing["date"]],
            page.t("col.date_approximate"): listing["date_approximate"],
            page.t("col.claims"): listing["claims"],
        }
    ),
    hide_index=True,
    key="sources_list",
)

source = choose_one(
    page,
    "source",
    page.t("sources.pick"),
    list(listing["source_id"]),
    key="w_source",
    fmt=names.source,
)
item = dataset.sources.get(source or "")
if item is not None:
    record = item.record
    st.header(escape(names.title(source or "")))
    if lang == "en" and record.title_en:
        st.caption(escape(record.title))  # the headline as printed
    st.caption(escape(f"{names.publication(source or '')} · {period_label(record.date, lang)}"))
    in_english = page.t("lang.in_english")
    if record.date_approximate:
        note = record.date_note or ""
        st.caption(escape(page.t("sources.date_approx", note=note)))
    if record.note:
        st.caption(escape(f"{page.t('sources.note')}{in_english}{record.note}"))
    if record.url:
        st.caption(":material/link: " + markdown_link(record.url, record.url))

    rows = sort_claims(select(table, source=source))
    rows = rows[~rows["derived"]]
    # The article's sites, each linked to its website when the data gives one.
    sites = [s for s in dict.fromkeys(rows["site_id"].astype(str)) if s in dataset.sites]
    if sites:
        links = [markdown_link(names.site(s), dataset.sites[s].record.url) for s in sites]
        st.caption(escape(f"{page.t('filter.sites')}: ") + " · ".join(links))
    st.markdown(f"**{page.t('sources.claims')}** ({len(rows)})")
    if not rows.empty:
        claims_rows(page, rows, "source_claims", filename=f"{source}.csv")

    st.markdown(f"**{page.t('sources.text')}**")
    text = dataset.texts.get(source)
    if text is None:
        st.warning(page.t("sources.no_text"))
    else:
        chosen = page.view.claim
        focus = rows[rows["claim_id"] == chosen]["quote"].tolist() if chosen else []
        spans = quote_spans(text, rows["quote"].tolist())
        focus_spans = quote_spans(text, focus)
        pieces = []
        offset = 0
        for piece, marked in split_spans(text, spans):
            colour = None
            if marked:
                inside = any(s <= offset < e for s, e in focus_spans)
                colour = "red" if inside else "orange"
            pieces.append((piece, colour))
            offset += len(piece)
        with st.container(border=True, height=640, key="source_text"):
            st.markdown(highlighted(pieces))

finish(page)
