"""Verification: does every approval and every record of the log still hold?

The learner keeps the log, so anything in it could have been changed with a database
tool. Verification trusts nothing in the file except the mathematics: it rechecks every
signature with the supervisor's registered public key, recomputes every audit record's
hash and link, and cross-checks every entry against the audit log and its approval. It
runs on a :class:`SignedLog` (one learner's entries, approvals, keys and audit chain),
read either from the database (:func:`load_signed_log`) or from an exported file
(:mod:`casekit.hours.signedexport`), so a supervisor or a board checks an exported file
with exactly the same code.

What it finds, per entry: changed after it was logged or after it was approved (naming the
field and both values, even when the approval in a file was edited to match: the signature
shows which value was signed), deleted, added outside casekit, approved without a signature,
signed by an unregistered key or by someone other than the entry's supervisor, a signature
copied from another entry, an approval missing from the audit log; per chain: a record
altered, removed or out of order. What it cannot find on its own: a copy of the whole log
rolled back to an earlier state, or a key registered under a supervisor's name by someone
else. For those, compare the chain head and the key fingerprints in the report with the
supervisor (``--trust`` checks the fingerprints for you).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select

from casekit.hours import audit
from casekit.hours.audit import AuditRecord
from casekit.hours.errors import KeyRegistrationError
from casekit.hours.keys import fingerprint, parse_public_key
from casekit.hours.models import (
    CATEGORIES,
    KEY_REGISTRY_CHAIN,
    MINUTES_PER_DAY,
    SETTINGS,
    approvals,
    entries,
    keys,
    people,
)
from casekit.hours.people import PeopleIndex, get_person, list_people
from casekit.hours.signing import (
    ENTRY_FIELDS,
    STATEMENT_FIELDS,
    approval_hash,
    decode_signature,
    message,
    signature_valid,
    signed_version,
)
from casekit.hours.store import Store
from casekit.hours.supersession import resolve_versions

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

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def failed_entries(self) -> set[str]:
        return {f.entry_id for f in self.failures if f.entry_id}

    def to_text(self) -> str:
        head = f"seq {self.head[0]}, {self.head[1][:16]}" if self.head[0] else "no records"
        replaced = f"; {self.replaced:,} replaced by a correction" if self.replaced else ""
        lines = [f"{self.learner}: {_count(self.entries, 'entry', 'entries')} ({self.approved:,} approved, "
                 f"{self.pending:,} pending{replaced}); {_count(self.approved_verified, 'approval verifies', 'approvals verify')} "
                 f"({self.approved_minutes_verified / 60:,.2f} h counting, corrections applied); audit chain head {head}"]
        for s in self.signers:
            lines.append(f"  signed by {s.name}, key {s.fingerprint}: {_count(s.entries, 'entry', 'entries')}, "
                         f"{s.minutes / 60:,.2f} h")
        for w in self.warnings:
            lines.append(f"  note: {w}")
        for f in self.failures:
            lines.append(f"  FAIL {f}")
        return "\n".join(lines)


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


# --- reading from the database -----------------------------------------------------------------


def _key_dicts(conn) -> list[dict]:
    q = select(keys, people.c.name).join(people, keys.c.person_id == people.c.person_id)
    return [dict(fingerprint=r.fingerprint, owner=r.name, public_key=r.public_key, registered_at=r.registered_at,
                 retired_at=r.retired_at) for r in conn.execute(q)]


def _person_dict(p) -> dict:
    return dict(name=p.name, role=p.role, degree_level=p.degree_level, degree_field=p.degree_field,
                degree_date=p.degree_date.isoformat() if p.degree_date else None, credentials=list(p.credentials))


def load_signed_log(store: Store | None, learner, *, conn=None, shared: dict | None = None) -> SignedLog:
    """``learner``'s signed log from the database (``learner``: a name or a Person)."""
    if conn is None:
        with store.read() as c:
            return load_signed_log(store, learner, conn=c, shared=shared)
    shared = shared if shared is not None else {}
    if "index" not in shared:
        shared["index"] = PeopleIndex.load(None, conn=conn)
        shared["keys"] = _key_dicts(conn)
        shared["key_audit"] = audit.read_chain(conn, KEY_REGISTRY_CHAIN)
    index: PeopleIndex = shared["index"]
    person = learner if hasattr(learner, "person_id") else index.find(learner, "learner")
    if person is None:
        raise KeyRegistrationError(index.unknown_message(learner, "learner"))
    names = {p.person_id: p.name for p in index.persons}
    rows = conn.execute(select(entries).where(entries.c.learner_id == person.person_id)
                        .order_by(entries.c.day, entries.c.entry_id)).all()
    ents = [dict(entry_id=r.entry_id, learner=person.name, date=r.day.isoformat(), minutes=int(r.minutes),
                 category=r.category, setting=r.setting, paid=bool(r.paid), supervisor=names.get(r.supervisor_id),
                 note=r.note or "", supersedes=r.supersedes, status=r.status) for r in rows]
    chain = audit.read_chain(conn, person.person_id)
    by_seq = {r.seq: r for r in chain}
    apps = []
    for r in conn.execute(select(approvals).where(approvals.c.learner_id == person.person_id)
                          .order_by(approvals.c.seq, approvals.c.entry_id)):
        rec = by_seq.get(int(r.seq))
        ok = rec is not None and rec.action == "approve"
        stmt = dict(entry_id=r.entry_id, learner=person.name, date=r.day.isoformat(), minutes=int(r.minutes),
                    category=r.category, setting=r.setting, paid=bool(r.paid), supervisor=names.get(r.supervisor_id),
                    supersedes=r.supersedes, approver=rec.actor if ok else None, approved_at=rec.at if ok else None,
                    key=rec.subject if ok else None, log_head=rec.prev_hash if ok else None)
        apps.append({"statement": stmt, "signature": r.signature, "seq": int(r.seq)})
    used = {a["statement"]["key"] for a in apps}
    supervisors = {e["supervisor"] for e in ents} | {a["statement"]["approver"] for a in apps}
    folks = [_person_dict(person)] + [_person_dict(index.by_name[n.lower()]) for n in sorted(s for s in supervisors if s)
                                      if n.lower() in index.by_name]
    return SignedLog(learner=person.name, entries=ents, approvals=apps,
                     keys=[k for k in shared["keys"] if k["fingerprint"] in used or k["owner"] in supervisors],
                     audit=chain, key_audit=shared["key_audit"], key_chain_complete=True, people=folks,
                     source=store.describe() if store is not None else "")


