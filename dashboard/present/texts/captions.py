"""What a chart says around its figures: titles, units explained, notes, the filter summary."""

TEXTS: dict[str, tuple[str, str]] = {
    # (zh, en)
    "caption.title": ("{what}：{where}，{when}", "{what}: {where}, {when}"),
    "caption.regions_more": ("{first}等{n}个区域", "{first} and {more} other regions"),
    "caption.sites_in": ("{region}{n}个地点", "{n} sites in {region}"),
    "caption.count_unit": ("个数", "number"),
    "caption.note": ("注：{text}", "Note: {text}"),
    "caption.top_bars": (
        "图中为前 {shown} 名（共 {n} 个地点）；下表列出全部。",
        "The chart shows the top {shown} of {n} sites; the table below lists them all.",
    ),
    "caption.bars_tenfold": (
        "数值相差超过十倍，短条以数字为准。",
        "Figures differ more than tenfold: read the short bars by their labels.",
    ),
    "caption.log_axis": (
        "数字相差超过十倍，纵轴为对数刻度（每格是上一格的十倍）。",
        "The figures differ more than tenfold: the value axis is logarithmic "
        "(each gridline ten times the one below).",
    ),
    "caption.derived": (
        "✕ 为推算值：由报道的数字和增长率算出，原文没有这个数字。",
        "✕ marks a derived figure, computed from a reported figure and its growth rate; "
        "no article prints it.",
    ),
    "caption.reported_by": (
        "{n}个数字被多篇文章报道，只画一次。",
        "{n} figures are reported by several articles; each is drawn once.",
    ),
    "caption.hidden": (
        "状态筛选未显示：{items}。",
        "Not shown (status filter): {items}.",
    ),
    "caption.hidden_item": ("{status}{n}个", "{n} {status}"),
    "caption.statuses_apart": (
        "不同状态的数字不连线：实际为实线，计划、目标、预测各自为虚线。",
        "Lines join only figures of one status: actual solid; plans, targets, forecasts dashed.",
    ),
    "caption.periods_per_bar": (
        "各条形的时期不同，标在数字旁。",
        "The bars refer to different periods, given beside each figure.",
    ),
    "caption.filters": ("筛选：{items}", "Filters: {items}"),
    "caption.filter_all": ("全部", "all"),
    "caption.numbers_std": ("标准单位", "standard units"),
    "caption.numbers_printed": ("原文写法", "as printed"),
    "caption.numbers": ("数字", "Numbers"),
    "caption.one_bar": (
        "该时期只有一个地点有这一指标的数字，无法排名：{site} {figure}（{period}）。",
        "Only one site has a figure for this metric and period, so there is nothing to rank: "
        "{site}, {figure} ({period}).",
    ),
    "caption.comparisons": ("数据支持的其他比较", "Other comparisons the data supports"),
    "caption.no_series": (
        "所选地点的这一指标只有一个数字，画不出趋势：{site} {figure}（{period}）。",
        "Only one figure of this metric for the chosen sites, so there is no trend to draw: "
        "{site}, {figure} ({period}).",
    ),
    "unit.explain.pflops": (
        "P = PFLOPS，每秒千万亿次浮点运算",
        "P = PFLOPS, 10¹⁵ floating-point operations per second",
    ),
}
