"""Finding quotes in articles and numbers in quotes."""

from __future__ import annotations

import re
import unicodedata

from .models import Claim


def number_forms(value: float) -> list[str]:
    """The ways an article may print ``value``: ``5000``, ``5,000``, ``1.1``, ``0.5``."""
    if float(value).is_integer():
        whole = int(value)
        forms = [str(whole)]
        if abs(whole) >= 1000:
            forms.append(f"{whole:,}")
        return forms
    text = repr(float(value))
    if "e" in text:  # tiny or huge; articles print these in full
        text = f"{value:f}".rstrip("0")
    return [text]


def find_number(value: float, text: str) -> re.Match[str] | None:
    """The first place ``text`` prints ``value`` as a whole number (not inside 2016 or 1.15)."""
    for form in number_forms(value):
        pattern = rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)"
        if match := re.search(pattern, text):
            return match
    return None


def number_span(value: float, text: str) -> tuple[int, int] | None:
    """The span :func:`find_number` matches, found without compiling a pattern per value.

    Same rule: the first form of :func:`number_forms` that occurs with no digit, ``.`` or ``,``
    just before it and neither a digit nor ``.``/``,`` plus a digit just after it (``\\d`` is
    any Unicode decimal digit, as ``str.isdecimal``). Checks run once per claim, and a
    ``re.compile`` per distinct value thrashes the ``re`` cache at 100,000 claims.
    """
    size = len(text)
    for form in number_forms(value):
        width = len(form)
        start = text.find(form)
        while start >= 0:
            end = start + width
            before = text[start - 1] if start else ""
            if not (before and (before.isdecimal() or before in ".,")):
                after = text[end] if end < size else ""
                if not after or not (
                    after.isdecimal()
                    or (after in ".," and end + 1 < size and text[end + 1].isdecimal())
                ):
                    return (start, end)
            start = text.find(form, start + 1)
    return None


def figure_in_quote(claim: Claim) -> tuple[int, int] | None:
    """Span of the claim's figure inside its quote, or None when the quote lacks it."""
    if claim.printed is not None:
        start = claim.quote.find(claim.printed)
        return (start, start + len(claim.printed)) if start >= 0 else None
    return number_span(claim.value, claim.quote)


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def quote_hint(quote: str, text: str) -> str:
    """Why a quote is not in the article: where the longest matching start stops."""
    if _normal(quote) in _normal(text):
        return (
            "it matches once spaces and full-/half-width punctuation are ignored: "
            "copy the quote from the article instead of retyping it"
        )
    low, high = 0, len(quote)
    while low < high:  # longest prefix of the quote that the article contains
        mid = (low + high + 1) // 2
        if quote[:mid] in text:
            low = mid
        else:
            high = mid - 1
    if low < 4:
        return "not even its first characters are in the article: is it the right source?"
    line = text[: text.find(quote[:low])].count("\n") + 1
    return (
        f"the first {low} characters match line {line} of the article; "
        f"then the quote has {quote[low : low + 8]!r}"
    )
