"""Lucía, applying for food assistance for a three-generation household: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is on
the back of a document brought as proof of a cost: the utility statement is a FINAL NOTICE
(disconnection on or after February 24, seven days after intake), and the pulmonary note shows
that Graciela depends on an electric oxygen concentrator, which she already turns off at night
to keep the bill down. A disconnection would take her oxygen away.
"""

from write_plans import with_changes

CRITICAL = ["utility-shutoff"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "social-services-food-assistance-three-generations"

ATTENDEES = ["Lucía Benavides", "Graciela Ortiz", "Rosa Delgado", "case manager"]

FLAGS = [
    ("household-members", "inconsistent",
     "Leaves out Graciela Ortiz (68), who lives and cooks with them: lease occupant addendum of 10/04/2025, "
     "her benefit letter's address (Apartment 2B, changed October 2025) and the pulmonary note."),
    ("household-size", "inconsistent", "Says 2; the household that buys and cooks food together is 3."),
    ("older-or-disabled-member", "inconsistent",
     "Says no, but Graciela is 68: the gross income test is waived and the asset limit is higher."),
    ("other-income", "inconsistent", "Says none; Graciela's survivor's benefit is $1,010 a month (2026 letter)."),
    ("child-care-cost", "missing",
     "Left blank; Little Acorns' statement shows $740 a month for Mateo, paid so Lucía can work; it is a "
     "deduction."),
    ("bank-accounts", "inconsistent",
     "Gives $1,200 for the household, which leaves out Graciela's money; the verified countable assets are "
     "$3,650, and her bank statement is still needed."),
    ("health-coverage", "missing", "Graciela is not listed; her benefit letter shows a Medicare premium deducted."),
]

ELIGIBILITY = [
    ("county-food-assistance", True, "net-income",
     "Household of 3 with Graciela (68), so the gross test ($4,130 against $2,888) is waived. Net: $4,130 - "
     "$624 (20% of earnings) - $209 standard - $740 child care = $2,557; shelter $1,650 less half of that "
     "leaves $371.50, uncapped for an elderly member; net $2,185.50 is under the $2,221 limit. Assets $3,650 "
     "under the $4,500 limit. Eligible, by about $35 a month: without the child care deduction the form left "
     "blank it would fail."),
    ("state-health-coverage-adults", False, "income",
     "Lucía is 33, but the household's $4,130 a month is over the $3,141.80 limit (138% for 3). Redetermine "
     "if her hours change; meanwhile Benefits Bridge checks other coverage."),
    ("family-nutrition-wic-2025-26", False, "income",
     "Mateo (4) is in the category, but $49,560 a year is just over the $49,302.50 limit (185%), as the clinic "
     "said. Once food assistance is approved he is income-eligible through it: book the WIC appointment then.",
     "mateo"),
]

NOTE = (
    "02/17 intake on Lucía's lunch break; Graciela by phone through Rosa Delgado, qualified interpreter. SAME "
    "DAY: the Northvale statement Lucía brought as proof of utilities is a FINAL NOTICE, disconnection on or "
    "after 02/24 with $611.84 past due, and Dr. Quintero's 01/28 note shows Graciela on a 2 L/min electric "
    "concentrator 24 hours a day, already switching it off at night to save money (86% on room air). Called "
    "Northvale today to report the medical equipment and ask for a hold; asked Dr. Quintero's office for the "
    "medical certificate; energy crisis fund application started with Lucía (a pending application holds "
    "disconnection 15 days). Told Graciela, through the interpreter, to keep the oxygen on at night. "
    "Household is 3, not 2 as on the form: Graciela lives and eats with them (lease addendum, benefit letter). "
    "Food assistance: gross test waived for a member over 60; net $2,185.50 against $2,221 with the $740 "
    "child care deduction the form left blank; assets $3,650 under $4,500: eligible. Verification still due: "
    "Graciela's bank statement. Greenway pantry this week for the last week before payday. Adult coverage: "
    "not eligible at $4,130 (limit $3,141.80); Benefits Bridge to screen Lucía's options. WIC: $257.50 a year "
    "over; eligible through food assistance once approved. Graciela's inhaler unfilled since December ($47 "
    "copay): Tri-County copay help and Extra Help. Mateo's speech (single words at 4, two teacher requests): "
    "Early Steps screening with Lucía's consent. Lucía is exhausted, up nights with her mother: respite "
    "vouchers offered. Told her to report income changes within 10 days; the practice is reviewing staffing."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("utility-shutoff", "critical"),
        ("food-insecurity", "high"),
        ("medication-access", "high"),
        ("benefits-enrollment", "high"),
        ("health-coverage-gap", "high"),
        ("developmental-delay", "high"),
        ("infant-child-nutrition", "moderate"),
        ("caregiver-strain", "moderate"),
        ("language-interpreter", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("utility-shutoff",
         "Northvale holds the disconnection: it has the medical certificate for Graciela's oxygen and the "
         "energy crisis fund application is filed with Lucía",
         "hold confirmed by Northvale by 02/20, before the 02/24 disconnection date; fund application filed "
         "by 02/18", "2026-02-20"),
        ("utility-shutoff",
         "Graciela runs her concentrator 24 hours a day, as prescribed, once the bill is on hold",
         "Graciela and Lucía report 24-hour use at the follow-up call on 02/27", "2026-02-27"),
        ("food-insecurity",
         "The family does not run out of food before payday: Greenway pantry this week, then food assistance",
         "first pantry visit by 02/19; food assistance decided within 30 days of the 02/12 application",
         "2026-03-14"),
        ("benefits-enrollment",
         "The food assistance application is complete for a household of 3, with the child care cost and "
         "Graciela's bank statement",
         "all verification received by the due date and the application updated by 02/24", "2026-02-24"),
        ("medication-access",
         "Graciela restarts her maintenance inhaler with copay help, and applies for Extra Help",
         "inhaler refilled by 02/27; Extra Help application filed by 03/06", "2026-03-06"),
        ("health-coverage-gap",
         "Benefits Bridge screens Lucía for every coverage option open to her",
         "screening appointment attended and an application filed, or the reason recorded, by 03/06",
         "2026-03-06"),
        ("developmental-delay",
         "Mateo has a speech and developmental screening at Early Steps",
         "screening done and the result explained to Lucía by 03/13", "2026-03-13"),
        ("infant-child-nutrition",
         "Mateo is certified for WIC once food assistance is approved",
         "certification appointment held within 14 days of the approval", "2026-03-20"),
        ("caregiver-strain",
         "Lucía gets regular breaks from night-time care of her mother",
         "respite voucher application filed by 02/27 and the first respite visit used by 03/20", "2026-03-20"),
        ("language-interpreter",
         "Graciela takes part in every meeting through a qualified interpreter, not her daughter",
         "interpreter present at the 02/17 call and every later meeting", "2026-02-17"),
    ],
    "actions": [
        ("Call Northvale Power and Gas to report the oxygen concentrator and ask for a disconnection hold",
         "social-worker", "2026-02-17"),
        ("Ask Dr. Quintero's office for a medical certificate for the utility and a letter on oxygen use",
         "administrative-assistant", "2026-02-17"),
        ("Complete the energy crisis fund application with Lucía and send the verification",
         "benefits-specialist", "2026-02-18"),
        ("Collect Graciela's bank statement and update the application to a household of 3 with child care",
         "benefits-specialist", "2026-02-24"),
        ("Help Graciela apply for Extra Help with Medicare drug costs", "benefits-specialist", "2026-03-06"),
        ("Give Lucía Greenway's address and hours (Thursday 10:00-18:00)", "case-manager", "2026-02-17"),
        ("Arrange Mateo's developmental and speech screening at Early Steps", "community-health-worker",
         "2026-02-20"),
        ("Book Mateo's WIC appointment as soon as food assistance is approved", "administrative-assistant",
         "2026-03-06"),
    ],
    "referrals": [
        ("northvale-energy-crisis-fund", "utility-shutoff"),
        ("greenway-community-food-pantry", "food-insecurity"),
        ("tri-county-pharmacy-assistance", "medication-access", "graciela"),
        ("benefits-bridge-enrollment", "health-coverage-gap"),
        ("benefits-bridge-enrollment", "medication-access", "graciela"),
        ("early-steps-child-development", "developmental-delay", "mateo"),
        ("family-caregiver-respite-vouchers", "caregiver-strain"),
    ],
    "rights": [
        "utility-medical-protection",
        "interpreter-at-no-cost",
        "consent-to-share-information",
        "provide-accurate-information",
        "provide-verification-by-due-date",
        "report-changes-within-timeframe",
        "appeal-denial-with-notice",
        "fair-hearing",
    ],
    "info": [
        ("utility", "Record Graciela's oxygen concentrator, hold the 02/24 disconnection, and offer a payment "
                    "arrangement for the $611.84 past due"),
        ("pulmonologist", "Medical certificate for Northvale and a letter that oxygen is needed 24 hours; a "
                          "lower-cost maintenance inhaler if there is one"),
        ("child-care", "A signed statement of the $740 monthly tuition for the application"),
    ],
    "delegations": [
        ("utility-hold-call", "social-worker"),
        ("medical-certificate", "administrative-assistant"),
        ("energy-fund-application", "benefits-specialist"),
        ("collect-verification", "benefits-specialist"),
        ("interpret-family-meeting", "qualified-interpreter"),
        ("medicare-drug-help", "benefits-specialist"),
        ("wic-appointment", "administrative-assistant"),
        ("speech-screening", "community-health-worker"),
    ],
    "meeting": ("2026-02-17", ATTENDEES,
                "Stop the disconnection today, agree who is in the household, the food assistance application "
                "and what is still needed, coverage, Mateo's WIC and speech screening"),
    "note": NOTE,
    "revisions": [
        ("food-assistance-approved", [], [], ["family-nutrition-wic-2025-26"],
         "Food assistance approved for 3 from the application date. WIC redetermined: the clinic was right that "
         "income is just over 185%, but receiving food assistance now makes Mateo income-eligible: certification "
         "appointment booked and a reminder sent; Lucía told the clinic's 'just over' no longer applies. "
         "Disconnection on hold while the energy fund application is reviewed: medical certificate confirmed on "
         "file with Northvale; checked that Graciela now runs the oxygen at night; follow-up before the hold "
         "ends."),
        ("hours-cut", ["income-loss", "housing-eviction-risk", "childcare"],
         ["harbor-county-emergency-rent-utility", "harbor-child-care-scholarship", "harbor-workforce-center"],
         ["county-food-assistance", "state-health-coverage-adults", "family-nutrition-wic-2025-26"],
         "Yes, she must report: the cut from 03/16 is reported today, within 10 days, with her next pay stubs. "
         "Redetermined: gross now $2,882 ($1,872 + $1,010); food assistance continues at a higher benefit (net "
         "about $688); State Health Coverage for Adults now met ($2,882 is under $3,141.80), apply this week; WIC "
         "unchanged through food assistance. April rent: Harbor County Emergency Rent (about 130% of poverty, "
         "under its 150%) applied for now because of the 21-day wait, and Lucía to tell Mr. Salas before the "
         "1st. Child care scholarship for the $740 she must keep paying; Workforce Center for more hours."),
    ],
}

# ---------------------------------------------------------------- competent

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[1], FLAGS[4]],
    "needs": [
        ("utility-shutoff", "critical"),
        ("food-insecurity", "high"),
        ("health-coverage-gap", "moderate"),
        ("infant-child-nutrition", "moderate"),
    ],
    "eligibility": [
        ("county-food-assistance", True, "net-income", "Net income is under the limit for 3 people."),
        ("state-health-coverage-adults", False, "income", "Income over the limit."),
        ("family-nutrition-wic-2025-26", True, "category", "Mateo is under five.", "mateo"),
    ],
    "goals": [
        ("utility-shutoff", "The power stays on for Graciela's oxygen",
         "Northvale confirms a hold before 02/24", "2026-02-23"),
        ("food-insecurity", "The family has enough food", "they have food", "2026-03-31"),
        ("infant-child-nutrition", "Mateo gets WIC", "WIC started", "2026-03-31"),
    ],
    "actions": [
        ("Call the utility about the oxygen", "case-manager", "2026-02-17"),
        ("Apply to the energy crisis fund", "benefits-specialist", "2026-02-20"),
    ],
    "referrals": [
        ("northvale-energy-crisis-fund", "utility-shutoff"),
        ("greenway-community-food-pantry", "food-insecurity"),
    ],
    "rights": ["utility-medical-protection", "report-changes-within-timeframe", "provide-verification-by-due-date"],
    "info": [("utility", "Hold the disconnection")],
    "delegations": [
        ("utility-hold-call", "social-worker"),
        ("energy-fund-application", "benefits-specialist"),
        ("collect-verification", "benefits-specialist"),
        ("wic-appointment", "administrative-assistant"),
    ],
    "meeting": ("2026-02-17", ["Lucía Benavides", "case manager"], "Application"),
    "note": (
        "Household is 3 with Lucía's mother. The utility bill is a final notice and Graciela uses electric "
        "oxygen, so I asked for a hold and an energy fund application. Food assistance eligible on net income "
        "with the child care deduction. Pantry for now."
    ),
    "revisions": [
        ("food-assistance-approved", [], [], [], "Approved. Lucía can apply for WIC now."),
        ("hours-cut", ["income-loss"], [], ["county-food-assistance"],
         "She must report the change in 10 days. Food assistance recalculated on lower income."),
    ],
}

