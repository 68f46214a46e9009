"""Spotting text that looks like a client identifier (SSN, medical record number, birth date).

Notes in the log are the learner's own words about their work. A note must never carry
a client's Social Security number, medical record number or date of birth, so entries
whose note looks like one are refused. A date alone is fine (notes name the day of a
visit); a date after "born", "DOB" or "date of birth" is not. The patterns err on the
side of refusing: a learner can always reword a note, but a leaked identifier cannot be
taken back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the series come from callers that have pandas loaded; naming a person needs no pandas
    import pandas as pd

# 123-45-6789, 123 45 6789, 123.45.6789
_SSN = r"(?<!\d)\d{3}[-. ]\d{2}[-. ]\d{4}(?!\d)"
# 123456789 (an SSN written without separators)
_SSN_BARE = r"(?<!\d)\d{9}(?!\d)"
# "MRN 00123", "medical record #A-55120", "med rec no. 4471", "chart number: 9981"
_MRN_KEYWORD = (
    r"(?:\bmrn|\bmedical\s+record(?:\s+(?:number|num|no\.?|#))?|\bmed\.?\s*rec\.?(?:\s+(?:number|no\.?|#))?"
    r"|\bchart\s+(?:number|no\.?|#))\s*(?:is\s+)?[:#=]?\s*[a-z]{0,3}-?\d[\d-]{2,}"
)
# "born 04/12/1980", "DOB: 4-12-80", "date of birth 1980-04-12", "birthdate April 12, 1980"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})"
)
_BIRTH_DATE = (
    r"(?:\bborn|\bd\.?o\.?b\b\.?|\bdate\s+of\s+birth|\bbirth\s*date|\bbirthday)"
    rf"\s*(?:is\s+|was\s+|on\s+|in\s+)?[:#=]?\s*{_DATE}"
)
# Seven or more digits in a row: a record or account number more often than anything else.
_LONG_NUMBER = r"(?<!\d)\d{7,}(?!\d)"

_PATTERNS: tuple[tuple[str, str, re.Pattern], ...] = (
    ("ssn", "a Social Security number", re.compile(_SSN)),
    ("mrn", "a medical record number", re.compile(_MRN_KEYWORD, re.IGNORECASE)),
    ("dob", "a date of birth", re.compile(_BIRTH_DATE, re.IGNORECASE)),
    ("ssn", "a Social Security number", re.compile(_SSN_BARE)),
    ("mrn", "a medical record or other record number (7 or more digits in a row)", re.compile(_LONG_NUMBER)),
)
_ANY = re.compile("|".join(f"(?:{p.pattern})" for _, _, p in _PATTERNS), re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    kind: str  # "ssn", "mrn" or "dob"
    description: str
    start: int
    end: int


def find_identifiers(text: str) -> list[Finding]:
    """Every stretch of ``text`` that looks like an SSN, a medical record number or a birth date."""
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for kind, description, pattern in _PATTERNS:
        for m in pattern.finditer(text or ""):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(Finding(kind, description, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def identifier_message(text: str) -> str | None:
    """A message naming what looks like an identifier and where, or None if the text is clean.

    The message never repeats the suspect characters, so it is safe to print or log.
    """
    found = find_identifiers(text)
    if not found:
        return None
    parts = [f"{f.description} at characters {f.start + 1}-{f.end}" for f in found]
    return (
        "looks like it contains " + "; ".join(parts) + ". Remove client identifiers from the note "
        "(the log must hold no client data) and try again"
    )


def looks_like_identifier(notes: pd.Series) -> pd.Series:
    """Vectorised: True where a note looks like it holds an identifier."""
    return notes.str.contains(_ANY, na=False)
