"""Driving the step widgets: each change lands in the plan file, and survives a restart."""

from __future__ import annotations

import html
import json
import re

import ipywidgets as W
import nbformat
import pytest
from nbclient import NotebookClient

from casekit.cases.library import CaseLibrary
from casekit.learner import CaseSession
from casekit.learner_progress import case_menu
from casekit.notebooks import case_notebook
from casekit.plan import load_plan
from casekit.selfcheck import styled_results
from casekit.widgets import facts
from casekit.widgets.base import STYLESHEET, esc, walk
from casekit.widgets.steps import STEPS, step_view

LIB = CaseLibrary.load()
CASE_ID = sorted(LIB.cases)[0]


def widgets_of(view, kind, **attrs):
    return [w for w in walk(view) if isinstance(w, kind) and all(getattr(w, k) == v for k, v in attrs.items())]


def status_text(view) -> str:
    """The step's status line (the last HTML widget of the step's frame)."""
    return view.children[-1].children[0].value


@pytest.fixture
def session(tmp_path):
    return CaseSession(CASE_ID, tmp_path, LIB)


def test_flagging_an_item_saves_it(session):
    item = session.case.application.items[0]
    view = step_view(session, "intake")
    dropdowns = widgets_of(view, W.Dropdown)
    dropdowns[0].value = "missing"
    plan = load_plan(session.path)
    assert [(f.item, f.kind) for f in plan.flags] == [(item.id, "missing")]
    dropdowns[0].value = ""
    assert load_plan(session.path).flags == []


def test_ticking_needs_sets_severity_and_priority(session, tmp_path):
    view = step_view(session, "assessment")
    needs = list(LIB.needs.values())[:2]
    for need in needs:
        box = widgets_of(view, W.Checkbox, description=need.title)[0]
        row = next(w for w in walk(view) if isinstance(w, W.HBox) and box in w.children)
        row.children[1].value = "critical" if need is needs[1] else "low"
        box.value = True
    plan = load_plan(session.path)
    assert plan.need_ids() == [needs[0].id, needs[1].id]
    sort_button = widgets_of(view, W.Button, description="Sort by severity")[0]
    sort_button.click()
    assert load_plan(session.path).need_ids() == [needs[1].id, needs[0].id]


def test_the_resource_picker_lists_only_resources_for_the_need(session):
    need = next(n for n in LIB.needs if LIB.resources_for_need(n))
    session.add_need(need, "high")
    view = step_view(session, "referrals")
    need_dd = widgets_of(view, W.Dropdown, description="Need")[0]
    need_dd.value = need
    picker = widgets_of(view, W.Select)[0]
    assert {v for _, v in picker.options} == {r.id for r in LIB.resources_for_need(need)}
    picker.value = picker.options[0][1]
    widgets_of(view, W.Button, description="Refer")[0].click()
    assert [(r.resource, r.need) for r in load_plan(session.path).referrals] == [(picker.value, need)]


def test_an_error_in_a_callback_shows_in_the_widget(session):
    """A bad goal (no needs yet) shows a message in the step's output area instead of vanishing."""
    view = step_view(session, "planning")
    widgets_of(view, W.Button, description="Add action step")[0].click()
    assert "Write the action step first" in status_text(view)


def test_events_appear_only_after_the_initial_plan_is_saved(session):
    view = step_view(session, "revision")
    event = session.case.events[0]
    title = html.escape(event.title)
    assert title not in "".join(w.value for w in widgets_of(view, W.HTML))
    widgets_of(view, W.Button)[0].click()
    assert load_plan(session.path).initial_saved
    assert any(title in w.value for w in widgets_of(view, W.HTML))


def test_widgets_rebuilt_after_restart_show_the_saved_plan(session, tmp_path):
    session.flag(session.case.application.items[1].id, "inconsistent", "differs from the report")
    again = CaseSession(CASE_ID, tmp_path, LIB)
    assert "Loaded your saved plan" in again.message
    view = step_view(again, "intake")
    assert widgets_of(view, W.Dropdown)[1].value == "inconsistent"


