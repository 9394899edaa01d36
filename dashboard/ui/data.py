"""The one place the app caches data: a core DataStore per data folder, shared by sessions.

Every run calls ``refresh()``, which stats each file and re-reads only what changed, so an edit
to the YAML shows on the next rerun; a file that breaks is served from its last good version
(and listed), as data/README.md promises maintainers. The table with its ``measure`` column is
built once per published snapshot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard.core.coverage import SourceCoverage, coverage
from dashboard.core.dataset import Dataset, default_data_dir
from dashboard.core.live import DataStore
from dashboard.core.memory import release_free_memory
from dashboard.core.problems import Problem
from dashboard.core.rows import COLUMNS
from dashboard.core.snapshot import FileState
from dashboard.present.rows import select, unit_names, with_measure

T = TypeVar("T")

# Arrow's default pool (mimalloc) keeps what a table's copy frees; the system allocator gives
# it back (the core trims it after each build), about 25 MB at 100,000 claims.
pa.set_memory_pool(pa.system_memory_pool())


@dataclass(frozen=True)
class Loaded:
    """What pages read: the dataset, its tidy table (with ``measure``, each metric's rows
    together: ``metric_spans``), the problems of the files on disk, the files served from
    their last good version, and any table error."""

    dataset: Dataset
    table: pd.DataFrame
    units: dict[str, dict[str, str]]
    problems: tuple[Problem, ...] = ()
    degraded: tuple[FileState, ...] = ()
    error: str | None = None
    version: int = 0
    files: tuple[FileState, ...] = ()
    created_at: float | None = None
    digest: str = ""  # the content-derived version, the same in every process
    _memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    metric_spans: dict[str | tuple[str, str], tuple[int, int]] = field(
        default_factory=dict, repr=False
    )

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """``make()`` computed once per snapshot and shared by every session: summaries of the
        whole table (counts, defaults) that would otherwise be recomputed on each rerun."""
        if key not in self._memo:
            self._memo[key] = make()  # two sessions may both compute it; the results are equal
        return self._memo[key]

    def rows_of(self, metric: str | None, measure: str | None) -> pd.DataFrame:
        """The rows of one metric and measure. The table is sorted by metric, then measure,
        so they are a slice of it, not a copy: taking them out row by row was most of a
        page's rerun at 100,000 claims."""
        if not metric:
            return select(self.table, measure=measure)
        start, stop = self.metric_spans.get((metric, measure) if measure else metric, (0, 0))
        return self.table.iloc[start:stop]


def _grouped_by_metric(
    table: pd.DataFrame,
) -> tuple[pd.DataFrame, dict[str | tuple[str, str], tuple[int, int]]]:
    """The table with each metric's rows together, by measure within it (file order kept
    within each), and the ``(start, stop)`` positions of each metric and (metric, measure)."""
    if table.empty:
        return table, {}
    ordered = table.sort_values(["metric_id", "measure"], kind="stable")
    spans: dict[str | tuple[str, str], tuple[int, int]] = {}
    for by in ("metric_id", ["metric_id", "measure"]):
        groups = ordered.groupby(by, observed=True, sort=False).indices
        for key, found in groups.items():
            name = str(key) if isinstance(by, str) else (str(key[0]), str(key[1]))
            spans[name] = (int(found[0]), int(found[-1]) + 1)
    return ordered, spans


@st.cache_resource(show_spinner=False)
def _store(data_dir: str) -> DataStore:
    return DataStore(Path(data_dir))


@st.cache_resource(show_spinner=False, max_entries=4)
def _prepared(data_dir: str, version: int) -> Loaded:
    """The snapshot ``version`` of ``data_dir`` made ready for the pages (shared, read-only)."""
    snapshot = _store(data_dir).snapshot
    try:
        table = with_measure(snapshot.table)
        error = None
    except Exception as err:  # the core should not raise on data; if it does, show the rest
        table = with_measure(pd.DataFrame(columns=COLUMNS))
        error = f"{type(err).__name__}: {err}"
    table, spans = _grouped_by_metric(table)
    release_free_memory()  # what the sorted copy's making freed
    return Loaded(
        snapshot.dataset,
        table,
        unit_names(table),
        snapshot.problems,
        tuple(snapshot.degraded),
        error,
        snapshot.version,
        snapshot.files,
        snapshot.created_at,
        snapshot.digest,
        metric_spans=spans,
    )


def coverage_reports(version: int) -> list[SourceCoverage]:
    """The coverage report of snapshot ``version`` of the data folder served now."""
    return _coverage_reports(str(default_data_dir().resolve()), version)


@st.cache_resource(show_spinner=False, max_entries=2)
def _coverage_reports(data_dir: str, version: int) -> list[SourceCoverage]:
    """Computed once per folder and version: a version number alone names no folder."""
    return coverage(_store(data_dir).snapshot.dataset)


def current_version() -> int:
    """The version of the data on disk now: a cheap check (a stat per file)."""
    return _store(str(default_data_dir().resolve())).refresh().version


def load() -> Loaded:
    """The current data, refreshed from disk."""
    data_dir = str(default_data_dir().resolve())
    snapshot = _store(data_dir).refresh()
    return _prepared(data_dir, snapshot.version)
