"""How good the drafts are: each article's curated claims removed, drafted again, compared.

    python -m benchmarks.drafting            # the table per article, on ./data
    python -m benchmarks.run --only drafting # the same, among the other measurements

A curated claim is found (recall) when a draft has its value and a quote that overlaps its
quote in the article; a draft is right (precision) when it is matched to a curated claim.
Each curated claim takes at most one draft, the one whose figure stands nearest its own.
On the matched pairs, each field's accuracy: the share of pairs where the draft says what
the curated record says. "Bare precision" drafts again without the exclusions of
``coverage_ignore.yaml``, as a new article is drafted before anyone has written any.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.core.dataset import Dataset
from dashboard.core.draft import Draft, draft_claims
from dashboard.core.loader import load_dataset
from dashboard.core.models import Claim
from dashboard.core.quotes import figure_in_quote

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("unit", "qualifier", "status", "kind", "period", "site", "metric")
TARGETS = {"recall": 0.85, "precision": 0.70, "unit": 0.85, "qualifier": 0.85, "status": 0.85}


@dataclass
class Miss:
    """A matched pair that disagrees on a field."""

    field: str
    curated: str
    drafted: str
    claim_id: str
    quote: str


@dataclass
class Score:
    """One article's (or all articles') comparison."""

    source: str
    curated: int = 0
    drafted: int = 0
    matched: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[Miss] = field(default_factory=list)
    unmatched_curated: list[str] = field(default_factory=list)
    # The same drafting as a new article gets it, with no coverage_ignore.yaml exclusions.
    bare_drafted: int = 0
    bare_matched: int = 0

    @property
    def bare_precision(self) -> float:
        return self.bare_matched / self.bare_drafted if self.bare_drafted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.curated if self.curated else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.drafted if self.drafted else 1.0

    def accuracy(self, name: str) -> float:
        return self.right[name] / self.matched if self.matched else 1.0

    def add(self, other: Score) -> None:
        self.curated += other.curated
        self.drafted += other.drafted
        self.matched += other.matched
        for name in FIELDS:
            self.right[name] += other.right[name]
        self.misses.extend(other.misses)
        self.unmatched_curated.extend(other.unmatched_curated)
        self.bare_drafted += other.bare_drafted
        self.bare_matched += other.bare_matched


def _curated_value(claim: Claim, name: str) -> str:
    return str(
        getattr(claim, name).value
        if name in ("qualifier", "status", "kind")
        else getattr(claim, name)
    )


def _compare(source: str, text: str, curated: list[Claim], drafts: list[Draft]) -> Score:
    score = Score(source, curated=len(curated), drafted=len(drafts))
    spans = []
    for d in drafts:
        start = text.find(d.fields["quote"])
        spans.append((start, start + len(d.fields["quote"])))
    taken: set[int] = set()
    for claim in curated:
        q_start = text.find(claim.quote)
        inner = figure_in_quote(claim)
        at = q_start + (inner[0] if inner else 0)
        q_end = q_start + len(claim.quote)
        choices = [
            i
            for i, d in enumerate(drafts)
            if i not in taken
            and float(d.fields["value"]) == claim.value
            and spans[i][0] < q_end
            and q_start < spans[i][1]
        ]
        if not choices:
            score.unmatched_curated.append(claim.id)
            continue
        best = min(choices, key=lambda i: abs(drafts[i].start - at))
        taken.add(best)
        score.matched += 1
        for name in FIELDS:
            want, got = _curated_value(claim, name), str(drafts[best].fields[name])
            if want == got:
                score.right[name] += 1
            else:
                score.misses.append(Miss(name, want, got, claim.id, claim.quote))
    return score


def measure_drafting(data_dir: Path) -> list[Score]:
    """For each article: drop its curated claims, draft them, compare. The last score is the
    total over all articles."""
    dataset: Dataset = load_dataset(data_dir)
    curated = list(dataset.claims)
    dataset.claims = []  # as if no claim were recorded yet
    exclusions = list(dataset.exclusions)
    scores = []
    total = Score("all")
    for source_id in dataset.sources:
        text = dataset.texts[source_id]
        mine = [located.record for sid, located in curated if sid == source_id]
        score = _compare(source_id, text, mine, draft_claims(dataset, source_id))
        dataset.exclusions = []
        bare = _compare(source_id, text, mine, draft_claims(dataset, source_id))
        dataset.exclusions = exclusions
        score.bare_drafted, score.bare_matched = bare.drafted, bare.matched
        scores.append(score)
        total.add(score)
    return [*scores, total]


def table(scores: Iterable[Score]) -> str:
    """The scores as a markdown table."""
    head = ["article", "curated", "drafted", "recall", "precision", "bare precision", *FIELDS]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" + "---:|" * (len(head) - 1)]
    for s in scores:
        cells = [s.source, str(s.curated), str(s.drafted), f"{s.recall:.2f}", f"{s.precision:.2f}"]
        cells.append(f"{s.bare_precision:.2f}")
        cells += [f"{s.accuracy(name):.2f}" for name in FIELDS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def drafting_report(data_dir: Path = ROOT / "data") -> str:
    """The section of ``make bench``'s results: the table and whether the targets hold."""
    scores = measure_drafting(data_dir)
    held = ", ".join(
        f"{name} {value:.2f} {'≥' if value >= target else '<'} {target}"
        for name, target in TARGETS.items()
        for value in [_total(scores[-1], name)]
    )
    return f"Drafted claims against the curated ones ({data_dir}):\n\n{table(scores)}\n\n{held}"


def _total(score: Score, name: str) -> float:
    return score.accuracy(name) if name in FIELDS else float(getattr(score, name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="data")
    parser.add_argument("--misses", help="print the misses of this field (or 'recall')")
    args = parser.parse_args(argv)
    scores = measure_drafting(Path(args.data_dir))
    print(table(scores))
    total = scores[-1]
    if args.misses == "recall":
        for claim_id in total.unmatched_curated:
            print(claim_id)
    elif args.misses:
        for miss in total.misses:
            if miss.field == args.misses:
                print(f"{miss.claim_id}: {miss.curated} ≠ {miss.drafted} | {miss.quote[:70]}")
    failed = [
        k
        for k, v in TARGETS.items()
        if (total.accuracy(k) if k in FIELDS else getattr(total, k)) < v
    ]
    return int(bool(failed))


if __name__ == "__main__":
    sys.exit(main())
