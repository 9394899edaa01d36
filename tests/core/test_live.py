"""Live reload with real files: edits show, broken or vanished files keep their last good data."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import dashboard.core.parse as parse
from dashboard.core.live import SUSPECT_HOLD_SECONDS, DataStore
from dashboard.core.loader import load_dataset
from tests.conftest import FIXTURES

CLAIMS = "data/claims/t1.yaml"
FIXTURE_CLAIMS = FIXTURES / "mini" / "data" / "claims" / "t1.yaml"


class Clock:
    """A clock the test moves; files written by the test count as settled by default."""

    def __init__(self) -> None:
        self.now = 10**10

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def store(mini: Path) -> DataStore:
    return DataStore(mini, clock=Clock())


def _claims(mini: Path) -> Path:
    return mini / "claims" / "t1.yaml"


def _edit(mini: Path, old: str, new: str) -> None:
    path = _claims(mini)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _value(store: DataStore, claim_id: str) -> float:
    table = store.refresh().table.set_index("claim_id")
    return float(table.loc[claim_id, "value"])


def _state(store: DataStore, name: str = CLAIMS):
    return next(f for f in store.snapshot.files if f.file == name)


def test_live_edit_shows_up(store: DataStore, mini: Path) -> None:
    """A saved edit is served on the next refresh, in a new snapshot version."""
    first = store.refresh()
    assert _value(store, "t1-compute-now") == 200
    _edit(mini, "value: 200\n", "value: 300\n")
    assert _value(store, "t1-compute-now") == 300
    assert store.snapshot.version == first.version + 1
    assert _state(store).status == "ok"


def test_live_unchanged_files_are_not_parsed_again(
    store: DataStore, mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refreshing with nothing changed reuses the snapshot; an edit parses only that file."""
    first = store.refresh()
    calls: list[str] = []
    real = parse.parse_file

    def counting(path, display, kind, raw=None):
        calls.append(display)
        return real(path, display, kind, raw)

    monkeypatch.setattr(parse, "parse_file", counting)
    assert store.refresh() is first
    _edit(mini, "value: 200\n", "value: 300\n")
    store.refresh()
    assert calls == [CLAIMS]


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("    site: tech_park\n", "   site: tech_park\n", "yaml-syntax"),
        (
            "site: tech_park\n    metric: compute_capacity",
            "site: nowhere\n    metric: compute_capacity",
            "unknown-site",
        ),
        (
            "quote: 算力规模从目前的200P扩容到300P。\n  - id: t1-compute-plan",
            "quote: 算力规模扩容到200P。\n  - id: t1-compute-plan",
            "quote-not-found",
        ),
    ],
)
def test_live_broken_file_keeps_last_good(
    store: DataStore, mini: Path, old: str, new: str, code: str
) -> None:
    """A broken save keeps the file's last valid records and reports what the CLI reports."""
    store.refresh()
    _edit(mini, "value: 200\n", "value: 300\n")
    assert _value(store, "t1-compute-now") == 300
    _edit(mini, old, new)
    snapshot = store.refresh()
    assert [p.key for p in snapshot.problems] == [p.key for p in load_dataset(mini).problems]
    assert code in {p.code for p in snapshot.problems}
    assert _value(store, "t1-compute-now") == 300  # the last good version, not the broken one
    state = _state(store)
    assert state.status == "last-good" and state.since == snapshot.created_at
    assert code in {p.code for p in state.problems}
    first = state.problems[0]
    assert state.reason.endswith(f"first at line {first.line}: [{first.code}]")
    assert len(snapshot.table[~snapshot.table["derived"]]) == 6


def test_live_other_files_still_come_through(store: DataStore, mini: Path) -> None:
    """While one file is broken, an edit to another file is served."""
    store.refresh()
    _claims(mini).write_text("claims: [\n", encoding="utf-8")
    units = mini / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace("factor: 1.0e8", "factor: 1.0e4"),
        encoding="utf-8",
    )
    table = store.refresh().table.set_index("claim_id")
    assert table.loc["t1-contracts", "value_std"] == 152 * 1.0e4
    assert _state(store).status == "last-good"


def test_live_fix_clears_the_banner(store: DataStore, mini: Path) -> None:
    """Fixing the file serves it again and clears its state."""
    store.refresh()
    good = _claims(mini).read_text(encoding="utf-8")
    _claims(mini).write_text("claims: [\n", encoding="utf-8")
    store.refresh()
    _claims(mini).write_text(good.replace("value: 300\n", "value: 200\n"), encoding="utf-8")
    snapshot = store.refresh()
    assert snapshot.problems == () and snapshot.degraded == []
    assert _value(store, "t1-compute-plan") == 200


def test_live_file_being_written_waits(store: DataStore, mini: Path) -> None:
    """A file modified a moment ago is not served until it settles."""
    store.refresh()
    _edit(mini, "value: 200\n", "value: 300\n")
    store._clock.now = _claims(mini).stat().st_mtime + 0.05  # type: ignore[attr-defined]
    assert _value(store, "t1-compute-now") == 200
    assert _state(store).status == "pending"
    store._clock.now += 1  # type: ignore[attr-defined]
    assert _value(store, "t1-compute-now") == 300


