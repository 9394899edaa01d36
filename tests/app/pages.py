"""Opening the app's pages through AppTest, as a new browser would, and reading what they
drew: shared by the AppTest modules of this folder."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qsl

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"
APP_DATA = ROOT / "tests" / "fixtures" / "app_data"
TIMEOUT = 60


def open_page(page: str = "overview", params: dict | None = None, locale: str = "en-US") -> AppTest:
    """A fresh session opening ``page`` with ``params``, run without exception."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.context["locale"] = locale
    at.context["url"] = f"http://127.0.0.1:8501/{'' if page == 'overview' else page}"
    at.query_params.update(params or {})
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py")
    return ok(at.run())


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def keys(at: AppTest, kind: str) -> set[str]:
    return {w.key for w in at.get(kind) if w.key}


def chart(at: AppTest, key: str) -> dict:
    """The plotly figure a page sent, as JSON."""
    (element,) = [e for e in at.get("plotly_chart") if e.key == key]
    return json.loads(element.proto.spec)


def deck(at: AppTest) -> dict:
    (element,) = [e for e in at.get("deck_gl_json_chart")]
    return json.loads(element.proto.json)


def links(at: AppTest) -> list[tuple[str, str]]:
    """(label, URL path) of every page link drawn."""
    return [(e.proto.label, e.proto.page) for e in at.get("page_link")]


def follow(at: AppTest, label: str) -> AppTest:
    """Open the page link labelled ``label`` in a fresh session, as a click would."""
    (link,) = [e.proto for e in at.get("page_link") if e.proto.label == label]
    params = dict(parse_qsl(link.query_string))
    return open_page(link.page, params, "zh-CN" if params.get("lang") == "zh" else "en-US")


def text(at: AppTest) -> str:
    """Every text the page wrote, markdown escapes removed."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [w.value for w in at.warning] + [i.value for i in at.info]
    parts += [e.value for e in at.error] + [t.value for t in at.title]
    parts += [h.value for h in at.subheader] + [h.value for h in at.header]
    return "\n".join(parts).replace("\\", "")
