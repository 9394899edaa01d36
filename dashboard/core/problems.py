"""Problems found in the data: values with a place, never exceptions."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, where it is and how to fix it.

    ``file`` is relative to the data folder's parent when possible (``data/claims/a001.yaml``);
    ``line`` and ``col`` are 1-based (0 when the problem is about the whole file); ``code`` is
    stable and documented in ``CODES``; ``path`` names the field (``claims[2].value``);
    ``ref`` is the id a reference problem names (the unknown site of ``unknown-site``, the
    metric of ``unknown-metric``, ...), so what follows from a lost file is found without
    reading messages.
    """

    file: str
    line: int
    col: int
    code: str
    message: str
    path: str = ""
    hint: str | None = None
    ref: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}:"
        field = f" {self.path}" if self.path else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}{field} [{self.code}] {self.message}{hint}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    @property
    def key(self) -> tuple[str, int, str]:
        """The (file, line, code) triple tests compare."""
        return (self.file, self.line, self.code)


CODES: dict[str, str] = {
    "not-utf8": "the file is not valid UTF-8 text",
    "file-too-large": "the file is larger than the size limit",
    "too-deep": "the YAML nests deeper than the limit",
    "unreadable": "the file cannot be read",
    "control-character": "a NUL or other control character in the file",
    "hidden-character": "a zero-width, direction or other invisible format character in a value",
    "yaml-syntax": "the YAML cannot be parsed",
    "multiple-documents": "the file holds more than one YAML document",
    "empty-file": "the file holds no data",
    "unsafe-tag": "a python or other non-standard tag; it is never executed",
    "alias": "anchors and aliases (&, *) are not allowed",
    "duplicate-key": "a key appears twice in one mapping (YAML would keep the last silently)",
    "key-not-text": "a mapping key is not text",
    "yaml11-bool": "yes/no/on/off read as booleans by YAML 1.1",
    "yaml11-date": "an unquoted date, read as a date object by YAML",
    "yaml11-number": "a number YAML 1.1 reads surprisingly (octal 012, base-60 1:20, 0x, 1_000)",
    "non-finite": ".nan, .inf or a number too large for a float",
    "bad-structure": "the file's top level is not the expected mapping of lists",
    "unknown-key": "a top-level key the file kind does not have",
    "missing-field": "a required field is missing",
    "unknown-field": "a field the record kind does not have",
    "wrong-type": "a value of the wrong type",
    "not-a-number": "a number was expected",
    "bad-choice": "a value outside the allowed choices",
    "bad-format": "a value that does not match the expected format",
    "out-of-range": "a number outside its allowed range",
    "bad-value": "a value that fails a check",
    "bad-url": "a link that is not an absolute http:// or https:// address with a host",
    "duplicate-id": "an id defined twice",
    "unknown-region": "a region id not in regions.yaml",
    "unknown-site": "a site id not in sites/*.yaml",
    "unknown-metric": "a metric id not in metrics/*.yaml",
    "unknown-unit": "a unit not in units.yaml",
    "unknown-source": "a claims file whose name is not a source id",
    "unknown-claim": "growth_of or same_as names a claim that does not exist",
    "unknown-variant": "a variant its metric does not list",
    "bad-same-as": "same_as names a claim of the same article, a linked claim, or another fact",
    "unlinked-repeat": "another article's claim reports the same fact without same_as",
    "mixed-kinds": "one series (site, metric, variant) recorded both as stock and cumulative",
    "period-after-source": "an actual figure whose period ends after its article's month",
    "bad-growth-link": "growth_of on a claim that is not a growth rate, or to a growth rate",
    "unit-mismatch": "a unit whose standard unit is not the metric's",
    "bad-period": "a period that is not a valid date, month, quarter, year or range",
    "missing-file": "a source's article file does not exist",
    "bad-path": "a source file path that leaves the project folder",
    "sha-mismatch": "a source file whose sha256 differs from the registry",
    "quote-not-found": "a quote that is not a verbatim substring of its article",
    "number-not-in-quote": "a quote that does not contain the number as printed",
    "missing-folder": "the data folder or a required file is missing",
    "ignore-not-found": "a coverage exclusion whose text is not in its article",
    "draft-field": "a drafted claim's field that no rule decided (draft.undecided): fill it in",
}


def did_you_mean(value: object, choices: Iterable[str]) -> str | None:
    """A hint naming the closest known id, if one is close enough."""
    if not isinstance(value, str):
        return None
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.8)
    return f"did you mean {close[0]}?" if close else None
