"""One learner's signed log, as verification reads it, and what verifying it found.

A :class:`SignedLog` is the learner's entries, the supervisors' signed approvals, the keys
and the audit chain, read from the database (:func:`load_signed_log`) or from an exported
file (:mod:`casekit.hours.signedexport`); :func:`casekit.hours.verify.verify_log` checks
either the same way and returns a :class:`Verification`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from casekit.hours.storage import audit
from casekit.hours.storage.audit import AuditRecord
from casekit.hours.errors import KeyRegistrationError
from casekit.hours.storage.models import KEY_REGISTRY_CHAIN, Person
from casekit.hours.log.people import PeopleIndex
from casekit.hours.storage.snapshot import as_reader

if TYPE_CHECKING:
    from casekit.hours.storage.database import Store
    from casekit.hours.storage.snapshot import SqliteSnapshot

ENTRY_KEYS = ("entry_id", "learner", "date", "minutes", "category", "setting", "paid", "supervisor", "note",
              "supersedes", "status")


@dataclass
class SignedLog:
    """One learner's log as verification sees it, from the database or an exported file.

    ``entries``: dicts with :data:`ENTRY_KEYS` (date as ``YYYY-MM-DD``, minutes an int).
    ``approvals``: ``{"statement": {...}, "signature": base64}`` (see :mod:`casekit.hours.signing`).
    ``keys``: ``{fingerprint, owner, public_key, registered_at, retired_at}``.
    ``audit``: the learner's chain; ``key_audit``: key registry records (the whole chain
    when ``key_chain_complete``, else only the records of the keys used).
    """

    learner: str
    entries: list[dict]
    approvals: list[dict]
    keys: list[dict]
    audit: list[AuditRecord]
    key_audit: list[AuditRecord] = field(default_factory=list)
    key_chain_complete: bool = False
    people: list[dict] = field(default_factory=list)
    source: str = ""
    measured: dict = field(default_factory=dict)
    summaries: list[dict] = field(default_factory=list)  # signed monthly summaries: {statement, signature, seq}


@dataclass(frozen=True)
class Failure:
    """One thing that does not hold: the entry (or None for a chain record) and why."""

    kind: str  # altered, deleted, unlogged, unsigned, bad-signature, copied, unregistered-key, wrong-signer, untrusted, chain
    entry_id: str | None
    message: str

    def __str__(self) -> str:
        return f"entry {self.entry_id}: {self.message}" if self.entry_id else self.message


@dataclass
class SignerSummary:
    name: str
    fingerprint: str
    public_key: str
    entries: int = 0
    minutes: int = 0


@dataclass
class Verification:
    """The result for one learner."""

    learner: str
    checked_at: str
    source: str
    entries: int
    approved: int
    approved_verified: int
    approved_minutes_verified: int
    pending: int
    head: tuple[int, str]
    failures: list[Failure]
    signers: list[SignerSummary]
    warnings: list[str] = field(default_factory=list)
    replaced: int = 0  # entries a later version replaces (they count nowhere)
    # Entries that verify on their own but count nowhere, because a record they depend on failed
    # (the learner's or their supervisor's person record was edited outside casekit).
    withheld: set[str] = field(default_factory=set)
    summaries_ok: set[int] = field(default_factory=set)  # audit seqs of the monthly summaries that hold
    # Approvals signed with a key that replaced the supervisor's earlier key, not confirmed by --trust.
    key_notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def failed_entries(self) -> set[str]:
        return {f.entry_id for f in self.failures if f.entry_id} | self.withheld

    def uncounted_note(self) -> str | None:
        """A line saying how many entries fail verification and are left out of progress, or None."""
        n = len(self.failed_entries)
        if not n:
            return None
        return (f"{_count(n, 'entry fails', 'entries fail')} verification and {'is' if n == 1 else 'are'} not counted: "
                f'run `casekit hours verify "{self.learner}"` to see why')

    def to_text(self) -> str:
        head = f"seq {self.head[0]}, {self.head[1][:16]}" if self.head[0] else "no records"
        replaced = f"; {self.replaced:,} replaced by a correction" if self.replaced else ""
        lines = [f"{self.learner}: {_count(self.entries, 'entry', 'entries')} ({self.approved:,} approved, "
                 f"{self.pending:,} pending{replaced}); {_count(self.approved_verified, 'approval verifies', 'approvals verify')} "
                 f"({self.approved_minutes_verified / 60:,.2f} h counting, corrections applied); audit chain head {head}"]
        as_signed = " as signed (versions a correction replaced included)" if self.replaced else ""
        for s in self.signers:
            lines.append(f"  signed by {s.name}, key {s.fingerprint}: {_count(s.entries, 'entry', 'entries')}, "
                         f"{s.minutes / 60:,.2f} h{as_signed}")
        if self.summaries_ok:
            held = _count(len(self.summaries_ok), "signed monthly supervision summary verifies",
                          "signed monthly supervision summaries verify")
            lines.append(f"  {held}")
        for w in self.warnings + self.key_notes:
            lines.append(f"  note: {w}")
        for f in self.failures:
            lines.append(f"  FAIL {f}")
        return "\n".join(lines)


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


# --- reading from the database -----------------------------------------------------------------
# Plain SQL through a RowReader (casekit.hours.storage.snapshot): the same queries serve an
# open store (SQLite or PostgreSQL) and a SQLite file read without SQLAlchemy.

_PEOPLE_SQL = ("SELECT person_id, name, role, degree_level, degree_field, degree_date, credentials "
               "FROM hours_people ORDER BY name")
_KEYS_SQL = ("SELECT k.fingerprint, p.name AS owner, k.public_key, k.registered_at, k.retired_at "
             "FROM hours_keys k JOIN hours_people p ON k.person_id = p.person_id")
_ENTRIES_SQL = ("SELECT entry_id, day, minutes, category, setting, paid, supervisor_id, note, supersedes, status "
                "FROM hours_entries WHERE learner_id = ? ORDER BY day, entry_id")
_APPROVALS_SQL = ("SELECT entry_id, seq, day, minutes, category, setting, paid, supervisor_id, supersedes, signature "
                  "FROM hours_approvals WHERE learner_id = ? ORDER BY seq, entry_id")
_SUMMARIES_SQL = "SELECT seq, statement, signature FROM hours_summaries WHERE learner_id = ? ORDER BY seq"


def _iso(day) -> str:
    """A date column's value as ``YYYY-MM-DD`` (SQLite gives text, PostgreSQL a date)."""
    return day if isinstance(day, str) else day.isoformat()


