"""The rule engine: what counts toward each rule, how far along a learner is, and when they will finish."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest

from casekit.hours.cohort import credential_summary, progress_all
from casekit.hours.demo import build_demo_log
from casekit.hours.learner import learner_progress
from casekit.hours.ledger import load_ledger
from casekit.hours.progress import DAYS_PER_MONTH

from .helpers import log_days, weekdays

MONDAY = date(2024, 6, 3)  # as-of date for projections: a Monday, so the 12 weeks before are whole


def _route(lp, short, route="experience"):
    return next(r for r in lp.credential(short).routes if r.route.id == route)


def _req(route, measure):
    return next(r for r in route.requirements if r.measure == measure)


def test_only_approved_hours_count_and_pending_is_shown_apart(store, people):
    """Do approved hours count toward the threshold while pending hours are reported separately?"""
    log_days(store, "Demo Learner A", weekdays(date(2021, 1, 4), 2), 8)
    log_days(store, "Demo Learner A", [date(2021, 1, 18), date(2021, 1, 19)], 8, approve=False)
    lp = learner_progress(store, "Demo Learner A", as_of=MONDAY)
    hours = _req(_route(lp, "C-SWCM"), "hours")
    assert (hours.value, hours.logged, hours.pending, hours.target, hours.met) == (80, 96, 16, 4500, False)
    assert hours.text() == "80 / 4,500 h (+16 pending)"
    assert (lp.total_hours, lp.pending_hours) == (96, 16)


def test_entries_that_do_not_count_say_why(store, people):
    """Is every excluded entry listed with each reason (unpaid, unsupervised, before the degree, category)?"""
    log_days(store, "Demo Learner A", [date(2021, 2, 1)], 5, paid=False)
    log_days(store, "Demo Learner A", [date(2021, 2, 2)], 4, supervisor="")
    log_days(store, "Demo Learner A", [date(2020, 1, 10)], 3)
    log_days(store, "Demo Learner A", [date(2021, 2, 3)], 2, category="training")
    log_days(store, "Demo Learner A", [date(2021, 2, 4)], 6)
    route = _route(learner_progress(store, "Demo Learner A", as_of=MONDAY), "C-SWCM")
    assert _req(route, "hours").value == 6
    assert route.not_counted_by_reason() == {
        "unpaid": 5, "no supervisor named": 4, "before the degree date 2020-06-01": 3,
        "category 'training' does not count here": 2}
    assert {len(e.reasons) for e in route.not_counted} == {1}


def test_setting_rules_exclude_other_settings(store, people):
    """Does ACM count only health care delivery, naming the setting of entries it leaves out?"""
    log_days(store, "Demo Learner B", [date(2023, 3, 1)], 7, setting="school")
    log_days(store, "Demo Learner B", [date(2023, 3, 2)], 5)
    route = _route(learner_progress(store, "Demo Learner B", as_of=MONDAY), "ACM-RN")
    assert _req(route, "hours").value == 5
    assert route.not_counted_by_reason() == {"setting 'school' does not count (only health care)": 7}


def test_ccm_route_a_needs_a_ccm_supervisor(store, people):
    """Does CCM route (a) count only work supervised by a CCM, while route (b) takes any supervisor?"""
    log_days(store, "Demo Learner B", weekdays(date(2023, 1, 2), 4), 8, supervisor="Demo Supervisor R")
    lp = learner_progress(store, "Demo Learner B", as_of=MONDAY)
    a, b = _route(lp, "CCM", "a"), _route(lp, "CCM", "b")
    assert _req(a, "full_time_months").value == 0
    assert a.not_counted_by_reason() == {"supervisor Demo Supervisor R does not hold CCM": 160}
    assert _req(b, "full_time_months").value == pytest.approx(4 * 12 / 52)


def test_full_time_weeks_follow_the_full_time_setting(store, people):
    """Do only weeks at or above the full-time hours count, with the threshold a setting shown to the user?"""
    log_days(store, "Demo Learner B", weekdays(date(2023, 1, 2), 5), 7.2)   # 36 h weeks
    log_days(store, "Demo Learner B", weekdays(date(2023, 2, 6), 3), 6.8)   # 34 h weeks
    default = learner_progress(store, "Demo Learner B", as_of=MONDAY)
    assert _req(_route(default, "CCM", "b"), "full_time_months").value == pytest.approx(5 * 12 / 52)
    assert "full-time = 35 h/week (the kit's default setting)" in default.options.describe()
    lower = learner_progress(store, "Demo Learner B", as_of=MONDAY, full_time_hours=34)
    assert _req(_route(lower, "CCM", "b"), "full_time_months").value == pytest.approx(8 * 12 / 52)
    assert "full-time = 34 h/week (set for this run; default 35)" in lower.options.describe()


def test_calendar_months_run_from_first_to_last_counted_day(store, people):
    """Is the span counted in calendar months from the first to the last counted day, so three whole years
    (1 January 2021 through 31 December 2023) meet "3 years", and a day fewer does not?"""
    log_days(store, "Demo Learner A", [date(2021, 1, 1), date(2023, 12, 30)], 4)
    months = _req(_route(learner_progress(store, "Demo Learner A", as_of=MONDAY), "C-SWCM"), "calendar_months")
    assert months.value == pytest.approx(35 + 30 / 31) and not months.met
    log_days(store, "Demo Learner A", [date(2023, 12, 31)], 4)
    months = _req(_route(learner_progress(store, "Demo Learner A", as_of=MONDAY), "C-SWCM"), "calendar_months")
    assert months.value == pytest.approx(36.0) and months.met


def test_calendar_months_follow_the_calendar():
    """Do month ends, leap days and part months count as the calendar has them?"""
    from casekit.hours.credit.calendar_months import add_months, months_between

    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29) and add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2023, 11, 15), 3) == date(2024, 2, 15)
    assert months_between(date(2021, 3, 1), date(2024, 3, 1)) == 36
    assert months_between(date(2024, 2, 1), date(2024, 2, 15)) == pytest.approx(14 / 29)
    assert months_between(date(2024, 1, 31), date(2024, 2, 29)) == 1


def test_look_back_window_drops_old_hours(store, people):
    """Does CDMS count only the last 36 months before the as-of date, saying which entries fell outside?"""
    log_days(store, "Demo Learner B", weekdays(date(2020, 1, 6), 2), 10, setting="disability_management")
    log_days(store, "Demo Learner B", weekdays(date(2023, 1, 2), 1), 10, setting="disability_management")
    route = _route(learner_progress(store, "Demo Learner B", as_of=MONDAY), "CDMS")
    assert _req(route, "hours").value == 50
    cut = MONDAY - timedelta(days=round(36 * DAYS_PER_MONTH))
    assert route.not_counted_by_reason() == {f"outside the 36-month look-back (on or before {cut.isoformat()})": 100}


def test_entries_after_the_as_of_date_are_left_out(store, people):
    """Does progress as of a past date ignore later entries?"""
    log_days(store, "Demo Learner B", [date(2023, 1, 2), date(2024, 1, 2)], 8)
    lp = learner_progress(store, "Demo Learner B", as_of=date(2023, 6, 1))
    assert _req(_route(lp, "ACM-RN"), "hours").value == 8
    assert lp.total_hours == 8


def test_supervision_hours_are_needed_for_each_required_year(store, people):
    """Does the CMC master's route ask for 50 h of supervision per year over its 2 years (100 h)?"""
    log_days(store, "Demo Both P", weekdays(date(2023, 1, 2), 6), 1, category="supervision_individual",
             supervisor="Demo Supervisor Q")
    route = _route(learner_progress(store, "Demo Both P", as_of=MONDAY), "CMC", "masters")
    sup = _req(route, "supervision_hours")
    assert (sup.value, sup.target) == (30, 100)