# ---------------------------------------------------------------- missed-critical: reads the bill as proof of a cost

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    needs=[n for n in EXCELLENT["needs"] if n[0] != "utility-shutoff"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "utility-shutoff"],
    actions=[a for a in EXCELLENT["actions"]
             if "Northvale" not in a[0] and "energy" not in a[0] and "certificate" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "utility-shutoff"],
    rights=[r for r in EXCELLENT["rights"] if r != "utility-medical-protection"],
    info=[
        ("pulmonologist", "A lower-cost maintenance inhaler if there is one"),
        ("child-care", "A signed statement of the $740 monthly tuition for the application"),
    ],
    delegations=[d for d in EXCELLENT["delegations"]
                 if d[0] not in {"utility-hold-call", "medical-certificate", "energy-fund-application"}],
    meeting=("2026-02-17", ATTENDEES,
             "Agree who is in the household, the food assistance application and what is still needed, "
             "coverage, Mateo's WIC and speech screening"),
    note=(
        "02/17 intake on Lucía's lunch break; Graciela by phone through Rosa Delgado, qualified interpreter. "
        "Household is 3, not 2 as on the form: Graciela lives and eats with them (lease addendum, benefit "
        "letter). Food assistance: gross test waived for a member over 60; net $2,185.50 against $2,221 with "
        "the $740 child care deduction the form left blank; shelter costs $1,650 with the $255 average utility "
        "bill; assets $3,650 under $4,500: eligible. Verification still due: Graciela's bank statement. "
        "Greenway pantry this week. Adult coverage: not eligible at $4,130; Benefits Bridge to screen Lucía's "
        "options. WIC: just over 185%; eligible through food assistance once approved. Graciela's inhaler "
        "unfilled since December ($47 copay): Tri-County copay help and Extra Help. Mateo's speech: Early Steps "
        "screening with consent. Lucía exhausted: respite vouchers offered. Report income changes within 10 "
        "days."
    ),
    revisions=[
        ("food-assistance-approved", [], [], ["family-nutrition-wic-2025-26"],
         "Food assistance approved for 3 from the application date. WIC redetermined: income is just over 185%, "
         "but receiving food assistance makes Mateo income-eligible: certification appointment booked and a "
         "reminder sent."),
        EXCELLENT["revisions"][1],
    ],
)

