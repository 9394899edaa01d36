"""Measure load, reload, memory and the app at 1k to 100k claims; write a markdown table.

    python -m benchmarks.run                      # 1k, 10k, 100k claims (about 15 minutes)
    python -m benchmarks.run --sizes 1000 --repeat 3            # a quick look
    python -m benchmarks.run --only reload,memory --sizes 100000
    python -m benchmarks.run --profile cold --sizes 100000      # where the time goes

Every figure is the median of several runs, each in a fresh process, and comes with a floor
measured in the same run on the same files, and their ratio:

- cold: parse + validate + tidy table (``load_dataset`` + ``tidy_table``, no cache), against
  a bare ``yaml.load(..., CSafeLoader)`` of the same files;
- warm: a new process serving the same unchanged folder from the cache on disk
  (``DataStore(...).refresh().table``), against reading and hashing the files, which is
  what any content-keyed cache must do;
- reload: ``refresh()`` + ``table`` after one claim file of ~100 was edited, in a process that
  serves the folder, against ``yaml.load`` of the edited file;
- memory: resident memory of a process holding a DataStore snapshot and its table, against a
  process holding ``yaml.load`` of every file (both after the same imports).

The app's figures, at the largest size unless ``--only`` names them (see
``benchmarks/browser.py``; the browser ones need /usr/bin/chromium, else their rows say so):

- rerun: the server-side rerun of trends, rankings and map after a metric change (AppTest),
  against ``benchmarks/floor_app.py`` drawing the same figure from a ready table;
- browser: in headless Chromium, from picking another metric to the new chart drawn and the
  run over, on trends, rankings and map, against the same floor script;
- sessions: the server's resident memory with three browser sessions that opened overview,
  trends, rankings and map, against a bare Streamlit server running an empty script.

    python -m benchmarks.run --only browser,sessions --sizes 10000,100000

Results go to ``benchmarks/results/`` (git-ignored) as ``latest.md`` and a dated copy, and are
printed. Generated data sets are kept in ``benchmarks/.data/`` keyed on their parameters.

Adding a measurement: write ``def measure_<name>(data: Path, runs: int, claims: int) ->
list[Row]`` and register it in ``MEASUREMENTS`` (every size) or ``APP`` (the largest size),
with its target in the rows.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from benchmarks.browser import (
    _warm_cache,
    measure_browser,
    measure_sessions,
    work_browser,
    work_sessions,
)
from benchmarks.server import CHROMIUM

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"
RESULTS = HERE / "results"
SEED = 20240226


# --------------------------------------------------------------------------------------------
# Worker side: each function runs in a fresh interpreter and prints one JSON object.


def _rss_kb() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process in kB, from /proc (Linux)."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                found[line[:5]] = int(line.split()[1])
    return found.get("VmRSS", 0), found.get("VmHWM", 0)


def _files(data: Path) -> list[Path]:
    from dashboard.core.loader import discover

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


APP_PAGES = (("trends", "w_trends_metric"), ("rankings", "w_rank_metric"), ("map", "w_map_metric"))


def work_rerun(data: Path, cache_dir: Path, runs: int) -> dict:
    """Server-side rerun of each page after its metric filter changes (Streamlit AppTest),
    against ``benchmarks/floor_app.py`` drawing the same figure from a ready table, the two
    alternating on the same metrics."""
    os.environ["DASHBOARD_DATA_DIR"] = str(data)
    os.environ["DASHBOARD_CACHE_DIR"] = str(cache_dir)  # warmed: the pages start in seconds
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import AppTest, app_test

    # A server compiles each script once and keeps its bytecode; AppTest compiles the entry
    # point and the page again on every run (a fresh ScriptCache each time), which is not a
    # cost of the app. One cache for the whole measurement, as a server has.
    shared = ScriptCache()
    app_test.ScriptCache = lambda: shared  # type: ignore[attr-defined]

    from dashboard.core.cache import ParseCache
    from dashboard.core.live import DataStore
    from dashboard.present import queries as views

    table = views.with_measure(DataStore(data, cache=ParseCache(cache_dir)).refresh().table)
    choices = {  # the metrics each page's selectbox offers
        "trends": sorted(m for m, _ in views.metric_counts(table)),
        "rankings": sorted(m for m, _ in views.metric_counts(table)),
        "map": sorted(
            m for m, _ in views.metric_counts(table[table["measure"].isin(views.LEVELS)])
        ),
    }
    del table
    out: dict = {}
    for page, key in APP_PAGES:
        metrics = choices[page]
        app = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=900)
        app.context["url"] = f"http://127.0.0.1:8501/{page}"
        app.switch_page(f"app_pages/{page}.py")
        floor = AppTest.from_file(str(HERE / "floor_app.py"), default_timeout=900)
        floor.query_params["chart"] = page
        first = {}
        for who, at in (("ours", app), ("floor", floor)):
            start = time.perf_counter()
            at.run()
            first[who] = time.perf_counter() - start
        times: dict[str, list[float]] = {"ours": [], "floor": []}
        for run in range(runs + 1):  # the first change warms up and is not counted
            metric = metrics[(run * 7 + 3) % len(metrics)]
            for who, at in (
                (("ours", app), ("floor", floor))
                if run % 2
                else (
                    ("floor", floor),
                    ("ours", app),
                )
            ):
                start = time.perf_counter()
                at.selectbox(key=key).select(metric).run()
                took = time.perf_counter() - start
                if at.exception:
                    raise RuntimeError(f"{page} ({who}): {at.exception[0].value}")
                if run:
                    times[who].append(took)
        out[page] = {"first": first, **times}
    return out


WORKERS: dict[str, Callable[..., dict]] = {
    "cold": work_cold,
    "warm": work_warm,
    "reload": work_reload,
    "memory": work_memory,
    "profile": work_profile,
    "rerun": work_rerun,
    "browser": work_browser,
    "sessions": work_sessions,
}


def _in_fresh_process(task: str, *args: object, timeout: float = 900) -> dict:
    """Run ``WORKERS[task](*args)`` in a new interpreter and return its JSON."""
    code = (
        "import json, sys; from benchmarks.run import WORKERS, _decode; "
        "print('@@' + json.dumps(WORKERS[sys.argv[1]](*_decode(sys.argv[2]))))"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("DASHBOARD_CACHE_DIR", None)  # each measurement says what it caches
    done = subprocess.run(
        [sys.executable, "-c", code, task, json.dumps([_encode(a) for a in args])],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("@@")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{task} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return json.loads(lines[-1][2:])


def _encode(value: object) -> object:
    return {"path": str(value)} if isinstance(value, Path) else value


def _decode(text: str) -> list[object]:
    return [
        Path(v["path"]) if isinstance(v, dict) and set(v) == {"path"} else v
        for v in json.loads(text)
    ]


# --------------------------------------------------------------------------------------------
# Orchestration: data sets, measurements, the table.


@dataclass
class Row:
    """One line of the results table."""

    measure: str
    claims: int
    ours: float
    floor: float
    unit: str  # "s" or "MB"
    target: str
    met: bool | None
    floor_name: str
    runs: int
    note: str = ""
    samples: dict[str, list[float]] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.ours / self.floor if self.floor == self.floor and self.floor else float("nan")


def dataset(claims: int) -> Path:
    """The generated data folder for ``claims`` claims (made once, then reused)."""
    from benchmarks.generate import FILES, GENERATOR_VERSION, generate

    params = {"claims": claims, "seed": SEED, "files": FILES, "version": GENERATOR_VERSION}
    out = DATA / f"n{claims}-s{SEED}-f{FILES}-v{GENERATOR_VERSION}"
    stamp = out / "PARAMS.json"
    if not (stamp.exists() and json.loads(stamp.read_text(encoding="utf-8")) == params):
        print(f"generating {claims:,} claims in {out.relative_to(ROOT)} ...", flush=True)
        generate(out, claims, SEED, FILES)
    return out / "data"


def _scratch_copy(data: Path) -> Path:
    """A copy of a data set that a measurement may edit."""
    scratch = Path(tempfile.mkdtemp(prefix="bench-", dir=DATA))
    shutil.copytree(data.parent / "data", scratch / "data")
    shutil.copytree(data.parent / "seeds", scratch / "seeds")
    return scratch / "data"


def measure_cold(data: Path, runs: int, claims: int, sequential: bool = False) -> list[Row]:
    results = [_in_fresh_process("cold", data, run % 2 == 0, None) for run in range(runs)]
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
            f"{_fmt(paused, 's')} (ratio {ours / paused:.2f})",
            {"ours": [r["ours"] for r in results], "floor": [r["floor"] for r in results]},
        )
    ]
    if sequential:
        seq = [_in_fresh_process("cold", data, run % 2 == 0, 1) for run in range(runs)]
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
        _in_fresh_process("warm", data, cache_dir)  # fills the cache
        results = [_in_fresh_process("warm", data, cache_dir) for _ in range(runs)]
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
    scratch = _scratch_copy(data)
    try:
        result = _in_fresh_process("reload", scratch, runs)
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
    ours = [_in_fresh_process("memory", data, "store", None) for _ in range(max(1, runs // 2))]
    floor = [_in_fresh_process("memory", data, "floor", None) for _ in range(max(1, runs // 2))]
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


def measure_rerun(data: Path, runs: int, claims: int) -> list[Row]:
    """Item 4, server side (not run by default: the app's pages are not the core's)."""
    with _warm_cache(data) as cache_dir:
        found = _in_fresh_process("rerun", data, cache_dir, max(runs, 15))
    rows = []
    for page, _ in APP_PAGES:
        times, floor = found[page]["ours"], found[page]["floor"]
        p50 = statistics.median(times)
        first = found[page]["first"]
        rows.append(
            Row(
                f"rerun after filter: {page}",
                claims,
                p50,
                statistics.median(floor),
                "s",
                "p50 < 150 ms at 100k",
                p50 < 0.150 if claims >= 100_000 else None,
                "bare Streamlit script, same figure (AppTest)",
                len(times),
                f"AppTest, p95 {_fmt(_p95(times), 's')}; first run of the page "
                f"{first['ours']:.1f} s (floor {first['floor']:.1f} s)",
                {"ours": times, "floor": floor},
            )
        )
    return rows


def _not_measured(name: str, claims: int, why: str) -> Row:
    return Row(name, claims, float("nan"), float("nan"), "s", "-", None, "-", 0, f"not run: {why}")


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, -(-len(ordered) * 95 // 100) - 1))]


MEASUREMENTS: dict[str, Callable[..., list[Row]]] = {
    "cold": measure_cold,
    "warm": measure_warm,
    "reload": measure_reload,
    "memory": measure_memory,
}
# The app's figures: server-side reruns, change-to-chart in Chromium, memory with three
# sessions. Their targets are set at 100,000 claims: by default they run at the largest size
# only (at every size when --only names them).
APP = {
    "rerun": measure_rerun,
    "browser": measure_browser,
    "sessions": measure_sessions,
}
OPTIONAL = APP  # the name the docstring and earlier commands use


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu, ram = platform.processor() or "?", "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
        with open("/proc/meminfo", encoding="utf-8") as info:
            kb = int(next(line.split()[1] for line in info if line.startswith("MemTotal")))
            ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    from importlib import metadata

    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("pandas", "pydantic", "PyYAML", "pyarrow")
    )
    return {
        "cores": str(os.cpu_count()),
        "cpu": cpu,
        "ram": ram,
        "python": platform.python_version(),
        "libraries": versions,
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def _fmt(value: float, unit: str) -> str:
    if value != value:  # nan: no floor yet
        return "–"
    if unit == "MB":
        return f"{value:,.0f} MB"
    return f"{value * 1000:,.0f} ms" if value < 1 else f"{value:,.2f} s"


def table(rows: list[Row], info: dict[str, str], command: str) -> str:
    """The results as markdown."""
    lines = [
        f"Measured {datetime.now():%Y-%m-%d %H:%M} with `{command}`",
        f"on {info['cores']} cores ({info['cpu']}), {info['ram']} RAM, Python {info['python']}, "
        f"{info['libraries']}; load average at the end {info['load']}.",
        "",
        "| measure | claims | ours (median) | floor (median) | ratio | target | met | floor is "
        "| runs | note |",
        "|---|---:|---:|---:|---:|---|---|---|---:|---|",
    ]
    for r in rows:
        met = "" if r.met is None else ("yes" if r.met else "**no**")
        ratio = "–" if r.ratio != r.ratio else f"{r.ratio:.2f}"
        lines.append(
            f"| {r.measure} | {r.claims:,} | {_fmt(r.ours, r.unit)} | {_fmt(r.floor, r.unit)} "
            f"| {ratio} | {r.target} | {met} | {r.floor_name} | {r.runs} | {r.note} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="claims, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement")
    parser.add_argument(
        "--repeat-large", type=int, default=3, help="runs per measurement from 50,000 claims"
    )
    parser.add_argument(
        "--only",
        default="",
        help=f"measurements to run (default: all): {', '.join([*MEASUREMENTS, *APP])}",
    )
    parser.add_argument("--sequential", action="store_true", help="also cold load in 1 process")
    parser.add_argument("--profile", choices=["cold", "reload"], help="profile instead")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    command = "python -m benchmarks.run " + " ".join(argv if argv is not None else sys.argv[1:])
    args.out.mkdir(parents=True, exist_ok=True)
    DATA.mkdir(parents=True, exist_ok=True)

    if args.profile:
        for claims in sizes:
            data = dataset(claims)
            if args.profile == "reload":
                data = _scratch_copy(data)
            out = args.out / f"profile-{args.profile}-{claims}.txt"
            _in_fresh_process("profile", data, args.profile, out)
            if args.profile == "reload":
                shutil.rmtree(data.parent, ignore_errors=True)
            print(f"wrote {out}")
        return 0

    named = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in named if name not in {**MEASUREMENTS, **APP}]
    if unknown:
        parser.error(f"unknown measurement(s): {', '.join(unknown)}")
    chosen = named or [*MEASUREMENTS, *APP]
    rows: list[Row] = []
    started = time.perf_counter()
    for claims in sizes:
        data = dataset(claims)
        runs = args.repeat if claims < 50_000 else args.repeat_large
        for name in chosen:
            if name in APP and not named and claims != max(sizes):
                continue
            print(f"{name} at {claims:,} claims, {runs} runs ...", flush=True)
            if name == "cold":
                found = measure_cold(data, runs, claims, args.sequential)
            elif name in APP and not Path(CHROMIUM).exists() and name != "rerun":
                found = [_not_measured(name, claims, f"no {CHROMIUM}: apt-get install chromium")]
            else:
                found = {**MEASUREMENTS, **APP}[name](data, runs, claims)
            rows.extend(found)
            for r in found:
                print(f"  {r.measure}: {_fmt(r.ours, r.unit)} (floor {_fmt(r.floor, r.unit)})")
    text = table(rows, machine(), command.strip())
    text += f"\nTotal time {time.perf_counter() - started:.0f} s.\n"
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    (args.out / f"bench-{stamp}.md").write_text(text, encoding="utf-8")
    (args.out / "latest.md").write_text(text, encoding="utf-8")
    (args.out / f"bench-{stamp}.json").write_text(
        json.dumps([{**r.__dict__, "ratio": r.ratio} for r in rows], indent=1), encoding="utf-8"
    )
    print()
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
