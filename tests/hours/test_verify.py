"""Verification against the attacks a learner who holds the file could try, each edited straight into SQLite.

Every test edits the database with the sqlite3 module (dropping the protective triggers
first, as an attacker would), then checks that `verify` names the entry and the reason,
and that every entry that was valid still verifies and still counts.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from casekit.cli.hours import hours as hours_cli
from casekit.hours import audit
from casekit.hours.approval import _sign_and_record, approve_entries
from casekit.hours.keys import generate_key, register_key
from casekit.hours.logbook import add_entry, list_entries
from casekit.hours.storage.tables import entries
from casekit.hours.people import add_person, get_person
from casekit.hours.report import write_report
from casekit.hours.signedexport import export_signed, verify_file
from casekit.hours.store import open_store
from casekit.hours.verify import verify_store

from .helpers import edit_outside_casekit, five_signed_days, key_for, key_path_for

Q, R, A = "Demo Supervisor Q", "Demo Supervisor R", "Demo Learner A"


@pytest.fixture
def log(store, people):
    """Demo Learner A: three entries approved by Q, one by R, one pending for Q. Returns the ids by name."""
    ids = five_signed_days(store, A, (Q, R))
    (result,) = verify_store(store, A)
    assert result.ok and result.approved_verified == 4
    return ids


def _verify(store):
    (result,) = verify_store(store, A)
    return result


def _failure(result, entry_id):
    found = [f for f in result.failures if f.entry_id == entry_id]
    assert found, result.to_text()
    return found[0]


def test_editing_an_approved_entry_s_hours_in_the_file_is_caught(store, log, tmp_path):
    """Is an approved entry whose hours were raised in SQLite named, with both values, and left out of the report?"""
    edit_outside_casekit(store, f"UPDATE hours_entries SET minutes = 600 WHERE entry_id = '{log['a']}'")
    result = _verify(store)
    failure = _failure(result, log["a"])
    assert failure.kind == "altered"
    assert "altered after approval by Demo Supervisor Q: hours approved 2.00 h, now 10.00 h" in failure.message
    assert len(result.failures) == 1 and result.approved_verified == 3  # nothing valid is lost
    assert result.approved_minutes_verified == (3 + 4 + 5) * 60
    report = write_report(store, A, tmp_path / "a.html").read_text()
    assert "Verification FAILED" in report and log["a"] in report
    assert "Verification failed for 1 entry" in report


def test_deleting_an_approved_row_is_caught(store, log):
    """Is an approved entry deleted from the file (row and signature) named as deleted?"""
    edit_outside_casekit(store, f"DELETE FROM hours_entries WHERE entry_id = '{log['b']}'",
            f"DELETE FROM hours_approvals WHERE entry_id = '{log['b']}'")
    result = _verify(store)
    failure = _failure(result, log["b"])
    assert failure.kind == "deleted" and "its row is gone: deleted outside casekit" in failure.message
    assert "approved at seq" in failure.message
    assert result.approved_verified == 3 and len(result.failures) == 1


def test_copying_a_signature_onto_another_entry_is_caught(store, log):
    """Is a pending entry given another entry's signature (and marked approved) named as carrying a copy?"""
    edit_outside_casekit(store,
            "INSERT INTO hours_approvals (entry_id, learner_id, seq, day, minutes, category, setting, paid, supervisor_id, "
            "supersedes, signature) SELECT e.entry_id, e.learner_id, a.seq, e.day, e.minutes, e.category, e.setting, "
            f"e.paid, e.supervisor_id, e.supersedes, a.signature FROM hours_entries e, hours_approvals a "
            f"WHERE e.entry_id = '{log['p']}' AND a.entry_id = '{log['a']}'",
            f"UPDATE hours_entries SET status = 'approved' WHERE entry_id = '{log['p']}'")
    result = _verify(store)
    failure = _failure(result, log["p"])
    assert failure.kind == "copied" and f"carries the signature of entry {log['a']}" in failure.message
    assert log["a"] not in result.failed_entries and result.approved_verified == 4


def test_an_approval_signed_with_another_supervisor_s_key_is_caught(store, log):
    """If R's key signs an entry that names Q (bypassing casekit's refusal), does verify say only Q may approve it?"""
    with store.write() as conn:
        rows = conn.execute(entries.select().where(entries.c.entry_id == log["p"])).all()
        _sign_and_record(conn, rows, get_person(store, R), key_for(store, R), "2030-01-01T00:00:00+00:00")
    result = _verify(store)
    failure = _failure(result, log["p"])
    assert failure.kind == "wrong-signer"
    assert "approved by Demo Supervisor R, but the entry names Demo Supervisor Q" in failure.message
    assert result.approved_verified == 4


