"""Load test: browser sessions filter and switch pages while a YAML file is being edited.

    python -m benchmarks.load --sessions 4 --seconds 60

One server (``streamlit run dashboard/app.py`` on 127.0.0.1) serves a scratch copy of ``data/``
and ``seeds/``; one headless Chromium (Debian's ``/usr/bin/chromium``) opens ``--sessions``
browser contexts, and each loops until the time is up: open a shared link, change a filter,
switch pages through the sidebar. Meanwhile a writer rewrites ``data/sites/zhengzhou.yaml``
every 2.5 s by rename-over, renaming two sites at once to "<name> v<k>" (k = 1, 2, 3 ...);
every 5th version is first saved broken (one name already changed, a YAML syntax error) and
fixed a second later.

Each interaction is timed from the action to the app being idle again (script not running, no
skeleton, the page's title, the asked-for view in the URL and, where expected, the chart drawn
with the renamed sites, all of one version k), and must stay so for ``STEADY`` seconds. A
finished page whose renamed-site names carry different k for ``MIX_GRACE`` seconds is a mixed
state (a table drawn a moment after the script ended is not); no look may show a version never
saved valid. The page an interaction ends on must have its title and its renamed sites (else:
a partial page), must not be older than what the session saw before, and a link must show
what was saved before it was opened. A finished page that shows another view than the one
asked for (another page, a filter gone) is a lost view. Exception boxes, console and page
errors, dialogs, failed responses, server-log errors and requests leaving the machine
(aborted) are errors. Banners naming the edited file are counted.

The report (markdown) goes to ``benchmarks/results/load.md`` (with the server log and
screenshots of failed interactions) and is printed; the exit status is 1 when anything that
must not happen did. Bounded: at most 8 sessions and 600 seconds, loopback only; an
interaction still running ``OVERRUN`` seconds after the end is cut and counted as an error.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from benchmarks.common import machine
from benchmarks.server import BASE_PATH_PROBE, OUTSIDE, ROOT, launch, start, stop
from dashboard.present.i18n import t, vocab

RESULTS = Path(__file__).resolve().parent / "results"
MAX_SESSIONS = 8
MAX_SECONDS = 600
EDITED = "sites/zhengzhou.yaml"
# The two sites renamed together, with their names in the data (zh, en).
RENAMED = {
    "zhengzhou_china_europe_railway": (
        "中欧班列(郑州)",
        "China–Europe Railway Express (Zhengzhou)",
    ),
    "zhengzhou_luxembourg_air_route": (
        "郑州—卢森堡航线（“空中丝绸之路”）",
        "Zhengzhou–Luxembourg air cargo route",
    ),
}
BOTH = ",".join(RENAMED)
WRITE_EVERY = 2.5  # seconds between versions
BREAK_EVERY = 5  # every 5th version is first saved broken ...
FIX_AFTER = 1.0  # ... and fixed this many seconds later
# Smaller than the browser tests' window: several full-size renderers on two cores would
# measure the browser more than the app.
VIEWPORT = {"width": 1280, "height": 900}
POLL = 0.2  # seconds between looks at a page
STEADY = 0.4  # the page must stay finished and complete this long
TIMEOUT = 30.0  # seconds for a page to become complete after an action
ACTION_TIMEOUT = 10_000  # ms for each click, fill and page load
# An action whose control was redrawn under the pointer is tried again: a reload can close an
# open dropdown, and with a save every 2.5 s on two loaded cores that happened three times in
# a row (retries are counted in the report).
ACTION_TRIES = 5
IDLE_WAIT = 10.0  # seconds to let a rerun finish before the next action (not timed)
LOST_AFTER = 5.0  # a finished page in another view this long has lost the asked-for one
MIX_GRACE = 1.5  # a finished page may show two versions this long (a table drawn late)
FRESH_AFTER = 1.5  # a valid save this old must show on a page opened afterwards
OVERRUN = 120.0  # seconds an interaction may run past the end before it is cut

# One look at a page, read at once (the page cannot change in between). Text is read node by
# node, one per line, so a name never runs into the next figure; banners are left out (one
# may quote the broken line).
SNAPSHOT_JS = r"""(names) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const main = document.querySelector('[data-testid="stMain"]');
  const all = (root, sel) => root ? [...root.querySelectorAll(sel)] : [];
  const banner = '[data-testid^="stAlertContent"]';
  const text = (roots) => roots.map(root => {
    const out = [];
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      if (!node.parentElement.closest(banner)) out.push(node.nodeValue);
    }
    return out.join('\n');
  }).join('\n');
  const patterns = names.map(n =>
    new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ' v(\\d+)', 'g'));
  const marks = (s) => patterns.flatMap(p => [...s.matchAll(p)].map(m => Number(m[1])));
  const inputs = all(main, 'input').map(e => e.value).join('\n');
  const charts = all(main, '[data-testid="stPlotlyChart"]')
    .filter(e => e.querySelector('.main-svg'));
  const widgets = '[data-testid="stMultiSelect"], [data-testid="stSelectbox"], h3';
  return {
    idle: !!app && app.getAttribute('data-test-script-state') === 'notRunning',
    skeleton: !!document.querySelector('[data-testid="stSkeleton"]'),
    h1: all(main, 'h1').map(e => e.textContent.trim()),
    versions: marks(text(main ? [main] : []) + '\n' + inputs),
    widgets: marks(text(all(main, widgets)) + '\n' + inputs),
    charts: marks(text(charts)),
    tables: marks(text(all(main, '[data-testid="stDataFrame"]'))),
    drawn: charts.length,
    decks: all(main, '[data-testid="stDeckGlJsonChart"] canvas').length,
    exceptions: document.querySelectorAll('[data-testid="stException"]').length,
    alerts: all(main, '[data-testid="stAlertContentWarning"]').map(e => e.textContent),
    url: location.href,
  };
}"""


# --------------------------------------------------------------------------------------------
# The data: a scratch copy, and the versions the writer saves.


def scratch_copy(into: Path) -> Path:
    """Copy data/ and seeds/ side by side (sources.yaml reads ../seeds/); return the data dir."""
    shutil.copytree(ROOT / "data", into / "data")
    shutil.copytree(ROOT / "seeds", into / "seeds")
    return into / "data"


def versioned(original: str, k: int, broken: bool = False) -> str:
    """The sites file with both renamed sites at version ``k``; ``broken``: only the first
    renamed and a YAML syntax error further down, as a save caught half-way would be."""
    text = original
    for i, (zh, en) in enumerate(RENAMED.values()):
        if broken and i > 0:
            break
        for key, value in (("name_zh", zh), ("name_en", en)):
            line = f"    {key}: {value}\n"
            assert text.count(line) == 1, f"{line!r} not once in {EDITED}"
            text = text.replace(line, f"    {key}: {value} v{k}\n")
    if broken:
        text = text.replace("    kind: facility\n", "    kind: [facility\n", 1)
    return text


def save(path: Path, text: str) -> None:
    """Save as editors do: a temporary file in the same folder, renamed over the old one."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class Writer(threading.Thread):
    """Saves version 1, 2, 3 ... of the edited file every ``WRITE_EVERY`` seconds until told
    to stop; every ``BREAK_EVERY``-th version is saved broken first and fixed ``FIX_AFTER``
    later. ``good`` holds (monotonic time, k) of every valid save, version 0 included."""

    def __init__(self, path: Path, original: str) -> None:
        super().__init__(name="yaml-writer", daemon=True)
        self.path, self.original = path, original
        self.stop = threading.Event()
        self.good: list[tuple[float, int]] = [(0.0, 0)]
        self.broken: list[tuple[float, int]] = []
        self.failure: BaseException | None = None

    def good_at(self, moment: float) -> int:
        """The latest version saved valid at ``moment``."""
        return max(k for at, k in self.good if at <= moment)

    def valid(self, k: int) -> bool:
        return any(v == k for _, v in self.good)

    def run(self) -> None:
        try:
            k = 0
            while not self.stop.wait(WRITE_EVERY):
                k += 1
                if k % BREAK_EVERY == 0:
                    save(self.path, versioned(self.original, k, broken=True))
                    self.broken.append((time.monotonic(), k))
                    if self.stop.wait(FIX_AFTER):
                        save(self.path, versioned(self.original, k - 1))  # leave it valid
                        return
                save(self.path, versioned(self.original, k))
                self.good.append((time.monotonic(), k))
        except BaseException as err:  # reported, and fails the run
            self.failure = err


