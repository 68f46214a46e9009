"""The supervisor dashboard: the same actions as the library, with messages shown in the widget."""

from __future__ import annotations

import base64

import re
import shutil
from datetime import date, timedelta

import ipywidgets as W
import pytest

from casekit.hours.charts import charted, progress_figure
from casekit.hours.dashboard import NO_SETTING, TAB_TITLES, SupervisorDashboard, open_for_notebook
from casekit.hours.demo import LEARNERS, SUPERVISORS, build_demo_log
from casekit.hours.logbook import list_entries
from casekit.hours.models import SETTINGS
from casekit.hours.people import add_person


@pytest.fixture
def demo(tmp_path):
    store = build_demo_log(tmp_path / "demo.sqlite")
    yield store
    store.close()


@pytest.fixture
def notebook_folder(tmp_path, monkeypatch):
    """The folder a notebook's kernel runs in (its own folder), with nothing in it yet."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def _rows(d: SupervisorDashboard) -> list[W.VBox]:
    """The progress rows: one per charted credential (its title, its bar, its route's figures)."""
    return [w for w in d.bars.children if isinstance(w, W.VBox)]


def _widgets(w: W.Widget):
    """``w`` and every widget inside it (tabs included)."""
    yield w
    for child in getattr(w, "children", ()):
        yield from _widgets(child)


def test_dashboard_opens_on_a_supervisee_with_pending_entries_and_bars(demo):
    """Does the dashboard list the supervisee's pending entries, one bar per charted credential and the chart?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner B")
    pending = list_entries(demo, learner="Demo Learner B", supervisor="Demo Supervisor Q", status="pending")
    assert sorted(v for _, v in d.pending.options) == sorted(pending["entry_id"])
    bars = [row.children[1] for row in _rows(d)]
    assert [b.description for b in bars] == ["CCM", "ACM-RN", "CMC"]
    assert all(0 <= b.value <= 1 for b in bars)
    # An <img> with alt text now (ipywidgets' Image has none): the PNG is in its data URL.
    assert 'alt="Chart of Demo Learner B' in d.chart.value
    assert base64.b64decode(d.chart.value.split("base64,", 1)[1].split('"', 1)[0]).startswith(b"\x89PNG")
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
    ("hours", 0, "hours: 0.0 is zero"),
    ("hours", 30, "more than 24 hours"),
    ("note", "MRN 4471203", "medical record number"),
    ("day", date.today() + timedelta(days=2), "in the future"),
    ("setting", NO_SETTING, "Setting: choose where the hours were worked"),
])
def test_refused_entries_show_the_message_in_the_dashboard(demo, capsys, field, value, fragment):
    """Is a bad entry refused with its message shown in the dashboard, and nothing stored?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner A")
    count = len(list_entries(demo))
    getattr(d, field).value = value
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
    texts = [row.children[0].value for row in _rows(d)]
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


def test_report_goes_into_a_reports_folder_beside_the_notebook_with_a_link(demo, notebook_folder, capsys):
    """Is the report written where the JupyterLab file browser shows it (reports/ beside the notebook),
    and is it announced with a link relative to the notebook, not hidden beside a temporary demo log?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner B")
    path = d.write_report()
    assert path == notebook_folder / "reports" / "hours-report-demo-learner-b.html" and path.is_file()
    assert path.parent != demo.path.parent
    assert "Report written: reports/hours-report-demo-learner-b.html" in capsys.readouterr().out
    assert '<a href="reports/hours-report-demo-learner-b.html"' in d.last_report._repr_html_()
    assert "Demo Learner B" in d.progress_text()
    page = path.read_text(encoding="utf-8")
    assert "Certified Case Manager (CCM)" in page  # the report names credentials too


def test_the_write_report_button_shows_the_link_in_the_dashboard(demo, notebook_folder, capsys):
    """Does the Progress tab's button write the report and say where, in the dashboard's message line?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner C")
    d.report_button.click()
    assert "Report written: reports/hours-report-demo-learner-c.html" in capsys.readouterr().out
    assert (notebook_folder / "reports" / "hours-report-demo-learner-c.html").is_file()


def test_a_report_outside_the_notebook_folder_shows_its_full_path(demo, notebook_folder, tmp_path, capsys):
    """Is a report written elsewhere shown by its full path, with no link that would lead nowhere?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner A")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    path = d.write_report(elsewhere / "a.html")
    assert str(path.resolve()) in capsys.readouterr().out
    assert "<a " not in d.last_report._repr_html_()


def test_setting_starts_at_the_supervisees_latest_setting_or_asks_for_one(demo, capsys):
    """Does "Setting" start at the supervisee's latest entry's setting, and with no entries show a
    placeholder that refuses to log until a setting is chosen?"""
    add_person(demo, "Demo Learner New", "learner", degree_level="bachelor", degree_field="social_work",
               degree_date="2020-06-01")
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner C")
    latest = list_entries(demo, learner="Demo Learner C", limit=1)["setting"].iloc[0]
    assert d.setting.value == latest and d.setting.value in SETTINGS
    assert "latest entry" in d.setting_note.value
    d.select("Demo Learner New")
    assert d.setting.value == NO_SETTING
    assert d.setting.label == "(choose a setting)"
    d.day.value = date.today() - timedelta(days=1)
    d.add_button.click()
    assert "Not done: Setting: choose where the hours were worked" in capsys.readouterr().out
    assert list_entries(demo, learner="Demo Learner New").empty
    d.setting.value = "school"
    d.add_button.click()
    assert "Logged 1 h" in capsys.readouterr().out


def test_progress_rows_name_each_credential_and_route_in_words(demo):
    """Does each progress row show the credential's name and its route's label, keeping ids out of the text?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner B")
    shown, _ = charted(d.progress)
    assert len(_rows(d)) == len(shown)
    for row, c in zip(_rows(d), shown):
        title, detail = row.children[0].value, row.children[2].value
        assert c.name in title and c.body in title
        assert c.best.route.label.replace("'", "&#x27;") in detail
        assert not re.search(rf"route {re.escape(c.best.route.id)}\b", title + detail)


def test_pending_entries_show_setting_words_not_codes(demo):
    """Do the pending entries name their setting in words (no stored code such as disability_management)?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner C")
    labels = [label for label, _ in d.pending.options]
    assert labels and any("disability or absence management" in label for label in labels)
    assert not any(code in label for label in labels for code in SETTINGS)


def test_chart_panels_are_titled_with_credential_and_route_words(demo):
    """Does each chart panel carry the credential's name and the route's label rather than a route id?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner B")
    fig = progress_figure(d.progress)
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_title(loc="left")]
    shown, _ = charted(d.progress)
    for title, c in zip(titles, shown):
        flat = " ".join(title.split())
        assert c.name in flat and c.best.route.label in flat
        assert f"route {c.best.route.id}" not in flat


