"""The eligibility facts of a case: what program rules and resource criteria read.

Facts come from the verified household (documents, not the application form) plus the
case's own ``facts`` mapping (clinical criteria and the like), which may add to or
override the derived ones. A follow-up event's ``fact_changes`` apply on top.
"""

from __future__ import annotations

from typing import Mapping

from casekit.cases.schema import Case

Facts = dict[str, float | int | bool | str]


def household_facts(case: Case, changes: Mapping[str, float | int | bool] | None = None) -> Facts:
    """Every fact a program test or resource criterion may name, for this case."""
    hh = case.household
    person = case.client_person
    members = hh.members
    gross = sum(i.monthly for i in hh.income)
    earned = sum(i.monthly for i in hh.income if i.earned)
    facts: Facts = {
        "state_group": hh.state_group,
        "household_size": len(members),
        "gross_monthly_income": round(gross, 2),
        "earned_monthly_income": round(earned, 2),
        "unearned_monthly_income": round(gross - earned, 2),
        "shelter_costs_monthly": hh.shelter_costs_monthly,
        "dependent_care_monthly": hh.dependent_care_monthly,
        "countable_assets": hh.countable_assets,
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
    # Facts derived from others follow a change to their source (an event that changes monthly
    # income changes annual income too) unless the case or event sets them itself.
    derived = {
        "gross_annual_income": lambda f: round(float(f["gross_monthly_income"]) * 12, 2),
        "unearned_monthly_income": lambda f: round(float(f["gross_monthly_income"]) - float(f["earned_monthly_income"]), 2),
        "wic_category": lambda f: bool(f["has_pregnant_member"] or f["has_child_under_5"]),
    }
    for name, rule in derived.items():
        if name not in explicit:
            facts[name] = rule(facts)
    return facts
