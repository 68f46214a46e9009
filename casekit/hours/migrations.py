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
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    inspect,
    text,
)
from sqlalchemy.engine import Connection

from casekit.hours.errors import SchemaTooNewError
from casekit.hours.models import migrations_table_name

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


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "people and entries", _m001_people_and_entries),
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
    if set(have) == known:
        return []
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
