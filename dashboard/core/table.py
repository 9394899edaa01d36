"""The tidy table: one row per claim (and per derived figure), everything joined in.

Columns: :data:`dashboard.core.rows.COLUMNS` (also the export's; documented in README.md under
"The tidy table"). A row is built by :mod:`dashboard.core.rows`, rows become columns in
:mod:`dashboard.core.columns`; this module puts the table together from pieces of each claim
file, each kept on the file's :class:`~dashboard.core.dataset.Reuse` while neither the file
nor the registries change, so a reload after one edit builds one file's rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .checks import registry_key
from .columns import slicer, to_arrays, to_frame
from .dataset import Dataset, Located, Reuse
from .memory import paused_gc
from .models import Claim
from .rows import (
    CATEGORICAL,
    ROW_COLUMNS,
    RowParts,
    claim_row,
    derived_row,
    derived_rows,
    growth_inputs,
)


def _share(slots: list[_Slot], frame: pd.DataFrame) -> None:
    """Remember each slot's rows as slices of ``frame``'s own columns: the data is held once,
    by the table, and a reload copies the pieces it reuses into its new table."""
    slicers = [slicer(name, frame[name]) for name in ROW_COLUMNS]
    start = 0
    for slot in slots:
        if slot.reuse is None:
            start += slot.size
            continue
        piece = None
        if slot.size:
            piece = [
                slicer(start, slot.size) if slicer is not None else part
                for slicer, part in zip(slicers, slot.columns(), strict=True)
            ]
        setattr(slot.reuse, slot.name, (slot.wanted, piece))
        start += slot.size


@dataclass
class _Slot:
    """The rows of one run (or the rows its growth rates derive): remembered or to build."""

    reuse: Reuse | None  # the file's, where the rows are remembered
    name: str  # the field of Reuse: "columns" or "derived"
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
            built = to_arrays([row for _, rows in pending for row in rows])
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
        checked = f.reuse.checked
        if checked is None:
            return None
        known = checked[1]
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
        self.parts = RowParts(dataset)
        self.key = key
        self.reuses = {f.file: f.reuse for f in dataset.files if f.kind == "claims"}
        self.sources = {run.file: run.source_id for run in runs}
        self.by_id: dict[str, Located[Claim]] = {}
        for run in runs:
            self.by_id.update(run.ids)

    def __getitem__(self, claim_id: str) -> tuple[Any, ...]:
        item = self.by_id[claim_id]
        return self.row(self.sources[item.file], item)

    def row(self, source_id: str, item: Located[Claim]) -> tuple[Any, ...]:
        reuse = self.reuses.get(item.file)
        if reuse is None:
            return claim_row(self.parts, source_id, item)
        known = reuse.rows
        if known is None or known[0] != self.key:
            known = reuse.rows = (self.key, {})
        built: dict[str, tuple[Any, ...]] = known[1]
        row = built.get(item.path)  # the path (claims[3]) names a record within its file
        if row is None:
            row = built[item.path] = claim_row(self.parts, source_id, item)
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
            pieces = [to_arrays(all_rows)] if all_rows else []
            derived = derived_rows(dataset, {cid: rows.row(*pair) for cid, pair in first.items()})
            if derived:
                pieces.append(to_arrays(derived))
        else:
            slots = [_claim_slot(run, rows) for run in runs]
            slots.extend(slot for run in runs if (slot := _derived_slot(dataset, run, rows)))
            pieces = _pieces(slots)
        frame = to_frame(pieces) if pieces else pd.DataFrame([], columns=ROW_COLUMNS)
        frame["reported_by"] = reported_by(frame)
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
    reuse = rows.reuses.get(run.file)
    wanted = (rows.key, run.paths)
    known = reuse.columns if reuse is not None else None
    if known is not None and known[0] == wanted and known[1] is not None:
        return _Slot(reuse, "columns", wanted, piece=known[1])
    return _Slot(
        reuse,
        "columns",
        wanted,
        make=lambda: [claim_row(rows.parts, run.source_id, item) for item in run.items],
    )


def _derived_slot(dataset: Dataset, run: _Run, rows: _Rows) -> _Slot | None:
    """The rows the run's growth rates derive, remembered likewise."""
    if not run.growth:
        return None
    reuse = rows.reuses.get(run.file)
    # Built from the registries and the level claim each growth rate names (None when it is
    # not served): an edit to a level's file gives a new claim there, and the rows are rebuilt.
    wanted = (rows.key, tuple(rows.by_id.get(level or "") for level in run.growth_of))
    known = reuse.derived if reuse is not None else None
    if known is not None and known[0] == wanted:
        return _Slot(reuse, "derived", wanted, piece=known[1]) if known[1] else None
    inputs = growth_inputs(dataset, run.growth, rows)
    return _Slot(
        reuse,
        "derived",
        wanted,
        make=lambda: [r for item, level in inputs if (r := derived_row(item, level)) is not None],
    )


def reported_by(frame: pd.DataFrame) -> np.ndarray:
    """For each row, how many claims report its fact (itself and those ``same_as`` links
    join to it); 1 for a derived row."""
    out = np.ones(len(frame), dtype="int64")
    same_as = frame["same_as"]
    linked = same_as.notna().to_numpy()
    if not linked.any():
        return out  # the usual case, and a pass over every row at 100,000 claims
    later = same_as[linked].astype(str).value_counts()  # first report -> later reports
    first = frame["claim_id"].isin(later.index).to_numpy()
    out[first] += later.reindex(frame["claim_id"][first].astype(str)).to_numpy()
    out[linked] += later.reindex(same_as[linked].astype(str)).to_numpy()
    out[frame["derived"].to_numpy(dtype=bool)] = 1
    return out
