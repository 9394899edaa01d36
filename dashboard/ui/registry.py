"""The pages: each one's script, URL path, title and the link parameters it keeps, and links
from one page to another."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from dashboard.present.i18n import t
from dashboard.present.view import to_params
from dashboard.ui.session import view


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
        (*COMMON, "region", "sites", "metric", "measure", "variant", "status"),
    ),
    PageSpec(
        "rankings",
        "app_pages/rankings.py",
        "rankings",
        "nav.rankings",
        ":material/leaderboard:",
        (*COMMON, "region", "metric", "measure", "variant", "period", "status"),
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
        "site",
        "app_pages/site.py",
        "site",
        "nav.site",
        ":material/location_on:",
        (*COMMON, "id"),
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
PAGES = "_pages"  # session key: the st.Page objects of this run, for page links


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


def page_link(key: str, label: str, **changes: Any) -> None:
    """A link to page ``key`` showing the current view with ``changes``."""
    target = st.session_state.get(PAGES, {}).get(key)
    if target is None:
        return
    params = to_params(view().with_(**changes), SPECS[key].params)
    st.page_link(target, label=label, query_params=params, icon=SPECS[key].icon)