# --- checking -----------------------------------------------------------------------------------


def _hours(m) -> str:
    try:
        return f"{int(m) / 60:.2f} h"
    except (TypeError, ValueError):
        return repr(m)


_FIELD_WORDS = {"minutes": "hours", "date": "date", "category": "category", "setting": "setting", "paid": "paid",
                "supervisor": "supervisor", "learner": "learner", "supersedes": "correction of", "entry_id": "entry id"}


def _diff(stmt: dict, entry: dict) -> list[str]:
    out = []
    for f in ENTRY_FIELDS:
        a, b = stmt.get(f), entry.get(f)
        if f == "supersedes" or f == "supervisor":
            a, b = a or None, b or None
        if a != b:
            if f == "minutes":
                out.append(f"hours approved {_hours(a)}, now {_hours(b)}")
            else:
                out.append(f"{_FIELD_WORDS[f]} approved {a!r}, now {b!r}")
    return out


def _changed_since_logged(entry: dict, seq: int) -> str:
    return (f"({entry.get('date')}, {_hours(entry.get('minutes'))}) was changed outside casekit after it was logged "
            f"(audit record seq {seq})")


# Approvals per check whose signed values are searched for: about a tenth of a second each.
_MAX_SEARCHES = 20
_DAYS_SEARCHED = 400  # a changed date is looked for this many days either side


