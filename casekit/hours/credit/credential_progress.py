"""One learner's progress: per credential and route, what counts, what did not and why, and when.

This is the engine (:mod:`casekit.hours.progress`) run on one learner's entries, turned
into plain objects that the command line, the report and the dashboard all show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from casekit.hours.log.corrections import EntryVersion, PendingCorrection, pending_corrections, waiting_corrections
from casekit.hours.credit.columns import (
    CATEGORY_CODES,
    SETTING_CODES,
    Ledger,
    day_number,
    from_day_number,
    ledger_from_rows,
    load_ledger,
)
from casekit.hours.storage.models import Person, label
from casekit.hours.log.people import get_person
from casekit.hours.credit.engine import (
    CHECKS,
    DEFAULT_PACE_WEEKS,
    Options,
    RequirementResult,
    RouteResult,
    evaluate,
    grid_week_dates,
    make_options,
    projected_date,
    window_days,
)
from casekit.hours.credit.qualifications import (
    EligibilityStatus,
    check_eligibility,
    has_required_degree,
    required_degree_text,
)
from casekit.hours.credit.credentials import Eligibility, Figure, Route, Rules, load_rules
from casekit.hours.trust.signedlog import SignedLog, Verification
from casekit.hours.trust.verified_log import VerifiedLog, read_verified_log

if TYPE_CHECKING:
    from casekit.hours.storage.database import Store

_CATEGORY_OF_CODE = {v: k for k, v in CATEGORY_CODES.items()}
_LISTED_CORRECTIONS = 5  # pending corrections listed without --why
_SETTING_OF_CODE = {v: k for k, v in SETTING_CODES.items()}


def _num(x: float, unit: str) -> str:
    if unit == "h" or unit.startswith("h "):
        return f"{x:,.0f}" if abs(x - round(x)) < 0.05 else f"{x:,.1f}"
    return f"{x:,.1f}"


@dataclass
class RequirementProgress:
    """One requirement of one route: where the learner stands and when they will meet it."""

    measure: str
    unit: str
    target: float
    value: float  # approved
    logged: float  # approved + pending
    met: bool
    projected: date | None
    figure: Figure
    need_weekly_hours: float | None = None  # for the target date; None: not possible
    of: str | None = None  # what a requirement with counts of its own counts, in words
    weekly: dict | None = field(default=None, repr=False)

    @property
    def pending(self) -> float:
        return max(self.logged - self.value, 0.0)

    @property
    def fraction(self) -> float:
        return min(self.value / self.target, 1.0) if self.target else 1.0

    def text(self) -> str:
        """E.g. ``1,234 / 5,000 h (+40 h pending)``."""
        s = f"{_num(self.value, self.unit)} / {_num(self.target, self.unit)} {self.unit}"
        if self.pending > 0.05:
            s += f" (+{_num(self.pending, self.unit)} pending)"
        return s


@dataclass
class NotCounted:
    entry_id: str
    date: date
    hours: float
    category: str
    setting: str
    reasons: list[str]


@dataclass
class RouteProgress:
    route: Route
    met: bool
    projected: date | None
    pace_hours_per_week: float
    groups: list[list[RequirementProgress]]  # all groups must be met; within a group, any one
    counted_hours: float  # approved
    pending_hours: float  # would count once approved
    not_counted: list[NotCounted]
    need_weekly_hours: float | None = None
    need_supervision_hours: float | None = None
    target_possible: bool | None = None
    eligibility: EligibilityStatus | None = None  # the route's own education rule, if any

    @property
    def requirements(self) -> list[RequirementProgress]:
        return [r for g in self.groups for r in g]

    @property
    def fraction(self) -> float:
        """How far along the route is: the least-advanced group (its best alternative)."""
        return min(max(r.fraction for r in g) for g in self.groups)

    def requirement_text(self) -> str:
        parts = []
        for g in self.groups:
            parts.append(" or ".join(r.text() for r in g) if len(g) > 1 else g[0].text())
        return "; ".join(parts)

    def no_projection_reason(self, full_time_hours: float) -> str:
        """Why the recent pace gives no date ("" when it gives one, or the route is met)."""
        if self.met or self.projected:
            return ""
        if self.pace_hours_per_week <= 0:
            return "no counted hours in the recent weeks"
        why = []
        for g in self.groups:
            if any(r.met or r.projected for r in g):
                continue
            for r in g:
                pace = (r.weekly or {}).get("pace")
                if pace is not None and pace > 0:
                    why.append(f"{r.unit}: the counted weeks do not keep up with those leaving the look-back window")
                elif r.measure == "full_time_months":
                    why.append(f"no full-time week in the recent weeks (only weeks of {full_time_hours:g} h or more count toward "
                               "full-time months)")
                elif r.measure == "supervision_hours":
                    why.append("no supervision received in the recent weeks")
                else:
                    why.append("no counted hours in the recent weeks")
        out: list[str] = []
        for w in why:
            if w not in out:
                out.append(w)
        return "; ".join(out)

    def short_weeks(self) -> int:
        """Weeks with counted work that count no full-time month (part-time or short weeks), on this route."""
        return max((int(r.weekly.get("short_weeks", 0)) for r in self.requirements
                    if r.measure == "full_time_months" and r.weekly), default=0)

    def short_weeks_text(self, full_time_hours: float) -> str:
        """A line on the weeks that count no full-time month, or ""."""
        n = self.short_weeks()
        if not n:
            return ""
        return (f"{n:,} week{'s' if n > 1 else ''} of counted work under {full_time_hours:g} h count{'' if n > 1 else 's'} no "
                "full-time month (part-time, or short weeks not between full-time ones); the hours still count on "
                "routes that count hours")

    def not_counted_by_reason(self) -> dict[str, float]:
        """Hours not counted, by reason (an entry with two reasons is under both)."""
        out: dict[str, float] = {}
        for e in self.not_counted:
            for r in e.reasons:
                out[r] = out.get(r, 0.0) + e.hours
        return dict(sorted(out.items(), key=lambda kv: -kv[1]))


@dataclass
class CredentialProgress:
    credential_id: str
    short: str
    name: str
    body: str
    routes: list[RouteProgress]
    eligibility: EligibilityStatus | None = None  # the credential's education and licence rule

    @property
    def met(self) -> bool:
        """The experience is met on some route (education and licence are separate: see ``eligible``)."""
        return any(r.met for r in self.routes)

    @property
    def eligible(self) -> bool:
        """Education and licence met, for the credential and for at least one route."""
        return bool(self.eligibility and self.eligibility.met) and any(
            r.eligibility is None or r.eligibility.met for r in self.routes)

    @property
    def best(self) -> RouteProgress:
        """The route to show by default: among routes open to the learner (all, if none is), a met
        one, else the one the learner's hours take furthest toward completion, else the one that
        counts most of them; ties go to the rules file's order."""
        open_routes = [r for r in self.routes if r.eligibility is None or r.eligibility.met] or self.routes
        met = [r for r in open_routes if r.met]
        if met:
            return met[0]
        return max(open_routes, key=lambda r: (round(r.fraction, 9), r.counted_hours + r.pending_hours))


