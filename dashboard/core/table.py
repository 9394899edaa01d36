"""The tidy table: one row per claim (and per derived figure), everything joined in.

Columns (also the export's; documented in README.md under "The tidy table"):

claim_id, source_id, derived, formula, inputs,
site_id, site_name_zh, site_name_en, site_kind, site_parent, region_id, region_name_zh,
region_name_en, city, lat, lon, coord_precision,
metric_id, metric_name_zh, metric_name_en, metric_category, comparable,
value, unit, printed, value_std, unit_std, unit_std_name_zh, unit_std_name_en,
qualifier, period, period_precision, period_start, period_end, status, kind,
quote, note, source_publication, source_title, source_date, source_date_approximate,
source_file, file, line.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .loader import Dataset, Located
from .models import Claim, FigureKind
from .periods import parse_period

COLUMNS = [
    "claim_id",
    "source_id",
    "derived",
    "formula",
    "inputs",
    "site_id",
    "site_name_zh",
    "site_name_en",
    "site_kind",
    "site_parent",
    "region_id",
    "region_name_zh",
    "region_name_en",
    "city",
    "lat",
    "lon",
    "coord_precision",
    "metric_id",
    "metric_name_zh",
    "metric_name_en",
    "metric_category",
    "comparable",
    "value",
    "unit",
    "printed",
    "value_std",
    "unit_std",
    "unit_std_name_zh",
    "unit_std_name_en",
    "qualifier",
    "period",
    "period_precision",
    "period_start",
    "period_end",
    "status",
    "kind",
    "quote",
    "note",
    "source_publication",
    "source_title",
    "source_date",
    "source_date_approximate",
    "source_file",
    "file",
    "line",
]

CATEGORICAL = [
    "source_id",
    "site_id",
    "site_kind",
    "region_id",
    "metric_id",
    "metric_category",
    "unit",
    "unit_std",
    "qualifier",
    "period_precision",
    "status",
    "kind",
]


def _row(dataset: Dataset, source_id: str, item: Located[Claim]) -> dict[str, Any]:
    claim = item.record
    site = dataset.sites[claim.site].record
    region = dataset.regions.get(site.region)
    metric = dataset.metrics[claim.metric].record
    unit = dataset.units[claim.unit].record
    std = dataset.standard_units[unit.standard].record
    source = dataset.sources[source_id].record
    period = parse_period(claim.period)
    return {
        "claim_id": claim.id,
        "source_id": source_id,
        "derived": False,
        "formula": None,
        "inputs": None,
        "site_id": site.id,
        "site_name_zh": site.name_zh,
        "site_name_en": site.name_en,
        "site_kind": site.kind.value,
        "site_parent": site.parent,
        "region_id": site.region,
        "region_name_zh": region.record.name_zh if region else None,
        "region_name_en": region.record.name_en if region else None,
        "city": site.city,
        "lat": site.lat,
        "lon": site.lon,
        "coord_precision": site.precision.value,
        "metric_id": metric.id,
        "metric_name_zh": metric.name_zh,
        "metric_name_en": metric.name_en,
        "metric_category": metric.category,
        "comparable": metric.comparable,
        "value": claim.value,
        "unit": claim.unit,
        "printed": claim.printed if claim.printed is not None else None,
        "value_std": claim.value * unit.factor,
        "unit_std": unit.standard,
        "unit_std_name_zh": std.name_zh,
        "unit_std_name_en": std.name_en,
        "qualifier": claim.qualifier.value,
        "period": claim.period,
        "period_precision": period.precision,
        "period_start": pd.Timestamp(period.start),
        "period_end": pd.Timestamp(period.end),
        "status": claim.status.value,
        "kind": claim.kind.value,
        "quote": claim.quote,
        "note": claim.note,
        "source_publication": source.publication,
        "source_title": source.title,
        "source_date": pd.Timestamp(source.date),
        "source_date_approximate": source.date_approximate,
        "source_file": source.file,
        "file": item.file,
        "line": item.line,
    }


def derived_rows(dataset: Dataset, rows: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Prior-year levels implied by a level and its year-on-year growth rate.

    For a growth claim g% with ``growth_of: L``, the prior level is ``L / (1 + g/100)`` for the
    same period one year earlier. The row is marked ``derived``, keeps the formula and both input
    ids, and is qualified ``about``: its inputs are rounded figures.
    """
    out = []
    for _, item in dataset.claims:
        claim = item.record
        if claim.kind is not FigureKind.growth or claim.growth_of not in rows:
            continue
        if dataset.units[claim.unit].record.standard != "percent":
            continue
        level = rows[claim.growth_of]
        try:
            period = parse_period(level["period"]).shifted_years(-1)
        except ValueError:  # 29 February has no prior-year twin
            continue
        factor = 1 + claim.value / 100
        row = dict(level)
        row.update(
            {
                "claim_id": f"{level['claim_id']}~prior-year",
                "derived": True,
                "formula": f"{level['claim_id']} / (1 + {claim.id} / 100) = "
                f"{level['value']:g} / (1 + {claim.value:g}/100)",
                "inputs": f"{level['claim_id']} {claim.id}",
                "value": level["value"] / factor,
                "printed": None,
                "value_std": level["value_std"] / factor,
                "qualifier": "about",
                "period": period.text,
                "period_precision": period.precision,
                "period_start": pd.Timestamp(period.start),
                "period_end": pd.Timestamp(period.end),
                "quote": f"{level['quote']}\n{claim.quote}"
                if claim.quote != level["quote"]
                else level["quote"],
                "note": f"Derived from {level['claim_id']} and its growth rate {claim.id}.",
                "file": item.file,
                "line": item.line,
            }
        )
        out.append(row)
    return out


def tidy_table(dataset: Dataset) -> pd.DataFrame:
    """One row per valid claim plus derived rows, with every attribute joined in."""
    rows = {item.record.id: _row(dataset, source_id, item) for source_id, item in dataset.claims}
    all_rows = [*rows.values(), *derived_rows(dataset, rows)]
    frame = pd.DataFrame(all_rows, columns=COLUMNS)
    for column in CATEGORICAL:
        frame[column] = frame[column].astype("category")
    for column in ("value", "value_std", "lat", "lon"):
        frame[column] = frame[column].astype("float64")
    frame["line"] = frame["line"].astype("int64")
    for column in ("derived", "comparable", "source_date_approximate"):
        frame[column] = frame[column].astype("bool")
    return frame
