"""Decisions and referrals for a household member other than the client, end to end."""

from __future__ import annotations

import json

import pytest
import yaml

from casekit.cases.explain import explain_case, render_explanation
from casekit.cases.library import CaseLibrary
from casekit.cases.validate import validate_library
from casekit.eligibility import determine, household_facts
from casekit.errors import CasekitError
from casekit.learner import CaseSession
from casekit.model_plan import model_plan
from casekit.plan import EligibilityDecision, Plan, plan_from_dict, plan_to_json
from casekit.rubric import score
from casekit.rubric.context import Context
from casekit.rubric.planning import eligibility

PARENT_CASE = "social-services-food-assistance-three-generations"  # client Lucía, 33; Mateo, 4; Graciela, 68
CHILD_CASE = "school-fourth-grader-reading-evaluation"  # client Jonah, 9; his mother Della, 31


@pytest.fixture(scope="module")
def lib() -> CaseLibrary:
    return CaseLibrary.load()


def with_programs(case, *programs):
    return case.model_copy(update={"programs": [*case.programs, *programs]})


def key_with(key, *items):
    """The key with its eligibility replaced by ``items`` (program, member)."""
    eligibility = [type(key.eligibility[0])(program=p, member=m, why_it_matters="test") for p, m in items]
    return key.model_copy(update={"eligibility": eligibility})


def eligibility_share(plan, case, key, lib) -> tuple[float, str]:
    """The eligibility criterion on its own (a plan this bare is under the critical-need gate in total)."""
    return eligibility(Context(plan, case, key, lib))


def test_a_child_qualifies_on_their_own_age_while_the_parent_client_does_not(lib):
    """Is children's coverage decided on the child's age and the household's income, not on the mother's age?"""
    case = lib.case(PARENT_CASE)
    program = lib.programs.get("kids-health-coverage")
    for_lucia = determine(program, household_facts(case), lib.guidelines)
    for_mateo = determine(program, household_facts(case, member="mateo"), lib.guidelines)
    assert not for_lucia.met and for_lucia.deciding_tests == ["child-age"]
    assert for_mateo.met and for_mateo.member == "mateo"
    assert for_mateo.test("child-age").value == 4
    # The income test reads the whole household's income for either of them.
    assert for_mateo.test("income").value == for_lucia.test("income").value == 4130
    assert for_mateo.explanation.startswith("Mateo, 4: eligible for Kids Health Coverage")


def test_the_client_qualifies_while_a_member_does_not(lib):
    """The reverse: the child client is eligible for children's coverage, his mother is not."""
    case = lib.case(CHILD_CASE)
    program = lib.programs.get("kids-health-coverage")
    assert determine(program, household_facts(case), lib.guidelines).met
    for_della = determine(program, household_facts(case, member="della"), lib.guidelines)
    assert not for_della.met and for_della.deciding_tests == ["child-age"]
    assert for_della.explanation.startswith("Della, 31: not eligible")


@pytest.mark.parametrize("case_id, member, client_right", [(PARENT_CASE, "mateo", False), (CHILD_CASE, "della", True)])
def test_the_rubric_credits_a_decision_only_for_the_member_the_key_names(lib, case_id, member, client_right):
    """Is a decision graded against the member it is for, and a decision for someone else not taken for it?"""
    case = with_programs(lib.case(case_id), *([] if "kids-health-coverage" in lib.case(case_id).programs
                                              else ["kids-health-coverage"]))
    key = key_with(lib.key(case_id), ("kids-health-coverage", member))
    truth = Context(Plan(case=case.id), case, key, lib).determination("kids-health-coverage", member)
    right = Plan(case=case.id, eligibility=[EligibilityDecision(
        program="kids-health-coverage", eligible=truth.met, deciding_test=truth.deciding_tests[0], member=member)])
    for_client = Plan(case=case.id, eligibility=[EligibilityDecision(
        program="kids-health-coverage", eligible=truth.met, deciding_test=truth.deciding_tests[0])])
    assert eligibility_share(right, case, key, lib)[0] == 1.0
    share, feedback = eligibility_share(for_client, case, key, lib)
    assert share == 0.0
    assert truth.met is not client_right
    assert f"No decision on Kids Health Coverage for {case.member(member).first_name}" in feedback


