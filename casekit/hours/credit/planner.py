"""The what-if planner: "if I work W hours a week from date S, when does each route's experience come in?"

Progress projects at the learner's recent pace. The planner asks the other question: a
planned week (part-time or full-time) from a chosen start date, and the date each route of
each credential would be met. It does not model any body's rule itself: it adds the planned
weeks to the learner's own entries and runs the real rule engine
(:func:`casekit.hours.credit.engine.evaluate`) on them, so every rule applies exactly as it does
to logged hours: a route that counts full-time months counts only weeks at or above full-time,
a route that counts hours takes part-time hours at their value, a look-back window lets old
hours drop out, a route whose supervisor, setting or category the planned hours do not meet is
never met by them.

Planned hours are work like the learner's recent entries (those of the pace weeks, else all
logged ones): the same mix of category, setting, supervisor and pay, by share of the hours.
Any of the four can be set instead (:class:`PlannedWork`). Only a learner with no logged work
and nothing set gets, for each route, hours that route accepts (the plan says so). Each planned
week's hours fall evenly on its weekdays, Monday to Friday, so a route is met on the day its
threshold is reached. Pending entries are counted as if approved (the plan assumes the
supervisor signs).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

from casekit.hours.errors import HoursError
from casekit.hours.credit.credential_progress import LearnerProgress, not_counted_reasons
from casekit.hours.credit.columns import CATEGORY_CODES, SETTING_CODES, Ledger, day_number
from casekit.hours.storage.models import CATEGORIES, SETTINGS, Person
from casekit.hours.log.people import PeopleIndex
from casekit.hours.credit.engine import SUPERVISION_CATEGORIES, evaluate, make_options
from casekit.hours.credit.credentials import Route

HORIZON_WEEKS = 52 * 12  # look no further than twelve years ahead
MAX_WEEKLY_HOURS = 80
WORKDAYS = 5  # planned hours fall evenly on Monday to Friday
_CATEGORY_OF_CODE = {v: k for k, v in CATEGORY_CODES.items()}
_SETTING_OF_CODE = {v: k for k, v in SETTING_CODES.items()}


@dataclass(frozen=True)
class PlannedWork:
    """What the planned hours are; a field left None is taken from the learner's recent entries."""

    category: str | None = None
    setting: str | None = None
    supervisor: str | None = None  # a name in the log; "" for no supervisor
    paid: bool | None = None

    def check(self, people: PeopleIndex) -> int | None:
        """The supervisor's person id (-1: none; None: not set); a bad value is a :class:`HoursError` naming it."""
        if self.category is not None and self.category not in CATEGORIES:
            raise HoursError(f"category: {self.category!r} is not a category; use one of {', '.join(CATEGORIES)}")
        if self.setting is not None and self.setting not in SETTINGS:
            raise HoursError(f"setting: {self.setting!r} is not a setting; use one of {', '.join(SETTINGS)}")
        if self.supervisor is None:
            return None
        if self.supervisor == "":
            return -1
        person = people.find(self.supervisor, "supervisor")
        if person is None:
            raise HoursError(f"supervisor: {people.unknown_message(self.supervisor, 'supervisor')}")
        return person.person_id

    @property
    def is_set(self) -> bool:
        return any(v is not None for v in (self.category, self.setting, self.supervisor, self.paid))


@dataclass(frozen=True)
class _Part:
    """One kind of planned work and its share of the week's hours."""

    category: int
    setting: int
    supervisor: int
    paid: bool
    share: float


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
    route_open: bool  # the learner's education and licence meet the credential's and the route's rule
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
    work: str = ""  # what the planned hours are assumed to be, in words

    def to_text(self) -> str:
        kind = "full-time" if self.weekly_hours >= self.full_time_hours else "part-time"
        lines = [f"{self.learner}: planning {self.weekly_hours:g} h a week ({kind}; full-time = "
                 f"{self.full_time_hours:g} h/week) from {self.start.isoformat()}, pending entries counted as approved."]
        if self.work:
            lines.append(f"Planned hours: {self.work}.")
        lines += [f"  {r.text()}" for r in self.routes]
        return "\n".join(lines) + "\n"


