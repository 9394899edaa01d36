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
from .models import Claim, FigureKind
from .problems import Problem, did_you_mean

# What makes two figures figures of one fact (with the figure itself).
FACT_FIELDS = ("site", "metric", "variant", "scope", "period", "kind", "status")

Key = tuple[str | None, ...]


def fact_key(claim: Claim) -> Key:
    """The fields two reports of one fact share."""
    return tuple(getattr(claim, name) for name in FACT_FIELDS)


def _factors(dataset: Dataset) -> dict[str, float]:
    return {unit_id: item.record.factor for unit_id, item in dataset.units.items()}


def _figure(factors: dict[str, float], claim: Claim) -> tuple[float, str]:
    """The figure in standard units (rounded past float noise) and its qualifier."""
    return round(claim.value * factors.get(claim.unit, 1.0), 6), claim.qualifier.value


def check_facts(dataset: Dataset) -> None:
    """Across all claims, in one pass (this runs on every reload of the live store):

    - a repeat of another article's figure without ``same_as`` is an ``unlinked-repeat``;
    - a site's figures of one metric and variant form one series, so a running count is a
      ``stock`` at a date in every article, never ``cumulative`` in one and ``stock`` in
      another (``mixed-kinds``, reported once per series);
    - every ``same_as`` link names a claim of another article with the same fact and figure.
    """
    factors = _factors(dataset)
    first: dict[tuple[object, ...], tuple[str, Located[Claim]]] = {}  # per fact
    figures: dict[tuple[object, ...], tuple[str, Located[Claim]]] = {}  # per fact and figure
    series: dict[tuple[object, ...], Located[Claim]] = {}
    mixed: set[tuple[object, ...]] = set()
    linked: list[tuple[str, Located[Claim]]] = []
    stock, cumulative = FigureKind.stock, FigureKind.cumulative
    for source_id, item in dataset.claims:
        claim = item.record
        kind = claim.kind
        if kind is stock or kind is cumulative:
            key = (claim.site, claim.metric, claim.variant)
            earlier_level = series.setdefault(key, item)
            if earlier_level.record.kind is not kind and key not in mixed:
                mixed.add(key)
                dataset.problems.append(_mixed(item, earlier_level))
        if claim.same_as is not None:  # its link is checked below
            linked.append((source_id, item))
            continue
        fact = (
            claim.site,
            claim.metric,
            claim.variant,
            claim.scope,
            claim.period,
            kind,
            claim.status,
        )
        earlier = first.setdefault(fact, (source_id, item))
        if earlier[1] is item:
            continue
        # Another figure of this fact: only now is the figure worked out (rarely needed).
        figures.setdefault((*fact, *_figure(factors, earlier[1].record)), earlier)
        same = figures.setdefault((*fact, *_figure(factors, claim)), (source_id, item))
        if same[0] != source_id:
            dataset.problems.append(_repeat(item, same[1]))
    if linked:
        # Links are few: index only the claims they name.
        wanted = {item.record.same_as for _, item in linked}
        by_id = {
            item.record.id: (source_id, item)
            for source_id, item in dataset.claims
            if item.record.id in wanted
        }
        for source_id, item in linked:
            _check_link(dataset, by_id, factors, source_id, item)


def _mixed(item: Located[Claim], earlier: Located[Claim]) -> Problem:
    return item.problem(
        "mixed-kinds",
        f"{earlier.file}:{earlier.line} ({earlier.record.id}) records this site's "
        f"{item.record.metric} as {earlier.record.kind.value}; one series takes one kind",
        "kind",
        "a running total (累计) at a date is a stock at that date",
    )


def _repeat(item: Located[Claim], earlier: Located[Claim]) -> Problem:
    return item.problem(
        "unlinked-repeat",
        f"{earlier.file}:{earlier.line} ({earlier.record.id}) reports the same figure for the "
        "same site, metric, period and kind",
        "id",
        f"link it: `same_as: {earlier.record.id}`",
    )


def _check_link(
    dataset: Dataset,
    by_id: dict[str, tuple[str, Located[Claim]]],
    factors: dict[str, float],
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
                did_you_mean(claim.same_as, [i.record.id for _, i in dataset.claims]),
                claim.same_as or "",
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
        if _figure(factors, claim) != _figure(factors, target.record):
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
    factors = _factors(dataset)
    groups: dict[Key, list[tuple[str, Located[Claim]]]] = defaultdict(list)
    for source_id, item in dataset.claims:
        groups[fact_key(item.record)].append((source_id, item))
    return [
        Disagreement(key, tuple(reports))
        for key, reports in groups.items()
        if len({_figure(factors, item.record) for _, item in reports}) > 1
        and len({source_id for source_id, _ in reports}) > 1
    ]
