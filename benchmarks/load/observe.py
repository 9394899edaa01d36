"""What a session sees: one look at a page, and the record of what the session saw and timed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from benchmarks.load.edits import EDITED, RENAMED
from benchmarks.server import BASE_PATH_PROBE

TIMEOUT = 30.0  # seconds for a page to become complete after an action

# One look at a page, read at once (the page cannot change in between). Text is read node by
# node, one per line, so a name never runs into the next figure; banners are left out (one
# may quote the broken line).
SNAPSHOT_JS = r"""(names) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const main = document.querySelector('[data-testid="stMain"]');
  const all = (root, sel) => root ? [...root.querySelectorAll(sel)] : [];
  const banner = '[data-testid^="stAlertContent"]';
  const text = (roots) => roots.map(root => {
    const out = [];
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      if (!node.parentElement.closest(banner)) out.push(node.nodeValue);
    }
    return out.join('\n');
  }).join('\n');
  const patterns = names.map(n =>
    new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ' v(\\d+)', 'g'));
  const marks = (s) => patterns.flatMap(p => [...s.matchAll(p)].map(m => Number(m[1])));
  // A chart wraps a long name over two lines (two text nodes): read its words run together.
  const squeezed = names.map(n =>
    new RegExp(n.replace(/\s+/g, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + 'v(\\d+)', 'g'));
  const runTogether = (s) => squeezed.flatMap(
    p => [...s.replace(/\s+/g, '').matchAll(p)].map(m => Number(m[1])));
  const inputs = all(main, 'input').map(e => e.value).join('\n');
  // A grid's link cell holds its address as text; what it shows (a site's name) is its label.
  const labels = (roots) => roots.flatMap(root => all(root, '[role="gridcell"][aria-label]'))
    .map(e => e.getAttribute('aria-label')).join('\n');
  const charts = all(main, '[data-testid="stPlotlyChart"]')
    .filter(e => e.querySelector('.main-svg'));
  const widgets = '[data-testid="stMultiSelect"], [data-testid="stSelectbox"], h2';
  return {
    idle: !!app && app.getAttribute('data-test-script-state') === 'notRunning',
    skeleton: !!document.querySelector('[data-testid="stSkeleton"]'),
    h1: all(main, 'h1').map(e => e.textContent.trim()),
    versions: marks(text(main ? [main] : []) + '\n' + labels(main ? [main] : []) + '\n' + inputs),
    widgets: marks(text(all(main, widgets)) + '\n' + inputs),
    charts: runTogether(text(charts)),
    tables: marks(text(all(main, '[data-testid="stDataFrame"]'))
                  + '\n' + labels(all(main, '[data-testid="stDataFrame"]'))),
    drawn: charts.length,
    decks: all(main, '[data-testid="stDeckGlJsonChart"] canvas').length,
    exceptions: document.querySelectorAll('[data-testid="stException"]').length,
    alerts: all(main, '[data-testid="stAlertContentWarning"]').map(e => e.textContent),
    url: location.href,
  };
}"""


@dataclass
class Look:
    """One look at a page, reduced to what is checked."""

    idle: bool
    skeleton: bool
    h1: list[str]
    versions: list[int]  # of every renamed-site name on the page
    parts: dict[str, list[int]]  # the same by where they show: widgets, charts, tables
    drawn: int  # plotly charts drawn
    decks: int  # map canvases
    exceptions: int
    banners: list[str]  # the banners naming the edited file
    path: str
    query: dict[str, str]

    @classmethod
    def of(cls, raw: dict) -> Look:
        split = urlsplit(raw["url"])
        return cls(
            idle=raw["idle"],
            skeleton=raw["skeleton"],
            h1=raw["h1"],
            versions=raw["versions"],
            parts={name: raw[name] for name in ("widgets", "charts", "tables")},
            drawn=raw["drawn"],
            decks=raw["decks"],
            exceptions=raw["exceptions"],
            banners=[a for a in raw["alerts"] if EDITED in a],
            path=split.path,
            query={k: v[-1] for k, v in parse_qs(split.query).items()},
        )

    @property
    def done(self) -> bool:
        """The script finished and no widget is still loading."""
        return self.idle and not self.skeleton


@dataclass
class Session:
    """One browser context and what it saw."""

    number: int
    lang: str
    timeout: float = TIMEOUT  # seconds for a page to become complete after an action
    base: str = ""
    page: object = None
    doing: str | None = None  # the step in progress
    timings: list[tuple[str, str, float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    mixed: list[str] = field(default_factory=list)
    transient: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    back: list[str] = field(default_factory=list)
    never_valid: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    banners: Counter = field(default_factory=Counter)
    seen: set[int] = field(default_factory=set)
    last: int = -1
    retries: int = 0
    shots: int = 0
    console: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [zh if self.lang == "zh" else en for zh, en in RENAMED.values()]

    def browser_errors(self) -> list[str]:
        """Console and page errors, failed responses, dialogs and outside requests, less the
        404s of Streamlit's base-path probe on deep links (see benchmarks/server.py)."""
        probes = {
            url
            for status, url in self.failed
            if status == 404 and BASE_PATH_PROBE.match(urlsplit(url).path)
        }
        out = [f"console: {text} ({where})" for text, where in self.console if where not in probes]
        out += [f"response {status}: {url}" for status, url in self.failed if url not in probes]
        out += [f"page error: {text}" for text in self.page_errors]
        out += [f"dialog: {text}" for text in self.dialogs]
        out += [f"outside request: {url}" for url in self.outside]
        return [f"session {self.number} {line}" for line in out]
