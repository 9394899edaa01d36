"""Site profiles, the overview's questions, the search for sites and metrics, and health's
causes first (dashboard.present.site / questions / search / causes)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.dataset import Dataset
from dashboard.core.defined import defined_ids
from dashboard.core.loader import load_dataset
from dashboard.core.problems import did_you_mean
from dashboard.core.table import tidy_table
from dashboard.present.causes import causes_first, file_kind, group_problems, lost_files
from dashboard.present.questions import ranking_questions, series_questions
from dashboard.present.rows import with_measure
from dashboard.present.search import find
from dashboard.present.site import profile, site_list, source_label

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def real() -> tuple[Dataset, pd.DataFrame]:
    """The bundled data/: the questions a reader asks of it are about its real figures."""
    dataset = load_dataset(ROOT / "data")
    return dataset, with_measure(tidy_table(dataset))


def test_tiankai_question_reads_as_the_issue_asks(real):
    """天开园's registered firms: both figures, their periods and the scope change."""
    _, table = real
    (zh,) = [q for q in series_questions(table, "zh") if q.site_id == "tiankai_park"]
    assert zh.text == (
        "天开高教科创园（核心区）注册企业数：1,220家 (2023年12月) → "
        "1,300余家 (2024年2月，天开高教科创园（一核两翼）)"
    )
    assert zh.page == "trends"
    assert (zh.view.metric, zh.view.measure, zh.view.sites) == (
        "registered_enterprises",
        "stock",
        ("tiankai_park",),
    )
    (en,) = [q for q in series_questions(table, "en") if q.site_id == "tiankai_park"]
    assert "1,220 (Dec 2023) → 1,300+ (Feb 2024" in en.text


def test_every_series_and_ranking_is_a_question(app_table):
    """Series of 2+ dates at one site; rankings of 3+ sites in one period, actual only."""
    series = series_questions(app_table, "en")
    assert {(q.site_id, q.view.metric, q.view.measure) for q in series} == {
        ("bzp", "registered_enterprises", "stock"),
        ("bzp", "tax_revenue", "flow"),
        ("tj_compute", "compute_capacity", "stock"),
    }
    planned = next(q for q in series if q.site_id == "bzp" and q.view.measure == "stock")
    assert "(2025, target)" in planned.text  # a target says so
    assert ranking_questions(app_table, "zh") == []  # two sites a period at most
    # Xi'an's figure moved to 2023, where Hefei and Zhengzhou have theirs: three sites rank
    table = app_table.copy()
    xian = (table["site_id"] == "xian_hitech") & (table["metric_id"] == "registered_enterprises")
    table.loc[xian, ["period", "period_precision"]] = ["2023", "year"]
    table.loc[xian, "period_start"] = pd.Timestamp("2023-01-01")
    table.loc[xian, "period_end"] = pd.Timestamp("2023-12-31")
    (ranked,) = ranking_questions(table, "zh")
    assert (ranked.page, ranked.view.metric, ranked.view.period) == (
        "rankings",
        "registered_enterprises",
        "2023",
    )
    assert ranked.text.startswith("注册企业数排名（2023年）：") and ranked.text.count(" > ") == 2


def test_search_finds_sites_and_metrics_in_both_languages(real):
    dataset, _ = real
    short = [h.id for h in find(dataset, "天开园")]  # the articles' short name
    assert "tiankai_park" in short and "tiankai_park_all" in short
    assert find(dataset, "tiankai_park")[0].id == "tiankai_park"  # exact id first
    english = find(dataset, "Tiankai Higher Education")
    assert {h.id for h in english} >= {"tiankai_park", "tiankai_park_all"}
    metric = find(dataset, "registered enterprises")
    assert metric[0] == metric[0].__class__("metric", "registered_enterprises", 0)
    assert find(dataset, "注册企业")[0].id == "registered_enterprises"
    assert find(dataset, "qqqxxyz") == [] and find(dataset, "  ") == []


