"""The data-health page's drafts: per article, its uncaptured figures and their draft file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import pandas as pd

from ..core.checks import UNDECIDED
from ..core.dataset import Dataset
from ..core.draft import draft_claims, drafts_yaml
from .i18n import name, t, vocab


@dataclass(frozen=True)
class ArticleDraft:
    """One article's draft: what to show, the file to download and the command that writes it."""

    source_id: str
    title: str
    figures: pd.DataFrame  # one row per drafted figure
    undecided: int  # fields left as draft.undecided
    yaml: str
    file_name: str
    command: str


def article_drafts(dataset: Dataset, lang: str) -> list[ArticleDraft]:
    """Every article with figures no claim records, in source order, with its draft."""
    drafts = (article_draft(dataset, source_id, lang) for source_id in dataset.sources)
    return [draft for draft in drafts if draft is not None]


def article_draft(dataset: Dataset, source_id: str, lang: str) -> ArticleDraft | None:
    """One article's draft, or None when it has no text or nothing to draft.

    An article with no claims yet gets the command that writes its claims file; one with
    claims gets a separate file to merge by hand (``draft`` never overwrites claims).
    """
    item = dataset.sources.get(source_id)
    if item is None or source_id not in dataset.texts:
        return None
    drafts = draft_claims(dataset, source_id)
    if not drafts:
        return None
    folder = PurePosixPath(item.file).parent  # data/sources.yaml -> data
    if any(sid == source_id for sid, _ in dataset.claims):
        target = f"{source_id}.draft.yaml"
    else:
        target = str(folder / "claims" / f"{source_id}.yaml")
    undecided = t("drafting.undecided", lang)
    rows = [
        {
            t("drafting.figure", lang): d.fields.get("printed", f"{d.fields['value']:g}")
            + ("" if d.fields["unit"] == UNDECIDED else d.fields["unit"]),
            t("drafting.site", lang): _named(dataset.sites, d.fields["site"], lang, undecided),
            t("drafting.metric", lang): _named(
                dataset.metrics, d.fields["metric"], lang, undecided
            ),
            t("drafting.period", lang): undecided
            if d.fields["period"] == UNDECIDED
            else d.fields["period"],
            t("drafting.status", lang): vocab("status", d.fields["status"], lang),
            t("drafting.kind", lang): vocab("kind", d.fields["kind"], lang),
            t("drafting.quote", lang): d.fields["quote"],
        }
        for d in drafts
    ]
    return ArticleDraft(
        source_id,
        item.record.title,
        pd.DataFrame(rows),
        sum(len(d.undecided) for d in drafts),
        drafts_yaml(drafts, source_id, item.record.title),
        PurePosixPath(target).name,
        f"python -m dashboard draft {source_id} -o {target}",
    )


def _named(registry: dict[str, Any], key: str, lang: str, undecided: str) -> str:
    item = registry.get(key)
    return undecided if item is None else f"{name(item.record, lang)} ({key})"
