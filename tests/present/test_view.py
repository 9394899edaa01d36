"""Links in, views out: every malformed or unknown part is dropped and reported."""

from __future__ import annotations

import pytest

from dashboard.present.view import LATEST, Ignored, Options, View, parse_view, to_params

OPTIONS = Options(
    regions={"jingjinji", "hefei"},
    sites={"bzp", "hefei_hitech", "tj_compute"},
    metrics={"registered_enterprises", "tax_revenue"},
    sources={"f001", "f002"},
    claims={"f001-bzp-tax-2023", "f001-bzp-tax-2023~prior-year"},
)


@pytest.mark.parametrize(
    ("params", "view"),
    [
        ({}, View()),
        ({"lang": "zh"}, View(lang="zh")),
        ({"lang": "EN"}, View(lang="en")),
        (
            {"region": "hefei", "sites": "bzp,hefei_hitech"},
            View(region="hefei", sites=("bzp", "hefei_hitech")),
        ),
        (
            {"metric": "tax_revenue", "measure": "flow", "period": "2023"},
            View(metric="tax_revenue", measure="flow", period="2023"),
        ),
        ({"period": "latest"}, View(period=LATEST)),
        ({"period": "2014..2024"}, View(period="2014..2024")),
        ({"status": "plan,actual,plan"}, View(status=("actual", "plan"))),
        ({"unit": "printed", "present": "1"}, View(unit="printed", present=True)),
        ({"q": "  合肥  "}, View(q="合肥")),
        (
            {"source": "f002", "claim": "f001-bzp-tax-2023~prior-year"},
            View(source="f002", claim="f001-bzp-tax-2023~prior-year"),
        ),
        ({"embed": "true"}, View()),
        ({"lang": ["en", "zh"]}, View(lang="zh")),  # a repeated key counts once: the last
    ],
)
def test_parse_view_valid_links(params, view):
    """Valid parameters become the view, with nothing reported."""
    parsed = parse_view(params, OPTIONS)
    assert parsed.view == view
    assert parsed.ignored == []


@pytest.mark.parametrize(
    ("params", "view", "ignored"),
    [
        ({"lang": "fr"}, View(), [Ignored("lang", "fr", "unknown")]),
        ({"metric": "nope"}, View(), [Ignored("metric", "nope", "unknown")]),
        (
            {"metric": "registered_enterprise"},
            View(metric="registered_enterprises"),
            [Ignored("metric", "registered_enterprise", "replaced", "registered_enterprises")],
        ),
        ({"sites": "bzp,zzz,"}, View(sites=("bzp",)), [Ignored("sites", "zzz", "unknown")]),
        ({"region": "<script>"}, View(), [Ignored("region", "<script>", "malformed")]),
        ({"period": "2024-13"}, View(), [Ignored("period", "2024-13", "malformed")]),
        ({"period": "last year"}, View(), [Ignored("period", "last year", "malformed")]),
        (
            {"status": "actual,maybe"},
            View(status=("actual",)),
            [Ignored("status", "maybe", "unknown")],
        ),
        ({"unit": "furlongs"}, View(), [Ignored("unit", "furlongs", "unknown")]),
        ({"present": "perhaps"}, View(), [Ignored("present", "perhaps", "malformed")]),
        ({"utm_source": "mail"}, View(), [Ignored("utm_source", "mail", "param")]),
        ({"measure": "volume"}, View(), [Ignored("measure", "volume", "unknown")]),
    ],
)
def test_parse_view_reports_what_it_ignored(params, view, ignored):
    """Unknown or malformed values open the nearest valid view and are listed."""
    parsed = parse_view(params, OPTIONS)
    assert parsed.view == view
    assert parsed.ignored == ignored


def test_parse_view_caps_free_text():
    """An over-long search text is cut and reported; control characters are dropped."""
    parsed = parse_view({"q": "a\x00" * 500}, OPTIONS)
    assert parsed.view.q == "a" * 200
    assert [i.reason for i in parsed.ignored] == ["too_long"]


def test_to_params_writes_only_the_page_keys_and_no_defaults():
    """Defaults stay out of the link; lang is written whenever known."""
    view = View(
        lang="en",
        region="hefei",
        metric="tax_revenue",
        unit="std",
        present=False,
        sites=("bzp",),
        status=("actual", "plan"),
    )
    assert to_params(view, {"lang", "metric", "unit", "present"}) == {
        "lang": "en",
        "metric": "tax_revenue",
    }
    assert to_params(view, {"lang", "region", "sites", "status"}) == {
        "lang": "en",
        "region": "hefei",
        "sites": "bzp",
        "status": "actual,plan",
    }
    assert to_params(View(unit="printed", present=True), {"unit", "present"}) == {
        "unit": "printed",
        "present": "1",
    }


def test_to_params_round_trips_through_parse():
    """A view written to a link and read back is the same view."""
    view = View(
        lang="zh",
        region="jingjinji",
        sites=("bzp", "tj_compute"),
        metric="registered_enterprises",
        measure="stock",
        period="2023",
        status=("actual",),
        unit="printed",
        present=True,
        q="园区 5000",
        source="f001",
        claim="f001-bzp-tax-2023",
    )
    keys = {
        "lang",
        "region",
        "sites",
        "metric",
        "measure",
        "period",
        "status",
        "unit",
        "present",
        "q",
        "source",
        "claim",
    }
    parsed = parse_view(to_params(view, keys), OPTIONS)
    assert parsed.view == view and parsed.ignored == []


def test_parse_view_opens_a_merged_metric_by_its_new_id():
    """A link naming a metric that was merged into another opens that one and says so."""
    options = Options(
        metrics={"registered_enterprises"},
        former_metrics={"new_enterprises": "registered_enterprises"},
    )
    parsed = parse_view({"metric": "new_enterprises"}, options)
    assert parsed.view.metric == "registered_enterprises"
    assert parsed.ignored == [
        Ignored("metric", "new_enterprises", "renamed", "registered_enterprises")
    ]
    assert parse_view({"metric": "registered_enterprises"}, options).ignored == []
