"""Facts that several articles report: ``same_as`` links checked, unlinked repeats and
disagreeing figures found.

Each article's report of a figure stays a claim of its own (with its quote); a later report
names the first with ``same_as``, and the dashboard counts the fact once. Two articles giving
the same figure for the same site, metric, variant, scope, period, kind and status without a
link are an ``unlinked-repeat``; giving different figures is a disagreement, which
:func:`disagreements` lists for the curator (Data health, ``python -m dashboard vocabulary``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .dataset import Dataset, Located
from .models import Claim
from .problems import did_you_mean

# What makes two figures figures of one fact (with the figure itself).
FACT_FIELDS = ("site", "metric", "variant", "scope", "period", "kind", "status")

Key = tuple[str | None, ...]


def fact_key(claim: Claim) -> Key:
    """The fields two reports of one fact share."""
    return tuple(getattr(claim, name) for name in FACT_FIELDS)


def _figure(dataset: Dataset, claim: Claim) -> tuple[float, str]:
    unit = dataset.units.get(claim.unit)
    factor = unit.record.factor if unit is not None else 1.0
    return float(f"{claim.value * factor:.9g}"), claim.qualifier.value


def check_facts(dataset: Dataset) -> None:
    """Check every ``same_as`` link, and report repeats across articles that have none."""
    by_id = {item.record.id: (source_id, item) for source_id, item in dataset.claims}
    for source_id, item in dataset.claims:
        claim = item.record
        if claim.same_as is not None:
            _check_link(dataset, by_id, source_id, item)
    groups: dict[tuple[Key, tuple[float, str]], list[tuple[str, Located[Claim]]]] = defaultdict(
        list
    )
    for source_id, item in dataset.claims:
        claim = item.record
        if claim.same_as is None:  # a linked claim's link is checked above
            groups[(fact_key(claim), _figure(dataset, claim))].append((source_id, item))
    for reports in groups.values():
        if len(reports) < 2 or len({source_id for source_id, _ in reports}) < 2:
            continue
        first_source, first = reports[0]
        for source_id, item in reports[1:]:
            claim = item.record
            if source_id == first_source:
                continue
            dataset.problems.append(
                item.problem(
                    "unlinked-repeat",
                    f"{first.file}:{first.line} ({first.record.id}) reports the same figure "
                    "for the same site, metric, period and kind",
                    "id",
                    f"link it: `same_as: {first.record.id}`",
                )
            )


def check_series(dataset: Dataset) -> None:
    """One site's figures of one metric and variant form one series: a running count is a
    ``stock`` at a date in every article, never ``cumulative`` in one and ``stock`` in
    another (``mixed-kinds``, reported at the later claims)."""
    first: dict[tuple[str, str, str | None], dict[str, Located[Claim]]] = defaultdict(dict)
    for _, item in dataset.claims:
        claim = item.record
        if claim.kind.value not in ("stock", "cumulative"):
            continue
        seen = first[(claim.site, claim.metric, claim.variant)]
        seen.setdefault(claim.kind.value, item)
        other = "cumulative" if claim.kind.value == "stock" else "stock"
        if other in seen and seen[claim.kind.value] is item:
            earlier = seen[other]
            dataset.problems.append(
                item.problem(
                    "mixed-kinds",
                    f"{earlier.file}:{earlier.line} ({earlier.record.id}) records this site's "
                    f"{claim.metric} as {other}; one series takes one kind",
                    "kind",
                    "a running total (累计) at a date is a stock at that date",
                )
            )


def _check_link(
    dataset: Dataset,
    by_id: dict[str, tuple[str, Located[Claim]]],
    source_id: str,
    item: Located[Claim],
) -> None:
    claim = item.record
    found = by_id.get(claim.same_as or "")
    if found is None:
        dataset.problems.append(
            item.problem(
                "unknown-claim",
                f"same_as {claim.same_as!r} is not a claim",
                "same_as",
                did_you_mean(claim.same_as, by_id),
            )
        )
        return
    target_source, target = found
    message = None
    if target.record.same_as is not None:
        message = f"{claim.same_as!r} is itself linked to {target.record.same_as!r}; link to that"
    elif target_source == source_id:
        message = "same_as links reports in different articles; an article states a fact once"
    else:
        differ = [
            name for name in FACT_FIELDS if getattr(claim, name) != getattr(target.record, name)
        ]
        if _figure(dataset, claim) != _figure(dataset, target.record):
            differ.append("figure")
        if differ:
            message = f"{claim.same_as!r} differs in {', '.join(differ)}: not the same fact"
    if message is not None:
        dataset.problems.append(item.problem("bad-same-as", message, "same_as"))


@dataclass(frozen=True)
class Disagreement:
    """Different figures for one site, metric, variant, scope, period, kind and status."""

    key: Key
    claims: tuple[tuple[str, Located[Claim]], ...]  # (source id, claim), in data order


def disagreements(dataset: Dataset) -> list[Disagreement]:
    """Facts that articles give different figures for (derived rows aside)."""
    groups: dict[Key, list[tuple[str, Located[Claim]]]] = defaultdict(list)
    for source_id, item in dataset.claims:
        groups[fact_key(item.record)].append((source_id, item))
    return [
        Disagreement(key, tuple(reports))
        for key, reports in groups.items()
        if len({_figure(dataset, item.record) for _, item in reports}) > 1
        and len({source_id for source_id, _ in reports}) > 1
    ]
