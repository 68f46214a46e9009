"""Learners and supervisors: adding them and finding them by name."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Iterable

from casekit.hours.errors import PersonError, UnknownPersonError
from casekit.hours.log.identifiers import identifier_message
from casekit.hours.storage.models import DEGREE_FIELDS, DEGREE_LEVELS, ROLES, Person

if TYPE_CHECKING:
    from casekit.hours.storage.database import Store


def normalise_credential(token: str) -> str:
    """``"lcsw"`` -> ``"LCSW"``, ``"aswb bachelors"`` -> ``"ASWB-BACHELORS"``: how rules compare them."""
    return re.sub(r"[^A-Z0-9]+", "-", token.strip().upper()).strip("-")


# No one supervising or being supervised now took a degree earlier; an earlier year is a typo.
EARLIEST_DEGREE = date(1940, 1, 1)


def _parse_date(value, field: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise PersonError(f"{field}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-05-17") from None


def _checked(name, role, degree_level, degree_field, degree_date, credentials) -> dict:
    name = (name or "").strip()
    if not name:
        raise PersonError("name: empty; give the person's name, e.g. \"Demo Learner A\"")
    if len(name) > 120:
        raise PersonError(f"name: {len(name)} characters; use at most 120")
    msg = identifier_message(name)
    if msg:
        raise PersonError(f"name: {msg}")
    role = (role or "").strip().lower()
    if role not in ROLES:
        raise PersonError(f"role: {role!r} is not one of {', '.join(ROLES)}")
    if degree_level is not None:
        degree_level = degree_level.strip().lower()
        if degree_level not in DEGREE_LEVELS:
            raise PersonError(f"degree level: {degree_level!r} is not one of {', '.join(DEGREE_LEVELS)}")
    if degree_field is not None:
        degree_field = degree_field.strip().lower().replace(" ", "_").replace("-", "_")
        if degree_field not in DEGREE_FIELDS:
            raise PersonError(f"degree field: {degree_field!r} is not one of {', '.join(DEGREE_FIELDS)}")
    when = _parse_date(degree_date, "degree date")
    if when is not None and when < EARLIEST_DEGREE:
        raise PersonError(f"degree date: {when.isoformat()} is before {EARLIEST_DEGREE.year}; check the year")
    if when is not None and when > date.today():
        raise PersonError(f"degree date: {when.isoformat()} is in the future; give the date the degree was awarded")
    creds = sorted({normalise_credential(c) for c in credentials if c and normalise_credential(c)})
    return dict(name=name, role=role, degree_level=degree_level, degree_field=degree_field, degree_date=when,
                credentials=creds)


def checked_person_record(record: dict) -> dict:
    """``record`` (:func:`add_person`'s arguments) checked and normalised as the log stores a person.

    Raises :class:`PersonError` naming the field and how to fix it.
    """
    return _checked(record.get("name"), record.get("role", "learner"), record.get("degree_level"),
                    record.get("degree_field"), record.get("degree_date"), record.get("credentials", ()))


def checked_person_records(records: list[dict]) -> list[dict]:
    """Each of ``records`` checked (:func:`checked_person_record`), the failing one named by its place."""
    checked = []
    for i, rec in enumerate(records, start=1):
        try:
            checked.append(checked_person_record(rec))
        except PersonError as exc:
            if len(records) == 1:
                raise
            raise PersonError(f"person {i}: {exc}") from None
    return checked


def add_people(store: Store, records: Iterable[dict]) -> list[Person]:
    """Add many people in one transaction (all or none); each record takes :func:`add_person`'s arguments."""
    from sqlalchemy import select
    from sqlalchemy.exc import IntegrityError

    from casekit.hours.storage.tables import people

    checked = checked_person_records(list(records))
    names = [c["name"].lower() for c in checked]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise PersonError(f"name: {dup[0]!r} is given more than once; names must be unique")
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with store.write() as conn:
        existing = {r[0].lower(): r[0] for r in conn.execute(select(people.c.name))}
        clash = [existing[n] for n in names if n in existing]
        if clash:
            raise PersonError(f"name: {clash[0]!r} is already in the log; names must be unique")
        if checked:
            try:
                conn.execute(people.insert(), [dict(c, credentials=json.dumps(c["credentials"]), created_at=now) for c in checked])
            except IntegrityError:  # another process added one of these names just now
                raise PersonError("name: one of these names was added by someone else just now; "
                                  "list people (casekit hours person list) and try again") from None
        by_name = {p.name.lower(): p for p in list_people(store, conn=conn)}
        added = [by_name[n] for n in names]
        _record_learners(conn, [p for p in added if p.is_learner], now)
    return added


def _record_learners(conn, learners: list[Person], now: str) -> None:
    """Open each new learner's audit chain with their person record (see casekit.hours.personrecords)."""
    from casekit.hours.storage import audit
    from casekit.hours.log.personrecords import snapshot_records

    if not learners:
        return
    audit.lock_for_append(conn)
    heads = audit.heads(conn, [p.person_id for p in learners])
    records = []
    for p in learners:
        records += snapshot_records(p.person_id, audit.learner_chain_name(p.name), heads[p.person_id], [p], at=now,
                                    actor="casekit hours person add")
    audit.insert(conn, records)


_KEEP = object()  # update_person: leave this field as it is


def update_person(store: Store, name: str, *, degree_level=_KEEP, degree_field=_KEEP, degree_date=_KEEP,
                  credentials=_KEEP, add_credentials: Iterable[str] = (), actor: str = "casekit hours person update"
                  ) -> Person:
    """Change ``name``'s degree, degree field, degree date or credentials (a typo put right, a licence earned);
    return the record as stored.

    The change is recorded in every audit chain that holds the person's record (the learner's own, and each
    learner's whose entries name this supervisor), so verify finds the record as casekit last wrote it; the
    earlier record stays in those chains, and approvals signed before the change were signed against it.
    Raises :class:`PersonError` naming the field, and changes nothing, when the new record is not valid or
    nothing would change.
    """
    from sqlalchemy import select, update

    from casekit.hours.log.personrecords import PERSON_ACTION, latest_records, person_subject, snapshot_records
    from casekit.hours.storage import audit
    from casekit.hours.storage.snapshot import placeholder
    from casekit.hours.storage.tables import people

    current = get_person(store, name)
    new = dict(name=current.name, role=current.role,
               degree_level=current.degree_level if degree_level is _KEEP else degree_level,
               degree_field=current.degree_field if degree_field is _KEEP else degree_field,
               degree_date=current.degree_date if degree_date is _KEEP else degree_date,
               credentials=[*(current.credentials if credentials is _KEEP else credentials), *add_credentials])
    checked = checked_person_record(new)
    if checked["degree_date"] is not None and checked["degree_level"] in (None, "none"):
        raise PersonError(f"degree date: {checked['degree_date'].isoformat()} is given for no degree; give the degree "
                          "too (--degree bachelor, master, ...)")
    before = (current.degree_level, current.degree_field, current.degree_date, sorted(current.credentials))
    if before == (checked["degree_level"], checked["degree_field"], checked["degree_date"], checked["credentials"]):
        raise PersonError(f"{current.name}: nothing to change; the record already says {current.degree_text()}, "
                          f"credentials {', '.join(current.credentials) or 'none'}")
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with store.write() as conn:
        conn.execute(update(people).where(people.c.person_id == current.person_id).values(
            degree_level=checked["degree_level"], degree_field=checked["degree_field"],
            degree_date=checked["degree_date"], credentials=json.dumps(checked["credentials"])))
        person = Person.from_row(conn.execute(select(people).where(people.c.person_id == current.person_id)).one())
        mark = placeholder(conn)
        chains = {int(r[0]) for r in conn.exec_driver_sql(
            f"SELECT DISTINCT chain FROM hours_audit WHERE action = {mark} AND subject = {mark}",
            (PERSON_ACTION, person_subject(person.name)))}
        if person.is_learner:
            chains.add(person.person_id)
        if chains:
            audit.lock_for_append(conn)
            heads = audit.heads(conn, sorted(chains))
            names = {p.person_id: p.name for p in list_people(None, conn=conn, ids=sorted(chains))}
            held = audit.read_chains(conn, chains)  # one query for every chain
            records = []
            for chain in sorted(chains):
                records += snapshot_records(chain, audit.learner_chain_name(names[chain]), heads[chain], [person],
                                            at=now, actor=actor, recorded=latest_records(held.get(chain, [])))
            audit.insert(conn, records)
    return person


def add_person(
    store: Store,
    name: str,
    role: str = "learner",
    *,
    degree_level: str | None = None,
    degree_field: str | None = None,
    degree_date: date | str | None = None,
    credentials: Iterable[str] = (),
) -> Person:
    """Add a learner, a supervisor, or someone who is both; return the stored record.

    ``credentials`` are licences and certifications held (RN, LCSW, CCM, ...), or exams
    passed that rules accept in place of a licence (ASWB-BACHELORS, ASWB-MASTERS).
    """
    return add_people(store, [dict(name=name, role=role, degree_level=degree_level, degree_field=degree_field,
                                   degree_date=degree_date, credentials=credentials)])[0]


def list_people(store: Store | None, role: str | None = None, *, conn=None, ids=None) -> list[Person]:
    """Everyone in the log, by name; ``role="learner"``/``"supervisor"`` keeps those who can act so.

    ``ids`` (a select or list of person ids) limits the list to those people.
    """
    from sqlalchemy import select

    from casekit.hours.storage.tables import people

    if conn is None:
        if store is None:
            raise ValueError("list_people needs the store or an open connection")
        with store.read() as c:
            return list_people(store, role, conn=c, ids=ids)
    q = select(people).order_by(people.c.name)
    if ids is not None:
        q = q.where(people.c.person_id.in_(ids))
    rows = conn.execute(q).all()
    found = [Person.from_row(r) for r in rows]
    if role == "learner":
        found = [p for p in found if p.is_learner]
    elif role == "supervisor":
        found = [p for p in found if p.is_supervisor]
    return found


class PeopleIndex:
    """Everyone in the log, looked up by id or (case-insensitively) by name."""

    def __init__(self, persons: Iterable[Person]):
        self.persons = list(persons)
        self.by_id = {p.person_id: p for p in self.persons}
        self.by_name = {p.name.lower(): p for p in self.persons}

    @classmethod
    def load(cls, store: Store | None, conn=None, ids=None) -> "PeopleIndex":
        """Everyone (or those in ``ids``), read through ``conn`` if given, else from ``store``."""
        return cls(list_people(store, conn=conn, ids=ids))

    def find(self, name: str, role: str | None = None) -> Person | None:
        p = self.by_name.get((name or "").strip().lower())
        if p is None:
            return None
        if role == "learner" and not p.is_learner:
            return None
        if role == "supervisor" and not p.is_supervisor:
            return None
        return p

    def names(self, role: str | None = None) -> list[str]:
        if role == "learner":
            return [p.name for p in self.persons if p.is_learner]
        if role == "supervisor":
            return [p.name for p in self.persons if p.is_supervisor]
        return [p.name for p in self.persons]

    def unknown_message(self, name: str, role: str) -> str:
        """Why ``name`` cannot act as ``role``, and what to do about it."""
        p = self.by_name.get((name or "").strip().lower())
        if p is not None:
            return (
                f"{p.name!r} is in the log as a {p.role}, not a {role}; "
                f"add them with the right role (casekit hours person add --role both ...)"
            )
        known = self.names(role)
        hint = f"known {role}s: {', '.join(known[:8])}{', ...' if len(known) > 8 else ''}" if known else f"no {role}s yet"
        return f"unknown {role} {name!r} ({hint}); add them first with: casekit hours person add"


def get_person(store: Store, name: str, role: str | None = None) -> Person:
    """The person called ``name`` (any case); :class:`UnknownPersonError` if absent or not that role."""
    from sqlalchemy import func, select

    from casekit.hours.storage.tables import people

    with store.read() as conn:
        row = conn.execute(select(people).where(func.lower(people.c.name) == (name or "").strip().lower())).first()
        p = Person.from_row(row) if row is not None else None
        if p is not None and ((role == "learner" and not p.is_learner) or (role == "supervisor" and not p.is_supervisor)):
            p = None
        if p is None:
            index = PeopleIndex.load(store, conn=conn)
            raise UnknownPersonError(index.unknown_message(name, role or "person"))
    return p