def test_the_model_plan_of_a_member_key_scores_full_marks(lib):
    """The converted case's key decides WIC for Mateo; the key's own plan, which names him, gets every point."""
    case, key = lib.case(PARENT_CASE), lib.key(PARENT_CASE)
    assert any(e.member == "mateo" for e in key.eligibility)
    plan = model_plan(case, key, lib)
    assert plan.decision("family-nutrition-wic-2025-26", "mateo") is not None
    results = score(plan, case, key, lib)
    assert all(r.points == r.max for r in results), [(r.id, r.feedback) for r in results if r.points < r.max]


def test_a_referral_is_judged_on_the_facts_of_the_member_it_is_for(lib):
    """A children's resource fits a referral for Mateo and not one for his mother; the key's member must match."""
    case, key = lib.case(PARENT_CASE), lib.key(PARENT_CASE)
    ctx = Context(Plan(case=case.id), case, key, lib)
    need = key.need("developmental-delay")
    assert ctx.referral_problem("early-steps-child-development", need, member="mateo") is None
    wrong = ctx.referral_problem("early-steps-child-development", need)
    assert wrong and "Mateo's" in wrong and "Lucía's" in wrong
    # Judged on Mateo's own age: a job centre for adults does not fit a referral for him.
    job = ctx.referral_problem("harbor-workforce-center", key.need("income-loss"), member="mateo")
    assert job and "for Mateo" in job and "aged 18 and over (Mateo is 4)" in job
    assert ctx.referral_problem("harbor-workforce-center", key.need("income-loss")) is None


def test_a_plan_names_the_member_only_when_it_is_not_the_client(lib, tmp_path):
    """Does the plan file leave the member out for the client, so plans written before members are unchanged?"""
    s = CaseSession(PARENT_CASE, tmp_path, library=lib)
    s.decide("county-food-assistance", True, "net-income", member="lucia")
    s.decide("family-nutrition-wic-2025-26", False, "income", member="mateo")
    s.refer("early-steps-child-development", "developmental-delay", member="mateo")
    s.refer("greenway-community-food-pantry", "food-insecurity")
    data = json.loads(s.path.read_text())
    assert [d.get("member") for d in data["eligibility"]] == [None, "mateo"]
    assert "member" not in data["eligibility"][0] and "member" not in data["referrals"][1]
    assert data["referrals"][0]["member"] == "mateo"
    s.unrefer("early-steps-child-development", "developmental-delay", "mateo")
    assert [r.resource for r in s.plan.referrals] == ["greenway-community-food-pantry"]
    with pytest.raises(CasekitError, match="household member 'matteo'.*mateo"):
        s.decide("county-food-assistance", True, member="matteo")
    assert set(s.options("members")["id"]) == {"lucia", "mateo", "graciela"}


def test_an_old_plan_without_members_reads_and_writes_byte_for_byte(lib):
    """A plan written before members existed reads as the client's and is written back unchanged."""
    old = {"format_version": 3, "case": PARENT_CASE, "updated": None, "initial_saved": False, "initial": None,
           "flags": [], "needs": [], "eligibility": [{"program": "county-food-assistance", "eligible": True,
                                                      "deciding_test": "net-income", "reason": ""}],
           "goals": [], "actions": [], "referrals": [{"resource": "greenway-community-food-pantry",
                                                      "need": "food-insecurity"}],
           "rights": [], "information_requests": [], "delegations": [], "meetings": [], "progress_note": "",
           "revisions": []}
    plan = plan_from_dict(old)
    assert plan.decision("county-food-assistance").member is None
    assert json.loads(plan_to_json(plan)) == old


