"""The cohort analytics and the HTML report, on a fictional cohort scored by the rubric (no grading run)."""

from __future__ import annotations

import base64
import re

import numpy as np
import pandas as pd
import pytest

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import MANUAL_CRITERIA
from casekit.course import analytics
from casekit.course.config import CourseError
from casekit.course.report import analyse, demo_analysis, report_html, write_report
from casekit.model_plan import model_plan
from casekit.plan import Plan

LIB = CaseLibrary.load()
GRADED = sorted(c for c in LIB.cases if c in LIB.keys)
CASE = GRADED[0]


@pytest.fixture(scope="module")
def demo():
    return analytics.demo_scores(12, library=LIB)


def test_demo_table_is_tidy_and_covers_every_graded_case(demo):
    """Is the demo one row per learner, case and criterion, on every case with a key, each case under its setting?"""
    scores, plans = demo
    assert list(scores.columns) == analytics.COLUMNS
    assert sorted(scores["assignment"].unique()) == GRADED == sorted(plans)
    for case_id in GRADED:
        part = scores[scores["assignment"] == case_id]
        assert len(part) == 12 * len(LIB.key(case_id).rubric)
        assert set(part["setting"]) == {LIB.case(case_id).setting.label}
    assert not scores.duplicated(["learner", "assignment", "criterion"]).any()


def test_a_criterion_still_to_grade_is_missing_not_zero(demo):
    """Is the progress note (graded by a person, not yet) left out of the totals rather than counted as 0?"""
    scores, _ = demo
    manual = scores[scores["criterion"].isin(MANUAL_CRITERIA)]
    assert manual["points"].isna().all() and len(manual)
    totals = analytics.learner_totals(scores, CASE)
    code_max = sum(c.points for c in LIB.key(CASE).rubric if c.id not in MANUAL_CRITERIA)
    assert (totals["max"] == code_max).all()
    assert (totals["to_grade"] == len(MANUAL_CRITERIA)).all()
    assert totals["percent"].between(0, 100).all()


def test_demo_cohort_is_of_mixed_quality(demo):
    """Does the demo spread from weak to full marks, so every view has something to show?"""
    totals = analytics.learner_totals(demo[0], CASE)
    assert totals["percent"].max() == 100.0
    assert totals["percent"].min() < 50


def test_losses_rank_the_criteria_by_points_the_cohort_lost():
    """Is the criterion the cohort lost most points on first, whatever the learners' count on another?"""
    rows = []
    for learner in ("a", "b", "c", "d"):
        rows.append([learner, "x", "s", "goals", "Goals", 0.0, 2.0])  # everyone loses 2
        rows.append([learner, "x", "s", "rights", "Rights", 1.0 if learner != "a" else 0.0, 1.0])  # one learner loses 1
        rows.append([learner, "x", "s", "progress-note", "Note", 0.0 if learner == "a" else np.nan, 3.0])
    losses = analytics.criteria_losses(pd.DataFrame(rows, columns=analytics.COLUMNS), "x")
    assert list(losses["criterion"]) == ["goals", "progress-note", "rights"]
    goals = losses.iloc[0]
    assert (goals["total_lost"], goals["mean_lost"], goals["learners_losing"], goals["learners"]) == (8.0, 2.0, 4, 4)
    note = losses.iloc[1]
    assert (note["total_lost"], note["learners"]) == (3.0, 1), "only the learner graded on it counts"


def test_a_learner_whose_plan_cannot_be_read_is_left_out_of_where_points_are_lost():
    """Do a learner's zeros from a missing or unreadable plan file stay out of the ranking of what the cohort
    struggles with (their total still stands)?"""
    rows = []
    for learner in ("a", "b", "c"):
        rows.append([learner, "x", "s", "goals", "Goals", 1.0 if learner != "a" else 0.0, 2.0])
        rows.append([learner, "x", "s", "critical-needs", "Critical", 5.0 if learner != "a" else 0.0, 5.0])
    table = pd.DataFrame(rows, columns=analytics.COLUMNS)
    assert list(analytics.criteria_losses(table, "x")["criterion"]) == ["critical-needs", "goals"]
    kept = analytics.criteria_losses(table, "x", leave_out=["a"])
    assert list(kept["criterion"]) == ["goals", "critical-needs"] and kept.iloc[0]["learners"] == 2
    assert analytics.learner_totals(table, "x").set_index("learner").loc["a", "points"] == 0


