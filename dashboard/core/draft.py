"""Draft claims for an article's uncaptured figures: ``python -m dashboard draft SOURCE_ID``.

For every figure that no claim records and ``coverage_ignore.yaml`` does not exclude (the
coverage report's "uncaptured", plus the shares 七成 and ranks 第一/首位 it does not count),
a claim record in the data format, in text order. Each field comes from a rule over the text
and the registries (:mod:`.cues`, :mod:`.mentions`, :mod:`.numerals`); the note says which cue
decided it. A field no rule decides holds :data:`UNDECIDED`, which ``validate`` reports as a
``draft-field`` problem, so nothing undecided is shown as a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import cues
from .checks import UNDECIDED
from .coverage import NUMBER, covered
from .dataset import Dataset
from .mentions import (
    Mention,
    find_mentions,
    metric_names,
    metric_of,
    site_names,
    site_of,
    with_city_words,
)
from .numerals import ReadFigure, read_figure
from .quotes import number_span

# Figures the coverage report does not count: shares in tenths and ranks.
EXTRA = re.compile(
    r"(?<![一二三四五六七八九十])[一二三四五六七八九]成(?![为立功果本长都交型品])"
    r"|(?<=第)[一二三四五六七八九十\d]+(?=[位名])"
    r"|(?<=[国省市球内]第)[一二三](?![梯方批个次届期步线家产大])"
    r"|首位"
)
# Chinese figures the coverage report does not count, taken only when a unit of the registry
# follows (数十种, 上万人, 逾亿元, 四大): not 一 alone (一个, 一批 are words, not counts).
CHINESE_FIGURE = re.compile(
    r"(?<![\d.,一二两三四五六七八九十百千万亿数上几第以])"
    r"(?:[数上几][十百千万亿][一二两三四五六七八九十百千万亿]*"
    r"|[二两三四五六七八九十百千][一二两三四五六七八九十百千万亿]*"
    r"|(?<=[逾超破近约])[百千万亿]+)"
)
# A duration (两年来, 三年内) or a set phrase (四位一体) is not a figure.
_NOT_A_FIGURE = re.compile(r"^(?:[来前内间里中后]|以来|一体)")
_SENTENCE_END = "。！？!?\n"
_CLAUSE_END = "，；,;" + _SENTENCE_END
_QUOTE_STRIP = " \u3000\t“”\"'■……"


class DraftError(ValueError):
    """The article cannot be drafted (an unknown source, its text missing)."""


@dataclass
class Draft:
    """One proposed claim: its fields in the data format's order, and where its figure is."""

    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def undecided(self) -> list[str]:
        return [k for k, v in self.fields.items() if v == UNDECIDED]


def _bounds(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in stops) + 1
    rights = [i for i in (text.find(c, end) for c in stops) if i >= 0]
    return left, min(rights) if rights else len(text)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left, right = _bounds(text, start, end, _SENTENCE_END)
    if right < len(text) and text[right] in "。！？!?":
        right += 1
    while left < start and text[left] in _QUOTE_STRIP:
        left += 1
    return left, right


def _figures(dataset: Dataset, source_id: str, text: str, units: list[str]) -> list[ReadFigure]:
    claimed, excluded = covered(dataset, source_id, text)
    out: dict[int, ReadFigure] = {}
    for match in [*NUMBER.finditer(text), *EXTRA.finditer(text)]:
        start, end = match.span()
        if any(a <= start < b for a, b in claimed):
            continue
        if any(a <= start and end <= b for (a, b), _ in excluded):
            continue
        if match.group()[0].isdigit() and _is_date(text, end):
            continue
        if match.group() == "首位":
            out[start] = ReadFigure(start, end, "首位", 1.0, "位", None)
            continue
        figure = read_figure(text, start, units)
        if figure is not None and start not in out:
            out[start] = figure
    for match in CHINESE_FIGURE.finditer(text):
        start = match.start()
        if start in out or any(a <= start < b for a, b in claimed):
            continue
        if any(a <= start and match.end() <= b for (a, b), _ in excluded):
            continue
        if any(f.start <= start < f.end for f in out.values()):
            continue
        figure = read_figure(text, start, units)
        if figure is None or _NOT_A_FIGURE.match(text[figure.end : figure.end + 2]):
            continue
        if figure.unit is not None or text.startswith("大", figure.end):
            out[start] = figure
    return [out[k] for k in sorted(out)]


