"""Names in the reader's language and the tables pages show (no Streamlit calls here)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd
from babel.dates import format_skeleton

from dashboard.core.dataset import Dataset
from dashboard.present.formatting import BABEL_LOCALE, period_label, row_label
from dashboard.present.i18n import name, t, vocab
from dashboard.present.public import ProfileLinks
from dashboard.present.rows import FIGURE_FIELDS, PROVENANCE, row_dicts


class Names:
    """Site, metric, region and status labels in one language, with safe fallbacks."""

    def __init__(self, dataset: Dataset, lang: str) -> None:
        self.dataset, self.lang = dataset, lang
        self._locale = BABEL_LOCALE.get(lang, "en")
        self.region_order = [
            item.record.id
            for item in sorted(
                dataset.regions.values(), key=lambda item: (item.record.order, item.record.id)
            )
        ]

    def site(self, site_id: str) -> str:
        item = self.dataset.sites.get(site_id)
        return name(item.record, self.lang) if item else site_id

    def metric(self, metric_id: str | None) -> str:
        item = self.dataset.metrics.get(metric_id or "")
        return name(item.record, self.lang) if item else str(metric_id)

    def metric_label(self, metric_id: str | None, variant_id: str | None) -> str:
        """The metric's name, with the variant's when there is one: 专精特新企业（国家级）."""
        if not variant_id:
            return self.metric(metric_id)
        variant = self.variant(metric_id, variant_id)
        return (
            f"{self.metric(metric_id)}（{variant}）"
            if self.lang == "zh"
            else (f"{self.metric(metric_id)} ({variant})")
        )

    def variant(self, metric_id: str | None, variant_id: str) -> str:
        item = self.dataset.metrics.get(metric_id or "")
        found = [v for v in item.record.variants if v.id == variant_id] if item else []
        return name(found[0], self.lang) if found else variant_id

    def region(self, region_id: str) -> str:
        item = self.dataset.regions.get(region_id)
        return name(item.record, self.lang) if item else region_id

    def source(self, source_id: str) -> str:
        item = self.dataset.sources.get(source_id)
        if item is None:
            return source_id
        record = item.record
        when = format_skeleton("yMMMd", date.fromisoformat(record.date), locale=self._locale)
        return f"{when} · {self.publication(source_id)} · {self.title(source_id)}"

    def publication(self, source_id: str) -> str:
        """The newspaper's name in the reader's language (as printed when none is given)."""
        item = self.dataset.sources.get(source_id)
        if item is None:
            return source_id
        english = item.record.publication_en if self.lang == "en" else None
        return english or item.record.publication

    def title(self, source_id: str) -> str:
        item = self.dataset.sources.get(source_id)
        if item is None:
            return source_id
        english = item.record.title_en if self.lang == "en" else None
        return english or item.record.title

    def publications(self) -> dict[str, str]:
        """Each source id's newspaper name in the reader's language."""
        return {s: self.publication(s) for s in self.dataset.sources}

    def status(self, status: str) -> str:
        return vocab("status", status, self.lang)

    def regions_in(self, rows: pd.DataFrame) -> list[str]:
        """Region ids present in ``rows``, in display order."""
        present = {str(r) for r in rows["region_id"].unique()}
        return [r for r in self.region_order if r in present]

    def sites_in(self, rows: pd.DataFrame) -> list[str]:
        """Site ids present in ``rows``, by region order then name."""
        order = {r: i for i, r in enumerate(self.region_order)}
        pairs = rows[["site_id", "region_id"]].astype(str).drop_duplicates()
        return [
            s
            for s, _ in sorted(
                pairs.itertuples(index=False), key=lambda p: (order.get(p[1], 99), self.site(p[0]))
            )
        ]


def source_note(
    rows: pd.DataFrame, lang: str, publications: Mapping[str, str] | None = None
) -> str:
    """ "来源：天津日报 2024年2月26日, ..." for a chart's rows; ``publications`` names each
    source id's newspaper in ``lang`` (as printed when not given)."""
    named = publications or {}
    pairs = rows[["source_id", "source_publication", "source_date"]].drop_duplicates()
    shown = {(named.get(str(s), str(p)), d) for s, p, d in pairs.itertuples(index=False)}
    ordered = sorted(shown, key=lambda pair: (pair[0], pair[1]))
    items = [source_label(p, d, lang).replace(" · ", " ") for p, d in ordered]
    if len(items) > 4:
        items = [*items[:4], f"+{len(items) - 4}"]
    return t("chart.source_note", lang, sources=", ".join(items) or "-")


