"""The overview's questions the data can answer, the search for sites and metrics, and counts
of quoted and derived figures."""

TEXTS: dict[str, tuple[str, str]] = {
    # (zh, en)
    "questions.title": ("数据能回答的问题", "Questions the data can answer"),
    "questions.help": (
        "每个序列（同一地点、指标、口径至少两个时点）和每个排名（同一时期至少三个地点）各一句；"
        "点击打开显示它的图表。",
        "One sentence per series (a site, metric and measure at two or more dates) and per "
        "ranking (three or more sites in one period); click to open the chart that shows it.",
    ),
    "questions.series": ("变化", "Changes over time"),
    "questions.rankings": ("排名", "Rankings"),
    "questions.none": (
        "这些区域还没有可比较的数字。",
        "No comparable figures in these regions yet.",
    ),
    "questions.ranking": (
        "{metric}排名（{period}）：{leaders}{more}",
        "{metric}, ranked ({period}): {leaders}{more}",
    ),
    "questions.capped": (
        "只列出最长的 {n} 个；选择一个区域可看到该区域的全部问题。",
        "Only the {n} longest are listed; choose a region to see all of its questions.",
    ),
    "questions.all": ("显示全部 {n} 个问题", "Show all {n} questions"),
    "questions.of_sites": ("，共 {n} 个地点", ", {n} sites in all"),
    "count.derived": (" + {n} 条推算", " + {n} derived"),
    "count.parts": (
        "（{claims} 条数据 + {derived} 条推算）",
        " ({claims} quoted + {derived} derived)",
    ),
    "search.label": ("搜索地点或指标（中文或英文）", "Find a site or metric (Chinese or English)"),
    "search.placeholder": ("例如 天开园、注册企业、compute", "e.g. 天开园, registered, compute"),
    "search.none": ("没有找到与“{q}”相符的地点或指标。", "No site or metric matches “{q}”."),
    "search.site": ("地点：{name}", "Site: {name}"),
    "search.metric": ("指标：{name}（趋势图）", "Metric: {name} (Trends)"),
}
