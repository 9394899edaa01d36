"""The frame of a page script: :func:`open_page` first (its context and the banner of files
served from their last good version), :func:`finish` last (the view written to the URL, the
notices, the link to copy and the data problems)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from dashboard.core.defined import defined_ids
from dashboard.present import health, public
from dashboard.present.causes import causes_first, lost_files
from dashboard.present.i18n import name, t
from dashboard.present.view import Ignored, View, to_params
from dashboard.ui.data import Loaded
from dashboard.ui.document import document
from dashboard.ui.markdown import escape
from dashboard.ui.registry import SPECS, PageSpec
from dashboard.ui.session import enter_page, link_notices, run_data, view, write_link


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
        """The session's view as it is now (see :func:`dashboard.ui.session.view`)."""
        return view()

    @property
    def present(self) -> bool:
        return self.view.present

    def t(self, key: str, **values: Any) -> str:
        return t(key, self.lang, **values)

    @property
    def public(self) -> public.PublicRoot:
        """The app's root as readers reach it (``DASHBOARD_PUBLIC_URL``, else the browser's)."""
        return public.public_root(
            os.environ.get(public.SETTING), st.context.url, self.spec.url_path
        )


def open_page(key: str) -> Page:
    """The context of page ``key``: call first in a page script."""
    enter_page(key)
    current = Page(SPECS[key], run_data(), view().lang or "en")
    document(current.lang)
    current.notice_box = st.container()
    _banner(current)
    return current


def _banner(current: Page) -> None:
    """Above the page: each file served from its last good version, where it fails, since when."""
    keys = {"pending": "banner.pending", "missing": "banner.missing"}
    for line in health.banner_lines(current.data.degraded, current.lang):
        text = current.t(keys.get(line["status"], "banner.last_good"), **line)
        st.warning(escape(text), icon=":material/history:")


def _shown(current: Page, item: Ignored) -> str:
    """What the page shows instead: a metric by its name in the reader's language."""
    metric = current.data.dataset.metrics.get(item.replacement or "")
    if item.param == "metric" and metric is not None:
        return name(metric.record, current.lang)
    return item.replacement or ""


def finish(current: Page) -> None:
    """Write the page's view to the URL, show the link, the notices and the data problems."""
    params = to_params(current.view, current.spec.params)
    write_link(params)
    notices = [*link_notices(), *current.notices]
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
                        replacement=_shown(current, item),
                    )
                )
            )
        current.notice_box.warning("\n".join(lines), icon=":material/link_off:")
    if current.present:
        return
    with st.sidebar:
        st.divider()
        st.markdown(f"**{current.t('sidebar.copy_link')}**")
        root = current.public
        link = public.page_link(root.root, current.spec.url_path, params)
        st.code(link, language=None, wrap_lines=True)
        st.caption(current.t("sidebar.copy_help"))
        if root.problem:
            text = current.t("link.public_bad", setting=public.SETTING, problem=root.problem)
            st.error(escape(text))
        elif root.loopback:
            st.caption(escape(current.t("link.loopback", setting=public.SETTING)))
        _problems(current)


def lost_file_ids(data: Loaded) -> dict[str, frozenset[str]]:
    """The ids each file that lost its records defines (its last good version, its text), once
    per snapshot: what groups the problems naming them under it."""
    lost = lost_files(data.problems)
    if not lost:
        return {}
    return data.memo("lost_file_ids", lambda: defined_ids(data.dataset, lost))


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
            health.problems_frame(causes_first(problems, lost_file_ids(data)), current.lang),
            hide_index=True,
            key="problems_table",
        )