def test_explain_decides_childrens_coverage_for_each_child(lib):
    """`cases explain` decides a program that tests a member's age for each member it can apply to."""
    case = with_programs(lib.case(PARENT_CASE), "kids-health-coverage")
    points = explain_case(case, lib)
    kids = [d for d in points[0].determinations if d.program_id == "kids-health-coverage"]
    assert {d.member: d.met for d in kids} == {"lucia": False, "mateo": True}
    text = render_explanation(case, points, lib)
    assert "Mateo, 4: Kids Health Coverage [kids-health-coverage]: eligible" in text
    assert "Lucía, 33: Kids Health Coverage [kids-health-coverage]: not eligible" in text, "the client is named too"
    assert "open to Mateo, 4 but not to the client" in text


def _edit_key(root, case_id, change):
    path = root / "graders" / "keys" / f"{case_id}.yaml"
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def _edit_case(root, case_id, change):
    path = root / "casestudies" / f"{case_id}.yaml"
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def test_the_validator_flags_childrens_coverage_decided_for_the_mother(library_copy):
    """A key deciding a child's program for the adult client is reported, with the member it applies to."""
    _edit_case(library_copy, PARENT_CASE, lambda d: d["programs"].append("kids-health-coverage"))
    _edit_key(library_copy, PARENT_CASE, lambda d: d["eligibility"].append(
        {"program": "kids-health-coverage", "why_it_matters": "Mateo's coverage."}))
    problems = [p for p in validate_library(library_copy) if PARENT_CASE in p.path]
    assert len(problems) == 1, problems
    assert problems[0].field == "eligibility[3].member"
    assert "Lucía, 33" in problems[0].message and "member: mateo" in problems[0].message
    _edit_key(library_copy, PARENT_CASE, lambda d: d["eligibility"][3].update(member="mateo"))
    assert not [p for p in validate_library(library_copy) if PARENT_CASE in p.path]


def test_the_validator_flags_members_and_programs_the_learner_cannot_select(library_copy):
    """An unknown member, a resource the member named cannot use, and an event's program not in the case."""
    def change(d):
        d["eligibility"][0]["member"] = "matteo"
        d["referrals"][6]["member"] = "mateo"  # the workforce centre, for a four-year-old
        d["events"][0]["redetermine"].append("kids-health-coverage")
    _edit_key(library_copy, PARENT_CASE, change)
    messages = {p.field: p.message for p in validate_library(library_copy) if PARENT_CASE in p.path}
    assert "'matteo' is not a household member" in messages["eligibility[0].member"]
    assert "cannot select it" in messages["events[0].redetermine[1]"]
    referral = [m for f, m in messages.items() if f.startswith("referrals[")]
    assert referral and "Mateo, 4 does not meet" in referral[0]


# -- category tests read for the member (WIC: this person pregnant or under five) -------------------------

WIC_2025 = "family-nutrition-wic-2025-26"
FOURTH_GRADER = CHILD_CASE  # client Jonah, 9; Della, 31; Theo, 2


def test_wic_decides_the_category_for_the_member_not_the_household(lib):
    """Is WIC's category test met for Mateo, 4, and not for his mother or grandmother in the same household?"""
    case = lib.case(PARENT_CASE)
    program = lib.programs.get(WIC_2025)
    decided = {m: determine(program, household_facts(case, member=m), lib.guidelines) for m in ("lucia", "mateo", "graciela")}
    assert decided["mateo"].test("category").passed
    assert not decided["lucia"].test("category").passed and not decided["graciela"].test("category").passed
    assert decided["lucia"].deciding_tests == ["category", "income"]
    assert decided["mateo"].deciding_tests == ["income"]
    # Income is still the household's for each of them.
    assert {d.test("income").value for d in decided.values()} == {49560}
    assert "Whether the person applying is pregnant, gave birth in the last six months, or is under five: no" in \
        decided["lucia"].explanation
    assert decided["mateo"].explanation.startswith("Mateo, 4: not eligible for Family Nutrition Program")


