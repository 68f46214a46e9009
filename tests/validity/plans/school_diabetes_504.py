"""Maya, 13, with type 1 diabetes, and her parents' request for a 504 plan: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in
the health aide's lunch log, which was filled in every day and read by no one: no lunch insulin
on 14 of 20 days, readings over 300, ketones twice, and a weight 4 kg under the clinic's August
figure. With the coach's and counselor's notes (changing in a stall, glad she "finally" lost the
weight) it reads as insulin left out to lose weight, with a risk of ketoacidosis.
"""

from write_plans import with_changes

CASE = "school-eighth-grader-diabetes-504-plan"

CRITICAL = ["eating-disorder-risk"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

ATTENDEES = ["Karin Lindgren", "Tom Lindgren", "Maya Lindgren", "Bernadette Quill, RN", "Graham Oduya",
             "Lori Fentress", "Luis Fennimore", "504 coordinator"]

FLAGS = [
    ("school-insulin", "inconsistent",
     "Says she takes the lunch dose every day; the health log shows 0 units on 14 of 20 days."),
    ("school-lunch", "inconsistent",
     "Says school lunch every day; the teachers and counselor say she skips lunch and sits in the library."),
    ("trained-staff", "missing",
     "Nobody named; only the morning nurse can give glucagon and the coach is untrained."),
    ("household-income", "inconsistent",
     "$6,100 on the form; the pay stubs show $4,200 and $3,100, so $7,300 a month."),
]

ELIGIBILITY = [
    ("section-504-eligibility", True, "impairment",
     "Type 1 diabetes is an identified impairment that substantially limits a major bodily function, judged "
     "without her insulin: eligible."),
    ("kids-health-coverage", False, "income",
     "Verified $7,300 a month against $6,875 for 4 (250%): $425 over. Covered by her father's plan now."),
]

NOTE = (
    "11/16 504 meeting. SAFETY FIRST: the health log for 10/19-11/13 shows 0 units of lunch insulin on 14 of "
    "20 days, pre-lunch readings over 300 on 14 days, ketones small 10/28 and moderate 11/10, and 43 kg against "
    "47 kg in August. She skips lunch, changes in a stall and is glad she 'finally' lost weight. This looks like "
    "insulin left out to lose weight, with a risk of ketoacidosis. Nurse Quill told Maya first that her parents "
    "must know, then told Karin and Tom today; the diabetes team sees her on 11/18. Lunch dose to be given with "
    "an adult watching from tomorrow. 11/04: sent to the nurse alone when low and fainted; Mr. Oduya had no "
    "medical plan. The nurse trains two more staff and Coach Fentress in glucagon by 11/20 and sends the plan to "
    "every teacher; glucagon goes on away runs. 504: eligible (diabetes substantially limits a bodily function). "
    "Accommodations with Maya: snacks, water and phone in every class, never sent alone when low, a retest "
    "after a low during a test, discreet health office visits. Kids Health Coverage: $7,300 verified is $425 "
    "over; covered by Tom's plan. Counselling with Mr. Fennimore. Review 11/24."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("eating-disorder-risk", "critical"),
        ("chronic-disease-management", "immediate"),
        ("learning-accommodations", "high"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("eating-disorder-risk",
         "Nurse Quill tells Maya, then her parents, what the log shows about her missed insulin today, and the "
         "diabetes team sees her", "parents told on 11/16; clinic visit attended by 11/18", "2026-11-18"),
        ("chronic-disease-management",
         "The nurse trains at least two staff and the coach in the medical plan and glucagon, and every teacher "
         "has the plan", "training log signed by 11/20; plan receipt from all teachers", "2026-11-20"),
        ("learning-accommodations",
         "Maya's 504 plan with her accommodations is signed by her parents and sent to her teachers",
         "signed 504 plan on file by 11/24", "2026-11-24"),
    ],
    "actions": [
        ("Tell Maya, then her parents, what the health log shows; call the diabetes team", "registered-nurse",
         "2026-11-16"),
        ("Lunch dose given in the health office with an adult watching", "registered-nurse", "2026-11-17"),
        ("Train two staff and the coach in the medical plan and glucagon", "registered-nurse", "2026-11-20"),
        ("Send the medical plan and emergency steps to every teacher", "registered-nurse", "2026-11-17"),
        ("Write the 504 plan with Maya and her parents", "school-counselor", "2026-11-24"),
        ("Counselling check-in with Maya weekly", "school-counselor", "2026-11-19"),
    ],
    "referrals": [
        ("harbor-childrens-diabetes-team", "eating-disorder-risk"),
        ("harbor-childrens-diabetes-team", "chronic-disease-management"),
    ],
    "rights": [
        "section-504-accommodations",
        "confidentiality-and-limits",
        "participate-in-own-plan",
        "education-records-privacy",
        "iep-meeting-and-advocate",
    ],
    "info": [
        ("health-aide", "The whole log since August, each dose, reading and ketone check"),
        ("endocrinology", "A visit this week, and what the school does at lunch meanwhile"),
        ("pe-teacher", "Dates of the dizzy spells and what goes on away runs"),
        ("science-teacher", "What he has seen at lunch duty"),
    ],
    "delegations": [
        ("parents-and-clinic", "registered-nurse"),
        ("lunch-supervision", "registered-nurse"),
        ("counselling-referral", "school-counselor"),
        ("staff-training", "registered-nurse"),
        ("plan-to-teachers", "registered-nurse"),
        ("write-504", "school-counselor"),
    ],
    "meeting": ("2026-11-16", ATTENDEES, "What the health log shows, the 504 plan, staff training"),
    "note": NOTE,
    "revisions": [
        ("clinic-visit", [], [], [],
         "The team diagnosed insulin restriction with an eating disorder. 504 plan amended with Maya and her "
         "parents: the lunch dose is given in the health office with an adult watching; no weighing at school, "
         "the scale comment removed from the log; release at 2:15 on Thursdays for therapy; running and "
         "cross-country paused until the team clears her, with a non-running role on the team if she wants it."),
        ("mill-layoff", ["health-coverage-gap", "income-loss"], ["benefits-bridge-enrollment"],
         ["kids-health-coverage"],
         "Income falls to $3,100 for 4, under $6,875: Kids Health Coverage now eligible. Application with "
         "Benefits Bridge this week so coverage starts 01/01 without a gap; the diabetes team to write a "
         "prescription for insulin and sensors to fill before 12/31, and the pharmacy told about the new "
         "coverage."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[2]],
    "needs": [
        ("eating-disorder-risk", "critical"),
        ("learning-accommodations", "high"),
    ],
    "eligibility": [
        ("section-504-eligibility", True, "impairment", "She has diabetes."),
    ],
    "goals": [
        ("eating-disorder-risk", "Maya's parents and clinic hear about the missed insulin", "parents told 11/16",
         "2026-11-16"),
        ("learning-accommodations", "Maya has a 504 plan", "plan done", "2026-11-30"),
    ],
    "actions": [
        ("Call the parents about the log", "registered-nurse", "2026-11-16"),
        ("Write the 504 plan", "school-counselor", "2026-11-30"),
    ],
    "referrals": [("harbor-childrens-diabetes-team", "eating-disorder-risk")],
    "rights": ["section-504-accommodations"],
    "info": [("endocrinology", "Visit this week")],
    "delegations": [
        ("parents-and-clinic", "registered-nurse"),
        ("write-504", "school-counselor"),
        ("doctor-note", "administrative-assistant"),
    ],
    "meeting": ("2026-11-16", ["Karin Lindgren", "Bernadette Quill, RN", "504 coordinator"], "504 plan"),
    "note": "The log shows missed lunch insulin and ketones; parents told and clinic called. 504 plan to be written.",
    "revisions": [
        ("clinic-visit", [], [], [], "Eating disorder diagnosed. Lunch dose supervised."),
        ("mill-layoff", ["health-coverage-gap"], [], ["kids-health-coverage"], "Apply for Kids Health Coverage."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] not in {"school-insulin", "school-lunch"}],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "eating-disorder-risk"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "eating-disorder-risk"],
    actions=[a for a in EXCELLENT["actions"] if "log" not in a[0] and "Lunch dose" not in a[0]
             and "Counselling" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "eating-disorder-risk"],
    rights=[r for r in EXCELLENT["rights"] if r != "confidentiality-and-limits"],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"health-aide", "science-teacher"}],
    delegations=[d for d in EXCELLENT["delegations"]
                 if d[0] not in {"parents-and-clinic", "lunch-supervision", "counselling-referral"}],
    meeting=("2026-11-16", ATTENDEES, "The 504 plan and staff training"),
    note=(
        "11/16 504 meeting. 11/04: sent to the nurse alone when low and fainted; Mr. Oduya had no medical plan. "
        "The nurse trains two more staff and Coach Fentress in glucagon by 11/20 and sends the plan to every "
        "teacher; glucagon goes on away runs. 504: eligible (diabetes substantially limits a bodily function). "
        "Accommodations with Maya: snacks, water and phone in every class, never sent alone when low, a retest "
        "after a low during a test, discreet health office visits. Kids Health Coverage: $7,300 verified is $425 "
        "over; covered by Tom's plan. Review 11/24."
    ),
    revisions=[
        ("clinic-visit", [], [], [],
         "504 plan amended with Maya and her parents after the clinic visit: release at 2:15 on Thursdays for "
         "therapy; running paused until the team clears her."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("learning-accommodations", "moderate")],
    "eligibility": [("kids-health-coverage", True, None, "They may qualify.")],
    "goals": [("learning-accommodations", "Maya gets a plan.", "plan", "2026-12-31")],
    "actions": [("504 meeting", "case-manager", None)],
    "referrals": [("harbor-parent-advocacy-center", "learning-accommodations")],
    "rights": ["section-504-accommodations"],
    "info": [],
    "delegations": [("doctor-note", "administrative-assistant")],
    "meeting": ("2026-11-16", ["Karin Lindgren"], "504"),
    "note": "Maya has diabetes and needs a 504 plan.",
    "revisions": [
        ("clinic-visit", [], [], [], "Clinic visit."),
        ("mill-layoff", [], [], [], "Father laid off."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "chronic-disease-management"],
)

SYNONYMS = {
    "eating-disorder-risk": ["medication-adherence", "mental-health-treatment", "medication-safety"],
    "learning-accommodations": ["special-education-evaluation"],
}

VAGUE = {
    "*": ("Maya will be supported in a holistic, strengths-based way by the whole school community so that she "
          "can feel confident and included and manage her condition positively.",
          "Staff and family feel that Maya is doing generally better."),
    "eating-disorder-risk": (
        "Maya's wellbeing and relationship with food will be looked after sensitively by the relevant staff, with "
        "the family kept informed as appropriate.",
        "Staff are less worried about Maya."),
}
