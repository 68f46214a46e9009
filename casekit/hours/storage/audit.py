"""The hash-chained audit log: every change to the log, in an order nobody can quietly rewrite.

Each learner has one chain (``hours_audit.chain`` = the learner's person id); the key
registry has another (chain 0). A record is one write: the entries a batch logged, the
entries a supervisor approved, a key registered. Records are only ever appended; the
database refuses to change or delete them (triggers, see :mod:`casekit.hours.migrations`),
and :func:`check_chain` finds any record changed, removed or reordered behind its back.

Format, version 1 (what a certification board needs to re-implement the check):

* **canonical JSON**: ``json.dumps(obj, sort_keys=True, separators=(",", ":"),
  ensure_ascii=True)``; integers as decimal digits, booleans ``true``/``false``, no value
  ``null`` except where stated, dates ``YYYY-MM-DD``, times ISO 8601 UTC to the second.
* **entry hash** (32 bytes): SHA-256 of ``b"casekit-hours-entry/1\\n"`` followed by the
  canonical JSON of ``{category, date, entry_id, learner, minutes, note, paid, setting,
  supersedes, supervisor}`` (names of people as text; ``supersedes`` and ``supervisor``
  may be ``null``).
* **approval hash** (32 bytes): SHA-256 of the signed approval message
  (:mod:`casekit.hours.signing`) followed by the 64 raw signature bytes.
* **items**: the entries a record touched, in order, each 48 bytes: the entry id (16
  bytes, from its 32 hex digits) then its entry hash (``add``, ``correct``, ``migrate``,
  ``unsigned-approval-cleared``) or approval hash (``approve``).
* **payload hash** (hex): SHA-256 of the items; for key records, SHA-256 of
  ``b"casekit-hours-key/1\\n"`` + canonical JSON of ``{action, fingerprint, owner, public_key}``.
* **record hash** (hex): SHA-256 of ``b"casekit-hours-audit/1\\n"`` + canonical JSON of the
  list ``[chain, seq, at, actor, action, subject, count, payload_hash, prev_hash]``, where
  ``chain`` is ``"learner:" + the learner's name`` (or ``"keys"``), ``seq`` counts from 1
  in each chain, ``subject`` is the signing key's fingerprint (``approve``, key records)
  or ``null``, ``count`` is the number of items, and ``prev_hash`` is the previous
  record's hash (64 zeros for seq 1).

The learner controls the file, so they could recompute a whole chain. Signed approvals
close that gap: each approval's signature covers the hash of the chain's last record
before it (its ``log_head``), so history before any approval cannot be rewritten
without breaking a supervisor's signature. Changes after the last approval are protected
by the chain alone; the verification report shows the chain's head (seq and hash) for the
supervisor to compare.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
from sqlalchemy import and_, func, select

from casekit.hours.storage.models import KEY_REGISTRY_CHAIN, audit

GENESIS = "0" * 64
ITEM_BYTES = 48
ENTRY_PREFIX = b"casekit-hours-entry/1\n"
KEY_PREFIX = b"casekit-hours-key/1\n"
RECORD_PREFIX = b"casekit-hours-audit/1\n"
KEYS_CHAIN_NAME = "keys"
ENTRY_ACTIONS = ("add", "correct", "migrate", "unsigned-approval-cleared")
ENTRY_FIELDS = ("category", "date", "entry_id", "learner", "minutes", "note", "paid", "setting", "supersedes",
                "supervisor")

_sha256 = hashlib.sha256


def canonical_json(obj) -> str:
    """The one JSON form every hash and signature is taken over."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def learner_chain_name(learner: str) -> str:
    return f"learner:{learner}"


# --- hashes ---------------------------------------------------------------------------------


