"""Sidebar page switch to page drawn in Chromium, app against a bare multipage app.

    python -m benchmarks.run --only pages --sizes 275,100000

For each page of the dashboard, the time from a click on its link in the sidebar until the
page is drawn, in Debian's headless Chromium driven by Playwright. The floor is
``benchmarks/floor_pages.py``: a bare multipage Streamlit app with the same URL paths whose
every page holds a heading, a select box, a plotly chart and a 300-row table. Both run side by
side on the same data and the switches alternate between them, so a busy machine slows both.

When is a page drawn: the browser records, in its own clock, the click, every change of the
script state (``data-test-script-state``), every DOM change in the main area and every WebGL
draw call. After the click the driver waits until the URL is the page's, the script is not
running, no skeleton or spinner is left and nothing in the main area changed for
:data:`QUIET_MS`; the page was drawn at its last change, or when the run going on then ended.
The pages are visited in a fixed cycle, so each switch leaves the same page each time.
Targets (issue "fast page switches"): the median over pages of app ÷ floor ≤ 1.5, the worst
page ≤ 2.5.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from benchmarks.browser import LOAD_TIMEOUT, WEBGL_DRAWS, Tab, _done_at, new_tab, servers
from benchmarks.common import Row, in_fresh_process
from benchmarks.core import warm_cache
from benchmarks.server import APP, ROOT, chromium
from dashboard.core.loader import load_dataset
from dashboard.ui.registry import REGISTRY

FLOOR = "benchmarks/floor_pages.py"
# The dashboard's pages in the order visited; the first is the default page at "/".
PAGES = tuple(spec.url_path for spec in sorted(REGISTRY, key=lambda spec: not spec.default))
QUIET_MS = 1000
SWITCH_TIMEOUT = 180  # s

# Installed before any script; records in performance.now() milliseconds.
RECORDER = r"""
(() => {
  const b = window.__pages = {states: [], click: null, count: 0, last: 0};
  const now = () => performance.now();
  const mark = () => { if (b.click !== null) { b.count += 1; b.last = now(); } };
  const state = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app ? app.getAttribute('data-test-script-state') : null;
  };
  b.busy = () => !!document.querySelector(['stSkeleton', 'stSpinner'].map(
    (id) => `[data-testid="stMain"] [data-testid="${id}"]`).join(', '));
  b.stale = () => document.querySelectorAll('[data-testid="stMain"] [data-stale="true"]').length;
  b.read = () => ({now: now(), state: state(), busy: b.busy(), stale: b.stale(),
                   path: location.pathname,
                   states: b.states, click: b.click, count: b.count, last: b.last});
  let main = null;
  const look = () => {
    const s = state();
    if (s !== null && (!b.states.length || b.states[b.states.length - 1][1] !== s)) {
      b.states.push([now(), s]);
    }
    const found = document.querySelector('[data-testid="stMain"]');
    if (found && found !== main) {
      main = found;
      new MutationObserver(mark).observe(
        main, {subtree: true, childList: true, attributes: true, characterData: true});
    }
  };
  new MutationObserver(look).observe(document, {subtree: true, childList: true,
                                                attributes: true,
                                                attributeFilter: ['data-test-script-state']});
  document.addEventListener('click', (e) => {
    if (e.target.closest('[data-testid="stSidebarNav"] a')) {
      b.click = now(); b.count = 0; b.last = 0; b.states = [[now(), state()]];
    }
  }, true);
  __WEBGL_DRAWS__
})();
""".replace("__WEBGL_DRAWS__", WEBGL_DRAWS)


def _path(page: str) -> str:
    return "/" if page == PAGES[0] else f"/{page}"


def switch(tab: Tab, page: str) -> float:
    """Click the sidebar link to ``page``; seconds from the click until the page is drawn."""
    link = tab.page.locator(f'[data-testid="stSidebarNav"] a[href$="{_path(page)}"]')
    if page == PAGES[0]:  # the default page's link is the bare root
        link = tab.page.locator('[data-testid="stSidebarNav"] a').first
    link.click()
    deadline = time.monotonic() + SWITCH_TIMEOUT
    while True:
        seen = tab.page.evaluate("window.__pages.read()")
        if (
            seen["click"] is not None
            and seen["path"].rstrip("/") == _path(page).rstrip("/")
            and seen["count"] > 0
            and seen["state"] == "notRunning"
            and not seen["busy"]
            and not seen["stale"]
            and seen["now"] - seen["last"] >= QUIET_MS
        ):
            break
        if time.monotonic() > deadline:
            seen.pop("states")
            raise TimeoutError(f"{page}: not drawn {SWITCH_TIMEOUT} s after the click ({seen})")
        time.sleep(0.05)
    tab.check()
    done = _done_at(seen["states"], seen["last"], seen["now"])
    return (max(done, seen["last"]) - seen["click"]) / 1000


def work_pages(data: Path, cache_dir: Path, runs: int) -> dict[str, dict[str, list[float]]]:
    """``runs`` cycles through every page, app and floor alternating; the first is a warm-up."""
    found: dict[str, dict[str, list[float]]] = {p: {"ours": [], "floor": []} for p in PAGES}
    with (
        servers(APP, FLOOR, data=data, cache_dir=cache_dir) as (app, floor),
        chromium() as browser,
    ):
        tabs = {
            "ours": new_tab(browser, app.url, RECORDER),
            "floor": new_tab(browser, floor.url, RECORDER),
        }
        for tab in tabs.values():
            tab.page.set_default_timeout(LOAD_TIMEOUT * 1000)
            tab.open("/", '[data-testid="stSidebarNav"] a')
        for run in range(runs + 1):
            for page in (*PAGES[1:], PAGES[0]):
                order = ("ours", "floor") if run % 2 else ("floor", "ours")
                for who in order:
                    seconds = switch(tabs[who], page)
                    if run:
                        found[page][who].append(seconds)
    return found


def measure_pages(data: Path, runs: int, claims: int) -> list[Row]:
    """Sidebar switch to each page drawn, app against the bare multipage floor: on the
    bundled data, then on ``data``."""
    bundled = ROOT / "data"
    return [
        *_measure(bundled, runs, len(load_dataset(bundled).claims), "bundled data"),
        *_measure(data, runs, claims, "generated"),
    ]


def _measure(data: Path, runs: int, claims: int, label: str) -> list[Row]:
    with warm_cache(data) as cache_dir:
        found = in_fresh_process(work_pages, data, cache_dir, max(runs, 3), timeout=3600)
    rows, ratios = [], []
    for page in PAGES:
        ours, floor = (
            statistics.median(found[page]["ours"]),
            statistics.median(found[page]["floor"]),
        )
        ratios.append(ours / floor)
        rows.append(
            Row(
                f"switch to page: {page}",
                claims,
                ours,
                floor,
                "s",
                "≤ 2.5 × floor",
                ours <= 2.5 * floor,
                "bare multipage Streamlit app, same kinds of element",
                len(found[page]["ours"]),
                f"{label}; Chromium, sidebar click to drawn; app ÷ floor {ours / floor:.2f}",
                found[page],
            )
        )
    median_ratio = statistics.median(ratios)
    rows.append(
        Row(
            "switch to page: median over pages (app ÷ floor)",
            claims,
            median_ratio,
            1.0,
            "×",
            "≤ 1.5",
            median_ratio <= 1.5,
            "ratio of medians per page",
            len(ratios),
            f"{label}; worst page " + PAGES[ratios.index(max(ratios))] + f" {max(ratios):.2f}×",
            {"ratios": dict(zip(PAGES, ratios, strict=True))},
        )
    )
    return rows
