"""Pure figure builders: a DataFrame in, a plotly Figure or a pydeck Deck out."""
