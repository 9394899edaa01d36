"""The view a link describes: query parameters in, a validated :class:`View` and what was
ignored out; and back to parameters.

A presenter's link names the page (its URL path) and these parameters:

==========  ==========================================================================
``lang``    ``zh`` or ``en``; absent: the browser's language
``region``  a region id (``jingjinji``); absent: all regions
``sites``   site ids, comma-separated; absent: all sites
``metric``  a metric id
``measure`` which figures of the metric: ``stock``, ``flow``, ``cumulative``, ``share``,
            ``rank``, ``growth`` (%), ``growth_pp``, ``growth_ratio``, ``growth_abs``
``variant`` one of the metric's variants (``national``); absent: the figures that name none
``period``  a period as the data writes it (``2023``, ``2024-05``) or ``latest``
``status``  statuses, comma-separated (``actual,plan``); absent: the page's default
``unit``    ``std`` (standard units, the default) or ``printed`` (as printed)
``present`` ``1`` for presentation mode
``q``       free text searched in the claims
``source``  an article (source id)
``claim``   a claim id (the one whose context is shown)
``id``      a site id: the site whose profile is shown
==========  ==========================================================================

Parsing never fails: an unknown or malformed value is dropped (or replaced by the nearest
valid one, when one is close) and reported as an :class:`Ignored`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace

from ..core.models import Status
from ..core.periods import parse_period
from .i18n import LANGS

STATUSES = tuple(status.value for status in Status)
UNIT_MODES = ("std", "printed")
MEASURES = (
    "stock",
    "flow",
    "cumulative",
    "share",
    "rank",
    "growth",
    "growth_pp",
    "growth_ratio",
    "growth_abs",
)
LATEST = "latest"
MAX_TEXT = 200
# Parameters Streamlit itself puts in URLs; never ours to judge.
FOREIGN = frozenset({"embed", "embed_options"})
PARAMS = (
    "lang",
    "region",
    "sites",
    "metric",
    "measure",
    "variant",
    "period",
    "status",
    "unit",
    "present",
    "q",
    "source",
    "claim",
    "id",
)
_ID = re.compile(r"^[a-z0-9][a-z0-9_.~-]*$")


@dataclass(frozen=True)
class View:
    """Everything a link can say about what is on screen (see the module docstring)."""

    lang: str | None = None
    region: str | None = None
    sites: tuple[str, ...] = ()
    metric: str | None = None
    measure: str | None = None
    variant: str | None = None
    period: str | None = None
    status: tuple[str, ...] = ()
    unit: str = "std"
    present: bool = False
    q: str = ""
    source: str | None = None
    claim: str | None = None
    id: str | None = None  # the site a profile shows

    def with_(self, **changes: object) -> View:
        """A copy with ``changes`` applied."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Ignored:
    """One part of a link that was not used: why, and what was used instead (if anything).

    ``reason`` is ``unknown``, ``malformed``, ``replaced``, ``renamed`` (a metric merged into
    another), ``param``, ``unavailable`` or ``too_long`` (an i18n key ``ignored.<reason>``).
    """

    param: str
    value: str
    reason: str
    replacement: str | None = None


@dataclass(frozen=True)
class Options:
    """The valid ids a link may name, from the loaded data."""

    regions: Collection[str] = ()
    sites: Collection[str] = ()
    metrics: Collection[str] = ()
    former_metrics: Mapping[str, str] = field(default_factory=dict)  # old id -> metric id
    variants: Collection[str] = ()  # every metric's variant ids
    sources: Collection[str] = ()
    claims: Collection[str] = ()


@dataclass
class Parsed:
    """The result of :func:`parse_view`."""

    view: View
    ignored: list[Ignored] = field(default_factory=list)


def _nearest(value: str, choices: Collection[str]) -> str | None:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.75)
    return close[0] if close else None


def _one_id(param: str, raw: str, choices: Collection[str], out: list[Ignored]) -> str | None:
    value = raw.strip()
    if value in choices:
        return value
    if not value:
        return None
    if not _ID.match(value):
        out.append(Ignored(param, raw, "malformed"))
        return None
    near = _nearest(value, choices)
    if near is not None:
        out.append(Ignored(param, raw, "replaced", near))
        return near
    out.append(Ignored(param, raw, "unknown"))
    return None


