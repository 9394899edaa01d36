"""Widgets bound to the view: each is seeded from it before it is drawn and copies the reader's
choice back through ``on_change``; a value the page cannot offer falls back and is reported."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

from dashboard.present.counts import chart_count, chart_counts, ranking_bar_counts
from dashboard.present.rows import measures_for, metric_counts, of_variant, variants_in
from dashboard.present.view import Ignored
from dashboard.ui.page import Page
from dashboard.ui.session import fall_back, set_view

LABELS = "_labels"
LABEL_RUNS = 16  # labellings of a widget's options remembered (see widget_value)


def seed(
    key: str,
    value: Any,
    options: Sequence[Any] | None = None,
    fmt: Callable[[Any], Any] | None = None,
) -> None:
    """Give widget ``key`` the view's value before it is drawn (never after).

    Given the widget's options and format: note their labels (see :func:`widget_value`),
    and when a saved edit changed them, set the value again, so that the browser shows the
    chosen options under their new labels rather than keeping the old ones on screen.
    """
    relabelled = options is not None and fmt is not None and _remember_labels(key, options, fmt)
    if relabelled or st.session_state.get(key) != value:
        st.session_state[key] = value


def _remember_labels(key: str, options: Sequence[Any], fmt: Callable[[Any], Any]) -> bool:
    """Note how widget ``key`` labels its options in this run; the last :data:`LABEL_RUNS`
    different labellings are kept. True when the labels changed since the last run."""
    labels = {str(fmt(o)): o for o in options}
    kept: list[dict[str, Any]] = st.session_state.setdefault(LABELS, {}).get(key, [])
    if kept and kept[0] == labels:
        return False
    st.session_state[LABELS][key] = [labels, *kept][:LABEL_RUNS]
    return bool(kept)


def widget_value(key: str) -> Any:
    """The option(s) chosen in widget ``key``.

    The browser reports a choice by its label. When a saved edit changed the labels (a site
    renamed, a count of figures changed) and the page was redrawn by a reload the browser
    had not shown yet, the reader's pick arrives with a label of an earlier run: Streamlit
    hands that label over as the value, and it is read here by the earlier labellings.
    """
    value = st.session_state.get(key)
    runs: list[dict[str, Any]] = st.session_state.get(LABELS, {}).get(key, [])
    known = set(runs[0].values()) if runs else set()

    def option(v: Any) -> Any:
        if not isinstance(v, str) or v in known:
            return v
        return next((labels[v] for labels in runs if v in labels), v)

    return [option(v) for v in value] if isinstance(value, list) else option(value)


def copy_to_view(key: str, field_name: str, convert: Callable[[Any], Any] | None) -> None:
    """Widget ``key``'s callback: its value (``convert``-ed) becomes ``view.<field_name>``."""
    value = widget_value(key)
    set_view(**{field_name: convert(value) if convert else value})


def _none_if_empty(value: Any) -> Any:
    return value or None


def unique_labels(fmt: Callable[[str], str], options: Sequence[str]) -> Callable[[str], str]:
    """``fmt`` made one-to-one over ``options``: a label two options share gets the id added.

    Streamlit's widgets report the chosen label, so two options with one label would be
    confused (an "all of China" choice and the region named China, say).
    """
    labels = {option: str(fmt(option)) for option in options}
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    table = {o: (f"{label} [{o}]" if seen[label] > 1 else label) for o, label in labels.items()}
    return lambda option: table.get(option, str(option))


def choose_one(
    current: Page,
    field_name: str,
    label: str,
    options: Sequence[str],
    *,
    key: str,
    fmt: Callable[[str], str],
    default: str | None = None,
    allow_none: bool = False,
    container: Any = None,
) -> str | None:
    """A selectbox bound to ``view.<field_name>``. ``""`` in ``options`` stands for "none".

    A view value not among the options (e.g. a metric with no figures) falls back to
    ``default`` (or the first option) and is reported on the page.
    """
    value = getattr(current.view, field_name)
    choices = list(options)
    fallback = default if default in choices else (choices[0] if choices else None)
    shown = value if value is not None else ("" if allow_none else fallback)
    if shown not in choices:
        if value is not None:
            current.notices.append(
                Ignored(
                    field_name,
                    str(value),
                    "unavailable",
                    str(fmt(fallback) if fallback is not None else "-"),
                )
            )
        shown = fallback
    resolved = None if shown in ("", None) else shown
    if resolved != value:
        fall_back(**{field_name: resolved})
    if not current.present and choices:
        seed(key, shown, choices, fmt)
        (container or st).selectbox(
            label,
            choices,
            key=key,
            format_func=fmt,
            placeholder=current.t("filter.choose"),
            on_change=copy_to_view,
            args=(key, field_name, _none_if_empty),
        )
    return resolved


