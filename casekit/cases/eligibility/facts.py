"""The eligibility facts of a case: what program rules and resource criteria read.

Facts come from the verified household (documents, not the application form) plus the
case's own ``facts`` mapping (clinical criteria, durations, elections), which may add to or
override the derived ones. A follow-up event's ``fact_changes`` apply on top, and hold for
every later event too; its ``member_fact_changes`` are one member's own (their savings, their age,
a fact such as ``homebound`` that is true of them alone), and change the facts read for that
member and the household totals they are part of, never another member's own facts.

Programs count different people: the applicant alone, the applicant's tax household, or the
whole household. :func:`household_facts` returns the whole household's facts, and carries the
same facts as each counting rule sees them (``facts.counted["applicant"]``), so the engine can
pick the right ones for each program; code that reads the facts as a plain mapping is unaffected.

Category facts (``has_child_under_5``, ``wic_category``...) say whether anyone in the household is in
the category; ``facts.own`` holds the same facts for the member the facts are for alone, which a program
test marked ``category_of: member`` reads (WIC: this person is pregnant or under five).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from casekit.cases.schema import PERSON_FACTS, Case, FollowUpEvent, Person, fact_kind

COUNTINGS = ("applicant", "tax_household", "whole_household")

COUNTED_FACTS = ("household_size", "gross_monthly_income", "earned_monthly_income", "unearned_monthly_income",
                 "gross_annual_income", "countable_assets")
"""The facts whose value depends on whose income and headcount a program counts."""

MEMBER_FACTS = ("person_age", "person_disabled", "person_pregnant", "person_postpartum")
"""The facts of the one member a determination or referral is for (the client unless it names another)."""

CATEGORY_FACTS = ("elderly_or_disabled", "has_pregnant_member", "has_postpartum_member", "has_child_under_5",
                  "has_child_under_19", "wic_category")
"""Whether someone is in a category: anyone in the household, or (``Facts.own``) the member alone."""

PERSON_FIELDS = {fact: field for fact, (field, _kind) in PERSON_FACTS.items()}
"""A member's own fact changes that change the member themself, so household figures follow them."""

HOUSEHOLD_ONLY_FACTS = ("state_group", "household_size", "gross_monthly_income", "earned_monthly_income",
                        "unearned_monthly_income", "gross_annual_income", "shelter_costs_monthly",
                        "dependent_care_monthly", "has_pregnant_member", "has_postpartum_member", "has_child_under_5",
                        "has_child_under_19",
                        "elderly_or_disabled", "wic_category", "net_monthly_income",
                        *(f"receives_{p}" for p in ("snap", "medicaid", "tanf", "ssi", "wic")))
"""Facts of the household as a whole, which an event changes in ``fact_changes``, not for one member."""


def is_member_test(test) -> bool:
    """Does a program test read the facts of the member a decision is for (their age, or a category test
    marked ``category_of: member``), rather than the household's?"""
    return test.fact in MEMBER_FACTS or getattr(test, "category_of", "household") == "member"