def entry_record(entry: dict) -> dict:
    """The fields an entry hash covers, normalised (``entry`` as from the log or an export)."""
    d = entry.get("date")
    return {
        "category": str(entry["category"]),
        "date": d.isoformat()[:10] if hasattr(d, "isoformat") else str(d),
        "entry_id": str(entry["entry_id"]),
        "learner": str(entry["learner"]),
        "minutes": int(entry["minutes"]),
        "note": str(entry.get("note") or ""),
        "paid": bool(entry["paid"]),
        "setting": str(entry["setting"]),
        "supersedes": entry.get("supersedes") or None,
        "supervisor": entry.get("supervisor") or None,
    }


def entry_hash(entry: dict) -> bytes:
    """The 32-byte entry hash of one entry (see the module docstring)."""
    return _sha256(ENTRY_PREFIX + canonical_json(entry_record(entry)).encode("ascii")).digest()


def entry_hashes(
    entry_id: Sequence[str], learner: Sequence[str], date: Sequence[str], minutes: Sequence[int],
    category: Sequence[str], setting: Sequence[str], paid: Sequence[bool], supervisor: Sequence[str | None],
    note: Sequence[str], supersedes: Sequence[str | None],
) -> list[bytes]:
    """Entry hashes for many entries at once: the same bytes as :func:`entry_hash`, built faster.

    Names, codes and notes repeat, so each distinct value is JSON-quoted once, and the
    fields that sit next to each other in the canonical JSON and repeat together (paid,
    setting, supersedes, supervisor) are joined once per distinct combination; each entry
    then costs one short format and one SHA-256.
    """
    n = len(entry_id)
    if n == 0:
        return []

    def codes_of(values, empty_is_null: bool) -> tuple[np.ndarray, list[str]]:
        codes, uniques = pd.factorize(np.asarray(list(values), dtype=object), use_na_sentinel=False)
        missing = [u is None or (isinstance(u, float) and u != u) or u == "" for u in uniques]
        return codes, ["null" if empty_is_null and m else json.dumps(u) for u, m in zip(uniques, missing)]

    def per_row(codes: np.ndarray, texts: list[str]) -> list[str]:
        return np.array(texts, dtype=object)[codes].tolist()

    prefix = ENTRY_PREFIX.decode("ascii")
    cat_c, cat_t = codes_of(category, False)
    lea_c, lea_t = codes_of(learner, False)
    note_c, note_t = codes_of(note, False)
    parts = [codes_of(np.asarray(paid, dtype=bool).tolist(), False), codes_of(setting, False),
             codes_of(supersedes, True), codes_of(supervisor, True)]
    key = np.zeros(n, dtype=np.int64)
    size = 1
    for codes, texts in parts:
        size *= max(1, len(texts))
        key = key * max(1, len(texts)) + codes
    if size >= 2**62:  # pragma: no cover - more combinations than an int64 holds: join per entry
        raise ValueError("entry_hashes: too many distinct values to combine")
    combos, combo_c = np.unique(key, return_inverse=True)
    tails = []
    for k in combos.tolist():
        picked = []
        for codes, texts in reversed(parts):
            picked.append(texts[k % max(1, len(texts))])
            k //= max(1, len(texts))
        p, s, ss, sv = reversed(picked)
        tails.append(f'{p},"setting":{s},"supersedes":{ss},"supervisor":{sv}}}')
    heads = per_row(cat_c, [f'{prefix}{{"category":{c},"date":"' for c in cat_t])
    learners = per_row(lea_c, [f'","learner":{le},"minutes":' for le in lea_t])
    notes = per_row(note_c, [f',"note":{t},"paid":' for t in note_t])
    tail = per_row(combo_c.reshape(-1), tails)
    minutes = np.asarray(minutes, dtype=np.int64).tolist()
    sha = _sha256
    return [
        sha(f'{h}{d}","entry_id":"{i}{le}{m}{nt}{t}'.encode("ascii")).digest()
        for h, d, i, le, m, nt, t in zip(heads, date, entry_id, learners, minutes, notes, tail)
    ]


