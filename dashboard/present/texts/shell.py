"""The frame every page shares: navigation, sidebar, banners, link notices, filters."""

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
    "link.public_bad": (
        "{setting} 无效（{problem}）；链接使用浏览器中的地址。",
        "{setting} is not usable ({problem}); links use the browser's address.",
    ),
    "link.loopback": (
        "此链接指向本机，同事无法打开；请以 {setting} 设置读者访问的地址。",
        "This link points at this machine and opens nothing elsewhere; set {setting} to the "
        "address readers reach.",
    ),
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
        "{claims} 条数据{derived} · {sites} 个地点 · {sources} 篇文章 · 最新文章 {latest}",
        "{claims} claims{derived} · {sites} sites · {sources} articles · latest article {latest}",
    ),
    "filter.region": ("区域", "Region"),
    "filter.region_all": ("全部区域", "All regions"),
    "filter.sites": ("地点", "Sites"),
    "filter.sites_all": ("（全部地点）", "(all sites)"),
    "filter.all": ("（全部）", "(all)"),
    "filter.choose": ("请选择", "Choose one"),
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
    "link.trends": ("趋势", "Trends"),
    "link.rankings": ("排名", "Rankings"),
    "link.map": ("地图", "Map"),
    "link.claims": ("全部条目", "All claims"),
}
