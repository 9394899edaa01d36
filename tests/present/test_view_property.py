"""Random query strings against the link parser: never an error, only known values survive."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.present.view import MEASURES, PARAMS, STATUSES, View, parse_view, to_params
from tests.present.test_view import OPTIONS

KNOWN = sorted(
    {
        *OPTIONS.regions,
        *OPTIONS.sites,
        *OPTIONS.metrics,
        *OPTIONS.sources,
        *OPTIONS.claims,
        *STATUSES,
        *MEASURES,
        "zh",
        "en",
        "std",
        "printed",
        "1",
    }
)
texts = st.one_of(
    st.text(max_size=40),
    st.sampled_from(KNOWN),
    st.lists(st.sampled_from(KNOWN), max_size=5).map(",".join),
    st.text(alphabet="<>\"'&;/\\.%:*[]()=,", max_size=20),
    st.just("x" * 5000),
)
keys = st.one_of(st.sampled_from([*PARAMS, "embed", "PAGE", "lang[]"]), st.text(max_size=12))
queries = st.dictionaries(keys, st.lists(texts, min_size=1, max_size=3), max_size=8)


@settings(max_examples=200, deadline=None)
@given(queries)
def test_parse_view_random_queries_give_a_valid_view(params) -> None:
    """Any query string parses; the view names only known values; it round-trips cleanly."""
    parsed = parse_view(params, OPTIONS)
    view = parsed.view
    assert isinstance(view, View)
    assert view.lang in (None, "zh", "en")
    assert view.region in (None, *OPTIONS.regions)
    assert set(view.sites) <= set(OPTIONS.sites)
    assert view.metric in (None, *OPTIONS.metrics)
    assert view.source in (None, *OPTIONS.sources)
    assert view.claim in (None, *OPTIONS.claims)
    assert set(view.status) <= set(STATUSES)
    assert view.measure in (None, *MEASURES)
    assert view.unit in ("std", "printed")
    assert len(view.q) <= 200
    again = parse_view({k: [v] for k, v in to_params(view, PARAMS).items()}, OPTIONS)
    assert again.view == view and again.ignored == []
