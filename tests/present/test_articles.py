"""Quotes in their articles (dashboard.present.articles): context, figure span, marked runs."""

from __future__ import annotations

from dashboard.present.articles import (
    figure_span,
    merge_spans,
    quote_context,
    quote_spans,
    split_spans,
)


def test_quote_context_and_figure_span(app_dataset):
    """The quote is found in its paragraph and the figure located inside it."""
    text = app_dataset.texts["f001"]
    found = quote_context(text, "合肥高新区2023年企业数近4000家", 4000, None)
    assert found is not None
    assert found.after.startswith("；郑州航空港区")
    start, end = found.figure
    assert found.quote[start:end] == "4000"
    assert quote_context(text, "not there", 1, None) is None
    assert figure_span("千余家企业", 1000, "千余家") == (0, 3)


def test_spans_merge_and_split():
    """Overlapping quotes merge; text splits into marked and unmarked runs."""
    assert merge_spans([(5, 9), (0, 3), (2, 4), (9, 10)]) == [(0, 4), (5, 10)]
    assert quote_spans("abcabc", ["bc", "ca"]) == [(1, 6)]
    assert split_spans("abcdef", [(1, 3)]) == [("a", False), ("bc", True), ("def", False)]
