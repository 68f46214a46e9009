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

from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from casekit.hours.storage import audit
from casekit.hours.storage.audit import AuditRecord
from casekit.hours.errors import KeyRegistrationError
from casekit.hours.trust.signing_keys import fingerprint, parse_public_key
from casekit.hours.storage.models import CATEGORIES, MINUTES_PER_DAY, SETTINGS
from casekit.hours.log.people import get_person, list_people
from casekit.hours.log.personrecords import latest_records, person_hash, person_subject
from casekit.hours.trust.signedlog import Failure, SignedLog, SignerSummary, Verification, load_signed_log
from casekit.hours.trust.signing import (
    ENTRY_FIELDS,
    STATEMENT_FIELDS,
    approval_hash,
    decode_signature,
    message,
    signature_valid,
    signatures_valid,
    signed_version,
)
from casekit.hours.trust.summary_statement import check_summaries
from casekit.hours.log.supersession import resolve_versions

if TYPE_CHECKING:
    from casekit.hours.storage.database import Store

__all__ = ["Failure", "SignedLog", "Verification", "load_signed_log", "verdict", "verify_log", "verify_store"]


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
        if rec.action == "register-key" and rec.subject is not None:
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
    check = _LogCheck(log, trusted)
    check.chain()
    check.people()
    check.index_rows()
    check.rows_against_chain()
    check.signatures()
    for eid, a in check.apps.items():
        check.approval(eid, a)
    check.loose_ends()
    check.replaced_keys()
    problems, holding = check_summaries(log, check.good_keys, trusted, set(check.verified))
    check.failures += [Failure("summary", None, m) for m, _seq in problems]
    result = check.result(now)
    result.summaries_ok = holding
    return result


