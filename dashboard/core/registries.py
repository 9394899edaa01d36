"""The registries indexed and checked: regions, units, sources against their articles,
metrics (and the ids they replace), sites. The claims are checked against them next
(:mod:`dashboard.core.checks`)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .dataset import Dataset, FileResult, Located
from .models import Metric
from .problems import did_you_mean


def _index(dataset: Dataset, items: Iterable[Located[Any]], what: str) -> dict[str, Located[Any]]:
    out: dict[str, Located[Any]] = {}
    for item in items:
        key = item.record.id
        if key in out:
            first = out[key]
            dataset.problems.append(
                item.problem(
                    "duplicate-id",
                    f"{what} id {key!r} is already defined at {first.file}:{first.line}",
                    "id",
                )
            )
            continue
        out[key] = item
    return out


def records_of(files: list[FileResult], kind: str, key: str) -> list[Located[Any]]:
    return [rec for f in files if f.kind == kind for rec in f.records.get(key, [])]


def index_registries(dataset: Dataset, files: list[FileResult]) -> None:
    """Index each registry by id (a repeated id is a problem) and check each against the
    others."""
    dataset.regions = _index(dataset, records_of(files, "regions", "regions"), "region")
    dataset.standard_units = _index(
        dataset, records_of(files, "units", "standard_units"), "standard unit"
    )
    dataset.units = _index(dataset, records_of(files, "units", "units"), "unit")
    for item in dataset.units.values():
        if item.record.standard not in dataset.standard_units:
            dataset.problems.append(
                item.problem(
                    "unknown-unit",
                    f"standard unit {item.record.standard!r} is not in standard_units",
                    "standard",
                    did_you_mean(item.record.standard, dataset.standard_units),
                    item.record.standard,
                )
            )

    dataset.sources = _index(dataset, records_of(files, "sources", "sources"), "source")
    _check_sources(dataset)
    dataset.metrics = _index(dataset, records_of(files, "metrics", "metrics"), "metric")
    for metric in dataset.metrics.values():
        if metric.record.unit not in dataset.standard_units:
            dataset.problems.append(
                metric.problem(
                    "unknown-unit",
                    f"standard unit {metric.record.unit!r} is not in units.yaml",
                    "unit",
                    did_you_mean(metric.record.unit, dataset.standard_units),
                    metric.record.unit,
                )
            )
    _check_replaced(dataset)
    dataset.sites = _index(dataset, records_of(files, "sites", "sites"), "site")
    _check_sites(dataset)


def _check_sources(dataset: Dataset) -> None:
    root = dataset.data_dir.parent.resolve()
    for source_id, item in list(dataset.sources.items()):
        path = (dataset.data_dir / item.record.file).resolve()
        if not path.is_relative_to(root):
            dataset.problems.append(
                item.problem(
                    "bad-path",
                    f"{item.record.file!r} leads outside the project folder",
                    "file",
                )
            )
            continue
        try:
            digest, text = read_article(path)
        except OSError:
            dataset.problems.append(
                item.problem("missing-file", f"article file {item.record.file!r} not found", "file")
            )
            continue
        dataset.text_sha256[source_id] = digest
        if digest != item.record.sha256:
            dataset.problems.append(
                item.problem(
                    "sha-mismatch",
                    f"the article's sha256 is {digest}, the registry says {item.record.sha256}",
                    "sha256",
                    "if the article was replaced on purpose, update sha256",
                )
            )
        if text is not None:
            dataset.texts[source_id] = text
        else:
            dataset.problems.append(item.problem("not-utf8", "the article is not UTF-8", "file"))


# Articles by path, with the (mtime, size, inode) they were read at: a running dashboard
# re-checks after every edit, and reading, hashing and decoding every article each time costs
# more than the rest of the checks. A changed stat reads the file again.
_ARTICLES: dict[Path, tuple[tuple[int, int, int], str, str | None]] = {}


def read_article(path: Path) -> tuple[str, str | None]:
    """The sha256 of an article and its text (None when it is not UTF-8); raises OSError."""
    stat = path.stat()
    signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    known = _ARTICLES.get(path)
    if known is not None and known[0] == signature:
        return known[1], known[2]
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    try:
        text: str | None = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if len(_ARTICLES) >= 4096:
        _ARTICLES.clear()
    _ARTICLES[path] = (signature, digest, text)
    return digest, text


def _check_sites(dataset: Dataset) -> None:
    for site_id, item in list(dataset.sites.items()):
        site = item.record
        if site.region not in dataset.regions:
            dataset.problems.append(
                item.problem(
                    "unknown-region",
                    f"region {site.region!r} is not in regions.yaml",
                    "region",
                    did_you_mean(site.region, dataset.regions),
                    site.region,
                )
            )
        if site.parent is not None and site.parent not in dataset.sites:
            dataset.problems.append(
                item.problem(
                    "unknown-site",
                    f"parent {site.parent!r} is not a site",
                    "parent",
                    did_you_mean(site.parent, dataset.sites),
                    site.parent,
                )
            )
        if site.parent == site_id:
            dataset.problems.append(
                item.problem("bad-value", "a site cannot be its own parent", "parent")
            )


def _check_replaced(dataset: Dataset) -> None:
    """A former metric id is taken over by one metric only, and is no current id."""
    replaced: dict[str, Located[Metric]] = {}
    for metric in dataset.metrics.values():
        for old in metric.record.replaces:
            taken = old in dataset.metrics or old in replaced
            if taken:
                other = dataset.metrics.get(old) or replaced[old]
                dataset.problems.append(
                    metric.problem(
                        "duplicate-id",
                        f"{old!r} is already a metric id or replaced at {other.file}:{other.line}",
                        "replaces",
                    )
                )
            replaced.setdefault(old, metric)
