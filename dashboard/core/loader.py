"""Load the data folder: every file parsed and checked, every problem collected.

``load_dataset(data_dir)`` is the one entry point. It reads each file on its own
(:func:`parse_file`, cacheable by content), then checks the files against each other
(:func:`dashboard.core.checks.check_dataset`). It never raises on bad data: a broken record
is left out and reported, the rest loads.
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import multiprocessing
import os
import struct
import sys
import threading
from collections.abc import Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from .models import Claim, Metric, Region, Site, Source, StandardUnit, Unit
from .problems import Problem, did_you_mean
from .yamlsource import Path_, YamlDoc, format_path, parse_yaml

M = TypeVar("M", bound=BaseModel)

DATA_DIR_ENV = "DASHBOARD_DATA_DIR"


def default_data_dir() -> Path:
    """``$DASHBOARD_DATA_DIR`` or the ``data/`` folder of this checkout."""
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env) if env else Path(__file__).resolve().parents[2] / "data"


class Marks(Mapping[str, tuple[int, int]]):
    """Where each field of a record was written: field -> (line, col), stored compactly.

    A read-only mapping. A dict of tuples costs about 2 KB per record, which is most of the
    memory of 100,000 claims; this keeps the field names as one tuple shared by every record
    written in the same order, and the positions packed in a ``bytes``.
    """

    __slots__ = ("_names", "_packed")
    _shared: ClassVar[dict[tuple[str, ...], tuple[str, ...]]] = {}

    def __init__(self, names: tuple[str, ...] = (), positions: tuple[int, ...] = ()) -> None:
        self._names = Marks._shared.setdefault(names, names)
        self._packed = struct.pack(f"<{len(positions)}I", *positions)

    @classmethod
    def of(cls, marks: Mapping[str, tuple[int, int]]) -> Marks:
        """Marks holding the same fields and positions as ``marks``."""
        if isinstance(marks, Marks):
            return marks
        return cls(tuple(marks), tuple(n for pos in marks.values() for n in pos))

    def __getitem__(self, name: str) -> tuple[int, int]:
        try:
            index = self._names.index(name)
        except ValueError:
            raise KeyError(name) from None
        return struct.unpack_from("<2I", self._packed, 8 * index)  # type: ignore[return-value]

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        return repr(dict(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_unpack_marks, (self._names, self._packed))


def _unpack_marks(names: tuple[str, ...], packed: bytes) -> Marks:
    marks = Marks.__new__(Marks)
    marks._names = Marks._shared.setdefault(names, names)
    marks._packed = packed
    return marks


@dataclass(frozen=True)
class Located(Generic[M]):
    """A validated record and where it was written."""

    record: M
    file: str
    line: int
    col: int
    path: str = ""  # claims[3]
    marks: Mapping[str, tuple[int, int]] = field(default_factory=Marks)  # field -> (line, col)

    def at(self, name: str) -> tuple[int, int]:
        """Where field ``name`` was written, or the record's start when it was not."""
        return self.marks.get(name, (self.line, self.col))


@dataclass(frozen=True)
class Exclusion:
    """A passage of an article whose numbers are deliberately not recorded."""

    source: str
    text: str
    reason: str
    file: str
    line: int


# What each kind of file holds: top-level key -> record model.
FILE_KINDS: dict[str, dict[str, type[BaseModel]]] = {
    "regions": {"regions": Region},
    "units": {"standard_units": StandardUnit, "units": Unit},
    "sources": {"sources": Source},
    "sites": {"sites": Site},
    "metrics": {"metrics": Metric},
    "claims": {"claims": Claim},
    "ignore": {"ignore": BaseModel},
}


