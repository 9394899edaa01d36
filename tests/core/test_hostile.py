"""Hostile and malformed data files: each gives a clear (file, line, code); nothing runs."""

from __future__ import annotations

import ast
import json
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

from dashboard.core.loader import load_dataset
from dashboard.core.models import WEB_ADDRESS_PATTERN, web_address_problem
from dashboard.core.problems import CODES
from tests.conftest import FIXTURES, ROOT

CLAIMS = "data/claims/t1.yaml"

BASE = """claims:
  - id: t1-compute-now
    site: tech_park
    metric: compute_capacity
    value: 200
    unit: P
    period: "2024-05"
    status: actual
    kind: stock
    quote: 算力规模从目前的200P扩容到300P。
"""


def _variant(old: str, new: str) -> bytes:
    assert old in BASE
    return BASE.replace(old, new).encode("utf-8")


# name -> (file content, the exact [(line, code)] expected in claims/t1.yaml)
CASES: dict[str, tuple[bytes, list[tuple[int, str]]]] = {
    "python-apply": (
        _variant("value: 200", 'value: !!python/object/apply:os.system ["id"]'),
        [(5, "unsafe-tag")],
    ),
    "python-name": (_variant("value: 200", "value: !!python/name:os.system"), [(5, "unsafe-tag")]),
    "local-tag": (_variant("value: 200", "value: !custom 200"), [(5, "unsafe-tag")]),
    "small-alias-bomb": (
        b"claims:\n  - &a [lol, lol, lol]\n  - &b [*a, *a, *a]\n  - &c [*b, *b, *b]\n",
        [(2, "alias")] * 3 + [(2, "bad-structure")] + [(3, "alias")] * 3,
    ),
    "self-reference": (b"claims: &a [*a]\n", [(1, "alias")]),
    "merge-key": (
        b"base: &b {site: tech_park}\nclaims:\n  - <<: *b\n",
        [(1, "unknown-key"), (3, "alias")],
    ),
    "deep-flow": (b"claims: " + b"[" * 100 + b"]" * 100 + b"\n", [(1, "too-deep")]),
    "very-deep-flow": (b"claims: " + b"[" * 30000 + b"]" * 30000 + b"\n", [(1, "too-deep")]),
    "very-deep-block": (b"claims:\n  " + b"- " * 30000 + b"x\n", [(1, "too-deep")]),
    "huge": (b"claims:\n" + b"# padding\n" * 600_000, [(0, "file-too-large")]),
    "comment-only": (b"# nothing here yet\n", [(1, "empty-file")]),
    "int-key": (_variant("    site: tech_park", "    1: tech_park"), [(3, "key-not-text")]),
    "complex-key": (
        _variant("    site: tech_park", "    ? [a, b]\n    : tech_park"),
        [(3, "key-not-text")],
    ),
    "nul-byte": (_variant("tech_park", "tech\x00park"), [(3, "control-character")]),
    "bell-byte": (_variant("actual", "act\x07ual"), [(8, "control-character")]),
    "latin1": (
        _variant("quote: 算力规模从目前的200P扩容到300P。", "note: caf\xe9").replace(
            "café".encode(), b"caf\xe9"
        ),
        [(10, "not-utf8")],
    ),
    "zero-width-in-id": (
        _variant("site: tech_park", "site: tech\u200bpark"),
        [(3, "hidden-character")],
    ),
    "bidi-in-quote": (
        _variant("quote: 算力规模", "quote: 算力\u202e规模"),
        [(10, "hidden-character")],
    ),
    "minus-inf": (_variant("value: 200", "value: -.inf"), [(5, "non-finite")]),
    "plus-inf": (_variant("value: 200", "value: .inf"), [(5, "non-finite")]),
    "bidi-in-note": (
        _variant("    quote:", "    note: 注\u202e释\n    quote:"),
        [(10, "hidden-character")],
    ),
    "long-note": (
        _variant("    quote:", "    note: " + "长" * 6000 + "\n    quote:"),
        [(10, "bad-value")],
    ),
    "impossible-date-quoted": (_variant('"2024-05"', '"2024-02-30"'), [(7, "bad-period")]),
    "impossible-date-bare": (_variant('"2024-05"', "2024-02-30"), [(7, "yaml11-date")]),
    "slashed-date": (_variant('"2024-05"', '"2024/05"'), [(7, "bad-period")]),
    "chinese-date": (_variant('"2024-05"', '"2024年5月"'), [(7, "bad-period")]),
    "long-quote": (
        _variant("quote: 算力规模从目前的200P扩容到300P。", "quote: " + "长" * 6000),
        [(10, "bad-value")],
    ),
    "list-at-top": (b"- a\n- b\n", [(1, "bad-structure")]),
    "text-at-top": (b"just text\n", [(1, "bad-structure")]),
}

