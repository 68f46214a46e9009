"""The rubric's properties, for every case in the library."""

from __future__ import annotations

import pytest

from casekit.cases.library import CaseLibrary
from casekit.model_plan import model_plan
from casekit.plan import Delegation, Plan, Referral, Revision
from casekit.rubric import manual_criteria, score, total

LIB = CaseLibrary.load()
CASES = sorted(LIB.cases)


def scored(plan, case_id):
    return score(plan, LIB.case(case_id), LIB.key(case_id), LIB)


def points(plan, case_id) -> float:
    return total(scored(plan, case_id))[0]


@pytest.fixture(params=CASES)
def case_id(request):
    return request.param


def test_an_empty_plan_scores_zero(case_id):
    results = scored(Plan(case=case_id), case_id)
    assert [r.points for r in results] == [0.0] * len(results)


def test_the_model_plan_scores_full_marks(case_id):
    """Does the key's own plan earn every code-graded point, criterion by criterion?"""
    results = scored(model_plan(LIB.case(case_id), LIB.key(case_id), LIB), case_id)
    short = [(r.id, r.points, r.max, r.feedback) for r in results if r.points != r.max]
    assert not short


def test_points_are_plain_floats_within_each_maximum(case_id):
    for plan in (Plan(case=case_id), model_plan(LIB.case(case_id), LIB.key(case_id), LIB)):
        for r in scored(plan, case_id):
            assert type(r.points) is float and 0.0 <= r.points <= r.max


def _growing_plans(case_id):
    """The model plan built up one element at a time, as a learner would."""
    model = model_plan(LIB.case(case_id), LIB.key(case_id), LIB)
    plan = Plan(case=case_id, initial_saved=True)
    yield plan.model_copy(deep=True)
    for field in ("flags", "needs", "eligibility", "goals", "referrals", "rights",
                  "information_requests", "delegations", "revisions"):
        for item in getattr(model, field):
            getattr(plan, field).append(item)
            yield plan.model_copy(deep=True)


def test_adding_a_correct_element_never_lowers_any_criterion(case_id):
    previous = None
    for plan in _growing_plans(case_id):
        now = {r.id: r.points for r in scored(plan, case_id)}
        if previous is not None:
            dropped = {k: (previous[k], v) for k, v in now.items() if v < previous[k]}
            assert not dropped, f"adding an element lowered {dropped}"
        previous = now
    assert sum(previous.values()) == points(model_plan(LIB.case(case_id), LIB.key(case_id), LIB), case_id)


def test_a_wrong_referral_lowers_the_score(case_id):
    model = model_plan(LIB.case(case_id), LIB.key(case_id), LIB)
    need = model.referrals[0].need
    wrong = next(r.id for r in LIB.resources.values() if need not in r.serves_needs)
    worse = model.model_copy(deep=True)
    worse.referrals.append(Referral(resource=wrong, need=need))
    assert points(worse, case_id) < points(model, case_id)
    feedback = next(r.feedback for r in scored(worse, case_id) if r.id == "referrals")
    assert "does not serve" in feedback


def test_a_referral_the_client_does_not_qualify_for_lowers_the_score(case_id):
    """A resource that serves the need but whose criteria the client fails is a wrong referral too."""
    from casekit.eligibility.facts import household_facts
    from casekit.eligibility.resources import unmet_criteria

    case = LIB.case(case_id)
    model = model_plan(case, LIB.key(case_id), LIB)
    facts = household_facts(case)
    for ref in model.referrals:
        unsuitable = [r for r in LIB.resources_for_need(ref.need) if unmet_criteria(r, facts, case.setting, LIB.guidelines)]
        if unsuitable:
            worse = model.model_copy(deep=True)
            worse.referrals.append(Referral(resource=unsuitable[0].id, need=ref.need))
            assert points(worse, case_id) < points(model, case_id)
            return
    pytest.fail(f"{case_id}: no referred need has a tempting but unsuitable resource; add one to resources.yaml")


