"""The planning criteria: eligibility, application flaws, goals, rights and coordination."""

from __future__ import annotations

import datetime as dt
import re

from casekit.cases.schema import KeyNeed
from casekit.casework.plan import Goal
from casekit.casework.rubric.context import Context, clamp, join
from casekit.cases.text import content_stems, mentions, shared
from casekit.errors import CasekitError


def eligibility(ctx: Context) -> tuple[float, str]:
    shares, notes = [], []
    credit = ctx.policy.eligibility_credit
    for item in ctx.key.eligibility:
        # A decision counts for the member the key names (the client when it names none), never another.
        truth = ctx.determination(item.program, item.member)
        mine = ctx.plan.decision(item.program, ctx.member(item.member))
        name = truth.program_name + ctx.for_whom(item.member)
        if mine is None:
            shares.append(0.0)
            notes.append(f"No decision on {name}. {item.why_it_matters}")
            continue
        share = 0.0
        if mine.eligible == truth.met:
            share += credit.right_result
            if mine.deciding_test in truth.deciding_tests:
                share += credit.deciding_test
            else:
                tests = join([truth.test(t).name for t in truth.deciding_tests])
                notes.append(f"{name}: right result; the deciding test was {tests}. Name it, so the client knows "
                             "what to change or appeal.")
        else:
            notes.append(f"{name}: the rules give '{truth.label}'. "
                         f"{' '.join(t.sentence for t in truth.tests if t.id in truth.deciding_tests)}")
        shares.append(share)
    return sum(shares) / len(shares), " ".join(notes) or "Every eligibility decision is right, with the test that decided it."


def application_flaws(ctx: Context) -> tuple[float, str]:
    """Each flaw is found by flagging any of the items it shows in; a flag on an item in order costs."""
    flagged = {f.item: f for f in ctx.plan.flags}
    got, missed = 0.0, []
    for flaw in ctx.key.application_flaws:
        mine = next((flagged[i] for i in flaw.items if i in flagged), None)
        if mine is None:
            missed.append(flaw)
        else:
            got += 1.0 if mine.kind == flaw.kind else 0.5
    in_some_flaw = {i for f in ctx.key.application_flaws for i in f.items}
    wrong = [i for i in flagged if i not in in_some_flaw]
    value = clamp((got - ctx.policy.wrong_pick_cost * len(wrong)) / len(ctx.key.application_flaws))
    labels = {i.id: i.label for i in ctx.case.application.items}
    parts = [f"Missed: {f.explanation}" for f in missed]
    if wrong:
        parts.append(f"Flagged but in order: {join([repr(labels.get(i, i)) for i in wrong])}.")
    return value, " ".join(parts) or "You caught every gap and inconsistency in the application."


# -- goals -----------------------------------------------------------------------------------

_DIGIT = re.compile(r"\d")


def need_vocabulary(ctx: Context, need: KeyNeed) -> set[str]:
    """The words a goal for ``need`` may share with it: the catalogue's and the key's account of it."""
    texts = [need.why]
    for i in need.ids:
        entry = ctx.lib.needs.get(i)
        if entry:
            texts += [entry.title, entry.description]
    texts += [f"{g.example} {g.measure}" for g in ctx.key.goals if g.need in need.ids]
    if need.in_house:
        texts.append(" ".join([need.in_house.how, *need.in_house.terms]))
    stems: set[str] = set()
    for t in texts:
        stems |= content_stems(t, ctx.stop_words, ctx.name_words)
    return stems


def goal_lacks(ctx: Context, goal: Goal, need: KeyNeed) -> list[str]:
    """What a goal still lacks: specific (who does what for the need), measurable, dated."""
    text = f"{goal.what} {goal.measure}"
    ft = ctx.policy.free_text
    lacks = []
    stems = content_stems(goal.what, ctx.stop_words, ctx.name_words)
    vocabulary = need_vocabulary(ctx, need)
    # Who acts may be said in the goal or in its measure ("... agreed with Marcus").
    names_actor = any(w in ctx.actor_words for w in re.findall(r"[a-z]+", text.lower()))
    if not names_actor or len(shared(stems, vocabulary)) < ft.need_words:
        lacks.append("specific (say who does what for this need)")
    observed = (any(mentions(goal.measure, w) for w in ft.completion_words)
                and shared(content_stems(goal.measure, ctx.stop_words, ctx.name_words), vocabulary))
    if not (observed or _DIGIT.search(text) or any(mentions(text, m) for m in [*ft.number_words, *ft.measurable])):
        lacks.append("measurable (name a number, a threshold, how often, or an event or document someone can check)")
    horizon = ctx.policy.goal_horizon_days
    if goal.target_date is None or not (ctx.intake_date <= goal.target_date <= ctx.intake_date + dt.timedelta(days=horizon)):
        lacks.append(f"dated (a target date from the intake day to {horizon} days after it)")
    return lacks


