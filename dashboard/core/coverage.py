"""Which numbers in the articles no claim records: the maintainers' to-do list.

A number counts as covered only where a claim's own figure stands, not merely anywhere inside
a quoted sentence: a sentence with three figures needs three claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dataset import Dataset
from .quotes import figure_in_quote

# Arabic figures (5000, 1.1, 6,230) and Chinese ones that carry a magnitude (千余家, 两个, 十大).
NUMBER = re.compile(
    r"(?<![\d.,])\d+(?:[.,]\d+)*"
    r"|[两二三四五六七八九十百千万亿]*[十百千万亿两][两二三四五六七八九十百千万亿]*(?=[余多]?[家个项名所座条大批类支])"
)
# A figure that is part of a date or clock time: 2024年, 2月, 26日, 8时14分.
DATE_AFTER = re.compile(r"^(?:年(?![来以内间度])|月(?!份?[余多])|日|时|分(?!钟))")


@dataclass
class Figure:
    """One number in an article and what covers it."""

    text: str
    start: int
    line: int
    context: str
    status: str  # claim, excluded, date, uncaptured
    reason: str | None = None


@dataclass
class SourceCoverage:
    """The numbers of one article, by what covers them."""

    source_id: str
    file: str
    figures: list[Figure] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(f.status == status for f in self.figures)


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], text.find(needle)
    while start >= 0 and needle:
        out.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


Span = tuple[int, int]


def covered(
    dataset: Dataset, source_id: str, text: str
) -> tuple[list[Span], list[tuple[Span, str]]]:
    """Where the article's claims have their figures, and the excluded passages with their
    reasons."""
    figures: list[Span] = []  # where each claim's own figure stands in the article
    for sid, located in dataset.claims:
        inner = figure_in_quote(located.record) if sid == source_id else None
        if inner is not None:
            figures.extend(
                (a + inner[0], a + inner[1]) for a, _ in _spans(text, located.record.quote)
            )
    excluded = [
        (span, e.reason)
        for e in dataset.exclusions
        if e.source == source_id
        for span in _spans(text, e.text)
    ]
    return figures, excluded


def coverage(dataset: Dataset) -> list[SourceCoverage]:
    """For each article, every figure in its text and whether a claim or exclusion covers it."""
    out = []
    for source_id, item in dataset.sources.items():
        text = dataset.texts.get(source_id)
        if text is None:
            continue
        figures, excluded = covered(dataset, source_id, text)
        report = SourceCoverage(source_id, item.record.file)
        for match in NUMBER.finditer(text):
            start, end = match.span()
            line = text.count("\n", 0, start) + 1
            line_start = text.rfind("\n", 0, start) + 1
            context = text[max(line_start, start - 18) : end + 18].replace("\n", " ")
            figure = Figure(match.group(), start, line, context, "uncaptured")
            if any(a <= start < b for a, b in figures):
                figure.status = "claim"
            elif match.group()[0].isdigit() and DATE_AFTER.match(text[end : end + 3]):
                figure.status = "date"
            else:
                for (a, b), reason in excluded:
                    if a <= start and end <= b:
                        figure.status, figure.reason = "excluded", reason
                        break
            report.figures.append(figure)
        out.append(report)
    return out
