"""The rankings page: sites ranked by one metric and measure for one period, with the caveats."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .rows import latest_per_site, select, select_mask
from .view import LATEST


@dataclass
class Ranking:
    """Sites ranked by one metric, with the caveats a reader must see.

    ``rows``: one row per site, best first, with a ``rank`` column (``<NA>`` when the metric is
    not comparable); ``notes``: (i18n key, format values) pairs; ``ranked``: whether ranks
    were given.
    """

    rows: pd.DataFrame
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    ranked: bool = True


BARS = 30  # bars a ranking chart draws at most; the table under it lists every site


def ranking_metric(table: pd.DataFrame) -> str | None:
    """The richest comparable metric: the one whose actual figures (a fact counted once)
    cover the most sites in one period, measure and variant (ties: most figures, then id),
    the period the page then opens on (:func:`default_period`). The first view of the
    rankings page should rank something, like with like."""
    rows = table[
        (table["status"].astype(str) == "actual")
        & table["comparable"].astype(bool)
        & table["same_as"].isna()
        & ~table["derived"].astype(bool)
    ]
    if rows.empty:
        return None
    keys = [rows["metric_id"], rows["measure"], rows["variant"], rows["period"]]
    sites = rows.groupby(keys, observed=True, dropna=False)["site_id"].nunique()
    best = sites.groupby(level="metric_id", observed=True).max()
    figures = rows.groupby("metric_id", observed=True).size()
    return min(
        (str(m) for m in best.index if best[m] > 0),
        key=lambda m: (-int(best[m]), -int(figures[m]), m),
        default=None,
    )


def period_options(rows: pd.DataFrame) -> list[str]:
    """The periods figures exist for, most recent first."""
    if rows.empty:
        return []
    order = (
        rows[["period", "period_end", "period_start"]]
        .drop_duplicates("period")
        .sort_values(
            ["period_end", "period_start", "period"], ascending=[False, False, True], kind="stable"
        )
    )
    return [str(p) for p in order["period"]]


def default_period(rows: pd.DataFrame) -> str:
    """The period the most sites have figures for (the latest of equals), else ``latest``."""
    if rows.empty:
        return LATEST
    per = rows.groupby("period")["site_id"].nunique()
    best = int(per.max())
    if best < 2:
        return LATEST
    candidates = set(per[per == best].index.astype(str))
    for period in period_options(rows):
        if period in candidates:
            return period
    return LATEST


def periods(
    rows: pd.DataFrame, *, region: str | None, statuses: Sequence[str]
) -> tuple[list[str], str]:
    """The periods the figures of ``rows`` in ``region`` with ``statuses`` exist for, most
    recent first, and the default one (see :func:`default_period`); worked out on the few
    columns they need."""
    narrow = rows[["period", "period_end", "period_start", "site_id", "region_id", "status"]]
    candidates = select(narrow, region=region, statuses=statuses)
    return period_options(candidates), default_period(candidates)


def ranking(
    table: pd.DataFrame,
    metric: str,
    measure: str,
    period: str,
    statuses: Sequence[str],
    region: str | None = None,
) -> Ranking:
    """Rank sites by ``value_std`` for one metric, measure and period (or ``latest``).

    Only figures of the same metric and measure, hence the same standard unit, are ranked. A
    metric marked ``comparable: false`` is sorted but not ranked. The notes say when the
    figures mix periods, kinds, statuses or kinds of site.
    """
    mask = select_mask(
        table,
        region=region,
        metric=metric,
        measure=measure,
        statuses=statuses,
        period=period if period != LATEST else None,
        one_per_fact=True,
    )
    ascending = measure == "rank"
    rows, dupes = latest_per_site(table, ascending, mask)
    rows = rows.reset_index(drop=True)
    notes: list[tuple[str, dict[str, Any]]] = []
    comparable = bool(rows["comparable"].all()) if not rows.empty else True
    if rows.empty:
        rows["rank"] = pd.Series(dtype="Int64")
        return Ranking(rows, notes, comparable)
    if comparable:
        rows["rank"] = rows["value_std"].rank(method="min", ascending=ascending).astype("Int64")
    else:
        rows["rank"] = pd.array([pd.NA] * len(rows), dtype="Int64")
        notes.append(("rankings.not_comparable", {}))
    if rows["period"].nunique() > 1:
        notes.append(
            (
                "rankings.mixed_periods",
                {"periods": ", ".join(sorted(rows["period"].astype(str).unique()))},
            )
        )
    if rows["kind"].astype(str).nunique() > 1:
        notes.append(("rankings.mixed_kinds", {"kinds": sorted(rows["kind"].astype(str).unique())}))
    if rows["status"].astype(str).nunique() > 1:
        notes.append(
            ("rankings.mixed_status", {"statuses": sorted(rows["status"].astype(str).unique())})
        )
    if rows["site_kind"].astype(str).nunique() > 1:
        notes.append(
            ("rankings.mixed_site_kinds", {"kinds": sorted(rows["site_kind"].astype(str).unique())})
        )
    if rows["variant"].astype(object).fillna("").nunique() > 1:
        notes.append(("rankings.mixed_variants", {}))
    if dupes:
        notes.append(("rankings.duplicates", {"n": dupes}))
    return Ranking(rows, notes, comparable)