@dataclass
class LearnerProgress:
    learner: Person
    options: Options
    rules: Rules
    credentials: list[CredentialProgress]
    total_hours: float  # each entry once, at its current version (see casekit.hours.supersession)
    pending_hours: float  # entries waiting for a first approval
    week_dates: list[date] = field(default_factory=list, repr=False)
    pending_corrections: list[PendingCorrection] = field(default_factory=list)

    @property
    def pending_total_hours(self) -> float:
        """Hours waiting for approval: new entries and corrections of approved entries alike."""
        return self.pending_hours + sum(c.hours for c in self.pending_corrections)

    def pending_text(self) -> str:
        """E.g. "6.5 h pending approval, 6.5 h of it in 1 correction of an approved entry"."""
        s = f"{self.pending_total_hours:,.1f} h pending approval"
        if self.pending_corrections:
            n = len(self.pending_corrections)
            s += (f", {sum(c.hours for c in self.pending_corrections):,.1f} h of it in {n:,} "
                  f"{'correction of an approved entry' if n == 1 else 'corrections of approved entries'}")
        return s

    def corrections_text(self) -> str:
        """One sentence on corrections of approved entries waiting for approval ("" when none)."""
        fixes = self.pending_corrections
        if not fixes:
            return ""
        new, old = sum(c.hours for c in fixes), sum(c.was_hours for c in fixes)
        change = f" ({new - old:+,.1f} h)" if abs(new - old) > 0.005 else ""
        one = len(fixes) == 1
        return (f"{len(fixes):,} {'correction of an approved entry' if one else 'corrections of approved entries'} pending approval: "
                f"{new:,.1f} h in place of {old:,.1f} h{change}; the approved entr{'y counts' if one else 'ies count'} "
                f"as {'it is' if one else 'they are'} until the correction{' is' if one else 's are'} approved.")

    def credential(self, name: str) -> CredentialProgress:
        cid = self.rules.find(name)
        return next(c for c in self.credentials if c.credential_id == cid)

    def to_text(self, *, why: bool = False) -> str:
        """The progress as plain text, for the command line."""
        lp = self
        lines = [
            f"{lp.learner.name}: {lp.learner.degree_text()}; credentials held: {', '.join(lp.learner.credentials) or 'none recorded'}",
            f"Logged {lp.total_hours:,.1f} h ({lp.pending_text()}: pending hours never count until approved).",
        ]
        if lp.pending_corrections:
            lines.append(lp.corrections_text())
            shown = lp.pending_corrections if why else lp.pending_corrections[:_LISTED_CORRECTIONS]
            lines += [f"  {c.text()}" for c in shown]
            if len(shown) < len(lp.pending_corrections):
                lines.append(f"  ...and {len(lp.pending_corrections) - len(shown):,} more (--why lists them all)")
        lines += [f"Settings: {lp.options.describe()}.", ""]
        for c in lp.credentials:
            lines.append(f"{c.short} - {c.name}: experience {'MET' if c.met else 'not yet met'}; "
                         f"education/licence {c.eligibility.text() if c.eligibility else 'not checked'}")
            for r in c.routes:
                if r.eligibility is not None and not r.eligibility.met:
                    lines.append(f"  route {r.route.id}: not open to this learner: needs {'; and '.join(r.eligibility.missing)}")
                    continue
                state = "met" if r.met else (f"projected {r.projected.isoformat()}" if r.projected else
                                             f"no projection at the recent pace: {r.no_projection_reason(lp.options.full_time_hours)}")
                lines.append(f"  route {r.route.id}: {r.route.label}")
                lines.append(f"    {r.requirement_text()}  [{state}; pace {r.pace_hours_per_week:.1f} h/week]")
                if lp.options.target is not None and not r.met:
                    if r.target_possible:
                        extra = f" incl. {r.need_supervision_hours:.1f} h supervision" if r.need_supervision_hours else ""
                        lines.append(f"    to finish by {lp.options.target.isoformat()}: {r.need_weekly_hours:.1f} h/week{extra}")
                    else:
                        lines.append(f"    to finish by {lp.options.target.isoformat()}: not possible (too few weeks left)")
                reasons = r.not_counted_by_reason()
                if reasons:
                    overlap = sum(reasons.values()) > sum(e.hours for e in r.not_counted) + 1e-9
                    lines.append("    not counted" + (" (an entry can be left out for more than one reason)" if overlap else "")
                                 + ": " + "; ".join(f"{k} ({v:,.1f} h)" for k, v in reasons.items()))
                short = r.short_weeks_text(lp.options.full_time_hours)
                if short:
                    lines.append(f"    {short}")
                if why:
                    for e in r.not_counted:
                        lines.append(f"      {e.date.isoformat()} {e.hours:5.2f} h {e.entry_id}: {'; '.join(e.reasons)}")
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"


