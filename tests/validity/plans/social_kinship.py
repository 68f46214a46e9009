"""Marie-Claude, 62, raising her two grandchildren without custody: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in the
school's emergency card and early dismissal log, read with the court order: "D. Pike" signed
Kayla out on November 20 and December 2, after Darren James Pike was ordered to stay away from
her school and have no contact; the mother's card still lists "DJ Pike" and the school has no
order on file. Kayla cried the next day. The man who hurt her has had her alone.
"""

from write_plans import with_changes

CASE = "social-services-kinship-care-grandmother"

CRITICAL = ["abuse-neglect-exploitation"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

ATTENDEES = ["Marie-Claude Joseph", "Wisly Bastien", "case manager"]

FLAGS = [
    ("custody-status", "inconsistent",
     "Says CPS gave her custody; the safety plan is voluntary and the order leaves custody undecided."),
    ("pickup-list", "inconsistent",
     "Says only she and Rose Pierre; the school card still lists 'DJ Pike', who signed Kayla out on 11/20 and 12/02."),
    ("caregiver-coverage", "inconsistent", "Says through work; part-time aides cannot join the plan (stubs)."),
    ("language", "inconsistent", "Says English; she reads Creole and French and needed the interpreter."),
]

ELIGIBILITY = [
    ("child-only-cash-assistance", True, "no-parent-in-home",
     "The children live with her, no parent is in the home, no income of their own: eligible; her wages do not "
     "count."),
    ("kinship-guardianship-assistance", False, "licensed-foster-care",
     "The children are under a voluntary safety plan, not in licensed foster care with her, and return home is not "
     "ruled out: not eligible now."),
    ("state-health-coverage-adults", True, "income",
     "$2,300 for 3 under $3,141.80; she is 62. Eligible."),
]

NOTE = (
    "12/14 with Marie-Claude after her night shift; Wisly Bastien interpreting (Creole). SAFETY FIRST: the "
    "school's log shows 'D. Pike' signed Kayla out on 11/20 and 12/02, though the 10/21 court order bars Darren "
    "James Pike from her school and any contact; the mother's August card still lists 'DJ Pike' and the school had "
    "no order. Kayla cried on 12/03. Took the order and safety plan to the school office today; his name removed "
    "from the card; Ms. Greene (CPS) told today, with the dates, for a possible interview of Kayla; police to be "
    "called if he comes. LEGAL: voluntary safety plan, no custody; kinship clinic this week for guardianship. "
    "BENEFITS: child-only grant eligible (no parent in the home; her wages do not count), filed; guardianship "
    "assistance not eligible (no licensed foster care, return not ruled out), explained; her coverage eligible "
    "($2,300 under $3,141.80), filed; children's cards to her address. Jonah: child care scholarship from January "
    "before Rose stops. Kinship Care Circle offered. Confidentiality and its limits, consent to share, appeal and "
    "reporting changes explained. Next call 12/16."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("abuse-neglect-exploitation", "critical"),
        ("kinship-legal-custody", "immediate"),
        ("childcare", "high"),
        ("health-coverage-gap", "high"),
        ("benefits-enrollment", "high"),
        ("trauma-grief-support", "moderate"),
        ("caregiver-strain", "moderate"),
        ("language-interpreter", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("abuse-neglect-exploitation",
         "The school has the court order and Darren Pike is off Kayla's card, and CPS knows of the two sign-outs",
         "order on file and card corrected on 12/14; Ms. Greene told 12/14", "2026-12-15"),
        ("kinship-legal-custody",
         "Marie-Claude petitions the Family Court for guardianship of Kayla and Jonah",
         "kinship clinic appointment by 12/17; petition filed that week", "2026-12-21"),
        ("childcare",
         "Jonah has a child care place from January, paid by the scholarship",
         "scholarship application filed by 12/16; start date confirmed by 01/04", "2027-01-04"),
        ("health-coverage-gap",
         "Marie-Claude's State Health Coverage for Adults application is filed",
         "application submitted by 12/18; decision within 45 days", "2027-01-31"),
        ("benefits-enrollment",
         "The child-only grant is filed and the children's coverage cards come to her address",
         "application receipt by 12/18; cards received by 01/04", "2027-01-04"),
        ("trauma-grief-support",
         "Kayla is offered counselling for what happened and her nightmares",
         "CPS or the school counselor arranges a first appointment by 01/15", "2027-01-15"),
        ("caregiver-strain",
         "Marie-Claude joins the Kinship Care Circle for support",
         "first group meeting attended by 01/15", "2027-01-15"),
        ("language-interpreter",
         "Every meeting has a Creole interpreter and letters come in Creole or French",
         "interpreter at every meeting from 12/14", "2026-12-14"),
    ],
    "actions": [
        ("Take the court order and safety plan to Millbrook Elementary and remove Pike from the card",
         "social-worker", "2026-12-14"),
        ("Tell Ms. Greene at CPS about the two sign-outs", "case-manager", "2026-12-14"),
        ("Refer to the Family Court kinship clinic for guardianship", "social-worker", "2026-12-15"),
        ("File the child-only grant and ask for the children's cards", "benefits-specialist", "2026-12-18"),
        ("File State Health Coverage for Marie-Claude", "benefits-specialist", "2026-12-18"),
        ("Apply for a child care scholarship for Jonah", "benefits-specialist", "2026-12-16"),
    ],
    "referrals": [
        ("harbor-family-court-kinship-clinic", "kinship-legal-custody"),
        ("harbor-child-care-scholarship", "childcare"),
        ("benefits-bridge-enrollment", "health-coverage-gap"),
        ("kinship-care-circle", "caregiver-strain"),
    ],
    "rights": [
        "interpreter-at-no-cost",
        "confidentiality-and-limits",
        "consent-to-share-information",
        "appeal-denial-with-notice",
        "report-changes-within-timeframe",
    ],
    "info": [
        ("school", "Who signed Kayla out on 11/20 and 12/02, with sign-out records, for CPS and the police"),
        ("cps", "The two sign-outs; whether Kayla needs an interview or medical check; a letter for the petition"),
    ],
    "delegations": [
        ("school-order", "social-worker"),
        ("guardianship-petition", "social-worker"),
        ("child-only-application", "benefits-specialist"),
        ("coverage-cards", "benefits-specialist"),
        ("caregiver-coverage", "benefits-specialist"),
        ("child-care", "benefits-specialist"),
        ("kinship-group", "community-health-worker"),
        ("interpreter-letters", "administrative-assistant"),
    ],
    "meeting": ("2026-12-14", ATTENDEES, "The school sign-outs today, guardianship, benefits, Jonah's care"),
    "note": NOTE,
    "revisions": [
        ("guardianship-and-school", [], [], [],
         "Temporary guardianship granted: copy to the school so it deals with her. The man's attempt to collect "
         "Kayla is a breach of the order: reported to the police and to Ms. Greene at CPS today. Kayla is not to "
         "walk home: Marie-Claude or Rose will pick her up from the after-school line. Counselling for Kayla's "
         "fear asked of CPS."),
        ("mother-moves-in", [], [], ["child-only-cash-assistance", "state-health-coverage-adults"],
         "Change reported within 10 days: with a parent in the home the child-only grant ends. Nadège to make her "
         "own application for Family Cash Assistance as the parent. Marie-Claude's coverage still eligible ($2,300 "
         "for 4 under $3,795). Safety plan: Nadège's contact stays supervised; the guardianship stands."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[1]],
    "needs": [
        ("abuse-neglect-exploitation", "critical"),
        ("kinship-legal-custody", "immediate"),
        ("childcare", "moderate"),
    ],
    "eligibility": [
        ("child-only-cash-assistance", True, "lives-with-relative", "The children live with her."),
        ("kinship-guardianship-assistance", True, None, "She is their grandmother."),
        ("state-health-coverage-adults", True, "income", "Under the limit."),
    ],
    "goals": [
        ("abuse-neglect-exploitation", "The school stops Pike collecting Kayla", "order at school", "2026-12-15"),
        ("kinship-legal-custody", "She gets guardianship", "guardianship granted", "2027-01-31"),
        ("childcare", "Jonah has child care", "care found", "2027-01-31"),
    ],
    "actions": [
        ("Give the order to the school", "social-worker", "2026-12-14"),
        ("Refer to the kinship clinic", "social-worker", "2026-12-16"),
    ],
    "referrals": [("harbor-family-court-kinship-clinic", "kinship-legal-custody")],
    "rights": ["interpreter-at-no-cost", "confidentiality-and-limits"],
    "info": [("cps", "The sign-outs")],
    "delegations": [
        ("school-order", "social-worker"),
        ("guardianship-petition", "social-worker"),
        ("foster-licence-payment", "benefits-specialist"),
    ],
    "meeting": ("2026-12-14", ["Marie-Claude Joseph", "Wisly Bastien", "case manager"], "Benefits"),
    "note": (
        "Pike signed Kayla out twice despite the order: order to the school, CPS told. She needs guardianship; "
        "child-only grant and foster payments applied for."
    ),
    "revisions": [
        ("guardianship-and-school", [], [], [], "Guardianship granted; the man tried again, police called."),
        ("mother-moves-in", [], [], ["child-only-cash-assistance"], "Mother home; grant ends."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] != "pickup-list"],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "abuse-neglect-exploitation"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "abuse-neglect-exploitation"],
    actions=[a for a in EXCELLENT["actions"] if "Pike" not in a[0] and "sign-outs" not in a[0]],
    info=[("cps", "A letter for the guardianship petition")],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] != "school-order"],
    meeting=("2026-12-14", ATTENDEES, "Guardianship, benefits, Jonah's care"),
    note=(
        "12/14 with Marie-Claude after her night shift; Wisly Bastien interpreting (Creole). LEGAL: voluntary safety "
        "plan, no custody, so the school will not discuss Kayla with her; kinship clinic this week for "
        "guardianship. BENEFITS: child-only grant eligible (no parent in the home), filed; guardianship assistance "
        "not eligible (no licensed foster care), explained; her coverage eligible, filed; children's cards to her "
        "address. Jonah: child care scholarship from January. Kayla has nightmares: counselling. Kinship Care "
        "Circle offered. Rights explained. Next call 12/21."
    ),
    revisions=[
        ("guardianship-and-school", [], [], [],
         "Temporary guardianship granted: copy to the school. The school turned away a man asking for Kayla: police "
         "and CPS told. Counselling for Kayla's fear asked of CPS."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("benefits-enrollment", "high")],
    "eligibility": [("kinship-guardianship-assistance", True, None, "She cares for them.")],
    "goals": [("benefits-enrollment", "She gets benefits.", "benefits", "2027-02-28")],
    "actions": [("Send the application", "case-manager", None)],
    "referrals": [("benefits-bridge-enrollment", "benefits-enrollment")],
    "rights": ["appeal-denial-with-notice"],
    "info": [],
    "delegations": [("foster-licence-payment", "benefits-specialist")],
    "meeting": ("2026-12-14", ["Marie-Claude Joseph"], "Benefits"),
    "note": "Grandmother wants help with money for the grandchildren. Applied for foster payments.",
    "revisions": [
        ("guardianship-and-school", [], [], [], "Guardianship granted."),
        ("mother-moves-in", [], [], [], "Mother moved in."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "health-coverage-gap"],
)

SYNONYMS = {
    "abuse-neglect-exploitation": ["domestic-violence", "criminal-legal-involvement"],
    "kinship-legal-custody": ["decision-making-support", "advance-care-planning"],
    "childcare": ["school-attendance"],
}

VAGUE = {
    "*": ("Marie-Claude and the children will be supported in a culturally responsive, family-centred way so that "
          "the family can thrive together, with all services working in partnership.",
          "Marie-Claude feels that the family is doing generally better."),
    "abuse-neglect-exploitation": (
        "The children's wellbeing will be kept in mind by everyone involved, with appropriate steps taken as "
        "and when they seem needed.",
        "Everyone feels the children are safer."),
}
