"""A supervisor in JupyterLab: log a supervisee's hours, sign them off, watch the progress bars move."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.e2e
pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed: run `make e2e`")

from playwright.sync_api import expect  # noqa: E402 (after the skip)

from labdriver import assert_widgets_render, code_cell_count, open_notebook, run_all, wait_kernel_idle  # noqa: E402

DASHBOARD = "workspace/20_hours_dashboard.ipynb"  # the supervisor's copy, where `make lab` opens
NOTE = "home visits and two case conferences"


BARS_JS = """el => [...el.querySelectorAll('.widget-hprogress')].map(b =>
    [b.querySelector('.widget-label').textContent.trim(), parseFloat(b.querySelector('.progress-bar').style.width)])"""


def _bars(board) -> dict[str, float]:
    """Each credential's progress bar: its label and how full it is drawn (percent of its width)."""
    return dict(board.evaluate(BARS_JS))


def _bars_after_change(board, old: dict[str, float]) -> dict[str, float]:
    """Wait until the bars differ from ``old`` (the kernel redraws them after its message), then read them."""
    board.page.wait_for_function(
        f"([el, old]) => {{ const now = Object.fromEntries(({BARS_JS})(el)); "
        "return JSON.stringify(now) !== JSON.stringify(old); }",
        arg=[board.element_handle(), old],
    )
    return _bars(board)


def _tab(board, title):
    board.locator(".lm-TabBar-tab").filter(has_text=re.compile(f"^{re.escape(title)}$")).click()


def _pending_hours(board) -> float:
    text = board.locator(".widget-html-content").filter(has_text=" h pending").first.inner_text()
    return float(re.search(r"([\d,.]+) h pending", text).group(1).replace(",", ""))


def test_supervisor_logs_and_signs_off_hours_and_sees_progress_move(kit, lab, page, shot):
    assert (kit / DASHBOARD).is_file(), f"{DASHBOARD} is missing"
    open_notebook(page, lab, DASHBOARD)
    run_all(page, code_cell_count(kit / DASHBOARD))
    assert_widgets_render(page)
    board = page.locator(".jp-CodeCell").filter(has_text="SupervisorDashboard(").locator(".jp-OutputArea-output").first
    expect(board.locator(".lm-TabBar-tab")).to_have_text(["Progress", "Log hours", "Sign off", "People", "Why", "Plan"])

    # Pick the supervisee: the last in the list (in the demo log, the one with the fewest hours).
    supervisor = board.get_by_label("You are", exact=True).input_value()
    supervisee_list = board.get_by_label("Supervisee", exact=True)
    learner = supervisee_list.locator("option").last.get_attribute("value")
    first = _bars(board)
    supervisee_list.select_option(value=learner)
    expect(board).to_contain_text(f"{learner}:")
    before, pending_before = _bars_after_change(board, first), _pending_hours(board)
    assert before, "no credential progress bar for the supervisee"
    wait_kernel_idle(page)  # the chart is drawn last
    shot("1-progress-before", board)

    # Log hours: a day of direct client work, pending until signed off.
    _tab(board, "Log hours")
    board.get_by_label("Hours", exact=True).fill("8")
    board.get_by_label("Hours", exact=True).press("Tab")
    board.get_by_label("Category", exact=True).select_option(label="direct client work")
    board.get_by_label("Note", exact=True).fill(NOTE)
    board.get_by_label("Note", exact=True).press("Tab")
    board.get_by_role("button", name="Log hours").click()
    expect(board).to_contain_text(re.compile(rf"Logged 8 h on \d{{4}}-\d\d-\d\d for {re.escape(learner)} \(pending"))
    shot("2-logged", board)

    # Sign off: the new entry is waiting; approve it.
    _tab(board, "Sign off")
    pending = board.get_by_label("Pending", exact=True)
    entry = pending.locator("option").filter(has_text=NOTE)
    expect(entry).to_have_count(1)
    pending.select_option(value=entry.get_attribute("value"))
    board.get_by_role("button", name="Approve selected").click()
    expect(board).to_contain_text(f"Approved 1 entry as {supervisor}.")
    expect(entry).to_have_count(0)

    # Progress: the bars have moved, and nothing is counted twice.
    _tab(board, "Progress")
    after = _bars_after_change(board, before)
    assert set(after) >= set(before)
    assert all(after[k] >= before[k] for k in before), f"a bar went back: {before} -> {after}"
    assert any(after[k] > before.get(k, 0) for k in after), f"no bar moved after approving 8 h: {before} -> {after}"
    assert _pending_hours(board) == pytest.approx(pending_before)

    # The rest of the week's entries, all at once: the bars move on.
    _tab(board, "Sign off")
    board.get_by_role("button", name="Approve all shown").click()
    expect(board).to_contain_text(re.compile(rf"Approved \d+ entr(y|ies) as {re.escape(supervisor)}\."))
    expect(pending.locator("option")).to_have_count(0)
    _tab(board, "Progress")
    expect(board.locator(".widget-html-content").filter(has_text=" h pending").first).to_contain_text("0.0 h pending")
    final = _bars_after_change(board, after)
    assert any(final[k] > after[k] for k in after), f"approving the pending entries moved no bar: {after} -> {final}"
    wait_kernel_idle(page)
    # One horizontal scrollbar at most (the notebook's own): nothing inside the dashboard scrolls sideways.
    sideways = board.evaluate("""o => [...o.querySelectorAll('*')].filter(e => {
        const s = getComputedStyle(e);
        return (s.overflowX === 'auto' || s.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1;
    }).map(e => e.className.slice(0, 60) + ': ' + e.scrollWidth + ' > ' + e.clientWidth + ' px')""")
    assert not sideways, f"the Progress tab scrolls sideways in: {sideways}"
    shot("3-progress-after", board)
