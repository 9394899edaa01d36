"""Facts across articles (same_as, repeats, disagreements), variants, scopes and periods
anchored to their article."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dashboard.core.facts import disagreements
from dashboard.core.loader import load_dataset
from dashboard.core.table import tidy_table

T2_TEXT = "测试日报\n\n记者获悉，科技园企业总数已超5000家。\n科技园企业已达4800家。\n"
T2_HEAD = "claims:\n"
ENTERPRISES = """  - id: {id}
    site: tech_park
    metric: registered_enterprises
    value: {value}
    unit: 家
    qualifier: {qualifier}
    period: "2024-05"
    status: actual
    kind: stock
    quote: {quote}
"""


def _second_article(data: Path, claims: str, source: str = "t2") -> None:
    """Add article ``source`` (same month as t1) with ``claims`` as its claim file."""
    seed = data.parent / "seeds" / f"{source}.txt"
    seed.write_text(T2_TEXT, encoding="utf-8")
    digest = hashlib.sha256(seed.read_bytes()).hexdigest()
    with (data / "sources.yaml").open("a", encoding="utf-8") as sources:
        sources.write(
            f"  - id: {source}\n    file: ../seeds/{source}.txt\n    publication: 测试日报\n"
            f'    title: 二\n    date: "2024-05-28"\n    sha256: {digest}\n'
        )
    (data / "claims" / f"{source}.yaml").write_text(T2_HEAD + claims, encoding="utf-8")


def _repeat(**extra: str) -> str:
    claim = ENTERPRISES.format(
        id="t2-park-enterprises",
        value=5000,
        qualifier="over",
        quote="记者获悉，科技园企业总数已超5000家。",
    )
    return claim + "".join(f"    {k}: {v}\n" for k, v in extra.items())


def _codes(data: Path) -> list[tuple[str, int, str]]:
    return [(p.file, p.line, p.code) for p in load_dataset(data).problems]


def test_facts_unlinked_repeat_is_reported_at_the_later_claim(mini: Path) -> None:
    """The same figure for the same site, metric and period in two articles needs a link."""
    _second_article(mini, _repeat())
    problems = load_dataset(mini).problems
    assert [(p.file, p.line, p.code) for p in problems] == [
        ("data/claims/t2.yaml", 2, "unlinked-repeat")
    ]
    assert problems[0].hint == "link it: `same_as: t1-park-enterprises`"


def test_facts_same_as_counts_the_fact_once(mini: Path) -> None:
    """A linked repeat is valid; both rows say two articles report the fact."""
    _second_article(mini, _repeat(same_as="t1-park-enterprises"))
    dataset = load_dataset(mini)
    assert dataset.problems == []
    table = tidy_table(dataset).set_index("claim_id")
    assert table.loc["t2-park-enterprises", "same_as"] == "t1-park-enterprises"
    assert table.loc["t1-park-enterprises", "reported_by"] == 2
    assert table.loc["t2-park-enterprises", "reported_by"] == 2
    assert table.loc["t1-compute-now", "reported_by"] == 1


def test_facts_bad_links_are_reported(mini: Path) -> None:
    """same_as must name a claim of another article with the same fact and figure."""
    _second_article(
        mini,
        _repeat(same_as="t1-park-enterprise")
        + ENTERPRISES.format(
            id="t2-park-4800",
            value=4800,
            qualifier="exact",
            quote="科技园企业已达4800家。",
        )
        + "    same_as: t1-park-enterprises\n",
    )
    assert _codes(mini) == [
        ("data/claims/t2.yaml", 12, "unknown-claim"),
        ("data/claims/t2.yaml", 23, "bad-same-as"),
    ]


def test_facts_disagreements_are_listed(mini: Path) -> None:
    """Articles giving different figures for one fact are listed side by side (t1 itself
    gives two for the park's enterprises)."""
    _second_article(
        mini,
        ENTERPRISES.format(
            id="t2-park-4800", value=4800, qualifier="exact", quote="科技园企业已达4800家。"
        ),
    )
    dataset = load_dataset(mini)
    assert dataset.problems == []
    found = disagreements(dataset)
    assert [[item.record.id for _, item in d.claims] for d in found] == [
        ["t1-park-enterprises", "t1-park-served", "t2-park-4800"]
    ]


def test_facts_actual_figure_ending_after_its_article(mini: Path) -> None:
    """An actual figure may not end after its article's month; a plan may."""
    claims = mini / "claims" / "t1.yaml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(
        text.replace(
            'period: "2024-05"\n    status: actual\n    kind: stock\n    quote: 科技园',
            'period: "2014..2024"\n    status: actual\n    kind: stock\n    quote: 科技园',
            1,
        ),
        encoding="utf-8",
    )
    problems = load_dataset(mini).problems
    assert [(p.line, p.code) for p in problems] == [(8, "period-after-source")]
    assert problems[0].hint == (
        "end it at the article's month, e.g. 2014-01..2024-05, or mark it a plan or forecast"
    )


