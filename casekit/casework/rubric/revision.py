"""Retooling the plan after each follow-up event: the note's content and the changes made.

The note is read for the actions the key lists for the event (each with the words that say it), never
for its length. Needs and referrals count wherever the learner put them after the event: in the
revision itself, or in the plan's steps edited since the first save.
"""

from __future__ import annotations

from casekit.casework.plan import Revision
from casekit.casework.rubric.context import Context, join
from casekit.casework.rubric.referrals import in_house_work
from casekit.cases.text import expresses


def revision(ctx: Context) -> tuple[float, str]:
    plan = ctx.full_plan
    if not plan.initial_saved:
        # The events are revealed only once the first plan is saved: say nothing about them before.
        return 0.0, ("Save your first plan to see what happens next; this criterion scores how you "
                     "retool the plan after each follow-up event.")
    # A referral already in the plan, or named in another event's revision, is not asked for twice. A need
    # named in a revision or added to the steps since the first save is recognised after the event; one only
    # foreseen at intake earns half, so listing every need at intake is not retooling.
    initial = {n.need for n in plan.initial.needs} if plan.initial is not None else set()
    revised = ({n.need for n in plan.needs} - initial) | {n for r in plan.revisions for n in r.new_needs}
    foreseen = {n.need for n in plan.needs} - revised
    shares, notes = [], []
    for kev in ctx.key.events:
        event = ctx.case.event(kev.event)
        mine = plan.revision(kev.event)
        if mine is None:
            # Say what the event called for that the plan still lacks, never the key's explanation (the model answer).
            _share, lacking = _event_outcome(ctx, kev, Revision(event=kev.event), revised, foreseen)
            shares.append(0.0)
            notes.append(f"After '{event.title}' the plan was not revised" + (f": {'; '.join(lacking)}." if lacking else "."))
            continue
        share, lacking = _event_outcome(ctx, kev, mine, revised, foreseen)
        shares.append(share)
        if lacking:
            lacking[0] = lacking[0][0].upper() + lacking[0][1:]
            notes.append(f"After '{event.title}': {'; '.join(lacking)}.")
    value = sum(shares) / len(shares)
    return value, " ".join(notes) or "You retooled the plan after every event, as the new facts required."


def _event_outcome(ctx: Context, kev, mine: Revision, revised: set[str], foreseen: set[str]) -> tuple[float, list[str]]:
    """The share of one event's retooling ``mine`` earns, and what it still lacks (each a phrase)."""
    lacking, structured = [], []
    note_share = None
    if kev.actions:
        said = [a for a in kev.actions if any(expresses(mine.note, t, ctx.stop_words) for t in a.terms)]
        note_share = len(said) / len(kev.actions)
        unsaid = [a.concept for a in kev.actions if a not in said]
        if unsaid:
            said_list = unsaid[0] if len(unsaid) == 1 else "; ".join(unsaid[:-1]) + "; and " + unsaid[-1]
            lacking.append(f"the note does not yet say {said_list}")
    if kev.new_needs:
        needs = [ctx.key.need(n) for n in kev.new_needs]
        got = [n for n in needs if n is not None and any(i in revised for i in n.ids)]
        early = [n for n in needs if n is not None and n not in got and any(i in foreseen for i in n.ids)]
        structured.append((len(got) + 0.5 * len(early)) / len(kev.new_needs))
        got += early
        missed = [ctx.title(n.need) for n in needs if n is not None and n not in got]
        if missed:
            lacking.append(f"the new {'needs' if len(missed) > 1 else 'need'} {join(missed)} "
                           f"{'are' if len(missed) > 1 else 'is'} not in the plan")
    if kev.new_referrals:
        got, wanted = _referred(ctx, kev, mine)
        structured.append(len(got) / len(wanted) if wanted else 1.0)
        if len(got) < len(wanted):
            lacking.append(f"no referral yet for {join([ctx.title(n.need) for n in wanted if n not in got])}")
    if kev.redetermine:
        structured.append(sum(1 for p in kev.redetermine if p in mine.redetermine) / len(kev.redetermine))
        rerun = [ctx.lib.program(p).name for p in kev.redetermine if p not in mine.redetermine]
        if rerun:
            lacking.append(f"{join(rerun)} {'was' if len(rerun) == 1 else 'were'} not determined again on the new facts")
    if note_share is None:
        share = sum(structured) / len(structured) if structured else 1.0
    elif structured:
        w = ctx.policy.revision_note_share
        share = w * note_share + (1 - w) * sum(structured) / len(structured)
    else:
        share = note_share
    return share, lacking


def _referred(ctx: Context, kev, mine) -> tuple[list, list]:
    """The needs the key's referrals for an event answer, and those the plan answers after the event.

    Each referral the key lists stands for the need it serves (the event's new needs first); the plan
    answers that need with any resource that fits it on the facts after the event, in the revision or
    already in the plan, or with the in-house work the key names for it."""
    # An income drop may open resources closed at intake: each is read on the facts after the event.
    event_needs = [n for n in (ctx.key.need(i) for i in kev.new_needs) if n is not None]
    candidates = event_needs + ctx.intake_needs
    wanted = []
    for rid in kev.new_referrals:
        res = ctx.lib.resources.get(rid)
        need = next((n for n in candidates if res is not None and ctx.serves(res, n)), None)
        if need is not None and need not in wanted:
            wanted.append(need)
    offered = list(dict.fromkeys([*mine.new_referrals, *(r.resource for r in ctx.full_plan.referrals),
                                  *(rid for rev in ctx.full_plan.revisions for rid in rev.new_referrals)]))
    got = [n for n in wanted
           if any(r in kev.new_referrals and ctx.serves(ctx.lib.resources[r], n) for r in offered if r in ctx.lib.resources)
           # A revision names resources, not members: each is read for the member the key refers the need for.
           or any(ctx.referral_problem(r, n, ctx.facts_after(kev.event, ctx.key_referral_member(n)),
                                       member=ctx.key_referral_member(n)) is None for r in offered)
           or in_house_work(ctx, n, ctx.full_plan)]
    return got, wanted
