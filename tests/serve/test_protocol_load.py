"""The protocol-level load test against a real team (two replicas behind nginx), small."""

from __future__ import annotations

import asyncio
import json
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from benchmarks import team as teams
from benchmarks.protocol_load.__main__ import check, main, percentile, run


def off_the_main_thread(function, *args):
    """``function(*args)`` in a thread of its own: the browser tests' Playwright keeps an event
    loop running on the main thread for the whole session, where asyncio.run refuses to start."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(function, *args).result()


ROOT = Path(__file__).resolve().parents[2]
APP_DATA = ROOT / "tests" / "fixtures" / "app_data" / "data"
pytestmark = pytest.mark.serve


@pytest.fixture
def team(tmp_path) -> Iterator[teams.RunningTeam]:
    started = teams.start(tmp_path / "run", APP_DATA, replicas=2)
    yield started
    teams.stop(started)


def test_sessions_open_links_change_filters_and_switch_pages(team, tmp_path):
    """Every kind of interaction happens, finishes without error, and filter changes change
    the view; the command line writes the same report as JSON."""
    report = tmp_path / "report.json"
    args = ["--url", team.url, "--sessions", "3", "--seconds", "15", "--think", "1.5",
            "--json", str(report)]  # fmt: skip
    code = off_the_main_thread(main, args)
    found = json.loads(report.read_text())
    assert code == 0, found["errors"] + found["dropped"]
    assert found["errors"] == [] and found["dropped"] == [] and found["reconnects"] == 0
    for kind in ("link open", "filter change", "page switch"):
        assert found["summary"][kind]["count"] >= 1, kind
    assert found["summary"]["link open"]["count"] == 3
    assert found["filters_changed"] >= 1
    assert 0 < found["summary"]["all"]["p50"] <= found["summary"]["all"]["max"] < 60


def test_a_replica_killed_mid_test_its_sessions_reconnect_to_the_other(team):
    """Killing the replica that serves a session: that session reconnects through nginx to
    the other replica and goes on; no interaction fails, no session is dropped."""

    async def scenario():
        load = asyncio.create_task(run(team.url, 4, 16, 1.0, seed=3))
        await asyncio.sleep(6)
        served = [line for line in team.access_log.read_text().splitlines() if "?lang=" in line]
        victim = served[0].split('" ', 1)[1].split()[1]  # the first session's replica
        port = int(victim.rsplit(":", 1)[1])
        os.killpg(team.replicas[port], signal.SIGKILL)
        return await load

    report = off_the_main_thread(asyncio.run, scenario())
    assert report.errors == [] and report.dropped == []
    assert report.reconnects >= 1
    assert report.summary["all"]["count"] > 4


def test_only_loopback_and_bounded_runs_are_accepted():
    assert check("http://127.0.0.1:8080/", 10, 60) is None
    assert "loopback" in (check("http://intranet.example/", 10, 60) or "")
    assert "between" in (check("http://127.0.0.1:8080/", 10_000, 60) or "")
    assert "at most" in (check("http://127.0.0.1:8080/", 10, 10**6) or "")


def test_percentile_is_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert (percentile(values, 0.5), percentile(values, 0.95)) == (50.0, 95.0)
    assert percentile([], 0.5) == 0.0 and percentile([2.0], 0.95) == 2.0