def _candidates(stmt: dict, log: SignedLog):
    """The values each signed entry field could have had, most likely edits first (for ``signed_version``)."""
    yield "minutes", range(1, MINUTES_PER_DAY + 1)
    yield "category", list(CATEGORIES)
    yield "setting", list(SETTINGS)
    yield "paid", (True, False)
    names = ({p.get("name") for p in log.people} | {k.get("owner") for k in log.keys}
             | {e.get("supervisor") for e in log.entries})
    yield "supervisor", [None] + sorted(n for n in names if n)
    yield "supersedes", [None] + sorted(str(e.get("entry_id")) for e in log.entries if e.get("date") == stmt.get("date"))
    try:
        day = date.fromisoformat(str(stmt.get("date")))
    except ValueError:
        return
    yield "date", [(day + timedelta(days=d)).isoformat() for d in range(-_DAYS_SEARCHED, _DAYS_SEARCHED + 1)]


def _check_keys(log: SignedLog, failures: list[Failure], warnings: list[str]) -> dict[str, tuple]:
    """Parse every key; check each has a registration record. Returns {fingerprint: (owner, public key obj, record)}."""
    registered: dict[str, tuple[str, str]] = {}
    if log.key_chain_complete:
        for seq, why in audit.check_chain(log.key_audit, audit.KEYS_CHAIN_NAME):
            failures.append(Failure("chain", None, f"key registry audit record seq {seq}: {why}"))
    for rec in log.key_audit:
        if not log.key_chain_complete and audit.record_hash(audit.KEYS_CHAIN_NAME, rec.seq, rec.at, rec.actor, rec.action,
                                                            rec.subject, rec.count, rec.payload_hash,
                                                            rec.prev_hash) != rec.hash:
            failures.append(Failure("chain", None, f"key registry audit record seq {rec.seq}: its hash does not "
                                                   "match its contents: the record was altered"))
            continue
        if rec.action == "register-key":
            registered[rec.subject] = (rec.payload_hash, rec.at)
    out = {}
    for k in log.keys:
        fp = k.get("fingerprint")
        try:
            pub = parse_public_key(k.get("public_key", ""), f"key {fp}")
        except KeyRegistrationError as exc:
            failures.append(Failure("unregistered-key", None, f"{exc}"))
            continue
        if fingerprint(pub) != fp:
            failures.append(Failure("unregistered-key", None, f"key {fp} of {k.get('owner')}: its public key has "
                                                              f"fingerprint {fingerprint(pub)}: the key record was altered"))
            continue
        reg = registered.get(fp)
        expected = audit.key_payload_hash("register-key", fp, k.get("owner", ""), k.get("public_key", ""))
        if reg is None or reg[0] != expected:
            failures.append(Failure("unregistered-key", None, f"key {fp} of {k.get('owner')} has no matching record in "
                                                              "the key registry's audit chain: it was registered "
                                                              "outside casekit or its record was altered"))
            continue
        out[fp] = (k.get("owner"), pub, k)
    return out


