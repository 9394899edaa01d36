"""One interaction done and timed, and what every finished page must hold."""

from __future__ import annotations

import asyncio
import time

from benchmarks.load.edits import Writer
from benchmarks.load.observe import SNAPSHOT_JS, Look, Session
from benchmarks.load.steps import PATHS, Step, page_title

POLL = 0.2  # seconds between looks at a page
STEADY = 0.4  # the page must stay finished and complete this long
# An action whose control was redrawn under the pointer is tried again: a reload can close an
# open dropdown, and with a save every 2.5 s on two loaded cores that happened three times in
# a row (retries are counted in the report).
ACTION_TRIES = 5
IDLE_WAIT = 10.0  # seconds to let a rerun finish before the next action (not timed)
LOST_AFTER = 5.0  # a finished page in another view this long has lost the asked-for one
MIX_GRACE = 1.5  # a finished page may show two versions this long (a table drawn late)
FRESH_AFTER = 1.5  # a valid save this old must show on a page opened afterwards


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
    title = page_title(step.page, s.lang)
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


async def interact(s: Session, step: Step, writer: Writer, started: float) -> float:
    """Do ``step``; return seconds from the action until the page was complete and idle."""
    begin = await _act(s, step)
    title = page_title(step.page, s.lang)
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
