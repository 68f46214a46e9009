"""The hours log's tables, as SQLAlchemy sees them once every migration has run.

These describe the schema as the latest migration leaves it
(:mod:`casekit.hours.storage.migrations` builds it; a test checks the two agree). Queries
that SQLAlchemy composes use these tables; migrations never do, so an old migration keeps
meaning what it meant. The words and records the tables hold are in
:mod:`casekit.hours.storage.models`, which does not import SQLAlchemy.
"""

from __future__ import annotations

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
    text,
)

metadata = MetaData()

people = Table(
    "hours_people",
    metadata,
    Column("person_id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(120), nullable=False, unique=True),
    Column("role", String(12), nullable=False),
    Column("degree_level", String(12), nullable=True),
    Column("degree_field", String(40), nullable=True),
    Column("degree_date", Date, nullable=True),
    Column("credentials", Text, nullable=False, default="[]"),
    Column("created_at", String(32), nullable=False),
    CheckConstraint("role IN ('learner', 'supervisor', 'both')", name="ck_people_role"),
)

entries = Table(
    "hours_entries",
    metadata,
    Column("entry_id", String(32), nullable=False, unique=True),
    Column("learner_id", Integer, ForeignKey("hours_people.person_id"), nullable=False),
    Column("day", Date, nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("category", String(40), nullable=False),
    Column("setting", String(40), nullable=False),
    Column("paid", Boolean, nullable=False),
    Column("supervisor_id", Integer, ForeignKey("hours_people.person_id"), nullable=True),
    Column("note", Text, nullable=False, default=""),
    Column("status", String(12), nullable=False, default="pending"),
    Column("created_at", String(32), nullable=False),
    Column("approved_at", String(32), nullable=True),
    Column("approved_by", Integer, ForeignKey("hours_people.person_id"), nullable=True),
    # A correction names the entry it replaces (migration 2); the replaced entry is never changed.
    Column("supersedes", String(32), nullable=True),
    # One learner's entries are stored together (SQLite clusters a WITHOUT ROWID table
    # by its primary key), so one learner's progress reads a few pages, not the file.
    PrimaryKeyConstraint("learner_id", "day", "entry_id", name="pk_entries"),
    CheckConstraint("minutes > 0 AND minutes <= 1440", name="ck_entries_minutes"),
    CheckConstraint("status IN ('pending', 'approved')", name="ck_entries_status"),
    Index("ix_entries_supervisor_status", "supervisor_id", "status"),
    Index("ix_entries_supersedes", "supersedes", sqlite_where=text("supersedes IS NOT NULL"),
          postgresql_where=text("supersedes IS NOT NULL")),
    sqlite_with_rowid=False,
)

# A supervisor's Ed25519 public keys (migration 2). A key is never deleted: approvals it
# signed stay checkable after the supervisor moves to a new key (the old one is retired).
keys = Table(
    "hours_keys",
    metadata,
    Column("fingerprint", String(64), primary_key=True),
    Column("person_id", Integer, ForeignKey("hours_people.person_id"), nullable=False),
    Column("public_key", Text, nullable=False),
    Column("registered_at", String(32), nullable=False),
    Column("retired_at", String(32), nullable=True),
)

# One signed approval per approved entry (migration 2): the counted fields exactly as the
# supervisor signed them, and the signature. Who signed, when, with which key and over which
# log state is in the audit record ``(learner_id, seq)`` (see casekit.hours.signing).
approvals = Table(
    "hours_approvals",
    metadata,
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

# The hash-chained audit log (migration 2): one chain per learner (``chain`` = the learner's
# person id) and one for the key registry (``chain`` = 0). Each record is one write: who,
# when, what, and every entry it touched with that entry's hash (see casekit.hours.audit).
audit = Table(
    "hours_audit",
    metadata,
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

# Signed monthly supervision summaries (migration 3): the statement a supervisor signed, as
# canonical JSON, its signature, and the learner's audit record ``(learner_id, seq)`` holding it.
summaries = Table(
    "hours_summaries",
    metadata,
    Column("learner_id", Integer, ForeignKey("hours_people.person_id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("month", String(7), nullable=False),
    Column("supervisor_id", Integer, ForeignKey("hours_people.person_id"), nullable=False),
    Column("statement", Text, nullable=False),
    Column("signature", String(100), nullable=False),
    PrimaryKeyConstraint("learner_id", "seq", name="pk_summaries"),
)
