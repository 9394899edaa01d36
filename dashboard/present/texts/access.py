"""What a screen reader hears and the page says in words: chart summaries, scrollable boxes,
the page's language, and labels of fields the data holds in one language only."""

TEXTS: dict[str, tuple[str, str]] = {
    # (zh, en)
    "summary.line": ("折线图：{metric}。{body}", "Line chart: {metric}. {body}"),
    "summary.between": ("中间{n}个数字", "{n} figures between"),
    "summary.more": ("另有{n}个", "and {n} more"),
    "summary.bar": (
        "条形图：{metric}，{n}个地点。{body}",
        "Bar chart: {metric}, {n} sites. {body}",
    ),
    "summary.bar_item": ("第{rank}名 {site} {figure}", "#{rank} {site} {figure}"),
    "summary.label": ("图表说明", "What the chart shows"),
    "access.lang": ("zh-CN", "en"),
    "access.scroll_box": ("可滚动区域：{label}", "Scrollable: {label}"),
    "lang.note_en": ("（英文）", " (in English)"),
    "lang.data_en": ("以下为英文原注：", "In English:"),
}
