"""What a data file defines: the ids of its records, also for a file none of whose records
load (a YAML syntax error, an unreadable file).

Two sources, both without guessing: the file's served version (the live store keeps a broken
file's last good version and serves it), and the ids its text on disk appears to define (a
syntax error usually leaves most ``- id: x`` lines readable). Data health groups the problems
naming those ids (``Problem.ref``) under the file that lost them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from .dataset import Dataset, FileResult
from .yamlsource import MAX_BYTES

# ``id: x`` as a block key (``- id: x``, ``  id: x``) or in a flow mapping (``{id: x, ...}``),
# the value plain, single- or double-quoted; up to a comma, brace, comment or line end.
_ID = re.compile(
    r"""(?:^[ \t]*(?:-[ \t]+)?\{?|[{,])[ \t]*id:[ \t]*"""
    r"""(?:"([^"\n]*)"|'([^'\n]*)'|([^\s,{}\[\]#"'][^,{}\[\]#\n]*))""",
    re.MULTILINE,
)
READ_LIMIT = 4 * MAX_BYTES  # a file far over the parse limit is scanned this far only


def ids_in_text(text: str) -> set[str]:
    """The ids ``text`` appears to define: every ``id:`` key's value, read line by line, so
    a YAML error elsewhere in the file does not hide them."""
    found = set()
    for match in _ID.finditer(text):
        value = next(group for group in match.groups() if group is not None).strip()
        if value:
            found.add(value)
    return found


def record_ids(result: FileResult) -> set[str]:
    """The ids of the records ``result`` holds (every list of the file)."""
    return {
        str(item.record.id)
        for items in result.records.values()
        for item in items
        if getattr(item.record, "id", None) is not None
    }


def file_path(dataset: Dataset, name: str) -> Path:
    """Where file ``name`` (as problems name it: ``data/sites/x.yaml``) is on disk."""
    parts = PurePosixPath(name).parts
    if parts and parts[0] == dataset.data_dir.name:
        return dataset.data_dir.joinpath(*parts[1:])
    return Path(name)


def _text(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            raw = handle.read(READ_LIMIT)
    except OSError:  # unreadable or gone: its served version is all there is
        return ""
    return raw.decode("utf-8", errors="replace")


def defined_ids(dataset: Dataset, files: Iterable[str]) -> dict[str, frozenset[str]]:
    """For each of ``files`` (names as problems give them), the ids it defines: those of its
    served version in ``dataset`` (the last good one, while the live store keeps it) and those
    its text on disk appears to define (:func:`ids_in_text`)."""
    wanted = set(files)
    served = {f.file: f for f in dataset.files if f.file in wanted}
    out: dict[str, frozenset[str]] = {}
    for name in wanted:
        ids = record_ids(served[name]) if name in served else set()
        ids |= ids_in_text(_text(file_path(dataset, name)))
        out[name] = frozenset(ids)
    return out
