"""A team (replicas behind nginx) started for tests and measurements, and stopped after.

``start`` runs ``python -m dashboard.team start`` in a scratch run directory on a free port
and returns once nginx answers; ``stop`` ends it the way Ctrl-C would.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.server import ROOT, free_port


@dataclass
class RunningTeam:
    url: str  # nginx's address, prefix included, ending in /
    process: subprocess.Popen  # the supervisor
    run_dir: Path
    replicas: dict[int, int]  # port → pid
    nginx: int

    @property
    def access_log(self) -> Path:
        return self.run_dir / "logs" / "access.log"


def start(
    run_dir: Path,
    data_dir: Path | None = None,
    replicas: int = 2,
    prefix: str = "/",
    public_url: str | None = None,
    fail_timeout: int = 10,
    env_extra: dict[str, str] | None = None,
    within: float = 120.0,
) -> RunningTeam:
    """Replicas on ``data_dir`` (None: data/) behind nginx on a free port of 127.0.0.1."""
    run_dir.mkdir(parents=True, exist_ok=True)
    state = run_dir / "team.json"
    state.unlink(missing_ok=True)
    (run_dir / "logs" / "access.log").unlink(missing_ok=True)  # nginx appends: start afresh
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHBOARD_")}
    env.update(env_extra or {})
    command = [
        sys.executable, "-m", "dashboard.team", "start", "--replicas", str(replicas),
        "--port", str(free_port()), "--prefix", prefix, "--run-dir", str(run_dir),
        "--fail-timeout", str(fail_timeout),
    ]  # fmt: skip
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    if public_url:
        command += ["--public-url", public_url]
    log = (run_dir / "supervisor.log").open("w")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + within
    while not state.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            stop_process(process)
            text = (run_dir / "supervisor.log").read_text()
            raise RuntimeError(f"the team did not start:\n{text}")
        time.sleep(0.3)
    team = json.loads(state.read_text())
    replicas_ = {int(port): pid for port, pid in team["replicas"].items()}
    return RunningTeam(team["url"], process, run_dir, replicas_, team["nginx"])


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def stop(team: RunningTeam) -> None:
    """As Ctrl-C: the supervisor stops nginx and every replica."""
    stop_process(team.process)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
