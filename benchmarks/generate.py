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

Run ``python -m benchmarks.generate OUT --claims 10000`` to write one by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = 1  # bump when the output changes, so cached data sets are rebuilt

FILES = 100
SITES = 200
METRICS = 50
YEARS = list(range(2015, 2025))

CITIES = [
    ("beijing", "北京", "Beijing", 39.90, 116.40),
    ("tianjin", "天津", "Tianjin", 39.12, 117.20),
    ("shijiazhuang", "石家庄", "Shijiazhuang", 38.04, 114.51),
    ("shanghai", "上海", "Shanghai", 31.23, 121.47),
    ("nanjing", "南京", "Nanjing", 32.06, 118.80),
    ("suzhou", "苏州", "Suzhou", 31.30, 120.58),
    ("wuxi", "无锡", "Wuxi", 31.49, 120.31),
    ("hangzhou", "杭州", "Hangzhou", 30.27, 120.15),
    ("ningbo", "宁波", "Ningbo", 29.87, 121.55),
    ("hefei", "合肥", "Hefei", 31.82, 117.23),
    ("fuzhou", "福州", "Fuzhou", 26.07, 119.30),
    ("xiamen", "厦门", "Xiamen", 24.48, 118.09),
    ("jinan", "济南", "Jinan", 36.65, 117.12),
    ("qingdao", "青岛", "Qingdao", 36.07, 120.38),
    ("zhengzhou", "郑州", "Zhengzhou", 34.75, 113.63),
    ("wuhan", "武汉", "Wuhan", 30.59, 114.31),
    ("changsha", "长沙", "Changsha", 28.23, 112.94),
    ("guangzhou", "广州", "Guangzhou", 23.13, 113.26),
    ("shenzhen", "深圳", "Shenzhen", 22.54, 114.06),
    ("nanning", "南宁", "Nanning", 22.82, 108.37),
    ("haikou", "海口", "Haikou", 20.04, 110.20),
    ("chongqing", "重庆", "Chongqing", 29.56, 106.55),
    ("chengdu", "成都", "Chengdu", 30.57, 104.07),
    ("guiyang", "贵阳", "Guiyang", 26.65, 106.63),
    ("kunming", "昆明", "Kunming", 25.04, 102.71),
    ("xian", "西安", "Xi'an", 34.34, 108.94),
    ("lanzhou", "兰州", "Lanzhou", 36.06, 103.83),
    ("shenyang", "沈阳", "Shenyang", 41.80, 123.43),
    ("changchun", "长春", "Changchun", 43.82, 125.32),
    ("harbin", "哈尔滨", "Harbin", 45.80, 126.53),
]

SITE_KINDS = [
    ("高新区", "High-tech Zone", "zone", "district"),
    ("科技园", "Science Park", "park", "point"),
    ("经开区", "Economic Development Zone", "zone", "district"),
    ("自创区", "Innovation Demonstration Zone", "zone", "district"),
    ("算力中心", "Computing Centre", "facility", "point"),
    ("产业研究院", "Industrial Research Institute", "institute", "point"),
]

STANDARD_UNITS = [
    ("cny", "元", "CNY"),
    ("count", "个", "count"),
    ("pflops", "P", "PFLOPS"),
    ("percent", "%", "%"),
    ("percentage_point", "个百分点", "percentage points"),
    ("ratio", "倍", "times"),
    ("rank", "位", "rank"),
    ("m2", "平方米", "m²"),
]

UNITS = [  # id, standard, factor, English
    ("元", "cny", "1", "CNY"),
    ("万元", "cny", "1.0e4", "10 thousand CNY"),
    ("亿元", "cny", "1.0e8", "100 million CNY"),
    ("家", "count", "1", "firms"),
    ("万家", "count", "1.0e4", "10 thousand firms"),
    ("个", "count", "1", "units"),
    ("项", "count", "1", "items"),
    ("件", "count", "1", "pieces"),
    ("人", "count", "1", "people"),
    ("万人", "count", "1.0e4", "10 thousand people"),
    ("P", "pflops", "1", "PFLOPS"),
    ("%", "percent", "1", "%"),
    ("个百分点", "percentage_point", "1", "percentage points"),
    ("倍", "ratio", "1", "times"),
    ("位", "rank", "1", "rank"),
    ("万平方米", "m2", "1.0e4", "10 thousand m²"),
]

