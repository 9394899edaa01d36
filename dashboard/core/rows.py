"""One claim as a row of the tidy table, everything joined in; and the rows growth rates derive.

Columns (also the export's; documented in README.md under "The tidy table"):

claim_id, source_id, derived, formula, inputs,
site_id, site_name_zh, site_name_en, site_kind, site_parent, region_id, region_name_zh,
region_name_en, city, lat, lon, coord_precision,
metric_id, metric_name_zh, metric_name_en, metric_category, comparable,
variant, variant_name_zh, variant_name_en, scope, scope_name_zh, scope_name_en, same_as,
value, unit, printed, value_std, unit_std, unit_std_name_zh, unit_std_name_en,
qualifier, period, period_precision, period_start, period_end, status, kind,
quote, note, source_publication, source_title, source_date, source_date_approximate,
source_file, file, line; and reported_by (the number of articles that report the fact).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

import pandas as pd

from .checks import period_of
from .dataset import Dataset, Located
from .models import Claim, FigureKind
from .periods import Period

ROW_COLUMNS = [
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
    "variant",
    "variant_name_zh",
    "variant_name_en",
    "scope",
    "scope_name_zh",
    "scope_name_en",
    "same_as",
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

# Columns of few distinct values (ids, vocabularies and the names and titles joined in from
# the registries and sources): as categories they cost a code per row, not the text, which
# at 100,000 claims is most of the table's memory.
CATEGORICAL = [
    "source_id",
    "site_id",
    "site_name_zh",
    "site_name_en",
    "site_kind",
    "region_id",
    "region_name_zh",
    "region_name_en",
    "city",
    "coord_precision",
    "metric_id",
    "metric_name_zh",
    "metric_name_en",
    "metric_category",
    "variant",
    "variant_name_zh",
    "variant_name_en",
    "scope",
    "scope_name_zh",
    "scope_name_en",
    "unit",
    "unit_std",
    "unit_std_name_zh",
    "unit_std_name_en",
    "qualifier",
    "period_precision",
    "status",
    "kind",
    "source_publication",
    "source_title",
    "source_file",
    "file",
]


# The table's columns: a claim's row, then what is known only of all claims together (how
# many articles report each fact).
COLUMNS = [*ROW_COLUMNS, "reported_by"]

_INDEX = {name: i for i, name in enumerate(ROW_COLUMNS)}


@lru_cache(maxsize=65536)
def _stamp(day: date | str) -> pd.Timestamp:
    return pd.Timestamp(day)  # shared: the same few thousand days recur across claims


@lru_cache(maxsize=16384)
def _prior_year(text: str) -> Period:
    return period_of(text).shifted_years(-1)


class RowParts:
    """The columns a claim takes from its site, metric, unit and source, each built once."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.sites: dict[str, tuple[Any, ...]] = {}
        self.metrics: dict[str, tuple[Any, ...]] = {}
        self.units: dict[str, tuple[Any, ...]] = {}
        self.variants: dict[tuple[str, str], tuple[Any, ...]] = {}
        self.sources: dict[str, tuple[Any, ...]] = {}

    def site(self, site_id: str) -> tuple[Any, ...]:
        part = self.sites.get(site_id)
        if part is None:
            site = self.dataset.sites[site_id].record
            region = self.dataset.regions.get(site.region)
            part = self.sites[site_id] = (
                site.id,
                site.name_zh,
                site.name_en,
                site.kind.value,
                site.parent,
                site.region,
                region.record.name_zh if region else None,
                region.record.name_en if region else None,
                site.city,
                site.lat,
                site.lon,
                site.precision.value,
            )
        return part

    def metric(self, metric_id: str) -> tuple[Any, ...]:
        part = self.metrics.get(metric_id)
        if part is None:
            metric = self.dataset.metrics[metric_id].record
            part = self.metrics[metric_id] = (
                metric.id,
                metric.name_zh,
                metric.name_en,
                metric.category,
                metric.comparable,
            )
        return part

    def variant(self, metric_id: str, variant_id: str | None) -> tuple[Any, ...]:
        if variant_id is None:
            return (None, None, None)
        part = self.variants.get((metric_id, variant_id))
        if part is None:
            metric = self.dataset.metrics[metric_id].record
            found = next(v for v in metric.variants if v.id == variant_id)
            part = self.variants[(metric_id, variant_id)] = (
                variant_id,
                found.name_zh,
                found.name_en,
            )
        return part

    def scope(self, site_id: str | None) -> tuple[Any, ...]:
        if site_id is None:
            return (None, None, None)
        site = self.dataset.sites[site_id].record
        return (site_id, site.name_zh, site.name_en)

    def unit(self, unit_id: str) -> tuple[Any, ...]:
        part = self.units.get(unit_id)
        if part is None:
            unit = self.dataset.units[unit_id].record
            std = self.dataset.standard_units[unit.standard].record
            part = self.units[unit_id] = (unit.factor, unit.standard, std.name_zh, std.name_en)
        return part

    def source(self, source_id: str) -> tuple[Any, ...]:
        part = self.sources.get(source_id)
        if part is None:
            source = self.dataset.sources[source_id].record
            part = self.sources[source_id] = (
                source.publication,
                source.title,
                _stamp(source.date),
                source.date_approximate,
                source.file,
            )
        return part


