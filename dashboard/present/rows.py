"""The tidy table's rows as every page picks them: the measure of a figure, filters, free-text
search, reading order, each site's latest figure, and rows handed on as plain mappings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .view import MEASURES, STATUSES

# A measure is what one figure of a metric says: its kind, and for growth also its unit (a
# rate in %, a change in percentage points, a multiple, or an absolute increase). Figures of
# one metric and measure share a standard unit and a definition, so they may be compared.
LEVELS = ("stock", "flow", "cumulative", "share")
GROWTH_BY_UNIT = {"percent": "growth", "percentage_point": "growth_pp", "ratio": "growth_ratio"}


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
    """Metrics that have figures, most figures first (then by id); a fact several articles
    report counts once, as the charts draw it."""
    if table.empty:
        return []
    counts = table[table["same_as"].isna()].groupby("metric_id", observed=True).size()
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
    "variant",
    "variant_name_zh",
    "variant_name_en",
    "scope",
    "scope_name_zh",
    "scope_name_en",
    "same_as",
    "reported_by",
)
# What the claims tables show after the figure: where it comes from.
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


def row_dicts(rows: pd.DataFrame, fields: Sequence[str] | None = None) -> list[dict[str, Any]]:
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
            # A trailing NaN stands for code -1 (missing), also when there are no categories.
            categories = np.append(np.asarray(series.cat.categories, dtype=object), np.nan)
            picked = categories[codes]
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


def variants_in(rows: pd.DataFrame) -> list[str]:
    """The variants ``rows`` have figures for, most figures first (ties by id); ``""`` stands
    for the figures that name none."""
    if rows.empty:
        return []
    counts = rows["variant"].astype(object).fillna("").value_counts()
    return sorted((str(v) for v in counts.index), key=lambda v: (-int(counts[v]), v))


def of_variant(rows: pd.DataFrame, variant: str | None) -> pd.DataFrame:
    """The rows of one variant (None: those that name none): figures of different variants
    are never ranked or joined."""
    column = rows["variant"]
    keep = column.isna() if variant is None else (column == variant).fillna(False)
    return rows if bool(keep.all()) else rows[keep.to_numpy(dtype=bool)]


def is_in(column: pd.Series, values: Iterable[str]) -> pd.Series:
    """Which rows of ``column`` hold one of ``values``."""
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
    one_per_fact: bool = False,
) -> pd.DataFrame:
    """Rows matching every filter given; an empty or None filter matches everything.
    ``one_per_fact``: leave out the later reports of a fact (``same_as``), as charts do.

    The filters make one mask over their own columns and the rows are taken out once: each
    take copies every column, which at 100,000 claims was a page's rerun.
    """
    mask = select_mask(
        table,
        region=region,
        sites=sites,
        metric=metric,
        measure=measure,
        statuses=statuses,
        source=source,
        one_per_fact=one_per_fact,
    )
    if mask is None or mask.all():
        return table
    return table[mask]


def select_mask(
    table: pd.DataFrame,
    *,
    region: str | None = None,
    sites: Sequence[str] = (),
    metric: str | None = None,
    measure: str | None = None,
    statuses: Sequence[str] = (),
    source: str | None = None,
    period: str | None = None,
    one_per_fact: bool = False,
) -> np.ndarray | None:
    """The rows :func:`select` keeps, as a boolean array (None: all of them)."""
    mask: np.ndarray | None = None
    if one_per_fact:
        mask = table["same_as"].isna().to_numpy()
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
            hit = is_in(table[column], wanted).to_numpy()
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
    mask = search_mask(table, text)
    return table if mask is None else table[mask]


def search_mask(table: pd.DataFrame, text: str) -> np.ndarray | None:
    """The rows :func:`search` keeps, as a boolean array (None: all of them)."""
    words = [w.casefold() for w in text.split() if w.strip()]
    if not words or table.empty:
        return None
    columns = [table[c].astype(object).where(table[c].notna(), "").astype(str) for c in SEARCHED]
    joined = columns[0].str.casefold()
    for column in columns[1:]:
        joined = joined + "\n" + column.str.casefold()
    mask = np.ones(len(table), dtype=bool)
    for word in words:
        mask &= joined.str.contains(word, regex=False).to_numpy(dtype=bool)
    return mask


TABLE_ROWS = 1_000  # rows a page's table shows; the CSV download holds every matching row
CLAIM_ORDER = ["region_id", "site_id", "metric_id", "period_end", "claim_id"]  # reading order


def sort_claims(table: pd.DataFrame) -> pd.DataFrame:
    """Claims in reading order: region, site, metric, period end, claim id."""
    if table.empty:
        return table
    return table.sort_values(CLAIM_ORDER, kind="stable")


def claims_order(table: pd.DataFrame) -> np.ndarray:
    """The positions of ``table``'s rows in :func:`sort_claims`' reading order: worked out
    once per table, so a page takes its filtered rows in order instead of sorting them."""
    keys = table[CLAIM_ORDER].reset_index(drop=True)
    return keys.sort_values(CLAIM_ORDER, kind="stable").index.to_numpy()


@dataclass(frozen=True)
class Matching:
    """The rows of ``table`` at ``positions`` (in reading order), taken out only as needed:
    a page shows the first thousand of 100,000 and counts the rest."""

    table: pd.DataFrame
    positions: np.ndarray

    def __len__(self) -> int:
        return len(self.positions)

    @property
    def derived(self) -> int:
        """How many of them are derived figures."""
        return int(self.table["derived"].to_numpy()[self.positions].sum())

    def head(self, n: int) -> pd.DataFrame:
        return self.table.take(self.positions[:n]).reset_index(drop=True)

    def frame(self) -> pd.DataFrame:
        return self.table.take(self.positions).reset_index(drop=True)


def matching_claims(
    table: pd.DataFrame, order: np.ndarray, mask: np.ndarray | None, text: str = ""
) -> Matching:
    """The rows of ``mask`` (None: all) that match the search ``text``, in the reading order
    ``order`` (from :func:`claims_order` of the same ``table``)."""
    positions = order if mask is None else order[mask[order]]
    found = search_mask(table.take(positions), text) if text.split() else None
    return Matching(table, positions if found is None else positions[found])


def latest_per_site(
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


def scope_sites(rows: pd.DataFrame) -> dict[str, list[str]]:
    """Scope site id -> the sites whose figures among ``rows`` name it as their scope (天开园's
    一核两翼 -> the park's series site): what a link naming the scope is shown instead."""
    scoped = rows.loc[rows["scope"].notna().to_numpy(dtype=bool), ["scope", "site_id"]]
    out: dict[str, list[str]] = {}
    for scope, site in scoped.astype(str).drop_duplicates().itertuples(index=False):
        out.setdefault(scope, []).append(site)
    return out


def known_statuses(values: Iterable[str]) -> tuple[str, ...]:
    """``values`` restricted to the known statuses, in their canonical order."""
    given = set(values)
    return tuple(s for s in STATUSES if s in given)
