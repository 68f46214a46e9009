"""A new supervisor in JupyterLab, from an empty log to a signed, verified application packet, dashboard only.

The notebook is switched from its demo log to a new log of the supervisor's own (the first
cell, as its text says); everything after that is done with the dashboard's controls: add
themself and a learner, make a signing key, log hours, sign them off, sign the month's
supervision summary and write the packet. The packet is then checked as a board would,
with `casekit hours verify --file`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed: run `make e2e`")

from playwright.sync_api import expect  # noqa: E402 (after the skip)

from labdriver import assert_widgets_render, code_cell_count, open_notebook, run_all  # noqa: E402

DASHBOARD = "workspace/20_hours_dashboard.ipynb"
SUPERVISOR, LEARNER = "Demo Supervisor Nova", "Demo Learner Nico"
LOG = "my-hours.sqlite"  # the supervisor's own log, beside the notebook
SETTING = "health care delivery (hospital, clinic, nursing home, hospice, home health)"


def _tab(board, title):
    board.locator(".lm-TabBar-tab").filter(has_text=re.compile(f"^{re.escape(title)}$")).click()


def _field(board, label):
    """The visible control with this label (hidden tabs hold controls with the same labels)."""
    return board.get_by_label(label, exact=True).filter(visible=True)


def _use_own_log(page) -> None:
    """Set the first code cell to DEMO = False and the new log's file name, as the notebook tells the user to."""
    editor = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").first.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(f'DEMO = False\nDB = "{LOG}"')
    expect(editor).to_contain_text("DEMO = False")


def test_new_supervisor_goes_from_an_empty_log_to_a_verified_packet_in_the_dashboard(new_lab, page, shot):
    kit, lab = new_lab()
    assert (kit / DASHBOARD).is_file(), f"{DASHBOARD} is missing"
    open_notebook(page, lab, DASHBOARD)
    _use_own_log(page)
    run_all(page, code_cell_count(kit / DASHBOARD))
    assert_widgets_render(page)
    board = page.locator(".jp-CodeCell").filter(has_text="SupervisorDashboard(").locator(".jp-OutputArea-output").first
    expect(board).to_contain_text("This log has no supervisor (you) and no learner yet")
    shot("1-empty-log", board)

    # People: the supervisor (with their credentials) and the learner (with their degree).
    _tab(board, "People")
    _field(board, "Name").fill(SUPERVISOR)
    _field(board, "Role").select_option(label="supervisor (approves hours)")
    _field(board, "Credentials").fill("CCM, LCSW")
    _field(board, "Credentials").press("Tab")
    board.get_by_role("button", name="Add person").click()
    expect(board).to_contain_text(f"Added supervisor {SUPERVISOR} (CCM, LCSW).")
    expect(_field(board, "Name")).to_have_value("")  # the form is cleared for the next person
    _field(board, "Name").fill(LEARNER)
    _field(board, "Role").select_option(label="learner (logs hours)")
    _field(board, "Degree").select_option(label="bachelor")
    _field(board, "Degree field").select_option(label="nursing")
    _field(board, "Degree date").fill("2018-05-01")
    _field(board, "Credentials").fill("RN")
    _field(board, "Credentials").press("Tab")
    board.get_by_role("button", name="Add person").click()
    expect(board).to_contain_text(f"Added learner {LEARNER} (RN).")
    expect(_field(board, "Supervisee")).to_have_value(LEARNER)

    # Sign off: make the supervisor's key, once.
    _tab(board, "Sign off")
    board.get_by_role("button", name="Make my key").click()
    expect(board).to_contain_text(f"Made {SUPERVISOR}'s key")

    # Log hours: a day's care coordination and an hour of individual supervision, today.
    _tab(board, "Log hours")
    for hours, category in (("7", "care coordination"), ("1", "individual supervision received")):
        _field(board, "Hours").fill(hours)
        _field(board, "Hours").press("Tab")
        _field(board, "Category").select_option(label=category)
        _field(board, "Setting").select_option(label=SETTING)
        board.get_by_role("button", name="Log hours").click()
        expect(board).to_contain_text(re.compile(rf"Logged {hours} h on \d{{4}}-\d\d-\d\d for {LEARNER} \(pending"))
    shot("2-logged", board)

    # Sign off: approve both; sign the month's summary.
    _tab(board, "Sign off")
    board.get_by_role("button", name="Approve all shown").click()
    expect(board).to_contain_text(f"Approved 2 entries as {SUPERVISOR}.")
    month = date.today().strftime("%Y-%m")
    expect(_field(board, "Month")).to_have_value(month)
    board.get_by_role("button", name="Sign monthly summary").click()
    expect(board).to_contain_text(f"Signed {LEARNER}'s summary for {month} as {SUPERVISOR}: 8.00 h, "
                                  "supervision 1.00 h (12%), 1 contact(s).")

    # The packet for CCM: HTML and PDF in the reports folder beside the notebook, paths shown.
    _field(board, "Credential").select_option(label="Certified Case Manager (CCM)")
    board.get_by_role("button", name="Write application packet").click()
    expect(board).to_contain_text("Packet written: reports/packet-demo-learner-nico-ccm.html")
    shot("3-packet-written", board)
    packet = kit / "workspace" / "reports" / "packet-demo-learner-nico-ccm.html"
    assert packet.is_file() and packet.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    assert (kit / "workspace" / LOG).is_file(), "the log was not made beside the notebook"

    # A board checks the packet without the log, with the public key the supervisor gives them.
    public_key = kit / "workspace" / "my-hours-keys" / "demo-supervisor-nova.pub"
    assert public_key.is_file(), "the key was not made beside the log"
    for f in (packet, packet.with_suffix(".pdf")):
        checked = subprocess.run([str(Path(sys.executable).parent / "casekit"), "hours", "verify", "--file", str(f),
                                  "--trust", str(public_key)], capture_output=True, text=True, timeout=120)
        assert checked.returncode == 0 and "FAIL" not in checked.stdout, checked.stdout + checked.stderr
        assert "2 approvals verify" in checked.stdout, checked.stdout
        assert "1 signed monthly supervision summary verifies" in checked.stdout, checked.stdout
        assert "NOT CHECKED AGAINST A TRUSTED KEY" not in checked.stdout, checked.stdout