_DATE_AFTER = re.compile(r"^(?:年(?![来以内间度])|月(?!份?[余多])|日|时|分(?!钟)|周年|届|期)")


def _is_date(text: str, end: int) -> bool:
    return bool(_DATE_AFTER.match(text[end : end + 3]))


def _printed(figure: ReadFigure, quote: str, offset: int, text: str, value: float) -> str | None:
    """What ``printed:`` must say so the quote's figure is this one (None: the plain value)."""
    here = (figure.start - offset, figure.start - offset + len(figure.number))
    if figure.arabic and figure.number == f"{abs(value):g}" and number_span(value, quote) == here:
        return None
    for end in (figure.start + len(figure.number), figure.end):
        candidate = text[figure.start : end]
        if quote.find(candidate) == here[0]:
            return candidate
    return text[figure.start : figure.end]


def draft_claims(dataset: Dataset, source_id: str) -> list[Draft]:
    """The proposed claims for the figures of ``source_id`` no claim records, in text order."""
    source = dataset.sources.get(source_id)
    if source is None:
        raise DraftError(f"source {source_id!r} is not in sources.yaml")
    text = dataset.texts.get(source_id)
    if text is None:
        raise DraftError(f"the article of {source_id!r} ({source.record.file}) cannot be read")
    units = {uid: item.record.standard for uid, item in dataset.units.items()}
    kinds = {site_id: item.record.kind.value for site_id, item in dataset.sites.items()}
    cities = {k for k, item in dataset.sites.items() if item.record.name_zh.endswith("市")}
    home = next(  # 天津日报: the paper of 天津市, whose 我市 is Tianjin
        (
            k
            for k in sorted(cities)
            if source.record.publication.startswith(dataset.sites[k].record.name_zh[:-1])
        ),
        None,
    )
    sites = with_city_words(find_mentions(text, site_names(dataset)), cities, text, home)
    metrics = find_mentions(text, metric_names(dataset))
    published = source.record.date
    drafts: list[Draft] = []
    for figure in _figures(dataset, source_id, text, list(units)):
        drafts.append(_draft(figure, text, published, units, sites, metrics, kinds))
    _follow_series(drafts, dataset)
    _name(drafts, source_id)
    return drafts


