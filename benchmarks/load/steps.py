"""What a session does: the pages, the actions, and the two rounds of interactions."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from benchmarks.load.edits import BOTH
from benchmarks.load.observe import Look, Session
from dashboard.present.i18n import t, vocab

PATHS = {
    "overview": "/",
    "trends": "/trends",
    "rankings": "/rankings",
    "map": "/map",
    "claims": "/claims",
    "health": "/health",
}


def page_title(page: str, lang: str) -> str:
    """The title (h1) of ``page`` in ``lang``."""
    return t("app.title" if page == "overview" else f"{page}.title", lang)


@dataclass
class Step:
    """One interaction: ``act`` does it; it ends on ``page`` showing ``view`` (query
    parameters), with at least ``markers`` renamed-site names and what ``drawn`` asks for."""

    kind: str  # link open | filter change | page switch
    name: str
    act: Callable[[Session], Awaitable[None]]
    page: str
    view: dict[str, str] = field(default_factory=dict)
    drawn: Callable[[Look], bool] = lambda look: True
    markers: int = 0

    def shows_view(self, look: Look) -> bool:
        return look.path == PATHS[self.page] and self.view.items() <= look.query.items()


def _link(path: str) -> Callable[[Session], Awaitable[None]]:
    async def act(s: Session) -> None:
        await s.page.goto(s.base + path.format(lang=s.lang), wait_until="commit")

    return act


def _nav(page: str) -> Callable[[Session], Awaitable[None]]:
    async def act(s: Session) -> None:
        nav = s.page.locator('[data-testid="stSidebarNav"]')
        await nav.get_by_role("link", name=t(f"nav.{page}", s.lang), exact=True).first.click()

    return act


def _select(key: str, label: Callable[[str], str], many: bool = False) -> Callable:
    """Pick the option named ``label(lang)`` in the selectbox or multiselect ``key``."""

    async def act(s: Session) -> None:
        box = s.page.locator(f'.st-key-{key} input[role="combobox"]').first
        name = label(s.lang)
        await box.click()
        await box.fill(name)
        option = s.page.get_by_role("option", name=re.compile("^" + re.escape(name)))
        await option.first.click()
        if many:
            await s.page.keyboard.press("Escape")

    return act


def _say(zh: str, en: str) -> Callable[[str], str]:
    return lambda lang: zh if lang == "zh" else en


def _charted(n: int) -> Callable[[Look], bool]:
    """A plotly chart drawn, holding at least ``n`` renamed-site names."""
    return lambda look: look.drawn > 0 and len(look.parts["charts"]) >= n


def _map(look: Look) -> bool:
    return look.decks > 0


STEPS_A = [  # a shared link to the claims of both sites, then filters and pages from there
    Step(
        "link open",
        "claims of both sites",
        _link(f"/claims?lang={{lang}}&sites={BOTH}"),
        "claims",
        {"sites": BOTH},
        markers=2,
    ),
    Step(
        "filter change",
        "claims: status actual",
        _select("w_claims_status", lambda lang: vocab("status", "actual", lang), many=True),
        "claims",
        {"sites": BOTH, "status": "actual"},
        markers=2,
    ),
    Step("page switch", "to rankings", _nav("rankings"), "rankings"),
    Step(
        "filter change",
        "rankings: countries reached",
        _select("w_rank_metric", _say("通达国家和城市数", "Countries and cities reached")),
        "rankings",
        {"metric": "destinations_reached", "variant": "countries"},  # the variant most figures name
        _charted(2),
        markers=2,
    ),
    Step(
        "page switch",
        "to trends",
        _nav("trends"),
        "trends",
        {"metric": "destinations_reached", "variant": "countries", "sites": BOTH},
        _charted(2),
        markers=2,
    ),
    Step("page switch", "to map", _nav("map"), "map", {"metric": "destinations_reached"}, _map, 1),
    Step(
        "filter change",
        "map: Zhengzhou",
        _select("w_map_region", _say("郑州", "Zhengzhou")),
        "map",
        {"metric": "destinations_reached", "region": "zhengzhou"},
        _map,
        markers=1,
    ),
    Step("page switch", "to overview", _nav("overview"), "overview", {"region": "zhengzhou"}),
]
STEPS_B = [  # a shared link to a ranking of both sites, then health and claims
    Step(
        "link open",
        "ranking of cities reached",
        _link("/rankings?lang={lang}&metric=destinations_reached&variant=cities"),
        "rankings",
        {"metric": "destinations_reached", "variant": "cities"},
        _charted(2),
        markers=2,
    ),
    Step("page switch", "to data health", _nav("health"), "health"),
    Step(
        "page switch",
        "to claims",
        _nav("claims"),
        "claims",
        {"metric": "destinations_reached"},
        markers=2,
    ),
    Step(
        "filter change",
        "claims: Zhengzhou",
        _select("w_claims_region", _say("郑州", "Zhengzhou")),
        "claims",
        {"metric": "destinations_reached", "region": "zhengzhou"},
        markers=2,
    ),
]
