"""Lila, 22 months, in the teen parent program's child center and saying three words: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is split
between a nutrition clinic note from January, which records a raised capillary lead screen that
needed a confirmatory blood test, in a rented house built in 1938, and the lead teacher's
anecdote that Lila has "chewed all the paint off the sill". The form says the lead test was fine
and the doctor has no result: an ongoing exposure in a toddler already behind.
"""

from write_plans import with_changes

CASE = "school-toddler-early-intervention-referral"

CRITICAL = ["lead-exposure"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

ATTENDEES = ["Brianna Carrow", "Denise Carrow", "Rosa Delgado", "Helen Marsh, RN", "Janelle Brooks",
             "teen parent program case manager"]

FLAGS = [
    ("lead-test", "inconsistent",
     "'Fine', but the WIC note of 01/13 records a raised capillary lead screen needing a venous test, and "
     "neither WIC nor Dr. Lindqvist has a confirmatory result."),
    ("newborn-hearing", "inconsistent",
     "'Passed', but the hospital screen referred the left ear and the 02/2025 rescreen was not attended."),
    ("home-built", "missing",
     "Blank; the WIC note says the rented house was built in 1938, before lead paint was banned."),
    ("household-income", "inconsistent",
     "$2,850 is Denise's pay only; Brianna's weekend wages add $380, so $3,230 verified."),
    ("consent-to-share", "missing",
     "Unsigned; Brianna must sign before the screening goes to the doctor and early intervention."),
]

ELIGIBILITY = [
    ("part-c-early-intervention", False, "delay-or-condition",
     "Lila is under 3, but no evaluation has yet found a delay or a diagnosed condition; the screening is "
     "a reason to refer now, and the evaluation decides."),
    ("kids-health-coverage", True, "income",
     "Active; $3,230 a month for 3 is under $5,691.67 (250%), so it stays in place for the tests."),
]

NOTE = (
    "11/09 meeting with Brianna (Lila's mother, who decides for her) and Denise. LEAD FIRST: WIC recorded a "
    "raised capillary lead screen on 01/13 with a venous test needed; no result anywhere, and the form says "
    "'fine'. The house was built in 1938 and Lila has chewed the paint off the front-room sill. Nurse Marsh "
    "called Dr. Lindqvist's office today: venous test 11/12; county lead program referral for a home visit; "
    "from tonight Lila is kept off the sill, and sills and floors are wet-wiped. Development: screening at 22 "
    "months below the cutoffs in communication and personal-social; referral to Harbor Early Intervention "
    "phoned this week with Brianna's signed consent, not a rescreen in February; evaluation and family service "
    "plan within 45 days, at no cost. Hearing: left ear referred at the newborn screen and never retested; she "
    "does not turn to her name from behind; hearing test booked. 18-month well visit booked. Coverage active. "
    "Brianna asked whether this is her fault: told her plainly it is not. Review 11/23."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("lead-exposure", "critical"),
        ("developmental-delay", "high"),
        ("sensory-impairment", "high"),
        ("caregiver-strain", "low"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("lead-exposure",
         "Nurse Marsh gets Lila's confirmatory blood lead test done and the county lead team visits the home; "
         "Brianna and Denise keep her off the front-room sill",
         "venous test done by 11/13; home visit by 11/16; lead-safe cleaning in place from 11/09", "2026-11-16"),
        ("developmental-delay",
         "Brianna agrees to the early intervention referral, phoned this week, and Lila's evaluation and family "
         "service plan follow", "referral phoned by 11/11; family service plan signed by 12/24", "2026-12-24"),
        ("sensory-impairment",
         "Lila has the hearing test the newborn screen called for", "audiology appointment attended by 12/04",
         "2026-12-04"),
        ("caregiver-strain",
         "Brianna meets Ms. Brooks weekly about being a young parent", "weekly sessions attended from 11/16",
         "2026-12-14"),
    ],
    "actions": [
        ("Call Dr. Lindqvist's office for a venous lead test this week", "registered-nurse", "2026-11-09"),
        ("Lead-safe steps at home with Brianna and Denise", "registered-nurse", "2026-11-10"),
        ("Phone the referral to Harbor Early Intervention", "social-worker", "2026-11-11"),
        ("Book the hearing test", "registered-nurse", "2026-11-13"),
        ("Book the 18-month well visit", "administrative-assistant", "2026-11-13"),
        ("Brianna's consent to share signed", "social-worker", "2026-11-09"),
    ],
    "referrals": [
        ("harbor-county-lead-program", "lead-exposure"),
        ("harbor-early-intervention-program", "developmental-delay"),
        ("harbor-early-intervention-program", "sensory-impairment"),
    ],
    "rights": [
        "early-intervention-family-rights",
        "consent-to-share-information",
        "participate-in-own-plan",
        "confidentiality-and-limits",
    ],
    "info": [
        ("wic-clinic", "The January capillary lead result and referral letter, for the doctor"),
        ("pediatrician", "A venous lead test order this week, the hearing rescreen and the 18-month visit"),
        ("lead-teacher", "The full screening form for the referral, and what Lila mouths at the center"),
        ("program-nurse", "Help for Brianna with the lead-safe cleaning and the appointments"),
    ],
    "delegations": [
        ("lead-test", "registered-nurse"),
        ("lead-safe-steps", "registered-nurse"),
        ("well-visit", "administrative-assistant"),
        ("ei-referral", "social-worker"),
        ("hearing-test", "registered-nurse"),
        ("consent-forms", "social-worker"),
    ],
    "meeting": ("2026-11-09", ATTENDEES, "The lead result, the screening and the referral, hearing, the well visit"),
    "note": NOTE,
    "revisions": [
        ("lead-confirmed", ["housing-eviction-risk"], ["riverbend-tenant-legal-clinic"], [],
         "Raised lead confirmed; the inspector found lead paint on the sills and porch and ordered the owner to "
         "make them safe. Two days later a 30-day notice: possible retaliation. Denise is not to leave or sign "
         "anything before the Riverbend Tenant Legal Clinic sees it. Lead-safe cleaning continues with the county "
         "lead nurse; Lila kept out of the front room. Result sent to Dr. Lindqvist and to early intervention."),
        ("ei-evaluation", [], [], ["part-c-early-intervention"],
         "Evaluation found a communication and social delay and a moderate left hearing loss: now eligible for "
         "early intervention. Brianna decides the family service plan with the coordinator on 12/21; she has "
         "invited Ms. Delgado from Little Steps, where the weekly speech sessions will be given. Ear specialist "
         "and hearing aid appointment booked; Kids Health Coverage pays."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[4]],
    "needs": [
        ("lead-exposure", "critical"),
        ("developmental-delay", "high"),
    ],
    "eligibility": [
        ("part-c-early-intervention", True, "under-three", "She is under 3."),
    ],
    "goals": [
        ("lead-exposure", "Lila has a blood lead test", "test done by 11/16", "2026-11-16"),
        ("developmental-delay", "Lila is referred to early intervention", "referred", "2026-11-30"),
    ],
    "actions": [
        ("Ask the doctor for a lead test", "registered-nurse", "2026-11-10"),
        ("Early intervention referral", "social-worker", "2026-11-13"),
    ],
    "referrals": [("harbor-early-intervention-program", "developmental-delay")],
    "rights": ["early-intervention-family-rights"],
    "info": [("pediatrician", "Lead test order")],
    "delegations": [
        ("lead-test", "registered-nurse"),
        ("ei-referral", "social-worker"),
        ("preschool-evaluation", "school-psychologist"),
    ],
    "meeting": ("2026-11-09", ["Brianna Carrow", "Helen Marsh, RN", "teen parent program case manager"],
                "Screening results"),
    "note": "Lead screen was raised in January and never confirmed; test this week. Early intervention referral.",
    "revisions": [
        ("lead-confirmed", ["housing-eviction-risk"], [], [], "Lead confirmed. Landlord gave notice."),
        ("ei-evaluation", [], [], ["part-c-early-intervention"], "Eligible now. Family service plan meeting."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] not in {"lead-test", "home-built"}],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "lead-exposure"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "lead-exposure"],
    actions=[a for a in EXCELLENT["actions"] if "ead" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "lead-exposure"],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"wic-clinic", "pediatrician", "program-nurse"}] + [
        ("pediatrician", "The hearing rescreen and the 18-month visit"),
    ],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] not in {"lead-test", "lead-safe-steps"}],
    meeting=("2026-11-09", ATTENDEES, "The screening and the referral, hearing, the well visit"),
    note=(
        "11/09 meeting with Brianna (Lila's mother, who decides for her) and Denise. Development: screening at 22 "
        "months below the cutoffs in communication and personal-social; referral to Harbor Early Intervention "
        "phoned this week with Brianna's signed consent, not a rescreen in February; evaluation and family "
        "service plan within 45 days, at no cost. Hearing: left ear referred at the newborn screen and never "
        "retested; she does not turn to her name from behind; hearing test booked. 18-month well visit booked. "
        "Coverage active. Brianna asked whether this is her fault: told her plainly it is not. Review 11/23."
    ),
    revisions=[
        ("lead-confirmed", ["housing-eviction-risk"], ["riverbend-tenant-legal-clinic"], [],
         "A 30-day notice after the health department's repair order: possible retaliation. Denise is not to "
         "leave or sign anything before the Riverbend Tenant Legal Clinic sees it."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("developmental-delay", "moderate")],
    "eligibility": [("part-c-early-intervention", True, None, "She is behind.")],
    "goals": [("developmental-delay", "Lila will talk more.", "talks more", "2027-02-28")],
    "actions": [("Rescreen in February", "case-manager", None)],
    "referrals": [("early-steps-child-development", "developmental-delay")],
    "rights": ["participate-in-own-plan"],
    "info": [],
    "delegations": [("rescreen-february", "registered-nurse")],
    "meeting": ("2026-11-09", ["Brianna Carrow"], "Screening"),
    "note": "Lila is behind in talking. Will rescreen in February.",
    "revisions": [
        ("lead-confirmed", [], [], [], "Lead test came back."),
        ("ei-evaluation", [], [], [], "Lila was evaluated."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "sensory-impairment"],
)

SYNONYMS = {
    "lead-exposure": ["home-safety-hazard", "medical-follow-up", "undiagnosed-medical-symptoms"],
    "developmental-delay": ["special-education-evaluation", "learning-accommodations"],
}

VAGUE = {
    "*": ("Lila will be supported in a holistic, family-centred and strengths-based way so that she can grow, "
          "learn and thrive alongside her young mother.",
          "The family and the center feel Lila is doing generally better."),
    "lead-exposure": (
        "Lila's health and home environment will be looked after sensitively and appropriately by the relevant "
        "professionals, with the family kept informed as needed.",
        "Staff are less worried about Lila's health."),
}
