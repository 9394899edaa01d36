"""Serving a team: replicas of the app on loopback ports and nginx in front.

``python -m dashboard.team start`` (``make serve-team``) starts ``--replicas`` Streamlit
processes on free ports of 127.0.0.1, all on the same data folder and the same parse cache
(``DASHBOARD_CACHE_DIR``), writes nginx's configuration from ``deploy/nginx.conf.template``
into a run directory and runs nginx from it as an ordinary process on ``--listen:--port``.
It stays in the foreground: Ctrl-C (or ``python -m dashboard.team stop``, ``make stop-team``)
stops everything it started. The processes' ids are in ``<run>/team.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dashboard.present.public import SETTING, setting_problem

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
RUN_DIR = ROOT / ".run" / "team"
NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/bin/nginx")
UNPRIVILEGED = "nobody nogroup"  # nginx's workers when started by root
HEALTHY_WITHIN = 90.0  # seconds for a replica to answer /_stcore/health


class TeamError(Exception):
    """Something the person starting the team must fix; printed without a traceback."""


@dataclass
class Team:
    """What ``start`` started: written to ``<run>/team.json`` for ``stop`` and the tests."""

    url: str  # the address nginx serves, prefix included
    supervisor: int  # this process
    nginx: int = 0
    replicas: dict[int, int] = field(default_factory=dict)  # port → pid
    prefix: str = "/"


def nginx_binary() -> str:
    """nginx's path, or a :class:`TeamError` saying how to install it."""
    found = shutil.which("nginx") or next(
        (c for c in NGINX_CANDIDATES if os.access(c, os.X_OK)), None
    )
    if found is None:
        raise TeamError(
            "nginx is not installed: run `apt-get install nginx` as root "
            "(make serve-team does so itself when run as root)"
        )
    return found


def normal_prefix(prefix: str) -> str:
    """``innovation`` or ``/innovation/`` → ``/innovation/``; empty → ``/``."""
    parts = [p for p in prefix.split("/") if p]
    for part in parts:
        if not all(c.isalnum() or c in "-_." for c in part):
            raise TeamError(f"--prefix {prefix!r}: letters, digits, '-', '_' and '.' only")
    return "/" + "".join(f"{p}/" for p in parts)


def render(
    template: str,
    *,
    run_dir: Path,
    listen: str,
    port: int,
    replica_ports: list[int],
    prefix: str = "/",
    as_root: bool = False,
    fail_timeout: int = 10,
) -> str:
    """nginx's configuration: ``template`` with its ``@NAMES@`` filled in."""
    servers = "\n".join(
        f"        server 127.0.0.1:{p} max_fails=1 fail_timeout={fail_timeout}s;"
        for p in replica_ports
    )
    values = {
        "@USER@": f"user {UNPRIVILEGED};" if as_root else "",
        "@RUN@": str(run_dir),
        "@LISTEN@": listen,
        "@PORT@": str(port),
        "@SERVERS@": servers,
        "@PREFIX@": prefix,
    }
    text = template
    for key, value in values.items():
        text = text.replace(key, value)
    if "@" in "".join(line.split("#", 1)[0] for line in text.splitlines()):
        raise TeamError(f"{TEMPLATE}: a @NAME@ left unfilled")
    return text


def free_ports(count: int, avoid: set[int]) -> list[int]:
    """``count`` ports of 127.0.0.1 that nothing listens on now."""
    ports: list[int] = []
    while len(ports) < count:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in avoid and port not in ports:
            ports.append(port)
    return ports


