"""The what-if planner: "if I work W hours a week from date S, when does each route's experience come in?"

Progress projects at the learner's recent pace. The planner asks the other question: a
planned week (part-time or full-time) from a chosen start date, and the date each route of
each credential would be met. It does not model any body's rule itself: it adds the planned
weeks to the learner's own entries as entries that the route accepts (a category, setting,
supervisor and pay the route counts), and runs the real rule engine
(:func:`casekit.hours.progress.evaluate`) on them. So every rule in the credential rules
applies exactly as it does to logged hours: a route that counts full-time months counts
only weeks at or above full-time (a 20-hour week adds nothing there), a route that counts
hours takes part-time hours at their value, a look-back window lets old hours drop out, and
a part-time rule the rules file gains later applies here too.

Planned hours go to the route's first accepted work category; when the route asks for
supervision received, the planned week includes the supervision it asks for a year, spread
evenly. Pending entries are counted as if approved (the plan assumes the supervisor signs).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

from casekit.hours.errors import HoursError
from casekit.hours.credit.credential_progress import LearnerProgress
from casekit.hours.credit.columns import CATEGORY_CODES, SETTING_CODES, Ledger, day_number
from casekit.hours.storage.models import Person
from casekit.hours.log.people import PeopleIndex
from casekit.hours.credit.engine import SUPERVISION_CATEGORIES, evaluate, make_options
from casekit.hours.credit.credentials import Route

HORIZON_WEEKS = 52 * 12  # look no further than twelve years ahead
MAX_WEEKLY_HOURS = 80


@dataclass(frozen=True)
class RoutePlan:
    """When one route's experience would be met under the plan (None: not within the horizon)."""

    credential: str  # short name
    credential_name: str
    route_id: str
    route_label: str
    met_now: bool
    planned: date | None
    at_recent_pace: date | None
    route_open: bool
    why_never: str = ""

    def text(self) -> str:
        if self.met_now:
            when = "met already"
        elif self.planned:
            when = f"met {self.planned.isoformat()}"
        else:
            when = f"not within {HORIZON_WEEKS // 52} years" + (f": {self.why_never}" if self.why_never else "")
        pace = f" (at the recent pace: {self.at_recent_pace.isoformat()})" if self.at_recent_pace and not self.met_now else ""
        shut = "" if self.route_open else " [route not open to this learner yet: education or licence]"
        return f"{self.credential} route {self.route_id}: {when}{pace}{shut}"


@dataclass
class Plan:
    learner: str
    weekly_hours: float
    start: date
    full_time_hours: float
    routes: list[RoutePlan]

    def to_text(self) -> str:
        kind = "full-time" if self.weekly_hours >= self.full_time_hours else "part-time"
        lines = [f"{self.learner}: planning {self.weekly_hours:g} h a week ({kind}; full-time = "
                 f"{self.full_time_hours:g} h/week) from {self.start.isoformat()}, pending entries counted as approved."]
        lines += [f"  {r.text()}" for r in self.routes]
        return "\n".join(lines) + "\n"


def _planned_week(route: Route, weekly_minutes: int, learner_setting: int | None) -> list[tuple[int, int, int]]:
    """(category code, setting code, minutes) of the entries one planned week adds for this route."""
    counts = route.counts
    work = [c for c in counts.categories if c not in SUPERVISION_CATEGORIES] or list(counts.categories)
    settings = [SETTING_CODES[s] for s in counts.settings] if counts.settings is not None else None
    setting = learner_setting if learner_setting is not None and (settings is None or learner_setting in settings) \
        else (settings[0] if settings else SETTING_CODES["other"])
    sup_minutes = 0
    for req in route.flat_requirements():
        if req.measure == "supervision_hours":
            sup_minutes = max(sup_minutes, int(round(req.min.value * 60 / 52)))
    sup_minutes = min(sup_minutes, weekly_minutes)
    out = []
    if sup_minutes:
        out.append((CATEGORY_CODES["supervision_individual"], setting, sup_minutes))
    if weekly_minutes - sup_minutes > 0:
        out.append((CATEGORY_CODES[work[0]], setting, weekly_minutes - sup_minutes))
    return out


def _with_plan(ledger: Ledger, route: Route, weekly_minutes: int, start: date, weeks: int,
               supervisor_id: int, learner_setting: int | None) -> Ledger:
    week = _planned_week(route, weekly_minutes, learner_setting)
    first = day_number(start)
    days = np.repeat(first + 7 * np.arange(weeks, dtype=np.int64), len(week))
    cat = np.tile(np.array([w[0] for w in week], dtype=np.int64), weeks)
    sett = np.tile(np.array([w[1] for w in week], dtype=np.int64), weeks)
    mins = np.tile(np.array([w[2] for w in week], dtype=np.int64), weeks)
    n = len(days)

    def cat_(a, b):
        return np.concatenate([a, b])

    return Ledger(
        learners=ledger.learners, people=ledger.people,
        learner=cat_(ledger.learner, np.zeros(n, dtype=np.int64)), day=cat_(ledger.day, days),
        minutes=cat_(ledger.minutes, mins), category=cat_(ledger.category, cat), setting=cat_(ledger.setting, sett),
        paid=cat_(ledger.paid, np.ones(n, dtype=bool)), approved=np.ones(len(ledger) + n, dtype=bool),
        supervisor=cat_(ledger.supervisor, np.full(n, supervisor_id, dtype=np.int64)),
    )