def test_acm_is_met_by_either_alternative(store, people):
    """Is ACM's '1 year or 2,080 hours' met by 2,080 part-time hours with no full-time weeks?"""
    log_days(store, "Demo Learner B", weekdays(date(2021, 1, 4), 104), 4)  # 20 h/week for two years
    route = _route(learner_progress(store, "Demo Learner B", as_of=MONDAY), "ACM-RN")
    assert route.met
    assert [(r.measure, r.met) for r in route.groups[0]] == [("hours", True), ("full_time_months", False)]
    assert learner_progress(store, "Demo Learner B", as_of=MONDAY).credential("ACM-RN").met


def _twelve_weeks(store, hours_per_day=4.0):
    log_days(store, "Demo Learner B", weekdays(MONDAY - timedelta(weeks=12), 12), hours_per_day)


def test_projection_uses_the_recent_pace(store, people):
    """At 20 h/week with 1,840 h to go, is ACM projected 92 weeks after the as-of date?"""
    _twelve_weeks(store)
    route = _route(learner_progress(store, "Demo Learner B", as_of=MONDAY), "ACM-RN")
    assert route.pace_hours_per_week == pytest.approx(20)
    hours, full_time = route.groups[0]
    assert hours.projected == MONDAY + timedelta(weeks=92)
    assert full_time.projected is None  # 20 h weeks never become full-time weeks
    assert route.projected == MONDAY + timedelta(weeks=92)


