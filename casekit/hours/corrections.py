"""Corrections: the only way to change an entry once it is logged.

An entry is never edited or deleted (the database refuses to, and the audit log would
show it). To fix one, log a correction: a new entry with the right details that names the
entry it replaces. It starts pending like any entry and must itself be approved; what
counts meanwhile is described in :mod:`casekit.hours.supersession`.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import select

from casekit.hours.entries import parse_frame
from casekit.hours.errors import CorrectionError
from casekit.hours.logbook import write_entries
from casekit.hours.models import entries, people
from casekit.hours.store import Store

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
