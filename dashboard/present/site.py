"""The site profile: everything recorded for one place, grouped by metric, each figure with
its period, qualifier and the articles that report it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
from babel.dates import format_date

from ..core.dataset import Dataset
from ..core.models import Site
from .rows import is_in


@dataclass
class Section:
    """One metric, measure and variant of a site: its figures (one per fact, oldest first)
    and, per figure, the articles that report it as (source id, claim id) pairs."""

    metric_id: str
    measure: str
    variant: str | None
    rows: pd.DataFrame
    reports: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @property
    def is_series(self) -> bool:
        """Two or more points in time: drawn as a small time series."""
        return int(self.rows["period_end"].nunique()) >= 2


@dataclass
class Profile:
    """A site, where it sits among the others, and its sections (most figures first)."""

    site: Site
    parent: str | None
    children: list[str]
    sections: list[Section]
    scoped_on: list[str]  # sites whose figures name this site as their scope
    claims: int  # quoted claims (derived figures aside)
    derived: int


def site_rows(table: pd.DataFrame, site_id: str) -> pd.DataFrame:
    """The rows recorded on ``site_id`` (every report, derived figures too)."""
    if table.empty:
        return table
    return table[is_in(table["site_id"], [site_id]).to_numpy(dtype=bool)]


def profile(dataset: Dataset, table: pd.DataFrame, site_id: str) -> Profile | None:
    """The profile of ``site_id``; None when there is no such site."""
    item = dataset.sites.get(site_id)
    if item is None:
        return None
    site = item.record
    rows = site_rows(table, site_id)
    facts = rows[rows["same_as"].isna().to_numpy(dtype=bool)]
    repeats = rows[rows["same_as"].notna().to_numpy(dtype=bool)]
    reports: dict[str, list[tuple[str, str]]] = {}
    for claim, source in zip(facts["claim_id"], facts["source_id"], strict=True):
        reports[str(claim)] = [(str(source), str(claim))]
    for claim, source, first in zip(
        repeats["claim_id"], repeats["source_id"], repeats["same_as"], strict=True
    ):
        reports.setdefault(str(first), []).append((str(source), str(claim)))
    sections: list[Section] = []
    keys = ["metric_id", "measure", "variant"]
    for (metric, measure, variant), group in facts.groupby(
        keys, observed=True, dropna=False, sort=False
    ):
        ordered = group.sort_values(["period_end", "period_start", "claim_id"], kind="stable")
        variant_id = None if pd.isna(variant) or variant == "" else str(variant)
        sections.append(
            Section(
                str(metric),
                str(measure),
                variant_id,
                ordered,
                {str(c): reports.get(str(c), []) for c in ordered["claim_id"]},
            )
        )
    sections.sort(key=lambda s: (-len(s.rows), s.metric_id, s.measure, s.variant or ""))
    scoped = table[(table["scope"].astype(object) == site_id).to_numpy(dtype=bool)]
    children = sorted(sid for sid, other in dataset.sites.items() if other.record.parent == site_id)
    parent = site.parent if site.parent in dataset.sites else None
    return Profile(
        site=site,
        parent=parent,
        children=children,
        sections=sections,
        scoped_on=sorted({str(s) for s in scoped["site_id"] if str(s) != site_id}),
        claims=int((~rows["derived"].astype(bool)).sum()),
        derived=int(rows["derived"].astype(bool).sum()),
    )


def site_list(dataset: Dataset, table: pd.DataFrame) -> list[tuple[str, int]]:
    """Every site with its number of quoted claims, most first (then id): the way on from a
    profile link that names no site."""
    counts = table.loc[~table["derived"].astype(bool), "site_id"].astype(str).value_counts()
    return sorted(
        ((sid, int(counts.get(sid, 0))) for sid in dataset.sites), key=lambda p: (-p[1], p[0])
    )


def source_label(dataset: Dataset, source_id: str, lang: str) -> str:
    """An article as a reader names it: 天津日报 2024年2月26日《…》; 天津日报, 26 Feb 2024: “…”."""
    item = dataset.sources.get(source_id)
    if item is None:
        return source_id
    record = item.record
    day = dt.date.fromisoformat(record.date)
    if lang == "zh":
        return f"{record.publication} {day.year}年{day.month}月{day.day}日《{record.title}》"
    return f"{record.publication}, {format_date(day, 'd MMM y', 'en')}: “{record.title}”"
