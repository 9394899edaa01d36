"""The site profile page."""

TEXTS: dict[str, tuple[str, str]] = {
    # (zh, en)
    "nav.site": ("地点档案", "Site profile"),
    "site.title_none": ("地点档案", "Site profiles"),
    "site.missing": (
        "链接没有指明地点（id）。请从下面的列表中选择一个地点。",
        "The link names no site (id). Pick one from the list below.",
    ),
    "site.list": ("全部地点（按数据条目数）", "All sites (by number of claims)"),
    "site.list_item": ("{name}（{n} 条）", "{name} ({n} claims)"),
    "site.facts": (
        "{kind} · {region} · id `{id}` · {claims} 条数据{derived}",
        "{kind} · {region} · id `{id}` · {claims} claims{derived}",
    ),
    "site.derived": (" + {n} 条推算", " + {n} derived"),
    "site.parent": ("所属：", "Part of: "),
    "site.children": ("下辖地点：", "Contains: "),
    "site.scoped_on": (
        "本地点范围的数字记在：",
        "Figures for this site's area are recorded on: ",
    ),
    "site.none": ("此地点没有记录任何数据。", "Nothing is recorded for this site yet."),
    "site.map": ("位置（坐标精度：{precision}）", "Location (coordinates precise to: {precision})"),
    "site.sections": ("按指标：{n} 组数字", "By metric: {n} groups of figures"),
    "site.reported_by": ("来源", "Sources"),
    "site.quote": ("原文", "Quote"),
    "site.open_sources": ("在来源文章中查看 {source}", "Read {source} in its article"),
    "site.open_trends": ("在趋势图中查看", "Open in Trends"),
    "site.precision.point": ("建筑或园区", "the building or campus"),
    "site.precision.district": ("所在区域（约5公里内）", "the district (within about 5 km)"),
    "site.precision.city": ("所在城市中心", "the city centre"),
    "site.precision.province": ("所在省中心", "the provincial centre"),
    "ignored.stand_in": (
        "{param}={value}：它的数字记在 {replacement} 名下（注明范围），改为显示后者",
        "{param}={value}: its figures are recorded on {replacement} (scope noted); shown that",
    ),
    "ignored.left_out": (
        "{param}={value}：当前选择下没有这个值，已去掉；显示 {replacement}",
        "{param}={value}: not available for this choice, left out; showing {replacement}",
    ),
    "site.note_en": ("整理者注（英文原文）", "Curator's note"),
    "site.profiles": ("这些地点的档案", "Profiles of these sites"),
    "site.link": ("地点档案：{name}", "Site profile: {name}"),
}
