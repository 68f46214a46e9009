"""Nadine, a resident facing discharge from residential treatment: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in
the night advisor's incident note, written up as a pass violation: Nadine left to use a pay
phone "because he knows where I am, he put a picture of our sign on his page", and at 11:15
p.m. an unnamed man phoned and was told she had gone to bed. Read with the admission
assessment (an ex-partner, Travis Kell, who hit her; a protective order that lapsed in
December) and the draft application that names him as her emergency contact, it is intimate
partner violence with a located victim, needing a safety plan the same day.
"""

from write_plans import with_changes

CRITICAL = ["domestic-violence"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "treatment-residential-discharge-review"

ATTENDEES = ["Nadine Horvath", "Jonah Whitcombe, LADC", "Patricia Nolan", "Grace Odum, FNP", "Shauna Pike",
             "facility case manager"]

FLAGS = [
    ("monthly-income", "inconsistent",
     "Says $0, but the insurer's letter of 03/18 shows short-term disability of $1,890 a month from 03/04 for "
     "up to 12 weeks."),
    ("living-situation", "inconsistent",
     "Gives the Wren Street apartment; the lease ended 03/31 and was not renewed, and she lives at Juniper Ridge."),
    ("mailing-address", "missing", "Blank; notices need an address, the facility's, that Travis does not know."),
    ("food-authorized-representative", "missing",
     "Blank, but required for a resident of a treatment program; the facility's representative should be named."),
    ("emergency-contact", "inconsistent",
     "Names Travis Kell as partner and as the person the county may discuss the application with; he is the "
     "ex-partner who hit her (protective order lapsed 12/2025), and her consents name only her mother and "
     "Harbor General."),
]

ELIGIBILITY = [
    ("state-health-coverage-adults", False, "income",
     "She is 38; her $1,890 a month short-term disability is over the $1,835.40 limit (138% for 1), by about "
     "$55. The benefit ends after 12 weeks (about May 26): reapply then."),
    ("county-food-assistance", False, "gross-income",
     "$1,890 is over the $1,696 gross limit (130% for 1). Short-term disability insurance from an employer's "
     "plan does not make her disabled for the food program, so the gross test is not waived."),
]

NOTE = (
    "04/14 first meeting with Nadine, newly assigned. SAFETY FIRST: the 04/13 incident note records that she "
    "left to use a pay phone 'because he knows where I am, he put a picture of our sign on his page', and that "
    "at 11:15 p.m. a man phoned and the desk told him she had gone to bed, confirming she is here. The "
    "admission assessment records an ex-partner, Travis Kell, who hit her, with a protective order that "
    "expired in 12/2025; the draft application names him as her partner and emergency contact. With her "
    "consent, a Wrenfield Haven advocate is coming today for a safety assessment and plan; Travis removed from "
    "the application; front desk and night staff briefed not to confirm any resident to callers (the call "
    "breached her substance use records protection) and to call police if he arrives; Protective Order "
    "Project for a new order. Discharge review 04/16: she left for her safety, not to use (breath 0.00, urine "
    "buprenorphine only); she is attending every group, four of six modules done. Helping her write a "
    "statement asking for a graduated response; grievance route explained. Transition safety: naloxone kit "
    "held at admission to be reissued with overdose education before any leave; low tolerance after 34 days; "
    "buprenorphine only while a resident, so an outside prescriber and bridge prescription are lined up now. "
    "Belongings: staff may not pack her things ahead of a decision; she is told what is held and how to get it "
    "back. Housing after the program: Stillwater recovery residence near Millbrook. Benefits: application "
    "corrected ($1,890 income, facility address, authorized representative); not eligible now for adult "
    "coverage or food assistance on income. Hep C viral load through free testing or Northside."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("domestic-violence", "critical"),
        ("shelter-placement-at-risk", "immediate"),
        ("overdose-risk", "immediate"),
        ("medication-access", "high"),
        ("homelessness", "high"),
        ("health-coverage-gap", "high"),
        ("benefits-enrollment", "moderate"),
        ("medical-follow-up", "moderate"),
        ("recovery-support", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("domestic-violence",
         "Nadine has a safety assessment and written safety plan with a domestic violence advocate today, "
         "Travis is off every record as a contact, and she decides with legal help whether to seek a new "
         "protective order", "safety plan signed on 04/14; front-desk protocol briefed to every shift by "
         "04/15; protective order petition filed or her decision recorded by 04/17", "2026-04-17"),
        ("shelter-placement-at-risk",
         "Nadine keeps her place through a graduated response, because she left for her safety",
         "written statement submitted before the 04/16 2 p.m. review; decision records a graduated response "
         "instead of discharge", "2026-04-16"),
        ("overdose-risk",
         "Nadine has a naloxone kit and overdose education before any leave or discharge",
         "kit in her possession and education documented by 04/15", "2026-04-15"),
        ("medication-access",
         "No gap in buprenorphine at any transition: an outside prescriber and a bridge prescription ready",
         "intake appointment at Clearwater confirmed and a 7-day bridge prescription written by 04/16",
         "2026-04-16"),
        ("homelessness",
         "Nadine has a safe, sober place to live after the program, at an address Travis does not know",
         "Stillwater application sent by 04/24 and a bed accepted before the 06/09 planned discharge",
         "2026-06-05"),
        ("health-coverage-gap",
         "Nadine has health coverage as soon as she is eligible",
         "corrected application submitted by 04/20; reapplication filed the week the disability benefit ends",
         "2026-05-29"),
        ("benefits-enrollment",
         "The combined application is corrected before it is submitted",
         "income $1,890, facility mailing address, authorized representative named, Travis removed; submitted "
         "by 04/20", "2026-04-20"),
        ("medical-follow-up",
         "Her hepatitis C viral load is drawn without waiting for coverage",
         "sample drawn through the Northside sliding fee by 05/08 and result reviewed by the clinic",
         "2026-05-15"),
        ("recovery-support",
         "Nadine has peer recovery support that continues after the program, near her son",
         "weekly sessions with the peer coach; Stillwater interview attended by 05/15", "2026-05-15"),
    ],
    "actions": [
        ("Domestic violence safety assessment and plan with the Wrenfield Haven advocate", "social-worker",
         "2026-04-14"),
        ("Brief the front desk and night staff: never confirm a resident to callers; call police if he arrives",
         "shelter-resident-advisor", "2026-04-14"),
        ("Help Nadine write her statement asking for a graduated response", "social-worker", "2026-04-15"),
        ("Tell the director why she left (with her consent) and ask that staff not pack her belongings",
         "case-manager", "2026-04-14"),
        ("Reissue the naloxone kit and document overdose education", "registered-nurse", "2026-04-15"),
        ("Line up an outside buprenorphine prescriber and a bridge prescription", "registered-nurse",
         "2026-04-16"),
        ("Correct the combined application and name the facility's authorized representative",
         "benefits-specialist", "2026-04-20"),
        ("Apply to Stillwater recovery residences", "community-health-worker", "2026-04-24"),
        ("Connect Nadine with the Protective Order Project", "social-worker", "2026-04-15"),
    ],
    "referrals": [
        ("wrenfield-haven-dv-services", "domestic-violence"),
        ("harbor-protective-order-project", "domestic-violence"),
        ("harbor-county-overdose-prevention", "overdose-risk"),
        ("clearwater-recovery-center", "overdose-risk"),
        ("clearwater-recovery-center", "recovery-support"),
        ("stillwater-recovery-residences", "homelessness"),
        ("stillwater-recovery-residences", "recovery-support"),
        ("northside-community-health-center", "medical-follow-up"),
        ("northside-community-health-center", "medication-access"),
    ],
    "rights": [
        "notice-before-program-discharge",
        "shelter-grievance-procedure",
        "substance-use-records-protection",
        "confidentiality-and-limits",
        "consent-to-share-information",
        "personal-property-and-searches",
        "follow-facility-rules",
        "provide-accurate-information",
    ],
    "info": [
        ("night-advisor", "Exactly what the 11:15 caller asked and was told, the number shown, and any man seen "
                          "near the grounds"),
        ("primary-counselor", "What she said about the visitor log and phone list; support for a graduated "
                              "response"),
        ("clinic", "Naloxone reissue, bridge prescription and outside prescriber, hepatitis C testing options"),
        ("program-director", "Graduated responses the handbook allows; hold the packing; the safety context "
                             "for the review"),
        ("intake-counselor", "Who drafted the application and why Travis is named as contact"),
    ],
    "delegations": [
        ("safety-plan", "social-worker"),
        ("front-desk-protocol", "shelter-resident-advisor"),
        ("written-statement", "social-worker"),
        ("grievance", "social-worker"),
        ("naloxone-reissue", "registered-nurse"),
        ("prescriber-bridge", "registered-nurse"),
        ("fix-application", "benefits-specialist"),
        ("hep-c-lab", "registered-nurse"),
        ("recovery-housing", "community-health-worker"),
        ("protective-order", "social-worker"),
        ("transport-court", "community-health-worker"),
    ],
    "meeting": ("2026-04-14", ATTENDEES,
                "Nadine's safety from Travis today, her statement for the discharge review, and a safe "
                "transition plan (naloxone, buprenorphine, housing)"),
    "note": NOTE,
    "revisions": [
        ("he-came-to-the-door", [], ["wrenfield-haven-dv-services"], [],
         "Travis came to the door and threatened to wait outside: staff were right not to confirm she is here. "
         "Police called and the threat documented; Nadine stays indoors, away from windows, with the advocate's "
         "updated safety plan; emergency protective order sought today through the Protective Order Project, "
         "with safe transport to court. Juniper Ridge's location is known to him, so I advise a transfer to a "
         "program at a confidential location (Wrenfield Haven lets residents in treatment keep their "
         "medication) with a warm handoff, the buprenorphine dose and prescriber confirmed and the naloxone "
         "kit in hand before she moves. The violation was a safety response: asked the director to close the "
         "discharge review without a discharge."),
        ("disability-benefits-end", ["income-loss"], ["harbor-workforce-center"],
         ["state-health-coverage-adults", "county-food-assistance"],
         "Income is now $0. Redetermined: State Health Coverage for Adults is now met ($0 against $1,835.40) "
         "and food assistance is met (no income, $640 in the bank): the April denials were right at $1,890, so "
         "report the change and reapply this week, with the facility as authorized representative. Coverage "
         "lets the hepatitis C viral load be drawn. Discharge 06/09 with no housing: Stillwater has a 14-day "
         "wait, so chase the application today, with Wrenfield Haven as the safe fallback; outside prescriber "
         "appointment and bridge prescription booked for 06/09; naloxone before she leaves. Workforce Center "
         "for work after the program."),
    ],
}

# ---------------------------------------------------------------- competent

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[4]],
    "needs": [
        ("domestic-violence", "critical"),
        ("shelter-placement-at-risk", "immediate"),
        ("overdose-risk", "high"),
        ("homelessness", "moderate"),
    ],
    "eligibility": [
        ("state-health-coverage-adults", False, "income", "Income over the limit."),
        ("county-food-assistance", True, "gross-income", "She is on disability, so she qualifies."),
    ],
    "goals": [
        ("domestic-violence", "Nadine has a safety plan", "safety plan done", "2026-04-15"),
        ("shelter-placement-at-risk", "Nadine stays in the program", "not discharged", "2026-04-16"),
        ("overdose-risk", "Nadine gets naloxone back", "has naloxone", "2026-04-20"),
    ],
    "actions": [
        ("Safety plan with Nadine", "social-worker", "2026-04-14"),
        ("Help with the statement for the review", "social-worker", "2026-04-15"),
    ],
    "referrals": [
        ("wrenfield-haven-dv-services", "domestic-violence"),
        ("stillwater-recovery-residences", "homelessness"),
    ],
    "rights": ["notice-before-program-discharge", "shelter-grievance-procedure", "substance-use-records-protection"],
    "info": [("night-advisor", "Details of the phone call")],
    "delegations": [
        ("safety-plan", "social-worker"),
        ("written-statement", "social-worker"),
        ("naloxone-reissue", "registered-nurse"),
        ("repeat-drug-screen", "registered-nurse"),
    ],
    "meeting": ("2026-04-14", ["Nadine Horvath", "Jonah Whitcombe, LADC", "facility case manager"], "Review"),
    "note": (
        "Nadine left to call her ex-partner, who she says knows where she is; he has hit her before. Safety plan "
        "started and staff told not to confirm she is here. Helping her ask to stay. Naloxone back before any "
        "discharge."
    ),
    "revisions": [
        ("he-came-to-the-door", [], [], [], "Travis came to the door. Safety plan updated; police told."),
        ("disability-benefits-end", ["income-loss"], [], ["state-health-coverage-adults"],
         "No income now, so she qualifies for adult coverage. Reapply."),
    ],
}