def test_facts_variant_and_scope_are_checked_and_joined(mini: Path) -> None:
    """A variant must be the metric's; a scope must be a site; both are joined by name."""
    metrics = mini / "metrics" / "all.yaml"
    metrics.write_text(
        metrics.read_text(encoding="utf-8").replace(
            "description: Enterprises registered.}",
            "description: Enterprises registered., variants: [{id: tech, name_zh: 科技型, "
            "name_en: tech-based}]}",
        ),
        encoding="utf-8",
    )
    claims = mini / "claims" / "t1.yaml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(
        text.replace(
            "    site: tech_park\n",
            "    site: tech_park\n    variant: tech\n    scope: tianjin\n",
            1,
        ).replace(
            "  - id: t1-park-served\n    site: tech_park\n",
            "  - id: t1-park-served\n    site: tech_park\n    variant: tec\n    scope: nowhere\n",
        ),
        encoding="utf-8",
    )
    dataset = load_dataset(mini)
    assert [(p.line, p.code, p.hint) for p in dataset.problems] == [
        (16, "unknown-variant", "did you mean tech?"),
        (17, "unknown-site", None),
    ]
    row = tidy_table(dataset).set_index("claim_id").loc["t1-park-enterprises"]
    assert (row["variant"], row["variant_name_zh"], row["variant_name_en"]) == (
        "tech",
        "科技型",
        "tech-based",
    )
    assert (row["scope"], row["scope_name_zh"]) == ("tianjin", "天津市")


def test_facts_series_takes_one_kind(mini: Path) -> None:
    """A site's running count may not be a stock in one article and cumulative in another."""
    _second_article(
        mini,
        ENTERPRISES.format(
            id="t2-park-4800", value=4800, qualifier="exact", quote="科技园企业已达4800家。"
        ).replace("kind: stock", "kind: cumulative"),
    )
    problems = load_dataset(mini).problems
    assert [(p.file, p.line, p.code) for p in problems] == [
        ("data/claims/t2.yaml", 10, "mixed-kinds")
    ]


def test_facts_repeat_of_a_later_figure_is_found(mini: Path) -> None:
    """t2 gives 4800 where t1 gave 5000; t3 repeating t2's 4800 is t2's repeat."""
    claim = ENTERPRISES.format(
        id="{id}", value=4800, qualifier="exact", quote="科技园企业已达4800家。"
    )
    _second_article(mini, claim.replace("{id}", "t2-park-4800"))
    _second_article(mini, claim.replace("{id}", "t3-park-4800"), source="t3")
    problems = load_dataset(mini).problems
    assert [(p.file, p.line, p.code) for p in problems] == [
        ("data/claims/t3.yaml", 2, "unlinked-repeat")
    ]
    assert problems[0].hint == "link it: `same_as: t2-park-4800`"


def test_metric_replaces_ids_no_other_metric_has(mini: Path) -> None:
    """A former id may be taken over by one metric only, and never be a current id."""
    metrics = mini / "metrics" / "all.yaml"
    text = metrics.read_text(encoding="utf-8")
    metrics.write_text(
        text.replace(
            "description: Enterprises registered.}",
            "description: Enterprises registered., replaces: [new_enterprises, tax_revenue]}",
        ).replace(
            "description: Contract value.}",
            "description: Contract value., replaces: [new_enterprises]}",
        ),
        encoding="utf-8",
    )
    problems = load_dataset(mini).problems
    assert [(p.line, p.code, p.message) for p in problems] == [
        (
            2,
            "duplicate-id",
            "'tax_revenue' is already a metric id or replaced at data/metrics/all.yaml:3",
        ),
        (
            4,
            "duplicate-id",
            "'new_enterprises' is already a metric id or replaced at data/metrics/all.yaml:2",
        ),
    ]
