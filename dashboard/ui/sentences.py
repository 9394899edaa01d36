"""A claim shown in its article: the sentence highlighted, the figure highlighted within it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.present.articles import quote_context
from dashboard.present.facts import disagreeing, other_reports
from dashboard.present.formatting import period_label, row_label
from dashboard.present.i18n import name, vocab
from dashboard.present.tables import Names, source_label
from dashboard.ui.markdown import escape, highlighted
from dashboard.ui.page import Page
from dashboard.ui.registry import page_link

QUOTE, FIGURE = "orange", "red"


def context_markdown(text: str, quote: str, value: float, printed: str | None) -> str | None:
    """Markdown of the quote's paragraph, quote and figure highlighted (None: not found)."""
    found = quote_context(text, quote, value, printed)
    if found is None:
        return None
    pieces: list[tuple[str, str | None]] = [(found.before, None)]
    if found.figure is None:
        pieces.append((found.quote, QUOTE))
    else:
        start, end = found.figure
        pieces += [
            (found.quote[:start], QUOTE),
            (found.quote[start:end], FIGURE),
            (found.quote[end:], QUOTE),
        ]
    pieces.append((found.after, None))
    return highlighted(pieces)


def show_context(page: Page, rows: pd.DataFrame) -> None:
    """The detail of the (single) claim in ``rows``: context, note, provenance."""
    if rows.empty:
        return
    row = rows.iloc[0].to_dict()
    lang, dataset = page.lang, page.data.dataset
    names = Names(dataset, lang)
    with st.container(border=True, key="claim_detail"):
        st.header(page.t("claims.context"))
        metric = name(row, lang, "metric_")
        if isinstance(row.get("variant"), str):
            metric += f" · {name(row, lang, 'variant_')}"
        # The site's name opens its profile; the figure follows on the next line.
        page_link("site", escape(name(row, lang, "site_")), id=str(row["site_id"]))
        st.markdown(
            escape(
                f"{metric} · {row_label(row, lang, page.view.unit)} · "
                f"{period_label(str(row['period']), lang)}"
            )
        )
        if isinstance(row.get("scope"), str):
            st.caption(escape(f"{page.t('chart.scope')}: {name(row, lang, 'scope_')}"))
        st.caption(
            escape(
                " · ".join(
                    part
                    for part in [
                        vocab("status", row["status"], lang),
                        vocab("qualifier", row["qualifier"], lang),
                        vocab("kind", row["kind"], lang),
                        str(row["claim_id"]),
                    ]
                    if part
                )
            )
        )
        inputs = [row]
        if row["derived"]:
            st.markdown(f"**{page.t('claims.formula')}**")
            st.code(str(row["formula"]), language=None, wrap_lines=True)
            ids = str(row["inputs"] or "").split()
            table = page.data.table
            inputs = [r for r in table[table["claim_id"].isin(ids)].to_dict("records")]
        for item in inputs:
            text = dataset.texts.get(str(item["source_id"]))
            quote = str(item["quote"])
            body = (
                context_markdown(text, quote, item["value"], item.get("printed")) if text else None
            )
            if body is None:
                st.caption(page.t("claims.not_found"))
                st.text(quote)
            else:
                st.markdown(body)
            st.caption(
                escape(
                    f"{names.publication(str(item['source_id']))} · "
                    f"{names.title(str(item['source_id']))} · "
                    f"{source_label('', item['source_date'], lang)}"
                )
            )
        if isinstance(row.get("note"), str) and row["note"]:
            st.markdown(f"**{page.t('col.note')}**")
            st.markdown(escape(row["note"]))
        if not row["derived"]:
            _across_articles(page, row)
        page_link(
            "sources",
            page.t("nav.sources"),
            source=str(row["source_id"]),
            claim=str(row["claim_id"]),
        )


def _across_articles(page: Page, row: dict) -> None:
    """The fact's other reports, and other articles' different figures, side by side."""
    table = page.data.table
    reports = other_reports(table, row)
    if not reports.empty:
        st.markdown(f"**{escape(page.t('claims.reported_by', n=len(reports) + 1))}**")
        _side_by_side(page, [row, *reports.to_dict("records")])
    others = disagreeing(table, row)
    if not others.empty:
        st.warning(escape(page.t("claims.disagrees", n=len(others) + 1)), icon=":material/info:")
        _side_by_side(page, [row, *others.to_dict("records")])


def _side_by_side(page: Page, items: list[dict]) -> None:
    """Each claim's figure, article and quote, three to a row."""
    lang = page.lang
    names = Names(page.data.dataset, lang)
    for start in range(0, len(items), 3):
        for column, item in zip(st.columns(3), items[start : start + 3], strict=False):
            with column.container(border=True):
                st.markdown(escape(row_label(item, lang, page.view.unit)))
                publication = names.publication(str(item["source_id"]))
                where = source_label(publication, item["source_date"], lang)
                st.caption(escape(f"{where} · {item['claim_id']}"))
                st.text(str(item["quote"]))
