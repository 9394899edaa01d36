"""What each page shows, computed from the tidy table: pure functions, no Streamlit.

The pages call these and only lay out the results, so the rules (which figure is a headline,
what may be ranked against what, what a search matches) are tested here directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..core.dataset import Dataset
from ..core.quotes import find_number
from .view import LATEST, MEASURES, STATUSES

SITE_KIND_ORDER = (
    "country",
    "province",
    "city",
    "district",
    "zone",
    "park",
    "platform",
    "institute",
    "facility",
    "company",
)
# A measure is what one figure of a metric says: its kind, and for growth also its unit (a
# rate in %, a change in percentage points, a multiple, or an absolute increase). Figures of
# one metric and measure share a standard unit and a definition, so they may be compared.
LEVELS = ("stock", "flow", "cumulative", "share")
GROWTH_BY_UNIT = {"percent": "growth", "percentage_point": "growth_pp", "ratio": "growth_ratio"}
PROVENANCE = [
    "claim_id",
    "source_id",
    "source_publication",
    "source_title",
    "source_date",
    "source_file",
    "quote",
    "note",
    "derived",
    "formula",
    "inputs",
    "file",
    "line",
]


def measure_of(kind: str, unit_std: str) -> str:
    """The measure of a figure: one of :data:`~dashboard.present.view.MEASURES`."""
    if kind == "growth":
        return GROWTH_BY_UNIT.get(unit_std, "growth_abs")
    return kind


def with_measure(table: pd.DataFrame) -> pd.DataFrame:
    """The table with a ``measure`` column (see :func:`measure_of`)."""
    return table.assign(
        measure=pd.Categorical(
            [
                measure_of(str(k), str(u))
                for k, u in zip(table["kind"], table["unit_std"], strict=True)
            ]
        )
    )


def unit_names(table: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Standard unit id -> {"zh": ..., "en": ...}, from the table's joined names."""
    names: dict[str, dict[str, str]] = {}
    for unit, zh, en in table[["unit_std", "unit_std_name_zh", "unit_std_name_en"]].itertuples(
        index=False
    ):
        names.setdefault(str(unit), {"zh": str(zh), "en": str(en)})
    return names


def metric_counts(table: pd.DataFrame) -> list[tuple[str, int]]:
    """Metrics that have figures, most figures first (then by id)."""
    if table.empty:
        return []
    counts = table.groupby("metric_id", observed=True).size()
    return sorted(
        ((str(k), int(v)) for k, v in counts.items() if v), key=lambda kv: (-kv[1], kv[0])
    )


# What the chart builders, their hover texts and the tables under them read of a figure's row.
FIGURE_FIELDS = (
    "claim_id",
    "site_id",
    "site_name_zh",
    "site_name_en",
    "region_id",
    "region_name_zh",
    "region_name_en",
    "metric_name_zh",
    "metric_name_en",
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
    "derived",
    "formula",
    "quote",
    "source_publication",
    "source_date",
    "source_title",
    "rank",
)


