"""The data core's figures: cold load, warm start, reload after an edit, memory, profiles."""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.common import DATA, Row, fmt, in_fresh_process, scratch_copy

# --------------------------------------------------------------------------------------------
# Worker side: each function runs in a fresh interpreter and returns one JSON object.


def _rss_kb() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process in kB, from /proc (Linux)."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                found[line[:5]] = int(line.split()[1])
    return found.get("VmRSS", 0), found.get("VmHWM", 0)


def _files(data: Path) -> list[Path]:
    from dashboard.core.dataset import discover

    return [path for path, _ in discover(data)]


def _floor_yaml(paths: list[Path], paused: bool = False) -> float:
    """A bare ``yaml.load(..., CSafeLoader)`` of ``paths``, results kept; ``paused``: with the
    cyclic garbage collector off, as our loader runs (a stricter floor)."""
    import gc

    import yaml

    enabled = gc.isenabled()
    if paused:
        gc.disable()
    start = time.perf_counter()
    held = [yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader) for path in paths]
    took = time.perf_counter() - start
    if enabled:
        gc.enable()
    del held
    gc.collect()
    return took


def work_cold(data: Path, floor_first: bool, workers: int | None) -> dict:
    from dashboard.core.loader import load_dataset
    from dashboard.core.table import tidy_table

    paths = _files(data)
    out: dict = {}
    if floor_first:
        out["floor"] = _floor_yaml(paths)
    start = time.perf_counter()
    dataset = load_dataset(data, workers=workers, cache=None)
    table = tidy_table(dataset)
    out["ours"] = time.perf_counter() - start
    assert not dataset.problems, [str(p) for p in dataset.problems[:3]]
    if not floor_first:
        out["floor"] = _floor_yaml(paths)
    del dataset
    out["floor_paused"] = _floor_yaml(paths, paused=True)
    out["rows"] = len(table)
    return out


def work_warm(data: Path, cache_dir: Path) -> dict:
    import hashlib

    begin = time.perf_counter()
    from dashboard.core.cache import ParseCache
    from dashboard.core.live import DataStore

    imported = time.perf_counter()
    store = DataStore(data, cache=ParseCache(cache_dir))
    snapshot = store.refresh()
    rows = len(snapshot.table)
    ours = time.perf_counter() - imported
    start = time.perf_counter()
    for path in _files(data):
        hashlib.sha256(path.read_bytes()).hexdigest()
    floor = time.perf_counter() - start
    return {
        "ours": ours,
        "floor": floor,
        "imports": imported - begin,
        "rows": rows,
        "problems": len(snapshot.problems),
    }


def work_reload(data: Path, runs: int) -> dict:
    from dashboard.core.live import DataStore

    store = DataStore(data, cache=None)
    start = time.perf_counter()
    rows = len(store.refresh().table)
    first = time.perf_counter() - start
    claim_files = sorted((data / "claims").glob("*.yaml"))
    target = claim_files[len(claim_files) // 2]
    text = target.read_text(encoding="utf-8")
    spots = [i for i in range(len(text)) if text.startswith("status: actual", i)]
    ours, floors = [], []
    for run in range(runs):
        at = spots[run % len(spots)]  # a different claim each run: new content every time
        text = text[:at] + "status: plan  " + text[at + len("status: actual") :]
        target.write_text(text, encoding="utf-8")
        past = time.time() - 2  # an edit that has settled (the store waits for fresh writes)
        os.utime(target, (past, past))
        start = time.perf_counter()
        snapshot = store.refresh()
        table = snapshot.table
        ours.append(time.perf_counter() - start)
        assert snapshot.problems == (), [str(p) for p in snapshot.problems[:3]]
        assert (table["status"] == "plan").sum() > 0
        floors.append(_floor_yaml([target], paused=True))  # as refresh runs: collector off
    return {"ours": ours, "floor": floors, "first": first, "rows": rows, "file": target.name}


def work_memory(data: Path, what: str, cache_dir: str | None) -> dict:
    import gc

    if what == "floor":
        import yaml

        import dashboard.core.live  # noqa: F401 - the same imports as the measured process

        held = [yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) for p in _files(data)]
        gc.collect()
        rss, peak = _rss_kb()
        return {"rss_kb": rss, "peak_kb": peak, "held": len(held)}
    from dashboard.core.cache import ParseCache
    from dashboard.core.live import DataStore

    store = DataStore(data, cache=ParseCache(Path(cache_dir)) if cache_dir else None)
    snapshot = store.refresh()
    table = snapshot.table
    gc.collect()
    rss, peak = _rss_kb()
    return {"rss_kb": rss, "peak_kb": peak, "rows": len(table)}