def test_wic_category_met_for_the_client_and_not_for_a_member(lib):
    """The reverse: a pregnant client meets the category test, her mother in the same household does not."""
    base = lib.case(PARENT_CASE)
    people = [m.model_copy(update={"pregnant": True}) if m.id == "lucia" else m for m in base.household.members]
    case = base.model_copy(update={"household": base.household.model_copy(update={"members": people})})
    program = lib.programs.get(WIC_2025)
    assert determine(program, household_facts(case), lib.guidelines).test("category").passed
    assert not determine(program, household_facts(case, member="graciela"), lib.guidelines).test("category").passed


SANCTION_CASE = "social-services-cash-assistance-work-sanction"  # Brianna, pregnant; her daughter is born on day 42


def test_wic_keeps_a_mother_for_six_months_after_the_birth(lib):
    """Is Brianna in WIC's category while pregnant and still after the birth (postpartum), as FNS's rules have it?"""
    from casekit.cases.eligibility.facts import facts_after

    case = lib.case(SANCTION_CASE)
    program = lib.programs.get("family-nutrition-wic")
    before, after = facts_after(case, None), facts_after(case, "baby-home")
    assert before.own["has_pregnant_member"] and not before.own["has_postpartum_member"]
    assert after.own["has_postpartum_member"] and not after.own["has_pregnant_member"]
    assert after["person_postpartum"] is True and after["person_pregnant"] is False
    for facts in (before, after):
        assert determine(program, facts, lib.guidelines).test("category").passed


def test_a_mother_neither_pregnant_nor_postpartum_is_outside_wics_category(lib):
    """The same mother, no longer pregnant and not marked postpartum, fails the category test (the rule can fail)."""
    base = lib.case(SANCTION_CASE)
    people = [m.model_copy(update={"pregnant": False}) if m.id == "brianna" else m for m in base.household.members]
    case = base.model_copy(update={"household": base.household.model_copy(update={"members": people})})
    assert not determine(lib.programs.get("family-nutrition-wic"), household_facts(case), lib.guidelines).test("category").passed


def test_a_household_category_test_still_reads_anyone_in_the_household(lib):
    """Cash assistance's child-in-home test is the household's: met for the mother as for the child."""
    case = lib.case(PARENT_CASE)
    program = lib.programs.get("county-family-cash-assistance")
    assert program.test("child-in-home").category_of == "household"
    for member in ("lucia", "mateo", "graciela"):
        assert determine(program, household_facts(case, member=member), lib.guidelines).test("child-in-home").passed


def test_a_case_that_sets_a_category_fact_itself_keeps_it_for_every_member(lib):
    """A case's own `wic_category:` holds for whoever the decision is for, as before members were read."""
    base = lib.case(PARENT_CASE)
    case = base.model_copy(update={"facts": {**base.facts, "wic_category": True}})
    program = lib.programs.get(WIC_2025)
    assert determine(program, household_facts(case, member="graciela"), lib.guidelines).test("category").passed


def test_a_category_of_that_is_neither_member_nor_household_is_refused():
    """A misspelt `category_of` in programs.yaml is a clear error naming the field, not read as household."""
    from pydantic import ValidationError

    from casekit.cases.eligibility.programs import ProgramTest

    with pytest.raises(ValidationError, match="category_of"):
        ProgramTest(id="category", name="Category", describe="x", fact="wic_category", compare="is_true",
                    unit="yes_no", category_of="person")