class Facts(dict):
    """A case's facts (the whole household's), with the facts each counting rule sees in ``counted``."""

    counted: dict[str, dict]
    member: str | None
    member_label: str | None
    """``Mateo, 4`` when the facts are for a member other than the client (None for the client)."""
    own: dict
    """The category facts (:data:`CATEGORY_FACTS`) for the member alone: is this person pregnant, under five..."""

    def __init__(self, *args, counted: dict[str, dict] | None = None, member: str | None = None,
                 member_label: str | None = None, own: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.counted = counted or {}
        self.member = member
        self.member_label = member_label
        self.own = own or {}

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


def _categories(people: list[Person]) -> dict:
    return {
        "elderly_or_disabled": any(m.age >= 60 or m.disabled for m in people),
        "has_pregnant_member": any(m.pregnant for m in people),
        "has_postpartum_member": any(m.postpartum for m in people),
        "has_child_under_5": any(m.age < 5 for m in people),
        "has_child_under_19": any(m.age < 19 for m in people),
    }


def _with_member_changes(case: Case, member_changes: Mapping[str, Mapping]) -> Case:
    """The case with each member's own changes to age, disability, pregnancy and savings made to the member."""
    people = []
    for m in case.household.members:
        update = {PERSON_FIELDS[k]: v for k, v in (member_changes.get(m.id) or {}).items() if k in PERSON_FIELDS}
        people.append(m.model_copy(update=update) if update else m)
    household = case.household.model_copy(update={"members": people})
    return case.model_copy(update={"household": household})


_DERIVED = {
    "gross_annual_income": lambda f: round(float(f["gross_monthly_income"]) * 12, 2),
    "unearned_monthly_income": lambda f: round(float(f["gross_monthly_income"]) - float(f["earned_monthly_income"]), 2),
    "wic_category": lambda f: bool(f["has_pregnant_member"] or f["has_postpartum_member"] or f["has_child_under_5"]),
}
"""Facts derived from others: they follow a change to their source (an event that changes monthly income
changes annual income too) unless the case or event sets them itself."""


def household_facts(case: Case, changes: Mapping | None = None, member: str | None = None,
                    member_changes: Mapping[str, Mapping] | None = None) -> Facts:
    """Every fact a program test or resource criterion may name, for this case (and ``member``, the client
    by default), after ``changes`` (the household's) and ``member_changes`` (member id -> that member's own)."""
    if member_changes:
        case = _with_member_changes(case, member_changes)
    hh = case.household
    members = hh.members
    person = next((m for m in members if m.id == (member or case.client.member)), case.client_person)
    facts: dict = {
        "state_group": hh.state_group,
        **_money(case, list(members)),
        "shelter_costs_monthly": hh.shelter_costs_monthly,
        "dependent_care_monthly": hh.dependent_care_monthly,
        **_categories(list(members)),
        "person_age": person.age,
        "person_disabled": person.disabled,
        "person_pregnant": person.pregnant,
        "person_postpartum": person.postpartum,
    }
    for program in ("snap", "medicaid", "tanf", "ssi", "wic"):
        facts[f"receives_{program}"] = program in hh.receives
    mine = {k: v for k, v in ((member_changes or {}).get(person.id) or {}).items() if k not in PERSON_FIELDS}
    explicit = {**case.facts, **(changes or {}), **mine}
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
    alone = {k: v for k, v in _categories([person]).items() if k not in explicit}
    if "wic_category" not in explicit:
        alone["wic_category"] = _DERIVED["wic_category"]({**facts, **alone})
    label = None if person.id == case.client.member else case.member_label(person.id)
    return Facts(facts, counted=counted, member=person.id, member_label=label, own=alone)


def derived_fact_names() -> set[str]:
    """The facts every case has without declaring them (household figures, receives_*, person_*), and
    net_monthly_income, which the engine computes from a program's deductions."""
    names = {"state_group", *COUNTED_FACTS, "shelter_costs_monthly", "dependent_care_monthly",
             "elderly_or_disabled", "has_pregnant_member", "has_postpartum_member", "has_child_under_5",
             "has_child_under_19", "person_age", "person_disabled", "person_pregnant", "person_postpartum",
             "wic_category", "net_monthly_income"}
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
    accumulates unseen. A member's own change shows only in the facts for that member (and in the
    household figures it is part of).
    """
    points = [FactsAt(None, household_facts(case, member=member), [])]
    changes: dict = {}
    member_changes: dict[str, dict] = {}
    who = member or case.client.member
    for event in case.events_in_order():
        changes.update(event.fact_changes)
        for m, theirs in event.member_fact_changes.items():
            member_changes.setdefault(m, {}).update(theirs)
        before = points[-1].facts
        after = household_facts(case, changes, member=member, member_changes=member_changes)
        named = set(event.fact_changes) | set(event.member_fact_changes.get(who, {}))
        diff = [FactChange(k, before.get(k), after[k], event.id) for k in after
                if k in named or before.get(k) != after[k]]
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
