"""The data-health page's section of drafts: a section of its own, called by the page."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from dashboard.core.coverage import SourceCoverage
from dashboard.present.drafting import article_draft
from dashboard.ui.page import Page


def drafts_section(page: Page, reports: Sequence[SourceCoverage]) -> None:
    """The articles with uncaptured figures (from the coverage ``reports``); for the one the
    reader picks, its figures, the draft as a YAML download and the command that writes the
    same file. Only that article is drafted (once per data version): drafting every article
    of a large data set on each visit would cost the page seconds and megabytes."""
    data, lang = page.data, page.lang
    st.subheader(page.t("drafting.title"))
    st.caption(page.t("drafting.help"))
    waiting = data.memo(
        "drafting.waiting",
        lambda: {r.source_id: n for r in reports if (n := r.count("uncaptured"))},
    )
    if not waiting:
        st.caption(page.t("drafting.none"))
        return
    sources = data.dataset.sources
    source_id = st.selectbox(
        page.t("drafting.pick"),
        list(waiting),
        key="w_drafting_source",
        format_func=lambda sid: page.t(
            "drafting.option", source=sid, title=sources[sid].record.title, n=waiting[sid]
        ),
        disabled=len(waiting) == 1,
    )
    item = data.memo(
        f"draft.{lang}.{source_id}", lambda: article_draft(data.dataset, source_id, lang)
    )
    if item is None:
        st.caption(page.t("drafting.none"))
        return
    label = page.t(
        "drafting.article",
        source=item.source_id,
        title=item.title,
        n=len(item.figures),
        undecided=item.undecided,
    )
    with st.expander(label, expanded=True):
        st.dataframe(item.figures, hide_index=True, key=f"drafting_{item.source_id}")
        st.download_button(
            page.t("drafting.download", file=item.file_name),
            item.yaml.encode("utf-8"),
            file_name=item.file_name,
            mime="application/x-yaml",
            key=f"drafting_download_{item.source_id}",
        )
        st.caption(page.t("drafting.command"))
        st.code(item.command, language="bash")
