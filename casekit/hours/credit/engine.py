"""The rule engine: how far each learner is toward each credential, and when they will get there.

One generic engine reads the rules (:mod:`casekit.hours.rules`) and the log as numpy
columns (:mod:`casekit.hours.ledger`). For each route of each credential it decides which
entries count (paid, supervised, after the degree, setting, category, supervisor's
credential, look-back window), then measures, per learner (a requirement with counts of
its own, such as NACCM's additional direct client years, measures the entries those accept):

* ``hours``: counted hours;
* ``calendar_months``: calendar months from the first to the last counted day (3 whole years are 36);
* ``full_time_months``: weeks with at least the full-time hours (a setting), as months;
* ``supervision_hours``: supervision received, against ``min`` a year for the route's years.

Only approved entries count toward a threshold; pending ones are measured too and shown
apart. Projections assume the learner's recent pace (approved and pending work) goes on.
Everything is computed for all learners at once; one learner is the same code with one row.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from casekit.hours.errors import HoursError
from casekit.hours.credit.columns import CATEGORY_CODES, SETTING_CODES, Ledger, day_number, from_day_number
from casekit.hours.credit.calendar_months import last_day_of, months_spanned
from casekit.hours.credit.projection import needed_per_week, pace, still_counting, weeks_to_reach
from casekit.hours.credit.credentials import AnyOf, Counts, Eligibility, Figure, Requirement, Route, Rules
from casekit.hours.credit.qualifications import has_required_degree
from casekit.hours.storage.models import SUPERVISION_CATEGORIES

DAYS_PER_MONTH = 365.2425 / 12
WEEKS_PER_MONTH = 52 / 12
DEFAULT_PACE_WEEKS = 12

# The order in which reasons for not counting are listed.
CHECKS = ("after_as_of", "category", "setting", "paid", "supervised", "supervisor_credential", "after_degree", "look_back")


@dataclass(frozen=True)
class Options:
    """What a progress run assumes; shown to the user beside the results."""

    as_of: date
    full_time_hours: float
    full_time_figure: Figure
    pace_weeks: int = DEFAULT_PACE_WEEKS
    target: date | None = None
    short_weeks: int = 0  # weeks in a row with fewer hours, between full-time weeks, that still count as full-time

    @property
    def full_time_is_default(self) -> bool:
        return self.full_time_hours == self.full_time_figure.value

    def describe(self) -> str:
        ft = f"full-time = {self.full_time_hours:g} h/week"
        ft += " (the kit's default setting)" if self.full_time_is_default else f" (set for this run; default {self.full_time_figure.value:g})"
        if self.short_weeks:
            ft += (f", and up to {self.short_weeks} shorter week{'s' if self.short_weeks > 1 else ''} in a row between "
                   "full-time weeks count as full-time (holidays, leave)")
        return (f"as of {self.as_of.isoformat()}; {ft}; pace = average of the last {self.pace_weeks} full weeks, "
                "or of the full weeks since the first counted entry if that is sooner, approved and pending entries")


def make_options(
    rules: Rules,
    *,
    as_of: date | None = None,
    full_time_hours: float | None = None,
    pace_weeks: int = DEFAULT_PACE_WEEKS,
    target: date | None = None,
) -> Options:
    """Check and bundle the run's settings; defaults come from the rules file and today."""
    as_of = as_of or date.today()
    ft = rules.full_time_hours if full_time_hours is None else float(full_time_hours)
    if not (0 < ft <= 80):
        raise HoursError(f"full-time hours per week: {ft:g} is not between 0 and 80; the kit's default is {rules.full_time_hours:g}")
    if pace_weeks < 1:
        raise HoursError(f"pace weeks: {pace_weeks} must be 1 or more")
    if target is not None and target <= as_of:
        raise HoursError(f"target date: {target.isoformat()} is not after {as_of.isoformat()}; pick a date in the future")
    return Options(as_of, ft, rules.settings.full_time_hours_per_week, pace_weeks, target,
                   short_weeks=rules.short_weeks_within_full_time)


