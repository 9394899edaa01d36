"""One short script per page, reading top to bottom (run by st.navigation in app.py)."""