def source_label(publication: str, day: date | None, lang: str) -> str:
    """``天津日报 · 2024年2月26日`` / ``Tianjin Daily · Feb 26, 2024``."""
    when = format_skeleton("yMMMd", day, locale=BABEL_LOCALE.get(lang, "en")) if day else ""
    return " · ".join(part for part in (str(publication), when) if part)


def claims_table(
    rows: pd.DataFrame,
    lang: str,
    unit_mode: str,
    details: bool = False,
    publications: Mapping[str, str] | None = None,
    profiles: ProfileLinks | None = None,
) -> pd.DataFrame:
    """The rows as readers see them: site, metric, one figure in the reader's convention
    (超5,000家 / over 5,000), period in reader notation, status, source. ``details`` adds the
    figure as printed and in standard units, the qualifier, kind, region, the raw numbers and
    units and the claim's id, each under a translated header. With ``profiles`` the site
    column holds each site's profile link, its name the fragment (:meth:`ProfileLinks.cell`)."""
    records = row_dicts(rows, FIGURE_FIELDS)
    sources = [str(s) for s in rows["source_id"]] if "source_id" in rows.columns else []
    named = publications or {}
    sites = [name(r, lang, "site_") for r in records]
    if profiles is not None:
        cells: dict[str, str] = {}  # one link per site, however many rows it has
        for r, label in zip(records, sites, strict=True):
            site_id = str(r["site_id"])
            if site_id not in cells:
                cells[site_id] = profiles.cell(site_id, label)
        sites = [cells[str(r["site_id"])] for r in records]
    columns: dict[str, list[Any]] = {
        "col.site": sites,
        "col.metric": [name(r, lang, "metric_") for r in records],
        "col.figure": [row_label(r, lang, unit_mode) for r in records],
        "col.period": [period_label(str(r["period"]), lang) for r in records],
        "col.status": [vocab("status", r["status"], lang) for r in records],
        "col.source": [
            source_label(
                named.get(sources[i], r["source_publication"])
                if sources
                else r["source_publication"],
                r["source_date"],
                lang,
            )
            for i, r in enumerate(records)
        ],
    }
    if details:
        columns |= {
            "col.printed": [row_label(r, lang, "printed") for r in records],
            "col.std": [row_label(r, lang, "std") for r in records],
            "col.qualifier": [vocab("qualifier", r["qualifier"], lang) for r in records],
            "col.kind": [vocab("kind", r["kind"], lang) for r in records],
            "col.region": [name(r, lang, "region_") for r in records],
            "col.value": [float(r["value"]) for r in records],
            "col.unit": [str(r["unit"]) for r in records],
            "col.value_std": [float(r["value_std"]) for r in records],
            "col.unit_std": [str(r["unit_std"]) for r in records],
            "col.claim_id": [str(r["claim_id"]) for r in records],
        }
    return pd.DataFrame({t(key, lang): values for key, values in columns.items()})


# The columns of the downloaded CSV beyond the reader's: the tidy table's own, under their
# names (as `python -m dashboard export` writes them), so a script reads any CSV alike.
CSV_COLUMNS = (
    "value",
    "unit",
    "printed",
    "value_std",
    "unit_std",
    "qualifier",
    "period",
    "status",
    "kind",
    "claim_id",
    *PROVENANCE,
)


def claims_csv_frame(
    rows: pd.DataFrame,
    lang: str,
    unit_mode: str,
    publications: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """What the CSV of a table holds: the reader's columns, then the raw and standard values
    and units, the qualifier and every provenance column of the tidy table."""
    shown = claims_table(rows, lang, unit_mode, publications=publications)
    raw = rows[[c for c in dict.fromkeys(CSV_COLUMNS) if c in rows.columns]].reset_index(drop=True)
    raw = raw.astype({c: str for c in ("unit", "unit_std", "source_id") if c in raw.columns})
    if "source_date" in raw.columns:
        raw["source_date"] = [f"{d:%Y-%m-%d}" for d in raw["source_date"]]
    return pd.concat([shown, raw], axis=1)
