"""Data health, causes first: each follow-on problem under the lost file that defines the id
it names, did-you-mean hints only for close names, and times in the reader's language
(dashboard.present.causes, dashboard.core.defined, dashboard.present.health)."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dashboard.core.defined import defined_ids, ids_in_text
from dashboard.core.live import DataStore
from dashboard.core.loader import load_dataset
from dashboard.core.snapshot import FileState, FileStatus
from dashboard.present.causes import follow_sentence, group_problems, lost_files
from dashboard.present.health import banner_lines, files_frame, format_time

NORTH = """sites:
  - {id: tianjin, name_zh: 天津市, name_en: Tianjin, kind: province, region: north, city: Tianjin, lat: 39.08, lon: 117.2, precision: city}
"""  # noqa: E501
SOUTH = """sites:
  - id: tech_park
    name_zh: 科技园
    name_en: Tech Park
    kind: park
    region: north
    city: Tianjin
    lat: 39.13
    lon: 117.74
    precision: district
"""
# A valid sites file whose site names a parent in NORTH: a site, not a claim, refers to it.
EAST = """sites:
  - {id: east_port, name_zh: 东港, name_en: East Port, kind: zone, parent: tianjin, region: north, city: Tianjin, lat: 39.0, lon: 117.8, precision: district}
"""  # noqa: E501
# A claim naming a site that neither file defines: a mistake of its own.
STRAY = """  - id: t1-stray
    site: nowhere_park
    metric: registered_enterprises
    value: 5000
    unit: 家
    qualifier: over
    period: "2024-05"
    status: actual
    kind: stock
    quote: 科技园目前企业总数已超5000家，税收超12亿元。
"""


def split_sites(data: Path) -> None:
    """The mini data's sites in three files (north: tianjin, south: tech_park, east: a site
    whose parent is tianjin), and a claim naming a site none of them defines."""
    (data / "sites" / "north.yaml").write_text(NORTH, encoding="utf-8")
    (data / "sites" / "south.yaml").write_text(SOUTH, encoding="utf-8")
    (data / "sites" / "east.yaml").write_text(EAST, encoding="utf-8")
    claims = data / "claims" / "t1.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + STRAY, encoding="utf-8")


def break_yaml(path: Path) -> None:
    """A syntax error at the end (an unclosed flow mapping): no record of the file is read."""
    with path.open("a", encoding="utf-8") as out:
        out.write("  - {id: half_written, name_zh: 半\n")


def claims_naming(data: Path, site: str) -> int:
    """How many claims of the mini data name ``site`` (as site or scope)."""
    text = (data / "claims" / "t1.yaml").read_text(encoding="utf-8")
    return text.count(f"site: {site}\n") + text.count(f"scope: {site}\n")


def test_follow_ons_go_under_the_file_defining_their_id(mini: Path):
    """Two broken sites files: each unknown site under the file that defines it; an id
    neither defines stays with the other problems."""
    split_sites(mini)
    before = load_dataset(mini).problems  # the split files are valid: only the stray claim
    assert [(p.code, p.ref) for p in before] == [("unknown-site", "nowhere_park")]
    break_yaml(mini / "sites" / "north.yaml")
    break_yaml(mini / "sites" / "south.yaml")
    dataset = load_dataset(mini)
    defined = defined_ids(dataset, lost_files(dataset.problems))
    assert defined == {
        "data/sites/north.yaml": {"tianjin", "half_written"},
        "data/sites/south.yaml": {"tech_park", "half_written"},
    }
    grouped = group_problems(dataset.problems, defined)
    north, south = grouped.causes
    assert (north.problem.file, north.problem.code) == ("data/sites/north.yaml", "yaml-syntax")
    assert (south.problem.file, south.problem.code) == ("data/sites/south.yaml", "yaml-syntax")
    assert {p.ref for p in north.follow_ons} == {"tianjin"}
    assert {p.ref for p in south.follow_ons} == {"tech_park"}
    assert north.referrers == {"claims": claims_naming(mini, "tianjin"), "sites": 1}
    assert south.referrers == {"claims": claims_naming(mini, "tech_park")}
    assert [(p.code, p.ref) for p in grouped.others] == [("unknown-site", "nowhere_park")]
    assert grouped.total == len(dataset.problems)
    n = claims_naming(mini, "tech_park")
    assert follow_sentence(south, "en").startswith(
        f"{n} claims refer to sites defined in this file (unknown-site)."
    )
    assert follow_sentence(south, "zh").startswith(
        f"{n}条数据引用了此文件定义的地点（unknown-site）"
    )
    m = claims_naming(mini, "tianjin")
    assert follow_sentence(north, "en").startswith(
        f"{m} claims and 1 site refer to sites defined in this file"
    )
    assert follow_sentence(north, "zh").startswith(f"{m}条数据和1个地点引用了此文件定义的地点")


def settle(data: Path) -> None:
    """Every file written ten seconds ago: none is held back as still being written."""
    past = time.time() - 10
    for path in data.rglob("*.yaml"):
        os.utime(path, (past, past))


def test_a_file_served_from_its_last_good_version_defines_what_that_version_held(mini: Path):
    """A sites file overwritten with text that names no id: the live store serves its last
    good version, and the claims naming its sites are grouped under it from that."""
    split_sites(mini)
    settle(mini)
    store = DataStore(mini, cache=None)
    store.refresh()
    south = mini / "sites" / "south.yaml"
    south.write_text("sites: [\n", encoding="utf-8")
    settle(mini)
    snapshot = store.refresh()
    (state,) = [f for f in snapshot.files if f.file == "data/sites/south.yaml"]
    assert state.status is FileStatus.LAST_GOOD
    assert ids_in_text(south.read_text(encoding="utf-8")) == set()
    defined = defined_ids(snapshot.dataset, lost_files(snapshot.problems))
    assert defined == {"data/sites/south.yaml": {"tech_park"}}
    grouped = group_problems(snapshot.problems, defined)
    (cause,) = grouped.causes
    assert len(cause.follow_ons) == claims_naming(mini, "tech_park") > 0
    assert [p.ref for p in grouped.others] == ["nowhere_park"]


def test_ids_in_text_reads_block_and_flow_records():
    text = (
        "units:\n"
        '  - {id: "%", standard: percent}\n'
        "  - {name_en: firms, id: 家}\n"
        "sites:\n"
        "  - id: tiankai_park  # core area\n"
        "    growth_id: not_an_id\n"
        "   - id: 'xian_hitech'\n"
        "  - id:\n"
    )
    assert ids_in_text(text) == {"%", "家", "tiankai_park", "xian_hitech"}


XIAN_FUND = """  - id: xian_fund_park
    name_zh: 西安基金园
    name_en: Xi'an Fund Park
    kind: park
    region: north
    city: Xi'an
    lat: 34.2
    lon: 108.9
    precision: district
