"""Ernesto, an emergency shelter resident with a written warning for curfew: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in
the night advisor's incident note, written up as a third late return: a man who "appeared
intoxicated" with a breath test of 0.00, sweating, slurring and confused, who was calm and
talking normally fifteen minutes after two juice boxes, and who takes "the pill for dinner" at
six at work and eats when he gets back to a closed kitchen. Read with the clinic note (glipizide
added on April 24, to be taken only just before a meal) and the employer's letter (no meal break
during service), it is repeated low blood sugar from a sulfonylurea taken without food.
"""

from write_plans import with_changes

CRITICAL = ["medication-safety"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "treatment-shelter-curfew-warning"

ATTENDEES = ["Ernesto Salcido Ibarra", "Renata Osei", "Abena Mensah, NP", "Kyle Brandt", "Spanish interpreter",
             "shelter case manager"]

FLAGS = [
    ("monthly-income", "inconsistent",
     "Says $0; the employer's letter of 04/30 and his pay stubs show 24 hours a week at $15 since 04/27, about "
     "$1,560 a month."),
    ("employer", "inconsistent", "Says not working; he has worked at the Harborside Grill since 04/27."),
    ("living-situation", "inconsistent",
     "Gives the cousin's address on Delmar Avenue; he has been at Tidewater Street Shelter since 04/06."),
    ("mailing-address", "missing", "Blank; use the shelter's address so the interview letter reaches him."),
    ("preferred-language", "inconsistent",
     "Says English; intake records Spanish and that he reads English only a little."),
]

ELIGIBILITY = [
    ("state-health-coverage-adults", True, "income",
     "He is 57; his wages of $1,560 a month are under the $1,835.40 limit (138% for 1)."),
    ("county-food-assistance", True, "net-income",
     "Gross $1,560 is under $1,696; net $1,560 - $312 (20% of earnings) - $209 = $1,039, under $1,305."),
]

NOTE = (
    "05/12 met Ernesto with the telephone interpreter (Spanish) about the 05/11 written warning for three late "
    "returns. MEDICAL SAFETY FIRST: the incident notes describe what looks like low blood sugar, not "
    "intoxication: breath test 0.00, heavy sweating, slurred speech, unsteady and confused, then calm and "
    "talking normally 15 minutes after two juice boxes; on 05/07 pale and shaky. The clinic added glipizide "
    "10 mg twice daily on 04/24, to be taken just before meals; since starting work he takes the evening dose "
    "at 6 p.m. at the restaurant and eats nothing until after 9 (no meal break; shelter kitchen closed after "
    "8). No meter. Called the street medicine team for a same-day review of the evening dose before his next "
    "shift and a glucose meter; night staff briefed on low blood sugar (juice, recheck, call 911 if not "
    "better); snack and juice kept at the desk; kitchen asked to hold a plate on work nights. Bed: rule 3.1 "
    "allows a standing late pass for verified work after 8 p.m.; late pass requested with the employer's "
    "letter, and a written request for the director to review the warning sent today, within the three days, "
    "with a qualified interpreter booked for the meeting. He was given the English handbook and signed an "
    "English warning he could not read; rule 3.1 and the warning to be sight-translated. Benefits: "
    "application corrected (wages $1,560, employer, shelter address, Spanish) before the 05/19 interview; "
    "eligible for adult coverage and food assistance on verified wages. Housing navigation referral for a room "
    "he can afford. Next review 05/15 after the clinic visit."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("medication-safety", "critical"),
        ("shelter-placement-at-risk", "immediate"),
        ("language-interpreter", "high"),
        ("health-coverage-gap", "high"),
        ("homelessness", "high"),
        ("food-insecurity", "moderate"),
        ("benefits-enrollment", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("medication-safety",
         "Ernesto has no more low blood sugar episodes: the evening glipizide is changed to fit his work hours "
         "and he has a glucose meter", "dose or timing changed by the clinic and a meter in hand by 05/13; no "
         "episode logged by night staff through 05/22", "2026-05-22"),
        ("shelter-placement-at-risk",
         "Ernesto keeps bed 41: a standing late pass for work nights and the warning reviewed",
         "late pass signed and review request received by the director by 05/14", "2026-05-14"),
        ("language-interpreter",
         "Every rule and notice reaches Ernesto in Spanish",
         "qualified interpreter at the review; rule 3.1 and the warning sight-translated by 05/15",
         "2026-05-15"),
        ("health-coverage-gap",
         "Ernesto has State Health Coverage", "approval notice by 05/31", "2026-05-31"),
        ("homelessness",
         "Ernesto moves into a room he can afford on his wages",
         "navigator intake by 05/19; three applications by 06/15", "2026-06-15"),
        ("food-insecurity",
         "Ernesto eats an evening meal on work nights", "late plate on the kitchen list from 05/13",
         "2026-05-13"),
        ("benefits-enrollment",
         "The application is corrected before the interview",
         "wages, employer, shelter address and Spanish reported by 05/18", "2026-05-18"),
    ],
    "actions": [
        ("Same-day review of the evening glipizide and a glucose meter", "registered-nurse", "2026-05-12"),
        ("Brief night staff on low blood sugar: juice, recheck, call 911 if not better", "registered-nurse",
         "2026-05-12"),
        ("Keep a snack and juice at the desk and a dinner plate on his work nights", "shelter-resident-advisor",
         "2026-05-12"),
        ("Request a standing late pass under rule 3.1 with the employer's letter", "social-worker", "2026-05-12"),
        ("Written request for the director to review the warning", "social-worker", "2026-05-13"),
        ("Book a qualified Spanish interpreter and sight-translate rule 3.1 and the warning",
         "qualified-interpreter", "2026-05-13"),
        ("Correct the combined application before the 05/19 interview", "benefits-specialist", "2026-05-18"),
        ("Refer to the Housing Navigation Center", "community-health-worker", "2026-05-15"),
    ],
    "referrals": [
        ("harbor-street-medicine-team", "medication-safety"),
        ("benefits-bridge-enrollment", "health-coverage-gap"),
        ("benefits-bridge-enrollment", "benefits-enrollment"),
        ("harbor-housing-navigation-center", "homelessness"),
        ("greenway-community-food-pantry", "food-insecurity"),
    ],
    "rights": [
        "shelter-grievance-procedure",
        "interpreter-at-no-cost",
        "follow-facility-rules",
        "notice-before-program-discharge",
        "provide-accurate-information",
        "participate-in-own-plan",
        "refuse-treatment",
    ],
    "info": [
        ("street-medicine", "Urgent review of the evening glipizide against his work hours; a meter and strips"),
        ("night-advisor", "What he looked like on each late night, how fast he recovered after juice"),
        ("shelter-director", "The late-pass procedure and the review of the warning; a Spanish handbook"),
        ("employer", "Whether he can eat a short meal during service; exact shift end times"),
        ("intake-worker", "How house rules are given to residents who do not read English"),
    ],
    "delegations": [
        ("clinic-today", "registered-nurse"),
        ("meter-and-snack", "registered-nurse"),
        ("night-staff-briefing", "registered-nurse"),
        ("late-pass", "social-worker"),
        ("warning-review", "social-worker"),
        ("interpreter", "qualified-interpreter"),
        ("late-plate", "shelter-resident-advisor"),
        ("fix-application", "benefits-specialist"),
        ("housing-search", "community-health-worker"),
    ],
    "meeting": ("2026-05-13", ATTENDEES,
                "Review of the warning with an interpreter: the low blood sugar behind the late nights, a late "
                "pass for work, and his medicines and meals"),
    "note": NOTE,
    "revisions": [
        ("found-on-the-steps", [], ["harbor-street-medicine-team"], [],
         "EMS measured a blood sugar of 46 on the steps: this was a medical emergency from the glipizide, not a "
         "fourth late return. Street medicine to see him this morning to change the evening dose before his "
         "next shift and give him a meter. Asked the director, with a Spanish interpreter, to restore bed 41 "
         "under the review route and to approve the late pass under rule 3.1; night staff briefed to give juice "
         "and call 911 if he does not improve; food kept at the desk."),
        ("day-shift-full-time", [], ["benefits-bridge-enrollment"],
         ["state-health-coverage-adults", "county-food-assistance"],
         "Full-time day shift, about $2,600 a month. Report the change within 10 days. Now over both limits "
         "($1,835.40 for coverage, $1,696 gross for food), so both will end after notice; Benefits Bridge for a "
         "marketplace plan with premium help or the employer's plan so his medicines do not stop. Clinic to "
         "check the glipizide times against breakfast at 5:15 and the 10:30 staff meal. The late pass is no "
         "longer needed; housing search updated for the higher pay."),
    ],
}

# ---------------------------------------------------------------- competent

COMPETENT = {
    "flags": [f for f in FLAGS if f[0] in {"monthly-income", "living-situation", "preferred-language"}],
    "needs": [
        ("medication-safety", "critical"),
        ("shelter-placement-at-risk", "immediate"),
        ("language-interpreter", "high"),
        ("homelessness", "moderate"),
    ],
    "eligibility": [
        ("state-health-coverage-adults", True, "income", "Wages about $1,560 a month, under the limit."),
        ("county-food-assistance", True, "gross-income", "Under the gross limit."),
    ],
    "goals": [
        ("medication-safety", "Ernesto sees the clinic about his diabetes pills and has no more low sugar",
         "clinic visit this week", "2026-05-15"),
        ("shelter-placement-at-risk", "Ernesto keeps his bed", "late pass approved", "2026-05-15"),
        ("language-interpreter", "Ernesto understands the rules", "interpreter used", "2026-05-15"),
        ("homelessness", "Ernesto finds housing", "housing found", "2026-07-01"),
    ],
    "actions": [
        ("Ask the clinic to review his diabetes pills", "registered-nurse", "2026-05-13"),
        ("Request a late pass for work", "social-worker", "2026-05-13"),
    ],
    "referrals": [
        ("harbor-street-medicine-team", "medication-safety"),
        ("harbor-housing-navigation-center", "homelessness"),
    ],
    "rights": ["shelter-grievance-procedure", "interpreter-at-no-cost", "follow-facility-rules"],
    "info": [
        ("street-medicine", "Review his diabetes pills"),
        ("shelter-director", "Late pass procedure"),
    ],
    "delegations": [
        ("clinic-today", "registered-nurse"),
        ("late-pass", "social-worker"),
        ("interpreter", "qualified-interpreter"),
        ("fix-application", "benefits-specialist"),
    ],
    "meeting": ("2026-05-13", ["Ernesto Salcido Ibarra", "Renata Osei", "Spanish interpreter"],
                "The warning and a late pass"),
    "note": (
        "Ernesto has a written warning for three late returns. The night notes sound like low blood sugar "
        "(breath test 0.00, better after juice); he is on a new diabetes pill. Clinic asked to review it. Asking "
        "for a late pass for his work nights and an interpreter. Application to be updated with his job."
    ),
    "revisions": [
        ("found-on-the-steps", [], [], [],
         "Blood sugar 46 on the steps. Clinic to see him; asked the director to give his bed back."),
        ("day-shift-full-time", [], [], ["state-health-coverage-adults"],
         "Full-time now, over the coverage limit. Report the change."),
    ],
}

# ---------------------------------------------------------------- missed-critical: reads the notes as a curfew problem

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    needs=[n for n in EXCELLENT["needs"] if n[0] != "medication-safety"] + [("transportation", "moderate")],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "medication-safety"] + [
        ("transportation", "Ernesto gets from work to the shelter before the late pass runs out",
         "bus schedule checked and a reduced-fare pass by 05/15", "2026-05-15"),
    ],
    actions=[a for a in EXCELLENT["actions"]
             if "glipizide" not in a[0] and "blood sugar" not in a[0] and "snack" not in a[0]] + [
        ("Keep a dinner plate on his work nights", "shelter-resident-advisor", "2026-05-12"),
        ("Check the bus times from the Harborside Grill", "community-health-worker", "2026-05-13"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "medication-safety"] + [
        ("go-harbor-reduced-fare-pass", "transportation"),
    ],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"street-medicine", "night-advisor"}] + [
        ("night-advisor", "The times of each late return and what he said"),
    ],
    delegations=[d for d in EXCELLENT["delegations"]
                 if d[0] not in {"clinic-today", "meter-and-snack", "night-staff-briefing"}],
    meeting=("2026-05-13", ATTENDEES, "Review of the warning with an interpreter, and a late pass for work"),
    note=(
        "05/12 met Ernesto with the telephone interpreter (Spanish) about the 05/11 written warning for three "
        "late returns. He works Monday to Thursday until 8:30 p.m. and the bus gets him in after nine. Rule 3.1 "
        "allows a standing late pass for verified work after 8 p.m.; late pass requested with the employer's "
        "letter, and a written request for the director to review the warning sent today, within the three "
        "days, with a qualified interpreter booked for the meeting. Staff wrote that he appeared intoxicated; "
        "the breath test was 0.00 and he denies use, so I have asked the director to take that out of the "
        "warning. He was given the English handbook and signed an English warning he could not read. Kitchen "
        "asked to hold a plate on work nights. Benefits: application corrected (wages $1,560, employer, "
        "shelter address, Spanish) before the 05/19 interview; eligible for adult coverage and food assistance. "
        "Housing navigation referral. Reduced-fare bus pass. Next review 05/15."
    ),
    revisions=[
        ("found-on-the-steps", ["medication-safety"], ["harbor-street-medicine-team"], [],
         "Found on the steps sweating and confused; EMS found a blood sugar of 46 and gave glucose. He has "
         "diabetes: clinic asked to see him. Asked the director, with an interpreter, to restore bed 41 since "
         "this was a medical event, and to approve the late pass."),
        EXCELLENT["revisions"][1],
    ],
)

