"""Kiana, 14, turned away at registration after her family moved into a shelter: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in the
old counselor's transfer email, after the credits and the honors placement: Kiana said her father
"put mom in the hospital", a temporary protective order covers both children, he is texting her to
find out where they are, and he has asked Northvale High where her records went, which the records
office promised to tell him. The registration form says there are no court orders.
"""

from write_plans import with_changes

CASE = "school-ninth-grader-new-enrolment-from-shelter"

CRITICAL = ["domestic-violence"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

ATTENDEES = ["Tessa Morrow", "Kiana Morrow", "Marcus Obi", "Joan Pelletier", "Sam Whitfield, RN",
             "school social worker"]

FLAGS = [
    ("custody-orders", "inconsistent",
     "Says no court orders, but Tessa told Northvale High on 10/29 that a temporary protective order covers "
     "both children and the father must not pick them up."),
    ("pickup-restrictions", "missing",
     "Blank, although the father is under a protective order; needs the order copy attached."),
    ("directory-release", "inconsistent",
     "'Yes' to publishing name and photo while the family is hiding from the father; opt out in writing."),
    ("living-situation", "inconsistent",
     "'Staying with family', but the Cedar Hollow letter shows the family in the shelter since 10/28."),
    ("household-size", "inconsistent",
     "Counts 4; the household is now Tessa, Kiana and Dominic, 3 people."),
    ("health-coverage", "inconsistent",
     "Names the father's work plan, but he took the children off it on 10/30."),
]

ELIGIBILITY = [
    ("homeless-education-eligibility", True, "nighttime-residence",
     "The family sleeps at Cedar Hollow Family Shelter, an emergency shelter, so Kiana lacks a fixed, regular "
     "and adequate nighttime residence."),
    ("kids-health-coverage", True, "income",
     "Kiana is 14; $1,980 a month for 3 is under the $5,691.67 limit (250%)."),
]

NOTE = (
    "11/02 meeting with Tessa and Kiana, the liaison, the registrar and the nurse. SAFETY FIRST: Ms. Albright's "
    "transfer email says Kiana disclosed on 10/27 that her father hurt her mother, a temporary protective order "
    "(issued about 10/29) covers both children, he is texting Kiana to find out where they are, and on 10/30 he "
    "asked Northvale's records office where her records went; they said they would tell him. Today: Tessa "
    "gave a copy of the order, now on file; the front office has his name and photo and knows he may not pick "
    "her up or contact her; directory information opted out in writing; I asked Ms. Albright that Northvale "
    "tell him nothing and send records only to the liaison, with no forwarding details; safety plan written "
    "with Kiana (whom to tell, a safe room, save the texts for the advocate). Wrenfield Haven advocate and the "
    "protective order project for the hearing. Enrolment: Kiana was turned away on 10/30 for lack of a lease "
    "and records; she is homeless under McKinney-Vento and was enrolled today; immunizations are in the "
    "registry. Placement: Tessa chose Alder Falls High in writing; the liaison's best-interest decision gives "
    "the reason, her safety, against the presumption for Northvale. Free meals from today. Days since 10/28 "
    "not coded unexcused. Coverage: the father cancelled his plan 10/30; Kids Health Coverage application for "
    "both children (eligible at $1,980 for 3). Weekly counselling with the school counselor. The shelter's "
    "name is kept out of the note shared with staff. Review 11/09."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("domestic-violence", "critical"),
        ("school-attendance", "immediate"),
        ("homelessness", "immediate"),
        ("health-coverage-gap", "high"),
        ("trauma-grief-support", "moderate"),
        ("food-insecurity", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("domestic-violence",
         "The school social worker puts the protective order on file, the front office restricts pickup and "
         "contact, directory information is withheld, Northvale sends records only through the liaison, and "
         "Kiana has a school safety plan",
         "order copy on file, opt-out signed and safety plan signed by Kiana and Tessa on 11/02", "2026-11-02"),
        ("school-attendance",
         "Kiana is enrolled at Alder Falls High today without proof of address or records",
         "enrolled on 11/02 and in class from 11/03", "2026-11-03"),
        ("homelessness",
         "The liaison makes a written homeless determination and best-interest placement decision",
         "written determination and Tessa's choice on file by 11/03", "2026-11-03"),
        ("health-coverage-gap",
         "Tessa files Kids Health Coverage for Kiana and Dominic with the benefits specialist",
         "application submitted by 11/06", "2026-11-06"),
        ("trauma-grief-support",
         "Kiana meets the school counselor weekly after what she saw at home",
         "weekly sessions attended from 11/04", "2026-12-04"),
        ("food-insecurity",
         "Kiana eats free breakfast and lunch at school", "free meals active on 11/02", "2026-11-02"),
    ],
    "actions": [
        ("Protective order copy on file; pickup and contact restricted; front office briefed", "social-worker",
         "2026-11-02"),
        ("Records only through the liaison; Northvale tells the father nothing; directory information opt-out",
         "social-worker", "2026-11-02"),
        ("School safety plan with Kiana", "social-worker", "2026-11-02"),
        ("Enrol Kiana today without waiting for a lease or records", "administrative-assistant", "2026-11-02"),
        ("Written homeless determination and best-interest placement from the liaison", "social-worker",
         "2026-11-03"),
        ("Free school meals from today", "administrative-assistant", "2026-11-02"),
        ("Kids Health Coverage application for both children", "benefits-specialist", "2026-11-06"),
        ("Weekly counselling check-in with Kiana", "school-counselor", "2026-11-04"),
    ],
    "referrals": [
        ("wrenfield-haven-dv-services", "domestic-violence"),
        ("harbor-protective-order-project", "domestic-violence"),
        ("benefits-bridge-enrollment", "health-coverage-gap"),
    ],
    "rights": [
        "homeless-student-rights",
        "education-records-privacy",
        "confidentiality-and-limits",
        "consent-to-share-information",
        "participate-in-own-plan",
    ],
    "info": [
        ("old-counselor", "Tell Mr. Morrow nothing; send records only to the liaison, with no forwarding address"),
        ("shelter", "Who the school calls if the father appears, and a copy of the order if Tessa agrees"),
        ("liaison", "The written determination, the best-interest decision and the records request"),
        ("school-nurse", "What Dominic needs for his inhaler until coverage starts"),
        ("registrar", "Registration completed today and records marked not for release"),
    ],
    "delegations": [
        ("enrol-today", "administrative-assistant"),
        ("liaison-determination", "social-worker"),
        ("order-on-file", "social-worker"),
        ("records-hold", "social-worker"),
        ("safety-plan", "social-worker"),
        ("dv-advocate", "social-worker"),
        ("meals", "administrative-assistant"),
        ("counselling-referral", "school-counselor"),
        ("coverage-application", "benefits-specialist"),
    ],
    "meeting": ("2026-11-02", ATTENDEES,
                "Kiana's safety at school today, enrolment, the school placement, meals, coverage"),
    "note": NOTE,
    "revisions": [
        ("moves-to-safe-house", ["transportation"], ["school-stability-transport-program"],
         ["homeless-education-eligibility"],
         "Moved to a confidential Wrenfield Haven apartment in Millbrook after the father was seen at Cedar "
         "Hollow. Still homeless (domestic violence shelter). Alder Falls High is now her school of origin and "
         "she and Tessa want her to stay: the liaison arranges transport from Millbrook from tomorrow. "
         "Thursday's absence excused. The Millbrook address is kept confidential and out of her records. "
         "Wrenfield advocate to go with Tessa to the 11/12 protective order hearing."),
        ("signs-lease", [], [], ["homeless-education-eligibility"],
         "Lease signed in Millbrook: no longer homeless under the education rules. She may stay at Alder Falls "
         "High for the rest of the school year with transport. Free meals came through homeless status: meal "
         "application by income with Tessa this week. The final order replaces the temporary one on file; "
         "address still confidential."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[3]],
    "needs": [
        ("domestic-violence", "critical"),
        ("school-attendance", "immediate"),
        ("homelessness", "high"),
    ],
    "eligibility": [
        ("homeless-education-eligibility", True, "nighttime-residence", "Living in a shelter."),
    ],
    "goals": [
        ("domestic-violence", "Kiana is safe at school", "order on file by 11/02", "2026-11-02"),
        ("school-attendance", "Kiana starts school", "she goes", "2026-11-03"),
        ("homelessness", "The liaison decides her status", "decision made", "2026-11-10"),
    ],
    "actions": [
        ("Protective order on file and pickup restricted", "social-worker", "2026-11-02"),
        ("Enrol Kiana", "administrative-assistant", "2026-11-02"),
    ],
    "referrals": [("wrenfield-haven-dv-services", "domestic-violence")],
    "rights": ["homeless-student-rights"],
    "info": [("liaison", "Homeless determination")],
    "delegations": [
        ("order-on-file", "social-worker"),
        ("enrol-today", "administrative-assistant"),
        ("northvale-transport", "school-counselor"),
    ],
    "meeting": ("2026-11-02", ["Tessa Morrow", "Marcus Obi", "school social worker"], "Enrolment"),
    "note": (
        "There is a protective order against the father; copy on file and pickup restricted. Kiana is in a "
        "shelter, so homeless; enrolled today."
    ),
    "revisions": [
        ("moves-to-safe-house", ["transportation"], [], [], "Moved to Millbrook. Transport to Alder Falls High."),
        ("signs-lease", [], [], ["homeless-education-eligibility"], "Housed now. Not homeless any more."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] not in {"custody-orders", "pickup-restrictions", "directory-release"}],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "domestic-violence"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "domestic-violence"],
    actions=[a for a in EXCELLENT["actions"]
             if not a[0].startswith(("Protective", "Records only", "School safety"))] + [
        ("Ask Northvale for Kiana's transcript and honors biology placement", "administrative-assistant",
         "2026-11-03"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "domestic-violence"],
    rights=["homeless-student-rights", "consent-to-share-information", "participate-in-own-plan"],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"old-counselor", "shelter", "registrar"}] + [
        ("old-counselor", "Transcript, the honors biology placement and her band folder"),
        ("shelter", "The housing navigator's plan and how long the family can stay"),
    ],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] not in {"order-on-file", "records-hold", "safety-plan",
                                                                    "dv-advocate"}],
    meeting=("2026-11-02", ATTENDEES, "Enrolment, the school placement, meals, coverage"),
    note=(
        "11/02 meeting with Tessa and Kiana, the liaison, the registrar and the nurse. Enrolment: Kiana was turned "
        "away on 10/30 for lack of a lease and records; she is homeless under McKinney-Vento (Cedar Hollow since "
        "10/28) and was enrolled today; immunizations are in the registry. Placement: the presumption is her "
        "school of origin, but Tessa chose Alder Falls High in writing and Kiana wants a fresh start; the "
        "liaison's decision records it. Free meals from today. Days since 10/28 not coded unexcused. Honors "
        "biology and band placement requested from Northvale. Coverage lost 10/30: Kids Health Coverage "
        "application for both children (eligible at $1,980 for 3). Weekly counselling with the school counselor "
        "for the stress of the move. Review 11/09."
    ),
    revisions=[
        ("moves-to-safe-house", ["transportation"], ["school-stability-transport-program"],
         ["homeless-education-eligibility"],
         "Moved to a Wrenfield Haven apartment in Millbrook. Still homeless (domestic violence shelter). Alder "
         "Falls High is now her school of origin and she wants to stay: the liaison arranges transport from "
         "Millbrook from tomorrow. Thursday's absence excused."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("school-attendance", "high"), ("homelessness", "moderate")],
    "eligibility": [("kids-health-coverage", True, None, "Low income.")],
    "goals": [
        ("school-attendance", "Kiana will start school.", "starts", "2026-11-30"),
        ("homelessness", "Family will find housing.", "housed", "2026-12-31"),
    ],
    "actions": [("Give Tessa the registration checklist", "case-manager", None)],
    "referrals": [("cedar-hollow-family-shelter", "homelessness")],
    "rights": ["school-attendance-responsibility"],
    "info": [],
    "delegations": [("proof-of-address", "administrative-assistant"), ("northvale-transport", "school-counselor")],
    "meeting": ("2026-11-02", ["Tessa Morrow"], "Registration"),
    "note": "Family is in a shelter. Kiana needs to register once papers are in.",
    "revisions": [
        ("moves-to-safe-house", [], [], [], "Family moved."),
        ("signs-lease", [], [], [], "Family has an apartment."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    referrals=[r for r in EXCELLENT["referrals"] if r[0] not in {"benefits-bridge-enrollment"}],
)

SYNONYMS = {
    "domestic-violence": ["abuse-neglect-exploitation", "mental-health-crisis"],
    "homelessness": ["housing-eviction-risk", "shelter-placement-at-risk"],
    "school-attendance": ["behavior-support"],
}

VAGUE = {
    "*": ("Kiana will be welcomed and supported in a holistic, trauma-informed way by the whole school community "
          "so that she can feel more settled and positive about her new school.",
          "Staff and family feel that Kiana is doing generally better."),
    "domestic-violence": (
        "Kiana's safety and wellbeing will be looked after sensitively and appropriately by the relevant staff, "
        "with the family kept informed as needed, so that she feels secure at school.",
        "Kiana seems more at ease and staff are not worried about her."),
}
