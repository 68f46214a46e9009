"""Applying a program's rules to a household's facts: a determination a client can follow.

A determination lists every test (its value, its limit, and whether it passed, was
waived or was passed by another route), the overall result, the tests that decided it,
and a plain-language explanation a case manager could read to the client.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping

from casekit.cases.schema import Duration
from casekit.cases.eligibility.programs import (
    TIME_UNITS,
    AmountLimit,
    PovertyGuidelines,
    PovertyLimit,
    Program,
    ProgramTest,
    load_guidelines,
    load_programs,
    poverty_limit,
)
from casekit.errors import CasekitError

Status = Literal["passed", "failed", "waived", "passed_by_alternative"]


@dataclass(frozen=True)
class TestResult:
    id: str
    name: str
    fact: str
    value: float | bool | str
    limit: float | None
    status: Status
    sentence: str
    unit: str = "dollars"
    given: object = None
    """The fact as the case gives it, when the test reads it in another unit (a duration of 4 months
    read by a test in weeks has ``value`` 17.4 and ``given`` 4 months)."""

    @property
    def passed(self) -> bool:
        return self.status != "failed"


@dataclass(frozen=True)
class Determination:
    program_id: str
    program_name: str
    met: bool
    label: str
    tests: list[TestResult]
    deciding_tests: list[str]
    explanation: str
    sources: list[str] = field(default_factory=list)
    counts: str = "whole_household"
    member: str | None = None
    """The household member the determination is for (the client unless a case names another)."""

    def test(self, test_id: str) -> TestResult:
        return next(t for t in self.tests if t.id == test_id)


def _fmt(value: float | bool | str, unit: str) -> str:
    if unit == "yes_no":
        return "yes" if value else "no"
    if unit == "word" or isinstance(value, str):
        return str(value).replace("_", " ")
    if unit == "dollars":
        return f"${value:,.2f}".replace(".00", "")
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{number} {unit}" if unit != "people" else f"{number} people"


def net_monthly_income(program: Program, facts: Mapping) -> float:
    """Gross income less the program's deductions (standard, earned income, dependent care, shelter)."""
    d = program.deductions
    if d is None:
        return float(facts["gross_monthly_income"])
    income = float(facts["gross_monthly_income"])
    income -= float(facts["earned_monthly_income"]) * d.earned_income_percent / 100
    income -= d.standard.for_size(int(facts["household_size"]))
    if d.dependent_care:
        income -= float(facts.get("dependent_care_monthly", 0))
    income = max(income, 0.0)
    if d.excess_shelter is not None:
        half = income * d.excess_shelter.percent_of_adjusted_income / 100
        excess = max(float(facts.get("shelter_costs_monthly", 0)) - half, 0.0)
        uncapped = any(bool(facts.get(f)) for f in d.excess_shelter.cap_waived_if)
        if d.excess_shelter.cap is not None and not uncapped:
            excess = min(excess, d.excess_shelter.cap)
        income -= excess
    return round(max(income, 0.0), 2)


def _limit_for(test: ProgramTest, program: Program, facts: Mapping, guidelines: PovertyGuidelines) -> float | None:
    for alt in test.limit_if:
        if bool(facts.get(alt.when)):
            return alt.amount
    if isinstance(test.limit, AmountLimit):
        return test.limit.amount
    if isinstance(test.limit, PovertyLimit):
        return poverty_limit(
            test.limit, guidelines, program.poverty_year(test.id), int(facts["household_size"]), str(facts["state_group"])
        )
    return None


class FactMismatchError(CasekitError):
    """A fact whose kind does not fit the test that reads it (a word where a number is needed...)."""


