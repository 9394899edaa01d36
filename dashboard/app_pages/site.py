"""Site profile: everything recorded for one place, by metric, with its sources and its place
on the map; without a site, the list of sites."""

import streamlit as st

from dashboard.charts.common import image_config
from dashboard.charts.map import map_deck
from dashboard.charts.trends import trend_figure
from dashboard.present import tables
from dashboard.present.formatting import period_label, row_label
from dashboard.present.i18n import name, vocab
from dashboard.present.map import site_frame
from dashboard.present.rows import row_dicts
from dashboard.present.site import profile, site_list, source_label
from dashboard.present.summaries import trend_summary
from dashboard.ui.figures import chart
from dashboard.ui.markdown import escape
from dashboard.ui.page import finish, open_page
from dashboard.ui.registry import page_link

page = open_page("site")
data, lang, view = page.data, page.lang, page.view
names = tables.Names(data.dataset, lang)
found = profile(data.dataset, data.table, view.id) if view.id else None


def site_links(site_ids: list[str]) -> None:
    for other in site_ids:
        page_link("site", page.t("site.link", name=names.site(other)), id=other)


if found is None:
    st.title(page.t("site.title_none"))
    st.info(page.t("site.missing"), icon=":material/info:")
    st.header(page.t("site.list"))
    listed = site_list(data.dataset, data.table)
    by_region: dict[str, list[tuple[str, int]]] = {}
    for site_id, n in listed:
        by_region.setdefault(data.dataset.sites[site_id].record.region, []).append((site_id, n))
    for region in [r for r in names.region_order if r in by_region]:
        with st.expander(f"{names.region(region)} ({len(by_region[region])})"):
            for site_id, n in by_region[region]:
                label = page.t("site.list_item", name=names.site(site_id), n=n)
                page_link("site", label, id=site_id)
    finish(page)
    st.stop()

site = found.site
st.title(escape(names.site(site.id)))
other = site.name_en if lang == "zh" else site.name_zh
derived = page.t("site.derived", n=found.derived) if found.derived else ""
st.caption(escape(other))
st.markdown(
    page.t(
        "site.facts",
        kind=escape(vocab("site_kind", site.kind.value, lang)),
        region=escape(names.region(site.region)),
        id=site.id,
        claims=found.claims,
        derived=derived,
    )
)
if site.note and lang == "en":
    st.caption(escape(site.note))
elif site.note:  # curators write notes in English: offered, labelled, not mixed into the page
    with st.expander(page.t("site.note_en")):
        st.caption(escape(site.note))

left, right = st.columns([3, 2]) if not page.present else (st.container(), st.container())
with right:
    st.markdown(
        f"**{page.t('site.map', precision=page.t(f'site.precision.{site.precision.value}'))}**"
    )
    sites = site_frame(data.dataset, data.table)
    here = sites[sites["site_id"] == site.id]
    deck = map_deck(
        here,
        lang=lang,
        unit_mode=view.unit,
        region_order=names.region_order,
        center=(site.lat, site.lon, 5.0),
        sized=False,
    )
    st.pydeck_chart(deck, height=280, key="site_map")
    for key, ids in (
        ("site.parent", [found.parent] if found.parent else []),
        ("site.children", found.children),
        ("site.scoped_on", found.scoped_on),
    ):
        if ids:
            st.markdown(page.t(key))
            site_links(ids)

with left:
    if not found.sections:
        st.info(page.t("site.none"))
    else:
        st.header(page.t("site.sections", n=len(found.sections)))
    for number, section in enumerate(found.sections):
        metric = names.metric_label(section.metric_id, section.variant)
        heading = f"{metric} · {page.t(f'measure.{section.measure}')}"
        with st.container(border=True, key=f"site_section_{number}"):
            st.markdown(f"**{escape(heading)}**")
            if section.is_series:
                fig = trend_figure(
                    section.rows,
                    lang=lang,
                    unit_mode=view.unit,
                    title=f"{names.site(site.id)} · {metric}",
                    note=tables.source_note(section.rows, lang, names.publications()),
                    height=300,
                    width=560,  # the profile's left column
                )
                chart(
                    page,
                    fig,
                    f"site_chart_{number}",
                    image_config(f"site-{site.id}-{section.metric_id}"),
                    trend_summary(section.rows, metric, lang, view.unit),
                )
                page_link(
                    "trends",
                    page.t("site.open_trends"),
                    metric=section.metric_id,
                    measure=section.measure,
                    variant=section.variant,
                    sites=(site.id,),
                    region=None,
                    status=(),
                )
            for row in row_dicts(section.rows):
                notes = [period_label(str(row["period"]), lang)]
                if str(row["status"]) != "actual":
                    notes.append(vocab("status", str(row["status"]), lang))
                if isinstance(row.get("scope"), str):
                    notes.append(name(row, lang, "scope_"))
                if row.get("derived"):
                    notes.append(page.t("chart.derived"))
                figure = row_label(row, lang, view.unit)
                st.markdown(
                    f"### {escape(figure)}" if not section.is_series else f"**{escape(figure)}**"
                )
                st.caption(escape(" · ".join(notes)))
                if isinstance(row.get("quote"), str) and row["quote"]:
                    st.markdown(f"> {escape(row['quote'])}")
                for source_id, claim_id in section.reports.get(str(row["claim_id"]), []):
                    page_link(
                        "sources",
                        escape(
                            page.t(
                                "site.open_sources",
                                source=source_label(data.dataset, source_id, lang),
                            )
                        ),
                        source=source_id,
                        claim=claim_id,
                    )

finish(page)
