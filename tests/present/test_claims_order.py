"""The claims page's rows: taken out in reading order from an order worked out once, they are
exactly the rows that filtering, searching and sorting each time would give."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.present.rows import (
    claims_order,
    matching_claims,
    search,
    select,
    select_mask,
    sort_claims,
)

FILTERS = [
    {},
    {"region": "jingjinji"},
    {"metric": "registered_enterprises"},
    {"statuses": ["plan", "target"]},
    {"region": "jingjinji", "statuses": ["actual"]},
    {"source": "f002"},
    {"region": "no_such_region"},
]


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("text", ["", "天津", "park 2024", "no-such-word"])
def test_matching_claims_equal_filtering_then_sorting(app_table, filters, text):
    expected = sort_claims(search(select(app_table, **filters), text)).reset_index(drop=True)
    found = matching_claims(
        app_table, claims_order(app_table), select_mask(app_table, **filters), text
    )
    assert len(found) == len(expected)
    assert found.derived == int(expected["derived"].sum())
    pd.testing.assert_frame_equal(found.frame(), expected)
    pd.testing.assert_frame_equal(found.head(3), expected.head(3))


def test_the_filters_select_something(app_table):
    """The cases above are not all empty: most keep rows, one keeps none."""
    sizes = [len(select(app_table, **f)) for f in FILTERS]
    assert sizes[0] == len(app_table) and min(sizes[1:-1]) > 0 and sizes[-1] == 0