def recent_mix(ledger: Ledger, as_of: date, pace_weeks: int) -> list[_Part]:
    """The learner's work of the last ``pace_weeks`` weeks (else all of it), as shares of the hours."""
    end = day_number(as_of)
    usable = ledger.day <= end
    recent = usable & (ledger.day > end - 7 * pace_weeks)
    pick = recent if recent.any() else usable
    totals: Counter[tuple[int, int, int, bool]] = Counter()
    for c, st, sup, paid, m in zip(ledger.category[pick], ledger.setting[pick], ledger.supervisor[pick],
                                   ledger.paid[pick], ledger.minutes[pick]):
        totals[(int(c), int(st), int(sup), bool(paid))] += int(m)
    whole = sum(totals.values())
    return [_Part(c, st, sup, paid, v / whole) for (c, st, sup, paid), v in totals.most_common()] if whole else []


def _override(parts: list[_Part], work: PlannedWork, supervisor_id: int | None) -> list[_Part]:
    merged: dict[tuple[int, int, int, bool], float] = {}
    for p in parts:
        k = (CATEGORY_CODES[work.category] if work.category else p.category,
             SETTING_CODES[work.setting] if work.setting else p.setting,
             p.supervisor if supervisor_id is None else supervisor_id,
             p.paid if work.paid is None else work.paid)
        merged[k] = merged.get(k, 0.0) + p.share
    return [_Part(c, st, sup, paid, v) for (c, st, sup, paid), v in sorted(merged.items(), key=lambda kv: -kv[1])]


def _route_fitting(route: Route, weekly_minutes: int, supervisor_id: int, last_setting: int | None) -> list[_Part]:
    """For a learner with no logged work: hours this route accepts (and the supervision it asks a year)."""
    counts = route.counts
    work = [c for c in counts.categories if c not in SUPERVISION_CATEGORIES] or list(counts.categories)
    settings = [SETTING_CODES[s] for s in counts.settings] if counts.settings is not None else None
    setting = last_setting if last_setting is not None and (settings is None or last_setting in settings) \
        else (settings[0] if settings else SETTING_CODES["other"])
    sup_minutes = 0
    for req in route.flat_requirements():
        if req.measure == "supervision_hours":
            sup_minutes = max(sup_minutes, int(round(req.min.value * 60 / 52)))
    sup_minutes = min(sup_minutes, weekly_minutes)
    out = []
    if sup_minutes:
        out.append(_Part(CATEGORY_CODES["supervision_individual"], setting, supervisor_id, True, sup_minutes / weekly_minutes))
    if weekly_minutes - sup_minutes > 0:
        out.append(_Part(CATEGORY_CODES[work[0]], setting, supervisor_id, True, 1 - sup_minutes / weekly_minutes))
    return out


def describe_mix(parts: list[_Part], people: PeopleIndex) -> str:
    names = {p.person_id: p.name for p in people.persons}
    texts = []
    for p in parts:
        sup = f"supervised by {names.get(p.supervisor, '?')}" if p.supervisor >= 0 else "no supervisor"
        texts.append(f"{p.share:.0%} {CATEGORIES[_CATEGORY_OF_CODE[p.category]].lower()}, "
                     f"{SETTINGS[_SETTING_OF_CODE[p.setting]].split(' (')[0].lower()}, "
                     f"{'paid' if p.paid else 'unpaid'}, {sup}")
    return "; ".join(texts)


def _with_plan(ledger: Ledger, parts: list[_Part], weekly_minutes: int, start: date, weeks: int) -> Ledger:
    """``ledger`` plus the planned work: each weekday from ``start`` gets a fifth of the week's minutes."""
    first = day_number(start)
    days = first + np.arange(weeks * 7, dtype=np.int64)
    days = days[(days + 3) % 7 < WORKDAYS]  # day 0 (1970-01-01) was a Thursday: (day + 3) % 7 is 0 on Mondays
    per_day = weekly_minutes / WORKDAYS
    cols: dict[str, list[np.ndarray]] = {k: [] for k in ("day", "minutes", "category", "setting", "paid", "supervisor")}
    for p in parts:
        # whole minutes per day that still add up to the part's share of the week over the days
        total = np.floor(per_day * p.share * np.arange(1, len(days) + 1) + 1e-9).astype(np.int64)
        mins = np.diff(np.r_[0, total])
        cols["day"].append(days)
        cols["minutes"].append(mins)
        cols["category"].append(np.full(len(days), p.category, dtype=np.int64))
        cols["setting"].append(np.full(len(days), p.setting, dtype=np.int64))
        cols["paid"].append(np.full(len(days), p.paid, dtype=bool))
        cols["supervisor"].append(np.full(len(days), p.supervisor, dtype=np.int64))
    add = {k: np.concatenate(v) if v else np.zeros(0, dtype=np.int64) for k, v in cols.items()}
    keep = add["minutes"] > 0
    add = {k: v[keep] for k, v in add.items()}
    n = len(add["day"])

    def cat_(a, b):
        return np.concatenate([a, b.astype(a.dtype)])

    return Ledger(
        learners=ledger.learners, people=ledger.people,
        learner=cat_(ledger.learner, np.zeros(n, dtype=np.int64)), day=cat_(ledger.day, add["day"]),
        minutes=cat_(ledger.minutes, add["minutes"]), category=cat_(ledger.category, add["category"]),
        setting=cat_(ledger.setting, add["setting"]), paid=cat_(ledger.paid, add["paid"]),
        approved=np.ones(len(ledger) + n, dtype=bool), supervisor=cat_(ledger.supervisor, add["supervisor"]),
    )