# --- building it ----------------------------------------------------------------------------


def _after_degree_reason(learner: Person, education: Eligibility) -> str:
    """Why work is not yet post-degree for this route: before the degree it asks for, or no such degree."""
    if not has_required_degree(education, learner):
        wanted = re.sub(r"(^|, | or )an? ", r"\1", required_degree_text(education))
        return f"no {wanted} recorded, and the route counts only work after it (recorded: {learner.degree_text()})"
    if learner.degree_date is None:
        return "no degree date recorded for the learner (add it to count post-degree work)"
    return f"before the degree date {learner.degree_date.isoformat()}"


def _reasons(rr: RouteResult, ledger: Ledger, opts: Options, learner: Person,
             education: Eligibility) -> dict[int, list[str]]:
    """Why route result ``rr`` leaves out each entry it leaves out: ``{entry index: reasons}``."""
    out: dict[int, list[str]] = {}
    sup_names = {p.person_id: p.name for p in ledger.people.persons}
    for name in CHECKS:
        passed = rr.checks.get(name)
        if passed is None:
            continue
        failing = np.flatnonzero(~passed)
        if not len(failing):
            continue
        # A message depends on the check and, for some checks, on one column: worked out once per value.
        column, words = _reason_words(name, rr, ledger, opts, learner, education, sup_names)
        said: dict[int, str | None] = {}
        for i in failing.tolist():
            key = int(column[i]) if column is not None else 0
            if key not in said:
                said[key] = words(key)
            msg = said[key]
            if msg is not None:
                out.setdefault(i, []).append(msg)
    return out


