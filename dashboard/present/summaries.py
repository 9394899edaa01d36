"""A chart's short text summary, in the reader's language: what a screen reader says for the
chart, and the line under it, e.g.
"折线图：注册企业数。天开园1,220家（2023年12月）→ 1,300余家（2024年2月）"."""

from __future__ import annotations

import pandas as pd

from dashboard.present.formatting import period_label, row_label
from dashboard.present.i18n import name, t
from dashboard.present.rows import FIGURE_FIELDS, row_dicts

# Series (or bars) named in a summary; the rest are counted.
MOST = 4


def _figure(row: dict, lang: str, unit_mode: str) -> str:
    open_, close = ("（", "）") if lang == "zh" else (" (", ")")
    return (
        f"{row_label(row, lang, unit_mode)}{open_}{period_label(str(row['period']), lang)}{close}"
    )


def _join(parts: list[str], lang: str) -> str:
    return ("；" if lang == "zh" else "; ").join(parts)


def _more(total: int, lang: str) -> list[str]:
    return [t("summary.more", lang, n=total - MOST)] if total > MOST else []


def trend_summary(rows: pd.DataFrame, metric: str, lang: str, unit_mode: str) -> str:
    """Each site's figures oldest to newest: first → last (with the count between)."""
    records = row_dicts(rows, FIGURE_FIELDS)
    by_site: dict[str, list[dict]] = {}
    for row in records:
        by_site.setdefault(str(row["site_id"]), []).append(row)
    parts = []
    for points in list(by_site.values())[:MOST]:
        points = sorted(points, key=lambda r: (r["period_end"], r["period_start"]))
        figures = [_figure(points[0], lang, unit_mode)]
        if len(points) > 2:
            figures.append(t("summary.between", lang, n=len(points) - 2))
        if len(points) > 1:
            figures.append(_figure(points[-1], lang, unit_mode))
        site = name(points[0], lang, "site_")
        parts.append(f"{site}{'：' if lang == 'zh' else ': '}{' → '.join(figures)}")
    body = _join(parts + _more(len(by_site), lang), lang)
    return t("summary.line", lang, metric=metric, body=body)


def ranking_summary(rows: pd.DataFrame, metric: str, lang: str, unit_mode: str) -> str:
    """The bars from first to last: rank, site, figure and period."""
    records = row_dicts(rows, FIGURE_FIELDS)
    parts = [
        t(
            "summary.bar_item" if pd.notna(r.get("rank")) else "summary.bar_item_unranked",
            lang,
            rank=r.get("rank"),
            site=name(r, lang, "site_"),
            figure=_figure(r, lang, unit_mode),
        )
        for r in records[:MOST]
    ]
    body = _join(parts + _more(len(records), lang), lang)
    return t("summary.bar", lang, metric=metric, n=len(records), body=body)