def test_the_validator_flags_wic_decided_for_a_school_age_client(library_copy):
    """A key deciding WIC for a nine-year-old client (when his brother is two) names the brother."""
    _edit_key(library_copy, FOURTH_GRADER, lambda d: next(
        e for e in d["eligibility"] if e["program"] == "family-nutrition-wic").pop("member"))
    problems = [p for p in validate_library(library_copy) if FOURTH_GRADER in p.path]
    assert len(problems) == 1, problems
    assert "test 'category'" in problems[0].message and "Jonah, 9" in problems[0].message
    assert "member: theo" in problems[0].message


# -- an event's change for one member -----------------------------------------------------------------------

ELDER_CASE = "social-services-elder-father-home-care-daughter"  # client Noor, 54; her father Yusuf, 81


def test_an_event_changes_the_savings_of_the_member_it_is_about_only(lib):
    """After Yusuf's insurance payment his own savings are $2,780; Noor's own stay $6,200, the total follows."""
    from casekit.cases.eligibility.facts import facts_after

    case = lib.case(ELDER_CASE)
    program = lib.programs.get("medicaid-aged-disabled")
    for_yusuf = determine(program, facts_after(case, "insurance-payout", "yusuf"), lib.guidelines)
    for_noor = determine(program, facts_after(case, "insurance-payout"), lib.guidelines)
    assert for_yusuf.test("resources").value == 2780 and not for_yusuf.met
    assert for_noor.test("resources").value == 6200
    assert facts_after(case, "insurance-payout")["countable_assets"] == 6200 + 2780


def test_an_event_makes_only_the_member_it_is_about_homebound(lib):
    """Yusuf's wrist fracture makes him homebound, not his daughter; and it holds for every later event."""
    from casekit.cases.eligibility.facts import facts_after

    case = lib.case(ELDER_CASE)
    assert facts_after(case, "wrist-fracture", "yusuf")["homebound"] is True
    assert facts_after(case, "wrist-fracture", "noor")["homebound"] is False
    assert facts_after(case, "insurance-payout", "yusuf")["homebound"] is False


def test_the_rubric_reads_a_members_change_for_that_member(lib):
    """Grading a referral after the event reads the member's own facts: meals fit Yusuf, homebound now."""
    case, key = lib.case(ELDER_CASE), lib.key(ELDER_CASE)
    ctx = Context(Plan(case=case.id), case, key, lib)
    need = key.need("iadl-household-help")
    meals = "silver-table-home-delivered-meals"
    assert ctx.referral_problem(meals, need, ctx.facts_after("wrist-fracture", "yusuf"), member="yusuf") is None
    before = ctx.referral_problem(meals, need, ctx.facts_after("insurance-payout", "yusuf"), member="yusuf")
    assert before and "homebound" in before


def test_an_event_change_without_a_member_still_holds_for_everyone(lib):
    """A case file written before members' own changes means what it meant: `fact_changes` are everyone's."""
    from casekit.cases.eligibility.facts import facts_after

    base = lib.case(ELDER_CASE)
    events = [e.model_copy(update={"fact_changes": {**e.fact_changes, **e.member_fact_changes.get("yusuf", {})},
                                   "member_fact_changes": {}}) for e in base.events]
    case = base.model_copy(update={"events": events})
    for member in ("noor", "yusuf"):
        facts = facts_after(case, "wrist-fracture", member)
        assert facts["homebound"] is True and facts.for_counting("applicant")["countable_assets"] == 2780


def test_explain_lists_a_members_own_change(lib):
    """`cases explain` says whose fact an event changed, with the member's own before and after."""
    case = lib.case(ELDER_CASE)
    text = render_explanation(case, explain_case(case, lib), lib)
    assert "countable_assets of Yusuf, 81 alone: 1480 -> 2780" in text
    assert "homebound of Yusuf, 81 alone: no -> yes" in text


def _member_change(member, changes):
    def change(d):
        d["events"][0]["member_fact_changes"] = {member: changes}
    return change


