"""A monthly supervision summary's statement, the message a supervisor signs, and checking the summaries of a log.

The format is described in :mod:`casekit.hours.trust.summaries`, which signs and lists summaries;
this module is what verification needs of them, so the verifier depends on nothing that signs.
"""

from __future__ import annotations

import hashlib

from casekit.hours.storage.audit import canonical_json
from casekit.hours.storage.models import SUPERVISION_CATEGORIES
from casekit.hours.trust.signedlog import SignedLog
from casekit.hours.trust.signing import decode_signature, signature_valid

SUMMARY_PREFIX = b"casekit-hours-summary/1\n"
SUMMARY_ACTION = "summary"
STATEMENT_KEYS = ("contacts", "entries", "group_minutes", "individual_minutes", "key", "learner", "log_head",
                  "minutes", "month", "signed_at", "supervision_minutes", "supervisor")


def summary_message(stmt: dict) -> bytes:
    if sorted(stmt) != sorted(STATEMENT_KEYS):
        raise ValueError("a summary statement has exactly the keys " + ", ".join(STATEMENT_KEYS))
    return SUMMARY_PREFIX + canonical_json(stmt).encode("ascii")


def payload_hash(msg: bytes, sig: bytes) -> str:
    return hashlib.sha256(msg + sig).hexdigest()


def figures_of(entries: list[dict]) -> dict:
    ind = [e for e in entries if e["category"] == "supervision_individual"]
    grp = [e for e in entries if e["category"] == "supervision_group"]
    return {
        "minutes": sum(int(e["minutes"]) for e in entries),
        "supervision_minutes": sum(int(e["minutes"]) for e in entries if e["category"] in SUPERVISION_CATEGORIES),
        "individual_minutes": sum(int(e["minutes"]) for e in ind),
        "group_minutes": sum(int(e["minutes"]) for e in grp),
        "contacts": len(ind) + len(grp),
        "entries": sorted(e["entry_id"] for e in entries),
    }


def check_summaries(log: SignedLog, good_keys: dict, trusted: set[str] | None, verified: set[str]) -> tuple[list, set]:
    """Problems with the log's summaries, as (message, seq) pairs, and the seqs that hold.

    ``good_keys`` is verification's {fingerprint: (owner, public key, record)}; ``verified``
    the entry ids whose approvals hold.
    """
    problems, holding = [], set()
    chain = {r.seq: r for r in log.audit}
    recorded = {r.seq for r in log.audit if r.action == SUMMARY_ACTION}
    entries = {e["entry_id"]: e for e in log.entries}
    seen = set()
    for s in log.summaries:
        stmt, seq = s.get("statement") or {}, s.get("seq")
        where = f"monthly summary {stmt.get('month')} by {stmt.get('supervisor')}"
        seen.add(seq)
        key = good_keys.get(stmt.get("key"))
        try:
            msg = summary_message(stmt)
        except (ValueError, TypeError):
            problems.append((f"{where}: its statement is not a summary statement (fields added or removed)", seq))
            continue
        sig = decode_signature(s.get("signature"))
        rec = chain.get(seq) if isinstance(seq, int) else None
        if key is None or key[0] != stmt.get("supervisor"):
            problems.append((f"{where}: signed with key {stmt.get('key')}, which is not a registered key of "
                             f"{stmt.get('supervisor')}", seq))
        elif trusted is not None and stmt.get("key") not in trusted:
            problems.append((f"{where}: signed with a key you do not trust (--trust)", seq))
        elif sig is None or not _valid(key[1], msg, sig):
            problems.append((f"{where}: the signature does not match the summary: its figures were changed after "
                             "it was signed", seq))
        elif rec is None or rec.action != SUMMARY_ACTION or rec.payload_hash != payload_hash(msg, sig) \
                or rec.prev_hash != stmt.get("log_head"):
            problems.append((f"{where}: not recorded in the audit chain where it says (seq {seq})", seq))
        else:
            ids = stmt.get("entries") or []
            listed = [entries[i] for i in ids if i in entries]
            if len(listed) < len(ids) or any(i not in verified for i in ids):
                problems.append((f"{where}: lists entries that are gone or no longer verify", seq))
            elif {k: v for k, v in figures_of(listed).items()} != {k: stmt[k] for k in figures_of(listed)}:
                problems.append((f"{where}: its figures no longer follow from the entries it lists", seq))
            else:
                holding.add(seq)
    for seq in sorted(recorded - seen):
        problems.append((f"monthly summary recorded at audit seq {seq} is missing from the log: it was deleted", seq))
    return problems, holding


def _valid(pub, msg: bytes, sig: bytes) -> bool:
    return signature_valid(pub, msg, sig)
