"""Monthly supervision summaries: one month of a learner's supervised work, signed by the supervisor.

Boards that count supervision (NACCM's hours a year, NASW's supervised years) want the
supervisor to vouch for each period, not only for each entry. A monthly summary is the
month's figures for one learner and one supervisor, computed from the entries that verify:
hours, supervision received and its share of the hours, individual and group supervision,
and contacts (supervision sessions, one per supervision entry). The supervisor signs it with
the same key as approvals; it is stored in ``hours_summaries`` and recorded in the learner's
audit chain, and :mod:`casekit.hours.verify` checks the signature, the record and that the
figures still follow from the entries it lists.

Format, version 1: the **statement** is a JSON object with the keys ``learner``, ``month``
(``YYYY-MM``), ``supervisor``, ``minutes``, ``supervision_minutes``, ``individual_minutes``,
``group_minutes``, ``contacts``, ``entries`` (the sorted entry ids summed), ``signed_at``,
``key`` (fingerprint) and ``log_head`` (the hash of the chain's last record before it); the
**message** is ``b"casekit-hours-summary/1\\n"`` + its canonical JSON; the signature is
Ed25519 over the message (base64). The audit record has action ``summary``, subject the key's
fingerprint, no items, and ``payload_hash`` = hex SHA-256 of the message and the raw signature.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from casekit.hours.storage import audit
from casekit.hours.storage.audit import canonical_json
from casekit.hours.errors import ApprovalError, HoursError
from casekit.hours.trust.signing_keys import SigningKey, load_signing_key, signer_for
from casekit.hours.storage.tables import summaries
from casekit.hours.log.people import get_person
from casekit.hours.trust.signedlog import SignedLog, Verification, load_signed_log
from casekit.hours.trust.signing import encode_signature
from casekit.hours.storage.database import Store
from casekit.hours.log.supersession import resolve_versions
from casekit.hours.trust.summary_statement import (  # noqa: F401 - the format's names, still importable from here
    STATEMENT_KEYS, SUMMARY_ACTION, SUMMARY_PREFIX, check_summaries, figures_of, payload_hash, summary_message)
from casekit.hours.trust.verify import verify_log

_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def month_figures(log: SignedLog, verification: Verification, month: str, supervisor: str) -> dict:
    """The month's figures for ``supervisor`` from the entries that verify (approved, current, naming them)."""
    failed = verification.failed_entries
    versions = resolve_versions((e["entry_id"], e.get("supersedes") or "", e["status"]) for e in log.entries)
    mine = [e for e in log.entries if str(e["date"]).startswith(month) and e.get("supervisor") == supervisor
            and e["status"] == "approved" and e["entry_id"] not in failed and versions.is_current(e["entry_id"])]
    return figures_of(mine)


def check_month(month: str) -> str:
    """``month`` if it is a month written ``YYYY-MM``, else :class:`HoursError` saying how to write it."""
    if not _MONTH.match(str(month or "")):
        raise HoursError(f"month: {month!r} is not a month; write it as YYYY-MM, e.g. 2026-11")
    return month


def sign_summary(store: Store, learner: str, month: str, *, key: SigningKey | str, passphrase: str | None = None,
                 supervisor: str | None = None) -> dict:
    """Sign ``learner``'s summary for ``month`` (``YYYY-MM``) with ``key``; return the signed statement.

    Refused, naming the reason, when the month is malformed, the key is not the supervisor's,
    no verified approved entry of that month names the supervisor, or the learner's log fails
    verification (a summary is never signed over a log that does not hold).
    """
    check_month(month)
    signing = key if isinstance(key, SigningKey) else load_signing_key(key, passphrase)
    person = get_person(store, learner, "learner")
    with store.write() as conn:
        audit.lock_for_append(conn)
        sup, _rec = signer_for(conn, signing)
        if supervisor is not None and supervisor.strip().lower() != sup.name.lower():
            raise ApprovalError(f"the key {signing.fingerprint} belongs to {sup.name}, not {supervisor}; each "
                                "supervisor signs with their own key")
        log = load_signed_log(None, person, conn=conn)
        verification = verify_log(log)
        if not verification.ok:
            raise ApprovalError(f"{person.name}'s log fails verification ({len(verification.failures)} problem(s)); "
                                f"nothing was signed. See them with: casekit hours verify \"{person.name}\"")
        figures = month_figures(log, verification, month, sup.name)
        if not figures["entries"]:
            raise ApprovalError(f"month {month}: {person.name} has no approved entry naming {sup.name}; approve the "
                                "month's entries first (casekit hours approve), then sign its summary")
        same = [x["statement"] for x in log.summaries if x["statement"].get("month") == month
                and x["statement"].get("supervisor") == sup.name
                and all(x["statement"].get(k) == v for k, v in figures.items())]
        if same:
            raise ApprovalError(f"month {month}: {sup.name} already signed {person.name}'s summary with these figures "
                                f"on {str(same[-1].get('signed_at'))[:10]}; nothing was signed again (a new summary "
                                "is signed when the month's approved entries change)")
        head = audit.heads(conn, [person.person_id])[person.person_id]
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        stmt = dict(figures, learner=person.name, month=month, supervisor=sup.name, signed_at=now,
                    key=signing.fingerprint, log_head=head[1])
        msg = summary_message(stmt)
        sig = signing.sign(msg)
        rec = audit.make_record(person.person_id, audit.learner_chain_name(person.name), head, at=now, actor=sup.name,
                                action=SUMMARY_ACTION, subject=signing.fingerprint, payload_hash=payload_hash(msg, sig))
        audit.insert(conn, [rec])
        conn.execute(summaries.insert().values(learner_id=person.person_id, seq=rec.seq, month=month,
                                               supervisor_id=sup.person_id, statement=canonical_json(stmt),
                                               signature=encode_signature(sig)))
    return stmt


def summaries_for(log: SignedLog, verification: Verification | None = None) -> list[dict]:
    """The log's summaries for display: month, hours, supervision hours and share, individual, group, contacts."""
    holding = verification.summaries_ok if verification is not None else set()
    out = []
    for s in log.summaries:
        st = s.get("statement") or {}
        hours = int(st.get("minutes") or 0) / 60
        sup_h = int(st.get("supervision_minutes") or 0) / 60
        out.append({"month": st.get("month"), "supervisor": st.get("supervisor"), "hours": hours,
                    "supervision_hours": sup_h, "supervision_share": sup_h / hours if hours else 0.0,
                    "individual_hours": int(st.get("individual_minutes") or 0) / 60,
                    "group_hours": int(st.get("group_minutes") or 0) / 60, "contacts": int(st.get("contacts") or 0),
                    "signed_at": st.get("signed_at"), "verified": s.get("seq") in holding})
    return out


def summaries_text(rows: list[dict], learner: str) -> str:
    if not rows:
        return f"{learner}: no signed monthly summaries yet (casekit hours summary sign)\n"
    lines = [f"{learner}: signed monthly supervision summaries"]
    for r in rows:
        lines.append(f"  {r['month']} by {r['supervisor']}: {r['hours']:,.2f} h, supervision {r['supervision_hours']:,.2f} h "
                     f"({r['supervision_share']:.0%}; individual {r['individual_hours']:,.2f} h, group "
                     f"{r['group_hours']:,.2f} h; {r['contacts']} contact(s)); signed {r['signed_at']}"
                     + ("" if r["verified"] else "  FAILS verification"))
    return "\n".join(lines) + "\n"


__all__ = ["sign_summary", "summaries_for", "summaries_text", "check_summaries"]