def test_a_corrupt_plan_file_is_reported_and_kept(tmp_path):
    path = tmp_path / f"{CASE_ID}.plan.json"
    path.write_text("{broken")
    s = CaseSession(CASE_ID, tmp_path, LIB)
    assert "Could not read your saved plan" in s.message and "not valid JSON" in s.message
    assert path.read_text() == "{broken"
    s.flag(s.case.application.items[0].id, "missing")
    assert (tmp_path / f"{CASE_ID}.plan.json.bak").read_text() == "{broken"


def test_a_plan_naming_an_unknown_resource_is_reported(tmp_path):
    s = CaseSession(CASE_ID, tmp_path, LIB)
    s.refer(next(iter(LIB.resources)), next(iter(LIB.needs)))
    data = json.loads(s.path.read_text())
    data["referrals"][0]["resource"] = "closed-last-year"
    s.path.write_text(json.dumps(data))
    again = CaseSession(CASE_ID, tmp_path, LIB)
    assert "closed-last-year" in again.message and "names no resource" in again.message


def test_code_equivalents_refuse_unknown_ids_with_the_choices(session):
    from casekit.errors import CasekitError

    need = sorted(LIB.needs)[0]
    with pytest.raises(CasekitError, match=r"unknown need 'no-such-need'; \d+ to choose from; session.options\('needs'\)"):
        session.add_need("no-such-need", "high")
    with pytest.raises(CasekitError, match=f"unknown need '{need[:-1]}'; did you mean '{need}'"):
        session.add_need(need[:-1], "high")
    with pytest.raises(CasekitError, match="YYYY-MM-DD"):
        session.add_goal(next(iter(LIB.needs)), "x y z a b", "3 visits", "next tuesday")
    assert not session.path.exists()


@pytest.mark.parametrize("call, message", [
    (lambda s, need: s.add_need(need, "urgent"),
     "unknown severity 'urgent'; choose one of: critical, immediate, high, moderate, low"),
    (lambda s, need: s.add_need(need, "High"), "did you mean 'high'"),
    (lambda s, need: s.add_need(need, "high", priority=0), "priority 0: give a whole number"),
    (lambda s, need: s.flag(s.case.application.items[0].id, "wrong"), "unknown flag kind 'wrong'; choose one of: missing, inconsistent"),
], ids=["severity", "severity-case", "priority", "flag-kind"])
def test_code_equivalents_refuse_bad_values_in_words_not_tracebacks(session, call, message):
    """A learner typing a wrong severity, priority or flag kind gets one line naming the choices, and nothing
    is saved."""
    from casekit.errors import CasekitError

    with pytest.raises(CasekitError, match=re.escape(message)):
        call(session, sorted(LIB.needs)[0])
    assert not session.path.exists()