def _id_list(param: str, raw: str, choices: Collection[str], out: list[Ignored]) -> tuple[str, ...]:
    seen: list[str] = []
    for part in raw.split(","):
        if not part.strip():
            continue
        value = _one_id(param, part, choices, out)
        if value is not None and value not in seen:
            seen.append(value)
    return tuple(seen)


def _choice(param: str, raw: str, choices: Collection[str], out: list[Ignored]) -> str | None:
    value = raw.strip().lower()
    if value in choices:
        return value
    out.append(Ignored(param, raw, "unknown"))
    return None


def parse_view(params: Mapping[str, str | list[str]], options: Options) -> Parsed:
    """Read query parameters into a :class:`View`, never raising.

    A repeated parameter counts once (its last value). Unknown parameters, unknown ids and
    malformed values are dropped and listed in ``ignored``; an unknown id close to a valid one
    is replaced by it (``replaced``).
    """
    out: list[Ignored] = []
    values: dict[str, str] = {}
    for key, raw in params.items():
        value = raw[-1] if isinstance(raw, list) else raw
        value = "" if value is None else str(value)
        if key in FOREIGN:
            continue
        if key not in PARAMS:
            out.append(Ignored(key, value, "param"))
            continue
        values[key] = value

    view = View()
    if "lang" in values:
        view = view.with_(lang=_choice("lang", values["lang"], LANGS, out))
    if "region" in values:
        view = view.with_(region=_one_id("region", values["region"], options.regions, out))
    if "sites" in values:
        view = view.with_(sites=_id_list("sites", values["sites"], options.sites, out))
    if "metric" in values:
        old = values["metric"].strip()
        if old in options.former_metrics and old not in options.metrics:
            new = options.former_metrics[old]
            out.append(Ignored("metric", old, "renamed", new))
            view = view.with_(metric=new)
        else:
            view = view.with_(metric=_one_id("metric", values["metric"], options.metrics, out))
    if "measure" in values:
        view = view.with_(measure=_choice("measure", values["measure"], MEASURES, out))
    if "variant" in values:
        view = view.with_(variant=_one_id("variant", values["variant"], options.variants, out))
    if "period" in values:
        view = view.with_(period=_period(values["period"], out))
    if "status" in values:
        statuses = []
        for part in values["status"].split(","):
            if part.strip():
                choice = _choice("status", part, STATUSES, out)
                if choice and choice not in statuses:
                    statuses.append(choice)
        view = view.with_(status=tuple(s for s in STATUSES if s in statuses))
    if "unit" in values:
        view = view.with_(unit=_choice("unit", values["unit"], UNIT_MODES, out) or "std")
    if "present" in values:
        flag = values["present"].strip().lower()
        if flag in ("1", "true", "yes", "on"):
            view = view.with_(present=True)
        elif flag not in ("0", "false", "no", "off", ""):
            out.append(Ignored("present", values["present"], "malformed"))
    if "q" in values:
        text = "".join(ch for ch in values["q"] if ch.isprintable()).strip()
        if len(text) > MAX_TEXT:
            out.append(Ignored("q", text[:20] + "…", "too_long"))
            text = text[:MAX_TEXT]
        view = view.with_(q=text)
    if "source" in values:
        view = view.with_(source=_one_id("source", values["source"], options.sources, out))
    if "claim" in values:
        view = view.with_(claim=_one_id("claim", values["claim"], options.claims, out))
    if "id" in values:
        view = view.with_(id=_one_id("id", values["id"], options.sites, out))
    return Parsed(view, out)


def _period(raw: str, out: list[Ignored]) -> str | None:
    value = raw.strip()
    if not value:
        return None
    if value.lower() == LATEST:
        return LATEST
    try:
        parse_period(value)
    except ValueError:
        out.append(Ignored("period", raw, "malformed"))
        return None
    return value


def to_params(view: View, keys: Collection[str]) -> dict[str, str]:
    """The query parameters for ``view``, limited to ``keys`` (a page's own), defaults left out.

    ``lang`` is always written when known, so a link opens in the language it was copied in,
    whatever the recipient's browser says.
    """
    params: dict[str, str] = {}
    for key in PARAMS:
        if key not in keys:
            continue
        value = getattr(view, key)
        if key == "unit":
            if value != "std":
                params[key] = value
        elif key == "present":
            if value:
                params[key] = "1"
        elif isinstance(value, tuple):
            if value:
                params[key] = ",".join(value)
        elif value:
            params[key] = str(value)
    return params
