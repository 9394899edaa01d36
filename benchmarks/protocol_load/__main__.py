"""``python -m benchmarks.protocol_load --url URL --sessions N --seconds S [--json FILE]``."""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.protocol_load import MAX_SECONDS, MAX_SESSIONS
from benchmarks.protocol_load.client import Dropped, Result, Session

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# The shared links the sessions open, in turn: every page, both languages.
LINKS = (
    "?lang=en",
    "trends?lang=zh",
    "rankings?lang=en",
    "map?lang=en",
    "claims?lang=zh",
    "sources?lang=en",
    "trends?lang=en&unit=printed",
    "rankings?lang=zh&period=latest",
)
KINDS = ("link open", "filter change", "page switch")


@dataclass
class Report:
    """What ``run`` measured; ``summary`` per kind of interaction and for all."""

    url: str
    sessions: int
    seconds: float
    interactions: int
    per_second: float
    errors: list[str]
    dropped: list[str]
    reconnects: int
    filters_changed: int = 0  # filter changes whose run changed the view (the link)
    summary: dict[str, dict[str, float]] = field(default_factory=dict)


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (nearest rank) of ``values``; 0 when there are none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def summarise(results: list[Result]) -> dict[str, dict[str, float]]:
    out = {}
    for kind in ("all", *KINDS):
        times = [r.seconds for r in results if kind in ("all", r.kind)]
        out[kind] = {
            "count": len(times),
            "p50": percentile(times, 0.5),
            "p95": percentile(times, 0.95),
            "max": max(times, default=0.0),
        }
    return out


async def run(url: str, sessions: int, seconds: float, think: float, seed: int) -> Report:
    """``sessions`` readers on ``url`` for ``seconds``, started over the first second or two."""
    base = url if url.endswith("/") else url + "/"
    started = time.monotonic()
    deadline = started + seconds
    rng = random.Random(seed)
    readers = [
        Session(n, base, LINKS[n % len(LINKS)], random.Random(rng.random()), think)
        for n in range(sessions)
    ]

    async def one(reader: Session) -> str | None:
        await asyncio.sleep(reader.number * min(0.05, 2.0 / max(1, sessions)))
        try:
            await reader.run(deadline)
        except Dropped as err:
            return str(err)
        except Exception as err:  # a session that fails outright is dropped, and says why
            return f"session {reader.number}: {type(err).__name__}: {err}"
        finally:
            await reader.close()
        return None

    outcomes = await asyncio.gather(*(one(r) for r in readers))
    elapsed = time.monotonic() - started
    results = [r for reader in readers for r in reader.results]
    return Report(
        url,
        sessions,
        round(elapsed, 1),
        len(results),
        round(len(results) / elapsed, 2) if elapsed else 0.0,
        [f"session {r.session} {r.kind}: {r.error}" for r in results if r.error],
        [o for o in outcomes if o],
        sum(reader.reconnects for reader in readers),
        sum(r.changed for r in results if r.kind == "filter change"),
        summarise(results),
    )


def text(report: Report) -> str:
    lines = [
        f"{report.sessions} sessions on {report.url} for {report.seconds} s: "
        f"{report.interactions} interactions, {report.per_second}/s, "
        f"{len(report.errors)} errors, {len(report.dropped)} dropped, "
        f"{report.reconnects} reconnects; {report.filters_changed} of "
        f"{report.summary['filter change']['count']:.0f} filter changes changed the view",
        "",
        "| interaction | count | p50 | p95 | max |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, s in report.summary.items():
        lines.append(
            f"| {kind} | {s['count']:.0f} | {s['p50']:.2f} s | {s['p95']:.2f} s | "
            f"{s['max']:.2f} s |"
        )
    lines += [f"error: {e}" for e in report.errors[:20]]
    lines += [f"dropped: {d}" for d in report.dropped[:20]]
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks.protocol_load", description=__doc__)
    p.add_argument(
        "--url", required=True, help="the app's root on loopback, e.g. http://127.0.0.1:8080/"
    )
    p.add_argument("--sessions", type=int, default=4)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--think", type=float, default=3.0, help="mean seconds between interactions")
    p.add_argument("--seed", type=int, default=17)
    p.add_argument("--json", type=Path, help="also write the report as JSON here")
    return p


def check(url: str, sessions: int, seconds: float) -> str | None:
    """Why these arguments are refused, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.hostname not in LOOPBACK:
        return f"--url {url!r}: loopback only (http://127.0.0.1:PORT/...)"
    if not 1 <= sessions <= MAX_SESSIONS:
        return f"--sessions: between 1 and {MAX_SESSIONS}"
    if not 0 < seconds <= MAX_SECONDS:
        return f"--seconds: at most {MAX_SECONDS}"
    return None


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    problem = check(args.url, args.sessions, args.seconds)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    report = asyncio.run(run(args.url, args.sessions, args.seconds, args.think, args.seed))
    print(text(report))
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=1, ensure_ascii=False))
    return 1 if report.errors or report.dropped else 0


if __name__ == "__main__":
    sys.exit(main())