def test_heatmap_matrix_is_learner_by_criterion_shares(demo):
    """Is the matrix one row per learner and one column per criterion, each cell a share between 0 and 1?"""
    matrix = analytics.criterion_matrix(demo[0], CASE)
    assert matrix.shape == (12, len(LIB.key(CASE).rubric))
    values = matrix.to_numpy(dtype=float)
    assert np.nanmin(values) >= 0 and np.nanmax(values) <= 1
    assert list(matrix.columns) == [c.id for c in LIB.key(CASE).rubric]


def test_settings_table_has_a_row_per_setting(demo):
    """Does the settings view compare every setting with a graded case?"""
    table = analytics.by_setting(demo[0])
    assert sorted(table.index) == sorted({LIB.case(c).setting.label for c in GRADED})
    assert table.to_numpy(dtype=float)[~np.isnan(table.to_numpy(dtype=float))].max() <= 1


def test_settings_heatmap_says_when_a_mean_rests_on_few_grades(demo):
    """Does a criterion graded for only some learners (a progress note graded for two) say so in its cell,
    while fully graded cells show the bare percentage?"""
    scores = demo[0].copy()
    note = scores["criterion"].isin(MANUAL_CRITERIA) & (scores["assignment"] == CASE)
    assert note.any(), "the case has a hand-graded criterion"
    two = scores[note]["learner"].unique()[:2]
    scores.loc[note & ~scores["learner"].isin(two), "points"] = np.nan
    scores.loc[note & scores["learner"].isin(two), "points"] = 0.0
    graded = analytics.graded_by_setting(scores)
    setting = LIB.case(CASE).setting.label
    manual = next(c for c in scores[note]["criterion"].unique())
    assert graded.loc[setting, manual] < graded.loc[setting].max()
    fig = analytics.settings_figure(analytics.by_setting(scores), graded)
    labels = [t.get_text() for t in fig.axes[0].texts]
    few = [t for t in labels if "graded" in t]
    assert few and all(f"of {graded.loc[setting].max()}" in t for t in few)
    assert len(few) < len(labels)


def test_missed_critical_needs_names_learner_and_need():
    """Is a learner whose plan lacks a critical need listed with that need, one without a readable plan listed
    apart (not as having missed them), and a learner with every urgent need left out?"""
    case, key = LIB.case(CASE), LIB.key(CASE)
    model = model_plan(case, key, LIB)
    urgent = [n for n in key.needs if n.after_event is None and n.severity in analytics.URGENT]
    assert urgent, "the case has a critical or immediate need"
    dropped = urgent[0].need
    partial = model.model_copy(deep=True)
    partial.needs = [n for n in partial.needs if n.need != dropped]
    missed = analytics.missed_critical_needs({"full": model, "partial": partial, "none": None, "empty": Plan(case=CASE)},
                                             CASE, LIB)
    # Changed on purpose: a missing plan used to count as missing every need.
    assert list(missed["learner"]) == ["empty", "partial"]
    row = missed.set_index("learner").loc["partial"]
    assert row["missed"] == 1 and LIB.needs[dropped].title in row["needs"]
    assert analytics.unreadable_plans({"full": model, "none": None, "gone": None}) == ["gone", "none"]


def test_the_report_lists_a_missing_plan_apart_from_missed_needs(tmp_path):
    """Does a learner without a readable plan appear as "missing or unreadable", not among those who missed a need?"""
    from casekit.course.report import analyse, report_html

    analysis = demo_analysis(CASE, learners=4, library=LIB)
    learners = sorted(analysis.totals["learner"])
    plans = {name: model_plan(LIB.case(CASE), LIB.key(CASE), LIB) for name in learners}
    plans[learners[0]] = None
    again = analyse(analysis.scores, CASE, plans, LIB)
    assert learners[0] not in set(again.missed["learner"]) and again.unreadable == [learners[0]]
    page = report_html(again)
    assert "0 learner(s) missed at least one critical or immediate need; 1 plan file(s) are missing or unreadable" in page
    assert f"Plan file missing or unreadable</b> (1): {learners[0]}" in page


