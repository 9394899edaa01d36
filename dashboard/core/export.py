"""Files to take away: CSV that spreadsheets open as text, never as formulas."""

from __future__ import annotations

import pandas as pd

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula, prefixed with ``'`` so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame) -> bytes:
    """``frame`` as UTF-8 CSV (with a BOM, so spreadsheets see UTF-8), text cells neutralised.

    Numbers stay numbers: only text columns are touched.
    """
    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]) and not (
            pd.api.types.is_datetime64_any_dtype(out[column])
        ):
            out[column] = out[column].map(neutralise)
    return out.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8-sig")