def test_an_approval_signed_with_an_unregistered_key_is_caught(store, log):
    """Is an approval signed with a key the learner made themselves (never registered) named as such?"""
    forged = generate_key()
    with store.write() as conn:
        rows = conn.execute(entries.select().where(entries.c.entry_id == log["p"])).all()
        _sign_and_record(conn, rows, get_person(store, Q), forged, "2030-01-01T00:00:00+00:00")
    failure = _failure(_verify(store), log["p"])
    assert failure.kind == "unregistered-key"
    assert f"signed by key {forged.fingerprint}, which is not registered in this log" in failure.message


def test_a_key_slipped_into_the_key_table_is_caught(store, log):
    """Is a key inserted straight into hours_keys (no registry record) refused, and what it signed with it?"""
    forged = generate_key()
    q = get_person(store, Q)
    edit_outside_casekit(store, "INSERT INTO hours_keys (fingerprint, person_id, public_key, registered_at) VALUES "
                   f"('{forged.fingerprint}', {q.person_id}, '{forged.public_key}', '2000-01-01T00:00:00+00:00')")
    with store.write() as conn:
        rows = conn.execute(entries.select().where(entries.c.entry_id == log["p"])).all()
        _sign_and_record(conn, rows, q, forged, "2030-01-01T00:00:00+00:00")
    result = _verify(store)
    assert any("registered outside casekit" in f.message for f in result.failures)
    assert _failure(result, log["p"]).kind == "unregistered-key" and result.approved_verified == 4


def test_trusting_the_supervisor_s_own_key_catches_a_key_registered_in_their_name(store, log, tmp_path):
    """If someone registers a new key under Q's name through casekit, does --trust with Q's real key catch it?"""
    real = key_for(store, Q).fingerprint
    impostor = generate_key()
    register_key(store, Q, impostor.public_key, replace=True)
    approve_entries(store, Q, key=impostor, entry_ids=[log["p"]])
    assert _verify(store).ok  # the file alone cannot tell: the key is registered to Q
    (result,) = verify_store(store, A, trusted={real, key_for(store, R).fingerprint})
    failure = _failure(result, log["p"])
    assert failure.kind == "untrusted" and "not one of the keys you trust" in failure.message
    assert result.approved_verified == 4


@pytest.mark.parametrize("attack,fragment", [
    ("DELETE FROM hours_audit WHERE seq = 2 AND chain <> 0", "record seq 2 is missing"),
    ("UPDATE hours_audit SET actor = 'Demo Supervisor R' WHERE seq = 6 AND chain <> 0", "the record was altered"),
    ("UPDATE hours_audit SET items = substr(items, 1, 48) WHERE action = 'approve' AND count = 3",
     "does not match its payload hash"),
])
def test_a_broken_audit_chain_is_caught(store, log, attack, fragment):
    """Is a deleted, altered or truncated audit record reported as a broken chain at its seq?"""
    edit_outside_casekit(store, attack)
    result = _verify(store)
    assert any(f.kind == "chain" and fragment in f.message for f in result.failures), result.to_text()


def test_rewriting_the_whole_chain_after_deleting_an_entry_breaks_later_signatures(store, log):
    """If an entry's row and audit trace are removed and the chain recomputed, do later approvals stop verifying?"""
    learner = get_person(store, A)
    with store.read() as conn:
        chain = audit.read_chain(conn, learner.person_id)
    rebuilt, head = [], (0, audit.GENESIS)
    for rec in chain:  # drop entry b from its add record, then re-link every record after it
        items = rec.items
        if rec.action == "add" and any(i == log["b"] for i, _h in rec.item_list()):
            continue
        new = audit.make_record(rec.chain, audit.learner_chain_name(A), head, at=rec.at, actor=rec.actor,
                                action=rec.action, subject=rec.subject, items=items)
        rebuilt.append(new)
        head = (new.seq, new.hash)
    edit_outside_casekit(store, f"DELETE FROM hours_entries WHERE entry_id = '{log['b']}'",
            f"DELETE FROM hours_approvals WHERE entry_id = '{log['b']}'",
            f"DELETE FROM hours_audit WHERE chain = {learner.person_id}")
    db = sqlite3.connect(store.path)
    db.executemany("INSERT INTO hours_audit VALUES (?,?,?,?,?,?,?,?,?,?,?)", [tuple(r.row().values()) for r in rebuilt])
    db.execute(f"UPDATE hours_approvals SET seq = seq - 1 WHERE learner_id = {learner.person_id}")
    db.commit()
    db.close()
    result = _verify(store)
    assert not result.ok
    assert {log["a"], log["c"], log["r"]} <= result.failed_entries, result.to_text()


