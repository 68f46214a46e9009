"""The key's own plan: what an expert would decide, built from the answer key.

Instructor side only (it reads the key). Used to prove the rubric gives full marks to
a plan that does everything the key asks, and as the worked answer for self-study.
"""

from __future__ import annotations

import datetime as dt

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Case, Key
from casekit.cases.eligibility.engine import determine
from casekit.cases.eligibility.facts import household_facts
from casekit.casework.plan import (
    Delegation,
    EligibilityDecision,
    FlaggedItem,
    Goal,
    IdentifiedNeed,
    InformationRequest,
    Meeting,
    Plan,
    Referral,
    Revision,
)


def model_plan(case: Case, key: Key, library: CaseLibrary | None = None) -> Plan:
    lib = library or CaseLibrary.load()
    intake = [n for n in key.needs if n.after_event is None]
    ordered = sorted(intake, key=lambda n: n.severity.rank)
    eligibility = []
    for item in key.eligibility:
        member = None if item.member in (None, case.client.member) else item.member
        d = determine(lib.program(item.program), household_facts(case, member=member), lib.guidelines)
        eligibility.append(
            EligibilityDecision(program=item.program, eligible=d.met, deciding_test=d.deciding_tests[0], reason=d.explanation,
                                member=member)
        )
    intake_ids = {n.need for n in intake}
    return Plan(
        case=case.id,
        initial_saved=True,
        flags=[FlaggedItem(item=f.items[0], kind=f.kind, note=f.explanation) for f in key.application_flaws],
        needs=[IdentifiedNeed(need=n.need, severity=n.severity, priority=i) for i, n in enumerate(ordered, start=1)],
        eligibility=eligibility,
        goals=[
            Goal(
                need=g.need,
                what=g.example,
                measure=g.measure,
                target_date=case.intake_date + dt.timedelta(days=g.target_days),
            )
            for g in key.goals
        ],
        referrals=[Referral(resource=r.resources[0], need=r.need,
                            member=None if r.member in (None, case.client.member) else r.member)
                   for r in key.referrals if r.need in intake_ids],
        rights=list(key.rights.required),
        information_requests=[InformationRequest(provider=r.provider, information=r.information) for r in key.information_requests],
        delegations=[Delegation(task=d.task, role=d.roles[0]) for d in key.delegation],
        meetings=[
            Meeting(
                date=case.intake_date + dt.timedelta(days=2),
                attendees=[a.name for a in case.meeting_attendees],
                purpose="Agree the plan with the client and family.",
            )
        ],
        progress_note="Covers: " + "; ".join(key.progress_note.must_cover),
        revisions=[
            Revision(
                event=e.event,
                new_needs=list(e.new_needs),
                new_referrals=list(e.new_referrals),
                redetermine=list(e.redetermine),
                note=e.explanation,
            )
            for e in key.events
        ],
    )
