"""What every criterion reads: the plan as first decided, the case, the key, and the needs matched up.

A learner's need is matched to a key need through the key's accepted alternatives, once: naming two ids of
one finding counts as one finding, and goals, referrals and priority follow the same match.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Case, Key, KeyNeed, Resource
from casekit.cases.eligibility.engine import Determination, determine
from casekit.cases.eligibility.facts import Facts, fact_timeline, facts_after, household_facts
from casekit.cases.eligibility.resources import unmet_criteria
from casekit.errors import CasekitError
from casekit.casework.plan import IdentifiedNeed, Plan
from casekit.cases.text import words


def join(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


class Context:
    """One plan, one case, one key: the shared reading every criterion starts from."""

    def __init__(self, plan: Plan, case: Case, key: Key, lib: CaseLibrary):
        if lib.policy is None:
            raise CasekitError("casestudies/rubric_policy.yaml could not be read, so nothing can be scored; "
                               "run `casekit cases validate` to see why")
        self.full_plan = plan
        self.plan = plan.as_initially_saved()  # the intake criteria judge what was decided before the events
        self.case, self.key, self.lib = case, key, lib
        self.policy = lib.policy
        self.facts = household_facts(case)
        self._member_facts: dict[str, Facts] = {}
        self.intake_needs = [n for n in key.needs if n.after_event is None]
        self.later_needs = [n for n in key.needs if n.after_event is not None]
        self._by_id: dict[str, KeyNeed] = {}
        # Intake needs win over later ones, and a need's own id over another need's alternative.
        for group in (self.intake_needs, self.later_needs):
            for n in group:
                self._by_id.setdefault(n.need, n)
            for n in group:
                for alt in n.also:
                    self._by_id.setdefault(alt, n)
        self.found: dict[str, IdentifiedNeed] = {}
        self.unsupported: list[str] = []
        self.repeats: list[tuple[str, str]] = []  # (learner's id, key need it repeats)
        for mine in sorted(self.plan.needs, key=lambda n: n.priority):
            kn = self._by_id.get(mine.need)
            if kn is None:
                if mine.need not in key.acceptable_needs:
                    self.unsupported.append(mine.need)
            elif kn.need in self.found:
                self.repeats.append((mine.need, kn.need))
            else:
                self.found[kn.need] = mine

    # -- words --------------------------------------------------------------------------

    def title(self, need_id: str) -> str:
        n = self.lib.needs.get(need_id)
        return n.title.lower() if n else need_id

    @cached_property
    def client_name(self) -> str:
        return self.case.client_person.first_name

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
        return {"presenting_situation": "the presenting situation", "household": "the household",
                "client": "the client's background"}.get(ref, ref)

    @cached_property
    def stop_words(self) -> frozenset[str]:
        return frozenset(self.policy.free_text.stop_words)

    @cached_property
    def name_words(self) -> frozenset[str]:
        """The people's names in the case: they say who acts, never what is done for a need."""
        names = [m.name for m in self.case.household.members] + [a.name for a in self.case.meeting_attendees]
        names += [p.name for p in self.case.providers]
        return frozenset({w for text in names for w in words(text) if len(w) > 2} - self.stop_words
                         - {w for a in self.policy.free_text.actors for w in words(a)})

    @cached_property
    def actor_words(self) -> frozenset[str]:
        """Words that say who acts: the policy's, the case's people and providers, staff roles, resources."""
        names = [f"{p.name} {p.role}" for p in self.case.providers]
        names += [r.title for r in self.lib.roles.values()]
        # A resource is named by its first, distinctive word (Alder Falls, Silver Table), not "health" or "meals".
        names += [words(r.name)[0] for r in self.lib.resources.values() if words(r.name)]
        found = {w for text in names for w in words(text) if len(w) > 2 or text == w}
        return frozenset((found - self.stop_words) | self.name_words | set(self.policy.free_text.actors))

    # -- needs --------------------------------------------------------------------------

    def key_need(self, need_id: str) -> KeyNeed | None:
        """The key need a learner's id names (its own id or an accepted alternative), or None."""
        return self._by_id.get(need_id)

    def serves(self, resource: Resource, need: KeyNeed) -> bool:
        return any(i in resource.serves_needs for i in need.ids)

    # -- eligibility and resources -----------------------------------------------------------

    def member(self, member_id: str | None) -> str | None:
        """A key's or plan's member as the plan records it: None for the client."""
        return None if member_id in (None, self.case.client.member) else member_id

    def member_facts(self, member_id: str | None) -> Facts:
        """The intake facts as they stand for ``member_id`` (the client for None)."""
        member_id = self.member(member_id)
        if member_id is None:
            return self.facts
        if member_id not in self._member_facts:
            self._member_facts[member_id] = household_facts(self.case, member=member_id)
        return self._member_facts[member_id]

    def for_whom(self, member_id: str | None) -> str:
        """`` for Mateo`` when a decision or referral is for a member other than the client, else ''."""
        return self.case.for_whom(member_id)

    def determination(self, program: str, member: str | None = None) -> Determination:
        return determine(self.lib.program(program), self.member_facts(member), self.lib.guidelines)

    def facts_after(self, event_id: str, member: str | None = None) -> Facts:
        """The eligibility facts once ``event_id`` and every event before it have happened."""
        try:
            return facts_after(self.case, event_id, self.member(member))
        except KeyError:  # an event the case does not have (the validator reports it): every event's changes
            return fact_timeline(self.case, self.member(member))[-1].facts

    def key_referral_member(self, need: KeyNeed | None) -> str | None:
        """The member the key refers ``need`` for, when the key names one (None: the client, or no referral)."""
        if need is None:
            return None
        return next((self.member(r.member) for r in self.key.referrals if r.need in need.ids and r.member), None)

    def referral_problem(self, resource_id: str, need: KeyNeed | None, facts: Facts | None = None,
                         named: str | None = None, member: str | None = None) -> str | None:
        """Why a referral for ``need`` does not fit, or None when it does (``facts``: default at intake, for
        ``member``, the client by default).

        ``need`` None with ``named`` one of the key's acceptable needs is judged on fit alone. Where the key
        refers the need for a named member, a referral for someone else does not fit."""
        res = self.lib.resources.get(resource_id)
        if res is None:
            return f"{resource_id!r} is not in the resource directory"
        if need is None and named not in self.key.acceptable_needs:
            return f"{res.name}: {self.title(named or '')} is not a need the facts show"
        ids = need.ids if need is not None else [named]
        if not any(i in res.serves_needs for i in ids):
            return f"{res.name} does not serve {self.title(named or (need.need if need is not None else ''))}"
        wanted = self.key_referral_member(need)  # None when need is None
        if need is not None and wanted is not None and self.member(member) != wanted:
            owner, who = self.case.member(wanted), self.case.member(self.member(member))
            return (f"{res.name}: the need for {self.title(need.need)} is {owner.first_name if owner else wanted}'s, "
                    f"not {who.first_name if who else member}'s; name the member the referral is for")
        if facts is None:
            facts = self.member_facts(member)
        unmet = unmet_criteria(res, facts, self.case.setting, self.lib.guidelines)
        if unmet:
            return f"{res.name}{self.for_whom(member)} {join(unmet)}"
        if need is not None and self.policy.too_long_a_wait(res, need.severity):
            return (f"{res.name} has a {res.wait_days}-day wait, too long for {'an' if need.severity.value[0] in 'aeiou' else 'a'} {need.severity.value} need "
                    f"(at most {self.policy.max_wait_days[need.severity]} days)")
        return None

    @property
    def intake_date(self) -> dt.date:
        return self.case.intake_date