@pytest.mark.parametrize("member, changes, field, words", [
    ("yusuf", {"household_size": 3}, "member_fact_changes.yusuf.household_size", "figure of the whole household"),
    ("yusuf", {"homebund": True}, "member_fact_changes.yusuf.homebund", "did you mean 'homebound'"),
    ("yusuf", {"countable_assets": "a lot"}, "", "member_fact_changes.yusuf.countable_assets is 'a lot'"),
    ("yusuf", {"person_pregnant": "no"}, "", "so give true or false"),
    ("yusuf", {"homebound": 3}, "member_fact_changes.yusuf.homebound", "yes/no fact"),
])
def test_the_validator_names_a_bad_member_change(library_copy, member, changes, field, words):
    """A member's own change to a household figure, an unknown fact or a fact of another kind is reported."""
    _edit_case(library_copy, ELDER_CASE, _member_change(member, changes))
    problems = [p for p in validate_library(library_copy) if ELDER_CASE in p.path and field in p.field]
    assert problems and words in problems[0].message, [(p.field, p.message) for p in validate_library(library_copy)
                                                       if ELDER_CASE in p.path]


def test_a_member_change_for_someone_not_in_the_household_is_refused(library_copy):
    """`member_fact_changes` naming no household member fails to load, naming the event and the members."""
    _edit_case(library_copy, ELDER_CASE, _member_change("yousef", {"homebound": True}))
    problems = [p for p in validate_library(library_copy) if ELDER_CASE in p.path]
    assert problems and "'yousef', which is not a household member" in problems[0].message
    assert "insurance-payout" in problems[0].message


def test_a_members_savings_change_needs_members_own_savings(library_copy):
    """When the household's savings are one figure, one member's savings cannot change alone."""
    def change(d):
        for m in d["household"]["members"]:
            m.pop("countable_assets", None)
        _member_change("yusuf", {"countable_assets": 2780})(d)
    _edit_case(library_copy, ELDER_CASE, change)
    problems = [p for p in validate_library(library_copy) if ELDER_CASE in p.path
                and p.field.endswith("member_fact_changes.yusuf.countable_assets")]
    assert problems and "own" in problems[0].message


# -- one program decided for two members ------------------------------------------------------------------


def _widgets(view, kind, **attrs):
    from casekit.widgets.base import walk

    return [w for w in walk(view) if isinstance(w, kind) and all(getattr(w, k) == v for k, v in attrs.items())]


def _block(view, program_name):
    import ipywidgets as W

    return next(b for b in _widgets(view, W.VBox) if b.children and isinstance(b.children[0], W.HTML)
                and b.children[0].value == f"<b>{program_name}</b>")


def test_the_widget_decides_one_program_for_two_children_separately(lib, tmp_path):
    """'Decide it for another member' adds a row, so children's coverage is decided for Jonah and for Theo."""
    import ipywidgets as W

    from casekit.plan import load_plan
    from casekit.widgets.steps import step_view

    s = CaseSession(CHILD_CASE, tmp_path, library=lib)
    block = _block(step_view(s, "eligibility"), "Kids Health Coverage")
    _widgets(block, W.RadioButtons)[0].value = "eligible"
    next(b for b in _widgets(block, W.Button) if b.description == "Decide it for another member").click()
    radios, whos = _widgets(block, W.RadioButtons), _widgets(block, W.Dropdown, description="For")
    assert len(radios) == len(whos) == 2
    assert whos[1].value == "della"  # the next member without a row
    whos[1].value = "theo"
    radios[1].value = "eligible"
    plan = load_plan(s.path)
    assert plan.decision("kids-health-coverage").eligible is True
    assert plan.decision("kids-health-coverage", "theo").eligible is True
    # A reopened view shows both decisions, each in its own row.
    again = _block(step_view(s, "eligibility"), "Kids Health Coverage")
    assert [w.value for w in _widgets(again, W.Dropdown, description="For")] == ["jonah", "theo"]


