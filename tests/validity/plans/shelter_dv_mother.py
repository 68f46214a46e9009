"""Thu, a mother of two at a domestic violence shelter: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in
the nurse's note, which records "a cold": a hoarse voice, pain on swallowing, a one-sided
headache and small red spots in both eyes, four days after she "felt dizzy and everything went
black" and was on the floor. Read with the hotline intake (he tried to choke her on Saturday in
the kitchen) and Bao's words to the children's advocate ("couldn't breathe and then she fell
down"), it is a strangulation with loss of consciousness, which needs a medical examination and
imaging today.
"""

from write_plans import with_changes

CRITICAL = ["undiagnosed-medical-symptoms"]

CASE = "treatment-dv-shelter-mother-two-children"

ATTENDEES = ["Pham Thi Thu", "Maribel Okafor", "Jennifer Sato, RN", "Hana Yoshida", "Vietnamese interpreter",
             "shelter case manager"]

FLAGS = [
    ("household-size", "inconsistent", "Says 4 including Quang; she has left him, so the household is Thu, Bao and An."),
    ("household-members", "inconsistent", "Lists Quang Le, who is not part of the household that fled."),
    ("monthly-income", "inconsistent", "Says $5,300 including Quang's pay; her pay stubs show $1,100 a month."),
    ("mailing-address", "inconsistent", "212 Orchard Lane is Quang's house: notices would go to him. Use PO Box 118."),
    ("home-address", "inconsistent", "Gives the shelter's street address, which must never be given; use the PO box."),
    ("phone", "inconsistent", "Quang's family-plan phone: he can see the account. She needs her own number."),
    ("preferred-language", "inconsistent", "Says English; she prefers Vietnamese for important matters."),
]

ELIGIBILITY = [
    ("county-food-assistance", True, "net-income",
     "Household of 3 on $1,100: gross under $2,888; net $1,100 - $220 - $209 = $671, under $2,221."),
    ("state-health-coverage-adults", True, "income", "$1,100 is under the $3,141.80 limit for 3."),
    ("kids-health-coverage", True, "income",
     "Bao is 9 and the household that fled has $1,100 a month, under the $5,691.67 limit (250% for 3); his "
     "inhaler needs a refill.", "bao"),
    ("kids-health-coverage", True, "income",
     "An is 3, same $1,100 for 3 under $5,691.67: eligible, for her 3-year check and vaccines.", "an"),
    ("homeless-education-eligibility", True, "nighttime-residence",
     "Bao sleeps in a domestic violence shelter, so he is homeless under the education rules."),
]

