"""Chinese and English labels: one table of UI texts, one of vocabulary, and name pickers.

Every text the dashboard shows that is not data comes from :data:`TEXTS` (keyed by a stable
id, gathered from :mod:`dashboard.present.texts`) or :data:`VOCAB` (labels of the controlled
vocabularies, whose values the enums of :mod:`dashboard.core.models` define: statuses,
qualifiers, kinds of figure and of site). Data names (sites, metrics, regions, units) carry both
languages in the YAML; :func:`name` picks one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dashboard.present import texts

LANGS = ("zh", "en")
DEFAULT_LANG = "en"


def lang_from_locale(locale: str | None) -> str:
    """``zh`` for a browser locale ``zh``/``zh-*``, ``en`` for anything else (or none)."""
    if locale and locale.strip().lower().replace("_", "-").split("-")[0] == "zh":
        return "zh"
    return DEFAULT_LANG


TEXTS: dict[str, tuple[str, str]] = texts.merged()

VOCAB: dict[str, dict[str, tuple[str, str]]] = {
    "status": {
        "actual": ("实际", "actual"),
        "plan": ("计划", "plan"),
        "target": ("目标", "target"),
        "forecast": ("预测", "forecast"),
    },
    # As readers say them, never "确数"/"exact": an exact figure has no qualifier word.
    "qualifier": {
        "exact": ("", ""),
        "over": ("超", "over"),
        "more_than": ("余", "more than"),
        "nearly": ("近", "nearly"),
        "about": ("约", "about"),
        "up_to": ("最多", "up to"),
    },
    "kind": {
        "stock": ("存量", "stock"),
        "flow": ("流量", "flow"),
        "cumulative": ("累计", "cumulative"),
        "growth": ("增速", "growth"),
        "share": ("占比", "share"),
        "rank": ("名次", "rank"),
    },
    # What the dashboard serves for a file (core.snapshot.FileStatus) and why a new version
    # is held back (core.snapshot.Hold).
    "file_status": {
        "ok": ("正常", "ok"),
        "broken": ("有错", "broken"),
        "last-good": ("上次正确版本", "last good version"),
        "pending": ("暂缓", "held back"),
        "missing": ("已删除", "missing"),
    },
    "hold": {
        "being-written": ("正在写入", "still being written"),
        "much-shorter": ("记录骤减", "much shorter"),
        "problems": ("有错误", "has problems"),
    },
    "site_kind": {
        "country": ("国家", "country"),
        "province": ("省", "province"),
        "city": ("城市", "city"),
        "district": ("区县", "district"),
        "zone": ("功能区", "zone"),
        "park": ("园区", "park"),
        "facility": ("设施", "facility"),
        "institute": ("机构", "institute"),
        "company": ("企业", "company"),
        "platform": ("平台", "platform"),
    },
}


def t(key: str, lang: str, **values: Any) -> str:
    """The text ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    zh, en = TEXTS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text


def vocab(group: str, value: str, lang: str) -> str:
    """A controlled-vocabulary label (status, qualifier, kind, site kind); the id if unknown."""
    pair = VOCAB[group].get(str(value))
    if pair is None:
        return str(value)
    return pair[0] if lang == "zh" else pair[1]


def name(record: Mapping[str, Any] | Any, lang: str, prefix: str = "") -> str:
    """``record[prefix + 'name_zh' | 'name_en']`` from a row mapping or a model."""
    key = f"{prefix}name_{'zh' if lang == 'zh' else 'en'}"
    value = record.get(key) if isinstance(record, Mapping) else getattr(record, key, None)
    if value is None or value != value:  # None or NaN
        other = f"{prefix}name_{'en' if lang == 'zh' else 'zh'}"
        value = record.get(other) if isinstance(record, Mapping) else getattr(record, other, "")
    return str(value or "")
