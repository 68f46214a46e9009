"""Corrections: the only way to change an entry once it is logged.

An entry is never edited or deleted (the database refuses to, and the audit log would
show it). To fix one, log a correction: a new entry with the right details that names the
entry it replaces. It starts pending like any entry and must itself be approved; what
counts meanwhile is described in :mod:`casekit.hours.supersession`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
import datetime
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from casekit.hours.errors import CorrectionError
from casekit.hours.storage.models import Person, label
from casekit.hours.log.supersession import line_versions

if TYPE_CHECKING:
    from casekit.hours.storage.database import Store

# "Keep the entry's supervisor" (None would be ambiguous: "" removes the supervisor).
UNCHANGED = object()


def _hours_text(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def correct_entry(
    store: Store,
    entry_id: str,
    *,
    date: date | str | None = None,
    hours: float | str | None = None,
    category: str | None = None,
    setting: str | None = None,
    paid: bool | None = None,
    supervisor: str | None | object = UNCHANGED,
    note: str | None = None,
    actor: str | None = None,
    today: date | None = None,
) -> str:
    """Log a correction of ``entry_id`` with the fields given changed; return the correction's id.

    Fields not given keep the entry's values; ``supervisor=""`` removes the supervisor.
    The correction goes through the same checks as any new entry. Raises
    :class:`CorrectionError` when the entry does not exist or nothing would change, and
    :class:`~casekit.hours.errors.EntryRejected` for a bad field or an entry already corrected.
    """
    from sqlalchemy import select

    from casekit.hours.storage.tables import entries, people

    eid = (entry_id or "").strip().lower().replace("-", "")
    sup = people.alias("sup")
    lea = people.alias("lea")
    with store.read() as conn:
        row = conn.execute(
            select(entries, lea.c.name.label("learner"), sup.c.name.label("supervisor"))
            .select_from(entries.join(lea, entries.c.learner_id == lea.c.person_id)
                         .outerjoin(sup, entries.c.supervisor_id == sup.c.person_id))
            .where(entries.c.entry_id == eid)).first()
    if row is None:
        raise CorrectionError(f"{entry_id}: no such entry; give the id of the entry to correct (casekit hours list)")
    old = {
        "date": row.day.isoformat(), "hours": _hours_text(row.minutes), "category": row.category,
        "setting": row.setting, "paid": "yes" if row.paid else "no", "supervisor": row.supervisor or "",
        "note": row.note or "",
    }
    new = dict(old)
    if date is not None:
        new["date"] = date.isoformat() if hasattr(date, "isoformat") else str(date)
    if hours is not None:
        new["hours"] = str(hours)
    if category is not None:
        new["category"] = category
    if setting is not None:
        new["setting"] = setting
    if paid is not None:
        new["paid"] = "yes" if paid else "no"
    if supervisor is not UNCHANGED:
        new["supervisor"] = supervisor or ""
    if note is not None:
        new["note"] = note
    # Writing a correction needs the entry parser and pandas; reading pending corrections (progress) does not.
    import pandas as pd

    from casekit.hours.log.entries import parse_frame
    from casekit.hours.log.logbook import write_entries

    frame = pd.DataFrame({k: [v] for k, v in dict(new, learner=row.learner, entry_id="").items()}, dtype=object)
    parsed, problems = parse_frame(frame, today=today)
    if not problems and _same(parsed, row, new):
        raise CorrectionError(f"{eid}: nothing to correct: give at least one field with a new value "
                              "(--date, --hours, --category, --setting, --paid/--unpaid, --supervisor, --note)")
    parsed.supersedes = np.array([eid], dtype=object)
    return write_entries(store, parsed, problems, actor=actor)[0]


def _same(parsed, row, new: dict) -> bool:
    return (str(parsed.day[0]) == row.day.isoformat() and int(parsed.minutes[0]) == int(row.minutes)
            and parsed.category[0] == row.category and parsed.setting[0] == row.setting
            and bool(parsed.paid[0]) == bool(row.paid)
            and (parsed.supervisor[0] or "").lower() == (row.supervisor or "").lower()
            and new["note"] == (row.note or ""))


@dataclass(frozen=True)
class PendingCorrection:
    """A correction of an approved entry, waiting for approval; the approved entry counts until then."""

    entry_id: str  # the correction
    replaces: str  # the approved entry it will replace
    date: datetime.date
    hours: float
    was_date: datetime.date
    was_hours: float
    changes: tuple[str, ...]  # what it changes, in words ("6.50 h in place of 7.50 h")

    @property
    def change_hours(self) -> float:
        """What approving it would add to the hours logged (negative: take away)."""
        return self.hours - self.was_hours

    def text(self) -> str:
        return f"{self.was_date.isoformat()} entry {self.replaces}: correction {self.entry_id} pending: " + "; ".join(self.changes)


@dataclass(frozen=True)
class EntryVersion:
    """The fields of one version of an entry that a correction can change (what :func:`waiting_corrections` compares)."""

    day: date
    minutes: int
    category: str
    setting: str
    paid: bool
    supervisor: str | None
    note: str

    @classmethod
    def from_signed(cls, row: Mapping) -> "EntryVersion":
        """From a signed log's entry (date as ``YYYY-MM-DD``, the supervisor by name)."""
        return cls(date.fromisoformat(str(row["date"])), int(row["minutes"]), str(row["category"]), str(row["setting"]),
                   bool(row["paid"]), row.get("supervisor") or None, str(row.get("note") or ""))