def test_progress_bars_stretch_with_the_dashboard_and_line_up(demo):
    """Are the bars as wide as the dashboard (not ipywidgets' fixed 300px) with one label width for all?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner B")
    bars = [row.children[1] for row in _rows(d)]
    assert bars and all(b.layout.width == "100%" for b in bars)
    assert len({b.style.description_width for b in bars}) == 1
    width = float(bars[0].style.description_width.removesuffix("em"))
    assert all(width >= 0.65 * len(b.description) for b in bars)


def test_no_label_or_button_is_cut_short(demo):
    """Is every label wider than ipywidgets' default (which cuts words at about 80px), and every button as wide as its words?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner B")
    labelled = [w for w in _widgets(d.widget)
                if getattr(w, "description", "") and not isinstance(w, (W.Button, W.Checkbox))]
    assert {w.description for w in labelled} >= {"You are", "Supervisee", "Full-time h/week", "Finish by", "Date",
                                                  "Hours", "Category", "Setting", "Note", "Pending", "Key file",
                                                  "Passphrase"}
    for w in labelled:
        width = w.style.description_width
        assert width == "initial" or (width.endswith("em") and float(width[:-2]) >= 0.55 * len(w.description)), \
            f"{w.description!r} has a label {width or 'of the default width'}"
    buttons = [w for w in _widgets(d.widget) if isinstance(w, W.Button)]
    # The People tab and the key maker added buttons: every one of them must still fit its words.
    assert {b.description for b in buttons} >= {"Log hours", "Approve selected", "Approve all shown", "Write report",
                                                "Add person", "Make my key"}
    assert all(b.layout.width == "auto" and b.layout.flex == "0 0 auto" for b in buttons)


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


def test_an_entry_edited_in_the_file_is_not_counted_and_the_dashboard_says_so(demo):
    """An approved entry changed with a database tool fails verification: does the dashboard leave it
    out of the hours shown and say how to see why?"""
    from .helpers import edit_outside_casekit

    learner = "Demo Learner B"
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner=learner)
    assert "fails verification" not in d.summary.value and "fail verification" not in d.summary.value
    before = d.progress.total_hours
    entry = list_entries(demo, learner=learner, status="approved").iloc[0]
    edit_outside_casekit(demo, f"UPDATE hours_entries SET minutes = minutes + 600 WHERE entry_id = '{entry.entry_id}'")
    d.refresh()
    assert "1 entry fails verification and is not counted" in d.summary.value
    assert d.progress.total_hours == pytest.approx(before - entry.hours)