def plan(lp: LearnerProgress, ledger: Ledger, *, weekly_hours: float, start: date | None = None,
         work: PlannedWork | None = None) -> Plan:
    """Each route's date under ``weekly_hours`` a week from ``start`` (default: the as-of date).

    ``lp`` is the learner's progress (for the rules, options and current projections);
    ``ledger`` their entries as the engine reads them (:func:`casekit.hours.credit.columns.load_ledger`,
    less any that fail verification). ``work`` sets what the planned hours are; what it leaves
    unset follows the learner's recent entries.
    """
    if not (0 < weekly_hours <= MAX_WEEKLY_HOURS):
        raise HoursError(f"weekly hours: {weekly_hours:g} is not more than 0 and at most {MAX_WEEKLY_HOURS}; "
                         "give the hours a week you plan to work, e.g. 20 for half-time")
    opts = lp.options
    start = start or opts.as_of
    if start < opts.as_of:
        raise HoursError(f"start date: {start.isoformat()} is before {opts.as_of.isoformat()}; plan from today or later "
                         "(past work counts only as logged)")
    work = work or PlannedWork()
    supervisor_id = work.check(ledger.people)
    rules = lp.rules
    minutes = int(round(weekly_hours * 60))
    mix = recent_mix(ledger, opts.as_of, opts.pace_weeks)
    base, shared, words = ledger, None, ""
    if mix or work.is_set and work.category and work.setting and supervisor_id is not None:
        parts = _override(mix or [_Part(CATEGORY_CODES[work.category or "care_coordination"], 0, -1, True, 1.0)],
                          work, supervisor_id)
        shared = _with_plan(ledger, parts, minutes, start, HORIZON_WEEKS)
        words = ("like the recent entries: " if mix else "") + describe_mix(parts, ledger.people)
        if work.is_set and mix:
            words = "as set, the rest like the recent entries: " + describe_mix(parts, ledger.people)
    else:
        # Nothing logged to model the week on: plan, for each route, hours it accepts, under a planned
        # supervisor holding every credential any route asks of a supervisor.
        wanted = sorted({c for cred in rules.credentials.values() for r in cred.routes
                         for c in (r.counts.supervisor_credentials or ())})
        sid = max([p.person_id for p in ledger.people.persons] + [0]) + 1
        planned_sup = Person(sid, "(planned supervisor)", "supervisor", credentials=tuple(wanted))
        base = replace(ledger, people=PeopleIndex(list(ledger.people.persons) + [planned_sup]))
        words = ("no logged work to model them on, so each route is planned with hours it counts (set the "
                 "category, setting and supervisor to plan particular work)")
    last_setting = int(ledger.setting[np.argmax(ledger.day)]) if len(ledger) else None
    current = {(c.credential_id, r.route.id): (c, r) for c in lp.credentials for r in c.routes}
    out = []
    for cid, cred in rules.credentials.items():
        for route in cred.routes:
            c, rp = current[(cid, route.id)]
            open_ = bool(c.eligibility is None or c.eligibility.met) and (rp.eligibility is None or rp.eligibility.met)
            if rp.met:
                out.append(RoutePlan(c.short, c.name, route.id, route.label, True, None, None, open_))
                continue
            if shared is not None:
                planned_ledger = shared
            else:
                sid = base.people.persons[-1].person_id
                parts = _override(_route_fitting(route, minutes, sid, last_setting), work, supervisor_id)
                planned_ledger = _with_plan(base, parts, minutes, start, HORIZON_WEEKS)

            def met_on(day: date, planned_ledger=planned_ledger, cid=cid, route=route) -> bool:
                o = make_options(rules, as_of=day, full_time_hours=opts.full_time_hours)
                res = [r for r in evaluate(planned_ledger, rules, o, credentials=[cid]) if r.route.id == route.id][0]
                return bool(res.met[0])

            # The plan only adds hours, so once met it stays met (a look-back window stays full of planned weeks):
            # search the first planned week's end on which the route is met, then the day in that week.
            lo, hi = 0, HORIZON_WEEKS - 1
            end = lambda k: start + timedelta(days=7 * k + 6)  # noqa: E731 - the last day of planned week k
            if not met_on(end(hi)):
                out.append(RoutePlan(c.short, c.name, route.id, route.label, False, None, rp.projected, open_,
                                     _why_never(lp, planned_ledger, len(ledger), cid, route, weekly_hours,
                                                end(hi))))
                continue
            while lo < hi:
                mid = (lo + hi) // 2
                if met_on(end(mid)):
                    hi = mid
                else:
                    lo = mid + 1
            day = _first_day(end(lo), start, met_on)
            out.append(RoutePlan(c.short, c.name, route.id, route.label, False, day, rp.projected, open_))
    return Plan(lp.learner.name, weekly_hours, start, opts.full_time_hours, out, words)


