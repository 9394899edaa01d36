"""Data text made safe for st.markdown (dashboard.ui.markdown)."""

from __future__ import annotations

import pytest

from dashboard.ui.markdown import escape, highlighted


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
