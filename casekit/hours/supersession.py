"""Which entries are live: corrections replace entries without changing them.

An entry is never edited; a correction is a new entry naming the one it replaces
(``supersedes``). What counts then:

* an entry replaced by an **approved** correction no longer counts, and is not shown as pending;
* a **pending** entry that has a correction is replaced at once (it can no longer be approved:
  approve the correction instead);
* an **approved** entry whose correction is still pending keeps counting until the
  correction is approved: a supervisor's signature is undone only by a supervisor's signature.

Everything that measures hours (progress, the 24-hours-a-day check, the pending list)
reads only live entries. A log with no corrections skips the test entirely.
"""

from __future__ import annotations

from sqlalchemy import and_, exists, not_, select, text
from sqlalchemy.engine import Connection

from casekit.hours.models import entries

# For raw SQL over ``hours_entries`` (unqualified column names refer to the outer row).
LIVE_SQL = (
    "entry_id NOT IN (SELECT supersedes FROM hours_entries WHERE supersedes IS NOT NULL AND status = 'approved') "
    "AND NOT (status = 'pending' AND entry_id IN (SELECT supersedes FROM hours_entries WHERE supersedes IS NOT NULL))"
)


def has_corrections(conn: Connection) -> bool:
    """Whether any entry in the log corrects another (an index lookup)."""
    return conn.execute(text("SELECT 1 FROM hours_entries WHERE supersedes IS NOT NULL LIMIT 1")).first() is not None


def live_condition(table=entries):
    """A SQLAlchemy condition on ``table`` (hours_entries or an alias) keeping live entries."""
    c = entries.alias("correction")
    replaced_by_approved = exists().where(and_(c.c.supersedes == table.c.entry_id, c.c.status == "approved"))
    replaced = exists().where(c.c.supersedes == table.c.entry_id)
    return and_(not_(replaced_by_approved), not_(and_(table.c.status == "pending", replaced)))


def correction_of(conn: Connection, entry_ids: list[str]) -> dict[str, str]:
    """For each of ``entry_ids`` that has a correction, the correction's id."""
    out: dict[str, str] = {}
    for start in range(0, len(entry_ids), 500):
        chunk = entry_ids[start : start + 500]
        q = select(entries.c.supersedes, entries.c.entry_id).where(entries.c.supersedes.in_(chunk))
        out.update({r.supersedes: r.entry_id for r in conn.execute(q)})
    return out


__all__ = ["LIVE_SQL", "has_corrections", "live_condition", "correction_of"]
