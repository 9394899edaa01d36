"""The loader reports every problem with its file, line and a stable code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.core.loader import load_dataset
from dashboard.core.problems import CODES
from tests.conftest import FIXTURES

CLAIMS = "data/claims/t1.yaml"

# fixture in tests/fixtures/broken -> the exact (line, code) list it must produce in claims/t1.yaml
EXPECTED: dict[str, list[tuple[int, str]]] = {
    "syntax.yaml": [(4, "yaml-syntax")],
    "duplicate_key.yaml": [(6, "duplicate-key")],
    "yaml11_surprises.yaml": [
        (8, "yaml11-date"),
        (12, "yaml11-bool"),
        (16, "yaml11-number"),
        (25, "yaml11-number"),
    ],
    "non_finite.yaml": [(5, "non-finite"), (14, "non-finite")],
    "wrong_types.yaml": [
        (5, "not-a-number"),
        (7, "bad-choice"),
        (11, "unknown-field"),
        (13, "missing-field"),
    ],
    "bad_references.yaml": [
        (3, "unknown-site"),
        (14, "unknown-metric"),
        (16, "unknown-unit"),
        (26, "unit-mismatch"),
        (32, "bad-format"),
    ],
    "bad_quotes.yaml": [
        (11, "quote-not-found"),
        (15, "number-not-in-quote"),
        (26, "number-not-in-quote"),
        (35, "number-not-in-quote"),
    ],
    "duplicate_ids_and_periods.yaml": [(7, "bad-period"), (11, "duplicate-id")],
    "python_tag.yaml": [(5, "unsafe-tag")],
    "alias.yaml": [(2, "alias")],
    "multiple_documents.yaml": [(2, "multiple-documents")],
    "empty.yaml": [(1, "empty-file")],
    "latin1.yaml": [(3, "not-utf8")],
    "not_a_list.yaml": [(1, "bad-structure"), (2, "unknown-key")],
}


def _break(data: Path, fixture: str) -> None:
    shutil.copy(FIXTURES / "broken" / fixture, data / "claims" / "t1.yaml")


def test_loader_mini_is_valid(mini: Path) -> None:
    """The mini fixture loads without problems, so each broken case tests one thing."""
    dataset = load_dataset(mini)
    assert dataset.problems == []
    assert len(dataset.claims) == 6


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_loader_reports_file_line_code(mini: Path, fixture: str) -> None:
    """Each kind of mistake is reported at its line with its stable code."""
    _break(mini, fixture)
    dataset = load_dataset(mini)
    assert [p.key for p in dataset.problems] == [
        (CLAIMS, line, code) for line, code in EXPECTED[fixture]
    ]
    assert all(p.code in CODES for p in dataset.problems)


def test_loader_every_broken_fixture_has_an_expectation() -> None:
    """A new fixture file without an expected result fails instead of being ignored."""
    assert sorted(p.name for p in (FIXTURES / "broken").glob("*.yaml")) == sorted(EXPECTED)


def test_loader_python_tag_is_never_executed(mini: Path, tmp_path: Path) -> None:
    """A python/object/apply tag is reported, not run."""
    _break(mini, "python_tag.yaml")
    load_dataset(mini)
    assert not Path("/tmp/dashboard-pwned").exists()


def test_loader_bad_file_keeps_other_files(mini: Path) -> None:
    """One broken file never hides the good records of another."""
    shutil.copy(mini / "claims" / "t1.yaml", mini / "claims" / "t2.yaml")
    (mini / "claims" / "t1.yaml").write_text("claims: [\n", encoding="utf-8")
    dataset = load_dataset(mini)
    assert {p.code for p in dataset.problems} == {"yaml-syntax", "unknown-source"}
    # t2 is not a registered source, so its claims are reported, not loaded
    assert [p.key for p in dataset.problems if p.code == "unknown-source"] == [
        ("data/claims/t2.yaml", 1, "unknown-source")
    ]


def test_loader_bad_record_keeps_its_neighbours(mini: Path) -> None:
    """A broken record is left out; the other records of the same file still load."""
    _break(mini, "duplicate_ids_and_periods.yaml")
    dataset = load_dataset(mini)
    assert dataset.claims == []  # both are bad: bad period, duplicate id
    _break(mini, "bad_quotes.yaml")
    text = (mini / "claims" / "t1.yaml").read_text(encoding="utf-8")
    (mini / "claims" / "t1.yaml").write_text(
        text.replace("value: 15\n", "value: 152\n"), encoding="utf-8"
    )
    dataset = load_dataset(mini)
    assert [item.record.id for _, item in dataset.claims] == ["t1-contracts"]


def test_loader_hints_name_the_fix(mini: Path) -> None:
    """Hints suggest the closest id and how to quote YAML 1.1 surprises."""
    _break(mini, "bad_references.yaml")
    hints = {p.code: p.hint for p in load_dataset(mini).problems}
    assert hints["unknown-site"] == "did you mean tech_park?"
    assert hints["unknown-metric"] == "did you mean tax_revenue?"
    _break(mini, "yaml11_surprises.yaml")
    hints = {p.code: p.hint for p in load_dataset(mini).problems}
    assert hints["yaml11-bool"].startswith('quote it: "no"')
    assert hints["yaml11-date"] == 'quote it: "2024-05-01"'


def test_loader_text_format(mini: Path) -> None:
    """Problems print as file:line:col: path [code] message."""
    _break(mini, "duplicate_key.yaml")
    (problem,) = load_dataset(mini).problems
    assert str(problem).startswith(
        "data/claims/t1.yaml:6:5: claims[0].value [duplicate-key] key 'value' appears twice"
    )


def test_loader_sha_mismatch(mini: Path) -> None:
    """An edited article no longer matches its registered sha256."""
    seed = mini.parent / "seeds" / "t1.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "补充。\n", encoding="utf-8")
    codes = [p.key for p in load_dataset(mini).problems]
    assert codes == [("data/sources.yaml", 7, "sha-mismatch")]


def test_loader_missing_article_and_escaping_path(mini: Path) -> None:
    """A missing article and a path out of the project are reported on the source."""
    text = (mini / "sources.yaml").read_text(encoding="utf-8")
    (mini / "sources.yaml").write_text(
        text.replace("../seeds/t1.txt", "../seeds/none.txt"), encoding="utf-8"
    )
    assert ("data/sources.yaml", 3, "missing-file") in [p.key for p in load_dataset(mini).problems]
    (mini / "sources.yaml").write_text(
        text.replace("../seeds/t1.txt", "../../../etc/passwd"), encoding="utf-8"
    )
    assert ("data/sources.yaml", 3, "bad-path") in [p.key for p in load_dataset(mini).problems]


def test_loader_symlink_outside_is_not_followed(mini: Path, tmp_path: Path) -> None:
    """A claims file that links outside the data folder is refused, not read."""
    outside = tmp_path / "outside.yaml"
    outside.write_text("claims: []\n", encoding="utf-8")
    (mini / "claims" / "t1.yaml").unlink()
    (mini / "claims" / "t1.yaml").symlink_to(outside)
    assert [p.key for p in load_dataset(mini).problems] == [("data/claims/t1.yaml", 0, "bad-path")]


def test_loader_missing_folder(tmp_path: Path) -> None:
    """A data folder that does not exist is one problem, not an exception."""
    dataset = load_dataset(tmp_path / "nowhere")
    assert [p.code for p in dataset.problems] == ["missing-folder"]


def test_loader_registry_errors(mini: Path) -> None:
    """Sites with unknown regions or parents, metrics with unknown units are reported."""
    (mini / "sites" / "extra.yaml").write_text(
        "sites:\n"
        "  - {id: x, name_zh: 甲, name_en: X, kind: park, parent: nowhere, region: south,\n"
        "     lat: 39.0, lon: 117.0, precision: city}\n"
        "  - {id: tianjin, name_zh: 天津, name_en: Tianjin, kind: city, region: north,\n"
        "     lat: 39.0, lon: 117.0, precision: city}\n"
        "  - {id: y, name_zh: 乙, name_en: Y, kind: park, region: north,\n"
        "     lat: 117.2, lon: 39.1, precision: city}\n",
        encoding="utf-8",
    )
    extra, north = "data/sites/extra.yaml", "data/sites/north.yaml"
    assert [p.key for p in load_dataset(mini).problems] == [
        (extra, 2, "unknown-site"),
        (extra, 2, "unknown-region"),
        (extra, 7, "out-of-range"),
        (north, 2, "duplicate-id"),  # files are read in name order; the second is the duplicate
    ]
