"""Eli, a seventh grader who is missing school and falling behind in reading: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in
a note about schoolwork: on the January 28 journal prompt about a safe place, Eli wrote "I
dont have one right now. It dosnt really matter because I wont be around here much longer
anyway", and it was marked incomplete for length. Read beside a family that lost its home, a
boy who sleeps in class, skips meals and has daily headaches, it may be a statement of
suicidal thinking, and it calls for a risk screening the same day.
"""

from write_plans import with_changes

CRITICAL = ["mental-health-crisis"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "school-seventh-grader-absences"

ATTENDEES = ["Renata Brannigan", "Eli Brannigan", "Luis Fennimore", "Harriet Solberg", "Owen Takahara",
             "Bernadette Quill, RN", "Imani Vasquez, PhD", "school-based case manager"]

FLAGS = [
    ("living-situation", "inconsistent",
     "Says rent at Alder Row, but Renata told the nurse on 01/12 they have stayed with a friend in Millbrook "
     "since losing the apartment, and Eli takes two buses from Millbrook: homeless under the education rules."),
    ("monthly-income", "inconsistent",
     "Gives $1,650, the deli job only; the cleaning company's statement adds $1,300, so verified income is "
     "$2,950 a month."),
    ("health-coverage", "inconsistent",
     "Says Kids Health Coverage, but Renata told the nurse his coverage was cut off last summer."),
    ("prior-evaluation", "missing",
     "Left blank; the cumulative file shows small-group reading help in grades 2 and 3 and no evaluation."),
    ("consent-to-share", "missing",
     "Not signed; needed before the school can talk to his doctors, the eye clinic or community agencies."),
]

ELIGIBILITY = [
    ("kids-health-coverage", True, "income",
     "Eli is 12; verified household income $2,950 a month is under the $5,691.67 limit (250% for 3). His "
     "coverage lapsed, so a new application with the current mailing address is needed."),
    ("county-food-assistance", False, "gross-income",
     "On verified income, $2,950 a month is $62 over the $2,888 gross limit (130% for 3), and no member is 60 "
     "or over or disabled, so the test is not waived. The form's $1,650 would have passed: the near miss to "
     "explain to Renata, and to redetermine if her income falls."),
    ("family-nutrition-wic", True, "category",
     "Kaya is 3, and $35,400 a year is under the $49,302.50 limit (185% for 3): eligible.", "kaya"),
]

NOTE = (
    "02/09 support team meeting with Renata (Eli joined for the second half). SAME DAY: Ms. Solberg's 02/03 "
    "note includes Eli's 01/28 journal entry, 'I dont have one right now... I wont be around here much longer "
    "anyway'. With the loss of the family's home, sleeping in class, skipped meals and eleven nurse visits "
    "for headaches and stomach aches, this may be suicidal thinking and was never followed up. Dr. Vasquez "
    "completed a risk screening today and Renata was told today; crisis team number given and a safety plan "
    "written with Eli and his mother; Brightpath counselling for follow-up. Housing: staying with a friend "
    "in Millbrook since losing the apartment, so Eli is homeless under the education rules (the form still "
    "says Alder Row): homeless liaison referral for a determination, transport to Riverbend from Millbrook, "
    "free school meals at once and the $14 balance cleared; absences tied to the move and the two-bus "
    "commute are being reviewed, and no truancy letter or attendance board referral is to go while the "
    "school works on the causes. Reading at a third-grade level with strong comprehension: Renata signed a "
    "written evaluation request and consent today; the 60 days run from today; procedural safeguards given; "
    "interim accommodations (front seat, word problems read aloud). Failed vision screening in September "
    "(20/50, 20/60), letter returned undeliverable: eye exam through Clear View before the evaluation. Health "
    "office rescue inhaler expired in December: nurse to get a new prescription this week. Kids Health "
    "Coverage lapsed: application with the new mailing address (eligible). Food assistance: verified $2,950 "
    "is $62 over the gross limit; explained. WIC for Kaya: eligible."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("mental-health-crisis", "critical"),
        ("homelessness", "immediate"),
        ("medication-access", "immediate"),
        ("food-insecurity", "high"),
        ("transportation", "high"),
        ("school-attendance", "high"),
        ("special-education-evaluation", "high"),
        ("sensory-impairment", "high"),
        ("health-coverage-gap", "high"),
        ("mental-health-treatment", "high"),
        ("learning-accommodations", "moderate"),
        ("infant-child-nutrition", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("mental-health-crisis",
         "Dr. Vasquez screens Eli for suicide risk today and Renata is told today; if he is at risk, the "
         "mobile crisis team sees him today and a written safety plan is made with Eli and his mother",
         "screening documented on 02/09, Renata informed the same day, safety plan signed if the screen is "
         "positive", "2026-02-09"),
        ("homelessness",
         "The district homeless liaison determines Eli's status and the family's rights are in place",
         "written determination by 02/13", "2026-02-13"),
        ("transportation",
         "Eli rides district transport from Millbrook to Riverbend Middle School and stops spending lunch "
         "money on fares", "transport running by 02/17 and confirmed with Eli", "2026-02-17"),
        ("school-attendance",
         "Eli's attendance recovers with a morning check-in with Mr. Takahara",
         "no more than 1 absence in each 4-week period after transport starts; every absence coded with a "
         "reason", "2026-03-31"),
        ("food-insecurity",
         "Eli eats breakfast and lunch at school free and takes weekend meals home",
         "free meals active and the $14 balance cleared by 02/11; backpack meals each Friday from 02/13",
         "2026-02-13"),
        ("medication-access",
         "The health office has an in-date rescue inhaler and an asthma action plan for Eli",
         "new inhaler in the health office by 02/13", "2026-02-13"),
        ("special-education-evaluation",
         "Eli's evaluation for a reading disability is completed within 60 days of consent, with vision and "
         "missed instruction ruled in or out", "signed request and consent on 02/09; eligibility meeting held "
         "by 04/10", "2026-04-10"),
        ("sensory-impairment",
         "Eli has an eye examination and glasses if prescribed, before the evaluation testing",
         "exam done by 02/27, glasses worn in class, result with the school nurse", "2026-03-06"),
        ("health-coverage-gap",
         "Eli's Kids Health Coverage is restored with the new mailing address",
         "application filed by 02/13 and approval letter received", "2026-03-13"),
        ("mental-health-treatment",
         "Eli has regular counselling for the stress of losing his home",
         "intake at Brightpath attended and weekly sessions started", "2026-02-27"),
        ("learning-accommodations",
         "Every teacher gives Eli interim accommodations: front seat, word problems and tests read aloud",
         "written accommodations sent to all 5 teachers by 02/13", "2026-02-13"),
        ("infant-child-nutrition", "Kaya is certified for WIC", "certification appointment held by 02/27",
         "2026-02-27"),
    ],
    "actions": [
        ("Suicide risk screening with Eli today; tell Renata today", "school-psychologist", "2026-02-09"),
        ("Refer the family to the district homeless liaison for a determination and transport from Millbrook",
         "school-counselor", "2026-02-09"),
        ("Put the 20th-absence letter and attendance board referral on hold while causes are addressed",
         "case-manager", "2026-02-09"),
        ("Enrol Eli in free school meals and clear the negative balance", "administrative-assistant", "2026-02-10"),
        ("Written evaluation request and consent signed by Renata; give procedural safeguards",
         "school-psychologist", "2026-02-09"),
        ("Get a new rescue inhaler prescription and inhaler for the health office", "registered-nurse", "2026-02-13"),
        ("Book the eye exam with Clear View and follow up on glasses", "registered-nurse", "2026-02-16"),
        ("Complete the Kids Health Coverage application with the new mailing address", "benefits-specialist",
         "2026-02-13"),
        ("Morning check-in and attendance plan with Mr. Takahara", "school-counselor", "2026-02-11"),
        ("Update the address, emergency card and consent forms", "administrative-assistant", "2026-02-10"),
    ],
    "referrals": [
        ("harbor-county-crisis-team", "mental-health-crisis"),
        ("brightpath-youth-counseling", "mental-health-treatment"),
        ("school-stability-transport-program", "transportation"),
        ("school-stability-transport-program", "school-attendance"),
        ("lighthouse-school-backpack-meals", "food-insecurity"),
        ("clear-view-student-vision", "sensory-impairment"),
        ("harbor-parent-advocacy-center", "special-education-evaluation"),
        ("harbor-parent-advocacy-center", "learning-accommodations"),
    ],
    "rights": [
        "homeless-student-rights",
        "request-evaluation-in-writing",
        "procedural-safeguards",
        "iep-meeting-and-advocate",
        "section-504-accommodations",
        "confidentiality-and-limits",
        "consent-to-share-information",
        "school-attendance-responsibility",
    ],
    "info": [
        ("ela-teacher", "The original 01/28 journal entry for Dr. Vasquez, and any other writing like it"),
        ("school-nurse", "Resend the vision referral to the new address; asthma prescriber for the inhaler"),
        ("counselor", "Attendance codes since October and the homeless liaison's contact"),
        ("school-psychologist", "Consent forms and the evaluation timeline from today's signed request"),
        ("math-teacher", "Morning check-in in homeroom and a front-row seat"),
    ],
    "delegations": [
        ("risk-screen", "school-psychologist"),
        ("liaison-referral", "school-counselor"),
        ("meals-enrolment", "administrative-assistant"),
        ("evaluation-request", "school-psychologist"),
        ("eye-exam", "registered-nurse"),
        ("inhaler", "registered-nurse"),
        ("coverage-application", "benefits-specialist"),
        ("wic-appointment", "administrative-assistant"),
        ("attendance-plan", "school-counselor"),
        ("update-records", "administrative-assistant"),
    ],
    "meeting": ("2026-02-09", ATTENDEES,
                "Eli's safety today, the family's housing and school rights, attendance and transport, the "
                "evaluation request, vision, the inhaler, coverage and meals"),
    "note": NOTE,
    "revisions": [
        ("leaves-friends-home", [], ["cedar-hollow-family-shelter"], ["county-food-assistance"],
         "Now in the Starlight Motor Inn at $58 a night: still homeless under the education rules, with the "
         "right to stay at Riverbend Middle. The liaison arranges transport from the motel from tomorrow; "
         "Monday's and Tuesday's absences are coded as transport barriers, not unexcused. Cedar Hollow Family "
         "Shelter offered (24-hour intake, housing navigator) as the motel will use her whole income. Food "
         "assistance redetermined: still not eligible, because the gross test ($2,950 against $2,888) comes "
         "before any shelter deduction and no member is 60 or over, so higher motel costs do not change it; "
         "told Renata and to call if her income falls. Records updated to the motel address. Dr. Vasquez checks "
         "in with Eli this week after the move, under his safety plan."),
        ("asthma-attack", ["income-loss", "medical-follow-up"], ["northside-community-health-center"],
         ["county-food-assistance", "kids-health-coverage", "family-nutrition-wic"],
         "No usable inhaler in the health office: the replacement was in our plan and did not happen; the ED's "
         "new inhaler is now in the health office with an asthma action plan, and the nurse checks expiry "
         "monthly. Doctor within a week at Northside (sliding fee) with transport. Hospital bill: do not pay "
         "yet; the coverage application is pending and may cover the visit, and the hospital's financial "
         "assistance is next. Tidewell ended her contract: income $1,650. Food assistance redetermined: now "
         "eligible (gross under $2,888, net about $367 after the capped shelter deduction, assets $220), "
         "application this week; Kids Health Coverage and WIC still met."),
    ],
}

# ---------------------------------------------------------------- competent

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[1]],
    "needs": [
        ("mental-health-crisis", "critical"),
        ("homelessness", "immediate"),
        ("school-attendance", "high"),
        ("special-education-evaluation", "high"),
        ("food-insecurity", "moderate"),
    ],
    "eligibility": [
        ("kids-health-coverage", True, "income", "Income under the limit."),
        ("county-food-assistance", True, "gross-income", "Income $1,650 is under the limit."),
    ],
    "goals": [
        ("mental-health-crisis", "Eli is screened for suicide risk today", "screening done on 02/09", "2026-02-09"),
        ("school-attendance", "Eli comes to school more", "better attendance", "2026-03-31"),
        ("special-education-evaluation", "Eli is evaluated for special education",
         "evaluation done within 60 days of consent", "2026-04-10"),
        ("food-insecurity", "Eli eats at school", "eats lunch", "2026-03-31"),
    ],
    "actions": [
        ("Risk screening today", "school-psychologist", "2026-02-09"),
        ("Refer to the homeless liaison", "school-counselor", "2026-02-10"),
    ],
    "referrals": [
        ("harbor-county-crisis-team", "mental-health-crisis"),
        ("school-stability-transport-program", "school-attendance"),
    ],
    "rights": ["homeless-student-rights", "request-evaluation-in-writing"],
    "info": [("school-psychologist", "Evaluation consent forms")],
    "delegations": [
        ("risk-screen", "school-psychologist"),
        ("liaison-referral", "school-counselor"),
        ("evaluation-request", "school-psychologist"),
        ("meals-enrolment", "administrative-assistant"),
        ("truancy-referral", "administrative-assistant"),
    ],
    "meeting": ("2026-02-09", ["Renata Brannigan", "Luis Fennimore", "school-based case manager"], "Support plan"),
    "note": (
        "Eli's journal entry suggests he may be thinking of suicide; screening today. The family lost its "
        "apartment and stays with a friend, so he is homeless under school rules: liaison and transport. "
        "Evaluation requested for reading."
    ),
    "revisions": [
        ("leaves-friends-home", [], [], [], "Family in a motel now. Liaison to arrange transport from the motel."),
        ("asthma-attack", ["medical-follow-up"], [], [], "ER visit for asthma. Eli to see a doctor within a week."),
    ],
}