def waiting_corrections(pairs: Iterable[tuple[str, EntryVersion, str, EntryVersion]], *,
                        as_of: date | None = None) -> list[PendingCorrection]:
    """``(correction id, correction, approved entry id, approved entry)`` as :class:`PendingCorrection`, oldest entry first.

    With ``as_of``, a correction is listed when the entry or the correction is dated on or before it.
    """
    out = []
    for cid, new, oid, old in pairs:
        if as_of is not None and min(new.day, old.day) > as_of:
            continue
        out.append(PendingCorrection(cid, oid, new.day, new.minutes / 60, old.day, old.minutes / 60,
                                     tuple(_changes(old, new))))
    return sorted(out, key=lambda c: (c.was_date, c.replaces))


def pending_corrections(store: Store, learner: Person, *, exclude: set[str] | None = None,
                        as_of: date | None = None) -> list[PendingCorrection]:
    """``learner``'s corrections of approved entries still waiting for approval, oldest entry first.

    ``exclude`` names entries to leave out (as :func:`casekit.hours.learner.learner_progress`
    does); with ``as_of``, a correction is listed when the entry or the correction is
    dated on or before it.
    """
    from sqlalchemy import select

    from casekit.hours.storage.tables import entries, people

    sup = people.alias("sup")
    with store.read() as conn:
        waiting = line_versions(conn, learner.person_id).waiting
        drop = set(exclude or ())
        waiting = {c: o for c, o in waiting.items() if c not in drop and o not in drop}
        if not waiting:
            return []
        ids = sorted(set(waiting) | set(waiting.values()))
        rows = {}
        for start in range(0, len(ids), 500):
            q = (select(entries, sup.c.name.label("supervisor"))
                 .select_from(entries.outerjoin(sup, entries.c.supervisor_id == sup.c.person_id))
                 .where(entries.c.entry_id.in_(ids[start : start + 500])))
            rows.update({r.entry_id: _version_of_row(r) for r in conn.execute(q)})
    return waiting_corrections(((cid, rows[cid], oid, rows[oid]) for cid, oid in waiting.items()
                                if cid in rows and oid in rows), as_of=as_of)


def _version_of_row(r) -> EntryVersion:
    return EntryVersion(r.day, int(r.minutes), r.category, r.setting, bool(r.paid), r.supervisor, r.note or "")


def _changes(old: EntryVersion, new: EntryVersion) -> list[str]:
    out = []
    if new.minutes != old.minutes:
        out.append(f"{new.minutes / 60:.2f} h in place of {old.minutes / 60:.2f} h")
    if new.day != old.day:
        out.append(f"date {new.day.isoformat()} in place of {old.day.isoformat()}")
    for f in ("category", "setting"):
        if getattr(new, f) != getattr(old, f):
            out.append(f"{f} '{label(getattr(new, f))}' in place of '{label(getattr(old, f))}'")
    if bool(new.paid) != bool(old.paid):
        out.append("unpaid in place of paid" if old.paid else "paid in place of unpaid")
    if (new.supervisor or "") != (old.supervisor or ""):
        out.append(f"supervisor {new.supervisor or 'none'} in place of {old.supervisor or 'none'}")
    if (new.note or "") != (old.note or ""):
        out.append("a new note")
    return out or ["no change to what counts"]
