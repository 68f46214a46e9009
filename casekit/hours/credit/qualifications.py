"""Education and licence rules: does a learner's degree and licences meet a credential's?

A credential (or one of its routes) lists options; meeting any one option is enough, and
an option is met when every condition it names holds (degree level, degree field, one of
the credentials). When no option is met, the closest one says what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casekit.hours.storage.models import DEGREE_FIELDS, Person
from casekit.hours.credit.credentials import EducationOption, Eligibility, Rules

_LEVEL_TEXT = {"associate": "an associate degree", "bachelor": "a bachelor's degree", "master": "a master's degree",
               "doctorate": "a doctorate", "none": "no degree"}


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def option_missing(option: EducationOption, person: Person, rules: Rules) -> list[str]:
    """What ``person`` lacks for ``option`` (empty when it is met)."""
    missing = []
    if option.degree_levels and person.degree_level not in option.degree_levels:
        have = _LEVEL_TEXT.get(person.degree_level or "none", person.degree_level or "no degree")
        missing.append(f"{_or([_LEVEL_TEXT[x] for x in option.degree_levels])} (recorded: {have})")
    if option.degree_fields and person.degree_field not in option.degree_fields:
        have = DEGREE_FIELDS.get(person.degree_field or "", "none recorded")
        missing.append(f"a degree in {_or([DEGREE_FIELDS[x] for x in option.degree_fields])} (recorded: {have})")
    if option.credentials_any and not set(option.credentials_any) & set(person.credentials):
        names = [f"{c} ({rules.credential_names.get(c, c)})" for c in option.credentials_any]
        missing.append(names[0] if len(names) == 1 else f"one of {_or(names)}")
    return missing


@dataclass
class EligibilityStatus:
    """The outcome of one eligibility rule for one person."""

    met: bool
    met_by: str | None  # the option's label, when met
    missing: list[str] = field(default_factory=list)  # for the closest option, when not met
    closest: str | None = None
    rule: Eligibility | None = None

    def text(self) -> str:
        if self.met:
            return f"met ({self.met_by})"
        return f"not met: needs {'; and '.join(self.missing)} (closest option: {self.closest})"


def check_eligibility(rule: Eligibility | None, person: Person, rules: Rules) -> EligibilityStatus:
    """Whether ``person`` meets ``rule`` (a missing rule is met)."""
    if rule is None:
        return EligibilityStatus(True, "no extra rule for this route")
    best: tuple[int, EducationOption, list[str]] | None = None
    for opt in rule.options:
        miss = option_missing(opt, person, rules)
        if not miss:
            return EligibilityStatus(True, opt.label, rule=rule)
        if best is None or len(miss) < best[0]:
            best = (len(miss), opt, miss)
    assert best is not None
    return EligibilityStatus(False, None, best[2], best[1].label, rule=rule)


def _degree_condition_met(option: EducationOption, person: Person) -> bool:
    """Whether ``person``'s recorded degree is the one ``option`` names (an option naming only
    licences, such as an RN diploma recorded as an RN licence, is met by holding one: its date is
    recorded as the degree date)."""
    if not (option.degree_levels or option.degree_fields):
        return bool(option.credentials_any and set(option.credentials_any) & set(person.credentials))
    if option.degree_levels and person.degree_level not in option.degree_levels:
        return False
    return not (option.degree_fields and person.degree_field not in option.degree_fields)


def has_required_degree(rule: Eligibility, person: Person) -> bool:
    """Whether ``person``'s recorded degree meets the degree part of ``rule`` (licences aside).

    Experience a route asks to follow the degree counts from this degree's date only: a
    bachelor's degree does not start a route that asks for post-master's experience.
    """
    return any(_degree_condition_met(o, person) for o in rule.options)


def required_degree_text(rule: Eligibility) -> str:
    """The degree(s) ``rule`` asks for, in words: e.g. "a master's degree or a doctorate in social work"."""
    texts = []
    for o in rule.options:
        if o.degree_levels or o.degree_fields:
            level = _or([_LEVEL_TEXT[x] for x in o.degree_levels]) if o.degree_levels else "a degree"
            where = f" in {_or([DEGREE_FIELDS[x] for x in o.degree_fields])}" if o.degree_fields else ""
            texts.append(level + where)
        elif o.credentials_any:
            texts.append(f"the {_or(list(o.credentials_any))} qualification")
    out: list[str] = []
    for t in texts:
        if t not in out:
            out.append(t)
    if len(out) > 1 and any("," in t or " or " in t for t in out):
        return "; or ".join(out)  # options that list choices of their own stay apart
    return _or(out) if out else "the degree"
