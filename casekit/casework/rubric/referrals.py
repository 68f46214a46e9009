"""Referrals: each key need met by a resource that fits it and the client, or by the team's own work.

One agency that serves several needs the plan names is credited for each of them from one referral;
a need the key says the team meets itself is met by the task, role or action step the key names.
"""

from __future__ import annotations

from casekit.cases.schema import KeyNeed
from casekit.casework.rubric.context import Context, clamp, join
from casekit.cases.text import expresses


def in_house_work(ctx: Context, need: KeyNeed, plan=None) -> str | None:
    """How the plan meets ``need`` in-house, in words, or None when it does not."""
    ih = need.in_house
    if ih is None:
        return None
    plan = plan or ctx.plan
    suitable = {d.task: set(d.roles) for d in ctx.key.delegation}
    tasks = {t.id: t.text for t in ctx.case.tasks}
    for d in plan.delegations:
        if d.task in ih.tasks and (d.task not in suitable or d.role in suitable[d.task]):
            role = ctx.lib.roles.get(d.role)
            return f"'{tasks.get(d.task, d.task)}' given to the {role.title.lower() if role else d.role}"
    for a in plan.actions:
        if (not ih.roles or a.owner_role in ih.roles) and any(expresses(a.text, t, ctx.stop_words) for t in ih.terms):
            role = ctx.lib.roles.get(a.owner_role)
            owner = role.title.lower() if role else "case manager"
            return f"the action step '{a.text}' ({owner})"
    return None


def referrals(ctx: Context) -> tuple[float, str]:
    referred = {r.need for r in ctx.key.referrals}
    targets = [n for n in ctx.intake_needs if n.need in referred or n.in_house]
    covered: dict[str, str] = {}
    bad, fitting = [], []
    for ref in ctx.plan.referrals:
        need = ctx.key_need(ref.need)
        if need is not None and need.after_event is not None:
            # A need the key dates to a later event is neutral at intake, as in needs-coverage.
            continue
        problem = ctx.referral_problem(ref.resource, need, named=ref.need, member=ref.member)
        if problem:
            bad.append(problem)
        elif need is not None:
            covered.setdefault(need.need, "referral")
            fitting.append((ref.resource, ref.member))
    # What the learner meant for a need: a referral for it, else the team's own work, else another
    # referral whose resource serves it too.
    in_house = []
    for n in targets:
        if n.need not in covered:
            how = in_house_work(ctx, n)
            if how:
                covered[n.need] = "in-house"
                in_house.append(f"{ctx.title(n.need)} by the team's own work ({how})")
    # One referral credits every need the plan names that the same resource serves and fits.
    for rid, member in dict.fromkeys(fitting):
        for n in targets:
            if n.need in ctx.found and n.need not in covered and ctx.referral_problem(rid, n, member=member) is None:
                covered[n.need] = "referral"
    target_ids = {n.need for n in targets}
    got = len(target_ids & set(covered))
    value = clamp((got - ctx.policy.wrong_pick_cost * len(bad)) / len(targets)) if targets else 0.0
    parts = []
    missing = [ctx.title(n.need) for n in targets if n.need not in covered]
    if missing:
        # Need titles are names ("No health coverage"), so they are listed, not read into the sentence.
        parts.append(f"No suitable referral yet for {'this need' if len(missing) == 1 else 'these needs'}: "
                     f"{'; '.join(missing)}.")
    if bad:
        parts.append("Unsuitable: " + "; ".join(bad) + ". A referral the client cannot use costs them a wait for nothing.")
    if in_house:
        parts.append("You meet " + join(in_house) + ", which serves the client as well as a referral would.")
    if not missing and not bad:
        parts.insert(0, "Each need has a referral that fits it and the client, or the team meets it itself.")
    return value, " ".join(parts)
