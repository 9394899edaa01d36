"""The world the synthetic data is drawn from: places, units, metrics, figures, periods."""

from __future__ import annotations

import random
from dataclasses import dataclass

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


def draw_sites(rng: random.Random) -> list[Site]:
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


def all_metrics() -> list[Metric]:
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


def draw_figure(rng: random.Random, unit: str, whole: bool) -> tuple[float | int, str]:
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


def draw_period(rng: random.Random, year: int) -> tuple[str, str, str]:
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
