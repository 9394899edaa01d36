"""Safe by default: the server `make run` starts, with nothing on its command line but a
port, binds to loopback only, serves no static folder, refuses uploads without the XSRF
token, and the committed config keeps usage statistics and error details off."""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / ".streamlit" / "config.toml"


def test_safe_defaults_config_file() -> None:
    """The settings the README promises are the ones in .streamlit/config.toml."""
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableStaticServing"] is False
    assert config["client"]["showErrorDetails"] == "none"
    assert config["global"]["developmentMode"] is False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def bare_server(tmp_path_factory) -> Iterator[int]:
    """`streamlit run dashboard/app.py` from the checkout with only a port given."""
    port = _free_port()
    log = tmp_path_factory.mktemp("defaults") / "server.log"
    with log.open("w") as handle:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "dashboard/app.py",
                "--server.port",
                str(port),
            ],
            cwd=ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail(f"no server:\n{log.read_text()}")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def _listening(port: int) -> set[str]:
    """The local addresses listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_safe_defaults_bound_to_loopback_only(bare_server: int) -> None:
    """Listening on 127.0.0.1 and nowhere else (0100007F is 127.0.0.1 in /proc's order)."""
    assert _listening(bare_server) == {"0100007F"}


def test_safe_defaults_no_static_folder(bare_server: int) -> None:
    """Static file serving is off: a path under /app/static/ gets the app's page shell (the
    route every unknown path gets), never a file of the checkout."""
    secret = CONFIG.read_text(encoding="utf-8")
    for path in (
        "/app/static/config.toml",
        "/app/static/../.streamlit/config.toml",
        "/app/static/app.py",
    ):
        connection = http.client.HTTPConnection("127.0.0.1", bare_server, timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        connection.close()
        assert response.status in (200, 400, 404), path
        assert "enableXsrfProtection" not in body and "st.navigation" not in body, path
        assert secret not in body, path
        if response.status == 200:
            assert response.getheader("content-type", "").startswith("text/html"), path
            assert '<div id="root"></div>' in body, path


def test_safe_defaults_upload_needs_the_xsrf_token(bare_server: int) -> None:
    """A cross-site form post to the upload endpoint is refused (no XSRF cookie or header)."""
    connection = http.client.HTTPConnection("127.0.0.1", bare_server, timeout=10)
    body = (
        b"--x\r\nContent-Disposition: form-data; name=file; filename=a.txt\r\n\r\nhi\r\n--x--\r\n"
    )
    connection.request(
        "PUT",
        "/_stcore/upload_file/session/file",
        body=body,
        headers={"Content-Type": "multipart/form-data; boundary=x"},
    )
    assert connection.getresponse().status == 403