def test_a_need_the_facts_do_not_support_lowers_the_score(case_id):
    model = model_plan(LIB.case(case_id), LIB.key(case_id), LIB)
    key = LIB.key(case_id)
    # An accepted alternative or an acceptable need is not unsupported: pick an id the key knows nothing of.
    key_needs = {i for n in key.needs for i in n.ids} | set(key.acceptable_needs)
    extra = next(n for n in LIB.needs if n not in key_needs)
    worse = model.model_copy(deep=True)
    worse.set_need(extra, "moderate")
    assert points(worse, case_id) < points(model, case_id)


def test_giving_a_task_the_client_does_not_need_lowers_the_score_and_says_why(case_id):
    """Does every case's task list hold tasks this client does not need (so the list does not give
    the needs away), and does giving one to a role cost points, with the key's reason?"""
    key = LIB.key(case_id)
    assert key.unneeded_tasks, f"{case_id}: add unneeded_tasks to the key so the task list does not give the needs away"
    model = model_plan(LIB.case(case_id), key, LIB)
    for unneeded in key.unneeded_tasks:
        worse = model.model_copy(deep=True)
        worse.delegations.append(Delegation(task=unneeded.task, role=next(iter(LIB.roles))))
        assert points(worse, case_id) < points(model, case_id), unneeded.task
        feedback = next(r.feedback for r in scored(worse, case_id) if r.id == "coordination")
        assert "is not needed for this client" in feedback and unneeded.why.strip() in feedback


def test_missing_a_critical_need_costs_more_than_missing_a_low_one(case_id):
    key = LIB.key(case_id)
    intake = [n for n in key.needs if n.after_event is None]
    most = min(intake, key=lambda n: n.severity.rank)
    least = max(intake, key=lambda n: n.severity.rank)
    assert most.severity.rank < least.severity.rank, "the key should hold needs of different severity"
    model = model_plan(LIB.case(case_id), key, LIB)
    full = points(model, case_id)
    without_urgent, without_minor = model.model_copy(deep=True), model.model_copy(deep=True)
    without_urgent.drop_need(most.need)
    without_minor.drop_need(least.need)
    assert full - points(without_urgent, case_id) > full - points(without_minor, case_id) > 0


def test_wrong_priority_order_costs_points_and_says_why(case_id):
    model = model_plan(LIB.case(case_id), LIB.key(case_id), LIB)
    reversed_plan = model.model_copy(deep=True)
    n = len(reversed_plan.needs)
    for need in reversed_plan.needs:
        need.priority = n + 1 - need.priority
    result = next(r for r in scored(reversed_plan, case_id) if r.id == "priority-order")
    assert result.points < result.max
    assert "should come before" in result.feedback


def test_a_right_order_of_few_needs_is_judged_on_the_needs_found(case_id):
    """With only the two most urgent needs found, in the right order, does priority order give full marks
    (the order is judged over the needs the learner found) while needs-coverage, not the order, says what
    was missed?"""
    model = model_plan(LIB.case(case_id), LIB.key(case_id), LIB)
    kept = model.model_copy(deep=True)
    kept.needs = sorted(kept.needs, key=lambda n: n.priority)[:2]
    results = {r.id: r for r in scored(kept, case_id)}
    assert results["priority-order"].points == results["priority-order"].max
    assert results["needs-coverage"].points < results["needs-coverage"].max
    assert "Missed:" in results["needs-coverage"].feedback
    swapped = kept.model_copy(deep=True)
    for n in swapped.needs:
        n.priority = 3 - n.priority
    if LIB.key(case_id).need(swapped.needs[0].need).severity.rank <= 1 < LIB.key(case_id).need(swapped.needs[1].need).severity.rank:
        assert next(r for r in scored(swapped, case_id) if r.id == "priority-order").points == 0


def test_a_wrong_eligibility_decision_gets_the_rules_explanation(case_id):
    model = model_plan(LIB.case(case_id), LIB.key(case_id), LIB)
    wrong = model.model_copy(deep=True)
    wrong.eligibility[0].eligible = not wrong.eligibility[0].eligible
    result = next(r for r in scored(wrong, case_id) if r.id == "eligibility")
    assert result.points < result.max
    assert "the rules give" in result.feedback


def test_the_progress_note_is_left_to_a_person(case_id):
    key = LIB.key(case_id)
    assert [c[0] for c in manual_criteria(key)] == ["progress-note"]
    assert "progress-note" not in {r.id for r in scored(Plan(case=case_id), case_id)}