def week_of(day: np.ndarray | int):
    """Monday-based week number of a day number (1970-01-01 was a Thursday)."""
    return (day + 3) // 7


def week_start(week: int) -> date:
    return from_day_number(int(week) * 7 - 3)


# --- which entries count ------------------------------------------------------------------


def entry_checks(ledger: Ledger, counts: Counts, opts: Options, education: Eligibility | None = None) -> dict[str, np.ndarray]:
    """For each check in :data:`CHECKS` that applies, which entries pass it.

    ``education`` is the route's education rule (its own, else its credential's): with
    ``after_degree`` an entry counts only on or after the date of a degree that meets it.
    """
    as_of = day_number(opts.as_of)
    checks: dict[str, np.ndarray] = {"after_as_of": ledger.day <= as_of}
    cat_ok = np.zeros(64, dtype=bool)
    cat_ok[[CATEGORY_CODES[c] for c in counts.categories]] = True
    checks["category"] = cat_ok[ledger.category]
    if counts.settings is not None:
        set_ok = np.zeros(64, dtype=bool)
        set_ok[[SETTING_CODES[s] for s in counts.settings]] = True
        checks["setting"] = set_ok[ledger.setting]
    if counts.paid:
        checks["paid"] = ledger.paid
    if counts.supervised:
        checks["supervised"] = ledger.supervisor >= 0
    if counts.supervisor_credentials:
        wanted = set(counts.supervisor_credentials)
        ok_ids = [p.person_id for p in ledger.people.persons if wanted & set(p.credentials)]
        checks["supervisor_credential"] = np.isin(ledger.supervisor, np.array(ok_ids, dtype=np.int64))
    if counts.after_degree:
        checks["after_degree"] = ledger.day >= qualifying_degree_day(ledger, education)[ledger.learner]
    if counts.look_back_months is not None:
        checks["look_back"] = ledger.day > as_of - window_days(counts)
    return checks


def qualifying_degree_day(ledger: Ledger, education: Eligibility | None) -> np.ndarray:
    """Per learner, the day from which post-degree work counts: the degree date when the recorded
    degree meets ``education``'s degree part, else never (a far-future day)."""
    days = ledger.degree_day
    if education is None:
        return days
    never = np.iinfo(np.int64).max // 4
    ok = np.array([has_required_degree(education, p) for p in ledger.learners], dtype=bool)
    return np.where(ok, days, never)


def window_days(counts: Counts) -> int:
    return int(round(counts.look_back_months.value * DAYS_PER_MONTH)) if counts.look_back_months else 0


def _all(checks: dict[str, np.ndarray], n: int, skip: str | None = None) -> np.ndarray:
    ok = np.ones(n, dtype=bool)
    for name, passed in checks.items():
        if name != skip:
            ok &= passed
    return ok


# --- weekly series --------------------------------------------------------------------------


@dataclass
class _Grid:
    """Learners x weeks, from the earliest entry's week to the as-of week."""

    n_learners: int
    w_lo: int
    w_now: int
    key: np.ndarray  # per entry: learner * n_weeks + week column (entries after as-of: 0)
    usable: np.ndarray  # entries on or before as-of

    @property
    def n_weeks(self) -> int:
        return self.w_now - self.w_lo + 1

    def matrix(self, mask: np.ndarray, minutes: np.ndarray) -> np.ndarray:
        m = mask & self.usable
        flat = np.bincount(self.key[m], weights=minutes[m], minlength=self.n_learners * self.n_weeks)
        return flat.reshape(self.n_learners, self.n_weeks)

    def window_cols(self, days: int, as_of: int) -> tuple[int, int]:
        """(first column, number of columns) of a look-back window of ``days`` ending at as-of."""
        first = int(week_of(as_of - days + 1)) - self.w_lo
        return first, self.w_now - self.w_lo - first + 1

    def dropping(self, matrix: np.ndarray, days: int, as_of: int) -> np.ndarray:
        """The window's weeks, oldest first (zero-padded before the grid starts)."""
        first, width = self.window_cols(days, as_of)
        if first >= 0:
            return matrix[:, first : first + width]
        pad = np.zeros((matrix.shape[0], -first))
        return np.concatenate([pad, matrix[:, : width + first]], axis=1)