def claim_row(parts: RowParts, source_id: str, item: Located[Claim]) -> tuple[Any, ...]:
    """One claim's row, its values in :data:`ROW_COLUMNS` order."""
    claim = item.record
    factor, *std = parts.unit(claim.unit)
    period = period_of(claim.period)
    return (
        claim.id,
        source_id,
        False,
        None,
        None,
        *parts.site(claim.site),
        *parts.metric(claim.metric),
        *parts.variant(claim.metric, claim.variant),
        *parts.scope(claim.scope),
        claim.same_as,
        claim.value,
        claim.unit,
        claim.printed,
        claim.value * factor,
        *std,
        claim.qualifier.value,
        claim.period,
        period.precision,
        _stamp(period.start),
        _stamp(period.end),
        claim.status.value,
        claim.kind.value,
        claim.quote,
        claim.note,
        *parts.source(source_id),
        item.file,
        item.line,
    )


def derived_rows(dataset: Dataset, rows: Mapping[str, tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Prior-year levels implied by a level and its year-on-year growth rate.

    For a growth claim g% with ``growth_of: L``, the prior level is ``L / (1 + g/100)`` for the
    same period one year earlier. The row is marked ``derived``, keeps the formula and both input
    ids, and keeps the level's bound (over, nearly, ...) or else is ``about``: its inputs are
    rounded figures. ``rows`` maps claim ids to their rows (values in :data:`ROW_COLUMNS` order).
    """
    inputs = growth_inputs(dataset, (item for _, item in dataset.claims), rows)
    return [row for item, level in inputs if (row := derived_row(item, level)) is not None]


def growth_inputs(
    dataset: Dataset, items: Iterable[Located[Claim]], rows: Mapping[str, tuple[Any, ...]]
) -> list[tuple[Located[Claim], tuple[Any, ...]]]:
    """The growth rates among ``items`` that imply a prior-year level, each with its level."""
    out = []
    for item in items:
        claim, level = item.record, item.record.growth_of
        if claim.kind is not FigureKind.growth or level is None or level not in rows:
            continue
        if dataset.units[claim.unit].record.standard != "percent":
            continue
        out.append((item, rows[level]))
    return out


# A derived level keeps its level's bound (超19亿 gives a prior level over 19亿 / (1 + g)); an
# exact or approximate level gives an approximate one, its inputs being rounded figures.
_BOUNDS = ("over", "more_than", "nearly", "up_to")


def derived_row(item: Located[Claim], level: tuple[Any, ...]) -> tuple[Any, ...] | None:
    claim, col = item.record, _INDEX
    try:
        period = _prior_year(level[col["period"]])
    except ValueError:  # 29 February has no prior-year twin
        return None
    factor = 1 + claim.value / 100
    level_id, level_quote = level[col["claim_id"]], level[col["quote"]]
    row = list(level)
    for name, value in (
        ("claim_id", f"{level_id}~prior-year"),
        ("derived", True),
        (
            "formula",
            f"{level_id} / (1 + {claim.id} / 100) = "
            f"{level[col['value']]:g} / (1 + {claim.value:g}/100)",
        ),
        ("inputs", f"{level_id} {claim.id}"),
        ("value", level[col["value"]] / factor),
        ("printed", None),
        ("value_std", level[col["value_std"]] / factor),
        ("qualifier", q if (q := level[col["qualifier"]]) in _BOUNDS else "about"),
        ("period", period.text),
        ("period_precision", period.precision),
        ("period_start", _stamp(period.start)),
        ("period_end", _stamp(period.end)),
        ("quote", f"{level_quote}\n{claim.quote}" if claim.quote != level_quote else level_quote),
        ("note", f"Derived from {level_id} and its growth rate {claim.id}."),
        ("same_as", None),
        ("file", item.file),
        ("line", item.line),
    ):
        row[col[name]] = value
    return tuple(row)