def _goals_by_need(ctx: Context) -> dict[str, list[Goal]]:
    """The learner's goals under the key need each answers; one goal's words answer one need only, so a goal
    copied under a second need's id counts for the first."""
    out: dict[str, list[Goal]] = {}
    used: set[str] = set()
    for g in ctx.plan.goals:
        need = ctx.key_need(g.need)
        text = " ".join(f"{g.what} {g.measure}".lower().split())
        if need is None or text in used:
            continue
        used.add(text)
        out.setdefault(need.need, []).append(g)
    return out


def goals(ctx: Context) -> tuple[float, str]:
    shares, notes = [], []
    by_need = _goals_by_need(ctx)
    for kg in ctx.key.goals:
        need = ctx.key.need(kg.need)
        if need is None:  # `casekit cases validate` reports such a key; scoring cannot guess the need meant
            raise CasekitError(f"the key for {ctx.key.case} has a goal for {kg.need!r}, which is not among the key's "
                               "needs; run `casekit cases validate` to see the fix")
        mine = by_need.get(need.need, [])
        if not mine:
            shares.append(0.0)
            notes.append(f"No goal for {ctx.title(kg.need)}; for example: {kg.example}")
            continue
        lacks = min((goal_lacks(ctx, g, need) for g in mine), key=len)
        shares.append((3 - len(lacks)) / 3)
        if lacks:
            lacking = ", ".join(lacks[:-1]) + " or " + lacks[-1] if len(lacks) > 1 else lacks[0]
            notes.append(f"Your goal for {ctx.title(kg.need)} is not yet {lacking}.")
    return sum(shares) / len(shares), " ".join(notes) or "Every goal is specific, measurable, dated and tied to a need."


# -- rights and coordination ------------------------------------------------------------------

def rights(ctx: Context) -> tuple[float, str]:
    tiers = ctx.key.rights
    mine = list(dict.fromkeys(ctx.plan.rights))
    required = set(tiers.required)
    fine = required | set(tiers.acceptable)
    wrong = [r for r in mine if r not in fine]
    got = len(required & set(mine))
    value = clamp((got - ctx.policy.wrong_pick_cost * len(wrong)) / len(required))

    def text(r: str) -> str:
        return ctx.lib.rights[r].text if r in ctx.lib.rights else r

    parts = []
    missed = [text(r) for r in tiers.required if r not in mine]
    if missed:
        parts.append("Still to explain: " + " ".join(missed))
    if wrong:
        parts.append("Not for this client now: " + " ".join(text(r) for r in wrong)
                     + " A client given every right at once remembers none; pick the ones their situation calls for.")
    return value, " ".join(parts) or "You explained the rights and responsibilities this client needs to know."


def coordination(ctx: Context) -> tuple[float, str]:
    asked = {r.provider for r in ctx.plan.information_requests}
    wanted = [r for r in ctx.key.information_requests if r.required] or ctx.key.information_requests
    info = sum(1 for r in wanted if r.provider in asked) / len(wanted)
    suitable = {d.task: set(d.roles) for d in ctx.key.delegation}
    required = [d.task for d in ctx.key.delegation if d.required] or list(suitable)
    given: dict[str, str] = {d.task: d.role for d in ctx.plan.delegations}
    good = sum(1 for t in required if given.get(t) in suitable[t])
    bad = [(t, r) for t, r in given.items() if t in suitable and r not in suitable[t]]
    unneeded = {u.task: u.why for u in ctx.key.unneeded_tasks}
    wasted = [t for t in given if t in unneeded]
    deleg = clamp((good - ctx.policy.wrong_pick_cost * (len(bad) + len(wasted))) / len(required))
    parts = []
    providers = {p.id: p.name for p in ctx.case.providers}
    for r in wanted:
        if r.provider not in asked:
            # What the key says to exchange is a phrase to ask or to tell ("whether...", "that..."), so it follows a colon.
            parts.append(f"Get in touch with {providers.get(r.provider, r.provider)}: {r.information}.")
    tasks = {t.id: t.text for t in ctx.case.tasks}
    for t, role_id in bad:
        role = ctx.lib.roles.get(role_id)
        parts.append(f"'{tasks.get(t, t)}' is outside the scope of a {role.title.lower() if role else role_id}.")
    for t in wasted:
        parts.append(f"'{tasks.get(t, t)}' is not needed for this client: {unneeded[t]}")
    for t in required:
        if t not in given:
            parts.append(f"Nobody owns '{tasks.get(t, t)}' yet.")
    return (info + deleg) / 2, " ".join(parts) or ("You gathered what you need from each provider and delegated "
                                                    "within each role's scope.")
