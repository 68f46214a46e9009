"""Notes must not carry client identifiers: what looks like an SSN, a medical record number or a birth date."""

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
    ("client born 04/12/1980, lives alone", "dob"),
    ("DOB: 4-12-80", "dob"),
    ("d.o.b. 1980-04-12", "dob"),
    ("date of birth is April 12, 1980", "dob"),
    ("birthdate 12th Apr 1980", "dob"),
    ("Born on Sept. 3 2011", "dob"),
]

CLEAN = ["met client 3 times", "home visit, 2 children present", "room 402, bed 3", "discharge on 2024-03-04",
         "called 555-1234 about transport", "worked 7.5 hours", "", "MRN not needed today",
         "home visit 04/12/2026", "first-born child started school 9/3/2026", "asked for her date of birth on the form",
         "newborn visit on 2026-03-04"]


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
