"""A supervisor's sign-off: pending entries become approved, each with a signature.

Approving signs an approval statement for every entry (:mod:`casekit.hours.signing`)
with the supervisor's private key, stores the signatures, records the approval in the
learner's audit chain, and only then marks the entries approved, all in one transaction.

Who may approve what: the supervisor named on an entry, and nobody else; an entry that
names no supervisor (work verified rather than supervised) may be approved by any
supervisor other than the learner, who is then recorded as its approver. Nobody approves
their own hours. The key decides who is approving: it must be registered in the log to
that supervisor (:mod:`casekit.hours.keys`).

Only approved entries count toward a threshold. Progress reads the entries' status
(fast: a signature check per entry would make progress for a million entries take a
minute); :mod:`casekit.hours.verify` proves the status, and the verification report counts
only entries whose signature and history check out.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from typing import Iterable

from sqlalchemy import and_, or_, select, update

from casekit.hours.storage import audit
from casekit.hours.errors import ApprovalError
from casekit.hours.trust.signing_keys import SigningKey, load_signing_key, signer_for
from casekit.hours.storage.tables import approvals, entries
from casekit.hours.log.people import PeopleIndex, get_person
from casekit.hours.log.personrecords import latest_records, snapshot_records
from casekit.hours.trust.signing import approval_hash, encode_signature, message, statement
from casekit.hours.storage.database import Store
from casekit.hours.log.supersession import correction_of, live_condition

_ROW_COLUMNS = (entries.c.entry_id, entries.c.learner_id, entries.c.day, entries.c.minutes, entries.c.category,
                entries.c.setting, entries.c.paid, entries.c.supervisor_id, entries.c.note, entries.c.supersedes)


def _may_approve(supervisor_id: int):
    """Entries this supervisor may approve: theirs, or unsupervised ones, never their own."""
    return and_(
        or_(entries.c.supervisor_id == supervisor_id, entries.c.supervisor_id.is_(None)),
        entries.c.learner_id != supervisor_id,
    )


def _normalise_ids(entry_ids: Iterable[str] | None) -> list[str] | None:
    if entry_ids is None:
        return None
    return [e.strip().lower().replace("-", "") for e in entry_ids if e and e.strip()]


def approve_entries(
    store: Store,
    supervisor: str | None = None,
    *,
    key: SigningKey | str | os.PathLike,
    passphrase: str | None = None,
    entry_ids: Iterable[str] | None = None,
    learner: str | None = None,
    before: date | None = None,
) -> list[str]:
    """Approve pending entries with ``key``, the supervisor's private key; return the ids approved.

    ``key`` is a loaded :class:`~casekit.hours.keys.SigningKey` or the path of the key file
    (with ``passphrase`` if it has one). The key must be registered in the log; its owner
    is the approver, and ``supervisor``, if given, must be that owner.

    With ``entry_ids``, exactly those entries (all or none: any id the supervisor may not
    approve raises :class:`ApprovalError` naming it). Without, every pending entry the
    supervisor may approve, optionally only ``learner``'s and only those dated on or
    before ``before``.
    """
    signing = key if isinstance(key, SigningKey) else load_signing_key(key, passphrase)
    if supervisor is not None:
        get_person(store, supervisor, "supervisor")  # an unknown name is its own clear error
    wanted = _normalise_ids(entry_ids)
    if wanted is not None and not wanted:
        raise ApprovalError("no entry ids given; list the ids to approve (see casekit hours list --status pending)")
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with store.write() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("LOCK TABLE hours_entries IN SHARE ROW EXCLUSIVE MODE")
            audit.lock_for_append(conn)
        sup, _record = signer_for(conn, signing)
        if supervisor is not None and supervisor.strip().lower() != sup.name.lower():
            raise ApprovalError(
                f"the key {signing.fingerprint} belongs to {sup.name}, not {supervisor.strip()}: each supervisor "
                "approves with their own key; nothing was approved")
        if wanted is not None:
            rows = _explicit(conn, sup, wanted)
        else:
            cond = and_(entries.c.status == "pending", _may_approve(sup.person_id), live_condition())
            if learner:
                index = PeopleIndex.load(None, conn=conn)
                lea = index.find(learner, "learner")
                if lea is None:
                    raise ApprovalError(index.unknown_message(learner, "learner"))
                cond = and_(cond, entries.c.learner_id == lea.person_id)
            if before is not None:
                cond = and_(cond, entries.c.day <= before)
            rows = conn.execute(select(*_ROW_COLUMNS).where(cond).order_by(entries.c.learner_id, entries.c.day,
                                                                              entries.c.entry_id)).all()
        if rows:
            _sign_and_record(conn, rows, sup, signing, now)
        return [r.entry_id for r in rows] if wanted is None else wanted


def _explicit(conn, sup, wanted: list[str]):
    found = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update({r.entry_id: r for r in conn.execute(
            select(*_ROW_COLUMNS, entries.c.status).where(entries.c.entry_id.in_(chunk)))})
    corrected = correction_of(conn, [w for w in wanted if w in found])
    problems, seen = [], set()
    for eid in wanted:
        r = found.get(eid)
        if eid in seen:
            problems.append(f"{eid}: given twice")
        elif r is None:
            problems.append(f"{eid}: no such entry")
        elif r.status != "pending":
            problems.append(f"{eid}: already {r.status}")
        elif r.learner_id == sup.person_id:
            problems.append(f"{eid}: is {sup.name}'s own entry; another supervisor must approve it")
        elif r.supervisor_id not in (None, sup.person_id):
            problems.append(f"{eid}: names another supervisor; only they can approve it")
        elif eid in corrected:
            problems.append(f"{eid}: has a correction ({corrected[eid]}); approve the correction instead")
        seen.add(eid)
    if problems:
        raise ApprovalError("nothing was approved:\n  " + "\n  ".join(problems))
    return [found[e] for e in wanted]


def _recorded_hashes(records: list[audit.AuditRecord]) -> dict[str, bytes]:
    """Each entry's hash as last logged (add, correct, migrate) in one chain."""
    out: dict[str, bytes] = {}
    for rec in records:
        if rec.action in audit.ENTRY_ACTIONS:
            out.update(rec.item_list())
    return out


