"""The trends page: which metric it opens on, a metric's figures over time, the leading sites."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .rows import metric_counts, select


def trend_metric(table: pd.DataFrame) -> str | None:
    """The metric with the most figures in series (a site, measure and variant with two or
    more points, a fact counted once): the first view of the trends page should show a trend."""
    if table.empty:
        return None
    facts = table[table["same_as"].isna()]
    sizes = facts.groupby(
        ["metric_id", "site_id", "measure", "variant"], observed=True, dropna=False
    ).size()
    series = sizes[sizes >= 2].groupby(level="metric_id", observed=True).sum()
    if series.empty:
        counts = metric_counts(table)
        return counts[0][0] if counts else None
    best = series.max()
    return sorted(str(m) for m, n in series.items() if n == best)[0]


def trend_rows(
    table: pd.DataFrame,
    metric: str,
    measure: str,
    sites: Sequence[str],
    statuses: Sequence[str],
    region: str | None = None,
) -> pd.DataFrame:
    """The figures of one metric and measure over time, per site, oldest first."""
    rows = select(
        table,
        region=region,
        sites=sites,
        metric=metric,
        measure=measure,
        statuses=statuses,
        one_per_fact=True,
    )
    return _sorted(rows, ["site_id", "period_end", "period_start", "claim_id"])


def _sorted(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """``rows.sort_values(keys, kind="stable")``, with the order worked out on the key
    columns alone and every column taken once."""
    order = rows[keys].reset_index(drop=True).sort_values(keys, kind="stable")
    return rows.iloc[order.index.to_numpy()]


def leading_sites(rows: pd.DataFrame, limit: int, ascending: bool = False) -> list[str]:
    """The ``limit`` sites of ``rows`` whose latest figure is largest (smallest if
    ``ascending``, as for ranks), ties by site id: what a trend chart shows before the reader
    picks sites, since more lines than colours cannot be told apart."""
    if rows.empty:
        return []
    latest = (
        rows[["period_end", "claim_id", "site_id", "value_std"]]
        .sort_values(["period_end", "claim_id"], kind="stable")
        .groupby("site_id", observed=True)
        .tail(1)
    )
    ordered = latest.assign(site=latest["site_id"].astype(str)).sort_values(
        ["value_std", "site"], ascending=[ascending, True], kind="stable"
    )
    return list(ordered["site"].head(limit))