def _person_dict(p) -> dict:
    return dict(name=p.name, role=p.role, degree_level=p.degree_level, degree_field=p.degree_field,
                degree_date=p.degree_date.isoformat() if p.degree_date else None, credentials=list(p.credentials))


def load_signed_log(store: Store | SqliteSnapshot | None, learner, *, conn=None, shared: dict | None = None) -> SignedLog:
    """``learner``'s signed log from the database (``learner``: a name or a Person).

    ``conn``: an open SQLAlchemy connection or a :class:`~casekit.hours.storage.snapshot.RowReader`
    to read through (else one read transaction of ``store``, an open store or a SQLite
    snapshot from :func:`~casekit.hours.storage.reading.open_reader`); ``shared`` carries what every
    learner's log shares (the people, the keys, the key registry) from one learner to the next.
    """
    if conn is None:
        if store is None:
            raise ValueError("load_signed_log needs the store or an open connection")
        with store.read() as c:
            return load_signed_log(store, learner, conn=c, shared=shared)
    reader = as_reader(conn)
    shared = shared if shared is not None else {}
    if "index" not in shared:
        shared["index"] = PeopleIndex(Person.from_row(r) for r in reader.rows(_PEOPLE_SQL))
        shared["keys"] = [dict(r) for r in reader.rows(_KEYS_SQL)]
        shared["key_audit"] = audit.read_chain(reader, KEY_REGISTRY_CHAIN)
    index: PeopleIndex = shared["index"]
    person = learner if hasattr(learner, "person_id") else index.find(learner, "learner")
    if person is None:
        raise KeyRegistrationError(index.unknown_message(learner, "learner"))
    names = {p.person_id: p.name for p in index.persons}
    ents = [dict(entry_id=r["entry_id"], learner=person.name, date=_iso(r["day"]), minutes=int(r["minutes"]),
                 category=r["category"], setting=r["setting"], paid=bool(r["paid"]),
                 supervisor=names.get(r["supervisor_id"]), note=r["note"] or "", supersedes=r["supersedes"],
                 status=r["status"]) for r in reader.rows(_ENTRIES_SQL, (person.person_id,))]
    chain = audit.read_chain(reader, person.person_id)
    by_seq = {r.seq: r for r in chain}
    apps = []
    for r in reader.rows(_APPROVALS_SQL, (person.person_id,)):
        found = by_seq.get(int(r["seq"]))
        rec = found if found is not None and found.action == "approve" else None  # else: not signed through casekit
        stmt = dict(entry_id=r["entry_id"], learner=person.name, date=_iso(r["day"]), minutes=int(r["minutes"]),
                    category=r["category"], setting=r["setting"], paid=bool(r["paid"]),
                    supervisor=names.get(r["supervisor_id"]), supersedes=r["supersedes"],
                    approver=rec.actor if rec else None, approved_at=rec.at if rec else None,
                    key=rec.subject if rec else None, log_head=rec.prev_hash if rec else None)
        apps.append({"statement": stmt, "signature": r["signature"], "seq": int(r["seq"])})
    used = {a["statement"]["key"] for a in apps}
    supervisors = {e["supervisor"] for e in ents} | {a["statement"]["approver"] for a in apps}
    folks = [_person_dict(person)] + [_person_dict(index.by_name[n.lower()]) for n in sorted(s for s in supervisors if s)
                                      if n.lower() in index.by_name]
    where = store.describe() if store is not None else (reader.describe() if hasattr(reader, "describe") else "")
    return SignedLog(learner=person.name, entries=ents, approvals=apps,
                     keys=[k for k in shared["keys"] if k["fingerprint"] in used or k["owner"] in supervisors],
                     audit=chain, key_audit=shared["key_audit"], key_chain_complete=True, people=folks,
                     source=where, summaries=read_summaries(reader, person.person_id))


def read_summaries(conn, learner_id: int) -> list[dict]:
    """The learner's signed monthly summaries as a signed log carries them: ``{statement, signature, seq}``.

    ``conn``: a SQLAlchemy connection or a :class:`~casekit.hours.storage.snapshot.RowReader`.
    """
    return [{"statement": json.loads(r["statement"]), "signature": r["signature"], "seq": int(r["seq"])}
            for r in as_reader(conn).rows(_SUMMARIES_SQL, (learner_id,))]
