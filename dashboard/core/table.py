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

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from .checks import period_of, registry_key
from .loader import Dataset, Located, paused_gc
from .models import Claim, FigureKind
from .periods import Period

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


_INDEX = {name: i for i, name in enumerate(COLUMNS)}


@lru_cache(maxsize=65536)
def _stamp(day: date | str) -> pd.Timestamp:
    return pd.Timestamp(day)  # shared: the same few thousand days recur across claims


@lru_cache(maxsize=16384)
def _prior_year(text: str) -> Period:
    return period_of(text).shifted_years(-1)


class _Parts:
    """The columns a claim takes from its site, metric, unit and source, each built once."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.sites: dict[str, tuple[Any, ...]] = {}
        self.metrics: dict[str, tuple[Any, ...]] = {}
        self.units: dict[str, tuple[Any, ...]] = {}
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


def _row(parts: _Parts, source_id: str, item: Located[Claim]) -> tuple[Any, ...]:
    """One claim's row, its values in :data:`COLUMNS` order."""
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
    ids, and is qualified ``about``: its inputs are rounded figures. ``rows`` maps claim ids to
    their rows (values in :data:`COLUMNS` order).
    """
    inputs = _growth_inputs(dataset, (item for _, item in dataset.claims), rows)
    return [row for item, level in inputs if (row := _derived_row(item, level)) is not None]


def _growth_inputs(
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


def _derived_row(item: Located[Claim], level: tuple[Any, ...]) -> tuple[Any, ...] | None:
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
        ("qualifier", "about"),
        ("period", period.text),
        ("period_precision", period.precision),
        ("period_start", _stamp(period.start)),
        ("period_end", _stamp(period.end)),
        ("quote", f"{level_quote}\n{claim.quote}" if claim.quote != level_quote else level_quote),
        ("note", f"Derived from {level_id} and its growth rate {claim.id}."),
        ("file", item.file),
        ("line", item.line),
    ):
        row[col[name]] = value
    return tuple(row)


# How each column is stored; any other column holds text (or None).
_NUMPY = {
    "derived": "bool",
    "comparable": "bool",
    "source_date_approximate": "bool",
    "lat": "float64",
    "lon": "float64",
    "value": "float64",
    "value_std": "float64",
    "line": "int64",
}
_DAYS = ("period_start", "period_end", "source_date")
_TEXT = pd.Series(["text"]).dtype  # what pandas makes of a column of str: str, or object
_TEXT_IS_OBJECT = bool(np.dtype("O") == _TEXT)  # pandas < 3 without the string dtype
# malloc, not Arrow's default pool: the pieces are many small buffers kept for long, for
# which mimalloc holds about a third more memory than it hands out.
_POOL = pa.system_memory_pool()


def _arrays(rows: list[tuple[Any, ...]]) -> list[Any]:
    """The columns of ``rows``: text as Arrow arrays, numbers, flags and days as numpy."""
    out: list[Any] = []
    for name, values in zip(COLUMNS, zip(*rows, strict=True), strict=True):
        if name in _NUMPY:
            out.append(np.array(values, dtype=_NUMPY[name]))
        elif name in _DAYS:
            out.append(np.array([_day64(stamp, stamp.unit) for stamp in values]))
        else:
            out.append(pa.array(values, type=pa.large_string(), memory_pool=_POOL))
    return out


@lru_cache(maxsize=65536)
def _day64(stamp: pd.Timestamp, unit: str) -> np.datetime64:
    # Keyed on the unit too: equal Timestamps of different units must not share a value.
    return stamp.to_datetime64()  # keeps the Timestamp's unit, as pandas does for a column


def _frame(pieces: list[list[Any]]) -> pd.DataFrame:
    """One frame from column pieces, with the dtypes pandas infers for the same rows.

    Text columns are one contiguous Arrow array each (filtering a column of many chunks is
    several times slower), so the pieces are copied once here.
    """
    columns: dict[str, Any] = {}
    for index, name in enumerate(COLUMNS):
        parts = [piece[index] for piece in pieces]
        if name in _NUMPY or name in _DAYS:
            columns[name] = np.concatenate(parts)
            continue
        all_null = sum(p.null_count for p in parts) == sum(len(p) for p in parts)
        if name in CATEGORICAL and not all_null and not _TEXT_IS_OBJECT:
            columns[name] = _categorical(parts)
            continue
        parts = [p.dictionary_decode() if isinstance(p, pa.DictionaryArray) else p for p in parts]
        if all_null or _TEXT_IS_OBJECT:
            values = [v for p in parts for v in p.to_pylist()]
            columns[name] = np.array(values, dtype=object)  # all None: object, as pandas infers
        else:
            whole = pa.concat_arrays(parts, memory_pool=_POOL) if len(parts) > 1 else parts[0]
            columns[name] = pd.array(whole, dtype=_TEXT)
    return pd.DataFrame(columns)


@dataclass(frozen=True)
class _Codes:
    """Rows of a categorical column as remembered: a view of the table's codes and its
    categories (one object for every piece cut from the same table)."""

    codes: np.ndarray
    categories: pd.Index

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def null_count(self) -> int:
        return int((self.codes < 0).sum())


def _categorical(parts: list[Any]) -> pd.Categorical:
    """One categorical column from pieces, as ``astype("category")`` of their text makes it
    (categories sorted). Remembered pieces keep their codes, joined in runs and mapped to
    the new categories; only newly built rows are encoded (decoding every remembered row
    and encoding it again was a fifth of a reload at 100,000 claims)."""
    words: dict[str, int] = {}
    runs: list[tuple[Any, list[np.ndarray]]] = []  # consecutive pieces of one dictionary
    for part in parts:
        if isinstance(part, _Codes):
            dictionary, codes = part.categories, part.codes
        else:
            encoded = part.dictionary_encode()
            dictionary = encoded.dictionary
            codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        if runs and runs[-1][0] is dictionary:
            runs[-1][1].append(codes)
        else:
            runs.append((dictionary, [codes]))
    chunks: list[np.ndarray] = []
    for dictionary, pieces in runs:
        values = dictionary.tolist() if isinstance(dictionary, pd.Index) else dictionary.to_pylist()
        mapping = np.array([words.setdefault(w, len(words)) for w in values], dtype=np.int64)
        codes = np.concatenate(pieces).astype(np.int64, copy=False)
        chunks.append(
            np.where(codes < 0, -1, mapping[np.maximum(codes, 0)]) if len(mapping) else codes
        )
    codes = np.concatenate(chunks) if chunks else np.array([], dtype=np.int64)
    order = sorted(words)
    if order:
        position = np.empty(len(order), dtype=np.int64)
        position[[words[w] for w in order]] = np.arange(len(order))
        codes = np.where(codes < 0, -1, position[np.maximum(codes, 0)])
    return pd.Categorical.from_codes(codes, categories=pd.Index(order, dtype=_TEXT))


def _share(slots: list[_Slot], frame: pd.DataFrame) -> None:
    """Remember each slot's rows as slices of ``frame``'s own columns: the data is held once,
    by the table, and a reload copies the pieces it reuses into its new table."""
    slicers = [_slicer(name, frame[name]) for name in COLUMNS]
    start = 0
    for slot in slots:
        if slot.memo is None:
            start += slot.size
            continue
        piece = None
        if slot.size:
            piece = [
                slicer(start, slot.size) if slicer is not None else part
                for slicer, part in zip(slicers, slot.columns(), strict=True)
            ]
        slot.memo[slot.name] = (slot.wanted, piece)
        start += slot.size


def _slicer(name: str, series: pd.Series) -> Callable[[int, int], Any] | None:
    """How to cut rows ``a:a+n`` of a frame column without copying, or None (keep the piece)."""
    if name in CATEGORICAL:
        codes, categories = series.array.codes, series.cat.categories
        if (codes < 0).any() or categories.dtype != _TEXT or _TEXT_IS_OBJECT:
            return None
        return lambda a, n: _Codes(codes[a : a + n], categories)
    if name in _NUMPY or name in _DAYS:
        values = series.to_numpy()
        return lambda a, n: values[a : a + n]
    array = getattr(series.array, "_pa_array", None)
    if array is None or array.num_chunks != 1 or array.type != pa.large_string():
        return None
    chunk = array.chunk(0)
    return lambda a, n: chunk.slice(a, n)


@dataclass
class _Slot:
    """The rows of one run (or the rows its growth rates derive): remembered or to build."""

    memo: dict[str, Any] | None  # the file's memo, where the rows are remembered
    name: str  # "columns" or "derived"
    wanted: object  # what the remembered rows must have been built from
    piece: list[Any] | None = None  # the remembered columns
    make: Callable[[], list[tuple[Any, ...]]] | None = None  # or how to build the rows
    built: list[Any] | None = None  # the columns of the built rows

    @property
    def size(self) -> int:
        columns = self.piece if self.piece is not None else self.built
        return len(columns[0]) if columns is not None else 0

    def columns(self) -> list[Any]:
        columns = self.piece if self.piece is not None else self.built
        assert columns is not None
        return columns


_BATCH = 8192  # rows built at a time: their tuples are short-lived, the columns stay


def _pieces(slots: list[_Slot]) -> list[list[Any]]:
    """Column pieces for the frame: remembered ones as they are, the missing ones built a
    batch of rows at a time (whole row tuples for 100,000 claims would cost ~70 MB at peak)."""
    pieces: list[list[Any]] = []
    pending: list[tuple[_Slot, list[tuple[Any, ...]]]] = []

    def flush() -> None:
        if pending:
            built = _arrays([row for _, rows in pending for row in rows])
            pieces.append(built)
            start = 0
            for slot, rows in pending:
                slot.built = [part[start : start + len(rows)] for part in built]
                start += len(rows)
            pending.clear()

    waiting = 0
    for slot in slots:
        if slot.piece is not None:
            flush()
            waiting = 0
            pieces.append(slot.piece)
            continue
        rows = slot.make() if slot.make is not None else []
        if rows:
            pending.append((slot, rows))
            waiting += len(rows)
            if waiting >= _BATCH:
                flush()
                waiting = 0
    flush()
    return pieces


@dataclass(frozen=True)
class _Run:
    """The valid claims of one file, consecutive in ``dataset.claims``."""

    file: str
    source_id: str
    items: list[Located[Claim]]
    paths: tuple[str, ...]  # each record's place in its file (claims[3]): stable across runs
    growth: list[Located[Claim]]  # the items that may imply a derived row
    ids: Mapping[str, Located[Claim]]
    growth_of: list[str | None]  # the level each of ``growth`` names


def _runs(dataset: Dataset) -> list[_Run]:
    """``dataset.claims`` as runs of whole files."""
    return _runs_from_checks(dataset) or [
        _Run(
            file,
            pairs[0][0],
            items := [item for _, item in pairs],
            tuple(item.path for item in items),
            items,
            {item.record.id: item for item in items},
            [item.record.growth_of for item in items],
        )
        for file, run in groupby(dataset.claims, key=lambda pair: pair[1].file)
        if (pairs := list(run))
    ]


def _runs_from_checks(dataset: Dataset) -> list[_Run] | None:
    """The runs as the checks left them on each file (no pass over every claim), or None when
    ``dataset.claims`` is not exactly those (duplicate ids, or a dataset built otherwise)."""
    claims, position, runs = dataset.claims, 0, []
    for f in dataset.files:
        if f.kind != "claims":
            continue
        memo = f.memo.get("claims")
        if memo is None:
            return None
        known = memo[1]
        count = len(known.valid)
        if not count or position >= len(claims) or claims[position][1].file != f.file:
            continue  # nothing of this file is served (an unknown source, or all invalid)
        chunk = claims[position : position + count]
        source_id = chunk[0][0]
        if (
            list(map(itemgetter(1), chunk)) != known.valid
            or chunk[-1][0] != source_id
            or source_id != Path(f.file).stem
        ):
            return None
        runs.append(
            _Run(
                f.file,
                source_id,
                known.valid,
                known.paths,
                known.growth,
                known.valid_ids,
                known.growth_of,
            )
        )
        position += count
    return runs if position == len(claims) else None


class _Rows(Mapping[str, tuple[Any, ...]]):
    """The rows of the valid claims by id, each built when first asked for and remembered on
    its file's result while the registries stay the same."""

    def __init__(self, dataset: Dataset, key: object, runs: list[_Run]) -> None:
        self.parts = _Parts(dataset)
        self.key = key
        self.memos = {f.file: f.memo for f in dataset.files if f.kind == "claims"}
        self.sources = {run.file: run.source_id for run in runs}
        self.by_id: dict[str, Located[Claim]] = {}
        for run in runs:
            self.by_id.update(run.ids)

    def __getitem__(self, claim_id: str) -> tuple[Any, ...]:
        item = self.by_id[claim_id]
        return self.row(self.sources[item.file], item)

    def row(self, source_id: str, item: Located[Claim]) -> tuple[Any, ...]:
        memo = self.memos.get(item.file)
        if memo is None:
            return _row(self.parts, source_id, item)
        known = memo.get("rows")
        if known is None or known[0] != self.key:
            known = memo["rows"] = (self.key, {})
        built: dict[str, tuple[Any, ...]] = known[1]
        row = built.get(item.path)  # the path (claims[3]) names a record within its file
        if row is None:
            row = built[item.path] = _row(self.parts, source_id, item)
        return row

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self.by_id

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_id)

    def __len__(self) -> int:
        return len(self.by_id)


