"""Does the rubric say what an expert supervisor would say about plans written the way case managers write?

The plans (``plans/``) were written from what a learner sees, blind to the keys, at the levels the plans'
README describes. Where a plan loses points an expert would defend, the key or the rubric is fixed, never
the plan.
"""

from __future__ import annotations

import helpers
import pytest

ADVERSARIAL = [lvl for lvl in helpers.levels() if lvl.startswith("adversarial-")]
FOUND_THE_CRITICAL_NEED = ["excellent", "competent", "in-house", *ADVERSARIAL]


def _gate() -> float:
    return helpers.library().policy.critical_gate


def _by_id(case_id: str, level: str) -> dict:
    return {r.id: r for r in helpers.results(case_id, level)}


def test_every_case_in_the_library_has_validity_plans():
    """Is every case of the library judged against expert plans, not only some?"""
    missing = sorted(set(helpers.library().cases) - set(helpers.case_modules()))
    assert not missing, f"no validity plans yet for {missing}; write them under tests/validity/plans/"


def test_the_excellent_plan_reaches_95_percent(case_id, shares):
    """Does a plan an expert would sign off earn at least 95% of the code-graded points?"""
    short = {r.id: (r.points, r.max, r.feedback) for r in helpers.results(case_id, "excellent") if r.points < r.max}
    assert shares["excellent"] >= 0.95, short


def test_missing_the_critical_need_stays_within_the_gate_and_below_every_plan_that_found_it(case_id, shares):
    """Does a diligent plan that misses the critical need score at most the gate's share, and less than any
    plan that found it, however thin or gamed?"""
    assert shares["missed-critical"] <= _gate() + 1e-9
    above = {lvl: round(shares[lvl], 3) for lvl in FOUND_THE_CRITICAL_NEED if shares[lvl] <= shares["missed-critical"]}
    assert not above, (round(shares["missed-critical"], 3), above)


def test_the_levels_come_in_a_supervisors_order(case_id, shares):
    """Excellent above competent above missed-critical above superficial?"""
    order = ["excellent", "competent", "missed-critical", "superficial"]
    got = [round(shares[lvl], 3) for lvl in order]
    assert got == sorted(got, reverse=True) and len(set(got)) == len(got), dict(zip(order, got))


def test_a_superficial_plan_scores_below_a_quarter(case_id, shares):
    assert shares["superficial"] < 0.25


@pytest.mark.parametrize("level", ADVERSARIAL)
def test_every_gaming_plan_scores_below_the_honest_plan_it_copies(case_id, shares, level):
    """Ticking every need, stuffing synonyms, padding goals or copying the event title: does any trick lift
    the competent plan it was made from?"""
    assert shares[level] < shares["competent"], (level, round(shares[level], 3), round(shares["competent"], 3))


def test_rating_the_critical_need_low_is_not_finding_it(case_id, shares):
    """Does the competent plan with its critical need rated low and put last score below the competent plan
    and within the gate's share, and say why first?"""
    assert shares["critical-at-low-severity"] < shares["competent"]
    assert shares["critical-at-low-severity"] <= _gate() + 1e-9
    first = helpers.results(case_id, "critical-at-low-severity")[0]
    assert first.feedback.startswith("Before anything else") and " as low" in first.feedback


def test_meeting_a_need_in_house_loses_nothing(case_id):
    """Does the excellent plan with some needs met by the team's own staff keep every referral point, and the
    feedback say which in-house work counted?"""
    mine, model = _by_id(case_id, "in-house"), _by_id(case_id, "excellent")
    assert mine["referrals"].points >= model["referrals"].points, mine["referrals"].feedback
    assert mine["revision"].points >= model["revision"].points - 1e-9, mine["revision"].feedback
    assert "by the team's own work" in mine["referrals"].feedback


def test_the_gate_is_said_first_in_a_supervisors_words(case_id):
    """Is the first thing a learner reads, when the critical need is missed, that the plan cannot pass without
    it, naming the need and the client, before any other comment?"""
    lib = helpers.library()
    key, case = lib.key(case_id), lib.case(case_id)
    first = helpers.results(case_id, "missed-critical")[0].feedback
    critical = [n for n in key.needs if n.severity.value == "critical" and n.after_event is None]
    assert first.startswith("Before anything else: this plan does not deal with")
    assert case.client_person.first_name in first
    assert all(lib.needs[n.need].title.lower() in first for n in critical)
    assert f"{lib.policy.critical_gate:.0%}" in first


def test_vague_goals_are_told_what_they_lack(case_id):
    """Are long, wordy goals with no number, threshold or observable event told they are not measurable?"""
    feedback = _by_id(case_id, "adversarial-long-vague-goals")["goals"].feedback
    assert "measurable (name a number" in feedback


def test_a_title_copied_as_the_revision_note_is_told_what_the_event_calls_for(case_id):
    """Does a revision note that repeats the event's title, or shrugs, earn no note credit and hear what
    the event calls for?"""
    result = _by_id(case_id, "adversarial-event-title-revision")["revision"]
    honest = _by_id(case_id, "competent")["revision"]
    assert result.points < honest.points
    assert "the note does not yet say" in result.feedback.lower()
