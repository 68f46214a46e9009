"""The needs criteria: the urgent ones found and seen as urgent, the rest found, and the order.

A critical or immediate need counts as found here only when the learner also rates it critical or
immediate: finding a fire risk and filing it under "low" is not seeing that it cannot wait.
"""

from __future__ import annotations

from itertools import combinations

from casekit.cases.schema import KeyNeed, Severity
from casekit.casework.rubric.context import Context, clamp, join

URGENT = (Severity.critical, Severity.immediate)


def _rated_urgent(ctx: Context, need: KeyNeed) -> bool:
    mine = ctx.found.get(need.need)
    return mine is not None and mine.severity in URGENT


def gate(ctx: Context) -> str | None:
    """The supervisor's first sentence when a critical need is missed or not seen as urgent, else None."""
    critical = [n for n in ctx.intake_needs if n.severity is Severity.critical]
    missed = [n for n in critical if n.need not in ctx.found]
    low = [n for n in critical if n.need in ctx.found and not _rated_urgent(ctx, n)]
    if not missed and not low:
        return None
    share = f"{ctx.policy.critical_gate:.0%}"
    parts = []
    if missed:
        parts.append(f"this plan does not deal with {ctx.client_name}'s {join([ctx.title(n.need) for n in missed])}, "
                     "the one thing here that cannot wait")
    if low:
        rated = join([f"{ctx.title(n.need)} as {ctx.found[n.need].severity.value}" for n in low])
        parts.append(f"it lists {rated}, when it is critical and has to be acted on first")
    return (f"Before anything else: {join(parts)}. Until it does, the plan can earn at most {share} of the "
            "code-graded points, however good the rest is.")


def critical_needs(ctx: Context) -> tuple[float, str]:
    urgent = [n for n in ctx.intake_needs if n.severity in URGENT]
    total = sum(n.severity.weight for n in urgent)
    if not total:
        return 0.0, "This case's key names no critical or immediate need; tell the case's author."
    got, missed, low = 0.0, [], []
    for n in urgent:
        if n.need not in ctx.found:
            missed.append(n)
        elif _rated_urgent(ctx, n):
            got += n.severity.weight
        else:
            got += ctx.policy.unrecognised_urgency_credit * n.severity.weight
            low.append(n)
    # A need the facts do not show, rated as if it could not wait, is a false alarm: it sends the team after it
    # first. A few are a judgement needs-coverage already weighs (a need named twice, a risk read more gravely);
    # past as many as the case has urgent needs (and at least two), each takes back a wrong pick's share of an
    # average urgent need, so rating everything critical scores nothing here: when everything is urgent, nothing is.
    alarms = [mine.need for mine in ctx.plan.needs if mine.need in ctx.unsupported and mine.severity in URGENT]
    excess = max(0, len(alarms) - max(2, len(urgent)))
    got = max(0.0, got - ctx.policy.wrong_pick_cost * (total / len(urgent)) * excess)
    if not missed and not low and not excess:
        return 1.0, "You found every critical and immediate need and rated each as urgent: those are the ones that cannot wait."
    parts = []
    if excess:
        shown = join([ctx.title(a) for a in alarms[:3]] + ([f"{len(alarms) - 3} more"] if len(alarms) > 3 else []))
        parts.append(f"You rated as critical or immediate what the facts do not show: {shown}. A false alarm sends "
                     "the team after it before what really cannot wait.")
    if missed:
        needs = "1 urgent need" if len(missed) == 1 else f"{len(missed)} urgent needs"
        parts.append(f"You missed {needs}. " + " ".join(f"{ctx.title(n.need).capitalize()}: {n.why}" for n in missed))
    for n in low:
        mine = ctx.found[n.need]
        parts.append(f"You found {ctx.title(n.need)} but rated it {mine.severity.value}; it is {n.severity.value}, "
                     f"so it has to be acted on before anything else. {n.why}")
    return got / total, " ".join(parts)


