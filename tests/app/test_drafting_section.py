"""Data health offers each article's draft: its uncaptured figures, the YAML and the command."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from streamlit.testing.v1 import AppTest

from dashboard.cli import main

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"
APP_DATA = ROOT / "tests" / "fixtures" / "app_data"


def _health(locale: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.context["locale"] = locale
    at.context["url"] = "http://127.0.0.1:8501/health"
    at.switch_page("app_pages/health.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _copy(tmp_path: Path, monkeypatch) -> Path:
    shutil.copytree(APP_DATA, tmp_path / "app_data")
    data = tmp_path / "app_data" / "data"
    (data / "claims" / "f001.yaml").write_text("claims: []\n", encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    return data


def test_health_offers_the_draft_the_command_writes(tmp_path, monkeypatch, capsys) -> None:
    """An article without claims gets an expander listing its figures, a download of the
    draft that is byte for byte what `draft -o` writes, and that command beside it."""
    data = _copy(tmp_path, monkeypatch)
    at = _health("en-US")
    (expander,) = [e for e in at.expander if e.label.startswith("f001")]
    assert "figures" in expander.label
    (figures,) = [d.value for d in expander.dataframe]
    assert list(figures.columns[:2]) == ["Figure", "Site"]
    assert "5000家" in set(figures["Figure"])
    (code,) = [c.value for c in at.code if "draft f001" in c.value]
    assert code == "python -m dashboard draft f001 -o data/claims/f001.yaml"
    (button,) = [b for b in at.get("download_button") if "f001" in str(b.proto.label)]
    assert button.proto.label == "Download draft f001.yaml"

    out = tmp_path / "f001.yaml"
    assert main(["draft", "f001", "--data-dir", str(data), "-o", str(out)]) == 0
    drafted = yaml.safe_load(out.read_text(encoding="utf-8"))["claims"]
    assert len(figures) == len(drafted)
    assert list(figures["Quote"]) == [c["quote"] for c in drafted]


def test_health_drafts_in_chinese(tmp_path, monkeypatch) -> None:
    """The Chinese view labels the section, its columns and vocabulary in Chinese."""
    _copy(tmp_path, monkeypatch)
    at = _health("zh-CN")
    assert any(s.value == "待录入数字的草稿" for s in at.subheader)
    (figures,) = [d.value for d in at.dataframe if "原文" in d.value.columns]
    assert list(figures.columns) == ["数字", "地点", "指标", "时期", "状态", "类型", "原文"]
    assert set(figures["状态"]) <= {"实际", "计划", "目标", "预计"}


def test_health_drafts_only_the_article_picked(tmp_path, monkeypatch) -> None:
    """With several articles waiting, a select box lists each with its uncaptured count and
    the page drafts the one picked: the table and the download follow the choice."""
    data = _copy(tmp_path, monkeypatch)
    (data / "claims" / "f002.yaml").write_text("claims: []\n", encoding="utf-8")
    at = _health("en-US")
    box = at.selectbox(key="w_drafting_source")
    assert box.options[:2] == [o for o in box.options if o.startswith(("f001", "f002"))]
    assert all("figures uncaptured" in o for o in box.options)
    assert [e.label[:4] for e in at.expander if e.label.startswith("f00")] == ["f001"]
    box.set_value("f002").run()
    assert not at.exception
    assert [e.label[:4] for e in at.expander if e.label.startswith("f00")] == ["f002"]
    (button,) = [b for b in at.get("download_button") if "draft" in str(b.proto.label)]
    assert button.proto.label == "Download draft f002.yaml"