def _draft(
    figure: ReadFigure,
    text: str,
    published: str,
    units: dict[str, str],
    sites: list[Mention],
    metrics: list[Mention],
    kinds: dict[str, str],
) -> Draft:
    s_left, s_right = _sentence(text, figure.start, figure.end)
    c_left, c_right = _bounds(text, figure.start, figure.end, _CLAUSE_END)
    quote = text[s_left:s_right].strip()
    s_left = text.index(quote, s_left)
    clause_before = text[c_left : figure.start]
    sentence_before = text[s_left : figure.start]
    notes: list[str] = []

    unit = figure.unit or UNDECIDED
    notes.append(f"unit {unit} as printed" if figure.unit else "unit undecided")
    standard = units.get(unit)
    kin = cues.kind(clause_before, standard, text[max(0, figure.start - 2) : figure.start])
    if kin.value == "rank" and figure.unit is None:  # 第三, 首位: a place in a ranking
        unit, standard = "位", "rank"
        notes[0] = "unit 位 (a rank)"
    elif figure.unit is None and text.startswith("大", figure.end):  # 9大特色优势产业
        unit, standard = "个", units.get("个")
        notes[0] = "unit 个 (a count of N大…)"
    qual = cues.qualifier(
        text[max(0, figure.start - 6) : figure.start],
        figure.hedge,
        text[figure.end : figure.end + 3],
    )
    notes.append(_said("qualifier", qual))
    stat = cues.status(clause_before, sentence_before, text[figure.end : c_right])
    notes.append(_said("status", stat))
    per = cues.period(sentence_before, published, stat.value, kin.value)
    if per.cue is None:  # the sentence names no date: the paragraph before it may
        p_left = text.rfind("\n", 0, s_left) + 1
        per = cues.period(text[p_left:s_left], published, stat.value, kin.value)
    date_word = per.cue
    if kin.cue is None and date_word is not None:
        # No kind word: a figure of a whole year is what happened in it (2023年…活动300余场),
        # one since a start a running total (近10年来…75个).
        if cues.YEAR_ONLY.fullmatch(date_word):
            kin = cues.Decision("flow", date_word)
            per = cues.Decision(date_word[:4], date_word)
        elif date_word.endswith("来"):
            kin = cues.Decision("cumulative", date_word)
    notes.append(_said("kind", kin))
    notes.append(_said("period", per, "the article's month"))

    value = figure.value
    if kin.value == "growth" and cues.declines(clause_before):
        value = -value
        notes.append("value negative (a fall)")
    site = site_of(sites, kinds, text, s_left, s_right, figure.start)
    if site is None:
        notes.append("site undecided")
    else:
        sure = "sure" if site[1] == "in the sentence" else "unsure"
        notes.append(f"site from {site[0].name} ({site[1]}; {sure})")
    metric = metric_of(metrics, (c_left, c_right), (s_left, s_right), figure.start)
    if metric is None:
        notes.append("metric undecided")
    else:
        sure = "fairly sure" if metric[1] == "in the clause" else "unsure"
        notes.append(f"metric from {metric[0].name} ({metric[1]}; {sure})")

    fields: dict[str, Any] = {
        "id": "",
        "site": site[0].id if site else UNDECIDED,
        "metric": metric[0].id if metric else UNDECIDED,
        "value": int(value) if float(value).is_integer() else value,
        "unit": unit,
    }
    printed = _printed(figure, quote, s_left, text, value)
    if printed is not None:
        fields["printed"] = printed
    fields |= {
        "qualifier": qual.value,
        "period": per.value,
        "status": stat.value,
        "kind": kin.value,
        "quote": quote,
        "note": "draft: " + "; ".join(notes) + ".",
    }
    return Draft(figure.start, figure.end, fields)


def _follow_series(drafts: list[Draft], dataset: Dataset) -> None:
    """A running total at a date is recorded as its series already is (stock or cumulative):
    one series takes one kind."""
    series = {
        (c.record.site, c.record.metric): c.record.kind.value
        for _, c in dataset.claims
        if c.record.kind.value in ("stock", "cumulative")
    }
    for d in drafts:
        known = series.get((d.fields["site"], d.fields["metric"]))
        if known and d.fields["kind"] in ("stock", "cumulative") and d.fields["kind"] != known:
            d.fields["note"] = d.fields["note"].replace(
                f"kind {d.fields['kind']} (", f"kind {known}, as its series elsewhere (not "
            )
            d.fields["kind"] = known


def _said(name: str, decision: cues.Decision, default: str = "no cue") -> str:
    if decision.cue is None:
        return f"{name} {decision.value} ({default}; unsure)"
    return f"{name} {decision.value} (from {decision.cue})"


def _name(drafts: list[Draft], source_id: str) -> None:
    seen: dict[str, int] = {}
    for d in drafts:
        parts = [source_id, "draft"]
        for key in ("site", "metric"):
            if d.fields[key] != UNDECIDED:
                parts.append(d.fields[key])
        parts.append(re.sub(r"[^a-z0-9]+", "-", d.fields["period"].lower()).strip("-"))
        base = "-".join(p for p in parts if p)
        seen[base] = seen.get(base, 0) + 1
        d.fields["id"] = base if seen[base] == 1 else f"{base}-{seen[base]}"


def drafts_yaml(drafts: list[Draft], source_id: str, title: str) -> str:
    """The drafts as a claims file: a ``claims:`` list, exactly the data format."""
    head = (
        f"# Claims of article {source_id} ({title}), drafted by `python -m dashboard draft"
        f" {source_id}`.\n# Review every field: the note says what decided it; "
        f"{UNDECIDED} marks a field no rule decided.\n"
    )
    body = yaml.safe_dump(
        {"claims": [d.fields for d in drafts]},
        allow_unicode=True,
        sort_keys=False,
        width=10000,
        default_flow_style=False,
    )
    return head + body