def wait_healthy(url: str, process: subprocess.Popen, log: Path, within: float) -> None:
    """Until ``url`` answers 200; a :class:`TeamError` with the log's tail if it never does."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise TeamError(f"{log}: exited with {process.returncode}:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TeamError(f"{url} did not answer within {within:.0f} s; see {log}:\n{_tail(log)}")


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


class Supervisor:
    """The replicas and nginx, started in order and stopped together."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.run_dir: Path = args.run_dir.absolute()
        self.prefix = normal_prefix(args.prefix)
        self.processes: list[subprocess.Popen] = []
        self.team = Team(
            f"http://{args.listen}:{args.port}{self.prefix}", os.getpid(), prefix=self.prefix
        )

    def start(self) -> Team:
        nginx = nginx_binary()
        public = self.args.public_url  # unset: links follow the browser's address of nginx
        problem = setting_problem(public) if public else None
        if problem:
            raise TeamError(f"--public-url {public!r}: {problem}")
        for sub in ("logs", "tmp"):
            (self.run_dir / sub).mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        if public:
            env[SETTING] = public
        env.setdefault("DASHBOARD_CACHE_DIR", str(ROOT / ".cache"))
        if self.args.data_dir:
            env["DASHBOARD_DATA_DIR"] = str(Path(self.args.data_dir).absolute())
        # One cookie secret for all replicas: a cookie one signs, another accepts.
        env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", self._secret())
        ports = free_ports(self.args.replicas, {self.args.port})
        for number, port in enumerate(ports, 1):
            self._replica(number, port, env)
        for number, (port, process) in enumerate(zip(ports, self.processes, strict=True), 1):
            log = self.run_dir / "logs" / f"replica-{number}.log"
            wait_healthy(
                f"http://127.0.0.1:{port}{self.prefix}_stcore/health", process, log, HEALTHY_WITHIN
            )
        self._nginx(nginx, ports)
        self._save()
        return self.team

    def _secret(self) -> str:
        path = self.run_dir / "cookie-secret"
        if not path.exists():
            path.write_text(secrets.token_hex(32))
            path.chmod(0o600)
        return path.read_text().strip()

    def _replica(self, number: int, port: int, env: dict[str, str]) -> None:
        log = (self.run_dir / "logs" / f"replica-{number}.log").open("w")
        command = [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
            "--server.address", "127.0.0.1", "--server.port", str(port),
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.baseUrlPath", self.prefix.strip("/"),
        ]  # fmt: skip
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        self.processes.append(process)
        self.team.replicas[port] = process.pid

    def _nginx(self, nginx: str, ports: list[int]) -> None:
        config = self.run_dir / "nginx.conf"
        config.write_text(
            render(
                TEMPLATE.read_text(),
                run_dir=self.run_dir,
                listen=self.args.listen,
                port=self.args.port,
                replica_ports=ports,
                prefix=self.prefix,
                as_root=os.geteuid() == 0,
                fail_timeout=self.args.fail_timeout,
            )
        )
        base = [nginx, "-p", str(self.run_dir), "-c", str(config)]
        base += ["-e", str(self.run_dir / "logs" / "error.log")]
        checked = subprocess.run([*base, "-t", "-q"], capture_output=True, text=True)
        if checked.returncode != 0:
            raise TeamError(f"{config}: nginx refuses it:\n{checked.stderr.strip()}")
        log = self.run_dir / "logs" / "nginx.log"
        process = subprocess.Popen(
            [*base, "-g", "daemon off;"], stdout=log.open("w"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        self.processes.append(process)
        self.team.nginx = process.pid
        wait_healthy(f"{self.team.url}_stcore/health", process, log, 20)

    def _save(self) -> None:
        (self.run_dir / "team.json").write_text(json.dumps(asdict(self.team), indent=1))

    def watch(self) -> int:
        """Until a signal or nginx's end; a replica that ends is reported and left out."""
        stopping: list[int] = []
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, lambda number, _frame: stopping.append(number))
        reported: set[int] = set()
        while not stopping:
            for process in self.processes:
                if process.poll() is not None and process.pid not in reported:
                    reported.add(process.pid)
                    what = "nginx" if process.pid == self.team.nginx else "a replica"
                    print(f"{what} (pid {process.pid}) exited with {process.returncode}",
                          flush=True)  # fmt: skip
            if self.team.nginx in reported:
                break
            time.sleep(0.5)
        return 0 if stopping else 1

    def stop(self) -> None:
        """Every process started, most recent first: TERM, then KILL after 10 s."""
        for process in reversed(self.processes):
            if process.poll() is None:
                _signal_group(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for process in reversed(self.processes):
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        (self.run_dir / "team.json").unlink(missing_ok=True)


def _signal_group(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, sig)  # each child leads its own group (nginx's workers are in it)


def stop_team(run_dir: Path, within: float = 20.0) -> bool:
    """Ask a running ``start`` to stop (it stops what it started); False if none runs."""
    path = run_dir / "team.json"
    if not path.exists():
        return False
    team = json.loads(path.read_text())
    try:
        os.kill(team["supervisor"], signal.SIGTERM)
    except ProcessLookupError:  # the supervisor is gone: end its processes directly
        for pid in [team["nginx"], *team["replicas"].values()]:
            if pid:
                _signal_group(pid, signal.SIGTERM)
        path.unlink(missing_ok=True)
        return True
    deadline = time.monotonic() + within
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    return True


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard.team", description=__doc__)
    p.add_argument("command", choices=["start", "stop"])
    p.add_argument("--replicas", type=int, default=2)
    p.add_argument("--port", type=int, default=8080, help="nginx's port")
    p.add_argument("--listen", default="127.0.0.1", help="nginx's address")
    p.add_argument("--prefix", default="/", help="a path prefix, e.g. /innovation")
    p.add_argument("--public-url", default=os.environ.get(SETTING), help=f"default: ${SETTING}"
                   "; unset, links name the address the browser shows")  # fmt: skip
    p.add_argument("--data-dir", default=None, help="default: $DASHBOARD_DATA_DIR or data/")
    p.add_argument("--run-dir", type=Path, default=RUN_DIR)
    p.add_argument("--fail-timeout", type=int, default=10, help="seconds a dead replica is out")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "stop":
        if not stop_team(args.run_dir.absolute()):
            print(f"no team running from {args.run_dir}")
        return 0
    if not 1 <= args.replicas <= 16:
        print("--replicas: between 1 and 16", file=sys.stderr)
        return 2
    supervisor = Supervisor(args)
    try:
        team = supervisor.start()
        ports = ", ".join(map(str, team.replicas))
        print(f"serving {team.url} with {len(team.replicas)} replicas (ports {ports}); "
              "Ctrl-C stops", flush=True)  # fmt: skip
        return supervisor.watch()
    except TeamError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        supervisor.stop()


if __name__ == "__main__":
    sys.exit(main())
