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

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from .cache import ParseCache
from .checks import check_dataset
from .dataset import (
    FileResult,
    ResultCache,
    discover,
    display_name,
    missing_folder,
)
from .loader import read_files
from .memory import paused_gc, release_free_memory
from .problems import Problem
from .snapshot import FileState, FileStatus, Hold, Snapshot
from .warm import restore_snapshot, save_snapshot

_TABLE_LOCK = threading.Lock()
SETTLE_SECONDS = 0.4  # a file younger than this may still be being written
SUSPECT_SHRINK = 0.5  # losing more than half of a file's records at once is suspect ...
SUSPECT_MIN_RECORDS = 4  # ... for files that had at least this many
SUSPECT_HOLD_SECONDS = 3.0  # ... until the shorter file has stayed so this long


@dataclass
class _Tracked:
    """What the store remembers of one file between refreshes."""

    stat: tuple[int, int] | None = None  # (mtime_ns, size) of the current version
    current: FileResult | None = None
    good: FileResult | None = None  # the last version that checked clean
    good_at: float | None = None
    differs_since: float | None = None
    checked_at: float = 0.0
    timed: bool = False  # held back until time passes (still being written, much shorter)


class _Known:
    """Parsed versions kept in memory (only those some file serves or shows), over the
    cache on disk: the live store's cache for :func:`~dashboard.core.loader.read_files`."""

    def __init__(self, disk: ResultCache | None) -> None:
        self.disk = disk
        self.parsed: dict[tuple[str, str, str], FileResult] = {}  # (kind, file, sha256)

    def get(self, kind: str, display: str, sha256: str) -> FileResult | None:
        found = self.parsed.get((kind, display, sha256))
        if found is None and self.disk is not None:
            found = self.disk.get(kind, display, sha256)
            if found is not None:
                self.parsed[(kind, display, sha256)] = found
        return found

    def put(self, result: FileResult) -> None:
        self.parsed[(result.kind, result.file, result.sha256)] = result
        if self.disk is not None:
            self.disk.put(result)


