"""The hours log on PostgreSQL: the same work gives the same log, guards and verification as on SQLite.

The server is the ``postgres_url`` fixture's (tests/postgres_server.py): the one
CASEKIT_TEST_POSTGRES_URL names, or a throwaway one. Each test works in a database of its own,
dropped afterwards.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from casekit.hours.approval import approve_entries
from casekit.hours.cohort import progress_all
from casekit.hours.corrections import correct_entry
from casekit.hours.csvimport import import_csv
from casekit.hours.errors import EntryRejected
from casekit.hours.keys import keygen, load_signing_key
from casekit.hours.logbook import add_entry, list_entries
from casekit.hours.migrations import MIGRATIONS, schema_version
from casekit.hours.people import add_person
from casekit.hours.store import open_store
from casekit.hours.supersession import CURRENT_SQL, resolve_versions
from casekit.hours.verify import verify_store

from .helpers import entry_row, log_days, version_lines, weekdays, write_csv

A, Q, R = "Demo Learner A", "Demo Supervisor Q", "Demo Supervisor R"
AS_OF = date(2025, 6, 30)


@pytest.fixture
def pg_store(postgres_url):
    """A fresh, migrated hours log in a new PostgreSQL database."""
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    name = f"casekit_hours_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    store = open_store(make_url(postgres_url).set(database=name).render_as_string(hide_password=False))
    try:
        yield store
    finally:
        store.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _same_work(store, keys: Path) -> dict[str, str]:
    """People, keys (in ``keys``), a term of approved days, a pending day, and a correction; returns ids by name."""
    add_person(store, A, "learner", degree_level="bachelor", degree_field="social_work", degree_date="2020-06-01",
               credentials=["LBSW"])
    signing = {}
    for name, creds in ((Q, ["CCM", "LCSW"]), (R, ["LCSW"])):
        add_person(store, name, "supervisor", credentials=creds)
        path = keys / f"{name.lower().replace(' ', '-')}.pem"
        keygen(store, name, path)
        signing[name] = load_signing_key(path)
    term = log_days(store, A, weekdays(date(2025, 1, 6), 20), 7.0, setting="social_services", approve=False)
    approve_entries(store, Q, key=signing[Q], entry_ids=term)
    pending = add_entry(store, learner=A, date="2025-06-02", hours=6, category="documentation",
                        setting="social_services", supervisor=Q, today=AS_OF)
    wrong = add_entry(store, learner=A, date="2025-06-03", hours=9, category="care_coordination",
                      setting="social_services", supervisor=R, today=AS_OF)
    approve_entries(store, R, key=signing[R], entry_ids=[wrong])
    fixed = correct_entry(store, wrong, hours=4, today=AS_OF)
    approve_entries(store, R, key=signing[R], entry_ids=[fixed])
    return {"pending": pending, "wrong": wrong, "fixed": fixed}


def _comparable(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=["learner_id"]).sort_values(list(frame.columns.drop("learner_id"))).reset_index(drop=True)


def test_the_same_work_gives_the_same_progress_and_verification(pg_store, tmp_path):
    """Do a term of signed approvals, a pending entry and a correction give, on PostgreSQL, exactly the
    progress table and verification the SQLite log gives?"""
    sqlite = open_store(tmp_path / "twin.sqlite")
    try:
        for log, keys in ((pg_store, tmp_path / "pg-keys"), (sqlite, tmp_path / "sqlite-keys")):
            _same_work(log, keys)
        assert schema_version(pg_store) == max(m.number for m in MIGRATIONS)
        on_pg = progress_all(pg_store, as_of=AS_OF)
        assert not on_pg.empty
        pd.testing.assert_frame_equal(_comparable(on_pg), _comparable(progress_all(sqlite, as_of=AS_OF)))
        (pg_result,), (lite_result,) = verify_store(pg_store, A), verify_store(sqlite, A)
        assert pg_result.ok, pg_result.to_text()
        assert (pg_result.entries, pg_result.approved_verified, pg_result.approved_minutes_verified, pg_result.pending) == \
               (lite_result.entries, lite_result.approved_verified, lite_result.approved_minutes_verified,
                lite_result.pending)
    finally:
        sqlite.close()


def test_postgresql_picks_the_same_current_versions_as_python(pg_store):
    """On every line of up to four versions, does the rule's SQL on PostgreSQL agree with its Python form?"""
    rows = version_lines(pg_store)
    with pg_store.read() as conn:
        in_sql = {r[0] for r in conn.execute(text(f"SELECT entry_id FROM hours_entries WHERE {CURRENT_SQL}"))}
    versions = resolve_versions(rows)
    assert in_sql == {eid for eid, _, _ in rows if versions.is_current(eid)}


def test_the_database_refuses_to_edit_an_approved_entry(pg_store, tmp_path):
    """Does PostgreSQL itself refuse an UPDATE or DELETE of a logged entry and of a signed approval, leaving both?"""
    ids = _same_work(pg_store, tmp_path)
    before = list_entries(pg_store)
    for sql in (f"UPDATE hours_entries SET minutes = 6000 WHERE entry_id = '{ids['fixed']}'",
                f"DELETE FROM hours_entries WHERE entry_id = '{ids['fixed']}'",
                f"DELETE FROM hours_approvals WHERE entry_id = '{ids['fixed']}'",
                "UPDATE hours_audit SET seq = seq + 1"):
        with pytest.raises(DBAPIError, match="never|append-only"):
            with pg_store.write() as conn:
                conn.exec_driver_sql(sql)
    pd.testing.assert_frame_equal(list_entries(pg_store), before)


def test_an_entry_edited_behind_the_guards_fails_verification(pg_store, tmp_path):
    """With the guards switched off by a database owner, is an edited approved entry named by verify, and every
    other approval still counted?"""
    ids = _same_work(pg_store, tmp_path)
    (clean,) = verify_store(pg_store, A)
    with pg_store.write() as conn:
        conn.exec_driver_sql("ALTER TABLE hours_entries DISABLE TRIGGER USER")
        conn.exec_driver_sql(f"UPDATE hours_entries SET minutes = 900 WHERE entry_id = '{ids['fixed']}'")
        conn.exec_driver_sql("ALTER TABLE hours_entries ENABLE TRIGGER USER")
    (result,) = verify_store(pg_store, A)
    assert not result.ok
    assert [(f.entry_id, f.kind) for f in result.failures if f.entry_id] == [(ids["fixed"], "altered")]
    assert result.approved_verified == clean.approved_verified - 1


def test_a_bad_csv_leaves_the_postgresql_log_untouched(pg_store, tmp_path):
    """Is a file with one bad row refused whole, naming the row, with nothing written to PostgreSQL?"""
    _same_work(pg_store, tmp_path)
    before = list_entries(pg_store)
    rows = [entry_row(date=f"2025-05-{d:02d}") for d in range(1, 11)]
    rows[4]["hours"] = "25"
    with pytest.raises(EntryRejected, match="row 6: hours"):
        import_csv(pg_store, write_csv(tmp_path / "week.csv", rows), today=AS_OF)
    pd.testing.assert_frame_equal(list_entries(pg_store), before)
