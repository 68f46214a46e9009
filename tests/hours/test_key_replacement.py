"""A supervisor's key replaced after it signed, and a report whose shown figures were edited: both are said plainly."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from casekit.cli.hours import hours as hours_cli
from casekit.hours.approval import approve_entries
from casekit.hours.keys import keygen, load_signing_key
from casekit.hours.learner import verified_learner_progress
from casekit.hours.logbook import add_entry
from casekit.hours.report import write_report
from casekit.hours.verify import verify_store

from .helpers import key_for

A, Q = "Demo Learner A", "Demo Supervisor Q"


def _entry(store, day):
    return add_entry(store, learner=A, date=day, hours=4, category="care_coordination", setting="social_services",
                     supervisor=Q)


@pytest.fixture
def replaced(store, people, tmp_path):
    """Q signs one entry; then someone runs keygen --replace for Q and approves a second entry with the new key."""
    approve_entries(store, Q, key=key_for(store, Q), entry_ids=[_entry(store, "2024-03-04")])
    _rec, priv, _pub = keygen(store, Q, tmp_path / "intruder.pem", replace=True)
    approve_entries(store, Q, key=load_signing_key(priv), entry_ids=[_entry(store, "2024-03-05")])
    return priv


def test_a_replaced_key_shows_in_verify_progress_and_report_until_trusted(store, replaced, tmp_path):
    """After keygen --replace, do verify, progress and the report say the new key's approvals rest on the
    replacement alone, and does --trust with the new key (from the supervisor) confirm it and clear the note?"""
    (result,) = verify_store(store, A)
    assert result.ok and len(result.key_notes) == 1
    note = result.key_notes[0]
    assert note.startswith(f"{Q}'s key was replaced on ") and "after the old key had signed 1 of these entries" in note
    assert "1 approval(s) (4.00 h) signed with the new key rest on that replacement alone" in note
    runner = CliRunner()
    out = runner.invoke(hours_cli, ["verify", A, "--db", str(store.path)]).output
    assert f"note: {Q}'s key was replaced" in out and "see the note on a replaced supervisor key above" in out
    progress = runner.invoke(hours_cli, ["progress", A, "--db", str(store.path)]).output
    assert f"note: {Q}'s key was replaced" in progress
    report = write_report(store, A, tmp_path / "a.html").read_text()
    assert "<b>Key replaced:</b>" in report
    both = [str(key_for(store, Q).path.with_suffix(".pub")), str(replaced.with_suffix(".pub"))]
    (confirmed,) = verify_store(store, A, trusted={load_signing_key(p).fingerprint for p in (key_for(store, Q).path, replaced)})
    assert confirmed.ok and confirmed.key_notes == []
    trusted = runner.invoke(hours_cli, ["verify", A, "--db", str(store.path), "--trust", both[0], "--trust", both[1]])
    assert trusted.exit_code == 0 and "replaced" not in trusted.output


def test_a_report_whose_shown_figures_were_edited_says_they_differ(store, people, tmp_path):
    """Does `verify --file REPORT.html` say the shown figures match the recomputed ones, and, after the page's
    C-SWCM figure is edited, name it with both values and exit 1?"""
    approve_entries(store, Q, key=key_for(store, Q), entry_ids=[_entry(store, "2024-03-04")])
    path = write_report(store, A, tmp_path / "a.html")
    runner = CliRunner()
    ok = runner.invoke(hours_cli, ["verify", "--file", str(path)])
    assert ok.exit_code == 3 and "Figures shown in the report: they match the ones recomputed above" in ok.output
    lp, _v, _l = verified_learner_progress(store, A)
    shown = f"{lp.credential('C-SWCM').best.counted_hours:,.2f}"
    text = path.read_text()
    cell = f"data-casekit-credential='C-SWCM'>{shown}</td>"
    assert cell in text
    path.write_text(text.replace(cell, "data-casekit-credential='C-SWCM'>960.00</td>"))
    bad = runner.invoke(hours_cli, ["verify", "--file", str(path)])
    assert bad.exit_code == 1
    assert f"C-SWCM: the report shows 960.00 h, recomputed {shown} h" in bad.output
    assert "FAILED: the figures this report shows are not the ones its signed log gives" in bad.output
