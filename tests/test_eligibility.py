"""The eligibility engine against published limits and the rules' special routes."""

from __future__ import annotations

import pytest

from casekit.eligibility import determine, load_guidelines, load_programs, poverty_limit
from casekit.errors import CasekitError, UnknownProgramError

# Published FY2026 SNAP monthly income limits, 48 states and DC (fns.usda.gov).
SNAP_FY2026_GROSS = {1: 1696, 2: 2292, 3: 2888, 4: 3483}
SNAP_FY2026_NET = {1: 1305, 2: 1763, 3: 2221, 4: 2680}


def base_facts(**overrides):
    facts = {
        "state_group": "contiguous",
        "household_size": 1,
        "gross_monthly_income": 0.0,
        "earned_monthly_income": 0.0,
        "shelter_costs_monthly": 0.0,
        "dependent_care_monthly": 0.0,
        "countable_assets": 0.0,
        "elderly_or_disabled": False,
        "person_age": 35,
        "receives_snap": False,
        "receives_medicaid": False,
        "receives_tanf": False,
        "wic_category": False,
        "gross_annual_income": 0.0,
    }
    facts.update(overrides)
    return facts


@pytest.mark.parametrize("size,published", sorted(SNAP_FY2026_GROSS.items()))
def test_snap_gross_limits_match_published_table(size, published):
    """Does the gross limit computed from the 2025 guidelines equal FNS's FY2026 table?"""
    program = load_programs().get("county-food-assistance")
    limit = poverty_limit(program.test("gross-income").limit, load_guidelines(), program.guideline_year, size, "contiguous")
    assert limit == published


@pytest.mark.parametrize("size,published", sorted(SNAP_FY2026_NET.items()))
def test_snap_net_limits_match_published_table(size, published):
    """Does the net limit computed from the 2025 guidelines equal FNS's FY2026 table?"""
    program = load_programs().get("county-food-assistance")
    limit = poverty_limit(program.test("net-income").limit, load_guidelines(), program.guideline_year, size, "contiguous")
    assert limit == published


def test_gross_income_just_over_the_limit_fails_and_is_the_deciding_test():
    """A one-person household $1 over the gross limit is ineligible, and the gross test decides it."""
    d = determine("county-food-assistance", base_facts(gross_monthly_income=1697, earned_monthly_income=1697))
    assert not d.met
    assert d.test("gross-income").status == "failed"
    assert d.deciding_tests == ["gross-income"]
    assert "$1,696" in d.explanation


def test_elderly_or_disabled_household_skips_the_gross_test():
    """With an elderly or disabled member, only the net test applies (the gross test is waived)."""
    facts = base_facts(gross_monthly_income=1800, elderly_or_disabled=True, shelter_costs_monthly=1500)
    d = determine("county-food-assistance", facts)
    assert d.test("gross-income").status == "waived"
    assert d.test("net-income").passed
    assert d.met


def test_asset_limit_rises_for_elderly_or_disabled():
    """$4,000 in assets fails the ordinary $3,000 limit but passes the $4,500 one."""
    ordinary = determine("county-food-assistance", base_facts(countable_assets=4000))
    elderly = determine("county-food-assistance", base_facts(countable_assets=4000, elderly_or_disabled=True))
    assert ordinary.test("assets").status == "failed" and ordinary.test("assets").limit == 3000
    assert elderly.test("assets").passed and elderly.test("assets").limit == 4500


def test_net_income_uses_earned_income_and_standard_deductions():
    """$1,500 of wages: net = 1500 - 20% (300) - standard 209 = 991."""
    d = determine("county-food-assistance", base_facts(gross_monthly_income=1500, earned_monthly_income=1500))
    assert d.test("net-income").value == pytest.approx(991)


def test_wic_adjunctive_route_passes_the_income_test():
    """A SNAP household over 185% still passes WIC's income test by adjunctive eligibility."""
    facts = base_facts(household_size=3, wic_category=True, gross_annual_income=60000, receives_snap=True)
    d = determine("family-nutrition-wic", facts)
    assert d.met
    assert d.test("income").status == "passed_by_alternative"
    assert d.deciding_tests == ["income"]


def test_wic_needs_a_pregnant_member_or_young_child():
    facts = base_facts(household_size=3, wic_category=False, gross_annual_income=1000)
    d = determine("family-nutrition-wic", facts)
    assert not d.met and d.deciding_tests == ["category"]


def test_adult_coverage_at_138_percent_of_2026_guideline():
    """One adult: 138% of $15,960 / 12 = $1,835.40 a month; a cent over fails."""
    ok = determine("state-health-coverage-adults", base_facts(gross_monthly_income=1835.40))
    over = determine("state-health-coverage-adults", base_facts(gross_monthly_income=1835.41))
    assert ok.met and not over.met
    assert over.deciding_tests == ["income"]


def test_mmi_is_met_by_either_route():
    """Maximum medical improvement: certified by the doctor, or 104 weeks of benefits."""
    neither = determine("state-workers-comp-mmi", {"doctor_certified_mmi": False, "weeks_of_temporary_benefits": 60})
    statute = determine("state-workers-comp-mmi", {"doctor_certified_mmi": False, "weeks_of_temporary_benefits": 104})
    assert not neither.met and set(neither.deciding_tests) == {"doctor-certified", "statutory-104-weeks"}
    assert statute.met and statute.deciding_tests == ["statutory-104-weeks"]


def test_unknown_program_names_the_known_ones():
    with pytest.raises(UnknownProgramError, match="county-food-assistance"):
        determine("no-such-program", base_facts())


def test_a_missing_fact_says_which_and_where_to_add_it():
    with pytest.raises(CasekitError, match="qualifying_inpatient_days.*facts"):
        determine("harbor-snf-benefit", base_facts())


def test_explanation_is_plain_language_with_the_simulation_named():
    d = determine("county-food-assistance", base_facts(gross_monthly_income=900, earned_monthly_income=900))
    assert d.met
    assert d.explanation.startswith("County Food Assistance (a simulated program modelled on SNAP")
    assert "so this test is met" in d.explanation
