"""Writing entries to the log (all of a batch or none) and reading them back.

Every write goes through :func:`write_entries`: the entries were parsed by
:func:`casekit.hours.entries.parse_frame`; inside one write transaction they are checked
against the log, inserted in bulk (blocks of rows, see :mod:`casekit.hours.storage.bulkrows`) and recorded
in each learner's audit chain (one record per learner per batch, listing every entry
with its hash; see :mod:`casekit.hours.audit`), so a batch is either all in and recorded
or, on any problem or crash, not there at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from contextlib import contextmanager
from typing import Callable

import numpy as np
import pandas as pd
from sqlalchemy import select

from casekit.hours.storage.bulkrows import insert_rows
from casekit.hours.log.entries import ParsedEntries, check_against_log, new_entry_ids, parse_frame
from casekit.hours.storage import audit, hashing
from casekit.hours.errors import EntryRejected, RowProblem
from casekit.hours.storage.tables import entries, people
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
    learner_sorted, supervisor_sorted = learner_id[order], supervisor_id[order]
    days = parsed.day[order]
    day_of_entry, day_texts = _day_codes(days)
    no_supervisor = supervisor_sorted < 0
    sup_col = supervisor_sorted.astype(object)
    sup_col[no_supervisor] = None
    corrections = parsed.supersedes is not None and bool((parsed.supersedes != "").any())
    supersedes_col = np.full(n, None, dtype=object)
    if corrections:
        given = parsed.supersedes[order]
        supersedes_col[given != ""] = given[given != ""]
    paid = parsed.paid[order]
    batch = _Batch(ids=ids_sorted, learner_id=learner_sorted, day_texts=day_texts, day_of_entry=day_of_entry,
                   minutes=parsed.minutes[order], category=parsed.category[order], setting=parsed.setting[order],
                   paid=paid, supervisor_id=supervisor_sorted, note=parsed.note[order], supersedes=supersedes_col)
    names = {p.person_id: p.name for p in list_people(None, conn=conn)}
    # The entry hashes are worked out beside the insert (a second process for a large batch).
    # Cutting the pieces in a thread beside the insert was tried: the two threads then queue
    # for the interpreter lock after every block SQLite inserts, which costs more than it saves.
    with hashing.start(_entry_pieces(batch, names)) as pending:
        day_col = (np.asarray(day_texts, dtype=object)[day_of_entry] if sqlite else days.astype(object))
        # SQLite keeps a boolean as 0 or 1; ints bind fastest
        row_columns = [ids_sorted, learner_sorted, day_col, batch.minutes, batch.category, batch.setting,
                       paid.astype(np.int64) if sqlite else paid, sup_col, batch.note, supersedes_col]
        # The same for every row, so written once into the statement (our own text, not input).
        constants = {"status": "'pending'", "created_at": f"'{created}'"}
        names_in_order = ["entry_id", "learner_id", "day", "minutes", "category", "setting", "paid",
                          "supervisor_id", "note", "supersedes"]
        if not corrections:
            row_columns.pop()
            names_in_order.pop()
            constants = {"supersedes": "NULL", **constants}
        with _index_built_after(conn, "ix_entries_supervisor_status", n):
            insert_rows(conn, "hours_entries", names_in_order, row_columns, n, constants=constants,
                        progress=progress)
        del row_columns, day_col
        hashes = pending.result()
    _record_added(conn, batch, hashes, names, created, actor)
    return ids.tolist()


@dataclass
class _Batch:
    """The entries being written, in the order they are stored (by learner, then day); arrays aligned."""

    ids: np.ndarray  # object: 32 hex digits
    learner_id: np.ndarray  # int64
    day_texts: list[str]  # each distinct day as YYYY-MM-DD ...
    day_of_entry: np.ndarray  # ... and which of them each entry is on
    minutes: np.ndarray  # int64
    category: np.ndarray  # object
    setting: np.ndarray  # object
    paid: np.ndarray  # bool
    supervisor_id: np.ndarray  # int64, -1 for none
    note: np.ndarray  # object
    supersedes: np.ndarray  # object: an entry id, or None


def _day_codes(days: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Which distinct day each entry is on, and each distinct day's ISO text (written once each)."""
    distinct, which = np.unique(days, return_inverse=True)
    return which.reshape(-1), np.datetime_as_string(distinct, unit="D").tolist()


def _named(person_id: np.ndarray, names: dict[int, str]) -> pd.Categorical:
    """The name of each person id (missing for -1, no one), each name written once."""
    distinct, which = np.unique(person_id, return_inverse=True)
    which = which.reshape(-1)
    known = distinct >= 0
    categories = [names[i] for i in distinct[known].tolist()]
    codes = np.where(known[which], which - int((~known).sum()), -1)
    return pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=object))


def _entry_pieces(batch: _Batch, names: dict[int, str]) -> hashing.EntryPieces:
    days = pd.Categorical.from_codes(batch.day_of_entry, categories=pd.Index(batch.day_texts, dtype=object))
    return audit.entry_pieces(batch.ids, _named(batch.learner_id, names), days, batch.minutes, batch.category,
                              batch.setting, batch.paid, _named(batch.supervisor_id, names), batch.note,
                              batch.supersedes)


def _record_added(conn, batch: _Batch, hashes: bytes, name: dict[int, str], at: str, actor: str | None) -> None:
    """Append one audit record per learner: the entries this batch logged for them, each with its hash."""
    if not len(batch.ids):
        return
    items = audit.pack_items(batch.ids.tolist(), hashes)
    lid = batch.learner_id
    starts = np.concatenate([[0], np.flatnonzero(np.diff(lid)) + 1, [len(lid)]])
    heads = audit.heads(conn, np.unique(lid).tolist())
    corrects = pd.notna(batch.supersedes)
    records = []
    for a, b in zip(starts[:-1].tolist(), starts[1:].tolist()):
        learner = int(lid[a])
        rec = audit.make_record(
            learner, audit.learner_chain_name(name[learner]), heads[learner], at=at,
            actor=actor or name[learner], action="correct" if corrects[a:b].any() else "add",
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
