"""Questions the data can answer, for the overview: every series of two or more points (one
site, metric, measure and variant) and every ranking of three or more sites (one metric,
measure, variant and period, actual figures, comparable), each as a sentence in the reader's
language with the view of the chart that shows it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd
from babel.dates import format_date

from .formatting import row_label
from .i18n import name, t, vocab
from .rankings import ranking
from .rows import FIGURE_FIELDS, row_dicts
from .view import View

# What the sentences and the rankings behind them read of a row.
COLUMNS = (
    *FIGURE_FIELDS,
    "metric_id",
    "measure",
    "comparable",
    "site_kind",
    "source_id",
)


@dataclass(frozen=True)
class Question:
    """One sentence and the page and view of the chart that shows it."""

    kind: str  # "series" or "ranking"
    text: str
    page: str  # "trends" or "rankings"
    view: View
    site_id: str | None = None
    points: int = 0


def _date(value: Any) -> dt.date:
    return pd.Timestamp(value).date()


def period_label(row: dict[str, Any], lang: str) -> str:
    """A period in reader notation: 2024年2月, 2014—2024年, 2023年5—12月; Feb 2024,
    2014–2024, May–Dec 2023."""
    precision = str(row.get("period_precision") or "")
    raw = str(row.get("period") or "")
    start, end = row.get("period_start"), row.get("period_end")
    if precision == "year":
        return f"{raw}年" if lang == "zh" else raw
    if precision == "month" and end is not None:
        day = _date(end)
        return f"{day.year}年{day.month}月" if lang == "zh" else format_date(day, "MMM y", "en")
    if precision == "day" and end is not None:
        day = _date(end)
        if lang == "zh":
            return f"{day.year}年{day.month}月{day.day}日"
        return format_date(day, "d MMM y", "en")
    if precision == "quarter" and end is not None:
        day = _date(end)
        quarter = (day.month - 1) // 3 + 1
        return f"{day.year}年第{quarter}季度" if lang == "zh" else f"Q{quarter} {day.year}"
    if precision == "range" and start is not None and end is not None and ".." in raw:
        first, last = _date(start), _date(end)
        a, b = raw.split("..", 1)
        if len(a) == 4 and len(b) == 4:
            return f"{a}—{b}年" if lang == "zh" else f"{a}–{b}"
        if first.year == last.year:
            if lang == "zh":
                return f"{first.year}年{first.month}—{last.month}月"
            return f"{format_date(first, 'MMM', 'en')}–{format_date(last, 'MMM y', 'en')}"
        if lang == "zh":
            return f"{first.year}年{first.month}月—{last.year}年{last.month}月"
        return f"{format_date(first, 'MMM y', 'en')}–{format_date(last, 'MMM y', 'en')}"
    return raw


def _point(row: dict[str, Any], lang: str, unit_mode: str) -> str:
    """``1,300余家 (2024年2月，一核两翼)``: the figure, its period, status when not actual, and
    its scope when the figure covers another area than the site's own."""
    notes = [period_label(row, lang)]
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


