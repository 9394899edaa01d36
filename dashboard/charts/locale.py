"""Plotly in the reader's language: the toolbar's tooltips and date ticks in Chinese.

Streamlit's bundled plotly.js registers only the ``en`` and ``en-US`` locales, so the Chinese
one travels with each chart's config (plotly's ``locales`` option). The dictionary is the
modebar part of plotly.js's own ``zh-CN`` locale (``plotly.js-locales`` 3.7.0, MIT); month
names are written as numbers (3月), and date axes tick as 2024年3月 (``tickformatstops``),
since plotly's default ``%b %Y`` would read 三 2024.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

ZH_CN = {
    "dictionary": {
        "Autoscale": "自动缩放",
        "Box Select": "矩形框选",
        "Compare data on hover": "悬停时比较数据",
        "Double-click on legend to isolate one trace": "双击图例来突显对应轨迹",
        "Double-click to zoom back out": "双击返回缩小显示",
        "Download plot as a PNG": "下载图表为PNG格式",
        "Download plot": "下载图表",
        "Lasso Select": "套索选择",
        "Pan": "平移",
        "Produced with Plotly.js": "由Plotly.js生成",
        "Reset": "重置",
        "Reset axes": "重置轴",
        "Reset view": "重置视图",
        "Reset views": "重置视图",
        "Show closest data on hover": "悬停时显示最近的数据",
        "Snapshot succeeded": "生成快照成功",
        "Sorry, there was a problem downloading your snapshot!": "抱歉，下载快照出现问题！",
        "Taking snapshot - this may take a few seconds": "正在生成快照 - 可能需要几秒钟",
        "Zoom": "缩放",
        "Zoom in": "放大",
        "Zoom out": "缩小",
        "Toggle Spike Lines": "切换显示数据点辅助线",
        "Toggle show closest data on hover": "切换悬停时显示最近的数据点",
    },
    "format": {
        "days": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
        "shortDays": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
        "months": [f"{m}月" for m in range(1, 13)],
        "shortMonths": [f"{m}月" for m in range(1, 13)],
        "date": "%Y-%m-%d",
    },
}
PLOTLY_LOCALE = {"zh": "zh-CN", "en": "en-US"}
# Date ticks in Chinese by the spacing of the ticks (plotly's dtick: ms, or "M<n>" months).
ZH_DATE_TICKS = [
    {"dtickrange": [None, "M1"], "value": "%Y年%-m月%-d日"},
    {"dtickrange": ["M1", "M12"], "value": "%Y年%-m月"},
    {"dtickrange": ["M12", None], "value": "%Y年"},
]


def localized_config(config: dict[str, Any], lang: str) -> dict[str, Any]:
    """``config`` with plotly's locale for ``lang`` (and its definition when not bundled)."""
    out = {**config, "locale": PLOTLY_LOCALE.get(lang, "en-US")}
    if lang == "zh":
        out["locales"] = {"zh-CN": ZH_CN}
    return out


def localize_dates(fig: go.Figure, lang: str) -> go.Figure:
    """Date axes of ``fig`` ticked in the reader's notation (2024年3月 in Chinese)."""
    if lang == "zh":
        fig.for_each_xaxis(
            lambda axis: axis.update(tickformatstops=ZH_DATE_TICKS) if axis.type == "date" else None
        )
    return fig
