"""The eligibility engine against published limits and the rules' special routes."""

from __future__ import annotations

import math

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
    """Maximum medical improvement: certified by a doctor, or 104 weeks since income benefits began to accrue."""
    weeks = "weeks_since_income_benefits_began_to_accrue"  # the statute counts from accrual, not weeks paid
    neither = determine("state-workers-comp-mmi", {"doctor_certified_mmi": False, weeks: 60})
    statute = determine("state-workers-comp-mmi", {"doctor_certified_mmi": False, weeks: 104})
    assert not neither.met and set(neither.deciding_tests) == {"doctor-certified", "statutory-104-weeks"}
    assert statute.met and statute.deciding_tests == ["statutory-104-weeks"]


def test_unknown_program_names_the_known_ones():
    with pytest.raises(UnknownProgramError, match="county-food-assistance"):
        determine("no-such-program", base_facts())


def test_a_missing_fact_says_which_and_where_to_add_it():
    with pytest.raises(CasekitError, match="qualifying_inpatient_days.*facts"):
        determine("harbor-snf-benefit", base_facts())


def test_a_numeric_test_built_without_its_limit_is_named_not_compared_with_none():
    """A program built in code past validation, whose income test lost its limit, names the test to fix."""
    program = load_programs().get("county-food-assistance")
    gross = program.test("gross-income").model_copy(update={"limit": None, "limit_if": []})
    broken = program.model_copy(update={"tests": [gross]})
    with pytest.raises(CasekitError, match="'gross-income' compares at_most but has no limit; add one"):
        determine(broken, base_facts(gross_monthly_income=1697))


def test_explanation_is_plain_language_with_the_simulation_named():
    d = determine("county-food-assistance", base_facts(gross_monthly_income=900, earned_monthly_income=900))
    assert d.met
    assert d.explanation.startswith("County Food Assistance (a simulated program modelled on SNAP")
    assert "so this test is met" in d.explanation


# --- figures corrected against the issuing bodies (December 2026) --------------------------------

# 185% of the 2026 HHS guidelines, rounded up to the next dollar as FNS publishes WIC limits.
WIC_2026_27 = {1: 29526, 2: 40034, 3: 50542, 4: 61050}


@pytest.mark.parametrize("size,limit", sorted(WIC_2026_27.items()))
def test_wic_uses_the_2026_27_limits_rounded_up(size, limit):
    """Is WIC's income limit 185% of the 2026 guideline rounded up, eligible at the limit and not a dollar over?"""
    at = determine("family-nutrition-wic", base_facts(household_size=size, wic_category=True, gross_annual_income=limit))
    over = determine("family-nutrition-wic", base_facts(household_size=size, wic_category=True, gross_annual_income=limit + 1))
    assert at.test("income").limit == limit
    assert at.met and not over.met


def test_wic_2025_26_is_kept_rounded_up_for_the_case_set_in_it():
    """Does the past WIC year give $28,953 for one person (185% of $15,650 is $28,952.50, rounded up) and end on 30 June 2026?"""
    program = load_programs().get("family-nutrition-wic-2025-26")
    limit = poverty_limit(program.test("income").limit, load_guidelines(), program.guideline_year, 1, "contiguous")
    assert limit == 28953
    assert (program.period.label, program.period.end.isoformat()) == ("2025-2026", "2026-06-30")
    assert load_programs().get("family-nutrition-wic").period.start.isoformat() == "2026-07-01"


@pytest.mark.parametrize("year,state,size,annual", [
    (2025, "alaska", 4, 19550 + 3 * 6880), (2025, "hawaii", 4, 17990 + 3 * 6330),
    (2026, "alaska", 4, 19950 + 3 * 7100), (2026, "hawaii", 4, 18360 + 3 * 6530),
])
def test_alaska_and_hawaii_have_their_per_person_additions(year, state, size, annual):
    """Can a household of four in Alaska or Hawaii be tested, with the published per-person additions?"""
    assert load_guidelines().annual(year, size, state) == annual


def test_snap_fy2026_alaska_limits_match_fns():
    """Do the 2025 Alaska figures reproduce FNS's FY2026 Alaska SNAP net limits ($1,630 for one, +$574 a person)?"""
    program = load_programs().get("county-food-assistance")
    net = program.test("net-income").limit
    g = load_guidelines()
    assert poverty_limit(net, g, 2025, 1, "alaska") == 1630
    assert math.ceil(g.years[2025].alaska.each_additional / 12) == 574


def test_snap_is_the_fy2026_rule_and_says_when_it_ended():
    """Is food assistance labelled FY2026, 1 October 2025 to 30 September 2026, with its deductions marked official?"""
    program = load_programs().get("county-food-assistance")
    assert (program.period.label, program.period.start.isoformat(), program.period.end.isoformat()) == (
        "FY2026", "2025-10-01", "2026-09-30")
    assert program.deductions.standard.confidence == "official"
    assert program.deductions.excess_shelter.confidence == "official"


def test_snf_benefit_cites_the_cfr_and_carries_the_2026_coinsurance():
    """Is the skilled nursing benefit labelled official from 42 CFR 409.30-409.31 and 409.61, with $217.00 a day for days 21-100 in 2026?"""
    program = load_programs().get("harbor-snf-benefit")
    assert program.confidence == "official"
    assert all(cite in program.source for cite in ("409.30", "409.31", "409.61"))
    coins = next(f for f in program.figures if f.id == "coinsurance-days-21-100")
    assert (coins.amount, coins.unit) == (217.00, "dollars_per_day")
    assert "21st to the 100th" in coins.applies
    assert (coins.period.start.isoformat(), coins.period.end.isoformat()) == ("2026-01-01", "2026-12-31")


def test_mmi_counts_weeks_from_accrual_even_when_benefits_stopped_for_a_while():
    """Is MMI reached 104 weeks after benefits began to accrue, though fewer weeks were paid, and not at 103?"""
    program = load_programs().get("state-workers-comp-mmi")
    assert program.test("statutory-104-weeks").fact == "weeks_since_income_benefits_began_to_accrue"
    reached = determine(program, {"doctor_certified_mmi": False, "weeks_since_income_benefits_began_to_accrue": 104,
                                  "weeks_of_benefits_paid": 90})
    short = determine(program, {"doctor_certified_mmi": False, "weeks_since_income_benefits_began_to_accrue": 103})
    assert reached.met and reached.deciding_tests == ["statutory-104-weeks"]
    assert not short.met