def _read(test: ProgramTest, program: Program, value: object) -> tuple[float | bool | str, object]:
    """The fact's value in the test's terms, and the value as given when it had to be converted."""
    where = f"program {program.id!r} test {test.id!r} ({test.compare}, unit {test.unit}) reads {test.fact!r}"
    if isinstance(value, Duration):
        if test.unit not in TIME_UNITS:
            raise FactMismatchError(f"{where}, which is a duration ({value}); give the test a time unit "
                                    f"({', '.join(TIME_UNITS)}) or the fact a plain number")
        if value.unit == test.unit:
            return value.value, None
        return round(value.to(test.unit), 2), value
    if test.compare in ("is_one_of", "is_none_of"):
        if not isinstance(value, str):
            raise FactMismatchError(f"{where}, which is {value!r}; the test needs a word, e.g. hospice")
        return value, None
    if test.compare in ("at_most", "at_least"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise FactMismatchError(f"{where}, which is {value!r}; the test needs a number or a duration")
        return value, None
    if not isinstance(value, bool):
        raise FactMismatchError(f"{where}, which is {value!r}; the test needs yes/no (true or false)")
    return value, None


def _evaluate(test: ProgramTest, program: Program, facts: Mapping, guidelines: PovertyGuidelines) -> TestResult:
    if test.fact not in facts:
        raise CasekitError(
            f"program {program.id!r} test {test.id!r} reads the fact {test.fact!r}, which this case does not "
            f"give; add `{test.fact}:` under the case's `facts:`"
        )
    value, given = _read(test, program, facts[test.fact])
    limit = _limit_for(test, program, facts, guidelines)
    if test.compare in ("at_most", "at_least"):
        if limit is None:
            # ProgramTest's own check gives every numeric test a limit; a test built without that check may not.
            raise CasekitError(f"program {program.id!r} test {test.id!r} compares {test.compare} but has no "
                               "limit; add one in casestudies/programs.yaml")
        ok = float(value) <= limit if test.compare == "at_most" else float(value) >= limit
    elif test.compare == "is_true":
        ok = bool(value)
    elif test.compare == "is_false":
        ok = not bool(value)
    elif test.compare == "is_one_of":
        ok = value in test.values
    else:
        ok = value not in test.values

    shown = _fmt(value, test.unit)
    if given is not None:
        shown = f"{given} ({shown})"
    if limit is not None:
        word = "limit" if test.compare == "at_most" else "minimum"
        core = f"{test.describe} is {shown}, against a {word} of {_fmt(limit, test.unit)}"
    elif test.values:
        which = "one of" if test.compare == "is_one_of" else "none of"
        core = f"{test.describe} is {shown}, which must be {which} {', '.join(v.replace('_', ' ') for v in test.values)}"
    else:
        core = f"{test.describe}: {shown}"
    waiver = next((f for f in test.waived_if if bool(facts.get(f))), None)
    route = next((f for f in test.passes_if_any if bool(facts.get(f))), None)
    if ok:
        status: Status = "passed"
        sentence = f"{core}, so this test is met."
    elif waiver:
        status = "waived"
        sentence = f"{core}; this test does not apply because {waiver.replace('_', ' ')} is true."
    elif route:
        status = "passed_by_alternative"
        sentence = f"{core}; the test is met anyway because {route.replace('_', ' ')} is true."
    else:
        status = "failed"
        sentence = f"{core}, so this test is not met."
    sentence = sentence[0].upper() + sentence[1:]
    return TestResult(test.id, test.name, test.fact, value, limit, status, sentence, test.unit, given)


COUNTING_WORDS = {
    "applicant": "counts the applicant alone",
    "tax_household": "counts the applicant's tax household",
    "whole_household": "counts the whole household",
}


def determine(
    program: Program | str,
    facts: Mapping,
    guidelines: PovertyGuidelines | None = None,
) -> Determination:
    """Apply ``program`` (or a program id) to ``facts`` and explain the result.

    ``facts`` from :func:`casekit.eligibility.facts.household_facts` carry each counting rule's view, and
    the program's ``counts`` picks one: income, assets and household size (so the poverty limit) are the
    applicant's alone, the tax household's or the whole household's. A test with ``category_of: member``
    reads the category facts of the member the facts are for alone. A plain mapping is read as given.
    """
    if isinstance(program, str):
        program = load_programs().get(program)
    guidelines = guidelines or load_guidelines()
    member = getattr(facts, "member", None)
    member_label = getattr(facts, "member_label", None)
    own = getattr(facts, "own", {})
    facts = facts.for_counting(program.counts) if hasattr(facts, "for_counting") else dict(facts)
    if "net_monthly_income" not in facts and any(t.fact == "net_monthly_income" for t in program.tests):
        facts["net_monthly_income"] = net_monthly_income(program, facts)
    # A category test for the member alone reads their own category facts; the rest read the household's.
    results = [_evaluate(t, program, {**facts, **own} if t.category_of == "member" else facts, guidelines)
               for t in program.tests]
    passed = [r.passed for r in results]
    met = all(passed) if program.combine == "all" else any(passed)
    if met:
        deciding = [r.id for r in results if r.status in ("passed", "passed_by_alternative")]
        if program.combine == "all":
            alt = [r.id for r in results if r.status == "passed_by_alternative"]
            deciding = alt or deciding
    else:
        deciding = [r.id for r in results if r.status == "failed"]
    label = program.result_labels["met" if met else "not_met"]
    if member_label:
        opening = f"{member_label}: {label} for {program.name} (a simulated program modelled on {program.modelled_on})."
    else:
        opening = f"{program.name} (a simulated program modelled on {program.modelled_on}): {label}."
    if program.counts != "whole_household":
        opening += (f" The program {COUNTING_WORDS[program.counts]}: {int(facts['household_size'])} "
                    f"{'person' if int(facts['household_size']) == 1 else 'people'}.")
    if program.combine == "any" and met:
        body = [r.sentence for r in results if r.passed]
    else:
        body = [r.sentence for r in results]
    explanation = " ".join([opening, *body])
    sources = [f"{program.source} (as of {program.as_of}, {program.confidence})"]
    return Determination(program.id, program.name, met, label, results, deciding, explanation, sources,
                         program.counts, member)
