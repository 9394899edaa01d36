"""The core: data models, loading, checks and the tidy table. Never imports streamlit."""