def verify_log(log: SignedLog, *, trusted: set[str] | None = None, now: str | None = None) -> Verification:
    """Check every signature, every audit record and every entry of ``log``.

    ``trusted``: fingerprints the checker has from the supervisors themselves; with it, an
    approval signed by any other key fails (even a key registered in the log).
    """
    failures: list[Failure] = []
    warnings: list[str] = []
    chain_name = audit.learner_chain_name(log.learner)
    for seq, why in audit.check_chain(log.audit, chain_name):
        rec = next((r for r in log.audit if r.seq == seq), None)
        what = f" ({rec.action} of {rec.count} entr{'y' if rec.count == 1 else 'ies'} by {rec.actor} at {rec.at})" if rec else ""
        failures.append(Failure("chain", None, f"{log.learner}'s audit chain broken at record seq {seq}{what}: {why}"))
    good_keys = _check_keys(log, failures, warnings)

    logged: dict[str, tuple[int, bytes]] = {}
    approved_in_chain: dict[str, tuple[AuditRecord, bytes]] = {}
    for rec in log.audit:
        if rec.action in audit.ENTRY_ACTIONS:
            for eid, h in rec.item_list():
                logged[eid] = (rec.seq, h)
        elif rec.action == "approve":
            for eid, h in rec.item_list():
                approved_in_chain[eid] = (rec, h)
    by_seq = {r.seq: r for r in log.audit}

    bad: set[str] = set()
    changed: dict[str, int] = {}  # approved entries that differ from what was logged: audit record seq
    searches = 0  # signed values searched for (see _MAX_SEARCHES)

    def fail(kind: str, eid: str | None, msg: str) -> None:
        failures.append(Failure(kind, eid, msg))
        if eid:
            bad.add(eid)

    rows = {}
    for e in log.entries:
        eid = str(e.get("entry_id"))
        if eid in rows:
            fail("unlogged", eid, "appears twice in the log; the copy was added outside casekit")
        rows[eid] = e
    apps: dict[str, dict] = {}
    by_sig: dict[str, list[str]] = {}
    for a in log.approvals:
        eid = str((a.get("statement") or {}).get("entry_id"))
        by_sig.setdefault(a.get("signature"), []).append(eid)
        if eid in apps:
            fail("copied", eid, "has two approvals; one was added outside casekit")
        apps[eid] = a

    for eid, e in rows.items():
        if eid not in logged:
            fail("unlogged", eid, f"({e.get('date')}, {_hours(e.get('minutes'))}) is not in the audit log: it was added "
                                  "outside casekit")
            continue
        seq, h = logged[eid]
        try:
            same = audit.entry_hash(e) == h
        except (KeyError, TypeError, ValueError):
            same = False
        if not same and eid not in apps:
            fail("altered", eid, _changed_since_logged(e, seq))
        elif not same:  # named below, against what its supervisor signed
            changed[eid] = seq
    for eid, (seq, _h) in logged.items():
        if eid not in rows:
            extra = f" and approved at seq {approved_in_chain[eid][0].seq}" if eid in approved_in_chain else ""
            fail("deleted", eid, f"was logged at audit record seq {seq}{extra}, but its row is gone: deleted outside casekit")

    approved_ok = 0
    verified: dict[str, int] = {}
    signers: dict[str, SignerSummary] = {}
    for eid, a in apps.items():
        stmt = a.get("statement") or {}
        e = rows.get(eid)
        if e is None:
            if eid not in logged:
                fail("unlogged", eid, "has an approval but is not in the log or its audit chain")
            continue
        where = f"({e.get('date')}, {_hours(e.get('minutes'))})"
        if any(stmt.get(k) is None for k in ("approver", "approved_at", "key", "log_head")):
            fail("unsigned", eid, f"{where} has a signature but its approval is not in the audit log: the approval "
                                  "was put in outside casekit")
            continue
        fp = stmt.get("key")
        sig_text = a.get("signature")
        key = good_keys.get(fp)
        if key is None:
            known = any(k.get("fingerprint") == fp for k in log.keys)
            fail("unregistered-key", eid, f"{where} is signed by key {fp}, which is "
                 + ("not validly registered (see the key problem above)" if known else
                    "not registered in this log to any supervisor"))
            continue
        owner, pub, krec = key
        if trusted is not None and fp not in trusted:
            fail("untrusted", eid, f"{where} is signed by {owner}'s key {fp}, which is not one of the keys you "
                                   "trust (--trust)")
            continue
        try:
            msg = message({k: stmt.get(k) for k in STATEMENT_FIELDS})
        except (TypeError, ValueError):
            msg = b""
        if not signature_valid(pub, msg, decode_signature(sig_text)):
            others = [o for o in by_sig.get(sig_text, ()) if o != eid]
            if others:
                fail("copied", eid, f"{where} carries the signature of entry {others[0]}: a signature copied from "
                                    "another entry proves nothing about this one")
            elif eid in changed:  # the entry and its approval were both edited: find what was signed
                searches += 1
                signed = (signed_version(pub, stmt, decode_signature(sig_text), _candidates(stmt, log))
                          if searches <= _MAX_SEARCHES else None)
                what = "; ".join(_diff(signed, e)) if signed else ""
                fail("altered", eid, f"{where} was altered after approval by {owner}: {what} (its approval in the "
                                     "file was edited to match; the signature shows what was approved)" if what else
                     f"{where}: the entry differs from what was signed: it and its approval were changed outside "
                     f"casekit after {owner} approved it (logged at audit record seq {changed[eid]})")
            else:
                fail("bad-signature", eid, f"{where}: the signature does not match the approval as recorded: the "
                                           "approval, or the audit history before it, was altered or forged")
            continue
        if owner != stmt.get("approver"):
            fail("wrong-signer", eid, f"{where} is signed with {owner}'s key but claims {stmt.get('approver')} approved it")
            continue
        changes = _diff(stmt, e)
        if changes:
            fail("altered", eid, f"{where} was altered after approval by {owner}: " + "; ".join(changes))
            continue
        if eid in changed:  # every signed field is as approved: only the unsigned note is left to differ
            fail("altered", eid, f"{where}: its note was changed outside casekit after it was logged (audit record "
                                 f"seq {changed[eid]}); the fields that count are as {owner} approved them")
            continue
        named = stmt.get("supervisor") or None
        if named is not None and stmt.get("approver") != named:
            fail("wrong-signer", eid, f"{where} was approved by {stmt.get('approver')}, but the entry names {named}: "
                                      "only the named supervisor may approve it")
            continue
        if stmt.get("approver") == stmt.get("learner"):
            fail("wrong-signer", eid, f"{where} was approved by the learner themself")
            continue
        when = str(stmt.get("approved_at"))
        if when < str(krec.get("registered_at")) or (krec.get("retired_at") and when > str(krec.get("retired_at"))):
            fail("unregistered-key", eid, f"{where} was signed at {when}, outside the time key {fp} was registered")
            continue
        in_chain = approved_in_chain.get(eid)
        if in_chain is None or in_chain[1] != approval_hash(msg, decode_signature(sig_text)):
            fail("unsigned", eid, f"{where}: its approval is not in the audit log: the signature was put in outside casekit")
            continue
        rec = in_chain[0]
        if (rec.prev_hash != stmt.get("log_head") or rec.actor != stmt.get("approver") or rec.subject != fp
                or rec.at != stmt.get("approved_at")):
            fail("chain", eid, f"{where}: its approval record (seq {rec.seq}) does not match the signed approval: "
                               "the audit log was rewritten")
            continue
        prior = by_seq.get(rec.seq - 1)
        if rec.seq > 1 and (prior is None or prior.hash != stmt.get("log_head")):
            fail("chain", eid, f"{where}: {owner} signed it against a log state that is no longer in the audit "
                               "chain: history before this approval was rewritten")
            continue
        if e.get("status") != "approved":
            fail("altered", eid, f"{where} has a valid approval by {owner} but is marked {e.get('status')!r}: its "
                                 "status was changed outside casekit")
            continue
        if eid in bad:  # its approval holds, but the entry failed another check above
            continue
        approved_ok += 1
        verified[eid] = int(e["minutes"])
        s = signers.setdefault(fp, SignerSummary(owner, fp, krec.get("public_key", "")))
        s.entries += 1
        s.minutes += int(e["minutes"])
    for eid, seq in changed.items():  # its approval failed for another reason first: say the entry changed too
        if not any(f.entry_id == eid and f.kind == "altered" for f in failures):
            fail("altered", eid, _changed_since_logged(rows[eid], seq))
    for eid, e in rows.items():
        if e.get("status") == "approved" and eid not in apps:
            fail("unsigned", eid, f"({e.get('date')}, {_hours(e.get('minutes'))}) is marked approved but has no signed "
                                  "approval: it was marked outside casekit")
        sup = e.get("supersedes")
        if sup and sup not in rows and eid not in bad:
            fail("deleted", eid, f"corrects entry {sup}, which is not in the log")

    # Hours that count: verified approvals at their current version, among the entries that
    # hold (as the report counts them: see casekit.hours.supersession).
    versions = resolve_versions((eid, e.get("supersedes"), e.get("status")) for eid, e in rows.items() if eid not in bad)
    approved_minutes = sum(m for eid, m in verified.items() if versions.is_current(eid))
    head = (log.audit[-1].seq, log.audit[-1].hash) if log.audit else (0, audit.GENESIS)
    return Verification(
        learner=log.learner, checked_at=now or datetime.now(timezone.utc).isoformat(timespec="seconds"),
        source=log.source, entries=len(rows), approved=sum(1 for e in rows.values() if e.get("status") == "approved"),
        approved_verified=approved_ok, approved_minutes_verified=approved_minutes,
        pending=sum(1 for e in rows.values() if e.get("status") == "pending"), head=head, failures=failures,
        signers=sorted(signers.values(), key=lambda s: (s.name, s.fingerprint)), warnings=warnings,
        replaced=len(versions.replaced))


