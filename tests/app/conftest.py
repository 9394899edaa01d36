"""The fixed app data set (tests/fixtures/app_data), loaded once for the chart tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.loader import Dataset, load_dataset
from dashboard.core.table import tidy_table
from dashboard.core.views import with_measure

APP_DATA = Path(__file__).resolve().parents[1] / "fixtures" / "app_data" / "data"


@pytest.fixture(scope="session")
def app_dataset() -> Dataset:
    dataset = load_dataset(APP_DATA)
    assert dataset.valid and len(dataset.claims) > 0
    return dataset


@pytest.fixture(scope="session")
def app_table(app_dataset: Dataset) -> pd.DataFrame:
    return with_measure(tidy_table(app_dataset))
