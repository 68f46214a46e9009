"""Writing entries to the log (all of a batch or none) and reading them back.

Every write goes through :func:`write_entries`: the entries were parsed by
:func:`casekit.hours.entries.parse_frame`; inside one write transaction they are checked
against the log, inserted in bulk (executemany on the raw cursor, in chunks) and recorded
in each learner's audit chain (one record per learner per batch, listing every entry
with its hash; see :mod:`casekit.hours.audit`), so a batch is either all in and recorded
or, on any problem or crash, not there at all.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from contextlib import contextmanager
from typing import Callable, cast

import numpy as np
import pandas as pd
from sqlalchemy import select

from casekit.hours.storage.bulkrows import insert_rows
from casekit.hours.log.entries import ParsedEntries, check_against_log, new_entry_ids, parse_frame
from casekit.hours.storage import audit, hashing
from casekit.hours.errors import EntryRejected, RowProblem
from casekit.hours.storage.models import entries, people
from casekit.hours.log.people import get_person, list_people
from casekit.hours.storage.database import Store

# A batch this large gets a bigger SQLite page cache while it is written (see _large_page_cache).
_LARGE_BATCH = 100_000
_LARGE_CACHE_KIB = 256 * 1024


def write_entries(
    store: Store,
    parsed: ParsedEntries,
    problems: list[RowProblem],
    *,
    source: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    actor: str | None = None,
) -> list[str]:
    """Check ``parsed`` against the log and insert every entry in one transaction, or none.

    ``problems`` are those already found by :func:`parse_frame`; any problem (old or new)
    raises :class:`EntryRejected` listing them all, and the log is left as it was.
    ``actor`` is who logged the entries, for the audit log (default: each learner).
    Returns the entry ids, in the order of ``parsed``.
    """
    problems = list(problems)
    with store.write(references_checked_by_caller=True) as conn:
        if conn.dialect.name == "postgresql":
            # SQLite's BEGIN IMMEDIATE already serialises writers; elsewhere take the same
            # one-writer-at-a-time lock, so the 24-hours-a-day check cannot race (readers still read).
            conn.exec_driver_sql("LOCK TABLE hours_entries IN SHARE ROW EXCLUSIVE MODE")
            audit.lock_for_append(conn)
        learner_id, supervisor_id = check_against_log(conn, parsed, problems)
        if problems:
            raise EntryRejected(problems, source)
        _check_people_exist(conn, learner_id, supervisor_id)
        with _large_page_cache(conn, len(parsed)):
            return _insert(conn, parsed, learner_id, supervisor_id, progress, actor)


@contextmanager
def _large_page_cache(conn, n: int):
    """For a large batch, let SQLite keep the pages it is filling in memory until the commit.

    With its default cache (2 MiB) SQLite writes half-filled pages out and reads them back
    many times during a big insert; the larger cache lasts only for this batch.
    """
    if conn.dialect.name != "sqlite" or n < _LARGE_BATCH:
        yield
        return
    (before,) = conn.exec_driver_sql("PRAGMA cache_size").one()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{_LARGE_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


@contextmanager
def _index_built_after(conn, index: str, n: int):
    """For a batch larger than the table it goes into, build ``index`` once after the rows are in.

    Built in one sorted pass, the index costs less than kept up to date row by row. The index
    is dropped and made again from its own stored definition inside the caller's transaction,
    so a failed or killed import leaves it exactly as it was.
    """
    if conn.dialect.name != "sqlite" or n < _LARGE_BATCH:
        yield
        return
    (existing,) = conn.exec_driver_sql(f"SELECT count(*) FROM (SELECT 1 FROM hours_entries LIMIT {int(n)})").one()
    found = conn.exec_driver_sql("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?", (index,)).first()
    if existing >= n or found is None:
        yield
        return
    conn.exec_driver_sql(f'DROP INDEX "{index}"')
    yield
    conn.exec_driver_sql(found[0])


def _check_people_exist(conn, learner_id: np.ndarray, supervisor_id: np.ndarray) -> None:
    """Every person id about to be written is in the people table (the foreign key, checked once per person).

    The ids come from the people read in this same write transaction, so this never fails
    unless that lookup is broken; it is what lets SQLite skip its per-row check.
    """
    wanted = np.unique(np.concatenate([learner_id, supervisor_id[supervisor_id >= 0]])).tolist()
    found: set[int] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(r[0] for r in conn.execute(select(people.c.person_id).where(people.c.person_id.in_(chunk))))
    missing = [i for i in wanted if i not in found]
    if missing:
        raise RuntimeError(f"hours log: person id(s) {missing[:5]} are not in hours_people; nothing was written")


def _insert(conn, parsed, learner_id, supervisor_id, progress, actor) -> list[str]:
    n = len(parsed)
    # Store one learner's entries together, oldest first: the table is clustered that way.
    order = np.lexsort((parsed.day.astype(np.int64), learner_id))
    ids = parsed.entry_id.copy()
    fresh = np.flatnonzero(ids[order] == "")
    new = new_entry_ids(len(fresh))
    ids_sorted = ids[order]
    ids_sorted[fresh] = new
    ids[order] = ids_sorted
    created = datetime.now(timezone.utc).isoformat(timespec="seconds")
    sqlite = conn.dialect.name == "sqlite"
    days = parsed.day[order]
    day_text = _day_texts(days)
    sup_col = [None if s < 0 else s for s in supervisor_id[order].tolist()]
    corrections = parsed.supersedes is not None and bool((parsed.supersedes != "").any())
    if corrections:
        supersedes_col = [str(x) if x else None for x in parsed.supersedes[order].tolist()]
    else:
        supersedes_col = [None] * n
    paid = parsed.paid[order]
    columns = [
        ids_sorted.tolist(), learner_id[order].tolist(), day_text, parsed.minutes[order].tolist(),
        parsed.category[order].tolist(), parsed.setting[order].tolist(), paid.tolist(),
        sup_col, parsed.note[order].tolist(), supersedes_col,
    ]
    names = {p.person_id: p.name for p in list_people(None, conn=conn)}
    # The entry hashes are worked out beside the insert (a second process for a large batch).
    with hashing.start(_entry_pieces(columns, learner_id[order], supervisor_id[order], names)) as pending:
        row_columns = list(columns)
        if sqlite:
            row_columns[6] = paid.astype(np.int64).tolist()  # SQLite keeps a boolean as 0 or 1; ints bind fastest
        else:
            row_columns[2] = days.astype(object).tolist()
        # The same for every row, so written once into the statement (our own text, not input).
        constants = {"status": "'pending'", "created_at": f"'{created}'"}
        names_in_order = ["entry_id", "learner_id", "day", "minutes", "category", "setting", "paid",
                          "supervisor_id", "note", "supersedes"]
        if not corrections:
            row_columns.pop()
            names_in_order.pop()
            constants = {"supersedes": "NULL", **constants}
        with _index_built_after(conn, "ix_entries_supervisor_status", n):
            insert_rows(conn, "hours_entries", names_in_order, zip(*row_columns), n, constants=constants,
                        progress=progress)
        del row_columns
        hashes = pending.result()
    _record_added(conn, columns, hashes, names, created, actor)
    return [str(x) for x in ids]


def _day_texts(days: np.ndarray) -> list[str]:
    """ISO text of each day (a batch has few distinct days, so each is written once)."""
    distinct, which = np.unique(days, return_inverse=True)
    texts = np.array(np.datetime_as_string(distinct, unit="D").tolist(), dtype=object)
    return texts[which.reshape(-1)].tolist()


def _names(person_id: np.ndarray, names: dict[int, str]) -> list[str | None]:
    """The name of each person id (None for -1, no one), looked up once per person."""
    distinct, which = np.unique(person_id, return_inverse=True)
    named = np.empty(len(distinct), dtype=object)
    named[:] = [names.get(i) for i in distinct.tolist()]
    return named[which.reshape(-1)].tolist()


def _entry_pieces(columns: list[list], learner_id: np.ndarray, supervisor_id: np.ndarray,
                  names: dict[int, str]) -> hashing.EntryPieces:
    ids, _, day_text, minutes, category, setting, paid, _, note, supersedes = columns
    learners = cast("list[str]", _names(learner_id, names))  # every entry has a learner: no name is None
    return audit.entry_pieces(ids, learners, day_text, minutes, category, setting, paid,
                              _names(supervisor_id, names), note, supersedes)


def _record_added(conn, columns: list[list], hashes: bytes, name: dict[int, str], at: str,
                  actor: str | None) -> None:
    """Append one audit record per learner: the entries this batch logged for them, each with its hash."""
    ids, learner_ids, _, minutes, category, setting, paid, sup_ids, note, supersedes = columns
    if not ids:
        return
    items = audit.pack_items(ids, hashes)
    lid = np.asarray(learner_ids, dtype=np.int64)
    starts = np.concatenate([[0], np.flatnonzero(np.diff(lid)) + 1, [len(lid)]])
    heads = audit.heads(conn, np.unique(lid).tolist())
    records = []
    for a, b in zip(starts[:-1].tolist(), starts[1:].tolist()):
        learner = int(lid[a])
        corrects = any(supersedes[a:b])
        rec = audit.make_record(
            learner, audit.learner_chain_name(name[learner]), heads[learner], at=at,
            actor=actor or name[learner], action="correct" if corrects else "add",
            items=items[a * audit.ITEM_BYTES : b * audit.ITEM_BYTES])
        heads[learner] = (rec.seq, rec.hash)
        records.append(rec)
    audit.insert(conn, records)


# --- one entry ----------------------------------------------------------------------------


def add_entry(
    store: Store,
    *,
    learner: str,
    date: date | str,
    hours: float | str,
    category: str,
    setting: str,
    paid: bool | str = True,
    supervisor: str | None = None,
    note: str = "",
    today: date | None = None,
    actor: str | None = None,
) -> str:
    """Log one entry (status *pending* until a supervisor approves it); return its entry id.

    ``actor`` is who logged it, for the audit log (default: the learner). Raises
    :class:`EntryRejected` naming the field when anything is wrong; nothing is saved then.
    """
    if isinstance(paid, bool):
        paid = "yes" if paid else "no"
    frame = pd.DataFrame(
        {
            "learner": [learner or ""],
            "date": [date.isoformat() if hasattr(date, "isoformat") else str(date or "")],
            "hours": [str(hours) if hours is not None else ""],
            "category": [category or ""],
            "setting": [setting or ""],
            "paid": [str(paid)],
            "supervisor": [supervisor or ""],
            "note": [note or ""],
            "entry_id": [""],
        },
        dtype=object,
    )
    parsed, problems = parse_frame(frame, today=today)
    return write_entries(store, parsed, problems, actor=actor)[0]


# --- reading ------------------------------------------------------------------------------


def list_entries(
    store: Store,
    *,
    learner: str | None = None,
    supervisor: str | None = None,
    status: str | None = None,
    start: date | None = None,
    end: date | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Entries as a table (names, not ids), newest first; filters combine with AND."""
    sup = people.alias("sup")
    lea = people.alias("lea")
    q = (
        select(
            entries.c.entry_id, lea.c.name.label("learner"), entries.c.day.label("date"),
            entries.c.minutes, entries.c.category, entries.c.setting, entries.c.paid,
            sup.c.name.label("supervisor"), entries.c.note, entries.c.status, entries.c.supersedes,
        )
        .select_from(entries.join(lea, entries.c.learner_id == lea.c.person_id).outerjoin(sup, entries.c.supervisor_id == sup.c.person_id))
        .order_by(entries.c.day.desc(), entries.c.entry_id.desc())
    )
    if learner:
        q = q.where(entries.c.learner_id == get_person(store, learner, "learner").person_id)
    if supervisor:
        q = q.where(entries.c.supervisor_id == get_person(store, supervisor, "supervisor").person_id)
    if status:
        if status not in ("pending", "approved"):
            raise EntryRejected([RowProblem(None, "status", f"{status!r} is not pending or approved")])
        q = q.where(entries.c.status == status)
    if start:
        q = q.where(entries.c.day >= start)
    if end:
        q = q.where(entries.c.day <= end)
    if limit:
        q = q.limit(limit)
    with store.read() as conn:
        rows = conn.execute(q).all()
    frame = pd.DataFrame(rows, columns=["entry_id", "learner", "date", "minutes", "category", "setting", "paid",
                                        "supervisor", "note", "status", "supersedes"])
    frame.insert(3, "hours", frame.pop("minutes") / 60)
    frame["paid"] = frame["paid"].astype(bool)
    frame["supervisor"] = frame["supervisor"].fillna("")
    frame["supersedes"] = frame["supersedes"].fillna("")
    return frame
