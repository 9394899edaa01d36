"""The cue words that decide a drafted claim's qualifier, status, kind and period.

Each rule returns its decision and the cue that made it (``None`` when only the default
applies), so the draft's note can say why. The rules read the figure's clause (between
Chinese commas and semicolons) and its sentence; nothing here knows any one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Right before the figure (超70亿元, 近5000家, 突破9000亿元) or right after it (10个以上).
_QUALIFIER_BEFORE = re.compile(
    r"(超过|超出|(?<!赶)超|逾|突破|破|接近|将近|(?<![最附])近|大约|差不多|(?<![节制签预合契])约"
    r"|最高|至多|最多)(?:了|达到|达|到)?$"
)
_BEFORE = {
    "超过": "over",
    "超出": "over",
    "超": "over",
    "逾": "over",
    "突破": "over",
    "破": "over",
    "接近": "nearly",
    "将近": "nearly",
    "近": "nearly",
    "大约": "about",
    "差不多": "about",
    "约": "about",
    "最高": "up_to",
    "至多": "up_to",
    "最多": "up_to",
}
_QUALIFIER_AFTER = re.compile(r"^(以上|左右|之多)")
_AFTER = {"以上": "over", "左右": "about", "之多": "more_than"}

_NOW = re.compile(r"目前的|现有的?|现在的")
_FORECAST = re.compile(r"预计|预期|有望")
_TARGET = re.compile(r"力争|目标|争取|到20\d\d年")
_PLAN = re.compile(r"计划|拟|将[要会可为新在达实增建提投]|规划|确定将|即将|建成后|预算")
# After the figure in its clause, only words that cannot be read otherwise (8家企业确定将落户).
_PLAN_AFTER = re.compile(r"^[^，。；,;]{0,12}?(确定将|将于|计划于|拟于)")

_GROWTH = re.compile(r"增长|增速|提高|提升|增加|下降|减少|降低|回落|翻|同比|增幅|上涨")
_DECLINE = re.compile(r"下降|减少|降低|回落")
_SHARE = re.compile(r"占|比重|比例|份额|覆盖率|对接率|率[达为]?$|强度")
_CUMULATIVE = re.compile(r"累计|总计|累积|先后|共计|已累计|历年")
_FLOW = re.compile(
    r"新增|全年|年产|年营收|年产值|年税收|实现|完成|签约|引进|新设|新引进|落地|发布|举办|开展|"
    r"年均|每年|当年|营业收入|销售收入|营收|产值|交易额|成交|投资|融资|贷款投放|发放"
)
_RANK = re.compile(r"第$|居$|位列$")


@dataclass(frozen=True)
class Decision:
    """A field's value and the cue that decided it (None: the default)."""

    value: str
    cue: str | None


def qualifier(before: str, hedge: str | None, after: str) -> Decision:
    """over / more_than / nearly / about / up_to / exact from the words around the figure."""
    if hedge is not None:
        return Decision("more_than", hedge)
    if match := _QUALIFIER_AFTER.match(after):
        return Decision(_AFTER[match.group(1)], match.group(1))
    if match := _QUALIFIER_BEFORE.search(before[-5:]):
        word = match.group(1)
        if word in _BEFORE:
            return Decision(_BEFORE[word], word)
    return Decision("exact", None)


def status(clause_before: str, sentence_before: str, clause_after: str = "") -> Decision:
    """forecast / target / plan from the clause before the figure, else the sentence's; else
    actual. A figure said to hold now (目前的200P, 现有) is actual whatever the sentence plans."""
    if now := _NOW.search(clause_before[-6:]):
        return Decision("actual", now.group())
    if after := _PLAN_AFTER.search(clause_after):
        return Decision("plan", after.group(1))
    for text in (clause_before, sentence_before):
        for pattern, value in ((_FORECAST, "forecast"), (_TARGET, "target"), (_PLAN, "plan")):
            if match := pattern.search(text):
                return Decision(value, match.group())
    return Decision("actual", None)


def kind(clause_before: str, standard: str | None, number_before: str) -> Decision:
    """rank / growth / share / cumulative / flow / stock from the unit and the clause's words."""
    if standard == "rank" or _RANK.search(number_before):
        return Decision("rank", "第" if number_before.endswith("第") else "位")
    if standard in ("percent", "percentage_point", "ratio"):
        if match := _GROWTH.search(clause_before):
            return Decision("growth", match.group())
        if match := _SHARE.search(clause_before):
            return Decision("share", match.group())
        if standard == "percent":
            return Decision("share", "%")
    if match := _CUMULATIVE.search(clause_before):
        return Decision("cumulative", match.group())
    if match := _FLOW.search(clause_before):
        return Decision("flow", match.group())
    return Decision("stock", None)


