"""The comparisons the data supports (dashboard.present.comparisons): one query behind the
overview's questions and the offers under the trends and rankings charts."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.present.comparisons import Drawn, comparisons, others, rankings, series
from dashboard.present.questions import questions_for
from dashboard.present.rankings import ranking
from dashboard.present.trends import trend_rows


@pytest.fixture
def three_ranked(app_table: pd.DataFrame) -> pd.DataFrame:
    """The fixed data with Xi'an's registered firms moved to 2023, where Hefei and Zhengzhou
    have theirs: a ranking of three sites."""
    table = app_table.copy()
    xian = (table["site_id"] == "xian_hitech") & (table["metric_id"] == "registered_enterprises")
    table.loc[xian, ["period", "period_precision"]] = ["2023", "year"]
    table.loc[xian, "period_start"] = pd.Timestamp("2023-01-01")
    table.loc[xian, "period_end"] = pd.Timestamp("2023-12-31")
    return table


def test_series_have_two_dates_or_more_counted_once(app_table):
    """Each series is one site, metric, measure and variant; its size is its distinct dates
    (of any status, a repeated fact once), and its rows are oldest first."""
    found = series(app_table)
    assert [c.size for c in found] == sorted((c.size for c in found), reverse=True)
    for c in found:
        facts = app_table[
            (app_table["site_id"] == c.site_id)
            & (app_table["metric_id"] == c.view.metric)
            & (app_table["measure"] == c.view.measure)
            & app_table["same_as"].isna()
        ]
        assert c.size == facts["period_end"].nunique() >= 2
        assert list(c.rows["period_end"]) == sorted(c.rows["period_end"])
        assert c.page == "trends" and c.link()["sites"] == (c.site_id,)
        assert c.link()["region"] is None and c.link()["period"] is None
    assert series(app_table, limit=1) == found[:1]


def test_rankings_need_three_sites_in_one_period(app_table, three_ranked):
    """Two sites in a period are no ranking; three are, in the ranking page's order."""
    assert rankings(app_table) == []
    (found,) = rankings(three_ranked)
    assert (found.view.metric, found.view.period, found.size) == (
        "registered_enterprises",
        "2023",
        3,
    )
    expected = ranking(three_ranked, "registered_enterprises", "stock", "2023", ["actual"]).rows
    assert list(found.rows["site_id"]) == list(expected["site_id"])
    assert found.page == "rankings" and found.site_id is None
    assert found.link()["period"] == "2023" and found.link()["sites"] == ()


def test_questions_are_the_comparisons_in_words(three_ranked):
    """The overview's questions are exactly the comparisons, each with a sentence."""
    asked = questions_for(three_ranked, "en")
    found = comparisons(three_ranked)
    assert {(q.kind, q.view) for q in asked} == {(c.kind, c.view) for c in found}
    assert len(asked) == len(found) == 4
    assert all(q.text for q in asked)
    assert comparisons(three_ranked, regions=["no_such_region"]) == []


def test_offers_leave_out_what_the_chart_shows_and_put_its_metric_first(app_table, three_ranked):
    """Under Binhai's registered firms on Trends: not Binhai's series again; the metric's
    ranking before series of other metrics; three at most."""
    drawn = trend_rows(three_ranked, "registered_enterprises", "stock", ["bzp"], [])
    found = comparisons(three_ranked)
    shown = [c for c in found if Drawn.of("trends", drawn).shows(c)]
    assert [(c.site_id, c.view.metric) for c in shown] == [("bzp", "registered_enterprises")]
    offered = others(found, "trends", "registered_enterprises", drawn)
    assert len(offered) == 3 and not set(offered) & set(shown)
    assert (offered[0].kind, offered[0].view.metric) == ("ranking", "registered_enterprises")
    # The ranking itself, drawn on Rankings, is not offered there.
    bars = ranking(three_ranked, "registered_enterprises", "stock", "2023", ["actual"]).rows
    assert all(
        c.kind == "series" for c in others(found, "rankings", "registered_enterprises", bars)
    )
    # A thin view (nothing drawn) is offered the best there are.
    (compute,) = [c for c in found if c.view.metric == "compute_capacity"]
    thin = others(found, "rankings", "compute_capacity", bars.iloc[0:0], n=2)
    assert thin == [compute, found[-1]]  # its metric's series, then the ranking
