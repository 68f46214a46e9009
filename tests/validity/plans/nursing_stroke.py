"""Darnell, 58, going home from the rehabilitation unit three weeks after a stroke: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in
the speech therapist's discharge note: the swallow study of 04/17 showed silent aspiration of
thin liquids, with mildly thick liquids, soft bite-sized food, pills in purée and an adult at
every meal recommended, while the physiatrist's discharge orders still read "regular, thin
liquids" from 04/09, the form says he eats everything and a cookout is planned for Saturday.
"""

from write_plans import with_changes

CRITICAL = ["special-diet-nutrition"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "nursing-stroke-rehab-discharge-line-cook"

ATTENDEES = ["Darnell Price", "Keisha Price", "Naomi Fischer", "Luis Ortega", "transitional care nurse"]

FLAGS = [
    ("diet-at-home", "inconsistent",
     "'Regular, eating everything', but the speech note of 04/20 reports the 04/17 swallow study: silent "
     "aspiration of thin liquids; mildly thick liquids, soft bite-sized food, an adult at every meal."),
    ("help-at-home", "inconsistent",
     "Keisha works 19:00 to 07:00 and sleeps 08:00 to 14:00; the children are at school 7:30 to 15:30 "
     "(psychology note)."),
    ("insurance", "inconsistent",
     "'No change', but the Tavern's letter says group coverage ends 04/30; COBRA $1,890 a month."),
    ("household-income", "inconsistent",
     "Darnell's pay stopped 04/03; the household has Keisha's $2,900 only."),
    ("medicaid-snap", "inconsistent",
     "'We both work': on $2,900 for four they qualify for adult coverage and food assistance."),
    ("driving", "inconsistent",
     "OT and the physiatrist: no driving until neurology clears him and a driving evaluation is passed."),
]

ELIGIBILITY = [
    ("state-health-coverage-adults", True, "income",
     "Age 58; household of four on $2,900 against 138% of the 2026 guideline, $3,795. Eligible; file before "
     "04/30."),
    ("county-food-assistance", True, "net-income",
     "Gross $2,900 under $3,483; net $1,795.50 after the earned income, standard and shelter deductions, under "
     "$2,680; assets $1,800. Eligible."),
]

NOTE = (
    "04/20 transitional care plan. Darnell Price, 58, right MCA stroke 04/02 with left weakness, new atrial "
    "fibrillation on apixaban; home from rehab 04/22. In his words: 'I just want my own food and my own bed, and "
    "I want to get back on the line by summer.' Most urgent: the speech therapist's note reports silent "
    "aspiration of thin liquids on the 04/17 swallow study, but the discharge order still says regular diet and "
    "thin liquids (04/09), the form says he eats everything and a cookout is planned for Saturday. Asked Dr. "
    "Ashby to correct the order to mildly thick liquids and soft bite-sized food, pills whole in purée; thickener "
    "to be in the house before discharge; Naomi Fischer to teach Keisha and Malik with a teach-back on 04/21. "
    "Explained to Darnell that aspiration here is silent, so 'being careful' will not show it; he agreed to the "
    "plan for now and to brisket chopped soft. An adult at every meal: weekly schedule with names around "
    "Keisha's nights (she sleeps to 14:00; the children are at school), friends and his sister for lunches. Home "
    "health (he chose Alder Falls Home Health): nursing, PT, OT and speech therapy within 48 hours. Coverage ends "
    "04/30: adult coverage eligible ($2,900 for four under $3,795), application by 04/24; food assistance "
    "eligible on net income $1,795.50. Follow-up booked: primary care 04/28, neurology 05/05, cardiology 05/19. "
    "PHQ-9 13: counselling referral. No driving. Monitoring: coughing at meals, temperature, weight. First "
    "follow-up call 04/23."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("special-diet-nutrition", "critical"),
        ("caregiver-strain", "immediate"),
        ("home-health-skilled-care", "immediate"),
        ("health-coverage-gap", "high"),
        ("medical-follow-up", "high"),
        ("food-insecurity", "moderate"),
        ("mental-health-treatment", "moderate"),
        ("durable-medical-equipment", "moderate"),
        ("transportation", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("special-diet-nutrition",
         "Diet order corrected to mildly thick liquids and soft bite-sized food, thickener in the house, and "
         "Keisha and Malik can thicken a drink and set up a meal",
         "order corrected 04/21; thickener delivered before discharge; teach-back by two family members; "
         "pneumonia in 30 days: 0", "2026-05-22"),
        ("caregiver-strain",
         "Written weekly schedule naming the adult at each meal and in the house 07:30 to 15:30",
         "a name for every meal and weekday hour by 04/22", "2026-04-22"),
        ("home-health-skilled-care",
         "Home health nursing, PT, OT and speech therapy start within 48 hours of discharge",
         "first visit of each discipline by 04/24", "2026-04-24"),
        ("health-coverage-gap",
         "Adult coverage filed before the group plan ends",
         "application filed by 04/24; coverage from 05/01, no uninsured day", "2026-05-01"),
        ("medical-follow-up",
         "Primary care, neurology and cardiology booked and attended",
         "visits 04/28, 05/05, 05/19 kept", "2026-05-19"),
        ("food-insecurity",
         "Food assistance application filed",
         "filed by 04/24; decision within 30 days", "2026-05-24"),
        ("mental-health-treatment",
         "Darnell starts outpatient counselling",
         "first session by 05/08; PHQ-9 repeated at 4 weeks", "2026-05-20"),
        ("durable-medical-equipment",
         "Shower chair, raised toilet seat and grab bar in place before his first shower",
         "all three installed by 04/22", "2026-04-22"),
        ("transportation",
         "Rides to the three appointments with Keisha or a friend, no driving",
         "ride named for each appointment", "2026-04-28"),
    ],
    "actions": [
        ("Ask Dr. Ashby to correct the diet order and order thickener", "registered-nurse", "2026-04-20"),
        ("Swallowing teaching for Keisha and Malik with teach-back", "registered-nurse", "2026-04-21"),
        ("Weekly schedule of who is with Darnell at each meal", "social-worker", "2026-04-21"),
        ("Offer agency list; home health referral with speech therapy", "registered-nurse", "2026-04-21"),
        ("File adult coverage and food assistance", "benefits-specialist", "2026-04-24"),
        ("Book primary care, neurology, cardiology", "administrative-assistant", "2026-04-21"),
        ("Counselling referral", "social-worker", "2026-04-24"),
    ],
    "referrals": [
        ("alder-falls-home-health", "home-health-skilled-care"),
        ("benefits-bridge-enrollment", "health-coverage-gap"),
        ("harborview-behavioral-health", "mental-health-treatment"),
        ("northside-community-health-center", "medical-follow-up"),
        ("greenway-community-food-pantry", "food-insecurity"),
    ],
    "rights": [
        "participate-in-discharge-planning",
        "choice-of-post-acute-provider",
        "participate-in-own-plan",
        "refuse-treatment",
        "hospital-discharge-appeal",
    ],
    "info": [
        ("physiatry", "Corrected diet order per the 04/17 study; thickener order; speech therapy on the referral"),
        ("speech", "A plain-language home swallowing plan; teaching times for Keisha and Malik"),
        ("financial-counsellor", "The Tavern's coverage letter; help filing both applications before 04/30"),
        ("occupational-therapy", "Who installs the grab bar; when a driving evaluation can be done"),
    ],
    "delegations": [
        ("reconcile-orders", "registered-nurse"),
        ("family-teaching", "registered-nurse"),
        ("home-health-referral", "registered-nurse"),
        ("supervision-plan", "social-worker"),
        ("coverage-application", "benefits-specialist"),
        ("food-application", "benefits-specialist"),
        ("follow-up-appointments", "administrative-assistant"),
        ("counselling-referral", "social-worker"),
    ],
    "meeting": ("2026-04-21", ATTENDEES + ["Malik Price"],
                "Before discharge: the swallowing plan and teaching, who is with Darnell at meals, home health, "
                "coverage after 04/30, follow-up visits"),
    "note": NOTE,
    "revisions": [
        ("first-evening", ["medication-access"], ["tri-county-pharmacy-assistance"], [],
         "Coughing at dinner, then fever and fast breathing: possible aspiration pneumonia. Told Malik to call 911 "
         "now; he is seen tonight in the emergency department. Nothing thin to drink until thickener is in the "
         "house: Keisha's sister buys two tins tonight ($38 each) and Tri-County pharmacy assistance is asked to "
         "cover it until the new coverage starts. Malik was alone with his father at dinner: schedule redone so an "
         "adult is at the evening meal before Keisha leaves. Home health asked for the speech therapist and nurse "
         "first thing tomorrow."),
        ("extra-shifts", [], [], ["state-health-coverage-adults", "county-food-assistance"],
         "Keisha's pay rises to $3,650 from June: report the change to both programmes. Food assistance ends: "
         "$3,650 is over the gross limit of $3,483 for four. Adult coverage continues: under $3,795. Daytime plan "
         "redone around five night shifts; he is no longer homebound, so home health ends and outpatient therapy "
         "starts in June. Back to work: ask neurology for clearance and refer to vocational rehabilitation for a "
         "lighter role while he recovers."),
    ],
}

# ---------------------------------------------------------------- competent: finds the critical need, has gaps

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[2], FLAGS[1]],
    "needs": [
        ("special-diet-nutrition", "critical"),
        ("home-health-skilled-care", "immediate"),
        ("health-coverage-gap", "high"),
        ("medical-follow-up", "moderate"),
    ],
    "eligibility": [
        ("state-health-coverage-adults", True, "income", "Income is under the limit."),
        ("county-food-assistance", False, "gross-income", "Keisha works."),
    ],
    "goals": [
        ("special-diet-nutrition", "Darnell follows the thickened diet", "follows the diet", "2026-05-22"),
        ("home-health-skilled-care", "Home health starts", "home health starts", "2026-04-24"),
        ("health-coverage-gap", "Darnell has coverage", "has coverage", "2026-05-01"),
        ("medical-follow-up", "Follow-up appointments kept", "appointments kept", "2026-05-19"),
    ],
    "actions": [
        ("Correct the diet order to thickened liquids", "registered-nurse", "2026-04-21"),
        ("Home health referral", "registered-nurse", "2026-04-21"),
        ("Coverage application", "benefits-specialist", "2026-04-28"),
    ],
    "referrals": [
        ("alder-falls-home-health", "home-health-skilled-care"),
        ("benefits-bridge-enrollment", "health-coverage-gap"),
    ],
    "rights": ["participate-in-discharge-planning", "participate-in-own-plan"],
    "info": [("physiatry", "Corrected diet order")],
    "delegations": [
        ("reconcile-orders", "registered-nurse"),
        ("home-health-referral", "registered-nurse"),
        ("coverage-application", "benefits-specialist"),
        ("follow-up-appointments", "administrative-assistant"),
        ("snf-referral", "social-worker"),
    ],
    "meeting": ("2026-04-21", ["Darnell Price", "Keisha Price", "transitional care nurse"], "Discharge plan"),
    "note": (
        "The speech note shows silent aspiration of thin liquids but the discharge order says regular diet: order "
        "to be corrected and thickened liquids taught. Home health referral. Coverage ends 04/30; applying for "
        "adult coverage. Follow-up appointments to book."
    ),
    "revisions": [
        ("first-evening", ["medication-access"], [], [],
         "Coughing and fever after dinner; told to go to the emergency department."),
        ("extra-shifts", [], [], ["state-health-coverage-adults"],
         "Income went up; coverage still eligible."),
    ],
}

