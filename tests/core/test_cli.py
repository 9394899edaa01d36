"""The command line, by exit code and output, in a real subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import FIXTURES, ROOT


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_cli_validate_ok(mini: Path) -> None:
    """A valid folder exits 0 and says how much it checked."""
    result = run("validate", "--data-dir", str(mini))
    assert result.returncode == 0
    assert result.stdout.startswith("ok: 6 claims, 2 sites, 4 metrics, 1 sources")


def test_cli_validate_broken_names_every_problem(mini: Path) -> None:
    """A broken folder exits 1 and prints every problem as file:line:col."""
    shutil.copy(FIXTURES / "broken" / "wrong_types.yaml", mini / "claims" / "t1.yaml")
    (mini / "regions.yaml").write_text("regions:\n  - {id: north\n", encoding="utf-8")
    result = run("validate", "--data-dir", str(mini))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(" ")[0] for line in lines] == [
        "data/claims/t1.yaml:5:12:",
        "data/claims/t1.yaml:7:16:",
        "data/claims/t1.yaml:11:12:",
        "data/claims/t1.yaml:13:5:",
        "data/regions.yaml:3:1:",
        # with regions.yaml broken, the sites' regions are unknown too
        "data/sites/north.yaml:2:75:",
        "data/sites/north.yaml:3:92:",
    ]


def test_cli_validate_json(mini: Path) -> None:
    """--format json gives the problems as data."""
    shutil.copy(FIXTURES / "broken" / "duplicate_key.yaml", mini / "claims" / "t1.yaml")
    result = run("validate", "--data-dir", str(mini), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert [(p["file"], p["line"], p["code"]) for p in report["problems"]] == [
        ("data/claims/t1.yaml", 6, "duplicate-key")
    ]


def test_cli_data_dir_from_environment(mini: Path) -> None:
    """DASHBOARD_DATA_DIR chooses the folder when --data-dir is not given."""
    import os

    env = {**os.environ, "DASHBOARD_DATA_DIR": str(mini)}
    result = run("validate", env=env)
    assert result.returncode == 0 and "6 claims" in result.stdout


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_cli_export(mini: Path, tmp_path: Path, fmt: str) -> None:
    """export writes the tidy table in each format."""
    out = tmp_path / f"table.{fmt}"
    result = run("export", "--data-dir", str(mini), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    frame = {"csv": pd.read_csv, "json": pd.read_json, "parquet": pd.read_parquet}[fmt](out)
    assert len(frame) == 7
    assert set(frame["claim_id"]) >= {"t1-park-enterprises", "t1-contracts~prior-year"}


def test_cli_coverage(mini: Path) -> None:
    """coverage counts the numbers of each article and lists the uncaptured ones."""
    result = run("coverage", "--data-dir", str(mini))
    assert result.returncode == 0
    first = result.stdout.splitlines()[0]
    # 5000 12 2023(date) 152 84.7 千余 200 300: 12亿元 has no claim in the mini set
    assert first == (
        "t1 ../seeds/t1.txt: 8 numbers: 6 in claims, 1 dates, 0 excluded, 1 not captured"
    )
    assert "line 3:       12 [uncaptured]" in result.stdout


def test_cli_schema_is_current() -> None:
    """The committed JSON Schemas and editor mapping equal what the models generate."""
    result = run("schema")
    assert result.returncode == 0, result.stdout


def test_cli_vocabulary(mini: Path) -> None:
    """Each metric's use, most used first; the ones one claim carries; repeats found."""
    result = run("vocabulary", "--data-dir", str(mini), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    uses = {m["metric_id"]: (m["claims"], m["sites"], m["periods"]) for m in report["metrics"]}
    assert uses == {
        "registered_enterprises": (2, 1, 1),
        "compute_capacity": (2, 1, 2),
        "tech_contract_value": (2, 1, 1),
        "tax_revenue": (0, 0, 0),
    }
    assert [m["metric_id"] for m in report["metrics"]][:3] == [
        "compute_capacity",
        "registered_enterprises",
        "tech_contract_value",
    ]
    assert report["used_once"] == []
    assert report["unlinked_repeats"] == []
    text = run("vocabulary", "--data-dir", str(mini)).stdout
    assert "4 metrics; 0 (0%) carried by one claim; 1 unused" in text