def records(rows: pd.DataFrame, fields: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """``rows.to_dict("records")`` (only ``fields``, those ``rows`` has, when given): the
    same values, about three times as fast on a table of categorical columns (pandas
    converts those value by value). The chart builders and the tables under them read each
    row as a mapping."""
    columns = list(rows.columns) if fields is None else [f for f in fields if f in rows]
    values: list[list[Any]] = []
    for column in columns:
        series = rows[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            codes = series.cat.codes.to_numpy()
            picked = np.asarray(series.cat.categories, dtype=object)[codes]
            picked[codes < 0] = np.nan
            values.append(picked.tolist())
        else:
            values.append(series.tolist())
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def measures_for(table: pd.DataFrame, metric: str | None) -> list[str]:
    """The measures a metric has figures for, most figures first (ties in MEASURES order)."""
    if not metric or table.empty:
        return []
    counts = table.loc[table["metric_id"] == metric, "measure"].value_counts()
    counts = counts[counts > 0]
    if counts.empty:
        return []
    return sorted(
        (str(m) for m in counts.index),
        key=lambda m: (-int(counts[m]), MEASURES.index(m) if m in MEASURES else 99),
    )


def _in(column: pd.Series, values: Iterable[str]) -> pd.Series:
    wanted = [str(v) for v in values]
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.isin(wanted)  # compares category codes: no text per row
    return column.astype(str).isin(wanted)


def select(
    table: pd.DataFrame,
    *,
    region: str | None = None,
    sites: Sequence[str] = (),
    metric: str | None = None,
    measure: str | None = None,
    statuses: Sequence[str] = (),
    source: str | None = None,
) -> pd.DataFrame:
    """Rows matching every filter given; an empty or None filter matches everything.

    The filters make one mask over their own columns and the rows are taken out once: each
    take copies every column, which at 100,000 claims was a page's rerun.
    """
    mask = _mask(
        table,
        region=region,
        sites=sites,
        metric=metric,
        measure=measure,
        statuses=statuses,
        source=source,
    )
    if mask is None or mask.all():
        return table
    return table[mask]


def _mask(
    table: pd.DataFrame,
    *,
    region: str | None = None,
    sites: Sequence[str] = (),
    metric: str | None = None,
    measure: str | None = None,
    statuses: Sequence[str] = (),
    source: str | None = None,
    period: str | None = None,
) -> np.ndarray | None:
    """The rows :func:`select` keeps, as a boolean array (None: all of them)."""
    mask: np.ndarray | None = None
    for column, wanted in (
        ("metric_id", [metric] if metric else ()),
        ("site_id", sites),
        ("source_id", [source] if source else ()),
        ("region_id", [region] if region else ()),
        ("measure", [measure] if measure and "measure" in table else ()),
        ("status", statuses),
        ("period", [period] if period else ()),
    ):
        if wanted:
            hit = _in(table[column], wanted).to_numpy()
            mask = hit if mask is None else mask & hit
    return mask


SEARCHED = [
    "claim_id",
    "quote",
    "note",
    "site_name_zh",
    "site_name_en",
    "metric_name_zh",
    "metric_name_en",
    "source_title",
    "printed",
    "period",
]


def search(table: pd.DataFrame, text: str) -> pd.DataFrame:
    """Rows where every word of ``text`` occurs (case-insensitive) in one of :data:`SEARCHED`."""
    words = [w.casefold() for w in text.split() if w.strip()]
    if not words or table.empty:
        return table
    columns = [table[c].astype(object).where(table[c].notna(), "").astype(str) for c in SEARCHED]
    joined = columns[0].str.casefold()
    for column in columns[1:]:
        joined = joined + "\n" + column.str.casefold()
    mask = pd.Series(True, index=table.index)
    for word in words:
        mask &= joined.str.contains(word, regex=False)
    return table[mask]


def sort_claims(table: pd.DataFrame) -> pd.DataFrame:
    """Claims in reading order: region, site, metric, period end, claim id."""
    if table.empty:
        return table
    return table.sort_values(
        ["region_id", "site_id", "metric_id", "period_end", "claim_id"], kind="stable"
    )


# --- trends ------------------------------------------------------------------------------


def trend_metric(table: pd.DataFrame) -> str | None:
    """The metric with the most figures in series (a site and measure with two or more
    points): the first view of the trends page should show a trend."""
    if table.empty:
        return None
    sizes = table.groupby(["metric_id", "site_id", "measure"], observed=True).size()
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
        table, region=region, sites=sites, metric=metric, measure=measure, statuses=statuses
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


# --- rankings ----------------------------------------------------------------------------


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


def _latest_per_site(
    rows: pd.DataFrame, ascending: bool, mask: np.ndarray | None = None
) -> tuple[pd.DataFrame, int]:
    """Each site's latest figure among ``rows`` (those of ``mask``), ordered by value
    (``ascending``) then site, and how many sites have two figures for one period. Worked
    out on the few columns it needs; the rows are taken out once, at the end."""
    keys = ["site_id", "period_end", "source_date", "claim_id"]
    narrow = rows[[*keys, "period", "value_std"]].reset_index(drop=True)
    if mask is not None:
        narrow = narrow[mask]
    ordered = narrow.sort_values(keys, ascending=[True, False, False, True], kind="stable")
    dupes = int(
        ordered.duplicated(["site_id", "period"], keep=False)
        .groupby(ordered["site_id"], observed=True)
        .any()
        .sum()
    )
    latest = ordered.drop_duplicates("site_id", keep="first")
    latest = latest.sort_values(
        ["value_std", "site_id"], ascending=[ascending, True], kind="stable"
    )
    return rows.iloc[latest.index.to_numpy()], dupes


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
    mask = _mask(
        table,
        region=region,
        metric=metric,
        measure=measure,
        statuses=statuses,
        period=period if period != LATEST else None,
    )
    ascending = measure == "rank"
    rows, dupes = _latest_per_site(table, ascending, mask)
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
    if dupes:
        notes.append(("rankings.duplicates", {"n": dupes}))
    return Ranking(rows, notes, comparable)


# --- overview ----------------------------------------------------------------------------


def headlines(table: pd.DataFrame, regions: Sequence[str], limit: int = 6) -> pd.DataFrame:
    """Per metric, the latest actual level figure among ``regions``' sites; the metrics with
    the most figures first. Derived figures are never headlines."""
    rows = table[
        (~table["derived"])
        & (table["status"].astype(str) == "actual")
        & _in(table["region_id"], regions)
    ]
    rows = rows[rows["measure"].isin(LEVELS)] if "measure" in rows else rows
    if rows.empty:
        return rows
    counts = rows.groupby("metric_id", observed=True).size().rename("metric_claims")
    rank = {kind: i for i, kind in enumerate(SITE_KIND_ORDER)}
    rows = rows.assign(
        _kind_rank=[rank.get(str(k), len(rank)) for k in rows["site_kind"]],
        metric_claims=rows["metric_id"]
        .astype(str)
        .map({str(k): int(v) for k, v in counts.items()}),
    )
    rows = rows.sort_values(
        ["metric_id", "period_end", "_kind_rank", "source_date"],
        ascending=[True, False, True, False],
        kind="stable",
    )
    best = rows.drop_duplicates("metric_id", keep="first")
    best = best.sort_values(
        ["metric_claims", "period_end", "metric_id"], ascending=[False, False, True], kind="stable"
    )
    return best.drop(columns=["_kind_rank"]).head(limit)


@dataclass(frozen=True)
class RegionSummary:
    """What stands behind a region's figures."""

    region_id: str
    claims: int
    sites: int
    sources: int


def region_summary(table: pd.DataFrame, regions: Sequence[str], key: str) -> RegionSummary:
    """Counts of claims (not derived rows), sites and sources among ``regions``."""
    rows = table[_in(table["region_id"], regions) & ~table["derived"]]
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


# --- map ---------------------------------------------------------------------------------


def map_sites(
    dataset: Dataset,
    table: pd.DataFrame,
    metric: str | None,
    statuses: Sequence[str],
    sites: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every site with its coordinates, region and claim count; with ``metric``, the latest
    figure of that metric's main level measure (stock, flow, cumulative or share; the one with
    most figures) where the site has one (``value_std`` and the row data for labels).

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
        rows = select(table, metric=metric, measure=levels[0] if levels else "-", statuses=statuses)
        rows, _ = _latest_per_site(rows, ascending=False)  # merged by site: order aside
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


# --- articles ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """A quote in its article: the text before it, the quote, the text after (same paragraph,
    clipped), and the figure's span inside the quote."""

    before: str
    quote: str
    after: str
    figure: tuple[int, int] | None


def figure_span(quote: str, value: float, printed: str | None) -> tuple[int, int] | None:
    """Where the figure is printed inside ``quote`` (the core's rule: ``printed`` or the number)."""
    if isinstance(printed, str) and printed:
        start = quote.find(printed)
        return (start, start + len(printed)) if start >= 0 else None
    match = find_number(value, quote)
    return match.span() if match else None


def quote_context(
    text: str, quote: str, value: float, printed: str | None, reach: int = 160
) -> Context | None:
    """The paragraph around the first occurrence of ``quote`` in ``text``, or None."""
    start = text.find(quote)
    if start < 0:
        return None
    end = start + len(quote)
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    before = text[para_start:start]
    after = text[end:para_end]
    if len(before) > reach:
        before = "…" + before[-reach:]
    if len(after) > reach:
        after = after[:reach] + "…"
    return Context(before, quote, after, figure_span(quote, value, printed))


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching (start, end) spans merged, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def quote_spans(text: str, quotes: Iterable[str]) -> list[tuple[int, int]]:
    """Every occurrence of each quote in ``text``, merged."""
    spans = []
    for quote in set(quotes):
        if not quote:
            continue
        at = text.find(quote)
        while at >= 0:
            spans.append((at, at + len(quote)))
            at = text.find(quote, at + 1)
    return merge_spans(spans)


def split_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, highlighted) runs by ``spans``."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for start, end in spans:
        if start > pos:
            out.append((text[pos:start], False))
        out.append((text[start:end], True))
        pos = end
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def sources_frame(dataset: Dataset, table: pd.DataFrame) -> pd.DataFrame:
    """One row per article: id, publication, title, date, approximate flag, claim count."""
    counts = table[~table["derived"]].groupby("source_id", observed=True).size()
    count_of = {str(k): int(v) for k, v in counts.items()}
    rows = [
        {
            "source_id": sid,
            "publication": item.record.publication,
            "title": item.record.title,
            "date": item.record.date,
            "date_approximate": item.record.date_approximate,
            "claims": count_of.get(sid, 0),
        }
        for sid, item in dataset.sources.items()
    ]
    frame = pd.DataFrame(
        rows, columns=["source_id", "publication", "title", "date", "date_approximate", "claims"]
    )
    return frame.sort_values(["date", "source_id"], ascending=[False, True], kind="stable")


def known_statuses(values: Iterable[str]) -> tuple[str, ...]:
    """``values`` restricted to the known statuses, in their canonical order."""
    given = set(values)
    return tuple(s for s in STATUSES if s in given)