def test_weekly_hours_needed_for_a_target_date(store, people):
    """With 1,840 h to go and 46 weeks to a chosen date, is 40 h/week what it takes (the full-time year being out of reach)?"""
    _twelve_weeks(store)
    lp = learner_progress(store, "Demo Learner B", as_of=MONDAY, target=MONDAY + timedelta(weeks=46))
    route = _route(lp, "ACM-RN")
    assert route.target_possible and route.need_weekly_hours == pytest.approx(40)
    ccm = _route(lp, "CCM", "b")
    assert not ccm.target_possible  # 104 full-time weeks do not fit in 46


def test_projection_with_a_look_back_window_matches_a_week_by_week_simulation(store, people):
    """When old hours leave CDMS's 36-month window, does the projection agree with stepping week by week?"""
    block_start = MONDAY - timedelta(days=round(36 * DAYS_PER_MONTH)) + timedelta(days=40)
    old = weekdays(block_start - timedelta(days=block_start.weekday()), 30)
    log_days(store, "Demo Learner B", old, 8, setting="disability_management")  # 1,200 h soon to expire
    recent = weekdays(MONDAY - timedelta(weeks=12), 12)
    log_days(store, "Demo Learner B", recent, 3, setting="disability_management")  # 15 h/week now
    route = _route(learner_progress(store, "Demo Learner B", as_of=MONDAY), "CDMS")
    hours = _req(route, "hours")
    window = round(36 * DAYS_PER_MONTH)
    days = np.array([d.toordinal() for d in old + recent])
    simulated = None
    for k in range(1, 400):
        t = MONDAY.toordinal() + 7 * k
        kept = 8 * np.sum(days[:len(old)] > t - window) + 3 * np.sum(days[len(old):] > t - window)
        if kept + 15 * k >= 2080:
            simulated = MONDAY + timedelta(weeks=k)
            break
    assert simulated is not None and hours.projected is not None
    assert abs((hours.projected - simulated).days) <= 7
    # Without the window the same hours would be projected much sooner: the drop-out matters.
    naive = MONDAY + timedelta(weeks=math.ceil((2080 - hours.logged) / 15))
    assert hours.projected > naive + timedelta(weeks=10)


def test_a_learner_with_no_entries(store, people):
    """Does a learner with no entries get zeros and no projection, without errors?"""
    lp = learner_progress(store, "Demo Learner A", as_of=MONDAY)
    assert all(r.value == 0 and r.projected is None for c in lp.credentials for rt in c.routes for r in rt.requirements
               if r.measure != "calendar_months")
    assert not any(c.met for c in lp.credentials)
    table = progress_all(store, as_of=MONDAY)
    assert set(table["learner"]) == {"Demo Learner A", "Demo Learner B", "Demo Both P"}
    assert (table["value"] == 0).all()


