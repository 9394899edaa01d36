"""The map page: every site with its coordinates, sized by a metric's latest figure."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..core.dataset import Dataset
from .rows import LEVELS, latest_per_site, measures_for, of_variant, select, variants_in


def map_sites(
    dataset: Dataset,
    table: pd.DataFrame,
    metric: str | None,
    statuses: Sequence[str],
    sites: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every site with its coordinates, region and claim count; with ``metric``, the latest
    figure of that metric's main level measure (stock, flow, cumulative or share; the one with
    most figures) and main variant where the site has one (``value_std`` and the row data for
    labels): one kind of figure, so the sizes compare.

    ``sites``: :func:`site_frame` of the whole table, when the caller keeps it; then
    ``table`` need only hold the metric's rows.
    """
    sites = site_frame(dataset, table) if sites is None else sites.copy()
    figure_cols = [
        "value",
        "unit",
        "printed",
        "value_std",
        "unit_std",
        "unit_std_name_zh",
        "unit_std_name_en",
        "qualifier",
        "period",
        "status",
        "claim_id",
    ]
    if metric:
        levels = [m for m in measures_for(table, metric) if m in LEVELS]
        rows = select(
            table,
            metric=metric,
            measure=levels[0] if levels else "-",
            statuses=statuses,
            one_per_fact=True,
        )
        variants = variants_in(rows)
        rows = of_variant(rows, variants[0] or None) if variants else rows
        rows, _ = latest_per_site(rows, ascending=False)  # merged by site: order aside
        rows = rows[["site_id", *figure_cols]].astype({"site_id": str})
        sites = sites.merge(rows, on="site_id", how="left")
    else:
        for col in figure_cols:
            sites[col] = None
        sites["value_std"] = float("nan")
    return sites.sort_values(["region_order", "site_id"], kind="stable").reset_index(drop=True)


def site_frame(dataset: Dataset, table: pd.DataFrame) -> pd.DataFrame:
    """Every site with its coordinates, region and number of claims in ``table``."""
    records = []
    counts = table.loc[~table["derived"].astype(bool), "site_id"].value_counts()
    count_of = {str(k): int(v) for k, v in counts.items() if v}
    for site_id, item in dataset.sites.items():
        site = item.record
        region = dataset.regions.get(site.region)
        records.append(
            {
                "site_id": site_id,
                "site_name_zh": site.name_zh,
                "site_name_en": site.name_en,
                "site_kind": site.kind.value,
                "region_id": site.region,
                "region_name_zh": region.record.name_zh if region else site.region,
                "region_name_en": region.record.name_en if region else site.region,
                "region_order": region.record.order if region else 999,
                "lat": site.lat,
                "lon": site.lon,
                "precision": site.precision.value,
                "claims": count_of.get(site_id, 0),
            }
        )
    return pd.DataFrame(
        records,
        columns=[
            "site_id",
            "site_name_zh",
            "site_name_en",
            "site_kind",
            "region_id",
            "region_name_zh",
            "region_name_en",
            "region_order",
            "lat",
            "lon",
            "precision",
            "claims",
        ],
    )