# Metric families: category, standard unit, the printed units a level may use, Chinese stems.
FAMILIES = [
    (
        "enterprises",
        "count",
        ["家", "万家"],
        ["注册企业", "高新技术企业", "科技型中小企业", "专精特新企业", "独角兽企业"],
    ),
    (
        "finance",
        "cny",
        ["亿元", "万元"],
        ["科技信贷余额", "产业基金规模", "风险投资额", "知识产权质押融资额", "上市企业市值"],
    ),
    (
        "output",
        "cny",
        ["亿元"],
        ["营业收入", "工业总产值", "技术合同成交额", "高新技术产业产值", "数字经济规模"],
    ),
    (
        "rd",
        "percent",
        ["%"],
        ["研发投入强度", "企业研发占比", "基础研究占比", "成果转化率", "技术自给率"],
    ),
    (
        "compute",
        "pflops",
        ["P"],
        ["智能算力规模", "通用算力规模", "超算算力", "边缘算力", "算力调度能力"],
    ),
    (
        "platforms",
        "count",
        ["个", "项"],
        ["国家级创新平台", "重点实验室", "孵化器", "中试基地", "工程技术中心"],
    ),
    (
        "talent",
        "count",
        ["人", "万人"],
        ["研发人员", "高层次人才", "博士后", "技能人才", "引进团队成员"],
    ),
    (
        "land",
        "m2",
        ["万平方米"],
        ["孵化面积", "标准厂房面积", "研发楼宇面积", "新增载体面积", "园区建成面积"],
    ),
    (
        "investment",
        "cny",
        ["亿元"],
        ["固定资产投资", "招商引资额", "新签项目投资", "重大项目投资", "外资实际使用额"],
    ),
    (
        "cooperation",
        "count",
        ["项", "件"],
        ["合作项目", "有效发明专利", "技术转移项目", "产学研合作协议", "国际合作项目"],
    ),
]

QUALIFIERS = [  # id, the word before the figure, the word after it (余 and 左右 follow)
    ("exact", "达", ""),
    ("over", "超过", ""),
    ("over", "突破", ""),
    ("more_than", "", "余"),
    ("nearly", "近", ""),
    ("about", "约", ""),
    ("about", "", "左右"),
    ("up_to", "最高", ""),
]
STATUS_WORDS = {"actual": "", "plan": "今年将", "target": "力争", "forecast": "预计"}
CN_DIGITS = "零一二三四五六七八九十"
PUBLICATIONS = ["经济日报", "人民日报", "科技日报", "天津日报", "新华日报", "南方日报", "光明日报"]
FILLER = [
    "记者在园区看到，一批新项目正在加紧建设。",
    "企业负责人表示，将继续加大研发投入。",
    "当地有关部门负责人介绍了下一步工作安排。",
    "多家企业的生产线正满负荷运转。",
    "园区还搭建了服务平台，为企业提供一站式服务。",
    "与会专家认为，创新生态正在加快形成。",
]


@dataclass(frozen=True)
class Site:
    id: str
    name_zh: str
    name_en: str
    kind: str
    parent: str | None
    region: str
    city: str
    lat: float
    lon: float
    precision: str


@dataclass(frozen=True)
class Metric:
    id: str
    name_zh: str
    name_en: str
    category: str
    unit: str
    levels: tuple[str, ...]  # printed units a level may use


def _sites(rng: random.Random) -> list[Site]:
    out: list[Site] = []
    per_city = SITES // len(CITIES)  # 6 per city, the city itself included
    for cid, zh, en, lat, lon in CITIES:
        out.append(Site(cid, f"{zh}市", en, "city", None, cid, en, lat, lon, "city"))
        for k in range(per_city - 1):
            kzh, ken, kind, precision = SITE_KINDS[k % len(SITE_KINDS)]
            out.append(
                Site(
                    f"{cid}_{kind}_{k}",
                    f"{zh}第{CN_DIGITS[k + 1]}{kzh}",
                    f"{en} {ken} {k + 1}",
                    kind,
                    cid,
                    cid,
                    en,
                    round(lat + rng.uniform(-0.3, 0.3), 4),
                    round(lon + rng.uniform(-0.3, 0.3), 4),
                    precision,
                )
            )
    while len(out) < SITES:  # national-level platforms fill up to SITES
        n = len(out)
        out.append(
            Site(
                f"national_platform_{n}",
                f"国家创新平台{n}号",
                f"National platform {n}",
                "platform",
                None,
                "national",
                "Beijing",
                39.9,
                116.4,
                "city",
            )
        )
    return out


