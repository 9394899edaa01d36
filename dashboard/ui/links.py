"""Links from the data (a source's or a site's ``url``) as markdown: checked, text escaped.

Pure functions (no Streamlit import), so tests can reach them directly.
"""

from __future__ import annotations

from dashboard.core.models import web_address_problem
from dashboard.ui.markdown import escape


def markdown_link(text: str, url: str | None) -> str:
    """``[text](<url>)`` for ``st.markdown``, with ``text`` escaped so it is never markup.

    The address is checked again (records are checked when loaded; this keeps a page from
    ever linking anything but an absolute http(s) address): otherwise the text alone. The
    angle brackets let parentheses stay in the address; a checked address holds no ``<``,
    ``>``, backslash, space or line break that could end them early.
    """
    if not url or web_address_problem(url) is not None:
        return escape(text)
    return f"[{escape(text)}](<{url}>)"