# ---------------------------------------------------------------- missed-critical: diligent, follows the summary's diet order

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] != "diet-at-home"],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "special-diet-nutrition"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "special-diet-nutrition"],
    actions=[a for a in EXCELLENT["actions"] if "diet" not in a[0] and "Swallowing" not in a[0]],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] not in {"reconcile-orders", "family-teaching"}],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"physiatry", "speech"}]
    + [("physiatry", "Final medicine list and follow-up orders")],
    meeting=("2026-04-21", ATTENDEES + ["Malik Price"],
             "Before discharge: who is with Darnell during the day, home health, coverage after 04/30, follow-up"),
    note=(
        "04/20 transitional care plan. Darnell Price, 58, right MCA stroke 04/02 with left weakness, new atrial "
        "fibrillation on apixaban; home from rehab 04/22 on a regular diet per the discharge orders. In his words: "
        "'I just want my own food and my own bed, and I want to get back on the line by summer.' Supervision: OT "
        "says no stove or knives alone; weekly schedule with names around Keisha's nights. Home health (he chose "
        "Alder Falls Home Health): nursing, PT, OT and speech therapy for his speech within 48 hours. Coverage ends "
        "04/30: adult coverage eligible ($2,900 for four under $3,795), application by 04/24; food assistance "
        "eligible on net income $1,795.50. Follow-up booked: primary care 04/28, neurology 05/05, cardiology "
        "05/19. PHQ-9 13: counselling referral. No driving. Monitoring: walking, mood, blood pressure. First "
        "follow-up call 04/23."
    ),
    revisions=[
        ("first-evening", ["medication-access"], ["tri-county-pharmacy-assistance"], [],
         "Coughing at dinner, then fever and fast breathing: told Malik to call 911; he is seen tonight. The "
         "pharmacy says thickener is not covered: Tri-County pharmacy assistance asked. Schedule redone so an "
         "adult is at the evening meal. Home health asked to come first thing tomorrow."),
        EXCELLENT["revisions"][1],
    ],
)

