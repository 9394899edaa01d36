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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from .cache import ParseCache, WarmDataset, snapshot_key
from .checks import check_dataset, read_article
from .loader import (
    PARALLEL_MIN_BYTES,
    Dataset,
    FileResult,
    ResultCache,
    discover,
    display_name,
    parse_file,
    parse_many,
    paused_gc,
    read_file,
    release_free_memory,
)
from .problems import Problem
from .table import tidy_table

_TABLE_LOCK = threading.Lock()
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
    sha256: str = ""  # of the version served

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
            with _TABLE_LOCK:  # sessions asking at once wait for one build, not build twice
                if not self._table:
                    self._table.append(tidy_table(self.dataset))
                    release_free_memory()
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
    timed: bool = False  # held back until time passes (still being written, much shorter)


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
        # (kind, file, sha256) -> result; only versions some file serves or shows are kept
        self._parsed: dict[tuple[str, str, str], FileResult] = {}
        self._snapshot: Snapshot | None = None
        self._fingerprint: tuple[object, ...] | None = None
        if cache == "env":
            cache = ParseCache.from_env()
        self._cache: ResultCache | None = cache if not isinstance(cache, str) else None
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
                if first and warm is None:
                    self._save(self._snapshot)
            release_free_memory()
            return self._snapshot

    # A warm start: the first refresh of a process looks for what an earlier run saved for
    # exactly these files (and articles) and serves it; records are read only when needed.

    def _snapshots(self) -> ParseCache | None:
        return self._cache if isinstance(self._cache, ParseCache) else None

    def _warm(
        self, entries: list[tuple[Path, str]], stats: dict[Path, tuple[int, int] | None], now: float
    ) -> Snapshot | None:
        cache = self._snapshots()
        if cache is None:
            return None
        root = self.data_dir.resolve()

        def digest(path: Path) -> str | None:
            try:
                real = path.resolve()
                if not real.is_relative_to(root) or not real.is_file():
                    return None
                return hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                return None

        # Reading and hashing release the GIL: a few threads make this I/O and C-bound start
        # about twice as fast on two cores.
        # The last snapshot saved for this folder is read meanwhile, on a guess.
        with ThreadPoolExecutor(4) as pool:
            guess = cache.latest_snapshot(self.data_dir)
            early = pool.submit(cache.get_snapshot, guess) if guess else None
            digests = list(pool.map(digest, [path for path, _ in entries]))
            if any(d is None for d in digests):
                return None
            found = [
                (path, kind, display_name(path, self.data_dir), sha)
                for (path, kind), sha in zip(entries, digests, strict=True)
                if sha is not None
            ]
            key = snapshot_key([(d, k, h) for _, k, d, h in found])
            saved = early.result() if early is not None and key == guess else None
            if saved is None:
                saved = cache.get_snapshot(key)
            if saved is None:
                return None
            articles = list(saved["articles"].items())
            try:
                read = list(
                    pool.map(
                        read_article, [(self.data_dir / f).resolve() for _, (f, _) in articles]
                    )
                )
            except OSError:
                return None
        texts: dict[str, str] = {}
        for (source_id, (_, wanted)), (got, text) in zip(articles, read, strict=True):
            if got != wanted:
                return None  # an article changed: check everything again
            if text is not None:
                texts[source_id] = text
        files: list[FileResult] = []
        for (path, kind, display, sha), problems in zip(found, saved["problems"], strict=True):
            result = cache.load_later(path, kind, display, sha, problems)
            files.append(result)
            self._parsed[(kind, display, sha)] = result
            tracked = self._tracked.setdefault(display, _Tracked())
            tracked.stat, tracked.current, tracked.checked_at = stats[path], result, now
            tracked.good, tracked.good_at = result, now
        dataset = WarmDataset.restore(saved["dataset"], files, saved["claims"], texts)
        by_file: dict[str, list[Problem]] = {}
        for problem in dataset.problems:
            by_file.setdefault(problem.file, []).append(problem)
        states = tuple(
            FileState(
                f.file, "ok", now, now, problems=tuple(by_file.get(f.file, [])), sha256=f.sha256
            )
            for f in sorted(files, key=lambda f: f.file)
        )
        return Snapshot(1, dataset, tuple(dataset.problems), states, now, [saved["table"]])

    def _save(self, snapshot: Snapshot) -> None:
        """Keep this snapshot for the next start, when it serves every file as it is."""
        cache = self._snapshots()
        if cache is None or snapshot.degraded or any(f.status != "ok" for f in snapshot.files):
            return
        dataset = snapshot.dataset
        files = dataset.files
        if any(not f.sha256 for f in files):
            return
        where = {f.file: i for i, f in enumerate(files)}
        places: dict[str, dict[int, int]] = {}
        index: dict[int, tuple[str, list[int]]] = {}
        for source_id, item in dataset.claims:
            position = where[item.file]
            if item.file not in places:
                records = files[position].records.get("claims", [])
                places[item.file] = {id(r): i for i, r in enumerate(records)}
            index.setdefault(position, (source_id, []))[1].append(places[item.file][id(item)])
        light = replace(dataset, claims=[], files=[], texts={})
        articles = {
            source_id: (item.record.file, dataset.text_sha256[source_id])
            for source_id, item in dataset.sources.items()
            if source_id in dataset.text_sha256
        }
        cache.put_snapshot(
            snapshot_key([(f.file, f.kind, f.sha256) for f in files]),
            {
                "dataset": light,
                "claims": sorted(index.items()),
                "problems": [f.problems for f in files],
                "articles": articles,
                "table": snapshot.table,
            },
            self.data_dir,
        )

    def _read_all(
        self, entries: list[tuple[Path, str]], stats: dict[Path, tuple[int, int] | None]
    ) -> list[FileResult]:
        """The current result of each file: unchanged files as they were, known contents from
        memory or the cache, the rest parsed (in worker processes when there is much)."""
        out: list[FileResult | None] = []
        todo: list[tuple[int, Path, str, str, bytes, tuple[str, str, str]]] = []
        for path, kind in entries:
            display = display_name(path, self.data_dir)
            tracked = self._tracked.get(display)
            if tracked is not None and tracked.current is not None and tracked.stat == stats[path]:
                out.append(tracked.current)
                continue
            try:
                real = path.resolve()
                if not real.is_relative_to(self.data_dir.resolve()) or not real.is_file():
                    raise OSError("a link leading outside the data folder, or not a file")
                raw = path.read_bytes()
            except OSError:
                out.append(read_file(path, self.data_dir, kind))  # reports it its own way
                continue
            key = (kind, display, hashlib.sha256(raw).hexdigest())
            known = self._parsed.get(key)
            if known is None and self._cache is not None:
                known = self._cache.get(*key)
            if known is not None:
                self._parsed[key] = known
                out.append(known)
                continue
            todo.append((len(out), path, display, kind, raw, key))
            out.append(None)
        if len(todo) > 1 and sum(len(t[4]) for t in todo) >= PARALLEL_MIN_BYTES:
            parsed = parse_many([(p, d, k, r) for _, p, d, k, r, _ in todo], self._workers)
        else:
            parsed = [parse_file(p, d, k, r) for _, p, d, k, r, _ in todo]
        for (index, *_, key), result in zip(todo, parsed, strict=True):
            self._parsed[key] = result
            out[index] = result
            if self._cache is not None:
                self._cache.put(result)
        return [result for result in out if result is not None]

    def _forget_unused(self) -> None:
        """Drop parsed versions that no file serves or shows (memory stays bounded)."""
        used = {id(r) for t in self._tracked.values() for r in (t.current, t.good) if r}
        self._parsed = {key: r for key, r in self._parsed.items() if id(r) in used}

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
            tracked.timed = reason is not None and reason.startswith(_WAITING)
            if reason is None:
                if tracked.good is None or tracked.good.sha256 != result.sha256:
                    tracked.good_at = now  # when the served version was read, not checked
                tracked.good, tracked.differs_since = result, None
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