class _LogCheck:
    """One pass over a :class:`SignedLog`: the audit chain and keys first, then each row
    against what the chain recorded, then each approval against its row, key and chain
    record. Failures are collected in order; an entry with any failure is in ``bad``."""

    def __init__(self, log: SignedLog, trusted: set[str] | None):
        self.log = log
        self.trusted = trusted
        self.failures: list[Failure] = []
        self.warnings: list[str] = []
        self.bad: set[str] = set()
        self.changed: dict[str, int] = {}  # approved entries that differ from what was logged: audit record seq
        self.searches = 0  # signed values searched for (see _MAX_SEARCHES)
        self.verified: dict[str, int] = {}  # entries whose approval holds: minutes
        self.signers: dict[str, SignerSummary] = {}
        # what the audit chain recorded: each entry's hash when logged, each approval's record
        self.logged: dict[str, tuple[int, bytes]] = {}
        self.approved_in_chain: dict[str, tuple[AuditRecord, bytes]] = {}
        for rec in log.audit:
            if rec.action in audit.ENTRY_ACTIONS:
                for eid, h in rec.item_list():
                    self.logged[eid] = (rec.seq, h)
            elif rec.action == "approve":
                for eid, h in rec.item_list():
                    self.approved_in_chain[eid] = (rec, h)
        self.by_seq = {r.seq: r for r in log.audit}
        self.good_keys: dict[str, tuple] = {}
        self.rows: dict[str, dict] = {}
        self.apps: dict[str, dict] = {}
        self.by_sig: dict[str | None, list[str]] = {}  # a damaged approval may carry no signature
        self.withheld: set[str] = set()
        self.key_notes: list[str] = []
        self.checked: dict[str, tuple[bytes, bytes | None, bool]] = {}  # approvals checked at once: message, signature, holds

    def signatures(self) -> None:
        """Check at once the signature of every approval whose key is registered (see :func:`signatures_valid`).

        Only the cryptography is done here; :meth:`approval` decides, in order, what each result means.
        """
        todo = []
        for eid, a in self.apps.items():
            stmt = a.get("statement") or {}
            key = self.good_keys.get(str(stmt.get("key")))
            if key is not None and eid in self.rows:
                todo.append((eid, key[1], *_signed_bytes(stmt, a)))
        found = signatures_valid([(pub, msg, sig) for _eid, pub, msg, sig in todo])
        self.checked = {eid: (msg, sig, ok) for (eid, _pub, msg, sig), ok in zip(todo, found)}

    def signature(self, eid: str, stmt: dict, a: dict, pub) -> tuple[bytes, bytes | None, bool]:
        """The signed message, the signature, and whether it holds for ``pub`` (checked once)."""
        checked = self.checked.get(eid)
        if checked is not None:
            return checked
        msg, sig = _signed_bytes(stmt, a)
        return msg, sig, signature_valid(pub, msg, sig)

    def fail(self, kind: str, eid: str | None, msg: str) -> None:
        self.failures.append(Failure(kind, eid, msg))
        if eid:
            self.bad.add(eid)

    def chain(self) -> None:
        """The learner's audit chain, then the supervisors' keys and their registrations."""
        log = self.log
        for seq, why in audit.check_chain(log.audit, audit.learner_chain_name(log.learner)):
            rec = next((r for r in log.audit if r.seq == seq), None)
            what = f" ({rec.action} of {rec.count} entr{'y' if rec.count == 1 else 'ies'} by {rec.actor} at {rec.at})" if rec else ""
            self.failures.append(Failure("chain", None, f"{log.learner}'s audit chain broken at record seq {seq}{what}: {why}"))
        self.good_keys = _check_keys(log, self.failures, self.warnings)

    def people(self) -> None:
        """Each person's record (degree, degree date, credentials, role) against the last one the chain recorded.

        An edited record fails, and the entries it decides (all of the learner's; a supervisor's:
        the entries naming them) are withheld from every figure.
        """
        log = self.log
        recorded = latest_records(log.audit)
        for p in log.people:
            name = str(p.get("name"))
            rec = recorded.get(person_subject(name))
            if rec is None:
                if name == log.learner and log.audit:
                    self.warnings.append(f"{name}'s record (degree, degree date, credentials) is not in the audit "
                                         "chain (a log made before casekit recorded people); it is checked from the "
                                         "next approval on")
                continue
            if person_hash(p) == rec.payload_hash:
                continue
            if name == log.learner:
                hit = {str(e.get("entry_id")) for e in log.entries}
                whose = "the learner's"
            else:
                hit = {str(e.get("entry_id")) for e in log.entries if e.get("supervisor") == name}
                whose = f"supervisor {name}'s"
            self.withheld |= hit
            self.failures.append(Failure("person", None, (
                f"{whose} record (degree, degree date, credentials or role: now {_person_words(p)}) differs from the "
                f"one recorded in {log.learner}'s audit chain at seq {rec.seq} ({rec.at}): it was edited outside "
                f"casekit; the {len(hit):,} entr{'y' if len(hit) == 1 else 'ies'} it decides count nowhere")))

    def index_rows(self) -> None:
        """The log's rows and approvals by entry id (a second copy of either fails), approvals by signature."""
        log = self.log
        for e in log.entries:
            eid = str(e.get("entry_id"))
            if eid in self.rows:
                self.fail("unlogged", eid, "appears twice in the log; the copy was added outside casekit")
            self.rows[eid] = e
        for a in log.approvals:
            eid = str((a.get("statement") or {}).get("entry_id"))
            self.by_sig.setdefault(a.get("signature"), []).append(eid)
            if eid in self.apps:
                self.fail("copied", eid, "has two approvals; one was added outside casekit")
            self.apps[eid] = a

    def rows_against_chain(self) -> None:
        """Every row was logged through casekit and is as logged; every logged entry is still there."""
        for eid, e in self.rows.items():
            if eid not in self.logged:
                self.fail("unlogged", eid, f"({e.get('date')}, {_hours(e.get('minutes'))}) is not in the audit log: it "
                                           "was added outside casekit")
                continue
            seq, h = self.logged[eid]
            try:
                same = audit.entry_hash(e) == h
            except (KeyError, TypeError, ValueError):
                same = False
            if not same and eid not in self.apps:
                self.fail("altered", eid, _changed_since_logged(e, seq))
            elif not same:  # named in approval(), against what its supervisor signed
                self.changed[eid] = seq
        for eid, (seq, _h) in self.logged.items():
            if eid not in self.rows:
                extra = f" and approved at seq {self.approved_in_chain[eid][0].seq}" if eid in self.approved_in_chain else ""
                self.fail("deleted", eid, f"was logged at audit record seq {seq}{extra}, but its row is gone: deleted "
                                          "outside casekit")

    def approval(self, eid: str, a: dict) -> None:
        """One approval: signed by a registered (and trusted) key of the entry's supervisor,
        over the entry as it is now, and recorded in the audit chain where it was signed."""
        stmt = a.get("statement") or {}
        e = self.rows.get(eid)
        if e is None:
            if eid not in self.logged:
                self.fail("unlogged", eid, "has an approval but is not in the log or its audit chain")
            return
        where = f"({e.get('date')}, {_hours(e.get('minutes'))})"
        if any(stmt.get(k) is None for k in ("approver", "approved_at", "key", "log_head")):
            self.fail("unsigned", eid, f"{where} has a signature but its approval is not in the audit log: the "
                                       "approval was put in outside casekit")
            return
        fp = str(stmt.get("key"))  # not None: checked above
        key = self.good_keys.get(fp)
        if key is None:
            known = any(k.get("fingerprint") == fp for k in self.log.keys)
            self.fail("unregistered-key", eid, f"{where} is signed by key {fp}, which is "
                      + ("not validly registered (see the key problem above)" if known else
                         "not registered in this log to any supervisor"))
            return
        owner, pub, krec = key
        if self.trusted is not None and fp not in self.trusted:
            self.fail("untrusted", eid, f"{where} is signed by {owner}'s key {fp}, which is not one of the keys you "
                                        "trust (--trust)")
            return
        msg, signature, holds = self.signature(eid, stmt, a, pub)
        if signature is None or not holds:
            self.signature_failure(eid, a, e, where, owner, pub)
            return
        problem = (self.statement_problem(eid, stmt, e, where, owner)
                   or self.recorded_problem(eid, stmt, e, where, owner, fp, krec, approval_hash(msg, signature)))
        if problem is not None:
            kind, text = problem
            self.fail(kind, eid, text)
            return
        if eid in self.bad:  # its approval holds, but the entry failed another check
            return
        self.verified[eid] = int(e["minutes"])
        s = self.signers.setdefault(fp, SignerSummary(owner, fp, krec.get("public_key", "")))
        s.entries += 1
        s.minutes += int(e["minutes"])

    def signature_failure(self, eid: str, a: dict, e: dict, where: str, owner: str, pub) -> None:
        """Why a signature does not match: copied from another entry, or the entry and its
        approval edited together (then what was signed is searched for and named)."""
        stmt = a.get("statement") or {}
        others = [o for o in self.by_sig.get(a.get("signature"), ()) if o != eid]
        if others:
            self.fail("copied", eid, f"{where} carries the signature of entry {others[0]}: a signature copied from "
                                     "another entry proves nothing about this one")
        elif eid in self.changed:
            self.searches += 1
            signed = (signed_version(pub, stmt, decode_signature(a.get("signature")), _candidates(stmt, self.log))
                      if self.searches <= _MAX_SEARCHES else None)
            what = "; ".join(_diff(signed, e)) if signed else ""
            self.fail("altered", eid, f"{where} was altered after approval by {owner}: {what} (its approval in the "
                                      "file was edited to match; the signature shows what was approved)" if what else
                      f"{where}: the entry differs from what was signed: it and its approval were changed outside "
                      f"casekit after {owner} approved it (logged at audit record seq {self.changed[eid]})")
        else:
            self.fail("bad-signature", eid, f"{where}: the signature does not match the approval as recorded: the "
                                            "approval, or the audit history before it, was altered or forged")

    def statement_problem(self, eid: str, stmt: dict, e: dict, where: str, owner: str) -> tuple[str, str] | None:
        """A valid signature: is its signer the approver, the entry's supervisor and not the
        learner, and is the entry still what was signed?"""
        if owner != stmt.get("approver"):
            return "wrong-signer", f"{where} is signed with {owner}'s key but claims {stmt.get('approver')} approved it"
        changes = _diff(stmt, e)
        if changes:
            return "altered", f"{where} was altered after approval by {owner}: " + "; ".join(changes)
        if eid in self.changed:  # every signed field is as approved: only the unsigned note is left to differ
            return "altered", (f"{where}: its note was changed outside casekit after it was logged (audit record "
                               f"seq {self.changed[eid]}); the fields that count are as {owner} approved them")
        named = stmt.get("supervisor") or None
        if named is not None and stmt.get("approver") != named:
            return "wrong-signer", (f"{where} was approved by {stmt.get('approver')}, but the entry names {named}: "
                                    "only the named supervisor may approve it")
        if stmt.get("approver") == stmt.get("learner"):
            return "wrong-signer", f"{where} was approved by the learner themself"
        return None

    def recorded_problem(self, eid: str, stmt: dict, e: dict, where: str, owner: str, fp: str, krec: dict,
                         signed_hash: bytes) -> tuple[str, str] | None:
        """A valid signature: was the key registered when it signed, is the approval in the
        audit chain where it says it was signed, and is the row marked approved?"""
        when = str(stmt.get("approved_at"))
        if when < str(krec.get("registered_at")) or (krec.get("retired_at") and when > str(krec.get("retired_at"))):
            return "unregistered-key", f"{where} was signed at {when}, outside the time key {fp} was registered"
        in_chain = self.approved_in_chain.get(eid)
        if in_chain is None or in_chain[1] != signed_hash:
            return "unsigned", f"{where}: its approval is not in the audit log: the signature was put in outside casekit"
        rec = in_chain[0]
        if (rec.prev_hash != stmt.get("log_head") or rec.actor != stmt.get("approver") or rec.subject != fp
                or rec.at != stmt.get("approved_at")):
            return "chain", (f"{where}: its approval record (seq {rec.seq}) does not match the signed approval: "
                             "the audit log was rewritten")
        prior = self.by_seq.get(rec.seq - 1)
        if rec.seq > 1 and (prior is None or prior.hash != stmt.get("log_head")):
            return "chain", (f"{where}: {owner} signed it against a log state that is no longer in the audit "
                             "chain: history before this approval was rewritten")
        if e.get("status") != "approved":
            return "altered", (f"{where} has a valid approval by {owner} but is marked {e.get('status')!r}: its "
                               "status was changed outside casekit")
        return None

    def loose_ends(self) -> None:
        """Changed entries not yet named, rows marked approved with no approval, corrections of missing entries."""
        for eid, seq in self.changed.items():  # its approval failed for another reason first: say the entry changed too
            if not any(f.entry_id == eid and f.kind == "altered" for f in self.failures):
                self.fail("altered", eid, _changed_since_logged(self.rows[eid], seq))
        for eid, e in self.rows.items():
            if e.get("status") == "approved" and eid not in self.apps:
                self.fail("unsigned", eid, f"({e.get('date')}, {_hours(e.get('minutes'))}) is marked approved but has "
                                           "no signed approval: it was marked outside casekit")
            sup = e.get("supersedes")
            if sup and sup not in self.rows and eid not in self.bad:
                self.fail("deleted", eid, f"corrects entry {sup}, which is not in the log")

    def replaced_keys(self) -> None:
        """A note for every approval signed with a key that replaced an earlier one of the same supervisor.

        Anyone holding the log can retire a supervisor's key and register one of their own, so
        approvals signed with a replacement rest on the replacement alone until a key from the
        supervisor (``--trust``) confirms it. They still count (the replacement may be genuine);
        verify, progress and the report say so until then.
        """
        by_owner: dict[str, list[dict]] = {}
        for k in self.log.keys:
            by_owner.setdefault(str(k.get("owner")), []).append(k)
        for owner, ks in by_owner.items():
            ks.sort(key=lambda k: str(k.get("registered_at")))
            for i, k in enumerate(ks[1:], start=1):
                fp = str(k.get("fingerprint"))
                used = self.signers.get(fp)
                if used is None or (self.trusted is not None and fp in self.trusted):
                    continue
                old = ks[i - 1]
                before = self.signers.get(str(old.get("fingerprint")))
                earlier = (f" after the old key had signed {before.entries:,} of these entries" if before else "")
                self.key_notes.append(
                    f"{owner}'s key was replaced on {str(k.get('registered_at'))[:10]} ({old.get('fingerprint')} -> "
                    f"{fp}){earlier}; {used.entries:,} approval(s) ({used.minutes / 60:,.2f} h) signed with the new key "
                    "rest on that replacement alone (anyone holding the log can replace a key): confirm it with "
                    f"casekit hours verify --trust {owner.replace(' ', '_')}.pub, the key file from {owner}")

    def result(self, now: str | None) -> Verification:
        # Hours that count: verified approvals at their current version, among the entries that
        # hold (as the report counts them: see casekit.hours.supersession).
        rows, log = self.rows, self.log
        versions = resolve_versions((eid, e.get("supersedes") or None, str(e.get("status"))) for eid, e in rows.items()
                                    if eid not in self.bad)
        approved_minutes = sum(m for eid, m in self.verified.items() if versions.is_current(eid))
        head = (log.audit[-1].seq, log.audit[-1].hash) if log.audit else (0, audit.GENESIS)
        return Verification(
            learner=log.learner, checked_at=now or datetime.now(timezone.utc).isoformat(timespec="seconds"),
            source=log.source, entries=len(rows), approved=sum(1 for e in rows.values() if e.get("status") == "approved"),
            approved_verified=len(self.verified), approved_minutes_verified=approved_minutes,
            pending=sum(1 for e in rows.values() if e.get("status") == "pending"), head=head, failures=self.failures,
            signers=sorted(self.signers.values(), key=lambda s: (s.name, s.fingerprint)), warnings=self.warnings,
            replaced=len(versions.replaced), withheld=set(self.withheld), key_notes=list(self.key_notes))


