"""Scoring a learner's plan against a case and its key, one criterion at a time.

The same function serves the self-check in a learner's notebook and the hidden autograder cells of the
nbgrader course, so a learner sees at home exactly what an instructor's gradebook will show.

Each criterion turns into a fraction between 0 and 1 of its points. The properties the tests pin down
for every case: an empty plan scores 0; the key's model plan scores full marks; adding a correct element
never lowers a score; a wrong referral or a need the facts do not support lowers it; missing a critical
need holds the whole plan under the critical-need gate (``critical_gate`` in rubric_policy.yaml). Wrong
picks cost half of what a right pick earns, so guessing everything does not pay. The rubric is judged
against expert case managers' plans (tests/validity/), not against its own keys.

One module per family of criteria: ``needs`` (critical needs, coverage, order, and the gate),
``planning`` (eligibility, flaws, goals, rights, coordination), ``referrals``, ``revision``; ``text``
reads free text for content; ``context`` holds what they all read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import MANUAL_CRITERIA, Case, Key
from casekit.casework.plan import Plan
from casekit.casework.rubric.context import Context
from casekit.casework.rubric.needs import critical_needs, gate, needs_coverage, priority_order
from casekit.casework.rubric.planning import application_flaws, coordination, eligibility, goals, rights
from casekit.casework.rubric.referrals import referrals
from casekit.casework.rubric.revision import revision

__all__ = ["CriterionResult", "TITLES", "manual_criteria", "score", "total"]

TITLES = {
    "critical-needs": "Critical and immediate needs found",
    "needs-coverage": "Needs identified (found, missed, unsupported)",
    "priority-order": "Priority order: the urgent first",
    "eligibility": "Eligibility decided, with the deciding test",
    "application-flaws": "Application flaws spotted",
    "goals": "Goals: specific, measurable, dated, tied to a need",
    "referrals": "Referrals that fit a need and the client",
    "rights": "Rights and responsibilities explained",
    "coordination": "Coordination and delegation",
    "revision": "Plan retooled after each follow-up event",
    "progress-note": "Progress note (graded by your instructor)",
}

CRITERIA = {
    "critical-needs": critical_needs,
    "needs-coverage": needs_coverage,
    "priority-order": priority_order,
    "eligibility": eligibility,
    "application-flaws": application_flaws,
    "goals": goals,
    "referrals": referrals,
    "rights": rights,
    "coordination": coordination,
    "revision": revision,
}


@dataclass(frozen=True)
class CriterionResult:
    id: str
    title: str
    points: float
    max: float
    feedback: str

    @property
    def fraction(self) -> float:
        return self.points / self.max if self.max else 0.0


def _capped(results: list[CriterionResult], share: float, message: str) -> list[CriterionResult]:
    """Scale every criterion by ``share``, the reason said first, and each other comment saying its points are held.

    The total can then never pass ``share`` of the maximum, and two plans that both miss the critical
    need keep their order: the more careful one still scores more."""
    held = f"Held to {share:.0%} of its points until the plan deals with the critical need (see the first comment)."
    out = [replace(r, points=float(math.floor(r.points * share * 100 + 1e-9) / 100),
                   feedback=r.feedback if i == 0 or r.points == 0 else f"{r.feedback} {held}")
           for i, r in enumerate(results)]
    if out:
        out[0] = replace(out[0], feedback=f"{message} {out[0].feedback}")
    return out


def score(plan: Plan, case: Case, key: Key, library: CaseLibrary | None = None) -> list[CriterionResult]:
    """Score ``plan`` on every code-graded criterion of ``key``'s rubric.

    The intake criteria judge the plan as it was when the learner first saved it; the revision
    criterion judges what was changed after each event. The progress note is left to a human grader
    (see :func:`manual_criteria`). Points are Python floats rounded to 2 places, never above the
    criterion's maximum, and never above the critical-need gate's share in total while a critical
    need is missed.
    """
    lib = library or CaseLibrary.load()
    ctx = Context(plan, case, key, lib)
    results = []
    for criterion in key.rubric:
        if criterion.id in MANUAL_CRITERIA:
            continue
        fraction, feedback = CRITERIA[criterion.id](ctx)
        points = float(round(min(1.0, max(0.0, fraction)) * criterion.points, 2))
        results.append(CriterionResult(criterion.id, TITLES[criterion.id], points, float(criterion.points), feedback))
    message = gate(ctx)
    if message:
        results = _capped(results, ctx.policy.critical_gate, message)
    return results


def manual_criteria(key: Key) -> list[tuple[str, str, float]]:
    """(id, title, max points) of the criteria a person grades."""
    return [(c.id, TITLES[c.id], float(c.points)) for c in key.rubric if c.id in MANUAL_CRITERIA]


def total(results: list[CriterionResult]) -> tuple[float, float]:
    return float(round(sum(r.points for r in results), 2)), float(sum(r.max for r in results))
