"""Data health: every validation problem, each file's state, and what is still uncaptured."""

import streamlit as st

from dashboard.core.vocabulary import vocabulary_report
from dashboard.present import health
from dashboard.present.causes import follow_sentence, group_problems
from dashboard.ui.data import coverage_reports
from dashboard.ui.drafting import drafts_section
from dashboard.ui.markdown import escape
from dashboard.ui.page import finish, lost_file_ids, open_page
from dashboard.ui.tables import long_list

page = open_page("health")
data = page.data
st.title(page.t("health.title"))
st.caption(
    page.t("health.intro", time=health.format_time(data.created_at, page.lang), version=data.digest)
)

grouped = group_problems(data.problems, lost_file_ids(data))
st.header(page.t("health.problems", n=grouped.total))
if grouped.causes:
    st.markdown(f"**{page.t('causes.title')}**")
for number, cause in enumerate(grouped.causes):
    p = cause.problem
    where = f"{p.file}:{p.line}:{p.col}"
    lost = page.t("causes.lost", where=where, code=p.code, message=p.message)
    with st.container(border=True, key=f"health_cause_{number}"):
        st.error(escape(lost), icon=":material/error:")
        if not cause.follow_ons:
            st.caption(page.t("causes.none_follow"))
            continue
        st.markdown(escape(follow_sentence(cause, page.lang)))
        with st.expander(page.t("causes.show", n=len(cause.follow_ons))):
            long_list(
                page,
                health.problems_frame(cause.follow_ons, page.lang),
                f"health_follow_{number}",
                "problems.csv",
            )
problems = health.problems_frame(grouped.others, page.lang)
if grouped.causes and not problems.empty:
    st.markdown(f"**{page.t('causes.others', n=len(problems))}**")
if problems.empty and not grouped.causes:
    st.success(page.t("problems.none"), icon=":material/check_circle:")
elif not problems.empty:
    st.caption(page.t("problems.help"))
    long_list(page, problems, "health_problems", "problems.csv")

st.header(page.t("health.files"))
st.caption(page.t("health.files_help"))
st.dataframe(health.files_frame(data.files, page.lang), hide_index=True, key="health_files")

report = data.memo("vocabulary", lambda: vocabulary_report(data.dataset))
metrics, disagreements = data.memo(
    f"vocabulary.{page.lang}", lambda: health.vocabulary_frames(report, page.lang)
)
st.header(page.t("health.vocabulary"))
st.caption(page.t("health.vocabulary_help", **health.vocabulary_summary(report)))
st.dataframe(metrics, hide_index=True, key="health_vocabulary")
st.markdown(f"**{page.t('health.disagreements', n=len(disagreements))}**")
if not disagreements.empty:
    st.caption(page.t("health.disagreements_help"))
    long_list(page, disagreements, "health_disagreements", "disagreements.csv")

st.header(page.t("health.coverage"))
st.caption(page.t("health.coverage_help"))
reports = coverage_reports(data.version)
counts, uncaptured = data.memo(
    f"coverage.{page.lang}", lambda: health.coverage_frames(reports, page.lang)
)
st.dataframe(counts, hide_index=True, key="health_coverage")
if uncaptured.empty:
    st.caption(page.t("health.coverage_none"))
else:
    long_list(page, uncaptured, "health_uncaptured", "uncaptured.csv")

drafts_section(page, reports)

finish(page)
