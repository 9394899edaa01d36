"""What pages show, without Streamlit: per-page queries, link/view state, i18n, formats."""
