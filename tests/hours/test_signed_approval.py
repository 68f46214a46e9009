"""Signed approval and the append-only history: who may sign what, and corrections instead of edits."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import select

from casekit.hours.approval import approve_entries, pending_for
from casekit.hours.corrections import correct_entry
from casekit.hours.errors import (
    ApprovalError,
    CorrectionError,
    EntryRejected,
    KeyFileError,
    KeyRegistrationError,
    PassphraseError,
)
from casekit.hours.keys import generate_key, keygen
from casekit.hours.learner import learner_progress
from casekit.hours.logbook import add_entry, list_entries
from casekit.hours.storage.tables import approvals, audit
from casekit.hours.verify import verify_store

from .helpers import edit_outside_casekit, key_for, key_path_for

Q, R = "Demo Supervisor Q", "Demo Supervisor R"


def _log(store, learner="Demo Learner A", day="2024-03-04", supervisor=Q, hours=2.0, category="care_coordination"):
    return add_entry(store, learner=learner, date=day, hours=hours, category=category, setting="health_care",
                     supervisor=supervisor)


def _status(store) -> dict[str, str]:
    frame = list_entries(store)
    return dict(zip(frame["entry_id"], frame["status"]))


def test_approving_signs_each_entry_and_records_it(store, people):
    """Does approval store one signature per entry and one audit record, and leave a log that verifies?"""
    a, b = _log(store), _log(store, day="2024-03-05")
    assert approve_entries(store, Q, key=key_for(store, Q), entry_ids=[a, b]) == [a, b]
    with store.read() as conn:
        sigs = conn.execute(select(approvals.c.entry_id, approvals.c.signature)).all()
        records = conn.execute(select(audit.c.action, audit.c.actor, audit.c.count).where(audit.c.chain == people["A"].person_id)
                               .order_by(audit.c.seq)).all()
    assert {s.entry_id for s in sigs} == {a, b} and all(len(s.signature) == 88 for s in sigs)
    # The chain opens with the learner's person record, and the supervisor's record goes in just before the
    # approval, so the approval's signature covers both (see casekit.hours.personrecords).
    assert [tuple(r) for r in records] == [("person", "casekit hours person add", 0), ("add", "Demo Learner A", 1),
                                           ("add", "Demo Learner A", 1), ("person", Q, 0), ("approve", Q, 2)]
    (result,) = verify_store(store, "Demo Learner A")
    assert result.ok and result.approved_verified == 2


def test_approving_with_another_supervisor_s_key_is_refused(store, people):
    """Is R's key refused for entries naming Q, and for R claiming to be Q, with nothing approved?"""
    mine = _log(store)
    with pytest.raises(ApprovalError, match="names another supervisor; only they can approve it"):
        approve_entries(store, R, key=key_for(store, R), entry_ids=[mine])
    with pytest.raises(ApprovalError, match=f"belongs to {R}, not {Q}"):
        approve_entries(store, Q, key=key_for(store, R), entry_ids=[mine])
    assert approve_entries(store, key=key_for(store, R)) == []  # approve-all finds nothing of Q's for R
    assert _status(store)[mine] == "pending"


def test_a_learner_cannot_approve_their_own_hours(store, people):
    """Is someone who is both learner and supervisor refused their own entries, even with a valid key?"""
    own = _log(store, learner="Demo Both P", supervisor="")
    with pytest.raises(ApprovalError, match="own entry; another supervisor must approve it"):
        approve_entries(store, "Demo Both P", key=key_for(store, "Demo Both P"), entry_ids=[own])
    assert approve_entries(store, "Demo Both P", key=key_for(store, "Demo Both P")) == []
    assert _status(store)[own] == "pending"


def test_an_unregistered_or_retired_key_signs_nothing(store, people, tmp_path):
    """Are a key the log does not know and a retired key both refused, naming the fix?"""
    entry = _log(store)
    with pytest.raises(KeyRegistrationError, match="not registered in this log"):
        approve_entries(store, Q, key=generate_key(), entry_ids=[entry])
    keygen(store, Q, tmp_path / "q-new.pem", replace=True)
    with pytest.raises(KeyRegistrationError, match="was retired"):
        approve_entries(store, Q, key=key_for(store, Q), entry_ids=[entry])
    assert approve_entries(store, Q, key=tmp_path / "q-new.pem", entry_ids=[entry]) == [entry]


def test_a_bad_key_file_or_passphrase_approves_nothing(store, people, tmp_path):
    """Do a truncated key file and a wrong passphrase each stop approval with a clear message, losing nothing?"""
    first = _log(store)
    approve_entries(store, Q, key=key_for(store, Q), entry_ids=[first])
    second = _log(store, day="2024-03-05")
    broken = tmp_path / "broken.pem"
    broken.write_bytes(key_path_for(store, Q).read_bytes()[:40])
    broken.chmod(0o600)
    with pytest.raises(KeyFileError, match="truncated or damaged"):
        approve_entries(store, Q, key=broken, entry_ids=[second])
    keygen(store, R, tmp_path / "r-locked.pem", passphrase="open sesame", replace=True)
    third = _log(store, supervisor=R, day="2024-03-06")
    with pytest.raises(PassphraseError, match="wrong passphrase"):
        approve_entries(store, R, key=tmp_path / "r-locked.pem", passphrase="open says me", entry_ids=[third])
    assert _status(store) == {first: "approved", second: "pending", third: "pending"}
    assert approve_entries(store, R, key=tmp_path / "r-locked.pem", passphrase="open sesame", entry_ids=[third]) == [third]
    (result,) = verify_store(store, "Demo Learner A")
    assert result.ok and result.approved_verified == 2


