"""make serve-team: replicas behind a real nginx, affinity, a dead replica left out, all stopped."""

from __future__ import annotations

import http.cookiejar
import os
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks import team as teams
from dashboard.team import TEMPLATE, TeamError, nginx_binary, normal_prefix, render

ROOT = Path(__file__).resolve().parents[2]
APP_DATA = ROOT / "tests" / "fixtures" / "app_data" / "data"
pytestmark = pytest.mark.serve


@pytest.mark.parametrize("prefix", ["/", "/innovation/"])
def test_rendered_configuration_is_accepted_by_nginx(tmp_path, prefix):
    """The template fills in completely and nginx's own check accepts it."""
    (tmp_path / "logs").mkdir()
    (tmp_path / "tmp").mkdir()
    text = render(
        TEMPLATE.read_text(),
        run_dir=tmp_path,
        listen="127.0.0.1",
        port=18089,
        replica_ports=[18101, 18102],
        prefix=prefix,
        as_root=os.geteuid() == 0,
    )
    assert "server 127.0.0.1:18101 max_fails=1 fail_timeout=10s;" in text
    assert f"location {prefix} {{" in text and "hash $affinity consistent;" in text
    config = tmp_path / "nginx.conf"
    config.write_text(text)
    checked = subprocess.run(
        [nginx_binary(), "-p", str(tmp_path), "-c", str(config), "-e", str(tmp_path / "e.log"),
         "-t"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize(("given", "prefix"), [("", "/"), ("innovation", "/innovation/"),
                                                ("/a/b/", "/a/b/")])  # fmt: skip
def test_prefix_is_normalised(given, prefix):
    assert normal_prefix(given) == prefix


def test_prefix_with_other_characters_is_refused():
    with pytest.raises(TeamError, match="letters, digits"):
        normal_prefix("/in novation;")


@pytest.fixture(scope="module")
def team(tmp_path_factory) -> Iterator[teams.RunningTeam]:
    run = tmp_path_factory.mktemp("team")
    started = teams.start(run, APP_DATA, replicas=2, fail_timeout=30)
    yield started
    teams.stop(started)


def _opener() -> urllib.request.OpenerDirector:
    """A client keeping cookies, as a browser does."""
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor())


def _served_by(team: teams.RunningTeam, path: str, key: str) -> set[str]:
    """The replicas nginx logged for requests of ``path`` under affinity key ``key``."""
    deadline = time.monotonic() + 10
    while True:  # nginx writes its log line once the response is sent: it may come late
        found = set()
        lines = team.access_log.read_text().splitlines()
        matching = [line for line in lines if f" {path} " in line and f" {key} " in line]
        for line in matching:
            found.add(line.split('" ', 1)[1].split()[1])
        if len(matching) >= 3 or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def _get(opener, url: str) -> int:
    with opener.open(url, timeout=10) as response:
        response.read()
        return response.status


def _cookie(opener) -> str:
    jar = next(h.cookiejar for h in opener.handlers if hasattr(h, "cookiejar"))
    assert isinstance(jar, http.cookiejar.CookieJar)
    return next(c.value for c in jar if c.name == "dashboard_replica")


def test_team_serves_through_nginx_with_affinity(team):
    """Each client gets an affinity cookie; all its requests go to one replica, and clients
    are spread over both."""
    used: set[str] = set()
    for n in range(12):
        opener = _opener()
        for _ in range(3):
            assert _get(opener, f"{team.url}_stcore/health?n={n}") == 200
        key = _cookie(opener)
        served = _served_by(team, f"/_stcore/health?n={n}", key)
        assert len(served) == 1, served
        used |= served
    assert used == {f"127.0.0.1:{port}" for port in team.replicas}


def test_a_dead_replica_is_left_out_and_everything_stops(tmp_path):
    """Killing a replica loses no request (nginx retries the other and leaves the dead one
    out); stopping the supervisor ends nginx and the replicas."""
    started = teams.start(tmp_path / "run", APP_DATA, replicas=2, fail_timeout=30)
    try:
        port, pid = next(iter(started.replicas.items()))
        os.killpg(pid, signal.SIGKILL)
        for n in range(20):
            assert _get(_opener(), f"{started.url}_stcore/health?after={n}") == 200
        deadline = time.monotonic() + 10
        while "after=19" not in started.access_log.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
        (last,) = [x for x in started.access_log.read_text().splitlines() if "after=19" in x]
        assert f"127.0.0.1:{port}" not in last  # left out, not even tried
    finally:
        teams.stop(started)
    assert started.process.returncode == 0
    assert not [p for p in [started.nginx, *started.replicas.values()] if teams.alive(p)]
    assert not (tmp_path / "run" / "team.json").exists()
