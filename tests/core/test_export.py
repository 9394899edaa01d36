"""CSV downloads keep text as text: no cell runs as a spreadsheet formula."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from dashboard.core.export import safe_csv


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("超5000家", "超5000家"),
        ("a=b", "a=b"),
    ],
)
def test_safe_csv_neutralises_formula_cells(cell: str, written: str) -> None:
    """Text starting with = + - @ (or a tab) is prefixed with ' ; other text is unchanged."""
    frame = pd.DataFrame({"quote": [cell], "value": [-39.0]})
    rows = list(csv.reader(io.StringIO(safe_csv(frame).decode("utf-8-sig"))))
    assert rows == [["quote", "value"], [written, "-39.0"]]