def test_the_database_refuses_to_change_or_delete_approved_history(store, people):
    """Do the log's triggers refuse edits and deletes of approved entries, signatures and audit records?"""
    entry = _log(store)
    approve_entries(store, Q, key=key_for(store, Q), entry_ids=[entry])
    pending = _log(store, day="2024-03-05")
    db = sqlite3.connect(store.path)
    for sql, fragment in [
        (f"UPDATE hours_entries SET minutes = 600 WHERE entry_id = '{entry}'", "log a correction instead"),
        (f"DELETE FROM hours_entries WHERE entry_id = '{entry}'", "never edited or deleted"),
        (f"UPDATE hours_entries SET minutes = 600 WHERE entry_id = '{pending}'", "never edited or deleted"),
        (f"UPDATE hours_entries SET status = 'approved' WHERE entry_id = '{pending}'", "signed approval"),
        ("UPDATE hours_approvals SET signature = 'x'", "never changed"),
        ("DELETE FROM hours_approvals", "never deleted"),
        ("UPDATE hours_audit SET actor = 'someone'", "append-only"),
        ("DELETE FROM hours_audit", "append-only"),
        ("DELETE FROM hours_keys", "never deleted"),
    ]:
        with pytest.raises(sqlite3.DatabaseError, match=fragment):
            db.execute(sql)
    db.close()
    (result,) = verify_store(store, "Demo Learner A")
    assert result.ok


def test_a_correction_replaces_an_approved_entry_only_once_approved(store, people):
    """Does an approved entry keep counting until its correction is approved, then the correction count instead?"""
    original = _log(store, hours=8)
    approve_entries(store, Q, key=key_for(store, Q), entry_ids=[original])
    fix = correct_entry(store, original, hours=6)
    lp = learner_progress(store, "Demo Learner A", as_of=date(2024, 6, 1))
    assert lp.credential("C-SWCM").routes[0].counted_hours == 8 and (lp.total_hours, lp.pending_hours) == (8, 0)
    assert [(c.entry_id, c.change_hours) for c in lp.pending_corrections] == [(fix, -2)]
    assert list(pending_for(store, Q)["entry_id"]) == [fix]
    approve_entries(store, Q, key=key_for(store, Q), entry_ids=[fix])
    lp = learner_progress(store, "Demo Learner A", as_of=date(2024, 6, 1))
    assert lp.credential("C-SWCM").routes[0].counted_hours == 6 and lp.total_hours == 6
    assert _status(store) == {original: "approved", fix: "approved"}  # the original row is unchanged
    (result,) = verify_store(store, "Demo Learner A")
    assert result.ok and result.approved_minutes_verified == 6 * 60


def test_correcting_a_pending_entry_replaces_it_at_once(store, people):
    """Is a pending entry with a correction off the pending list and impossible to approve?"""
    wrong = _log(store, hours=3)
    fix = correct_entry(store, wrong, date="2024-03-06", note="was logged on the wrong day")
    assert list(pending_for(store, Q)["entry_id"]) == [fix]
    with pytest.raises(ApprovalError, match=f"has a correction \\({fix}\\); approve the correction instead"):
        approve_entries(store, Q, key=key_for(store, Q), entry_ids=[wrong])
    assert approve_entries(store, Q, key=key_for(store, Q)) == [fix]
    assert learner_progress(store, "Demo Learner A", as_of=date(2024, 6, 1)).total_hours == 3


def test_bad_corrections_are_refused(store, people):
    """Are a correction of a missing entry, of an already corrected one, and one that changes nothing refused?"""
    entry = _log(store, hours=3)
    with pytest.raises(CorrectionError, match="no such entry"):
        correct_entry(store, "f" * 32, hours=2)
    with pytest.raises(CorrectionError, match="nothing to correct"):
        correct_entry(store, entry, hours="3")
    fix = correct_entry(store, entry, hours=2)
    with pytest.raises(EntryRejected, match=f"already has a correction \\({fix}\\); correct that one instead"):
        correct_entry(store, entry, hours=1)
    with pytest.raises(EntryRejected, match="hours: 0 is zero"):
        correct_entry(store, fix, hours=0)


def test_a_correction_replaces_its_entry_in_the_day_s_24_hours(store, people):
    """Can a 20-hour day's entry be corrected upward without the old entry counting twice toward 24 h?"""
    big = _log(store, hours=12)
    _log(store, hours=8, category="documentation")
    correct_entry(store, big, hours=15)
    with pytest.raises(EntryRejected, match="no one works more than 24 hours"):
        correct_entry(store, _log(store, hours=1, category="training"), hours=2)


def test_an_entry_changed_behind_casekit_s_back_cannot_be_approved(store, people):
    """Is a pending entry edited directly in the file refused for approval, so no supervisor signs it unknowingly?"""
    entry = _log(store, hours=2)
    edit_outside_casekit(store, f"UPDATE hours_entries SET minutes = 720 WHERE entry_id = '{entry}'")
    with pytest.raises(ApprovalError, match="changed outside casekit after it was logged.*casekit hours correct"):
        approve_entries(store, Q, key=key_for(store, Q), entry_ids=[entry])
    assert _status(store)[entry] == "pending"
