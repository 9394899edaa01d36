"""Drafting claims from an article: figures, cue words, the command and its output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from dashboard.cli import main
from dashboard.core import cues
from dashboard.core.checks import UNDECIDED
from dashboard.core.draft import draft_claims, drafts_yaml
from dashboard.core.live import DataStore
from dashboard.core.loader import load_dataset
from dashboard.core.numerals import read_figure

ROOT = Path(__file__).resolve().parents[2]
UNITS = [u["id"] for u in yaml.safe_load((ROOT / "data/units.yaml").read_text())["units"]]


@pytest.mark.parametrize(
    ("text", "value", "unit", "hedge"),
    [
        ("1.1万家企业", 1.1, "万家", None),
        ("千余家", 1000, "家", "余"),
        ("百亿元", 100, "亿元", None),
        ("百万吨", 100, "万吨", None),
        ("两个", 2, "个", None),
        ("一百多个", 100, "个", "多"),
        ("2万多套", 2, "万套", "多"),
        ("8600余万元", 8600, "万元", "余"),
        ("6,230亿元", 6230, "亿元", None),
        ("2个百分点", 2, "个百分点", None),
        ("七成", 7, "成", None),
        ("数十种", 10, "种", None),
        ("上万人", 1, "万人", None),
        ("一千三百项", 1300, "项", None),
        ("4个架次", 4, "架次", None),
        ("3个项目", 3, "个", None),
        ("14大类", 14, "类", None),
        ("亿元融资", 1, "亿元", None),  # 逾亿元: the figure starts at 亿
    ],
)
def test_read_figure_value_unit_hedge(text: str, value: float, unit: str, hedge: str) -> None:
    """Arabic and Chinese figures read with their unit from units.yaml and their hedge."""
    figure = read_figure(text, 0, UNITS)
    assert figure is not None
    assert (figure.value, figure.unit, figure.hedge) == (value, unit, hedge)


@pytest.mark.parametrize(
    ("before", "hedge", "after", "expected"),
    [
        ("总投资超", None, "的", "over"),
        ("专家超过", None, "", "over"),
        ("累计注册企业近", None, "", "nearly"),
        ("贷款余额突破", None, "", "over"),
        ("可容纳机柜约", None, "", "about"),
        ("资金最高", None, "", "up_to"),
        ("建设", None, "以上", "over"),
        ("拥有", None, "左右", "about"),
        ("注册企业", "余", "", "more_than"),
        ("实现", None, "，", "exact"),
        ("节约了", None, "", "exact"),
        ("差不多", None, "", "about"),
    ],
)
def test_qualifier_from_cue_words(before: str, hedge: str | None, after: str, expected) -> None:
    """The hedge words around a figure decide its qualifier; none leaves it exact."""
    assert cues.qualifier(before, hedge, after).value == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("今年计划增加到", "plan"),
        ("预计年产", "forecast"),
        ("力争", "target"),
        ("目前已累计注册企业", "actual"),
    ],
)
def test_status_from_cue_words(clause: str, expected: str) -> None:
    """计划/拟 plan, 预计 forecast, 力争/目标 target, otherwise actual."""
    assert cues.status(clause, clause).value == expected


@pytest.mark.parametrize(
    ("clause", "standard", "expected"),
    [
        ("累计注册企业", "count", "cumulative"),
        ("营业收入同比增长", "percent", "growth"),
        ("占全市比重", "percent", "share"),
        ("新增企业", "count", "flow"),
        ("拥有专利", "count", "stock"),
        ("连续11个月居全省", "rank", "rank"),
    ],
)
def test_kind_from_cue_words(clause: str, standard: str, expected: str) -> None:
    """累计, 增长, 占/比重, 第/首位 and 新增 decide the kind; otherwise a stock."""
    assert cues.kind(clause, standard, clause[-2:]).value == expected


@pytest.mark.parametrize(
    ("text", "status", "kind", "expected"),
    [
        ("截至2023年底，", "actual", "stock", "2023-12"),
        ("2023年，", "actual", "flow", "2023"),
        ("今年1—4月，", "actual", "flow", "2024-01..2024-04"),
        ("2024年一季度，", "actual", "growth", "2024-Q1"),
        ("十年来，", "actual", "cumulative", "2014..2024-05"),
        ("2020年以来，", "actual", "cumulative", "2020..2024-05"),
        ("目前，", "actual", "stock", "2024-05"),
        ("今年计划", "plan", "flow", "2024"),
    ],
)
def test_period_from_date_words(text: str, status: str, kind: str, expected: str) -> None:
    """Date words before the figure, read against an article of 21 May 2024."""
    assert cues.period(text, "2024-05-21", status, kind).value == expected


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """The bundled data and articles, with article a003's claims removed."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "data/claims/a003.yaml").write_text("claims: []\n", encoding="utf-8")
    return tmp_path / "data"


