"""The edited file: a scratch copy of data/, its versions, and the writer that saves them."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

from benchmarks.common import ROOT

EDITED = "sites/zhengzhou.yaml"
# The two sites renamed together, with their names in the data (zh, en).
RENAMED = {
    "zhengzhou_china_europe_railway": (
        "中欧班列(郑州)",
        "China–Europe Railway Express (Zhengzhou)",
    ),
    "zhengzhou_luxembourg_air_route": (
        "郑州—卢森堡航线（“空中丝绸之路”）",
        "Zhengzhou–Luxembourg air cargo route",
    ),
}
BOTH = ",".join(RENAMED)
WRITE_EVERY = 2.5  # seconds between versions
BREAK_EVERY = 5  # every 5th version is first saved broken ...
FIX_AFTER = 1.0  # ... and fixed this many seconds later


def scratch_copy(into: Path) -> Path:
    """Copy data/ and seeds/ side by side (sources.yaml reads ../seeds/); return the data dir."""
    shutil.copytree(ROOT / "data", into / "data")
    shutil.copytree(ROOT / "seeds", into / "seeds")
    return into / "data"


def versioned(original: str, k: int, broken: bool = False) -> str:
    """The sites file with both renamed sites at version ``k``; ``broken``: only the first
    renamed and a YAML syntax error further down, as a save caught half-way would be."""
    text = original
    for i, (zh, en) in enumerate(RENAMED.values()):
        if broken and i > 0:
            break
        for key, value in (("name_zh", zh), ("name_en", en)):
            line = f"    {key}: {value}\n"
            assert text.count(line) == 1, f"{line!r} not once in {EDITED}"
            text = text.replace(line, f"    {key}: {value} v{k}\n")
    if broken:
        text = text.replace("    kind: facility\n", "    kind: [facility\n", 1)
    return text


def save(path: Path, text: str) -> None:
    """Save as editors do: a temporary file in the same folder, renamed over the old one."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class Writer(threading.Thread):
    """Saves version 1, 2, 3 ... of the edited file every ``WRITE_EVERY`` seconds until told
    to stop; every ``BREAK_EVERY``-th version is saved broken first and fixed ``FIX_AFTER``
    later. ``good`` holds (monotonic time, k) of every valid save, version 0 included."""

    def __init__(self, path: Path, original: str) -> None:
        super().__init__(name="yaml-writer", daemon=True)
        self.path, self.original = path, original
        self.stop = threading.Event()
        self.good: list[tuple[float, int]] = [(0.0, 0)]
        self.broken: list[tuple[float, int]] = []
        self.failure: BaseException | None = None

    def good_at(self, moment: float) -> int:
        """The latest version saved valid at ``moment``."""
        return max(k for at, k in self.good if at <= moment)

    def valid(self, k: int) -> bool:
        return any(v == k for _, v in self.good)

    def run(self) -> None:
        try:
            k = 0
            while not self.stop.wait(WRITE_EVERY):
                k += 1
                if k % BREAK_EVERY == 0:
                    save(self.path, versioned(self.original, k, broken=True))
                    self.broken.append((time.monotonic(), k))
                    if self.stop.wait(FIX_AFTER):
                        save(self.path, versioned(self.original, k - 1))  # leave it valid
                        return
                save(self.path, versioned(self.original, k))
                self.good.append((time.monotonic(), k))
        except BaseException as err:  # reported, and fails the run
            self.failure = err
