"""Synthetic data in the project's own schema, for benchmarks at 1k to 100k claims.

``generate(out, claims=N, seed=S)`` writes ``out/data/`` (regions, units, sources with the real
sha256 of each article, sites/*.yaml, metrics/*.yaml, claims/<source>.yaml) and ``out/seeds/``
(one article per source whose sentences are the claims' quotes), deterministic from the seed.
The output validates cleanly with ``python -m dashboard validate --data-dir out/data``.

What makes it realistic for timing: about 100 claim files, 200 sites in 30 regions, 50 metrics,
ten years of periods in every precision (year, half, quarter, month, day, ranges), all statuses
and qualifiers, figures printed as digits, with thousands separators and in characters (千余家,
第一), several claims quoting one sentence, growth rates linked to their level (derived rows),
notes on some claims, and the two YAML styles the real files use (plain and quoted).

What is drawn from (cities, units, metric families, wording) is in ``benchmarks/synthetic.py``;
this module writes the files. Run ``python -m benchmarks.generate OUT --claims 10000`` to write
one by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.synthetic import (
    CITIES,
    CN_DIGITS,
    FILLER,
    PUBLICATIONS,
    QUALIFIERS,
    STANDARD_UNITS,
    STATUS_WORDS,
    UNITS,
    YEARS,
    Metric,
    Site,
    all_metrics,
    draw_figure,
    draw_period,
    draw_sites,
)

GENERATOR_VERSION = 3  # bump when the output changes, so cached data sets are rebuilt

FILES = 100  # claim files, one article each


class _Yaml:
    """Writes records in one of the two styles the real files use."""

    def __init__(self, quoted: bool) -> None:
        self.quoted = quoted

    def text(self, value: str) -> str:
        if self.quoted or not _plain_safe(value):
            return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML scalar
        return value

    def always(self, value: str) -> str:
        return json.dumps(value, ensure_ascii=False)


def _plain_safe(value: str) -> bool:
    if not value or value[0] in "-?:,[]{}#&*!|>'\"%@`0123456789 " or value[-1] == " ":
        return False
    return not any(s in value for s in (": ", " #", "\n", "\t")) and value.lower() not in (
        "yes",
        "no",
        "on",
        "off",
        "true",
        "false",
        "null",
        "~",
    )


def _num(value: float | int) -> str:
    return str(value) if isinstance(value, int) else repr(value)


def generate(out: Path, claims: int, seed: int = 1, files: int = FILES) -> Path:
    """Write a data set of ``claims`` claims to ``out`` (data/ and seeds/); returns out/data."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    data, seeds = out / "data", out / "seeds"
    for folder in (data / "sites", data / "metrics", data / "claims", seeds):
        folder.mkdir(parents=True)

    sites = draw_sites(rng)
    metrics = all_metrics()
    regions = sorted({s.region for s in sites})
    by_city = {c[0]: c for c in CITIES}
    lines = ["# Regions (generated for benchmarks).", "regions:"]
    for order, rid in enumerate(regions, 1):
        _, zh, en, lat, lon = by_city.get(rid, (rid, "全国", "China", 35.0, 105.0))
        lines.append(
            f"  - {{id: {rid}, name_zh: {zh}, name_en: {en if rid != 'xian' else json.dumps(en)}, "
            f"order: {order}, featured: {'true' if order <= 4 else 'false'}, "
            f"lat: {lat}, lon: {lon}, zoom: {9 if rid != 'national' else 3.3}}}"
        )
    (data / "regions.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    lines = ["# Units (generated for benchmarks).", "standard_units:"]
    lines += [
        f"  - {{id: {i}, name_zh: {json.dumps(zh, ensure_ascii=False)}, name_en: "
        f"{json.dumps(en, ensure_ascii=False)}}}"
        for i, zh, en in STANDARD_UNITS
    ]
    lines += ["", "units:"]
    lines += [
        f"  - {{id: {json.dumps(i, ensure_ascii=False)}, standard: {s}, factor: {f}, "
        f"name_en: {json.dumps(en, ensure_ascii=False)}}}"
        for i, s, f, en in UNITS
    ]
    (data / "units.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    for region in regions:
        y = _Yaml(quoted=hash_bit(region))
        lines = [f"# Sites in region `{region}` (generated).", "sites:"]
        for s in (s for s in sites if s.region == region):
            lines += [
                f"  - id: {s.id}",
                f"    name_zh: {y.text(s.name_zh)}",
                f"    name_en: {y.always(s.name_en)}",
                f"    kind: {s.kind}",
            ]
            if s.parent:
                lines.append(f"    parent: {s.parent}")
            lines += [
                f"    region: {s.region}",
                f"    city: {y.always(s.city)}",
                f"    lat: {s.lat}",
                f"    lon: {s.lon}",
                f"    precision: {s.precision}",
                "",
            ]
        (data / "sites" / f"{region}.yaml").write_text("\n".join(lines), encoding="utf-8")

    for category in dict.fromkeys(m.category for m in metrics):
        lines = [f"# Metrics of category `{category}` (generated).", "metrics:"]
        for m in (m for m in metrics if m.category == category):
            lines += [
                f"  - id: {m.id}",
                f"    name_zh: {m.name_zh}",
                f"    name_en: {m.name_en}",
                f"    description: {m.name_zh}（{m.name_en}）, as the articles report it.",
                f"    category: {m.category}",
                f"    unit: {m.unit}",
            ]
            if m.category == "land":
                lines.append("    comparable: false")
            lines.append("")
        (data / "metrics" / f"{category}.yaml").write_text("\n".join(lines), encoding="utf-8")

    counts = [claims // files + (1 if i < claims % files else 0) for i in range(files)]
    shared = _Shared()
    source_lines = ["# Articles (generated for benchmarks).", "sources:"]
    for index, count in enumerate(counts):
        sid = f"g{index:03d}"
        year = YEARS[index % len(YEARS)]
        rng.randint(1, 12)  # was the month; kept so that the draws after it stay the same
        # Published in December: an actual figure of the article's year ends by its month.
        date = f"{year}-12-{rng.randint(1, 28):02d}"
        text, claim_yaml = _article(
            rng, sid, count, year, sites, metrics, _Yaml(index % 3 == 0), shared
        )
        raw = text.encode("utf-8")
        name = f"{index:03d}_{hashlib.sha256(raw).hexdigest()[:16]}.txt"
        (seeds / name).write_bytes(raw)
        (data / "claims" / f"{sid}.yaml").write_text(claim_yaml, encoding="utf-8")
        verb = rng.choice(["驱动", "赋能", "引领"])
        title = f"{rng.choice(['创新', '科技', '产业'])}{verb}高质量发展（{index}）"
        source_lines += [
            f"  - id: {sid}",
            f"    file: ../seeds/{name}",
            f"    publication: {rng.choice(PUBLICATIONS)}",
            f"    title: {title}",
            f'    date: "{date}"',
        ]
        if index % 7 == 0:
            source_lines += [
                "    date_approximate: true",
                "    date_note: Not printed; reasoned from the text.",
            ]
        source_lines.append(f"    sha256: {hashlib.sha256(raw).hexdigest()}")
    (data / "sources.yaml").write_text("\n".join(source_lines) + "\n", encoding="utf-8")
    (out / "PARAMS.json").write_text(
        json.dumps({"claims": claims, "seed": seed, "files": files, "version": GENERATOR_VERSION}),
        encoding="utf-8",
    )
    return data


def hash_bit(text: str) -> bool:
    """A stable coin flip (``hash()`` of a str changes between runs)."""
    return hashlib.sha256(text.encode()).digest()[0] % 2 == 0


FACTORS = {unit: float(factor) for unit, _, factor, _ in UNITS}


@dataclass
class _Shared:
    """What the articles share, so that the data keeps the curation rules at any size: each
    site's series of a metric takes one level kind (stock or cumulative), and a figure an
    earlier article gave names that claim with ``same_as``."""

    series_kind: dict[tuple[str, str], str] = field(default_factory=dict)
    facts: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # -> (sid, id)

    def link(self, sid: str, rec: list[str], fact: tuple[str, ...]) -> None:
        """Add ``same_as`` to ``rec`` when another article gave this figure first."""
        first_sid, first_id = self.facts.setdefault(fact, (sid, rec[0].removeprefix("id: ")))
        if first_sid != sid:
            rec.append(f"same_as: {first_id}")


def _article(
    rng: random.Random,
    sid: str,
    count: int,
    year: int,
    sites: list[Site],
    metrics: list[Metric],
    y: _Yaml,
    shared: _Shared,
) -> tuple[str, str]:
    """The article's text and its claims file."""
    sentences: list[str] = [f"{sid} 区域创新观察\n", "本报记者\n"]
    records: list[list[str]] = []
    home = rng.sample(sites, 12)  # an article is about a dozen places
    made = 0
    while made < count:
        site = rng.choice(home)
        metric = rng.choice(metrics)
        cyear = rng.choice(YEARS[: YEARS.index(year) + 1])
        period, when, kind = draw_period(rng, cyear)
        status = "actual" if rng.random() < 0.8 else rng.choice(["plan", "target", "forecast"])
        parts: list[tuple[str, list[str]]] = []  # sentence fragments and their claim records
        level_id = None
        # 1) the level
        qual, before, after = rng.choice(QUALIFIERS)
        unit = rng.choice(metric.levels)
        if metric.unit == "percent":
            kind = "share"
        fig_kind = kind if metric.unit != "percent" else "share"
        if fig_kind in ("stock", "cumulative"):
            fig_kind = shared.series_kind.setdefault((site.id, metric.id), fig_kind)
        cid = f"{sid}-{site.id}-{metric.id}-{period.replace('..', '-')}-{made:05d}".lower()
        if rng.random() < 0.03 and unit in ("家", "个", "项", "件", "人"):
            value: float | int = 1000
            printed: str | None = f"千余{unit}"
            qual, fragment = "more_than", f"{metric.name_zh}{printed}"
        else:
            value, shown = draw_figure(rng, unit, whole=False)
            printed = shown if "," in shown else None
            tail = (after, "") if after == "余" else ("", after)  # 5000余家, 200P左右
            fragment = f"{metric.name_zh}{before}{shown}{tail[0]}{unit}{tail[1]}"
        rec = [
            f"id: {cid}",
            f"site: {site.id}",
            f"metric: {metric.id}",
            f"value: {_num(value)}",
            f"unit: {y.always(unit) if unit == '%' else y.text(unit)}",
        ]
        if printed:
            rec.append(f"printed: {y.always(printed)}")
        if qual != "exact":
            rec.append(f"qualifier: {qual}")
        rec += [f'period: "{period}"', f"status: {status}", f"kind: {fig_kind}"]
        # The figure in standard units, as the checks compare it (5万个 is 50000个).
        std = f"{round(value * FACTORS[unit], 6):g}"
        fact = (site.id, metric.id, period, fig_kind, status, std, qual)
        shared.link(sid, rec, fact)
        parts.append((fragment, rec))
        level_id = cid
        made += 1
        # 2) sometimes its year-on-year growth, linked to the level
        if made < count and fig_kind in ("stock", "flow") and rng.random() < 0.25:
            gvalue: float | int = round(rng.uniform(1, 90), 1)
            if float(gvalue).is_integer():
                gvalue = int(gvalue)
            gid = f"{cid}-growth"
            grec = [
                f"id: {gid}",
                f"site: {site.id}",
                f"metric: {metric.id}",
                f"value: {_num(gvalue)}",
                f"unit: {y.always('%')}",
                f'period: "{period}"',
                f"status: {status}",
                "kind: growth",
                f"growth_of: {level_id}",
            ]
            shared.link(sid, grec, (site.id, metric.id, period, "growth", status, _num(gvalue)))
            parts.append((f"同比增长{_num(gvalue)}%", grec))
            made += 1
        # 3) sometimes a rank
        if made < count and rng.random() < 0.05:
            place = rng.randint(1, 9)
            rid = f"{cid}-rank"
            rrec = [
                f"id: {rid}",
                f"site: {site.id}",
                f"metric: {metric.id}",
                f"value: {place}",
                f"unit: {y.text('位')}",
                f"printed: {y.always('第' + CN_DIGITS[place])}",
                f'period: "{period}"',
                f"status: {status}",
                "kind: rank",
            ]
            shared.link(sid, rrec, (site.id, metric.id, period, "rank", status, str(place)))
            parts.append((f"位居全国第{CN_DIGITS[place]}", rrec))
            made += 1
        sentence = (
            f"{when}，{site.name_zh}{STATUS_WORDS[status]}"
            + "，".join(fragment for fragment, _ in parts)
            + "。"
        )
        for _, rec in parts:
            rec.append(f"quote: {y.text(sentence)}")
            if rng.random() < 0.15:
                rec.append(
                    f"note: {y.text('“' + when + '” as the article writes it; scope as printed.')}"
                )
            records.append(rec)
        sentences.append(sentence)
        if rng.random() < 0.4:
            sentences.append(rng.choice(FILLER))
        if rng.random() < 0.1:
            sentences.append("\n\n")
    lines = [f"# Claims of article {sid} (generated for benchmarks).", "claims:"]
    for rec in records:
        lines.append(f"  - {rec[0]}")
        lines.extend(f"    {field}" for field in rec[1:])
    return "".join(sentences) + "\n", "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write data/ and seeds/ into")
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--files", type=int, default=FILES)
    args = parser.parse_args(argv)
    data = generate(args.out, args.claims, args.seed, args.files)
    print(f"wrote {args.claims} claims to {data}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
