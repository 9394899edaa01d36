"""Load the data folder: every file parsed and checked, every problem collected.

``load_dataset(data_dir)`` is the one entry point. It reads each file on its own
(:func:`parse_file`, cacheable by content), then checks the files against each other
(:func:`dashboard.core.checks.check_dataset`). It never raises on bad data: a broken record
is left out and reported, the rest loads.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

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


@dataclass(frozen=True)
class Located(Generic[M]):
    """A validated record and where it was written."""

    record: M
    file: str
    line: int
    col: int
    path: str = ""  # claims[3]
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (line, col)

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
        for index, item in enumerate(value):
            base: Path_ = (key, index)
            line, col = doc.mark(base)
            where = format_path(base)
            if any(
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
            try:
                record = model.model_validate(item)
            except ValidationError as err:
                result.problems.extend(_pydantic_problems(err, model, doc, base))
                continue
            marks = {name: doc.marks[(*base, name)] for name in item if (*base, name) in doc.marks}
            records.append(Located(record, display, line, col, format_path(base), marks))
        result.records[key] = records
    for key in layout:
        if key not in doc.value:
            result.problems.append(
                doc.problem((), "bad-structure", f"the file has no `{key}:` list")
            )
    return result


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
    marks = {name: doc.marks[(*base, name)] for name in item if (*base, name) in doc.marks}
    return [Located(excl, doc.file, line, col, format_path(base), marks)]  # type: ignore[type-var]


def load_dataset(data_dir: Path | None = None) -> Dataset:
    """Read, validate and cross-check every file of ``data_dir``."""
    from .checks import check_dataset

    data_dir = (data_dir or default_data_dir()).absolute()
    if not data_dir.is_dir():
        dataset = Dataset(data_dir)
        dataset.problems.append(
            Problem(data_dir.as_posix(), 0, 0, "missing-folder", "the data folder does not exist")
        )
        return dataset
    files = [read_file(path, data_dir, kind) for path, kind in discover(data_dir)]
    return check_dataset(data_dir, files)


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
