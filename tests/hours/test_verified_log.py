"""The verified log: progress reads the signed log once, and counts exactly the rows verification passed.

casekit/hours/trust/verified_log.py reads and verifies one learner's log in one read
transaction and hands the credit engine plain rows; these tests check the one read, that
the rows are those the database's own rule picks, and that a bad record in a file is named.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from click.testing import CliRunner

from casekit.cli.hours import hours as hours_cli
from casekit.hours.approval import approve_entries
from casekit.hours.corrections import correct_entry
from casekit.hours.credit.columns import load_ledger
from casekit.hours.credit.credential_progress import learner_progress, verified_ledger, verified_progress
from casekit.hours.errors import PersonError
from casekit.hours.people import get_person
from casekit.hours.storage.database import Store
from casekit.hours.trust.signedlog import load_signed_log
from casekit.hours.trust.verified_log import read_verified_log, verified_from_signed
from casekit.hours.trust.verify import verify_log

from .helpers import edit_outside_casekit, five_signed_days, key_for

A, Q, R = "Demo Learner A", "Demo Supervisor Q", "Demo Supervisor R"
AS_OF = date(2024, 6, 1)


@pytest.fixture
def log(store, people):
    """Demo Learner A: four approved days (one with a correction waiting, one corrected and approved), one pending."""
    ids = five_signed_days(store, A, (Q, R))
    ids["a2"] = correct_entry(store, ids["a"], hours=1.5)  # waits for approval: a still counts
    ids["b2"] = correct_entry(store, ids["b"], hours=2.5)
    approve_entries(store, Q, key=key_for(store, Q), entry_ids=[ids["b2"]])  # b2 counts, b is replaced
    return ids


def _count_reads(monkeypatch) -> list[int]:
    calls: list[int] = []
    read = Store.read

    def counting(self):
        calls.append(1)
        return read(self)

    monkeypatch.setattr(Store, "read", counting)
    return calls


def test_casekit_hours_progress_reads_the_store_once(store, log, monkeypatch):
    """Does `casekit hours progress` read the log in one read transaction, corrections and all?"""
    calls = _count_reads(monkeypatch)
    result = CliRunner().invoke(hours_cli, ["progress", A, "--as-of", AS_OF.isoformat()], obj={"store": store})
    assert result.exit_code == 0, result.output
    assert "1 correction of an approved entry pending approval" in result.output
    assert len(calls) == 1


def test_verified_progress_reads_nothing(store, log, monkeypatch):
    """Once the verified log is read, does the credit engine count it without touching the store?"""
    verified = read_verified_log(store, A)
    calls = _count_reads(monkeypatch)
    lp = verified_progress(verified, as_of=AS_OF)
    assert calls == []
    assert lp.total_hours == 2 + 2.5 + 4 + 5 + 6
    assert [(c.entry_id, c.replaces) for c in lp.pending_corrections] == [(log["a2"], log["a"])]


def test_the_rows_counted_are_those_the_database_rule_picks(store, log):
    """Are the verified rows the current versions the SQL rule reads, in the same order, so both progress views agree?"""
    verified = read_verified_log(store, A)
    assert verified.verification.ok, verified.verification.to_text()
    from_rows, from_sql = verified_ledger(verified), load_ledger(store, get_person(store, A, "learner"))
    assert from_rows.entry_id == from_sql.entry_id == [log["a"], log["b2"], log["c"], log["r"], log["p"]]
    for column in ("day", "minutes", "category", "setting", "paid", "approved"):
        assert getattr(from_rows, column).tolist() == getattr(from_sql, column).tolist(), column
    assert verified_progress(verified, as_of=AS_OF).to_text(why=True) == learner_progress(store, A, as_of=AS_OF).to_text(why=True)


def test_an_entry_that_fails_verification_is_not_among_the_rows(store, log):
    """Is an approved entry edited outside casekit left out of the rows (and so of progress), the rest kept?"""
    edit_outside_casekit(store, f"UPDATE hours_entries SET minutes = 600 WHERE entry_id = '{log['c']}'")
    verified = read_verified_log(store, A)
    assert log["c"] in verified.failed
    assert [r["entry_id"] for r in verified.counted_rows()] == [log["a"], log["b2"], log["r"], log["p"]]
    assert verified_progress(verified, as_of=AS_OF).total_hours == 2 + 2.5 + 5 + 6


@pytest.mark.parametrize("field,value,words", [
    ("degree_field", "astrology", "degree field: 'astrology' is not one of"),
    ("degree_date", "June 2020", "degree date: 'June 2020' is not a date; write it as YYYY-MM-DD"),
    ("role", "boss", "role: 'boss' is not one of"),
])
def test_a_bad_person_record_in_a_file_is_named(store, log, field, value, words):
    """Does a file whose person record has a bad field fail with the person, the field and the fix, and leave the log alone?"""
    signed = load_signed_log(store, A)
    signed.people[0] = dict(signed.people[0], **{field: value})
    with pytest.raises(PersonError, match=re.escape("person 1: " + words)):
        verified_from_signed(signed, verify_log(signed))
    assert read_verified_log(store, A).verification.ok  # the log itself is untouched


def test_a_name_given_twice_in_a_file_is_named(store, log):
    """Does a file naming one person twice (in any case) fail rather than count under either record?"""
    signed = load_signed_log(store, A)
    signed.people.append(dict(signed.people[0], name=A.upper()))
    with pytest.raises(PersonError, match="is given more than once; names must be unique"):
        verified_from_signed(signed, verify_log(signed))
