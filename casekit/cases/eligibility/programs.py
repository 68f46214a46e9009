"""Program rules and poverty guidelines as data: the models and their loaders.

Every figure a rule uses carries a source, an as-of date and a confidence
(``official``, ``secondary`` or ``unconfirmed``), so a user sees what to check with
the issuing body. Changing a rule is a change to casestudies/programs.yaml alone.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from functools import lru_cache
from pathlib import Path
from typing import ClassVar, Final, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from casekit.datafile import load_model, upgrade_steps
from casekit.errors import CasekitError, UnknownProgramError
from casekit.paths import casestudies_dir

Confidence = Literal["official", "secondary", "unconfirmed"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Sourced(Strict):
    source: str
    as_of: dt.date
    confidence: Confidence


class Period(Strict):
    """The span the issuing body states for a set of figures (a fiscal year, a July-June year)."""

    label: str = Field(min_length=2, description="as the body names it, e.g. FY2026 or 2026-2027")
    start: dt.date
    end: dt.date | None = Field(None, description="the last day; null when the figures stand until replaced")

    @model_validator(mode="after")
    def _in_order(self) -> "Period":
        if self.end is not None and self.end < self.start:
            raise ValueError(f"period {self.label!r} ends ({self.end}) before it starts ({self.start})")
        return self


# --------------------------------------------------------------------------- poverty guidelines


class GuidelineFigures(Strict):
    first_person: float = Field(gt=0)
    each_additional: float | None = Field(
        None, gt=0, description="null where the figure is not in the kit's sources yet"
    )


class GuidelineYear(Sourced):
    effective: dt.date
    period: Period | None = None
    contiguous: GuidelineFigures
    alaska: GuidelineFigures
    hawaii: GuidelineFigures


class PovertyGuidelines(Strict):
    schema_version: Literal[1] = 1
    years: dict[int, GuidelineYear]

    def annual(self, year: int, household_size: int, state_group: str = "contiguous") -> float:
        """The annual poverty guideline for a household of ``household_size`` people."""
        if household_size < 1:
            raise CasekitError(f"household size must be at least 1, got {household_size}")
        try:
            figures: GuidelineFigures = getattr(self.years[year], state_group)
        except KeyError:
            have = ", ".join(str(y) for y in sorted(self.years))
            raise CasekitError(
                f"no poverty guidelines for {year} in casestudies/poverty_guidelines.yaml (have {have}); "
                "add the year from the Federal Register"
            ) from None
        if household_size == 1:
            return figures.first_person
        if figures.each_additional is None:
            raise CasekitError(
                f"casestudies/poverty_guidelines.yaml: years.{year}.{state_group}.each_additional is not "
                "recorded yet; add it from the Federal Register to evaluate larger households"
            )
        return figures.first_person + figures.each_additional * (household_size - 1)


# --------------------------------------------------------------------------- programs


class PovertyLimit(Strict):
    """A limit that is a percentage of the poverty guideline for the household's size."""

    percent_of_poverty: float = Field(gt=0)
    period: Literal["monthly", "annual"]
    rounding: Literal["up", "down", "nearest", "none"] = Field(
        description="how the issuing body rounds the published limit to whole dollars"
    )


class AmountLimit(Strict):
    amount: float
    source: str | None = None
    confidence: Confidence | None = None


class ConditionalAmount(Strict):
    when: str = Field(description="a true/false fact, e.g. elderly_or_disabled")
    amount: float
    source: str | None = None
    confidence: Confidence | None = None


TIME_UNITS = ("days", "weeks", "months", "years")
"""Units a duration fact is read in: a fact of ``{value: 4, unit: months}`` meets a test in weeks as 17.4."""

Unit = Literal["dollars", "days", "weeks", "months", "years", "people", "yes_no", "word"]
UNITS = get_args(Unit)