@dataclass
class FileResult:
    """One file read and validated on its own: its records by list key, and its problems."""

    file: str
    kind: str
    sha256: str
    records: dict[str, list[Located[Any]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # What the cross-file checks and the tidy table derived from this file's records, keyed on
    # what else they depend on; reused while neither the file nor that changes.
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Dataset:
    """Everything loaded: registries by id, claims in file order, and all problems."""

    data_dir: Path
    regions: dict[str, Located[Region]] = field(default_factory=dict)
    standard_units: dict[str, Located[StandardUnit]] = field(default_factory=dict)
    units: dict[str, Located[Unit]] = field(default_factory=dict)
    sources: dict[str, Located[Source]] = field(default_factory=dict)
    sites: dict[str, Located[Site]] = field(default_factory=dict)
    metrics: dict[str, Located[Metric]] = field(default_factory=dict)
    claims: list[tuple[str, Located[Claim]]] = field(default_factory=list)  # (source id, claim)
    exclusions: list[Exclusion] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # source id -> article text
    text_sha256: dict[str, str] = field(default_factory=dict, repr=False)  # source id -> digest
    problems: list[Problem] = field(default_factory=list)
    files: list[FileResult] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems


def discover(data_dir: Path) -> list[tuple[Path, str]]:
    """The files to read, each with its kind, in a stable order."""
    found: list[tuple[Path, str]] = []
    for name in ("regions", "units", "sources"):
        found.append((data_dir / f"{name}.yaml", name))
    for folder in ("sites", "metrics", "claims"):
        found.extend((p, folder) for p in sorted((data_dir / folder).glob("*.yaml")))
    ignore = data_dir / "coverage_ignore.yaml"
    if ignore.exists():
        found.append((ignore, "ignore"))
    return found


def display_name(path: Path, data_dir: Path) -> str:
    """``data/claims/a001.yaml``: the data folder's name and the path inside it."""
    try:
        return f"{data_dir.name}/{path.relative_to(data_dir).as_posix()}"
    except ValueError:
        return path.as_posix()


_ERROR_CODES = {
    "missing": "missing-field",
    "extra_forbidden": "unknown-field",
    "float_type": "not-a-number",
    "int_type": "not-a-number",
    "float_parsing": "not-a-number",
    "enum": "bad-choice",
    "string_pattern_mismatch": "bad-format",
    "string_too_long": "bad-value",
    "string_too_short": "bad-value",
    "greater_than": "out-of-range",
    "greater_than_equal": "out-of-range",
    "less_than": "out-of-range",
    "less_than_equal": "out-of-range",
    "value_error": "bad-value",
    "bad_url": "bad-url",  # raised by the models' web-address check
}


def _pydantic_problems(
    err: ValidationError, model: type[BaseModel], doc: YamlDoc, base: Path_
) -> list[Problem]:
    out = []
    for item in err.errors(include_url=False):
        loc = tuple(item["loc"])
        path: Path_ = (*base, *loc)
        code = _ERROR_CODES.get(item["type"], "wrong-type")
        given = item.get("input")
        hint = None
        if code == "unknown-field":
            hint = did_you_mean(loc[-1], model.model_fields)
            message = f"unknown field {loc[-1]!r}"
        elif code == "missing-field":
            message = f"field {loc[-1]!r} is required"
        elif code == "bad-choice":
            expected = item.get("ctx", {}).get("expected", "")
            message = f"{given!r} is not one of {expected}"
            choices = [c.strip(" '") for c in str(expected).replace(" or ", ",").split(",")]
            hint = did_you_mean(given, choices)
        elif code == "not-a-number":
            message = f"expected a number, got {given!r}"
        else:
            message = f"{item['msg']}, got {given!r}" if "input" in item else item["msg"]
        out.append(doc.problem(path, code, message, hint))
    return out


def parse_file(path: Path, display: str, kind: str, raw: bytes | None = None) -> FileResult:
    """Read and validate one file on its own (no cross-file checks)."""
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError as err:
            result = FileResult(display, kind, "")
            result.problems.append(
                Problem(display, 0, 0, "unreadable", f"cannot read: {err.strerror or err}")
            )
            return result
    result = FileResult(display, kind, hashlib.sha256(raw).hexdigest())
    doc = parse_yaml(raw, YamlDoc(display))
    result.problems.extend(doc.problems)
    if doc.value is None:
        return result
    layout = FILE_KINDS[kind]
    if not isinstance(doc.value, dict):
        keys = ", ".join(f"`{k}:`" for k in layout)
        result.problems.append(
            doc.problem((), "bad-structure", f"expected a mapping with {keys} at the top")
        )
        return result
    for key, value in doc.value.items():
        if key not in layout:
            result.problems.append(
                doc.problem(
                    (key,),
                    "unknown-key",
                    f"unknown top-level key {key!r}",
                    did_you_mean(key, layout) or f"expected {', '.join(layout)}",
                )
            )
            continue
        if value is None:
            continue
        if not isinstance(value, list):
            result.problems.append(
                doc.problem((key,), "bad-structure", f"`{key}` must be a list of records")
            )
            continue
        model = layout[key]
        records: list[Located[Any]] = []
        positions = doc.marks
        shared: dict[str, str] = {}
        for index, item in enumerate(value):
            base: Path_ = (key, index)
            line, col = doc.mark(base)
            where = format_path(base)
            if doc.problems and any(
                p.path == where or p.path.startswith((where + ".", where + "["))
                for p in doc.problems
            ):
                continue  # the YAML problem is the one to fix; the record is not usable
            if not isinstance(item, dict):
                result.problems.append(
                    doc.problem(base, "bad-structure", "each record must be a mapping")
                )
                continue
            if kind == "ignore":
                records.extend(_exclusion(item, doc, base, result.problems))
                continue
            if kind == "claims":
                _share_strings(item, shared)
            try:
                record = model.model_validate(item)
            except ValidationError as err:
                result.problems.extend(_pydantic_problems(err, model, doc, base))
                continue
            _share_fields_set(record)
            names: list[str] = []
            spots: list[int] = []
            for name in item:
                spot = positions.get((key, index, name))
                if spot is not None:
                    names.append(name)
                    spots.extend(spot)
            records.append(
                Located(record, display, line, col, where, Marks(tuple(names), tuple(spots)))
            )
        result.records[key] = records
    for key in layout:
        if key not in doc.value:
            result.problems.append(
                doc.problem((), "bad-structure", f"the file has no `{key}:` list")
            )
    return result


# Claim fields whose values repeat across records: one string object each saves memory at scale.
_INTERNED = ("site", "metric", "unit", "period")
_SHARED = ("quote", "note", "printed")  # repeat within a file (several claims per sentence)


def _share_strings(item: dict[str, Any], shared: dict[str, str]) -> None:
    for name in _INTERNED:
        value = item.get(name)
        if type(value) is str:
            item[name] = sys.intern(value)
    for name in _SHARED:
        value = item.get(name)
        if type(value) is str:
            item[name] = shared.setdefault(value, value)


# pydantic keeps on each record the set of fields it was given: about 700 bytes, a third of a
# claim's memory at scale. Records given the same fields share one set; the models are frozen,
# so pydantic never changes it in place (a copy gets a copy).
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}


def _share_fields_set(record: BaseModel) -> None:
    given = record.__pydantic_fields_set__
    shared = _FIELDS_SETS.setdefault(frozenset(given), given)
    if shared is not given:
        object.__setattr__(record, "__pydantic_fields_set__", shared)


def _exclusion(
    item: dict[str, Any], doc: YamlDoc, base: Path_, problems: list[Problem]
) -> list[Located[Any]]:
    fields = ("source", "text", "reason")
    bad = [f for f in fields if not isinstance(item.get(f), str) or not item[f]]
    extra = [k for k in item if k not in fields]
    if bad or extra:
        problems.append(
            doc.problem(
                base,
                "bad-structure",
                "an exclusion has exactly `source`, `text` and `reason`, all text",
            )
        )
        return []
    line, col = doc.mark(base)
    excl = Exclusion(item["source"], item["text"], item["reason"], doc.file, line)
    marks = Marks.of(
        {name: doc.marks[(*base, name)] for name in item if (*base, name) in doc.marks}
    )
    return [Located(excl, doc.file, line, col, format_path(base), marks)]  # type: ignore[type-var]


class ResultCache(Protocol):
    """Where parsed files are kept between runs (see :mod:`dashboard.core.cache`)."""

    def get(self, kind: str, display: str, sha256: str) -> FileResult | None: ...

    def put(self, result: FileResult) -> None: ...


def load_dataset(
    data_dir: Path | None = None,
    *,
    workers: int | None = None,
    cache: ResultCache | None = None,
) -> Dataset:
    """Read, validate and cross-check every file of ``data_dir``.

    ``workers``: processes to parse in (default: one per core once the files are large enough
    to pay for starting them; 1 parses here). ``cache``: parsed files kept between runs, keyed
    on content (see :class:`dashboard.core.cache.ParseCache`); none by default.
    """
    from .checks import check_dataset

    data_dir = (data_dir or default_data_dir()).absolute()
    if not data_dir.is_dir():
        dataset = Dataset(data_dir)
        dataset.problems.append(
            Problem(data_dir.as_posix(), 0, 0, "missing-folder", "the data folder does not exist")
        )
        return dataset
    with paused_gc():
        files = read_files(discover(data_dir), data_dir, workers=workers, cache=cache)
        return check_dataset(data_dir, files)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many long-lived objects, and keep
    its later full passes off them.

    Loading 100,000 claims creates millions of containers and no garbage cycles; with the
    collector on, its full passes over everything already loaded cost more than the parsing.
    Once built, what is alive is frozen (``gc.freeze``): the collector's next full pass, due
    right after so many allocations, took 0.4 s at 100,000 claims, and each later one as long,
    landing in a reload or a page's rerun. Frozen objects are still freed when no longer
    referenced; only garbage cycles among them would stay, and the data makes none.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def release_free_memory() -> None:
    """Hand memory that was freed back to the system (glibc only; elsewhere nothing).

    Building 100,000 claims' table frees about as much as it keeps, in pieces glibc holds on
    to; a long-running server would otherwise carry that for its lifetime.
    """
    global _TRIM
    if _TRIM is None:
        try:
            _TRIM = ctypes.CDLL("libc.so.6").malloc_trim if sys.platform.startswith("linux") else 0
        except (OSError, AttributeError):
            _TRIM = 0
    if _TRIM:
        _TRIM(0)


_TRIM: Any = None


def read_files(
    entries: list[tuple[Path, str]],
    data_dir: Path,
    *,
    workers: int | None = None,
    cache: ResultCache | None = None,
) -> list[FileResult]:
    """:func:`read_file` for each ``(path, kind)``: from ``cache`` when known, else parsed."""
    out: list[FileResult | None] = []
    todo: list[tuple[int, Path, str, str, bytes]] = []
    root = data_dir.resolve()
    for path, kind in entries:
        raw = _raw(path, root)
        if raw is None:  # read_file reports why
            out.append(read_file(path, data_dir, kind))
            continue
        display = display_name(path, data_dir)
        if cache is not None:
            hit = cache.get(kind, display, hashlib.sha256(raw).hexdigest())
            if hit is not None:
                out.append(hit)
                continue
        todo.append((len(out), path, display, kind, raw))
        out.append(None)
    parsed = parse_many(
        [(path, display, kind, raw) for _, path, display, kind, raw in todo], workers
    )
    for (index, *_), result in zip(todo, parsed, strict=True):
        out[index] = result
        if cache is not None:
            cache.put(result)
    return [result for result in out if result is not None]


def _raw(path: Path, root: Path) -> bytes | None:
    """The bytes :func:`read_file` would parse, or None when it would report a problem
    (``root``: the data folder, resolved)."""
    try:
        real = path.resolve()
        if not real.is_relative_to(root) or not real.is_file():
            return None
        return path.read_bytes()
    except OSError:
        return None


PARALLEL_MIN_BYTES = 4 * 1024 * 1024  # below this, starting worker processes costs more


def parse_many(
    items: list[tuple[Path, str, str, bytes]], workers: int | None = None
) -> list[FileResult]:
    """:func:`parse_file` on each ``(path, display, kind, raw)``, in order.

    Parsing is Python-bound, so with more than one core and enough bytes the files are parsed
    in worker processes (``spawn``: safe in a threaded server). Falls back to parsing here when
    processes cannot be started.
    """
    count = _worker_count(workers, sum(len(item[3]) for item in items), len(items))
    if count > 1:
        try:
            return _parse_in_processes(items, count)
        except (OSError, RuntimeError, BrokenProcessPool):
            pass
    return [parse_file(path, display, kind, raw) for path, display, kind, raw in items]


def _worker_count(workers: int | None, size: int, files: int) -> int:
    if workers is not None:
        return max(1, min(workers, files))
    if size < PARALLEL_MIN_BYTES or files < 2:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, files, 8))