def tidy_table(dataset: Dataset) -> pd.DataFrame:
    """One row per valid claim plus derived rows, with every attribute joined in.

    Built column by column from pieces of each claim file, each kept on the file's result
    while neither the file nor the registries change: a reload after one edit builds one file's
    rows.
    """
    with paused_gc():
        key = registry_key(dataset.files)
        runs = _runs(dataset)
        slots: list[_Slot] = []
        rows = _Rows(dataset, key, runs)
        if len(rows) != len(dataset.claims):  # repeated ids: keep the first place, last row
            first = {item.record.id: (source_id, item) for source_id, item in dataset.claims}
            all_rows = [rows.row(*pair) for pair in first.values()]
            pieces = [_arrays(all_rows)] if all_rows else []
            derived = derived_rows(dataset, {cid: rows.row(*pair) for cid, pair in first.items()})
            if derived:
                pieces.append(_arrays(derived))
        else:
            slots = [_claim_slot(run, rows) for run in runs]
            slots.extend(slot for run in runs if (slot := _derived_slot(dataset, run, rows)))
            pieces = _pieces(slots)
        frame = _frame(pieces) if pieces else pd.DataFrame([], columns=COLUMNS)
        for column in CATEGORICAL:
            frame[column] = frame[column].astype("category")
        for column in ("value", "value_std", "lat", "lon"):
            frame[column] = frame[column].astype("float64")
        frame["line"] = frame["line"].astype("int64")
        for column in ("derived", "comparable", "source_date_approximate"):
            frame[column] = frame[column].astype("bool")
        if slots:
            _share(slots, frame)
    return frame


