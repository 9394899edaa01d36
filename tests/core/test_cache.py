"""The on-disk cache and the fast paths: same results as parsing afresh, never stale."""

from __future__ import annotations

import ast
import os
import time
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core import cache
from dashboard.core.cache import ParseCache, WarmDataset
from dashboard.core.dataset import Marks
from dashboard.core.live import DataStore
from dashboard.core.loader import load_dataset, read_file
from dashboard.core.quotes import find_number, number_span
from dashboard.core.table import tidy_table

CLAIMS = "claims/t1.yaml"


def _same(a, b) -> None:
    assert [str(p) for p in a.problems] == [str(p) for p in b.problems]
    assert [(s, i.record, i.file, i.line, i.path, dict(i.marks)) for s, i in a.claims] == [
        (s, i.record, i.file, i.line, i.path, dict(i.marks)) for s, i in b.claims
    ]
    pd.testing.assert_frame_equal(tidy_table(a), tidy_table(b), check_exact=True)


def _settle(path: Path) -> None:
    past = time.time() - 5
    os.utime(path, (past, past))


def test_cache_returns_what_was_parsed_and_misses_on_new_bytes(mini: Path, tmp_path: Path) -> None:
    """An entry is found for the same bytes only; an edit is a miss."""
    cache = ParseCache(tmp_path / "cache")
    parsed = read_file(mini / CLAIMS, mini, "claims")
    cache.put(parsed)
    found = cache.get("claims", parsed.file, parsed.sha256)
    assert found is not None and found.records == parsed.records
    assert cache.get("claims", parsed.file, "0" * 64) is None
    assert cache.get("sites", parsed.file, parsed.sha256) is None


def test_cache_ignores_corrupt_entries(mini: Path, tmp_path: Path) -> None:
    """A truncated or altered entry is never used, and is removed."""
    cache = ParseCache(tmp_path / "cache")
    parsed = read_file(mini / CLAIMS, mini, "claims")
    cache.put(parsed)
    (entry,) = (tmp_path / "cache" / "files").rglob("*.pickle")
    raw = entry.read_bytes()
    entry.write_bytes(raw[:-10] + bytes(10))
    assert cache.get("claims", parsed.file, parsed.sha256) is None
    assert not entry.exists()
    cache.put(parsed)
    entry.write_bytes(raw[: len(raw) // 2])
    assert cache.get("claims", parsed.file, parsed.sha256) is None


def test_load_dataset_with_cache_and_workers_is_the_same(mini: Path, tmp_path: Path) -> None:
    """Cached, parallel and plain loads give identical problems, claims and tables."""
    plain = load_dataset(mini, workers=1)
    cache = ParseCache(tmp_path / "cache")
    _same(plain, load_dataset(mini, cache=cache))
    _same(plain, load_dataset(mini, cache=cache))  # now from the cache
    assert cache.hits > 0
    _same(plain, load_dataset(mini, workers=2))


def test_warm_start_serves_the_same_snapshot(mini: Path, tmp_path: Path) -> None:
    """A second process start serves the saved snapshot; an edit afterwards is seen."""
    cold = DataStore(mini, cache=ParseCache(tmp_path / "cache")).refresh()
    store = DataStore(mini, cache=ParseCache(tmp_path / "cache"))
    warm = store.refresh()
    assert isinstance(warm.dataset, WarmDataset)
    pd.testing.assert_frame_equal(cold.table, warm.table, check_exact=True)
    assert warm.problems == cold.problems
    _same(load_dataset(mini), warm.dataset)
    path = mini / CLAIMS
    path.write_text(path.read_text(encoding="utf-8").replace("value: 200\n", "value: 300\n"))
    _settle(path)
    table = store.refresh().table.set_index("claim_id")
    assert float(table.loc["t1-compute-now", "value"]) == 300


def test_warm_start_refuses_a_changed_article(mini: Path, tmp_path: Path) -> None:
    """An article edited between runs makes the saved snapshot unusable: all is checked."""
    DataStore(mini, cache=ParseCache(tmp_path / "cache")).refresh().table  # noqa: B018
    article = mini.parent / "seeds" / "t1.txt"
    article.write_text(article.read_text(encoding="utf-8") + "补。", encoding="utf-8")
    snapshot = DataStore(mini, cache=ParseCache(tmp_path / "cache")).refresh()
    assert not isinstance(snapshot.dataset, WarmDataset)
    assert "sha-mismatch" in {p.code for p in snapshot.problems}


def test_marks_behave_like_the_mapping_they_replace() -> None:
    """Marks keep each field's (line, col) and answer like a read-only dict."""
    marks = Marks.of({"id": (3, 5), "quote": (12, 5)})
    assert marks["quote"] == (12, 5) and "id" in marks and "note" not in marks
    assert dict(marks) == {"id": (3, 5), "quote": (12, 5)} and marks.get("note") is None
    with pytest.raises(KeyError):
        marks["note"]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (5000, "已超5000家"),
        (5000, "已超5,000家，5000.5"),
        (16, "2016年"),
        (1.1, "增长1.15%，达1.1万"),
        (200, "从目前的200P扩容到1200P"),
        (0.5, "提升0.5个百分点"),
        (3, "第３名，3"),
        (12, "12.0%与12"),
        (-5, "下降-5%"),
    ],
)
def test_number_span_matches_find_number(value: float, text: str) -> None:
    """The fast figure search finds exactly what the regular expression finds."""
    match = find_number(value, text)
    assert number_span(value, text) == (match.span() if match else None)


def test_cache_parse_modules_cover_what_parsing_imports() -> None:
    """A change to any module that parse_file runs must invalidate parsed files."""
    core = Path(cache.__file__).parent
    seen, todo = set(), ["parse", "cache"]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        tree = ast.parse((core / f"{module}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                todo.append(node.module.split(".")[0])
    assert seen == set(cache.PARSE_MODULES)
