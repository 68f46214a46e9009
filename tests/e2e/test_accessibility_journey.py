"""Every view a learner, an instructor and a supervisor opens, checked by axe-core; and one whole case by keyboard alone."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.e2e
pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed: run `make e2e`")

from playwright.sync_api import expect  # noqa: E402 (after the skip)

import axecheck  # noqa: E402
from casekit.cases.library import CaseLibrary  # noqa: E402
from labdriver import assert_widgets_render, cell_with, code_cell_count, open_notebook, run_all  # noqa: E402

if axecheck.missing():
    pytest.skip(axecheck.missing(), allow_module_level=True)

OUTPUTS = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output"
SAVE_INITIAL = "Save my initial plan and see what happens next"


def _case_notebook(kit):
    path = sorted((kit / "notebooks").glob("1[0-9]_*.ipynb"))[0]
    return path, json.loads(path.read_text())["metadata"]["casekit"]["case"]


def _no_serious_violations(page, where: str, frame=None):
    found = axecheck.violations(page, OUTPUTS if frame is None else "body", frame)
    assert not found, f"axe-core: serious or critical violations in {where}:\n{axecheck.report(found)}"


@pytest.mark.parametrize("notebook", ["case", "30_my_progress.ipynb", "20_hours_dashboard.ipynb", "40_cohort_report.ipynb"])
def test_the_kit_s_output_has_no_serious_accessibility_violation(kit, lab, page, shot, notebook):
    """Does axe-core find a serious or critical violation in what a notebook's cells draw (every tab and step shown)?"""
    if notebook == "case":
        path, _ = _case_notebook(kit)
        notebook = path.name
    open_notebook(page, lab, f"notebooks/{notebook}")
    run_all(page, code_cell_count(kit / "notebooks" / notebook))
    if notebook.startswith("1"):
        assert_widgets_render(page)
        revision = cell_with(page, "Monitor and retool")
        revision.get_by_role("button", name=SAVE_INITIAL).click()
        expect(revision).to_contain_text("Initial plan saved")
        _no_serious_violations(page, f"{notebook} (every step, events shown)")
    elif notebook.startswith("20"):
        assert_widgets_render(page)
        board = page.locator(".jp-CodeCell").filter(has_text="SupervisorDashboard(").locator(".jp-OutputArea-output").first
        for tab in ("Progress", "Log hours", "Sign off"):
            board.locator(".lm-TabBar-tab").filter(has_text=re.compile(f"^{tab}$")).click()
            _no_serious_violations(page, f"{notebook}, tab {tab}")
    else:
        _no_serious_violations(page, notebook)
    shot(f"axe-{notebook.split('_')[0]}")


# --------------------------------------------------------------------------- keyboard only


def _focused(page) -> dict:
    return page.evaluate("""() => {
        const e = document.activeElement;
        const label = e.labels && e.labels.length ? e.labels[0].textContent : '';
        const hint = (e.labels && e.labels.length ? e.labels[0].title : '') || e.title || '';
        const style = getComputedStyle(e);
        // The accessible name as a screen reader computes it: a button is named by its text, its title is its description.
        const text = e.tagName === 'BUTTON' ? e.textContent : '';
        return {tag: e.tagName.toLowerCase(), type: e.type || '', name: (e.getAttribute('aria-label') || label || text || e.title || e.textContent || e.placeholder || '').trim(),
                hint: hint, value: e.value === undefined ? null : e.value, checked: !!e.checked, outline: style.outlineStyle, outlineWidth: style.outlineWidth,
                step: e.closest('.casekit-step') ? e.closest('.casekit-step').querySelector('h4').textContent : null,
                suppressed: e.hasAttribute('data-lm-suppress-shortcuts')};
    }""")


