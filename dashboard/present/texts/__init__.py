"""The UI texts, one module per part of the app; :mod:`dashboard.present.i18n` reads them.

Each module holds ``TEXTS``: a stable key mapped to its (Chinese, English) pair. A new part of
the app adds a module here and a line below; a key defined twice is an error at import.
"""

from __future__ import annotations

from dashboard.present.texts import (
    access,
    captions,
    causes,
    charts,
    drafting,
    health,
    map_page,
    questions,
    shell,
    site,
    tables,
)

MODULES = (
    shell,
    charts,
    captions,
    map_page,
    tables,
    health,
    drafting,
    causes,
    site,
    questions,
    access,
)


def merged() -> dict[str, tuple[str, str]]:
    """Every module's texts in one mapping; raises on a key two modules define."""
    texts: dict[str, tuple[str, str]] = {}
    for module in MODULES:
        twice = texts.keys() & module.TEXTS.keys()
        if twice:
            raise ValueError(f"{module.__name__} redefines {sorted(twice)}")
        texts.update(module.TEXTS)
    return texts
