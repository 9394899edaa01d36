"""Tables, periods and chart summaries as readers read them, on the real bundled data."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from dashboard.core.loader import load_dataset
from dashboard.core.table import tidy_table
from dashboard.present.formatting import period_label
from dashboard.present.health import files_frame, problems_frame
from dashboard.present.i18n import t
from dashboard.present.public import ProfileLinks, link_text
from dashboard.present.rows import select, with_measure
from dashboard.present.summaries import ranking_summary, trend_summary
from dashboard.present.tables import Names, claims_csv_frame, claims_table
from dashboard.present.view import View

DATA = Path(__file__).resolve().parents[2] / "data"
SNAKE = r"^[a-z]+(_[a-z0-9]+)*$"


@pytest.fixture(scope="module")
def bundled():
    dataset = load_dataset(DATA)
    return dataset, with_measure(tidy_table(dataset))


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        ("2024", "2024年", "2024"),
        ("2024-03", "2024年3月", "Mar 2024"),
        ("2024-Q1", "2024年第一季度", "Q1 2024"),
        ("2024-H2", "2024年下半年", "H2 2024"),
        ("2024-02-26", "2024年2月26日", "Feb 26, 2024"),
        ("2014..2024", "2014—2024年", "2014–2024"),
        ("2023-05..2023-12", "2023年5—12月", "May–Dec 2023"),
        ("2021-12..2023-02", "2021年12月—2023年2月", "Dec 2021–Feb 2023"),
        ("2022..2024-02", "2022年—2024年2月", "2022–Feb 2024"),
        ("not a period", "not a period", "not a period"),
    ],
)
def test_periods_in_reader_notation(text, zh, en):
    assert period_label(text, "zh") == zh
    assert period_label(text, "en") == en


def test_tables_show_one_figure_and_translated_headers(bundled):
    dataset, table = bundled
    rows = select(table, metric="registered_enterprises")
    assert len(rows) > 3
    for lang in ("zh", "en"):
        publications = Names(dataset, lang).publications()
        shown = claims_table(rows, lang, "std", publications=publications)
        keys = ("col.site", "col.metric", "col.figure", "col.period", "col.status", "col.source")
        assert list(shown.columns) == [t(k, lang) for k in keys]
        detailed = claims_table(rows, lang, "std", details=True, publications=publications)
        assert len(detailed.columns) > len(shown.columns)
        assert not detailed.columns.str.match(SNAKE).any()  # no value, unit, claim_id
        periods = set(shown[t("col.period", lang)])
        assert not any(".." in p for p in periods)
        figures = " ".join(detailed.astype(str).to_numpy().ravel())
        assert "确数" not in figures and "exact" not in figures
    zh = claims_table(rows, "zh", "std", publications=Names(dataset, "zh").publications())
    en = claims_table(rows, "en", "std", publications=Names(dataset, "en").publications())
    assert any(s.startswith(("天津日报", "科技日报")) for s in zh["来源"])
    assert any(
        s.startswith(("Tianjin Daily", "Science and Technology Daily")) for s in en["Source"]
    )
    assert any(f.startswith("超") for f in zh["数字"])
    assert any(f.startswith("over ") for f in en["Figure"])


def test_the_csv_always_holds_raw_values_units_and_provenance(bundled):
    _, table = bundled
    rows = select(table, metric="registered_enterprises")
    frame = claims_csv_frame(rows, "zh", "std")
    for column in ("value", "unit", "value_std", "unit_std", "claim_id", "quote", "file", "line"):
        assert column in frame.columns
    assert list(frame["claim_id"]) == list(rows["claim_id"].astype(str))
    assert (frame["value_std"].to_numpy() == rows["value_std"].to_numpy()).all()


def test_chart_summaries_name_the_figures_and_periods(bundled):
    _, table = bundled
    rows = select(
        table, metric="registered_enterprises", sites=["tiankai_park", "tiankai_park_all"]
    )
    rows = rows.sort_values("period_end")
    assert len(rows) >= 2
    zh = trend_summary(rows, "注册企业数", "zh", "std")
    assert zh.startswith("折线图：注册企业数。")
    assert "1,220家（2023年12月）" in zh and "→" in zh and "（2024年2月）" in zh
    en = trend_summary(rows, "Registered enterprises", "en", "std")
    assert en.startswith("Line chart: Registered enterprises.") and "(Dec 2023)" in en
    ranked = rows.assign(rank=pd.array(range(1, len(rows) + 1), dtype="Int64"))
    assert ranking_summary(ranked, "注册企业数", "zh", "std").startswith(
        f"条形图：注册企业数，{len(rows)}个地点。第1名 "
    )


def test_health_tables_speak_the_reader_s_language(bundled):
    from dashboard.core.problems import Problem
    from dashboard.core.snapshot import FileState, FileStatus, Hold

    state = FileState("data/claims/a001.yaml", FileStatus.PENDING, 0.0, 0.0, hold=Hold.WRITING)
    zh = files_frame((state,), "zh")
    assert list(zh.columns)[:2] == ["文件", "状态"]
    assert zh.iloc[0]["状态"] == "暂缓" and zh.iloc[0]["暂缓原因"] == "正在写入"
    en = files_frame((state,), "en")
    assert en.iloc[0]["Status"] == "held back" and en.iloc[0]["Held back because"] == (
        "still being written"
    )
    problem = Problem("data/claims/a001.yaml", 3, 1, "yaml-syntax", "bad indent")
    assert "说明（英文）" in problems_frame([problem], "zh").columns


def test_site_column_links_each_row_to_its_profile_and_shows_its_name(bundled):
    """With profile links the site column holds each row's own profile link, which shows the
    site's name in the reader's language; the CSV keeps the plain name."""
    _, table = bundled
    rows = select(table, metric="registered_enterprises")
    for lang in ("zh", "en"):
        links = ProfileLinks.of(View(lang=lang), ("lang", "unit", "present", "id"), "", "site")
        plain = claims_table(rows, lang, "std")[t("col.site", lang)]
        linked = claims_table(rows, lang, "std", profiles=links)[t("col.site", lang)]
        assert [link_text(cell) for cell in linked] == list(plain)
        ids = [parse_qs(urlsplit(cell).query)["id"][0] for cell in linked]
        assert ids == [str(s) for s in rows["site_id"]]
        assert all(parse_qs(urlsplit(cell).query)["lang"] == [lang] for cell in linked)
        csv = claims_csv_frame(rows, lang, "std")
        assert list(csv[t("col.site", lang)]) == list(plain)
    names = set(claims_table(rows, "zh", "std")["地点"])
    assert "天开高教科创园（核心区）" in names