def _reason_words(name: str, rr: RouteResult, ledger: Ledger, opts: Options, learner: Person, education: Eligibility,
                  sup_names: dict[int, str]):
    """For check ``name``: the column its message depends on (or None) and the message for one value of it.

    The message is None where another check already says it (no supervisor, under a route
    that also asks for one).
    """
    counts = rr.route.counts
    if name == "category":
        return ledger.category, lambda c: f"category '{label(_CATEGORY_OF_CODE.get(c, '?'))}' does not count here"
    if name == "setting":
        allowed = ", ".join(s.replace("_", " ") for s in counts.settings or ())
        return ledger.setting, lambda c: (f"setting '{_SETTING_OF_CODE.get(c, '?').replace('_', ' ')}' does not count "
                                          f"(only {allowed})")
    if name == "supervisor_credential":
        def supervisor_words(sid: int) -> str | None:
            if sid < 0:
                return None if "supervised" in rr.checks else "no supervisor named"
            return f"supervisor {sup_names.get(sid, 'no supervisor')} does not hold {' or '.join(counts.supervisor_credentials or ())}"
        return ledger.supervisor, supervisor_words
    if name == "after_as_of":
        msg = f"dated after {opts.as_of.isoformat()}"
    elif name == "paid":
        msg = "unpaid"
    elif name == "supervised":
        msg = "no supervisor named"
    elif name == "after_degree":
        msg = _after_degree_reason(learner, education)
    elif name == "look_back":
        cut = from_day_number(day_number(opts.as_of) - window_days(counts))
        months = counts.look_back_months.value if counts.look_back_months else 0.0
        msg = f"outside the {months:g}-month look-back (on or before {cut.isoformat()})"
    else:  # a check the rules gained after these words were written: name it rather than guess
        msg = f"fails the route's {name.replace('_', ' ')} rule"
    return None, lambda _key: msg