def choose_many(
    current: Page,
    field_name: str,
    label: str,
    options: Sequence[str],
    *,
    key: str,
    fmt: Callable[[str], str],
    placeholder: str | None = None,
    container: Any = None,
    ordered: Sequence[str] | None = None,
    stand_ins: Mapping[str, Sequence[str]] | None = None,
) -> tuple[str, ...]:
    """A multiselect bound to ``view.<field_name>`` (a tuple; empty means "all").

    A value the page cannot offer is replaced by its ``stand_ins`` among the options (the
    sites whose figures name it as their scope), else left out; the notice says which,
    and what is shown instead.
    """
    value: tuple[str, ...] = getattr(current.view, field_name)
    choices = list(options)
    kept: list[str] = []
    notes: list[tuple[str, str, list[str]]] = []
    for v in value:
        if v in choices:
            kept.append(v)
            continue
        instead = [s for s in (stand_ins or {}).get(v, ()) if s in choices]
        kept += instead
        notes.append((v, "stand_in" if instead else "", instead))
    kept = list(dict.fromkeys(kept))
    for missing, reason, instead in notes:
        if reason:
            shown = ", ".join(str(fmt(s)) for s in instead)
        elif kept:
            reason, shown = "left_out", ", ".join(str(fmt(s)) for s in kept)
        else:
            reason, shown = "unavailable", placeholder or "-"
        current.notices.append(Ignored(field_name, missing, reason, shown))
    if tuple(kept) != value:
        fall_back(**{field_name: tuple(kept)})

    def convert(selected: Any) -> tuple[str, ...]:
        chosen = list(selected or [])
        if ordered is not None:
            return tuple(v for v in ordered if v in chosen)
        return tuple(chosen)

    if not current.present and choices:
        seed(key, kept, choices, fmt)
        (container or st).multiselect(
            label,
            choices,
            key=key,
            format_func=fmt,
            placeholder=placeholder or "",
            on_change=copy_to_view,
            args=(key, field_name, convert),
        )
    return tuple(kept)


def text_filter(current: Page, label: str, *, key: str, container: Any = None) -> str:
    """A text input bound to ``view.q``."""
    value = current.view.q
    if not current.present:
        seed(key, value)
        (container or st).text_input(
            label,
            key=key,
            max_chars=200,
            on_change=copy_to_view,
            args=(key, "q", lambda v: (v or "").strip()),
        )
    return value


def metric_measure_region(
    current: Page,
    table: Any,
    names: Any,
    prefix: str,
    default_metric: str | None = None,
    limit: int | None = None,
) -> tuple[str | None, str | None, Any, str | None]:
    """The metric, measure, variant and region selectors shared by trends and rankings, in
    one row (the variant only when the metric has figures of more than one). Each metric is
    labelled with what the page's chart would draw of it (see :mod:`dashboard.present.counts`;
    ``limit``: the most sites a trend chart draws unchosen).

    Returns ``(metric, measure, rows of that metric, measure and variant, region)``.
    """
    counts = current.data.memo("metric_counts", lambda: dict(metric_counts(table)))
    drawn = _drawn(current, list(counts), "rankings" if prefix == "rank" else "trends", limit)
    top = st.columns([4, 2, 2, 3]) if not current.present else [None] * 4
    metric = choose_one(
        current,
        "metric",
        current.t("filter.metric"),
        list(counts),
        key=f"w_{prefix}_metric",
        default=default_metric,
        fmt=lambda m: f"{names.metric(m)} ({drawn.get(m, 0)})",
        container=top[0],
    )
    measure = choose_one(
        current,
        "measure",
        current.t("filter.measure"),
        current.data.memo(
            f"measures:{metric}",
            lambda: measures_for(current.data.rows_of(metric, None), metric),
        ),
        key=f"w_{prefix}_measure",
        fmt=lambda m: current.t(f"measure.{m}"),
        container=top[1],
    )
    of_metric = current.data.rows_of(metric, measure)
    variants = current.data.memo(f"variants:{metric}:{measure}", lambda: variants_in(of_metric))
    if len(variants) > 1:
        variant = choose_one(
            current,
            "variant",
            current.t("filter.variant"),
            variants,
            key=f"w_{prefix}_variant",
            allow_none="" in variants,
            fmt=lambda v: names.variant(metric, v) if v else current.t("filter.variant_none"),
            container=top[2],
        )
    else:  # one group of figures: nothing to choose
        variant = (variants[0] or None) if variants else None
        if current.view.variant != variant:
            fall_back(variant=variant)
    of_metric = of_variant(of_metric, variant)
    region = choose_one(
        current,
        "region",
        current.t("filter.region"),
        [
            "",
            *current.data.memo(f"regions:{metric}:{measure}", lambda: names.regions_in(of_metric)),
        ],
        key=f"w_{prefix}_region",
        allow_none=True,
        container=top[3],
        fmt=lambda r: names.region(r) if r else current.t("filter.region_all"),
    )
    return metric, measure, of_metric, region


def _drawn(current: Page, metrics: list[str], chart: str, limit: int | None) -> dict[str, int]:
    """Per metric, what ``chart`` would draw in the view's region and statuses; the metric in
    view with its measure, variant, sites and period."""
    view, data = current.view, current.data
    statuses = view.status or (("actual",) if chart == "rankings" else ())
    drawn = data.memo(
        f"drawn:{chart}:{view.region}:{','.join(statuses)}",
        lambda: (
            ranking_bar_counts(data.table, region=view.region, statuses=statuses)
            if chart == "rankings"
            else chart_counts(
                data.rows_of,
                metrics,
                chart=chart,
                region=view.region,
                statuses=statuses,
                limit=limit,
            )
        ),
    )
    if view.metric in drawn:
        drawn = dict(drawn)
        drawn[view.metric] = chart_count(
            data.rows_of,
            view.metric,
            chart=chart,
            region=view.region,
            statuses=statuses,
            measure=view.measure,
            variant=view.variant,
            sites=view.sites if chart == "trends" else (),
            period=view.period if chart == "rankings" else None,
            limit=limit,
        )
    return drawn