def series_questions(
    table: pd.DataFrame, lang: str, unit_mode: str = "std", limit: int | None = None
) -> list[Question]:
    """Every series of two or more points: ``天开园注册企业数：1,220家 (2023年12月) → 1,300余家
    (2024年2月，一核两翼)``, most points first; at most ``limit``, the longest."""
    if table.empty:
        return []
    facts = table[table["same_as"].isna().to_numpy(dtype=bool)]
    keys = ["site_id", "metric_id", "measure", "variant"]
    dates = facts.groupby(keys, observed=True, dropna=False)["period_end"].nunique()
    series = dates[dates >= 2].sort_values(ascending=False, kind="stable")
    if limit is not None:
        series = series.head(limit)  # the longest series; the rest by region
    if series.empty:
        return []
    # Only the wanted series' rows are grouped: at 100,000 claims there are tens of thousands.
    wanted = pd.MultiIndex.from_tuples(list(series.index), names=keys)
    index = pd.MultiIndex.from_frame(facts[keys].astype(object))
    facts = facts[index.isin(wanted)]
    out: list[Question] = []
    for (site, metric, measure, variant), group in facts.groupby(
        keys, observed=True, dropna=False, sort=True
    ):
        ordered = group.sort_values(["period_end", "period_start", "claim_id"], kind="stable")
        rows = row_dicts(ordered)
        first = rows[0]
        site_name = name(first, lang, "site_")
        sep = "：" if lang == "zh" else ": "
        subject = (
            f"{site_name}{_metric(first, lang)}"
            if lang == "zh"
            else f"{site_name}, {_metric(first, lang)}"
        )
        text = subject + sep + " → ".join(_point(r, lang, unit_mode) for r in rows)
        variant_id = None if pd.isna(variant) else str(variant)
        view = View(
            metric=str(metric), measure=str(measure), variant=variant_id, sites=(str(site),)
        )
        out.append(Question("series", text, "trends", view, str(site), len(rows)))
    out.sort(key=lambda q: (-q.points, q.text))
    return out


def ranking_questions(
    table: pd.DataFrame,
    lang: str,
    unit_mode: str = "std",
    top: int = 3,
    limit: int | None = None,
) -> list[Question]:
    """Every ranking of three or more sites in one period (actual figures of a comparable
    metric): ``专精特新企业（国家级）排名 (2023年)：A 12家 > B 9家 > C 5家，共 4 个地点``; at most
    ``limit``, those of the most sites."""
    if table.empty:
        return []
    rows = table[
        (table["status"].astype(str) == "actual").to_numpy(dtype=bool)
        & table["comparable"].astype(bool).to_numpy(dtype=bool)
        & table["same_as"].isna().to_numpy(dtype=bool)
    ]
    keys = ["metric_id", "measure", "variant", "period"]
    sizes = rows.groupby(keys, observed=True, dropna=False)["site_id"].nunique()
    sizes = sizes[sizes >= 3].sort_values(ascending=False, kind="stable")
    if limit is not None:
        sizes = sizes.head(limit)
    # Each ranking is of one group's rows, taken out by position (a mask over the whole
    # table per ranking was seconds at 100,000 claims).
    positions = rows.groupby(keys, observed=True, dropna=False).indices
    out: list[Question] = []
    for (metric, measure, variant, period), _ in sizes.items():
        variant_id = None if pd.isna(variant) else str(variant)
        group = rows.iloc[positions[(metric, measure, variant, period)]]
        ranked = ranking(group, str(metric), str(measure), str(period), ["actual"])
        records = row_dicts(ranked.rows)
        if len(records) < 3:
            continue
        first = records[0]
        leaders = " > ".join(
            f"{name(r, lang, 'site_')} {row_label(r, lang, unit_mode)}" for r in records[:top]
        )
        more = t("questions.of_sites", lang, n=len(records)) if len(records) > top else ""
        text = t(
            "questions.ranking",
            lang,
            metric=_metric(first, lang),
            period=period_label(first, lang),
            leaders=leaders,
            more=more,
        )
        view = View(
            metric=str(metric), measure=str(measure), variant=variant_id, period=str(period)
        )
        out.append(Question("ranking", text, "rankings", view, None, len(records)))
    out.sort(key=lambda q: (-q.points, q.text))
    return out


def questions_for(
    table: pd.DataFrame,
    lang: str,
    unit_mode: str = "std",
    regions: list[str] | None = None,
    limit: int | None = None,
) -> list[Question]:
    """Series then rankings (at most ``limit`` of each), of ``regions``' rows when given."""
    rows = table[[c for c in COLUMNS if c in table]]  # every take copies only these
    if regions:
        rows = rows[rows["region_id"].astype(str).isin(regions).to_numpy(dtype=bool)]
    return [
        *series_questions(rows, lang, unit_mode, limit),
        *ranking_questions(rows, lang, unit_mode, limit=limit),
    ]
