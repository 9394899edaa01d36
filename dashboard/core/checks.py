"""Checks across files: references, duplicates, quotes against their articles."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from .dataset import CheckedClaims, Dataset, Exclusion, FileResult, Located
from .facts import check_facts
from .models import Claim, FigureKind, Metric, Status, Unit
from .periods import parse_period
from .problems import Problem, did_you_mean
from .quotes import figure_in_quote, quote_hint
from .registries import index_registries, records_of

GROWTH_UNITS = {"percent", "percentage_point", "ratio"}

# The registries a claim is checked against; with their contents and the claim file's article
# unchanged, a claim file's problems are too (so an edit re-checks only the edited file).
REGISTRY_KINDS = ("regions", "units", "sources", "sites", "metrics")

# The fields a draft may leave as UNDECIDED (the others always get a decided value).
DRAFT_FIELDS = ("site", "metric", "unit", "period")
UNDECIDED = "draft.undecided"

period_of = lru_cache(maxsize=16384)(parse_period)  # periods repeat across claims
_SENTENCE = re.compile(r"[^。！？!?\n]*[。！？!?]?")


def registry_key(files: Iterable[FileResult]) -> tuple[tuple[str, str], ...]:
    """What the registries' contents are: (file, sha256) of each registry file."""
    return tuple((f.file, f.sha256) for f in files if f.kind in REGISTRY_KINDS)


