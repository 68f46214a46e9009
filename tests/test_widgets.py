"""Driving the step widgets: each change lands in the plan file, and survives a restart."""

from __future__ import annotations

import html
import json

import ipywidgets as W
import nbformat
import pytest
from nbclient import NotebookClient

from casekit.cases.library import CaseLibrary
from casekit.learner import CaseSession
from casekit.notebooks import case_notebook
from casekit.plan import load_plan
from casekit.widgets.base import walk
from casekit.widgets.steps import step_view

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

    with pytest.raises(CasekitError, match="unknown need 'no-such-need'; choose one of"):
        session.add_need("no-such-need", "high")
    with pytest.raises(CasekitError, match="YYYY-MM-DD"):
        session.add_goal(next(iter(LIB.needs)), "x y z a b", "3 visits", "next tuesday")
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