def test_live_truncated_file_is_suspect_until_it_settles(store: DataStore, mini: Path) -> None:
    """A valid file that suddenly lost most of its records is held back for a while."""
    store.refresh()
    text = _claims(mini).read_text(encoding="utf-8")
    first_claim = text[: text.index("  - id: t1-park-served")]
    _claims(mini).write_text(first_claim, encoding="utf-8")
    snapshot = store.refresh()
    assert snapshot.problems == ()  # valid YAML, valid record: the CLI sees nothing wrong
    assert len(snapshot.dataset.claims) == 6
    assert _state(store).status == "pending"
    store._clock.now += SUSPECT_HOLD_SECONDS + 0.1  # type: ignore[attr-defined]
    snapshot = store.refresh()
    assert len(snapshot.dataset.claims) == 1 and _state(store).status == "ok"


def test_live_deleted_file_keeps_last_good(store: DataStore, mini: Path) -> None:
    """A file that vanishes is reported and its last good records stay."""
    store.refresh()
    _claims(mini).unlink()
    snapshot = store.refresh()
    assert len(snapshot.dataset.claims) == 6
    assert _state(store).status == "missing"


def test_live_rename_over_is_picked_up(store: DataStore, mini: Path) -> None:
    """An editor that saves by writing a temporary file and renaming it over is seen."""
    store.refresh()
    tmp = mini / "claims" / ".t1.yaml.swp"
    tmp.write_text(
        _claims(mini).read_text(encoding="utf-8").replace("value: 200\n", "value: 300\n"),
        encoding="utf-8",
    )
    os.replace(tmp, _claims(mini))
    assert _value(store, "t1-compute-now") == 300


def test_live_symlink_outside_is_not_followed(store: DataStore, mini: Path, tmp_path: Path) -> None:
    """A file replaced by a link leading outside the data folder is refused; last good stays."""
    store.refresh()
    outside = tmp_path / "outside.yaml"
    outside.write_text("claims: []\n", encoding="utf-8")
    _claims(mini).unlink()
    _claims(mini).symlink_to(outside)
    snapshot = store.refresh()
    assert [p.key for p in snapshot.problems] == [(CLAIMS, 0, "bad-path")]
    assert len(snapshot.dataset.claims) == 6 and _state(store).status == "last-good"


def test_live_file_replaced_by_folder(store: DataStore, mini: Path) -> None:
    """A file replaced by a folder is reported as unreadable; last good stays."""
    store.refresh()
    _claims(mini).unlink()
    _claims(mini).mkdir()
    snapshot = store.refresh()
    assert [p.key for p in snapshot.problems] == [(CLAIMS, 0, "unreadable")]
    assert len(snapshot.dataset.claims) == 6


def test_live_snapshots_are_consistent_under_concurrency(store: DataStore, mini: Path) -> None:
    """Sessions refreshing while files change each see one whole version, never a mix."""
    store.refresh()
    base = _claims(mini).read_text(encoding="utf-8")
    versions = [base.replace("status: actual", f"status: actual\n    note: v{i}") for i in range(2)]
    stop = threading.Event()
    seen: list[set[str]] = []
    errors: list[BaseException] = []

    def writer() -> None:
        i = 0
        while not stop.is_set():
            tmp = mini / "claims" / f".w{i % 2}"
            tmp.write_text(versions[i % 2], encoding="utf-8")
            os.replace(tmp, _claims(mini))
            i += 1

    def reader() -> None:
        try:
            for _ in range(40):
                snapshot = store.refresh()
                notes = {
                    item.record.note
                    for _, item in snapshot.dataset.claims
                    if item.record.status.value == "actual"
                }
                seen.append(notes)
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=writer)] + [
        threading.Thread(target=reader) for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads[1:]:
        thread.join()
    stop.set()
    threads[0].join()
    assert errors == []
    assert seen and all(len(notes) == 1 for notes in seen)


def test_live_versions_change_only_with_what_readers_see(store: DataStore, mini: Path) -> None:
    """Refreshing a broken or settling file publishes no new version until something changes
    (an open page reruns on every new version, so churn would rerun it forever)."""
    store.refresh()
    _claims(mini).write_text("claims: [\n", encoding="utf-8")
    broken = store.refresh()
    store._clock.now += 5  # type: ignore[attr-defined]
    assert store.refresh() is broken
    text = (mini / "sources.yaml").read_text(encoding="utf-8")
    (mini / "sources.yaml").write_text(text, encoding="utf-8")  # touched, same content
    assert store.refresh().version == broken.version
    good = FIXTURE_CLAIMS.read_text(encoding="utf-8").replace("value: 200\n", "value: 300\n")
    _claims(mini).write_text(good, encoding="utf-8")  # fixed, and new content: it must settle
    store._clock.now = _claims(mini).stat().st_mtime + 0.05  # type: ignore[attr-defined]
    settling = store.refresh()
    assert _state(store).status == "pending"
    assert store.refresh() is settling
    store._clock.now += 1  # type: ignore[attr-defined]
    assert store.refresh().version == settling.version + 1
    assert _state(store).status == "ok"


def test_live_version_is_derived_from_content(mini: Path) -> None:
    """Two stores on the same folder (two server processes) name the same data alike, and a
    save changes the name in both; undoing the save brings the first name back."""
    one, two = DataStore(mini, Clock(), cache=None), DataStore(mini, Clock(), cache=None)
    first = one.refresh().digest
    two.refresh()
    two.refresh()  # a counter would differ after extra refreshes; the digest does not
    assert two.snapshot.digest == first
    _edit(mini, "value: 200\n", "value: 300\n")
    assert one.refresh().digest == two.refresh().digest != first
    _edit(mini, "value: 300\n", "value: 200\n")
    assert one.refresh().digest == first