def work_profile(data: Path, what: str, out: Path) -> dict:
    import cProfile
    import io
    import pstats

    from dashboard.core.live import DataStore
    from dashboard.core.loader import load_dataset
    from dashboard.core.table import tidy_table

    profile = cProfile.Profile()
    if what == "cold":  # in this process (workers=1), so that the parsing shows in the profile
        profile.enable()
        tidy_table(load_dataset(data, workers=1, cache=None))
        profile.disable()
    else:  # reload
        store = DataStore(data, cache=None)
        store.refresh().table  # noqa: B018 - builds and keeps the table
        target = sorted((data / "claims").glob("*.yaml"))[0]
        text = target.read_text(encoding="utf-8").replace("status: actual", "status: plan  ", 1)
        target.write_text(text, encoding="utf-8")
        past = time.time() - 2
        os.utime(target, (past, past))
        profile.enable()
        store.refresh().table  # noqa: B018
        profile.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(profile, stream=buffer)
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(30)
    out.write_text(buffer.getvalue(), encoding="utf-8")
    return {"written": str(out)}


# --------------------------------------------------------------------------------------------
# Measurements (rows of the results table).


def measure_cold(data: Path, runs: int, claims: int, sequential: bool = False) -> list[Row]:
    results = [in_fresh_process(work_cold, data, run % 2 == 0, None) for run in range(runs)]
    ours = statistics.median(r["ours"] for r in results)
    floor = statistics.median(r["floor"] for r in results)
    paused = statistics.median(r["floor_paused"] for r in results)
    rows = [
        Row(
            "cold load",
            claims,
            ours,
            floor,
            "s",
            "≤ 1.25 × floor",
            ours <= 1.25 * floor,
            "yaml.load CSafeLoader",
            runs,
            f"{results[0]['rows']:,} table rows; floor with the collector off "
            f"{fmt(paused, 's')} (ratio {ours / paused:.2f})",
            {"ours": [r["ours"] for r in results], "floor": [r["floor"] for r in results]},
        )
    ]
    if sequential:
        seq = [in_fresh_process(work_cold, data, run % 2 == 0, 1) for run in range(runs)]
        rows.append(
            Row(
                "cold load, 1 process",
                claims,
                statistics.median(r["ours"] for r in seq),
                statistics.median(r["floor"] for r in seq),
                "s",
                "(information)",
                None,
                "yaml.load CSafeLoader",
                runs,
                "parsing in this process only",
                {"ours": [r["ours"] for r in seq], "floor": [r["floor"] for r in seq]},
            )
        )
    return rows


def measure_warm(data: Path, runs: int, claims: int) -> list[Row]:
    cache_dir = Path(tempfile.mkdtemp(prefix="cache-", dir=DATA))
    try:
        in_fresh_process(work_warm, data, cache_dir)  # fills the cache
        results = [in_fresh_process(work_warm, data, cache_dir) for _ in range(runs)]
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    ours = statistics.median(r["ours"] for r in results)
    imports = statistics.median(r["imports"] for r in results)
    target_met = ours < 0.5 if claims >= 100_000 else None
    return [
        Row(
            "warm start",
            claims,
            ours,
            statistics.median(r["floor"] for r in results),
            "s",
            "< 0.5 s at 100k",
            target_met,
            "read + sha256 of the files",
            runs,
            f"+ {imports:.2f} s of imports before",
            {"ours": [r["ours"] for r in results]},
        )
    ]


def measure_reload(data: Path, runs: int, claims: int) -> list[Row]:
    scratch = scratch_copy(data)
    try:
        result = in_fresh_process(work_reload, scratch, runs)
    finally:
        shutil.rmtree(scratch.parent, ignore_errors=True)
    ours = statistics.median(result["ours"])
    return [
        Row(
            "reload after 1 edit",
            claims,
            ours,
            statistics.median(result["floor"]),
            "s",
            "< 1 s at 100k",
            ours < 1.0 if claims >= 100_000 else None,
            "yaml.load of the edited file (collector off)",
            runs,
            f"first load in that process {result['first']:.1f} s",
            {"ours": result["ours"], "floor": result["floor"]},
        )
    ]


def measure_memory(data: Path, runs: int, claims: int) -> list[Row]:
    ours = [in_fresh_process(work_memory, data, "store", None) for _ in range(max(1, runs // 2))]
    floor = [in_fresh_process(work_memory, data, "floor", None) for _ in range(max(1, runs // 2))]
    rss = statistics.median(r["rss_kb"] for r in ours) / 1024
    peak = statistics.median(r["peak_kb"] for r in ours) / 1024
    return [
        Row(
            "memory (RSS)",
            claims,
            rss,
            statistics.median(r["rss_kb"] for r in floor) / 1024,
            "MB",
            "< 400 MB at 100k",
            rss < 400 if claims >= 100_000 else None,
            "yaml.load of every file, held",
            len(ours),
            f"peak {peak:.0f} MB",
        )
    ]


@contextmanager
def warm_cache(data: Path) -> Iterator[Path]:
    """A parse cache for ``data``, filled once, so the app's servers start in well under a
    minute."""
    cache_dir = Path(tempfile.mkdtemp(prefix="cache-", dir=DATA))
    try:
        in_fresh_process(work_warm, data, cache_dir)
        yield cache_dir
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
