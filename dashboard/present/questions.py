"""The questions the data can answer: each comparison it supports
(:mod:`dashboard.present.comparisons`) as a sentence in the reader's language, with the view
of the chart that shows it. The overview lists them; the trends and rankings pages offer the
best few under their chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from . import comparisons
from .comparisons import Comparison
from .formatting import period_label, row_label
from .i18n import name, t, vocab
from .rows import row_dicts

QUESTIONS = 30  # of each kind at most: the longest series, the rankings of the most sites
FIRST = 6  # of each kind shown before the reader asks for all: a page of sixty links is a list
# to search, not to read, and each link is an element the browser draws on every visit
LEADERS = 3  # sites a ranking's sentence names


@dataclass(frozen=True)
class Question(Comparison):
    """A comparison and its sentence."""

    text: str


def _point(row: dict[str, Any], lang: str, unit_mode: str) -> str:
    """``1,300余家 (2024年2月，一核两翼)``: the figure, its period, status when not actual, and
    its scope when the figure covers another area than the site's own."""
    notes = [period_label(str(row["period"]), lang)]
    if str(row.get("status")) != "actual":
        notes.append(vocab("status", str(row["status"]), lang))
    if isinstance(row.get("scope"), str) and row["scope"]:
        notes.append(name(row, lang, "scope_"))
    joined = "，".join(notes) if lang == "zh" else ", ".join(notes)
    return f"{row_label(row, lang, unit_mode)} ({joined})"


def _metric(row: dict[str, Any], lang: str) -> str:
    metric = name(row, lang, "metric_")
    variant = name(row, lang, "variant_") if isinstance(row.get("variant"), str) else ""
    if variant:
        metric = f"{metric}（{variant}）" if lang == "zh" else f"{metric} ({variant})"
    return metric


def series_text(comparison: Comparison, lang: str, unit_mode: str = "std") -> str:
    """``天开园注册企业数：1,220家 (2023年12月) → 1,300余家 (2024年2月，一核两翼)``."""
    rows = row_dicts(comparison.rows)
    first = rows[0]
    site = name(first, lang, "site_")
    if lang == "zh":
        subject, sep = f"{site}{_metric(first, lang)}", "："
    else:
        subject, sep = f"{site}, {_metric(first, lang)}", ": "
    return subject + sep + " → ".join(_point(r, lang, unit_mode) for r in rows)


def ranking_text(comparison: Comparison, lang: str, unit_mode: str = "std") -> str:
    """``专精特新企业（国家级）排名（2023年）：A 12家 > B 9家 > C 5家，共 4 个地点``."""
    records = row_dicts(comparison.rows)
    leaders = " > ".join(
        f"{name(r, lang, 'site_')} {row_label(r, lang, unit_mode)}" for r in records[:LEADERS]
    )
    more = t("questions.of_sites", lang, n=len(records)) if len(records) > LEADERS else ""
    return t(
        "questions.ranking",
        lang,
        metric=_metric(records[0], lang),
        period=period_label(str(comparison.view.period), lang),
        leaders=leaders,
        more=more,
    )


def question(comparison: Comparison, lang: str, unit_mode: str = "std") -> Question:
    """A comparison with its sentence."""
    c, write = comparison, series_text if comparison.kind == "series" else ranking_text
    return Question(c.kind, c.view, c.size, c.rows, write(c, lang, unit_mode))


def questions(found: Sequence[Comparison], lang: str, unit_mode: str = "std") -> list[Question]:
    """Series then rankings as sentences, each kind the largest first (ties by sentence)."""
    out = [question(c, lang, unit_mode) for c in found]
    return sorted(out, key=lambda q: (q.kind != "series", -q.size, q.text))


def questions_for(
    table: pd.DataFrame,
    lang: str,
    unit_mode: str = "std",
    regions: Sequence[str] | None = None,
    limit: int | None = None,
) -> list[Question]:
    """Series then rankings (at most ``limit`` of each), of ``regions``' rows when given."""
    return questions(comparisons.comparisons(table, regions, limit), lang, unit_mode)


def series_questions(
    table: pd.DataFrame, lang: str, unit_mode: str = "std", limit: int | None = None
) -> list[Question]:
    """Every series as a sentence, most dates first; at most ``limit``, the longest."""
    return questions(comparisons.series(table, limit), lang, unit_mode)


def ranking_questions(
    table: pd.DataFrame, lang: str, unit_mode: str = "std", limit: int | None = None
) -> list[Question]:
    """Every ranking as a sentence, most sites first; at most ``limit``, of the most sites."""
    return questions(comparisons.rankings(table, limit), lang, unit_mode)
