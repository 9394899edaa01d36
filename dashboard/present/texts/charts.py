"""Charts and the pages built around them: overview, trends, rankings (the map: map_page)."""

TEXTS: dict[str, tuple[str, str]] = {
    # (zh, en)
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
    "chart.reported_by": ("{n}篇文章报道了这一数字", "reported by {n} articles"),
    "chart.source": ("来源", "source"),
    "chart.quote": ("原文", "quote"),
    "chart.legend_actual": ("实际", "actual"),
    "chart.legend_planned": ("计划/目标/预测", "plan / target / forecast"),
}