def _parse_in_processes(items: list[tuple[Path, str, str, bytes]], count: int) -> list[FileResult]:
    # Batches of similar total size, several per worker so that none idles at the end.
    order = sorted(range(len(items)), key=lambda i: -len(items[i][3]))
    batches: list[list[int]] = [[] for _ in range(min(len(items), count * 4))]
    sizes = [0] * len(batches)
    for index in order:
        smallest = sizes.index(min(sizes))
        batches[smallest].append(index)
        sizes[smallest] += len(items[index][3])
    jobs = [[(str(items[i][0]), *items[i][1:]) for i in batch] for batch in batches]
    out: list[FileResult | None] = [None] * len(items)
    # fork starts at once and does not re-run the main script, but is only safe while no
    # other thread runs (a lock held by one would stay held in the child); otherwise spawn.
    single = threading.active_count() == 1 and sys.platform.startswith("linux")
    context = multiprocessing.get_context("fork" if single else "spawn")
    with paused_gc(), ProcessPoolExecutor(count, mp_context=context) as pool:
        for batch, results in zip(batches, pool.map(_parse_batch, jobs), strict=True):
            for index, result in zip(batch, results, strict=True):
                out[index] = result
    return [result for result in out if result is not None]


def _parse_batch(batch: list[tuple[str, str, str, bytes]]) -> list[FileResult]:
    """Worker side of :func:`parse_many`."""
    gc.disable()  # a worker only builds results and sends them back
    return [parse_file(Path(path), display, kind, raw) for path, display, kind, raw in batch]


def read_file(path: Path, data_dir: Path, kind: str) -> FileResult:
    """Parse one file of the data folder, refusing paths that lead outside it."""
    display = display_name(path, data_dir)
    if not path.exists():
        result = FileResult(display, kind, "")
        result.problems.append(Problem(display, 0, 0, "missing-folder", "required file is missing"))
        return result
    real = path.resolve()
    if not real.is_relative_to(data_dir.resolve()):
        result = FileResult(display, kind, "")
        result.problems.append(
            Problem(display, 0, 0, "bad-path", "a link leading outside the data folder; not read")
        )
        return result
    if not real.is_file():
        result = FileResult(display, kind, "")
        result.problems.append(Problem(display, 0, 0, "unreadable", "not a regular file"))
        return result
    return parse_file(path, display, kind)