# ---------------------------------------------------------------- missed-critical: reads the incident note as a pass violation

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] not in {"emergency-contact", "mailing-address"}] + [
        ("mailing-address", "missing", "Blank; notices need an address, the facility's while she is a resident."),
    ],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "domestic-violence"],
    goals=[g for g in EXCELLENT["goals"]
           if g[0] not in {"domestic-violence", "shelter-placement-at-risk", "homelessness", "benefits-enrollment"}] + [
        ("homelessness",
         "Nadine has a sober place to live after the program, near her son in Millbrook",
         "Stillwater application sent by 04/24 and a bed accepted before the 06/09 planned discharge",
         "2026-06-05"),
        ("benefits-enrollment",
         "The combined application is corrected before it is submitted",
         "income $1,890, facility mailing address and authorized representative named; submitted by 04/20",
         "2026-04-20"),
        ("shelter-placement-at-risk",
         "Nadine keeps her place through a graduated response, given her progress and clean screens",
         "written statement submitted before the 04/16 2 p.m. review; decision records a graduated response "
         "instead of discharge", "2026-04-16"),
    ],
    actions=[a for a in EXCELLENT["actions"]
             if "violence" not in a[0] and "front desk" not in a[0] and "Protective" not in a[0]
             and "why she left" not in a[0]] + [
        ("Ask the director for a graduated response and that staff not pack her belongings", "case-manager",
         "2026-04-14"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "domestic-violence"],
    info=[
        ("primary-counselor", "Her progress in groups and modules; support for a graduated response"),
        ("clinic", "Naloxone reissue, bridge prescription and outside prescriber, hepatitis C testing options"),
        ("program-director", "Graduated responses the handbook allows; hold the packing"),
        ("intake-counselor", "Who drafted the application"),
    ],
    delegations=[d for d in EXCELLENT["delegations"]
                 if d[0] not in {"safety-plan", "front-desk-protocol", "protective-order", "transport-court"}],
    meeting=("2026-04-14", ATTENDEES,
             "Her statement for the discharge review, and a safe transition plan (naloxone, buprenorphine, "
             "housing)"),
    note=(
        "04/14 first meeting with Nadine, newly assigned. Discharge review 04/16 for leaving without a pass on "
        "04/13 (second write-up after a phone-time warning). She returned on her own after two hours, breath "
        "0.00, urine buprenorphine only; attends every group, four of six modules done; she says she had a "
        "reason. Helping her write a statement asking for a graduated response; grievance route explained. "
        "Transition safety: naloxone kit held at admission to be reissued with overdose education before any "
        "leave; low tolerance; buprenorphine only while a resident, so an outside prescriber and bridge "
        "prescription are lined up now. Belongings: staff may not pack her things ahead of a decision. Housing "
        "after the program: Stillwater near Millbrook. Benefits: application corrected ($1,890 income, "
        "facility address, authorized representative); not eligible now on income. Hep C viral load through "
        "Northside."
    ),
    revisions=[
        ("he-came-to-the-door", ["domestic-violence"], ["wrenfield-haven-dv-services", "harbor-protective-order-project"],
         [],
         "A man who says he is her partner came to the door and threatened to wait outside; Nadine saw him. Her "
         "file shows an ex-partner who hit her: this explains why she left. Advocate called today for a safety "
         "plan, police told, protective order help offered. Asked the director to close the review without a "
         "discharge and to consider a transfer to a program he does not know, with buprenorphine and naloxone "
         "in place."),
        EXCELLENT["revisions"][1],
    ],
)

