"""The map page: every site with its coordinates, sized by a metric's latest figure; the
figure's words, the map's accessible name and the table of the sites it shows."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pandas as pd
from babel.dates import format_skeleton

from ..core.dataset import Dataset
from .formatting import row_label
from .i18n import name, t
from .rows import LEVELS, latest_per_site, measures_for, of_variant, row_dicts, select, variants_in

# Below this zoom the map shows all of China: province names and the 南海诸岛 inset; at a
# region's preset (zoom 5.5 and closer) it names the sites instead.
NATIONAL_ZOOM = 5.0
_PERIOD = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?$")


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


def is_national(zoom: float) -> bool:
    """Whether a view at ``zoom`` shows the whole country."""
    return zoom < NATIONAL_ZOOM


def period_text(period: str, lang: str) -> str:
    """A period as the reader writes it: 2024年5月, 2023年第1季度, 2014—2024年; May 2024, Q1 2023,
    2014–2024. Text the data does not write as a period is shown as written."""
    if ".." in period:
        first, last = (period_text(p, lang) for p in period.split("..", 1))
        if lang == "zh" and first.endswith("年") and last.endswith("年"):
            first = first[:-1]
        return f"{first}—{last}" if lang == "zh" else f"{first}–{last}"
    m = _PERIOD.match(period)
    if not m:
        return period
    year, month, day, quarter, half = m.groups()
    locale = "zh_Hans_CN" if lang == "zh" else "en"
    if day:
        return format_skeleton("yMMMd", date(int(year), int(month), int(day)), locale=locale)
    if month:
        return format_skeleton("yMMM", date(int(year), int(month), 1), locale=locale)
    if quarter:
        return f"{year}年第{quarter}季度" if lang == "zh" else f"Q{quarter} {year}"
    if half:
        zh_half = "上半年" if half == "1" else "下半年"
        return f"{year}年{zh_half}" if lang == "zh" else f"H{half} {year}"
    return f"{year}年" if lang == "zh" else year


def figure_text(record: Mapping[str, Any], lang: str, unit_mode: str) -> str:
    """A site's figure with its period (超5,000家（2024年5月）), or that it has none."""
    value = record.get("value_std")
    if value is None or value != value:
        return t("map.no_figure", lang)
    period = period_text(str(record["period"]), lang)
    label = row_label(record, lang, unit_mode)
    return f"{label}（{period}）" if lang == "zh" else f"{label} ({period})"


def shown_sites(sites: pd.DataFrame, region: str | None) -> pd.DataFrame:
    """The sites a view is about: a preset's region, or every site in the national view."""
    if not region:
        return sites
    return sites[sites["region_id"] == region].reset_index(drop=True)


def site_table(sites: pd.DataFrame, lang: str, unit_mode: str, sized: bool) -> pd.DataFrame:
    """The map's text alternative: each shown site, its region, its figure when the map is
    sized by a metric, and its number of claims; headers and words in ``lang``."""
    records = row_dicts(sites)
    columns = {
        t("col.site", lang): [name(r, lang, "site_") for r in records],
        t("col.region", lang): [name(r, lang, "region_") for r in records],
    }
    if sized:
        columns[t("col.figure", lang)] = [figure_text(r, lang, unit_mode) for r in records]
    columns[t("col.claims", lang)] = [int(r["claims"]) for r in records]
    return pd.DataFrame(columns)


def map_alt(n: int, area: str | None, metric: str | None, lang: str) -> str:
    """The map's accessible name: what it shows, how it is coloured and sized, where the
    table of its sites is."""
    sized = t("map.alt_sized", lang, metric=metric) if metric else ""
    return t("map.alt", lang, area=area or t("map.area_national", lang), n=n, sized=sized)
