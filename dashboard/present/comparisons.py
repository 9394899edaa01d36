"""The comparisons the data supports, found once for every page that offers them (the
overview's questions, the list under the trends and rankings charts):

- a **series**: one site, metric, measure and variant with figures at two dates or more (a
  fact reported by several articles counted once), shown on the trends page;
- a **ranking**: one metric, measure, variant and period whose actual figures of a comparable
  metric cover three sites or more, shown on the rankings page.

Each comes with the view of the chart that shows it and its figures in the chart's order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pandas as pd

from .rankings import ranking
from .rows import FIGURE_FIELDS
from .view import View

# What a comparison, its ranking and its sentence read of a row.
COLUMNS = (*FIGURE_FIELDS, "metric_id", "measure", "comparable", "site_kind", "source_id")
SERIES_DATES = 2  # dates a site's figures need to be a series
RANKING_SITES = 3  # sites a period's figures need to be a ranking
KINDS = {"series": "trends", "ranking": "rankings"}  # kind → the page that shows it
# A link to a comparison's chart sets these: nothing else of the reader's view goes along.
BLANK_VIEW: dict[str, Any] = {
    "region": None,
    "metric": None,
    "status": (),
    "claim": None,
    "sites": (),
    "measure": None,
    "variant": None,
    "period": None,
}


@dataclass(frozen=True)
class Comparison:
    """One comparison: ``kind`` (``series`` or ``ranking``), the ``view`` of its chart (metric,
    measure, variant, and the site of a series or the period of a ranking), its ``size`` (dates
    of a series, sites of a ranking) and its figures (a series oldest first, a ranking best
    first)."""

    kind: str
    view: View
    size: int
    rows: pd.DataFrame = field(compare=False, repr=False)

    @property
    def page(self) -> str:
        """The page whose chart shows it."""
        return KINDS[self.kind]

    @property
    def site_id(self) -> str | None:
        """The site of a series; a ranking has none."""
        return self.view.sites[0] if self.view.sites else None

    def link(self) -> dict[str, Any]:
        """The view changes a link to its chart makes (see :data:`BLANK_VIEW`)."""
        return {**BLANK_VIEW, **{k: getattr(self.view, k) for k in BLANK_VIEW if k != "region"}}


def _variant(value: Any) -> str | None:
    return None if pd.isna(value) else str(value)


def series(table: pd.DataFrame, limit: int | None = None) -> list[Comparison]:
    """Every series, the most dates first (ties by site, metric, measure, variant); at most
    ``limit``, the longest."""
    if table.empty:
        return []
    facts = table[table["same_as"].isna().to_numpy(dtype=bool)]
    keys = ["site_id", "metric_id", "measure", "variant"]
    dates = facts.groupby(keys, observed=True, dropna=False)["period_end"].nunique()
    found = dates[dates >= SERIES_DATES].sort_values(ascending=False, kind="stable")
    if limit is not None:
        found = found.head(limit)
    if found.empty:
        return []
    # Only the wanted series' rows are grouped: at 100,000 claims there are tens of thousands.
    wanted = pd.MultiIndex.from_tuples(list(found.index), names=keys)
    index = pd.MultiIndex.from_frame(facts[keys].astype(object))
    facts = facts[index.isin(wanted)]
    out = []
    for (site, metric, measure, variant), group in facts.groupby(
        keys, observed=True, dropna=False, sort=True
    ):
        ordered = group.sort_values(["period_end", "period_start", "claim_id"], kind="stable")
        view = View(
            metric=str(metric), measure=str(measure), variant=_variant(variant), sites=(str(site),)
        )
        out.append(Comparison("series", view, int(ordered["period_end"].nunique()), ordered))
    out.sort(key=lambda c: -c.size)  # stable: ties stay by site, metric, measure, variant
    return out


def rankings(table: pd.DataFrame, limit: int | None = None) -> list[Comparison]:
    """Every ranking, the most sites first (ties by metric, measure, variant, period); at
    most ``limit``, those of the most sites."""
    if table.empty:
        return []
    rows = table[
        (table["status"].astype(str) == "actual").to_numpy(dtype=bool)
        & table["comparable"].astype(bool).to_numpy(dtype=bool)
        & table["same_as"].isna().to_numpy(dtype=bool)
    ]
    keys = ["metric_id", "measure", "variant", "period"]
    sizes = rows.groupby(keys, observed=True, dropna=False)["site_id"].nunique()
    sizes = sizes[sizes >= RANKING_SITES].sort_values(ascending=False, kind="stable")
    if limit is not None:
        sizes = sizes.head(limit)
    # Each ranking is of one group's rows, taken out by position (a mask over the whole
    # table per ranking was seconds at 100,000 claims).
    positions = rows.groupby(keys, observed=True, dropna=False).indices
    out = []
    for metric, measure, variant, period in sizes.index:
        group = rows.iloc[positions[(metric, measure, variant, period)]]
        ranked = ranking(group, str(metric), str(measure), str(period), ["actual"]).rows
        if len(ranked) < RANKING_SITES:
            continue
        view = View(
            metric=str(metric), measure=str(measure), variant=_variant(variant), period=str(period)
        )
        out.append(Comparison("ranking", view, len(ranked), ranked))
    return out


def comparisons(
    table: pd.DataFrame, regions: Sequence[str] | None = None, limit: int | None = None
) -> list[Comparison]:
    """Series then rankings (at most ``limit`` of each), of ``regions``' rows when given."""
    table = table[[c for c in COLUMNS if c in table]]  # every take copies only these
    if regions:
        table = table[table["region_id"].astype(str).isin(regions).to_numpy(dtype=bool)]
    return [*series(table, limit), *rankings(table, limit)]


@dataclass(frozen=True)
class Drawn:
    """What a chart on ``page`` draws: its rows' (metric, measure, variant) triples, sites
    and periods."""

    page: str
    kinds: frozenset[tuple[str, str, str | None]]
    sites: frozenset[str]
    periods: frozenset[str]

    @classmethod
    def of(cls, page: str, rows: pd.DataFrame) -> Drawn:
        variant = rows["variant"].astype(object).where(rows["variant"].notna(), None)
        metrics, measures = rows["metric_id"].astype(str), rows["measure"].astype(str)
        return cls(
            page,
            frozenset(zip(metrics, measures, variant, strict=True)),
            frozenset(rows["site_id"].astype(str)),
            frozenset(rows["period"].astype(str)),
        )

    def shows(self, comparison: Comparison) -> bool:
        """Whether this chart already shows ``comparison``: a series whose site it draws, a
        ranking of all its sites in its period."""
        view = comparison.view
        if self.page != comparison.page or self.kinds != {
            (view.metric, view.measure, view.variant)
        }:
            return False
        if comparison.kind == "series":
            return comparison.site_id in self.sites
        return self.periods == {view.period} and len(self.sites) >= comparison.size


C = TypeVar("C", bound=Comparison)


def others(
    found: Sequence[C], page: str, metric: str | None, drawn: pd.DataFrame, n: int = 3
) -> list[C]:
    """The ``n`` best comparisons of ``found`` that the chart on ``page`` of ``metric``,
    drawing ``drawn``, does not show: those of the same metric first, then those its page
    shows, then the largest."""
    kind = next(k for k, p in KINDS.items() if p == page)
    chart = Drawn.of(page, drawn)
    rest = [c for c in found if not chart.shows(c)]
    order = sorted(
        range(len(rest)),
        key=lambda i: (rest[i].view.metric != metric, rest[i].kind != kind, -rest[i].size, i),
    )
    return [rest[i] for i in order[:n]]
