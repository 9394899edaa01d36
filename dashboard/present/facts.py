"""One fact across articles, for the claim detail: the other reports of it, and the
figures other articles give for the same site, metric, variant, scope, period and kind."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..core.facts import FACT_FIELDS

# The table's columns of what makes two figures figures of one fact.
FACT_COLUMNS = tuple({"site": "site_id", "metric": "metric_id"}.get(f, f) for f in FACT_FIELDS)


def fact_of(row: Mapping[str, Any]) -> str:
    """The id that stands for the row's fact: the first report's."""
    same_as = row.get("same_as")
    return same_as if isinstance(same_as, str) else str(row["claim_id"])


def other_reports(table: pd.DataFrame, row: Mapping[str, Any]) -> pd.DataFrame:
    """The other articles' claims of the row's fact (``same_as`` links), in table order."""
    fact = fact_of(row)
    linked = (table["claim_id"] == fact) | (table["same_as"] == fact).fillna(False)
    return table[linked.to_numpy(dtype=bool) & (table["claim_id"] != row["claim_id"]).to_numpy()]


def disagreeing(table: pd.DataFrame, row: Mapping[str, Any]) -> pd.DataFrame:
    """Claims of other articles that give another figure for the row's site, metric,
    variant, scope, period, kind and status (derived rows aside)."""
    mask = (~table["derived"].astype(bool)) & (table["source_id"] != row["source_id"])
    for column in FACT_COLUMNS:
        value = row.get(column)
        if isinstance(value, str):
            mask &= (table[column] == value).fillna(False)
        else:
            mask &= table[column].isna()
    found = table[mask.to_numpy(dtype=bool)]
    same = (found["value_std"] == row["value_std"]) & (found["qualifier"] == row["qualifier"])
    return found[~same.to_numpy(dtype=bool)]
