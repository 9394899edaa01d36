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


# Text sizes in px: on the page, and in presentation mode (1280×720 and up), where every text
# of the figure is at least 16 px.
SIZES = {
    False: {"base": 13, "title": 18, "subtitle": 13, "label": 12, "footer": 12, "tick": 13},
    True: {"base": 18, "title": 26, "subtitle": 18, "label": 17, "footer": 16, "tick": 18},
}
# The most a title line takes (px), so the toolbar at the top right never covers it.
TITLE_WIDTH = {False: 680, True: 900}
# The width a downloaded image has (image_config), and the one the layout is estimated for.
WIDTH = 1100


def sizes(present: bool) -> dict[str, int]:
    """Text sizes (px) by role: base, title, subtitle, label, footer, tick."""
    return SIZES[bool(present)]


def _wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80  # CJK and full-width forms take about a square each


def text_width(text: str, size: float) -> float:
    """An estimate of the width (px) ``text`` takes at font ``size``: a CJK character is about
    as wide as the font is high, a Latin one about 0.58 of it."""
    return sum(size if _wide(ch) else size * 0.58 for ch in str(text))


def wrap_px(text: str, size: float, width: float) -> list[str]:
    """``text`` cut into lines no wider than ``width`` px at ``size``: between words in Latin
    script, between any two characters in Chinese."""
    lines: list[str] = []
    current = ""
    token = ""

    def push(piece: str) -> None:
        nonlocal current
        if current and text_width(current + piece, size) > width:
            lines.append(current.rstrip())
            current = piece.lstrip()
        else:
            current += piece

    for ch in str(text):
        if _wide(ch):
            if token:
                push(token)
                token = ""
            push(ch)
        elif ch == " ":
            push(token + " ")
            token = ""
        else:
            token += ch
    if token:
        push(token)
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""]


def short_label(text: str, size: float, width: float, max_lines: int = 2) -> str:
    """A category label (a site's name) in at most ``max_lines`` lines of ``width`` px, cut
    with … beyond; escaped, joined with ``<br>``. Long names then take no more than their
    share of a chart's width."""
    lines = wrap_px(text, size, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip()[:-1] + "…"
    return "<br>".join(plain(line) for line in lines)


def with_unit(title: str, unit: str, lang: str) -> str:
    """``title (unit)``; in Chinese with full-width brackets: 注册企业数（家）."""
    if not unit:
        return title
    return f"{title}（{unit}）" if lang == "zh" else f"{title} ({unit})"


def legend_rows(labels: list[str], size: float, width: float) -> int:
    """How many rows a horizontal legend of ``labels`` takes in ``width`` px."""
    if not labels:
        return 0
    rows, used = 1, 0.0
    for label in labels:
        item = text_width(label, size) + 50  # the symbol and the gap after each entry
        if used and used + item > width:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def frame(
    *,
    title: str,
    note: str,
    height: int,
    notes: list[str] | tuple[str, ...] = (),
    subtitle: str = "",
    legend: list[str] | tuple[str, ...] = (),
    present: bool = False,
    width: int = WIDTH,
    left: int = 70,
) -> dict:
    """Layout of a chart's words, all drawn by plotly so they are on a downloaded PNG or SVG
    and scale in presentation mode (as Our World in Data's Grapher lays them out):

    - the title top left (what, where, when, unit), wrapped to the width, and under it the
      subtitle (``subtitle``, e.g. what a unit's symbol means);
    - the legend (entries ``legend``) between subtitle and plot, never over axes or title;
    - under the x axis, each of ``notes`` (the caveats the page shows) and the source ``note``.

    Margins are worked out from the estimated size of each, for ``width`` px.
    """
    size = sizes(present)
    inner = width - 40
    # The title leaves the top right to the toolbar, on a page narrower than the image.
    # In a column narrower than the image (``width``), the toolbar takes the last ~240 px.
    title_lines = wrap_px(title, size["title"], min(TITLE_WIDTH[present], width - 240))
    sub_lines = wrap_px(subtitle, size["subtitle"], inner) if subtitle else []
    rows = legend_rows(list(legend), size["base"], width - left - 30)
    top = (
        14
        + len(title_lines) * size["title"] * 1.3
        + len(sub_lines) * size["subtitle"] * 1.8
        + rows * size["base"] * 2.4
        + 20
    )
    footer = [
        line
        for text in (*notes, note)
        if text
        for line in wrap_px(text, size["footer"], width - left - 40)
    ]
    axis = size["tick"] * 1.5 + size["base"] * 1.6 + 16  # ticks and the x axis title
    bottom = axis + len(footer) * size["footer"] * 1.4 + 10
    layout: dict = {
        "title": {
            "text": "<br>".join(plain(line) for line in title_lines),
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "pad": {"l": 14},
            "y": 1 - 12 / height,
            "yanchor": "top",
            "yref": "container",
            "font": {"size": size["title"]},
            "subtitle": {
                "text": "<br>".join(plain(line) for line in sub_lines),
                "font": {"size": size["subtitle"], "color": "#555"},
            },
        },
        "height": height,
        "font": {"family": FONT, "size": size["base"]},
        "legend": {
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 1.0,
            "yanchor": "bottom",
            "yref": "paper",
            "font": {"size": size["base"]},
            "itemsizing": "constant",
        },
        "margin": {"l": left, "r": 30, "t": round(top), "b": round(bottom)},
        "hoverlabel": {"align": "left", "font": {"size": size["base"]}},
        "annotations": [],
    }
    if footer:
        layout["annotations"].append(
            {
                "text": "<br>".join(plain(line) for line in footer),
                "x": 0,
                "xref": "paper",
                "xanchor": "left",
                "y": 0,
                "yref": "paper",
                "yanchor": "top",
                "yshift": -round(axis),
                "align": "left",
                "showarrow": False,
                "font": {"size": size["footer"], "color": "#555"},
                "name": "footer",
            }
        )
    return layout


def axis_fonts(present: bool) -> dict:
    """Tick and axis-title fonts for an axis, scaled with the chart."""
    size = sizes(present)
    return {"tickfont": {"size": size["tick"]}}
