"""The server's memory with three browser sessions open (item 5 of the performance issue).

    python -m benchmarks.run --only sessions --sizes 10000,100000

Resident memory (``VmRSS``, and ``VmHWM``: the peak) of the server process and its children,
read from /proc once three browser contexts have each opened overview, trends, rankings and
map in one session; the floor is a bare Streamlit server running an empty script with the
same three sessions.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from contextlib import suppress
from pathlib import Path

from benchmarks.browser import DECK, PLOTLY, new_tab, servers
from benchmarks.common import Row, in_fresh_process
from benchmarks.core import warm_cache
from benchmarks.server import APP, DONE, chromium

SESSION_PAGES = (("", "h1"), ("trends", PLOTLY), ("rankings", PLOTLY), ("map", DECK))


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (from /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text()
                ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
                parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(parents.get(current, []))
    return found


def tree_memory_kb(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM summed over ``pid`` and its descendants, in kB, and how many."""
    rss = peak = count = 0
    for each in _tree(pid):
        with suppress(OSError):
            fields = dict(
                line.split(":", 1)
                for line in Path(f"/proc/{each}/status").read_text().splitlines()
                if ":" in line
            )
            rss += int(fields.get("VmRSS", "0 kB").split()[0])
            peak += int(fields.get("VmHWM", "0 kB").split()[0])
            count += 1
    return {"rss_kb": rss, "peak_kb": peak, "processes": count}


def work_sessions(data: Path, cache_dir: Path, what: str) -> dict:
    """Server memory with three sessions that each opened overview, trends, rankings and map
    (``what="app"``), or three sessions of an empty script (``what="floor"``)."""
    with tempfile.TemporaryDirectory(prefix="bench-empty-") as scratch:
        script = APP
        if what == "floor":
            script = str(Path(scratch) / "empty.py")
            Path(script).write_text("", encoding="utf-8")
        return _sessions(script, data, cache_dir, what)


def _sessions(script: str, data: Path, cache_dir: Path, what: str) -> dict:
    with servers(script, data=data, cache_dir=cache_dir) as (server,), chromium() as browser:
        before = tree_memory_kb(server.process.pid)
        tabs, loads = [], []
        for _ in range(3):
            tab = new_tab(browser, server.url)
            tabs.append(tab)
            if what == "floor":
                loads.append(tab.open("/", DONE))
                continue
            loads.append(tab.open("/", SESSION_PAGES[0][1]))
            for path, expect in SESSION_PAGES[1:]:  # page links: the same session goes on
                start = time.perf_counter()
                tab.page.locator(f'a[data-testid="stSidebarNavLink"][href$="/{path}"]').click()
                tab.page.wait_for_url(f"**/{path}*")
                loads.append(tab.settle(expect, start))
        time.sleep(2)  # let the last runs' garbage go
        for tab in tabs:
            tab.check()
        found = tree_memory_kb(server.process.pid)
    return {**found, "before_kb": before["rss_kb"], "loads": loads}


# --------------------------------------------------------------------------------------------
# Measurements (rows of the results table).


def measure_sessions(data: Path, runs: int, claims: int) -> list[Row]:
    """Item 5: server RSS with the data loaded and three sessions open."""
    count = max(1, runs // 2)
    with warm_cache(data) as cache_dir:
        ours = [
            in_fresh_process(work_sessions, data, cache_dir, "app", timeout=1800)
            for _ in range(count)
        ]
        floor = [
            in_fresh_process(work_sessions, data, cache_dir, "floor", timeout=1800)
            for _ in range(count)
        ]
    rss = statistics.median(r["rss_kb"] for r in ours) / 1024
    peak = statistics.median(r["peak_kb"] for r in ours) / 1024
    before = statistics.median(r["before_kb"] for r in ours) / 1024
    return [
        Row(
            "server RSS, 3 sessions",
            claims,
            rss,
            statistics.median(r["rss_kb"] for r in floor) / 1024,
            "MB",
            "< 400 MB at 100k",
            rss < 400 if claims >= 100_000 else None,
            "bare Streamlit, empty script, 3 sessions",
            count,
            f"peak {peak:.0f} MB; {before:.0f} MB before the first session; "
            f"{ours[0]['processes']} process(es)",
            {"ours": [r["rss_kb"] / 1024 for r in ours]},
        )
    ]
