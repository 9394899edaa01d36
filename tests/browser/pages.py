"""What the page-walking browser tests share: the pages, opening one until it is fully drawn,
and reading the texts a page writes for its reader."""

from __future__ import annotations

PAGES = (
    "/",
    "/trends",
    "/rankings",
    "/map",
    "/claims",
    "/sources",
    "/health",
    "/site?id=tiankai_park",
)
LOCALES = {"zh": "zh-CN", "en": "en-US"}


def with_lang(path: str, lang: str) -> str:
    """``path`` with ``lang=`` among its parameters."""
    return f"{path}{'&' if '?' in path else '?'}lang={lang}"


# Drawn: our script has set <html lang>, every plotly chart has its SVG and its accessible name,
# the Sources full text box is reachable by keyboard, and every table has its headers (the
# grid's accessible table, built a moment after the canvas).
DRAWN = """(lang) => document.documentElement.lang === lang
  && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
       .every((c) => c.querySelector('.main-svg') && c.getAttribute('aria-label'))
  && [...document.querySelectorAll('.st-key-source_text')]
       .every((b) => b.getAttribute('tabindex') === '0')
  && [...document.querySelectorAll('[data-testid="stDataFrame"]')]
       .every((d) => d.querySelector('th, [role="columnheader"]'))"""

# The texts the app writes as interface (not data): headings, widget labels, buttons, table
# headers, placeholders, accessible names and tooltips, captions; material icons (ligature
# names such as "download") are left out.
UI_TEXTS = """() => {
  const own = (el) => {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const parts = [];
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.parentElement.closest('[data-testid="stIconMaterial"]')) parts.push(n.nodeValue);
    }
    return parts.join(' ').replace(/\\s+/g, ' ').trim();
  };
  const all = (sel) => [...document.querySelectorAll(sel)];
  const out = {};
  const add = (kind, values) => { out[kind] = values.filter(Boolean); };
  add('heading', all('h1, h2, h3, h4').map(own));
  add('label', all('[data-testid="stWidgetLabel"]').map(own));
  add('button', all('button, a[data-testid="stPageLink-NavLink"], [data-testid="stSidebarNav"] a')
    .map(own));
  add('header', all('[data-testid="stDataFrame"] th, '
    + '[data-testid="stDataFrame"] [role="columnheader"]').map(own));
  add('placeholder', all('input[placeholder], textarea[placeholder]').map((e) => e.placeholder));
  add('choice', [...all('input[role="combobox"]').map((e) => e.value),
    ...all('[data-testid="stMultiSelectTagsContainer"]').map(own)]);
  add('name', all('[aria-label]').map((e) => e.getAttribute('aria-label')));
  add('tooltip', all('[title]').map((e) => e.getAttribute('title')));
  add('caption', all('[data-testid="stCaptionContainer"]').map(own));
  return out;
}"""
