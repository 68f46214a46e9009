"""The log as numpy columns, for the progress engine.

Progress over every learner reads the whole entries table once. The query asks the
database for integers only (a day number, and the category, setting, paid and status as
small codes), never for text it would have to turn into Python strings. On SQLite the
whole-log read goes further: SQLite packs each entry into one 64-bit integer and joins a
learner's entries into one hex string, so Python handles 2,000 strings instead of
5,000,000 values; that is what lets a million entries load in about half a second.
The columns read are exactly the threshold fields (``models.THRESHOLD_FIELDS``) plus the
status: nothing else can change what counts.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from casekit.hours.storage.models import CATEGORIES, SETTINGS, THRESHOLD_FIELDS, Person
from casekit.hours.log.people import PeopleIndex, list_people
from casekit.hours.storage.snapshot import placeholder
from casekit.hours.log.supersession import CURRENT_SQL, has_corrections

if TYPE_CHECKING:
    from casekit.hours.storage.database import Store

EPOCH = date(1970, 1, 1)
CATEGORY_CODES = {c: i for i, c in enumerate(CATEGORIES)}
SETTING_CODES = {s: i for i, s in enumerate(SETTINGS)}
_UNKNOWN = 15  # a code no category or setting has (fits the packed layout's 4 bits)

# The threshold fields and the SQL columns that carry them.
_COLUMN_OF = {
    "entry_id": "entry_id",
    "learner": "learner_id",
    "date": "day",
    "minutes": "minutes",
    "category": "category",
    "setting": "setting",
    "paid": "paid",
    "supervisor": "supervisor_id",
}
assert tuple(_COLUMN_OF) == THRESHOLD_FIELDS, "the ledger must read exactly the threshold fields"

# The packed layout (SQLite whole-log read), low bit first:
# supervisor id 21 bits | approved 1 | paid 1 | setting 4 | category 4 | minutes 11 | day since 1900-01-01 17
_ID_BITS = 21
_DAYS_1900_TO_1970 = 25_567


def day_number(d: date) -> int:
    """Days since 1970-01-01: how the engine stores dates."""
    return (d - EPOCH).days


def from_day_number(n: int) -> date:
    return date.fromordinal(EPOCH.toordinal() + int(n))


def _case(column: str, codes: dict[str, int]) -> str:
    whens = " ".join(f"WHEN '{k}' THEN {v}" for k, v in codes.items())
    return f"(CASE {column} {whens} ELSE {_UNKNOWN} END)"


def _day_sql(dialect: str) -> str | None:
    if dialect == "sqlite":
        return "CAST(julianday(day) - 2440587.5 AS INTEGER)"
    if dialect == "postgresql":
        return "(day - DATE '1970-01-01')"
    return None


_PAID = "(CASE WHEN paid THEN 1 ELSE 0 END)"
_APPROVED = "(CASE WHEN status = 'approved' THEN 1 ELSE 0 END)"


@dataclass
class Ledger:
    """Entries as aligned numpy arrays, grouped by learner."""

    learners: list[Person]  # index i in ``learner`` refers to learners[i]
    people: PeopleIndex
    learner: np.ndarray  # int64 learner index
    day: np.ndarray  # int64 day number
    minutes: np.ndarray  # int64
    category: np.ndarray  # int64 code (CATEGORY_CODES)
    setting: np.ndarray  # int64 code (SETTING_CODES)
    paid: np.ndarray  # bool
    approved: np.ndarray  # bool
    supervisor: np.ndarray  # int64 person id, -1 for none
    entry_id: list[str] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.day)

    def without(self, entry_ids) -> "Ledger":
        """The same ledger less the entries in ``entry_ids`` (needs the entry ids loaded)."""
        drop = set(entry_ids or ())
        if not drop:
            return self
        if self.entry_id is None:
            raise ValueError("Ledger.without needs a ledger read with entry ids")
        keep = np.array([e not in drop for e in self.entry_id], dtype=bool)
        cut = {k: getattr(self, k)[keep] for k in ("learner", "day", "minutes", "category", "setting", "paid",
                                                   "approved", "supervisor")}
        return Ledger(learners=self.learners, people=self.people, entry_id=[e for e, k in zip(self.entry_id, keep) if k],
                      **cut)

    @property
    def degree_day(self) -> np.ndarray:
        """Each learner's degree date as a day number (a far-future number when unknown)."""
        far = np.iinfo(np.int64).max // 4
        return np.array([day_number(p.degree_date) if p.degree_date else far for p in self.learners], dtype=np.int64)


def _read_rows(conn, sql: str, params: tuple = ()) -> list[tuple]:
    cur = conn.connection.cursor()
    try:
        cur.execute(sql, params)
        return cur.fetchall()
    finally:
        cur.close()


def _fetch_columns(conn, learner: Person | None, with_ids: bool, live: str) -> tuple[dict[str, np.ndarray], list[str] | None]:
    """Any database: one row per entry, integers only (plus the entry id when asked)."""
    dialect = conn.dialect.name
    day_expr = _day_sql(dialect) or "day"
    cols = (f"learner_id, {day_expr}, minutes, {_case('category', CATEGORY_CODES)}, {_case('setting', SETTING_CODES)}, "
            f"{_PAID}, {_APPROVED}, COALESCE(supervisor_id, -1)")
    if with_ids:
        cols += ", entry_id"
    sql = f"SELECT {cols} FROM hours_entries"
    params: tuple = ()
    where = [live] if live else []
    if learner is not None:
        where.append(f"learner_id = {placeholder(conn)}")
        params = (learner.person_id,)
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = _read_rows(conn, sql + " ORDER BY learner_id, day", params)
    n = len(rows)
    if n and _day_sql(dialect) is None:  # other databases return dates: convert here
        rows = [(r[0], day_number(r[1]), *r[2:]) for r in rows]
    ids = None
    if with_ids:
        ids = [r[8] for r in rows]
        rows = [r[:8] for r in rows]
    flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64, count=n * 8).reshape(n, 8)
    names = ("learner_id", "day", "minutes", "category", "setting", "paid", "approved", "supervisor")
    return {k: flat[:, i].copy() for i, k in enumerate(names)}, ids


