"""The frame around every page: the page registry, the view read from and written to the URL,
the sidebar (language, numbers, presentation mode, copy link, data problems) and the widget
helpers that keep widgets and the view in step.

How the view travels: on a session's first run (or when the URL's parameters are not the ones
this session last wrote, e.g. a link followed inside the app) the query parameters are parsed
into a :class:`~dashboard.present.view.View`; otherwise the view kept in session state is used
(Streamlit clears the parameters on a page switch). Widgets are seeded from the view and copy
their value back through ``on_change``. At the end of a page, :func:`finish` writes the page's
parameters back to the URL and shows the link.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard.present import health
from dashboard.present.i18n import lang_from_locale, t
from dashboard.present.rows import measures_for, metric_counts
from dashboard.present.view import Ignored, Options, View, parse_view, to_params
from dashboard.ui.data import Loaded, current_version, load
from dashboard.ui.markdown import escape


@dataclass(frozen=True)
class PageSpec:
    """One page: its script, URL path, title (i18n key), icon and the parameters it uses."""

    key: str
    file: str
    url_path: str
    title: str
    icon: str
    params: tuple[str, ...]
    default: bool = False


COMMON = ("lang", "unit", "present")
REGISTRY: tuple[PageSpec, ...] = (
    PageSpec(
        "overview",
        "app_pages/overview.py",
        "overview",
        "nav.overview",
        ":material/dashboard:",
        (*COMMON, "region"),
        default=True,
    ),
    PageSpec(
        "trends",
        "app_pages/trends.py",
        "trends",
        "nav.trends",
        ":material/show_chart:",
        (*COMMON, "region", "sites", "metric", "measure", "status"),
    ),
    PageSpec(
        "rankings",
        "app_pages/rankings.py",
        "rankings",
        "nav.rankings",
        ":material/leaderboard:",
        (*COMMON, "region", "metric", "measure", "period", "status"),
    ),
    PageSpec(
        "map",
        "app_pages/map.py",
        "map",
        "nav.map",
        ":material/map:",
        (*COMMON, "region", "metric", "sites", "status"),
    ),
    PageSpec(
        "claims",
        "app_pages/claims.py",
        "claims",
        "nav.claims",
        ":material/table_rows:",
        (*COMMON, "region", "sites", "metric", "status", "source", "q", "claim"),
    ),
    PageSpec(
        "sources",
        "app_pages/sources.py",
        "sources",
        "nav.sources",
        ":material/article:",
        (*COMMON, "source", "claim"),
    ),
    PageSpec(
        "health",
        "app_pages/health.py",
        "health",
        "nav.health",
        ":material/monitor_heart:",
        COMMON,
    ),
)
SPECS = {spec.key: spec for spec in REGISTRY}
VIEW, WRITTEN, NOTICES, PAGES = "view", "_written_params", "_link_notices", "_pages"
DATA_VERSION, RUN_DATA, LABELS = "_data_version", "_run_data", "_labels"
RELOAD_SECONDS = 1.0  # how often an open page checks the data folder for saved edits
IMAGE_FORMAT = "image_format"
LABEL_RUNS = 16  # labellings of a widget's options remembered (see widget_value)


@dataclass
class Page:
    """What a page script works with: the data, the view, and where notices go."""

    spec: PageSpec
    data: Loaded
    lang: str = "en"  # fixed for the run, so format functions work outside it (AppTest)
    notices: list[Ignored] = field(default_factory=list)
    notice_box: Any = None

    @property
    def view(self) -> View:
        return st.session_state[VIEW]

    @property
    def present(self) -> bool:
        return self.view.present

    def t(self, key: str, **values: Any) -> str:
        return t(key, self.lang, **values)

    def update(self, **changes: Any) -> None:
        """Change the view (from a widget or a click)."""
        set_view(**changes)


def set_view(**changes: Any) -> None:
    """Apply changes to the session's view; link notices are done with once the user acts.

    Not during a watcher tick: it carries the widget values the browser had when the tick
    fired, which may predate the run that drew the page (a link just opened, a page just
    switched), and a callback applying them would undo the link. No widget lives in the
    fragment, so a reader's change always comes in a full run.
    """
    if _watcher_tick():
        return
    st.session_state[VIEW] = st.session_state[VIEW].with_(**changes)
    st.session_state[NOTICES] = []


def _options(data: Loaded) -> Options:
    ds = data.dataset
    return Options(
        regions=set(ds.regions),
        sites=set(ds.sites),
        metrics=set(ds.metrics),
        sources=set(ds.sources),
        claims=set(data.table["claim_id"].astype(str)),
    )


def _current_params() -> dict[str, str]:
    return {key: st.query_params.get(key, "") for key in st.query_params}


def start() -> Loaded:
    """Load the data and settle the view for this run (call once, in app.py)."""
    data = load()
    params = _current_params()
    fresh = VIEW not in st.session_state
    followed = bool(params) and params != st.session_state.get(WRITTEN)
    if fresh or followed:
        parsed = parse_view({k: [v] for k, v in params.items()}, _options(data))
        view = parsed.view
        st.session_state[NOTICES] = parsed.ignored
    else:
        view = st.session_state[VIEW]
    if view.lang is None:
        view = view.with_(lang=lang_from_locale(st.context.locale))
    st.session_state[VIEW] = view
    st.session_state[DATA_VERSION] = data.version
    st.session_state[RUN_DATA] = data  # the page draws this snapshot, not a newer one
    _watch()
    return data


def _watcher_tick() -> bool:
    """True while Streamlit runs only the data watcher's fragment, not the page."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