Counting = Literal["applicant", "tax_household", "whole_household"]
"""Whose income, assets and headcount a program counts: the person applying alone, the members who file
taxes together with them, or everyone in the household. Poverty limits follow the counted size."""

NUMERIC_COMPARE = ("at_most", "at_least")


class ProgramTest(Strict):
    id: str
    name: str = Field(description="short label, e.g. 'Gross income test'")
    describe: str = Field(description="plain-language phrase for the fact, e.g. 'your household's gross income'")
    fact: str
    compare: Literal["at_most", "at_least", "is_true", "is_false", "is_one_of", "is_none_of"]
    unit: Unit = Field("dollars", description="dollars, days, weeks, months, years, people, yes_no or word; a "
                       "duration fact is converted to a time unit")
    values: list[str] = Field(default_factory=list, description="the words is_one_of / is_none_of compare with")
    limit: PovertyLimit | AmountLimit | None = None
    limit_if: list[ConditionalAmount] = []
    waived_if: list[str] = Field(default_factory=list, description="facts that, when true, waive the test")
    passes_if_any: list[str] = Field(
        default_factory=list, description="facts that, when true, pass the test (adjunctive eligibility)"
    )
    category_of: Literal["household", "member"] = Field(
        "household", description="whom a category fact (has_child_under_5, has_pregnant_member, wic_category, "
        "elderly_or_disabled, has_child_under_19) is read for: anyone in the household (SNAP's older member), or "
        "the member the decision is for alone (WIC's pregnant or postpartum person or child under five)")

    @model_validator(mode="after")
    def _limit_fits_compare(self) -> "ProgramTest":
        numeric = self.compare in NUMERIC_COMPARE
        words = self.compare in ("is_one_of", "is_none_of")
        if numeric and self.limit is None:
            raise ValueError(f"test {self.id!r} compares {self.compare} but has no limit; add one")
        if not numeric and self.limit is not None:
            raise ValueError(f"test {self.id!r} is {self.compare} and takes no limit; remove it")
        if words and not self.values:
            raise ValueError(f"test {self.id!r} is {self.compare} and needs `values:`, the words it compares with")
        if not words and self.values:
            raise ValueError(f"test {self.id!r} is {self.compare}; `values:` is only for is_one_of and is_none_of")
        if numeric and self.unit in ("yes_no", "word"):
            raise ValueError(f"test {self.id!r} compares {self.compare} but its unit is {self.unit}; use dollars, "
                             f"people or a time unit ({', '.join(TIME_UNITS)})")
        return self

    @field_validator("unit", mode="before")
    @classmethod
    def _unit(cls, v):
        if v in UNITS:
            return v
        close = difflib.get_close_matches(str(v), UNITS, n=1, cutoff=0.6)
        hint = f" did you mean {close[0]!r}?" if close else ""
        raise ValueError(f"{v!r} is not a unit;{hint} use one of {', '.join(UNITS)}")


class StandardDeduction(Strict):
    by_household_size: dict[int, float] = Field(description="the largest size listed applies to bigger households")
    source: str
    confidence: Confidence

    def for_size(self, size: int) -> float:
        eligible = [s for s in self.by_household_size if s <= size]
        return self.by_household_size[max(eligible)] if eligible else self.by_household_size[min(self.by_household_size)]


class ExcessShelter(Strict):
    percent_of_adjusted_income: float
    cap: float | None
    cap_waived_if: list[str] = []
    source: str
    confidence: Confidence


class Deductions(Strict):
    """How net income is computed from gross income (SNAP-shaped)."""

    standard: StandardDeduction
    earned_income_percent: float = Field(ge=0, le=100)
    earned_income_source: str
    dependent_care: bool = True
    excess_shelter: ExcessShelter | None = None


class ProgramFigure(Sourced):
    """A sourced figure that goes with a program without being one of its tests (a daily coinsurance)."""

    id: str
    name: str
    amount: float = Field(ge=0)
    unit: Literal["dollars", "dollars_per_day", "dollars_per_month"]
    applies: str = Field(description="when it applies, e.g. days 21 to 100 of a benefit period")
    period: Period | None = None