def declines(clause_before: str) -> bool:
    """Whether a growth rate is a fall (下降39%): its value is then negative."""
    words = _GROWTH.findall(clause_before)
    return bool(words) and bool(_DECLINE.fullmatch(words[-1]))


_CN_DIGITS = "〇一二三四五六七八九十"
_YEARS_SINCE = re.compile(r"(?:近|过去)?([0-9]+|[一二三四五六七八九十]+)年(?:来|以来)")
_SINCE_YEAR = re.compile(r"(20\d\d)年(?:(\d{1,2})月)?(?:以来|至今|开始)")
_RANGE_YEARS = re.compile(r"(20\d\d)[—–-]+(20\d\d)年")
_YEAR_END = re.compile(r"(20\d\d)年(?:底|末|年底|年末)")
_YEAR_MONTH_RANGE = re.compile(r"(20\d\d)年(\d{1,2})[—–-]+(\d{1,2})月")
_YEAR_MONTH = re.compile(r"(20\d\d)年(\d{1,2})月")
_YEAR_QUARTER = re.compile(r"(20\d\d)年(?:第)?([一二三四1-4])季度")
_YEAR = re.compile(r"(20\d\d)年(?:度)?")
_THIS_YEAR_MONTHS = re.compile(r"(?<![年\d])(?:今年)?(\d{1,2})[—–-]+(\d{1,2})月")
_THIS_YEAR_QUARTER = re.compile(r"(?<![年第])(?:今年)?([一二三四1-4])季度")
_THIS_YEAR = re.compile(r"今年|本年|当年")
_LAST_YEAR = re.compile(r"去年|上年")
YEAR_ONLY = re.compile(r"20\d\d年度?")  # a whole year, not its end (2023年底)
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _small_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if len(text) == 1 and text in _CN_DIGITS:
        return _CN_DIGITS.index(text)
    if text.startswith("十") and len(text) == 2:
        return 10 + _CN_DIGITS.index(text[1])
    return None


def period(text: str, published: str, status_value: str, kind_value: str) -> Decision:
    """The period a figure holds for, from the date words of ``text`` (the figure's sentence up
    to the figure, or the sentences before it) and the article's date ``published``
    (YYYY-MM-DD); None as the cue when only the article's month applies."""
    year, month = int(published[:4]), published[:7]
    actual = status_value == "actual"
    found: list[tuple[int, Decision]] = []

    def add(match: re.Match[str] | None, value: str) -> None:
        if match is not None:
            found.append((match.start(), Decision(value, match.group())))

    for m in _YEAR_MONTH_RANGE.finditer(text):
        add(m, f"{m[1]}-{int(m[2]):02d}..{m[1]}-{int(m[3]):02d}")
    for m in _RANGE_YEARS.finditer(text):
        add(m, f"{m[1]}..{m[2]}")
    for m in _SINCE_YEAR.finditer(text):
        start = f"{m[1]}-{int(m[2]):02d}" if m[2] else m[1]
        add(m, f"{start}..{month}")
    for m in _YEAR_END.finditer(text):
        add(m, f"{m[1]}-12")
    for m in _YEAR_QUARTER.finditer(text):
        add(m, f"{m[1]}-Q{_QUARTERS[m[2]]}")
    for m in _YEAR_MONTH.finditer(text):
        add(m, f"{m[1]}-{int(m[2]):02d}")
    for m in _YEARS_SINCE.finditer(text):
        span = _small_number(m[1])
        if span is not None and 1 < span < 50:
            add(m, f"{year - span}..{month}")
    for m in _YEAR.finditer(text):
        value = m[1]
        if kind_value == "stock" and actual and value < published[:4]:
            value = f"{value}-12"
        add(m, value)
    for m in _THIS_YEAR_MONTHS.finditer(text):
        add(m, f"{year}-{int(m[1]):02d}..{year}-{int(m[2]):02d}")
    for m in _THIS_YEAR_QUARTER.finditer(text):
        add(m, f"{year}-Q{_QUARTERS[m[1]]}")
    for m in _THIS_YEAR.finditer(text):
        add(m, str(year) if not actual else month)
    for m in _LAST_YEAR.finditer(text):
        add(m, str(year - 1))
    if not found:
        return Decision(month, None)
    # The date word nearest before the figure; at one place, the most specific (first added).
    last = max(pos for pos, _ in found)
    return next(d for pos, d in found if pos == last)
