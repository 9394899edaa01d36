"""One fact across articles on the pages: counted once, its other reports and disagreeing
figures found; variants kept apart; a scope change marked on the trend chart."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.charts.trends import trend_figure
from dashboard.core.loader import load_dataset
from dashboard.core.table import tidy_table
from dashboard.present.facts import disagreeing, other_reports
from dashboard.present.rankings import ranking, ranking_metric
from dashboard.present.rows import metric_counts, of_variant, variants_in, with_measure
from dashboard.present.trends import trend_rows
from tests.core.test_facts import ENTERPRISES, _repeat, _second_article


def _table(data: Path) -> pd.DataFrame:
    dataset = load_dataset(data)
    assert dataset.problems == []
    return with_measure(tidy_table(dataset))


@pytest.fixture
def linked(mini: Path) -> pd.DataFrame:
    """The mini set with t2 reporting t1's 5000 again (linked) and giving 4800 too."""
    _second_article(
        mini,
        _repeat(same_as="t1-park-enterprises")
        + ENTERPRISES.format(
            id="t2-park-4800", value=4800, qualifier="exact", quote="科技园企业已达4800家。"
        ),
    )
    return _table(mini)


def test_facts_count_once_in_charts_and_counts(linked: pd.DataFrame) -> None:
    """The linked repeat is neither drawn nor counted; its first report is."""
    rows = trend_rows(linked, "registered_enterprises", "stock", (), ())
    assert list(rows["claim_id"]) == ["t1-park-enterprises", "t1-park-served", "t2-park-4800"]
    assert dict(metric_counts(linked))["registered_enterprises"] == 3
    ranked = ranking(linked, "registered_enterprises", "stock", "2024-05", ("actual",))
    assert "t2-park-enterprises" not in set(ranked.rows["claim_id"])


def test_facts_other_reports_and_disagreeing_figures(linked: pd.DataFrame) -> None:
    """The claim detail finds the fact's other report, and other articles' other figures."""
    first = linked.set_index("claim_id", drop=False).loc["t1-park-enterprises"].to_dict()
    assert list(other_reports(linked, first)["claim_id"]) == ["t2-park-enterprises"]
    assert list(disagreeing(linked, first)["claim_id"]) == ["t2-park-4800"]
    later = linked.set_index("claim_id", drop=False).loc["t2-park-enterprises"].to_dict()
    assert list(other_reports(linked, later)["claim_id"]) == ["t1-park-enterprises"]
    assert list(disagreeing(linked, later)["claim_id"]) == ["t1-park-served"]


def test_facts_variants_are_kept_apart(app_table: pd.DataFrame) -> None:
    """Figures naming no variant and those naming one are offered and drawn apart."""
    rows = app_table[app_table["metric_id"] == "compute_capacity"].copy()
    assert variants_in(rows) == [""]
    rows["variant"] = ["national"] * (len(rows) - 1) + [None]
    assert variants_in(rows) == ["national", ""]  # most figures first
    assert set(of_variant(rows, "national")["variant"]) == {"national"}
    assert of_variant(rows, None)["variant"].isna().all()
    assert len(of_variant(rows, None)) == 1


def test_ranking_metric_is_the_widest_comparison() -> None:
    """Rankings open on the metric whose actual figures cover most sites in one period: the
    period the page then ranks. Figures of one year but different months do not count
    together (they would rank a February figure against a December one)."""
    rows = [
        ("a", "s1", "2023-12"),
        ("a", "s2", "2023-12"),
        ("b", "s1", "2023-02"),
        ("b", "s2", "2023-05"),
        ("b", "s3", "2023-12"),
        ("b", "s4", "2023-11"),
        ("c", "s1", "2024"),
        ("c", "s2", "2024"),
        ("c", "s3", "2024"),
        ("c", "s4", "2022"),
    ]
    frame = pd.DataFrame(rows, columns=["metric_id", "site_id", "period"])
    frame = frame.assign(
        measure="stock", variant=None, status="actual", comparable=True, same_as=None, derived=False
    )
    assert ranking_metric(frame) == "c"  # b has 4 sites in 2023, but at most 1 in one period
    assert ranking_metric(frame.assign(comparable=frame["metric_id"] != "c")) == "a"


def test_trend_chart_marks_a_scope_change(mini: Path) -> None:
    """A figure of another scope carries a * and the note names the scope."""
    claims = mini / "claims" / "t1.yaml"
    text = claims.read_text(encoding="utf-8")
    scoped = text.replace(
        "  - id: t1-compute-now\n    site: tech_park\n",
        "  - id: t1-compute-now\n    site: tech_park\n    scope: tianjin\n",
    )
    claims.write_text(scoped, encoding="utf-8")
    rows = trend_rows(_table(mini), "compute_capacity", "stock", (), ())
    fig = trend_figure(rows, lang="zh", unit_mode="printed", title="T", note="来源")
    actual = next(tr for tr in fig.data if tr.meta["role"] == "actual")
    (label,) = [a for a in fig.layout.annotations if a.name == "label:tech_park:actual"]
    assert label.text == "200P *"
    (footer,) = [a for a in fig.layout.annotations if a.name == "footer"]
    lines = footer.text.split("<br>")
    assert lines[0] == "* 统计范围不同：天津市" and lines[-1] == "来源"
    assert "统计范围: 天津市" in actual.hovertext[0]