NOTE = (
    "05/27 met Thu with a Vietnamese interpreter. MEDICAL FIRST: the nurse's note records a hoarse voice, pain "
    "swallowing, a right-sided headache and red spots in both eyes, called a cold; the intake records that "
    "Quang choked her on Saturday and she says everything went black and she was on the floor (Bao told the "
    "children's advocate she couldn't breathe and fell). These are signs of strangulation with loss of "
    "consciousness; injury to the neck arteries can cause a stroke days later. She refused the hospital for "
    "fear of police: explained the forensic nurse program treats without a police report and she decides. "
    "Advocate taking her today for an examination and the scan the doctor orders; told to call 911 for a "
    "droopy eyelid, weakness or worse headache. SAFETY: danger assessment in the highest range, rifle in the "
    "house, threats to kill, no protective order; safety plan updated for work, the school run and her phone "
    "(on Quang's plan, so a new phone); Protective Order Project for a petition naming the children. "
    "CONFIDENTIALITY: the draft application named the shelter's street and Quang's house; corrected to PO Box "
    "118, household of three, her $1,100, Vietnamese. Eligible for food assistance and adult coverage. Bao "
    "is homeless under the education rules: enrol him in Northvale now, records sent school to school only. "
    "Inhaler refill for Bao; counseling for both children. Rapid rehousing referral before the 06/25 end of "
    "stay. Next review 05/29."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("undiagnosed-medical-symptoms", "critical"),
        ("domestic-violence", "immediate"),
        ("school-attendance", "high"),
        ("homelessness", "high"),
        ("medication-access", "moderate"),
        ("benefits-enrollment", "moderate"),
        ("language-interpreter", "moderate"),
        ("trauma-grief-support", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("undiagnosed-medical-symptoms",
         "Thu is examined today for the strangulation injuries, with the neck scan the doctor orders, without "
         "a police report unless she chooses", "examination done and scan result in her record by 05/28",
         "2026-05-28"),
        ("domestic-violence",
         "Thu has an updated safety plan and a protective order petition that names both children",
         "written plan dated 05/27; petition filed by 05/29", "2026-05-29"),
        ("school-attendance",
         "Bao is enrolled in the Northvale school and attends to the end of the year",
         "enrolled by 06/01 with the address withheld; daily attendance", "2026-06-01"),
        ("homelessness", "The family has a home before the stay ends",
         "Second Key referral by 05/29; lease or written extension by 06/25", "2026-06-25"),
        ("medication-access", "Bao has his inhaler and spacer", "collected by 05/29", "2026-05-29"),
        ("benefits-enrollment", "The corrected application is submitted",
         "3 people, $1,100, PO box, her own phone, Vietnamese; submitted by 05/29", "2026-05-29"),
        ("language-interpreter", "Every meeting and interview has a Vietnamese interpreter",
         "interpreter booked for each meeting from 05/27", "2026-05-27"),
        ("trauma-grief-support", "Bao and An start counseling", "first sessions by 06/10", "2026-06-10"),
    ],
    "actions": [
        ("Take Thu to the forensic nurse program today for examination and imaging", "social-worker", "2026-05-27"),
        ("Update the safety plan: rifle, work, school run, new phone", "social-worker", "2026-05-27"),
        ("Protective order petition naming the children", "social-worker", "2026-05-29"),
        ("Correct and submit the application", "benefits-specialist", "2026-05-29"),
        ("Enrol Bao in Northvale and flag his records", "social-worker", "2026-06-01"),
        ("Inhaler and spacer refill", "registered-nurse", "2026-05-29"),
        ("Second Key referral", "community-health-worker", "2026-05-29"),
        ("Book the Vietnamese interpreter", "administrative-assistant", "2026-05-27"),
    ],
    "referrals": [
        ("harbor-forensic-nurse-program", "undiagnosed-medical-symptoms"),
        ("harbor-protective-order-project", "domestic-violence"),
        ("second-key-rapid-rehousing", "homelessness"),
        ("northside-community-health-center", "medication-access"),
        ("benefits-bridge-enrollment", "benefits-enrollment"),
        ("harbor-childrens-trauma-counseling", "trauma-grief-support"),
    ],
    "rights": [
        "confidentiality-and-limits", "consent-to-share-information", "interpreter-at-no-cost",
        "refuse-treatment", "follow-facility-rules", "participate-in-own-plan",
    ],
    "info": [
        ("shelter-nurse", "Details of the neck, eyes and voice; can she be seen again today"),
        ("hotline-advocate", "Full danger assessment; where the rifle is kept"),
        ("school-counselor", "Release nothing to the father; records only to the new school"),
        ("house-manager", "How to extend the stay"),
        ("children-advocate", "What Bao said about the kitchen, with Thu's consent"),
    ],
    "delegations": [
        ("medical-exam-today", "social-worker"),
        ("safety-plan", "social-worker"),
        ("protective-order", "social-worker"),
        ("fix-application", "benefits-specialist"),
        ("school-enrolment", "social-worker"),
        ("school-records-alert", "social-worker"),
        ("inhaler-refill", "registered-nurse"),
        ("housing-plan", "community-health-worker"),
        ("interpreter", "qualified-interpreter"),
        ("children-counseling", "social-worker"),
    ],
    "meeting": ("2026-05-27", ATTENDEES,
                "Thu's injuries and examination today, the safety plan, the children's school and benefits"),
    "note": NOTE,
    "revisions": [
        ("father-at-school", [], ["harbor-forensic-nurse-program", "harbor-protective-order-project"], [],
         "A drooping eyelid and a worse right-sided headache after strangulation may be an injured neck artery: "
         "911 now, advocate going with her to the emergency department. Quang waited at dismissal and asked for "
         "records: emergency protective order for Thu and both children today; both schools told to send "
         "records only on the new school's request and to give no school or address to a parent; safety plan "
         "changed for drop-off and pick-up."),
        ("moves-into-apartment", [], [], ["homeless-education-eligibility", "county-food-assistance"],
         "Lease signed, $350 rent share. Report the change within 10 days; food assistance redetermined with "
         "the rent (still eligible). Bao is no longer homeless under the education rules; enrol him in Millbrook "
         "for the new year unless the district agrees otherwise. New safety plan for the home, locks, the new "
         "address kept confidential and off the protective order papers."),
    ],
}