def test_all_learners_at_once_agree_with_one_at_a_time(tmp_path):
    """Does the whole-log table give, for every learner and requirement, what the one-learner view gives?"""
    store = build_demo_log(tmp_path / "demo.sqlite")
    table = progress_all(store)
    assert len(table) == 3 * 20  # 3 learners x 20 requirements over 11 routes (CMC bachelor's and associate add a direct-client total each)
    for name in ("Demo Learner A", "Demo Learner B", "Demo Learner C"):
        lp = learner_progress(store, name)
        for c in lp.credentials:
            for r in c.routes:
                rows = table[(table.learner == name) & (table.credential == c.short) & (table.route == r.route.id)]
                assert rows["route_met"].iloc[0] == r.met
                for req, row in zip(r.requirements, rows.itertuples()):
                    assert row.measure == req.measure
                    assert row.value == pytest.approx(req.value) and row.pending == pytest.approx(req.pending)
                    got = None if str(row.projected) == "NaT" else row.projected.date()
                    assert got == req.projected
    summary = credential_summary(table)
    assert summary.set_index(["learner", "credential"]).loc[("Demo Learner B", "ACM-RN"), "met"]
    store.close()


def test_the_fast_whole_log_read_matches_the_plain_one(tmp_path):
    """Does SQLite's packed whole-log read give exactly the same columns as the plain per-row read?"""
    store = build_demo_log(tmp_path / "demo.sqlite")
    packed, plain = load_ledger(store, packed=True), load_ledger(store, packed=False)
    for k in ("learner", "day", "minutes", "category", "setting", "paid", "approved", "supervisor"):
        assert np.array_equal(getattr(packed, k), getattr(plain, k)), k
    assert len(packed) > 1000
    store.close()


def test_a_year_of_full_time_work_with_holidays_and_leave_is_a_year(store, people):
    """Does a year of 8-hour weekdays, less ten public holidays and two weeks' leave, count as 12 full-time months
    for CCM (a) and ACM-RN, where counting only 35-hour weeks had made it 9.2?"""
    start = date(2023, 6, 5)  # a Monday; 52 weeks to 2024-06-02
    leave = {start + timedelta(weeks=30, days=d) for d in range(12)}  # two weeks off, weekends between
    holidays = {start + timedelta(weeks=w, days=1) for w in (3, 8, 12, 16, 20, 25, 36, 40, 44, 48)}  # a Tuesday each
    days = [d for d in weekdays(start, 52) if d not in leave and d not in holidays]
    log_days(store, "Demo Learner B", days, 8, supervisor="Demo Supervisor Q")  # an RN; Q holds CCM
    lp = learner_progress(store, "Demo Learner B", as_of=MONDAY)
    months = _req(_route(lp, "CCM", "a"), "full_time_months")
    assert months.value == pytest.approx(12.0) and months.met
    assert lp.credential("ACM-RN").met
    assert "up to 2 shorter weeks in a row between full-time weeks count as full-time" in lp.options.describe()


def test_only_short_gaps_between_full_time_weeks_count_as_full_time():
    """Are one or two short weeks between full-time weeks counted as full-time, and a longer gap or a short week
    at either end not?"""
    from casekit.hours.credit.engine import full_time_weeks

    full = np.array([[1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0]], dtype=bool)
    assert full_time_weeks(full, 2).tolist() == [[1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0]]
    assert full_time_weeks(full, 0).tolist() == [[1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0]]


def test_part_time_weeks_are_said_to_count_no_full_time_month(store, people):
    """For a learner working 28 h a week, does progress say why the full-time months stay at 0.0?"""
    log_days(store, "Demo Learner B", weekdays(date(2024, 1, 1), 20, per_week=4), 7, supervisor="Demo Supervisor Q")
    lp = learner_progress(store, "Demo Learner B", as_of=MONDAY)
    assert _req(_route(lp, "CCM", "a"), "full_time_months").value == 0
    assert "20 weeks of counted work under 35 h count no full-time month" in lp.to_text()
