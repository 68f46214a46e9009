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
from datetime import date, datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Sequence, Union

import numpy as np

if TYPE_CHECKING:  # pandas is imported where the bulk hashing needs it: reading and verifying the log never does
    import pandas as pd

from casekit.hours.storage.hashing import DIGEST_BYTES, EntryPieces, digests
from casekit.hours.storage.models import KEY_REGISTRY_CHAIN
from casekit.hours.storage.snapshot import as_reader

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


# One field of many entries: a sequence, a NumPy array, or a pandas Categorical of the distinct texts.
Column = Union[Sequence[Any], np.ndarray, "pd.Categorical"]


# --- hashes ---------------------------------------------------------------------------------


def entry_record(entry: dict) -> dict:
    """The fields an entry hash covers, normalised (``entry`` as from the log or an export)."""
    d = entry.get("date")
    return {
        "category": str(entry["category"]),
        "date": d.isoformat()[:10] if isinstance(d, (date, datetime)) else str(d),
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
    """Entry hashes for many entries at once: the same bytes as :func:`entry_hash`, built faster."""
    blob = digests(entry_pieces(entry_id, learner, date, minutes, category, setting, paid, supervisor, note,
                                supersedes))
    return [blob[k : k + DIGEST_BYTES] for k in range(0, len(blob), DIGEST_BYTES)]


def entry_pieces(
    entry_id: Column, learner: Column, date: Column, minutes: Column, category: Column, setting: Column,
    paid: Column, supervisor: Column, note: Column, supersedes: Column,
) -> EntryPieces:
    """The hashed bytes of many entries (prefix and canonical JSON), cut into pieces that repeat.

    Every field but the entry id repeats, so the canonical JSON is written in three runs
    of neighbouring fields (category and date; learner and minutes; note to supervisor),
    each run once per distinct combination in the batch; an entry is then its run codes
    and its id (:func:`casekit.hours.storage.hashing.digests` joins and hashes them).
    """
    prefix = ENTRY_PREFIX.decode("ascii")
    heads, head_codes = _run_texts([_json_codes(category, False), _date_codes(date)],
                                   lambda c, d: f'{prefix}{{"category":{c},"date":"{d}","entry_id":"')
    middles, middle_codes = _run_texts([_json_codes(learner, False), _int_codes(minutes)],
                                       lambda le, m: f'","learner":{le},"minutes":{m}')
    tails, tail_codes = _run_texts(
        [_json_codes(note, False), _bool_codes(paid), _json_codes(setting, False), _json_codes(supersedes, True),
         _json_codes(supervisor, True)],
        lambda nt, p, s, ss, sv: f',"note":{nt},"paid":{p},"setting":{s},"supersedes":{ss},"supervisor":{sv}}}')
    ids = entry_id.tolist() if isinstance(entry_id, np.ndarray) else list(entry_id)
    id_ends = np.cumsum(np.fromiter(map(len, ids), dtype=np.int64, count=len(ids)))
    return EntryPieces(heads, head_codes, "".join(ids).encode("ascii"), id_ends.tobytes(), middles, middle_codes,
                       tails, tail_codes)


# One field of many entries as (code per entry, text of each code), for entry_hashes.
_Codes = tuple[np.ndarray, list[str]]


def _json_codes(values, empty_is_null: bool) -> _Codes:
    """Each distinct value JSON-quoted once (``null`` for an empty one when ``empty_is_null``).

    ``values`` may be a :class:`pandas.Categorical` whose categories are the distinct texts
    (a missing value is an empty one): its codes are used as they are.
    """
    import pandas as pd

    if isinstance(values, pd.Categorical):
        codes = values.codes.astype(np.int64)
        uniques = list(values.categories)
        if (codes < 0).any():
            codes = np.where(codes < 0, len(uniques), codes)
            uniques.append(None)
    else:
        array = values if isinstance(values, np.ndarray) and values.dtype == object else np.asarray(list(values), dtype=object)
        codes, uniques = pd.factorize(array, use_na_sentinel=False)
    texts = []
    for u in uniques:
        missing = u is None or (isinstance(u, float) and u != u) or u == ""
        texts.append("null" if empty_is_null and missing else json.dumps(u))
    return codes, texts


def _date_codes(values) -> _Codes:
    """Dates as ISO text (``YYYY-MM-DD``), written unquoted into the quotes around them."""
    import pandas as pd

    if isinstance(values, pd.Categorical):
        return values.codes.astype(np.int64), [str(u) for u in values.categories]
    codes, uniques = pd.factorize(np.asarray(list(values) if not isinstance(values, np.ndarray) else values,
                                             dtype=object), use_na_sentinel=False)
    return codes, [str(u) for u in uniques]


def _int_codes(values) -> _Codes:
    uniques, codes = np.unique(np.asarray(values, dtype=np.int64), return_inverse=True)
    return codes.reshape(-1), [str(u) for u in uniques.tolist()]


def _bool_codes(values) -> _Codes:
    return np.asarray(values, dtype=bool).astype(np.int64), ["false", "true"]


def _run_texts(fields: list[_Codes], write) -> tuple[list[bytes], bytes]:
    """``write(text of each field)`` once per distinct combination, and each entry's combination (int32 codes)."""
    key = np.zeros(len(fields[0][0]), dtype=np.int64)
    size = 1
    for codes, texts in fields:
        width = max(1, len(texts))
        size *= width
        if size >= 2**62:  # pragma: no cover - more combinations than an int64 holds
            raise ValueError("entry_hashes: too many distinct values to combine")
        key = key * width + codes
    import pandas as pd

    # Numbered in order of first appearance (a hash table, not a sort): only the codes matter.
    combo_of_entry, combos = pd.factorize(key)
    written = []
    for combo in combos.tolist():
        picked = []
        for codes, texts in reversed(fields):
            width = max(1, len(texts))
            picked.append(texts[combo % width])
            combo //= width
        written.append(write(*reversed(picked)).encode("ascii"))
    return written, combo_of_entry.reshape(-1).astype(np.int32).tobytes()


def key_payload_hash(action: str, fingerprint: str, owner: str, public_key: str) -> str:
    body = canonical_json({"action": action, "fingerprint": fingerprint, "owner": owner, "public_key": public_key})
    return _sha256(KEY_PREFIX + body.encode("ascii")).hexdigest()


def pack_items(ids: Sequence[str], hashes: Sequence[bytes] | bytes) -> bytes:
    """Items as stored: each entry id's 16 bytes, then its 32-byte hash.

    ``hashes`` is one hash per entry id, or all of them one after another in one buffer.
    """
    ids = list(ids)
    if isinstance(hashes, bytes):
        blob = hashes
    else:
        each = list(hashes)
        if len(each) != len(ids):
            raise ValueError("pack_items: one hash per entry id")
        blob = b"".join(each)
    if len(blob) != DIGEST_BYTES * len(ids):
        raise ValueError(f"pack_items: one {DIGEST_BYTES}-byte hash per entry id")
    if not ids:
        return b""
    a = np.frombuffer(bytes.fromhex("".join(ids)), dtype=np.uint8).reshape(len(ids), 16)
    b = np.frombuffer(blob, dtype=np.uint8).reshape(len(ids), 32)
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
    from sqlalchemy import and_, func, select

    from casekit.hours.storage.tables import audit

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
    from casekit.hours.storage.tables import audit

    if records:
        conn.execute(audit.insert(), [r.row() for r in records])


_CHAIN_SQL = ("SELECT chain, seq, at, actor, action, subject, count, items, payload_hash, prev_hash, hash "
              "FROM hours_audit WHERE chain = ? ORDER BY seq")


def read_chain(conn, chain: int) -> list[AuditRecord]:
    """One chain's records in seq order (``conn``: a SQLAlchemy connection or a RowReader)."""
    return [AuditRecord.from_row(r) for r in as_reader(conn).rows(_CHAIN_SQL, (chain,))]


def read_chains(conn, chains: Iterable[int] | None = None) -> dict[int, list[AuditRecord]]:
    """Every record of these chains (all chains when None), by chain, in seq order."""
    from sqlalchemy import select

    from casekit.hours.storage.tables import audit

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
