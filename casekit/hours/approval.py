"""A supervisor's sign-off: pending entries become approved.

Only approved entries count toward a credential's thresholds; pending hours are shown
apart. Approval here is a status change recorded with who and when; it is the one place
that turns an entry into counted hours, so a later signed approval replaces this function
and nothing else.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Iterable

from sqlalchemy import and_, or_, select, update

from casekit.hours.errors import ApprovalError
from casekit.hours.models import entries
from casekit.hours.people import PeopleIndex, get_person
from casekit.hours.store import Store


def _may_approve(supervisor_id: int):
    """Entries this supervisor may approve: theirs, or unsupervised ones, never their own."""
    return and_(
        or_(entries.c.supervisor_id == supervisor_id, entries.c.supervisor_id.is_(None)),
        entries.c.learner_id != supervisor_id,
    )


def approve_entries(
    store: Store,
    supervisor: str,
    *,
    entry_ids: Iterable[str] | None = None,
    learner: str | None = None,
    before: date | None = None,
) -> list[str]:
    """Approve pending entries as ``supervisor``; return the ids approved.

    With ``entry_ids``, exactly those entries (all or none: any id the supervisor may not
    approve raises :class:`ApprovalError` naming it). Without, every pending entry the
    supervisor may approve, optionally only ``learner``'s and only those dated on or
    before ``before``. A supervisor may approve
    entries naming them as supervisor, and entries with no supervisor (verifying the
    work), never entries of their own.
    """
    sup = get_person(store, supervisor, "supervisor")
    wanted = None if entry_ids is None else [e.strip().lower().replace("-", "") for e in entry_ids if e and e.strip()]
    if wanted is not None and not wanted:
        raise ApprovalError("no entry ids given; list the ids to approve (see casekit hours list --status pending)")
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with store.write() as conn:
        cond = and_(entries.c.status == "pending", _may_approve(sup.person_id))
        if learner:
            lea = PeopleIndex.load(store, conn=conn).find(learner, "learner")
            if lea is None:
                raise ApprovalError(PeopleIndex.load(store, conn=conn).unknown_message(learner, "learner"))
            cond = and_(cond, entries.c.learner_id == lea.person_id)
        if before is not None:
            cond = and_(cond, entries.c.day <= before)
        if wanted is not None:
            found = {}
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                q = select(entries.c.entry_id, entries.c.status, entries.c.supervisor_id, entries.c.learner_id).where(entries.c.entry_id.in_(chunk))
                found.update({r.entry_id: r for r in conn.execute(q)})
            problems = []
            for eid in wanted:
                r = found.get(eid)
                if r is None:
                    problems.append(f"{eid}: no such entry")
                elif r.status != "pending":
                    problems.append(f"{eid}: already {r.status}")
                elif r.learner_id == sup.person_id:
                    problems.append(f"{eid}: is {sup.name}'s own entry; another supervisor must approve it")
                elif r.supervisor_id not in (None, sup.person_id):
                    problems.append(f"{eid}: names another supervisor; only they can approve it")
            if problems:
                raise ApprovalError("nothing was approved:\n  " + "\n  ".join(problems))
            ids = wanted
            for start in range(0, len(ids), 500):
                conn.execute(
                    update(entries).where(entries.c.entry_id.in_(ids[start : start + 500]))
                    .values(status="approved", approved_at=now, approved_by=sup.person_id)
                )
            return ids
        ids = [r[0] for r in conn.execute(select(entries.c.entry_id).where(cond))]
        if ids:
            conn.execute(update(entries).where(cond).values(status="approved", approved_at=now, approved_by=sup.person_id))
        return ids


def pending_for(store: Store, supervisor: str, learner: str | None = None):
    """The pending entries ``supervisor`` may approve, as a table (newest first)."""
    from casekit.hours.logbook import list_entries

    sup = get_person(store, supervisor, "supervisor")
    frame = list_entries(store, learner=learner, status="pending")
    mine = (frame["supervisor"] == sup.name) | (frame["supervisor"] == "")
    return frame[mine & (frame["learner"] != sup.name)].reset_index(drop=True)