def plan(lp: LearnerProgress, ledger: Ledger, *, weekly_hours: float, start: date | None = None) -> Plan:
    """Each route's date under ``weekly_hours`` a week from ``start`` (default: the as-of date).

    ``lp`` is the learner's progress (for the rules, options and current projections);
    ``ledger`` their entries as the engine reads them (:func:`casekit.hours.ledger.load_ledger`,
    less any that fail verification).
    """
    if not (0 < weekly_hours <= MAX_WEEKLY_HOURS):
        raise HoursError(f"weekly hours: {weekly_hours:g} is not more than 0 and at most {MAX_WEEKLY_HOURS}; "
                         "give the hours a week you plan to work, e.g. 20 for half-time")
    opts = lp.options
    start = start or opts.as_of
    if start < opts.as_of:
        raise HoursError(f"start date: {start.isoformat()} is before {opts.as_of.isoformat()}; plan from today or later "
                         "(past work counts only as logged)")
    rules = lp.rules
    # A planned supervisor holding every credential any route asks of a supervisor.
    wanted = sorted({c for cred in rules.credentials.values() for r in cred.routes
                     for c in (r.counts.supervisor_credentials or ())})
    sid = max([p.person_id for p in ledger.people.persons] + [0]) + 1
    planned_sup = Person(sid, "(planned supervisor)", "supervisor", credentials=tuple(wanted))
    people = PeopleIndex(list(ledger.people.persons) + [planned_sup])
    base = replace(ledger, people=people)
    last_setting = int(ledger.setting[np.argmax(ledger.day)]) if len(ledger) else None
    minutes = int(round(weekly_hours * 60))
    current = {(c.credential_id, r.route.id): (c, r) for c in lp.credentials for r in c.routes}
    out = []
    for cid, cred in rules.credentials.items():
        for route in cred.routes:
            c, rp = current[(cid, route.id)]
            open_ = rp.eligibility is None or rp.eligibility.met
            if rp.met:
                out.append(RoutePlan(c.short, c.name, route.id, route.label, True, None, None, open_))
                continue
            planned_ledger = _with_plan(base, route, minutes, start, HORIZON_WEEKS, sid, last_setting)

            def met_on(day: date) -> bool:
                o = make_options(rules, as_of=day, full_time_hours=opts.full_time_hours)
                res = [r for r in evaluate(planned_ledger, rules, o, credentials=[cid]) if r.route.id == route.id][0]
                return bool(res.met[0])

            # The plan only adds hours, so once met it stays met (a look-back window stays full of planned weeks):
            # search the first planned week's end on which the route is met.
            lo, hi = 0, HORIZON_WEEKS - 1
            end = lambda k: start + timedelta(days=7 * k + 6)  # noqa: E731 - the Sunday after planned week k
            if not met_on(end(hi)):
                out.append(RoutePlan(c.short, c.name, route.id, route.label, False, None, rp.projected, open_,
                                     _why_never(route, weekly_hours, opts.full_time_hours, lp.learner)))
                continue
            while lo < hi:
                mid = (lo + hi) // 2
                if met_on(end(mid)):
                    hi = mid
                else:
                    lo = mid + 1
            day = _first_day(end(lo), start, met_on)
            out.append(RoutePlan(c.short, c.name, route.id, route.label, False, day, rp.projected, open_))
    return Plan(lp.learner.name, weekly_hours, start, opts.full_time_hours, out)


def _first_day(week_end: date, start: date, met_on) -> date:
    """The first day of the week ending ``week_end`` on which the route is met (planned hours fall on its first day)."""
    day = max(week_end - timedelta(days=6), start)
    while day < week_end and not met_on(day):
        day += timedelta(days=1)
    return day


def _why_never(route: Route, weekly_hours: float, full_time_hours: float, learner: Person) -> str:
    if route.counts.after_degree and learner.degree_date is None:
        return "the route counts only work after the degree, and the learner has no degree date recorded"
    if weekly_hours < full_time_hours and any(r.measure == "full_time_months" for r in route.flat_requirements()):
        return (f"this route counts only full-time weeks ({full_time_hours:g} h or more), and {weekly_hours:g} h a "
                "week is part-time")
    return "the planned hours never add up to what the route asks within the horizon"


def plan_for(store, learner: str, *, weekly_hours: float, start: date | None = None, **options) -> Plan:
    """:func:`plan` for ``learner`` in ``store``, counting only entries that verify (``options``: progress's)."""
    from casekit.hours.credit.credential_progress import verified_ledger, verified_progress
    from casekit.hours.trust.verified_log import read_verified_log

    log = read_verified_log(store, learner)
    return plan(verified_progress(log, **options), verified_ledger(log), weekly_hours=weekly_hours, start=start)
