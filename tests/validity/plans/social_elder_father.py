"""Noor, arranging care at home for her father while she keeps her job: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in the
social history of the memory clinic note: twice this month a neighbour found a gas burner turned
on and unlit while Yusuf was alone, he does not remember it, and his daughter did not know; the
form and Noor herself say he is fine alone in the mornings. The programs are decided for the
person each is for: Yusuf's coverage on his own benefit and savings, Noor's on the household's.
"""

from write_plans import with_changes

CASE = "social-services-elder-father-home-care-daughter"

CRITICAL = ["home-safety-hazard"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

ATTENDEES = ["Noor Haddad", "Yusuf Haddad", "case manager"]

FLAGS = [
    ("applicant-income", "inconsistent",
     "Gives $2,392, Noor's pay and Yusuf's benefit together; his own income is $1,105 (2026 benefit letter)."),
    ("applicant-resources", "inconsistent",
     "Gives $7,680, both accounts; account 5139 ($6,200.40) is Noor's alone, his own account 2208 holds $1,480.12."),
    ("safe-alone", "inconsistent",
     "Says yes for a few hours; Dr. Lindqvist's 02/19 note records two gas burners left on and unlit while he "
     "was alone, and advises supervision."),
    ("representative", "missing", "No representative or proxy named, although Noor signed for him."),
    ("signature", "inconsistent", "Signed by Noor with no authority recorded; Yusuf signs or names her."),
]

ELIGIBILITY = [
    ("medicaid-aged-disabled", True, "resources",
     "Yusuf, 81, on his own figures, as the program counts the applicant alone: income $1,105 under $1,330, "
     "savings $1,480.12 under $2,000. On the form's household figures he would be refused on both.", "yusuf"),
    ("state-health-coverage-adults", True, "income",
     "Noor, 54: household income $2,392 a month is under $2,488.60 (138% for two). Eligible; apply now."),
]

NOTE = (
    "03/10 intake with Noor; Yusuf joined. SAME DAY: Dr. Lindqvist's 02/19 note records that a neighbour twice "
    "found a gas burner on and unlit while Yusuf was alone (7:30-12:00 weekdays); he does not remember and Noor "
    "did not know. Agreed with Noor that he does not use the stove alone: she turns the gas off at the stove "
    "valve tonight and takes the knobs off before work; fire department home safety visit booked for gas and "
    "smoke alarms this week; until Hearthside starts, a neighbour looks in at 10:00. Whose need is whose: "
    "Yusuf's coverage, personal care, day program and health care proxy; Noor's own coverage, respite and job. "
    "Yusuf's State Health Coverage for Older and Disabled Adults decided on his own figures, not the form's: "
    "$1,105 income (limit $1,330) and $1,480.12 savings (limit $2,000): eligible; application corrected, bank "
    "letter requested that account 5139 is Noor's alone. Noor: State Health Coverage for Adults, household "
    "$2,392 under $2,488.60, eligible; application filed today, and she restarts her blood pressure tablets. "
    "Respite vouchers for Noor; her full-time post is held until 06/30. Elder law appointment for a proxy "
    "while Yusuf can name Noor. Told Noor to report any change in his income or savings within 10 days. Next "
    "contact 03/13 after the safety visit."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("home-safety-hazard", "critical"),
        ("adl-personal-care", "high"),
        ("caregiver-strain", "high"),
        ("health-coverage-gap", "high"),
        ("cognitive-impairment", "moderate"),
        ("advance-care-planning", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("home-safety-hazard",
         "Yusuf never uses the gas stove alone: gas off at the valve or knobs removed on Noor's working days",
         "stove made safe before Noor leaves for work on 03/11; burners found on since: 0", "2026-03-11"),
        ("home-safety-hazard",
         "The fire department fits gas and smoke alarms and makes a plan with Noor",
         "alarms fitted by 03/14", "2026-03-14"),
        ("adl-personal-care",
         "Yusuf attends Hearthside on each of Noor's working days, with help to bathe and dress",
         "enrolled and attending by 03/31; personal care hours authorised once his coverage is approved",
         "2026-03-31"),
        ("caregiver-strain",
         "Noor has regular breaks through the respite vouchers and decides about the full-time post",
         "8 or more respite hours a month from 04/10; decision recorded by 06/30", "2026-04-10"),
        ("health-coverage-gap",
         "Noor's own State Health Coverage application is filed and she restarts her tablets",
         "application filed by 03/17; tablets refilled by 04/10", "2026-04-10"),
        ("advance-care-planning",
         "Yusuf names Noor as his health care proxy and authorized representative",
         "signed proxy and representative form on file by 04/30", "2026-04-30"),
        ("cognitive-impairment",
         "Yusuf is supervised on Noor's working days, as his doctor advised",
         "no weekday morning alone after 03/31", "2026-03-31"),
    ],
    "actions": [
        ("Agree the stove plan with Noor: gas off at the valve tonight, knobs off on working days",
         "social-worker", "2026-03-10"),
        ("Book the fire department home safety visit", "community-health-worker", "2026-03-10"),
        ("Correct Yusuf's application to his own income and savings and file it", "benefits-specialist",
         "2026-03-12"),
        ("File Noor's own State Health Coverage application", "benefits-specialist", "2026-03-17"),
        ("Enrol Yusuf at Hearthside for Noor's working days", "social-worker", "2026-03-17"),
        ("Complete the respite voucher application with Noor", "social-worker", "2026-03-17"),
        ("Book the elder law appointment for the proxy", "administrative-assistant", "2026-03-13"),
    ],
    "referrals": [
        ("harbor-fire-home-safety-visits", "home-safety-hazard"),
        ("hearthside-adult-day-program", "adl-personal-care", "yusuf"),
        ("family-caregiver-respite-vouchers", "caregiver-strain"),
        ("benefits-bridge-enrollment", "health-coverage-gap"),
        ("graylock-elder-law-project", "advance-care-planning", "yusuf"),
    ],
    "rights": [
        "consent-to-share-information",
        "provide-accurate-information",
        "provide-verification-by-due-date",
        "report-changes-within-timeframe",
        "appeal-denial-with-notice",
        "fair-hearing",
        "participate-in-own-plan",
    ],
    "info": [
        ("memory-clinic", "A letter on Yusuf's need for supervision and personal care, for the assessment and "
                          "the day program"),
        ("bank", "Confirmation that account 5139 is Noor's alone and she is only a convenience signer on 2208"),
        ("employer", "The cost of the full-time post's health plan and whether her hours can change"),
    ],
    "delegations": [
        ("stove-safety-today", "social-worker"),
        ("fire-safety-visit", "community-health-worker"),
        ("correct-medicaid-application", "benefits-specialist"),
        ("adult-day-enrolment", "social-worker"),
        ("respite-application", "social-worker"),
        ("noor-coverage-application", "benefits-specialist"),
        ("proxy-appointment", "administrative-assistant"),
    ],
    "meeting": ("2026-03-10", ATTENDEES,
                "Make the stove safe today, correct Yusuf's application, his day program and proxy, and Noor's "
                "own coverage and respite"),
    "note": NOTE,
    "revisions": [
        ("insurance-payout", [], [], ["medicaid-aged-disabled"],
         "Noor reported the $1,300 payment today, within 10 days. Yusuf's coverage redetermined on his own "
         "savings: $2,780 is over the $2,000 resource limit, so he is not eligible while it stays. He may spend "
         "it on what he needs or on an irrevocable prepaid funeral plan, which is generally not counted: check "
         "with the eligibility worker before buying, then send the receipt. Noor's own coverage is unaffected."),
        ("wrist-fracture", ["fall-risk", "iadl-household-help"],
         ["silver-table-home-delivered-meals", "safestep-home-modification"], [],
         "Yusuf is homebound with the cast and cannot go to Hearthside: Silver Table home-delivered meals from "
         "this week, with the driver's daily check, so he never needs the stove. SafeStep asked for grab bars "
         "and a bath seat after this second fall. Respite hours and personal care aide hours to cover Noor's "
         "working mornings until the cast is off."),
    ],
}

# ---------------------------------------------------------------- competent

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[1]],
    "needs": [
        ("home-safety-hazard", "critical"),
        ("adl-personal-care", "high"),
        ("caregiver-strain", "moderate"),
    ],
    "eligibility": [
        ("medicaid-aged-disabled", True, "income", "His own income is under the limit.", "yusuf"),
        ("state-health-coverage-adults", True, "income", "Under the limit."),
    ],
    "goals": [
        ("home-safety-hazard", "Yusuf does not use the stove alone", "stove made safe", "2026-03-13"),
        ("adl-personal-care", "Yusuf gets help at home", "help started", "2026-04-30"),
        ("caregiver-strain", "Noor gets a break", "she feels better", "2026-04-30"),
    ],
    "actions": [
        ("Talk to Noor about the stove", "case-manager", "2026-03-10"),
        ("File Yusuf's application", "benefits-specialist", "2026-03-17"),
    ],
    "referrals": [
        ("harbor-fire-home-safety-visits", "home-safety-hazard"),
        ("hearthside-adult-day-program", "adl-personal-care", "yusuf"),
    ],
    "rights": ["report-changes-within-timeframe", "provide-verification-by-due-date", "appeal-denial-with-notice"],
    "info": [("bank", "Whose accounts they are")],
    "delegations": [
        ("stove-safety-today", "social-worker"),
        ("correct-medicaid-application", "benefits-specialist"),
        ("adult-day-enrolment", "social-worker"),
    ],
    "meeting": ("2026-03-10", ["Noor Haddad", "case manager"], "Application"),
    "note": (
        "The memory clinic note says burners were left on while Yusuf was alone, so the stove is made safe and a "
        "fire safety visit booked. His coverage decided on his own income and savings: eligible. Day program "
        "for him."
    ),
    "revisions": [
        ("insurance-payout", [], [], ["medicaid-aged-disabled"], "Savings now over $2,000; report the change."),
        ("wrist-fracture", ["fall-risk"], [], [], "He fell. Keep an eye on him."),
    ],
}