# ---------------------------------------------------------------- superficial

SUPERFICIAL = {
    "flags": [],
    "needs": [("home-health-skilled-care", "high"), ("medical-follow-up", "moderate")],
    "eligibility": [("state-health-coverage-adults", False, None, "He has insurance from work."),
                    ("county-food-assistance", False, None, "They both work.")],
    "goals": [
        ("home-health-skilled-care", "Darnell gets therapy.", "gets therapy", "2026-05-31"),
        ("medical-follow-up", "Darnell sees his doctors.", "sees doctors", "2026-05-31"),
    ],
    "actions": [("Call Keisha", "case-manager", None)],
    "referrals": [("alder-falls-home-health", "home-health-skilled-care")],
    "rights": ["participate-in-own-plan"],
    "info": [],
    "delegations": [("medicare-application", "benefits-specialist")],
    "meeting": ("2026-04-21", ["Keisha Price"], "Discharge"),
    "note": "Darnell goes home on 04/22 with his wife. Home health will visit.",
    "revisions": [
        ("first-evening", [], [], [], "Family called."),
        ("extra-shifts", [], [], [], "Income changed. Will review."),
    ],
}

# ---------------------------------------------------------------- in-house: the hospital's own staff do the work

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=[g for g in EXCELLENT["goals"] if g[0] != "health-coverage-gap"] + [
        ("health-coverage-gap",
         "The hospital's financial counsellor files Darnell's adult coverage before the group plan ends",
         "application filed by 04/24; coverage from 05/01, no uninsured day", "2026-05-01"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[0] != "benefits-bridge-enrollment"],
)

SYNONYMS = {
    "special-diet-nutrition": ["medication-safety", "undiagnosed-medical-symptoms"],
    "home-health-skilled-care": ["mobility-rehabilitation"],
    "health-coverage-gap": ["benefits-enrollment", "income-loss"],
    "medical-follow-up": ["chronic-disease-management"],
}

VAGUE = {
    "*": ("Over the weeks after discharge Darnell will continue to be supported by the whole team and his family "
          "in a person-centred and holistic way so that his recovery at home goes well and he feels confident "
          "about his future.",
          "Darnell and his family feel things are going well and the team is satisfied."),
    "special-diet-nutrition": (
        "Darnell will be supported to eat and drink in a way that is safe and that respects his love of food and "
        "his culture, with the family and team working together on this as needed.",
        "The family feels comfortable with his eating and drinking."),
}
