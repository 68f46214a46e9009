"""The eligibility facts of a case: what program rules and resource criteria read.

Facts come from the verified household (documents, not the application form) plus the
case's own ``facts`` mapping (clinical criteria, durations, elections), which may add to or
override the derived ones. A follow-up event's ``fact_changes`` apply on top, and hold for
every later event too.

Programs count different people: the applicant alone, the applicant's tax household, or the
whole household. :func:`household_facts` returns the whole household's facts, and carries the
same facts as each counting rule sees them (``facts.counted["applicant"]``), so the engine can
pick the right ones for each program; code that reads the facts as a plain mapping is unaffected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from casekit.cases.schema import Case, FollowUpEvent, Person, fact_kind

COUNTINGS = ("applicant", "tax_household", "whole_household")

COUNTED_FACTS = ("household_size", "gross_monthly_income", "earned_monthly_income", "unearned_monthly_income",
                 "gross_annual_income", "countable_assets")
"""The facts whose value depends on whose income and headcount a program counts."""

MEMBER_FACTS = ("person_age", "person_disabled", "person_pregnant")
"""The facts of the one member a determination or referral is for (the client unless it names another)."""


class Facts(dict):
    """A case's facts (the whole household's), with the facts each counting rule sees in ``counted``."""

    counted: dict[str, dict]
    member: str | None
    member_label: str | None
    """``Mateo, 4`` when the facts are for a member other than the client (None for the client)."""

    def __init__(self, *args, counted: dict[str, dict] | None = None, member: str | None = None,
                 member_label: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.counted = counted or {}
        self.member = member
        self.member_label = member_label

    def for_counting(self, counting: str) -> dict:
        """The facts as a program that counts ``counting`` reads them."""
        return {**self, **self.counted.get(counting, {})}


def counted_members(case: Case, counting: str, member: str | None = None) -> list[Person]:
    """Who a program with this counting rule counts, for ``member`` (the client by default)."""
    members = case.household.members
    who = next((m for m in members if m.id == (member or case.client.member)), None)
    if who is None or counting == "whole_household":
        return list(members)
    if counting == "applicant":
        return [who]
    if who.tax_household is None:
        return list(members)
    return [m for m in members if m.tax_household == who.tax_household]


def _money(case: Case, people: list[Person]) -> dict:
    ids = {m.id for m in people}
    income = [i for i in case.household.income if i.member in ids]
    gross = sum(i.monthly for i in income)
    earned = sum(i.monthly for i in income if i.earned)
    own_assets = [m.countable_assets for m in case.household.members if m.countable_assets is not None]
    if own_assets:
        assets = sum(m.countable_assets or 0 for m in people)
    else:
        assets = case.household.countable_assets
    return {
        "household_size": len(people),
        "gross_monthly_income": round(gross, 2),
        "earned_monthly_income": round(earned, 2),
        "countable_assets": assets,
    }


_DERIVED = {
    "gross_annual_income": lambda f: round(float(f["gross_monthly_income"]) * 12, 2),
    "unearned_monthly_income": lambda f: round(float(f["gross_monthly_income"]) - float(f["earned_monthly_income"]), 2),
    "wic_category": lambda f: bool(f["has_pregnant_member"] or f["has_child_under_5"]),
}
"""Facts derived from others: they follow a change to their source (an event that changes monthly income
changes annual income too) unless the case or event sets them itself."""


def household_facts(case: Case, changes: Mapping | None = None, member: str | None = None) -> Facts:
    """Every fact a program test or resource criterion may name, for this case (and ``member``, the client
    by default), after ``changes``."""
    hh = case.household
    members = hh.members
    person = next((m for m in members if m.id == (member or case.client.member)), case.client_person)
    facts: dict = {
        "state_group": hh.state_group,
        **_money(case, list(members)),
        "shelter_costs_monthly": hh.shelter_costs_monthly,
        "dependent_care_monthly": hh.dependent_care_monthly,
        "elderly_or_disabled": any(m.age >= 60 or m.disabled for m in members),
        "has_pregnant_member": any(m.pregnant for m in members),
        "has_child_under_5": any(m.age < 5 for m in members),
        "has_child_under_19": any(m.age < 19 for m in members),
        "person_age": person.age,
        "person_disabled": person.disabled,
        "person_pregnant": person.pregnant,
    }
    for program in ("snap", "medicaid", "tanf", "ssi", "wic"):
        facts[f"receives_{program}"] = program in hh.receives
    explicit = {**case.facts, **(changes or {})}
    facts.update(explicit)
    for name, rule in _DERIVED.items():
        if name not in explicit:
            facts[name] = rule(facts)
    counted = {}
    for counting in ("applicant", "tax_household"):
        own = _money(case, counted_members(case, counting, person.id))
        # A fact the case or an event sets itself holds for every counting rule.
        own = {k: v for k, v in own.items() if k not in explicit}
        view = {**facts, **own}
        for name in ("gross_annual_income", "unearned_monthly_income"):
            if name not in explicit:
                own[name] = _DERIVED[name](view)
        counted[counting] = own
    label = None if person.id == case.client.member else case.member_label(person.id)
    return Facts(facts, counted=counted, member=person.id, member_label=label)


def derived_fact_names() -> set[str]:
    """The facts every case has without declaring them (household figures, receives_*, person_*), and
    net_monthly_income, which the engine computes from a program's deductions."""
    names = {"state_group", *COUNTED_FACTS, "shelter_costs_monthly", "dependent_care_monthly",
             "elderly_or_disabled", "has_pregnant_member", "has_child_under_5", "has_child_under_19",
             "person_age", "person_disabled", "person_pregnant", "wic_category", "net_monthly_income"}
    names |= {f"receives_{p}" for p in ("snap", "medicaid", "tanf", "ssi", "wic")}
    return names


@dataclass(frozen=True)
class FactChange:
    """One fact an event changed: what it was, what it is now, and which event changed it."""

    fact: str
    before: object
    after: object
    event: str


@dataclass(frozen=True)
class FactsAt:
    """The facts at one point of a case: at intake (``event`` None) or after an event."""

    event: FollowUpEvent | None
    facts: Facts
    changes: list[FactChange]
    """The facts this point changed, compared with the point before it."""


def fact_timeline(case: Case, member: str | None = None) -> list[FactsAt]:
    """The case's facts at intake, then after each follow-up event in day order.

    Event changes accumulate: a fact an event changes stays changed for every later event, unless a
    later event changes it again. Each point lists what changed since the point before, so nothing
    accumulates unseen.
    """
    points = [FactsAt(None, household_facts(case, member=member), [])]
    changes: dict = {}
    for event in case.events_in_order():
        changes.update(event.fact_changes)
        before = points[-1].facts
        after = household_facts(case, changes, member=member)
        diff = [FactChange(k, before.get(k), after[k], event.id) for k in after
                if k in event.fact_changes or before.get(k) != after[k]]
        points.append(FactsAt(event, after, diff))
    return points


def facts_after(case: Case, event_id: str | None, member: str | None = None) -> Facts:
    """The facts once ``event_id`` and every event before it have happened (intake when None)."""
    for point in fact_timeline(case, member):
        if (point.event.id if point.event else None) == event_id:
            return point.facts
    known = ", ".join(e.id for e in case.events)
    raise KeyError(f"no follow-up event {event_id!r} in case {case.id!r}; its events are {known}")


def same_kind(a: object, b: object) -> bool:
    """Could ``b`` replace ``a`` as the value of one fact (both yes/no, numbers, words or durations)?"""
    return fact_kind(a) == fact_kind(b)
