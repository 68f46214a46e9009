"""The supervisor dashboard: the same actions as the library, with messages shown in the widget."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import ipywidgets as W
import pytest

from casekit.hours.dashboard import SupervisorDashboard, open_for_notebook
from casekit.hours.demo import LEARNERS, SUPERVISORS, build_demo_log
from casekit.hours.logbook import list_entries


@pytest.fixture
def demo(tmp_path):
    store = build_demo_log(tmp_path / "demo.sqlite")
    yield store
    store.close()


def test_dashboard_opens_on_a_supervisee_with_pending_entries_and_bars(demo):
    """Does the dashboard list the supervisee's pending entries, one bar per charted credential and the chart?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner B")
    pending = list_entries(demo, learner="Demo Learner B", supervisor="Demo Supervisor Q", status="pending")
    assert sorted(v for _, v in d.pending.options) == sorted(pending["entry_id"])
    bars = [w.children[0] for w in d.bars.children if isinstance(w, W.HBox)]
    assert [b.description for b in bars] == ["CCM", "ACM-RN", "CMC"]
    assert all(0 <= b.value <= 1 for b in bars)
    assert bytes(d.chart.value).startswith(b"\x89PNG")
    assert "35 h/week" in d.full_time_note.value


def test_logging_hours_from_the_form_adds_a_pending_entry(demo, capsys):
    """Does the Log hours button store a pending entry supervised by the dashboard's supervisor?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner C")
    before = len(d.pending.options)
    d.day.value = date.today() - timedelta(days=1)
    d.hours.value, d.category.value, d.setting.value, d.note.value = 1.5, "documentation", "disability_management", "case notes"
    d.add_button.click()
    assert "Logged 1.5 h" in capsys.readouterr().out
    assert len(d.pending.options) == before + 1
    newest = list_entries(demo, learner="Demo Learner C", status="pending", limit=50)
    assert ((newest["note"] == "case notes") & (newest["supervisor"] == "Demo Supervisor Q")).any()


@pytest.mark.parametrize("field,value,fragment", [
    ("hours", 0, "hours: is zero"),
    ("hours", 30, "more than 24 hours"),
    ("note", "MRN 4471203", "medical record number"),
    ("day", date.today() + timedelta(days=2), "in the future"),
])
def test_refused_entries_show_the_message_in_the_dashboard(demo, capsys, field, value, fragment):
    """Is a bad entry refused with its message shown in the dashboard, and nothing stored?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner A")
    count = len(list_entries(demo))
    setattr(getattr(d, field), "value", value)
    d.add_button.click()
    out = capsys.readouterr().out
    assert out.startswith("Not done: ") and fragment in out
    assert len(list_entries(demo)) == count


def test_approving_selected_entries_moves_them_to_progress(demo, capsys):
    """Does approving pending entries remove them from the list and add their hours to the approved total?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner A")
    pending_before = d.progress.pending_hours
    chosen = [v for _, v in d.pending.options[:3]]
    d.pending.value = tuple(chosen)
    d.approve_button.click()
    assert "Approved 3 entries" in capsys.readouterr().out
    assert not set(chosen) & {v for _, v in d.pending.options}
    assert d.progress.pending_hours < pending_before
    d.approve_all_button.click()
    assert d.pending.options == () and d.progress.pending_hours == 0


def test_a_target_date_shows_the_weekly_hours_needed(demo):
    """Does picking a finish-by date add, per credential, the weekly hours that would finish by then?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner C")
    d.target.value = date.today() + timedelta(days=400)
    assert d.progress.options.target == d.target.value
    texts = [w.children[1].value for w in d.bars.children if isinstance(w, W.HBox)]
    assert any("h/week to finish by" in t or "cannot finish by" in t for t in texts)


def test_switching_supervisee_and_full_time_refreshes(demo):
    """Do changing the supervisee and the full-time setting recompute progress?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner A")
    d.select("Demo Learner B")
    assert d.progress.learner.name == "Demo Learner B"
    d.full_time.value = 30
    assert d.progress.options.full_time_hours == 30


def test_notebook_helper_builds_a_demo_log_and_says_so(capsys):
    """Does the notebook helper build a fresh fictional demo log and tell the user it is a demo?"""
    store = open_for_notebook(demo=True)
    assert "DEMO log (fictional people" in capsys.readouterr().out
    names = {n for n in list_entries(store)["learner"]}
    assert names == set(LEARNERS) and SUPERVISORS
    assert store.path.parent.name.startswith("casekit-hours-demo-")
    store.close()
    shutil.rmtree(store.path.parent)


def test_report_from_the_dashboard_goes_beside_the_demo_log(demo):
    """Does the dashboard write the supervisee's report next to the demo log, not into the notebooks folder?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner B")
    path = d.write_report()
    assert path.parent == demo.path.parent and path.name == "hours-report-demo-learner-b.html"
    assert "Demo Learner B" in d.progress_text()


def test_approving_signs_with_the_key_file_prefilled_in_the_demo(demo, capsys):
    """Is the demo key of whoever "You are" filled in, and are a missing or another supervisor's key refused in the widget?"""
    from casekit.hours.demo import demo_key_path

    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner A")
    assert d.key_file.value == str(demo_key_path(demo, "Demo Supervisor Q"))
    d.supervisor.value = "Demo Supervisor R"
    assert d.key_file.value == str(demo_key_path(demo, "Demo Supervisor R"))
    d.supervisor.value = "Demo Supervisor Q"
    chosen = [v for _, v in d.pending.options[:1]]
    d.pending.value = tuple(chosen)
    d.key_file.value = ""
    d.approve_button.click()
    assert "Not done: Key file: give your private key file" in capsys.readouterr().out
    d.key_file.value = str(demo_key_path(demo, "Demo Supervisor R"))
    d.approve_button.click()
    assert "Not done: the key SHA256:" in capsys.readouterr().out
    assert chosen[0] in {v for _, v in d.pending.options}  # nothing was approved
    d.key_file.value = str(demo_key_path(demo, "Demo Supervisor Q"))
    d.approve_button.click()
    assert "Approved 1 entry as Demo Supervisor Q. Signed with key SHA256:" in capsys.readouterr().out
    text = d.verify_text()
    assert "Demo Learner A:" in text and "approvals verify" in text and "FAIL" not in text