VALID = {
    "bom": b"\xef\xbb\xbf" + BASE.encode("utf-8"),
    "crlf": BASE.replace("\n", "\r\n").encode("utf-8"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_reports_exact_problems(mini: Path, name: str) -> None:
    """Each hostile file yields exactly its expected (file, line, code) list, quickly."""
    content, expected = CASES[name]
    (mini / "claims" / "t1.yaml").write_bytes(content)
    started = time.perf_counter()
    dataset = load_dataset(mini)
    assert time.perf_counter() - started < 10  # no exponential blow-up (generous on 2 cores)
    got = sorted((p.line, p.code) for p in dataset.problems if p.file == CLAIMS)
    assert got == sorted(expected)
    assert [p for p in dataset.problems if p.file != CLAIMS] == []


@pytest.mark.parametrize("name", sorted(VALID))
def test_hostile_harmless_encodings_load(mini: Path, name: str) -> None:
    """A UTF-8 BOM and CRLF line ends are fine."""
    (mini / "claims" / "t1.yaml").write_bytes(VALID[name])
    dataset = load_dataset(mini)
    assert dataset.problems == [] and len(dataset.claims) == 1


def test_hostile_crlf_keeps_line_numbers(mini: Path) -> None:
    """Line numbers count CRLF lines correctly."""
    text = BASE.replace("    unit: P\n", "    unit: P\n    unit: P\n").replace("\n", "\r\n")
    (mini / "claims" / "t1.yaml").write_bytes(text.encode("utf-8"))
    assert [p.key for p in load_dataset(mini).problems] == [(CLAIMS, 7, "duplicate-key")]


def test_hostile_billion_laughs_is_bounded(mini: Path) -> None:
    """The classic nine-level alias bomb is refused in linear time."""
    lines = ["claims:", "  - &a0 [" + ", ".join(["lol"] * 9) + "]"]
    lines += [f"  - &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    (mini / "claims" / "t1.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    problems = load_dataset(mini).problems
    assert time.perf_counter() - started < 10
    assert {p.code for p in problems} == {"alias", "bad-structure"}
    assert sum(p.code == "alias" for p in problems) == 8 * 9


def test_hostile_no_unsafe_yaml_loader_anywhere() -> None:
    """No code path can construct arbitrary objects: no yaml.load/unsafe loaders in the source."""
    banned_calls = {
        "load",
        "load_all",
        "unsafe_load",
        "unsafe_load_all",
        "full_load",
        "full_load_all",
    }
    banned_names = {
        "Loader",
        "UnsafeLoader",
        "FullLoader",
        "CLoader",
        "CUnsafeLoader",
        "CFullLoader",
        "UnsafeConstructor",
        "FullConstructor",
    }
    offenders = []
    for path in (ROOT / "dashboard").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and (node.value.id == "yaml" and (node.attr in banned_calls | banned_names))
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} yaml.{node.attr}")
            if isinstance(node, ast.ImportFrom) and node.module == "yaml":
                offenders += [
                    f"{path.relative_to(ROOT)}:{node.lineno} {a.name}"
                    for a in node.names
                    if a.name in banned_names | banned_calls
                ]
    assert offenders == []


# Links in the data (a source's and a site's `url`): only absolute http(s) addresses with a host.
# One fixture per refused form in tests/fixtures/broken/url: site_* files replace
# sites/north.yaml (the link is on a third site no claim uses), source_* files replace
# sources.yaml (the link is on a second source no claim file uses), so each yields one problem.
URL_FIXTURES = FIXTURES / "broken" / "url"
SITES, SOURCES = "data/sites/north.yaml", "data/sources.yaml"
URL_EXPECTED: dict[str, tuple[str, int, str]] = {
    "site_backslash.yaml": (SITES, 14, "bad-url"),
    "site_hidden_character.yaml": (SITES, 14, "hidden-character"),
    "site_javascript.yaml": (SITES, 14, "bad-url"),
    "site_javascript_mixed_case.yaml": (SITES, 14, "bad-url"),
    "site_leading_space.yaml": (SITES, 14, "bad-url"),
    "site_markup.yaml": (SITES, 14, "bad-url"),
    "site_no_host.yaml": (SITES, 14, "bad-url"),
    "site_protocol_relative.yaml": (SITES, 14, "bad-url"),
    "site_tab_in_scheme.yaml": (SITES, 14, "bad-url"),
    "site_upper_scheme.yaml": (SITES, 14, "bad-url"),
    "site_vbscript.yaml": (SITES, 14, "bad-url"),
    "source_bad_port.yaml": (SOURCES, 15, "bad-url"),
    "source_control_escape.yaml": (SOURCES, 15, "bad-url"),
    "source_data.yaml": (SOURCES, 15, "bad-url"),
    "source_file.yaml": (SOURCES, 15, "bad-url"),
    "source_javascript_upper.yaml": (SOURCES, 15, "bad-url"),
    "source_newline_in_scheme.yaml": (SOURCES, 15, "bad-url"),
    "source_no_slashes.yaml": (SOURCES, 15, "bad-url"),
    "source_relative.yaml": (SOURCES, 15, "bad-url"),
    "source_user_before_host.yaml": (SOURCES, 15, "bad-url"),
}
# Refused by the validator only: the schema's pattern does not parse ports or see U+200B.
URL_SCHEMA_MISSES = {"source_bad_port.yaml", "site_hidden_character.yaml"}
URL_ACCEPTED = [
    "https://www.example.com",
    "http://www.example.com/",
    "https://example.com/a_(b)*c*[x]?q=1&r=%E4%B8%AD#top",
    "https://www.tj.gov.cn/sy/tjxw/202405/t20240521_6633000.html",
    "https://政府.cn/新闻",
    "https://xn--mxtq1m.cn/",
    "http://127.0.0.1:8501/sources",
    "https://[2001:db8::1]:8443/x",
    "https://example.com.",
]


def _url_target(data: Path, fixture: str) -> Path:
    return data / "sites" / "north.yaml" if fixture.startswith("site_") else data / "sources.yaml"


def _url_in(fixture: str) -> str:
    text = (URL_FIXTURES / fixture).read_text(encoding="utf-8")
    kind = "sites" if fixture.startswith("site_") else "sources"
    return yaml.safe_load(text)[kind][-1]["url"]


@pytest.mark.parametrize("fixture", sorted(URL_EXPECTED))
def test_hostile_url_reports_exact_problem(mini: Path, fixture: str) -> None:
    """Each link that is not an absolute http(s) address is one (file, line, code), no more."""
    shutil.copy(URL_FIXTURES / fixture, _url_target(mini, fixture))
    dataset = load_dataset(mini)
    assert [p.key for p in dataset.problems] == [URL_EXPECTED[fixture]]
    assert all(p.code in CODES for p in dataset.problems)
    assert "harbour" not in dataset.sites and "t2" not in dataset.sources  # left out, not shown


def test_hostile_url_every_fixture_has_an_expectation() -> None:
    """A new url fixture without an expected result fails instead of being ignored."""
    assert sorted(p.name for p in URL_FIXTURES.glob("*.yaml")) == sorted(URL_EXPECTED)


def test_hostile_url_problem_reads_like_the_others(mini: Path) -> None:
    """file:line:col: path [bad-url] what is wrong, got what was written."""
    shutil.copy(URL_FIXTURES / "site_tab_in_scheme.yaml", mini / "sites" / "north.yaml")
    (problem,) = load_dataset(mini).problems
    assert str(problem) == (
        "data/sites/north.yaml:14:10: sites[2].url [bad-url] a space or control character "
        "(U+0009) in the address, got 'java\\tscript:alert(1)'"
    )


@pytest.mark.parametrize("url", URL_ACCEPTED)
def test_hostile_url_absolute_http_addresses_load(mini: Path, url: str) -> None:
    """Absolute http and https addresses with a host load, on a site and on a source, as
    written."""
    written = json.dumps(url, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
    for fixture in ("site_javascript.yaml", "source_data.yaml"):
        text = (URL_FIXTURES / fixture).read_text(encoding="utf-8").splitlines()
        text[-1] = f"    url: {written}"
        _url_target(mini, fixture).write_text("\n".join(text) + "\n", encoding="utf-8")
    dataset = load_dataset(mini)
    assert dataset.problems == []
    assert dataset.sites["harbour"].record.url == url
    assert dataset.sources["t2"].record.url == url
    assert re.search(WEB_ADDRESS_PATTERN, url)


@pytest.mark.parametrize("fixture", sorted(set(URL_EXPECTED) - URL_SCHEMA_MISSES))
def test_hostile_url_schema_pattern_refuses_it_too(fixture: str) -> None:
    """The JSON Schema's pattern (editors check it while typing) refuses the form too."""
    url = _url_in(fixture)
    assert web_address_problem(url) is not None
    assert re.search(WEB_ADDRESS_PATTERN, url) is None


SITE_CASES = {  # a hostile site record: (old, new) in sites/north.yaml, the code on its line
    "zero-width-in-name": ("name_en: Tech Park", "name_en: Tech\u200bPark", "hidden-character"),
    "bidi-in-name": ("name_zh: 科技园", "name_zh: 科技\u202e园", "hidden-character"),
    "longitude-out-of-range": ("lon: 117.74", "lon: 200.5", "out-of-range"),
    "long-name": ("name_en: Tech Park", "name_en: " + "P" * 6000, "bad-value"),
}


@pytest.mark.parametrize("name", sorted(SITE_CASES))
def test_hostile_site_record_is_left_out_with_its_place(mini: Path, name: str) -> None:
    """A site with a hidden character or an absurd value in a name or coordinate: its line
    and code, the site is left out, and every claim on it says so (nothing else)."""
    old, new, code = SITE_CASES[name]
    sites = mini / "sites" / "north.yaml"
    text = sites.read_text(encoding="utf-8")
    assert old in text
    sites.write_text(text.replace(old, new), encoding="utf-8")
    dataset = load_dataset(mini)
    found = {(p.file, p.code) for p in dataset.problems}
    assert [(p.line, p.code) for p in dataset.problems if p.file == "data/sites/north.yaml"] == [
        (3, code)
    ]
    assert "tech_park" not in dataset.sites
    assert found == {("data/sites/north.yaml", code), (CLAIMS, "unknown-site")}
