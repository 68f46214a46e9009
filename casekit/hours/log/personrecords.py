"""People's records in the audit chain: a degree date, a credential or a role changed behind the log's back shows.

What counts toward a credential depends on the people as much as on the entries: the
learner's degree date (post-degree rules), degree and licences (which routes are open), the
supervisor's credentials (routes that ask for a CCM supervisor) and everyone's role. So each
learner's audit chain records a *person record* for the learner and for every supervisor
whose work it counts:

* when a learner is added (the first record of their chain);
* before every approval, for the learner, the supervisor signing and the supervisors named
  on the entries, whenever their record differs from the last one this chain holds.

An approval's signature covers the hash of the chain record before it (its ``log_head``), so
the people records an approval was made against cannot be rewritten without breaking the
supervisor's signature. :mod:`casekit.hours.verify` recomputes each person's hash from the
record in the database or the exported file and fails on any difference.

Format, version 1 (an audit record, see :mod:`casekit.hours.audit`): action ``person``,
``subject`` = hex SHA-256 of ``b"casekit-hours-person-name/1\\n"`` + the person's name in
lower case (UTF-8), no items, and ``payload_hash`` = hex SHA-256 of
``b"casekit-hours-person/1\\n"`` + the canonical JSON of ``{credentials, degree_date,
degree_field, degree_level, name, role}`` (``credentials`` a sorted list; ``degree_*`` may be
``null``).
"""

from __future__ import annotations

import hashlib
from typing import Iterable

from casekit.hours.storage import audit
from casekit.hours.storage.audit import AuditRecord, canonical_json

PERSON_ACTION = "person"
PERSON_PREFIX = b"casekit-hours-person/1\n"
NAME_PREFIX = b"casekit-hours-person-name/1\n"
PERSON_FIELDS = ("credentials", "degree_date", "degree_field", "degree_level", "name", "role")


def person_record(p) -> dict:
    """The fields a person record covers, from a :class:`~casekit.hours.models.Person` or an export's dict."""
    get = (lambda k: p.get(k)) if isinstance(p, dict) else (lambda k: getattr(p, k))
    d = get("degree_date")
    return {
        "credentials": sorted(str(c) for c in (get("credentials") or ())),
        "degree_date": (d.isoformat() if hasattr(d, "isoformat") else str(d)) if d else None,
        "degree_field": get("degree_field") or None,
        "degree_level": get("degree_level") or None,
        "name": str(get("name")),
        "role": str(get("role")),
    }


def person_hash(p) -> str:
    return hashlib.sha256(PERSON_PREFIX + canonical_json(person_record(p)).encode("ascii")).hexdigest()


def person_subject(name: str) -> str:
    return hashlib.sha256(NAME_PREFIX + str(name).strip().lower().encode("utf-8")).hexdigest()


def latest_records(chain: Iterable[AuditRecord]) -> dict[str, AuditRecord]:
    """The last person record of each person (by subject) in one chain."""
    out: dict[str, AuditRecord] = {}
    for rec in chain:
        if rec.action == PERSON_ACTION and rec.subject:
            out[rec.subject] = rec
    return out


def snapshot_records(chain_id: int, chain_name: str, head: tuple[int, str], persons: Iterable, *, at: str, actor: str,
                     recorded: dict[str, AuditRecord] | None = None) -> list[AuditRecord]:
    """Person records for each of ``persons`` whose record differs from the last one ``recorded``, chained after ``head``."""
    recorded = recorded or {}
    out: list[AuditRecord] = []
    seen: set[str] = set()
    for p in persons:
        subject = person_subject(p.name if not isinstance(p, dict) else p["name"])
        h = person_hash(p)
        if subject in seen or (subject in recorded and recorded[subject].payload_hash == h):
            continue
        seen.add(subject)
        rec = audit.make_record(chain_id, chain_name, head, at=at, actor=actor, action=PERSON_ACTION, subject=subject,
                                payload_hash=h)
        out.append(rec)
        head = (rec.seq, rec.hash)
    return out