def _first_day(week_end: date, start: date, met_on) -> date:
    """The first day of the week ending ``week_end`` on which the route is met."""
    day = max(week_end - timedelta(days=6), start)
    while day < week_end and not met_on(day):
        day += timedelta(days=1)
    return day


def _why_never(lp: LearnerProgress, planned_ledger: Ledger, n_logged: int, cid: str, route: Route,
               weekly_hours: float, horizon_end: date) -> str:
    """Why the plan never meets the route: the reasons its rules leave the planned hours out, else part-time."""
    o = make_options(lp.rules, as_of=horizon_end, full_time_hours=lp.options.full_time_hours)
    rr = [r for r in evaluate(planned_ledger, lp.rules, o, credentials=[cid], keep=True) if r.route.id == route.id][0]
    # The look-back is measured from the horizon's end here: its old hours dropping out is no reason.
    reasons = [[r for r in rs if not r.startswith("outside the ")]
               for rs in not_counted_reasons(rr, planned_ledger, o, lp.learner, lp.rules)]
    planned = range(n_logged, len(planned_ledger))
    left_out = [i for i in planned if reasons[i]]
    if planned and len(left_out) == len(planned):
        common = Counter(r for i in left_out for r in reasons[i]).most_common(2)
        return "the planned hours do not count on this route: " + "; ".join(r for r, _ in common)
    full_time_hours = lp.options.full_time_hours
    if weekly_hours < full_time_hours and any(r.measure == "full_time_months" for r in route.flat_requirements()):
        return (f"this route counts only full-time weeks ({full_time_hours:g} h or more), and {weekly_hours:g} h a "
                "week is part-time")
    short = [q for q in rr.requirements if not q.met[0]]
    if any(q.measure == "supervision_hours" for q in short):
        asked = next(q.requirement.min.value for q in short if q.measure == "supervision_hours")
        return (f"the route asks for {asked:g} h of supervision received a year, and the planned hours hold too "
                "little of it (plan some as supervision_individual or supervision_group)")
    if left_out:
        return ("only part of the planned hours count on this route (the rest: "
                f"{Counter(r for i in left_out for r in reasons[i]).most_common(1)[0][0]}), and it never adds up "
                "to what the route asks")
    return "the planned hours never add up to what the route asks within the horizon"


def plan_for(store, learner: str, *, weekly_hours: float, start: date | None = None,
             work: PlannedWork | None = None, **options) -> Plan:
    """:func:`plan` for ``learner`` in ``store``, counting only entries that verify (``options``: progress's)."""
    from casekit.hours.credit.credential_progress import verified_ledger, verified_progress
    from casekit.hours.trust.verified_log import read_verified_log

    log = read_verified_log(store, learner)
    ledger = verified_ledger(log)
    if work is not None and work.supervisor and ledger.people.find(work.supervisor, "supervisor") is None:
        # a supervisor of none of the learner's entries yet: take them from the log's people
        everyone = PeopleIndex.load(store)
        other = everyone.find(work.supervisor, "supervisor")
        if other is None:
            raise HoursError(f"supervisor: {everyone.unknown_message(work.supervisor, 'supervisor')}")
        ledger = replace(ledger, people=PeopleIndex(list(ledger.people.persons) + [other]))
    return plan(verified_progress(log, **options), ledger, weekly_hours=weekly_hours, start=start, work=work)