def needs_coverage(ctx: Context) -> tuple[float, str]:
    total = sum(n.severity.weight for n in ctx.intake_needs)
    intake = {n.need for n in ctx.intake_needs}
    # A need rated two or more levels more urgent than the facts make it is found, but crowds out the urgent
    # ones: it earns what is left of its weight after a wrong pick's cost.
    inflated = [n for n in ctx.intake_needs if n.need in ctx.found
                and n.severity.rank - ctx.found[n.need].severity.rank >= 2]
    got = sum(n.severity.weight * ((1 - ctx.policy.wrong_pick_cost) if n in inflated else 1.0)
              for n in ctx.intake_needs if n.need in ctx.found)
    unsupported = ctx.unsupported
    # A wrong pick takes back its share of what an average right pick here earns.
    average = total / len(ctx.intake_needs)
    value = clamp((got - ctx.policy.wrong_pick_cost * average * len(unsupported)) / total)
    missed = [n for n in ctx.intake_needs if n.need not in ctx.found]
    parts = []
    if missed:
        worst = sorted(missed, key=lambda n: n.severity.rank)[:3]
        named = [f"{ctx.title(n.need)} ({n.severity.value})" for n in worst]
        if len(missed) > 3:
            named.append(f"{len(missed) - 3} more")
        sources = dict.fromkeys(ctx.source(r) for n in worst for r in n.revealed_by)
        parts.append(f"Missed: {join(named)}. Look again at {join(list(sources))}.")
    if unsupported:
        parts.append("Not supported by the facts: " + join([ctx.title(n) for n in unsupported])
                     + ". A plan built on needs the client does not have wastes their time and the team's.")
    if inflated:
        parts.append("Rated more urgent than the facts show: " + join(
            [f"{ctx.title(n.need)} ({ctx.found[n.need].severity.value}; the facts make it {n.severity.value})"
             for n in inflated]) + ". When everything is urgent, nothing is.")
    repeats = [(mine, kn) for mine, kn in ctx.repeats if kn in intake]
    if repeats:
        parts.append(" ".join(f"{ctx.title(mine).capitalize()} and {ctx.title(ctx.found[kn].need)} name the same "
                              "finding here; it counts once." for mine, kn in repeats))
    return value, " ".join(parts) or "You identified every need the facts show at intake, and nothing extra."


def _matters(a: int, b: int) -> bool:
    """Is putting a need of rank ``b`` (less urgent) before one of rank ``a`` an inversion a supervisor would
    correct? An urgent need below a non-urgent one is; so is any pair two or more levels apart. Critical
    against immediate, or high against moderate, is a judgement call."""
    return (a <= 1 < b) or (b - a >= 2)


def priority_order(ctx: Context) -> tuple[float, str]:
    """The order of the needs the learner found (finding them is needs-coverage's business).

    Each need is ranked at the learner's own severity where it is within one level of the key's (a
    defensible judgement), else at the key's: an order that follows a fair rating is not an inversion."""
    keyed = {n.need: n for n in ctx.key.needs}
    ranked = []
    for k, mine in ctx.found.items():
        need = keyed[k]
        if need.after_event is not None:
            continue
        rank = mine.severity.rank if abs(mine.severity.rank - need.severity.rank) <= 1 else need.severity.rank
        ranked.append((need, mine.priority, rank))
    if len(ranked) < 2:
        return 0.0, "Rank at least two of the needs you find, the most urgent first, so the order can be judged."
    pairs, wrong = 0, []
    for x, y in combinations(ranked, 2):
        first, second = (x, y) if x[2] <= y[2] else (y, x)
        if not _matters(first[2], second[2]):
            continue
        pairs += 1
        if first[1] > second[1]:
            wrong.append((first[0], second[0]))
    if not pairs:
        return 1.0, "The needs you found are close in urgency; your order is a fair judgement."
    value = 1 - len(wrong) / pairs
    if wrong:
        a, b = min(wrong, key=lambda w: (w[0].severity.rank, -w[1].severity.rank))
        more = f" ({len(wrong)} such inversions in all)" if len(wrong) > 1 else ""
        return value, (f"{ctx.title(a.need).capitalize()} ({a.severity.value}) should come before "
                       f"{ctx.title(b.need)} ({b.severity.value}){more}: deal with what can harm the client soonest first.")
    return value, "Critical and immediate needs come first in your plan, as they should."
