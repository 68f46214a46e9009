"""Applying a program's rules to a household's facts: a determination a client can follow.

A determination lists every test (its value, its limit, and whether it passed, was
waived or was passed by another route), the overall result, the tests that decided it,
and a plain-language explanation a case manager could read to the client.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping

from casekit.eligibility.rules import (
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
    value: float | bool
    limit: float | None
    status: Status
    sentence: str

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

    def test(self, test_id: str) -> TestResult:
        return next(t for t in self.tests if t.id == test_id)


def _fmt(value: float | bool, unit: str) -> str:
    if unit == "yes_no":
        return "yes" if value else "no"
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
        if program.guideline_year is None:
            raise CasekitError(
                f"casestudies/programs.yaml: program {program.id!r} test {test.id!r} uses a poverty limit "
                "but the program has no guideline_year; add one"
            )
        return poverty_limit(
            test.limit, guidelines, program.guideline_year, int(facts["household_size"]), str(facts["state_group"])
        )
    return None


def _evaluate(test: ProgramTest, program: Program, facts: Mapping, guidelines: PovertyGuidelines) -> TestResult:
    if test.fact not in facts:
        raise CasekitError(
            f"program {program.id!r} test {test.id!r} reads the fact {test.fact!r}, which this case does not "
            f"give; add `{test.fact}:` under the case's `facts:`"
        )
    value = facts[test.fact]
    limit = _limit_for(test, program, facts, guidelines)
    if test.compare == "at_most":
        ok = float(value) <= limit
    elif test.compare == "at_least":
        ok = float(value) >= limit
    elif test.compare == "is_true":
        ok = bool(value)
    else:
        ok = not bool(value)

    shown = _fmt(value, test.unit)
    if limit is not None:
        word = "limit" if test.compare == "at_most" else "minimum"
        core = f"{test.describe} is {shown}, against a {word} of {_fmt(limit, test.unit)}"
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
    return TestResult(test.id, test.name, test.fact, value, limit, status, sentence)


def determine(
    program: Program | str,
    facts: Mapping,
    guidelines: PovertyGuidelines | None = None,
) -> Determination:
    """Apply ``program`` (or a program id) to ``facts`` and explain the result."""
    if isinstance(program, str):
        program = load_programs().get(program)
    guidelines = guidelines or load_guidelines()
    facts = dict(facts)
    if "net_monthly_income" not in facts and any(t.fact == "net_monthly_income" for t in program.tests):
        facts["net_monthly_income"] = net_monthly_income(program, facts)
    results = [_evaluate(t, program, facts, guidelines) for t in program.tests]
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
    opening = f"{program.name} (a simulated program modelled on {program.modelled_on}): {label}."
    if program.combine == "any" and met:
        body = [r.sentence for r in results if r.passed]
    else:
        body = [r.sentence for r in results]
    explanation = " ".join([opening, *body])
    sources = [f"{program.source} (as of {program.as_of}, {program.confidence})"]
    return Determination(program.id, program.name, met, label, results, deciding, explanation, sources)
