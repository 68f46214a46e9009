"""The store: where the log lives, WAL and busy timeout, numbered migrations."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from casekit.hours import models
from casekit.hours.storage import tables
from casekit.hours.errors import SchemaTooNewError, StoreError
from casekit.hours.migrations import MIGRATIONS, Migration, migrate, schema_version
from casekit.hours.store import BUSY_TIMEOUT_MS, ENV_VAR, open_store, resolve_url


def test_new_log_records_each_migration(store):
    """Does opening a new log apply every migration and record each, numbered, in the database?"""
    with store.read() as conn:
        rows = conn.execute(text("SELECT number, name, applied_at FROM hours_migrations ORDER BY number")).all()
    assert [r.number for r in rows] == [m.number for m in MIGRATIONS]
    assert all(r.applied_at for r in rows)
    assert schema_version(store) == MIGRATIONS[-1].number


def test_reopening_applies_nothing_twice(store):
    """Does a second open find the schema current and apply nothing?"""
    assert migrate(store) == []
    again = open_store(store.path)
    assert schema_version(again) == MIGRATIONS[-1].number
    again.close()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(store):
    """Is every connection in WAL mode, with the busy timeout and foreign keys on?"""
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar().lower() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_schema_built_by_migrations_matches_the_models(store):
    """Do the tables the migrations build have exactly the columns, keys and indexes the code queries?"""
    insp = inspect(store.engine)
    for table in (tables.people, tables.entries, tables.keys, tables.approvals, tables.audit, tables.summaries):
        cols = [c["name"] for c in insp.get_columns(table.name)]
        assert cols == [c.name for c in table.columns], table.name
        pk = insp.get_pk_constraint(table.name)["constrained_columns"]
        assert pk == [c.name for c in table.primary_key.columns], table.name
        indexes = {i["name"] for i in insp.get_indexes(table.name)}
        assert {i.name for i in table.indexes} <= indexes, table.name


def test_schema_version_is_the_last_migration():
    """Does the schema version the plain-data module states (read without SQLAlchemy) match the last migration?"""
    assert models.SCHEMA_VERSION == MIGRATIONS[-1].number


def test_tables_are_still_found_under_their_earlier_home():
    """Does code written when the tables lived in the models module still find them there?"""
    assert models.entries is tables.entries and models.people is tables.people
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        models.nothing


def test_a_log_from_a_newer_kit_is_refused(store):
    """Is a database with a migration this kit does not know refused, with how to fix it?"""
    with store.write() as conn:
        conn.execute(text("INSERT INTO hours_migrations (number, name, applied_at) VALUES (99, 'future', 'x')"))
    with pytest.raises(SchemaTooNewError, match=r"migration 99.*upgrade casekit"):
        open_store(store.path)


def test_a_failing_migration_leaves_the_schema_as_it_was(store):
    """Does a migration that fails half-way roll back its changes and its record?"""

    def broken(conn):
        conn.execute(text("CREATE TABLE half_done (x INTEGER)"))
        raise RuntimeError("disk on fire")

    latest = MIGRATIONS[-1].number
    with pytest.raises(RuntimeError):
        migrate(store, MIGRATIONS + (Migration(latest + 1, "broken", broken),))
    assert schema_version(store) == latest
    assert not inspect(store.engine).has_table("half_done")


def test_a_failed_write_transaction_rolls_back(store):
    """Does an error inside store.write() leave nothing behind?"""
    with pytest.raises(ZeroDivisionError):
        with store.write() as conn:
            conn.execute(models.people.insert().values(name="Demo Temp", role="learner", credentials="[]", created_at="x"))
            1 / 0
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM hours_people")).scalar() == 0


def test_where_the_log_is(tmp_path, monkeypatch):
    """Is the log the --db value, else the environment variable, else a file in the user data folder?"""
    explicit = tmp_path / "given.sqlite"
    assert resolve_url(explicit).database == str(explicit.resolve())
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite"))
    assert resolve_url(None).database == str((tmp_path / "env.sqlite").resolve())
    assert resolve_url(explicit).database == str(explicit.resolve())  # --db wins over the environment
    monkeypatch.setenv(ENV_VAR, "postgresql+psycopg://demo@localhost/hours")
    assert resolve_url(None).get_backend_name() == "postgresql"
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.setattr("platformdirs.user_data_dir", lambda app: str(tmp_path / "data" / app))
    url = resolve_url(None)
    assert Path(url.database) == (tmp_path / "data" / "casekit" / "hours.sqlite").resolve()


def test_default_log_folder_is_created(tmp_path, monkeypatch):
    """Does opening the default log create its folder?"""
    monkeypatch.setattr("platformdirs.user_data_dir", lambda app: str(tmp_path / "deep" / "data" / app))
    s = open_store()
    assert s.path.exists() and s.path.parent.name == "casekit"
    s.close()


@pytest.mark.parametrize("bad", ["nosuchdriver://x/y", "postgresql://[bad"])
def test_a_bad_url_is_a_clear_error(bad):
    """Is an unusable database URL reported as a StoreError naming it, not a traceback?"""
    with pytest.raises(StoreError):
        s = open_store(bad)
        s.close()


def test_a_log_from_before_signed_approvals_upgrades_and_asks_for_signatures(tmp_path):
    """Does migration 2 keep every entry, record it in the audit chain, and send unsigned approvals back for signing?"""
    from casekit.hours.approval import approve_entries
    from casekit.hours.keys import keygen
    from casekit.hours.verify import verify_store

    old = open_store(tmp_path / "v1.sqlite", migrate=False)
    migrate(old, MIGRATIONS[:1])
    with old.write() as conn:
        conn.execute(text("INSERT INTO hours_people (person_id, name, role, credentials, created_at) VALUES "
                          "(1, 'Demo Learner A', 'learner', '[]', 'x'), (2, 'Demo Supervisor Q', 'supervisor', '[]', 'x')"))
        conn.execute(text(
            "INSERT INTO hours_entries (entry_id, learner_id, day, minutes, category, setting, paid, supervisor_id, note, "
            "status, created_at, approved_at, approved_by) VALUES "
            "('" + "a" * 32 + "', 1, '2024-03-04', 120, 'care_coordination', 'health_care', 1, 2, '', 'approved', 'x', "
            "'2024-03-05T10:00:00+00:00', 2), "
            "('" + "b" * 32 + "', 1, '2024-03-05', 60, 'documentation', 'health_care', 1, 2, 'notes', 'pending', 'x', NULL, NULL)"))
    old.close()
    store = open_store(tmp_path / "v1.sqlite")
    assert schema_version(store) == MIGRATIONS[-1].number
    with store.read() as conn:
        statuses = dict(conn.execute(text("SELECT entry_id, status FROM hours_entries")).all())
        actions = [r[0] for r in conn.execute(text("SELECT action FROM hours_audit WHERE chain = 1 ORDER BY seq"))]
        actor = conn.execute(text("SELECT actor FROM hours_audit WHERE action = 'unsigned-approval-cleared'")).scalar()
    assert statuses == {"a" * 32: "pending", "b" * 32: "pending"}
    assert actions == ["migrate", "unsigned-approval-cleared"] and "Demo Supervisor Q" in actor
    (before,) = verify_store(store, "Demo Learner A")
    assert before.ok and before.entries == 2 and before.approved == 0
    keygen(store, "Demo Supervisor Q", tmp_path / "q.pem")
    assert len(approve_entries(store, key=tmp_path / "q.pem")) == 2
    (after,) = verify_store(store, "Demo Learner A")
    assert after.ok and after.approved_verified == 2
    store.close()


def test_a_bulk_insert_the_database_refuses_is_a_sqlalchemy_error_and_rolls_back(store):
    """When SQLite refuses a block of rows (the same id twice), is it reported as SQLAlchemy reports errors,
    naming the constraint, and is nothing of the block left in the table?"""
    from sqlalchemy.exc import IntegrityError

    from casekit.hours.storage.bulkrows import insert_rows

    with store.write() as conn:
        conn.exec_driver_sql("INSERT INTO hours_people (name, role, credentials, created_at) "
                             "VALUES ('Demo Learner A', 'learner', '[]', '2024-01-01')")
    same = "0" * 32
    columns = ["entry_id", "learner_id", "day", "minutes", "category", "setting", "paid", "supervisor_id", "note"]
    values = [[same, same], [1, 1], ["2024-01-02", "2024-01-03"], [60, 60], ["training"] * 2, ["school"] * 2,
              [1, 1], [None, None], ["", ""]]
    with pytest.raises(IntegrityError, match="entry_id"):
        with store.write() as conn:
            insert_rows(conn, "hours_entries", columns, values, 2,
                        constants={"status": "'pending'", "created_at": "'2024-01-03T00:00:00+00:00'"})
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM hours_entries").scalar() == 0
    with pytest.raises(ValueError, match="9 columns of 3 values"):
        with store.write() as conn:
            insert_rows(conn, "hours_entries", columns, values, 3)