# ---------------------------------------------------------------- superficial

SUPERFICIAL = {
    "flags": [FLAGS[1]],
    "needs": [("food-insecurity", "high"), ("health-coverage-gap", "moderate")],
    "eligibility": [("county-food-assistance", False, "gross-income", "Income is too high.")],
    "goals": [
        ("food-insecurity", "Lucía will have more food.", "more food", "2026-04-30"),
        ("health-coverage-gap", "Lucía will get insurance.", "insured", "2026-04-30"),
    ],
    "actions": [("Process the application", "case-manager", None)],
    "referrals": [("greenway-community-food-pantry", "food-insecurity")],
    "rights": ["report-changes-within-timeframe"],
    "info": [],
    "delegations": [("collect-verification", "benefits-specialist")],
    "meeting": ("2026-02-17", ["Lucía Benavides"], "Interview"),
    "note": "Lucía applied for food assistance. Gave her the pantry address.",
    "revisions": [
        ("food-assistance-approved", [], [], [], "Approved."),
        ("hours-cut", [], [], [], "Hours cut. She should report it."),
    ],
}

# ---------------------------------------------------------------- in-house: the county's own benefits specialist

IN_HOUSE = with_changes(
    EXCELLENT,
    note=NOTE.replace(
        "Benefits Bridge to screen Lucía's options",
        "our benefits specialist screens Lucía's options",
    ).replace(
        'Tri-County copay help and Extra Help',
        'Extra Help filed by our benefits specialist',
    ),
    goals=[g for g in EXCELLENT["goals"] if g[0] not in {"medication-access", "health-coverage-gap"}] + [
        ("medication-access",
         "The department's benefits specialist files Graciela's Extra Help application with her, and the "
         "pharmacist's copay for the inhaler is covered from the Extra Help decision",
         "Extra Help application filed by 02/27 and the inhaler refilled by 03/06", "2026-03-06"),
        ("health-coverage-gap",
         "The department's benefits specialist screens Lucía for health coverage and files the application "
         "that fits", "application filed, or the reason none fits recorded, by 03/06", "2026-03-06"),
    ],
    actions=EXCELLENT["actions"] + [
        ("Screen Lucía for health coverage options and file the application that fits", "benefits-specialist",
         "2026-03-06"),
    ],
    referrals=[r for r in EXCELLENT["referrals"]
               if r[0] not in {"benefits-bridge-enrollment", "tri-county-pharmacy-assistance"}],
)

SYNONYMS = {
    "utility-shutoff": ["durable-medical-equipment", "home-safety-hazard"],
    "food-insecurity": ["special-diet-nutrition"],
    "health-coverage-gap": ["coverage-denial"],
}

VAGUE = {
    "*": ("The family will be supported in a holistic and culturally sensitive way to improve its overall "
          "situation and wellbeing, working in partnership with all of the services that may be able to help.",
          "Lucía feels that her family is doing better and that things have generally improved."),
    "utility-shutoff": (
        "Lucía and her mother will be helped with their utility situation in an appropriate and timely way so "
        "that the household can feel more secure and stable going forward.",
        "The family feels more secure about the utilities."),
}