def key_payload_hash(action: str, fingerprint: str, owner: str, public_key: str) -> str:
    body = canonical_json({"action": action, "fingerprint": fingerprint, "owner": owner, "public_key": public_key})
    return _sha256(KEY_PREFIX + body.encode("ascii")).hexdigest()


def pack_items(ids: Sequence[str], hashes: Sequence[bytes]) -> bytes:
    """Items as stored: each entry id's 16 bytes, then its 32-byte hash."""
    ids, hashes = list(ids), list(hashes)
    if len(ids) != len(hashes):
        raise ValueError("pack_items: one hash per entry id")
    if not ids:
        return b""
    a = np.frombuffer(bytes.fromhex("".join(ids)), dtype=np.uint8).reshape(len(ids), 16)
    b = np.frombuffer(b"".join(hashes), dtype=np.uint8).reshape(len(ids), 32)
    return np.hstack([a, b]).tobytes()


def unpack_items(blob: bytes | None) -> list[tuple[str, bytes]]:
    """``[(entry_id, hash), ...]`` from stored items (a trailing partial item is dropped)."""
    if not blob:
        return []
    blob = bytes(blob)
    return [(blob[k : k + 16].hex(), blob[k + 16 : k + ITEM_BYTES]) for k in range(0, len(blob) - ITEM_BYTES + 1, ITEM_BYTES)]


def items_hash(blob: bytes | None) -> str:
    return _sha256(bytes(blob or b"")).hexdigest()


def record_hash(chain_name: str, seq: int, at: str, actor: str, action: str, subject: str | None, count: int,
                payload_hash: str, prev_hash: str) -> str:
    body = canonical_json([chain_name, int(seq), at, actor, action, subject, int(count), payload_hash, prev_hash])
    return _sha256(RECORD_PREFIX + body.encode("ascii")).hexdigest()


# --- records --------------------------------------------------------------------------------


@dataclass
class AuditRecord:
    """One record of one chain (``items`` as stored: packed bytes, or None for key records)."""

    chain: int
    seq: int
    at: str
    actor: str
    action: str
    subject: str | None
    count: int
    items: bytes | None
    payload_hash: str
    prev_hash: str
    hash: str
    _unpacked: list | None = field(default=None, repr=False, compare=False)

    def item_list(self) -> list[tuple[str, bytes]]:
        if self._unpacked is None:
            self._unpacked = unpack_items(self.items)
        return self._unpacked

    def row(self) -> dict:
        return {c: getattr(self, c) for c in ("chain", "seq", "at", "actor", "action", "subject", "count", "items",
                                                "payload_hash", "prev_hash", "hash")}

    @classmethod
    def from_row(cls, r) -> "AuditRecord":
        m = r._mapping if hasattr(r, "_mapping") else r
        items = m["items"]
        return cls(int(m["chain"]), int(m["seq"]), m["at"], m["actor"], m["action"], m["subject"], int(m["count"]),
                   bytes(items) if items is not None else None, m["payload_hash"], m["prev_hash"], m["hash"])


def make_record(chain: int, chain_name: str, head: tuple[int, str], *, at: str, actor: str, action: str,
                subject: str | None = None, items: bytes | None = None, payload_hash: str | None = None) -> AuditRecord:
    """The next record after ``head`` = (seq, hash) of the chain's last record ((0, GENESIS) for none)."""
    seq, prev = head[0] + 1, head[1]
    count = 0 if items is None else len(items) // ITEM_BYTES
    if payload_hash is None:
        payload_hash = items_hash(items)
    h = record_hash(chain_name, seq, at, actor, action, subject, count, payload_hash, prev)
    return AuditRecord(chain, seq, at, actor, action, subject, count, items, payload_hash, prev, h)


