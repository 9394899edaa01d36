"""The address readers reach: links to copy and to put in downloads.

A dashboard behind a proxy is opened at one address (``https://intranet.example/innovation``)
and served at another (``http://127.0.0.1:8501``); a link copied from the page must name the
first. ``DASHBOARD_PUBLIC_URL`` says it: the scheme, host and path prefix readers type, the
app's root. Without it, links follow the address the reader's browser shows.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlencode, urlsplit

from dashboard.core.models import web_address_problem
from dashboard.present.view import View, to_params

SETTING = "DASHBOARD_PUBLIC_URL"
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0")


@dataclass(frozen=True)
class PublicRoot:
    """The app's root as readers reach it (``root``, no trailing slash; empty when unknown),
    whether it came from the setting, and why the setting was refused (``problem``)."""

    root: str
    from_setting: bool = False
    problem: str | None = None

    @property
    def loopback(self) -> bool:
        """The root names this machine only: a colleague cannot open it."""
        return bool(self.root) and urlsplit(self.root).hostname in LOOPBACK


def setting_problem(value: str) -> str | None:
    """Why ``value`` cannot be the public address, or None: an absolute http(s) address with
    a host and an optional path prefix, nothing after it."""
    problem = web_address_problem(value)
    if problem is not None:
        return problem
    parts = urlsplit(value)
    if parts.query or parts.fragment or value.endswith(("?", "#")):
        return "the address is the app's root: no ?query or #fragment"
    return None


def public_root(setting: str | None, browser_url: str | None, url_path: str) -> PublicRoot:
    """The app's root: ``setting`` (the value of ``DASHBOARD_PUBLIC_URL``) when set and valid,
    else the browser's address of page ``url_path`` without that page's path."""
    problem = None
    if setting and setting.strip():
        value = setting.strip()
        problem = setting_problem(value)
        if problem is None:
            return PublicRoot(value.rstrip("/"), from_setting=True)
    return PublicRoot(_root_of(browser_url or "", url_path), problem=problem)


def _root_of(url: str, url_path: str) -> str:
    """``http://host/prefix/trends`` → ``http://host/prefix`` for page ``trends``."""
    base = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    if url_path and base.endswith("/" + url_path):
        base = base[: -len(url_path) - 1]
    return base


def page_link(root: str, url_path: str, params: Mapping[str, str]) -> str:
    """The link of page ``url_path`` with ``params`` under ``root`` (relative when unknown)."""
    link = f"{root}/{url_path}" if url_path else f"{root}/"
    return f"{link}?{urlencode(params, safe=',')}" if params else link


def claim_links(root: str, claim_ids: list[str], lang: str) -> list[str]:
    """For each claim, the link that opens it on the claims page in ``lang``: provenance a
    downloaded table carries back to the dashboard."""
    return [page_link(root, "claims", {"lang": lang, "claim": str(c)}) for c in claim_ids]


# How a table shows a profile link: the text after ``#``, percent-decoded (Streamlit's
# LinkColumn ``display_text`` takes a JS regular expression and shows its first group,
# decoded). The fragment carries the site's name only for the table; the page ignores it.
LINK_TEXT = r"#(.+)$"


@dataclass(frozen=True)
class ProfileLinks:
    """Links from table rows to site profiles: page ``url_path`` under ``root`` with
    ``params``, the view's parameters that apply to that page (``lang`` always), and the
    site's ``id``."""

    root: str
    url_path: str
    params: Mapping[str, str]

    @classmethod
    def of(cls, view: View, keys: Collection[str], root: str, url_path: str) -> ProfileLinks:
        """The links from ``view`` to the page keeping parameters ``keys``."""
        return cls(root, url_path, to_params(view.with_(id=None), keys))

    def url(self, site_id: str) -> str:
        """The profile's address: what a copied or downloaded link holds."""
        return page_link(self.root, self.url_path, {**self.params, "id": str(site_id)})

    def cell(self, site_id: str, label: str) -> str:
        """The profile's address with ``label`` (the site's name) as its fragment, for a
        table column that shows :data:`LINK_TEXT` of it."""
        return f"{self.url(site_id)}#{quote(label, safe='')}"


def link_text(cell: str) -> str:
    """What a table shows of ``cell`` (:data:`LINK_TEXT`, decoded as Streamlit decodes it)."""
    found = re.search(LINK_TEXT, cell, re.DOTALL)
    return unquote(found.group(1).replace("+", "%20")) if found else cell