def test_marking_an_entry_approved_without_a_signature_is_caught(store, log):
    """Is a pending entry switched to approved in the file named as approved without a signed approval?"""
    edit_outside_casekit(store, f"UPDATE hours_entries SET status = 'approved' WHERE entry_id = '{log['p']}'")
    failure = _failure(_verify(store), log["p"])
    assert failure.kind == "unsigned" and "no signed approval" in failure.message


def test_an_entry_added_outside_casekit_is_caught(store, log):
    """Is a row inserted straight into the file named as missing from the audit log?"""
    a = get_person(store, A)
    edit_outside_casekit(store, "INSERT INTO hours_entries (entry_id, learner_id, day, minutes, category, setting, paid, "
                   f"supervisor_id, note, status, created_at) VALUES ('{'e' * 32}', {a.person_id}, '2024-03-09', 480, "
                   "'care_coordination', 'health_care', 1, NULL, '', 'pending', '2024-03-09T00:00:00+00:00')")
    failure = _failure(_verify(store), "e" * 32)
    assert failure.kind == "unlogged" and "added outside casekit" in failure.message


def test_verify_on_the_command_line_exits_1_naming_each_failing_entry(store, log):
    """Does `casekit hours verify` exit 0 on a sound log and 1 on a tampered one, naming the entry and why?"""
    runner = CliRunner()
    ok = runner.invoke(hours_cli, ["--db", str(store.path), "verify", A])
    assert ok.exit_code == 0 and "OK: every signature and the audit chain hold" in ok.output
    edit_outside_casekit(store, f"UPDATE hours_entries SET minutes = 600 WHERE entry_id = '{log['c']}'")
    bad = runner.invoke(hours_cli, ["--db", str(store.path), "verify"])
    assert bad.exit_code == 1 and "Traceback" not in bad.output
    assert f"FAIL entry {log['c']}" in bad.output and "hours approved 4.00 h, now 10.00 h" in bad.output
    assert "FAILED: 1 problem(s) for Demo Learner A" in bad.output
    assert "protective database triggers were removed" in bad.output


def test_the_exported_file_is_re_verified_without_the_database(store, log, tmp_path):
    """Do a signed export and the report verify from the file alone, and does an edit to the file fail?"""
    path, result = export_signed(store, A, tmp_path / "a.json")
    report = write_report(store, A, tmp_path / "a.html")
    store.close()
    shutil.move(store.path, tmp_path / "elsewhere.sqlite")  # no database from here on
    for f in (path, report):
        checked = verify_file(f)
        assert checked.ok and checked.approved_verified == 4 and checked.head == result.head
    data = json.loads(path.read_text())
    target = next(e for e in data["entries"] if e["entry_id"] == log["r"])
    target["minutes"] = 900
    path.write_text(json.dumps(data))
    tampered = verify_file(path)
    assert _failure(tampered, log["r"]).kind == "altered" and tampered.approved_verified == 3
    good = CliRunner().invoke(hours_cli, ["verify", "--file", str(report)])
    assert good.exit_code == 3 and "Approved hours per credential, verified entries only" in good.output
    assert "C-SWCM: 14.00 h counted" in good.output  # 2 + 3 + 4 + 5 h approved, 6 h pending
    out = CliRunner().invoke(hours_cli, ["verify", "--file", str(report), "--trust", key_for_file(tmp_path, store)])
    assert out.exit_code == 1 and "not one of the keys you trust" in out.output  # R's key was not given


def key_for_file(tmp_path, store) -> str:
    """Q's public key file, as a supervisor would hand it to a board."""
    from .helpers import key_path_for

    return str(key_path_for(store, Q).with_suffix(".pub"))


