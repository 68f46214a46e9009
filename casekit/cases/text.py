"""Reading free text for content: what a goal or a revision note says, never how long it is.

Words are compared by a light stem (``delivered``, ``deliveries`` and ``deliver`` meet at ``deliver``),
so a key lists a concept once and a learner may write it in their own grammar.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")
_SUFFIXES = ("ing", "ies", "ied", "es", "ed", "s", "e", "y")


def words(text: str) -> list[str]:
    """Lower-case words of ``text``; apostrophes and hyphens split words (``teach-back`` -> teach, back)."""
    return _WORD.findall((text or "").lower().replace("’", "'").replace("'s ", " "))


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A light stem: the word without one common ending, never shorter than three letters."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _same(a: str, b: str) -> bool:
    """Do two stems name the same word? Equal, or one starts the other and is at least five letters long."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 5 and long.startswith(short)


def mentions(text: str, marker: str) -> bool:
    """Does ``text`` hold ``marker`` as whole words, with at most a plain ending (``attend`` matches
    ``attended`` and ``attends``, but ``under`` does not match ``understand``, nor ``hold`` ``holistic``)?"""
    phrase = " ".join(words(marker))
    pattern = r"(?<![a-z0-9])" + re.escape(phrase) + r"(?:s|es|ed|d|ing)?(?![a-z0-9])"
    return bool(phrase) and re.search(pattern, " ".join(words(text))) is not None


def content_stems(text: str, stop: frozenset[str], drop: frozenset[str] = frozenset()) -> set[str]:
    """The stems of the words in ``text`` that carry content: no stop word, no word in ``drop``, no number."""
    return {stem(w) for w in words(text) if w not in stop and w not in drop and len(w) > 2 and not w.isdigit()}


def shared(stems: set[str], vocabulary: set[str]) -> set[str]:
    """The stems of ``stems`` that name a word of ``vocabulary``."""
    return {s for s in stems if any(_same(s, v) for v in vocabulary)}


def expresses(text: str, term: str, stop: frozenset[str]) -> bool:
    """Does ``text`` say ``term``: every content word of the term appears in the text, in any grammar?"""
    wanted = content_stems(term, stop) or {stem(w) for w in words(term)}
    have = {stem(w) for w in words(text)}
    return bool(wanted) and all(any(_same(w, h) for h in have) for w in wanted)
