"""The pathway finder: which credentials a learner can aim for, and what is missing."""

from __future__ import annotations

from datetime import date

import pytest

from casekit.hours.pathways import IN_PROGRESS, NOT_ELIGIBLE, READY, find_pathways
from casekit.hours.people import add_person

from .helpers import log_days, weekdays

AS_OF = date(2024, 6, 3)


def _by_short(pathways):
    return {p.short: p for p in pathways}


def test_education_and_licence_decide_which_credentials_are_open(store, people):
    """Does a BSW with a BSW-level licence get C-SWCM, CCM (degree route) and ACM-SW, but not C-ASWCM or ACM-RN?"""
    got = _by_short(find_pathways(store, "Demo Learner A", as_of=AS_OF))
    assert {k for k, p in got.items() if p.status != NOT_ELIGIBLE} == {"C-SWCM", "CCM", "ACM-SW", "CDMS", "CMC"}
    assert got["C-ASWCM"].status == NOT_ELIGIBLE
    assert any("a master's degree or a doctorate (recorded: a bachelor's degree)" in m for m in got["C-ASWCM"].missing)
    assert any("RN (registered nurse licence)" in m for m in got["ACM-RN"].missing)
    assert "the BSW is from a CSWE-accredited program" in got["C-SWCM"].not_checked


def test_ready_credentials_come_first_then_the_soonest(store, people):
    """Is a credential whose experience is met listed first as ready, and the rest in order of projected finish?"""
    log_days(store, "Demo Learner B", weekdays(date(2021, 1, 4), 104), 4)
    ordered = find_pathways(store, "Demo Learner B", as_of=AS_OF)
    assert ordered[0].short == "ACM-RN" and ordered[0].status == READY and ordered[0].missing == []
    statuses = [p.status for p in ordered]
    assert statuses == sorted(statuses, key=[READY, IN_PROGRESS, NOT_ELIGIBLE].index)


def test_missing_experience_is_spelled_out(store, people):
    """Does an eligible learner see exactly how many hours and months remain on the best route?"""
    log_days(store, "Demo Learner A", weekdays(date(2022, 1, 3), 10), 8)
    cswcm = _by_short(find_pathways(store, "Demo Learner A", as_of=AS_OF))["C-SWCM"]
    assert cswcm.status == IN_PROGRESS
    assert "experience: 4,100 more approved hours" in cswcm.missing
    assert any(m.startswith("experience: ") and "more months from first to last" in m for m in cswcm.missing)


@pytest.mark.parametrize("level,field,route", [
    ("master", "social_work", "masters"), ("bachelor", "nursing", "bachelors"),
    ("associate", "health_human_services", "associate"),
    ("bachelor", "other", "associate"), ("master", "other", "associate"),
])
def test_cmc_routes_follow_the_degree(store, level, field, route):
    """Does each CMC route open only for its degree level in a related field, and a degree in another field open only the associate route?"""
    add_person(store, "Demo Learner Z", degree_level=level, degree_field=field, degree_date="2015-01-01")
    cmc = _by_short(find_pathways(store, "Demo Learner Z", as_of=AS_OF))["CMC"]
    assert [r.route.route.id for r in cmc.routes if r.open] == [route]
    assert cmc.status == IN_PROGRESS


def test_cmc_needs_a_related_field_below_a_bachelors(store):
    """Is an associate degree in an unrelated field refused for CMC, naming the related fields it needs?"""
    add_person(store, "Demo Learner Y", degree_level="associate", degree_field="other", degree_date="2015-01-01")
    cmc = _by_short(find_pathways(store, "Demo Learner Y", as_of=AS_OF))["CMC"]
    assert cmc.status == NOT_ELIGIBLE
    assert any("a degree in social work, nursing or another health or human services field" in m for m in cmc.missing)


def test_no_degree_and_no_licence(store):
    """Is a learner with no degree and no licence told, for each credential, what education is missing?"""
    add_person(store, "Demo Learner N", degree_level="none")
    got = find_pathways(store, "Demo Learner N", as_of=AS_OF)
    assert all(p.status == NOT_ELIGIBLE for p in got)
    assert all(p.missing and p.missing[0].startswith("education/licence: ") for p in got)
