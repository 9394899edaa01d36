"""A cache on disk of parsed files, so that a restart with nothing changed is fast.

Parsing and validating 100,000 claims takes seconds however it is done; reading back what a
previous run made of the same bytes takes a fraction of that. Each entry is keyed on what
fully determines it: the file's kind, its name in the data folder, the sha256 of its bytes and
the version of the code that parsed it (the core's source and the library versions). So an
edit is always seen (new bytes, new key) and an upgrade never reads an old layout.

The cache is never trusted over the file: an entry that is missing, truncated, corrupt (its
CRC-32 is stored beside it), written by other code or for other bytes is ignored, removed
and the file parsed again. Entries are written to a temporary name and renamed, so readers
never see half an entry and concurrent writers do not clash.

Where: ``$DASHBOARD_CACHE_DIR`` when set (empty, ``0`` or ``off`` turns it off), else nothing
is cached unless a caller passes a :class:`ParseCache`; :func:`default_cache_dir` names the
usual place (``$XDG_CACHE_HOME/dashboard`` or ``~/.cache/dashboard``), never inside ``data/``.
Entries are pickles: keep the folder private to the user that runs the dashboard (it is
created ``0700``), as for any cache of executable state.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import platform
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import fields
from importlib import metadata
from pathlib import Path
from typing import Any

from .dataset import Dataset, FileResult, Located
from .models import Claim
from .parse import parse_file
from .problems import Problem

CACHE_ENV = "DASHBOARD_CACHE_DIR"
FORMAT = 1  # bump when the entry layout changes
MAX_ENTRIES = 4000  # beyond this, the least recently used entries go
MAX_SNAPSHOTS = 4
# The modules whose code decides a file's parse result: this module and what parse_file
# imports (a test keeps the list equal to parse.py's imports within the core). A saved
# snapshot (checks, table and all) depends on every module of the core.
PARSE_MODULES = ("cache", "dataset", "memory", "models", "parse", "problems", "yamlsource")
_CORE = Path(__file__).resolve().parent


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/dashboard``, else ``~/.cache/dashboard``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dashboard"


def code_version(
    modules: tuple[str, ...] = PARSE_MODULES,
    libraries: tuple[str, ...] = ("pydantic", "pydantic-core", "PyYAML"),
) -> str:
    """A digest of what decides a parse result: the core modules' source and library versions."""
    digest = hashlib.sha256(f"{FORMAT} {platform.python_version()}".encode())
    for name in libraries:
        digest.update(f"{name}={_version(name)};".encode())
    for module in modules:
        digest.update((_CORE / f"{module}.py").read_bytes())
    return digest.hexdigest()


@functools.cache
def _version(distribution: str) -> str:
    module = {"pydantic-core": "pydantic_core", "PyYAML": "yaml"}.get(distribution, distribution)
    found = getattr(sys.modules.get(module), "__version__", None)  # cheaper than metadata
    if found is None:
        with contextlib.suppress(metadata.PackageNotFoundError):
            found = metadata.version(distribution)
    return str(found)


