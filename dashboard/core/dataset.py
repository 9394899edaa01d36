"""The loaded data's types: a record and where it was written, one file's result, the dataset.

Parsing (:mod:`dashboard.core.parse`), the cross-file checks (:mod:`dashboard.core.checks`)
and the loader (:mod:`dashboard.core.loader`) all build or read these; none of them is needed
to describe them, so every later stage imports from here alone.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from pydantic import BaseModel

from .models import Claim, Metric, Region, Site, Source, StandardUnit, Unit
from .problems import Problem

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

    def problem(
        self, code: str, message: str, field: str = "", hint: str | None = None, ref: str = ""
    ) -> Problem:
        """A problem with this record, placed at ``field`` (or the record's start); ``ref``:
        the id it names, for a reference to an unknown record."""
        line, col = self.at(field) if field else (self.line, self.col)
        path = f"{self.path}.{field}" if field and self.path else (field or self.path)
        return Problem(self.file, line, col, code, message, path, hint, ref)


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


class CheckedClaims:
    """A claim file's claims as the cross-file checks found them: built once per version of
    the file, its article and the registries, and read again by the tidy table."""

    def __init__(self, claims: list[Located[Claim]], problems: list[tuple[Problem, ...]]) -> None:
        self.problems = problems  # each claim's own problems (all but duplicates and links)
        self.ids = [item.record.id for item in claims]
        self.unique = len(set(self.ids)) == len(self.ids)
        self.flat = [p for found in problems for p in found]
        self.valid = [item for item, found in zip(claims, problems, strict=True) if not found]
        self.valid_ids = {item.record.id: item for item in self.valid}
        self.paths = tuple(item.path for item in self.valid)
        self.growth = [item for item in self.valid if item.record.growth_of is not None]
        self.growth_of = [item.record.growth_of for item in self.growth]


# A remembered result: the key of what else it was built from, and the result.
Keyed = tuple[object, Any]


@dataclass
class Reuse:
    """What later stages built from one file's records, each with the key of what else it
    depends on (the registries, the article, other files' claims); reused while neither the
    file nor that key changes, so a reload after one edit rebuilds one file's share."""

    checked: tuple[object, CheckedClaims] | None = None  # the cross-file checks
    rows: tuple[object, dict[str, tuple[Any, ...]]] | None = None  # table rows by record path
    columns: Keyed | None = None  # the file's table columns
    derived: Keyed | None = None  # the columns of the rows its growth rates derive


@dataclass
class FileResult:
    """One file read and validated on its own: its records by list key, and its problems."""

    file: str
    kind: str
    sha256: str
    records: dict[str, list[Located[Any]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    reuse: Reuse = field(default_factory=Reuse, repr=False, compare=False)


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


def missing_folder(data_dir: Path) -> Problem:
    """The problem of a data folder that does not exist."""
    return Problem(data_dir.as_posix(), 0, 0, "missing-folder", "the data folder does not exist")


class ResultCache(Protocol):
    """Where parsed files are kept between runs (see :mod:`dashboard.core.cache`)."""

    def get(self, kind: str, display: str, sha256: str) -> FileResult | None: ...

    def put(self, result: FileResult) -> None: ...