def _sign_and_record(conn, rows, sup, signing: SigningKey, now: str) -> None:
    """Sign every row, store the signatures, append one approval record per learner, mark approved."""
    names = {p.person_id: p.name for p in PeopleIndex.load(None, conn=conn).persons}
    by_learner: dict[int, list] = {}
    for r in rows:
        by_learner.setdefault(int(r.learner_id), []).append(r)
    chains = audit.read_chains(conn, by_learner)
    heads = audit.heads(conn, by_learner)
    approval_rows, records = [], []
    for lid, group in by_learner.items():
        learner = names[lid]
        chain = chains.get(lid, [])
        broken = audit.check_chain(chain, audit.learner_chain_name(learner))
        if broken:
            seq, why = broken[0]
            raise ApprovalError(f"the audit log of {learner} is damaged (record seq {seq}: {why}); nothing was "
                                f"approved. See every problem with: casekit hours verify \"{learner}\"")
        logged = _recorded_hashes(chain)
        dicts = [dict(entry_id=r.entry_id, learner=learner, date=r.day.isoformat(), minutes=r.minutes, category=r.category,
                      setting=r.setting, paid=bool(r.paid), supervisor=names.get(r.supervisor_id),
                      note=r.note, supersedes=r.supersedes) for r in group]
        now_hashes = audit.entry_hashes(*[[d[f] for d in dicts] for f in (
            "entry_id", "learner", "date", "minutes", "category", "setting", "paid", "supervisor", "note", "supersedes")])
        changed = [d["entry_id"] for d, h in zip(dicts, now_hashes) if logged.get(d["entry_id"]) != h]
        if changed:
            raise ApprovalError(
                f"{changed[0]}" + (f" and {len(changed) - 1} more" if len(changed) > 1 else "")
                + f": changed outside casekit after it was logged (it no longer matches {learner}'s audit log), "
                "so it cannot be approved; nothing was approved. Log a correction with the right details "
                "(casekit hours correct ENTRY_ID ...) and approve that")
        # The people whose records decide what these entries count for, recorded before the approval so
        # that its signature (over the chain's head) covers them.
        index = PeopleIndex.load(None, conn=conn)
        folks = [index.by_id[lid], sup] + [index.by_id[i] for i in sorted({r.supervisor_id for r in group} - {None})]
        snaps = snapshot_records(lid, audit.learner_chain_name(learner), heads[lid], folks, at=now, actor=sup.name,
                                 recorded=latest_records(chain))
        if snaps:
            records.extend(snaps)
            heads[lid] = (snaps[-1].seq, snaps[-1].hash)
        log_head = heads[lid][1]
        ids, hashes = [], []
        for d, r in zip(dicts, group):
            stmt = statement(d, approver=sup.name, approved_at=now, key=signing.fingerprint, log_head=log_head)
            msg = message(stmt)
            sig = signing.sign(msg)
            ids.append(r.entry_id)
            hashes.append(approval_hash(msg, sig))
            approval_rows.append(dict(entry_id=r.entry_id, learner_id=lid, seq=heads[lid][0] + 1, day=r.day,
                                      minutes=r.minutes, category=r.category, setting=r.setting, paid=bool(r.paid),
                                      supervisor_id=r.supervisor_id, supersedes=r.supersedes,
                                      signature=encode_signature(sig)))
        rec = audit.make_record(lid, audit.learner_chain_name(learner), heads[lid], at=now, actor=sup.name,
                                action="approve", subject=signing.fingerprint, items=audit.pack_items(ids, hashes))
        records.append(rec)
    conn.execute(approvals.insert(), approval_rows)
    audit.insert(conn, records)
    ids = [r.entry_id for r in rows]
    for start in range(0, len(ids), 500):
        conn.execute(update(entries).where(entries.c.entry_id.in_(ids[start : start + 500]))
                     .values(status="approved", approved_at=now, approved_by=sup.person_id))


def pending_for(store: Store, supervisor: str, learner: str | None = None):
    """The pending entries ``supervisor`` may approve, as a table (newest first)."""
    from casekit.hours.log.logbook import list_entries

    sup = get_person(store, supervisor, "supervisor")
    frame = list_entries(store, learner=learner, status="pending")
    with store.read() as conn:  # a pending entry with a correction is replaced by it
        corrected = {r[0] for r in conn.execute(select(entries.c.supersedes).where(entries.c.supersedes.is_not(None)))}
    mine = (frame["supervisor"] == sup.name) | (frame["supervisor"] == "")
    live = ~frame["entry_id"].isin(corrected)
    return frame[mine & (frame["learner"] != sup.name) & live].reset_index(drop=True)