def test_widgets_in_a_real_kernel_write_the_plan_and_restart_reloads_it(tmp_path):
    """Run the case notebook in a kernel, set widget values in it, then run it again in a fresh kernel."""
    nb = case_notebook(CASE_ID, LIB)
    drive = nbformat.v4.new_code_cell(
        "import ipywidgets as W\n"
        "from casekit.widgets.base import walk\n"
        "v = step_view(session, 'intake')\n"
        "[w for w in walk(v) if isinstance(w, W.Dropdown)][0].value = 'missing'\n"
        "print('driven')"
    )
    nb.cells.append(drive)
    NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    plan = load_plan(tmp_path / f"{CASE_ID}.plan.json")
    assert [f.kind for f in plan.flags] == ["missing"]
    fresh = case_notebook(CASE_ID, LIB)
    NotebookClient(fresh, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    setup_output = "".join(o.get("text", "") for o in fresh.cells[1].outputs)
    assert "Loaded your saved plan" in setup_output


def test_a_plan_without_a_save_time_still_loads(tmp_path):
    """A hand-written or upgraded version-1 plan has no `updated`; opening it must not fail."""
    (tmp_path / f"{CASE_ID}.plan.json").write_text(json.dumps({"format_version": 1, "case": CASE_ID, "needs": []}))
    s = CaseSession(CASE_ID, tmp_path, LIB)
    assert s.message == f"Loaded your saved plan from {CASE_ID}.plan.json."


# --------------------------------------------------------------------------- what a learner sees

UNTYPESET_DOLLAR = "<span>$</span>"


def raw_dollars(html_text: str) -> list[str]:
    """Dollar signs MathJax could pair into a formula: every ``$`` not in a span of its own."""
    return re.findall(r".{0,20}\$.{0,20}", html_text.replace(UNTYPESET_DOLLAR, ""))


def all_views(session):
    return {step: step_view(session, step) for step in STEPS}


@pytest.mark.parametrize("case_id", sorted(LIB.cases))
def test_dollar_amounts_in_the_facts_are_not_typeset_as_math(case_id):
    """Would JupyterLab's MathJax turn "$1,450 a month ... $890" into an italic formula?"""
    case = LIB.cases[case_id]
    pages = [facts.overview(case), facts.application(case), facts.reports(case), facts.verified_household(case),
             facts.program_rules(case, LIB), *(facts.event(e) for e in case.events)]
    assert all(not raw_dollars(p) for p in pages), [raw_dollars(p) for p in pages if raw_dollars(p)]
    assert UNTYPESET_DOLLAR in facts.verified_household(case), "the amounts are still shown"


def test_dollar_amounts_in_feedback_are_not_typeset_as_math(tmp_path):
    quoted = []
    for case_id in sorted(LIB.cases):
        results = CaseSession(case_id, tmp_path / case_id, LIB).check()
        if any("$" in r.feedback for r in results):
            quoted.append(case_id)
            assert not raw_dollars(styled_results(results).to_html()), case_id
    assert quoted, "no case's feedback quotes an amount, so nothing here was checked"


@pytest.mark.parametrize("case_id", sorted(LIB.cases))
def test_dollar_amounts_in_the_step_widgets_are_not_typeset_as_math(case_id, tmp_path):
    session = CaseSession(case_id, tmp_path, LIB)
    session.refer(next(iter(LIB.resources)), next(iter(LIB.needs)))
    session.save_initial_plan()
    for step, view in all_views(session).items():
        for w in walk(view):
            if isinstance(w, W.HTML):
                assert not raw_dollars(w.value), step
            if isinstance(w, W.Checkbox):
                assert "$" not in w.description, (
                    f"{step}: a checkbox label with a dollar sign would be typeset as math; reword it, or show the "
                    "text in an HTML widget beside a checkbox without a description")


def test_the_escaping_helper_keeps_the_text_and_escapes_html():
    assert esc("<b>$1,450 & $890</b>") == "&lt;b&gt;<span>$</span>1,450 &amp; <span>$</span>890&lt;/b&gt;"


def test_the_self_check_table_fills_the_width_and_wraps_comments(session):
    """JupyterLab draws output tables narrow, centred and right-aligned unless told otherwise."""
    page = styled_results(session.check()).to_html()
    assert 'style="width:100%; table-layout:auto"' in page
    assert re.search(r"th \{\s*text-align: left;", page)
    feedback_cells = re.search(r"(#T_\w+_row0_col3[^{]*)\{([^}]*)\}", page)
    assert feedback_cells and "white-space: normal" in feedback_cells.group(2) and "text-align: left" in feedback_cells.group(2)


def test_every_drop_down_shows_its_choice_even_when_nothing_is_chosen(session):
    """A selection widget whose value is None shows a blank box, even when an option's value is None."""
    session.save_initial_plan()
    for step, view in all_views(session).items():
        for w in walk(view):
            if isinstance(w, W.Dropdown | W.ToggleButtons | W.RadioButtons):
                assert w.index is not None and w.label, f"{step}: a {type(w).__name__} shows a blank choice"


def test_choosing_nothing_again_records_nothing(session):
    """The visible "nothing chosen" options still mean None in the plan."""
    pid = session.case.programs[0]
    view = step_view(session, "eligibility")
    result, test = widgets_of(view, W.RadioButtons)[0], widgets_of(view, W.Dropdown)[0]
    assert (result.label, test.label) == ("not decided", "(choose the test that decides it)")
    result.value, test.value = "not-eligible", test.options[1][1]
    decision = load_plan(session.path).decision(pid)
    assert (decision.eligible, decision.deciding_test) == (False, test.options[1][1])
    test.value = ""
    assert load_plan(session.path).decision(pid).deciding_test is None
    result.value = "undecided"
    assert load_plan(session.path).decision(pid) is None

    task = session.case.tasks[0]
    role = widgets_of(step_view(session, "coordination"), W.Dropdown)[0]
    assert role.label == "(no one)"
    role.value = role.options[1][1]
    assert [(d.task, d.role) for d in load_plan(session.path).delegations] == [(task.id, role.value)]
    role.value = ""
    assert load_plan(session.path).delegations == []


def test_an_empty_need_list_says_what_to_do_first(session):
    for step in ("planning", "referrals"):
        need = widgets_of(step_view(session, step), W.Dropdown)[0]
        assert need.label.startswith("(identify needs") and need.value == ""


@pytest.mark.parametrize("step", ["rights", "coordination"])
def test_long_checkbox_labels_wrap_instead_of_being_cut_off(session, step):
    view = step_view(session, step)
    boxes = widgets_of(view, W.Checkbox)
    assert boxes and all("casekit-wrap" in b._dom_classes for b in boxes)
    assert re.search(r"\.casekit-wrap \.widget-label-basic[^{]*\{[^}]*white-space: normal", STYLESHEET)
    assert re.search(r"\.casekit-wrap\.widget-checkbox[^{]*\{[^}]*height: auto", STYLESHEET)
    assert STYLESHEET in view.children[0].value, "each step brings the stylesheet with it"
    if step == "rights":
        longest = max((r for r in LIB.rights.values() if session.case.setting in r.settings), key=lambda r: len(r.text))
        assert any(longest.text in b.description for b in boxes), "the whole text is the checkbox's own label"


def test_learners_read_titles_not_ids(session):
    """Referral lines, goal lines and the status line name things as the learner saw them."""
    need = next(n for n in LIB.needs if LIB.resources_for_need(n))
    resource = LIB.resources_for_need(need)[0]
    session.add_need(need, "high")
    view = step_view(session, "referrals")
    widgets_of(view, W.Dropdown, description="Need")[0].value = need
    widgets_of(view, W.Select)[0].value = resource.id
    widgets_of(view, W.Button, description="Refer")[0].click()
    status = status_text(view)
    assert html.escape(resource.name) in status and html.escape(LIB.needs[need].title) in status
    assert resource.id not in status and need not in status
    line = widgets_of(view, W.HTML)[-2].value  # the last referral line, above the status
    visible = re.sub(r"<span class='casekit-hint'>.*?</span>", "", line)
    assert html.escape(resource.name) in visible and html.escape(LIB.needs[need].title) in visible
    assert resource.id not in line and need not in line, "no internal id beside the names, not even in small type"

    role = next(iter(LIB.roles.values()))
    session.add_goal(need, "Ms. Doe will call the pantry", "2 visits a month", "2026-03-31")
    session.add_action("Call the pantry", role.id, "2026-03-01")
    planning = "".join(w.value for w in widgets_of(step_view(session, "planning"), W.HTML))
    visible = re.sub(r"<span class='casekit-hint'>.*?</span>", "", planning)
    assert html.escape(LIB.needs[need].title) in visible and need not in visible
    assert html.escape(role.title) in visible and role.id not in visible

    assessment = step_view(session, "assessment")
    other = next(n for n in LIB.needs.values() if n.id != need)
    widgets_of(assessment, W.Checkbox, description=other.title)[0].value = True
    assert html.escape(other.title) in status_text(assessment) and other.id not in status_text(assessment)


def test_text_areas_are_spaced_for_reading(session):
    view = step_view(session, "documentation")
    assert "casekit-step" in view._dom_classes
    assert re.search(r"\.casekit-step textarea \{ line-height: 1\.4; \}", STYLESHEET)
    assert widgets_of(view, W.Textarea), "the progress note is a text area inside the step"


def test_no_step_asks_for_ctrl_click_or_hides_controls_behind_headers(session):
    """Multi-select lists (Ctrl-click) and accordions (headers Tab cannot reach) are gone from every step."""
    session.save_initial_plan()
    for step, view in all_views(session).items():
        kinds = {type(w).__name__ for w in walk(view)}
        assert not kinds & {"SelectMultiple", "Accordion", "ToggleButtons"}, f"{step}: {kinds & {'SelectMultiple', 'Accordion', 'ToggleButtons'}}"


NAMED_BY_DESCRIPTION_OR_TOOLTIP = (W.Dropdown, W.Select, W.Text, W.Textarea, W.DatePicker, W.RadioButtons, W.Checkbox)


def test_every_control_has_an_accessible_name(session):
    """Each control carries a label or a tooltip (ipywidgets makes either the control's name), each button a word."""
    session.save_initial_plan()
    session.add_need(next(iter(LIB.needs)), "high")
    session.add_goal(next(iter(LIB.needs)), "Ms. Doe will call the pantry", "2 visits a month", "2026-03-31")
    for step, view in all_views(session).items():
        for w in walk(view):
            if isinstance(w, NAMED_BY_DESCRIPTION_OR_TOOLTIP):
                assert (w.description or w.tooltip or "").strip(), f"{step}: a {type(w).__name__} has no name ({getattr(w, 'placeholder', '')!r})"
            if isinstance(w, W.Button):
                assert w.description.strip(), f"{step}: a button with no text"
                if w.description == "Remove":
                    assert w.tooltip.startswith("Remove ") and len(w.tooltip) > len("Remove "), f"{step}: a Remove button that does not say what"
                    assert w.layout.width in (None, "auto"), f"{step}: a Remove button of fixed width {w.layout.width} cuts its word"


def test_every_step_keeps_its_keys_from_the_notebook_shortcuts(session):
    """Each step holds the guard that marks it data-lm-suppress-shortcuts (the browser journey presses the keys)."""
    from casekit.widgets.keys import SUPPRESS, KeyGuard

    session.save_initial_plan()
    for step, view in all_views(session).items():
        assert "casekit-step" in view._dom_classes, step
        assert any(isinstance(w, KeyGuard) for w in view.children), step
    assert SUPPRESS == "data-lm-suppress-shortcuts" and SUPPRESS in KeyGuard._esm


def test_the_assessment_shows_one_domain_at_a_time_from_a_drop_down(session):
    """The domain drop-down decides which needs show; ticking a need in any domain still saves it."""
    view = step_view(session, "assessment")
    domain = widgets_of(view, W.Dropdown, description="Needs in the domain")[0]
    last = domain.options[-1][1]
    domain.value = last
    need = next(n for n in LIB.needs.values() if n.domain == last)
    box = widgets_of(view, W.Checkbox, description=need.title)[0]
    panels = view.children[list(view.children).index(domain) + 1].children  # one panel per domain, after the drop-down
    assert len(panels) == len(domain.options)
    visible = [p for p in panels if p.layout.display != "none"]
    assert len(visible) == 1 and any(w is box for w in walk(visible[0])), "only the chosen domain's needs show"
    box.value = True
    assert need.id in load_plan(session.path).need_ids()


def test_the_revision_picker_adds_by_title_refuses_unknown_titles_and_removes(session):
    """A new need is added by its title; a title that is no need changes nothing and says so; Remove takes it out."""
    session.save_initial_plan()
    view = step_view(session, "revision")
    event = session.case.events[0]
    box = widgets_of(view, W.Combobox, description="Add a need")[0]
    add = [b for b in walk(view) if isinstance(b, W.Button) and b.description == "Add"][0]
    need = next(iter(LIB.needs.values()))
    assert len(box.options) == len(LIB.needs), "the search offers the whole catalogue"
    box.value = "No such need at all"
    add.click()
    assert "Not saved: No need is called &#x27;No such need at all&#x27;" in status_text(view)
    assert load_plan(session.path).revision(event.id) is None
    box.value = f"{need.title} ({need.domain})"
    add.click()
    assert load_plan(session.path).revision(event.id).new_needs == [need.id]
    assert box.value == "", "the box is cleared for the next search"
    remove = [b for b in walk(view) if isinstance(b, W.Button) and b.tooltip == f"Remove {need.title} ({need.domain})"]
    assert len(remove) == 1
    remove[0].click()
    assert load_plan(session.path).revision(event.id).new_needs == []


def test_the_case_menu_reads_from_the_left(tmp_path):
    """JupyterLab right-aligns and centres output tables; the list of notebooks should not be."""
    page = case_menu(tmp_path, LIB).data
    cells = re.findall(r"<t[dh]( [^>]*)?>", page)
    assert cells and all(c and "text-align:left" in c for c in cells)
    assert "margin-left:0" in page


def test_the_case_menu_shows_no_percent_for_a_case_not_started(tmp_path):
    """Once one case has a score, the others' empty scores become NaN in the table: not "(nan%)"."""
    CaseSession(CASE_ID, tmp_path, LIB).add_need(next(iter(LIB.needs)), "high")
    page = case_menu(tmp_path, LIB).data
    assert "(nan%)" not in page and "not started</td>" in page


@pytest.mark.parametrize("step, boxes", [("planning", {"Goal", "Measure", "Action step"}), ("revision", {"Add a need", "Add a resource"})])
def test_a_box_an_add_button_reads_sends_its_text_before_the_click(session, step, boxes):
    """Does each box a button reads send its text when it loses focus, so the click cannot overtake the last keystrokes?

    ipywidgets queues a box's keystroke updates while the kernel is busy but sends a click at once.
    """
    session.save_initial_plan()
    view = step_view(session, step)
    found = {w.description: w for w in walk(view) if isinstance(w, (W.Text, W.Textarea)) and w.description in boxes}
    assert set(found) == boxes, f"{step}: no box called {boxes - set(found)}"
    sent_at_each_key = [d for d, w in found.items() if w.continuous_update]
    assert not sent_at_each_key, f"{step}: {sent_at_each_key} send every keystroke, and an Add click can read them cut short"


def test_an_eligibility_decision_and_a_referral_can_be_for_another_household_member(tmp_path):
    """The 'For' drop-downs offer the household, client first, and a decision moves to the member chosen."""
    s = CaseSession("social-services-food-assistance-three-generations", tmp_path, LIB)
    view = step_view(s, "eligibility")
    whos = widgets_of(view, W.Dropdown, description="For")
    assert len(whos) == len(s.case.programs)
    assert [v for _, v in whos[0].options][0] == s.case.client.member
    assert all(w.tooltip and "household member" in w.tooltip for w in whos), "each choice says what it is for"
    wic = s.case.programs.index("family-nutrition-wic-2025-26")
    radios = widgets_of(view, W.RadioButtons)
    radios[wic].value = "not-eligible"
    assert s.plan.decision("family-nutrition-wic-2025-26") is not None
    whos[wic].value = "mateo"
    assert s.plan.decision("family-nutrition-wic-2025-26") is None
    assert load_plan(s.path).decision("family-nutrition-wic-2025-26", "mateo").eligible is False

    s.add_need("developmental-delay", "moderate")
    view = step_view(s, "referrals")
    who = widgets_of(view, W.Dropdown, description="For")[0]
    who.value = "mateo"
    widgets_of(view, W.Select)[0].value = "early-steps-child-development"
    next(b for b in widgets_of(view, W.Button) if b.description == "Refer").click()
    assert [(r.resource, r.member) for r in load_plan(s.path).referrals] == [("early-steps-child-development", "mateo")]
    assert "(Mateo)" in " ".join(w.value for w in widgets_of(view, W.HTML))


def test_check_my_plan_scores_the_plan_without_reading_the_file_again(tmp_path, monkeypatch):
    """Does "Check my plan" score the plan the session holds (read from the file once, when the case was
    opened) at every press, without reading the file again?"""
    from casekit.casework import plan as plan_module
    from casekit.casework import session as session_module

    first = CaseSession(CASE_ID, tmp_path, LIB)
    first.add_need(sorted(LIB.needs)[0], "critical")
    reads = []
    real = plan_module.load_plan

    def counting(path):
        reads.append(path)
        return real(path)

    monkeypatch.setattr(session_module, "load_plan", counting)
    monkeypatch.setattr(plan_module, "load_plan", counting)
    session = CaseSession(CASE_ID, tmp_path, LIB)
    assert len(reads) == 1, "opening the case reads the plan file once"
    view = step_view(session, "check")
    button = widgets_of(view, W.Button, description="Check my plan")[0]
    button.click()
    first_check = status_text(view)
    button.click()
    assert len(reads) == 1, f"each press of Check my plan read the plan file again: {len(reads)} reads"
    assert "Checked:" in first_check and status_text(view) == first_check
