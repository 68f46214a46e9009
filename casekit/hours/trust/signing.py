"""Signed approvals: the canonical encoding a supervisor signs, and checking a signature.

A supervisor approves an entry by signing an *approval statement* with their Ed25519 key
(:mod:`casekit.hours.keys`). The statement holds every field of the entry that counts
toward a threshold, the entry it corrects (if any), who approved it with which key and
when, and the state of the learner's audit chain at that moment. Anyone holding the
supervisor's public key can check it; changing any of those fields afterwards, or moving
the signature to another entry, makes the check fail.

Format, version 1 (enough for a certification board to re-implement the check):

* the **statement** is a JSON object with exactly these keys:

  ======================  ====================================================================
  ``entry_id``            32 lowercase hexadecimal digits
  ``learner``             the learner's name, as in the log
  ``date``                the day worked, ``YYYY-MM-DD``
  ``minutes``             whole minutes worked (an integer; hours = minutes / 60)
  ``category``            the category code (e.g. ``care_coordination``)
  ``setting``             the setting code (e.g. ``health_care``)
  ``paid``                ``true`` or ``false``
  ``supervisor``          the supervisor named on the entry, or ``null``
  ``supersedes``          the entry id this entry corrects, or ``null``
  ``approver``            the name of the supervisor who signed
  ``approved_at``         when, ISO 8601 UTC to the second (``2026-03-02T17:05:09+00:00``)
  ``key``                 the signing key's fingerprint (``SHA256:...``, as ``ssh-keygen -lf``)
  ``log_head``            the hash of the learner's last audit record before this approval
  ======================  ====================================================================

* the **message** is ``b"casekit-hours-approval/1\\n"`` followed by the statement as
  canonical JSON: ``json.dumps(statement, sort_keys=True, separators=(",", ":"),
  ensure_ascii=True)`` encoded as ASCII. The first line carries the version; a later
  format gets a new number and this one keeps its meaning.
* the **signature** is Ed25519 (RFC 8032) over the message, stored as standard base64
  (88 characters).

Checking one approval: rebuild the message from the statement, verify the signature
with the public key whose fingerprint is ``key`` (OpenSSH's SHA-256 fingerprint of it),
check that key belongs to ``approver`` and that ``approver`` is the entry's
``supervisor`` (or, for an entry naming none, someone other than the learner), and that
the statement's fields equal the entry's. :mod:`casekit.hours.verify` does all of that.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Callable, Sequence

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from casekit.hours.storage.audit import canonical_json
from casekit.hours.storage.models import THRESHOLD_FIELDS, threshold_fields

APPROVAL_PREFIX = b"casekit-hours-approval/1\n"
STATEMENT_FIELDS: tuple[str, ...] = THRESHOLD_FIELDS + ("supersedes", "approver", "approved_at", "key", "log_head")
# The statement fields that come from the entry (and must still equal it).
ENTRY_FIELDS: tuple[str, ...] = THRESHOLD_FIELDS + ("supersedes",)


def statement(entry: dict, *, approver: str, approved_at: str, key: str, log_head: str) -> dict:
    """The approval statement for ``entry`` (a mapping with the threshold fields and ``supersedes``)."""
    s = threshold_fields(entry)
    s["supersedes"] = entry.get("supersedes") or None
    s.update(approver=approver, approved_at=approved_at, key=key, log_head=log_head)
    return s


def message(stmt: dict) -> bytes:
    """The exact bytes that are signed for ``stmt``."""
    missing = [f for f in STATEMENT_FIELDS if f not in stmt]
    extra = [f for f in stmt if f not in STATEMENT_FIELDS]
    if missing or extra:
        raise ValueError(f"an approval statement has exactly the fields {', '.join(STATEMENT_FIELDS)}; "
                         f"missing {missing}, extra {extra}")
    return APPROVAL_PREFIX + canonical_json(stmt).encode("ascii")


def encode_signature(sig: bytes) -> str:
    return base64.b64encode(sig).decode("ascii")


def decode_signature(text: str | None) -> bytes | None:
    """The raw signature, or None when the text is not 64 bytes of base64."""
    try:
        raw = base64.b64decode(text or "", validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == 64 else None


def signature_valid(public_key: Ed25519PublicKey, msg: bytes, sig: bytes | None) -> bool:
    if sig is None:
        return False
    try:
        public_key.verify(sig, msg)
    except InvalidSignature:
        return False
    return True


# Below this many signatures, starting threads costs more than it saves.
_PARALLEL_FROM = 256


def _sodium_check(public_key: Ed25519PublicKey) -> Callable[[bytes, bytes | None], bool]:
    """A check of signatures by ``public_key`` with libsodium (PyNaCl), about twice as fast as OpenSSL's.

    libsodium is at least as strict as OpenSSL (it also refuses keys and signature points of
    small order), so nothing OpenSSL refuses passes; a signature casekit made passes both.
    """
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    from nacl.bindings import crypto_sign_open
    from nacl.exceptions import CryptoError

    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)

    def holds(msg: bytes, sig: bytes | None) -> bool:
        if sig is None or len(sig) != 64:
            return False
        try:
            crypto_sign_open(sig + msg, raw)
        except CryptoError:
            return False
        return True

    return holds


def signatures_valid(checks: Sequence[tuple[Ed25519PublicKey, bytes, bytes | None]]) -> list[bool]:
    """Whether each ``(public_key, message, signature)`` holds, in order (as :func:`signature_valid` says).

    Many signatures are checked with libsodium, on every core the process may use: the
    check releases Python's lock while it runs, so threads share the work (1,100 checks
    take 0.04 s on two cores, against 0.14 s one at a time through OpenSSL).
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    workers = min(cores, 8)
    if len(checks) < _PARALLEL_FROM:
        return [signature_valid(*c) for c in checks]
    by_key: dict[int, Callable[[bytes, bytes | None], bool]] = {}  # the keys live in ``checks`` meanwhile
    for pub, _msg, _sig in checks:
        if id(pub) not in by_key:
            by_key[id(pub)] = _sodium_check(pub)

    def check(part: Sequence[tuple[Ed25519PublicKey, bytes, bytes | None]]) -> list[bool]:
        return [by_key[id(pub)](msg, sig) for pub, msg, sig in part]

    if workers < 2:
        return check(checks)
    from concurrent.futures import ThreadPoolExecutor

    size = -(-len(checks) // workers)
    parts = [checks[i:i + size] for i in range(0, len(checks), size)]
    with ThreadPoolExecutor(workers) as pool:
        return [ok for part in pool.map(check, parts) for ok in part]


def approval_hash(msg: bytes, sig: bytes) -> bytes:
    """What the audit log records for one approval (see :mod:`casekit.hours.audit`)."""
    return hashlib.sha256(msg + sig).digest()


def signed_version(public_key: Ed25519PublicKey, stmt: dict, sig: bytes | None, candidates) -> dict | None:
    """The statement as it was signed, when ``stmt`` differs from it in one field; else None.

    A signature cannot be read back, but it can be tried: ``candidates`` yields
    ``(field, values)`` pairs, and the first value that, put in place of the field, makes
    the signature hold is what was signed. So an edit made in both an entry and its
    approval (as a find-and-replace in an exported file does) can still be named.
    """
    if sig is None:
        return None
    for name, values in candidates:
        for v in values:
            if v == stmt.get(name):
                continue
            trial = dict(stmt, **{name: v})
            try:
                msg = message({k: trial.get(k) for k in STATEMENT_FIELDS})
            except (TypeError, ValueError):
                continue
            if signature_valid(public_key, msg, sig):
                return trial
    return None
