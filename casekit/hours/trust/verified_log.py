"""The verified log: one learner's signed log, read once and verified, handed on as plain rows.

Everything that shows a learner's progress (``casekit hours progress``, the report, the
packet, the dashboard) starts here. :func:`read_verified_log` reads the signed log from the
database in one read transaction and verifies it (:func:`casekit.hours.trust.verify.verify_log`);
:func:`verified_from_signed` does the same for a log read from an exported file. Either way
the result is a :class:`VerifiedLog`: data, not a store, so the credit engine counts what
verification passed without reading the database again.

Which rows count: each entry at its current version (:mod:`casekit.hours.log.supersession`),
the version rule applied to every row of the log, and then every entry that fails
verification (or depends on a person record that does) left out. A correction still waiting
for approval is carried apart, with the approved version it would replace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from casekit.hours.errors import PersonError
from casekit.hours.log.people import checked_person_records
from casekit.hours.log.supersession import Versions, resolve_versions
from casekit.hours.storage.models import Person
from casekit.hours.trust.signedlog import SignedLog, Verification, load_signed_log
from casekit.hours.trust.verify import verify_log

if TYPE_CHECKING:
    from casekit.hours.storage.database import Store
    from casekit.hours.storage.snapshot import SqliteSnapshot

__all__ = ["VerifiedLog", "read_verified_log", "verified_from_signed"]


@dataclass(frozen=True)
class VerifiedLog:
    """One learner's log after verification, as plain data.

    ``learner`` and ``people`` (the learner first, then each supervisor and approver the log
    names) are :class:`Person` records numbered 1, 2, ... in that order; ``signed`` is the
    log that was checked and ``verification`` what the check found (failures, signers and
    the notes on replaced keys).
    """

    learner: Person
    people: tuple[Person, ...]
    signed: SignedLog
    verification: Verification
    versions: Versions = field(default_factory=Versions)

    @property
    def failed(self) -> set[str]:
        """Entries that count nowhere because they (or a record they depend on) fail verification."""
        return self.verification.failed_entries

    def counted_rows(self) -> list[dict]:
        """The rows that count: current versions that verify, by date then entry id (as the database orders them)."""
        drop = self.failed | self.versions.not_current
        rows = [e for e in self.signed.entries if str(e.get("entry_id")) not in drop]
        return sorted(rows, key=lambda e: (str(e.get("date")), str(e.get("entry_id"))))

    def waiting_corrections(self) -> list[tuple[dict, dict]]:
        """``(correction, approved entry it would replace)`` for each correction waiting for approval.

        Pairs where either row fails verification are left out, as the rows themselves are.
        """
        failed = self.failed
        by_id = {str(e.get("entry_id")): e for e in self.signed.entries}
        return [(by_id[c], by_id[o]) for c, o in self.versions.waiting.items()
                if c not in failed and o not in failed and c in by_id and o in by_id]


def _person(record: dict, person_id: int) -> Person:
    when = record.get("degree_date")
    if isinstance(when, str):
        when = date.fromisoformat(when) if when else None
    return Person(person_id=person_id, name=str(record.get("name")), role=str(record.get("role") or "learner"),
                  degree_level=record.get("degree_level"), degree_field=record.get("degree_field"),
                  degree_date=when, credentials=tuple(record.get("credentials") or ()))


def _verified(log: SignedLog, verification: Verification, records: list[dict]) -> VerifiedLog:
    persons = [_person(r, i) for i, r in enumerate(records, start=1)]
    learner = next(p for p in persons if p.name == log.learner)
    versions = resolve_versions((str(e.get("entry_id")), e.get("supersedes") or None, str(e.get("status")))
                                for e in log.entries)
    return VerifiedLog(learner=learner, people=tuple([learner] + [p for p in persons if p is not learner]),
                       signed=log, verification=verification, versions=versions)


def read_verified_log(store: Store | SqliteSnapshot, learner: str | Person, *,
                      trusted: set[str] | None = None) -> VerifiedLog:
    """``learner``'s log from the database, read in one transaction and verified (``trusted``: as for verify).

    ``store``: an open store, or a SQLite log opened with
    :func:`casekit.hours.storage.reading.open_reader` (the same rows, read without SQLAlchemy).
    """
    log = load_signed_log(store, learner)
    return _verified(log, verify_log(log, trusted=trusted), list(log.people))


def verified_from_signed(log: SignedLog, verification: Verification) -> VerifiedLog:
    """The same, for a signed log read from a file and already verified.

    The file's person records are checked as the log checks a new person (a bad degree
    field or credential fails with :class:`~casekit.hours.errors.PersonError`); a supervisor
    named on an entry but missing from the records is taken as a supervisor with no
    credentials recorded, and a missing learner record as a learner with no degree recorded.
    """
    named = {p.get("name") for p in log.people}
    records = [dict(p, credentials=p.get("credentials") or ()) for p in log.people]
    records += [dict(name=n, role="supervisor")
                for n in sorted({str(e.get("supervisor")) for e in log.entries if e.get("supervisor")} - named)]
    if log.learner not in named:
        records.append(dict(name=log.learner, role="learner"))
    checked = checked_person_records(records)
    names = [c["name"].lower() for c in checked]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise PersonError(f"name: {dup[0]!r} is given more than once; names must be unique")
    return _verified(log, verification, checked)
