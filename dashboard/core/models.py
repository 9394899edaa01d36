"""The record kinds a maintainer writes in ``data/``: one pydantic model each.

Each model validates one mapping of a YAML file. Cross-record checks (does the site exist,
is the quote in its article) happen in :mod:`dashboard.core.checks`, because they need the
whole data set.
"""

from __future__ import annotations

import ipaddress
import math
import re
import unicodedata
from enum import StrEnum
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)
from pydantic_core import PydanticCustomError

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", min_length=1, max_length=120),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=5000)]

WEB_ADDRESS_MAX = 2000
# ASCII characters an address never holds unescaped (RFC 3986), besides spaces and controls.
_NOT_IN_ADDRESS = frozenset('<>"\\^`{|}')
# For editors only (JSON Schema); the validator below is the authority.
WEB_ADDRESS_PATTERN = r'^https?://[^\s/?#@<>"\\^`{|}]+([/?#][^\s<>"\\^`{|}]*)?$'
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"  # letters (any script) and digits, inner hyphens
_HOST_NAME = re.compile(rf"(?:{_LABEL}\.)*{_LABEL}\.?")


def web_address_problem(value: str) -> str | None:
    """Why ``value`` is not an absolute ``http://`` or ``https://`` address with a host, or
    None when it is one.

    Refused: any other scheme (``javascript:``, ``data:``, ``vbscript:``, ``file:``), relative
    and protocol-relative (``//host``) addresses, a scheme in upper case, spaces and control or
    invisible characters anywhere (``java\\tscript:``), characters an address must
    percent-encode (``<``, ``"``, ``\\`` ...), a user name before the host, a bad port.
    """
    if not value:
        return "the address is empty"
    if len(value) > WEB_ADDRESS_MAX:
        return f"the address is longer than {WEB_ADDRESS_MAX} characters"
    for char in value:
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Zs"):
            return f"a space or control character (U+{ord(char):04X}) in the address"
    if not value.startswith(("http://", "https://")):
        if value.lower().startswith(("http://", "https://")):
            return "write the scheme in lower case: http:// or https://"
        return "expected an absolute address starting with http:// or https://"
    for char in value:
        if char in _NOT_IN_ADDRESS:
            return f"{char!r} is not allowed in an address; percent-encode it"
    try:
        parts = urlsplit(value)
    except ValueError:  # an unclosed [ of an IPv6 host
        return "the host is not a host name or an IPv6 address in brackets"
    if "@" in parts.netloc:
        return "no user name before the host (user@host) in an address"
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is not None and not 0 < port < 65536:
        return "the port is not a number from 1 to 65535"
    host = parts.hostname or ""
    if not host:
        return "the address has no host"
    if parts.netloc.startswith("["):
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return f"{host!r} is not an IPv6 address"
    elif not _HOST_NAME.fullmatch(host):
        return f"{host!r} is not a host name"
    return None


def _web_address(value: str) -> str:
    problem = web_address_problem(value)
    if problem is not None:
        # A code of its own, so the loader reports it as `bad-url`.
        raise PydanticCustomError("bad_url", "{problem}", {"problem": problem})
    return value


WebAddress = Annotated[
    str,
    AfterValidator(_web_address),
    Field(
        json_schema_extra={
            "format": "uri",
            "pattern": WEB_ADDRESS_PATTERN,
            "minLength": 1,
            "maxLength": WEB_ADDRESS_MAX,
        }
    ),
]


class Strict(BaseModel):
    """Base: unknown keys are errors, strings are not coerced to numbers or back."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Qualifier(StrEnum):
    """How the wording bounds the number."""

    exact = "exact"  # 达, 为, no hedge
    over = "over"  # 超过, 超, 逾, 以上, 突破: a lower bound
    more_than = "more_than"  # 余, 多: a little more than the round figure
    nearly = "nearly"  # 近, 接近, 将近: an upper bound, close to it
    about = "about"  # 约, 左右: approximate either way
    up_to = "up_to"  # 最高, 至多: an upper bound


class Status(StrEnum):
    """Whether the figure happened or is intended."""

    actual = "actual"
    plan = "plan"  # scheduled for a stated period, e.g. this year's expansion
    target = "target"  # an aim, often further out (力争, 目标)
    forecast = "forecast"  # an expectation (预计)


class FigureKind(StrEnum):
    """What kind of figure a claim is."""

    stock = "stock"  # a level at a point in time (enterprises registered, loan balance)
    flow = "flow"  # an amount over a period (revenue in 2023, new firms this year)
    cumulative = "cumulative"  # a running total since a start (累计)
    growth = "growth"  # a rate of change (同比增长 84.7%)
    share = "share"  # a proportion of a whole (R&D intensity, 占比)
    rank = "rank"  # a position in a ranking (全国第一)


class SiteKind(StrEnum):
    """What kind of place a site is, from the widest scope to the narrowest."""

    country = "country"
    province = "province"
    city = "city"
    district = "district"
    zone = "zone"
    park = "park"
    platform = "platform"
    institute = "institute"
    facility = "facility"
    company = "company"


class Precision(StrEnum):
    """How good a site's coordinates are."""

    point = "point"  # the building or campus, within a few hundred metres
    district = "district"  # somewhere in the right district or park area, within ~5 km
    city = "city"  # the city centre stands for the site
    province = "province"  # the provincial centre stands for the site