class ParseCache:
    """Parsed files (:class:`~dashboard.core.dataset.FileResult`) on disk, keyed on content."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.version = code_version()
        self.hits = self.misses = 0
        self._puts = 0
        self._snapshot_version: str | None = None

    @property
    def snapshot_version(self) -> str:
        """Like :attr:`version`, for what the checks and the table add (computed once)."""
        if self._snapshot_version is None:
            self._snapshot_version = code_version(
                tuple(sorted(p.stem for p in _CORE.glob("*.py"))),
                ("pydantic", "pydantic-core", "PyYAML", "pandas", "pyarrow", "numpy"),
            )
        return self._snapshot_version

    def get_snapshot(self, key: str) -> dict[str, Any] | None:
        """A whole data folder's results saved by :meth:`put_snapshot`, or None."""
        value = read_entry(self._snapshot_path(key), (self.snapshot_version, key))
        return value if isinstance(value, dict) else None

    def put_snapshot(self, key: str, value: dict[str, Any], folder: Path | None = None) -> None:
        """Keep a whole data folder's results under ``key`` (see :func:`snapshot_key`);
        ``folder``: remember it as that folder's latest (see :meth:`latest_snapshot`)."""
        if write_entry(self._snapshot_path(key), (self.snapshot_version, key), value):
            prune(self.root / "snapshots", MAX_SNAPSHOTS)
            if folder is not None:
                with contextlib.suppress(OSError):
                    self._latest(folder).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                    self._latest(folder).write_text(key, encoding="ascii")

    def latest_snapshot(self, folder: Path) -> str | None:
        """The key last saved for ``folder``: a guess to start reading before the files are
        hashed (the entry is used only if the hashes then give the same key)."""
        try:
            return self._latest(folder).read_text(encoding="ascii").strip() or None
        except OSError:
            return None

    def _latest(self, folder: Path) -> Path:
        name = hashlib.sha256(str(folder.absolute()).encode()).hexdigest()
        return self.root / "latest" / name

    def _snapshot_path(self, key: str) -> Path:
        return self.root / "snapshots" / key[:2] / f"{key}.pickle"

    def load_later(
        self, path: Path, kind: str, display: str, sha256: str, problems: list[Problem]
    ) -> WarmFile:
        """A result for a file whose problems are known, with its records read when used."""
        warm = WarmFile(display, kind, sha256, lambda: self._records(path, kind, display, sha256))
        warm.problems = list(problems)
        return warm

    def _records(self, path: Path, kind: str, display: str, sha256: str) -> FileResult | None:
        found = self.get(kind, display, sha256)
        if found is not None:
            return found
        try:  # the entry went away: parse the file again if it still holds the same bytes
            raw = path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(raw).hexdigest() != sha256:
            return None  # changed since; the next refresh reads the new version
        return parse_file(path, display, kind, raw)

    @classmethod
    def from_env(cls) -> ParseCache | None:
        """The cache ``$DASHBOARD_CACHE_DIR`` names, or None when it is unset or off."""
        value = os.environ.get(CACHE_ENV, "").strip()
        if value.lower() in ("", "0", "off", "false", "no"):
            return None
        return cls(Path(value).expanduser())

    def _path(self, kind: str, display: str, sha256: str) -> Path:
        key = hashlib.sha256(f"{self.version}\0{kind}\0{display}\0{sha256}".encode()).hexdigest()
        return self.root / "files" / key[:2] / f"{key}.pickle"

    def get(self, kind: str, display: str, sha256: str) -> FileResult | None:
        """What an earlier run made of these bytes, or None."""
        path = self._path(kind, display, sha256)
        value = read_entry(path, (self.version, kind, display, sha256))
        if not (
            isinstance(value, FileResult)
            and (value.kind, value.file, value.sha256) == (kind, display, sha256)
        ):
            self.misses += 1
            return None
        self.hits += 1
        with contextlib.suppress(OSError):
            os.utime(path)  # least recently used goes first when the cache is pruned
        return value

    def put(self, result: FileResult) -> None:
        """Keep ``result`` for the next run (never raises: a cache that cannot write is off)."""
        if not result.sha256:
            return  # unreadable files have no content to key on
        clean = FileResult(result.file, result.kind, result.sha256, result.records, result.problems)
        header = (self.version, result.kind, result.file, result.sha256)
        write_entry(self._path(result.kind, result.file, result.sha256), header, clean)
        self._puts += 1
        if self._puts % 200 == 1:
            prune(self.root / "files", MAX_ENTRIES)


def snapshot_key(files: list[tuple[str, str, str]]) -> str:
    """The key of a snapshot: every data file's (name, kind, sha256), in order."""
    digest = hashlib.sha256()
    for name, kind, sha256 in files:
        digest.update(f"{name}\0{kind}\0{sha256}\n".encode())
    return digest.hexdigest()


_LAZY = threading.RLock()  # a dataset's claims read their files' records under it


