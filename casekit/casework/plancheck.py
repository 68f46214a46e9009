"""Checking a loaded plan against the library: ids that name nothing are reported, not dropped."""

from __future__ import annotations

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Case


def plan_problems(plan, case: Case, lib: CaseLibrary) -> list[str]:
    """One sentence per id in the plan that names no need, resource, right, role or program."""
    out = []
    for r in plan.referrals:
        if r.resource not in lib.resources:
            out.append(
                f"the referral to {r.resource!r} names no resource in the directory (it may have been renamed); "
                "remove it with session.unrefer and pick another."
            )
    for n in plan.needs:
        if n.need not in lib.needs:
            out.append(f"the need {n.need!r} is not in the needs list; remove it with session.remove_need.")
    for right in plan.rights:
        if right not in lib.rights:
            out.append(f"the right {right!r} is not in the rights list; set your rights again.")
    for d in plan.delegations:
        if d.role not in lib.roles:
            out.append(f"the role {d.role!r} for task {d.task!r} is not in the roles list; delegate it again.")
    programs = set(case.programs)
    members = {m.id for m in case.household.members}
    for d in plan.eligibility:
        if d.program not in programs:
            out.append(f"the decision on {d.program!r} is for a program this case does not use.")
        if d.member is not None and d.member not in members:
            out.append(f"the decision on {d.program!r} is for {d.member!r}, who is not in this household; "
                       "decide it again for a member session.options('members') lists.")
    for r in plan.referrals:
        if r.member is not None and r.member not in members:
            out.append(f"the referral to {r.resource!r} is for {r.member!r}, who is not in this household; "
                       "refer again for a member session.options('members') lists.")
    return out