def test_every_heatmap_cell_has_its_number_and_no_red_green_scale():
    """Does each heatmap write a value (or "to grade") in every cell, on a colour-blind-safe scale?"""
    analysis = demo_analysis(CASE, learners=6, library=LIB)
    for name in ("heatmap", "settings"):
        fig = analysis.figures()[name]
        ax = fig.axes[0]
        table = analysis.matrix if name == "heatmap" else analysis.settings
        assert len(ax.texts) == table.size, name
        assert ax.images[0].get_cmap().name.startswith(analytics.HEATMAP), name
        assert "RdYlGn" not in ax.images[0].get_cmap().name


def test_report_html_embeds_every_chart_and_section(tmp_path):
    """Does the report hold the four charts as PNG images and every section, in one file?"""
    analysis = demo_analysis(CASE, learners=10, library=LIB)
    path = write_report(analysis, tmp_path / "report.html", png_dir=tmp_path / "png")
    text = path.read_text()
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', text)
    assert len(images) == 4
    assert all(base64.b64decode(img)[:8] == b"\x89PNG\r\n\x1a\n" for img in images)
    for heading in ("Score distribution", "Learner by criterion", "Where the cohort loses points", "Across settings",
                    "Learners who missed a critical need", "Every learner"):
        assert f"<h2>{heading}</h2>" in text
    assert sorted(p.name for p in (tmp_path / "png").iterdir()) == ["distribution.png", "heatmap.png", "losses.png", "settings.png"]
    for name in analysis.missed["learner"]:
        assert name in text
    assert LIB.case(CASE).title in text  # the case as learners knew it, not only its id
    for code_name in ("total_lost", "share_lost", "learners_losing", "to_grade"):
        assert f"<th>{code_name}</th>" not in text, code_name
    assert "<th>points lost, whole cohort</th>" in text and "<th>scores still to grade</th>" in text


def test_report_refuses_a_name_that_is_not_html(tmp_path):
    """Is a report target that is not .html refused before anything is written?"""
    analysis = demo_analysis(CASE, learners=4, library=LIB)
    with pytest.raises(CourseError, match=r"\.html"):
        write_report(analysis, tmp_path / "report.pdf")
    assert not list(tmp_path.iterdir())


def test_an_assignment_with_no_grades_is_a_clear_error(demo):
    """Asked about an assignment nobody was graded on, does the analysis say what to run?"""
    scores, plans = demo
    with pytest.raises(CourseError, match="casekit course grade"):
        analyse(scores[scores["assignment"] != CASE], CASE, plans[CASE], LIB)


def test_a_database_that_is_not_a_gradebook_is_named_with_the_reason(tmp_path):
    """Pointed at a SQLite file that holds no nbgrader tables, does the report say which file and why?"""
    import sqlite3
    from types import SimpleNamespace

    db = tmp_path / "notes.db"
    sqlite3.connect(db).execute("CREATE TABLE notes (x)").connection.close()
    with pytest.raises(CourseError, match=r"notes\.db: .*no such table"):
        analytics.cohort_scores(SimpleNamespace(db_url=f"sqlite:///{db}"), library=LIB)


def test_report_html_escapes_learner_ids():
    """Is a learner id with markup shown as text, never as HTML?"""
    analysis = demo_analysis(CASE, learners=4, library=LIB)
    analysis.totals.loc[0, "learner"] = "<script>x</script>"
    assert "<script>x</script>" not in report_html(analysis)


def test_charts_shown_in_the_notebook_carry_their_text_alternative():
    """Does each chart the cohort notebook shows come as an <img> with alt text (JupyterLab's PNG output has none)?"""
    from casekit.course.report import ALTS, show

    analysis = demo_analysis(CASE, learners=4, library=LIB)
    for name in analysis.figures():
        page = show(analysis, name).data
        assert f'alt="{ALTS[name]}"' in page.replace("&#x27;", "'") and "data:image/png;base64," in page, name
    with pytest.raises(CourseError, match="no chart 'pie'"):
        show(analysis, "pie")