class Program(Sourced):
    id: str
    name: str
    simulated: Literal[True] = True
    modelled_on: str
    summary: str
    counts: Counting = Field("whole_household", description="whose income, assets and headcount the tests read")
    period: Period | None = Field(None, description="the span the program's figures apply to, as the body states it")
    figures: list[ProgramFigure] = []
    guideline_year: int | None = None
    combine: Literal["all", "any"] = "all"
    result_labels: dict[Literal["met", "not_met"], str]
    deductions: Deductions | None = None
    tests: list[ProgramTest] = Field(min_length=1)

    def test(self, test_id: str) -> ProgramTest:
        return next(t for t in self.tests if t.id == test_id)

    def poverty_year(self, test_id: str) -> int:
        """The guideline year the poverty limit of test ``test_id`` is read in (:class:`CasekitError` when the
        program names none)."""
        if self.guideline_year is None:
            raise CasekitError(
                f"casestudies/programs.yaml: program {self.id!r} test {test_id!r} uses a poverty limit "
                "but the program has no guideline_year; add one"
            )
        return self.guideline_year


PROGRAM_RULES_VERSION: Final = 2


def _rules_1_to_2(data: dict) -> dict:
    """Version 2 adds counting rules, time units and word tests; every version 1 program counts the whole
    household, as before."""
    return {**data, "schema_version": 2}


RULES_UPGRADES = {1: _rules_1_to_2}


class ProgramRules(Strict):
    schema_version: Literal[2] = PROGRAM_RULES_VERSION
    programs: list[Program] = Field(min_length=1)

    upgrade: ClassVar = staticmethod(lambda data: upgrade_steps(data, RULES_UPGRADES))

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data):
        return upgrade_steps(data, RULES_UPGRADES)

    @model_validator(mode="after")
    def _unique_ids(self) -> "ProgramRules":
        ids = [p.id for p in self.programs]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"program ids must be unique; repeated: {', '.join(dupes)}")
        return self

    def get(self, program_id: str) -> Program:
        for p in self.programs:
            if p.id == program_id:
                return p
        known = ", ".join(p.id for p in self.programs)
        raise UnknownProgramError(
            f"no program {program_id!r} in casestudies/programs.yaml; known programs: {known}"
        )


def round_dollars(value: float, rounding: str) -> float:
    if rounding == "up":
        return float(math.ceil(round(value, 6)))
    if rounding == "down":
        return float(math.floor(round(value, 6)))
    if rounding == "nearest":
        return float(math.floor(value + 0.5))
    return round(value, 2)  # "none": whole cents, so 138% of a guideline is not a float artefact


def poverty_limit(limit: PovertyLimit, guidelines: PovertyGuidelines, year: int, size: int, state_group: str) -> float:
    """A program's limit for a household, computed from the guidelines as the issuing body does."""
    divisor = 12 if limit.period == "monthly" else 1
    share = limit.percent_of_poverty / 100
    return round_dollars(guidelines.annual(year, size, state_group) * share / divisor, limit.rounding)


@lru_cache(maxsize=8)
def _load_programs(path: Path, mtime: float) -> ProgramRules:
    return load_model(path, ProgramRules)


@lru_cache(maxsize=8)
def _load_guidelines(path: Path, mtime: float) -> PovertyGuidelines:
    return load_model(path, PovertyGuidelines)


def load_programs(path: Path | None = None) -> ProgramRules:
    path = Path(path or casestudies_dir() / "programs.yaml").resolve()
    return _load_programs(path, path.stat().st_mtime if path.exists() else 0.0)


def load_guidelines(path: Path | None = None) -> PovertyGuidelines:
    path = Path(path or casestudies_dir() / "poverty_guidelines.yaml").resolve()
    return _load_guidelines(path, path.stat().st_mtime if path.exists() else 0.0)