def test_the_widget_refuses_a_second_row_for_the_same_member(lib, tmp_path):
    """Choosing a member another row already decides is refused with a message, and neither decision changes."""
    import ipywidgets as W

    from casekit.widgets.steps import step_view

    s = CaseSession(CHILD_CASE, tmp_path, library=lib)
    s.decide("kids-health-coverage", True, "income")
    s.decide("kids-health-coverage", True, "income", member="theo")
    view = step_view(s, "eligibility")
    block = _block(view, "Kids Health Coverage")
    whos = _widgets(block, W.Dropdown, description="For")
    whos[1].value = "jonah"
    assert whos[1].value == "theo"
    assert "already decided for Jonah, 9 in another row" in view.children[-1].children[0].value
    assert {(d.member, d.eligible) for d in s.plan.eligibility if d.program == "kids-health-coverage"} == {
        (None, True), ("theo", True)}


def test_the_code_equivalent_and_the_rubric_take_one_program_for_two_children(lib, tmp_path):
    """A key listing children's coverage for two children grades each: one right decision earns half."""
    case = lib.case(CHILD_CASE)
    key = key_with(lib.key(CHILD_CASE), ("kids-health-coverage", None), ("kids-health-coverage", "theo"))
    s = CaseSession(CHILD_CASE, tmp_path, library=lib)
    s.decide("kids-health-coverage", True, "income")
    assert eligibility_share(s.plan, case, key, lib)[0] == 0.5
    s.decide("kids-health-coverage", True, "income", member="theo")
    assert eligibility_share(s.plan, case, key, lib)[0] == 1.0
    s.decide("kids-health-coverage", False, "child-age", member="theo")
    share, feedback = eligibility_share(s.plan, case, key, lib)
    assert share == 0.5 and "Kids Health Coverage for Theo" in feedback


def test_explain_decides_wic_for_the_client_and_the_child_it_can_apply_to(lib):
    """`cases explain` decides WIC for Lucía and for Mateo, each on their own category, not for his grandmother."""
    case = lib.case(PARENT_CASE)
    wic = [d for d in explain_case(case, lib)[0].determinations if d.program_id == WIC_2025]
    assert {d.member: d.test("category").passed for d in wic} == {"lucia": False, "mateo": True}


DV_CASE = "treatment-dv-shelter-mother-two-children"  # client Thu, 31; Bao, 9; An, 3


def test_a_parent_clients_case_decides_childrens_coverage_for_each_child(lib):
    """In the shelter case, children's coverage is decided for Bao and for An on their own ages and the household's
    income, in explain and in grading; the mother is not in its age group."""
    case, key = lib.case(DV_CASE), lib.key(DV_CASE)
    kids = [d for d in explain_case(case, lib)[0].determinations if d.program_id == "kids-health-coverage"]
    assert {d.member: d.met for d in kids} == {"thu": False, "bao": True, "an": True}
    assert {d.member: d.test("income").value for d in kids} == {"thu": 1100, "bao": 1100, "an": 1100}
    assert {e.member for e in key.eligibility if e.program == "kids-health-coverage"} == {"bao", "an"}
    plan = model_plan(case, key, lib)
    assert eligibility_share(plan, case, key, lib)[0] == 1.0
    only_bao = plan.model_copy(update={"eligibility": [d for d in plan.eligibility if d.member != "an"]})
    share, feedback = eligibility_share(only_bao, case, key, lib)
    assert share < 1.0 and "No decision on Kids Health Coverage for An" in feedback


def test_a_member_is_named_as_the_case_calls_them(lib):
    """A family name written first (Pham Thi Thu, called Thu) does not become her name in explanations."""
    case = lib.case("treatment-dv-shelter-mother-two-children")
    assert case.member("thu").first_name == "Thu"
    assert case.member("bao").first_name == "Bao", "without `called`, the name's first word"
    text = render_explanation(case, explain_case(case, lib), lib)
    assert "Thu, 31: Kids Health Coverage [kids-health-coverage]: not eligible" in text
    assert "Pham, 31" not in text