class WarmFile(FileResult):
    """A file's result restored from the cache: problems at once, records when first used.

    A warm start serves the saved table and problems without reading 100,000 records back;
    they are read (from this file's cache entry) when a reload or the coverage report needs
    them.
    """

    def __init__(
        self, file: str, kind: str, sha256: str, load: Callable[[], FileResult | None]
    ) -> None:
        super().__init__(file, kind, sha256)
        self._load: Callable[[], FileResult | None] | None = load

    @property  # type: ignore[override]
    def records(self) -> dict[str, list[Located[Any]]]:
        if self._load is not None:
            with _LAZY:
                if self._load is not None:
                    found = self._load()
                    self.__dict__["records"] = found.records if found is not None else {}
                    if found is not None:
                        self.__dict__["problems"] = found.problems
                    self._load = None
        return self.__dict__["records"]

    @records.setter
    def records(self, value: dict[str, list[Located[Any]]]) -> None:
        self.__dict__["records"] = value

    def __reduce__(self) -> tuple[Any, ...]:
        return (FileResult, (self.file, self.kind, self.sha256, self.records, self.problems))


class WarmDataset(Dataset):
    """A dataset restored from the cache; ``claims`` are put together when first used."""

    @property  # type: ignore[override]
    def claims(self) -> list[tuple[str, Located[Claim]]]:
        index = self.__dict__.get("_index")
        if index is not None:
            with _LAZY:
                if self.__dict__.get("_index") is not None:
                    claims: list[tuple[str, Located[Claim]]] = []
                    for position, (source_id, places) in index:
                        records = self.files[position].records.get("claims", [])
                        claims.extend((source_id, records[place]) for place in places)
                    self.__dict__["claims"] = claims
                    self.__dict__["_index"] = None
        return self.__dict__["claims"]

    @claims.setter
    def claims(self, value: list[tuple[str, Located[Claim]]]) -> None:
        self.__dict__["claims"] = value

    @classmethod
    def restore(
        cls,
        light: Dataset,
        files: list[FileResult],
        index: list[tuple[int, tuple[str, list[int]]]],
        texts: dict[str, str],
    ) -> WarmDataset:
        """``light`` (a dataset saved without claims, files or texts) made whole again."""
        kept = {f.name: getattr(light, f.name) for f in fields(Dataset)}
        kept.update(files=files, texts=texts, claims=[])
        warm = cls(**kept)
        warm.__dict__["_index"] = index
        return warm

    def __reduce__(self) -> tuple[Any, ...]:
        return (_plain_dataset, ({f.name: getattr(self, f.name) for f in fields(Dataset)},))


def _plain_dataset(values: dict[str, Any]) -> Dataset:
    return Dataset(**values)


def write_entry(path: Path, header: tuple[str, ...], value: Any) -> bool:
    """Write ``value`` under ``header`` atomically; False when the cache cannot be written."""
    try:
        payload = pickle.dumps(value, protocol=5)
        check = zlib.crc32(payload)
        head = pickle.dumps((FORMAT, header, check, len(payload)), protocol=5)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(len(head).to_bytes(4, "little"))
                out.write(head)
                out.write(payload)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return False
    return True


def read_entry(path: Path, header: tuple[str, ...]) -> Any | None:
    """The value written under ``header``, or None (a bad entry is removed)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        size = int.from_bytes(raw[:4], "little")
        form, found, check, length = pickle.loads(raw[4 : 4 + size])
        payload = memoryview(raw)[4 + size :]
        if (
            form != FORMAT
            or tuple(found) != tuple(header)
            or len(payload) != length
            or zlib.crc32(payload) != check
        ):
            raise ValueError("stale or corrupt cache entry")
        return pickle.loads(payload)
    except Exception:
        with contextlib.suppress(OSError):
            path.unlink()
        return None


def prune(folder: Path, keep: int) -> None:
    """Remove the least recently used entries beyond ``keep`` and leftovers of dead writers."""
    try:
        entries = [(p.stat().st_mtime, p) for p in folder.glob("*/*") if p.is_file()]
    except OSError:
        return
    stale = time.time() - 3600
    for mtime, path in entries:
        if path.name.startswith(".tmp-") and mtime < stale:
            with contextlib.suppress(OSError):
                path.unlink()
    entries = [(m, p) for m, p in entries if not p.name.startswith(".tmp-")]
    if len(entries) <= keep:
        return
    entries.sort()
    for _, path in entries[: len(entries) - keep]:
        with contextlib.suppress(OSError):
            path.unlink()
