"""How many readers a team holds: ``python -m benchmarks.capacity``.

For each data set (the bundled ``data/``, and synthetic claims from ``benchmarks/generate.py``)
and each team size (one replica, two, always behind nginx as ``make serve-team`` runs them),
the protocol load test (``benchmarks.protocol_load``) runs at a rising number of sessions
until p95 time to a finished run reaches ``--target`` seconds or anything fails. Reported:
the largest N whose p95 stays under the target, and the servers' memory per session (the
replicas' RSS while N sessions are open, less their RSS with the data loaded and no session,
over N). Then, on two replicas, the replica serving the first session is killed a third of
the way into a run: its sessions must reconnect through nginx to the other, and nothing else
may fail. The load average is read before and after each step: the machine may be shared.

The sessions run in this process, on the same cores as the servers: figures are pessimistic.
Results go to ``benchmarks/results/capacity.md`` (and ``.json``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import threading
import time

from benchmarks import team as teams
from benchmarks.common import DATA, RESULTS, ROOT, dataset, machine
from benchmarks.protocol_load.__main__ import Report, run

WARM_SECONDS = 6.0


def rss(pid: int) -> int:
    """Resident memory of ``pid`` in bytes (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class PeakRss(threading.Thread):
    """The largest sum of the replicas' RSS seen while it runs (sampled every 0.25 s)."""

    def __init__(self, pids: list[int]) -> None:
        super().__init__(daemon=True)
        self.pids, self.peak, self.stopping = pids, 0, threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(0.25):
            self.peak = max(self.peak, sum(rss(p) for p in self.pids))


def load_avg() -> str:
    """The 1-minute load average."""
    return f"{os.getloadavg()[0]:.1f}"


def warm(team: teams.RunningTeam, within: float = 900.0) -> None:
    """Until links open without error on every replica: each loads its data on its first
    session (a cold load at 100,000 claims takes longer than a run may)."""
    deadline = time.monotonic() + within
    while True:
        report = asyncio.run(run(team.url, 6 * len(team.replicas), WARM_SECONDS, 1.0, seed=1))
        if not (report.errors or report.dropped) or time.monotonic() > deadline:
            return


def ladder(
    team: teams.RunningTeam, steps: list[int], seconds: float, think: float, target: float
) -> list[dict]:
    """Each step's report, up to the first whose p95 reaches ``target`` or that fails."""
    pids = list(team.replicas.values())
    warm(team)
    time.sleep(2)
    idle = sum(rss(p) for p in pids)
    rows = []
    for n in steps:
        before = load_avg()
        peak = PeakRss(pids)
        peak.start()
        report = asyncio.run(run(team.url, n, seconds, think, seed=n))
        peak.stopping.set()
        peak.join()
        row = _row(report, n)
        row.update(load_before=before, load_after=load_avg(), idle_rss=idle, peak_rss=peak.peak)
        row["mb_per_session"] = round((peak.peak - idle) / n / 2**20, 1)
        rows.append(row)
        print(f"  {n} sessions: p95 {row['p95']:.2f} s, {row['per_second']}/s, "
              f"{row['errors']} errors, {row['dropped']} dropped, load {row['load_after']}",
              flush=True)  # fmt: skip
        if row["p95"] >= target or row["errors"] or row["dropped"]:
            break
        time.sleep(2)  # the closed sessions leave
    return rows


def _row(report: Report, n: int) -> dict:
    s = report.summary["all"]
    return {
        "sessions": n,
        "interactions": report.interactions,
        "per_second": report.per_second,
        "p50": round(s["p50"], 3),
        "p95": round(s["p95"], 3),
        "max": round(s["max"], 3),
        "errors": len(report.errors),
        "dropped": len(report.dropped),
        "reconnects": report.reconnects,
        "error_samples": report.errors[:3] + report.dropped[:3],
    }


def kill_test(team: teams.RunningTeam, sessions: int, seconds: float, think: float) -> dict:
    """The replica serving the first session is killed a third of the way in."""

    def links() -> list[str]:
        return [x for x in team.access_log.read_text().splitlines() if "?lang=" in x]

    warm(team)
    time.sleep(1)  # nginx has logged the warm-up's requests
    before = len(links())

    async def scenario() -> tuple[Report, str]:
        load = asyncio.create_task(run(team.url, sessions, seconds, think, seed=99))
        await asyncio.sleep(seconds / 3)
        lines = links()[before:]
        victim = lines[0].split('" ', 1)[1].split()[1] if lines else ""
        port = int(victim.rsplit(":", 1)[1]) if victim else next(iter(team.replicas))
        os.killpg(team.replicas[port], signal.SIGKILL)
        return await load, f"127.0.0.1:{port}"

    report, killed = asyncio.run(scenario())
    return {"killed": killed, **_row(report, sessions)}


def measure(args: argparse.Namespace) -> dict:
    out: dict = {"machine": machine(), "runs": [], "kill": None}
    cache = DATA / "cache-capacity"
    for claims in args.claims:
        data = (ROOT / "data") if claims == 0 else dataset(claims)
        label = "bundled data/" if claims == 0 else f"{claims:,} claims"
        for replicas in args.replicas:
            print(f"{label}, {replicas} replica(s):", flush=True)
            team = teams.start(DATA / f"team-{claims}-{replicas}", data, replicas=replicas,
                               env_extra={"DASHBOARD_CACHE_DIR": str(cache)},
                               within=600)  # fmt: skip
            try:
                rows = ladder(team, args.steps, args.seconds, args.think, args.target)
            finally:
                teams.stop(team)
            good = [
                r for r in rows if r["p95"] < args.target and not r["errors"] and not r["dropped"]
            ]
            out["runs"].append({"data": label, "replicas": replicas, "steps": rows,
                                "largest": good[-1] if good else None})  # fmt: skip
    if args.kill_sessions:
        claims = args.claims[0]
        data = (ROOT / "data") if claims == 0 else dataset(claims)
        print(f"kill test: {args.kill_sessions} sessions on 2 replicas", flush=True)
        team = teams.start(DATA / "team-kill", data, replicas=2, within=600,
                           env_extra={"DASHBOARD_CACHE_DIR": str(cache)})  # fmt: skip
        try:
            out["kill"] = kill_test(team, args.kill_sessions, args.kill_seconds, args.think)
            out["kill"]["data"] = "bundled data/" if claims == 0 else f"{claims:,} claims"
        finally:
            teams.stop(team)
    return out


def markdown(out: dict, command: str) -> str:
    m = out["machine"]
    lines = [
        f"`{command}` on {m['cores']} cores ({m['cpu']}), {m['ram']}, Python {m['python']}; "
        f"load average {m['load']} at the start (the machine is shared: figures are pessimistic).",
        "",
        "| data | replicas | largest N with p95 < 1 s | its p50 / p95 | interactions/s | "
        "memory per session | load avg (1 min) before → after |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in out["runs"]:
        best = r["largest"]
        if best is None:
            lines.append(
                f"| {r['data']} | {r['replicas']} | none of {r['steps'][0]['sessions']}+ | | | | |"
            )
            continue
        lines.append(
            f"| {r['data']} | {r['replicas']} | {best['sessions']} | {best['p50']:.2f} s / "
            f"{best['p95']:.2f} s | {best['per_second']} | {best['mb_per_session']} MB | "
            f"{best['load_before']} → {best['load_after']} |"
        )
    lines += [
        "",
        "Every step:",
        "",
        "| data | replicas | N | p50 | p95 | max | /s | errors | dropped | RSS idle → peak | "
        "load avg (1 min) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in out["runs"]:
        for s in r["steps"]:
            lines.append(
                f"| {r['data']} | {r['replicas']} | {s['sessions']} | {s['p50']:.2f} | "
                f"{s['p95']:.2f} | {s['max']:.2f} | {s['per_second']} | {s['errors']} | "
                f"{s['dropped']} | {s['idle_rss'] / 2**20:.0f} → {s['peak_rss'] / 2**20:.0f} MB | "
                f"{s['load_before']} → {s['load_after']} |"
            )
    kill = out["kill"]
    if kill:
        lines += ["", f"Replica killed ({kill['killed']}) a third into {kill['sessions']} sessions "
                  f"on {kill['data']}, two replicas: {kill['reconnects']} reconnects, "
                  f"{kill['errors']} errors, {kill['dropped']} dropped, {kill['interactions']} "
                  f"interactions, p95 {kill['p95']:.2f} s, max {kill['max']:.2f} s."]  # fmt: skip
    return "\n".join(lines) + "\n"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks.capacity", description=__doc__)
    ints = lambda text: [int(x) for x in text.split(",")]  # noqa: E731
    p.add_argument("--claims", type=ints, default=[0, 100_000], help="0: the bundled data/")
    p.add_argument("--replicas", type=ints, default=[1, 2])
    p.add_argument("--steps", type=ints, default=[1, 2, 4, 8, 16, 32, 48, 64])
    p.add_argument("--seconds", type=float, default=20.0, help="per step")
    p.add_argument("--think", type=float, default=3.0, help="mean seconds between interactions")
    p.add_argument("--target", type=float, default=1.0, help="p95 in seconds")
    p.add_argument("--kill-sessions", type=int, default=8, help="0: no kill test")
    p.add_argument("--kill-seconds", type=float, default=30.0)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    command = "python -m benchmarks.capacity " + " ".join(argv or [])
    out = measure(args)
    text = markdown(out, command.strip())
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "capacity.md").write_text(text, encoding="utf-8")
    (RESULTS / "capacity.json").write_text(json.dumps(out, indent=1), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
