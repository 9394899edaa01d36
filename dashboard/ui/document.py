"""The page document around Streamlit's elements: its language, caption contrast, the phone
layout, and names for scrollable boxes and charts.

Streamlit has no setting for ``<html lang>``, nor for a caption colour or an accessible name
on a chart, so each page adds one style block and one small script of ours (fixed text, no
data in it except the page's language and labels, JSON-encoded):

- ``<html lang>`` follows the view: ``zh-CN`` or ``en``;
- captions and quoted passages (blockquotes) in #55585f, fully opaque (7:1 on white, 6.3:1
  on the sidebar's grey; Streamlit's caption, text at 60% opacity, is 3.9:1);
- at phone width the overview's headline figures go two to a row;
- a box with key ``scroll_*`` (and the Sources full text) is reachable by keyboard
  (``tabindex=0``, role ``region`` and a name);
- in the Chinese view, Streamlit's own button labels (aria-label, title: "Copy to clipboard",
  "Fullscreen", "Help for …") are replaced by theirs from the catalogue (``st.*`` keys);
- a chart inside a container with key ``figure_*`` gets role ``figure`` and as its name the
  summary written under it;
- a link to one of the app's own pages from a table (a site's name, which Streamlit opens in
  a new tab: ``window.open`` from the data grid, ``target="_blank"`` in ``st.table``) opens in
  this tab as a page link does, through the browser history Streamlit follows; with Ctrl,
  Cmd or Shift, or the middle button, it still opens a new tab;
- such a link's cell in a grid's accessible table (which reads the address) is named by the
  text the grid shows, the site's name.

A MutationObserver keeps these as Streamlit redraws the page.
"""

from __future__ import annotations

import json

import streamlit as st

from dashboard.present.i18n import TEXTS, t
from dashboard.ui.registry import REGISTRY

STYLE = """<style>
[data-testid="stCaptionContainer"] { opacity: 1; color: #55585f; }
[data-testid="stMarkdownContainer"] blockquote, [data-testid="stMarkdownContainer"] blockquote p {
  opacity: 1; color: #55585f;
}
@media (max-width: 640px) {
  [class*="st-key-figures_"] [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
  [class*="st-key-figures_"] [data-testid="stColumn"] {
    flex: 0 0 calc(50% - 0.5rem) !important;
    min-width: calc(50% - 0.5rem) !important;
    width: calc(50% - 0.5rem) !important;
  }
}
.st-key-page_document { display: none; }
</style>"""

SCRIPT = r"""<script>
(() => {
  const setting = %s;
  window.__pageDocument = setting;
  const inApp = (href) => {
    let url;
    try { url = new URL(String(href), document.baseURI); } catch (e) { return null; }
    if (url.origin !== location.origin) return null;
    const path = url.pathname.replace(/\/+$/, "");
    return window.__pageDocument.pages.some((p) => path.endsWith("/" + p)) ? url : null;
  };
  // A grid's accessible table reads a link cell as its address: name it by what it shows.
  const nameLinks = (grid) => {
    grid.querySelectorAll('td[role="gridcell"]').forEach((cell) => {
      const text = cell.textContent;
      const hash = text.indexOf("#");
      let name = null;
      if (hash > 0 && inApp(text.slice(0, hash))) {
        try { name = decodeURIComponent(text.slice(hash + 1).replaceAll("+", "%%20")); }
        catch (e) { name = null; }
      }
      if (name) {
        if (cell.getAttribute("aria-label") !== name) cell.setAttribute("aria-label", name);
      } else if (cell.hasAttribute("aria-label")) {
        cell.removeAttribute("aria-label");
      }
    });
  };
  const apply = () => {
    const s = window.__pageDocument;
    const root = document.documentElement;
    if (root.lang !== s.lang) root.lang = s.lang;
    document.querySelectorAll('[class*="st-key-scroll_"], .st-key-source_text').forEach((box) => {
      if (box.getAttribute("tabindex") !== "0") box.setAttribute("tabindex", "0");
      if (box.getAttribute("role") !== "region") box.setAttribute("role", "region");
      const label = s.scroll;
      if (box.getAttribute("aria-label") !== label) box.setAttribute("aria-label", label);
    });
    document.querySelectorAll("[aria-label], [title]").forEach((el) => {
      for (const attr of ["aria-label", "title"]) {
        const value = el.getAttribute(attr);
        if (!value) continue;
        let word = s.words[value];
        if (!word && value.startsWith("Help for ") && s.help) {
          word = s.help.replace("{label}", value.slice(9));
        }
        if (word && word !== value) el.setAttribute(attr, word);
      }
    });
    document.querySelectorAll('[data-testid="stDataFrame"] table[role="grid"]').forEach((grid) => {
      if (!grid.__names) {
        grid.__names = new MutationObserver(() => nameLinks(grid));
        grid.__names.observe(grid, { subtree: true, childList: true, characterData: true });
      }
      nameLinks(grid);
    });
    document.querySelectorAll('[class*="st-key-figure_"]').forEach((box) => {
      const chart = box.querySelector('[data-testid="stPlotlyChart"]');
      const text = box.querySelector('[data-testid="stCaptionContainer"]');
      if (!chart || !text) return;
      const label = text.textContent.trim();
      if (chart.getAttribute("role") !== "figure") chart.setAttribute("role", "figure");
      if (chart.getAttribute("aria-label") !== label) chart.setAttribute("aria-label", label);
    });
  };
  if (!window.__inAppLinks) {
    window.__inAppLinks = true;
    const newTab = (e) => !!e && (e.ctrlKey || e.metaKey || e.shiftKey || e.button === 1);
    const go = (url) => {
      history.pushState(null, "", url.pathname + url.search);
      window.dispatchEvent(new PopStateEvent("popstate"));
    };
    const open = window.open;
    window.open = function (href, ...rest) {
      const url = href ? inApp(href) : null;
      if (url && !newTab(window.event)) { go(url); return null; }
      return open.call(window, href, ...rest);
    };
    document.addEventListener("click", (e) => {
      const link = e.target instanceof Element ? e.target.closest('a[target="_blank"]') : null;
      const url = link ? inApp(link.href) : null;
      if (!url || e.defaultPrevented || e.button !== 0 || newTab(e) || e.altKey) return;
      e.preventDefault();
      go(url);
    });
  }
  if (!window.__pageObserver) {
    let queued = false;
    window.__pageObserver = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; apply(); });
    });
    window.__pageObserver.observe(document.body, { subtree: true, childList: true });
  }
  apply();
})();
</script>"""


def document(lang: str) -> None:
    """The style and script above, for a page in ``lang`` (``zh`` or ``en``)."""
    st.html(STYLE)
    words = {
        key.removeprefix("st."): t(key, lang)
        for key in TEXTS
        if key.startswith("st.") and key != "st.Help for"
    }
    setting = {
        "lang": t("access.lang", lang),
        "scroll": t("access.scroll_box", lang, label=t("sources.text", lang)),
        "words": words if lang == "zh" else {},
        "help": t("st.Help for", lang) if lang == "zh" else "",
        "pages": [spec.url_path for spec in REGISTRY],
    }
    setting_json = json.dumps(setting, ensure_ascii=False).replace("</", "<\\/")
    with st.container(key="page_document"):
        st.html(SCRIPT % setting_json, unsafe_allow_javascript=True)
