"""Reading a SQLite log without SQLAlchemy: the same rows, the same verdict, and nothing created or changed.

The commands that only read (progress, why, pathways) open a current SQLite log with the standard
library's sqlite3 (casekit/hours/storage/snapshot.py, chosen by reading.py); every other log goes
through the store as before.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from click.testing import CliRunner

from casekit.cli.hours import hours as hours_cli
from casekit.hours.approval import approve_entries
from casekit.hours.corrections import correct_entry
from casekit.hours.errors import SchemaTooNewError
from casekit.hours.migrations import MIGRATIONS, migrate, schema_version
from casekit.hours.storage.database import Store, open_store
from casekit.hours.storage.reading import open_reader
from casekit.hours.storage.snapshot import SqliteSnapshot
from casekit.hours.trust.signedlog import load_signed_log
from casekit.hours.trust.verify import verify_log

from .helpers import edit_outside_casekit, five_signed_days, key_for

A, Q, R = "Demo Learner A", "Demo Supervisor Q", "Demo Supervisor R"


@pytest.fixture
def log(store, people):
    """Demo Learner A's five days, one corrected and approved, one correction waiting."""
    ids = five_signed_days(store, A, (Q, R))
    correct_entry(store, ids["a"], hours=1.5)
    ids["b2"] = correct_entry(store, ids["b"], hours=2.5)
    approve_entries(store, Q, key=key_for(store, Q), entry_ids=[ids["b2"]])
    return ids


def _both_ways(store, learner):
    with open_reader(store.path) as snapshot:
        assert isinstance(snapshot, SqliteSnapshot)
        return load_signed_log(store, learner), load_signed_log(snapshot, learner)


def test_the_snapshot_reads_the_same_signed_log_as_the_store(store, log):
    """Does the sqlite3 snapshot give every entry, approval, key, audit record and person exactly as the store does?"""
    through_store, through_snapshot = _both_ways(store, A)
    assert through_snapshot == through_store
    assert len(through_snapshot.entries) == 7 and len(through_snapshot.approvals) == 5


def test_a_log_edited_outside_casekit_fails_the_same_way_read_either_way(store, log):
    """Does an entry edited with a database tool fail verification with the same findings through the snapshot?"""
    edit_outside_casekit(store, f"UPDATE hours_entries SET minutes = 480 WHERE entry_id = '{log['c']}'")
    through_store, through_snapshot = _both_ways(store, A)
    found = verify_log(through_snapshot, now="2024-06-01T00:00:00+00:00")
    assert not found.ok and log["c"] in found.failed_entries
    assert found == verify_log(through_store, now="2024-06-01T00:00:00+00:00")


def test_progress_from_a_file_matches_progress_from_the_open_store(store, log):
    """Is `casekit hours progress --db FILE` (read by the snapshot) word for word what the open store gives?"""
    args = ["progress", A, "--as-of", "2024-06-01", "--why"]
    from_store = CliRunner().invoke(hours_cli, args, obj={"store": store})
    from_file = CliRunner().invoke(hours_cli, ["--db", str(store.path), *args])
    assert from_store.exit_code == 0 and from_file.exit_code == 0, from_file.output
    assert from_file.output == from_store.output
    assert "Demo Learner A" in from_file.output


def test_the_snapshot_reads_while_a_writer_holds_the_lock(store, log):
    """With another process in the middle of a write, does reading go ahead and see the log as last committed?"""
    writer = sqlite3.connect(store.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM hours_migrations WHERE number = -1")  # holds the write lock, changes nothing
    writer.execute(f"UPDATE hours_people SET credentials = '[\"X\"]' WHERE name = '{Q}'")
    try:
        snapshot = open_reader(store.path)
        with snapshot:
            learner = load_signed_log(snapshot, A)
        assert isinstance(snapshot, SqliteSnapshot)
        assert next(p for p in learner.people if p["name"] == Q)["credentials"] == ["CCM", "LCSW"]
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_log_from_an_older_kit_is_brought_up_to_date_not_read_as_it_is(tmp_path):
    """Is a SQLite log at an older schema opened as a store (and migrated), never read by the snapshot?"""
    old = Store(open_store(tmp_path / "seed.sqlite", migrate=False).url.set(database=str(tmp_path / "old.sqlite")))
    migrate(old, MIGRATIONS[:-1])
    assert schema_version(old) == MIGRATIONS[-2].number
    old.close()
    reader = open_reader(tmp_path / "old.sqlite")
    try:
        assert isinstance(reader, Store)
        assert schema_version(reader) == MIGRATIONS[-1].number
    finally:
        reader.close()


def test_a_log_from_a_newer_kit_is_refused(store):
    """Is a log with a migration this kit does not know refused when read, as when opened?"""
    with store.write() as conn:
        conn.exec_driver_sql("INSERT INTO hours_migrations (number, name, applied_at) VALUES (99, 'future', 'x')")
    with pytest.raises(SchemaTooNewError, match="migration 99"):
        open_reader(store.path)


def test_reading_a_log_that_is_not_there_says_how_to_start_one_and_creates_nothing(tmp_path):
    """Does `casekit hours progress` on a missing file say so, naming it, and leave no file behind?"""
    missing = tmp_path / "nowhere" / "hours.sqlite"
    result = CliRunner().invoke(hours_cli, ["--db", str(missing), "progress", A])
    assert result.exit_code == 1
    assert f"there is no hours log at {missing}" in result.output and "casekit hours person add" in result.output
    assert not missing.exists() and not missing.parent.exists()


def test_a_file_that_is_not_a_log_is_refused_by_name_and_left_as_it_was(tmp_path):
    """Is a file that is not a SQLite database refused with its name, and its bytes left alone?"""
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 40)
    before = path.read_bytes()
    result = CliRunner().invoke(hours_cli, ["--db", str(path), "progress", A])
    assert result.exit_code == 1
    assert "Error" in result.output and str(path) in result.output
    assert path.read_bytes() == before


