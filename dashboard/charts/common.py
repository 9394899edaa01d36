"""What every chart shares: colours, marker styles per status and qualifier, escaped hover text,
the image-download config, and the fonts that keep Chinese legible in exported images."""

from __future__ import annotations

import html
from collections.abc import Iterable

from ..core.models import Status

# Distinct, saturated colours that stay legible as text labels on white (one per region or
# site); the last entry is only used when the others run out.
PALETTE = [
    "#1f6f8b",
    "#d1495b",
    "#2a9d8f",
    "#8d6a9f",
    "#e07a1f",
    "#3d5a80",
    "#6a994e",
    "#b5179e",
    "#7f5539",
    "#5c677d",
    "#999999",
]
GREY = "#9A9A9A"
FONT = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
# Plans, targets and forecasts: drawn hollow and dashed, apart from what happened.
PLANNED = frozenset(status.value for status in Status if status is not Status.actual)

# Marker shape says what the number's wording allows: a lower bound points up, an upper bound
# down, an approximate figure is a diamond, a derived figure a cross.
QUALIFIER_SYMBOL = {
    "exact": "circle",
    "over": "triangle-up",
    "more_than": "triangle-up",
    "nearly": "triangle-down",
    "up_to": "triangle-down",
    "about": "diamond",
}
DERIVED_SYMBOL = "x"


def color(index: int) -> str:
    """The ``index``-th palette colour (cycling)."""
    return PALETTE[index % (len(PALETTE) - 1)]


def rgb(hex_color: str, alpha: int = 255) -> list[int]:
    """``#RRGGBB`` as ``[r, g, b, alpha]`` for pydeck."""
    value = hex_color.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def symbol(qualifier: str | None, status: str, derived: bool) -> str:
    """The plotly marker symbol for one figure: shape by qualifier, hollow when not actual."""
    base = DERIVED_SYMBOL if derived else QUALIFIER_SYMBOL.get(qualifier or "exact", "circle")
    return f"{base}-open" if status in PLANNED else base


def dash(status: str) -> str:
    """Solid for actual figures, dashed for plans, targets and forecasts."""
    return "dash" if status in PLANNED else "solid"


def wrap(text: str, width: int = 36) -> list[str]:
    """Cut ``text`` into lines of at most ``width`` characters (keeps existing line breaks)."""
    lines: list[str] = []
    for part in str(text).splitlines() or [""]:
        lines.extend(part[i : i + width] for i in range(0, max(len(part), 1), width))
    return lines


def hover(lines: Iterable[tuple[str, str] | str]) -> str:
    """Hover HTML from data: every piece escaped, joined with ``<br>``. A pair is
    ``(label, value)`` and renders ``label: value``; the label is ours, the value data."""
    out = []
    for line in lines:
        if isinstance(line, tuple):
            label, value = line
            pieces = wrap(value)
            out.append(f"{html.escape(label, quote=False)}: {html.escape(pieces[0], quote=False)}")
            out.extend(html.escape(p, quote=False) for p in pieces[1:])
        else:
            out.extend(html.escape(p, quote=False) for p in wrap(line))
    return "<br>".join(out)


def plain(text: str) -> str:
    """Data text for a plotly title, tick or legend label: escaped, so tags stay text."""
    return html.escape(str(text), quote=False)


def image_config(filename: str, fmt: str = "png", height: int = 600, width: int = 1100) -> dict:
    """``st.plotly_chart`` config: the toolbar's camera downloads ``fmt`` (png or svg) at a
    fixed size, so title, unit and source note (all in the figure) are on the image."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in filename)[:80] or "chart"
    return {
        "displaylogo": False,
        "displayModeBar": True,
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "sendDataToCloud"],
        "toImageButtonOptions": {
            "format": fmt if fmt in ("png", "svg") else "png",
            "filename": safe,
            "height": height,
            "width": width,
            "scale": 2 if fmt == "png" else 1,
        },
    }


def frame(*, title: str, note: str, height: int) -> dict:
    """Layout of title and source note (as its subtitle) top left, legend under the plot: all
    drawn by plotly, so they are on a downloaded PNG or SVG too. Charts merge it into theirs."""
    return {
        "title": {
            "text": plain(title),
            "x": 0,
            "xanchor": "left",
            "y": 0.97,
            "yanchor": "top",
            "yref": "container",
            "subtitle": {"text": plain(note), "font": {"size": 12, "color": "#555"}},
        },
        "height": height,
        "font": {"family": FONT, "size": 14},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "xanchor": "left"},
        "margin": {"l": 60, "r": 30, "t": 90, "b": 40},
        "hoverlabel": {"align": "left"},
    }
