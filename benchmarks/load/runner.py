"""One load-test run: scratch data, one server, the writer and the sessions; the report."""

from __future__ import annotations

import asyncio
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.common import RESULTS
from benchmarks.load.drive import run_sessions
from benchmarks.load.edits import EDITED, Writer, save, scratch_copy, versioned
from benchmarks.load.observe import TIMEOUT, Session
from benchmarks.load.report import Report, markdown, server_log_errors
from benchmarks.server import start, stop

MAX_SESSIONS = 8
MAX_SECONDS = 600


def run_load(
    sessions: int = 4, seconds: float = 60, out: Path = RESULTS, timeout: float = TIMEOUT
) -> Report:
    """Run the load test; write ``out/load.md``, the server log ``out/load-server.log`` and
    screenshots of failed interactions ``out/load-s*.png``. ``timeout``: seconds an
    interaction may take before it counts as an error."""
    if not 1 <= sessions <= MAX_SESSIONS:
        raise ValueError(f"sessions: 1 to {MAX_SESSIONS}")
    if not 0 < seconds <= MAX_SECONDS:
        raise ValueError(f"seconds: up to {MAX_SECONDS}")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("load-s*.png"):
        old.unlink()
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dashboard-load-") as tmp:
        data = scratch_copy(Path(tmp))
        edited = data / EDITED
        original = edited.read_text(encoding="utf-8")
        save(edited, versioned(original, 0))
        log = out / "load-server.log"
        server = start(data, log)
        assert urlsplit(server.url).hostname == "127.0.0.1"
        writer = Writer(edited, original)
        people = [Session(i + 1, "zh" if i % 2 else "en", timeout) for i in range(sessions)]
        try:
            # A thread of its own: the caller may run an event loop already (Playwright's
            # sync API in the same pytest process does).
            with ThreadPoolExecutor(1) as pool:
                chromium = pool.submit(
                    asyncio.run, run_sessions(server.url, people, writer, seconds, out)
                ).result()
        finally:
            writer.stop.set()
            stop(server)
    report = Report(
        people,
        seconds,
        versions=len(writer.good) - 1,
        broken=len(writer.broken),
        server_errors=server_log_errors(log),
        writer_failure=repr(writer.failure) if writer.failure else None,
        chromium=chromium,
        wall=time.monotonic() - began,
    )
    command = f"python -m benchmarks.load --sessions {sessions} --seconds {seconds:g}"
    if timeout != TIMEOUT:
        command += f" --timeout {timeout:g}"
    (out / "load.md").write_text(markdown(report, command), encoding="utf-8")
    return report