# ---------------------------------------------------------------- superficial

SUPERFICIAL = {
    "flags": [],
    "needs": [("shelter-placement-at-risk", "high"), ("homelessness", "moderate")],
    "eligibility": [("state-health-coverage-adults", True, None, "No income on the form.")],
    "goals": [
        ("shelter-placement-at-risk", "Ernesto will come in on time.", "on time", "2026-06-12"),
        ("homelessness", "Ernesto will find housing.", "has housing", "2026-07-12"),
    ],
    "actions": [("Remind Ernesto of the curfew", "shelter-resident-advisor", None)],
    "referrals": [("lantern-house-adult-shelter", "homelessness")],
    "rights": ["follow-facility-rules"],
    "info": [],
    "delegations": [("substance-assessment", "social-worker")],
    "meeting": ("2026-05-12", ["Ernesto Salcido Ibarra"], "Warning"),
    "note": "Ernesto was late three times and seemed intoxicated. Warning given.",
    "revisions": [
        ("found-on-the-steps", [], [], [], "Late again. Bed released."),
        ("day-shift-full-time", [], [], [], "New job hours."),
    ],
}

# ---------------------------------------------------------------- in-house: the shelter's own staff and clinic

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=[g for g in EXCELLENT["goals"] if g[0] != "medication-safety"] + [
        ("medication-safety",
         "The shelter clinic nurse practitioner changes the evening glipizide to fit his shifts and the shelter "
         "nurse gives him a meter and checks his readings", "dose changed and meter in hand by 05/13; no "
         "episode logged through 05/22", "2026-05-22"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] not in {"medication-safety", "food-insecurity"}],
)

SYNONYMS = {
    "medication-safety": ["medication-adherence", "substance-use-treatment"],
    "shelter-placement-at-risk": ["housing-eviction-risk"],
    "language-interpreter": ["sensory-impairment"],
    "homelessness": ["supported-living-placement"],
}

VAGUE = {
    "*": ("Ernesto will be supported in a person-centred, culturally responsive way to move forward, with "
          "everyone working together to help him succeed at the shelter and beyond.",
          "Ernesto and the team feel things are going better."),
    "medication-safety": (
        "Ernesto's health and wellbeing will be kept in mind by all staff, and he will be supported to look "
        "after himself as well as he can while he is working and staying at the shelter.",
        "Ernesto feels healthier."),
}
