"""The benchmarks' synthetic data keeps the curation rules, so timings are of valid data."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import generate
from dashboard.core.loader import load_dataset


def test_generate_writes_valid_data(tmp_path: Path) -> None:
    """10,000 generated claims validate with no problem: periods end by their article and
    each series takes one kind (at 100,000 claims, figures that happen to repeat across
    articles are linked with same_as as well)."""
    data = generate(tmp_path / "gen", 10_000, seed=11, files=20)
    dataset = load_dataset(data)
    assert [str(p) for p in dataset.problems][:5] == []
    assert len(dataset.claims) == 10_000