# ---------------------------------------------------------------- missed-critical: takes "fine on his own" at its word

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] != "safe-alone"],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "home-safety-hazard"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "home-safety-hazard"],
    actions=[a for a in EXCELLENT["actions"] if "stove" not in a[0] and "fire" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "home-safety-hazard"],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] not in {"stove-safety-today", "fire-safety-visit"}],
    meeting=("2026-03-10", ATTENDEES,
             "Correct Yusuf's application, his day program and proxy, and Noor's own coverage and respite"),
    note=(
        "03/10 intake with Noor; Yusuf joined. Whose need is whose: Yusuf's coverage, personal care, day program "
        "and health care proxy; Noor's own coverage, respite and job. Yusuf's State Health Coverage for Older "
        "and Disabled Adults decided on his own figures, not the form's: $1,105 income (limit $1,330) and "
        "$1,480.12 savings (limit $2,000): eligible; application corrected, bank letter requested. Noor: State "
        "Health Coverage for Adults, household $2,392 under $2,488.60, eligible; application filed today. "
        "Respite vouchers for Noor; her full-time post is held until 06/30. Elder law appointment for a proxy. "
        "Report any change in his income or savings within 10 days. Next contact 03/17."
    ),
    revisions=[
        EXCELLENT["revisions"][0],
        ("wrist-fracture", ["fall-risk", "iadl-household-help"],
         ["silver-table-home-delivered-meals", "safestep-home-modification"], [],
         "Yusuf is homebound with the cast and cannot go to Hearthside: Silver Table home-delivered meals from "
         "this week. SafeStep asked for grab bars and a bath seat after this second fall. Respite and personal "
         "care aide hours to cover Noor's working mornings."),
    ],
)