def test_a_long_wait_for_an_urgent_need_counts_as_an_unsuitable_referral():
    """A resource that serves a critical need but opens in a month is a wrong referral, with the reason."""
    from casekit.eligibility.facts import household_facts
    from casekit.eligibility.resources import unmet_criteria

    found = 0
    for case_id in CASES:
        case, key = LIB.case(case_id), LIB.key(case_id)
        facts = household_facts(case)
        model = model_plan(case, key, LIB)
        for ref in model.referrals:
            severity = key.need(ref.need).severity
            slow = [r for r in LIB.resources_for_need(ref.need)
                    if LIB.policy.too_long_a_wait(r, severity) and not unmet_criteria(r, facts, case.setting, LIB.guidelines)]
            if slow:
                worse = model.model_copy(deep=True)
                worse.referrals.append(Referral(resource=slow[0].id, need=ref.need))
                result = next(r for r in scored(worse, case_id) if r.id == "referrals")
                assert result.points < result.max
                assert f"{slow[0].wait_days}-day wait" in result.feedback
                found += 1
    assert found, "no case has a slow resource for an urgent need; the check would test nothing"


def test_the_self_check_says_nothing_of_the_events_before_the_first_plan_is_saved(case_id):
    """Before the first plan is saved the follow-up events are hidden: does the revision comment keep them
    hidden (no event title, no expected response), and name them once the plan is saved?"""
    case, key = LIB.case(case_id), LIB.key(case_id)
    plan = Plan(case=case_id)
    results = scored(plan, case_id)
    early = next(r for r in results if r.id == "revision")
    assert early.points == 0
    later_needs = [LIB.needs[n.need].title for n in key.needs if n.after_event is not None]
    for r in results:
        for event in case.events:
            assert event.title not in r.feedback, r.id
        for kev in key.events:
            assert kev.explanation not in r.feedback, r.id
        for title in later_needs:
            assert title not in r.feedback, (r.id, title)
    plan.initial_saved = True
    later = next(r for r in scored(plan, case_id) if r.id == "revision")
    assert any(event.title in later.feedback for event in case.events)


def _facts_through(case, event_id):
    changes = {}
    for event in sorted(case.events, key=lambda e: e.day):
        changes.update(event.fact_changes)
        if event.id == event_id:
            return changes
    raise AssertionError(event_id)


def test_a_referral_after_an_event_is_judged_on_the_facts_after_it():
    """A resource the client qualifies for only once an event has changed the facts (an income drop)
    fits a referral made after that event, though it would not have fitted at intake."""
    from casekit.eligibility.facts import household_facts
    from casekit.eligibility.resources import unmet_criteria

    tried = 0
    for case_id in CASES:
        case, key = LIB.case(case_id), LIB.key(case_id)
        intake = household_facts(case)
        for kev in key.events:
            after = household_facts(case, _facts_through(case, kev.event))
            for need in kev.new_needs:
                for res in LIB.resources_for_need(need):
                    opened = (unmet_criteria(res, intake, case.setting, LIB.guidelines)
                              and not unmet_criteria(res, after, case.setting, LIB.guidelines))
                    others = [r for r in kev.new_referrals if r != res.id]
                    if not opened or not others:
                        continue
                    tried += 1
                    # The key no longer names the resource: only its fit on the new facts can earn credit.
                    narrowed = key.model_copy(update={"events": [
                        e.model_copy(update={"new_referrals": others}) if e.event == kev.event else e for e in key.events]})
                    plan = Plan(case=case_id, initial_saved=True)

                    def revision_points(referrals):
                        plan.revisions = [Revision(event=kev.event, new_needs=list(kev.new_needs),
                                                   new_referrals=referrals, redetermine=list(kev.redetermine),
                                                   note="The plan changes after this event, as explained.")]
                        return next(r.points for r in score(plan, case, narrowed, LIB) if r.id == "revision")

                    assert revision_points([res.id]) > revision_points([]), (case_id, kev.event, res.id)
    assert tried, "no event opens a resource closed at intake; the check would test nothing"