# --- the verdict ------------------------------------------------------------------------------


def verdict(results: list[Verification], *, trusted: bool, from_file: bool, file_name: str = "FILE") -> str:
    """The closing line(s) of a check: what held and, as plainly, what was not checked.

    Without ``trusted`` keys a signature shows only that it matches the public key the log
    (or the file) names for the supervisor; for a file, anyone can make one with a key of
    their own, so the verdict says the keys were not checked and how to check them.
    """
    checked = f"checked {len(results)} learner(s) at {results[0].checked_at if results else '-'}"
    bad = [r for r in results if not r.ok]
    if bad:
        n = sum(len(r.failures) for r in bad)
        return f"FAILED: {n} problem(s) for {', '.join(r.learner for r in bad)}; {checked}"
    if trusted:
        return f"OK: every signature was made with a key you trust (--trust) and the audit chain holds; {checked}"
    if not from_file:
        return (f"OK: every signature and the audit chain hold, checked against the supervisors' keys as registered in "
                f"this log (add --trust SUPERVISOR.pub to check those keys are the supervisors' own); {checked}")
    used = sorted({(s.name, s.fingerprint) for r in results for s in r.signers})
    listed = "; ".join(f"{name} {fp}" for name, fp in used) or "none used"
    return "\n".join([
        (f"NOT CHECKED AGAINST A TRUSTED KEY: the file is self-consistent (every signature matches the public key the "
         f"file itself names for its supervisor, and the audit chain holds), but anyone can make such a file with a "
         f"key of their own, so this does not show that the supervisors signed; {checked}."),
        "To check the signatures are the supervisors' own, get each supervisor's public key from them and run",
        f'  casekit hours verify --file "{file_name}" --trust SUPERVISOR.pub   (one --trust per supervisor)',
        f"or compare these key fingerprints with the ones each supervisor gives you: {listed}.",
    ])


