"""Data text made safe for ``st.markdown``: every markdown, directive and HTML character
escaped, and highlights written with Streamlit's own ``:color-background[...]`` syntax.

Pure functions (no Streamlit import), so tests can reach them directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of
# them also disarms Streamlit's directives (:red[..], :material/icon:), emoji shortcodes,
# LaTeX ($), tables (|) and raw HTML (<, >, &).
_PUNCT = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def escape(text: str) -> str:
    """``text`` with all markdown and HTML meaning removed; line breaks kept as hard breaks."""
    escaped = _PUNCT.sub(r"\\\1", str(text).replace("\r\n", "\n"))
    # split, not splitlines: a run that is only a line break must keep it
    return "  \n".join(escaped.split("\n"))


def text_table(rows: list[dict[str, object]]) -> pd.DataFrame:
    """``rows`` for ``st.table``, which reads every cell and header as markdown: each text
    escaped (numbers stay numbers), so data shows as typed and never as a link or image."""
    frame = pd.DataFrame(rows)
    frame.columns = [escape(str(c)) for c in frame.columns]
    for column in frame.columns:
        frame[column] = [escape(v) if isinstance(v, str) else v for v in frame[column]]
    return frame


def highlighted(pieces: Iterable[tuple[str, str | None]]) -> str:
    """Markdown for runs of text, each ``(text, colour)``; colour None is plain text.

    A highlighted run becomes ``:colour-background[text]``, its text escaped (so a ``]`` inside
    cannot end the directive early). Runs spanning line breaks are highlighted per line.
    """
    out = []
    for text, colour in pieces:
        if not text:
            continue
        if colour is None:
            out.append(escape(text))
            continue
        lines = str(text).split("\n")
        parts = [f":{colour}-background[{escape(line)}]" if line else "" for line in lines]
        out.append("  \n".join(parts))
    return "".join(out)
