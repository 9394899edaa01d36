"""Entry point: `streamlit run dashboard/app.py`. Pages are registered in app_pages."""

import streamlit as st

from dashboard.core.loader import default_data_dir, load_dataset

st.set_page_config(page_title="Regional innovation dashboard", layout="wide")


def home() -> None:
    dataset = load_dataset(default_data_dir())
    st.title("Regional innovation dashboard · 区域创新看板")
    st.write(f"{len(dataset.claims)} claims from {len(dataset.sources)} articles.")


st.navigation([st.Page(home, title="Overview", default=True)]).run()