# --- the database as a whole ------------------------------------------------------------------


def missing_guards(store: Store) -> list[str]:
    """Database triggers guarding the log that are missing (someone removed them to edit rows)."""
    from casekit.hours.migrations import TRIGGERS

    if not store.is_sqlite:
        return []
    with store.read() as conn:
        have = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return [t for t in TRIGGERS if t not in have]


def verify_store(store: Store, learner: str | None = None, *, trusted: set[str] | None = None) -> list[Verification]:
    """Verify one learner's log (or every learner's) in the database; one result per learner."""
    if learner is not None:
        person = get_person(store, learner, "learner")
        targets = [person]
    else:
        targets = None
    out = []
    shared: dict = {}
    with store.read() as conn:
        if targets is None:
            present = {r[0] for r in conn.execute(select(entries.c.learner_id).distinct())}
            present |= {r[0] for r in conn.execute(select(approvals.c.learner_id).distinct())}
            present |= {r[0] for r in conn.exec_driver_sql("SELECT DISTINCT chain FROM hours_audit WHERE chain <> 0")}
            targets = [p for p in list_people(None, conn=conn) if p.is_learner or p.person_id in present]
        for p in targets:
            out.append(verify_log(load_signed_log(store, p, conn=conn, shared=shared), trusted=trusted))
    note = guards_note(store)
    if note:
        for v in out:
            v.warnings.append(note)
    return out


def guards_note(store: Store) -> str | None:
    """A note for the results when the log's protective triggers are gone, else None."""
    from casekit.hours.migrations import TRIGGERS

    gone = missing_guards(store)
    if not gone:
        return None
    return (f"{len(gone)} of the log's {len(TRIGGERS)} protective database triggers were removed: the file was "
            "edited with a database tool (every check here was made regardless)")
