"""Data health in Chromium: an article's draft downloads as the file `draft -o` writes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.server import Server, start, stop
from dashboard.cli import main

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
APP_DATA = ROOT / "tests" / "fixtures" / "app_data"


@pytest.fixture(scope="module")
def draft_server(tmp_path_factory) -> Iterator[tuple[Server, Path]]:
    """The app on the fixed data set with article f001's claims removed."""
    root = tmp_path_factory.mktemp("drafting")
    shutil.copytree(APP_DATA, root / "app_data")
    data = root / "app_data" / "data"
    (data / "claims" / "f001.yaml").write_text("claims: []\n", encoding="utf-8")
    started = start(data, root / "server.log")
    yield started, data
    stop(started)


def test_health_draft_download_is_what_the_command_writes(new_tab, draft_server, tmp_path):
    """The expander of f001 lists its figures; its download is byte for byte the file the
    command beside it writes, and the command is shown."""
    server, data = draft_server
    tab = new_tab(base=server.url).open(
        "/health?lang=en", expect='[data-testid="stExpander"] >> text=f001'
    )
    tab.page.locator('[data-testid="stExpander"]').filter(has_text="f001").first.click()
    button = tab.page.get_by_text("Download draft f001.yaml")
    button.wait_for()
    command = "python -m dashboard draft f001 -o data/claims/f001.yaml"
    tab.page.get_by_text(command).first.wait_for()
    with tab.page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "f001.yaml"
    got = tmp_path / "downloaded.yaml"
    download.value.save_as(got)
    written = tmp_path / "written.yaml"
    assert main(["draft", "f001", "--data-dir", str(data), "-o", str(written)]) == 0
    assert got.read_bytes() == written.read_bytes()
    assert "5000" in got.read_text(encoding="utf-8")
    tab.check()
