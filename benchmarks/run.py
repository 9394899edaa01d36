"""Measure load, reload, memory and the app at 1k to 100k claims; write a markdown table.

    python -m benchmarks.run                      # 1k, 10k, 100k claims (about 15 minutes)
    python -m benchmarks.run --sizes 1000 --repeat 3            # a quick look
    python -m benchmarks.run --only reload,memory --sizes 100000
    python -m benchmarks.run --profile cold --sizes 100000      # where the time goes

Every figure is the median of several runs, each in a fresh process, and comes with a floor
measured in the same run on the same files, and their ratio:

- cold: parse + validate + tidy table (``load_dataset`` + ``tidy_table``, no cache), against
  a bare ``yaml.load(..., CSafeLoader)`` of the same files;
- warm: a new process serving the same unchanged folder from the cache on disk
  (``DataStore(...).refresh().table``), against reading and hashing the files, which is
  what any content-keyed cache must do;
- reload: ``refresh()`` + ``table`` after one claim file of ~100 was edited, in a process that
  serves the folder, against ``yaml.load`` of the edited file;
- memory: resident memory of a process holding a DataStore snapshot and its table, against a
  process holding ``yaml.load`` of every file (both after the same imports).

The app's figures, at the largest size unless ``--only`` names them (see
``benchmarks/rerun.py``, ``browser.py`` and ``sessions.py``; the browser ones need
/usr/bin/chromium, else their rows say so):

- rerun: the server-side rerun of trends, rankings and map after a metric change (AppTest),
  against ``benchmarks/floor_app.py`` drawing the same figure from a ready table;
- browser: in headless Chromium, from picking another metric to the new chart drawn and the
  run over, on trends, rankings and map, against the same floor script;
- sessions: the server's resident memory with three browser sessions that opened overview,
  trends, rankings and map, against a bare Streamlit server running an empty script;
- pages: in headless Chromium, from a click on a page's sidebar link to the page drawn, every
  page, on the bundled data and on the generated set, against ``benchmarks/floor_pages.py``
  (a bare multipage app with a select box, a plotly chart and a 300-row table per page).

    python -m benchmarks.run --only browser,sessions --sizes 10000,100000

And the quality of drafted claims on the bundled articles (``benchmarks/drafting.py``):

    python -m benchmarks.run --only drafting

Results go to ``benchmarks/results/`` (git-ignored) as ``latest.md`` and a dated copy, and are
printed. Generated data sets are kept in ``benchmarks/.data/`` keyed on their parameters.

Adding a measurement: write ``def measure_<name>(data: Path, runs: int, claims: int) ->
list[Row]`` (``Row`` and ``in_fresh_process`` are in ``benchmarks/common.py``) and register it
in ``MEASUREMENTS`` (every size) or ``APP`` (the largest size), with its target in the rows.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.browser import measure_browser
from benchmarks.common import (
    DATA,
    RESULTS,
    Row,
    dataset,
    fmt,
    in_fresh_process,
    machine,
    not_measured,
    scratch_copy,
    table,
    write_results,
)
from benchmarks.core import (
    measure_cold,
    measure_memory,
    measure_reload,
    measure_warm,
    work_profile,
)
from benchmarks.drafting import drafting_report
from benchmarks.pages import measure_pages
from benchmarks.rerun import measure_rerun
from benchmarks.server import CHROMIUM
from benchmarks.sessions import measure_sessions

MEASUREMENTS: dict[str, Callable[..., list[Row]]] = {
    "cold": measure_cold,
    "warm": measure_warm,
    "reload": measure_reload,
    "memory": measure_memory,
}
# The app's figures: server-side reruns, change-to-chart in Chromium, memory with three
# sessions. Their targets are set at 100,000 claims: by default they run at the largest size
# only (at every size when --only names them).
APP = {
    "rerun": measure_rerun,
    "browser": measure_browser,
    "sessions": measure_sessions,
    "pages": measure_pages,
}
OPTIONAL = APP  # the name the docstring and earlier commands use
# Not timings: the quality of drafted claims on the bundled articles (benchmarks/drafting.py),
# once per run whatever the sizes.
QUALITY = {"drafting": drafting_report}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="claims, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement")
    parser.add_argument(
        "--repeat-large", type=int, default=3, help="runs per measurement from 50,000 claims"
    )
    parser.add_argument(
        "--only",
        default="",
        help=f"measurements to run (default: all): {', '.join([*MEASUREMENTS, *APP])}",
    )
    parser.add_argument("--sequential", action="store_true", help="also cold load in 1 process")
    parser.add_argument("--profile", choices=["cold", "reload"], help="profile instead")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    command = "python -m benchmarks.run " + " ".join(argv if argv is not None else sys.argv[1:])
    args.out.mkdir(parents=True, exist_ok=True)
    DATA.mkdir(parents=True, exist_ok=True)

    if args.profile:
        for claims in sizes:
            data = dataset(claims)
            if args.profile == "reload":
                data = scratch_copy(data)
            out = args.out / f"profile-{args.profile}-{claims}.txt"
            in_fresh_process(work_profile, data, args.profile, out)
            if args.profile == "reload":
                shutil.rmtree(data.parent, ignore_errors=True)
            print(f"wrote {out}")
        return 0

    named = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in named if name not in {**MEASUREMENTS, **APP, **QUALITY}]
    if unknown:
        parser.error(f"unknown measurement(s): {', '.join(unknown)}")
    chosen = named or [*MEASUREMENTS, *APP, *QUALITY]
    rows: list[Row] = []
    started = time.perf_counter()
    quality = "".join(f"\n{QUALITY[name]()}\n" for name in chosen if name in QUALITY)
    for claims in sizes if any(name not in QUALITY for name in chosen) else []:
        data = dataset(claims)
        runs = args.repeat if claims < 50_000 else args.repeat_large
        for name in chosen:
            if name in QUALITY:
                continue
            if name in APP and not named and claims != max(sizes):
                continue
            print(f"{name} at {claims:,} claims, {runs} runs ...", flush=True)
            if name == "cold":
                found = measure_cold(data, runs, claims, args.sequential)
            elif name in APP and not Path(CHROMIUM).exists() and name != "rerun":
                found = [not_measured(name, claims, f"no {CHROMIUM}: apt-get install chromium")]
            else:
                found = {**MEASUREMENTS, **APP}[name](data, runs, claims)
            rows.extend(found)
            for r in found:
                print(f"  {r.measure}: {fmt(r.ours, r.unit)} (floor {fmt(r.floor, r.unit)})")
    text = table(rows, machine(), command.strip())
    text += quality
    text += f"\nTotal time {time.perf_counter() - started:.0f} s.\n"
    write_results(args.out, rows, text)
    print()
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
