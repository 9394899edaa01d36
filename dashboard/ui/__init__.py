"""The Streamlit glue: the page registry, the sidebar, widgets bound to the view, the data."""