@st.fragment(run_every=RELOAD_SECONDS)
def _watch() -> None:
    """Rerun the page when a data file was saved: a stat per file each second, no click.

    Only the fragment's own runs look. Called inline, it runs before ``st.navigation`` has
    chosen the page, and an ``st.rerun()`` there reruns the default page: a shared link
    opened just as a file was saved would land on the overview. An edit saved during the
    full run is caught by the next tick instead.
    """
    if not _watcher_tick():
        return
    if current_version() != st.session_state.get(DATA_VERSION):
        st.rerun()


def pages(lang: str) -> list[st.Page]:
    """The st.Page objects of the registry, titled in ``lang``; kept for page links."""
    built = {
        spec.key: st.Page(
            spec.file,
            title=t(spec.title, lang),
            # No page icon: Streamlit would use it as the favicon and fetch it from Google Fonts.
            url_path=spec.url_path,
            default=spec.default,
        )
        for spec in REGISTRY
    }
    st.session_state[PAGES] = built
    return list(built.values())


def page(key: str) -> Page:
    """The context of page ``key``: call first in a page script."""
    spec = SPECS[key]
    data = st.session_state.get(RUN_DATA) or load()
    current = Page(spec, data, st.session_state[VIEW].lang or "en")
    current.notice_box = st.container()
    _banner(current)
    return current


def _banner(current: Page) -> None:
    """Above the page: each file served from its last good version, where it fails, since when."""
    keys = {"pending": "banner.pending", "missing": "banner.missing"}
    for line in health.banner_lines(current.data.degraded):
        text = current.t(keys.get(line["status"], "banner.last_good"), **line)
        st.warning(escape(text), icon=":material/history:")


def page_link(current: Page, key: str, label: str, **changes: Any) -> None:
    """A link to page ``key`` showing the current view with ``changes``."""
    target = st.session_state.get(PAGES, {}).get(key)
    if target is None:
        return
    params = to_params(current.view.with_(**changes), SPECS[key].params)
    st.page_link(target, label=label, query_params=params, icon=SPECS[key].icon)


# --- the sidebar -------------------------------------------------------------------------

PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] {display: none !important;}
.block-container, [data-testid="stMainBlockContainer"] {padding-top: 1.5rem; max-width: 100%;}
h1 {font-size: 2.6rem !important;}
</style>"""


def sidebar() -> None:
    """Language, numbers and presentation mode; in presentation mode, only an exit button."""
    view: View = st.session_state[VIEW]
    lang = view.lang or "en"
    if view.present:
        st.html(PRESENT_CSS)  # static CSS, no data
        st.button(
            t("present.exit", lang),
            key="w_present_exit",
            icon=":material/close:",
            on_click=set_view,
            kwargs={"present": False},
        )
        return
    with st.sidebar:
        seed("w_lang", lang)
        st.segmented_control(
            t("sidebar.language", lang),
            ["zh", "en"],
            key="w_lang",
            format_func=lambda v: {"zh": "中文", "en": "English"}[v],
            on_change=_copy,
            args=("w_lang", "lang", _keep_lang),
        )
        seed("w_unit", view.unit)
        st.radio(
            t("sidebar.unit", lang),
            ["std", "printed"],
            key="w_unit",
            horizontal=False,
            format_func=lambda v: t(f"unit.{v}", lang),
            on_change=_copy,
            args=("w_unit", "unit", None),
        )
        seed("w_present", view.present)
        st.toggle(
            t("sidebar.present", lang),
            key="w_present",
            help=t("sidebar.present_help", lang),
            on_change=_copy,
            args=("w_present", "present", bool),
        )
        if IMAGE_FORMAT not in st.session_state:
            st.session_state[IMAGE_FORMAT] = "png"
        st.segmented_control(
            t("sidebar.image_format", lang),
            ["png", "svg"],
            key=IMAGE_FORMAT,
            format_func=str.upper,
            help=t("sidebar.image_help", lang),
        )


def image_format() -> str:
    """The format the charts' camera button downloads (png unless the reader chose svg)."""
    return st.session_state.get(IMAGE_FORMAT) or "png"


