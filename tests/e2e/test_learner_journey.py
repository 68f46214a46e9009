"""A learner in JupyterLab: work a case with the widgets, come back to it, check the plan."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.e2e
pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed: run `make e2e`")

from playwright.sync_api import expect  # noqa: E402 (after the skip)

from casekit.cases.library import CaseLibrary  # noqa: E402
from labdriver import (  # noqa: E402
    assert_widgets_render,
    cell_with,
    code_cell_count,
    open_notebook,
    restart_and_run_all,
    run_all,
    save_notebook,
    wait_all_run,
)


def _first_case_notebook(kit):
    """The learner's copy of the first case notebook, in workspace/ (where `make lab` opens)."""
    notebooks = sorted((kit / "workspace").glob("10_*.ipynb"))
    assert notebooks, "the workspace has no case notebook (workspace/10_<case-id>.ipynb): run `casekit notebooks copy`"
    path = notebooks[0]
    return path, json.loads(path.read_text())["metadata"]["casekit"]["case"]


def _choices(kit, case_id):
    """Two needs the answer key expects (one with a fitting referral), so the self-check has something to score."""
    lib = CaseLibrary.load(kit)
    key = lib.key(case_id)
    referral = next(
        (need, res) for r in key.referrals for need, res in ((r.need, x) for x in r.resources)
        if res in {s.id for s in lib.resources_for_need(need)}
    )
    first = key.need(referral[0])
    other = next(n for n in key.needs if n.need != first.need and n.after_event is None)
    needs = [(n.need, lib.needs[n.need].title, lib.needs[n.need].domain, n.severity.value) for n in (first, other)]
    return lib, needs, referral


def _show_domain(cell, domain):
    """Choose ``domain`` in the assessment's "Needs in the domain" drop-down, as a learner picks it by its label."""
    choice = cell.locator(".widget-dropdown").filter(has_text="Needs in the domain").locator("select")
    # The option reads "Housing (4 needs)"; the widget writes its spaces as &nbsp; and makes its value the label.
    words = r"\s".join(re.escape(word) for word in domain.split())
    option = choice.locator("option").filter(has_text=re.compile(rf"^{words}\s\(\d+\sneeds?\)$"))
    expect(option).to_have_count(1)
    choice.select_option(value=option.get_attribute("value"))
    expect(choice).to_have_value(re.compile(rf"^{re.escape(domain)} \("))


def _need_row(cell, title):
    """The row of one need in the assessment: (the row, its checkbox)."""
    page = cell.page
    box = page.locator(".widget-checkbox").filter(has=page.get_by_text(title, exact=True))
    row = cell.locator(".widget-hbox").filter(has=box)
    return row, row.locator("input[type=checkbox]")