def test_a_new_supervisor_starts_an_empty_log_in_the_dashboard_alone(tmp_path, notebook_folder, capsys):
    """On a new, empty log: does every action say what to do first (no traceback), and can the supervisor add
    themself and a learner, make a key (written where keygen writes it for this log), log, approve and write
    the report, all from the dashboard?"""
    from casekit.hours.keys import default_key_path
    from casekit.hours.store import open_store

    store = open_store(tmp_path / "new.sqlite")
    d = SupervisorDashboard(store)
    assert "This log has no supervisor (you) and no learner yet" in d.summary.value
    assert d.write_report() is None and "Not done: Supervisee: there is no learner" in capsys.readouterr().out
    assert "People tab" in d.progress_text() and "People tab" in d.verify_text()
    d.add_button.click()
    assert "Not done: Supervisee: there is no learner" in capsys.readouterr().out
    d.key_maker.button.click()
    assert "Not done: You are: add yourself as a supervisor" in capsys.readouterr().out

    d.people.name.value, d.people.role.value, d.people.credentials.value = "Demo Supervisor N", "supervisor", "ccm, lcsw"
    d.people.add_button.click()
    d.people.name.value, d.people.role.value = "Demo Learner N", "learner"
    d.people.degree.value, d.people.degree_field.value = "bachelor", "social_work"
    d.people.degree_date.value = date(2020, 6, 1)
    d.people.add_button.click()
    assert "Added supervisor Demo Supervisor N (CCM, LCSW)." in capsys.readouterr().out
    assert (d.supervisor.value, d.learner.value) == ("Demo Supervisor N", "Demo Learner N")
    assert "Demo Learner N" in d.people.listing.value and "2020-06-01" in d.people.listing.value
    d.people.name.value = "Demo Learner N"
    d.people.add_button.click()
    assert "Not done: name: 'Demo Learner N' is already in the log" in capsys.readouterr().out

    d.key_maker.button.click()
    key = default_key_path("Demo Supervisor N", store)
    assert key == tmp_path / "new-keys" / "demo-supervisor-n.pem" and key.is_file()
    assert d.key_file.value == str(key) and f"private key {key}" in capsys.readouterr().out
    d.setting.value, d.hours.value = "social_services", 6.0
    d.add_button.click()
    d.pending.value = tuple(v for _, v in d.pending.options)
    d.approve_button.click()
    assert "Approved 1 entry as Demo Supervisor N." in capsys.readouterr().out
    path = d.write_report()
    assert path == notebook_folder / "reports" / "hours-report-demo-learner-n.html" and path.is_file()
    assert "FAIL" not in d.verify_text() and "1 approval verifies" in d.verify_text()

    # A licence earned since, and a degree date put right, from the People tab; the log still verifies.
    d.people.update_button.click()
    assert "Not done:" in capsys.readouterr().out
    d.people.who.value = "Demo Learner N"
    d.people.earned.value = "LBSW"
    d.people.right_degree_date.value = date(2020, 5, 15)
    d.people.update_button.click()
    assert "Updated Demo Learner N: bachelor's degree in social work, 2020-05-15; credentials LBSW." in capsys.readouterr().out
    assert "LBSW" in d.people.listing.value and "2020-05-15" in d.people.listing.value
    assert "FAIL" not in d.verify_text()
    store.close()


