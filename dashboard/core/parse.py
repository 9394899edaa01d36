"""Parse one file of the data folder on its own: YAML with positions, then each record's model.

:func:`parse_file` never raises on bad data: a broken record is left out and reported with its
place, the rest is kept. :func:`parse_many` parses many files, in worker processes when there
is enough to pay for them. No cross-file checks here (:mod:`dashboard.core.checks`).
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .dataset import FILE_KINDS, Exclusion, FileResult, Located, Marks
from .memory import paused_gc
from .problems import Problem, did_you_mean
from .yamlsource import KeyPath, YamlDoc, format_path, parse_yaml

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
    err: ValidationError, model: type[BaseModel], doc: YamlDoc, base: KeyPath
) -> list[Problem]:
    out = []
    for item in err.errors(include_url=False):
        loc = tuple(item["loc"])
        path: KeyPath = (*base, *loc)
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
            base: KeyPath = (key, index)
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
    item: dict[str, Any], doc: YamlDoc, base: KeyPath, problems: list[Problem]
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