# --------------------------------------------------------------------------------------------
# What a session looks at, and what it does.


@dataclass
class Look:
    """One look at a page, reduced to what is checked."""

    idle: bool
    skeleton: bool
    h1: list[str]
    versions: list[int]  # of every renamed-site name on the page
    parts: dict[str, list[int]]  # the same by where they show: widgets, charts, tables
    drawn: int  # plotly charts drawn
    decks: int  # map canvases
    exceptions: int
    banners: list[str]  # the banners naming the edited file
    path: str
    query: dict[str, str]

    @classmethod
    def of(cls, raw: dict) -> Look:
        split = urlsplit(raw["url"])
        return cls(
            idle=raw["idle"],
            skeleton=raw["skeleton"],
            h1=raw["h1"],
            versions=raw["versions"],
            parts={name: raw[name] for name in ("widgets", "charts", "tables")},
            drawn=raw["drawn"],
            decks=raw["decks"],
            exceptions=raw["exceptions"],
            banners=[a for a in raw["alerts"] if EDITED in a],
            path=split.path,
            query={k: v[-1] for k, v in parse_qs(split.query).items()},
        )

    @property
    def done(self) -> bool:
        """The script finished and no widget is still loading."""
        return self.idle and not self.skeleton


@dataclass
class Step:
    """One interaction: ``act`` does it; it ends on ``page`` showing ``view`` (query
    parameters), with at least ``markers`` renamed-site names and what ``drawn`` asks for."""

    kind: str  # link open | filter change | page switch
    name: str
    act: Callable[[Session], Awaitable[None]]
    page: str
    view: dict[str, str] = field(default_factory=dict)
    drawn: Callable[[Look], bool] = lambda look: True
    markers: int = 0

    def shows_view(self, look: Look) -> bool:
        return look.path == PATHS[self.page] and self.view.items() <= look.query.items()


