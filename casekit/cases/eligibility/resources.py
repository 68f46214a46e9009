"""Whether a client meets a community resource's own criteria, and is not ruled out by its exclusions."""

from __future__ import annotations

from typing import Mapping

from casekit.cases.schema import Resource, Setting
from casekit.cases.eligibility.programs import PovertyGuidelines
from casekit.errors import CasekitError


def unmet_criteria(
    resource: Resource,
    facts: Mapping,
    setting: Setting,
    guidelines: PovertyGuidelines | None,
    guideline_year: int = 2026,
) -> list[str]:
    """The resource's criteria this client does not meet, in plain words (empty when all are met).

    ``guidelines`` None (a library whose poverty_guidelines.yaml could not be read) serves every resource
    but one with an income criterion, which raises :class:`CasekitError`."""
    c = resource.criteria
    reasons: list[str] = []
    age = int(facts["person_age"])
    label = getattr(facts, "member_label", None)  # facts for a member other than the client name them
    who = label.split(",")[0] if label else "the client"
    if c.min_age is not None and age < c.min_age:
        reasons.append(f"serves people aged {c.min_age} and over ({who} is {age})")
    if c.max_age is not None and age > c.max_age:
        reasons.append(f"serves people aged {c.max_age} and under ({who} is {age})")
    if c.max_percent_fpl is not None:
        if guidelines is None:
            raise CasekitError(f"resource {resource.id!r} serves households under {c.max_percent_fpl:.0f}% of the "
                               "poverty guideline, but casestudies/poverty_guidelines.yaml could not be read; "
                               "run `casekit cases validate` to see why")
        annual = guidelines.annual(guideline_year, int(facts["household_size"]), str(facts["state_group"]))
        percent = 100 * float(facts["gross_monthly_income"]) * 12 / annual
        if percent > c.max_percent_fpl:
            reasons.append(
                f"serves households at or under {c.max_percent_fpl:.0f}% of the poverty guideline "
                f"(this household is at {percent:.0f}%)"
            )
    for fact in c.requires:
        if not bool(facts.get(fact)):
            reasons.append(f"requires {fact.replace('_', ' ')}")
    for rule in c.excludes:
        if bool(facts.get(rule.fact)):
            reasons.append(f"{rule.reason} ({rule.fact.replace('_', ' ')} is true)")
    if c.settings and setting not in c.settings:
        reasons.append("takes referrals only from " + ", ".join(s.label for s in c.settings))
    return reasons


def open_resources(resources, facts: Mapping, setting: Setting, guidelines: PovertyGuidelines) -> list:
    """The resources whose criteria this client meets and whose exclusions do not apply."""
    return [r for r in resources if not unmet_criteria(r, facts, setting, guidelines)]
