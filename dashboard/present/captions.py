"""What a chart says around its figures, in the reader's language: a title naming what, where
and when (periods in reader notation, :func:`~dashboard.present.formatting.period_label`); the notes
that must travel with the figure (scopes, derived figures, repeats, statuses a filter hides);
and the one-line summary of the filters that presentation mode shows.

Charts take these as plain strings: what the notes say is decided here, how they are drawn in
:mod:`dashboard.charts.common`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from .formatting import period_label
from .i18n import TEXTS, name, t, vocab

# The vocabulary a ranking note's values are labels of.
NOTE_VOCAB = {
    "rankings.mixed_kinds": "kind",
    "rankings.mixed_status": "status",
    "rankings.mixed_site_kinds": "site_kind",
}


def span_text(rows: pd.DataFrame, lang: str) -> str:
    """When the figures of ``rows`` fall, in reader notation: from the earliest end of a
    period to the latest (a figure is drawn at its period's end), in years when every period
    is a year (2014—2024年), else in months (2023年2月—2025年12月)."""
    ends = pd.DatetimeIndex(rows["period_end"])
    first, last = ends.min(), ends.max()
    if set(rows["period_precision"].astype(str)) <= {"year"}:
        a, b = f"{first.year}", f"{last.year}"
    else:
        a, b = f"{first.year}-{first.month:02d}", f"{last.year}-{last.month:02d}"
    return period_label(a if a == b else f"{a}..{b}", lang)


def where_text(rows: pd.DataFrame, lang: str) -> str:
    """Where the figures are from: the site when there is one, the region and how many sites
    when they share one, else the regions (the first three, then how many more)."""
    records = rows.drop_duplicates("site_id").to_dict("records")
    if len(records) == 1:
        return name(records[0], lang, "site_")
    regions = list(dict.fromkeys(name(r, lang, "region_") for r in records))
    if len(regions) == 1:
        return t("caption.sites_in", lang, region=regions[0], n=len(records))
    sep = "、" if lang == "zh" else ", "
    if len(regions) <= 3:
        return sep.join(regions)
    return t(
        "caption.regions_more",
        lang,
        first=sep.join(regions[:2]),
        n=len(regions),
        more=len(regions) - 2,
    )


def chart_title(what: str, rows: pd.DataFrame, lang: str, when: str | None = None) -> str:
    """``what`` with where and when: 注册企业数：天开园，2023年12月至2024年2月."""
    if rows.empty:
        return what
    return t(
        "caption.title",
        lang,
        what=what,
        where=where_text(rows, lang),
        when=when or span_text(rows, lang),
    )


def unit_note(unit_std: str, lang: str) -> str:
    """What a unit's symbol means when readers may not know it (P = PFLOPS), else ''."""
    key = f"unit.explain.{unit_std}"
    return t(key, lang) if key in TEXTS else ""


def hidden_statuses(shown: pd.DataFrame, unfiltered: pd.DataFrame, lang: str) -> str | None:
    """The note on figures a status filter leaves out: 状态筛选未显示：目标1个。"""
    kept = set(shown["status"].astype(str))
    left = unfiltered[~unfiltered["status"].astype(str).isin(kept)]
    if left.empty:
        return None
    counts = left["status"].astype(str).value_counts()
    sep = "、" if lang == "zh" else ", "
    items = sep.join(
        t("caption.hidden_item", lang, status=vocab("status", s, lang), n=int(n))
        for s, n in sorted(counts.items())
    )
    return t("caption.hidden", lang, items=items)


def figure_notes(rows: pd.DataFrame, lang: str) -> list[str]:
    """Notes every figure of these rows needs: derived figures and facts reported by several
    articles (scopes are noted by the chart, next to the marked points)."""
    notes = []
    if rows["derived"].astype(bool).any():
        notes.append(t("caption.derived", lang))
    reported = pd.to_numeric(rows["reported_by"], errors="coerce").fillna(1)
    repeated = int((reported > 1).sum())
    if repeated:
        notes.append(t("caption.reported_by", lang, n=repeated))
    return notes


def ranking_note_texts(
    notes: Iterable[tuple[str, dict[str, Any]]], lang: str, rows: pd.DataFrame | None = None
) -> list[str]:
    """A ranking's caveats (:attr:`Ranking.notes`) as sentences, vocabulary in ``lang``; with
    the ranked ``rows``, the periods that differ in reader notation."""
    out = []
    for key, values in notes:
        if key == "rankings.mixed_periods" and rows is not None and not rows.empty:
            first = rows.drop_duplicates("period").sort_values(["period_end", "period_start"])
            sep = "、" if lang == "zh" else "; "
            values = {
                **values,
                "periods": sep.join(period_label(str(p), lang) for p in first["period"]),
            }
        shown = {
            k: ", ".join(vocab(NOTE_VOCAB.get(key, "status"), v, lang) for v in val)
            if isinstance(val, list)
            else val
            for k, val in values.items()
        }
        out.append(t(key, lang, **shown))
    return out


def filter_summary(items: Sequence[tuple[str, Sequence[str]]], unit_mode: str, lang: str) -> str:
    """One line of what the filters hold: 筛选：区域 京津冀 · 状态 实际、计划 · 数字 标准单位.
    ``items`` are (filter label, chosen labels) pairs; nothing chosen reads "all"."""
    sep = "、" if lang == "zh" else ", "
    parts = [
        f"{label} {sep.join(chosen) if chosen else t('caption.filter_all', lang)}"
        for label, chosen in items
    ]
    numbers = t(
        "caption.numbers_printed" if unit_mode == "printed" else "caption.numbers_std", lang
    )
    parts.append(f"{t('caption.numbers', lang)} {numbers}")
    return t("caption.filters", lang, items=" · ".join(parts))
