"""Data health, causes first: a problem that leaves a whole file's records out (a YAML syntax
error, an unreadable file) comes before the problems it causes elsewhere (claims naming sites
that file defines), which are grouped under it rather than listed two hundred times."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..core.problems import Problem

# Codes after which none of a file's records are read.
FILE_LOST = frozenset(
    {
        "not-utf8",
        "file-too-large",
        "too-deep",
        "unreadable",
        "control-character",
        "yaml-syntax",
        "multiple-documents",
        "empty-file",
        "bad-structure",
        "missing-folder",
    }
)
# What a kind of file defines, and the codes of problems that name what it would define.
FOLLOW_ONS: dict[str, tuple[str, ...]] = {
    "sites": ("unknown-site",),
    "metrics": ("unknown-metric", "unknown-variant", "unit-mismatch"),
    "units": ("unknown-unit", "unit-mismatch"),
    "regions": ("unknown-region",),
    "sources": ("unknown-source", "missing-file", "sha-mismatch"),
    "claims": ("unknown-claim", "bad-same-as", "bad-growth-link"),
}


def file_kind(path: str) -> str:
    """What a data file defines, from its path: ``sites`` for ``data/sites/jingjinji.yaml``,
    ``regions`` for ``data/regions.yaml``."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    if len(parts) >= 2 and parts[-2] in FOLLOW_ONS:
        return parts[-2]
    stem = PurePosixPath(path).stem
    return stem if stem in FOLLOW_ONS else ""


@dataclass
class Cause:
    """A problem that left a file's records out, and the problems that follow from it."""

    problem: Problem
    kind: str  # what the file defines: sites, metrics, ...
    follow_ons: list[Problem] = field(default_factory=list)

    @property
    def codes(self) -> list[str]:
        """The follow-on problems' codes, most frequent first."""
        counts: dict[str, int] = {}
        for p in self.follow_ons:
            counts[p.code] = counts.get(p.code, 0) + 1
        return sorted(counts, key=lambda c: (-counts[c], c))


@dataclass
class Grouped:
    """Every problem once: the causes with what follows from them, then the rest."""

    causes: list[Cause]
    others: list[Problem]

    @property
    def total(self) -> int:
        return len(self.others) + sum(1 + len(c.follow_ons) for c in self.causes)


def group_problems(problems: Sequence[Problem]) -> Grouped:
    """Causes first: each file-level problem (see :data:`FILE_LOST`), with the problems in
    other files that name what such a file defines (:data:`FOLLOW_ONS`) under the first
    cause of that kind; every other problem after them, in its own order."""
    causes: list[Cause] = []
    seen_files: set[str] = set()
    for p in problems:
        if p.code in FILE_LOST and p.file not in seen_files:
            seen_files.add(p.file)
            causes.append(Cause(p, file_kind(p.file)))
    by_code: dict[str, Cause] = {}
    for cause in causes:
        for code in FOLLOW_ONS.get(cause.kind, ()):
            by_code.setdefault(code, cause)
    others: list[Problem] = []
    for p in problems:
        if any(p is c.problem for c in causes):
            continue
        owner = by_code.get(p.code)
        if owner is not None and p.file != owner.problem.file:
            owner.follow_ons.append(p)
        else:
            others.append(p)
    return Grouped(causes, others)


def causes_first(problems: Sequence[Problem]) -> list[Problem]:
    """Every problem once, in reading order: the files that lost their records, the other
    problems, then those that follow from a lost file."""
    grouped = group_problems(problems)
    follow_ons = [p for cause in grouped.causes for p in cause.follow_ons]
    return [*(c.problem for c in grouped.causes), *grouped.others, *follow_ons]