def test_draft_command_writes_claims_validate_places_undecided(data_copy: Path) -> None:
    """The draft file is in the data format: it loads, every quote is verbatim with its
    figure, and each undecided field is a draft-field problem at that field's line."""
    out = data_copy / "claims/a003.yaml"
    assert main(["draft", "a003", "--data-dir", str(data_copy), "-o", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    claims = yaml.safe_load(written)["claims"]
    assert len(claims) > 40
    dataset = load_dataset(data_copy)
    (loaded,) = [f for f in dataset.files if f.file == "data/claims/a003.yaml"]
    assert len(loaded.records["claims"]) == len(claims)
    codes = {p.code for p in dataset.problems}
    assert not codes & {"quote-not-found", "number-not-in-quote", "yaml-syntax", "duplicate-id"}
    drafted = [p for p in dataset.problems if p.code == "draft-field"]
    lines = written.splitlines()
    placeholders = [i + 1 for i, line in enumerate(lines) if line.endswith(UNDECIDED)]
    assert sorted(p.line for p in drafted) == placeholders
    assert all(p.file == "data/claims/a003.yaml" for p in drafted)


def test_draft_is_deterministic_and_in_text_order(data_copy: Path) -> None:
    """Two drafts of one article are the same text; their figures come in text order."""
    dataset = load_dataset(data_copy)
    first = draft_claims(dataset, "a003")
    again = draft_claims(load_dataset(data_copy), "a003")
    assert drafts_yaml(first, "a003", "t") == drafts_yaml(again, "a003", "t")
    assert [d.start for d in first] == sorted(d.start for d in first)
    assert all(d.fields["note"].startswith("draft:") for d in first)


def test_draft_refuses_to_overwrite_claims(data_copy: Path, capsys) -> None:
    """-o onto a claims file that holds claims is refused and the file is unchanged."""
    target = data_copy / "claims/a001.yaml"
    before = target.read_bytes()
    assert main(["draft", "a003", "--data-dir", str(data_copy), "-o", str(target)]) == 2
    assert "already holds data" in capsys.readouterr().err
    assert target.read_bytes() == before


def test_draft_unknown_source(data_copy: Path, capsys) -> None:
    """An unknown source id is a clear error."""
    assert main(["draft", "a999", "--data-dir", str(data_copy)]) == 2
    assert "a999" in capsys.readouterr().err


def test_real_data_has_nothing_to_draft() -> None:
    """Every figure of the bundled articles is recorded or excluded: nothing to draft."""
    dataset = load_dataset(ROOT / "data")
    assert len(dataset.sources) == 5
    assert all(draft_claims(dataset, source_id) == [] for source_id in dataset.sources)


def test_saved_draft_is_held_back_until_decided(data_copy: Path) -> None:
    """A draft saved into data/claims/ goes through the live reload like any edit: while a
    field is undecided the file serves its last good version (no claims) and the problems
    are the CLI's draft-field ones."""
    store = DataStore(data_copy, clock=lambda: 10**10)  # every file long settled
    first = store.refresh()
    assert not (first.table["source_id"] == "a003").any()
    out = data_copy / "claims/a003.yaml"
    assert main(["draft", "a003", "--data-dir", str(data_copy), "-o", str(out)]) == 0
    snapshot = store.refresh()
    state = next(f for f in snapshot.files if f.file == "data/claims/a003.yaml")
    assert state.status == "last-good"
    assert "draft-field" in {p.code for p in state.problems}
    assert [p.key for p in snapshot.problems] == [p.key for p in load_dataset(data_copy).problems]
    assert not (snapshot.table["source_id"] == "a003").any()