def not_counted_reasons(rr: RouteResult, ledger: Ledger, opts: Options, learner: Person, rules: Rules) -> list[list[str]]:
    """Per entry of ``ledger``, why route result ``rr`` (evaluated with ``keep``) leaves it out (empty: counted)."""
    reasons = _reasons(rr, ledger, opts, learner, rr.route.eligibility or rules.credentials[rr.credential_id].eligibility)
    return [reasons.get(i, []) for i in range(len(ledger))]


def _requirement(r: RequirementResult, weekly: bool) -> RequirementProgress:
    need = None
    if r.need_minutes is not None:
        v = float(r.need_minutes[0])
        need = None if np.isnan(v) else v / 60
    return RequirementProgress(
        measure=r.measure, unit=r.requirement.unit, target=float(r.target), value=float(r.value[0]),
        logged=float(r.logged[0]), met=bool(r.met[0]), projected=None if r.met[0] else projected_date(r.projected[0]),
        figure=r.requirement.min, need_weekly_hours=need, of=r.requirement.of,
        weekly=({k: (v[0] if isinstance(v, np.ndarray) else v) for k, v in r.series.items()} if weekly and r.series else None),
    )


def learner_progress(
    store: Store,
    learner: str | Person,
    *,
    rules: Rules | None = None,
    as_of: date | None = None,
    full_time_hours: float | None = None,
    pace_weeks: int | None = None,
    target: date | None = None,
    exclude: set[str] | None = None,
) -> LearnerProgress:
    """Where ``learner`` stands on every credential's every route, by the database's status column alone.

    Nothing is verified here: what the command line, the report and the dashboard show is
    :func:`verified_progress`. ``full_time_hours`` defaults to the rules file's setting
    (35 h/week); ``target`` asks what weekly hours would meet each route by that date.
    ``exclude`` names entries to leave out altogether.
    """
    rules = rules or load_rules()
    person = learner if isinstance(learner, Person) else get_person(store, learner, "learner")
    opts = _options(rules, as_of, full_time_hours, pace_weeks, target)
    ledger = load_ledger(store, person).without(exclude)
    corrections = pending_corrections(store, person, exclude=exclude, as_of=opts.as_of)
    return progress_from_ledger(person, ledger, corrections, rules, opts)


def verified_progress(
    log: VerifiedLog,
    *,
    rules: Rules | None = None,
    as_of: date | None = None,
    full_time_hours: float | None = None,
    pace_weeks: int | None = None,
    target: date | None = None,
) -> LearnerProgress:
    """Where the learner of a verified log stands, counting only what verifies (the options: :func:`learner_progress`'s).

    An entry changed outside casekit (or approved without a valid signature) fails
    verification and counts nowhere, whatever its status column says. Reads nothing: the
    rows come from ``log`` (:func:`casekit.hours.trust.verified_log.read_verified_log`).
    """
    rules = rules or load_rules()
    opts = _options(rules, as_of, full_time_hours, pace_weeks, target)
    corrections = waiting_corrections(((str(c["entry_id"]), EntryVersion.from_signed(c),
                                        str(o["entry_id"]), EntryVersion.from_signed(o))
                                       for c, o in log.waiting_corrections()), as_of=opts.as_of)
    return progress_from_ledger(log.learner, verified_ledger(log), corrections, rules, opts)


def verified_ledger(log: VerifiedLog) -> Ledger:
    """The rows of ``log`` that count, as the engine's columns."""
    return ledger_from_rows(log.learner, log.people, log.counted_rows())


def _options(rules: Rules, as_of, full_time_hours, pace_weeks, target) -> Options:
    return make_options(rules, as_of=as_of, full_time_hours=full_time_hours, target=target,
                        pace_weeks=pace_weeks or DEFAULT_PACE_WEEKS)