class Region(Strict):
    """A region the dashboard groups sites by.

    Fields: id, name_zh, name_en, order (display order), lat/lon/zoom (the map preset).
    """

    id: Slug = Field(description="Stable id, e.g. `jingjinji`.")
    name_zh: Text = Field(description="Chinese name, e.g. 京津冀.")
    name_en: Text = Field(description="English name, e.g. Beijing–Tianjin–Hebei.")
    order: int = Field(description="Display order, smallest first.")
    featured: bool = Field(
        default=False, description="Shown on its own in the overview; others are grouped."
    )
    lat: float = Field(ge=-90, le=90, description="Map preset centre latitude (WGS-84).")
    lon: float = Field(ge=-180, le=180, description="Map preset centre longitude (WGS-84).")
    zoom: float = Field(ge=0, le=20, description="Map preset zoom level.")


class Site(Strict):
    """A place a claim is about: a park, zone, district, city, centre, institute or company.

    Fields: id, name_zh, name_en, kind, parent, region, city, lat, lon, precision, url,
    aliases, note.
    """

    id: Slug = Field(description="Stable id, e.g. `tiankai_park`.")
    name_zh: Text = Field(description="Chinese name as the articles use it.")
    name_en: Text = Field(description="English name.")
    kind: SiteKind = Field(strict=False, description="What kind of place this is.")
    parent: Slug | None = Field(default=None, description="Id of the enclosing site, if any.")
    region: Slug = Field(description="Id of the region in regions.yaml.")
    city: Text | None = Field(default=None, description="City (English), if the site is in one.")
    lat: float = Field(ge=-90, le=90, description="WGS-84 latitude in degrees.")
    lon: float = Field(ge=-180, le=180, description="WGS-84 longitude in degrees.")
    precision: Precision = Field(strict=False, description="How good the coordinates are.")
    url: WebAddress | None = Field(
        default=None, description="The site's official website: an http:// or https:// address."
    )
    aliases: list[Text] = Field(
        default_factory=list,
        description="Other names the articles use for the site (天开园, 经开区); drafting "
        "finds the site by them.",
    )
    note: LongText | None = Field(default=None, description="Scope or naming notes.")


class Variant(Strict):
    """A distinction within a metric that readers know: national- vs provincial-level
    designations, listed companies vs those in the listing pipeline. Figures of different
    variants are never ranked or joined in one series.

    Fields: id, name_zh, name_en, description.
    """

    id: Slug = Field(description="Stable id within its metric, e.g. `national`.")
    name_zh: Text = Field(description="Chinese name, e.g. 国家级.")
    name_en: Text = Field(description="English name, e.g. national-level.")
    description: LongText | None = Field(default=None, description="What sets it apart.")


class Metric(Strict):
    """A concept claims measure, so that like compares with like across sites and time.

    Fields: id, name_zh, name_en, description, category, unit (the standard unit),
    comparable (whether values may be ranked across sites), replaces (former ids), variants,
    aliases.
    """

    id: Slug = Field(description="Stable id, e.g. `registered_enterprises`.")
    name_zh: Text = Field(description="Chinese name.")
    name_en: Text = Field(description="English name.")
    description: LongText = Field(description="What is counted and what is not.")
    category: Slug = Field(description="Grouping, e.g. enterprises, finance, compute, rd.")
    unit: Slug = Field(description="The standard unit all values convert to (units.yaml).")
    comparable: bool = Field(
        default=True, description="Whether values can be ranked across sites as they stand."
    )
    replaces: list[Slug] = Field(
        default_factory=list,
        description="Metric ids this one took over when the vocabulary was merged: links "
        "that name them open this metric.",
    )
    variants: list[Variant] = Field(
        default_factory=list,
        description="The distinctions within the metric that a claim may name (`variant:`); "
        "a claim without one counts the metric as its description says.",
    )
    aliases: list[Text] = Field(
        default_factory=list,
        description="Words the articles use next to the metric's figures (注册企业, 营业收入); "
        "drafting finds the metric by them.",
    )


