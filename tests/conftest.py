"""Shared fixtures: the mini data set and a way to break it one file at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.dataset import Dataset
from dashboard.core.loader import load_dataset
from dashboard.core.table import tidy_table
from dashboard.present.rows import with_measure

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
APP_DATA = FIXTURES / "app_data" / "data"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of tests/fixtures/mini; returns its data folder."""
    shutil.copytree(FIXTURES / "mini", tmp_path / "mini")
    return tmp_path / "mini" / "data"


@pytest.fixture(scope="session")
def app_dataset() -> Dataset:
    """The fixed app data set (tests/fixtures/app_data), loaded once."""
    dataset = load_dataset(APP_DATA)
    assert dataset.valid and len(dataset.claims) > 0
    return dataset


@pytest.fixture(scope="session")
def app_table(app_dataset: Dataset) -> pd.DataFrame:
    """Its tidy table with the ``measure`` column the pages use."""
    return with_measure(tidy_table(app_dataset))
