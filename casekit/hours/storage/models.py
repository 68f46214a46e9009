"""What the hours log holds: people, entries, and the words entries use.

The tables below describe the schema as the latest migration leaves it
(:mod:`casekit.hours.migrations` builds it; a test checks the two agree). Queries use
these tables; migrations never do, so an old migration keeps meaning what it meant.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

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

# --- vocabulary -------------------------------------------------------------------------
# Codes are stored; labels are shown. Order matters only for display.

CATEGORIES: dict[str, str] = {
    "direct_client_work": "direct client work",
    "care_coordination": "care coordination",
    "documentation": "documentation",
    "supervision_individual": "individual supervision received",
    "supervision_group": "group supervision received",
    "training": "training",
    "supervising_case_managers": "supervising case managers",
}

SUPERVISION_CATEGORIES = ("supervision_individual", "supervision_group")
"""The categories that are supervision received (what a monthly summary and a supervision requirement count)."""

SETTINGS: dict[str, str] = {
    "health_care": "health care delivery (hospital, clinic, nursing home, hospice, home health)",
    "managed_care": "managed care, insurance or workers' compensation",
    "disability_management": "disability or absence management",
    "school": "school",
    "social_services": "social services or public assistance",
    "shelter_treatment": "homeless shelter or treatment facility",
    "other": "other setting",
}

STATUSES: tuple[str, ...] = ("pending", "approved")

ROLES: tuple[str, ...] = ("learner", "supervisor", "both")

DEGREE_LEVELS: tuple[str, ...] = ("none", "associate", "bachelor", "master", "doctorate")

DEGREE_FIELDS: dict[str, str] = {
    "social_work": "social work",
    "nursing": "nursing",
    "health_human_services": "another health or human services field",
    "other": "any other field",
}

MAX_NOTE_CHARS = 500
MINUTES_PER_DAY = 24 * 60

# The fields of an entry that decide whether, and how much, it counts toward a
# credential's threshold. Progress reads exactly these (plus the status); a supervisor's
# signature will cover exactly these. See threshold_fields().
THRESHOLD_FIELDS: tuple[str, ...] = (
    "entry_id",
    "learner",
    "date",
    "minutes",
    "category",
    "setting",
    "paid",
    "supervisor",
)


def threshold_fields(entry: dict) -> dict:
    """The fields of ``entry`` that decide what it counts toward, in a fixed order and form.

    ``entry`` is a mapping with at least :data:`THRESHOLD_FIELDS`
    (``learner`` and ``supervisor`` by name, ``date`` as a date or ISO text). Everything
    else (note, status, timestamps) is left out: changing it cannot change any progress.
    """
    out = {}
    for f in THRESHOLD_FIELDS:
        v: Any = entry.get(f)  # each field has its own type; int(None) fails as a bad entry should
        if f == "date" and isinstance(v, (date, datetime)):
            v = v.isoformat()[:10]
        elif f == "minutes":
            v = int(v)
        elif f == "paid":
            v = bool(v)
        elif f == "supervisor":
            v = v or None
        out[f] = v
    return out


# --- tables -----------------------------------------------------------------------------

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

KEY_REGISTRY_CHAIN = 0

migrations_table_name = "hours_migrations"


# --- plain records ----------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A learner, a supervisor, or both."""

    person_id: int
    name: str
    role: str
    degree_level: str | None = None
    degree_field: str | None = None
    degree_date: date | None = None
    credentials: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_learner(self) -> bool:
        return self.role in ("learner", "both")

    @property
    def is_supervisor(self) -> bool:
        return self.role in ("supervisor", "both")

    def degree_text(self) -> str:
        if not self.degree_level or self.degree_level == "none":
            return "no degree recorded"
        fld = DEGREE_FIELDS.get(self.degree_field or "", self.degree_field or "")
        when = f", {self.degree_date.isoformat()}" if self.degree_date else ", date not recorded"
        return f"{self.degree_level}'s degree in {fld}{when}".replace("doctorate's", "doctorate")

    @classmethod
    def from_row(cls, row) -> "Person":
        m = row._mapping if hasattr(row, "_mapping") else row
        return cls(
            person_id=int(m["person_id"]),
            name=m["name"],
            role=m["role"],
            degree_level=m["degree_level"],
            degree_field=m["degree_field"],
            degree_date=m["degree_date"],
            credentials=tuple(json.loads(m["credentials"] or "[]")),
        )


def label(code: str) -> str:
    """The human label for a category or setting code (the code itself if unknown)."""
    return CATEGORIES.get(code) or SETTINGS.get(code) or code
