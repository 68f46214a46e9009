"""Program rules applied to a household's facts: determination plus explanation."""

from casekit.cases.eligibility.engine import Determination, TestResult, determine, net_monthly_income
from casekit.cases.eligibility.facts import household_facts
from casekit.cases.eligibility.programs import load_guidelines, load_programs, poverty_limit

__all__ = [
    "Determination",
    "TestResult",
    "determine",
    "household_facts",
    "load_guidelines",
    "load_programs",
    "net_monthly_income",
    "poverty_limit",
]
