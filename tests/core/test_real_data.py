"""The curated data/ folder: valid, traceable, and in China."""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest

from dashboard.core.dataset import default_data_dir
from dashboard.core.loader import load_dataset
from dashboard.core.quotes import figure_in_quote
from dashboard.core.table import tidy_table


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(default_data_dir())


def test_real_data_validates(dataset) -> None:
    """The bundled data has no problems, and the check did look at records."""
    assert [str(p) for p in dataset.problems] == []
    assert len(dataset.claims) > 200
    assert set(dataset.sources) == {"a000", "a001", "a002", "a003", "a004"}
    assert all(any(sid == s for sid, _ in dataset.claims) for s in dataset.sources)


def test_real_data_quotes_are_verbatim_and_carry_their_number(dataset) -> None:
    """Every quote is in its article and contains the figure as printed."""
    for source_id, item in dataset.claims:
        claim = item.record
        assert claim.quote in dataset.texts[source_id], claim.id
        assert figure_in_quote(claim) is not None, claim.id


def test_real_data_seed_hashes(dataset) -> None:
    """Each article's bytes match the sha256 in sources.yaml."""
    for item in dataset.sources.values():
        path = (dataset.data_dir / item.record.file).resolve()
        assert hashlib.sha256(path.read_bytes()).hexdigest() == item.record.sha256


def test_real_data_sites_are_in_china(dataset) -> None:
    """Every site used by a claim has coordinates inside China's bounding box."""
    used = {item.record.site for _, item in dataset.claims}
    for site_id in used:
        site = dataset.sites[site_id].record
        assert 18.0 <= site.lat <= 53.6 and 73.5 <= site.lon <= 134.8, site_id


def test_real_data_registries_cover_every_reference(dataset) -> None:
    """Every metric and unit a claim uses is registered (and nothing is left unused)."""
    used_metrics = {item.record.metric for _, item in dataset.claims}
    used_units = {item.record.unit for _, item in dataset.claims}
    assert used_metrics <= set(dataset.metrics)
    assert used_units <= set(dataset.units)
    assert set(dataset.metrics) - used_metrics == set(), "metrics nobody uses"


def test_real_data_no_duplicate_claims(dataset) -> None:
    """No article records the same figure twice for one site, metric, period and status.

    Two articles printing the same figure are two records: each quotes its own sentence.
    """
    keys = Counter(
        (source_id, c.site, c.metric, c.period, c.status, c.kind, c.value, c.printed)
        for source_id, c in ((sid, item.record) for sid, item in dataset.claims)
    )
    assert [key for key, n in keys.items() if n > 1] == []


def test_real_data_derived_rows_recompute(dataset) -> None:
    """Each derived prior-year level equals level / (1 + growth/100) of its inputs."""
    frame = tidy_table(dataset).set_index("claim_id")
    derived = frame[frame["derived"]]
    assert len(derived) >= 1
    for claim_id, row in derived.iterrows():
        level_id, growth_id = row["inputs"].split()
        level, growth = frame.loc[level_id], frame.loc[growth_id]
        assert claim_id == f"{level_id}~prior-year"
        assert row["value_std"] == pytest.approx(level["value_std"] / (1 + growth["value"] / 100))
        assert row["period_end"].year == level["period_end"].year - 1


def test_real_data_coverage_leaves_nothing_uncaptured(dataset) -> None:
    """Every number in the articles is a claim's figure, a date, or excluded with a reason."""
    from dashboard.core.coverage import coverage

    reports = coverage(dataset)
    assert len(reports) == 5
    uncaptured = [
        (r.source_id, f.line, f.text)
        for r in reports
        for f in r.figures
        if f.status == "uncaptured"
    ]
    assert uncaptured == []
    assert sum(r.count("claim") for r in reports) > 200
    assert all(e.reason.strip() for e in dataset.exclusions)
