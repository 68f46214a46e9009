"""The learner's progress notebook: scores across cases and where points go, in words a learner reads."""

from __future__ import annotations

from casekit.cases.library import CaseLibrary
from casekit.learner_progress import criteria_losses, losses_view, progress_table, progress_view
from casekit.model_plan import model_plan
from casekit.plan import plan_path, save_plan

LIB = CaseLibrary.load()
CASES = sorted(LIB.cases)


def test_a_new_learner_sees_dashes_and_a_sentence_not_none_or_an_empty_table(tmp_path):
    """With no plan saved, does the progress table show titles, settings in words and dashes, and the losses
    a sentence instead of a table with only its headers?"""
    page = progress_view(progress_table(tmp_path, LIB), LIB).to_html()
    for case_id in CASES:
        assert LIB.case(case_id).title in page and LIB.case(case_id).setting.label in page
    assert "None" not in page and "nan" not in page and "NaT" not in page
    assert "not started" in page
    empty = losses_view(criteria_losses(tmp_path, LIB))
    assert "No scored plans yet" in empty.data and "<table" not in empty.data


def test_a_saved_plan_shows_its_score_and_the_points_it_lost(tmp_path):
    """With the model plan saved for one case and half of it for another, does each show "x of y (z%)",
    and do the losses list the criteria the half plan lost on, most first?"""
    full_id, half_id = CASES[0], CASES[1]
    save_plan(model_plan(LIB.case(full_id), LIB.key(full_id), LIB), plan_path(full_id, tmp_path))
    half = model_plan(LIB.case(half_id), LIB.key(half_id), LIB)
    half.needs = half.needs[: len(half.needs) // 2]
    save_plan(half, plan_path(half_id, tmp_path))
    table = progress_table(tmp_path, LIB).set_index("case")
    assert table.loc[full_id, "percent"] == 100.0 and table.loc[half_id, "percent"] < 100
    page = progress_view(progress_table(tmp_path, LIB), LIB).to_html()
    assert f"of {table.loc[full_id, 'max']:g} (100%)" in page
    losses = criteria_losses(tmp_path, LIB)
    assert list(losses["lost"]) == sorted(losses["lost"], reverse=True) and losses["lost"].iloc[0] > 0
    assert "Points lost" in losses_view(losses).to_html()
