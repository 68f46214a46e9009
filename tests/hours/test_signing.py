"""The canonical encodings: exact bytes a board can re-implement, the same however they are built."""

from __future__ import annotations

import hashlib
import json
import random

import pytest

from casekit.hours import audit
from casekit.hours.keys import generate_key
from casekit.hours.models import THRESHOLD_FIELDS
from casekit.hours.signing import (
    APPROVAL_PREFIX,
    STATEMENT_FIELDS,
    decode_signature,
    encode_signature,
    message,
    signature_valid,
    statement,
)

ENTRY = dict(entry_id="01a218fee00a76999635ef061e591ab0", learner="Demo Learner A", date="2024-03-04", minutes=450,
             category="care_coordination", setting="health_care", paid=True, supervisor="Demo Supervisor Q",
             note="home visit", supersedes=None, status="approved")


def _stmt(**over):
    return statement(dict(ENTRY, **over), approver="Demo Supervisor Q", approved_at="2024-03-05T09:00:00+00:00",
                     key="SHA256:abc", log_head="0" * 64)


def test_the_approval_message_is_versioned_sorted_compact_json():
    """Is the signed message exactly the version line plus sorted, compact, ASCII JSON of the statement?"""
    msg = message(_stmt())
    assert msg.startswith(b"casekit-hours-approval/1\n")
    body = json.loads(msg[len(APPROVAL_PREFIX):])
    assert list(body) == sorted(STATEMENT_FIELDS) and set(THRESHOLD_FIELDS) <= set(body)
    assert msg == (b'casekit-hours-approval/1\n{"approved_at":"2024-03-05T09:00:00+00:00","approver":"Demo Supervisor Q",'
                   b'"category":"care_coordination","date":"2024-03-04","entry_id":"01a218fee00a76999635ef061e591ab0",'
                   b'"key":"SHA256:abc","learner":"Demo Learner A","log_head":"' + b"0" * 64 + b'","minutes":450,'
                   b'"paid":true,"setting":"health_care","supersedes":null,"supervisor":"Demo Supervisor Q"}')


def test_the_note_and_status_are_not_signed_but_every_counted_field_is():
    """Does changing the note or status leave the message alone, and changing any counted field change it?"""
    base = message(_stmt())
    assert message(_stmt(note="other", status="pending")) == base
    for field, value in [("minutes", 451), ("date", "2024-03-05"), ("category", "documentation"),
                         ("setting", "school"), ("paid", False), ("supervisor", None), ("learner", "Demo Learner B"),
                         ("entry_id", "f" * 32), ("supersedes", "e" * 32)]:
        assert message(_stmt(**{field: value})) != base, field


def test_a_statement_with_missing_or_extra_fields_is_not_signed():
    """Is a statement that is not exactly the documented fields refused?"""
    s = _stmt()
    with pytest.raises(ValueError, match="exactly the fields"):
        message({k: v for k, v in s.items() if k != "log_head"})
    with pytest.raises(ValueError, match="exactly the fields"):
        message(dict(s, note="x"))


def test_signatures_verify_only_for_the_message_signed():
    """Does a signature verify for its own message and no other, and survive its base64 round trip?"""
    key = generate_key()
    from casekit.hours.keys import parse_public_key

    pub = parse_public_key(key.public_key)
    msg = message(_stmt())
    sig = decode_signature(encode_signature(key.sign(msg)))
    assert signature_valid(pub, msg, sig)
    assert not signature_valid(pub, message(_stmt(minutes=600)), sig)
    assert not signature_valid(parse_public_key(generate_key().public_key), msg, sig)
    assert decode_signature("not base64!") is None and decode_signature(encode_signature(b"short")) is None


def test_the_fast_entry_hashes_equal_the_documented_ones():
    """Do the bulk entry hashes equal SHA-256 of the documented canonical JSON, even for odd text?"""
    rng = random.Random(7)
    names = ["Demo Learner A", "Démo Lëarner “B”", 'Quote "Q" \\ back', "Tab\tNew\nline"]
    rows = []
    for k in range(200):
        rows.append(dict(entry_id=f"{rng.getrandbits(128):032x}", learner=rng.choice(names), date=f"2024-0{rng.randint(1, 9)}-1{k % 10}",
                         minutes=rng.randint(1, 1440), category=rng.choice(["documentation", "training"]),
                         setting=rng.choice(["school", "other"]), paid=rng.random() < 0.5,
                         supervisor=rng.choice([None, "", "Demo Supervisor Q", "Sùpervisor ✓"]),
                         note=rng.choice(["", "home visit", "naïve ✓ note", 'a "quoted", note']),
                         supersedes=rng.choice([None, "", "e" * 32])))
    fast = audit.entry_hashes(*[[r[f] for r in rows] for f in ("entry_id", "learner", "date", "minutes", "category",
                                                                "setting", "paid", "supervisor", "note", "supersedes")])
    for r, h in zip(rows, fast):
        documented = dict(r, supervisor=r["supervisor"] or None, supersedes=r["supersedes"] or None)
        body = json.dumps(documented, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")
        assert h == hashlib.sha256(b"casekit-hours-entry/1\n" + body).digest() == audit.entry_hash(r)


def test_items_pack_and_unpack():
    """Do an audit record's items round-trip between (id, hash) pairs and their 48-byte packed form?"""
    pairs = [("a" * 32, b"\x01" * 32), ("0123456789abcdef" * 2, bytes(range(32)))]
    blob = audit.pack_items([p[0] for p in pairs], [p[1] for p in pairs])
    assert len(blob) == 96 and audit.unpack_items(blob) == pairs


def test_many_signatures_are_checked_together_and_each_answer_is_its_own():
    """Checked together on every core, does each of many signatures get its own answer, the bad ones among them?"""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from casekit.hours.trust.signing import _PARALLEL_FROM, signature_valid, signatures_valid

    key = Ed25519PrivateKey.generate()
    other = Ed25519PrivateKey.generate()
    messages = [f"entry {i}".encode() for i in range(_PARALLEL_FROM + 50)]
    checks = [(key.public_key(), m, key.sign(m)) for m in messages]
    checks[7] = (key.public_key(), messages[7], other.sign(messages[7]))  # signed by someone else
    checks[200] = (key.public_key(), b"entry 2000", checks[200][2])  # the message changed after signing
    checks[301] = (key.public_key(), messages[301], None)  # no signature at all
    # The same signature with its scalar written as S + L (the group order): refused by RFC 8032, and by both libraries.
    good = checks[250][2]
    order = 2**252 + 27742317777372353535851937790883648493
    checks[250] = (key.public_key(), messages[250], good[:32] + (int.from_bytes(good[32:], "little") + order).to_bytes(32, "little"))
    checks[260] = (key.public_key(), messages[260], checks[260][2][:63])  # cut short
    found = signatures_valid(checks)
    assert found == [signature_valid(*c) for c in checks]  # libsodium, many at once, agrees with OpenSSL one by one
    assert [i for i, ok in enumerate(found) if not ok] == [7, 200, 250, 260, 301]
