"""The data-health view: what every file is serving, every problem, what is still uncaptured."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from ..core.coverage import SourceCoverage
from ..core.problems import Problem
from ..core.snapshot import FileState
from ..core.vocabulary import VocabularyReport
from .i18n import name, t


def format_time(timestamp: float | None) -> str:
    """``timestamp`` as server-local wall-clock text (``2024-05-01 09:30:00``), or ""."""
    if timestamp is None:
        return ""
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M:%S")


def banner_lines(degraded: tuple[FileState, ...] | list[FileState]) -> list[dict[str, str]]:
    """One entry per file served from its last good version: file, line, since, shown."""
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
                "since": format_time(state.since),
                "shown": format_time(state.loaded_at),
            }
        )
    return out


def files_frame(files: tuple[FileState, ...]) -> pd.DataFrame:
    """Every data file: status, problems, last check, when the served version was read."""
    return pd.DataFrame(
        [
            {
                "file": f.file,
                "status": f.status,
                "problems": len(f.problems),
                "checked": format_time(f.checked_at),
                "loaded": format_time(f.loaded_at),
                "since": format_time(f.since),
                "reason": f.reason or "",
            }
            for f in files
        ],
        columns=["file", "status", "problems", "checked", "loaded", "since", "reason"],
    )


def problems_frame(problems: tuple[Problem, ...] | list[Problem]) -> pd.DataFrame:
    """Every validation problem, as ``python -m dashboard validate`` prints them."""
    return pd.DataFrame(
        [
            {
                "where": f"{p.file}:{p.line}:{p.col}",
                "code": p.code,
                "field": p.path,
                "message": p.message,
                "hint": p.hint or "",
            }
            for p in problems
        ],
        columns=["where", "code", "field", "message", "hint"],
    )


def coverage_frames(reports: list[SourceCoverage]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per article the counts of numbers by what covers them, and the uncaptured numbers."""
    statuses = ("claim", "date", "excluded", "uncaptured")
    counts = pd.DataFrame(
        [
            {"source": r.source_id, "numbers": len(r.figures), **{s: r.count(s) for s in statuses}}
            for r in reports
        ],
        columns=["source", "numbers", *statuses],
    )
    uncaptured = pd.DataFrame(
        [
            {"source": r.source_id, "line": f.line, "number": f.text, "context": f.context}
            for r in reports
            for f in r.figures
            if f.status == "uncaptured"
        ],
        columns=["source", "line", "number", "context"],
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
