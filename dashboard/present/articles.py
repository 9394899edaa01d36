"""The articles claims quote: a quote in its paragraph, the quoted passages, the list of sources."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from ..core.dataset import Dataset
from ..core.quotes import find_number


@dataclass(frozen=True)
class Context:
    """A quote in its article: the text before it, the quote, the text after (same paragraph,
    clipped), and the figure's span inside the quote."""

    before: str
    quote: str
    after: str
    figure: tuple[int, int] | None


def figure_span(quote: str, value: float, printed: str | None) -> tuple[int, int] | None:
    """Where the figure is printed inside ``quote`` (the core's rule: ``printed`` or the number)."""
    if isinstance(printed, str) and printed:
        start = quote.find(printed)
        return (start, start + len(printed)) if start >= 0 else None
    match = find_number(value, quote)
    return match.span() if match else None


def quote_context(
    text: str, quote: str, value: float, printed: str | None, reach: int = 160
) -> Context | None:
    """The paragraph around the first occurrence of ``quote`` in ``text``, or None."""
    start = text.find(quote)
    if start < 0:
        return None
    end = start + len(quote)
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    before = text[para_start:start]
    after = text[end:para_end]
    if len(before) > reach:
        before = "…" + before[-reach:]
    if len(after) > reach:
        after = after[:reach] + "…"
    return Context(before, quote, after, figure_span(quote, value, printed))


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching (start, end) spans merged, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def quote_spans(text: str, quotes: Iterable[str]) -> list[tuple[int, int]]:
    """Every occurrence of each quote in ``text``, merged."""
    spans = []
    for quote in set(quotes):
        if not quote:
            continue
        at = text.find(quote)
        while at >= 0:
            spans.append((at, at + len(quote)))
            at = text.find(quote, at + 1)
    return merge_spans(spans)


def split_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, highlighted) runs by ``spans``."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for start, end in spans:
        if start > pos:
            out.append((text[pos:start], False))
        out.append((text[start:end], True))
        pos = end
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def sources_frame(dataset: Dataset, table: pd.DataFrame) -> pd.DataFrame:
    """One row per article: id, publication, title, date, approximate flag, claim count."""
    counts = table[~table["derived"]].groupby("source_id", observed=True).size()
    count_of = {str(k): int(v) for k, v in counts.items()}
    rows = [
        {
            "source_id": sid,
            "publication": item.record.publication,
            "title": item.record.title,
            "date": item.record.date,
            "date_approximate": item.record.date_approximate,
            "claims": count_of.get(sid, 0),
        }
        for sid, item in dataset.sources.items()
    ]
    frame = pd.DataFrame(
        rows, columns=["source_id", "publication", "title", "date", "date_approximate", "claims"]
    )
    return frame.sort_values(["date", "source_id"], ascending=[False, True], kind="stable")
