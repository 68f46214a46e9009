"""Which version of an entry counts: corrections replace entries without changing them.

An entry is never edited; a correction is a new entry naming the one it replaces
(``supersedes``). A correction may itself be corrected while it is pending, so an entry
and its corrections form a line of versions, oldest first. They are one piece of work:
of each line exactly one version counts, the *current* one:

* the latest **approved** version, if any version is approved: a supervisor's signature
  is undone only by a supervisor's signature. A pending version after it is a *pending
  correction* of it: shown as a change waiting for approval, never added on top;
* otherwise the last version (pending, and shown as pending).

Every other version is *replaced*: it counts nowhere and is not shown as pending. So a
pending entry with a correction is replaced at once (it can no longer be approved:
approve the correction instead), and an approved entry is replaced once a later version
is approved.

Everything that measures hours (progress, the pending totals, the report, verification)
reads only current entries. The rule is written twice, once as SQL for the database
(:data:`CURRENT_SQL`) and once in Python for a signed file or a table
(:func:`resolve_versions`); the tests check that the two agree. A log with no corrections
skips the test entirely.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

# Every (version, earlier version) pair of every line of versions.
_LINEAGE = (
    "WITH RECURSIVE lineage(entry_id, ancestor) AS ("
    "SELECT entry_id, supersedes FROM hours_entries WHERE supersedes IS NOT NULL "
    "UNION SELECT l.entry_id, e.supersedes FROM lineage l JOIN hours_entries e ON e.entry_id = l.ancestor "
    "WHERE e.supersedes IS NOT NULL) "
)
# The versions that are not current: earlier than an approved version; pending with a later
# version; pending after an approved version (a pending correction). CROSS JOIN keeps SQLite
# walking from the few lines to the entries, not scanning every entry.
NOT_CURRENT_SQL = _LINEAGE + (
    "SELECT l.ancestor FROM lineage l CROSS JOIN hours_entries v WHERE v.entry_id = l.entry_id AND v.status = 'approved' "
    "UNION SELECT l.ancestor FROM lineage l CROSS JOIN hours_entries v WHERE v.entry_id = l.ancestor AND v.status = 'pending' "
    "UNION SELECT l.entry_id FROM lineage l CROSS JOIN hours_entries v CROSS JOIN hours_entries a "
    "WHERE v.entry_id = l.entry_id AND a.entry_id = l.ancestor AND v.status = 'pending' AND a.status = 'approved'"
)
# For raw SQL over ``hours_entries`` (the unqualified ``entry_id`` is the outer row's).
CURRENT_SQL = f"entry_id NOT IN ({NOT_CURRENT_SQL})"


@dataclass(frozen=True)
class Versions:
    """Which versions do not count (see the module's rule); every other entry is current."""

    replaced: frozenset[str] = frozenset()
    waiting: dict[str, str] = field(default_factory=dict)  # pending correction -> the approved version counting meanwhile

    def is_current(self, entry_id: str) -> bool:
        return entry_id not in self.replaced and entry_id not in self.waiting

    @property
    def not_current(self) -> frozenset[str]:
        return self.replaced | frozenset(self.waiting)


def resolve_versions(rows: Iterable[tuple[str, str | None, str]]) -> Versions:
    """Apply the rule to ``(entry_id, supersedes, status)`` rows (all of one log, or every version of the lines wanted).

    A line that loops or branches (only a damaged file has one) is resolved without
    looping forever; verification reports the damage itself.
    """
    status: dict[str, str] = {}
    earlier: dict[str, str] = {}
    corrected: set[str] = set()
    for eid, sup, st in rows:
        status[eid] = st
        if sup:
            earlier[eid] = sup
            corrected.add(sup)

    def ancestors(eid: str):
        seen = {eid}
        a = earlier.get(eid)
        while a is not None and a not in seen:
            yield a
            seen.add(a)
            a = earlier.get(a)

    replaced = {eid for eid, st in status.items() if st == "pending" and eid in corrected}
    for eid, st in status.items():
        if st == "approved" and eid in earlier:
            replaced.update(ancestors(eid))
    waiting = {}
    for eid, st in status.items():
        if st == "pending" and eid not in replaced and eid in earlier:
            approved = next((a for a in ancestors(eid) if status.get(a) == "approved"), None)
            if approved is not None:
                waiting[eid] = approved
    return Versions(frozenset(replaced), waiting)


def has_corrections(conn: Connection) -> bool:
    """Whether any entry in the log corrects another (an index lookup)."""
    from sqlalchemy import text

    return conn.execute(text("SELECT 1 FROM hours_entries WHERE supersedes IS NOT NULL LIMIT 1")).first() is not None


def line_versions(conn: Connection, learner_id: int | None = None) -> Versions:
    """The rule applied to the log's lines of versions (one learner's, or everyone's)."""
    from sqlalchemy import text

    if not has_corrections(conn):
        return Versions()
    sql = ("SELECT entry_id, supersedes, status FROM hours_entries WHERE (supersedes IS NOT NULL OR entry_id IN "
           "(SELECT supersedes FROM hours_entries WHERE supersedes IS NOT NULL))")
    params = {}
    if learner_id is not None:
        sql += " AND learner_id = :learner"
        params["learner"] = int(learner_id)
    return resolve_versions(tuple(r) for r in conn.execute(text(sql), params))


def live_condition(table=None):
    """A SQLAlchemy condition on ``table`` (hours_entries or an alias) for entries still in play.

    For a pending entry: it has no correction, so it may still be approved (a pending
    correction of an approved entry is in play; it just does not count yet). For an
    approved entry: no direct correction of it is approved.
    """
    from sqlalchemy import and_, exists, not_

    from casekit.hours.storage.tables import entries

    table = entries if table is None else table
    c = entries.alias("correction")
    replaced_by_approved = exists().where(and_(c.c.supersedes == table.c.entry_id, c.c.status == "approved"))
    replaced = exists().where(c.c.supersedes == table.c.entry_id)
    return and_(not_(replaced_by_approved), not_(and_(table.c.status == "pending", replaced)))


def correction_of(conn: Connection, entry_ids: list[str]) -> dict[str, str]:
    """For each of ``entry_ids`` that has a correction, the correction's id."""
    from sqlalchemy import select

    from casekit.hours.storage.tables import entries

    out: dict[str, str] = {}
    for start in range(0, len(entry_ids), 500):
        chunk = entry_ids[start : start + 500]
        q = select(entries.c.supersedes, entries.c.entry_id).where(entries.c.supersedes.in_(chunk))
        out.update({r.supersedes: r.entry_id for r in conn.execute(q)})
    return out


__all__ = ["CURRENT_SQL", "NOT_CURRENT_SQL", "Versions", "correction_of", "has_corrections", "line_versions",
           "live_condition", "resolve_versions"]