def test_why_and_plan_tabs_explain_entries_and_move_dates_with_the_slider(demo):
    """Does the Why tab explain the chosen entry on every route (as `casekit hours why`), and does moving the Plan
    tab's weekly-hours slider bring the planned dates forward?"""
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner B")
    assert d.why.entry.options and d.why.entry.value == d.why.entry.options[0][1]
    text = d.why_text()
    assert text.splitlines()[0].endswith(d.why.entry.value)
    assert "CCM route a:" in text and "ACM-RN route experience:" in text
    assert "<table>" in d.why.answer.value and "ACM-RN" in d.why.answer.value
    d.tabs.selected_index = TAB_TITLES.index("Plan")
    assert "planning 20 h a week (part-time" in d.plan_text()
    # B's routes still to meet count full-time months (the hours routes B's work counts on are met): 20 h a week
    # moves none of them, so compare two full-time weeks.
    d.planner.weekly.value = 36
    slow = {(r.credential, r.route_id): r.planned for r in d.planner.last.routes}
    d.planner.weekly.value = 45
    fast = {(r.credential, r.route_id): r.planned for r in d.planner.last.routes}
    moved = [k for k in slow if slow[k] and fast[k] and fast[k] < slow[k]]
    assert moved and all(fast[k] <= slow[k] for k in slow if slow[k] and fast[k])
    assert "planning 45 h a week (full-time" in d.planner.answer.value
    assert "like the recent entries" in d.planner.answer.value
    # the tab and `casekit hours plan` agree
    from casekit.hours.planner import plan_for

    cli_plan = plan_for(demo, "Demo Learner B", weekly_hours=45, as_of=d.progress.options.as_of)
    assert [(r.route_id, r.planned, r.route_open) for r in cli_plan.routes] == \
           [(r.route_id, r.planned, r.route_open) for r in d.planner.last.routes]


def test_the_sign_off_list_marks_a_correction_as_a_correction(demo):
    """Does a pending correction show as "CORRECTION of <entry>" in the sign-off list, and a plain entry not?"""
    from casekit.hours.corrections import correct_entry

    pending = list_entries(demo, learner="Demo Learner B", supervisor="Demo Supervisor Q", status="pending")
    original = pending["entry_id"].iloc[0]
    fixed = correct_entry(demo, original, hours=1.5, note="hours fixed")
    d = SupervisorDashboard(demo, supervisor="Demo Supervisor Q", learner="Demo Learner B")
    labels = dict((v, k) for k, v in d.pending.options)
    assert labels[fixed].startswith(f"CORRECTION of {original}: "), labels[fixed]
    assert original not in labels, "the corrected entry is replaced by its correction"
    assert not any(k.startswith("CORRECTION") for v, k in ((v, k) for k, v in d.pending.options) if v != fixed)


def test_the_dashboard_signs_a_monthly_summary_and_writes_a_packet_that_verifies(tmp_path, notebook_folder, capsys):
    """From an empty log, dashboard only: does a supervisor sign the month's summary and write the packet
    (HTML and PDF, in the reports folder, paths shown) that `casekit hours verify --file` checks?"""
    from click.testing import CliRunner

    from casekit.cli.hours import hours
    from casekit.hours.store import open_store

    store = open_store(tmp_path / "new.sqlite")
    today = date(2026, 11, 20)
    d = SupervisorDashboard(store, today=today)
    d.apply.sign_button.click()
    assert "Not done: Supervisee: there is no learner" in capsys.readouterr().out
    d.people.add("Demo Supervisor M", "supervisor", credentials=["CCM", "LCSW"])
    d.people.add("Demo Learner M", "learner", degree_level="bachelor", degree_field="nursing",
                 degree_date=date(2018, 5, 1), credentials=["RN"])
    d.key_maker.button.click()
    for day, category, h in ((date(2026, 11, 2), "care_coordination", 7.0), (date(2026, 11, 3), "supervision_individual", 1.0),
                             (date(2026, 11, 4), "supervision_group", 2.0)):
        d.day.value, d.category.value, d.setting.value, d.hours.value = day, category, "health_care", h
        d.add_button.click()
    d.apply.sign_button.click()
    assert "Not done: month 2026-11: Demo Learner M has no approved entry" in capsys.readouterr().out
    d.approve_all_button.click()
    d.apply.month.value = "2026-11"
    d.apply.sign_button.click()
    out = capsys.readouterr().out
    assert "Signed Demo Learner M's summary for 2026-11 as Demo Supervisor M: 10.00 h, supervision 3.00 h (30%), " \
           "2 contact(s)" in out
    assert "2026-11" in d.apply.summaries.value
    assert "CCM" in [v for _, v in d.apply.credential.options]
    d.apply.credential.value = "CCM"
    d.apply.packet_button.click()
    html_path, pdf_path = d.apply.last_packet
    assert html_path == notebook_folder / "reports" / "packet-demo-learner-m-ccm.html"
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert "reports/packet-demo-learner-m-ccm.html" in d.apply.written.value
    assert "Monthly supervision summaries (signed)" in html_path.read_text(encoding="utf-8")
    for f in (html_path, pdf_path):
        checked = CliRunner().invoke(hours, ["verify", "--file", str(f)])
        assert checked.exit_code == 3 and "FAIL" not in checked.output, checked.output  # 3: no --trust given
    store.close()
