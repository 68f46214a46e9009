"""Marie-Ange, 67, back in hospital nineteen days after going home: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in the
health plan's pharmacy claims read with the home health nurse's note: warfarin was stopped on
05/19 and apixaban started, but the mail-order pharmacy, which never got the stop, sent 90
warfarin tablets on 05/28 by automatic refill, and the nurse saw a warfarin bottle in the shoebox
beside the apixaban. Nadège gives "the blood thinner morning and night". With a haemoglobin down
from 12.6 to 10.3, bruises after a fall and an INR of 2.8 put down to apixaban, she is probably
taking two anticoagulants.
"""

from write_plans import with_changes

CRITICAL = ["medication-safety"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "nursing-readmission-within-30-days-pneumonia"

ATTENDEES = ["Marie-Ange Toussaint", "Nadège Toussaint", "Jean-Robert Pierre", "Ben Okoro",
             "readmission nurse case manager"]

FLAGS = [
    ("medicines-at-home", "inconsistent",
     "'Nothing else', but the plan's claims show warfarin #90 by mail-order automatic refill on 05/28, after "
     "the 05/19 stop, and the home health nurse saw a warfarin bottle in the shoebox on 05/22."),
    ("blood-thinner", "inconsistent",
     "'Morning and night' from a box holding apixaban and warfarin: probably both."),
    ("language", "inconsistent",
     "English through Nadège is how the first teaching went; Marie-Ange speaks Haitian Creole and could not say "
     "which blood thinner to take."),
    ("home-health", "inconsistent",
     "Cancelled after one visit (05/26), before the nurse's planned reconciliation."),
    ("coverage", "inconsistent",
     "Counts Marie-Ange alone: her own $1,010 and $420, not Nadège's two jobs."),
    ("help-at-home", "inconsistent",
     "Nadège works days and evenings; Marie-Ange minds the children 15:00 to 19:00 (PT note)."),
]

ELIGIBILITY = [
    ("harbor-home-health-benefit", True, "homebound",
     "Walks 60 ft with a walker after the fall, two flights of stairs: homebound; skilled nursing and PT; plan "
     "of care and hospital encounter; no hospice. Covered."),
    ("medicaid-aged-disabled", True, "income",
     "Counts Marie-Ange alone: $1,010 under $1,330 and $420 under $2,000. Eligible."),
]

NOTE = (
    "06/09 readmission review, through the Creole interpreter (J.-R. Pierre). Marie-Ange Toussaint, 67, home "
    "05/20 after pneumonia, readmitted 06/08 with a urinary infection, confusion and a bathroom fall. In her "
    "words: she is tired, her hip and arm hurt, she wants to go home 'to the children', and asks why she has 'so "
    "many new pills'. Most urgent: warfarin was stopped 05/19 for apixaban, but the plan's claims show the mail "
    "order sent warfarin #90 on 05/28 by automatic refill, and the home health nurse saw a warfarin bottle beside "
    "the apixaban on 05/22; Nadège gives 'the blood thinner morning and night'. Haemoglobin 12.6 to 10.3, large "
    "bruises, INR 2.8. Told Dr. Bose today; repeat INR and blood count; plan pharmacist to cancel the warfarin "
    "refill; Nadège to bring every bottle in. What failed last time: teaching in English to Nadège only, home "
    "health cancelled after one visit, no ride to primary care. This time: teaching in Creole to Marie-Ange with "
    "teach-back; home health nursing and PT (covered: homebound, skilled need, plan of care, encounter); "
    "primary care within 7 days with the plan's ride; new glucose meter; shower chair and raised seat. Coverage "
    "for older adults eligible on her own $1,010 and $420: application by 06/16. Daytime plan with Nadège for "
    "the afternoons with the children. Monitoring: one blood thinner in the house, bruising or bleeding, sugar, "
    "falls. First home visit within two days of discharge."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("medication-safety", "critical"),
        ("language-interpreter", "immediate"),
        ("home-health-skilled-care", "immediate"),
        ("fall-risk", "high"),
        ("medical-follow-up", "high"),
        ("transportation", "high"),
        ("chronic-disease-management", "high"),
        ("benefits-enrollment", "high"),
        ("caregiver-strain", "moderate"),
        ("durable-medical-equipment", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("medication-safety",
         "Dr. Bose told of the warfarin claims today, INR and blood count repeated, the mail-order warfarin "
         "refill cancelled and every bottle checked, so one blood thinner only is in the house",
         "hospitalist informed 06/09; cancellation confirmed; bottle check at the first home visit", "2026-06-14"),
        ("language-interpreter",
         "All teaching in Creole with a qualified interpreter; Marie-Ange says back which blood thinner, when, "
         "and what to do after a fall",
         "interpreter named in each note; teach-back passed before discharge", "2026-06-12"),
        ("home-health-skilled-care",
         "Home health nursing and PT start within two days of discharge and continue four weeks",
         "first visit by 06/14; visits kept each week", "2026-07-12"),
        ("fall-risk",
         "PT on walking and turns; no fall in 30 days",
         "falls in 30 days: 0", "2026-07-12"),
        ("medical-follow-up",
         "Primary care within 7 days of discharge, attended",
         "visit kept by 06/19", "2026-06-19"),
        ("transportation",
         "The plan's ride booked with the primary care visit",
         "ride confirmation number before discharge", "2026-06-12"),
        ("chronic-disease-management",
         "New meter and strips, taught in Creole, readings before breakfast and supper",
         "meter in hand at discharge; readings logged at each nurse visit", "2026-06-19"),
        ("benefits-enrollment",
         "Coverage for older adults filed with her own benefit letter",
         "filed by 06/16; written decision", "2026-08-15"),
        ("caregiver-strain",
         "A written daytime plan with Nadège, including the children after school",
         "schedule with names for each weekday afternoon by 06/12", "2026-06-12"),
        ("durable-medical-equipment",
         "Shower chair and raised toilet seat in before she goes home",
         "both delivered by 06/12", "2026-06-12"),
    ],
    "actions": [
        ("Tell Dr. Bose about the warfarin claims; repeat INR and blood count", "registered-nurse", "2026-06-09"),
        ("Cancel the mail-order warfarin refill; check every automatic refill", "pharmacist", "2026-06-09"),
        ("Nadège brings every bottle in; one list sent to both pharmacies", "registered-nurse", "2026-06-10"),
        ("Teaching in Creole with the interpreter and teach-back", "qualified-interpreter", "2026-06-11"),
        ("Home health referral; agree the visits continue", "registered-nurse", "2026-06-11"),
        ("Primary care within 7 days and the plan's ride", "administrative-assistant", "2026-06-11"),
        ("Coverage application counting her alone", "benefits-specialist", "2026-06-16"),
    ],
    "referrals": [
        ("alder-falls-home-health", "home-health-skilled-care"),
        ("alder-falls-home-health", "fall-risk"),
        ("harbor-plan-ride-benefit", "transportation"),
        ("harbor-medicare-counseling", "benefits-enrollment"),
    ],
    "rights": [
        "interpreter-at-no-cost",
        "participate-in-discharge-planning",
        "participate-in-own-plan",
        "choice-of-post-acute-provider",
        "consent-to-share-information",
    ],
    "info": [
        ("plan-pharmacist", "Cancel the mail-order warfarin; check every automatic refill against the new list"),
        ("hospitalist", "Repeat INR and blood count; a clear warfarin stop; one written list for both pharmacies"),
        ("home-health-nurse", "What she saw on 05/22; a full bottle check at the first visit"),
        ("financial-counsellor", "Help filing the coverage for older adults counting her alone"),
    ],
    "delegations": [
        ("medicine-reconciliation", "pharmacist"),
        ("interpreter-teaching", "qualified-interpreter"),
        ("home-health-referral", "registered-nurse"),
        ("follow-up-ride", "administrative-assistant"),
        ("equipment", "physical-therapist"),
        ("coverage-application", "benefits-specialist"),
        ("daytime-plan", "social-worker"),
        ("glucose-meter", "registered-nurse"),
    ],
    "meeting": ("2026-06-10", ATTENDEES,
                "Readmission plan in Creole: one blood thinner, teaching with teach-back, home health, follow-up and "
                "ride, sugar, coverage, who is with her in the day"),
    "note": NOTE,
    "revisions": [
        ("first-home-visit", [], [], [],
         "A new mail-order box arrived unopened: the nurse checks it and returns any warfarin; I chase the "
         "cancellation with the plan pharmacist. Sugar 287 before lunch: reported to primary care before the "
         "06/18 visit; the two metformin supplies sorted to one. Nadège now home from 15:00 and takes the "
         "children; the mornings stay on the daytime plan, with personal care hours once her coverage starts. "
         "Ride for 06/18 confirmed."),
        ("walking-to-church", ["social-isolation"], ["millbrook-senior-center"],
         ["harbor-home-health-benefit", "medicaid-aged-disabled"],
         "Walks with a cane, manages the stairs, went to Mass: no longer homebound and no skilled need, so home "
         "health is not met and ends with written notice. Coverage approved 07/10: personal care hours and "
         "medicine costs. For the lonely mornings: her sewing circle at the Haitian community centre with the "
         "neighbour, and the senior center. Primary care and the pharmacist keep the one-blood-thinner list "
         "checked now that the nurse stops visiting."),
    ],
}

# ---------------------------------------------------------------- competent: finds the critical need, has gaps

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[2], FLAGS[3]],
    "needs": [
        ("medication-safety", "critical"),
        ("language-interpreter", "high"),
        ("home-health-skilled-care", "high"),
        ("medical-follow-up", "moderate"),
    ],
    "eligibility": [
        ("harbor-home-health-benefit", True, "homebound", "She is homebound after the fall."),
        ("medicaid-aged-disabled", False, "income", "The household has two jobs' income."),
    ],
    "goals": [
        ("medication-safety", "Marie-Ange takes only apixaban", "only apixaban", "2026-06-14"),
        ("language-interpreter", "Teaching uses an interpreter", "interpreter used", "2026-06-12"),
        ("home-health-skilled-care", "Home health visits", "visits happen", "2026-07-12"),
        ("medical-follow-up", "She sees her doctor", "sees doctor", "2026-06-19"),
    ],
    "actions": [
        ("Tell the hospitalist about the warfarin refills", "registered-nurse", "2026-06-09"),
        ("Interpreter for teaching", "qualified-interpreter", "2026-06-11"),
        ("Home health referral", "registered-nurse", "2026-06-11"),
    ],
    "referrals": [("alder-falls-home-health", "home-health-skilled-care")],
    "rights": ["interpreter-at-no-cost", "participate-in-own-plan"],
    "info": [("plan-pharmacist", "Stop the warfarin refills")],
    "delegations": [
        ("medicine-reconciliation", "pharmacist"),
        ("interpreter-teaching", "qualified-interpreter"),
        ("home-health-referral", "registered-nurse"),
        ("follow-up-ride", "administrative-assistant"),
        ("oxygen-assessment", "registered-nurse"),
    ],
    "meeting": ("2026-06-10", ["Marie-Ange Toussaint", "Nadège Toussaint", "readmission nurse case manager"],
                "Discharge plan"),
    "note": (
        "The plan's claims show warfarin refilled by mail order after it was stopped, so she may be on two blood "
        "thinners; hospitalist told. Teaching with an interpreter this time. Home health again. Not eligible for "
        "coverage with the household income."
    ),
    "revisions": [
        ("first-home-visit", [], [], [], "New box arrived; nurse checking it. Sugar high."),
        ("walking-to-church", [], [], ["harbor-home-health-benefit"], "She is walking out now, so home health ends."),
    ],
}