COMPETENT = {
    "flags": [f for f in FLAGS if f[0] in {"household-size", "monthly-income", "mailing-address"}],
    "needs": [
        ("undiagnosed-medical-symptoms", "critical"),
        ("domestic-violence", "immediate"),
        ("homelessness", "high"),
        ("school-attendance", "moderate"),
    ],
    "eligibility": [
        ("county-food-assistance", True, "gross-income", "Her income only, $1,100."),
        ("state-health-coverage-adults", True, "income", "Under the limit."),
        ("kids-health-coverage", True, "income", "Bao is 9 and income is under the limit.", "bao"),
    ],
    "goals": [
        ("undiagnosed-medical-symptoms", "Thu sees a doctor about her throat and headache", "seen this week",
         "2026-05-29"),
        ("domestic-violence", "Thu is safe", "safety plan done", "2026-05-29"),
        ("homelessness", "Thu finds housing", "housing found", "2026-06-25"),
        ("school-attendance", "Bao goes to school", "enrolled", "2026-06-05"),
    ],
    "actions": [
        ("Ask the nurse to get Thu seen by a doctor", "registered-nurse", "2026-05-28"),
        ("Update the safety plan", "social-worker", "2026-05-27"),
    ],
    "referrals": [
        ("harbor-forensic-nurse-program", "undiagnosed-medical-symptoms"),
        ("harbor-protective-order-project", "domestic-violence"),
        ("second-key-rapid-rehousing", "homelessness"),
    ],
    "rights": ["confidentiality-and-limits", "follow-facility-rules"],
    "info": [("shelter-nurse", "Her symptoms"), ("school-counselor", "Records")],
    "delegations": [
        ("medical-exam-today", "registered-nurse"),
        ("safety-plan", "social-worker"),
        ("fix-application", "benefits-specialist"),
        ("housing-plan", "community-health-worker"),
    ],
    "meeting": ("2026-05-27", ["Pham Thi Thu", "Maribel Okafor", "Jennifer Sato, RN"], "Safety and next steps"),
    "note": (
        "Thu was choked on Saturday and has a hoarse voice, headache and red spots in her eyes: she needs to be "
        "examined. Safety plan updated; protective order help. Application corrected to her own income. "
        "Housing referral; Bao to be enrolled."
    ),
    "revisions": [
        ("father-at-school", [], [], [], "Father at the school; eyelid droopy. Emergency care; protective order."),
        ("moves-into-apartment", [], [], ["county-food-assistance"], "Moved into an apartment. Report the rent."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    needs=[n for n in EXCELLENT["needs"] if n[0] != "undiagnosed-medical-symptoms"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "undiagnosed-medical-symptoms"],
    actions=[a for a in EXCELLENT["actions"] if "forensic" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "undiagnosed-medical-symptoms"],
    rights=[r for r in EXCELLENT["rights"] if r != "refuse-treatment"],
    info=[i for i in EXCELLENT["info"] if i[0] != "shelter-nurse"] + [
        ("shelter-nurse", "Bao's inhaler prescription and An's vaccine record"),
    ],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] != "medical-exam-today"],
    meeting=("2026-05-27", ATTENDEES, "The safety plan, the children's school and benefits"),
    note=(
        "05/27 met Thu with a Vietnamese interpreter. She says she is only tired and wants to talk about the "
        "children. SAFETY: danger assessment in the highest range, rifle in the house, threats to kill, an "
        "attempt to choke her on Saturday, no protective order; safety plan updated for work, the school run and "
        "her phone (on Quang's plan, so a new phone); Protective Order Project for a petition naming the "
        "children. CONFIDENTIALITY: the draft application named the shelter's street and Quang's house; "
        "corrected to PO Box 118, household of three, her $1,100, Vietnamese. Eligible for food assistance and "
        "adult coverage. Bao is homeless under the education rules: enrol him in Northvale now, records sent "
        "school to school only. Inhaler refill for Bao; counseling for both children. Rapid rehousing referral "
        "before the 06/25 end of stay. Next review 05/29."
    ),
    revisions=[
        ("father-at-school", ["undiagnosed-medical-symptoms"], ["harbor-forensic-nurse-program",
                                                                "harbor-protective-order-project"], [],
         "Thu's eyelid is drooping and her headache is worse: nurse asked to see her and she is going to be "
         "examined. Quang waited at dismissal and asked for records: emergency protective order for Thu and "
         "both children; both schools told to give no school or address to a parent; safety plan changed for "
         "drop-off and pick-up."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("domestic-violence", "high"), ("homelessness", "moderate")],
    "eligibility": [("county-food-assistance", False, "gross-income", "Income $5,300 on the form.")],
    "goals": [
        ("domestic-violence", "Thu will stay safe.", "safe", "2026-06-25"),
        ("homelessness", "Thu will find housing.", "has housing", "2026-06-25"),
    ],
    "actions": [("Talk to Thu about housing", "case-manager", None)],
    "referrals": [("wrenfield-haven-dv-services", "domestic-violence")],
    "rights": ["follow-facility-rules"],
    "info": [],
    "delegations": [("supervised-visits", "social-worker")],
    "meeting": ("2026-05-27", ["Pham Thi Thu"], "Intake"),
    "note": "Thu and her children arrived at the shelter. Housing plan to start.",
    "revisions": [
        ("father-at-school", [], [], [], "Father went to the school."),
        ("moves-into-apartment", [], [], [], "Moved out."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=[g for g in EXCELLENT["goals"] if g[0] != "medication-access"] + [
        ("medication-access", "The visiting nurse gets Bao's inhaler refilled and teaches the spacer again",
         "inhaler collected by 05/29", "2026-05-29"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] not in {"medication-access", "benefits-enrollment"}],
)

SYNONYMS = {
    "undiagnosed-medical-symptoms": ["chronic-pain", "mental-health-crisis"],
    "domestic-violence": ["criminal-legal-involvement", "home-safety-hazard"],
    "homelessness": ["housing-eviction-risk", "shelter-placement-at-risk"],
    "school-attendance": ["learning-accommodations"],
}

VAGUE = {
    "*": ("Thu and her children will be supported in a trauma-informed, survivor-centred way to heal and rebuild "
          "their lives, with every partner working together for the family.",
          "The family feels more settled."),
    "undiagnosed-medical-symptoms": (
        "Thu's physical wellbeing will be attended to with care and sensitivity, at her own pace, so that she "
        "feels able to look after her health when she is ready.",
        "Thu feels better in herself."),
}