# ---------------------------------------------------------------- missed-critical: reads the journal as an incomplete assignment

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    needs=[n for n in EXCELLENT["needs"] if n[0] not in {"mental-health-crisis", "mental-health-treatment"}],
    goals=[g for g in EXCELLENT["goals"] if g[0] not in {"mental-health-crisis", "mental-health-treatment"}],
    actions=[a for a in EXCELLENT["actions"] if "risk" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"]
               if r[1] not in {"mental-health-crisis", "mental-health-treatment"}],
    rights=[r for r in EXCELLENT["rights"] if r != "confidentiality-and-limits"],
    info=[i for i in EXCELLENT["info"] if i[0] != "ela-teacher"] + [
        ("ela-teacher", "Work to send home while the family moves, and read-aloud for tests"),
    ],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] != "risk-screen"],
    meeting=("2026-02-09", ATTENDEES,
             "The family's housing and school rights, attendance and transport, the evaluation request, vision, "
             "the inhaler, coverage and meals"),
    note=(
        "02/09 support team meeting with Renata (Eli joined for the second half). Housing: staying with a "
        "friend in Millbrook since losing the apartment, so Eli is homeless under the education rules (the "
        "form still says Alder Row): homeless liaison referral, transport from Millbrook, free school meals at "
        "once and the $14 balance cleared; absences tied to the move and the two-bus commute reviewed, and no "
        "truancy letter while the school works on the causes. Reading at a third-grade level with strong "
        "comprehension; short written work: Renata signed a written evaluation request and consent today; "
        "procedural safeguards given; interim accommodations. Failed vision screening (20/50, 20/60), letter "
        "returned: eye exam through Clear View. Health office inhaler expired: new prescription this week. "
        "Kids Health Coverage lapsed: application with the new address. Food assistance: verified $2,950 is "
        "$62 over the gross limit; explained. WIC for Kaya: eligible."
    ),
    revisions=[
        EXCELLENT["revisions"][0][:4] + (
            "Now in the Starlight Motor Inn at $58 a night: still homeless under the education rules, with the "
            "right to stay at Riverbend Middle. The liaison arranges transport from the motel; Monday's and "
            "Tuesday's absences are coded as transport barriers. Cedar Hollow Family Shelter offered. Food "
            "assistance redetermined: still not eligible, the gross test comes before any shelter deduction. "
            "Records updated to the motel address.",),
        EXCELLENT["revisions"][1],
    ],
)

