"""A warm start: the first refresh of a process serves what an earlier run saved for exactly
these files (and articles), read from the cache; records are read only when needed."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from .cache import ParseCache, WarmDataset, snapshot_key
from .dataset import FileResult, display_name
from .problems import Problem
from .registries import read_article
from .snapshot import FileState, FileStatus, Snapshot


def restore_snapshot(
    cache: ParseCache, data_dir: Path, entries: list[tuple[Path, str]], now: float
) -> tuple[Snapshot, list[FileResult]] | None:
    """The snapshot an earlier run saved for exactly these files (and articles), with each
    file's result (in ``entries`` order, records read when first used); None if there is none.
    """
    root = data_dir.resolve()

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
        guess = cache.latest_snapshot(data_dir)
        early = pool.submit(cache.get_snapshot, guess) if guess else None
        digests = list(pool.map(digest, [path for path, _ in entries]))
        if any(d is None for d in digests):
            return None
        found = [
            (path, kind, display_name(path, data_dir), sha)
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
                pool.map(read_article, [(data_dir / f).resolve() for _, (f, _) in articles])
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
    dataset = WarmDataset.restore(saved["dataset"], files, saved["claims"], texts)
    by_file: dict[str, list[Problem]] = {}
    for problem in dataset.problems:
        by_file.setdefault(problem.file, []).append(problem)
    states = tuple(
        FileState(
            f.file,
            FileStatus.OK,
            now,
            now,
            problems=tuple(by_file.get(f.file, [])),
            sha256=f.sha256,
        )
        for f in sorted(files, key=lambda f: f.file)
    )
    snapshot = Snapshot(1, dataset, tuple(dataset.problems), states, now, [saved["table"]])
    return snapshot, files


def save_snapshot(cache: ParseCache, data_dir: Path, snapshot: Snapshot) -> None:
    """Keep ``snapshot`` for the next start, when it serves every file as it is."""
    if snapshot.degraded or any(f.status is not FileStatus.OK for f in snapshot.files):
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
        data_dir,
    )
