"""Tables of claims and the sources page."""

TEXTS: dict[str, tuple[str, str]] = {
    # (zh, en)
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
    "claims.title": ("数据条目", "Claims"),
    "claims.count": ("显示 {shown} / {total} 条", "Showing {shown} of {total} claims"),
    "claims.capped": (
        "显示前 {shown} 条（符合筛选的共 {matching} 条，全部 {total} 条）。"
        "缩小筛选范围以查看其余条目，或下载 CSV 获取全部符合筛选的条目。",
        "Showing the first {shown} of {matching} matching claims ({total} in all). Narrow the "
        "filters to see the others, or download the CSV for every matching claim.",
    ),
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
    "claims.reported_by": (
        "{n}篇文章报道了这一数字（只计一次）：",
        "Reported by {n} articles (counted once):",
    ),
    "claims.disagrees": (
        "{n}篇文章对同一时期给出了不同的数字：",
        "{n} articles give different figures for the same period:",
    ),
}
