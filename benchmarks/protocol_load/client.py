"""One session as Streamlit's page speaks to the server: an HTTP GET, a WebSocket, BackMsgs.

The server sends, for every script run, ``new_session`` (tagged with the run's id and, for a
fragment's run, its fragment ids), the run's elements as deltas, and ``script_finished``
with the same id. A full run asked for by ``rerun_script`` is over at the ``script_finished``
of the first full run that starts after the request and is not cut short for another.
"""

from __future__ import annotations

import asyncio
import random
import time
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

RUN_TIMEOUT = 60.0  # a run that has not finished by then is an error
RECONNECT_WITHIN = 30.0  # a session that cannot reconnect by then is dropped
MAX_MESSAGE = 256 * 2**20
FINISHED, COMPILE_ERROR, EARLY = 0, 1, 2
CHOICE_TYPES = ("selectbox", "radio")
SKIPPED_KEYS = ("w_lang", "w_present")  # the language and presentation mode change no data


@dataclass
class Result:
    """One interaction: its kind, how long to its finished run, and what went wrong."""

    session: int
    kind: str  # "link open", "filter change", "page switch"
    started: float
    seconds: float
    error: str = ""
    reconnected: bool = False
    changed: bool = True  # the link (the app's view) after the run differs from before


@dataclass
class Choice:
    """A select box or radio of the last run: its id, options and the one shown."""

    id: str
    options: list[str]
    shown: str


@dataclass
class Waiting:
    """What an interaction waits for: a full run started after ``sent`` and its finish."""

    done: asyncio.Future
    run_id: str = ""
    errors: list[str] = field(default_factory=list)


class Dropped(Exception):
    """The session could not reconnect."""


