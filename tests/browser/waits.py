"""Waits for the states the browser tests act on, in place of fixed pauses.

A pause long enough on an idle machine is too short on a busy one; each wait here returns as
soon as the page is in the state the next step needs, and fails at a generous deadline.
"""

from __future__ import annotations

import time

from playwright.sync_api import TimeoutError as PlaywrightTimeout

DECK_TOOLTIP = """(text) => [...document.querySelectorAll('.deck-tooltip')]
  .some((e) => e.innerText.includes(text))"""
HOVER_TRY_MS = 2_000


def point_until_tooltip(page, x: float, y: float, text: str, timeout: float = 60_000) -> None:
    """Point at (x, y) on a deck.gl map until its tooltip shows ``text``.

    The tooltip comes from deck.gl picking the object under the pointer: once it shows, the
    layers are drawn and a press there picks that object. deck.gl picks once per pointer move,
    so a move made before the layers were drawn finds nothing and shows nothing; the pointer
    is nudged by a pixel (the dots are wider) and the tooltip awaited again, until ``timeout``.
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
