"""The what-if planner: planned weekly hours from a start date, through the real rules, to a date per route."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from casekit.cli.hours import hours as hours_cli
from casekit.hours.errors import HoursError
from casekit.hours.planner import plan_for

from .helpers import log_days, weekdays

AS_OF = date(2024, 6, 3)  # a Monday


def _route(p, short, route_id):
    return next(r for r in p.routes if r.credential == short and r.route_id == route_id)


def test_hours_routes_take_part_time_hours_and_full_time_routes_do_not(store, people):
    """At 20 h a week from a Monday, is ACM-RN's 2,080 hours met after exactly 104 planned weeks, while CCM's
    full-time-months routes are never met and say it is because the weeks are part-time?"""
    p = plan_for(store, "Demo Learner B", weekly_hours=20, start=AS_OF, as_of=AS_OF)
    acm = _route(p, "ACM-RN", "experience")
    assert acm.planned == AS_OF + timedelta(weeks=103, days=4)  # the 104th planned week's Friday, its last workday
    ccm = _route(p, "CCM", "b")
    assert ccm.planned is None and "counts only full-time weeks (35 h or more)" in ccm.why_never
    assert "part-time" in p.to_text()


def test_more_hours_and_an_earlier_start_bring_every_date_forward(store, people):
    """Do more weekly hours, or an earlier start, move each route's planned date earlier (never later)?"""
    slow = plan_for(store, "Demo Learner B", weekly_hours=36, start=AS_OF + timedelta(weeks=8), as_of=AS_OF)
    fast = plan_for(store, "Demo Learner B", weekly_hours=45, start=AS_OF, as_of=AS_OF)
    pairs = [(a.planned, b.planned) for a, b in zip(slow.routes, fast.routes) if a.planned and b.planned]
    assert pairs and all(b <= a for a, b in pairs) and any(b < a for a, b in pairs)
    ccm = _route(fast, "CCM", "b")  # 24 months full-time: 104 full-time weeks
    assert ccm.planned is not None and ccm.planned >= AS_OF + timedelta(weeks=103)


def test_logged_hours_count_toward_the_plan(store, people):
    """Does a learner who already has approved hours reach an hours route sooner than one who has none?"""
    log_days(store, "Demo Learner B", weekdays(date(2024, 1, 8), 20), 8)
    with_hours = _route(plan_for(store, "Demo Learner B", weekly_hours=20, start=AS_OF, as_of=AS_OF), "ACM-RN",
                        "experience")
    assert with_hours.planned == AS_OF + timedelta(weeks=63, days=4)  # 800 h logged: 1,280 h, 64 weeks, to go at 20 h


@pytest.mark.parametrize("weekly,start,fragment", [
    (0, None, "weekly hours: 0 is not more than 0"),
    (81, None, "at most 80"),
    (20, AS_OF - timedelta(days=1), "start date: 2024-06-02 is before 2024-06-03"),
])
def test_bad_plans_are_refused_with_the_field(store, people, weekly, start, fragment):
    """Is a plan with no hours, too many hours or a start in the past refused, naming the field?"""
    with pytest.raises(HoursError, match=fragment):
        plan_for(store, "Demo Learner B", weekly_hours=weekly, start=start, as_of=AS_OF)


def test_plan_on_the_command_line(store, people):
    """Does `casekit hours plan` print a date per route, and refuse a non-positive --weekly-hours as a usage error?"""
    runner = CliRunner()
    out = runner.invoke(hours_cli, ["plan", "Demo Learner B", "--weekly-hours", "20", "--start", "2024-06-03",
                                    "--as-of", "2024-06-03", "--db", str(store.path)])
    assert out.exit_code == 0, out.output
    assert f"ACM-RN route experience: met {(AS_OF + timedelta(weeks=103, days=4)).isoformat()}" in out.output
    bad = runner.invoke(hours_cli, ["plan", "Demo Learner B", "--weekly-hours", "0", "--db", str(store.path)])
    assert bad.exit_code == 2
