"""Numbered schema migrations, recorded in the ``hours_migrations`` table.

Each migration is a function that changes the schema one step; :func:`migrate` applies
the ones a database has not seen, each in its own write transaction together with the
row that records it, so a crash leaves the schema at one numbered version or the next.
Migrations define the tables they create themselves (frozen at that version) rather than
import :mod:`casekit.hours.models`, so migration 1 means the same thing forever.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    inspect,
    text,
)
from sqlalchemy.engine import Connection

from casekit.hours.errors import SchemaTooNewError, StoreError
from casekit.hours.storage.models import migrations_table_name

# Any constant; only processes migrating the same PostgreSQL database share it.
_PG_LOCK_KEY = 7_206_2026


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    apply: Callable[[Connection], None]


def _m001_people_and_entries(conn: Connection) -> None:
    md = MetaData()
    Table(
        "hours_people",
        md,
        Column("person_id", Integer, primary_key=True, autoincrement=True),
        Column("name", String(120), nullable=False, unique=True),
        Column("role", String(12), nullable=False),
        Column("degree_level", String(12), nullable=True),
        Column("degree_field", String(40), nullable=True),
        Column("degree_date", Date, nullable=True),
        Column("credentials", Text, nullable=False),
        Column("created_at", String(32), nullable=False),
        CheckConstraint("role IN ('learner', 'supervisor', 'both')", name="ck_people_role"),
    )
    Table(
        "hours_entries",
        md,
        Column("entry_id", String(32), nullable=False, unique=True),
        Column("learner_id", Integer, ForeignKey("hours_people.person_id"), nullable=False),
        Column("day", Date, nullable=False),
        Column("minutes", Integer, nullable=False),
        Column("category", String(40), nullable=False),
        Column("setting", String(40), nullable=False),
        Column("paid", Boolean, nullable=False),
        Column("supervisor_id", Integer, ForeignKey("hours_people.person_id"), nullable=True),
        Column("note", Text, nullable=False),
        Column("status", String(12), nullable=False),
        Column("created_at", String(32), nullable=False),
        Column("approved_at", String(32), nullable=True),
        Column("approved_by", Integer, ForeignKey("hours_people.person_id"), nullable=True),
        PrimaryKeyConstraint("learner_id", "day", "entry_id", name="pk_entries"),
        CheckConstraint("minutes > 0 AND minutes <= 1440", name="ck_entries_minutes"),
        CheckConstraint("status IN ('pending', 'approved')", name="ck_entries_status"),
        # A supervisor's pending entries, found without reading the whole log.
        Index("ix_entries_supervisor_status", "supervisor_id", "status"),
        sqlite_with_rowid=False,
    )
    md.create_all(conn)


# --- migration 2: signed approvals, corrections, the audit chain ----------------------------

# No trigger on INSERT: a per-row trigger would double the cost of a million-entry import,
# and an entry inserted as approved is caught by verify (no signed approval, no audit record).
_NEVER_EDITED = "entries are never edited or deleted; log a correction instead (casekit hours correct ENTRY_ID)"
_M002_GUARDS = {
    # name: (table, when, message)
    "hours_entries_approved_unchanged": ("UPDATE", "hours_entries", "OLD.status = 'approved'",
                                         "hours_entries: an approved entry is never changed; log a correction instead "
                                         "(casekit hours correct ENTRY_ID)"),
    "hours_entries_fields_unchanged": ("UPDATE", "hours_entries", " OR ".join(
        f"NEW.{c} IS NOT OLD.{c}" for c in ("entry_id", "learner_id", "day", "minutes", "category", "setting", "paid",
                                            "supervisor_id", "note", "supersedes", "created_at")),
                                       "hours_entries: " + _NEVER_EDITED),
    "hours_entries_kept": ("DELETE", "hours_entries", None, "hours_entries: " + _NEVER_EDITED),
    "hours_entries_approved_signed": ("UPDATE", "hours_entries", "NEW.status = 'approved' AND NOT EXISTS "
                                      "(SELECT 1 FROM hours_approvals a WHERE a.entry_id = NEW.entry_id)",
                                      "hours_entries: an entry is approved only with a supervisor's signed approval "
                                      "(casekit hours approve)"),
    "hours_approvals_unchanged": ("UPDATE", "hours_approvals", None, "hours_approvals: signed approvals are never changed"),
    "hours_approvals_kept": ("DELETE", "hours_approvals", None, "hours_approvals: signed approvals are never deleted"),
    "hours_audit_unchanged": ("UPDATE", "hours_audit", None, "hours_audit: the audit log is append-only"),
    "hours_audit_kept": ("DELETE", "hours_audit", None, "hours_audit: the audit log is append-only"),
    "hours_keys_unchanged": ("UPDATE", "hours_keys", " OR ".join(
        [f"NEW.{c} IS NOT OLD.{c}" for c in ("fingerprint", "person_id", "public_key", "registered_at")]
        + ["OLD.retired_at IS NOT NULL"]),
                             "hours_keys: a registered key is only ever retired (casekit hours keys register --replace)"),
    "hours_keys_kept": ("DELETE", "hours_keys", None,
                        "hours_keys: registered keys are never deleted; approvals they signed must stay checkable"),
}
TRIGGERS: tuple[str, ...] = tuple(_M002_GUARDS) + ("hours_summaries_unchanged", "hours_summaries_kept")


def _sqlite_guards(conn: Connection, guards: dict | None = None) -> None:
    for name, (event, table, when, msg) in (guards or _M002_GUARDS).items():
        cond = f" WHEN {when}" if when else ""
        msg = msg.replace("'", "''")
        conn.exec_driver_sql(f"CREATE TRIGGER {name} BEFORE {event} ON {table} FOR EACH ROW{cond} "
                             f"BEGIN SELECT RAISE(ABORT, '{msg}'); END")


def _postgresql_guards(conn: Connection, guards: dict | None = None) -> None:
    conn.exec_driver_sql("CREATE OR REPLACE FUNCTION hours_refuse() RETURNS trigger LANGUAGE plpgsql AS $f$ "
                         "BEGIN RAISE EXCEPTION USING MESSAGE = TG_ARGV[0]; END $f$")
    conn.exec_driver_sql(
        "CREATE OR REPLACE FUNCTION hours_check_signed() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN "
        "IF NEW.status = 'approved' AND NOT EXISTS (SELECT 1 FROM hours_approvals a WHERE a.entry_id = NEW.entry_id) "
        "THEN RAISE EXCEPTION USING MESSAGE = TG_ARGV[0]; END IF; RETURN NEW; END $f$")
    for name, (event, table, when, msg) in (guards or _M002_GUARDS).items():
        func = "hours_refuse"
        if name == "hours_entries_approved_signed":  # a subquery cannot go in a trigger's WHEN here
            func, when = "hours_check_signed", None
        cond = f" WHEN ({when.replace(' IS NOT ', ' IS DISTINCT FROM ')})" if when else ""
        msg = msg.replace("'", "''")
        conn.exec_driver_sql(f"CREATE TRIGGER {name} BEFORE {event} ON {table} FOR EACH ROW{cond} "
                             f"EXECUTE FUNCTION {func}('{msg}')")


def _m002_signed_approvals_and_audit(conn: Connection) -> None:
    """Supersedes column, keys, signed approvals, the audit chain, and triggers guarding them.

    Entries already in the log get a ``migrate`` record in their learner's chain. Entries
    approved before approvals were signed go back to pending (recorded in the chain, with
    who approved them and when): an unsigned approval is not something a board can check,
    so their supervisor approves them again, this time with a signature.
    """
    from casekit.hours.storage.audit import entry_hashes, learner_chain_name, make_record, pack_items  # format v1, frozen

    conn.exec_driver_sql("ALTER TABLE hours_entries ADD COLUMN supersedes VARCHAR(32)")
    # Partial: almost no entry is a correction, so a million-entry import adds almost nothing to it.
    conn.exec_driver_sql("CREATE INDEX ix_entries_supersedes ON hours_entries (supersedes) WHERE supersedes IS NOT NULL")
    md = MetaData()
    Table("hours_people", md, Column("person_id", Integer, primary_key=True))
    Table("hours_entries", md, Column("entry_id", String(32), nullable=False, unique=True))
    Table(
        "hours_keys", md,
        Column("fingerprint", String(64), primary_key=True),
        Column("person_id", Integer, ForeignKey("hours_people.person_id"), nullable=False),
        Column("public_key", Text, nullable=False),
        Column("registered_at", String(32), nullable=False),
        Column("retired_at", String(32), nullable=True),
    )
    Table(
        "hours_approvals", md,
        Column("entry_id", String(32), primary_key=True),
        Column("learner_id", Integer, ForeignKey("hours_people.person_id"), nullable=False),
        Column("seq", Integer, nullable=False),
        Column("day", Date, nullable=False),
        Column("minutes", Integer, nullable=False),
        Column("category", String(40), nullable=False),
        Column("setting", String(40), nullable=False),
        Column("paid", Boolean, nullable=False),
        Column("supervisor_id", Integer, ForeignKey("hours_people.person_id"), nullable=True),
        Column("supersedes", String(32), nullable=True),
        Column("signature", String(100), nullable=False),
        Index("ix_approvals_learner_seq", "learner_id", "seq"),
    )
    audit = Table(
        "hours_audit", md,
        Column("chain", Integer, nullable=False),
        Column("seq", Integer, nullable=False),
        Column("at", String(32), nullable=False),
        Column("actor", String(200), nullable=False),
        Column("action", String(32), nullable=False),
        Column("subject", String(64), nullable=True),
        Column("count", Integer, nullable=False),
        Column("items", LargeBinary, nullable=True),
        Column("payload_hash", String(64), nullable=False),
        Column("prev_hash", String(64), nullable=False),
        Column("hash", String(64), nullable=False),
        PrimaryKeyConstraint("chain", "seq", name="pk_audit"),
        sqlite_with_rowid=False,
    )
    for name in ("hours_keys", "hours_approvals", "hours_audit"):
        md.tables[name].create(conn)

    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    rows = conn.execute(text(
        "SELECT e.entry_id, e.learner_id, l.name AS learner, e.day, e.minutes, e.category, e.setting, e.paid, "
        "s.name AS supervisor, e.note, e.status, a.name AS approver, e.approved_at "
        "FROM hours_entries e JOIN hours_people l ON l.person_id = e.learner_id "
        "LEFT JOIN hours_people s ON s.person_id = e.supervisor_id LEFT JOIN hours_people a ON a.person_id = e.approved_by "
        "ORDER BY e.learner_id, e.day, e.entry_id")).all()
    if rows:
        hashes = entry_hashes([r.entry_id for r in rows], [r.learner for r in rows],
                              [r.day.isoformat() if hasattr(r.day, "isoformat") else str(r.day) for r in rows],
                              [r.minutes for r in rows], [r.category for r in rows], [r.setting for r in rows],
                              [bool(r.paid) for r in rows], [r.supervisor for r in rows], [r.note for r in rows],
                              [None] * len(rows))
        by_learner: dict[int, list[int]] = {}
        for i, r in enumerate(rows):
            by_learner.setdefault(int(r.learner_id), []).append(i)
        records = []
        for lid, idx in by_learner.items():
            name = learner_chain_name(rows[idx[0]].learner)
            rec = make_record(lid, name, (0, "0" * 64), at=now, actor="casekit schema migration 2", action="migrate",
                              items=pack_items([rows[i].entry_id for i in idx], [hashes[i] for i in idx]))
            records.append(rec)
            unsigned: dict[tuple, list[int]] = {}
            for i in idx:
                if rows[i].status == "approved":
                    unsigned.setdefault((rows[i].approver or "unknown", rows[i].approved_at or ""), []).append(i)
            for (who, when), members in unsigned.items():
                rec = make_record(lid, name, (rec.seq, rec.hash), at=now,
                                  actor=f"casekit schema migration 2 (unsigned approval by {who} at {when})",
                                  action="unsigned-approval-cleared",
                                  items=pack_items([rows[i].entry_id for i in members], [hashes[i] for i in members]))
                records.append(rec)
        conn.execute(audit.insert(), [r.row() for r in records])
        conn.execute(text("UPDATE hours_entries SET status = 'pending', approved_at = NULL, approved_by = NULL "
                          "WHERE status = 'approved'"))
    if conn.dialect.name == "sqlite":
        _sqlite_guards(conn)
    elif conn.dialect.name == "postgresql":
        _postgresql_guards(conn)


# --- migration 3: signed monthly supervision summaries --------------------------------------

_M003_GUARDS = {
    "hours_summaries_unchanged": ("UPDATE", "hours_summaries", None,
                                  "hours_summaries: a signed monthly summary is never changed; sign a new one"),
    "hours_summaries_kept": ("DELETE", "hours_summaries", None,
                             "hours_summaries: signed monthly summaries are never deleted"),
}


def _m003_monthly_summaries(conn: Connection) -> None:
    md = MetaData()
    Table("hours_people", md, Column("person_id", Integer, primary_key=True))
    Table(
        "hours_summaries", md,
        Column("learner_id", Integer, ForeignKey("hours_people.person_id"), nullable=False),
        Column("seq", Integer, nullable=False),
        Column("month", String(7), nullable=False),
        Column("supervisor_id", Integer, ForeignKey("hours_people.person_id"), nullable=False),
        Column("statement", Text, nullable=False),
        Column("signature", String(100), nullable=False),
        PrimaryKeyConstraint("learner_id", "seq", name="pk_summaries"),
    )
    md.tables["hours_summaries"].create(conn)
    if conn.dialect.name == "sqlite":
        _sqlite_guards(conn, _M003_GUARDS)
    elif conn.dialect.name == "postgresql":
        _postgresql_guards(conn, _M003_GUARDS)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "people and entries", _m001_people_and_entries),
    Migration(2, "signed approvals, corrections and the audit chain", _m002_signed_approvals_and_audit),
    Migration(3, "signed monthly supervision summaries", _m003_monthly_summaries),
)


def _ensure_table(conn: Connection) -> Table:
    md = MetaData()
    table = Table(
        migrations_table_name,
        md,
        Column("number", Integer, primary_key=True, autoincrement=False),
        Column("name", String(200), nullable=False),
        Column("applied_at", String(32), nullable=False),
    )
    md.create_all(conn, checkfirst=True)
    return table


def applied(conn: Connection) -> list[int]:
    """The migration numbers recorded in this database, in order (empty for a new one)."""
    if not inspect(conn).has_table(migrations_table_name):
        return []
    rows = conn.execute(text(f"SELECT number FROM {migrations_table_name} ORDER BY number"))
    return [int(r[0]) for r in rows]


def schema_version(store) -> int:
    """The highest migration applied to the store's database (0 for an empty one)."""
    with store.read() as conn:
        nums = applied(conn)
    return max(nums, default=0)


