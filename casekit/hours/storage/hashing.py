"""SHA-256 of many entries' canonical JSON, in this process or in a second one beside the insert.

:func:`casekit.hours.storage.audit.entry_pieces` cuts the canonical JSON of a batch of
entries (the format is defined there) into repeating pieces; :func:`digests` joins each
entry's pieces and hashes them. For a large import :func:`start` hands the pieces to a
second Python process, which hashes while this one inserts the rows, and :meth:`Pending.result`
collects the 32-byte digests. The bytes are the same either way: if the second process
cannot be started or fails, the digests are computed here instead.

This file is also the second process's program (``python hashing.py``), so it imports
nothing but the standard library: the helper starts in a few milliseconds, and needs no
access to the log.
"""

from __future__ import annotations

import hashlib
import pickle
import subprocess
import sys
from array import array
from dataclasses import dataclass, fields

DIGEST_BYTES = 32
# Below this many entries the second process costs more than it saves.
SECOND_PROCESS_FROM = 100_000


@dataclass(frozen=True)
class EntryPieces:
    """Each entry's canonical JSON, as ``heads[a] + id + middles[b] + tails[c]`` (ASCII bytes).

    ``head_codes``, ``middle_codes`` and ``tail_codes`` hold one int32 per entry (machine
    byte order); ``ids`` is every entry id, one after another, and ``id_ends`` (int64 per
    entry) is where each one ends in it.
    """

    heads: list[bytes]
    head_codes: bytes
    ids: bytes
    id_ends: bytes
    middles: list[bytes]
    middle_codes: bytes
    tails: list[bytes]
    tail_codes: bytes


def digests(pieces: EntryPieces) -> bytes:
    """The 32-byte SHA-256 of every entry's canonical JSON, one after another."""
    ends = array("q")
    ends.frombytes(pieces.id_ends)
    codes = []
    for blob in (pieces.head_codes, pieces.middle_codes, pieces.tail_codes):
        a = array("i")
        a.frombytes(blob)
        codes.append(a)
    ids, heads, middles, tails = pieces.ids, pieces.heads, pieces.middles, pieces.tails
    starts = [0, *ends[:-1]]
    sha = hashlib.sha256
    return b"".join([
        sha(heads[a] + ids[s:e] + middles[b] + tails[c]).digest()
        for a, s, e, b, c in zip(codes[0], starts, ends, codes[1], codes[2])
    ])


class Pending:
    """Digests on their way: from a second process, or already computed here."""

    def __init__(self, pieces: EntryPieces, process: subprocess.Popen | None):
        self._pieces = pieces
        self._process = process

    def result(self) -> bytes:
        """The digests (see :func:`digests`); computed here if the second process did not deliver them."""
        process, self._process = self._process, None
        if process is not None:
            try:
                assert process.stdout is not None
                out = process.stdout.read()
                process.stdout.close()
            except OSError:
                out = b""
                process.kill()
            process.wait()
            if process.returncode == 0 and len(out) == DIGEST_BYTES * (len(self._pieces.id_ends) // 8):
                return out
        return digests(self._pieces)

    def cancel(self) -> None:
        """Stop the second process, if any (the caller no longer needs the digests)."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()

    def __enter__(self) -> "Pending":
        return self

    def __exit__(self, *exc) -> None:
        self.cancel()


def start(pieces: EntryPieces) -> Pending:
    """Start hashing ``pieces``: in a second process for a large batch, else when the result is asked for."""
    n = len(pieces.id_ends) // 8
    if n < SECOND_PROCESS_FROM:
        return Pending(pieces, None)
    try:
        # -I: the helper reads nothing from the environment or the user's site folder.
        process = subprocess.Popen([sys.executable, "-I", __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL)
    except OSError:
        return Pending(pieces, None)
    try:
        assert process.stdin is not None
        process.stdin.write(pickle.dumps(tuple(getattr(pieces, f.name) for f in fields(pieces)), protocol=pickle.HIGHEST_PROTOCOL))
        process.stdin.close()
    except OSError:  # the helper died before it read its input: hash here
        process.kill()
        process.wait()
        return Pending(pieces, None)
    return Pending(pieces, process)


def _main() -> int:
    # The input is the pickled pieces written by start() in the parent process, never a file.
    pieces = EntryPieces(*pickle.loads(sys.stdin.buffer.read()))
    sys.stdout.buffer.write(digests(pieces))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