def _tab_to(page, want, limit: int = 600, back: bool = False, nth: int = 1) -> dict:
    """Press Tab (Shift+Tab when ``back``) until the ``nth`` focused element satisfying ``want``; fail if Tab never gets there."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        now = _focused(page)
        if want(now) and nth > 1:
            nth -= 1
            continue
        if want(now):
            assert now["outline"] != "none" and now["outlineWidth"] != "0px", f"no visible focus on {now}"
            return now
    raise AssertionError(f"Tab never reached the control: last focus {_focused(page)}")


def _named(step: str, name: str | re.Pattern, tag: str | None = None):
    def want(f):
        ok = f["step"] == step and any(re.search(name, t) if isinstance(name, re.Pattern) else t == name for t in (f["name"], f["hint"]))
        return bool(ok) and (tag is None or f["tag"] == tag)
    return want


def _choose(page, want_label: str | re.Pattern, limit: int = 80) -> None:
    """Arrow down through a focused drop-down until it shows ``want_label`` (ipywidgets' option values are their labels).

    Arrows down from the current choice, then from the top (Home), so a choice above the current one is found too.
    """
    for step in range(limit):
        if step == limit // 2:
            page.keyboard.press("Home")
        value = _focused(page)["value"] or ""
        if (re.match(want_label, value) if isinstance(want_label, re.Pattern) else value.strip() == want_label):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never chose {want_label!r}: {_focused(page)}")


def _cells(page) -> int:
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").count()


def test_a_learner_works_a_whole_case_by_keyboard_alone(kit, lab, page, shot):
    """Can one whole case be worked with Tab, arrows, Space, Enter and typing, and do the notebook's shortcuts stay out of it?"""
    path, case_id = _case_notebook(kit)
    lib = CaseLibrary.load(kit)
    case, key = lib.case(case_id), lib.key(case_id)
    plan_file = path.parent / f"{case_id}.plan.json"
    # A new learner's first visit: no plan left by the accessibility check above, which saved the initial plan.
    for old in path.parent.glob(f"{case_id}.plan.json*"):
        old.unlink()
    open_notebook(page, lab, f"notebooks/{path.name}")
    # Run all from the command palette, by keyboard.
    page.keyboard.press("Control+Shift+c")
    page.keyboard.type("Run All Cells")
    page.keyboard.press("Enter")
    from labdriver import wait_all_run
    wait_all_run(page, code_cell_count(path))
    page.keyboard.press("Escape")  # command mode: where the notebook's single-key shortcuts live
    cells = _cells(page)

    # Intake: flag the first application item as missing.
    item = case.application.items[0]
    _tab_to(page, _named("Review the application", "Status", "select"))  # the first item's
    _choose(page, "missing")
    expect(cell_with(page, "Review the application")).to_contain_text(f"Saved: {item.label} marked missing.")

    # Assessment: a need the key expects, in its domain; then the keys that used to edit the notebook.
    need = lib.needs[key.needs[0].need]
    focus = _tab_to(page, _named("Assess needs", "Needs in the domain", "select"))
    assert focus["suppressed"], "the focused control is not marked data-lm-suppress-shortcuts"
    _choose(page, re.compile(rf"{re.escape(need.domain)} \(\d+ needs\)"))
    _tab_to(page, _named("Assess needs", need.title, "input"))
    page.keyboard.press("Space")
    assess = cell_with(page, "Assess needs")
    expect(assess).to_contain_text(f"Saved: {need.title} added as moderate.")
    page.keyboard.press("b")  # command mode's "insert a cell below"
    page.keyboard.press("Tab")
    assert _focused(page)["name"] == "Severity", _focused(page)
    page.keyboard.press("d")
    page.keyboard.press("d")  # command mode's "delete the cell"
    _choose(page, key.needs[0].severity.value)
    if key.needs[0].severity.value != "moderate":
        expect(assess).to_contain_text(f"Saved: {need.title} is {key.needs[0].severity.value}.")
    assert _cells(page) == cells, "a key pressed inside a step reached the notebook's shortcuts"
    shot("keyboard-1-assessment", assess)

    # Eligibility: the arrow keys move the radio choice.
    program = lib.programs.get(case.programs[0])
    _tab_to(page, lambda f: f["step"] == "Decide eligibility" and f["type"] == "radio")
    page.keyboard.press("ArrowDown")
    expect(cell_with(page, "Decide eligibility")).to_contain_text(f"Saved your decision on {program.name}.")

    # Planning: a goal, typed, dated and added with Enter.
    _tab_to(page, _named("Set goals and an action plan", "Goal", "textarea"))
    page.keyboard.type("The client will attend the follow-up visit with a ride arranged")
    _tab_to(page, _named("Set goals and an action plan", "Measure", "input"))
    page.keyboard.type("attends 1 visit within 7 days")
    _tab_to(page, _named("Set goals and an action plan", "Add goal", "button"))
    page.keyboard.press("Enter")
    planning = cell_with(page, "Set goals and an action plan")
    expect(planning).to_contain_text("Saved the goal.")
    _tab_to(page, lambda f: f["step"] == "Set goals and an action plan" and f["tag"] == "button" and f["name"] == "Remove")

    # Referrals: the need, a resource that serves it, Refer.
    referral = next(r for r in key.referrals if r.need == need.id) if any(r.need == need.id for r in key.referrals) else None
    if referral is not None:
        _tab_to(page, _named("Refer to community resources", "Need", "select"))
        _tab_to(page, _named("Refer to community resources", "Resource", "select"))
        page.keyboard.press("ArrowDown")
        _tab_to(page, _named("Refer to community resources", "Refer", "button"))
        page.keyboard.press("Enter")
        expect(cell_with(page, "Refer to community resources")).to_contain_text("Saved: referral to")

    # Rights: tick the first with Space.
    _tab_to(page, lambda f: f["step"] == "Explain rights and responsibilities" and f["type"] == "checkbox")
    page.keyboard.press("Space")
    expect(cell_with(page, "Explain rights and responsibilities")).to_contain_text("Saved: 1 to explain.")

    # Coordination: the first task goes to the role the key names.
    task = next(t for t in case.tasks if t.id == key.delegation[0].task)
    role = lib.roles[key.delegation[0].roles[0]]
    _tab_to(page, _named("Coordinate and delegate", "Done by", "select"), nth=case.tasks.index(task) + 1)
    _choose(page, role.title)
    expect(cell_with(page, "Coordinate and delegate")).to_contain_text(f"Saved: {role.title} will do this: {task.text}")

    # Documentation: the progress note, typed.
    _tab_to(page, _named("Meet and document", re.compile("^Progress note"), "textarea"))
    page.keyboard.type("Met the client; agreed the follow-up visit and a ride; I call on Friday to confirm.")
    page.keyboard.press("Tab")
    expect(cell_with(page, "Meet and document")).to_contain_text("Saved the note.")

    # Revision: save the first plan with Enter, then add a new need by typing its title.
    _tab_to(page, _named("Monitor and retool", SAVE_INITIAL, "button"))
    page.keyboard.press("Enter")
    revision = cell_with(page, "Monitor and retool")
    expect(revision).to_contain_text("Initial plan saved")
    event = case.events[0]
    later = next((k.new_needs[0] for k in key.events if k.event == event.id and k.new_needs), need.id)
    later_need = lib.needs[later]
    _tab_to(page, _named("Monitor and retool", "Add a need", "input"))
    page.keyboard.type(f"{later_need.title} ({later_need.domain})")
    _tab_to(page, _named("Monitor and retool", "Add", "button"))
    page.keyboard.press("Enter")
    expect(revision).to_contain_text(f"Saved your revision for {event.title}.")
    shot("keyboard-2-revision", revision)

    # Check my plan, by Enter.
    _tab_to(page, _named("Check my plan", "Check my plan", "button"))
    page.keyboard.press("Enter")
    check = cell_with(page, "Check my plan")
    expect(check).to_contain_text("Checked:", timeout=60_000)  # the rubric runs over the whole plan, on a busy machine
    shot("keyboard-3-check", check)

    plan = json.loads(plan_file.read_text())
    assert [f["item"] for f in plan["flags"]] == [item.id]
    assert need.id in [n["need"] for n in plan["needs"]]
    assert plan["goals"] and plan["progress_note"].startswith("Met the client")
    assert plan["delegations"] == [{"task": task.id, "role": role.id}]
    assert later in next(r for r in plan["revisions"] if r["event"] == event.id)["new_needs"]
    assert _cells(page) == cells, "the notebook gained or lost a cell while the learner worked in the steps"