@dataclass
class Session:
    """One browser context and what it saw."""

    number: int
    lang: str
    timeout: float = TIMEOUT  # seconds for a page to become complete after an action
    base: str = ""
    page: object = None
    doing: str | None = None  # the step in progress
    timings: list[tuple[str, str, float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    mixed: list[str] = field(default_factory=list)
    transient: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    back: list[str] = field(default_factory=list)
    never_valid: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    banners: Counter = field(default_factory=Counter)
    seen: set[int] = field(default_factory=set)
    last: int = -1
    retries: int = 0
    shots: int = 0
    console: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [zh if self.lang == "zh" else en for zh, en in RENAMED.values()]

    def browser_errors(self) -> list[str]:
        """Console and page errors, failed responses, dialogs and outside requests, less the
        404s of Streamlit's base-path probe on deep links (see benchmarks/server.py)."""
        probes = {
            url
            for status, url in self.failed
            if status == 404 and BASE_PATH_PROBE.match(urlsplit(url).path)
        }
        out = [f"console: {text} ({where})" for text, where in self.console if where not in probes]
        out += [f"response {status}: {url}" for status, url in self.failed if url not in probes]
        out += [f"page error: {text}" for text in self.page_errors]
        out += [f"dialog: {text}" for text in self.dialogs]
        out += [f"outside request: {url}" for url in self.outside]
        return [f"session {self.number} {line}" for line in out]


PATHS = {
    "overview": "/",
    "trends": "/trends",
    "rankings": "/rankings",
    "map": "/map",
    "claims": "/claims",
    "health": "/health",
}


def _title(page: str, lang: str) -> str:
    return t("app.title" if page == "overview" else f"{page}.title", lang)


def _link(path: str) -> Callable[[Session], Awaitable[None]]:
    async def act(s: Session) -> None:
        await s.page.goto(s.base + path.format(lang=s.lang), wait_until="commit")

    return act


def _nav(page: str) -> Callable[[Session], Awaitable[None]]:
    async def act(s: Session) -> None:
        nav = s.page.locator('[data-testid="stSidebarNav"]')
        await nav.get_by_role("link", name=t(f"nav.{page}", s.lang), exact=True).first.click()

    return act


def _select(key: str, label: Callable[[str], str], many: bool = False) -> Callable:
    """Pick the option named ``label(lang)`` in the selectbox or multiselect ``key``."""

    async def act(s: Session) -> None:
        box = s.page.locator(f'.st-key-{key} input[role="combobox"]').first
        name = label(s.lang)
        await box.click()
        await box.fill(name)
        option = s.page.get_by_role("option", name=re.compile("^" + re.escape(name)))
        await option.first.click()
        if many:
            await s.page.keyboard.press("Escape")

    return act


def _say(zh: str, en: str) -> Callable[[str], str]:
    return lambda lang: zh if lang == "zh" else en


def _charted(n: int) -> Callable[[Look], bool]:
    """A plotly chart drawn, holding at least ``n`` renamed-site names."""
    return lambda look: look.drawn > 0 and len(look.parts["charts"]) >= n


def _map(look: Look) -> bool:
    return look.decks > 0


STEPS_A = [  # a shared link to the claims of both sites, then filters and pages from there
    Step(
        "link open",
        "claims of both sites",
        _link(f"/claims?lang={{lang}}&sites={BOTH}"),
        "claims",
        {"sites": BOTH},
        markers=2,
    ),
    Step(
        "filter change",
        "claims: status actual",
        _select("w_claims_status", lambda lang: vocab("status", "actual", lang), many=True),
        "claims",
        {"sites": BOTH, "status": "actual"},
        markers=2,
    ),
    Step("page switch", "to rankings", _nav("rankings"), "rankings"),
    Step(
        "filter change",
        "rankings: countries reached",
        _select("w_rank_metric", _say("通达国家数", "Countries reached")),
        "rankings",
        {"metric": "countries_reached"},
        _charted(2),
        markers=2,
    ),
    Step(
        "page switch",
        "to trends",
        _nav("trends"),
        "trends",
        {"metric": "countries_reached", "sites": BOTH},
        _charted(2),
        markers=2,
    ),
    Step("page switch", "to map", _nav("map"), "map", {"metric": "countries_reached"}, _map, 1),
    Step(
        "filter change",
        "map: Zhengzhou",
        _select("w_map_region", _say("郑州", "Zhengzhou")),
        "map",
        {"metric": "countries_reached", "region": "zhengzhou"},
        _map,
        markers=1,
    ),
    Step("page switch", "to overview", _nav("overview"), "overview", {"region": "zhengzhou"}),
]
STEPS_B = [  # a shared link to a ranking of both sites, then health and claims
    Step(
        "link open",
        "ranking of cities reached",
        _link("/rankings?lang={lang}&metric=cities_reached"),
        "rankings",
        {"metric": "cities_reached"},
        _charted(2),
        markers=2,
    ),
    Step("page switch", "to data health", _nav("health"), "health"),
    Step(
        "page switch",
        "to claims",
        _nav("claims"),
        "claims",
        {"metric": "cities_reached"},
        markers=2,
    ),
    Step(
        "filter change",
        "claims: Zhengzhou",
        _select("w_claims_region", _say("郑州", "Zhengzhou")),
        "claims",
        {"metric": "cities_reached", "region": "zhengzhou"},
        markers=2,
    ),
]


class Incomplete(Exception):
    """The page did not become complete in time."""


class Lost(Exception):
    """The page finished showing another view than the interaction asked for."""


def _check(
    s: Session,
    step: Step,
    look: Look,
    at: float,
    writer: Writer,
    once: set[str],
    final: bool = False,
) -> None:
    """What must hold on every finished page (each kind of slip noted once per interaction,
    in ``once``); ``final``: the page the interaction ended on."""
    where = f"session {s.number} {step.name} ({look.path}?{look.query}) at {at:.1f} s"

    def note(kind: str, found: list[str], text: str) -> None:
        if kind not in once:
            once.add(kind)
            found.append(f"{where}: {text}")

    if look.exceptions:
        note("exception", s.errors, f"{look.exceptions} exception box(es)")
    kinds = set(look.versions)
    if len(kinds) > 1:
        parts = {name: sorted(set(v)) for name, v in look.parts.items() if v}
        text = f"versions {sorted(kinds)} {parts}"
        if final:
            s.mixed.append(f"{where}: {text} for {MIX_GRACE:g} s")
        else:
            note("mix", s.transient, text)
    for k in kinds:
        if not writer.valid(k):
            note(f"v{k}", s.never_valid, f"shows v{k}, never saved valid")
    for banner in look.banners:
        kind = "pending" if "being written" in banner else "last good"
        if kind not in once:
            once.add(kind)
            s.banners[kind] += 1
    if not final:
        return
    title = _title(step.page, s.lang)
    if not any(h.startswith(title) for h in look.h1):
        s.partial.append(f"{where}: finished without its title {title!r} (h1: {look.h1})")
    if len(look.versions) < step.markers:
        s.partial.append(
            f"{where}: finished with {len(look.versions)} of {step.markers} renamed sites"
        )
    if kinds:
        shown = min(kinds)
        if shown < s.last:
            s.back.append(f"{where}: v{shown} after v{s.last}")
        s.last = max(s.last, shown)
        s.seen |= kinds


async def _look(s: Session) -> Look | None:
    """The page now, or None while it is being replaced (a link opening)."""
    from playwright.async_api import Error

    try:
        return Look.of(await s.page.evaluate(SNAPSHOT_JS, s.names))
    except Error:
        return None


async def _idle(s: Session) -> None:
    """Before acting, let a rerun in progress (a data change) finish, as a reader would."""
    deadline = time.monotonic() + IDLE_WAIT
    while time.monotonic() < deadline:
        look = await _look(s)
        if look is not None and look.done:
            return
        await asyncio.sleep(POLL)


async def _act(s: Session, step: Step) -> float:
    """Do ``step``'s action (again if its control was redrawn meanwhile); when it began."""
    for attempt in range(1, ACTION_TRIES + 1):
        await _idle(s)
        begin = time.monotonic()
        try:
            await step.act(s)
            return begin
        except Exception:
            if attempt == ACTION_TRIES:
                raise
            s.retries += 1
            await s.page.keyboard.press("Escape")
    raise AssertionError("unreachable")


async def _interact(s: Session, step: Step, writer: Writer, started: float) -> float:
    """Do ``step``; return seconds from the action until the page was complete and idle."""
    begin = await _act(s, step)
    title = _title(step.page, s.lang)
    once: set[str] = set()
    streak: float | None = None  # since when the page is complete
    astray: float | None = None  # since when the page is finished in another view
    mixed: float | None = None  # since when the page is complete but for a mix of versions
    look: Look | None = None
    while True:
        now = time.monotonic()
        seen = await _look(s)
        look = seen or look
        if seen is not None and seen.done:
            _check(s, step, seen, now - started, writer, once)
            ready = (
                any(h.startswith(title) for h in seen.h1)
                and step.shows_view(seen)
                and len(seen.versions) >= step.markers
                and step.drawn(seen)
            )
            consistent = len(set(seen.versions)) <= 1
            streak = (streak or now) if ready and consistent else None
            if streak is not None and now - streak >= STEADY:
                break
            # A table may be drawn a moment after the script ended: a mix counts once it stays.
            mixed = (mixed or now) if ready and not consistent else None
            if mixed is not None and now - mixed >= MIX_GRACE:
                _check(s, step, seen, now - started, writer, once, final=True)
                return mixed - begin
            # Fragment runs make the page busy every second: only finished looks count.
            astray = (astray or now) if seen.h1 and not step.shows_view(seen) else None
            if astray is not None and now - astray >= LOST_AFTER:
                wanted = {k: v for k, v in step.view.items() if seen.query.get(k) != v}
                raise Lost(
                    f"{PATHS[step.page]} with {wanted} asked for, "
                    f"{seen.path}?{seen.query} shown for {LOST_AFTER:g} s"
                )
        else:
            streak = mixed = None
        if now - begin > s.timeout:
            if look is not None and look.done and look.h1 and not step.shows_view(look):
                wanted = {k: v for k, v in step.view.items() if look.query.get(k) != v}
                raise Lost(
                    f"{PATHS[step.page]} with {wanted} asked for, {look.path}?{look.query} "
                    f"shown after {s.timeout:g} s"
                )
            if look is not None and look.done:  # finished, yet not complete: a partial page
                _check(s, step, look, now - started, writer, once, final=True)
            state = (
                "no page"
                if look is None
                else f"idle {look.idle}, skeleton {look.skeleton}, h1 {look.h1}, versions "
                f"{look.versions}, charts {look.drawn}, {look.path}?{look.query}"
            )
            raise Incomplete(f"not complete after {s.timeout:.0f} s: {state}")
        await asyncio.sleep(POLL)
    _check(s, step, seen, time.monotonic() - started, writer, once, final=True)
    if step.kind == "link open" and seen.versions:
        due = writer.good_at(begin - FRESH_AFTER)
        if min(seen.versions) < due:
            s.stale.append(
                f"session {s.number} {step.name}: v{min(seen.versions)} shown, v{due} saved "
                f"{FRESH_AFTER:g} s before the link was opened"
            )
    return streak - begin


async def _shot(s: Session, out: Path, step: Step) -> None:
    """A screenshot of a failed interaction (the first three of each session)."""
    s.shots += 1
    if s.shots > 3:
        return
    name = f"load-s{s.number}-{s.shots}-{re.sub(r'[^a-z0-9]+', '-', step.name.lower())}.png"
    try:
        await s.page.screenshot(path=str(out / name), timeout=ACTION_TIMEOUT)
        s.notes.append(f"session {s.number} {step.name}: screenshot {name}")
    except Exception as err:  # a busy page may not paint in time; the failure stays counted
        s.notes.append(f"session {s.number} {step.name}: no screenshot ({type(err).__name__})")


async def _session(
    browser: object,
    base: str,
    s: Session,
    writer: Writer,
    started: float,
    deadline: float,
    out: Path,
) -> None:
    context = await browser.new_context(
        locale="zh-CN" if s.lang == "zh" else "en-US", viewport=VIEWPORT
    )
    context.set_default_timeout(ACTION_TIMEOUT)
    s.base = base

    async def block(route) -> None:
        s.outside.append(route.request.url)
        await route.abort()

    async def dismiss(dialog) -> None:
        s.dialogs.append(dialog.message)
        await dialog.dismiss()

    await context.route(OUTSIDE, block)
    page = s.page = await context.new_page()
    page.on(
        "console",
        lambda m: s.console.append((m.text, m.location.get("url", ""))) if m.type == "error" else 0,
    )
    page.on("pageerror", lambda err: s.page_errors.append(str(err)))
    page.on("response", lambda r: s.failed.append((r.status, r.url)) if r.status >= 400 else 0)
    page.on("dialog", dismiss)
    groups = [STEPS_A, STEPS_B]
    turn = s.number % 2
    try:
        while time.monotonic() < deadline:
            for step in groups[turn]:
                if time.monotonic() >= deadline:
                    break
                s.doing = step.name
                try:
                    took = await _interact(s, step, writer, started)
                except Exception as err:  # a lost view, a timeout or a failed action
                    where = f"session {s.number} {step.name}"
                    if isinstance(err, Lost):
                        s.lost.append(f"{where}: {err}")
                    else:
                        s.errors.append(f"{where}: {type(err).__name__}: {err}".split("\n")[0])
                    await _shot(s, out, step)
                    break  # start over from the other group's link
                finally:
                    s.doing = None
                s.timings.append((step.kind, step.name, took))
            turn = 1 - turn
    finally:
        await context.close()


async def _warm_up(browser: object, base: str) -> None:
    """Open the overview once, so the timed part starts on a server that has loaded the data."""
    context = await browser.new_context(viewport=VIEWPORT)
    await context.route(OUTSIDE, lambda route: route.abort())
    page = await context.new_page()
    await page.goto(base + "/?lang=en", wait_until="commit")
    await page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"] h1', timeout=120_000
    )
    await context.close()


async def _run_sessions(
    base: str, sessions: list[Session], writer: Writer, seconds: float, out: Path
) -> str:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await launch(playwright)
        version = browser.version
        await _warm_up(browser, base)
        started = time.monotonic()
        writer.start()
        try:
            await asyncio.wait_for(
                asyncio.gather(
                    *(
                        _session(browser, base, s, writer, started, started + seconds, out)
                        for s in sessions
                    )
                ),
                seconds + OVERRUN,
            )
        except TimeoutError:
            for s in sessions:
                if s.doing is not None:
                    s.errors.append(
                        f"session {s.number} {s.doing}: cut {OVERRUN:g} s after the end"
                    )
        finally:
            writer.stop.set()
            writer.join(timeout=10)
            await browser.close()
    return version


# --------------------------------------------------------------------------------------------
# The run and its report.


@dataclass
class Report:
    sessions: list[Session]
    seconds: float
    versions: int  # valid versions saved
    broken: int  # broken saves (each fixed a second later)
    server_errors: list[str]
    writer_failure: str | None
    chromium: str
    wall: float

    @property
    def errors(self) -> list[str]:
        out = [e for s in self.sessions for e in [*s.errors, *s.browser_errors()]]
        out += [f"server log: {line}" for line in self.server_errors]
        if self.writer_failure:
            out.append(f"writer: {self.writer_failure}")
        return out

    def of(self, name: str) -> list[str]:
        return [item for s in self.sessions for item in getattr(s, name)]

    @property
    def failures(self) -> list[str]:
        """Everything that must not happen, whatever the load."""
        return self.errors + [
            item
            for name in ("mixed", "partial", "lost", "never_valid", "back", "stale")
            for item in self.of(name)
        ]


def _server_errors(log: Path) -> list[str]:
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in lines if re.search(r"Traceback|Error|Exception", line)]


