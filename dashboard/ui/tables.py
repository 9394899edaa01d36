"""Tables of claims for readers: the key columns, the rest behind a details switch, and the CSV
with every column (the frames come from :mod:`dashboard.present.tables`); site names that
open the site's profile."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.core.export import safe_csv
from dashboard.present.formatting import number
from dashboard.present.public import LINK_TEXT, ProfileLinks, public_root
from dashboard.present.tables import Names, claims_csv_frame, claims_table
from dashboard.ui.links import markdown_link
from dashboard.ui.page import Page
from dashboard.ui.registry import SPECS


def profile_links(page: Page) -> ProfileLinks:
    """Links from this page's tables to site profiles, under the address the reader's browser
    shows (a click stays in this app), keeping the view's parameters the profile page uses."""
    root = public_root(None, st.context.url, page.spec.url_path).root
    site = SPECS["site"]
    return ProfileLinks.of(page.view, site.params, root, site.url_path)


def site_column(page: Page) -> dict[str, Any]:
    """The ``column_config`` that shows a site column of :meth:`ProfileLinks.cell` values as
    the sites' names, each a link to its profile."""
    link = st.column_config.LinkColumn(
        display_text=LINK_TEXT, alignment="left", help=page.t("table.site_link")
    )
    return {page.t("col.site"): link}


def linked_sites(page: Page, frame: pd.DataFrame, site_ids: Sequence[str]) -> pd.DataFrame:
    """``frame`` for ``st.table`` (whose cells are markdown) with each name of its site column
    a link to the profile of the site in ``site_ids`` at the same position."""
    profiles, column = profile_links(page), page.t("col.site")
    linked = frame.copy()
    linked[column] = [
        markdown_link(str(label), profiles.url(str(site)))
        for label, site in zip(frame[column], site_ids, strict=True)
    ]
    return linked


def claims_rows(
    page: Page,
    rows: pd.DataFrame,
    key: str,
    *,
    first: Mapping[str, Sequence[Any]] | None = None,
    filename: str = "claims.csv",
    csv_rows: pd.DataFrame | Callable[[], pd.DataFrame] | None = None,
    csv_extra: Callable[[pd.DataFrame], Mapping[str, Sequence[Any]]] | None = None,
    download: tuple[str, str] | None = None,
    **options: Any,
) -> Any:
    """A switch for the detail columns, the table of ``rows`` and a CSV download of it with
    every column; ``first`` holds columns put before the others (a ranking's rank).
    ``csv_rows`` are the CSV's rows (or what gives them, on the click) when they are more than
    the table shows; ``csv_extra``
    gives columns added at the CSV's end from those rows (a public link per claim).
    ``download`` is the button's (text key, widget key), by default ``table.download`` and
    ``<key>_download``. ``options`` go to ``st.dataframe``; its result is returned (for row
    selection)."""
    label_key, download_key = download or ("table.download", f"{key}_download")
    lang, unit = page.lang, page.view.unit
    publications = Names(page.data.dataset, lang).publications()
    details = st.toggle(
        page.t("table.details"), key=f"{key}_details", help=page.t("table.details_help")
    )
    shown = claims_table(
        rows, lang, unit, details=details, publications=publications, profiles=profile_links(page)
    )
    for position, (label, values) in enumerate((first or {}).items()):
        shown.insert(position, label, list(values))
    config = site_column(page) | options.pop("column_config", {})
    event = st.dataframe(shown, hide_index=True, key=key, column_config=config, **options)

    def csv() -> bytes:
        source = rows if csv_rows is None else csv_rows() if callable(csv_rows) else csv_rows
        frame = claims_csv_frame(source, lang, unit, publications=publications)
        for label, values in (csv_extra(source) if csv_extra else {}).items():
            frame[label] = list(values)
        for position, (label, values) in enumerate((first or {}).items()):
            frame.insert(position, label, list(values))
        return safe_csv(frame)

    # Made on click, not on every rerun: a CSV registered per run could be collected by a
    # newer run before the browser fetched it, and building it would cost every rerun time.
    st.download_button(
        page.t(label_key),
        csv,
        file_name=filename,
        mime="text/csv",
        key=download_key,
        icon=":material/download:",
        on_click="ignore",
    )
    return event


LIST_ROWS = 300  # rows of a maintainer's list on the page; the CSV holds them all


def long_list(page: Page, frame: pd.DataFrame, key: str, filename: str) -> None:
    """A list to work through (problems, uncaptured figures): its first :data:`LIST_ROWS` rows
    on the page, and when there are more, a line saying so and every row in a CSV. At 100,000
    claims a list can hold 20,000 rows, megabytes a browser would parse on each visit."""
    if len(frame) <= LIST_ROWS:
        st.dataframe(frame, hide_index=True, key=key)
        return
    total = number(len(frame), page.lang, 0)
    st.caption(page.t("table.capped", shown=number(LIST_ROWS, page.lang, 0), total=total))
    st.dataframe(frame.head(LIST_ROWS), hide_index=True, key=key)
    st.download_button(
        page.t("table.capped_download", total=total),
        lambda: safe_csv(frame),
        file_name=filename,
        mime="text/csv",
        key=f"{key}_download",
        icon=":material/download:",
        on_click="ignore",
    )