def test_an_unknown_learner_is_named_with_who_is_known(store, log):
    """Read by the snapshot, is an unknown learner refused with the learners the log does know?"""
    result = CliRunner().invoke(hours_cli, ["--db", str(store.path), "progress", "Nobody Here"])
    assert result.exit_code == 1
    assert "unknown learner 'Nobody Here'" in result.output and A in result.output


def test_dates_from_either_driver_come_out_the_same():
    """Does a date column read as text (SQLite) or as a date (PostgreSQL) give the same ISO day?"""
    from casekit.hours.trust.signedlog import _iso

    assert _iso("2024-03-04") == _iso(date(2024, 3, 4)) == "2024-03-04"


@pytest.mark.parametrize("command", [
    ["add", "--learner", A, "--date", "2024-03-04", "--hours", "2", "--category", "documentation", "--setting", "school"],
    ["import", "week.csv"],
    ["approve", "--supervisor", Q, "--all"],
])
def test_a_mistyped_log_is_said_at_once_and_nothing_is_made(tmp_path, command):
    """Does a command other than `person add`, given a log that does not exist, say so and create no file or folder?"""
    (tmp_path / "week.csv").write_text("learner,date,hours,category,setting,paid,supervisor,note\n")
    missing = tmp_path / "tpyo" / "hours.sqlite"
    result = CliRunner().invoke(hours_cli, ["--db", str(missing), *[str(tmp_path / c) if c.endswith(".csv") else c
                                                                     for c in command]])
    assert result.exit_code != 0
    assert f"there is no hours log at {missing}" in result.output
    assert not missing.parent.exists()


def test_adding_the_first_person_starts_a_log_and_says_where(tmp_path):
    """Does `person add` on a new file start the log, saying where, and not say so the second time?"""
    db = tmp_path / "team" / "hours.sqlite"
    first = CliRunner().invoke(hours_cli, ["--db", str(db), "person", "add", A])
    assert first.exit_code == 0 and f"started a new hours log at {db}" in first.output and db.is_file()
    second = CliRunner().invoke(hours_cli, ["--db", str(db), "person", "add", Q, "--role", "supervisor"])
    assert second.exit_code == 0 and "started a new" not in second.output


def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path):
    """Is a SQLite file of another program refused by name, with none of the log's tables added to it?"""
    path = tmp_path / "recipes.sqlite"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.commit()
    other.close()
    result = CliRunner().invoke(hours_cli, ["--db", str(path), "person", "add", A])
    assert result.exit_code == 1
    assert f"{path} is a database of another program (it holds the tables recipes)" in result.output
    check = sqlite3.connect(path)
    tables = [r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")]
    check.close()
    assert tables == ["recipes"]


@pytest.mark.parametrize("command", [["person", "list"], ["progress", A], ["person", "add", A]])
def test_a_folder_given_as_the_log_is_named_with_the_file_to_give(tmp_path, command):
    """Is `--db FOLDER` refused with the file name to give inside it, whether the command reads or writes?"""
    result = CliRunner().invoke(hours_cli, ["--db", str(tmp_path), *command])
    assert result.exit_code == 1
    assert f"{tmp_path.resolve()} is a folder; the hours log is a file" in result.output
    assert f"--db {tmp_path.resolve() / 'hours.sqlite'}" in result.output
    assert not (tmp_path / "hours.sqlite").exists()
