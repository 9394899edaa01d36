"""The overview page: each region's headline figures and what stands behind them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ..core.dataset import Dataset
from ..core.models import SiteKind
from .rows import LEVELS, is_in

# Of a metric's latest figures, the widest site's is the headline (SiteKind: widest first).
SITE_KIND_ORDER = tuple(kind.value for kind in SiteKind)


def headlines(table: pd.DataFrame, regions: Sequence[str], limit: int = 6) -> pd.DataFrame:
    """Per metric, the latest actual level figure among ``regions``' sites (a stock before a
    flow); the metrics with the most figures first. Derived figures are never headlines."""
    rows = table[
        (~table["derived"])
        & table["same_as"].isna()
        & (table["status"].astype(str) == "actual")
        & is_in(table["region_id"], regions)
    ]
    rows = rows[rows["measure"].isin(LEVELS)] if "measure" in rows else rows
    if rows.empty:
        return rows
    counts = rows.groupby("metric_id", observed=True).size().rename("metric_claims")
    rank = {kind: i for i, kind in enumerate(SITE_KIND_ORDER)}
    # A headline is how much there is: a metric's latest stock (or cumulative, or share) figure
    # comes before any flow, so "16 firms signed this month" never stands for the total.
    flows = (rows["measure"].astype(str) == "flow").to_numpy() if "measure" in rows else False
    rows = rows.assign(
        _flow=flows,
        _kind_rank=[rank.get(str(k), len(rank)) for k in rows["site_kind"]],
        metric_claims=rows["metric_id"]
        .astype(str)
        .map({str(k): int(v) for k, v in counts.items()}),
    )
    rows = rows.sort_values(
        ["metric_id", "_flow", "period_end", "_kind_rank", "source_date"],
        ascending=[True, True, False, True, False],
        kind="stable",
    )
    best = rows.drop_duplicates("metric_id", keep="first")
    best = best.sort_values(
        ["metric_claims", "period_end", "metric_id"], ascending=[False, False, True], kind="stable"
    )
    return best.drop(columns=["_kind_rank", "_flow"]).head(limit)


@dataclass(frozen=True)
class RegionSummary:
    """What stands behind a region's figures."""

    region_id: str
    claims: int
    sites: int
    sources: int


def region_summary(table: pd.DataFrame, regions: Sequence[str], key: str) -> RegionSummary:
    """Counts of claims (not derived rows), sites and sources among ``regions``."""
    rows = table[is_in(table["region_id"], regions) & ~table["derived"]]
    return RegionSummary(
        key, len(rows), int(rows["site_id"].nunique()), int(rows["source_id"].nunique())
    )


def region_groups(dataset: Dataset) -> list[tuple[str, list[str]]]:
    """(group key, region ids): each featured region alone, then ``others`` together."""
    ordered = sorted(dataset.regions.values(), key=lambda item: (item.record.order, item.record.id))
    groups = [(item.record.id, [item.record.id]) for item in ordered if item.record.featured]
    others = [item.record.id for item in ordered if not item.record.featured]
    if others:
        groups.append(("others", others))
    return groups
