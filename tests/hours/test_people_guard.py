"""People's records (degree date, credentials, role) are guarded like entries: any edit fails verify and counts nowhere."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from casekit.cli.hours import hours as hours_cli
from casekit.hours.approval import approve_entries
from casekit.hours.learner import verified_learner_progress
from casekit.hours.logbook import add_entry
from casekit.hours.signedexport import export_signed, progress_from_signed, read_signed_file
from casekit.hours.verify import verify_log, verify_store

from .helpers import degree_split_log, edit_outside_casekit, key_for

A, Q = "Demo Learner A", "Demo Supervisor Q"
AS_OF = date(2024, 6, 3)


@pytest.fixture
def log(store, people):
    """Demo Learner A (degree 2020-06-01): ten weeks of approved work before the degree, ten after."""
    degree_split_log(store, A)
    (result,) = verify_store(store, A)
    assert result.ok, result.to_text()
    return store


def _cswcm_hours(store) -> float:
    lp, _v, _log = verified_learner_progress(store, A, as_of=AS_OF)
    return lp.credential("C-SWCM").best.counted_hours


@pytest.mark.parametrize("sql,whose", [
    ("UPDATE hours_people SET degree_date = '2019-06-01' WHERE name = 'Demo Learner A'", "the learner's"),
    ("UPDATE hours_people SET credentials = '[\"LBSW\", \"LCSW\"]' WHERE name = 'Demo Learner A'", "the learner's"),
    ("UPDATE hours_people SET role = 'both' WHERE name = 'Demo Learner A'", "the learner's"),
    ("UPDATE hours_people SET credentials = '[\"CCM\", \"LCSW\", \"RN\"]' WHERE name = 'Demo Supervisor Q'",
     "supervisor Demo Supervisor Q's"),
])
def test_an_edited_person_record_fails_verify_and_counts_nowhere(log, sql, whose):
    """Does moving the degree date earlier (400 h before the degree would then count), adding a credential or
    changing a role in SQLite fail verification, naming whose record, and leave the entries it decides uncounted?"""
    assert _cswcm_hours(log) == pytest.approx(400)  # only the work after the degree
    edit_outside_casekit(log, sql)
    (result,) = verify_store(log, A)
    assert not result.ok
    failure = next(f for f in result.failures if f.kind == "person")
    assert failure.message.startswith(f"{whose} record (degree, degree date, credentials or role: now ")
    assert "edited outside casekit" in failure.message
    assert _cswcm_hours(log) == 0  # every entry that record decides is withheld
    cli = CliRunner().invoke(hours_cli, ["verify", A, "--db", str(log.path)])
    assert cli.exit_code == 1 and "edited outside casekit" in cli.output


def test_an_edited_degree_date_in_a_signed_export_fails_even_with_trust(log, tmp_path):
    """In an exported file, does an earlier degree date fail `verify --file` (with --trust too), and does the
    file's recomputed progress count none of the learner's hours?"""
    path, _ = export_signed(log, A, tmp_path / "a.json")
    data = json.loads(path.read_text())
    for p in data["people"]:
        if p["name"] == A:
            p["degree_date"] = "2019-06-01"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data))
    signed = read_signed_file(edited)
    result = verify_log(signed)
    assert not result.ok and any(f.kind == "person" for f in result.failures)
    assert progress_from_signed(signed, result).credential("C-SWCM").best.counted_hours == 0
    pub = str(key_for(log, Q).path.with_suffix(".pub"))
    cli = CliRunner().invoke(hours_cli, ["verify", "--file", str(edited), "--trust", pub])
    assert cli.exit_code == 1 and "the learner's record" in cli.output
    untouched = CliRunner().invoke(hours_cli, ["verify", "--file", str(path), "--trust", pub])
    assert untouched.exit_code == 0, untouched.output


def test_a_supervisor_record_is_recorded_before_the_approval_it_decides(store, people):
    """Is a supervisor's record written into the learner's chain before the approval, so the signature covers it,
    and not written again when it has not changed?"""
    from casekit.hours.personrecords import person_subject
    from casekit.hours.signedlog import load_signed_log

    a = add_entry(store, learner=A, date="2024-03-04", hours=2, category="documentation", setting="school", supervisor=Q)
    b = add_entry(store, learner=A, date="2024-03-05", hours=2, category="documentation", setting="school", supervisor=Q)
    approve_entries(store, Q, key=key_for(store, Q), entry_ids=[a])
    approve_entries(store, Q, key=key_for(store, Q), entry_ids=[b])
    chain = load_signed_log(store, A).audit
    persons = [r for r in chain if r.action == "person"]
    assert [r.subject for r in persons] == [person_subject(A), person_subject(Q)]
    first_approval = next(r for r in chain if r.action == "approve")
    assert first_approval.prev_hash == persons[-1].hash
