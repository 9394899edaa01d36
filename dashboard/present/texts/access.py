"""What a screen reader hears and the page says in words: chart summaries, scrollable boxes,
the page's language, and labels of fields the data holds in one language only."""

TEXTS: dict[str, tuple[str, str]] = {
    # (zh, en)
    "summary.line": ("折线图：{metric}。{body}", "Line chart: {metric}. {body}"),
    "summary.between": ("中间{n}个数字", "{n} more in between"),
    "summary.more": ("另有{n}个", "and {n} more"),
    "summary.bar": (
        "条形图：{metric}，{n}个地点。{body}",
        "Bar chart: {metric}, {n} sites. {body}",
    ),
    "summary.bar_item": ("第{rank}名 {site} {figure}", "#{rank} {site} {figure}"),
    "summary.bar_item_unranked": ("{site} {figure}", "{site} {figure}"),
    "summary.label": ("图表说明", "What the chart shows"),
    "access.lang": ("zh-CN", "en"),
    "access.scroll_box": ("可滚动区域：{label}", "Scrollable: {label}"),
    "lang.in_english": ("（英文）：", ": "),
    # Streamlit's own labels on its buttons (aria-label, title), which it has no setting for:
    # the page's script puts these in their place in the Chinese view.
    "st.Collapse sidebar": ("收起侧边栏", "Collapse sidebar"),
    "st.Expand sidebar": ("展开侧边栏", "Expand sidebar"),
    "st.Copy to clipboard": ("复制到剪贴板", "Copy to clipboard"),
    "st.Download as CSV": ("下载为CSV", "Download as CSV"),
    "st.Fullscreen": ("全屏", "Fullscreen"),
    "st.Close fullscreen": ("退出全屏", "Close fullscreen"),
    "st.Search": ("搜索", "Search"),
    "st.Show/hide columns": ("显示/隐藏列", "Show/hide columns"),
    "st.Open": ("展开", "Open"),
    "st.Close": ("关闭", "Close"),
    "st.Clear all": ("全部清除", "Clear all"),
    "st.Link to heading": ("链接到此标题", "Link to heading"),
    "st.App pages": ("页面", "App pages"),
    "st.Sidebar": ("侧边栏", "Sidebar"),
    "st.Help for": ("{label}的说明", "Help for {label}"),
}