def _metrics() -> list[Metric]:
    out = []
    for category, unit, levels, stems in FAMILIES:
        for i, stem in enumerate(stems):
            out.append(
                Metric(
                    f"{category}_{i}",
                    stem,
                    f"{category.title()} metric {i}",
                    category,
                    unit,
                    tuple(levels),
                )
            )
    return out[:METRICS]


def _figure(rng: random.Random, unit: str, whole: bool) -> tuple[float | int, str]:
    """A value and how the article prints it (digits; thousands separated sometimes)."""
    if unit in ("%",):
        value: float | int = round(rng.uniform(0.5, 99), 1)
    elif unit == "P":
        value = rng.choice([50, 100, 200, 300, 500, 1000, 1500])
    elif whole or unit in ("家", "个", "项", "件", "人"):
        value = rng.choice([rng.randint(3, 999), rng.randint(1000, 99999)])
    else:
        value = round(rng.uniform(1, 9999), rng.choice([0, 1, 2]))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        printed = f"{value:,}" if value >= 1000 and rng.random() < 0.2 else str(value)
    else:
        printed = repr(value)
    return value, printed


def _period(rng: random.Random, year: int) -> tuple[str, str, str]:
    """(period, the Chinese phrase in the sentence, kind of figure it suits)."""
    roll = rng.random()
    if roll < 0.45:
        return f"{year}", f"{year}年", "flow"
    if roll < 0.65:
        month = rng.randint(1, 12)
        return f"{year}-{month:02d}", f"截至{year}年{month}月", "stock"
    if roll < 0.75:
        q = rng.randint(1, 4)
        return f"{year}-Q{q}", f"{year}年第{CN_DIGITS[q]}季度", "flow"
    if roll < 0.82:
        h = rng.randint(1, 2)
        return f"{year}-H{h}", f"{year}年{'上' if h == 1 else '下'}半年", "flow"
    if roll < 0.9:
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        return f"{year}-{month:02d}-{day:02d}", f"截至{year}年{month}月{day}日", "stock"
    start = rng.randint(2008, year - 1)
    return f"{start}..{year}", f"{start}年以来累计", "cumulative"


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

    sites = _sites(rng)
    metrics = _metrics()
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
    source_lines = ["# Articles (generated for benchmarks).", "sources:"]
    for index, count in enumerate(counts):
        sid = f"g{index:03d}"
        year = YEARS[index % len(YEARS)]
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text, claim_yaml = _article(rng, sid, count, year, sites, metrics, _Yaml(index % 3 == 0))
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


def _article(
    rng: random.Random,
    sid: str,
    count: int,
    year: int,
    sites: list[Site],
    metrics: list[Metric],
    y: _Yaml,
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
        period, when, kind = _period(rng, cyear)
        status = "actual" if rng.random() < 0.8 else rng.choice(["plan", "target", "forecast"])
        parts: list[tuple[str, list[str]]] = []  # sentence fragments and their claim records
        level_id = None
        # 1) the level
        qual, before, after = rng.choice(QUALIFIERS)
        unit = rng.choice(metric.levels)
        if metric.unit == "percent":
            kind = "share"
        fig_kind = kind if metric.unit != "percent" else "share"
        cid = f"{sid}-{site.id}-{metric.id}-{period.replace('..', '-')}-{made:05d}".lower()
        if rng.random() < 0.03 and unit in ("家", "个", "项", "件", "人"):
            value: float | int = 1000
            printed: str | None = f"千余{unit}"
            qual, fragment = "more_than", f"{metric.name_zh}{printed}"
        else:
            value, shown = _figure(rng, unit, whole=False)
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
