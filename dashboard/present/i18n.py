"""Chinese and English labels: one table of UI texts, one of vocabulary, and name pickers.

Every text the dashboard shows that is not data comes from :data:`TEXTS` (keyed by a stable
id) or :data:`VOCAB` (labels of the controlled vocabularies, whose values the enums of
:mod:`dashboard.core.models` define: statuses, qualifiers, kinds of figure and of site). Data
names (sites, metrics, regions, units) carry both languages in the YAML; :func:`name` picks one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGS = ("zh", "en")
DEFAULT_LANG = "en"


def lang_from_locale(locale: str | None) -> str:
    """``zh`` for a browser locale ``zh``/``zh-*``, ``en`` for anything else (or none)."""
    if locale and locale.strip().lower().replace("_", "-").split("-")[0] == "zh":
        return "zh"
    return DEFAULT_LANG


TEXTS: dict[str, tuple[str, str]] = {
    # (zh, en)
    "app.title": ("区域创新看板", "Regional innovation dashboard"),
    "app.subtitle": (
        "报纸报道中的数字，每一个都追溯到原文句子。",
        "Figures from newspaper reports, each traced to its sentence.",
    ),
    "nav.overview": ("概览", "Overview"),
    "nav.trends": ("趋势", "Trends"),
    "nav.rankings": ("排名", "Rankings"),
    "nav.map": ("地图", "Map"),
    "nav.claims": ("数据条目", "Claims"),
    "nav.sources": ("来源文章", "Sources"),
    "nav.health": ("数据健康", "Data health"),
    "health.title": ("数据健康", "Data health"),
    "health.intro": (
        "数据版本 {version}，读取于 {time}。"
        "保存 data/ 中的文件后，约两秒内自动更新，无需刷新页面。",
        "Data version {version}, read at {time}. Saving a file in data/ shows here within about "
        "two seconds, no reload needed.",
    ),
    "health.problems": ("校验问题：{n} 个", "Validation problems: {n}"),
    "health.files": ("文件状态", "Files"),
    "health.files_help": (
        "ok：显示当前文件；last-good / pending / missing：文件有错、正在写入、突然变短或已删除，"
        "显示的是上次正确的版本；broken：尚无正确版本，只显示其中正确的记录。",
        "ok: the file as it is; last-good / pending / missing: the file is broken, still being "
        "written, suddenly much shorter or gone, so its last good version is shown; broken: no "
        "good version yet, only its valid records are shown.",
    ),
    "health.vocabulary": ("指标体系", "Metric vocabulary"),
    "health.vocabulary_help": (
        "{metrics} 个指标，其中 {once} 个（{share}）只有一条数据；未关联的重复报道 {unlinked} 处。"
        "同一指标、类别与时期的数字才可比较；只有一条数据的指标无法比较。",
        "{metrics} metrics, {once} ({share}) carried by a single claim; {unlinked} unlinked "
        "repeats. Only figures of one metric, variant and period compare; a metric with one "
        "claim compares with nothing.",
    ),
    "health.disagreements": ("文章之间不一致的数字：{n} 处", "Figures articles disagree on: {n}"),
    "health.disagreements_help": (
        "不同文章对同一地点、指标、类别、时期给出了不同的数字；整理者的判断见各条数据的备注。",
        "Different articles give different figures for one site, metric, variant and period; "
        "the curator's reading is in each claim's note.",
    ),
    "vocab.metric": ("指标", "Metric"),
    "vocab.claims": ("数据条数", "Claims"),
    "vocab.facts": ("事实数", "Facts"),
    "vocab.sites": ("地点数", "Sites"),
    "vocab.periods": ("时期数", "Periods"),
    "vocab.variants": ("类别（已用/已定义）", "Variants (used / declared)"),
    "vocab.figures": ("各文章的数字", "Figures by article"),
    "health.coverage": ("覆盖情况", "Coverage"),
    "health.coverage_help": (
        "每篇文章中的数字：已录入为数据条目、属于日期、有理由排除（coverage_ignore.yaml），或尚未录入。",
        "Numbers in each article: a claim's figure, part of a date, excluded with a reason "
        "(coverage_ignore.yaml), or not yet captured.",
    ),
    "health.coverage_none": (
        "所有数字都已录入或注明排除理由。",
        "Every number is captured or excluded with a reason.",
    ),
    "banner.last_good": (
        "{where} [{code}] {message} — 自 {since} 起出错；显示的是 {shown} 读取的上次正确版本。",
        "{where} [{code}] {message} — failing since {since}; showing its last good version, "
        "read at {shown}.",
    ),
    "banner.pending": (
        "{where}：{message} — 自 {since} 起；暂时显示 {shown} 读取的版本。",
        "{where}: {message} — since {since}; showing the version read at {shown} meanwhile.",
    ),
    "banner.missing": (
        "{where}：文件不见了（自 {since} 起）；显示的是 {shown} 读取的上次正确版本。",
        "{where}: the file is gone (since {since}); showing its last good version, read at "
        "{shown}.",
    ),
    "sidebar.language": ("语言 · Language", "Language · 语言"),
    "sidebar.unit": ("数字显示", "Numbers"),
    "unit.std": ("标准单位（可比）", "Standard units (comparable)"),
    "unit.printed": ("原文写法", "As printed"),
    "sidebar.present": ("演示模式", "Presentation mode"),
    "sidebar.present_help": (
        "隐藏侧栏、放大图表；此设置也写入链接。",
        "Hides the sidebar and enlarges charts; travels in the link too.",
    ),
    "sidebar.copy_link": ("复制链接", "Copy link"),
    "sidebar.copy_help": (
        "此链接在新浏览器中打开同一视图。点击右侧图标复制。",
        "This link reopens this exact view in a fresh browser. Click the icon to copy.",
    ),
    "sidebar.image_format": ("图表下载格式", "Chart download format"),
    "sidebar.image_help": (
        "图表工具栏的相机按钮按此格式下载图片（含标题、单位和来源）。",
        "The camera button of a chart's toolbar downloads this format, "
        "with title, unit and source.",
    ),
    "present.exit": ("退出演示模式", "Exit presentation mode"),
    "problems.title": (
        "数据问题：{n} 个（其余数据照常显示）",
        "{n} data problems (the rest is shown)",
    ),
    "problems.none": ("数据检查通过，没有问题。", "The data passed every check."),
    "problems.help": (
        "有问题的记录不显示，直到修正。运行 `make validate` 查看详情。",
        "Records with problems are left out until fixed. Run `make validate` for details.",
    ),
    "ignored.title": ("链接中有部分内容被忽略：", "Parts of the link were ignored:"),
    "ignored.unknown": (
        "{param}={value}：未知值，已忽略",
        "{param}={value}: unknown value, ignored",
    ),
    "ignored.malformed": (
        "{param}={value}：格式不对，已忽略",
        "{param}={value}: malformed, ignored",
    ),
    "ignored.replaced": (
        "{param}={value}：未知值，改为最接近的 {replacement}",
        "{param}={value}: unknown, replaced by the nearest valid value {replacement}",
    ),
    "ignored.renamed": (
        "{param}={value}：该指标已并入 {replacement}",
        "{param}={value}: this metric is now part of {replacement}",
    ),
    "ignored.param": ("{param}：未知参数，已忽略", "{param}: unknown parameter, ignored"),
    "ignored.unavailable": (
        "{param}={value}：当前选择下没有这个值，改为 {replacement}",
        "{param}={value}: not available for this choice, shown {replacement} instead",
    ),
    "ignored.too_long": ("{param}：过长，已截断", "{param}: too long, shortened"),
    "data.empty": ("还没有可显示的数据条目。", "No claims to show yet."),
    "data.summary": (
        "{claims} 条数据 · {sites} 个地点 · {sources} 篇文章 · 最新文章 {latest}",
        "{claims} claims · {sites} sites · {sources} articles · latest article {latest}",
    ),
    "filter.region": ("区域", "Region"),
    "filter.region_all": ("全部区域", "All regions"),
    "filter.sites": ("地点", "Sites"),
    "filter.sites_all": ("（全部地点）", "(all sites)"),
    "filter.all": ("（全部）", "(all)"),
    "filter.metric": ("指标", "Metric"),
    "filter.metric_any": ("（全部指标）", "(all metrics)"),
    "filter.measure": ("口径", "Measure"),
    "filter.variant": ("类别", "Variant"),
    "filter.variant_none": ("不分类别", "Not broken down"),
    "filter.period": ("时期", "Period"),
    "filter.period_latest": ("各地点最新", "Latest per site"),
    "filter.status": ("状态", "Status"),
    "filter.source": ("文章", "Article"),
    "filter.source_any": ("（全部文章）", "(all articles)"),
    "filter.text": ("全文搜索（中文或英文）", "Search text (Chinese or English)"),
    "measure.stock": ("存量（时点）", "level at a date"),
    "measure.flow": ("期内流量", "flow over a period"),
    "measure.cumulative": ("累计", "cumulative total"),
    "measure.share": ("占比", "share"),
    "measure.rank": ("名次", "rank"),
    "measure.growth": ("增速（%）", "growth rate (%)"),
    "measure.growth_pp": ("变化（个百分点）", "change (percentage points)"),
    "measure.growth_ratio": ("倍数", "multiple (times)"),
    "measure.growth_abs": ("增量", "increase"),
    "col.claim": ("条目", "Claim"),
    "col.site": ("地点", "Site"),
    "col.region": ("区域", "Region"),
    "col.metric": ("指标", "Metric"),
    "col.figure": ("数字", "Figure"),
    "col.printed": ("原文写法", "As printed"),
    "col.std": ("标准值", "Standard value"),
    "col.value_std": ("标准值（数）", "Standard value (number)"),
    "col.unit_std": ("标准单位", "Standard unit"),
    "col.period": ("时期", "Period"),
    "col.status": ("状态", "Status"),
    "col.kind": ("类型", "Kind"),
    "col.qualifier": ("限定", "Qualifier"),
    "col.source": ("来源", "Source"),
    "col.date": ("日期", "Date"),
    "col.date_approximate": ("日期为推断", "Date inferred"),
    "col.derived": ("推算", "Derived"),
    "col.quote": ("原文", "Quote"),
    "col.rank": ("名次", "Rank"),
    "col.claims": ("条目数", "Claims"),
    "col.title": ("标题", "Title"),
    "col.publication": ("报纸", "Publication"),
    "overview.headlines": ("主要数字", "Headline figures"),
    "overview.claims": ("数据条目", "Claims"),
    "overview.sites": ("地点", "Sites"),
    "overview.sources": ("来源文章", "Sources"),
    "overview.others": ("其他地区", "Other regions"),
    "overview.none": ("该区域还没有数据。", "No claims for this region yet."),
    "overview.headline_note": (
        "每个指标取该区域最新的实际数字；日期为数字所指时期。",
        "For each metric, the region's latest actual figure; the date is the period it refers to.",
    ),
    "link.trends": ("趋势", "Trends"),
    "link.rankings": ("排名", "Rankings"),
    "link.map": ("地图", "Map"),
    "link.claims": ("全部条目", "All claims"),
    "trends.title": ("趋势", "Trends"),
    "trends.none": ("所选条件下没有数字。", "No figures for this choice."),
    "trends.points": ("图中各点", "The points shown"),
    "trends.leading": (
        "共 {total} 个地点，图中显示最新数字最大的 {n} 个；在上方选择地点可比较其他地点。",
        "{total} sites have figures; the chart shows the {n} with the largest latest figure. "
        "Choose sites above to compare others.",
    ),
    "trends.leading_rank": (
        "共 {total} 个地点，图中显示最新名次最靠前的 {n} 个；在上方选择地点可比较其他地点。",
        "{total} sites have figures; the chart shows the {n} with the best latest rank. "
        "Choose sites above to compare others.",
    ),
    "trends.legend_note": (
        "实心实线：实际；空心虚线：计划、目标、预测；▲ 下限（超、余）；▼ 上限（近、最多）；"
        "◆ 约数；✕ 推算值；横线：数字覆盖的时期。",
        "Solid line, filled marker: actual. Dashed, hollow: plan, target, forecast. "
        "▲ lower bound (over, more than). ▼ upper bound (nearly, up to). ◆ approximate. "
        "✕ derived. Horizontal bar: the period a figure covers.",
    ),
    "rankings.title": ("排名", "Rankings"),
    "rankings.none": ("所选时期没有可排名的数字。", "No figures to rank for this period."),
    "rankings.mixed_periods": (
        "注意：所选数字的时期不同（{periods}），不能严格比较。",
        "Note: the figures shown refer to different periods ({periods}); compare with care.",
    ),
    "rankings.mixed_kinds": (
        "注意：所选数字的统计方式不同（{kinds}），不能严格比较。",
        "Note: the figures mix kinds of figure ({kinds}); compare with care.",
    ),
    "rankings.mixed_variants": (
        "这些数字属于同一指标的不同类别，不宜直接比较。",
        "These figures are of different variants of the metric and do not compare directly.",
    ),
    "rankings.mixed_status": (
        "注意：实际数字与计划/目标混在一起（{statuses}）。",
        "Note: actual figures are mixed with plans or targets ({statuses}).",
    ),
    "rankings.mixed_site_kinds": (
        "注意：地点层级不同（{kinds}），范围可能不可比。",
        "Note: the sites are of different kinds ({kinds}); their scopes may differ.",
    ),
    "rankings.not_comparable": (
        "该指标各地点的口径不同，不做排名，仅按数值排序供参考。",
        "This metric's figures differ in scope between sites: shown sorted, not ranked.",
    ),
    "rankings.duplicates": (
        "有 {n} 个地点在该时期有多个数字，取最新文章的一条。",
        "{n} sites have several figures for this period; the one from the latest article is used.",
    ),
    "map.title": ("地图", "Map"),
    "map.preset": ("地图范围", "Map area"),
    "map.preset_all": ("全国视图（全部区域）", "All of China (every region)"),
    "map.size_by": ("圆点大小按指标", "Size markers by metric"),
    "map.size_none": ("（不按指标，统一大小）", "(none: equal size)"),
    "map.tiles": ("在线底图（会访问外部服务器）", "Online base map (contacts an outside server)"),
    "map.tiles_help": (
        "默认不加载在线底图，只画省界；打开后浏览器会向 Carto 请求地图瓦片。此设置不写入链接。",
        "Off by default: only the bundled province outline is drawn. On, your browser fetches "
        "tiles from Carto. This setting does not travel in links.",
    ),
    "map.site": ("查看地点的数据条目", "Show the claims of a site"),
    "map.site_none": ("（点击地图上的地点，或在此选择）", "(click a site on the map, or pick one)"),
    "map.claims_of": ("{site} 的数据条目", "Claims of {site}"),
    "map.no_figure": ("该指标无数据", "no figure for this metric"),
    "map.legend": (
        "颜色表示区域；圆点大小按所选指标的最新实际数字。",
        "Colour: region. Size: the latest actual figure of the chosen metric.",
    ),
    "map.attribution": (
        "省界：Natural Earth（公有领域）",
        "Outline: Natural Earth (public domain)",
    ),
    "claims.title": ("数据条目", "Claims"),
    "claims.count": ("显示 {shown} / {total} 条", "Showing {shown} of {total} claims"),
    "claims.select_hint": (
        "在表格中选中一行，查看它在原文中的上下文。",
        "Select a row to see its sentence in the article.",
    ),
    "claims.context": ("原文上下文", "In the article"),
    "claims.download": ("下载所显示的条目（CSV）", "Download the rows shown (CSV)"),
    "claims.note": ("备注", "Note"),
    "claims.formula": ("推算方法", "How it is derived"),
    "claims.not_found": ("在文章中找不到这句话。", "The sentence was not found in the article."),
    "claims.selected_gone": (
        "所选条目 {claim} 不在当前筛选结果中。",
        "The selected claim {claim} is not among the rows shown.",
    ),
    "sources.title": ("来源文章", "Sources"),
    "sources.pick": ("文章", "Article"),
    "sources.meta": ("文章信息", "About the article"),
    "sources.text": ("全文（引用处高亮）", "Full text (quoted passages highlighted)"),
    "sources.claims": ("该文章的数据条目", "Claims from this article"),
    "sources.date_approx": ("日期为推断：{note}", "Date inferred: {note}"),
    "sources.no_text": ("文章原文无法读取。", "The article's text could not be read."),
    "sources.file": ("文件", "File"),
    "chart.source_note": (
        "来源：{sources}。区域创新看板。",
        "Source: {sources}. Regional innovation dashboard.",
    ),
    "chart.derived": ("推算", "derived"),
    "chart.as_printed": ("原文", "as printed"),
    "chart.period": ("时期", "period"),
    "chart.status": ("状态", "status"),
    "chart.scope": ("统计范围", "scope"),
    "chart.scope_note": (
        "* 统计范围不同：{scopes}",
        "* a different scope: {scopes}",
    ),
    "claims.reported_by": (
        "{n}篇文章报道了这一数字（只计一次）：",
        "Reported by {n} articles (counted once):",
    ),
    "claims.disagrees": (
        "{n}篇文章对同一时期给出了不同的数字：",
        "{n} articles give different figures for the same period:",
    ),
    "chart.reported_by": ("{n}篇文章报道了这一数字", "reported by {n} articles"),
    "chart.source": ("来源", "source"),
    "chart.quote": ("原文", "quote"),
    "chart.legend_actual": ("实际", "actual"),
    "chart.legend_planned": ("计划/目标/预测", "plan / target / forecast"),
}

VOCAB: dict[str, dict[str, tuple[str, str]]] = {
    "status": {
        "actual": ("实际", "actual"),
        "plan": ("计划", "plan"),
        "target": ("目标", "target"),
        "forecast": ("预测", "forecast"),
    },
    "qualifier": {
        "exact": ("确数", "exact"),
        "over": ("超过（下限）", "over (lower bound)"),
        "more_than": ("余、多（略多于）", "more than"),
        "nearly": ("近（上限）", "nearly (upper bound)"),
        "about": ("约", "about"),
        "up_to": ("最多（上限）", "up to (upper bound)"),
    },
    "kind": {
        "stock": ("存量", "stock"),
        "flow": ("流量", "flow"),
        "cumulative": ("累计", "cumulative"),
        "growth": ("增速", "growth"),
        "share": ("占比", "share"),
        "rank": ("名次", "rank"),
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