class DataStore:
    """The data folder of a running dashboard, reloaded incrementally."""

    def __init__(
        self,
        data_dir: Path,
        clock: Callable[[], float] = time.time,
        *,
        cache: ResultCache | str | None = "env",
        workers: int | None = None,
    ) -> None:
        """``cache``: parsed files kept on disk between runs (a
        :class:`~dashboard.core.cache.ParseCache`; the default takes ``$DASHBOARD_CACHE_DIR``,
        None keeps nothing). ``workers``: processes for parsing many files at once (default:
        one per core when the files are large)."""
        self.data_dir = data_dir.absolute()
        self._clock = clock
        self._lock = threading.Lock()
        self._tracked: dict[str, _Tracked] = {}
        self._snapshot: Snapshot | None = None
        self._fingerprint: tuple[object, ...] | None = None
        if cache == "env":
            cache = ParseCache.from_env()
        self._cache: ResultCache | None = cache if not isinstance(cache, str) else None
        self._known = _Known(self._cache)
        self._workers = workers

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
            # Only a hold that ends with time (a file settling) needs a look without a change.
            waiting = any(t.timed for t in self._tracked.values())
            if self._snapshot is not None and fingerprint == self._fingerprint and not waiting:
                return self._snapshot
            self._fingerprint = fingerprint
            with paused_gc():
                first = self._snapshot is None
                warm = self._warm(entries, stats, now) if first else None
                built = warm or self._build(entries, stats, now)
                if self._snapshot is None or _signature(built) != _signature(self._snapshot):
                    self._snapshot = built  # else: nothing a reader sees changed; keep version
                self._forget_unused()
                if first and warm is None and isinstance(self._cache, ParseCache):
                    save_snapshot(self._cache, self.data_dir, self._snapshot)
            release_free_memory()
            return self._snapshot

    def _warm(
        self, entries: list[tuple[Path, str]], stats: dict[Path, tuple[int, int] | None], now: float
    ) -> Snapshot | None:
        """The snapshot an earlier run saved for these files, with each file tracked."""
        if not isinstance(self._cache, ParseCache):
            return None
        found = restore_snapshot(self._cache, self.data_dir, entries, now)
        if found is None:
            return None
        snapshot, files = found
        for (path, _), result in zip(entries, files, strict=True):
            self._known.parsed[(result.kind, result.file, result.sha256)] = result
            tracked = self._tracked.setdefault(result.file, _Tracked())
            tracked.stat, tracked.current, tracked.checked_at = stats[path], result, now
            tracked.good, tracked.good_at = result, now
        return snapshot

    def _read_all(
        self, entries: list[tuple[Path, str]], stats: dict[Path, tuple[int, int] | None]
    ) -> list[FileResult]:
        """The current result of each file: unchanged files as they were, known contents from
        memory or the cache, the rest parsed (see :func:`~dashboard.core.loader.read_files`)."""
        unchanged: dict[Path, FileResult] = {}
        for path, _ in entries:
            tracked = self._tracked.get(display_name(path, self.data_dir))
            if tracked is not None and tracked.current is not None and tracked.stat == stats[path]:
                unchanged[path] = tracked.current
        return read_files(
            entries, self.data_dir, workers=self._workers, cache=self._known, unchanged=unchanged
        )

    def _forget_unused(self) -> None:
        """Drop parsed versions that no file serves or shows (memory stays bounded)."""
        used = {id(r) for t in self._tracked.values() for r in (t.current, t.good) if r}
        self._known.parsed = {key: r for key, r in self._known.parsed.items() if id(r) in used}

    def _build(
        self, entries: list[tuple[Path, str]], stats: dict[Path, tuple[int, int] | None], now: float
    ) -> Snapshot:
        current: dict[str, FileResult] = {}
        for (path, _), result in zip(entries, self._read_all(entries, stats), strict=True):
            current[result.file] = result
            tracked = self._tracked.setdefault(result.file, _Tracked())
            tracked.stat, tracked.current, tracked.checked_at = stats[path], result, now
        # What the CLI sees: the files as they are on disk.
        truth = check_dataset(self.data_dir, list(current.values()))
        if not self.data_dir.is_dir():
            truth.problems.append(missing_folder(self.data_dir))
        by_file: dict[str, list[Problem]] = {}
        for problem in truth.problems:
            by_file.setdefault(problem.file, []).append(problem)

        served: dict[str, FileResult] = {}
        states: dict[str, FileState] = {}
        for name, result in current.items():
            tracked = self._tracked[name]
            problems = tuple(by_file.get(name, []))
            held = self._reason_to_hold(tracked, result, list(problems), now)
            tracked.timed = held is not None and held[0].waits
            if held is None:
                if tracked.good is None or tracked.good.sha256 != result.sha256:
                    tracked.good_at = now  # when the served version was read, not checked
                tracked.good, tracked.differs_since = result, None
                served[name] = result
                states[name] = FileState(
                    name, FileStatus.OK, now, tracked.good_at, problems=problems
                )
                continue
            hold, reason = held
            if tracked.good is None:  # nothing better to show: serve what loads, as the CLI
                served[name] = result
                states[name] = FileState(
                    name, FileStatus.BROKEN, now, now, now, reason, problems, hold=hold
                )
            else:
                if tracked.differs_since is None:
                    tracked.differs_since = now
                served[name] = tracked.good
                status = FileStatus.PENDING if hold.waits else FileStatus.LAST_GOOD
                states[name] = FileState(
                    name,
                    status,
                    now,
                    tracked.good_at,
                    tracked.differs_since,
                    reason,
                    problems,
                    hold=hold,
                )
        for name, tracked in self._tracked.items():  # files that went away
            if name in current or tracked.good is None:
                continue
            if tracked.differs_since is None:
                tracked.differs_since = now
            served[name] = tracked.good
            states[name] = FileState(
                name,
                FileStatus.MISSING,
                now,
                tracked.good_at,
                tracked.differs_since,
                "the file is gone; its last good version is shown",
            )
        states = {
            name: replace(state, sha256=served[name].sha256) for name, state in states.items()
        }
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
    ) -> tuple[Hold, str] | None:
        """Why not to serve ``result`` yet (the kind of hold and a sentence), or None to
        serve it."""
        if tracked.good is not None and result.sha256 == tracked.good.sha256:
            # Unchanged content: problems now can only come from other files.
            return None
        if tracked.stat is not None and now - tracked.stat[0] / 1e9 < SETTLE_SECONDS:
            return Hold.WRITING, "being written: waiting for the file to settle"
        if problems:
            first = problems[0]
            return (
                Hold.PROBLEMS,
                f"{len(problems)} problem(s), first at line {first.line}: [{first.code}]",
            )
        good = tracked.good
        if good is not None:
            before = sum(len(v) for v in good.records.values())
            after = sum(len(v) for v in result.records.values())
            held = tracked.differs_since is not None and now - tracked.differs_since >= (
                SUSPECT_HOLD_SECONDS
            )
            if before >= SUSPECT_MIN_RECORDS and after < before * SUSPECT_SHRINK and not held:
                return Hold.SHRUNK, (
                    f"much shorter than before ({after} records, was {before}): "
                    "waiting to see it is meant"
                )
        return None


def _signature(snapshot: Snapshot) -> tuple[object, ...]:
    """What readers of a snapshot see: the problems and what each file serves, and since when."""
    files = tuple((f.file, f.sha256, f.status, f.reason, f.since) for f in snapshot.files)
    return (snapshot.problems, files)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)
