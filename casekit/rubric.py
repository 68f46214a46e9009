"""Scoring a learner's plan against a case and its key, one criterion at a time.

The same function serves the self-check in a learner's notebook and the hidden
autograder cells of the nbgrader course, so a learner sees at home exactly what an
instructor's gradebook will show.

Each criterion turns into a fraction between 0 and 1 of its points. The properties the
tests pin down for every case: an empty plan scores 0; the key's model plan scores full
marks; adding a correct element never lowers a score; a wrong referral or a need the
facts do not support lowers it; missing a critical need costs more than missing a low one.
Wrong picks cost half of what a right pick earns, so guessing everything does not pay.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import combinations

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import MANUAL_CRITERIA, Case, Key, Severity
from casekit.eligibility.engine import Determination, determine
from casekit.eligibility.facts import Facts, household_facts
from casekit.eligibility.resources import unmet_criteria
from casekit.errors import CasekitError
from casekit.plan import Plan

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


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class _Scorer:
    def __init__(self, plan: Plan, case: Case, key: Key, lib: CaseLibrary):
        self.plan, self.case, self.key, self.lib = plan, case, key, lib
        if lib.policy is None:
            raise CasekitError("casestudies/rubric_policy.yaml could not be read, so nothing can be scored; "
                               "run `casekit cases validate` to see why")
        self.policy = lib.policy
        self.facts = household_facts(case)
        self.intake_needs = [n for n in key.needs if n.after_event is None]

    def title(self, need_id: str) -> str:
        n = self.lib.needs.get(need_id)
        return n.title.lower() if n else need_id

    def source(self, ref: str) -> str:
        """A key's fact reference in words: ``report:x`` -> the report's title."""
        kind, _, ident = ref.partition(":")
        if kind == "report":
            return next((f"the {r.title}" for r in self.case.reports if r.id == ident), ref)
        if kind == "application":
            return next((f"the application's '{i.label}'" for i in self.case.application.items if i.id == ident), ref)
        if kind == "event":
            return next((f"the event '{e.title}'" for e in self.case.events if e.id == ident), ref)
        if kind == "fact":
            return f"the verified facts ({ident.replace('_', ' ')})"
        return {"presenting_situation": "the presenting situation", "household": "the household", "client": "the client's background"}.get(ref, ref)

    def determination(self, program: str) -> Determination:
        return determine(self.lib.programs.get(program), self.facts, self.lib.guidelines)

    def facts_after(self, event_id: str) -> Facts:
        """The eligibility facts once ``event_id`` and every event before it have happened."""
        changes: dict = {}
        for event in sorted(self.case.events, key=lambda e: e.day):
            changes.update(event.fact_changes)
            if event.id == event_id:
                break
        return household_facts(self.case, changes)

    # -- needs -----------------------------------------------------------------------

    def critical_needs(self) -> tuple[float, str]:
        urgent = [n for n in self.intake_needs if n.severity in (Severity.critical, Severity.immediate)]
        found = set(self.plan.need_ids())
        missed = [n for n in urgent if n.need not in found]
        total = sum(n.severity.weight for n in urgent)
        got = sum(n.severity.weight for n in urgent if n.need in found)
        if not total:
            return 0.0, "This case's key names no critical or immediate need; tell the case's author."
        if not missed:
            return 1.0, "You found every critical and immediate need. Those are the ones that cannot wait."
        why = " ".join(f"{self.title(n.need).capitalize()}: {n.why}" for n in missed)
        needs = "1 urgent need" if len(missed) == 1 else f"{len(missed)} urgent needs"
        return got / total, f"You missed {needs}. {why}"

    def needs_coverage(self) -> tuple[float, str]:
        found = self.plan.need_ids()
        key_ids = {n.need for n in self.key.needs}
        intake = {n.need: n for n in self.intake_needs}
        total = sum(n.severity.weight for n in self.intake_needs)
        got = sum(intake[n].severity.weight for n in found if n in intake)
        unsupported = [n for n in found if n not in key_ids]
        missed = [n for n in self.intake_needs if n.need not in found]
        value = _clamp((got - self.policy.wrong_pick_cost * Severity.low.weight * len(unsupported)) / total)
        parts = []
        if missed:
            worst = sorted(missed, key=lambda n: n.severity.rank)[:3]
            named = [f"{self.title(n.need)} ({n.severity.value})" for n in worst]
            if len(missed) > 3:
                named.append(f"{len(missed) - 3} more")
            sources = dict.fromkeys(self.source(r) for n in worst for r in n.revealed_by)
            parts.append(f"Missed: {_join(named)}. Look again at {_join(list(sources))}.")
        if unsupported:
            parts.append(
                "Not supported by the facts: " + _join([self.title(n) for n in unsupported])
                + ". A plan built on needs the client does not have wastes their time and the team's."
            )
        return value, " ".join(parts) or "You identified every need the facts show at intake, and nothing extra."

    def priority_order(self) -> tuple[float, str]:
        order = {n: i for i, n in enumerate(self.plan.need_ids())}
        pairs = [(a, b) for a, b in combinations(self.intake_needs, 2) if a.severity != b.severity]
        if not pairs:
            found = [n for n in self.intake_needs if n.need in order]
            return len(found) / len(self.intake_needs), "All needs here share one severity; order them as you judge."
        good, wrong = 0, []
        for a, b in pairs:
            first, second = (a, b) if a.severity.rank < b.severity.rank else (b, a)
            if first.need in order and second.need in order:
                if order[first.need] < order[second.need]:
                    good += 1
                else:
                    wrong.append((first, second))
        value = good / len(pairs)
        if wrong:
            a, b = wrong[0]
            return value, (
                f"{self.title(a.need).capitalize()} ({a.severity.value}) should come before "
                f"{self.title(b.need)} ({b.severity.value}): deal with what can harm the client soonest first."
            )
        if value < 1 and good == 0:
            return value, ("Too few of the needs were found to judge their order: find the needs you missed, "
                           "then put the critical and immediate ones first.")
        if value < 1:
            return value, (f"Your order is right for the needs you found, but they make only {good} of the {len(pairs)} "
                           "pairs of needs to rank; find the needs you missed to earn the rest.")
        return value, "Critical and immediate needs come first in your plan, as they should."

    # -- eligibility ------------------------------------------------------------------

    def eligibility(self) -> tuple[float, str]:
        shares, notes = [], []
        for item in self.key.eligibility:
            truth = self.determination(item.program)
            mine = self.plan.decision(item.program)
            name = truth.program_name
            if mine is None:
                shares.append(0.0)
                notes.append(f"No decision on {name}. {item.why_it_matters}")
                continue
            share = 0.0
            if mine.eligible == truth.met:
                share += self.policy.eligibility_credit.right_result
                if mine.deciding_test in truth.deciding_tests:
                    share += self.policy.eligibility_credit.deciding_test
                else:
                    tests = _join([truth.test(t).name for t in truth.deciding_tests])
                    notes.append(f"{name}: right result; the deciding test was {tests}. Name it, so the client knows what to change or appeal.")
            else:
                notes.append(f"{name}: the rules give '{truth.label}'. {' '.join(t.sentence for t in truth.tests if t.id in truth.deciding_tests)}")
            shares.append(share)
        value = sum(shares) / len(shares)
        return value, " ".join(notes) or "Every eligibility decision is right, with the test that decided it."

    # -- application ------------------------------------------------------------------

    def application_flaws(self) -> tuple[float, str]:
        flaws = {f.item: f for f in self.key.application_flaws}
        got, wrong, missed = 0.0, [], []
        flagged = {f.item: f for f in self.plan.flags}
        for item, flaw in flaws.items():
            mine = flagged.get(item)
            if mine is None:
                missed.append(flaw)
            else:
                got += 1.0 if mine.kind == flaw.kind else 0.5
        wrong = [i for i in flagged if i not in flaws]
        value = _clamp((got - self.policy.wrong_pick_cost * len(wrong)) / len(flaws))
        parts = [f"Missed: {f.explanation}" for f in missed]
        if wrong:
            parts.append(f"Flagged but in order: {_join(wrong)}.")
        return value, " ".join(parts) or "You caught every gap and inconsistency in the application."

    # -- planning ---------------------------------------------------------------------

    @staticmethod
    def goal_quality(goal, intake: dt.date, horizon_days: int) -> tuple[float, list[str]]:
        lacks = []
        if len(goal.what.split()) < 5:
            lacks.append("specific (say who does what)")
        if not re.search(r"\d", goal.measure or "") and len((goal.measure or "").split()) < 3:
            lacks.append("measurable (a number or an observable result)")
        if goal.target_date is None or not (intake < goal.target_date <= intake + dt.timedelta(days=horizon_days)):
            lacks.append(f"dated (a target date within {horizon_days} days of intake)")
        return (3 - len(lacks)) / 3, lacks

    def goals(self) -> tuple[float, str]:
        shares, notes = [], []
        for kg in self.key.goals:
            mine = [g for g in self.plan.goals if g.need == kg.need]
            if not mine:
                shares.append(0.0)
                notes.append(f"No goal for {self.title(kg.need)}; for example: {kg.example}")
                continue
            best, lacks = max((self.goal_quality(g, self.case.intake_date, self.policy.goal_horizon_days) for g in mine), key=lambda q: q[0])
            shares.append(best)
            if lacks:
                notes.append(f"Your goal for {self.title(kg.need)} is not yet {_join(lacks)}.")
        value = sum(shares) / len(shares)
        return value, " ".join(notes) or "Every goal is specific, measurable, dated and tied to a need."

    def referral_problem(self, resource_id: str, need_id: str, needs: set[str], facts: Facts | None = None) -> str | None:
        """Why a referral does not fit, or None when it does (``facts``: the client's, default at intake)."""
        res = self.lib.resources.get(resource_id)
        if res is None:
            return f"{resource_id!r} is not in the resource directory"
        if need_id not in needs:
            return f"{res.name}: {self.title(need_id)} is not a need the facts show"
        if need_id not in res.serves_needs:
            return f"{res.name} does not serve {self.title(need_id)}"
        unmet = unmet_criteria(res, self.facts if facts is None else facts, self.case.setting, self.lib.guidelines)
        if unmet:
            return f"{res.name} {_join(unmet)}"
        need = self.key.need(need_id)
        if need is not None and self.policy.too_long_a_wait(res, need.severity):
            return (
                f"{res.name} has a {res.wait_days}-day wait, too long for a {need.severity.value} need "
                f"(at most {self.policy.max_wait_days[need.severity]} days)"
            )
        return None

    def referrals(self) -> tuple[float, str]:
        needs = {n.need for n in self.intake_needs}
        targets = {r.need for r in self.key.referrals if r.need in needs}
        covered, bad = set(), []
        for ref in self.plan.referrals:
            problem = self.referral_problem(ref.resource, ref.need, needs)
            if problem:
                bad.append(problem)
            elif ref.need in targets:
                covered.add(ref.need)
        value = _clamp((len(covered) - self.policy.wrong_pick_cost * len(bad)) / len(targets)) if targets else 0.0
        parts = []
        missing = [self.title(n) for n in sorted(targets - covered)]
        if missing:
            parts.append(f"No suitable referral yet for {_join(missing)}.")
        if bad:
            parts.append("Unsuitable: " + "; ".join(bad) + ". A referral the client cannot use costs them a wait for nothing.")
        return value, " ".join(parts) or "Each referral fits a real need and a resource whose criteria the client meets."

    def rights(self) -> tuple[float, str]:
        expected = set(self.key.rights)
        mine = set(self.plan.rights)
        wrong = sorted(mine - expected)
        got = len(expected & mine)
        value = _clamp((got - self.policy.wrong_pick_cost * len(wrong)) / len(expected))
        parts = []
        missed = [self.lib.rights[r].text for r in sorted(expected - mine) if r in self.lib.rights]
        if missed:
            parts.append("Still to explain: " + " ".join(missed))
        if wrong:
            named = [self.lib.rights[r].text if r in self.lib.rights else r for r in wrong]
            parts.append(
                "Not needed for this client now: " + " ".join(named)
                + " A client given every right at once remembers none; pick the ones their situation calls for."
            )
        return value, " ".join(parts) or "You explained the rights and responsibilities this client needs to know."

    def coordination(self) -> tuple[float, str]:
        asked = {r.provider for r in self.plan.information_requests}
        wanted = self.key.information_requests
        info = sum(1 for r in wanted if r.provider in asked) / len(wanted)
        suitable = {d.task: set(d.roles) for d in self.key.delegation}
        given: dict[str, str] = {d.task: d.role for d in self.plan.delegations}
        good = sum(1 for t, roles in suitable.items() if given.get(t) in roles)
        bad = [(t, r) for t, r in given.items() if t in suitable and r not in suitable[t]]
        unneeded = {u.task: u.why for u in self.key.unneeded_tasks}
        wasted = [t for t in given if t in unneeded]
        deleg = _clamp((good - self.policy.wrong_pick_cost * (len(bad) + len(wasted))) / len(suitable))
        parts = []
        providers = {p.id: p.name for p in self.case.providers}
        for r in wanted:
            if r.provider not in asked:
                parts.append(f"Ask {providers.get(r.provider, r.provider)} for {r.information}.")
        tasks = {t.id: t.text for t in self.case.tasks}
        for t, r in bad:
            role = self.lib.roles.get(r)
            parts.append(f"'{tasks.get(t, t)}' is outside the scope of a {role.title.lower() if role else r}.")
        for t in wasted:
            parts.append(f"'{tasks.get(t, t)}' is not needed for this client: {unneeded[t]}")
        for t in suitable:
            if t not in given:
                parts.append(f"Nobody owns '{tasks.get(t, t)}' yet.")
        return (info + deleg) / 2, " ".join(parts) or "You gathered what you need from each provider and delegated within each role's scope."

    def revision(self) -> tuple[float, str]:
        if not self.plan.initial_saved:
            # The events are revealed only once the first plan is saved: say nothing about them before.
            return 0.0, ("Save your first plan to see what happens next; this criterion scores how you "
                         "retool the plan after each follow-up event.")
        shares, notes = [], []
        for kev in self.key.events:
            event = self.case.event(kev.event)
            mine = self.plan.revision(kev.event)
            if mine is None:
                shares.append(0.0)
                notes.append(f"After '{event.title}' the plan was not revised. {kev.explanation}")
                continue
            parts = [1.0 if len(mine.note.split()) >= 5 else 0.0]
            if kev.new_needs:
                parts.append(sum(1 for n in kev.new_needs if n in mine.new_needs) / len(kev.new_needs))
            if kev.new_referrals:
                new_needs = set(kev.new_needs) | {n.need for n in self.intake_needs}
                facts = self.facts_after(kev.event)  # an income drop may open resources closed at intake
                fits = [
                    r for r in mine.new_referrals
                    if r in kev.new_referrals
                    or any(self.referral_problem(r, n, new_needs, facts) is None for n in kev.new_needs)
                ]
                parts.append(min(1.0, len(set(fits)) / len(kev.new_referrals)))
            if kev.redetermine:
                parts.append(sum(1 for p in kev.redetermine if p in mine.redetermine) / len(kev.redetermine))
            share = sum(parts) / len(parts)
            shares.append(share)
            if share < 1:
                notes.append(f"After '{event.title}': {kev.explanation}")
        value = sum(shares) / len(shares)
        return value, " ".join(notes) or "You retooled the plan after every event, as the new facts required."


def score(plan: Plan, case: Case, key: Key, library: CaseLibrary | None = None) -> list[CriterionResult]:
    """Score ``plan`` on every code-graded criterion of ``key``'s rubric.

    The progress note is left to a human grader (see :func:`manual_criteria`).
    Points are Python floats rounded to 2 places, never above the criterion's maximum.
    """
    lib = library or CaseLibrary.load()
    scorer = _Scorer(plan, case, key, lib)
    results = []
    for criterion in key.rubric:
        if criterion.id in MANUAL_CRITERIA:
            continue
        fraction, feedback = getattr(scorer, criterion.id.replace("-", "_"))()
        points = float(round(_clamp(fraction) * criterion.points, 2))
        results.append(CriterionResult(criterion.id, TITLES[criterion.id], points, float(criterion.points), feedback))
    return results


def manual_criteria(key: Key) -> list[tuple[str, str, float]]:
    """(id, title, max points) of the criteria a person grades."""
    return [(c.id, TITLES[c.id], float(c.points)) for c in key.rubric if c.id in MANUAL_CRITERIA]


def total(results: list[CriterionResult]) -> tuple[float, float]:
    return float(round(sum(r.points for r in results), 2)), float(sum(r.max for r in results))