def run_load(
    sessions: int = 4, seconds: float = 60, out: Path = RESULTS, timeout: float = TIMEOUT
) -> Report:
    """Run the load test; write ``out/load.md``, the server log ``out/load-server.log`` and
    screenshots of failed interactions ``out/load-s*.png``. ``timeout``: seconds an
    interaction may take before it counts as an error."""
    if not 1 <= sessions <= MAX_SESSIONS:
        raise ValueError(f"sessions: 1 to {MAX_SESSIONS}")
    if not 0 < seconds <= MAX_SECONDS:
        raise ValueError(f"seconds: up to {MAX_SECONDS}")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("load-s*.png"):
        old.unlink()
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dashboard-load-") as tmp:
        data = scratch_copy(Path(tmp))
        edited = data / EDITED
        original = edited.read_text(encoding="utf-8")
        save(edited, versioned(original, 0))
        log = out / "load-server.log"
        server = start(data, log)
        assert urlsplit(server.url).hostname == "127.0.0.1"
        writer = Writer(edited, original)
        people = [Session(i + 1, "zh" if i % 2 else "en", timeout) for i in range(sessions)]
        try:
            # A thread of its own: the caller may run an event loop already (Playwright's
            # sync API in the same pytest process does).
            with ThreadPoolExecutor(1) as pool:
                chromium = pool.submit(
                    asyncio.run, _run_sessions(server.url, people, writer, seconds, out)
                ).result()
        finally:
            writer.stop.set()
            stop(server)
    report = Report(
        people,
        seconds,
        versions=len(writer.good) - 1,
        broken=len(writer.broken),
        server_errors=_server_errors(log),
        writer_failure=repr(writer.failure) if writer.failure else None,
        chromium=chromium,
        wall=time.monotonic() - began,
    )
    command = f"python -m benchmarks.load --sessions {sessions} --seconds {seconds:g}"
    if timeout != TIMEOUT:
        command += f" --timeout {timeout:g}"
    (out / "load.md").write_text(markdown(report, command), encoding="utf-8")
    return report


