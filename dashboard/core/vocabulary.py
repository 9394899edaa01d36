"""The health of the metric vocabulary: how many claims, sites, periods and variants each
metric carries, which metrics one claim alone uses, and the repeats and disagreements
across articles. ``python -m dashboard vocabulary`` prints it; Data health shows it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .dataset import Dataset
from .facts import Disagreement, disagreements
from .problems import Problem


@dataclass(frozen=True)
class MetricUse:
    """One metric and what the quoted claims do with it."""

    metric_id: str
    name_zh: str
    name_en: str
    claims: int  # quoted claims (each article's report counts)
    facts: int  # distinct facts (same_as links joined)
    sites: int
    periods: int
    variants_declared: tuple[str, ...]
    variants_used: tuple[str, ...]


@dataclass(frozen=True)
class VocabularyReport:
    """The vocabulary's health (see the module docstring)."""

    metrics: list[MetricUse]
    unlinked: list[Problem] = field(default_factory=list)  # unlinked-repeat problems
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def used_once(self) -> list[MetricUse]:
        """Metrics carried by a single quoted claim."""
        return [m for m in self.metrics if m.claims == 1]

    @property
    def unused(self) -> list[MetricUse]:
        """Metrics no claim uses."""
        return [m for m in self.metrics if m.claims == 0]


def vocabulary_report(dataset: Dataset) -> VocabularyReport:
    """Each metric of ``dataset`` with its use, most used first (then by id)."""
    claims: dict[str, int] = defaultdict(int)
    facts: dict[str, set[str]] = defaultdict(set)
    sites: dict[str, set[str]] = defaultdict(set)
    periods: dict[str, set[str]] = defaultdict(set)
    variants: dict[str, set[str]] = defaultdict(set)
    for _, item in dataset.claims:
        claim = item.record
        claims[claim.metric] += 1
        facts[claim.metric].add(claim.same_as or claim.id)
        sites[claim.metric].add(claim.site)
        periods[claim.metric].add(claim.period)
        if claim.variant is not None:
            variants[claim.metric].add(claim.variant)
    uses = [
        MetricUse(
            metric_id,
            item.record.name_zh,
            item.record.name_en,
            claims[metric_id],
            len(facts[metric_id]),
            len(sites[metric_id]),
            len(periods[metric_id]),
            tuple(v.id for v in item.record.variants),
            tuple(sorted(variants[metric_id])),
        )
        for metric_id, item in dataset.metrics.items()
    ]
    uses.sort(key=lambda m: (-m.claims, m.metric_id))
    unlinked = [p for p in dataset.problems if p.code == "unlinked-repeat"]
    return VocabularyReport(uses, unlinked, disagreements(dataset))
