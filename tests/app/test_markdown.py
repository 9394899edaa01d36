"""Data text made safe for st.markdown (dashboard.ui.markdown)."""

from __future__ import annotations

import pytest

from dashboard.ui.markdown import escape, highlighted, text_table


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>x</b>", r"\<b\>x\<\/b\>"),
        ("*a* _b_ [c](d)", r"\*a\* \_b\_ \[c\]\(d\)"),
        (":red[x] :smile: $x$", r"\:red\[x\] \:smile\: \$x\$"),
        ("1. # title", r"1\. \# title"),
        ("中文，无符号", "中文，无符号"),
        ("a\nb", "a  \nb"),
        ("\n", "  \n"),
        ("a\r\n\nb", "a  \n  \nb"),
    ],
)
def test_escape_disarms_markdown_html_and_directives(text, expected):
    """Every ASCII punctuation mark is backslash-escaped; Chinese text is untouched."""
    assert escape(text) == expected


def test_highlighted_wraps_escaped_runs():
    """A highlight cannot be closed early by a ] in the data."""
    out = highlighted([("a]", None), ("x]y", "orange"), ("", "red")])
    assert out == r"a\]:orange-background[x\]y]"


def test_text_table_escapes_every_text_cell_and_header():
    """st.table reads cells as markdown: texts come back escaped, numbers stay numbers."""
    frame = text_table([{"[h](x)": "![i](http://x/y.png)", "n": 3}, {"[h](x)": "天津", "n": 4}])
    assert list(frame.columns) == [r"\[h\]\(x\)", "n"]
    assert frame.iloc[0, 0] == r"\!\[i\]\(http\:\/\/x\/y\.png\)"
    assert frame.iloc[1, 0] == "天津"
    assert frame["n"].tolist() == [3, 4] and frame["n"].dtype.kind == "i"
