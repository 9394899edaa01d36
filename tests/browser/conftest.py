"""The real server in headless Chromium: one server on the fixed data set, one on data/.

A session-scoped fixture starts `streamlit run dashboard/app.py` on a free port of 127.0.0.1
with the same Python, polls /_stcore/health, and stops it at the end (with benchmarks/server.py,
as the benchmarks do). Every tab records console errors, failed responses, dialogs and
requests; a request to anything but this machine is aborted and fails the test. Screenshots go
to tests/browser/screenshots/ (git-ignored).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from benchmarks.server import (
    BASE_PATH_PROBE,
    CHROMIUM,
    DONE,
    OUTSIDE,
    VIEWPORT,
    Server,
    chromium,
)
from benchmarks.server import start as _start
from benchmarks.server import stop as _stop

ROOT = Path(__file__).resolve().parents[2]
APP_DATA = ROOT / "tests" / "fixtures" / "app_data" / "data"
SHOTS = Path(__file__).resolve().parent / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[Server]:
    """The app on the fixed data set (tests/fixtures/app_data)."""
    started = _start(APP_DATA, tmp_path_factory.mktemp("logs") / "fixture-server.log")
    yield started
    _stop(started)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[Server]:
    """The app on the bundled data/ folder, as `make run` serves it."""
    started = _start(None, tmp_path_factory.mktemp("logs") / "live-server.log")
    yield started
    _stop(started)


XSS_DATA = ROOT / "tests" / "fixtures" / "xss_data" / "data"


@pytest.fixture(scope="session")
def xss_server(tmp_path_factory) -> Iterator[Server]:
    """The app on tests/fixtures/xss_data: the fixed data set plus records whose names,
    labels, quotes, notes and titles are markup that would set ``window.__pwned`` if it ran."""
    started = _start(XSS_DATA, tmp_path_factory.mktemp("logs") / "xss-server.log")
    yield started
    _stop(started)


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), "install Debian's chromium (see .ci/run)"
    with chromium() as launched:
        yield launched


@dataclass
class Tab:
    """One fresh browser context and page, recording everything that must not happen."""

    page: object
    context: object
    base: str
    console_errors: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, path: str, expect: str | None = None, timeout: float = 60_000) -> Tab:
        """Go to ``path`` and wait until ``expect`` (a selector) shows and the run is done."""
        self.page.goto(self.base + path)
        return self.done(expect, timeout)

    def done(self, expect: str | None = None, timeout: float = 60_000) -> Tab:
        if expect:
            self.page.locator(expect).first.wait_for(timeout=timeout)
        # The run is finished when notRunning holds after the content appeared (and stays).
        steady = 0
        deadline = time.monotonic() + timeout / 1000
        while steady < 3 and time.monotonic() < deadline:
            if self.page.locator(DONE).count():
                steady += 1
            else:
                steady = 0
            time.sleep(0.15)
        self.page.wait_for_selector(DONE, timeout=timeout)
        # Widgets load their code lazily and show a skeleton meanwhile: wait for the real thing.
        self.page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout
        )
        return self

    def query(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(urlsplit(self.page.url).query).items()}

    def shot(self, name: str) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        # The viewport only: a full-page shot resizes the window and re-renders every chart.
        self.page.screenshot(path=str(path))
        return path

    def check(self) -> None:
        """No exception box, console error, unexpected failed response, dialog or outside
        request."""
        assert self.page.locator('[data-testid="stException"]').count() == 0
        unexpected = [
            (status, url)
            for status, url in self.failed
            if not (status == 404 and BASE_PATH_PROBE.match(urlsplit(url).path))
        ]
        assert unexpected == []
        probes = {url for status, url in self.failed if status == 404}
        errors = [
            (text, where)
            for text, where in self.console_errors
            if not (text.startswith("Failed to load resource") and where in probes)
        ]
        assert errors == []
        assert self.outside == []
        assert self.dialogs == []


@pytest.fixture(scope="session")
def contexts(browser):
    """Browser contexts shared across tests, one per locale: each test still opens a new page,
    hence a new Streamlit session; sharing only keeps the static files cached."""
    opened: dict[str, object] = {}

    def get(locale: str, fresh: bool, **options):
        if fresh or options:
            return browser.new_context(
                locale=locale, viewport=VIEWPORT, accept_downloads=True, **options
            )
        if locale not in opened:
            opened[locale] = browser.new_context(
                locale=locale, viewport=VIEWPORT, accept_downloads=True
            )
        return opened[locale]

    yield get
    for context in opened.values():
        context.close()


@pytest.fixture
def new_tab(contexts, server):
    """A factory of tabs on the fixture server; ``fresh=True`` gives a new browser context
    (a fresh browser: no cache, no storage)."""
    tabs: list[tuple[Tab, bool]] = []

    def make(locale: str = "en-US", base: str | None = None, fresh: bool = False, **options) -> Tab:
        context = contexts(locale, fresh, **options)
        page = context.new_page()
        tab = Tab(page, context, base or server.url)

        def record(request) -> None:
            if (
                urlsplit(request.url).hostname or ""
            ) not in LOCAL_HOSTS and not request.url.startswith(("data:", "blob:")):
                tab.outside.append(request.url)

        def block(route_) -> None:
            tab.outside.append(route_.request.url)
            route_.abort()

        # Only requests leaving the machine are intercepted (matched in the driver, so local
        # traffic is not slowed); every request is also recorded, as a second net.
        page.route(OUTSIDE, block)
        page.on("request", record)
        page.on(
            "console",
            lambda msg: (
                tab.console_errors.append((msg.text, msg.location.get("url", "")))
                if msg.type == "error"
                else None
            ),
        )
        page.on(
            "response", lambda r: tab.failed.append((r.status, r.url)) if r.status >= 400 else None
        )
        page.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
        tabs.append((tab, fresh or bool(options)))
        return tab

    yield make
    for tab, own_context in tabs:
        tab.page.close()
        if own_context:
            tab.context.close()
