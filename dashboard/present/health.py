"""The data-health view: what every file is serving, every problem, what is still uncaptured."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from babel.dates import format_datetime

from ..core.coverage import SourceCoverage
from ..core.problems import Problem
from ..core.snapshot import FileState
from ..core.vocabulary import VocabularyReport
from .formatting import BABEL_LOCALE
from .i18n import name, t, vocab

# Date and time as the reader writes them, to the second (a reload is seconds after an edit).
TIME_PATTERNS = {"zh": "y年M月d日 HH:mm:ss", "en": "d MMM y, HH:mm:ss"}


def format_time(timestamp: float | None, lang: str = "en") -> str:
    """``timestamp`` as server-local wall-clock time in ``lang`` (``2026年12月3日 15:49:35``,
    ``3 Dec 2026, 15:49:35``), or ""."""
    if timestamp is None:
        return ""
    local = datetime.fromtimestamp(timestamp).astimezone()
    pattern = TIME_PATTERNS.get(lang, TIME_PATTERNS["en"])
    return format_datetime(local, pattern, tzinfo=local.tzinfo, locale=BABEL_LOCALE.get(lang, "en"))


def banner_lines(
    degraded: tuple[FileState, ...] | list[FileState], lang: str = "en"
) -> list[dict[str, str]]:
    """One entry per file served from its last good version: file, line, since, shown (times
    in ``lang``)."""
    out = []
    for state in degraded:
        first = state.problems[0] if state.problems else None
        out.append(
            {
                "file": state.file,
                "status": state.status,
                "where": f"{state.file}:{first.line}" if first and first.line else state.file,
                "code": first.code if first else "",
                "message": first.message if first else (state.reason or ""),
                "since": format_time(state.since, lang),
                "shown": format_time(state.loaded_at, lang),
            }
        )
    return out


def _frame(records: list[dict[str, object]], keys: tuple[str, ...], lang: str) -> pd.DataFrame:
    """``records`` (keyed by text keys) as a frame with headers in ``lang``."""
    return pd.DataFrame(
        [{t(k, lang): r[k] for k in keys} for r in records], columns=[t(k, lang) for k in keys]
    )


FILE_COLUMNS = (
    "health.col.file",
    "health.col.status",
    "health.col.problems",
    "health.col.checked",
    "health.col.loaded",
    "health.col.since",
    "health.col.reason",
)


def files_frame(files: tuple[FileState, ...], lang: str = "en") -> pd.DataFrame:
    """Every data file: status, problems, last check, when the served version was read, and
    why a new version is held back (from ``FileState.hold``), in ``lang``."""
    return _frame(
        [
            {
                "health.col.file": f.file,
                "health.col.status": vocab("file_status", str(f.status), lang),
                "health.col.problems": len(f.problems),
                "health.col.checked": format_time(f.checked_at, lang),
                "health.col.loaded": format_time(f.loaded_at, lang),
                "health.col.since": format_time(f.since, lang),
                "health.col.reason": vocab("hold", str(f.hold), lang) if f.hold else "",
            }
            for f in files
        ],
        FILE_COLUMNS,
        lang,
    )


PROBLEM_COLUMNS = (
    "health.col.where",
    "health.col.code",
    "health.col.field",
    "health.col.message",
    "health.col.hint",
)


def problems_frame(problems: tuple[Problem, ...] | list[Problem], lang: str = "en") -> pd.DataFrame:
    """Every validation problem, as ``python -m dashboard validate`` prints them (the message
    and hint are English, and the Chinese headers say so)."""
    return _frame(
        [
            {
                "health.col.where": f"{p.file}:{p.line}:{p.col}",
                "health.col.code": p.code,
                "health.col.field": p.path,
                "health.col.message": p.message,
                "health.col.hint": p.hint or "",
            }
            for p in problems
        ],
        PROBLEM_COLUMNS,
        lang,
    )


COVERAGE_STATUSES = ("claim", "date", "excluded", "uncaptured")


def coverage_frames(
    reports: list[SourceCoverage], lang: str = "en"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per article the counts of numbers by what covers them, and the uncaptured numbers."""
    statuses = tuple(f"health.col.{s}" for s in COVERAGE_STATUSES)
    count_keys = ("health.col.source", "health.col.numbers", *statuses)
    counts = _frame(
        [
            {
                "health.col.source": r.source_id,
                "health.col.numbers": len(r.figures),
                **{f"health.col.{s}": r.count(s) for s in COVERAGE_STATUSES},
            }
            for r in reports
        ],
        count_keys,
        lang,
    )
    uncaptured = _frame(
        [
            {
                "health.col.source": r.source_id,
                "health.col.line": f.line,
                "health.col.number": f.text,
                "health.col.context": f.context,
            }
            for r in reports
            for f in r.figures
            if f.status == "uncaptured"
        ],
        ("health.col.source", "health.col.line", "health.col.number", "health.col.context"),
        lang,
    )
    return counts, uncaptured


def vocabulary_summary(report: VocabularyReport) -> dict[str, object]:
    """The figures the vocabulary section's caption states (``health.vocabulary_help``)."""
    once = len(report.used_once)
    return {
        "metrics": len(report.metrics),
        "once": once,
        "share": f"{once / len(report.metrics):.0%}" if report.metrics else "0%",
        "unlinked": len(report.unlinked),
    }


def vocabulary_frames(report: VocabularyReport, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each metric's use (most used first), and the figures articles disagree on, with
    headers in ``lang``."""
    metrics = pd.DataFrame(
        [
            {
                t("vocab.metric", lang): f"{name(m, lang)} ({m.metric_id})",
                t("vocab.claims", lang): m.claims,
                t("vocab.facts", lang): m.facts,
                t("vocab.sites", lang): m.sites,
                t("vocab.periods", lang): m.periods,
                t("vocab.variants", lang): (
                    f"{', '.join(m.variants_used) or '-'} / {', '.join(m.variants_declared) or '-'}"
                ),
            }
            for m in report.metrics
        ],
        columns=[
            t(key, lang)
            for key in (
                "vocab.metric",
                "vocab.claims",
                "vocab.facts",
                "vocab.sites",
                "vocab.periods",
                "vocab.variants",
            )
        ],
    )
    disagreements = pd.DataFrame(
        [
            {
                t("vocab.metric", lang): " · ".join(str(part) for part in found.key if part),
                t("vocab.figures", lang): " | ".join(
                    f"{source_id}: {item.record.printed or f'{item.record.value:g}'}"
                    f"{'' if item.record.printed else item.record.unit} ({item.file}:{item.line})"
                    for source_id, item in found.claims
                ),
            }
            for found in report.disagreements
        ],
        columns=[t("vocab.metric", lang), t("vocab.figures", lang)],
    )
    return metrics, disagreements
