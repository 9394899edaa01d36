"""Load the data folder: every file parsed and checked, every problem collected.

``load_dataset(data_dir)`` is the one entry point for a whole load; :func:`read_files` is the
one reader of the folder's files, which the live store (:mod:`dashboard.core.live`) uses too.
Each file is parsed on its own (:func:`dashboard.core.parse.parse_file`, cacheable by content),
then the files are checked against each other (:func:`dashboard.core.checks.check_dataset`).
It never raises on bad data: a broken record is left out and reported, the rest loads.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from .checks import check_dataset
from .dataset import (
    Dataset,
    FileResult,
    ResultCache,
    default_data_dir,
    discover,
    display_name,
    missing_folder,
)
from .memory import paused_gc
from .parse import parse_file, parse_many
from .problems import Problem


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
    data_dir = (data_dir or default_data_dir()).absolute()
    if not data_dir.is_dir():
        dataset = Dataset(data_dir)
        dataset.problems.append(missing_folder(data_dir))
        return dataset
    with paused_gc():
        files = read_files(discover(data_dir), data_dir, workers=workers, cache=cache)
        return check_dataset(data_dir, files)


def read_files(
    entries: list[tuple[Path, str]],
    data_dir: Path,
    *,
    workers: int | None = None,
    cache: ResultCache | None = None,
    unchanged: Mapping[Path, FileResult] | None = None,
) -> list[FileResult]:
    """:func:`read_file` for each ``(path, kind)``: from ``cache`` when known, else parsed
    (in worker processes when there is much, see :func:`~dashboard.core.parse.parse_many`).

    ``unchanged``: results the caller knows are still current (the live store's files whose
    size and time did not change); those files are not read at all.
    """
    out: list[FileResult | None] = []
    todo: list[tuple[int, Path, str, str, bytes]] = []
    root = data_dir.resolve()
    for path, kind in entries:
        known = unchanged.get(path) if unchanged else None
        if known is not None:
            out.append(known)
            continue
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