def test_a_note_changed_on_an_approved_entry_is_caught_and_not_counted(store, log):
    """Is an approved entry whose (unsigned) note was edited caught by the audit chain and left out of the verified hours?"""
    edit_outside_casekit(store, f"UPDATE hours_entries SET note = 'edited later' WHERE entry_id = '{log['c']}'")
    result = _verify(store)
    failure = _failure(result, log["c"])
    assert failure.kind == "altered" and "its note was changed outside casekit after it was logged" in failure.message
    assert "the fields that count are as Demo Supervisor Q approved them" in failure.message
    assert result.approved_verified == 3 and result.approved_minutes_verified == (2 + 3 + 5) * 60


@pytest.mark.parametrize("column,value,fragment", [
    ("day", "'2024-02-04'", "date approved '2024-03-05', now '2024-02-04'"),
    ("category", "'training'", "category approved 'care_coordination', now 'training'"),
    ("paid", "0", "paid approved True, now False"),
    ("supervisor_id", "(SELECT person_id FROM hours_people WHERE name = 'Demo Supervisor R')",
     "supervisor approved 'Demo Supervisor Q', now 'Demo Supervisor R'"),
])
def test_any_counted_field_edited_after_approval_is_named(store, log, column, value, fragment):
    """Is an edit to any counted field of an approved entry reported with the field, the signed and the current value?"""
    edit_outside_casekit(store, f"UPDATE hours_entries SET {column} = {value} WHERE entry_id = '{log['b']}'")
    failure = _failure(_verify(store), log["b"])
    assert failure.kind == "altered" and fragment in failure.message


def test_a_file_checked_without_trust_says_its_keys_were_not_checked(store, log, tmp_path):
    """Does `verify --file` without --trust exit 3 (not 0, which a script would take for "checked") and say plainly that the signatures match only the keys the file
    names, and how to check them; and with --trust, say OK or fail?"""
    report = write_report(store, A, tmp_path / "a.html")
    runner = CliRunner()
    alone = runner.invoke(hours_cli, ["verify", "--file", str(report)])
    assert alone.exit_code == 3, alone.output
    # "OK" as a word: a random key fingerprint may hold the letters O and K side by side.
    assert not re.search(r"\bOK\b", alone.output) and "every signature and the audit chain hold" not in alone.output
    assert "NOT CHECKED AGAINST A TRUSTED KEY" in alone.output
    assert "matches the public key the file itself names" in alone.output
    assert f'casekit hours verify --file "{report}" --trust SUPERVISOR.pub' in alone.output
    for who in (Q, R):
        assert f"{who} {key_for(store, who).fingerprint}" in alone.output
    both = [str(key_path_for(store, who).with_suffix(".pub")) for who in (Q, R)]
    trusted = runner.invoke(hours_cli, ["verify", "--file", str(report), "--trust", both[0], "--trust", both[1]])
    assert trusted.exit_code == 0 and "OK: every signature was made with a key you trust (--trust)" in trusted.output
    assert "NOT CHECKED" not in trusted.output
    partly = runner.invoke(hours_cli, ["verify", "--file", str(report), "--trust", both[0]])
    assert partly.exit_code == 1 and "FAILED" in partly.output and not re.search(r"\bOK\b", partly.output)


def test_a_file_made_with_someone_else_s_key_holds_only_until_checked_with_the_supervisor_s_key(store, log, tmp_path):
    """A log made from scratch with a key of one's own under Q's name: is the file self-consistent (exit 3, keys not
    checked), and does --trust with Q's real key fail it?"""
    forged = open_store(tmp_path / "forged.sqlite")
    try:
        add_person(forged, A, "learner")
        add_person(forged, Q, "supervisor")
        impostor = generate_key()
        register_key(forged, Q, impostor.public_key)
        entry = add_entry(forged, learner=A, date="2024-03-04", hours=12, category="care_coordination",
                          setting="health_care", supervisor=Q)
        approve_entries(forged, Q, key=impostor, entry_ids=[entry])
        path, _ = export_signed(forged, A, tmp_path / "forged.json")
    finally:
        forged.close()
    runner = CliRunner()
    alone = runner.invoke(hours_cli, ["verify", "--file", str(path)])
    assert alone.exit_code == 3 and "NOT CHECKED AGAINST A TRUSTED KEY" in alone.output
    assert impostor.fingerprint in alone.output and key_for(store, Q).fingerprint not in alone.output
    real = str(key_path_for(store, Q).with_suffix(".pub"))
    checked = runner.invoke(hours_cli, ["verify", "--file", str(path), "--trust", real])
    assert checked.exit_code == 1 and "not one of the keys you trust" in checked.output


