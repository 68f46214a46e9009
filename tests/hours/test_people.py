"""People: adding learners and supervisors, and finding them by name."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from casekit.hours.errors import PersonError, UnknownPersonError
from casekit.hours.people import add_people, add_person, get_person, list_people


def test_a_person_is_stored_with_degree_and_normalised_credentials(store):
    """Are a learner's degree, date and credentials stored (credentials in upper case, deduplicated)?"""
    p = add_person(store, "Demo Learner A", "learner", degree_level="Bachelor", degree_field="social work",
                   degree_date="2021-05-20", credentials=["lbsw", "aswb bachelors", "LBSW"])
    again = get_person(store, "demo learner a")
    assert again == p
    assert (p.degree_level, p.degree_field, p.degree_date, p.credentials) == (
        "bachelor", "social_work", date(2021, 5, 20), ("ASWB-BACHELORS", "LBSW"))


BAD = [
    ("empty name", dict(name="  "), "name: empty"),
    ("bad role", dict(role="boss"), "role: 'boss'"),
    ("bad degree", dict(degree_level="phd"), "degree level: 'phd'"),
    ("bad field", dict(degree_field="astrology"), "degree field: 'astrology'"),
    ("future degree", dict(degree_date=(date.today() + timedelta(days=3)).isoformat()), "degree date: "),
    ("bad degree date", dict(degree_date="May 2020"), "degree date: 'May 2020' is not a date"),
    ("SSN as name", dict(name="123-45-6789"), "name: looks like"),
]


@pytest.mark.parametrize("over,fragment", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_people_are_refused(store, over, fragment):
    """Is each bad person record refused with a message naming the field?"""
    kw = dict(name="Demo Learner Z", role="learner")
    kw.update(over)
    with pytest.raises(PersonError, match=fragment):
        add_person(store, **kw)
    assert list_people(store) == []


def test_names_are_unique_ignoring_case(store):
    """Is a second person with the same name (any case) refused?"""
    add_person(store, "Demo Learner A")
    with pytest.raises(PersonError, match="already in the log"):
        add_person(store, "DEMO LEARNER A", "supervisor")


def test_adding_many_is_all_or_nothing(store):
    """Does add_people add none when one record is bad, naming which one?"""
    with pytest.raises(PersonError, match="person 2: role"):
        add_people(store, [dict(name="Demo One"), dict(name="Demo Two", role="boss")])
    assert list_people(store) == []
    assert [p.name for p in add_people(store, [dict(name="Demo One"), dict(name="Demo Two")])] == ["Demo One", "Demo Two"]


def test_unknown_names_suggest_who_is_known(store, people):
    """Does an unknown name's message list the known people of that role and how to add one?"""
    with pytest.raises(UnknownPersonError, match=r"unknown learner 'Demo X'.*Demo Learner A.*person add"):
        get_person(store, "Demo X", "learner")
    with pytest.raises(UnknownPersonError, match="as a learner, not a supervisor"):
        get_person(store, "Demo Learner A", "supervisor")
    assert get_person(store, "Demo Both P", "supervisor").name == "Demo Both P"
    assert [p.name for p in list_people(store, "supervisor")] == ["Demo Both P", "Demo Supervisor Q", "Demo Supervisor R"]
