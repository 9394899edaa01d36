"""The app served on loopback for benchmarks and browser tests, and the Chromium that opens it.

``start`` runs ``streamlit run dashboard/app.py`` (or another script) on a free port of
127.0.0.1 with the same Python, returns once ``/_stcore/health`` answers, and ``stop`` ends it.
``chromium`` (sync) and ``launch`` (sync or async Playwright) start Debian's headless Chromium
with the settings every browser run here uses.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
APP = "dashboard/app.py"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
VIEWPORT = {"width": 1400, "height": 1400}
# The script run is over: Streamlit marks the app element notRunning.
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# A request to anything but this machine (to abort, and to fail on).
OUTSIDE = re.compile(r"^(?!(https?|wss?)://(127\.0\.0\.1|localhost|\[::1\])[:/])[a-z]+://")
# Opening a deep link (/trends), Streamlit's frontend first probes /trends/_stcore/health and
# /trends/_stcore/host-config, gets 404, then uses the root. Those two 404s are expected
# (under a path prefix, /innovation/trends/_stcore/...).
BASE_PATH_PROBE = re.compile(r"^(/[a-z]+)+/_stcore/(health|host-config)$")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path


def start(
    data_dir: Path | None,
    log: Path,
    script: str = APP,
    env_extra: dict[str, str] | None = None,
) -> Server:
    """``streamlit run script`` on a free port of 127.0.0.1 (headless, no usage statistics)
    on ``data_dir`` (None: the bundled data/), once /_stcore/health answers."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHBOARD_")}
    env.update(env_extra or {})
    if data_dir is not None:
        env["DASHBOARD_DATA_DIR"] = str(data_dir)
    log.parent.mkdir(parents=True, exist_ok=True)
    handle = log.open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return Server(url, process, log)
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError(f"streamlit did not become healthy:\n{log.read_text()}")


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=10)


def launch(playwright: Any) -> Any:
    """Chromium from ``playwright`` (the sync or the async API: then await the result)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (sync Playwright), closed at the end."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError("install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()