def _signed_bytes(stmt: dict, a: dict) -> tuple[bytes, bytes | None]:
    """What an approval's signature should be over (empty when the statement cannot be put in bytes), and the signature."""
    try:
        msg = message({k: stmt.get(k) for k in STATEMENT_FIELDS})
    except (TypeError, ValueError):
        msg = b""
    return msg, decode_signature(a.get("signature"))


def _person_words(p: dict) -> str:
    degree = " ".join(x for x in (p.get("degree_level"), p.get("degree_field")) if x) or "no degree"
    return (f"{p.get('role')}, {degree}, degree date {p.get('degree_date') or 'none'}, credentials "
            f"{', '.join(p.get('credentials') or []) or 'none'}")


# --- the verdict ------------------------------------------------------------------------------


def verdict(results: list[Verification], *, trusted: bool, from_file: bool, file_name: str = "FILE",
            page_failed: str = "") -> str:
    """The closing line(s) of a check: what held and, as plainly, what was not checked.

    Without ``trusted`` keys a signature shows only that it matches the public key the log
    (or the file) names for the supervisor; for a file, anyone can make one with a key of
    their own, so the verdict says the keys were not checked and how to check them.
    ``page_failed``: the FAILED line of a page (report, packet) whose text differs from the
    signed log it carries; it comes first, since the page is what a reader reads.
    """
    checked = f"checked {len(results)} learner(s) at {results[0].checked_at if results else '-'}"
    bad = [r for r in results if not r.ok]
    if bad:
        n = sum(len(r.failures) for r in bad)
        return f"FAILED: {n} problem(s) for {', '.join(r.learner for r in bad)}; {checked}" + (
            f"\n{page_failed}" if page_failed else "")
    if page_failed:
        keys = "with keys you trust (--trust)" if trusted else "against the keys the file itself names (no --trust)"
        return f"{page_failed}\n(the signed log inside the file holds, checked {keys}; {checked})"
    noted = sum(len(r.key_notes) for r in results)
    if noted:
        checked += f"; but see the note{'s' if noted > 1 else ''} on a replaced supervisor key above"
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
    from casekit.hours.storage.migrations import TRIGGERS

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
            present = {r[0] for r in conn.exec_driver_sql("SELECT DISTINCT learner_id FROM hours_entries")}
            present |= {r[0] for r in conn.exec_driver_sql("SELECT DISTINCT learner_id FROM hours_approvals")}
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
    from casekit.hours.storage.migrations import TRIGGERS

    gone = missing_guards(store)
    if not gone:
        return None
    return (f"{len(gone)} of the log's {len(TRIGGERS)} protective database triggers were removed: the file was "
            "edited with a database tool (every check here was made regardless)")
