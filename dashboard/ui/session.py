"""This session's view: settled from the link at the start of each run, read with :func:`view`,
changed only through :func:`set_view` (the reader acted) or :func:`fall_back` (the page shows
something else than the view names); :func:`_store` is the one place it is written.

How the view travels: on a session's first run (or when the URL's parameters are not the ones
this session last wrote, e.g. a link followed inside the app) the query parameters are parsed
into a :class:`~dashboard.present.view.View`; otherwise the view kept in session state is used
(Streamlit clears the parameters on a page switch). Widgets are seeded from the view and copy
their value back through ``on_change``. At the end of a page, :func:`write_link` puts the
page's parameters back in the URL.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard.present.i18n import lang_from_locale
from dashboard.present.view import Ignored, Options, View, parse_view
from dashboard.ui.data import Loaded, current_version, load

VIEW, WRITTEN, NOTICES = "view", "_written_params", "_link_notices"
PAGE, DEFAULTED = "_page", "_defaulted"  # the page drawn; view fields a page filled in itself
DATA_VERSION, RUN_DATA = "_data_version", "_run_data"
RELOAD_SECONDS = 1.0  # how often an open page checks the data folder for saved edits


def view() -> View:
    """The view this run shows: the one way to read it."""
    return st.session_state[VIEW]


def set_view(**changes: Any) -> None:
    """The reader changed the view (a widget, a click): apply ``changes``; the link's notices
    are done with once the reader acts.

    Not during a watcher tick: it carries the widget values the browser had when the tick
    fired, which may predate the run that drew the page (a link just opened, a page just
    switched), and a callback applying them would undo the link. No widget lives in the
    fragment, so a reader's change always comes in a full run.
    """
    if _watcher_tick():
        return
    _store(view().with_(**changes))
    st.session_state[NOTICES] = []
    defaulted = st.session_state.get(DEFAULTED, {})
    for name in changes:  # chosen now: it travels to the other pages
        defaulted.pop(name, None)


def fall_back(**changes: Any) -> None:
    """The page shows something else than the view names (a value it has no figures for, so
    a default): the view follows, so that the link says what is on screen. The reader did not
    act, so the link's notices stay; and the value is this page's default, so it stays on
    this page (see :func:`enter_page`)."""
    _store(view().with_(**changes))
    page = st.session_state.get(PAGE)
    defaulted = st.session_state.setdefault(DEFAULTED, {})
    for name in changes:
        defaulted[name] = page


def enter_page(key: str) -> None:
    """Page ``key`` is drawn: what another page filled in by itself (its default metric, its
    first article) is dropped, so that a page's defaults never become another page's hidden
    filters. What the reader chose, or a link named, stays."""
    st.session_state[PAGE] = key
    defaulted = st.session_state.get(DEFAULTED, {})
    others = [name for name, page in defaulted.items() if page != key]
    if others:
        blank = View()
        _store(view().with_(**{name: getattr(blank, name) for name in others}))
        for name in others:
            del defaulted[name]


def _store(new: View) -> None:
    """The one place the view is written."""
    st.session_state[VIEW] = new


def link_notices() -> list[Ignored]:
    """What the link that opened this view named but could not be used."""
    return st.session_state.get(NOTICES, [])


def _options(data: Loaded) -> Options:
    ds = data.dataset
    return Options(
        regions=set(ds.regions),
        sites=set(ds.sites),
        metrics=set(ds.metrics),
        former_metrics={
            old: metric_id for metric_id, item in ds.metrics.items() for old in item.record.replaces
        },
        variants={v.id for item in ds.metrics.values() for v in item.record.variants},
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
        # Once per snapshot: the set of 100,000 claim ids alone took 0.2 s per page switch.
        options = data.memo("view.options", lambda: _options(data))
        parsed = parse_view({k: [v] for k, v in params.items()}, options)
        settled = parsed.view
        st.session_state[NOTICES] = parsed.ignored
        st.session_state[DEFAULTED] = {}  # what a link names was chosen
    else:
        settled = view()
    if settled.lang is None:
        settled = settled.with_(lang=lang_from_locale(st.context.locale))
    _store(settled)
    st.session_state[DATA_VERSION] = data.version
    st.session_state[RUN_DATA] = data  # the page draws this snapshot, not a newer one
    _watch()
    return data


def run_data() -> Loaded:
    """The data snapshot this run draws (the one :func:`start` loaded)."""
    return st.session_state.get(RUN_DATA) or load()


def write_link(params: dict[str, str]) -> None:
    """Put the page's parameters in the URL, and remember them, so that the next run tells
    them from a link followed inside the app."""
    if _current_params() != params:
        st.query_params.from_dict(params)
    st.session_state[WRITTEN] = params


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
