"""The load test's report: what was counted and timed, as markdown."""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path

from benchmarks.common import machine
from benchmarks.load.edits import EDITED, FIX_AFTER
from benchmarks.load.interaction import FRESH_AFTER, MIX_GRACE
from benchmarks.load.observe import Session


@dataclass
class Report:
    """What one run saw: every session's record, the writer's saves, the server log."""

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


def server_log_errors(log: Path) -> list[str]:
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in lines if re.search(r"Traceback|Error|Exception", line)]


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