def test_search_matches_a_metric_by_its_former_id(real):
    dataset, _ = real
    former = {old: m for m, item in dataset.metrics.items() for old in item.record.replaces}
    assert former, "the bundled vocabulary has merged metrics"
    old, metric = next(iter(former.items()))
    assert metric in [h.id for h in find(dataset, old)]


def test_site_profile_groups_by_metric_with_reports(real):
    dataset, table = real
    found = profile(dataset, table, "tiankai_park")
    assert found is not None
    enterprises = next(s for s in found.sections if s.metric_id == "registered_enterprises")
    assert list(enterprises.rows["period"]) == ["2023-12", "2024-02"]
    assert enterprises.is_series
    assert found.sections[0] is enterprises  # the most figures first
    assert all(reports for reports in enterprises.reports.values())
    assert "tiankai_plaza" in found.children
    scope = profile(dataset, table, "tiankai_park_all")
    assert scope is not None and scope.scoped_on == ["tiankai_park"] and not scope.sections
    assert profile(dataset, table, "nowhere") is None
    listed = dict(site_list(dataset, table))
    assert set(listed) == set(dataset.sites)
    assert listed["tiankai_park"] == found.claims


def test_repeats_are_reports_of_their_first_claim(real):
    """A fact reported by several articles is one figure with several sources."""
    dataset, table = real
    repeated = table[table["same_as"].notna()]
    assert not repeated.empty, "the bundled articles report some facts twice"
    row = repeated.iloc[0]
    found = profile(dataset, table, str(row["site_id"]))
    assert found is not None
    reports = {c: r for s in found.sections for c, r in s.reports.items()}
    assert (str(row["source_id"]), str(row["claim_id"])) in reports[str(row["same_as"])]
    assert str(row["claim_id"]) not in reports


def test_did_you_mean_only_when_close():
    assert did_you_mean("tiankai_park", ["xian_fund_park"]) is None
    assert did_you_mean("tiankai_prak", ["tiankai_park", "xian_fund_park"]) == (
        "did you mean tiankai_park?"
    )


def test_a_broken_sites_file_comes_first_with_its_follow_ons(mini: Path):
    """A syntax error in a sites file: its claims' unknown-site problems group under it."""
    sites = next((mini / "sites").glob("*.yaml"))
    lines = sites.read_text(encoding="utf-8").splitlines()
    lines[2] = " " + lines[2]  # an indentation error
    sites.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dataset = load_dataset(mini)
    problems = dataset.problems
    defined = defined_ids(dataset, lost_files(problems))
    grouped = group_problems(problems, defined)
    (cause,) = grouped.causes
    assert cause.problem.code == "yaml-syntax" and cause.problem.file.endswith(sites.name)
    assert cause.kind == "sites"
    assert cause.follow_ons and {p.code for p in cause.follow_ons} == {"unknown-site"}
    assert all(p.code != "unknown-site" for p in grouped.others)
    assert grouped.total == len(problems)
    ordered = causes_first(problems, defined)
    assert ordered[0] is cause.problem and sorted(map(str, ordered)) == sorted(map(str, problems))
    assert ordered[-len(cause.follow_ons) :] == cause.follow_ons
    assert file_kind("data/regions.yaml") == "regions"
    assert file_kind("data/claims/a001.yaml") == "claims"


def test_without_a_lost_file_problems_keep_their_order(mini: Path):
    claims = next((mini / "claims").glob("*.yaml"))
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text.replace("site: tech_park", "site: tech_prak", 1), encoding="utf-8")
    problems = load_dataset(mini).problems
    grouped = group_problems(problems)
    assert grouped.causes == [] and grouped.others == list(problems)


def test_articles_are_named_as_readers_name_them(real):
    dataset, _ = real
    record = dataset.sources["a001"].record
    zh, en = source_label(dataset, "a001", "zh"), source_label(dataset, "a001", "en")
    year, month, day = (int(part) for part in record.date.split("-"))
    assert zh == f"{record.publication} {year}年{month}月{day}日《{record.title}》"
    assert en.startswith(f"{record.publication}, {day} ") and str(year) in en
    assert source_label(dataset, "nope", "zh") == "nope"