def _grid(ledger: Ledger, opts: Options) -> _Grid:
    as_of = day_number(opts.as_of)
    usable = ledger.day <= as_of
    weeks = week_of(ledger.day)
    w_now = int(week_of(as_of))
    w_lo = int(weeks[usable].min()) if usable.any() else w_now
    n_weeks = w_now - w_lo + 1
    key = np.where(usable, ledger.learner * n_weeks + (weeks - w_lo), 0)
    return _Grid(len(ledger.learners), w_lo, w_now, key, usable)


def _first_last(ledger: Ledger, mask: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """First and last day of the masked entries, per learner (NaN where none)."""
    first = np.full(n, np.nan)
    last = np.full(n, np.nan)
    li = ledger.learner[mask]
    if len(li):
        d = ledger.day[mask]
        if np.any(np.diff(li) < 0):  # group by learner (the loaders already do)
            order = np.argsort(li, kind="stable")
            li, d = li[order], d[order]
        starts = np.flatnonzero(np.r_[True, li[1:] != li[:-1]])
        first[li[starts]] = np.minimum.reduceat(d, starts)
        last[li[starts]] = np.maximum.reduceat(d, starts)
    return first, last


# --- results (arrays, one row per learner) ---------------------------------------------------


@dataclass
class RequirementResult:
    requirement: Requirement
    group: int  # position in route.requirements; alternatives of an any_of share it
    target: float  # in display units
    value: np.ndarray  # approved, display units
    logged: np.ndarray  # approved + pending, display units
    met: np.ndarray
    projected: np.ndarray  # day number (NaN: not at this pace); as-of when reached on logged entries
    need_minutes: np.ndarray | None = None  # per week, for the target date; NaN impossible
    series: dict | None = None  # one learner's weekly series, for charts

    @property
    def measure(self) -> str:
        return self.requirement.measure


@dataclass
class RouteResult:
    credential_id: str
    route: Route
    requirements: list[RequirementResult]
    met: np.ndarray
    projected: np.ndarray
    pace_minutes: np.ndarray
    need_minutes: np.ndarray | None = None
    need_supervision_minutes: np.ndarray | None = None
    checks: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    counted: np.ndarray | None = field(default=None, repr=False)  # per entry, approved or pending


def _combine(results: list[RequirementResult], n: int, attr: str, *, any_fn, all_fn) -> np.ndarray:
    groups: dict[int, list[np.ndarray]] = {}
    for r in results:
        groups.setdefault(r.group, []).append(np.asarray(getattr(r, attr), dtype=float))
    out = None
    for members in groups.values():
        g = members[0]
        for m in members[1:]:
            g = any_fn(g, m)
        out = g if out is None else all_fn(out, g)
    return out if out is not None else np.zeros(n)


def _counted(counts: Counts, ledger: Ledger, grid: _Grid, opts: Options, cache: dict,
             education: Eligibility | None = None) -> dict:
    """The entries ``counts`` accepts, as weekly matrices and first/last days (computed once per counts)."""
    key = counts.model_dump_json() + (education.model_dump_json() if counts.after_degree and education else "")
    if key not in cache:
        n = len(ledger.learners)
        checks = entry_checks(ledger, counts, opts, education)
        logged_mask = _all(checks, len(ledger))
        approved_mask = logged_mask & ledger.approved
        c: dict[str, Any] = {"key": key, "checks": checks, "logged": logged_mask}
        c["M_log"] = grid.matrix(logged_mask, ledger.minutes)
        c["M_app"] = grid.matrix(approved_mask, ledger.minutes)
        c["first"], c["last"] = _first_last(ledger, logged_mask, n)
        c["first_app"], c["last_app"] = _first_last(ledger, approved_mask, n)
        c["first_col"] = np.where(np.isnan(c["first"]), grid.n_weeks,
                                  week_of(np.nan_to_num(c["first"])) - grid.w_lo).astype(np.int64)
        cache[key] = c
    return cache[key]


def _evaluate_route(cid: str, route: Route, education: Eligibility, ledger: Ledger, grid: _Grid, opts: Options,
                    cache: dict, keep: bool) -> RouteResult:
    n = len(ledger.learners)
    as_of = day_number(opts.as_of)
    own = _counted(route.counts, ledger, grid, opts, cache, education)
    checks, logged_mask = own["checks"], own["logged"]
    now_col = grid.n_weeks - 1
    ft_minutes = opts.full_time_hours * 60
    pace_min = pace(own["M_log"], own["first_col"], now_col, opts.pace_weeks)
    weeks_avail = (day_number(opts.target) - as_of) / 7 if opts.target else None

    results: list[RequirementResult] = []
    for gi, item in enumerate(route.requirements):
        for req in (item.any_of if isinstance(item, AnyOf) else [item]):
            m = req.measure
            need = None
            series = None
            c = own if req.counts is None else _counted(req.counts, ledger, grid, opts, cache, education)
            key, M_log, M_app, first_col = c["key"], c["M_log"], c["M_app"], c["first_col"]
            wdays = window_days(req.counts or route.counts)
            windowed = (req.counts or route.counts).look_back_months is not None
            if m in ("hours", "supervision_hours", "full_time_months"):
                if m == "hours":
                    S_log, S_app, scale = M_log, M_app, 60.0
                    target_units = req.min.value * 60
                elif m == "supervision_hours":
                    sup_key = key + "|supervision"
                    if sup_key not in cache:
                        sup_mask = _all(c["checks"], len(ledger), skip="category") & np.isin(
                            ledger.category, [CATEGORY_CODES[s] for s in SUPERVISION_CATEGORIES])
                        cache[sup_key] = (grid.matrix(sup_mask, ledger.minutes), grid.matrix(sup_mask & ledger.approved, ledger.minutes))
                    S_log, S_app = cache[sup_key]
                    scale = 60.0
                    years = route.duration_years()
                    assert years is not None, "Route refuses supervision_hours without a duration requirement"
                    target_units = req.min.value * years * 60
                else:
                    S_log = full_time_weeks(M_log >= ft_minutes, opts.short_weeks)
                    S_app = full_time_weeks(M_app >= ft_minutes, opts.short_weeks)
                    scale = WEEKS_PER_MONTH
                    target_units = math.ceil(req.min.value * WEEKS_PER_MONTH - 1e-9)
                v_log = S_log.sum(axis=1)
                v_app = S_app.sum(axis=1)
                drop = grid.dropping(S_log, wdays, as_of) if windowed else None
                p = pace(S_log, first_col, now_col, opts.pace_weeks)
                weeks = weeks_to_reach(v_log, target_units, p, drop)
                if weeks_avail is not None:
                    if m == "full_time_months":
                        kept = still_counting(v_log, int(weeks_avail), drop)
                        short = target_units - kept
                        need = np.where(short <= 0, 0.0, np.where(short <= math.floor(weeks_avail), ft_minutes, np.nan))
                    else:
                        need = needed_per_week(v_log, target_units, weeks_avail, drop)
                value, logged = v_app / scale, v_log / scale
                target = target_units / scale if m != "full_time_months" else req.min.value
                met = v_app >= target_units
                if keep:
                    series = {"weekly_log": S_log, "weekly_app": S_app, "scale": scale, "target_units": target_units,
                              "window_weeks": grid.window_cols(wdays, as_of)[1] if windowed else None, "pace": p}
                    if m == "full_time_months":  # weeks with counted work that are not full-time weeks
                        series["short_weeks"] = ((M_log > 0) & (S_log == 0)).sum(axis=1)
            else:  # calendar_months, as the calendar counts them (calendar_months.py)
                span_log = months_spanned(c["first"], c["last"])
                span_app = months_spanned(c["first_app"], c["last_app"])
                target = req.min.value
                end_day = last_day_of(c["first"], target)
                weeks = np.where(pace_min > 0, np.maximum(np.ceil((end_day - as_of) / 7), 0), np.nan)
                weeks = np.where(span_log >= target - 1e-9, 0, weeks)
                if weeks_avail is not None and opts.target is not None:
                    start = np.where(np.isnan(c["first"]), as_of + 1, c["first"])
                    possible = last_day_of(start, target) <= day_number(opts.target)
                    need = np.where(possible | (span_log >= target - 1e-9), 0.0, np.nan)
                value, logged, met = span_app, span_log, span_app >= target - 1e-9
            projected = np.where(np.isnan(weeks), np.nan, as_of + 7 * np.nan_to_num(weeks))
            results.append(RequirementResult(req, gi, target, value, logged, met, projected, need, series))

    met = _combine(results, n, "met", any_fn=np.logical_or, all_fn=np.logical_and).astype(bool)
    projected = _combine(results, n, "projected", any_fn=np.fmin, all_fn=np.maximum)
    need = need_sup = None
    if weeks_avail is not None:
        hours_like = [r for r in results if r.measure != "supervision_hours"]
        need = _combine(hours_like, n, "need_minutes", any_fn=np.fmin, all_fn=np.maximum)
        sup = [r for r in results if r.measure == "supervision_hours"]
        need_sup = _combine(sup, n, "need_minutes", any_fn=np.fmin, all_fn=np.maximum) if sup else np.zeros(n)
    if keep:  # an entry counts toward the route when any of its requirements counts it
        for req in route.flat_requirements():
            if req.counts is not None:
                logged_mask = logged_mask | _counted(req.counts, ledger, grid, opts, cache, education)["logged"]
    return RouteResult(cid, route, results, met, projected, pace_min, need, need_sup,
                       checks if keep else {}, logged_mask if keep else None)


def full_time_weeks(full: np.ndarray, short_weeks: int) -> np.ndarray:
    """Per learner and week, 1.0 for a full-time week: one that reaches the full-time hours (``full``), or one of
    at most ``short_weeks`` weeks in a row with fewer, between two that do (a holiday, a week of leave)."""
    out = full.astype(float)
    if short_weeks <= 0:
        return out
    for row in range(full.shape[0]):
        weeks = np.flatnonzero(full[row])
        gaps = np.diff(weeks) - 1
        for start, gap in zip(weeks[:-1][(gaps > 0) & (gaps <= short_weeks)], gaps[(gaps > 0) & (gaps <= short_weeks)]):
            out[row, start + 1:start + 1 + gap] = 1.0
    return out


def evaluate(ledger: Ledger, rules: Rules, opts: Options, *, credentials: list[str] | None = None, keep: bool = False) -> list[RouteResult]:
    """Every route of every credential (or those in ``credentials``), for every learner in ``ledger``."""
    grid = _grid(ledger, opts)
    cache: dict = {}
    out = []
    for cid, cred in rules.credentials.items():
        if credentials is not None and cid not in credentials:
            continue
        for route in cred.routes:
            out.append(_evaluate_route(cid, route, route.eligibility or cred.eligibility, ledger, grid, opts, cache, keep))
    return out


def projected_date(day: float) -> date | None:
    return None if day is None or np.isnan(day) else from_day_number(int(day))


def grid_week_dates(ledger: Ledger, opts: Options) -> list[date]:
    """The Monday of each week column of the engine's grid (for charts)."""
    g = _grid(ledger, opts)
    return [week_start(w) for w in range(g.w_lo, g.w_now + 1)]
