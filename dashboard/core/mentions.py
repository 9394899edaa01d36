"""Where an article names the registry's sites and metrics: their names and aliases.

A site is found by its Chinese name (without a bracketed part), its ``aliases`` and the
short forms the registry implies (天津市 → 天津, a company without 有限公司). A metric is
found by its Chinese name and ``aliases``. Where names overlap (滨海—中关村科技园 and 中关村),
the longest one is the mention. :func:`site_of` and :func:`metric_of` pick, for one figure,
the mention a reader would take as its site and its metric.
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


# Narrowest first: within a sentence, the most specific place named before the figure is
# what the figure is about (天津滨海—中关村科技园 … 北京科技企业 … 近5000家: the park).
_SPECIFIC = [
    "company", "facility", "institute", "platform", "park", "zone", "district", "city",
    "province", "country",
]  # fmt: skip


_CITY_WORDS = re.compile(r"我市|全市|本市|该市")


def with_city_words(
    mentions: list[Mention], cities: set[str], text: str, home: str | None
) -> list[Mention]:
    """我市, 全市, 该市 as mentions of the city (a site named …市): the paper's own city when
    it is a city's paper (天津日报), else the city named last before them."""
    out = list(mentions)
    for match in _CITY_WORDS.finditer(text):
        named = [m.id for m in mentions if m.end <= match.start() and m.id in cities]
        city = home if home is not None and match.group() != "该市" else None
        city = city or (named[-1] if named else None)
        if city is not None:
            out.append(Mention(match.start(), match.end(), match.group(), city))
    return sorted(out, key=lambda m: m.start)


# A wide place named as an attribute (京津冀地区专家, 北京资源, 全国第一) is not what the
# figure is about.
_WIDE = ("province", "country")
_ATTRIBUTE = re.compile(r"地区|三地|两地|资源|科技企业|企业|的|籍|区域|范围|第|首|前列|各地|乃至")


def _modifier(mention: Mention, kinds: dict[str, str], text: str) -> bool:
    wide = kinds.get(mention.id) in _WIDE or text.startswith(("地区", "三地"), mention.end)
    return wide and bool(_ATTRIBUTE.match(text, mention.end))


def site_of(
    mentions: list[Mention],
    kinds: dict[str, str],
    text: str,
    left: int,
    right: int,
    at: int,
) -> tuple[Mention, str] | None:
    """The site of a figure at ``at`` in the sentence [left, right): the most specific one
    named before it in the sentence, else the nearest one named in earlier sentences, else
    one named after it in the sentence."""

    def rank(m: Mention) -> int:
        return _SPECIFIC.index(kinds[m.id]) if kinds.get(m.id) in _SPECIFIC else len(_SPECIFIC)

    before = [m for m in mentions if left <= m.start and m.end <= at]
    subjects = [m for m in before if not _modifier(m, kinds, text)]
    if subjects:
        return min(reversed(subjects), key=rank), "in the sentence"
    earlier = [m for m in mentions if m.end <= left and not _modifier(m, kinds, text)]
    if earlier:
        return earlier[-1], "nearest earlier mention"
    if before:
        return min(reversed(before), key=rank), "in the sentence"
    after = [m for m in mentions if at <= m.start and m.end <= right]
    if after:
        return min(after, key=rank), "in the sentence after the figure"
    return None


def metric_of(mentions: list[Mention], clause: tuple[int, int], sentence: tuple[int, int], at: int):
    """The metric word nearest the figure in its clause, else in its sentence."""
    for left, right in (clause, sentence):
        near = [m for m in mentions if left <= m.start and m.end <= right]
        if near:
            best = min(near, key=lambda m: (abs((m.start + m.end) / 2 - at), m.start))
            return best, "in the clause" if (left, right) == clause else "in the sentence"
    return None