# ---------------------------------------------------------------- superficial

SUPERFICIAL = {
    "flags": [],
    "needs": [("shelter-placement-at-risk", "high"), ("homelessness", "moderate")],
    "eligibility": [("state-health-coverage-adults", True, None, "No income on the form.")],
    "goals": [
        ("shelter-placement-at-risk", "Nadine will follow the rules.", "follows rules", "2026-06-09"),
        ("homelessness", "Nadine will find housing.", "has housing", "2026-06-09"),
    ],
    "actions": [("Talk to Nadine about the rules", "case-manager", None)],
    "referrals": [("stillwater-recovery-residences", "homelessness")],
    "rights": ["follow-facility-rules"],
    "info": [],
    "delegations": [("repeat-drug-screen", "registered-nurse")],
    "meeting": ("2026-04-14", ["Nadine Horvath"], "Review"),
    "note": "Nadine broke a rule again. Review on 04/16.",
    "revisions": [
        ("he-came-to-the-door", [], [], [], "A visitor came. Review postponed."),
        ("disability-benefits-end", [], [], [], "Benefits ended."),
    ],
}

# ---------------------------------------------------------------- in-house: the program's own staff

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=[g for g in EXCELLENT["goals"] if g[0] not in {"overdose-risk", "medication-access", "recovery-support"}] + [
        ("overdose-risk",
         "The clinic nurse returns Nadine's own naloxone kit and teaches its use before any leave or discharge",
         "kit in her possession and education documented by 04/15", "2026-04-15"),
        ("medication-access",
         "The clinic writes a 14-day buprenorphine bridge and the nurse books the outside prescriber's first "
         "visit before any transition", "bridge prescription written and first visit date confirmed by 04/16",
         "2026-04-16"),
        ("recovery-support",
         "Shauna Pike, the program's peer recovery coach, meets Nadine weekly and goes with her to Stillwater's "
         "interview", "weekly sessions logged; interview attended by 05/15", "2026-05-15"),
    ],
    actions=EXCELLENT["actions"] + [
        ("Weekly peer recovery sessions and accompany Nadine to the Stillwater interview",
         "peer-recovery-specialist", "2026-04-17"),
    ],
    referrals=[r for r in EXCELLENT["referrals"]
               if r[0] not in {"harbor-county-overdose-prevention", "clearwater-recovery-center"}
               and r[1] != "medication-access"],
)

SYNONYMS = {
    "domestic-violence": ["abuse-neglect-exploitation", "criminal-legal-involvement", "home-safety-hazard"],
    "shelter-placement-at-risk": ["substance-use-treatment"],
    "overdose-risk": ["medication-safety", "substance-use-treatment"],
    "homelessness": ["housing-eviction-risk", "supported-living-placement"],
}

VAGUE = {
    "*": ("Nadine will be supported in a trauma-informed, strengths-based and recovery-oriented way to continue "
          "her journey, with everyone working together in partnership to help her move forward positively.",
          "Nadine and the team feel that she is moving forward well in her recovery."),
    "domestic-violence": (
        "Nadine's safety and wellbeing will be kept in mind by all staff at all times, and she will be "
        "supported appropriately and sensitively with any relationship concerns she may choose to raise.",
        "Nadine feels safe and supported."),
}
