"""Live data for a running dashboard: reload what changed, keep the last good state.

A :class:`DataStore` owns one data folder. ``refresh()`` looks at every file (a ``stat`` each;
unchanged files are not read, files with known content are not parsed again), and publishes
an immutable :class:`Snapshot` that all sessions share:

- the *problems* are exactly what ``python -m dashboard validate`` reports for the files as
  they are on disk;
- the *data* is the same, except that a file that is broken, half-written, suddenly much
  shorter, unreadable or gone is served from its last good version, and its
  :class:`FileState` says so, since when, and why.

One refresh runs at a time (a lock); a snapshot is never changed after it is published, so no
session sees a mix of old and new.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .checks import check_dataset
from .loader import Dataset, FileResult, discover, display_name, parse_file, read_file
from .problems import Problem
from .table import tidy_table

SETTLE_SECONDS = 0.4  # a file younger than this may still be being written
SUSPECT_SHRINK = 0.5  # losing more than half of a file's records at once is suspect ...
SUSPECT_MIN_RECORDS = 4  # ... for files that had at least this many
SUSPECT_HOLD_SECONDS = 3.0  # ... until the shorter file has stayed so this long
_WAITING = ("being written", "much shorter")


@dataclass(frozen=True)
class FileState:
    """What the dashboard serves for one file and why."""

    file: str
    status: str  # ok | broken (no good version yet) | last-good | pending | missing
    checked_at: float  # when the file was last looked at
    loaded_at: float | None  # when the served version was read
    since: float | None = None  # when the file started to differ from what is served
    reason: str | None = None  # why the last good version is served
    problems: tuple[Problem, ...] = ()

    @property
    def serving_last_good(self) -> bool:
        return self.status in ("last-good", "pending", "missing")


@dataclass(frozen=True)
class Snapshot:
    """One consistent state of the data: never modified once published."""

    version: int
    dataset: Dataset
    problems: tuple[Problem, ...]  # what the CLI reports for the files on disk
    files: tuple[FileState, ...]
    created_at: float
    _table: list[pd.DataFrame] = field(default_factory=list, repr=False, compare=False)

    @property
    def table(self) -> pd.DataFrame:
        """The tidy table of the served data (built once per snapshot)."""
        if not self._table:
            self._table.append(tidy_table(self.dataset))
        return self._table[0]

    @property
    def degraded(self) -> list[FileState]:
        """Files served from their last good version."""
        return [f for f in self.files if f.serving_last_good]


@dataclass
class _Tracked:
    """What the store remembers of one file between refreshes."""

    stat: tuple[int, int] | None = None  # (mtime_ns, size) of the current version
    current: FileResult | None = None
    good: FileResult | None = None  # the last version that checked clean
    good_at: float | None = None
    differs_since: float | None = None
    checked_at: float = 0.0


class DataStore:
    """The data folder of a running dashboard, reloaded incrementally."""

    def __init__(self, data_dir: Path, clock: Callable[[], float] = time.time) -> None:
        self.data_dir = data_dir.absolute()
        self._clock = clock
        self._lock = threading.Lock()
        self._tracked: dict[str, _Tracked] = {}
        self._parsed: dict[tuple[str, str], FileResult] = {}  # (kind, sha256) -> result
        self._snapshot: Snapshot | None = None
        self._fingerprint: tuple[object, ...] | None = None

    @property
    def snapshot(self) -> Snapshot:
        """The latest published snapshot (refreshing once if there is none yet)."""
        return self._snapshot or self.refresh()

    def refresh(self) -> Snapshot:
        """Look at the files; publish a new snapshot if anything changed."""
        with self._lock:
            now = self._clock()
            entries = discover(self.data_dir) if self.data_dir.is_dir() else []
            stats = {path: _stat(path) for path, _ in entries}
            fingerprint = tuple(sorted((str(p), s) for p, s in stats.items()))
            waiting = any(t.differs_since is not None for t in self._tracked.values())
            if self._snapshot is not None and fingerprint == self._fingerprint and not waiting:
                return self._snapshot
            self._fingerprint = fingerprint
            self._snapshot = self._build(entries, stats, now)
            return self._snapshot

    def _read(self, path: Path, kind: str, stat: tuple[int, int] | None) -> FileResult:
        display = display_name(path, self.data_dir)
        tracked = self._tracked.get(display)
        if tracked is not None and tracked.current is not None and tracked.stat == stat:
            return tracked.current
        try:
            real = path.resolve()
            if not real.is_relative_to(self.data_dir.resolve()) or not real.is_file():
                raise OSError("a link leading outside the data folder, or not a file")
            raw = path.read_bytes()
        except OSError:
            return read_file(path, self.data_dir, kind)  # reports the problem its own way
        key = (kind, hashlib.sha256(raw).hexdigest())
        if key not in self._parsed:
            self._parsed[key] = parse_file(path, display, kind, raw)
        result = self._parsed[key]
        return result

    def _build(
        self, entries: list[tuple[Path, str]], stats: dict[Path, tuple[int, int] | None], now: float
    ) -> Snapshot:
        current: dict[str, FileResult] = {}
        for path, kind in entries:
            result = self._read(path, kind, stats[path])
            current[result.file] = result
            tracked = self._tracked.setdefault(result.file, _Tracked())
            tracked.stat, tracked.current, tracked.checked_at = stats[path], result, now
        # What the CLI sees: the files as they are on disk.
        truth = check_dataset(self.data_dir, list(current.values()))
        if not self.data_dir.is_dir():
            truth.problems.append(
                Problem(
                    self.data_dir.as_posix(),
                    0,
                    0,
                    "missing-folder",
                    "the data folder does not exist",
                )
            )
        by_file: dict[str, list[Problem]] = {}
        for problem in truth.problems:
            by_file.setdefault(problem.file, []).append(problem)

        served: dict[str, FileResult] = {}
        states: dict[str, FileState] = {}
        for name, result in current.items():
            tracked = self._tracked[name]
            problems = tuple(by_file.get(name, []))
            reason = self._reason_to_hold(tracked, result, list(problems), now)
            if reason is None:
                tracked.good, tracked.good_at, tracked.differs_since = result, now, None
                served[name] = result
                states[name] = FileState(name, "ok", now, tracked.good_at, problems=problems)
            elif tracked.good is None:  # nothing better to show: serve what loads, as the CLI
                served[name] = result
                states[name] = FileState(name, "broken", now, now, now, reason, problems)
            else:
                if tracked.differs_since is None:
                    tracked.differs_since = now
                served[name] = tracked.good
                status = "pending" if reason.startswith(_WAITING) else "last-good"
                states[name] = FileState(
                    name, status, now, tracked.good_at, tracked.differs_since, reason, problems
                )
        for name, tracked in self._tracked.items():  # files that went away
            if name in current or tracked.good is None:
                continue
            if tracked.differs_since is None:
                tracked.differs_since = now
            served[name] = tracked.good
            states[name] = FileState(
                name,
                "missing",
                now,
                tracked.good_at,
                tracked.differs_since,
                "the file is gone; its last good version is shown",
            )
        same = all(served[name] is current.get(name) for name in served)
        dataset = truth if same else check_dataset(self.data_dir, list(served.values()))
        version = (self._snapshot.version + 1) if self._snapshot else 1
        return Snapshot(
            version,
            dataset,
            tuple(truth.problems),
            tuple(states[name] for name in sorted(states)),
            now,
        )

    def _reason_to_hold(
        self, tracked: _Tracked, result: FileResult, problems: list[Problem], now: float
    ) -> str | None:
        """Why not to serve ``result`` yet, or None to serve it."""
        if tracked.good is not None and result.sha256 == tracked.good.sha256:
            # Unchanged content: problems now can only come from other files.
            return None
        if tracked.stat is not None and now - tracked.stat[0] / 1e9 < SETTLE_SECONDS:
            return "being written: waiting for the file to settle"
        if problems:
            first = problems[0]
            return f"{len(problems)} problem(s), first at line {first.line}: [{first.code}]"
        good = tracked.good
        if good is not None:
            before = sum(len(v) for v in good.records.values())
            after = sum(len(v) for v in result.records.values())
            held = tracked.differs_since is not None and now - tracked.differs_since >= (
                SUSPECT_HOLD_SECONDS
            )
            if before >= SUSPECT_MIN_RECORDS and after < before * SUSPECT_SHRINK and not held:
                return (
                    f"much shorter than before ({after} records, was {before}): "
                    "waiting to see it is meant"
                )
        return None


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)
