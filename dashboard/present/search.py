"""Finding sites and metrics by what a reader types, in either language: names, ids, a
metric's former ids and its variants' names, and Chinese short names (天开园 for
天开高教科创园: its characters in order)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..core.dataset import Dataset

MAX_HITS = 12


@dataclass(frozen=True)
class Hit:
    """One site or metric found: ``kind`` is ``site`` or ``metric``; ``score`` lower is
    better (0 exact, 1 prefix, 2 contains, 3 characters in order)."""

    kind: str
    id: str
    score: int


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _in_order(needle: str, hay: str) -> bool:
    rest = iter(hay)
    return all(ch in rest for ch in needle)


def _score(query: str, texts: Iterable[str]) -> int | None:
    """How well ``query`` (casefolded) matches the best of ``texts``; None: not at all."""
    best: int | None = None
    words = query.split()
    for raw in texts:
        text = raw.casefold()
        if not text:
            continue
        if text == query:
            score = 0
        elif text.startswith(query):
            score = 1
        elif query in text or (len(words) > 1 and all(w in text for w in words)):
            score = 2
        elif len(query) >= 2 and all(_is_cjk(c) for c in query) and _in_order(query, text):
            score = 3
        else:
            continue
        best = score if best is None else min(best, score)
    return best


def find(dataset: Dataset, text: str, limit: int = MAX_HITS) -> list[Hit]:
    """Sites and metrics matching ``text``, best first (then sites before metrics, then id)."""
    query = " ".join(text.split()).casefold()
    if not query:
        return []
    hits: list[Hit] = []
    for site_id, item in dataset.sites.items():
        site = item.record
        score = _score(query, (site_id, site.name_zh, site.name_en))
        if score is not None:
            hits.append(Hit("site", site_id, score))
    for metric_id, entry in dataset.metrics.items():
        metric = entry.record
        texts = [metric_id, metric.name_zh, metric.name_en, *metric.replaces]
        for variant in metric.variants:
            texts += [variant.name_zh, variant.name_en]
        score = _score(query, texts)
        if score is not None:
            hits.append(Hit("metric", metric_id, score))
    hits.sort(key=lambda h: (h.score, h.kind != "site", h.id))
    return hits[:limit]
