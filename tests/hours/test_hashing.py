"""Entry hashes worked out in a second process are the same bytes as those worked out here."""

from __future__ import annotations

import hashlib
import subprocess

from casekit.hours.storage import audit, hashing


def _pieces(n: int) -> hashing.EntryPieces:
    return audit.entry_pieces([f"{k:032x}" for k in range(n)], ["Demo Learner A", "Démo “B”"] * (n // 2),
                              [f"2024-01-{1 + k % 28:02d}" for k in range(n)], [30 + k % 7 for k in range(n)],
                              ["training"] * n, ["school"] * n, [k % 3 == 0 for k in range(n)],
                              [None, "Demo Supervisor Q"] * (n // 2), ["", 'a "note"'] * (n // 2), [None] * n)


def test_the_second_process_gives_the_documented_hashes(monkeypatch):
    """Does a batch hashed in the second process give SHA-256 of each entry's documented bytes?"""
    monkeypatch.setattr(hashing, "SECOND_PROCESS_FROM", 10)
    pieces = _pieces(40)
    with hashing.start(pieces) as pending:
        assert pending._process is not None  # the helper really ran
        blob = pending.result()
    row = dict(entry_id=f"{5:032x}", learner="Démo “B”", date="2024-01-06", minutes=35, category="training",
               setting="school", paid=False, supervisor="Demo Supervisor Q", note='a "note"', supersedes=None)
    assert blob[5 * 32 : 6 * 32] == audit.entry_hash(row)
    assert blob == hashing.digests(pieces) and len(blob) == 40 * 32
    assert blob[:32] == hashlib.sha256(
                                       audit.ENTRY_PREFIX + audit.canonical_json(audit.entry_record(
                                           dict(row, entry_id=f"{0:032x}", learner="Demo Learner A", date="2024-01-01",
                                                minutes=30, paid=True, supervisor=None, note=""))).encode()).digest()


def test_a_helper_that_fails_leaves_the_hashes_to_this_process(monkeypatch):
    """When the second process cannot start or dies, are the same hashes still returned?"""
    monkeypatch.setattr(hashing, "SECOND_PROCESS_FROM", 10)
    pieces = _pieces(20)
    expected = hashing.digests(pieces)

    def no_process(*args, **kwargs):
        raise OSError("no processes left")

    with monkeypatch.context() as m:
        m.setattr(hashing.subprocess, "Popen", no_process)
        assert hashing.start(pieces).result() == expected
    real_popen = subprocess.Popen
    with monkeypatch.context() as m:
        m.setattr(hashing.subprocess, "Popen", lambda args, **kw: real_popen(["false"], **kw))
        assert hashing.start(pieces).result() == expected


def test_a_small_batch_is_hashed_here():
    """Does a batch below the threshold start no second process?"""
    pending = hashing.start(_pieces(4))
    assert pending._process is None and len(pending.result()) == 4 * 32
