"""Server-side reruns of trends, rankings and map after a metric change, against a floor."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from benchmarks.common import HERE, ROOT, Row, fmt, in_fresh_process, p95
from benchmarks.core import warm_cache

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
    from dashboard.present.rows import LEVELS, metric_counts, with_measure

    table = with_measure(DataStore(data, cache=ParseCache(cache_dir)).refresh().table)
    choices = {  # the metrics each page's selectbox offers
        "trends": sorted(m for m, _ in metric_counts(table)),
        "rankings": sorted(m for m, _ in metric_counts(table)),
        "map": sorted(m for m, _ in metric_counts(table[table["measure"].isin(LEVELS)])),
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


def measure_rerun(data: Path, runs: int, claims: int) -> list[Row]:
    """Item 4, server side (not run by default: the app's pages are not the core's)."""
    with warm_cache(data) as cache_dir:
        found = in_fresh_process(work_rerun, data, cache_dir, max(runs, 15))
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
                f"AppTest, p95 {fmt(p95(times), 's')}; first run of the page "
                f"{first['ours']:.1f} s (floor {first['floor']:.1f} s)",
                {"ours": times, "floor": floor},
            )
        )
    return rows
