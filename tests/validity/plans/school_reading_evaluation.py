"""Jonah, 9, a fourth grader whose mother asked in writing for a reading evaluation: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is spread
over three reports that are each about something else: the teacher's note on his reading says he
stops many times a day, stares with fluttering eyelids and does not answer his name for a few
seconds; the nurse's log has the playground aide seeing the same on the climbing frame; and the
swim report asks him to "focus in the water" after he twice stopped swimming and went under. Read
together they are possible absence seizures in a child who swims again the next day.
"""

from write_plans import with_changes

CASE = "school-fourth-grader-reading-evaluation"

CRITICAL = ["undiagnosed-medical-symptoms"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

ATTENDEES = ["Della Whitcombe", "Priya Anand", "Gordon Ellery", "Mae Hollister, RN", "Tobias Reinholt, EdS",
             "school-based case manager"]

FLAGS = [
    ("written-request-date", "missing",
     "Left blank, but the office log shows her letter asking for an evaluation was date-stamped on 09/14; "
     "that date starts the district's timeline."),
    ("monthly-income", "inconsistent",
     "Gives $3,725, her wages only; the county payment history adds $500 a month of child support for Theo, "
     "so verified income is $4,225."),
    ("health-coverage", "inconsistent",
     "Says Kids Health Coverage, but Dr. Boateng's billing message shows it ended on 08/31 when the renewal "
     "was not returned."),
    ("consent-to-share", "missing",
     "Unsigned: needed before the school can tell Dr. Boateng and Kids Club what staff have seen."),
]

ELIGIBILITY = [
    ("kids-health-coverage", True, "income",
     "Jonah is 9 and verified income of $4,225 a month is under the $5,691.67 limit (250% for 3). The coverage "
     "lapsed for a missed renewal, so the renewal is what is needed."),
    ("family-nutrition-wic", False, "income",
     "Theo is 2, so the category is met, but verified income with the child support is $50,700 a year against "
     "$50,542 (185% for 3): $158 over. On the form's $3,725 it would have looked eligible; explained to Della, "
     "and it reopens if her income drops.", "theo"),
    ("section-504-eligibility", False, "impairment",
     "Reading and concentrating are plainly limited, but no impairment has been identified yet; a doctor's "
     "assessment and the evaluation may identify one, and interim supports start meanwhile."),
]

NOTE = (
    "10/19 support team meeting with Della. SAME DAY: three reports describe the same thing. Ms. Anand sees "
    "Jonah stop many times a day, stare with eyelids fluttering and not answer his name for a few seconds, then "
    "carry on with words missing; the playground aide saw it on the climbing frame on 09/30; at the pool he has "
    "twice stopped swimming and gone under, pulled up by the lifeguard on 10/06. These may be seizures and no "
    "doctor has been told. Nurse Hollister phoned Dr. Boateng's office today with Della's consent; appointment "
    "this week and referral to the Harbor Children's First Seizure Clinic. Della agreed that Jonah stays out of "
    "the pool from tomorrow until a doctor clears him; Kids Club told today. Teacher and nurse log each episode "
    "for the doctor. Evaluation: Della's written request was received on 09/14 and the district's response was "
    "due 10/05; it sat in his folder. Mr. Reinholt gave her the consent to evaluate and the procedural safeguards "
    "notice today; she signed, and the 60 days run from today. Reading data: decoding near grade level (88%), "
    "fluency 41 wcpm against 94, omissions that differ each reading, so the evaluation looks wider than phonics. "
    "Interim supports: passages and word problems read aloud, instructions checked. Kids Health Coverage ended "
    "08/31: renewal this week (eligible at $4,225). Family Nutrition Program for Theo: $158 a year over on "
    "verified income; explained. 504: not yet, no impairment identified. Review 11/02."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("undiagnosed-medical-symptoms", "critical"),
        ("special-education-evaluation", "immediate"),
        ("health-coverage-gap", "high"),
        ("learning-accommodations", "moderate"),
        ("mental-health-treatment", "low"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("undiagnosed-medical-symptoms",
         "Nurse Hollister tells Della and Dr. Boateng's office about the staring episodes today; Jonah stays out "
         "of the pool until a doctor clears him and is seen by a doctor by 10/23",
         "call documented 10/19; Kids Club confirms the pool rule 10/19; doctor's visit attended by 10/23",
         "2026-10-23"),
        ("special-education-evaluation",
         "Mr. Reinholt completes Jonah's special education evaluation within 60 days of Della's signed consent, "
         "with a medical cause for the episodes ruled in or out",
         "consent signed 10/19; evaluation report at an eligibility meeting by 12/18", "2026-12-18"),
        ("health-coverage-gap",
         "Della files Jonah's Kids Health Coverage renewal with the benefits specialist",
         "renewal submitted by 10/23 and approval letter received", "2026-11-20"),
        ("learning-accommodations",
         "Ms. Anand gives Jonah interim supports: passages and word problems read aloud, instructions checked",
         "written interim supports sent to Della by 10/21", "2026-10-21"),
        ("mental-health-treatment",
         "Jonah meets the school counselor weekly about calling himself the dumb one",
         "weekly sessions attended from 10/26", "2026-11-30"),
    ],
    "actions": [
        ("Phone Della and Dr. Boateng's office about the staring episodes; appointment this week", "registered-nurse",
         "2026-10-19"),
        ("Tell Kids Club Jonah stays out of the pool until a doctor clears him", "registered-nurse", "2026-10-19"),
        ("Log each episode (date, time, how long, what he was doing) for the doctor", "registered-nurse",
         "2026-10-20"),
        ("Consent to evaluate and procedural safeguards notice to Della; set the evaluation dates",
         "school-psychologist", "2026-10-19"),
        ("File the Kids Health Coverage renewal with Della", "benefits-specialist", "2026-10-23"),
        ("Write interim classroom supports with Ms. Anand", "school-counselor", "2026-10-21"),
        ("Consent to exchange information with Dr. Boateng and Kids Club signed", "school-counselor", "2026-10-19"),
    ],
    "referrals": [
        ("harbor-childrens-first-seizure-clinic", "undiagnosed-medical-symptoms"),
        ("harbor-parent-advocacy-center", "special-education-evaluation"),
        ("benefits-bridge-enrollment", "health-coverage-gap"),
    ],
    "rights": [
        "request-evaluation-in-writing",
        "procedural-safeguards",
        "iep-meeting-and-advocate",
        "section-504-accommodations",
        "consent-to-share-information",
        "inspect-education-records",
    ],
    "info": [
        ("teacher", "How often the staring episodes happen, how long each lasts, and what he is doing when they start"),
        ("kids-club", "Dates and details of each time he went under, and who supervises him in the water"),
        ("school-nurse", "The playground aide's account of 09/30 and whether anyone called Della"),
        ("school-psychologist", "The evaluation plan and dates from today's consent, and the prior written notice"),
        ("pediatrician", "Whether the teacher's account changes her May advice, and the earliest appointment"),
    ],
    "delegations": [
        ("doctor-call", "registered-nurse"),
        ("pool-safety", "registered-nurse"),
        ("episode-log", "registered-nurse"),
        ("consent-forms", "school-counselor"),
        ("evaluation-response", "school-psychologist"),
        ("coverage-renewal", "benefits-specialist"),
        ("interim-supports", "school-counselor"),
    ],
    "meeting": ("2026-10-19", ATTENDEES,
                "The staring episodes and pool safety today, the overdue answer to the evaluation request, "
                "interim supports, coverage and programs"),
    "note": NOTE,
    "revisions": [
        ("seizure-diagnosis", ["chronic-disease-management"], [], ["section-504-eligibility"],
         "EEG confirms childhood absence epilepsy; daily medicine at home. The clinic's seizure action plan is in "
         "the health office and the nurse trains Ms. Anand, the playground aides and Kids Club staff in it this "
         "week; episodes still timed and logged for the doctor. 504 redetermined: now eligible, the impairment is "
         "identified; 504 meeting with Della on 11/04 to write accommodations (read aloud, instructions checked, "
         "extra time, a seat near the teacher). Told Della the special education evaluation continues: the "
         "medicine may stop the seizures but not make up the reading he missed, and the evaluation shows whether "
         "he needs specialised instruction. Kids Club has the swim rule in writing: one-to-one in the water only."),
        ("hours-cut", ["income-loss"], [], ["family-nutrition-wic", "kids-health-coverage"],
         "Wages down to $2,580, income $3,080 a month ($36,960 a year). Family Nutrition Program redetermined: Theo "
         "is now eligible; appointment booked. Kids Health Coverage still eligible; report the change of hours to "
         "the coverage agency. EEG bill of $410: do not pay yet; give it to the coverage worker and ask whether the "
         "renewal covers 10/26."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[2]],
    "needs": [
        ("undiagnosed-medical-symptoms", "critical"),
        ("special-education-evaluation", "high"),
        ("learning-accommodations", "moderate"),
    ],
    "eligibility": [
        ("kids-health-coverage", True, "income", "Income under the limit."),
        ("family-nutrition-wic", True, "income", "Theo is 2 and $3,725 a month is under the limit.", "theo"),
    ],
    "goals": [
        ("undiagnosed-medical-symptoms", "Jonah sees a doctor about the staring episodes",
         "doctor's visit attended by 10/30", "2026-10-30"),
        ("special-education-evaluation", "Jonah is evaluated for special education",
         "evaluation done within 60 days of consent", "2026-12-18"),
        ("learning-accommodations", "Jonah gets help in class", "he does better", "2026-11-30"),
    ],
    "actions": [
        ("Call Della about the staring episodes and ask her to see the doctor", "registered-nurse", "2026-10-20"),
        ("Consent to evaluate for Della", "school-psychologist", "2026-10-19"),
    ],
    "referrals": [
        ("harbor-childrens-first-seizure-clinic", "undiagnosed-medical-symptoms"),
    ],
    "rights": ["request-evaluation-in-writing", "section-504-accommodations"],
    "info": [("school-psychologist", "Evaluation consent forms")],
    "delegations": [
        ("doctor-call", "registered-nurse"),
        ("evaluation-response", "school-psychologist"),
        ("repeat-screening", "registered-nurse"),
    ],
    "meeting": ("2026-10-19", ["Della Whitcombe", "Tobias Reinholt, EdS", "school-based case manager"],
                "Evaluation and support plan"),
    "note": (
        "The teacher describes staring episodes with fluttering eyelids and he went under at the pool; nurse to "
        "call Della and the doctor. Della asked in writing for an evaluation on 09/14; consent given today. "
        "Coverage lapsed in August."
    ),
    "revisions": [
        ("seizure-diagnosis", ["chronic-disease-management"], [], [],
         "Absence epilepsy diagnosed. Seizure plan to the nurse; 504 meeting."),
        ("hours-cut", [], [], ["family-nutrition-wic"], "Hours cut. WIC for Theo."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    needs=[n for n in EXCELLENT["needs"] if n[0] != "undiagnosed-medical-symptoms"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "undiagnosed-medical-symptoms"],
    actions=[a for a in EXCELLENT["actions"]
             if "episode" not in a[0] and "pool" not in a[0]] + [
        ("Attention rating scales from home and school in the evaluation", "school-psychologist", "2026-10-26"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "undiagnosed-medical-symptoms"],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"teacher", "kids-club", "school-nurse"}] + [
        ("teacher", "Work samples and the fall benchmark for the evaluation"),
    ],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] not in {"doctor-call", "pool-safety", "episode-log"}],
    meeting=("2026-10-19", ATTENDEES,
             "The overdue answer to the evaluation request, interim supports, coverage and programs"),
    note=(
        "10/19 support team meeting with Della. Evaluation: Della's written request was received on 09/14 and the "
        "district's response was due 10/05; it sat in his folder. Mr. Reinholt gave her the consent to evaluate and "
        "the procedural safeguards notice today; she signed, and the 60 days run from today. Reading data: "
        "decoding near grade level (88%), fluency 41 wcpm against 94, omissions that differ each reading, and the "
        "teacher reports frequent inattention, so the evaluation adds attention rating scales. Interim supports: "
        "passages and word problems read aloud, instructions checked, a seat at the front. Kids Health Coverage "
        "ended 08/31: renewal this week (eligible at $4,225). Family Nutrition Program for Theo: $158 a year over "
        "on verified income; explained. 504: not yet, no impairment identified. Review 11/02."
    ),
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("special-education-evaluation", "high"), ("learning-accommodations", "moderate")],
    "eligibility": [("family-nutrition-wic", True, None, "Low income.")],
    "goals": [
        ("special-education-evaluation", "Jonah will be tested.", "tested", "2026-12-31"),
        ("learning-accommodations", "Jonah will read better.", "reads better", "2026-12-31"),
    ],
    "actions": [("More reading group", "case-manager", None)],
    "referrals": [("lighthouse-after-school-tutoring", "learning-accommodations")],
    "rights": ["request-evaluation-in-writing"],
    "info": [],
    "delegations": [("behaviour-plan", "school-counselor")],
    "meeting": ("2026-10-19", ["Della Whitcombe"], "Reading"),
    "note": "Jonah reads below grade level and is often off task. Mother wants testing.",
    "revisions": [
        ("seizure-diagnosis", [], [], [], "Jonah has epilepsy."),
        ("hours-cut", [], [], [], "Mother's hours were cut."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    referrals=[r for r in EXCELLENT["referrals"]
               if r[0] not in {"harbor-childrens-first-seizure-clinic", "benefits-bridge-enrollment"}],
)

SYNONYMS = {
    "undiagnosed-medical-symptoms": ["medical-follow-up"],
    "special-education-evaluation": ["developmental-delay"],
    "learning-accommodations": ["behavior-support"],
}

VAGUE = {
    "*": ("Jonah will be supported in a holistic, strengths-based way by the whole school community so that he "
          "can feel more confident, engaged and positive about learning.",
          "Staff and family feel that Jonah is doing generally better."),
    "undiagnosed-medical-symptoms": (
        "Jonah's health and wellbeing will be looked after sensitively and appropriately by the relevant staff, "
        "with the family kept informed as needed, so that he feels safe and supported.",
        "Staff are less worried about Jonah."),
}
