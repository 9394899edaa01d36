"""What every measurement shares: paths, data sets, fresh-process runs, rows and the table."""

from __future__ import annotations

import importlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"
RESULTS = HERE / "results"
SEED = 20240226


# --------------------------------------------------------------------------------------------
# Fresh processes: a worker runs in a new interpreter and its result comes back as JSON.


def in_fresh_process(work: Callable[..., dict], *args: object, timeout: float = 900) -> dict:
    """Run ``work(*args)`` in a new interpreter and return its JSON. ``work`` is a module-level
    function of ``benchmarks`` (the new interpreter imports it by module and name); paths
    in ``args`` arrive as paths."""
    if work.__module__ == "__main__" or not work.__module__.startswith("benchmarks."):
        raise ValueError(f"{work.__qualname__}: not importable from the benchmarks package")
    task = work.__name__.removeprefix("work_")
    code = (
        "import json, sys; from benchmarks.common import run_work; "
        "print('@@' + json.dumps(run_work(*sys.argv[1:])))"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("DASHBOARD_CACHE_DIR", None)  # each measurement says what it caches
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            work.__module__,
            work.__name__,
            json.dumps([_encode(a) for a in args]),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("@@")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{task} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return json.loads(lines[-1][2:])


def run_work(module: str, name: str, args: str) -> dict:
    """The new interpreter's side of :func:`in_fresh_process`."""
    return getattr(importlib.import_module(module), name)(*_decode(args))


def _encode(value: object) -> object:
    return {"path": str(value)} if isinstance(value, Path) else value


def _decode(text: str) -> list[object]:
    return [
        Path(v["path"]) if isinstance(v, dict) and set(v) == {"path"} else v
        for v in json.loads(text)
    ]


# --------------------------------------------------------------------------------------------
# Data sets.


def dataset(claims: int) -> Path:
    """The generated data folder for ``claims`` claims (made once, then reused)."""
    from benchmarks.generate import FILES, GENERATOR_VERSION, generate

    params = {"claims": claims, "seed": SEED, "files": FILES, "version": GENERATOR_VERSION}
    out = DATA / f"n{claims}-s{SEED}-f{FILES}-v{GENERATOR_VERSION}"
    stamp = out / "PARAMS.json"
    if not (stamp.exists() and json.loads(stamp.read_text(encoding="utf-8")) == params):
        print(f"generating {claims:,} claims in {out.relative_to(ROOT)} ...", flush=True)
        generate(out, claims, SEED, FILES)
    return out / "data"


def scratch_copy(data: Path) -> Path:
    """A copy of a data set that a measurement may edit."""
    scratch = Path(tempfile.mkdtemp(prefix="bench-", dir=DATA))
    shutil.copytree(data.parent / "data", scratch / "data")
    shutil.copytree(data.parent / "seeds", scratch / "seeds")
    return scratch / "data"


# --------------------------------------------------------------------------------------------
# Rows and the results table.


@dataclass
class Row:
    """One line of the results table."""

    measure: str
    claims: int
    ours: float
    floor: float
    unit: str  # "s", "MB" or "×" (a ratio)
    target: str
    met: bool | None
    floor_name: str
    runs: int
    note: str = ""
    samples: dict[str, list[float]] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.ours / self.floor if self.floor == self.floor and self.floor else float("nan")


def not_measured(name: str, claims: int, why: str) -> Row:
    return Row(name, claims, float("nan"), float("nan"), "s", "-", None, "-", 0, f"not run: {why}")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, -(-len(ordered) * 95 // 100) - 1))]


def fmt(value: float, unit: str) -> str:
    if value != value:  # nan: no floor yet
        return "–"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "×":
        return f"{value:.2f}×"
    return f"{value * 1000:,.0f} ms" if value < 1 else f"{value:,.2f} s"


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu, ram = platform.processor() or "?", "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
        with open("/proc/meminfo", encoding="utf-8") as info:
            kb = int(next(line.split()[1] for line in info if line.startswith("MemTotal")))
            ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    from importlib import metadata

    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("pandas", "pydantic", "PyYAML", "pyarrow")
    )
    return {
        "cores": str(os.cpu_count()),
        "cpu": cpu,
        "ram": ram,
        "python": platform.python_version(),
        "libraries": versions,
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def table(rows: list[Row], info: dict[str, str], command: str) -> str:
    """The results as markdown."""
    lines = [
        f"Measured {datetime.now():%Y-%m-%d %H:%M} with `{command}`",
        f"on {info['cores']} cores ({info['cpu']}), {info['ram']} RAM, Python {info['python']}, "
        f"{info['libraries']}; load average at the end {info['load']}.",
        "",
        "| measure | claims | ours (median) | floor (median) | ratio | target | met | floor is "
        "| runs | note |",
        "|---|---:|---:|---:|---:|---|---|---|---:|---|",
    ]
    for r in rows:
        met = "" if r.met is None else ("yes" if r.met else "**no**")
        ratio = "–" if r.ratio != r.ratio else f"{r.ratio:.2f}"
        lines.append(
            f"| {r.measure} | {r.claims:,} | {fmt(r.ours, r.unit)} | {fmt(r.floor, r.unit)} "
            f"| {ratio} | {r.target} | {met} | {r.floor_name} | {r.runs} | {r.note} |"
        )
    return "\n".join(lines) + "\n"


def write_results(out: Path, rows: list[Row], text: str) -> None:
    """``text`` (the table) as ``out/latest.md`` and a dated copy, the rows as dated JSON."""
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    (out / f"bench-{stamp}.md").write_text(text, encoding="utf-8")
    (out / "latest.md").write_text(text, encoding="utf-8")
    (out / f"bench-{stamp}.json").write_text(
        json.dumps([{**r.__dict__, "ratio": r.ratio} for r in rows], indent=1), encoding="utf-8"
    )
