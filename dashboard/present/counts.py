"""What the metric picker counts: for each metric, what the page's chart would draw when it
is picked (its main measure and variant, the region and statuses in view): points on the
trends chart, bars on the rankings chart. A count of every figure of every variant said
"注册企业数 (19)" over a chart of two bars."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import pandas as pd

from .rankings import periods
from .rows import measures_for, of_variant, select, variants_in
from .trends import leading_sites
from .view import LATEST, MEASURES

RowsOf = Callable[[str, str | None], pd.DataFrame]  # (metric, measure) -> its rows


def default_variant(rows: pd.DataFrame) -> str | None:
    """The variant a page shows first: the figures that name none if there are any, else
    the variant with the most figures (as the variant picker falls back)."""
    variants = variants_in(rows)
    if not variants or "" in variants:
        return None
    return variants[0]


def trend_points(
    rows: pd.DataFrame,
    *,
    region: str | None,
    statuses: Sequence[str],
    sites: Sequence[str] = (),
    limit: int | None = None,
    ascending: bool = False,
) -> int:
    """How many points the trends chart draws of ``rows`` (one metric, measure, variant):
    one per fact, the chosen sites or, unchosen, the ``limit`` leading ones."""
    drawn = select(rows, region=region, sites=sites, statuses=statuses, one_per_fact=True)
    if not sites and limit is not None and drawn["site_id"].nunique() > limit:
        leading = leading_sites(drawn, limit, ascending=ascending)
        drawn = drawn[drawn["site_id"].astype(str).isin(leading).to_numpy(dtype=bool)]
    return len(drawn)


def ranking_bars(
    rows: pd.DataFrame,
    *,
    region: str | None,
    statuses: Sequence[str],
    period: str | None = None,
) -> int:
    """How many bars the rankings chart draws of ``rows`` in ``period`` (one it offers),
    else in their default period: one per site (see :func:`~.rankings.ranking`), counted
    on the few columns it needs."""
    offered, default = periods(rows, region=region, statuses=statuses)
    if period not in (*offered, LATEST):
        period = default
    narrow = rows[["site_id", "region_id", "status", "period", "same_as"]]
    drawn = select(narrow, region=region, statuses=statuses, one_per_fact=True)
    if period and period != LATEST:
        drawn = drawn[(drawn["period"].astype(str) == period).to_numpy(dtype=bool)]
    return int(drawn["site_id"].nunique())


def chart_count(
    rows_of: RowsOf,
    metric: str,
    *,
    chart: str,
    region: str | None,
    statuses: Sequence[str],
    measure: str | None = None,
    variant: str | None = None,
    sites: Sequence[str] = (),
    period: str | None = None,
    limit: int | None = None,
) -> int:
    """What the ``chart`` (``trends`` or ``rankings``) draws for ``metric``: with its main
    measure and variant unless ``measure`` / ``variant`` name one it has."""
    measures = measures_for(rows_of(metric, None), metric)
    if not measures:
        return 0
    measure = measure if measure in measures else measures[0]
    rows = rows_of(metric, measure)
    if variant is None or variant not in variants_in(rows):
        variant = default_variant(rows)
    rows = of_variant(rows, variant)
    if chart == "rankings":
        return ranking_bars(rows, region=region, statuses=statuses, period=period)
    return trend_points(
        rows,
        region=region,
        statuses=statuses,
        sites=sites,
        limit=limit,
        ascending=measure == "rank",
    )


def chart_counts(
    rows_of: RowsOf,
    metrics: Iterable[str],
    *,
    chart: str,
    region: str | None,
    statuses: Sequence[str],
    limit: int | None = None,
) -> dict[str, int]:
    """:func:`chart_count` of every metric with its defaults."""
    return {
        m: chart_count(rows_of, m, chart=chart, region=region, statuses=statuses, limit=limit)
        for m in metrics
    }


def table_rows(rows: pd.DataFrame) -> dict[str, int]:
    """Per metric, how many rows the claims table shows of ``rows`` (every report and
    derived figure: the table lists each)."""
    if rows.empty:
        return {}
    sizes = rows.groupby("metric_id", observed=True).size()
    return {str(m): int(n) for m, n in sizes.items() if n}


_BAR_COLUMNS = [
    "metric_id",
    "measure",
    "variant",
    "site_id",
    "region_id",
    "status",
    "period",
    "period_end",
    "period_start",
    "same_as",
]


def ranking_bar_counts(
    table: pd.DataFrame, *, region: str | None, statuses: Sequence[str]
) -> dict[str, int]:
    """:func:`chart_count` for the rankings chart of every metric of ``table`` with its
    defaults (main measure, default variant, default period), in one pass over plain
    records. Per metric through pandas it cost 14 ms, 1.3 s for the 90 metrics of the
    bundled data on every new data version: longer than the two seconds between saves."""
    if table.empty:
        return {}
    wanted = set(statuses)
    records = row_dicts_of(table[[c for c in _BAR_COLUMNS if c in table]])
    by_metric: dict[str, list[dict]] = {}
    for r in records:
        by_metric.setdefault(str(r["metric_id"]), []).append(r)
    return {
        metric: _bars(rows, region=region, statuses=wanted) for metric, rows in by_metric.items()
    }


def row_dicts_of(frame: pd.DataFrame) -> list[dict]:
    """``frame``'s rows as dicts, missing values as None."""
    columns = list(frame.columns)
    values = [frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def _bars(rows: list[dict], *, region: str | None, statuses: set[str]) -> int:
    measures: dict[str, int] = {}
    for r in rows:
        measures[str(r["measure"])] = measures.get(str(r["measure"]), 0) + 1
    measure = min(
        measures, key=lambda m: (-measures[m], MEASURES.index(m) if m in MEASURES else 99)
    )
    rows = [r for r in rows if str(r["measure"]) == measure]
    variants: dict[str, int] = {}
    for r in rows:
        key = "" if r["variant"] is None else str(r["variant"])
        variants[key] = variants.get(key, 0) + 1
    variant = None if "" in variants else min(variants, key=lambda v: (-variants[v], v))
    rows = [
        r for r in rows if (r["variant"] is None if variant is None else r["variant"] == variant)
    ]
    candidates = [
        r
        for r in rows
        if (not region or r["region_id"] == region) and (not statuses or r["status"] in statuses)
    ]
    sites: dict[str, set[str]] = {}
    for r in candidates:
        sites.setdefault(str(r["period"]), set()).add(str(r["site_id"]))
    period = LATEST
    best = max((len(s) for s in sites.values()), default=0)
    if best >= 2:
        order = {str(r["period"]): _period_key(r) for r in candidates}
        period = min((p for p, s in sites.items() if len(s) == best), key=lambda p: order[p])
    drawn = {
        str(r["site_id"])
        for r in candidates
        if r["same_as"] is None and (period == LATEST or str(r["period"]) == period)
    }
    return len(drawn)


def _period_key(r: dict) -> tuple:
    """Most recent first: latest end, then latest start (none last), then the period."""
    end, start = pd.Timestamp(r["period_end"]), r["period_start"]
    return (
        -end.value,
        -pd.Timestamp(start).value if start is not None else float("inf"),
        str(r["period"]),
    )
