"""The load test's command line: ``python -m benchmarks.load --sessions 4 --seconds 60``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import benchmarks.load
from benchmarks.common import RESULTS
from benchmarks.load.observe import TIMEOUT
from benchmarks.load.runner import MAX_SECONDS, MAX_SESSIONS, run_load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load", description=benchmarks.load.__doc__.splitlines()[0]
    )
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
