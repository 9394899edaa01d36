"""Register a new article: ``python -m dashboard add-source FILE --publication … --title …``.

The text is copied into the articles folder under the project's naming (``NNN_<sha256
prefix>.txt``), its entry with its sha256 is appended to ``sources.yaml`` (comments and layout
kept) and an empty claims file is created. Every refusal (no such file, not UTF-8 text, a copy
of an article already registered, a taken id, a bad date) happens before anything is written;
a failure while writing undoes what was written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .dataset import Dataset
from .loader import load_dataset

_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_NUMBERED = re.compile(r"^a(\d+)$")


class AddSourceError(ValueError):
    """Why an article cannot be added; nothing has been changed."""


@dataclass(frozen=True)
class AddedSource:
    """What :func:`add_source` wrote."""

    id: str
    article: Path
    sources: Path
    claims: Path
    sha256: str


def _read_text(path: Path) -> bytes:
    if not path.is_file():
        raise AddSourceError(f"{path}: no such file")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise AddSourceError(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[err.start]:02x} at offset "
            f"{err.start}); convert it first, e.g. iconv -f GB18030 -t UTF-8"
        ) from None
    if "\x00" in text:
        raise AddSourceError(f"{path}: not text (it holds NUL bytes)")
    if not text.strip():
        raise AddSourceError(f"{path}: the file is empty")
    return data


def _check_date(date: str) -> None:
    try:
        dt.date.fromisoformat(date)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise ValueError
    except ValueError:
        raise AddSourceError(f"--date {date!r}: expected a date YYYY-MM-DD") from None


def add_source(
    data_dir: Path,
    file: Path,
    *,
    publication: str,
    title: str,
    date: str,
    source_id: str | None = None,
) -> AddedSource:
    """Copy ``file`` into the articles folder and register it; raise :class:`AddSourceError`
    (with nothing changed) when it cannot be."""
    data = _read_text(file)
    _check_date(date)
    data_dir = data_dir.resolve()
    for name, value in (("--publication", publication), ("--title", title)):
        if not value.strip():
            raise AddSourceError(f"{name} is empty")
    sources_file = data_dir / "sources.yaml"
    if not sources_file.is_file():
        raise AddSourceError(f"{sources_file}: no such file; is {data_dir} the data folder?")
    dataset = load_dataset(data_dir)
    digest = hashlib.sha256(data).hexdigest()
    for sid, item in dataset.sources.items():
        if item.record.sha256 == digest:
            raise AddSourceError(
                f"{file} is the same text as source {sid} ({item.record.file}, "
                f"{item.file}:{item.line}); it is registered already"
            )
    numbers = [int(m[1]) for sid in dataset.sources if (m := _NUMBERED.match(sid))]
    number = max(numbers, default=-1) + 1
    if source_id is None:
        source_id = f"a{number:03d}"
    elif not _ID.match(source_id):
        raise AddSourceError(
            f"--id {source_id!r}: use lower-case letters, digits, '_', '.' and '-'"
        )
    claims = data_dir / "claims" / f"{source_id}.yaml"
    if source_id in dataset.sources:
        taken = dataset.sources[source_id]
        raise AddSourceError(
            f"--id {source_id}: taken by {taken.record.file} ({taken.file}:{taken.line})"
        )
    if claims.exists():
        raise AddSourceError(f"--id {source_id}: {claims} exists already")
    if m := _NUMBERED.match(source_id):
        number = int(m[1])
    folder = _articles_folder(data_dir, dataset)
    article = folder / f"{number:03d}_{digest[:16]}.txt"
    if article.exists():
        raise AddSourceError(f"{article} exists already")

    entry = {
        "id": source_id,
        "file": Path("..", article.relative_to(data_dir.parent)).as_posix(),
        "publication": publication.strip(),
        "title": title.strip(),
        "date": date,
        "sha256": digest,
    }
    before = sources_file.read_bytes()
    text = before.decode("utf-8")
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
    added = "".join("  " + line + "\n" for line in block.splitlines())
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        article.write_bytes(data)
        written.append(article)
        claims.parent.mkdir(parents=True, exist_ok=True)
        claims.write_text(
            f"# Claims of article {source_id} ({publication.strip()}, {title.strip()}).\n"
            "claims: []\n",
            encoding="utf-8",
        )
        written.append(claims)
        sources_file.write_text(
            text + ("" if text.endswith("\n") else "\n") + added, encoding="utf-8"
        )
    except OSError as err:
        for path in written:
            path.unlink(missing_ok=True)
        sources_file.write_bytes(before)
        raise AddSourceError(f"could not write: {err}") from None
    return AddedSource(source_id, article, sources_file, claims, digest)


def _articles_folder(data_dir: Path, dataset: Dataset) -> Path:
    """Where the registered articles are (the folder of the first, when it is beside the data
    folder), else ../seeds."""
    for item in dataset.sources.values():
        folder = (data_dir / item.record.file).parent.resolve()
        if folder.is_relative_to(data_dir.parent):
            return folder
    return data_dir.parent / "seeds"
