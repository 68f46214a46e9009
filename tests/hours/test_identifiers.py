"""Notes must not carry client identifiers: what looks like an SSN or a medical record number."""

from __future__ import annotations

import pandas as pd
import pytest

from casekit.hours.identifiers import find_identifiers, identifier_message, looks_like_identifier

FLAGGED = [
    ("client 123-45-6789 called", "ssn"),
    ("ssn 123 45 6789", "ssn"),
    ("id 123.45.6789", "ssn"),
    ("ref 123456789", "ssn"),
    ("MRN 00123", "mrn"),
    ("mrn:A-55120", "mrn"),
    ("medical record #4471203", "mrn"),
    ("Medical Record Number: 99-1234", "mrn"),
    ("med rec no. 4471", "mrn"),
    ("chart number: 9981", "mrn"),
    ("account 12345678", "mrn"),
]

CLEAN = ["met client 3 times", "home visit, 2 children present", "room 402, bed 3", "discharge on 2024-03-04",
         "called 555-1234 about transport", "worked 7.5 hours", "", "MRN not needed today"]


@pytest.mark.parametrize("text,kind", FLAGGED)
def test_identifier_like_text_is_found(text, kind):
    """Is text that looks like an SSN or MRN found, and named as such?"""
    found = find_identifiers(text)
    assert [f.kind for f in found] == [kind]
    assert identifier_message(text) is not None
    assert looks_like_identifier(pd.Series([text])).tolist() == [True]


@pytest.mark.parametrize("text", CLEAN)
def test_ordinary_notes_pass(text):
    """Do ordinary notes with small numbers and dates pass?"""
    assert find_identifiers(text) == []
    assert identifier_message(text) is None
    assert looks_like_identifier(pd.Series([text])).tolist() == [False]


def test_message_says_where_but_not_what():
    """Does the message give the character positions without repeating the digits?"""
    msg = identifier_message("client 123-45-6789")
    assert "characters 8-18" in msg and "123" not in msg