class _Article:
    """An article's text with its sentences in a set: most quotes are whole sentences, and
    a set lookup is O(quote) where ``quote in text`` is O(text), for every claim."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pieces: set[str] = set()
        for match in _SENTENCE.finditer(text):
            piece = match.group()
            if piece:
                self.pieces.add(piece)
                self.pieces.add(piece.strip())
                self.pieces.add(piece[:-1])

    def __contains__(self, quote: str) -> bool:
        return quote in self.pieces or quote in self.text


def check_dataset(data_dir: Path, files: list[FileResult]) -> Dataset:
    """Cross-check the per-file results and assemble the dataset."""
    dataset = Dataset(data_dir, files=files)
    for f in files:
        dataset.problems.extend(f.problems)

    index_registries(dataset, files)
    _check_claims(dataset, files)
    check_facts(dataset)
    _check_exclusions(dataset, files)
    dataset.problems.sort(key=lambda p: (p.file, p.line, p.col, p.code))
    return dataset


def unit_fits(unit: Unit, metric: Metric, kind: FigureKind) -> bool:
    """Whether a claim of ``kind`` may print ``metric`` in ``unit``."""
    if kind is FigureKind.growth:
        return unit.standard in GROWTH_UNITS or unit.standard == metric.unit
    if kind is FigureKind.rank:
        return unit.standard == "rank"
    return unit.standard == metric.unit


def _site_hint(dataset: Dataset, value: str) -> str | None:
    for site_id, item in dataset.sites.items():
        if value in (item.record.name_zh, item.record.name_en):
            return f"did you mean {site_id}?"
    return did_you_mean(value, dataset.sites)


def _claim_file(
    dataset: Dataset, f: FileResult, source_id: str, registries: tuple[object, ...]
) -> CheckedClaims:
    """What :func:`_check_claims` needs of ``f``, remembered on it."""
    text = dataset.texts.get(source_id)
    key = (registries, dataset.text_sha256.get(source_id) if text is not None else None)
    known = f.reuse.checked
    if known is not None and known[0] == key:
        return known[1]
    article = _Article(text) if text is not None else None
    claims = f.records.get("claims", [])
    found = CheckedClaims(
        claims, [tuple(_claim_problems(dataset, item, article, source_id)) for item in claims]
    )
    f.reuse.checked = (key, found)
    return found


def _check_claims(dataset: Dataset, files: list[FileResult]) -> None:
    seen: dict[str, Located[Claim]] = {}
    growth: list[Located[Claim]] = []
    valid: dict[str, Located[Claim]] = {}
    registries = registry_key(files)
    for f in files:
        if f.kind != "claims":
            continue
        source_id = Path(f.file).stem
        claims = f.records.get("claims", [])
        if source_id not in dataset.sources:
            dataset.problems.append(
                Problem(
                    f.file,
                    1,
                    1,
                    "unknown-source",
                    f"the file name says source {source_id!r}, which is not in sources.yaml",
                    "",
                    did_you_mean(source_id, dataset.sources)
                    or "name the file after its source id: claims/<source>.yaml",
                    source_id,
                )
            )
        known = source_id in dataset.sources
        own = _claim_file(dataset, f, source_id, registries)
        if own.unique and seen.keys().isdisjoint(own.ids):  # no duplicate ids: all at once
            seen.update(zip(own.ids, claims, strict=True))
            dataset.problems.extend(own.flat)
            if known:
                dataset.claims.extend(zip(repeat(source_id), own.valid))
                valid.update(own.valid_ids)
                growth.extend(own.growth)
            continue
        for item, problems in zip(claims, own.problems, strict=True):
            claim = item.record
            if claim.id in seen:
                first = seen[claim.id]
                dataset.problems.append(
                    item.problem(
                        "duplicate-id",
                        f"claim id {claim.id!r} is already used at {first.file}:{first.line}",
                        "id",
                    )
                )
                continue
            seen[claim.id] = item
            dataset.problems.extend(problems)
            if not problems and known:
                dataset.claims.append((source_id, item))
                valid[claim.id] = item
                if claim.growth_of is not None:
                    growth.append(item)
    for item in growth:
        claim = item.record
        target = valid.get(claim.growth_of or "")
        if target is None:
            code = "unknown-claim" if claim.growth_of not in seen else "bad-growth-link"
            message = (
                f"growth_of {claim.growth_of!r} is not a claim"
                if code == "unknown-claim"
                else f"growth_of {claim.growth_of!r} names a claim that has problems"
            )
            hint = did_you_mean(claim.growth_of, seen)
            ref = (claim.growth_of or "") if code == "unknown-claim" else ""
            dataset.problems.append(item.problem(code, message, "growth_of", hint, ref))
        elif claim.kind is not FigureKind.growth or target.record.kind is FigureKind.growth:
            dataset.problems.append(
                item.problem(
                    "bad-growth-link",
                    "growth_of links a growth rate (kind: growth) to a level (any other kind)",
                    "growth_of",
                )
            )
        elif target.record.site != claim.site or target.record.metric != claim.metric:
            dataset.problems.append(
                item.problem(
                    "bad-growth-link",
                    "a growth rate and its level must have the same site and metric",
                    "growth_of",
                )
            )


def _claim_problems(dataset: Dataset, item: Located[Claim], text: _Article | None, source_id: str):
    claim = item.record
    undecided = [name for name in DRAFT_FIELDS if getattr(claim, name) == UNDECIDED]
    for name in undecided:
        yield item.problem(
            "draft-field",
            f"the draft left {name} undecided",
            name,
            "fill it in from the quote; the note says what the draft found",
        )
    # An undecided field is reported once, as draft-field, not again as an unknown id.
    site = dataset.sites.get(claim.site)
    if site is None and "site" not in undecided:
        yield item.problem(
            "unknown-site",
            f"site {claim.site!r} is not in sites/*.yaml",
            "site",
            _site_hint(dataset, claim.site),
            claim.site,
        )
    metric = dataset.metrics.get(claim.metric)
    if metric is None and "metric" not in undecided:
        yield item.problem(
            "unknown-metric",
            f"metric {claim.metric!r} is not in metrics/*.yaml",
            "metric",
            did_you_mean(claim.metric, dataset.metrics),
            claim.metric,
        )
    unit = dataset.units.get(claim.unit)
    if unit is None and "unit" not in undecided:
        yield item.problem(
            "unknown-unit",
            f"unit {claim.unit!r} is not in units.yaml",
            "unit",
            did_you_mean(claim.unit, dataset.units),
            claim.unit,
        )
    if (
        metric is not None
        and unit is not None
        and not unit_fits(unit.record, metric.record, claim.kind)
    ):
        yield item.problem(
            "unit-mismatch",
            f"unit {claim.unit!r} is {unit.record.standard}, but metric "
            f"{claim.metric!r} is measured in {metric.record.unit}",
            "unit",
            "growth rates take %, 个百分点 or 倍; ranks take 位"
            if claim.kind in (FigureKind.growth, FigureKind.rank)
            else None,
        )
    if metric is not None and claim.variant is not None:
        variants = [v.id for v in metric.record.variants]
        if claim.variant not in variants:
            yield item.problem(
                "unknown-variant",
                f"metric {claim.metric!r} has no variant {claim.variant!r}"
                + (f" (it has {', '.join(variants)})" if variants else ""),
                "variant",
                did_you_mean(claim.variant, variants)
                or f"add it under `variants:` of {claim.metric!r} in metrics/*.yaml",
                claim.variant,
            )
    if claim.scope is not None and claim.scope not in dataset.sites:
        yield item.problem(
            "unknown-site",
            f"scope {claim.scope!r} is not in sites/*.yaml",
            "scope",
            _site_hint(dataset, claim.scope),
            claim.scope,
        )
    elif claim.scope == claim.site:
        yield item.problem(
            "bad-value", "the scope is the site itself", "scope", "leave `scope:` out"
        )
    try:
        period = period_of(claim.period)
    except ValueError as err:
        if "period" not in undecided:
            yield item.problem("bad-period", str(err), "period")
    else:
        source = dataset.sources.get(source_id)
        if source is not None and claim.status is Status.actual:
            published = source.record.date[:7]
            if f"{period.end:%Y-%m}" > published:
                yield item.problem(
                    "period-after-source",
                    f"an actual figure for {claim.period} ends after its article "
                    f"({source.record.date})",
                    "period",
                    f"end it at the article's month, e.g. {period.start:%Y-%m}..{published}, "
                    "or mark it a plan or forecast",
                )
    if text is not None and claim.quote not in text:
        yield item.problem(
            "quote-not-found",
            "the quote is not verbatim in the article",
            "quote",
            quote_hint(claim.quote, text.text),
        )
    if figure_in_quote(claim) is None:
        shown = claim.printed if claim.printed is not None else f"{claim.value:g}"
        yield item.problem(
            "number-not-in-quote",
            f"the quote does not contain {shown!r}",
            "printed" if claim.printed is not None else "value",
            None
            if claim.printed is not None
            else "if the article writes it otherwise (千余, 两, 1,200), set `printed:`",
        )


def _check_exclusions(dataset: Dataset, files: list[FileResult]) -> None:
    for item in records_of(files, "ignore", "ignore"):
        excl: Exclusion = item.record
        text = dataset.texts.get(excl.source)
        if excl.source not in dataset.sources:
            dataset.problems.append(
                item.problem(
                    "unknown-source",
                    f"source {excl.source!r} is not in sources.yaml",
                    "source",
                    did_you_mean(excl.source, dataset.sources),
                    excl.source,
                )
            )
        elif text is not None and excl.text not in text:
            dataset.problems.append(
                item.problem(
                    "ignore-not-found",
                    "the text is not verbatim in the article",
                    "text",
                    quote_hint(excl.text, text),
                )
            )
        else:
            dataset.exclusions.append(excl)
