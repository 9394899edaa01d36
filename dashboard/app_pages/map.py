"""Map: every site at its coordinates, coloured by region, sized by the chosen metric."""

import streamlit as st

from dashboard.charts.common import color
from dashboard.charts.map import map_deck
from dashboard.charts.map_outline import text_on
from dashboard.present import tables
from dashboard.present.map import map_alt, map_sites, shown_sites, site_frame, site_table
from dashboard.present.rows import LEVELS, metric_counts, select, sort_claims
from dashboard.present.view import STATUSES, Ignored
from dashboard.ui.markdown import escape, text_table
from dashboard.ui.page import finish, open_page
from dashboard.ui.registry import page_link
from dashboard.ui.session import set_view
from dashboard.ui.tables import claims_rows, linked_sites
from dashboard.ui.widgets import choose_many, choose_one, seed, unique_labels, widget_value

NATIONAL = (35.0, 105.0, 3.3)
page = open_page("map")
data, lang = page.data, page.lang
table, dataset = data.table, data.dataset
names = tables.Names(dataset, lang)
st.title(page.t("map.title"))

top = st.columns([3, 4, 3]) if not page.present else [None] * 3
region = choose_one(
    page,
    "region",
    page.t("map.preset"),
    ["", *names.region_order],
    key="w_map_region",
    allow_none=True,
    container=top[0],
    fmt=lambda r: names.region(r) if r else page.t("map.preset_all"),
)
counts = data.memo(
    "map.level_counts",
    lambda: dict(metric_counts(table.loc[table["measure"].isin(LEVELS), ["metric_id", "same_as"]])),
)
metric = choose_one(
    page,
    "metric",
    page.t("map.size_by"),
    ["", *counts],
    key="w_map_metric",
    allow_none=True,
    container=top[1],
    fmt=lambda m: f"{names.metric(m)} ({counts.get(m, 0)})" if m else page.t("map.size_none"),
)
statuses = choose_many(
    page,
    "status",
    page.t("filter.status"),
    list(STATUSES),
    key="w_map_status",
    fmt=names.status,
    placeholder=names.status("actual"),
    container=top[2],
    ordered=STATUSES,
) or ("actual",)
tiles = False
if not page.present:
    # Session-only on purpose: a shared link must never make the recipient's browser call out.
    tiles = st.toggle(page.t("map.tiles"), key="map_tiles", help=page.t("map.tiles_help"))

sites = map_sites(
    dataset,
    data.rows_of(metric, None) if metric else table,
    metric,
    statuses,
    data.memo("map.sites", lambda: site_frame(dataset, table)),
)
preset = dataset.regions.get(region or "")
center = (preset.record.lat, preset.record.lon, preset.record.zoom) if preset else NATIONAL
deck = map_deck(
    sites,
    lang=lang,
    unit_mode=page.view.unit,
    region_order=names.region_order,
    center=center,
    sized=bool(metric),
    tiles=tiles,
)
shown = shown_sites(sites, region)
event = st.pydeck_chart(
    deck,
    on_select="rerun",
    selection_mode="single-object",
    key="site_map",
    height=720 if page.present else 560,
    alt=map_alt(
        len(shown),
        names.region(region) if region else None,
        names.metric(metric) if metric else None,
        lang,
    ),
)
st.caption(f"{page.t('map.legend')} {page.t('map.attribution')}")
# The map's text alternative: the sites it is about, as a plain HTML table, drawn when the
# reader opens it (a cell is a rendered element: 200 sites were 600 of them on every visit).
listing = st.expander(page.t("map.table", n=len(shown)), key="map_table", on_change="rerun")
if listing.open:
    with listing:
        listed = site_table(shown, lang, page.view.unit, bool(metric))
        st.table(linked_sites(page, listed, list(shown["site_id"])).style.hide(axis="index"))

clicked = [
    obj.get("site_id")
    for obj in (event.selection.objects.get("sites") or [])
    if isinstance(obj, dict)
]
if clicked and clicked[0] != st.session_state.get("_map_clicked"):
    st.session_state["_map_clicked"] = clicked[0]
    set_view(sites=(clicked[0],))
elif not clicked:
    st.session_state.pop("_map_clicked", None)

shown_regions = set(sites["region_id"])
present_regions = [r for r in names.region_order if r in shown_regions]
legend = text_table([{page.t("col.region"): names.region(r)} for r in present_regions])
colours = [color(names.region_order.index(r)) for r in present_regions]
styled = legend.style.apply(
    lambda col: [f"background-color: {c}; color: {text_on(c)}" for c in colours], axis=0
)

site_ids = list(sites["site_id"])
chosen = page.view.sites[0] if page.view.sites else ""
if chosen and chosen not in site_ids:
    page.notices.append(Ignored("sites", chosen, "unavailable", "-"))
    chosen = ""
left, right = st.columns([1, 3])
with left:
    # A static table: a few coloured names need no grid (a grid is a canvas to set up).
    st.table(styled.hide(axis="index"))
with right:
    if not page.present:
        site_label = unique_labels(
            lambda s: names.site(s) if s else page.t("map.site_none"), ["", *site_ids]
        )
        seed("w_map_site", chosen, ["", *site_ids], site_label)
        st.selectbox(
            page.t("map.site"),
            ["", *site_ids],
            key="w_map_site",
            format_func=site_label,
            placeholder=page.t("filter.choose"),
            on_change=lambda: set_view(
                sites=(picked,) if (picked := widget_value("w_map_site")) else ()
            ),
        )
    if chosen:
        st.header(escape(page.t("map.claims_of", site=names.site(chosen))))
        rows = sort_claims(select(table, sites=[chosen]))
        if rows.empty:
            st.caption(page.t("data.empty"))
        else:
            claims_rows(page, rows, "map_site_claims", filename=f"{chosen}.csv")
            page_link("site", page.t("site.link", name=names.site(chosen)), id=chosen)
            page_link(
                "claims",
                page.t("link.claims"),
                sites=(chosen,),
                metric=None,
                region=None,
                claim=None,
                q="",
                source=None,
            )

finish(page)