def _edit_file(path, edit) -> None:
    """Edit the signed log inside an export (.json) or a report (.html) as text, as anyone with an editor could."""
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.mark.parametrize("suffix", [".json", ".html"])
def test_hours_replaced_throughout_a_signed_file_are_named_with_the_approved_value(store, log, tmp_path, suffix):
    """A find-and-replace of an approved entry's minutes changes the entry and its approval alike: is the failure
    the hours, with the value the supervisor signed (not 'an uncounted field'), and is it one failure?"""
    add_entry(store, learner=A, date="2024-03-11", hours=7.5, category="care_coordination", setting="health_care",
              supervisor=Q)
    (day,) = [e for e in list_entries(store, learner=A)["entry_id"] if e not in log.values()]
    approve_entries(store, Q, key=key_for(store, Q), entry_ids=[day])
    path = (export_signed(store, A, tmp_path / "a.json")[0] if suffix == ".json"
            else write_report(store, A, tmp_path / "a.html"))
    pattern = re.compile(r'"minutes": ?450\b')
    assert len(pattern.findall(path.read_text())) == 2  # the entry and its signed approval
    _edit_file(path, lambda t: pattern.sub(lambda m: m.group(0).replace("450", "1050"), t))
    result = verify_file(path)
    assert [(f.entry_id, f.kind) for f in result.failures] == [(day, "altered")]
    message = result.failures[0].message
    assert "hours approved 7.50 h, now 17.50 h" in message and "uncounted" not in message
    assert result.approved_minutes_verified == (2 + 3 + 4 + 5) * 60


def test_a_note_changed_in_a_signed_file_is_named_as_the_note(store, log, tmp_path):
    """Is a note edited in an exported file reported as the note, with the counted fields as approved?"""
    path, _ = export_signed(store, A, tmp_path / "a.json")
    data = json.loads(path.read_text())
    next(e for e in data["entries"] if e["entry_id"] == log["b"])["note"] = "written later"
    path.write_text(json.dumps(data))
    failure = _failure(verify_file(path), log["b"])
    assert failure.kind == "altered" and "its note was changed outside casekit" in failure.message


def test_an_entry_and_its_approval_changed_in_two_fields_differ_from_what_was_signed(store, log, tmp_path):
    """When what was signed cannot be found (two fields changed), is the failure the neutral 'differs from what was
    signed', not a guess?"""
    path, _ = export_signed(store, A, tmp_path / "a.json")
    data = json.loads(path.read_text())
    for d in [next(e for e in data["entries"] if e["entry_id"] == log["c"])] + [
            a["statement"] for a in data["approvals"] if a["statement"]["entry_id"] == log["c"]]:
        d.update(minutes=600, category="training")
    path.write_text(json.dumps(data))
    result = verify_file(path)
    assert [(f.entry_id, f.kind) for f in result.failures] == [(log["c"], "altered")]
    assert "the entry differs from what was signed" in result.failures[0].message


def test_progress_leaves_out_an_entry_that_fails_verification_and_says_so(store, log):
    """An approved entry edited in the file counts nowhere: do the progress view and `casekit hours
    progress` leave it out (not count its edited hours) and say how to see why?"""
    from casekit.hours.learner import learner_progress, verified_learner_progress

    lp, verification, _ = verified_learner_progress(store, A)
    assert verification.ok and verification.uncounted_note() is None
    before = lp.total_hours
    edit_outside_casekit(store, f"UPDATE hours_entries SET minutes = 600 WHERE entry_id = '{log['c']}'")
    lp, verification, _ = verified_learner_progress(store, A)
    assert verification.failed_entries == {log["c"]}
    assert lp.total_hours == before - 4  # its approved 4 h are gone; the edited 10 h never count
    assert learner_progress(store, A).total_hours == before + 6  # what the status column alone would claim
    out = CliRunner().invoke(hours_cli, ["--db", str(store.path), "progress", A])
    assert out.exit_code == 0, out.output
    assert "1 entry fails verification and is not counted" in out.output
    assert f'casekit hours verify "{A}"' in out.output
    out = CliRunner().invoke(hours_cli, ["--db", str(store.path), "pathways", A])
    assert out.exit_code == 0 and "1 entry fails verification and is not counted" in out.output, out.output
