"""What counts on each route for a learner whose log a supervisor walks through.

The log: Demo Learner A (a bachelor's in social work, LBSW) with about 35 h of paid, approved
care coordination in social services over four weeks, supervised by Demo Supervisor R, who holds
an LCSW and no CCM.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from casekit.cli.hours import hours as hours_cli
from casekit.hours.corrections import correct_entry
from casekit.hours.errors import HoursError
from casekit.hours.learner import learner_progress
from casekit.hours.pathways import find_pathways
from casekit.hours.people import add_person
from casekit.hours.planner import PlannedWork, plan_for

from .helpers import log_days

AS_OF = date(2024, 4, 3)  # a Wednesday, four weeks after the first entry
DAYS = [date(2024, 3, 4) + timedelta(weeks=w, days=d) for w in range(4) for d in (0, 2)][:7]


@pytest.fixture
def bachelor_log(store, people):
    """35.5 h over four weeks: six days of 5 h and one of 5.5 h, approved by R (LCSW, no CCM)."""
    ids = log_days(store, "Demo Learner A", DAYS[:6], 5, setting="social_services", supervisor="Demo Supervisor R")
    ids += log_days(store, "Demo Learner A", DAYS[6:], 5.5, setting="social_services", supervisor="Demo Supervisor R")
    return ids


def _route(lp, short, route_id):
    return next(r for r in lp.credential(short).routes if r.route.id == route_id)


def test_post_masters_experience_counts_nothing_for_a_bachelors_learner(store, bachelor_log):
    """Does C-ASWCM (post-MSW) count none of a BSW holder's hours, saying there is no master's degree, while
    C-SWCM (post-BSW) and CMC's bachelor's route still count them all?"""
    lp = learner_progress(store, "Demo Learner A", as_of=AS_OF)
    aswcm = _route(lp, "C-ASWCM", "experience")
    assert aswcm.counted_hours == 0
    reasons = aswcm.not_counted_by_reason()
    assert list(reasons.values()) == [35.5]
    assert "no master's degree or doctorate in social work recorded" in next(iter(reasons))
    assert _route(lp, "C-SWCM", "experience").counted_hours == 35.5
    assert _route(lp, "CMC", "bachelors").counted_hours == 35.5
    assert _route(lp, "CMC", "masters").counted_hours == 0
    assert _route(lp, "CMC", "associate").counted_hours == 0  # an associate route, for a related bachelor's: not open
    out = CliRunner().invoke(hours_cli, ["--db", str(store.path), "why", "Demo Learner A"]).output
    assert "C-ASWCM route experience: counts" not in out
    assert "C-ASWCM route experience: does not count: no master's degree" in out


def test_post_masters_experience_counts_from_the_masters_date(store, people):
    """For an MSW holder, does C-ASWCM count work from the master's date on, and name the date for work before?"""
    add_person(store, "Demo Learner M", "learner", degree_level="master", degree_field="social_work",
               degree_date="2024-03-10", credentials=["LMSW"])
    log_days(store, "Demo Learner M", DAYS, 5, setting="social_services", supervisor="Demo Supervisor R")
    route = _route(learner_progress(store, "Demo Learner M", as_of=AS_OF), "C-ASWCM", "experience")
    assert route.counted_hours == 25  # 2024-03-11 onward
    assert route.not_counted_by_reason() == {"before the degree date 2024-03-10": 10}


def test_the_default_route_is_the_one_the_hours_count_on(store, bachelor_log):
    """With no CCM supervisor, is CCM's default route (b), where the hours count, not (a), where none do?"""
    lp = learner_progress(store, "Demo Learner A", as_of=AS_OF)
    ccm = lp.credential("CCM")
    assert ccm.best.route.id == "b" and ccm.best.counted_hours == 35.5
    pathway = next(p for p in find_pathways(store, "Demo Learner A", as_of=AS_OF) if p.short == "CCM")
    assert any("(route b)" in m for m in pathway.missing)
    assert not any("(route a)" in m for m in pathway.missing)


def test_the_default_route_keeps_the_rules_order_on_a_tie(store, people):
    """With a CCM supervisor, both (a) and (b) count every hour: is (a), first in the rules and nearer, the default?"""
    log_days(store, "Demo Learner A", DAYS, 5, setting="social_services", supervisor="Demo Supervisor Q")
    assert learner_progress(store, "Demo Learner A", as_of=AS_OF).credential("CCM").best.route.id == "a"


def test_a_pending_correction_is_in_the_pending_total(store, bachelor_log):
    """After correcting an approved 5 h entry to 6.5 h, does progress count 6.5 h pending approval?"""
    correct_entry(store, bachelor_log[0], hours=6.5)
    lp = learner_progress(store, "Demo Learner A", as_of=AS_OF)
    assert lp.pending_total_hours == 6.5
    assert "(6.5 h pending approval, 6.5 h of it in 1 correction of an approved entry" in lp.to_text()


def test_pace_wording_says_what_the_pace_is_over_and_why_there_is_no_date(store, bachelor_log):
    """Does progress say the pace runs since the first entry when that is sooner, and why a part-time pace
    gives no date for a full-time-months route?"""
    text = learner_progress(store, "Demo Learner A", as_of=AS_OF).to_text()
    assert "or of the full weeks since the first counted entry if that is sooner" in text
    assert ("no projection at the recent pace: no full-time week in the recent weeks (only weeks of 35 h or more "
            "count toward full-time months)") in text


