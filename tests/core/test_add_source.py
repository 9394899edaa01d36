"""Adding an article: registered in two commands, every bad input refused with nothing changed."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from dashboard.cli import main
from dashboard.core.loader import load_dataset

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "天开园持续发力\n\n"
    "截至2024年底，天开园已累计注册企业超2000家。"
    "2024年，天津市新增国家高新技术企业1200家，同比增长12.5%。\n"
)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the bundled data and articles."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def _state(project: Path) -> dict[str, str]:
    """Every file under the project copy with its digest."""
    return {
        str(p.relative_to(project)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(project.rglob("*"))
        if p.is_file()
    }


def _add(project: Path, file: Path, *extra: str) -> int:
    args = ["add-source", str(file), "--data-dir", str(project / "data")]
    args += ["--publication", "天津日报", "--title", "天开园持续发力", "--date", "2025-01-10"]
    return main([*args, *extra])


def test_add_source_then_draft_two_commands(project: Path, capsys) -> None:
    """A text file becomes a registered article (copied, hashed, an empty claims file) and
    its drafted records validate in the data format."""
    new = project / "new.txt"
    new.write_text(ARTICLE, encoding="utf-8")
    assert _add(project, new) == 0
    out = capsys.readouterr().out
    assert "added source a005" in out
    sources = yaml.safe_load((project / "data/sources.yaml").read_text(encoding="utf-8"))
    entry = sources["sources"][-1]
    digest = hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert entry == {
        "id": "a005",
        "file": f"../seeds/005_{digest[:16]}.txt",
        "publication": "天津日报",
        "title": "天开园持续发力",
        "date": "2025-01-10",
        "sha256": digest,
    }
    assert (project / "seeds" / f"005_{digest[:16]}.txt").read_text(encoding="utf-8") == ARTICLE
    claims = project / "data/claims/a005.yaml"
    assert yaml.safe_load(claims.read_text(encoding="utf-8")) == {"claims": []}
    assert load_dataset(project / "data").problems == []

    assert main(["draft", "a005", "--data-dir", str(project / "data"), "-o", str(claims)]) == 0
    drafted = yaml.safe_load(claims.read_text(encoding="utf-8"))["claims"]
    assert [(c["value"], c["unit"], c["qualifier"]) for c in drafted] == [
        (2000, "家", "over"),
        (1200, "家", "exact"),
        (12.5, "%", "exact"),
    ]
    assert [(c["site"], c["metric"], c["period"]) for c in drafted] == [
        ("tiankai_park", "registered_enterprises", "2024-12"),
        ("tianjin", "high_tech_enterprises", "2024"),
        ("tianjin", "high_tech_enterprises", "2024"),
    ]
    assert [c["kind"] for c in drafted] == ["stock", "flow", "growth"]  # stock: as its series
    dataset = load_dataset(project / "data")
    assert [str(p) for p in dataset.problems] == []
    assert len([1 for sid, _ in dataset.claims if sid == "a005"]) == 3


def _refused(project: Path, capsys, file: Path, *extra: str) -> str:
    before = _state(project)
    assert _add(project, file, *extra) == 2
    assert _state(project) == before
    err = capsys.readouterr().err
    assert "nothing was changed" in err
    return err


def test_add_source_refuses_text_not_utf8(project: Path, capsys) -> None:
    """A GB18030 file is refused with its line and a hint, nothing written."""
    bad = project / "gbk.txt"
    bad.write_bytes("第一行\n天开园注册企业1300余家".encode("gb18030"))
    err = _refused(project, capsys, bad)
    assert f"{bad}:1: not UTF-8 text" in err


def test_add_source_refuses_binary(project: Path, capsys) -> None:
    """A file with NUL bytes is not text."""
    bad = project / "binary.txt"
    bad.write_bytes(b"abc\x00def")
    assert "not text" in _refused(project, capsys, bad)


def test_add_source_refuses_duplicate_article(project: Path, capsys) -> None:
    """An article already registered (same sha256) is refused, naming the source."""
    copy = project / "again.txt"
    shutil.copy(project / "seeds/001_3cc48ae0d6aefe17.txt", copy)
    assert "same text as source a001" in _refused(project, capsys, copy)


def test_add_source_refuses_taken_id(project: Path, capsys) -> None:
    """--id of a registered source is refused, naming where it is defined."""
    new = project / "new.txt"
    new.write_text(ARTICLE, encoding="utf-8")
    assert "--id a002: taken by" in _refused(project, capsys, new, "--id", "a002")


def test_add_source_refuses_missing_file_and_bad_date(project: Path, capsys) -> None:
    """A missing file and a date that is not YYYY-MM-DD are refused."""
    assert "no such file" in _refused(project, capsys, project / "missing.txt")
    new = project / "new.txt"
    new.write_text(ARTICLE, encoding="utf-8")
    before = _state(project)
    args = ["add-source", str(new), "--data-dir", str(project / "data"), "--publication", "p"]
    assert main([*args, "--title", "t", "--date", "2025-13-01"]) == 2
    assert "expected a date YYYY-MM-DD" in capsys.readouterr().err
    assert _state(project) == before