def _fetch_packed_sqlite(conn, live: str) -> dict[str, np.ndarray]:
    """SQLite, whole log: one hex string of packed 64-bit entries per learner."""
    packed = (
        "((CAST(julianday(day) - 2415020.5 AS INTEGER) << 42) | (minutes << 31) "
        f"| ({_case('category', CATEGORY_CODES)} << 27) | ({_case('setting', SETTING_CODES)} << 23) "
        f"| ({_PAID} << 22) | ({_APPROVED} << 21) | COALESCE(supervisor_id, 0))"
    )
    sql = (f"SELECT learner_id, count(*), group_concat(printf('%016x', v), '') FROM "
           f"(SELECT learner_id, {packed} AS v FROM hours_entries {'WHERE ' + live if live else ''} "
           "ORDER BY learner_id, day) GROUP BY learner_id")
    rows = _read_rows(conn, sql)
    counts = np.array([r[1] for r in rows], dtype=np.int64)
    learner_id = np.repeat(np.array([r[0] for r in rows], dtype=np.int64), counts)
    v = np.frombuffer(bytes.fromhex("".join(r[2] for r in rows)), dtype=">i8").astype(np.int64)
    sup = v & ((1 << _ID_BITS) - 1)
    return {
        "learner_id": learner_id,
        "day": (v >> 42) - _DAYS_1900_TO_1970,
        "minutes": (v >> 31) & 2047,
        "category": (v >> 27) & 15,
        "setting": (v >> 23) & 15,
        "paid": (v >> 22) & 1,
        "approved": (v >> 21) & 1,
        "supervisor": np.where(sup == 0, -1, sup),
    }


def load_ledger(store: Store, learner: Person | None = None, *, with_ids: bool | None = None,
                packed: bool | None = None) -> Ledger:
    """Read the entries (all, or one learner's) and the people they name, in one snapshot.

    ``packed`` forces (True) or avoids (False) the SQLite whole-log fast path; by
    default it is used whenever it applies.
    """
    from sqlalchemy import func, select

    from casekit.hours.storage.tables import entries, people

    with_ids = (learner is not None) if with_ids is None else with_ids
    with store.read() as conn:
        if learner is None:
            index = PeopleIndex.load(store, conn=conn)
        else:  # only the learner and the supervisors on their entries
            sups = select(entries.c.supervisor_id).where(entries.c.learner_id == learner.person_id).distinct()
            index = PeopleIndex([learner] + list_people(store, conn=conn, ids=sups))
        can_pack = (conn.dialect.name == "sqlite" and learner is None and not with_ids
                    and (conn.execute(select(func.max(people.c.person_id))).scalar() or 0) < (1 << _ID_BITS))
        if packed and not can_pack:
            raise ValueError("the packed read needs SQLite, the whole log, no entry ids and person ids below 2**21")
        # Only each entry's current version is read (see casekit.hours.supersession).
        live = f"({CURRENT_SQL})" if has_corrections(conn) else ""
        if can_pack and packed is not False:
            cols, ids = _fetch_packed_sqlite(conn, live), None
        else:
            cols, ids = _fetch_columns(conn, learner, with_ids, live)
    if learner is not None:
        learners = [learner]
        lidx = np.zeros(len(cols["day"]), dtype=np.int64)
    else:
        present = set(np.unique(cols["learner_id"]).tolist())
        learners = sorted((p for p in index.persons if p.is_learner or p.person_id in present), key=lambda p: p.person_id)
        lidx = np.searchsorted(np.array([p.person_id for p in learners], dtype=np.int64), cols["learner_id"])
    return Ledger(
        learners=learners, people=index, learner=lidx, day=cols["day"], minutes=cols["minutes"],
        category=cols["category"], setting=cols["setting"], paid=cols["paid"].astype(bool),
        approved=cols["approved"].astype(bool), supervisor=cols["supervisor"], entry_id=ids,
    )


def ledger_from_rows(learner: Person, persons: Iterable[Person], rows: Iterable[Mapping]) -> Ledger:
    """One learner's ledger from plain rows (a signed log's entries, already chosen to count), entry ids kept.

    ``persons`` are the people the rows name (the learner and the supervisors); a row's
    supervisor is looked up among them by name. Rows are taken in the order given.
    """
    index = PeopleIndex(persons)
    sup_id = {p.name: p.person_id for p in index.persons}
    rows = list(rows)
    n = len(rows)

    def column(values, dtype=np.int64) -> np.ndarray:
        return np.fromiter(values, dtype=dtype, count=n)

    return Ledger(
        learners=[learner], people=index, learner=np.zeros(n, dtype=np.int64),
        day=column(day_number(date.fromisoformat(str(r["date"]))) for r in rows),
        minutes=column(int(r["minutes"]) for r in rows),
        category=column(CATEGORY_CODES.get(str(r["category"]), _UNKNOWN) for r in rows),
        setting=column(SETTING_CODES.get(str(r["setting"]), _UNKNOWN) for r in rows),
        paid=column((bool(r["paid"]) for r in rows), bool),
        approved=column((r["status"] == "approved" for r in rows), bool),
        supervisor=column(sup_id.get(r.get("supervisor") or "", -1) for r in rows),
        entry_id=[str(r["entry_id"]) for r in rows],
    )
