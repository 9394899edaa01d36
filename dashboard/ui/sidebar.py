"""The sidebar's settings: language, numbers as printed or standard, presentation mode (then
only an exit button) and the format the charts download."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard.present.i18n import t
from dashboard.ui.session import set_view, view
from dashboard.ui.widgets import copy_to_view, seed

IMAGE_FORMAT = "image_format"
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] {display: none !important;}
.block-container, [data-testid="stMainBlockContainer"] {padding-top: 1.5rem; max-width: 100%;}
h1 {font-size: 2.6rem !important;}
</style>"""


def draw() -> None:
    """Language, numbers and presentation mode; in presentation mode, only an exit button."""
    current = view()
    lang = current.lang or "en"
    if current.present:
        st.html(PRESENT_CSS)  # static CSS, no data
        st.button(
            t("present.exit", lang),
            key="w_present_exit",
            icon=":material/close:",
            on_click=set_view,
            kwargs={"present": False},
        )
        return
    with st.sidebar:
        seed("w_lang", lang)
        st.segmented_control(
            t("sidebar.language", lang),
            ["zh", "en"],
            key="w_lang",
            format_func=lambda v: {"zh": "中文", "en": "English"}[v],
            on_change=copy_to_view,
            args=("w_lang", "lang", _keep_lang),
        )
        seed("w_unit", current.unit)
        st.radio(
            t("sidebar.unit", lang),
            ["std", "printed"],
            key="w_unit",
            horizontal=False,
            format_func=lambda v: t(f"unit.{v}", lang),
            on_change=copy_to_view,
            args=("w_unit", "unit", None),
        )
        seed("w_present", current.present)
        st.toggle(
            t("sidebar.present", lang),
            key="w_present",
            help=t("sidebar.present_help", lang),
            on_change=copy_to_view,
            args=("w_present", "present", bool),
        )
        if IMAGE_FORMAT not in st.session_state:
            st.session_state[IMAGE_FORMAT] = "png"
        st.segmented_control(
            t("sidebar.image_format", lang),
            ["png", "svg"],
            key=IMAGE_FORMAT,
            format_func=str.upper,
            help=t("sidebar.image_help", lang),
        )


def image_format() -> str:
    """The format the charts' camera button downloads (png unless the reader chose svg)."""
    return st.session_state.get(IMAGE_FORMAT) or "png"


def _keep_lang(value: Any) -> str:
    return value if value in ("zh", "en") else view().lang