def test_learner_works_a_case_and_finds_it_again_after_a_restart(kit, lab, page, shot):
    notebook, case_id = _first_case_notebook(kit)
    lib, needs, (ref_need, ref_resource) = _choices(kit, case_id)
    plan_file = notebook.parent / f"{case_id}.plan.json"
    code_cells = code_cell_count(notebook)

    # Open the case and run it, as the notebook's first cell tells a newcomer to.
    open_notebook(page, lab, f"workspace/{notebook.name}")
    run_all(page, code_cells)
    setup = page.locator(".jp-CodeCell").filter(has_text="open_case(").first
    expect(setup.locator(".jp-OutputArea")).to_contain_text("New plan")
    assert_widgets_render(page)

    # Assessment: show each need's domain in the drop-down, tick the need, set its severity.
    assess = cell_with(page, "Assess needs")
    for _, title, domain, severity in needs:
        _show_domain(assess, domain)
        row, box = _need_row(assess, title)
        expect(box).to_be_visible()
        box.check()
        expect(assess).to_contain_text(f"Saved: {title} added as")
        row.locator("select").select_option(severity)
        expect(assess).to_contain_text(f"Saved: {title} is {severity}.")
    order = assess.locator(".widget-select select")
    for i, (_, title, _, severity) in enumerate(needs, start=1):
        expect(order.locator("option").nth(i - 1)).to_have_text(f"{i}. {title} ({severity})")
    assess.scroll_into_view_if_needed()
    shot("1-assessment", assess)

    # Referral: pick the need, pick a resource that serves it, refer.
    name = lib.resources[ref_resource].name
    refer = cell_with(page, "Refer to community resources")
    refer.get_by_label("Need", exact=True).select_option(label=lib.needs[ref_need].title)
    resource_list = refer.locator(".widget-select select")
    option = resource_list.locator("option").filter(has_text=f"{name} (")  # the widget writes spaces as &nbsp;
    expect(option).to_have_count(1)
    resource_list.select_option(value=option.get_attribute("value"))
    expect(refer).to_contain_text("Who it serves")
    refer.get_by_role("button", name="Refer", exact=True).click()
    expect(refer).to_contain_text(f"Saved: referral to {name} for {lib.needs[ref_need].title}.")
    expect(refer).to_contain_text(f"{name} for {lib.needs[ref_need].title}")
    refer.scroll_into_view_if_needed()
    shot("2-referral", refer)

    # Delegation: a task the key expects delegated goes to a role that suits it.
    delegation = lib.key(case_id).delegation[0]
    task_text = next(t.text for t in lib.case(case_id).tasks if t.id == delegation.task)
    role_title = lib.roles[delegation.roles[0]].title
    coordinate = cell_with(page, "Coordinate and delegate")
    role_choice = coordinate.locator(".widget-hbox").filter(has_text=task_text).locator("select")
    expect(role_choice).to_have_count(1)
    role_choice.select_option(label=role_title)
    expect(coordinate).to_contain_text(f"Saved: {role_title} will do this: {task_text}")
    coordinate.scroll_into_view_if_needed()
    shot("3-delegation", coordinate)

    # Saved as made: the plan file holds exactly what was clicked.
    save_notebook(page)
    plan = json.loads(plan_file.read_text())
    assert [(n["need"], n["severity"]) for n in sorted(plan["needs"], key=lambda n: n["priority"])] == [(n[0], n[3]) for n in needs]
    assert plan["referrals"] == [{"resource": ref_resource, "need": ref_need}]
    assert plan["delegations"] == [{"task": delegation.task, "role": delegation.roles[0]}]

    # Come back later: restart the kernel and run everything again.
    restart_and_run_all(page)
    expect(setup.locator(".jp-OutputArea")).to_contain_text("Loaded your saved plan", timeout=90_000)
    wait_all_run(page, code_cells)
    assert_widgets_render(page)

    assess = cell_with(page, "Assess needs")
    for _, title, domain, severity in needs:
        row, box = _need_row(assess, title)
        expect(box).to_be_checked()
        expect(row.locator("select")).to_have_value(severity)
    for i, (_, title, _, severity) in enumerate(needs, start=1):
        expect(assess.locator(".widget-select select option").nth(i - 1)).to_have_text(f"{i}. {title} ({severity})")
    refer = cell_with(page, "Refer to community resources")
    expect(refer).to_contain_text(f"{name} for {lib.needs[ref_need].title}")
    role_choice = cell_with(page, "Coordinate and delegate").locator(".widget-hbox").filter(has_text=task_text).locator("select")
    expect(role_choice).to_have_value(re.compile(rf"^{re.escape(role_title)}\s*$"))  # the widget's option values are its labels

    # Check my plan: a table per criterion with a total, and the chart.
    check = cell_with(page, "Check my plan")
    check.get_by_role("button", name="Check my plan").click()
    expect(check).to_contain_text("Checked")
    table = check.locator("table")
    expect(table).to_be_visible()
    expect(table.locator("th").first).to_have_text("criterion")
    total = table.locator("tr").filter(has_text=re.compile(r"^\s*Total"))
    expect(total).to_have_count(1)
    earned = float(total.locator("td").nth(1).inner_text())
    assert earned > 0, "needs and a referral the key expects earned no points"
    expect(check.locator("img")).to_be_visible()  # the chart
    check.scroll_into_view_if_needed()
    shot("4-check-my-plan", check)
    shot("5-page")