# ---------------------------------------------------------------- missed-critical: diligent, trusts the discharge list

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] not in {"medicines-at-home", "blood-thinner"}],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "medication-safety"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "medication-safety"],
    actions=[a for a in EXCELLENT["actions"] if "warfarin" not in a[0] and "bottle" not in a[0]],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"plan-pharmacist", "hospitalist", "home-health-nurse"}]
    + [("hospitalist", "Urine culture result and the antibiotic plan at discharge")],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] != "medicine-reconciliation"],
    meeting=("2026-06-10", ATTENDEES,
             "Readmission plan in Creole: teaching with teach-back, home health, follow-up and ride, sugar, "
             "coverage, who is with her in the day"),
    note=(
        "06/09 readmission review, through the Creole interpreter (J.-R. Pierre). Marie-Ange Toussaint, 67, home "
        "05/20 after pneumonia, readmitted 06/08 with a urinary infection, confusion and a bathroom fall. In her "
        "words: she is tired, her hip and arm hurt, she wants to go home 'to the children'. Medicines as on the "
        "05/20 list (apixaban, metformin, amlodipine). What failed last time: teaching in English to Nadège only, "
        "home health cancelled after one visit, no ride to primary care. This time: teaching in Creole to "
        "Marie-Ange with teach-back; home health nursing and PT (covered: homebound, skilled need, plan of care, "
        "encounter); primary care within 7 days with the plan's ride; new glucose meter; shower chair and raised "
        "seat. Coverage for older adults eligible on her own $1,010 and $420: application by 06/16. Daytime plan "
        "with Nadège. Monitoring: sugar, falls, urine symptoms. First home visit within two days of discharge."
    ),
    revisions=[
        ("first-home-visit", [], [], [],
         "Sugar 287 before lunch: reported to primary care before the 06/18 visit; the two metformin supplies "
         "sorted to one. Nadège now home from 15:00 and takes the children; mornings stay on the daytime plan. "
         "Ride for 06/18 confirmed."),
        EXCELLENT["revisions"][1],
    ],
)

