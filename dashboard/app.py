"""Entry point: `streamlit run dashboard/app.py`. The pages are in dashboard/ui/registry.py."""

import sys
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the checkout; the package
# imports below need the checkout (an editable install provides it too).
# This script runs again on every interaction: add the path once, not once per rerun.
ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import streamlit as st

from dashboard.present.i18n import t
from dashboard.ui import registry, session, sidebar

st.set_page_config(
    page_title="区域创新看板 · Regional innovation dashboard",
    layout="wide",
)
session.start()
view = session.view()
lang = view.lang or "en"
st.set_page_config(page_title=t("app.title", lang))
current = st.navigation(registry.pages(lang), position="hidden" if view.present else "sidebar")
sidebar.draw()
current.run()
