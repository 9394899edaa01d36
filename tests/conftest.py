"""Shared fixtures: the mini data set and a way to break it one file at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of tests/fixtures/mini; returns its data folder."""
    shutil.copytree(FIXTURES / "mini", tmp_path / "mini")
    return tmp_path / "mini" / "data"
