"""A shared link through nginx in front of two replicas, under a path prefix: the page works
and "Copy link" gives the public address, which reopens the same view."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from benchmarks import team as teams

ROOT = Path(__file__).resolve().parents[2]
APP_DATA = ROOT / "tests" / "fixtures" / "app_data" / "data"
PUBLIC = "https://intranet.example/innovation"
pytestmark = [pytest.mark.browser, pytest.mark.serve]


@pytest.fixture(scope="module")
def team(tmp_path_factory) -> Iterator[teams.RunningTeam]:
    started = teams.start(
        tmp_path_factory.mktemp("team"), APP_DATA, prefix="/innovation", public_url=PUBLIC
    )
    yield started
    teams.stop(started)


def test_shared_link_through_nginx_copies_the_public_address(new_tab, team):
    """Opened through the proxy, the page runs on a replica over the proxied WebSocket, and
    its copied link names DASHBOARD_PUBLIC_URL with the prefix; that link, mapped back onto
    the proxy as the public proxy would, reopens the same view in a fresh browser."""
    origin = team.url.split("/innovation/")[0]
    tab = new_tab(base=origin, fresh=True)
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab.open("/innovation/trends?lang=en&metric=compute_capacity&unit=printed",
             expect='h1:has-text("Trends")')  # fmt: skip
    code = tab.page.locator('[data-testid="stSidebar"] [data-testid="stCode"]')
    code.hover()
    code.get_by_role("button", name="Copy to clipboard").click()
    copied = tab.page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"{PUBLIC}/trends?")
    assert "metric=compute_capacity" in copied and "unit=printed" in copied
    assert (
        "points at this machine" not in tab.page.locator('[data-testid="stSidebar"]').inner_text()
    )
    tab.check()

    link = urlsplit(copied)
    fresh = new_tab(locale="zh-CN", base=origin, fresh=True)
    fresh.open(f"{link.path}?{link.query}", expect='h1:has-text("Trends")')
    fresh.check()
    assert fresh.query() == tab.query()
    tab.page.close()  # nginx logs a WebSocket when it closes
    deadline = time.monotonic() + 20
    upgrade = 'GET /innovation/_stcore/stream HTTP/1.1" 101'
    while upgrade not in team.access_log.read_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert upgrade in team.access_log.read_text()  # the stream went through the proxy
