"""What the hours log holds: people, entries, and the words entries use.

Plain data only: the vocabulary of categories, settings, roles and degrees, the fields an
approval signs, and the :class:`Person` record. The SQLAlchemy tables are in
:mod:`casekit.hours.storage.tables`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


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


# --- the schema -------------------------------------------------------------------------
# The SQLAlchemy tables are in casekit.hours.storage.tables, so that reading these words
# and records does not import SQLAlchemy. The current schema version is the number of the
# last migration (casekit.hours.storage.migrations; a test checks they agree).

SCHEMA_VERSION = 3

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
            degree_date=date.fromisoformat(when) if isinstance(when := m["degree_date"], str) else when,
            credentials=tuple(json.loads(m["credentials"] or "[]")),
        )


def label(code: str) -> str:
    """The human label for a category or setting code (the code itself if unknown)."""
    return CATEGORIES.get(code) or SETTINGS.get(code) or code


_TABLES = ("metadata", "people", "entries", "keys", "approvals", "audit", "summaries")


def __getattr__(name: str):
    """The tables, for code written when they were defined here (``from casekit.hours.models import entries``)."""
    if name in _TABLES:
        from casekit.hours.storage import tables

        return getattr(tables, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
