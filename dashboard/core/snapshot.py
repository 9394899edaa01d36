"""One consistent state of the live data, and what is served for each file and why."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

import pandas as pd

from .dataset import Dataset
from .memory import release_free_memory
from .problems import Problem
from .table import tidy_table

_TABLE_LOCK = threading.Lock()


class FileStatus(StrEnum):
    """What is served for a file."""

    OK = "ok"  # the file as it is on disk
    BROKEN = "broken"  # it has problems and there is no good version yet: what loads of it
    LAST_GOOD = "last-good"  # it has problems: its last good version
    PENDING = "pending"  # it may still be settling (being written, much shorter): last good
    MISSING = "missing"  # it is gone: its last good version


class Hold(StrEnum):
    """Why a file's new version is not served."""

    WRITING = "being-written"  # younger than SETTLE_SECONDS: may still be being written
    SHRUNK = "much-shorter"  # lost most of its records at once: waiting to see it is meant
    PROBLEMS = "problems"  # it has problems

    @property
    def waits(self) -> bool:
        """Whether the hold ends with time alone (no change to the file)."""
        return self is not Hold.PROBLEMS


@dataclass(frozen=True)
class FileState:
    """What the dashboard serves for one file and why."""

    file: str
    status: FileStatus
    checked_at: float  # when the file was last looked at
    loaded_at: float | None  # when the served version was read
    since: float | None = None  # when the file started to differ from what is served
    reason: str | None = None  # why the last good version is served
    problems: tuple[Problem, ...] = ()
    sha256: str = ""  # of the version served
    hold: Hold | None = None  # the kind of ``reason`` (none for a missing file)

    @property
    def serving_last_good(self) -> bool:
        return self.status in (FileStatus.LAST_GOOD, FileStatus.PENDING, FileStatus.MISSING)


@dataclass(frozen=True)
class Snapshot:
    """One consistent state of the data: never modified once published."""

    version: int
    dataset: Dataset
    problems: tuple[Problem, ...]  # what the CLI reports for the files on disk
    files: tuple[FileState, ...]
    created_at: float
    _table: list[pd.DataFrame] = field(default_factory=list, repr=False, compare=False)

    @property
    def table(self) -> pd.DataFrame:
        """The tidy table of the served data (built once per snapshot)."""
        if not self._table:
            with _TABLE_LOCK:  # sessions asking at once wait for one build, not build twice
                if not self._table:
                    self._table.append(tidy_table(self.dataset))
                    release_free_memory()
        return self._table[0]

    @cached_property
    def digest(self) -> str:
        """The data's version derived from its content: each file, the sha256 of the version
        served and its state. Every process watching the same folder names the same data
        alike (``version`` counts this process's snapshots only)."""
        h = hashlib.sha256()
        for f in sorted(self.files, key=lambda f: f.file):
            h.update(f"{f.file}\0{f.sha256}\0{f.status}\n".encode())
        return h.hexdigest()[:12]

    @property
    def degraded(self) -> list[FileState]:
        """Files served from their last good version."""
        return [f for f in self.files if f.serving_last_good]
