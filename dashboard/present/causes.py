"""Data health, causes first: a problem that leaves a whole file's records out (a YAML syntax
error, an unreadable file) comes before the problems it causes elsewhere (claims naming sites
that file defines), which are grouped under it rather than listed two hundred times. Each
follow-on goes under the file that defines the id it names, not the first broken file of its
kind."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from babel.lists import format_list

from ..core.problems import Problem
from .formatting import BABEL_LOCALE, number
from .i18n import t

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
# What a kind of file defines, and the codes of problems that name (``Problem.ref``) what it
# defines: a site, a metric, a unit, a region, an article, a claim.
FOLLOW_ONS: dict[str, tuple[str, ...]] = {
    "sites": ("unknown-site",),
    "metrics": ("unknown-metric",),
    "units": ("unknown-unit",),
    "regions": ("unknown-region",),
    "sources": ("unknown-source",),
    "claims": ("unknown-claim",),
}
# What names an id: the kind of record a follow-on problem is in (its file's kind; a claims
# file named after an unknown article is the file itself).
REFERRERS = ("claims", "claim_files", "sites", "metrics", "units", "exclusions", "records")


def file_kind(path: str) -> str:
    """What a data file defines, from its path: ``sites`` for ``data/sites/jingjinji.yaml``,
    ``regions`` for ``data/regions.yaml``."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    if len(parts) >= 2 and parts[-2] in FOLLOW_ONS:
        return parts[-2]
    stem = PurePosixPath(path).stem
    return stem if stem in FOLLOW_ONS else ""


def referrer(problem: Problem) -> str:
    """What kind of record ``problem`` is about (one of :data:`REFERRERS`): ``claims`` for
    ``data/claims/a001.yaml`` at ``claims[3].site``, ``claim_files`` for that file as a whole."""
    kind = file_kind(problem.file)
    if kind == "claims" and not problem.path:
        return "claim_files"
    if kind in REFERRERS:
        return kind
    return "exclusions" if PurePosixPath(problem.file).stem == "coverage_ignore" else "records"


@dataclass
class Cause:
    """A problem that left a file's records out, and the problems that name what it defines."""

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

    @property
    def referrers(self) -> dict[str, int]:
        """How many follow-on problems each kind of record raises (:func:`referrer`), in the
        order of :data:`REFERRERS`."""
        counts = {kind: 0 for kind in REFERRERS}
        for p in self.follow_ons:
            counts[referrer(p)] += 1
        return {kind: n for kind, n in counts.items() if n}


@dataclass
class Grouped:
    """Every problem once: the causes with what follows from them, then the rest."""

    causes: list[Cause]
    others: list[Problem]

    @property
    def total(self) -> int:
        return len(self.others) + sum(1 + len(c.follow_ons) for c in self.causes)


def lost_files(problems: Sequence[Problem]) -> list[str]:
    """The files none of whose records were read (see :data:`FILE_LOST`), in order."""
    return list(dict.fromkeys(p.file for p in problems if p.code in FILE_LOST))


def group_problems(
    problems: Sequence[Problem], defined: Mapping[str, AbstractSet[str]] | None = None
) -> Grouped:
    """Causes first: each file-level problem (see :data:`FILE_LOST`), with the problems that
    name (``Problem.ref``) an id that file defines under it (``defined``: file -> ids, from
    :func:`dashboard.core.defined.defined_ids`; the codes of :data:`FOLLOW_ONS` for the file's
    kind); every other problem after them, in its own order. An id no lost file defines is a
    mistake of its own, not a follow-on."""
    defined = defined or {}
    causes: list[Cause] = []
    seen_files: set[str] = set()
    for p in problems:
        if p.code in FILE_LOST and p.file not in seen_files:
            seen_files.add(p.file)
            causes.append(Cause(p, file_kind(p.file)))
    owners: dict[tuple[str, str], Cause] = {}  # (code, id) -> the first cause defining it
    for cause in causes:
        for code in FOLLOW_ONS.get(cause.kind, ()):
            for ref in defined.get(cause.problem.file, ()):
                owners.setdefault((code, ref), cause)
    others: list[Problem] = []
    for p in problems:
        if any(p is c.problem for c in causes):
            continue
        owner = owners.get((p.code, p.ref)) if p.ref else None
        if owner is not None and p.file != owner.problem.file:
            owner.follow_ons.append(p)
        else:
            others.append(p)
    return Grouped(causes, others)


def causes_first(
    problems: Sequence[Problem], defined: Mapping[str, AbstractSet[str]] | None = None
) -> list[Problem]:
    """Every problem once, in reading order: the files that lost their records, the other
    problems, then those that follow from a lost file (see :func:`group_problems`)."""
    grouped = group_problems(problems, defined)
    follow_ons = [p for cause in grouped.causes for p in cause.follow_ons]
    return [*(c.problem for c in grouped.causes), *grouped.others, *follow_ons]


def follow_sentence(cause: Cause, lang: str) -> str:
    """What follows from ``cause``, per kind of record naming its ids: "203 claims and 2 sites
    refer to sites defined in this file (unknown-site); ..." in ``lang``."""
    n = len(cause.follow_ons)
    who = format_list(
        [
            t(f"causes.ref.{kind}" + (".one" if count == 1 else ""), lang, n=number(count, lang, 0))
            for kind, count in cause.referrers.items()
        ],
        locale=BABEL_LOCALE.get(lang, "en"),
    )
    key = "causes.follow.one" if n == 1 else "causes.follow"
    kind = t(f"causes.kind.{cause.kind}", lang)
    return t(key, lang, who=who, kind=kind, codes=", ".join(cause.codes), n=number(n, lang, 0))