# ---------------------------------------------------------------- superficial

SUPERFICIAL = {
    "flags": [],
    "needs": [("adl-personal-care", "high")],
    "eligibility": [("medicaid-aged-disabled", False, "income", "Household income is too high.", "yusuf")],
    "goals": [("adl-personal-care", "Yusuf will get help.", "help", "2026-05-31")],
    "actions": [("Send the application", "case-manager", None)],
    "referrals": [("hearthside-adult-day-program", "adl-personal-care", "yusuf")],
    "rights": ["appeal-denial-with-notice"],
    "info": [],
    "delegations": [("nursing-home-assessment", "social-worker")],
    "meeting": ("2026-03-10", ["Noor Haddad"], "Application"),
    "note": "Daughter wants help at home for her father. Sent the application.",
    "revisions": [
        ("insurance-payout", [], [], [], "Insurance money received."),
        ("wrist-fracture", [], [], [], "He broke his wrist."),
    ],
}

# ---------------------------------------------------------------- in-house: the county's own benefits specialist

IN_HOUSE = with_changes(
    EXCELLENT,
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "health-coverage-gap"],
)

SYNONYMS = {
    "home-safety-hazard": ["home-accessibility", "durable-medical-equipment"],
    "adl-personal-care": ["home-health-skilled-care", "supported-living-placement"],
    "caregiver-strain": ["mental-health-treatment"],
}

VAGUE = {
    "*": ("Noor and her father will be supported in a person-centred, holistic way so that the family can "
          "continue to manage at home, with all services working together in partnership.",
          "Noor feels that things at home are generally better."),
    "home-safety-hazard": (
        "Yusuf's safety at home will be kept in mind by the family and the services involved, with appropriate "
        "steps taken as and when they seem needed.",
        "Everyone feels the home is safer."),
}
