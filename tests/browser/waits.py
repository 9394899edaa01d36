"""Waits for the states the browser tests act on, in place of fixed pauses.

A pause long enough on an idle machine is too short on a busy one; each wait here returns as
soon as the page is in the state the next step needs, and fails at a generous deadline.
"""

from __future__ import annotations

import time

from google.protobuf.message import DecodeError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

DECK_TOOLTIP = """(text) => [...document.querySelectorAll('.deck-tooltip')]
  .some((e) => e.innerText.includes(text))"""
HOVER_TRY_MS = 2_000


def point_until_tooltip(page, x: float, y: float, text: str, timeout: float = 60_000) -> None:
    """Point at (x, y) on a deck.gl map until its tooltip shows ``text``.

    The tooltip comes from deck.gl picking the object under the pointer: once it shows, the
    layers are drawn and a press there picks that object. deck.gl picks on pointer moves;
    should a move made before the layers were drawn find nothing, the pointer is nudged by a
    pixel (the dots are wider) and the tooltip awaited again, until ``timeout``.
    """
    deadline = time.monotonic() + timeout / 1000
    nudge = 0
    while True:
        page.mouse.move(x + nudge, y)
        try:
            page.wait_for_function(DECK_TOOLTIP, arg=text, timeout=HOVER_TRY_MS)
            return
        except PlaywrightTimeout:
            if time.monotonic() >= deadline:
                raise
        nudge = 1 - nudge


# Streamlit draws a dataframe with glide-data-grid on a canvas. Inside the canvas the grid keeps
# an accessible table of the cells in view, which it rebuilds 200 ms after the view last moved.
# GRID_VIEW reads, from the grid's own props (found through React's fiber of the canvas), which
# cells are in view, as glide-data-grid computes them for that table: the frozen columns, then
# from the first scrolled column as many as fill the width; the rows from the first in view.
GRID_VIEW = """(grid) => {
  const canvas = grid.querySelector('canvas[data-testid="data-grid-canvas"]');
  const scroller = grid.querySelector('.dvn-scroller');
  if (!canvas || !scroller) return null;
  const key = Object.keys(canvas).find((k) => k.startsWith('__reactFiber$'));
  let fiber = key ? canvas[key] : null;
  while (fiber && !(fiber.memoizedProps && 'cellXOffset' in fiber.memoizedProps
                    && 'accessibilityHeight' in fiber.memoizedProps)) {
    fiber = fiber.return;
  }
  if (!fiber) return null;
  const p = fiber.memoizedProps;
  const columns = p.columns, freeze = p.freezeColumns || 0;
  const shown = [];
  let room = p.width;
  for (let k = 0; k < freeze && k < columns.length; k++) {
    shown.push(k);
    room -= columns[k].width;
  }
  const first = Math.max(freeze, Math.min(columns.length - 1, p.cellXOffset));
  let edge = p.translateX || 0, end = first;
  while (edge <= room && end < columns.length) edge += columns[end++].width;
  for (let k = first; k < end; k++) if (k >= freeze) shown.push(k);
  if (!p.firstColAccessible && shown[0] === 0) shown.shift();  // the row-selection column
  const rows = [];
  for (let r = p.cellYOffset; r < Math.min(p.rows, p.cellYOffset + p.accessibilityHeight); r++) {
    rows.push(r + 2);  // aria-rowindex: the header is row 1
  }
  const table = canvas.querySelector('table[role="grid"]');
  const listed = (selector, attribute) => table
    ? [...table.querySelectorAll(selector)].map((e) => Number(e.getAttribute(attribute)))
    : [];
  return {
    left: scroller.scrollLeft,
    top: scroller.scrollTop,
    region: [p.cellXOffset, p.translateX || 0, p.cellYOffset, p.translateY || 0].join(),
    want: [shown.map((k) => k + (p.firstColAccessible ? 1 : 0)), rows],
    have: [listed('thead th[role="columnheader"]', 'aria-colindex'),
           listed('tbody tr[role="row"]', 'aria-rowindex')],
  };
}"""

GRID_SHOWS_VIEW = (
    """([grid, before]) => {
  const view = ("""
    + GRID_VIEW
    + """)(grid);
  if (!view) return false;
  const moved = view.left !== before.left || view.top !== before.top;
  if (moved && view.region === before.region) return false;  // the scroll is not taken in yet
  return JSON.stringify(view.want) === JSON.stringify(view.have);
}"""
)


def scroll_grid(grid, left: int, top: int, timeout: float = 30_000) -> None:
    """Scroll a dataframe (``grid``: its stDataFrame locator) to (left, top) and wait until its
    accessible table lists exactly the columns and rows then in view."""
    handle = grid.element_handle()
    page = grid.page
    before = handle.evaluate(GRID_VIEW) or {"left": None, "top": None, "region": None}
    handle.evaluate(
        """(grid, [x, y]) => {
          const scroller = grid.querySelector('.dvn-scroller');
          scroller.scrollLeft = x;
          scroller.scrollTop = y;
        }""",
        [left, top],
    )
    page.wait_for_function(GRID_SHOWS_VIEW, arg=[handle, before], timeout=timeout)


# How a run of the data watcher (a fragment run every second) ends: having found nothing new,
# or having asked for a rerun of the page to reload the data. Nothing else reruns the page
# while a test only looks at it.
TICK_ENDS = (ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY, ForwardMsg.FINISHED_EARLY_FOR_RERUN)


def watcher_tick_ended(payload: str | bytes) -> bool:
    """True for a message of the server (a websocket frame) that a tick of the data watcher
    ended, see :data:`TICK_ENDS`."""
    if isinstance(payload, str):
        return False
    try:
        message = ForwardMsg.FromString(payload)
    except DecodeError:
        return False
    return message.WhichOneof("type") == "script_finished" and message.script_finished in TICK_ENDS


def watcher_ticks(socket, count: int, timeout: float = 60_000) -> None:
    """Wait until ``count`` more ticks of the data watcher have ended on the session of this
    websocket (``page.expect_websocket()`` gives it). A tick that found newer data ends by
    starting a reload of the page, which may still be running."""
    for _ in range(count):
        socket.wait_for_event("framereceived", predicate=watcher_tick_ended, timeout=timeout)


def canvas_settled(locator, timeout: float = 60_000) -> bytes:
    """The element's picture once deck.gl has stopped changing it: two consecutive
    screenshots alike (and not a blank canvas). Returns that picture."""
    deadline = time.monotonic() + timeout / 1000
    before = b""
    while True:
        now = locator.screenshot()
        if now == before and len(set(now[-4096:])) > 1:
            return now
        if time.monotonic() >= deadline:
            raise PlaywrightTimeout("the map kept changing or stayed blank")
        before = now
