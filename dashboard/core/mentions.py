"""Where an article names the registry's sites and metrics: their names and aliases.

A site is found by its Chinese name (without a bracketed part), its ``aliases`` and the
short forms the registry implies (天津市 → 天津, a company without 有限公司). A metric is
found by its Chinese name and ``aliases``. Where names overlap (滨海—中关村科技园 and 中关村),
the longest one is the mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dataset import Dataset

_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
_COMPANY = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团)$")
_ADMIN = re.compile(r"(?<=..)[市省]$")


@dataclass(frozen=True)
class Mention:
    """One name of a registry record in the text."""

    start: int
    end: int
    name: str
    id: str


def site_names(dataset: Dataset) -> dict[str, str]:
    """Every name that stands for a site, mapped to the site's id (first site wins)."""
    names: dict[str, str] = {}
    for site_id, item in dataset.sites.items():
        site = item.record
        full = site.name_zh
        short = _BRACKETS.sub("", full).strip()
        forms = [full, short, _COMPANY.sub("", short), _ADMIN.sub("", short), *site.aliases]
        for form in forms:
            if len(form) >= 2:
                names.setdefault(form, site_id)
    return names


def metric_names(dataset: Dataset) -> dict[str, str]:
    """Every word that names a metric, mapped to the metric's id (first metric wins)."""
    names: dict[str, str] = {}
    for metric_id, item in dataset.metrics.items():
        metric = item.record
        for form in (metric.name_zh, *metric.aliases):
            if len(form) >= 2:
                names.setdefault(form, metric_id)
    return names


def find_mentions(text: str, names: dict[str, str]) -> list[Mention]:
    """Every mention of ``names`` in ``text`` in text order; a name inside a longer one's
    mention does not count."""
    found: list[Mention] = []
    for name, record_id in names.items():
        start = text.find(name)
        while start >= 0:
            found.append(Mention(start, start + len(name), name, record_id))
            start = text.find(name, start + 1)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    reach = -1
    for mention in found:
        if mention.end <= reach:
            continue  # inside a longer mention
        kept.append(mention)
        reach = max(reach, mention.end)
    return kept
