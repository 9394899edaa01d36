"""The code's layout: modules small enough to hold in one's head."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 450


@pytest.mark.parametrize("package", ["dashboard", "benchmarks"])
def test_layout_no_module_over_the_limit(package: str) -> None:
    """No module of the app or the benchmarks grows past MAX_LINES lines."""
    modules = sorted((ROOT / package).rglob("*.py"))
    assert modules, f"no modules found under {package}/"
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in modules
    }
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}
