"""Names in the reader's language and the tables pages show (no Streamlit calls here)."""

from __future__ import annotations

import pandas as pd

from dashboard.core.dataset import Dataset
from dashboard.present.formatting import row_label
from dashboard.present.i18n import name, t, vocab
from dashboard.present.rows import FIGURE_FIELDS, PROVENANCE, row_dicts


class Names:
    """Site, metric, region and status labels in one language, with safe fallbacks."""

    def __init__(self, dataset: Dataset, lang: str) -> None:
        self.dataset, self.lang = dataset, lang
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
        return f"{item.record.date} · {item.record.publication} · {item.record.title}"

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


def source_note(rows: pd.DataFrame, lang: str) -> str:
    """ "Source: 天津日报 2024-02-26, ..." for a chart's rows."""
    pairs = rows[["source_publication", "source_date"]].drop_duplicates()
    items = sorted(f"{p} {d:%Y-%m-%d}" for p, d in pairs.itertuples(index=False))
    if len(items) > 4:
        items = [*items[:4], f"+{len(items) - 4}"]
    return t("chart.source_note", lang, sources=", ".join(items) or "-")


def claims_table(rows: pd.DataFrame, lang: str, unit_mode: str) -> pd.DataFrame:
    """The rows as readers see them: names in ``lang``, figures formatted, then provenance."""
    records = row_dicts(rows, FIGURE_FIELDS)
    shown = pd.DataFrame(
        {
            t("col.site", lang): [name(r, lang, "site_") for r in records],
            t("col.metric", lang): [name(r, lang, "metric_") for r in records],
            t("col.figure", lang): [row_label(r, lang, unit_mode) for r in records],
            t("col.printed", lang): [row_label(r, lang, "printed") for r in records],
            t("col.std", lang): [row_label(r, lang, "std") for r in records],
            t("col.period", lang): [str(r["period"]) for r in records],
            t("col.status", lang): [vocab("status", r["status"], lang) for r in records],
            t("col.qualifier", lang): [vocab("qualifier", r["qualifier"], lang) for r in records],
            t("col.kind", lang): [vocab("kind", r["kind"], lang) for r in records],
            t("col.region", lang): [name(r, lang, "region_") for r in records],
        }
    )
    provenance = rows[["value", "unit", "value_std", "unit_std", *PROVENANCE]].reset_index(
        drop=True
    )
    provenance = provenance.astype({"unit": str, "unit_std": str, "source_id": str})
    provenance["source_date"] = [f"{d:%Y-%m-%d}" for d in provenance["source_date"]]
    return pd.concat([shown, provenance], axis=1)