def _keep_lang(value: Any) -> str:
    return value if value in ("zh", "en") else st.session_state[VIEW].lang


def finish(current: Page) -> None:
    """Write the page's view to the URL, show the link, the notices and the data problems."""
    view = current.view
    params = to_params(view, current.spec.params)
    if _current_params() != params:
        st.query_params.from_dict(params)
    st.session_state[WRITTEN] = params
    notices = [*st.session_state.get(NOTICES, []), *current.notices]
    if notices and current.notice_box is not None:
        lines = [current.t("ignored.title")]
        for item in notices:
            lines.append(
                "- "
                + escape(
                    current.t(
                        f"ignored.{item.reason}",
                        param=item.param,
                        value=item.value[:60],
                        replacement=item.replacement or "",
                    )
                )
            )
        current.notice_box.warning("\n".join(lines), icon=":material/link_off:")
    if view.present:
        return
    with st.sidebar:
        st.divider()
        st.markdown(f"**{current.t('sidebar.copy_link')}**")
        base = st.context.url or f"/{current.spec.url_path}"
        link = f"{base}?{urlencode(params, safe=',')}" if params else base
        st.code(link, language=None, wrap_lines=True)
        st.caption(current.t("sidebar.copy_help"))
        _problems(current)


def _problems(current: Page) -> None:
    data = current.data
    problems = data.problems
    if data.error:
        st.error(escape(data.error))
    if not problems:
        st.caption(current.t("problems.none"))
        return
    with st.expander(current.t("problems.title", n=len(problems)), icon=":material/warning:"):
        st.caption(current.t("problems.help"))
        st.dataframe(
            [
                {
                    "file": p.file,
                    "line": p.line,
                    "col": p.col,
                    "code": p.code,
                    "message": p.message,
                    "hint": p.hint or "",
                }
                for p in problems
            ],
            hide_index=True,
            key="problems_table",
        )


# --- widgets bound to the view ---------------------------------------------------------------


def seed(
    key: str,
    value: Any,
    options: Sequence[Any] | None = None,
    fmt: Callable[[Any], Any] | None = None,
) -> None:
    """Give widget ``key`` the view's value before it is drawn (never after).

    Given the widget's options and format: note their labels (see :func:`widget_value`),
    and when a saved edit changed them, set the value again, so that the browser shows the
    chosen options under their new labels rather than keeping the old ones on screen.
    """
    relabelled = options is not None and fmt is not None and _remember_labels(key, options, fmt)
    if relabelled or st.session_state.get(key) != value:
        st.session_state[key] = value


def _remember_labels(key: str, options: Sequence[Any], fmt: Callable[[Any], Any]) -> bool:
    """Note how widget ``key`` labels its options in this run; the last :data:`LABEL_RUNS`
    different labellings are kept. True when the labels changed since the last run."""
    labels = {str(fmt(o)): o for o in options}
    kept: list[dict[str, Any]] = st.session_state.setdefault(LABELS, {}).get(key, [])
    if kept and kept[0] == labels:
        return False
    st.session_state[LABELS][key] = [labels, *kept][:LABEL_RUNS]
    return bool(kept)


def widget_value(key: str) -> Any:
    """The option(s) chosen in widget ``key``.

    The browser reports a choice by its label. When a saved edit changed the labels (a site
    renamed, a count of figures changed) and the page was redrawn by a reload the browser
    had not shown yet, the reader's pick arrives with a label of an earlier run: Streamlit
    hands that label over as the value, and it is read here by the earlier labellings.
    """
    value = st.session_state.get(key)
    runs: list[dict[str, Any]] = st.session_state.get(LABELS, {}).get(key, [])
    known = set(runs[0].values()) if runs else set()

    def option(v: Any) -> Any:
        if not isinstance(v, str) or v in known:
            return v
        return next((labels[v] for labels in runs if v in labels), v)

    return [option(v) for v in value] if isinstance(value, list) else option(value)


def _copy(key: str, field_name: str, convert: Callable[[Any], Any] | None) -> None:
    value = widget_value(key)
    set_view(**{field_name: convert(value) if convert else value})


def _none_if_empty(value: Any) -> Any:
    return value or None


def unique_labels(fmt: Callable[[str], str], options: Sequence[str]) -> Callable[[str], str]:
    """``fmt`` made one-to-one over ``options``: a label two options share gets the id added.

    Streamlit's widgets report the chosen label, so two options with one label would be
    confused (an "all of China" choice and the region named China, say).
    """
    labels = {option: str(fmt(option)) for option in options}
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    table = {o: (f"{label} [{o}]" if seen[label] > 1 else label) for o, label in labels.items()}
    return lambda option: table.get(option, str(option))


