"""The pathway finder: which credentials can a learner aim for, and what is missing for each.

It joins the two halves of every credential rule: education and licence (from the
learner's degree and credentials) and supervised experience (from the log's progress).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from casekit.hours.credit.credential_progress import CredentialProgress, LearnerProgress, RequirementProgress, RouteProgress, learner_progress
from casekit.hours.credit.credentials import Rules
from casekit.hours.credit.qualifications import EligibilityStatus

if TYPE_CHECKING:
    from casekit.hours.storage.database import Store

READY, IN_PROGRESS, NOT_ELIGIBLE = "ready to apply", "eligible, gaining experience", "not eligible yet"
# Eligible, but not one logged hour counts on any open route: "gaining experience" would be untrue.
NOTHING_COUNTS = "eligible, but none of the logged hours count toward it"
NO_HOURS = "eligible, no hours logged yet"


def _shortfall(r: RequirementProgress, full_time_hours: float) -> str:
    gap = max(r.target - r.value, 0.0)
    pend = f" ({r.pending:,.0f} h already logged, pending approval)" if r.pending > 0.05 and r.unit.startswith("h") else ""
    if r.measure == "hours":
        return f"{gap:,.0f} more approved hours{pend}"
    if r.measure == "supervision_hours":
        return f"{gap:,.0f} more hours of supervision received{pend}"
    of = f" of {r.of}" if r.of else ""  # a requirement with counts of its own says what it counts
    if r.measure == "full_time_months":
        return f"{gap:.1f} more months full-time{of} (weeks of {full_time_hours:g} h or more)"
    return f"{gap:.1f} more months{of} from first to last counted day"


def experience_missing(route: RouteProgress, full_time_hours: float) -> list[str]:
    """What experience the route still needs (empty when met)."""
    out = []
    for g in route.groups:
        if any(r.met for r in g):
            continue
        texts = [_shortfall(r, full_time_hours) for r in g]
        out.append(texts[0] if len(texts) == 1 else "either " + " or ".join(texts))
    return out


def _why_nothing_counts(route: RouteProgress) -> str:
    """The main reasons the route counts none of the logged hours (from progress's own reasons)."""
    reasons = list(route.not_counted_by_reason().items())[:3]
    if not reasons:
        return "none of the logged hours count on this route"
    return "none of the logged hours count here: " + "; ".join(f"{k} ({v:,.1f} h)" for k, v in reasons)


@dataclass
class RoutePathway:
    route: RouteProgress
    open: bool  # the route's own education rule (if any) is met
    missing: list[str] = field(default_factory=list)


@dataclass
class Pathway:
    credential: CredentialProgress
    status: str  # READY, IN_PROGRESS or NOT_ELIGIBLE
    missing: list[str]  # education/licence first, then the best route's experience
    projected: date | None
    routes: list[RoutePathway]
    not_checked: list[str]

    @property
    def short(self) -> str:
        return self.credential.short


def _missing(status: EligibilityStatus | None) -> list[str]:
    return list(status.missing) if status is not None else []


def pathways_from(lp: LearnerProgress) -> list[Pathway]:
    """Pathways from an already computed progress (no database access)."""
    ft = lp.options.full_time_hours
    out = []
    for c in lp.credentials:
        routes = []
        for r in c.routes:
            shut = r.eligibility if r.eligibility is not None and not r.eligibility.met else None
            is_open = shut is None
            miss = ([] if shut is None else [f"for this route: {m}" for m in shut.missing]) + experience_missing(r, ft)
            routes.append(RoutePathway(r, is_open, miss))
        cred_ok = bool(c.eligibility and c.eligibility.met)
        open_routes = [rp for rp in routes if rp.open]
        best = c.best
        missing: list[str] = []
        if not cred_ok:
            missing += [f"education/licence: {m}" for m in (c.eligibility.missing if c.eligibility else [])]
        elif not open_routes:
            missing += ["education/licence: " + "; or ".join("; ".join(_missing(rp.route.eligibility)) for rp in routes)]
        where = "experience" if len(c.routes) == 1 else f"experience (route {best.route.id})"
        missing += [f"{where}: {m}" for m in experience_missing(best, ft)]
        eligible = cred_ok and bool(open_routes)
        status = READY if eligible and c.met else IN_PROGRESS if eligible else NOT_ELIGIBLE
        if status == IN_PROGRESS and not any(rp.route.counted_hours + rp.route.pending_hours > 0 for rp in open_routes):
            status = NOTHING_COUNTS if lp.total_hours > 0 else NO_HOURS
            if status == NOTHING_COUNTS:
                missing.append("counted hours: " + _why_nothing_counts(best))
        not_checked = list(c.eligibility.rule.not_checked) if c.eligibility and c.eligibility.rule else []
        out.append(Pathway(c, status, missing, None if c.met else best.projected, routes, not_checked))
    order = {READY: 0, IN_PROGRESS: 1, NO_HOURS: 2, NOTHING_COUNTS: 3, NOT_ELIGIBLE: 4}
    return sorted(out, key=lambda p: (order[p.status], p.projected or date.max, -p.credential.best.fraction))


def find_pathways(
    store: Store,
    learner: str,
    *,
    rules: Rules | None = None,
    as_of: date | None = None,
    full_time_hours: float | None = None,
) -> list[Pathway]:
    """For each credential: can ``learner`` aim for it, and what is missing. Best prospects first."""
    return pathways_from(learner_progress(store, learner, rules=rules, as_of=as_of, full_time_hours=full_time_hours))


def pathways_text(pathways: list[Pathway], lp: LearnerProgress | None = None) -> str:
    lines = []
    if lp is not None:
        lines.append(f"{lp.learner.name}: {lp.learner.degree_text()}; credentials held: {', '.join(lp.learner.credentials) or 'none recorded'}")
        lines.append(f"Settings: {lp.options.describe()}.")
        lines.append("")
    for p in pathways:
        when = f"; projected {p.projected.isoformat()} at the recent pace" if p.projected else ""
        lines.append(f"{p.short} ({p.credential.name}): {p.status}{when}")
        for m in p.missing:
            lines.append(f"  - missing {m}")
        for n in p.not_checked:
            lines.append(f"  - check yourself: {n}")
    return "\n".join(lines) + "\n"