class Session:
    """One reader: opens ``link`` under ``base``, then acts every ``think`` seconds."""

    def __init__(self, number: int, base: str, link: str, rng: random.Random, think: float):
        self.number, self.base, self.link, self.rng, self.think = number, base, link, rng, think
        path, _, query = link.partition("?")
        self.page_name, self.query = path.strip("/"), query
        self.page_hash = ""
        self.pages: dict[str, str] = {}  # url path → script hash
        self.choices: dict[str, Choice] = {}
        self.ticks: dict[str, float] = {}  # fragment id → interval (the data watcher)
        self.ws: ClientConnection | None = None
        self.reader: asyncio.Task | None = None
        self.ticker: asyncio.Task | None = None
        self.waiting: Waiting | None = None
        self.running = False  # a run (the page's or the watcher's) is going
        self.cookie = ""
        self.reconnects = 0
        self.results: list[Result] = []

    # The connection ------------------------------------------------------------------

    async def connect(self) -> None:
        """The page's HTML first (nginx's affinity cookie comes with it), then the stream."""
        if not self.cookie:
            self.cookie = await asyncio.to_thread(_get_cookie, self.base + self.link)
        parts = urlsplit(self.base)
        scheme = "wss" if parts.scheme == "https" else "ws"
        headers = {"Origin": f"{parts.scheme}://{parts.netloc}"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        self.ws = await connect(
            f"{scheme}://{parts.netloc}{parts.path}_stcore/stream",
            subprotocols=["streamlit"],  # type: ignore[list-item]
            additional_headers=headers,
            max_size=MAX_MESSAGE,
            open_timeout=10,
        )
        self.reader = asyncio.create_task(self._read(self.ws))

    async def reconnect(self) -> None:
        """As the page does when its WebSocket closes: open a new one, until it works."""
        await self.close()
        self.reconnects += 1
        deadline = time.monotonic() + RECONNECT_WITHIN
        while True:
            try:
                await self.connect()
                return
            except (OSError, InvalidHandshake, TimeoutError) as err:
                if time.monotonic() > deadline:
                    raise Dropped(f"session {self.number}: {err}") from err
                await asyncio.sleep(0.5)

    async def close(self) -> None:
        for task in (self.ticker, self.reader):
            if task is not None:
                task.cancel()
        self.ticker = self.reader = None
        self.running = False
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                if isinstance(raw, bytes):
                    self._on(ForwardMsg.FromString(raw))
        except ConnectionClosed:
            pass
        if self.waiting is not None and not self.waiting.done.done():
            self.waiting.done.set_exception(ConnectionError("the stream closed"))

    def _on(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        waiting = self.waiting
        run = msg.metadata.run
        if kind in ("new_session", "script_finished"):
            self.running = kind == "new_session"
        if kind == "new_session":
            if not run.fragment_ids and waiting is not None and not waiting.run_id:
                waiting.run_id = run.script_run_id
                self.choices = {}
                self.page_hash = msg.new_session.page_script_hash
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
            self.page_hash = msg.navigation.page_script_hash or self.page_hash
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._element(msg, waiting)
        elif kind == "page_info_changed":  # the app wrote its view to the URL: the page's
            self.query = msg.page_info_changed.query_string  # next request carries it
        elif kind == "page_not_found" and waiting is not None:
            waiting.errors.append(f"page not found: {msg.page_not_found.page_name}")
        elif kind == "auto_rerun":
            self.ticks[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
            if self.ticker is None:
                self.ticker = asyncio.create_task(self._tick())
        elif kind == "stop_auto_rerun":
            self.ticks.clear()
        elif kind == "script_finished" and waiting is not None and not waiting.done.done():
            self._finished(msg, waiting)

    def _finished(self, msg: ForwardMsg, waiting: Waiting) -> None:
        if not waiting.run_id or msg.metadata.run.script_run_id != waiting.run_id:
            return  # a fragment's run, or one that started before the request
        if msg.script_finished == EARLY:
            waiting.run_id = ""  # cut short for another run: wait for that one
            return
        if msg.script_finished == COMPILE_ERROR:
            waiting.errors.append("the script did not compile")
        waiting.done.set_result(None)

    def _element(self, msg: ForwardMsg, waiting: Waiting | None) -> None:
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception" and waiting is not None and not msg.metadata.run.fragment_ids:
            waiting.errors.append(f"exception: {element.exception.type}: "
                                  f"{element.exception.message[:200]}")  # fmt: skip
        elif kind in CHOICE_TYPES:
            widget = getattr(element, kind)
            key = widget.id.rsplit("-", 1)[-1]
            if widget.options and not key.startswith(SKIPPED_KEYS) and not widget.disabled:
                shown = widget.options[widget.default] if widget.HasField("default") else ""
                self.choices[widget.id] = Choice(widget.id, list(widget.options), shown)

    async def _tick(self) -> None:
        """The data watcher's fragment, rerun at its interval as the page asks."""
        while self.ticks and self.ws is not None:
            fragment, interval = next(iter(self.ticks.items()))
            await asyncio.sleep(interval)
            if self.waiting is not None or self.running:
                continue  # as the page: no tick while a run is going (it would cut it short)
            state = self._state()
            state.fragment_id, state.is_auto_rerun = fragment, True
            try:
                await self.ws.send(BackMsg(rerun_script=state).SerializeToString())
            except ConnectionClosed:
                return

    # Interactions ----------------------------------------------------------------------

    def _state(self, widgets: list[WidgetState] | None = None) -> ClientState:
        state = ClientState(query_string=self.query, page_script_hash=self.page_hash)
        state.page_name = "" if self.page_hash else self.page_name
        state.context_info.url = self.base + (self.page_name or "")
        state.context_info.locale = "zh-CN" if "lang=zh" in self.query else "en-US"
        state.context_info.timezone = "Asia/Shanghai"
        if widgets:
            state.widget_states.widgets.extend(widgets)
        return state

    async def interact(self, kind: str, widgets: list[WidgetState] | None = None) -> Result:
        """Send a rerun and wait for its full run to finish; reconnect if the stream closes."""
        started = time.monotonic()
        reconnected, before = False, self.query
        while True:
            loop = asyncio.get_running_loop()
            self.waiting = Waiting(loop.create_future())
            try:
                if self.ws is None:
                    raise ConnectionError("not connected")
                await self.ws.send(BackMsg(rerun_script=self._state(widgets)).SerializeToString())
                await asyncio.wait_for(self.waiting.done, RUN_TIMEOUT)
                error = "; ".join(self.waiting.errors)
                break
            except (ConnectionClosed, ConnectionError):
                reconnected = True
                await self.reconnect()
            except TimeoutError:
                started_run = "its run started" if self.waiting.run_id else "no run started"
                error = (f"no finished run within {RUN_TIMEOUT:.0f} s ({started_run}"
                         f"{', after a reconnect' if reconnected else ''})")  # fmt: skip
                break
        self.waiting = None
        elapsed = time.monotonic() - started
        result = Result(self.number, kind, started, elapsed, error, reconnected)
        result.changed = self.query != before
        self.results.append(result)
        return result

    async def change_filter(self) -> Result | None:
        """A new value in one of the page's select boxes or radios (None: the page has none)."""
        if not self.choices:
            return None
        choice = self.rng.choice(sorted(self.choices.values(), key=lambda c: c.id))
        others = [o for o in choice.options if o != choice.shown] or choice.options
        value = self.rng.choice(others)
        return await self.interact("filter change", [WidgetState(id=choice.id, string_value=value)])

    async def switch_page(self) -> Result:
        """Another page, keeping the language: as a click in the navigation does."""
        current = next((p for p, h in self.pages.items() if h == self.page_hash), None)
        others = sorted(p for p in self.pages if p != current) or [""]
        target = self.rng.choice(others)
        self.page_hash, self.page_name = self.pages.get(target, ""), target
        self.query = "lang=zh" if "lang=zh" in self.query else "lang=en"
        return await self.interact("page switch")

    async def run(self, deadline: float) -> None:
        """Open the link, then act every ``think`` seconds (±50%) until ``deadline``."""
        await self.connect()
        await self.interact("link open")
        while True:
            pause = self.think * self.rng.uniform(0.5, 1.5)
            if time.monotonic() + pause >= deadline:
                break
            await asyncio.sleep(pause)
            result = None
            if self.rng.random() < 0.6:
                result = await self.change_filter()
            if result is None:
                await self.switch_page()
        await self.close()


def _get_cookie(url: str) -> str:
    """The cookies the page's HTML sets (the proxy's affinity cookie), as a Cookie header."""
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        jar = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.load(header)
    return "; ".join(f"{k}={v.value}" for k, v in jar.items())
