"""Entries: what is accepted, what is refused and how the refusal reads."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest

from casekit.hours.entries import new_entry_ids, threshold_fields
from casekit.hours.errors import EntryRejected
from casekit.hours.logbook import add_entry, list_entries
from casekit.hours.models import THRESHOLD_FIELDS

GOOD = dict(learner="Demo Learner A", date="2024-03-04", hours=7.5, category="care_coordination",
            setting="social_services", paid=True, supervisor="Demo Supervisor Q", note="met the team")


def _add(store, **over):
    kw = dict(GOOD)
    kw.update(over)
    return add_entry(store, **kw)


def test_a_good_entry_is_stored_pending_with_a_stable_id(store, people):
    """Is a valid entry stored exactly, as pending, under the id returned?"""
    entry_id = _add(store)
    frame = list_entries(store)
    assert frame["entry_id"].tolist() == [entry_id]
    row = frame.iloc[0]
    assert (row.learner, str(row.date), row.hours, row.category, row.setting, bool(row.paid), row.supervisor, row.status) == (
        "Demo Learner A", "2024-03-04", 7.5, "care_coordination", "social_services", True, "Demo Supervisor Q", "pending")
    assert uuid.UUID(entry_id).version == 7


@pytest.mark.parametrize("given,minutes", [("7.5", 450), ("7:30", 450), ("0.25", 15), ("24", 1440), ("0.8333", 50), (2, 120)])
def test_hours_are_kept_to_the_minute(store, people, given, minutes):
    """Are decimal and H:MM hours stored as whole minutes?"""
    _add(store, hours=given)
    assert round(list_entries(store)["hours"].iloc[0] * 60) == minutes


@pytest.mark.parametrize("field,value", [("category", "Care Coordination"), ("category", "individual supervision received"),
                                         ("setting", "health care delivery"), ("setting", "social-services")])
def test_labels_are_accepted_for_codes(store, people, field, value):
    """Can a category or setting be given by its label, in any case?"""
    _add(store, **{field: value})
    assert len(list_entries(store)) == 1


TOMORROW = (date.today() + timedelta(days=1)).isoformat()

BAD = [
    ("zero hours", dict(hours=0), "hours", "zero"),
    ("negative hours", dict(hours=-2), "hours", "negative"),
    ("over 24 hours", dict(hours=25), "hours", "more than 24 hours"),
    ("not a number", dict(hours="seven"), "hours", "not a number"),
    ("empty hours", dict(hours=""), "hours", "empty"),
    ("future date", dict(date=TOMORROW), "date", "in the future"),
    ("not a date", dict(date="03/04/2024"), "date", "YYYY-MM-DD"),
    ("impossible date", dict(date="2024-02-30"), "date", "not a real date"),
    ("ancient date", dict(date="1901-01-01"), "date", "before 1950"),
    ("unknown learner", dict(learner="Demo Nobody"), "learner", "unknown learner 'Demo Nobody'"),
    ("supervisor as learner", dict(learner="Demo Supervisor Q"), "learner", "as a supervisor, not a learner"),
    ("unknown supervisor", dict(supervisor="Demo Ghost"), "supervisor", "unknown supervisor 'Demo Ghost'"),
    ("learner as supervisor", dict(supervisor="Demo Learner B"), "supervisor", "as a learner, not a supervisor"),
    ("supervising oneself", dict(learner="Demo Both P", supervisor="Demo Both P"), "supervisor", "cannot sign off their own"),
    ("SSN in note", dict(note="called client 123-45-6789"), "note", "Social Security number"),
    ("bare SSN in note", dict(note="ref 123456789"), "note", "Social Security number"),
    ("MRN in note", dict(note="chart MRN: 00482213 reviewed"), "note", "medical record number"),
    ("long note", dict(note="x" * 501), "note", "501 characters"),
    ("bad category", dict(category="coffee"), "category", "not a known category"),
    ("bad setting", dict(setting="moon base"), "setting", "not a known setting"),
    ("bad paid", dict(paid="maybe"), "paid", "not yes or no"),
]


@pytest.mark.parametrize("over,field,fragment", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_entries_are_refused_naming_the_field(store, people, over, field, fragment):
    """Is each kind of bad entry refused with a message naming the field, and nothing saved?"""
    with pytest.raises(EntryRejected) as info:
        _add(store, **over)
    msg = str(info.value)
    assert msg.startswith(f"{field}: "), msg
    assert fragment in msg
    assert [p.field for p in info.value.problems] == [field]
    assert list_entries(store).empty


def test_identifier_messages_do_not_repeat_the_identifier(store, people):
    """Does the refusal avoid echoing the SSN it found (so logs stay clean)?"""
    with pytest.raises(EntryRejected) as info:
        _add(store, note="client 123-45-6789")
    assert "6789" not in str(info.value)


def test_every_problem_in_one_entry_is_listed(store, people):
    """Are all of an entry's problems reported at once, not one per attempt?"""
    with pytest.raises(EntryRejected) as info:
        _add(store, hours=0, date=TOMORROW, category="coffee")
    assert sorted(p.field for p in info.value.problems) == ["category", "date", "hours"]


def test_more_than_24_hours_in_a_day_is_refused(store, people):
    """Is an entry refused when the learner's day would pass 24 hours, counting entries already logged?"""
    _add(store, hours=10)
    _add(store, hours=10, category="documentation")
    with pytest.raises(EntryRejected, match=r"would have 25 h on 2024-03-04 .*20 h already in the log"):
        _add(store, hours=5)
    _add(store, hours=4)  # exactly 24 h is allowed
    _add(store, hours=5, learner="Demo Learner B")  # another learner's day is separate
    assert list_entries(store)["hours"].sum() == 29


def test_threshold_fields_are_the_fields_that_count(store, people):
    """Does threshold_fields keep exactly the counting fields, in a fixed form, leaving out note and status?"""
    entry = dict(entry_id="abc", learner="Demo Learner A", date=date(2024, 3, 4), minutes=450.0,
                 category="care_coordination", setting="health_care", paid=1, supervisor="", note="x", status="approved")
    fields = threshold_fields(entry)
    assert tuple(fields) == THRESHOLD_FIELDS
    assert fields["date"] == "2024-03-04" and fields["minutes"] == 450 and fields["paid"] is True
    assert fields["supervisor"] is None
    assert threshold_fields(dict(entry, note="other", status="pending")) == fields
    assert threshold_fields(dict(entry, minutes=451)) != fields


def test_new_entry_ids_are_unique_time_ordered_uuid7():
    """Are fresh entry ids unique, increasing in creation order, and valid version-7 UUIDs?"""
    ids = new_entry_ids(5000) + new_entry_ids(10)
    assert len(set(ids)) == len(ids)
    first = new_entry_ids(5000)
    assert first == sorted(first)
    assert all(uuid.UUID(i).version == 7 and uuid.UUID(i).variant == uuid.RFC_4122 for i in ids[:50])