"""


@pytest.mark.parametrize(
    ("site", "hint"),
    [("tiankai_park", None), ("xian_fund_prak", "did you mean xian_fund_park?")],
)
def test_unknown_site_hint_only_for_a_close_name(mini: Path, site: str, hint: str | None):
    """A claim naming tiankai_park, where only xian_fund_park is near (a 0.62 match), gets
    no did-you-mean; a typo of a known id does."""
    sites = mini / "sites" / "north.yaml"
    sites.write_text(sites.read_text(encoding="utf-8") + XIAN_FUND, encoding="utf-8")
    claims = mini / "claims" / "t1.yaml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text.replace("site: tianjin\n", f"site: {site}\n", 1), encoding="utf-8")
    (problem,) = [p for p in load_dataset(mini).problems if p.code == "unknown-site"]
    assert (problem.ref, problem.hint) == (site, hint)


@pytest.fixture
def utc(monkeypatch):
    """The server's clock in UTC, so wall-clock times are known."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


WHEN = datetime(2026, 12, 3, 15, 49, 35, tzinfo=UTC).timestamp()


def test_times_read_in_the_readers_language(utc):
    assert format_time(WHEN, "zh") == "2026年12月3日 15:49:35"
    assert format_time(WHEN, "en") == "3 Dec 2026, 15:49:35"
    assert format_time(None, "zh") == ""
    state = FileState(
        "data/sites/south.yaml", FileStatus.LAST_GOOD, WHEN, WHEN - 3600, WHEN - 60, "broken"
    )
    zh = files_frame((state,), "zh").iloc[0]
    assert (zh["上次检查"], zh["所示版本读取于"], zh["出错起始"]) == (
        "2026年12月3日 15:49:35",
        "2026年12月3日 14:49:35",
        "2026年12月3日 15:48:35",
    )
    en = files_frame((state,), "en").iloc[0]
    assert (en["Checked"], en["Shown version read"], en["Differs since"]) == (
        "3 Dec 2026, 15:49:35",
        "3 Dec 2026, 14:49:35",
        "3 Dec 2026, 15:48:35",
    )
    (line,) = banner_lines([state], "zh")
    assert (line["since"], line["shown"]) == ("2026年12月3日 15:48:35", "2026年12月3日 14:49:35")