def migrate(store, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Apply every migration the database lacks; return the numbers applied now."""
    known = {m.number for m in migrations}
    # Readers must not queue behind a long import for the write lock: look first.
    with store.read() as conn:
        have = applied(conn)
        others = [] if have or not store.is_sqlite else sorted(inspect(conn).get_table_names())
    if set(have) == known:
        return []
    if others:  # a SQLite file of another program: never add the log's tables to it
        listed = ", ".join(others[:5]) + (", ..." if len(others) > 5 else "")
        raise StoreError(f"{store.describe()} is a database of another program (it holds the tables {listed}), not an "
                         "hours log; nothing was changed. Name a new file for the log with --db PATH")
    done: list[int] = []
    for m in migrations:
        with store.write() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
            table = _ensure_table(conn)
            have = applied(conn)
            newer = [n for n in have if n not in known]
            if newer:
                raise SchemaTooNewError(
                    f"the hours log {store.describe()} has schema migration {max(newer)}, which this "
                    f"version of casekit does not know (it knows up to {max(known)}); "
                    "upgrade casekit (git pull, then make install) before using this log"
                )
            if m.number in have:
                continue
            m.apply(conn)
            conn.execute(
                table.insert().values(
                    number=m.number,
                    name=m.name,
                    applied_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                )
            )
            done.append(m.number)
    return done