def _pct(values: list[float], q: float) -> float:
    """The ``q`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(len(ordered) * q) - 1))]


def _ms(value: float) -> str:
    return f"{value * 1000:,.0f} ms"


def markdown(report: Report, command: str) -> str:
    """The report as markdown."""
    info = machine()
    lines = [
        f"Measured {datetime.now():%Y-%m-%d %H:%M} with `{command}`",
        f"on {info['cores']} cores ({info['cpu']}), {info['ram']} RAM, Python {info['python']}, "
        f"Streamlit {metadata.version('streamlit')}, Playwright {metadata.version('playwright')}, "
        f"Chromium {report.chromium}; load average at the end {info['load']}.",
        "",
        f"{len(report.sessions)} sessions in one browser against one server for "
        f"{report.seconds:g} s (wall time with start-up {report.wall:.0f} s); "
        f"{report.versions} versions of data/{EDITED} saved, {report.broken} of them first "
        f"saved broken and fixed {FIX_AFTER:g} s later.",
        "",
        "| interaction | count | p50 | p95 | max |",
        "|---|---:|---:|---:|---:|",
    ]
    timings = [(kind, took) for s in report.sessions for kind, _, took in s.timings]
    for kind in ("all", "link open", "filter change", "page switch"):
        chosen = [took for k, took in timings if kind in ("all", k)]
        if chosen:
            lines.append(
                f"| {kind} | {len(chosen)} | {_ms(statistics.median(chosen))} "
                f"| {_ms(_pct(chosen, 0.95))} | {_ms(max(chosen))} |"
            )
        else:
            lines.append(f"| {kind} | 0 | – | – | – |")
    lines += [
        "",
        "| session | language | interactions | link / filter / switch | actions retried "
        "| versions seen | errors | mixed | partial | views lost "
        "| banners seen (pending / last good) |",
        "|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for s in report.sessions:
        kinds = Counter(kind for kind, _, _ in s.timings)
        lines.append(
            f"| {s.number} | {s.lang} | {len(s.timings)} | {kinds['link open']} / "
            f"{kinds['filter change']} / {kinds['page switch']} | {s.retries} | {len(s.seen)} "
            f"| {len(s.errors) + len(s.browser_errors())} | {len(s.mixed)} | {len(s.partial)} "
            f"| {len(s.lost)} | {s.banners['pending']} / {s.banners['last good']} |"
        )
    checks = [
        ("errors (timeouts, exception boxes, browser, server log)", report.errors),
        ("mixed states on a finished page", report.of("mixed")),
        (
            f"mixed states gone within {MIX_GRACE:g} s (drawn late; at most one per interaction)",
            report.of("transient"),
        ),
        ("partial pages (no title, or renamed sites missing)", report.of("partial")),
        ("views lost (page or filters changed by themselves)", report.of("lost")),
        ("a version never saved valid shown", report.of("never_valid")),
        ("a session went back to an older version", report.of("back")),
        (f"a link showed data older than saved {FRESH_AFTER:g} s before", report.of("stale")),
    ]
    lines += ["", "| check | count |", "|---|---:|"]
    lines += [f"| {name} | {len(found)} |" for name, found in checks]
    for name, found in [*checks, ("notes", report.of("notes"))]:
        if found:
            lines += ["", f"{name}:", ""] + [f"- {item}" for item in found[:20]]
            if len(found) > 20:
                lines.append(f"- ... and {len(found) - 20} more")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=4, help=f"1 to {MAX_SESSIONS}")
    parser.add_argument("--seconds", type=float, default=60, help=f"up to {MAX_SECONDS}")
    parser.add_argument(
        "--timeout", type=float, default=TIMEOUT, help="seconds an interaction may take"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= MAX_SESSIONS or not 0 < args.seconds <= MAX_SECONDS:
        parser.error(f"--sessions 1..{MAX_SESSIONS}, --seconds up to {MAX_SECONDS}")
    report = run_load(args.sessions, args.seconds, args.out, args.timeout)
    print((args.out / "load.md").read_text(encoding="utf-8"))
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
