"""Metric change to chart drawn in Chromium, app against floor; the servers and tabs it uses.

    python -m benchmarks.run --only browser --sizes 10000,100000

For trends, rankings and map, the time from picking another metric in the page's selectbox
(the Enter key that chooses it) until the new chart is drawn and the run is over, in Debian's
headless Chromium driven by Playwright. The floor is ``benchmarks/floor_app.py``: a bare
Streamlit script that draws the same figure from a ready table with the same selectbox and
nothing else. Both servers run side by side on the same data (their parse cache warmed first)
and the runs alternate between them, so a busy machine slows both.

When is a chart drawn: the browser records, in its own clock, the Enter key, every change of
the script state (``data-test-script-state`` on ``stApp``), every DOM change inside a plotly
chart and every WebGL draw call (deck.gl). After the key, the driver waits until the chart
changed (a plotly chart: its title is the new one; the map: it drew again), nothing in it
changed for :data:`QUIET_MS` and the script is not running. The chart is drawn at its last
change, and the page is done then, or, if a run was still going at that moment, when that run
ended. The same signal is used for floor and app. Both step through the same metrics, and a
plotly chart of the app must match the floor's (title and number of traces) or the measurement
fails: a floor that draws another figure measures nothing. Every request that leaves the
machine is aborted and fails the measurement.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import Row, fmt, in_fresh_process
from benchmarks.core import warm_cache
from benchmarks.server import APP, DONE, OUTSIDE, VIEWPORT, Server, chromium, start, stop

FLOOR = "benchmarks/floor_app.py"
PLOTLY, DECK = '[data-testid="stPlotlyChart"] .main-svg', '[data-testid="stDeckGlJsonChart"] canvas'
# page, selectbox key, what shows the chart is there
CHARTS = (
    ("trends", "w_trends_metric", PLOTLY),
    ("rankings", "w_rank_metric", PLOTLY),
    ("map", "w_map_metric", DECK),
)
QUIET_MS = 1000  # no change in the chart for this long: it is drawn
LOAD_TIMEOUT = 300  # s, a page's first load (100k claims, two servers starting)
CHANGE_TIMEOUT = 120  # s, one change

# Every WebGL draw call (deck.gl's map) calls the recorder's ``mark()``.
WEBGL_DRAWS = """for (const gl of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    if (!gl) continue;
    for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced',
                        'drawElementsInstanced']) {
      const draw = gl.prototype[name];
      if (!draw) continue;
      gl.prototype[name] = function (...args) { mark(); return draw.apply(this, args); };
    }
  }"""

# Recorded in the page, in its own clock (performance.now(), ms). Installed before any script.
RECORDER = r"""
(() => {
  const b = window.__bench = {states: [], enter: null, count: 0, last: 0};
  const now = () => performance.now();
  const mark = () => { if (b.enter !== null) { b.count += 1; b.last = now(); } };
  b.state = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app ? app.getAttribute('data-test-script-state') : null;
  };
  b.title = () => {
    const t = document.querySelector('[data-testid="stPlotlyChart"] .gtitle');
    return t ? t.textContent : '';
  };
  b.traces = () => document.querySelectorAll('[data-testid="stPlotlyChart"] .plot .trace').length;
  b.reset = () => { b.states = [[now(), b.state()]]; b.enter = null; b.count = 0; b.last = 0; };
  b.read = () => ({now: now(), state: b.state(), title: b.title(), traces: b.traces(),
                   states: b.states, enter: b.enter, count: b.count, last: b.last});
  const watched = new WeakSet();
  const look = () => {
    const s = b.state();
    if (s !== null && (!b.states.length || b.states[b.states.length - 1][1] !== s)) {
      b.states.push([now(), s]);
    }
    for (const el of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
      if (!watched.has(el)) {
        watched.add(el);
        new MutationObserver(mark).observe(
          el, {subtree: true, childList: true, attributes: true, characterData: true});
      }
    }
  };
  new MutationObserver(look).observe(document, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ['data-test-script-state']});
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { b.enter = now(); b.count = 0; b.last = 0; }
  }, true);
  __WEBGL_DRAWS__
})();
""".replace("__WEBGL_DRAWS__", WEBGL_DRAWS)


# --------------------------------------------------------------------------------------------
# Servers and browser.


def serve(script: str, data: Path, cache_dir: Path | None, log: Path) -> Server:
    """Start ``streamlit run script`` on ``data`` with its parse cache in ``cache_dir``."""
    return start(data, log, script, {"DASHBOARD_CACHE_DIR": str(cache_dir or "off")})


@contextmanager
def servers(*scripts: str, data: Path, cache_dir: Path | None) -> Iterator[list[Server]]:
    logs = Path(tempfile.mkdtemp(prefix="bench-logs-"))
    started: list[Server] = []
    try:
        for script in scripts:
            started.append(serve(script, data, cache_dir, logs / f"{Path(script).stem}.log"))
        yield started
    finally:
        for server in started:
            stop(server)
        shutil.rmtree(logs, ignore_errors=True)


@dataclass
class Tab:
    """A fresh browser context and page on one server, with the recorder installed."""

    page: Any
    base: str
    outside: list[str] = field(default_factory=list)

    def open(self, path: str, expect: str) -> float:
        """Go to ``path``; seconds until ``expect`` shows and the run is over."""
        start = time.perf_counter()
        self.page.goto(self.base + path, timeout=LOAD_TIMEOUT * 1000)
        return self.settle(expect, start)

    def settle(self, expect: str, start: float) -> float:
        self.page.locator(expect).first.wait_for(timeout=LOAD_TIMEOUT * 1000)
        # Done when notRunning holds three looks in a row after the content appeared.
        steady, deadline = 0, time.monotonic() + LOAD_TIMEOUT
        while steady < 3 and time.monotonic() < deadline:
            steady = steady + 1 if self.page.locator(DONE).count() else 0
            time.sleep(0.15)
        self.page.wait_for_selector(DONE, timeout=LOAD_TIMEOUT * 1000)
        self.page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stSkeleton\"]')",
            timeout=LOAD_TIMEOUT * 1000,
        )
        self.check()
        return time.perf_counter() - start

    def check(self) -> None:
        if self.page.locator('[data-testid="stException"]').count():
            text = self.page.locator('[data-testid="stException"]').first.inner_text()
            raise RuntimeError(f"{self.page.url}: exception on the page:\n{text[:2000]}")
        if self.outside:
            raise RuntimeError(f"requests leaving the machine: {self.outside[:5]}")


def new_tab(browser: Any, base: str, recorder: str = RECORDER) -> Tab:
    """A tab on ``base`` with ``recorder`` installed before any script of the page."""
    context = browser.new_context(locale="en-US", viewport=VIEWPORT)
    context.add_init_script(recorder)
    tab = Tab(context.new_page(), base)
    tab.page.set_default_timeout(CHANGE_TIMEOUT * 1000)

    def block(route: Any) -> None:
        tab.outside.append(route.request.url)
        route.abort()

    context.route(OUTSIDE, block)
    return tab


# --------------------------------------------------------------------------------------------
# One change of metric, timed in the page.


def _done_at(states: list[list[Any]], at: float, seen_done: float) -> float:
    """When the page was done, given the chart's last change at ``at`` and the script states
    seen (time, state): then, or when the run going on at that moment ended (at the latest
    ``seen_done``, when the driver saw it not running)."""
    state = next((s for when, s in reversed(states) if when <= at), states[0][1])
    if state == "notRunning":
        return at
    return next((when for when, s in states if when > at and s == "notRunning"), seen_done)


def change_metric(tab: Tab, key: str, expect: str) -> dict[str, Any]:
    """Pick the next option of selectbox ``key`` with the keyboard (ArrowDown, Enter) and wait
    for the new chart; returns seconds from the key to the page done, and to the chart drawn."""
    page = tab.page
    box = page.locator(f".st-key-{key} input")
    before = box.input_value()
    before_title = page.evaluate("window.__bench.title()")
    page.evaluate("window.__bench.reset()")
    for _ in range(3):  # a rerun that lands while the list is open may close it: try again
        box.click()
        page.locator('[role="listbox"]').wait_for()
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")  # the clock starts at this key (see RECORDER)
        chosen = time.monotonic() + 5
        while box.input_value() == before and time.monotonic() < chosen:
            time.sleep(0.05)
        if box.input_value() != before:
            break
        page.keyboard.press("Escape")
    else:
        raise RuntimeError(f"{page.url}: the selectbox {key} does not change ({before!r})")
    deadline = time.monotonic() + CHANGE_TIMEOUT
    while True:
        seen = page.evaluate("window.__bench.read()")
        changed = seen["count"] > 0 and (
            expect == DECK or (seen["title"] and seen["title"] != before_title)
        )
        if changed and seen["state"] == "notRunning" and seen["now"] - seen["last"] >= QUIET_MS:
            break
        if time.monotonic() > deadline:
            seen.pop("states")
            raise TimeoutError(
                f"{page.url}: no new chart {CHANGE_TIMEOUT} s after choosing "
                f"{box.input_value()!r} (title before {before_title!r}; now {seen})"
            )
        time.sleep(0.05)
    after = box.input_value()
    tab.check()
    done = _done_at(seen["states"], seen["last"], seen["now"])
    return {
        "total": (max(done, seen["last"]) - seen["enter"]) / 1000,
        "chart": (seen["last"] - seen["enter"]) / 1000,
        "label": after,
        "figure": (seen["title"], seen["traces"]),
        "image": page.locator(expect).first.screenshot() if expect == DECK else b"",
    }


# --------------------------------------------------------------------------------------------
# The worker (runs in a fresh interpreter).


def work_browser(data: Path, cache_dir: Path, runs: int) -> dict:
    """Change-to-chart on trends, rankings and map, app and floor alternating."""
    out: dict = {}
    with (
        servers(APP, FLOOR, data=data, cache_dir=cache_dir) as (app, floor),
        chromium() as browser,
    ):
        for name, key, expect in CHARTS:
            tabs = {"ours": new_tab(browser, app.url), "floor": new_tab(browser, floor.url)}
            first = {
                "ours": tabs["ours"].open(f"/{name}", expect),
                "floor": tabs["floor"].open(f"/?chart={name}", expect),
            }
            found: dict[str, list] = {"ours": [], "floor": [], "chart_ours": [], "chart_floor": []}
            images = {
                who: tab.page.locator(expect).first.screenshot() if expect == DECK else b""
                for who, tab in tabs.items()
            }
            for run in range(runs + 1):  # the first change warms up and is not counted
                order = ("ours", "floor") if run % 2 else ("floor", "ours")
                seen = {who: change_metric(tabs[who], key, expect) for who in order}
                if seen["ours"]["label"] != seen["floor"]["label"]:
                    raise RuntimeError(
                        f"{name}: app and floor chose different metrics: "
                        f"{seen['ours']['label']!r} and {seen['floor']['label']!r}"
                    )
                if seen["ours"]["figure"] != seen["floor"]["figure"]:  # (title, traces)
                    raise RuntimeError(
                        f"{name}: app and floor drew different charts: {seen['ours']['figure']} "
                        f"and {seen['floor']['figure']}; keep {FLOOR} in step with the page"
                    )
                for who in ("ours", "floor"):
                    if expect == DECK and seen[who]["image"] == images[who]:
                        raise RuntimeError(f"{name}: the map looks the same after the change")
                    images[who] = seen[who]["image"]
                    if run:
                        found[who].append(seen[who]["total"])
                        found[f"chart_{who}"].append(seen[who]["chart"])
            for tab in tabs.values():
                tab.page.context.close()
            out[name] = {**found, "first": first}
    return out


# --------------------------------------------------------------------------------------------
# Measurements (rows of the results table).


def measure_browser(data: Path, runs: int, claims: int) -> list[Row]:
    """Item 4 in the browser: change of metric to the new chart drawn, app against floor."""
    with warm_cache(data) as cache_dir:
        found = in_fresh_process(work_browser, data, cache_dir, max(runs, 9), timeout=3600)
    rows = []
    for name, _, _ in CHARTS:
        result = found[name]
        ours, floor = statistics.median(result["ours"]), statistics.median(result["floor"])
        chart_ours = statistics.median(result["chart_ours"])
        chart_floor = statistics.median(result["chart_floor"])
        note = (
            f"Chromium; chart drawn {fmt(chart_ours, 's')} (floor {fmt(chart_floor, 's')}); "
            f"first load {result['first']['ours']:.1f} s (floor {result['first']['floor']:.1f} s)"
        )
        rows.append(
            Row(
                f"change to chart: {name}",
                claims,
                ours,
                floor,
                "s",
                "≤ 1.3 × floor at 100k",
                ours <= 1.3 * floor if claims >= 100_000 else None,
                "bare Streamlit script, same figure",
                len(result["ours"]),
                note,
                {k: result[k] for k in ("ours", "floor", "chart_ours", "chart_floor")},
            )
        )
    return rows