# ---------------------------------------------------------------- superficial

SUPERFICIAL = {
    "flags": [],
    "needs": [("home-health-skilled-care", "high"), ("medical-follow-up", "moderate")],
    "eligibility": [("harbor-home-health-benefit", True, None, "She was in hospital."),
                    ("medicaid-aged-disabled", False, None, "Her daughter works.")],
    "goals": [
        ("home-health-skilled-care", "Home health will visit.", "visits", "2026-07-31"),
        ("medical-follow-up", "She will see her doctor.", "sees doctor", "2026-07-31"),
    ],
    "actions": [("Call Nadège", "case-manager", None)],
    "referrals": [("alder-falls-home-health", "home-health-skilled-care")],
    "rights": ["participate-in-own-plan"],
    "info": [],
    "delegations": [("immigration-referral", "social-worker")],
    "meeting": ("2026-06-10", ["Nadège Toussaint"], "Discharge"),
    "note": "Readmitted with a urinary infection. Going home with home health again.",
    "revisions": [
        ("first-home-visit", [], [], [], "Nurse visited."),
        ("walking-to-church", [], [], [], "Doing better. Discharge from home health."),
    ],
}

# ---------------------------------------------------------------- in-house: the hospital's own staff do the work

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=[g for g in EXCELLENT["goals"] if g[0] != "benefits-enrollment"] + [
        ("benefits-enrollment",
         "The hospital's financial counsellor files the coverage for older adults with her own benefit letter",
         "filed by 06/16; written decision", "2026-08-15"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[0] != "harbor-medicare-counseling"],
)

SYNONYMS = {
    "medication-safety": ["medication-adherence", "medication-access"],
    "language-interpreter": ["sensory-impairment"],
    "home-health-skilled-care": ["mobility-rehabilitation"],
    "medical-follow-up": ["undiagnosed-medical-symptoms"],
}

VAGUE = {
    "*": ("After this discharge Marie-Ange will continue to be supported by the whole team and her family in a "
          "person-centred, culturally sensitive and holistic way so that she recovers well at home and does not "
          "need to come back.",
          "Marie-Ange and her family feel things are going well and the team is satisfied."),
    "medication-safety": (
        "Marie-Ange's medicines will be looked at carefully by the team and the family so that she takes what she "
        "should in a way that suits her, with support as and when it is needed.",
        "The family feels confident about her medicines."),
}