def choose_one(
    current: Page,
    field_name: str,
    label: str,
    options: Sequence[str],
    *,
    key: str,
    fmt: Callable[[str], str],
    default: str | None = None,
    allow_none: bool = False,
    container: Any = None,
) -> str | None:
    """A selectbox bound to ``view.<field_name>``. ``""`` in ``options`` stands for "none".

    A view value not among the options (e.g. a metric with no figures) falls back to
    ``default`` (or the first option) and is reported on the page.
    """
    value = getattr(current.view, field_name)
    choices = list(options)
    fallback = default if default in choices else (choices[0] if choices else None)
    shown = value if value is not None else ("" if allow_none else fallback)
    if shown not in choices:
        if value is not None:
            current.notices.append(
                Ignored(
                    field_name,
                    str(value),
                    "unavailable",
                    str(fmt(fallback) if fallback is not None else "-"),
                )
            )
        shown = fallback
    resolved = None if shown in ("", None) else shown
    if resolved != value:
        st.session_state[VIEW] = current.view.with_(**{field_name: resolved})
    if not current.present and choices:
        seed(key, shown, choices, fmt)
        (container or st).selectbox(
            label,
            choices,
            key=key,
            format_func=fmt,
            on_change=_copy,
            args=(key, field_name, _none_if_empty),
        )
    return resolved


def choose_many(
    current: Page,
    field_name: str,
    label: str,
    options: Sequence[str],
    *,
    key: str,
    fmt: Callable[[str], str],
    placeholder: str | None = None,
    container: Any = None,
    ordered: Sequence[str] | None = None,
) -> tuple[str, ...]:
    """A multiselect bound to ``view.<field_name>`` (a tuple; empty means "all")."""
    value: tuple[str, ...] = getattr(current.view, field_name)
    choices = list(options)
    kept = tuple(v for v in value if v in choices)
    for missing in (v for v in value if v not in choices):
        current.notices.append(Ignored(field_name, missing, "unavailable", placeholder or "-"))
    if kept != value:
        st.session_state[VIEW] = current.view.with_(**{field_name: kept})

    def convert(selected: Any) -> tuple[str, ...]:
        chosen = list(selected or [])
        if ordered is not None:
            return tuple(v for v in ordered if v in chosen)
        return tuple(chosen)

    if not current.present and choices:
        seed(key, list(kept), choices, fmt)
        (container or st).multiselect(
            label,
            choices,
            key=key,
            format_func=fmt,
            placeholder=placeholder or "",
            on_change=_copy,
            args=(key, field_name, convert),
        )
    return kept


def text_filter(current: Page, label: str, *, key: str, container: Any = None) -> str:
    """A text input bound to ``view.q``."""
    value = current.view.q
    if not current.present:
        seed(key, value)
        (container or st).text_input(
            label,
            key=key,
            max_chars=200,
            on_change=_copy,
            args=(key, "q", lambda v: (v or "").strip()),
        )
    return value


def metric_measure_region(
    current: Page, table: Any, names: Any, prefix: str, default_metric: str | None = None
) -> tuple[str | None, str | None, Any, str | None]:
    """The metric, measure and region selectors shared by trends and rankings, in one row.

    Returns ``(metric, measure, rows of that metric and measure, region)``.
    """
    counts = current.data.memo("metric_counts", lambda: dict(metric_counts(table)))
    top = st.columns([4, 2, 3]) if not current.present else [None] * 3
    metric = choose_one(
        current,
        "metric",
        current.t("filter.metric"),
        list(counts),
        key=f"w_{prefix}_metric",
        default=default_metric,
        fmt=lambda m: f"{names.metric(m)} ({counts.get(m, 0)})",
        container=top[0],
    )
    measure = choose_one(
        current,
        "measure",
        current.t("filter.measure"),
        current.data.memo(
            f"measures:{metric}",
            lambda: measures_for(current.data.rows_of(metric, None), metric),
        ),
        key=f"w_{prefix}_measure",
        fmt=lambda m: current.t(f"measure.{m}"),
        container=top[1],
    )
    of_metric = current.data.rows_of(metric, measure)
    region = choose_one(
        current,
        "region",
        current.t("filter.region"),
        [
            "",
            *current.data.memo(f"regions:{metric}:{measure}", lambda: names.regions_in(of_metric)),
        ],
        key=f"w_{prefix}_region",
        allow_none=True,
        container=top[2],
        fmt=lambda r: names.region(r) if r else current.t("filter.region_all"),
    )
    return metric, measure, of_metric, region