def test_each_missing_thing_is_named_once(store, bachelor_log):
    """Does CMC's bachelor's route name its two month figures apart (the route's and the years in all)?"""
    cmc = next(p for p in find_pathways(store, "Demo Learner A", as_of=AS_OF) if p.short == "CMC")
    months = [m for m in cmc.missing if "months" in m]
    assert len(months) == 2 and len(set(months)) == 2
    assert any("of care management or paid direct client work, in all" in m for m in months)


PLAN_START = date(2024, 4, 8)  # a Monday after AS_OF


def _plan(store, **kw):
    return plan_for(store, "Demo Learner A", weekly_hours=40, start=PLAN_START, as_of=AS_OF, **kw)


def _planned(p, short, route_id):
    return next(r for r in p.routes if r.credential == short and r.route_id == route_id)


def test_planned_weeks_are_like_the_recent_entries_and_meet_only_routes_that_count_them(store, bachelor_log):
    """Planned weeks of social services work under an LCSW: is CCM (a) (a CCM supervisor), (c) (supervising),
    ACM (health care) and CDMS (disability management) never met, each saying why, while (b) is?"""
    p = _plan(store)
    assert "like the recent entries: 100% care coordination, social services" in p.to_text()
    for short, route_id, why in [("CCM", "a", "does not hold CCM"), ("CCM", "c", "category 'care coordination'"),
                                 ("ACM-RN", "experience", "only health care"), ("ACM-SW", "experience", "only health care"),
                                 ("CDMS", "experience", "only disability management"),
                                 ("C-ASWCM", "experience", "no master's degree")]:
        r = _planned(p, short, route_id)
        assert r.planned is None and why in r.why_never, (short, route_id, r)
    assert _planned(p, "CCM", "b").planned is not None
    assert "supervision received" in _planned(p, "CMC", "bachelors").why_never  # none in the recent entries


def test_every_route_the_learner_cannot_take_is_tagged(store, bachelor_log):
    """Are ACM-RN (no RN) and C-ASWCM (no MSW) tagged as not open, like CMC's masters and associate routes?"""
    p = _plan(store)
    shut = {(r.credential, r.route_id) for r in p.routes if not r.route_open}
    assert shut == {("ACM-RN", "experience"), ("C-ASWCM", "experience"), ("CMC", "masters"), ("CMC", "associate")}
    assert p.to_text().count("[route not open to this learner yet") == 4


def test_set_work_replaces_the_recent_mix_and_the_date_is_the_day_reached(store, bachelor_log):
    """Planned health care work: is ACM-SW's 2,080 h at 40 h a week met on the 52nd week's Friday (not its Monday),
    and does a CCM supervisor open route (a)?"""
    p = _plan(store, work=PlannedWork(setting="health_care", supervisor="Demo Supervisor Q"))
    assert _planned(p, "ACM-SW", "experience").planned == PLAN_START + timedelta(weeks=51, days=4)
    assert _planned(p, "CCM", "a").planned is not None
    assert "as set, the rest like the recent entries" in p.to_text()


@pytest.mark.parametrize("work,fragment", [
    (PlannedWork(supervisor="Nobody Known"), "supervisor: unknown supervisor 'Nobody Known'"),
    (PlannedWork(category="napping"), "category: 'napping' is not a category"),
    (PlannedWork(setting="moon"), "setting: 'moon' is not a setting"),
])
def test_bad_planned_work_is_refused_naming_the_field(store, bachelor_log, work, fragment):
    with pytest.raises(HoursError, match=fragment):
        _plan(store, work=work)


def test_plan_options_on_the_command_line(store, bachelor_log):
    """Does `hours plan --setting --supervisor` plan that work, and its help say what planned weeks are?"""
    runner = CliRunner()
    args = ["--db", str(store.path), "plan", "Demo Learner A", "--weekly-hours", "40", "--start", "2024-04-08",
            "--as-of", AS_OF.isoformat()]
    out = runner.invoke(hours_cli, args).output
    assert "CCM route a: not within 12 years: the planned hours do not count on this route" in out
    out = runner.invoke(hours_cli, args + ["--setting", "health_care"]).output
    assert f"ACM-SW route experience: met {(PLAN_START + timedelta(weeks=51, days=4)).isoformat()}" in out
    helptext = runner.invoke(hours_cli, ["plan", "--help"]).output
    assert "like LEARNER's recent entries" in helptext and "--supervisor" in helptext


def test_the_packet_takes_the_route_the_hours_count_on(store, bachelor_log, tmp_path):
    """Does `hours packet --credential CCM` with no --route write route (b), with R as the supervisor of its hours?"""
    out = CliRunner().invoke(hours_cli, ["--db", str(store.path), "packet", "Demo Learner A", "--credential", "CCM",
                                         "--to", str(tmp_path / "p.html"), "--as-of", AS_OF.isoformat()])
    assert out.exit_code == 0, out.output
    page = (tmp_path / "p.html").read_text()
    assert "Route: (b) 24 months full-time" in page
    assert "<td>Demo Supervisor R</td><td>LCSW</td>" in page


def test_an_rn_diploma_starts_cmcs_associate_route_from_its_recorded_date(store, people):
    """An RN with no degree, the diploma's date recorded as the degree date: does CMC's associate route count work
    from that date, as the rules file's note asks?"""
    add_person(store, "Demo Learner D", "learner", degree_level="none", degree_date="2024-03-10", credentials=["RN"])
    log_days(store, "Demo Learner D", DAYS, 5, supervisor="Demo Supervisor R")
    lp = learner_progress(store, "Demo Learner D", as_of=AS_OF)
    assert _route(lp, "CMC", "associate").counted_hours == 25  # 2024-03-11 onward
    assert _route(lp, "CMC", "bachelors").counted_hours == 0