class StandardUnit(Strict):
    """A unit values are normalised to (CNY, count, PFLOPS, percent, ...)."""

    id: Slug = Field(description="Stable id, e.g. `cny`.")
    name_zh: Text = Field(description="Chinese label, e.g. 元.")
    name_en: Text = Field(description="English label, e.g. CNY.")


class Unit(Strict):
    """A unit as printed in the articles, mapped to a standard unit by a factor."""

    id: Annotated[str, StringConstraints(min_length=1, max_length=20)] = Field(
        description="The unit exactly as printed: 亿元, 万家, P, %."
    )
    standard: Slug = Field(description="Id of the standard unit.")
    factor: float = Field(gt=0, description="Multiply the printed value by this.")
    name_en: Text = Field(description="English reading, e.g. `100 million CNY`.")

    @field_validator("factor")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("factor must be a finite number")
        return value


class Source(Strict):
    """One article in ``seeds/``.

    Fields: id, file, publication, title, publication_en, title_en, date, date_approximate,
    date_note, sha256, url, note.
    """

    id: Slug = Field(description="Stable id; the claim file data/claims/<id>.yaml quotes it.")
    file: Text = Field(description="Path of the article, relative to the data folder.")
    publication: Text = Field(description="Newspaper as printed, e.g. 天津日报.")
    title: Text = Field(description="Headline as printed.")
    publication_en: Text | None = Field(
        default=None, description="The newspaper's English name, e.g. Tianjin Daily."
    )
    title_en: Text | None = Field(
        default=None, description="The headline in English, for the English view."
    )
    date: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")] = Field(
        description="Publication date, YYYY-MM-DD (quoted in YAML)."
    )
    date_approximate: bool = Field(
        default=False, description="True when the date is reasoned from the text, not printed."
    )
    date_note: LongText | None = Field(default=None, description="How the date was found.")
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="SHA-256 of the article file, so an edit to it is noticed."
    )
    url: WebAddress | None = Field(
        default=None, description="The article online: an http:// or https:// address."
    )
    note: LongText | None = Field(default=None, description="Anything else about the source.")


class Claim(Strict):
    """One quantitative claim, quoted from its article.

    Fields: id, site, metric, variant, scope, value, unit, printed, qualifier, period,
    status, kind, quote, growth_of, same_as, note. The source is the claim file's name
    (data/claims/<source>.yaml).
    """

    id: Slug = Field(description="Stable unique id, e.g. `a004-bzp-enterprises-2024-05`.")
    site: Slug = Field(description="Id of the site in sites/*.yaml.")
    metric: Slug = Field(description="Id of the metric in metrics/*.yaml.")
    variant: Slug | None = Field(
        default=None,
        description="Id of one of the metric's variants (national, listed, ...), if the "
        "figure counts one.",
    )
    scope: Slug | None = Field(
        default=None,
        description="Id of the site whose area the figure covers, when it is not `site` itself "
        "(天开园's core area against its 一核两翼): the figure stays in the site's series and "
        "the change of scope is marked.",
    )
    value: float = Field(description="The number as printed, without its unit: 1.1 for 1.1万家.")
    unit: Annotated[str, StringConstraints(min_length=1, max_length=20)] = Field(
        description="The unit as printed: 万家, 亿元, P, %."
    )
    printed: Text | None = Field(
        default=None,
        description="The figure exactly as the quote prints it, when that is not the plain "
        "decimal of value (千余家, 两, 1,200).",
    )
    qualifier: Qualifier = Field(
        default=Qualifier.exact, strict=False, description="The wording's hedge."
    )
    period: Annotated[str, StringConstraints(min_length=4, max_length=40)] = Field(
        description="When the figure holds: 2023, 2024-05, 2024-Q1, 2024-02-26, or a range "
        "2014..2023 (quote it in YAML)."
    )
    status: Status = Field(strict=False, description="actual, plan, target or forecast.")
    kind: FigureKind = Field(
        strict=False, description="stock, flow, cumulative, growth, share or rank."
    )
    quote: LongText = Field(description="The sentence, verbatim from the article.")
    growth_of: Slug | None = Field(
        default=None,
        description="For a year-on-year growth rate: the id of the level claim it applies to. "
        "The core then derives the prior-year level.",
    )
    same_as: Slug | None = Field(
        default=None,
        description="The id of the claim of another article that reports the same fact (same "
        "site, metric, variant, period and figure): each article keeps its quote, the fact "
        "counts once.",
    )
    note: LongText | None = Field(default=None, description="Scope, corrections, caveats.")

    @field_validator("period", mode="before")
    @classmethod
    def _year_as_text(cls, value: object) -> object:
        # `period: 2023` is a plain year; accept it as the text it means.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("value")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("value must be a finite number")
        return value
