"""The browsers of a run: one Chromium, one context per session, each looping its rounds."""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path

from benchmarks.load.edits import Writer
from benchmarks.load.interaction import Lost, interact
from benchmarks.load.observe import Session
from benchmarks.load.steps import STEPS_A, STEPS_B, Step
from benchmarks.server import OUTSIDE, launch

# Smaller than the browser tests' window: several full-size renderers on two cores would
# measure the browser more than the app.
VIEWPORT = {"width": 1280, "height": 900}
ACTION_TIMEOUT = 10_000  # ms for each click, fill and page load
OVERRUN = 120.0  # seconds an interaction may run past the end before it is cut


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
                    took = await interact(s, step, writer, started)
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


async def run_sessions(
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
