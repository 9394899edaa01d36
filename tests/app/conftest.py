"""The AppTest modules read the fixed data set unless a test points the app elsewhere."""

from __future__ import annotations

import pytest

from tests.app.pages import APP_DATA


@pytest.fixture(autouse=True)
def fixed_data(monkeypatch):
    """The app reads the fixed data set, not the live data/ folder."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(APP_DATA / "data"))
