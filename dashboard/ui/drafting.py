"""The data-health page's section of drafts: a section of its own, called by the page."""

from __future__ import annotations

import streamlit as st

from dashboard.present.drafting import article_drafts
from dashboard.ui.page import Page


def drafts_section(page: Page) -> None:
    """Per article with uncaptured figures: the figures, the draft as a YAML download and the
    command that writes the same file."""
    data = page.data
    drafts = data.memo(f"drafts.{page.lang}", lambda: article_drafts(data.dataset, page.lang))
    st.subheader(page.t("drafting.title"))
    st.caption(page.t("drafting.help"))
    if not drafts:
        st.caption(page.t("drafting.none"))
        return
    for item in drafts:
        label = page.t(
            "drafting.article",
            source=item.source_id,
            title=item.title,
            n=len(item.figures),
            undecided=item.undecided,
        )
        with st.expander(label, expanded=len(drafts) == 1):
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