def heads(conn, chains: Iterable[int]) -> dict[int, tuple[int, str]]:
    """The last (seq, hash) of each chain; (0, GENESIS) for a chain with no records yet."""
    chains = sorted({int(c) for c in chains})
    out = {c: (0, GENESIS) for c in chains}
    for start in range(0, len(chains), 500):
        chunk = chains[start : start + 500]
        last = (select(audit.c.chain, func.max(audit.c.seq).label("seq")).where(audit.c.chain.in_(chunk))
                .group_by(audit.c.chain).subquery())
        q = select(audit.c.chain, audit.c.seq, audit.c.hash).join(
            last, and_(audit.c.chain == last.c.chain, audit.c.seq == last.c.seq))
        for r in conn.execute(q):
            out[int(r.chain)] = (int(r.seq), r.hash)
    return out


def lock_for_append(conn) -> None:
    """Serialise writers that append to a chain (SQLite's BEGIN IMMEDIATE already does)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("LOCK TABLE hours_audit IN SHARE ROW EXCLUSIVE MODE")


def insert(conn, records: list[AuditRecord]) -> None:
    if records:
        conn.execute(audit.insert(), [r.row() for r in records])


def read_chain(conn, chain: int) -> list[AuditRecord]:
    q = select(audit).where(audit.c.chain == chain).order_by(audit.c.seq)
    return [AuditRecord.from_row(r) for r in conn.execute(q)]


def read_chains(conn, chains: Iterable[int] | None = None) -> dict[int, list[AuditRecord]]:
    """Every record of these chains (all chains when None), by chain, in seq order."""
    q = select(audit).order_by(audit.c.chain, audit.c.seq)
    if chains is not None:
        q = q.where(audit.c.chain.in_(sorted(set(chains))))
    out: dict[int, list[AuditRecord]] = {}
    for r in conn.execute(q):
        rec = AuditRecord.from_row(r)
        out.setdefault(rec.chain, []).append(rec)
    return out


def append_key_record(conn, *, at: str, actor: str, action: str, fingerprint: str, owner: str, public_key: str) -> AuditRecord:
    """Record a key registered or retired in the key registry's chain."""
    lock_for_append(conn)
    head = heads(conn, [KEY_REGISTRY_CHAIN])[KEY_REGISTRY_CHAIN]
    rec = make_record(KEY_REGISTRY_CHAIN, KEYS_CHAIN_NAME, head, at=at, actor=actor, action=action, subject=fingerprint,
                      payload_hash=key_payload_hash(action, fingerprint, owner, public_key))
    insert(conn, [rec])
    return rec


# --- checking -------------------------------------------------------------------------------


def check_chain(records: list[AuditRecord], chain_name: str) -> list[tuple[int, str]]:
    """Problems with one chain, as (seq, why); empty when every record holds and links to the last."""
    problems: list[tuple[int, str]] = []
    prev_hash, expect = GENESIS, 1
    for r in records:
        if r.seq != expect:
            if r.seq > expect:
                gone = f"seq {expect}" if r.seq == expect + 1 else f"seq {expect} to {r.seq - 1}"
                problems.append((expect, f"record {gone} is missing: deleted from the audit log"))
            else:
                problems.append((r.seq, f"record seq {r.seq} appears twice or out of order"))
        if r.prev_hash != prev_hash:
            problems.append((r.seq, "does not link to the record before it: records before it were removed, "
                                    "replaced or reordered"))
        if r.items is not None and (len(r.items) % ITEM_BYTES or len(r.items) // ITEM_BYTES != r.count
                                    or items_hash(r.items) != r.payload_hash):
            problems.append((r.seq, "its list of entries does not match its payload hash: the record was altered"))
        if record_hash(chain_name, r.seq, r.at, r.actor, r.action, r.subject, r.count, r.payload_hash,
                       r.prev_hash) != r.hash:
            problems.append((r.seq, "its hash does not match its contents: the record was altered"))
        prev_hash, expect = r.hash, max(expect, r.seq) + 1
    return problems