def progress_from_ledger(person: Person, ledger: Ledger, corrections: list[PendingCorrection], rules: Rules,
                         opts: Options) -> LearnerProgress:
    """The engine run on ``person``'s ledger (the entries that count), with their pending corrections."""
    results = evaluate(ledger, rules, opts, keep=True)
    hours = ledger.minutes / 60
    in_range = ledger.day <= day_number(opts.as_of)
    entry_ids = ledger.entry_id or []
    # Each left-out entry's fields as Python values, made once for every route that leaves it out.
    days, hours_list = ledger.day.tolist(), hours.tolist()
    categories, settings = ledger.category.tolist(), ledger.setting.tolist()
    entry_fields: dict[int, tuple[str, date, float, str, str]] = {}

    def fields(i: int) -> tuple[str, date, float, str, str]:
        if i not in entry_fields:
            entry_fields[i] = (entry_ids[i], from_day_number(days[i]), float(hours_list[i]),
                               _CATEGORY_OF_CODE.get(categories[i], "?"), _SETTING_OF_CODE.get(settings[i], "?"))
        return entry_fields[i]

    by_cred: dict[str, list[RouteProgress]] = {}
    for rr in results:
        reasons = _reasons(rr, ledger, opts, person, rr.route.eligibility or rules.credentials[rr.credential_id].eligibility)
        counted = rr.counted if rr.counted is not None else np.zeros(len(ledger), dtype=bool)
        not_counted = [NotCounted(*fields(i), reasons[i])
                       for i in np.flatnonzero(~counted & in_range).tolist() if i in reasons]
        groups: dict[int, list[RequirementProgress]] = {}
        for r in rr.requirements:
            groups.setdefault(r.group, []).append(_requirement(r, weekly=True))
        need = None if rr.need_minutes is None or np.isnan(rr.need_minutes[0]) else float(rr.need_minutes[0]) / 60
        need_sup = None if rr.need_supervision_minutes is None or np.isnan(rr.need_supervision_minutes[0]) else float(rr.need_supervision_minutes[0]) / 60
        by_cred.setdefault(rr.credential_id, []).append(RouteProgress(
            route=rr.route, met=bool(rr.met[0]), projected=None if rr.met[0] else projected_date(rr.projected[0]),
            pace_hours_per_week=float(rr.pace_minutes[0]) / 60, groups=list(groups.values()),
            counted_hours=float(hours[counted & ledger.approved].sum()),
            pending_hours=float(hours[counted & ~ledger.approved].sum()),
            not_counted=not_counted, need_weekly_hours=need, need_supervision_hours=need_sup,
            target_possible=None if opts.target is None else (need is not None and (need_sup is not None)),
            eligibility=check_eligibility(rr.route.eligibility, person, rules) if rr.route.eligibility else None,
        ))
    creds = [
        CredentialProgress(cid, rules.short_name(cid), rules.credentials[cid].name, rules.credentials[cid].body, routes,
                           check_eligibility(rules.credentials[cid].eligibility, person, rules))
        for cid, routes in by_cred.items()
    ]
    return LearnerProgress(
        learner=person, options=opts, rules=rules, credentials=creds,
        total_hours=float(hours[in_range].sum()), pending_hours=float(hours[in_range & ~ledger.approved].sum()),
        week_dates=grid_week_dates(ledger, opts), pending_corrections=corrections,
    )


def verified_learner_progress(store: Store, learner: str | Person, **options) -> tuple[LearnerProgress, Verification, SignedLog]:
    """``learner``'s progress counting only entries that verify, with the verification and the log it checked.

    :func:`read_verified_log` then :func:`verified_progress` (``options`` are its), for callers that
    want the three parts.
    """
    log = read_verified_log(store, learner)
    return verified_progress(log, **options), log.verification, log.signed


__all__ = ["learner_progress", "verified_progress", "verified_ledger", "progress_from_ledger", "verified_learner_progress", "LearnerProgress", "CredentialProgress", "RouteProgress",
           "RequirementProgress", "NotCounted"]
