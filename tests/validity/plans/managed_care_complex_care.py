"""Walter, 58, nine emergency visits in four months: the validity plans.

Written from the case file and the catalogues only. The visits look like a familiar pattern
(COPD flares without the daily inhalers, low sugars from skipped meals, no primary care since
his brother died). One of the low sugars is different: the emergency note of 08/29 has him
saying he "took the whole pen, all of it, I just wanted to sleep" the night after the funeral,
then calling it a mix-up and leaving before psychiatry saw him. The community health worker's
note adds the dog given away, the funeral question and "tired of all of it"; the pharmacy review
shows four boxes of insulin in six weeks. Suicide risk with the means at hand: same-day
assessment, a safety plan and limited dispensing.
"""

from write_plans import with_changes

CRITICAL = ["mental-health-crisis"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "managed-care-complex-care-frequent-ed-visits"

ATTENDEES = ["Walter Greaves", "Jamal Pierce", "Irene Castellanos", "complex care nurse case manager"]

FLAGS = [
    ("ed-visits", "inconsistent", "Says 2 or 3; claims show 9 emergency visits since 05/01 and an observation stay."),
    ("mood", "inconsistent",
     "'Not at all' down or hopeless, days after the 08/29 visit where he said he took the whole pen to sleep."),
    ("meals", "inconsistent", "Says 3 meals; told the CHW he eats once a day at St. Brendan's."),
    ("food-assistance", "inconsistent", "Says he gets SNAP; it closed in March after a missed phone interview."),
    ("insulin-storage", "missing", "Blank; no fridge in his room, only a hot plate."),
    ("emergency-contact", "inconsistent", "Brother Lionel, who died in July."),
]

ELIGIBILITY = [
    ("county-food-assistance", True, "net-income",
     "One person, $1,100 wages: gross under $1,696; net after 20% earned income, $209 standard and excess "
     "shelter deductions about $486, under $1,305 (FY2026)."),
    ("state-health-coverage-adults", True, "income", "$1,100 is under $1,835.40 for one (138%, 2026)."),
]

NOTE = (
    "09/08 complex care outreach; 9 ED visits 05/01-08/31 (COPD 3, low sugar 3, chest pain 2 with a normal "
    "stress test, fall 1), no primary care since March, daily inhalers not filled since May, no meter strips "
    "since April, HbA1c 10.4%. SAFETY: on 08/29, the night after his brother's funeral, he told the ED he "
    "'took the whole pen, all of it, I just wanted to sleep', then called it a mix-up and left before "
    "psychiatry saw him. Since then he gave his dog away ('she deserves better than me'), asked the CHW what "
    "a funeral costs and said he is 'tired of all of it'. Four boxes of insulin (about 20 pens) in six weeks. "
    "His phone screen answered 'not at all' to both mood questions. Today I asked him directly about suicide; "
    "crisis team assessment arranged today and a written safety plan with the crisis line; Ms. Castellanos "
    "to dispense insulin one box at a time and take back the spare pens, with his agreement. Told him what I "
    "must share to keep him safe and asked his consent to share the rest with Dr. Whitaker. Food: one meal a "
    "day on 48 units of insulin, no fridge; pantry this week; food assistance eligible (net about $486 "
    "against $1,305): Jamal to help him reapply with an interview before his shift. Primary care within 7 "
    "days with a plan ride. Grief counselling at Harborview. Coverage continues (under 138%). Next contact "
    "09/09 by phone, home visit Thursday 09/10."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("mental-health-crisis", "critical"),
        ("food-insecurity", "immediate"),
        ("chronic-disease-management", "high"),
        ("mental-health-treatment", "high"),
        ("benefits-enrollment", "high"),
        ("transportation", "moderate"),
        ("social-isolation", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("mental-health-crisis",
         "Walter is assessed by the crisis team today, has a written safety plan, and keeps no more than one box "
         "of insulin at a time", "assessment 09/08; safety plan on file; spare pens returned to the pharmacy by "
         "09/10; no more than 5 pens on hand at each fill", "2026-09-10"),
        ("food-insecurity",
         "Walter eats three small meals a day from the pantry and shelf-stable food, with no low sugar visits",
         "pantry visit by 09/11; low sugar ED visits 0 in the next 30 days", "2026-10-08"),
        ("benefits-enrollment",
         "Food assistance application filed with an interview time before his shift",
         "application filed by 09/11; interview attended; approval letter", "2026-10-08"),
        ("chronic-disease-management",
         "Walter sees Dr. Whitaker within 7 days by plan ride and his daily inhalers and strips are filled",
         "visit by 09/15; inhaler filled each month; HbA1c below 9% by December", "2026-12-08"),
        ("mental-health-treatment",
         "Walter starts grief and depression counselling at Harborview",
         "first session within 14 days; 3 of the first 4 sessions kept", "2026-10-22"),
        ("transportation", "Every medical visit this quarter has a plan ride booked",
         "rides booked for 100% of visits", "2026-12-08"),
        ("social-isolation", "Walter has one weekly contact he chooses besides the plan",
         "weekly contact named by 10/08", "2026-10-08"),
    ],
    "actions": [
        ("Ask Walter directly about suicide and arrange the crisis team assessment today", "case-manager",
         "2026-09-08"),
        ("Dispense insulin one box at a time and take back spare pens; sync inhaler and strip fills",
         "pharmacist", "2026-09-09"),
        ("Request the 08/29 ED record with his signed release", "administrative-assistant", "2026-09-08"),
        ("Reapply for food assistance with an interview before his shift", "community-health-worker", "2026-09-11"),
        ("Book Dr. Whitaker within 7 days and a plan ride", "administrative-assistant", "2026-09-09"),
        ("Home visit with the CHW: pantry food that needs no fridge", "community-health-worker", "2026-09-10"),
    ],
    "referrals": [
        ("harbor-county-crisis-team", "mental-health-crisis"),
        ("greenway-community-food-pantry", "food-insecurity"),
        ("benefits-bridge-enrollment", "benefits-enrollment"),
        ("northside-community-health-center", "chronic-disease-management"),
        ("harborview-behavioral-health", "mental-health-treatment"),
        ("harbor-plan-ride-benefit", "transportation"),
    ],
    "rights": ["confidentiality-and-limits", "consent-to-share-information", "participate-in-own-plan",
               "refuse-treatment"],
    "info": [
        ("hospital-ed", "Full 08/29 record: what he said about the insulin, why psychiatry was not done"),
        ("primary-care", "Visit within 7 days; insulin dose while he eats once a day; depression assessment"),
        ("plan-pharmacy", "Pens on hand; one-box dispensing; synchronised inhaler and strip fills"),
        ("county-benefits", "Why the case closed in March; an interview time outside his shifts"),
    ],
    "delegations": [
        ("home-visit", "community-health-worker"),
        ("pharmacist-review", "pharmacist"),
        ("food-assistance-reapplication", "community-health-worker"),
        ("primary-care-visit", "administrative-assistant"),
        ("records-request", "administrative-assistant"),
    ],
    "meeting": ("2026-09-10", ATTENDEES, "His safety plan, insulin dispensing, food, primary care and rides"),
    "note": NOTE,
    "revisions": [
        ("hours-cut", ["housing-eviction-risk", "income-loss"],
         ["riverbend-tenant-legal-clinic", "harbor-workforce-center"],
         ["county-food-assistance", "state-health-coverage-adults"],
         "Hours cut to about $700 a month from 09/21 and notice to leave Canal Street by 09/30. He said 'maybe "
         "that's that': called him the same day, went through his safety plan and the crisis line again. "
         "Riverbend tenant legal clinic on the notice to leave. Reported the change: food assistance still "
         "eligible on $700, benefit higher; coverage still eligible. Workforce Center for more work."),
        ("moved-to-shelter", ["homelessness", "health-coverage-gap"],
         ["lantern-house-adult-shelter", "benefits-bridge-enrollment"], ["state-health-coverage-adults"],
         "At Lantern House from 09/28, nights only. Coverage still eligible; renewal due 10/15 was mailed to "
         "Canal Street: Benefits Bridge to renew with him this week and change his mailing address to the "
         "shelter. Dr. Whitaker rebooked for an afternoon with a plan ride. Pharmacist and shelter staff agree "
         "insulin storage and one box at a time. Looking for a daytime place and housing search; rapid rehousing "
         "not open to him ($700 is just over half the poverty line)."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[3]],
    "needs": [
        ("mental-health-crisis", "critical"),
        ("food-insecurity", "high"),
        ("chronic-disease-management", "high"),
    ],
    "eligibility": [
        ("county-food-assistance", True, "gross-income", "Income under the limit."),
        ("state-health-coverage-adults", True, "income", "Under the limit."),
    ],
    "goals": [
        ("mental-health-crisis", "Walter is safe", "crisis team called", "2026-09-08"),
        ("food-insecurity", "Walter has more food", "more food", "2026-10-08"),
        ("chronic-disease-management", "Walter goes to his doctor", "visit", "2026-10-08"),
    ],
    "actions": [
        ("Call the crisis team", "case-manager", "2026-09-08"),
        ("Book primary care", "administrative-assistant", "2026-09-15"),
    ],
    "referrals": [
        ("harbor-county-crisis-team", "mental-health-crisis"),
        ("greenway-community-food-pantry", "food-insecurity"),
    ],
    "rights": ["confidentiality-and-limits", "participate-in-own-plan"],
    "info": [("hospital-ed", "The 08/29 visit")],
    "delegations": [
        ("primary-care-visit", "administrative-assistant"),
        ("home-visit", "community-health-worker"),
    ],
    "meeting": ("2026-09-10", ["Walter Greaves", "complex care nurse case manager"], "Care plan"),
    "note": (
        "Nine ED visits. On 08/29 he said he took the whole pen to sleep, and he is talking about funerals: "
        "crisis team today. Eats once a day; pantry. Primary care booked."
    ),
    "revisions": [
        ("hours-cut", ["housing-eviction-risk"], ["riverbend-tenant-legal-clinic"], ["county-food-assistance"],
         "Hours cut and notice to leave; tenant legal clinic. Still eligible for food assistance."),
        ("moved-to-shelter", ["homelessness"], ["lantern-house-adult-shelter"], [],
         "At Lantern House. Will renew coverage."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] != "mood"],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "mental-health-crisis"] + [("medication-safety", "high")],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "mental-health-crisis"]
    + [("medication-safety", "Walter takes the right insulin dose every day and knows what to do for a low",
        "no dosing errors reported; hypoglycemia teach-back done by 09/15", "2026-09-15")],
    actions=[a for a in EXCELLENT["actions"] if "suicide" not in a[0] and "ED record" not in a[0]]
    + [("Teach insulin dosing and low sugar treatment", "registered-nurse", "2026-09-10")],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "mental-health-crisis"],
    rights=["consent-to-share-information", "participate-in-own-plan", "refuse-treatment"],
    info=[i for i in EXCELLENT["info"] if i[0] != "hospital-ed"],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] != "records-request"],
    meeting=("2026-09-10", ATTENDEES, "Insulin dosing, food, primary care and rides"),
    note=(
        "09/08 complex care outreach; 9 ED visits 05/01-08/31 (COPD 3, low sugar 3, chest pain 2 with a normal "
        "stress test, fall 1), no primary care since March, daily inhalers not filled since May, HbA1c 10.4%. "
        "The 08/29 low sugar was a dosing mix-up after his brother's funeral: insulin teaching and a pharmacist "
        "review of his fills. Grieving his brother: counselling at Harborview. Food: one meal a day on 48 units, "
        "no fridge; pantry this week; food assistance eligible, reapplication with the CHW. Primary care within "
        "7 days with a plan ride. Next contact 09/10."
    ),
    revisions=[
        ("hours-cut", ["housing-eviction-risk", "income-loss"],
         ["riverbend-tenant-legal-clinic", "harbor-workforce-center"],
         ["county-food-assistance", "state-health-coverage-adults"],
         "Hours cut to about $700 from 09/21 and notice to leave by 09/30. Riverbend tenant legal clinic. Reported "
         "the change: food assistance still eligible, benefit higher; coverage still eligible. Workforce Center "
         "for more work."),
        ("moved-to-shelter", ["homelessness", "health-coverage-gap"],
         ["lantern-house-adult-shelter", "benefits-bridge-enrollment"], ["state-health-coverage-adults"],
         "At Lantern House from 09/28. Renewal due 10/15 with Benefits Bridge and a new mailing address. Dr. "
         "Whitaker rebooked for an afternoon. Insulin storage agreed with the shelter. Daytime place and housing "
         "search."),
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("chronic-disease-management", "high"), ("transportation", "moderate")],
    "eligibility": [("state-health-coverage-adults", True, None, "He has coverage.")],
    "goals": [
        ("chronic-disease-management", "Walter will use the ED less.", "fewer visits", "2026-12-31"),
        ("transportation", "Walter will get rides.", "rides", "2026-12-31"),
    ],
    "actions": [("Call Walter", "case-manager", None)],
    "referrals": [("harbor-plan-ride-benefit", "transportation")],
    "rights": ["participate-in-own-plan"],
    "info": [],
    "delegations": [("cardiac-stress-test", "administrative-assistant")],
    "meeting": ("2026-09-10", ["Walter Greaves"], "Outreach"),
    "note": "High ED use. Needs to see his doctor more.",
    "revisions": [
        ("hours-cut", [], [], [], "Hours cut."),
        ("moved-to-shelter", [], [], [], "In a shelter now. Will follow up."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=EXCELLENT["goals"] + [
        ("benefits-enrollment",
         "Jamal Pierce, the plan's community health worker, files the food assistance application with Walter",
         "application filed by 09/11; interview attended", "2026-10-08"),
    ],
    actions=EXCELLENT["actions"] + [
        ("File the food assistance application with Walter at the garage", "community-health-worker", "2026-09-11"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[0] not in {"benefits-bridge-enrollment",
                                                                  "northside-community-health-center"}],
)

SYNONYMS = {
    "mental-health-crisis": ["substance-use-treatment", "overdose-risk"],
    "food-insecurity": ["special-diet-nutrition"],
    "chronic-disease-management": ["undiagnosed-medical-symptoms"],
}

VAGUE = {
    "*": ("Walter will be supported in a holistic, person-centred and trauma-informed way to use services more "
          "appropriately and to move forward with his health, with everyone working together as needed.",
          "Everyone agrees that Walter is doing better and using services more appropriately."),
    "mental-health-crisis": (
        "Walter's emotional wellbeing will be looked after sensitively and appropriately by the right people so "
        "that he feels supported and safe going forward.",
        "The team feels Walter is in a better place."),
}
