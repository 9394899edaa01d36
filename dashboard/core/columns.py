"""Rows of the tidy table into columns: Arrow arrays, then one pandas frame.

Text columns stay Arrow strings, the columns of few distinct values become categories, days
become datetime64; pieces built at different times (one per claim file) are put together
without copying their text twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from .rows import CATEGORICAL, ROW_COLUMNS

# How each column is stored; any other column holds text (or None).
_NUMPY = {
    "derived": "bool",
    "comparable": "bool",
    "source_date_approximate": "bool",
    "lat": "float64",
    "lon": "float64",
    "value": "float64",
    "value_std": "float64",
    "line": "int64",
}
_DAYS = ("period_start", "period_end", "source_date")
_TEXT = pd.Series(["text"]).dtype  # what pandas makes of a column of str: str, or object
_TEXT_IS_OBJECT = bool(np.dtype("O") == _TEXT)  # pandas < 3 without the string dtype
# malloc, not Arrow's default pool: the pieces are many small buffers kept for long, for
# which mimalloc holds about a third more memory than it hands out.
_POOL = pa.system_memory_pool()


def to_arrays(rows: list[tuple[Any, ...]]) -> list[Any]:
    """The columns of ``rows``: text as Arrow arrays, numbers, flags and days as numpy."""
    out: list[Any] = []
    for name, values in zip(ROW_COLUMNS, zip(*rows, strict=True), strict=True):
        if name in _NUMPY:
            out.append(np.array(values, dtype=_NUMPY[name]))
        elif name in _DAYS:
            out.append(np.array([_day64(stamp, stamp.unit) for stamp in values]))
        else:
            out.append(pa.array(values, type=pa.large_string(), memory_pool=_POOL))
    return out


@lru_cache(maxsize=65536)
def _day64(stamp: pd.Timestamp, unit: str) -> np.datetime64:
    # Keyed on the unit too: equal Timestamps of different units must not share a value.
    return stamp.to_datetime64()  # keeps the Timestamp's unit, as pandas does for a column


def to_frame(pieces: list[list[Any]]) -> pd.DataFrame:
    """One frame from column pieces, with the dtypes pandas infers for the same rows.

    Text columns are one contiguous Arrow array each (filtering a column of many chunks is
    several times slower), so the pieces are copied once here.
    """
    columns: dict[str, Any] = {}
    for index, name in enumerate(ROW_COLUMNS):
        parts = [piece[index] for piece in pieces]
        if name in _NUMPY or name in _DAYS:
            columns[name] = np.concatenate(parts)
            continue
        all_null = sum(p.null_count for p in parts) == sum(len(p) for p in parts)
        if name in CATEGORICAL and not all_null and not _TEXT_IS_OBJECT:
            columns[name] = _categorical(parts)
            continue
        parts = [p.dictionary_decode() if isinstance(p, pa.DictionaryArray) else p for p in parts]
        if all_null or _TEXT_IS_OBJECT:
            values = [v for p in parts for v in p.to_pylist()]
            columns[name] = np.array(values, dtype=object)  # all None: object, as pandas infers
        else:
            whole = pa.concat_arrays(parts, memory_pool=_POOL) if len(parts) > 1 else parts[0]
            columns[name] = pd.array(whole, dtype=_TEXT)
    return pd.DataFrame(columns)


@dataclass(frozen=True)
class _Codes:
    """Rows of a categorical column as remembered: a view of the table's codes and its
    categories (one object for every piece cut from the same table)."""

    codes: np.ndarray
    categories: pd.Index

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def null_count(self) -> int:
        return int((self.codes < 0).sum())


def _categorical(parts: list[Any]) -> pd.Categorical:
    """One categorical column from pieces, as ``astype("category")`` of their text makes it
    (categories sorted). Remembered pieces keep their codes, joined in runs and mapped to
    the new categories; only newly built rows are encoded (decoding every remembered row
    and encoding it again was a fifth of a reload at 100,000 claims)."""
    words: dict[str, int] = {}
    runs: list[tuple[Any, list[np.ndarray]]] = []  # consecutive pieces of one dictionary
    for part in parts:
        if isinstance(part, _Codes):
            dictionary, codes = part.categories, part.codes
        else:
            encoded = part.dictionary_encode()
            dictionary = encoded.dictionary
            codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        if runs and runs[-1][0] is dictionary:
            runs[-1][1].append(codes)
        else:
            runs.append((dictionary, [codes]))
    chunks: list[np.ndarray] = []
    for dictionary, pieces in runs:
        values = dictionary.tolist() if isinstance(dictionary, pd.Index) else dictionary.to_pylist()
        mapping = np.array([words.setdefault(w, len(words)) for w in values], dtype=np.int64)
        codes = np.concatenate(pieces).astype(np.int64, copy=False)
        chunks.append(
            np.where(codes < 0, -1, mapping[np.maximum(codes, 0)]) if len(mapping) else codes
        )
    codes = np.concatenate(chunks) if chunks else np.array([], dtype=np.int64)
    order = sorted(words)
    if order:
        position = np.empty(len(order), dtype=np.int64)
        position[[words[w] for w in order]] = np.arange(len(order))
        codes = np.where(codes < 0, -1, position[np.maximum(codes, 0)])
    return pd.Categorical.from_codes(codes, categories=pd.Index(order, dtype=_TEXT))


def slicer(name: str, series: pd.Series) -> Callable[[int, int], Any] | None:
    """How to cut rows ``a:a+n`` of a frame column without copying, or None (keep the piece)."""
    if name in CATEGORICAL:
        codes, categories = series.array.codes, series.cat.categories
        if (codes < 0).any() or categories.dtype != _TEXT or _TEXT_IS_OBJECT:
            return None
        return lambda a, n: _Codes(codes[a : a + n], categories)
    if name in _NUMPY or name in _DAYS:
        values = series.to_numpy()
        return lambda a, n: values[a : a + n]
    array = getattr(series.array, "_pa_array", None)
    if array is None or array.num_chunks != 1 or array.type != pa.large_string():
        return None
    chunk = array.chunk(0)
    return lambda a, n: chunk.slice(a, n)