# ---------------------------------------------------------------- superficial

SUPERFICIAL = {
    "flags": [],
    "needs": [("school-attendance", "high"), ("special-education-evaluation", "moderate")],
    "eligibility": [("county-food-assistance", True, None, "Low income.")],
    "goals": [
        ("school-attendance", "Eli will come to school.", "he comes", "2026-06-15"),
        ("special-education-evaluation", "Eli will be tested.", "tested", "2026-06-15"),
    ],
    "actions": [("Talk to Eli about attendance", "case-manager", None)],
    "referrals": [("lighthouse-after-school-tutoring", "school-attendance")],
    "rights": ["school-attendance-responsibility"],
    "info": [],
    "delegations": [("truancy-referral", "administrative-assistant")],
    "meeting": ("2026-02-09", ["Renata Brannigan"], "Attendance"),
    "note": "Eli misses a lot of school and reads below grade level. Mother will help.",
    "revisions": [
        ("leaves-friends-home", [], [], [], "Family moved to a motel."),
        ("asthma-attack", [], [], [], "Eli went to the ER. Will follow up."),
    ],
}

# ---------------------------------------------------------------- in-house: the school's own staff

IN_HOUSE = with_changes(
    EXCELLENT,
    note=NOTE.replace(
        'Brightpath counselling for follow-up',
        'weekly sessions with Mr. Fennimore for follow-up',
    ),
    goals=[g for g in EXCELLENT["goals"]
           if g[0] not in {"mental-health-treatment", "learning-accommodations", "food-insecurity"}] + [
        ("mental-health-treatment",
         "Mr. Fennimore, the school counselor, meets Eli weekly after the risk screening, and Dr. Vasquez "
         "reviews his safety plan", "weekly sessions logged from 02/10; safety plan reviewed on 02/23",
         "2026-02-23"),
        ("learning-accommodations",
         "The school counselor writes interim accommodations (front seat, read-aloud) into a 504 plan with "
         "Eli's teachers", "504 plan signed and sent to all 5 teachers by 02/20", "2026-02-20"),
        ("food-insecurity",
         "Eli eats breakfast and lunch free at school every day, and the cafeteria sends a Friday food bag",
         "free meals active and the $14 balance cleared by 02/11", "2026-02-11"),
    ],
    actions=EXCELLENT["actions"] + [
        ("Weekly counselling check-in with Eli", "school-counselor", "2026-02-10"),
        ("Write interim accommodations into a 504 plan with the teachers", "school-counselor", "2026-02-20"),
    ],
    referrals=[r for r in EXCELLENT["referrals"]
               if r[0] not in {"brightpath-youth-counseling", "harbor-parent-advocacy-center",
                               "lighthouse-school-backpack-meals"}],
)

SYNONYMS = {
    "mental-health-crisis": ["trauma-grief-support", "abuse-neglect-exploitation"],
    "homelessness": ["housing-eviction-risk", "shelter-placement-at-risk"],
    "school-attendance": ["behavior-support"],
    "special-education-evaluation": ["developmental-delay"],
    "food-insecurity": ["benefits-enrollment"],
}

VAGUE = {
    "*": ("Eli will be supported in a holistic, strengths-based and trauma-informed way by the whole school "
          "community so that he can feel more settled, engaged and positive about school and his future.",
          "Staff and family feel that Eli is more settled and doing generally better."),
    "mental-health-crisis": (
        "Eli's emotional wellbeing will be looked after sensitively and appropriately by the relevant staff, "
        "with the family kept informed as needed, so that he feels safe and supported at school.",
        "Eli seems happier and staff are not worried about him."),
}