def _claim_slot(run: _Run, rows: _Rows) -> _Slot:
    """The run's rows: remembered on its file while nothing they are built from changes."""
    memo = rows.memos.get(run.file)
    wanted = (rows.key, run.paths)
    known = memo.get("columns") if memo is not None else None
    if known is not None and known[0] == wanted and known[1] is not None:
        return _Slot(memo, "columns", wanted, piece=known[1])
    return _Slot(
        memo,
        "columns",
        wanted,
        make=lambda: [_row(rows.parts, run.source_id, item) for item in run.items],
    )


def _derived_slot(dataset: Dataset, run: _Run, rows: _Rows) -> _Slot | None:
    """The rows the run's growth rates derive, remembered likewise."""
    if not run.growth:
        return None
    memo = rows.memos.get(run.file)
    # Built from the registries and the level claim each growth rate names (None when it is
    # not served): an edit to a level's file gives a new claim there, and the rows are rebuilt.
    wanted = (rows.key, tuple(rows.by_id.get(level or "") for level in run.growth_of))
    known = memo.get("derived") if memo is not None else None
    if known is not None and known[0] == wanted:
        return _Slot(memo, "derived", wanted, piece=known[1]) if known[1] else None
    inputs = _growth_inputs(dataset, run.growth, rows)
    return _Slot(
        memo,
        "derived",
        wanted,
        make=lambda: [r for item, level in inputs if (r := _derived_row(item, level)) is not None],
    )
