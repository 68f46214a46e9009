"""Javier, 44, a line cook's claim for short-term disability: the validity plans.

Written from the case file and the catalogues only. The claim looks like a paperwork problem
(no physician's statement, a wrong cause and wage on the form, no interpreter). The urgent care
note of 08/03 found no red flags and told him to come back at once for numbness in the seat
area, trouble with urine or new leg weakness; the therapy evaluation of 08/12 records all three
(numbness when he wipes, leaking without feeling the need, absent ankle reflexes and a weak right
foot) and plans exercises, and his wife tells the claims line both legs are weak. Signs of cauda
equina compression: the emergency department today.
"""

from write_plans import with_changes

CRITICAL = ["undiagnosed-medical-symptoms"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "managed-care-short-term-disability-line-cook"

ATTENDEES = ["Javier Morales", "Alma Morales", "Spanish interpreter", "Renata Cole",
             "nurse disability case manager"]

FLAGS = [
    ("cause", "inconsistent",
     "Form says at work; urgent care and employer both record carrying a sofa at home on 08/01, no work "
     "injury reported."),
    ("symptoms", "inconsistent",
     "'Back pain' only; PT 08/12 records pain in both legs, seat numbness, leaking urine, absent ankle reflexes."),
    ("weekly-earnings", "inconsistent", "$900 on the form; employer's 13-week average is $738."),
    ("other-income", "missing", "Blank; Alma earns about $1,100 a month."),
    ("preferred-language", "inconsistent", "English on the form filled in by his daughter; the family speaks Spanish."),
]

ELIGIBILITY = [
    ("northvale-short-term-disability", False, "physician-statement",
     "16 days off work (past the 7-day wait), non-occupational, cannot do his own job; only the attending "
     "physician's statement is missing."),
    ("county-food-assistance", True, "net-income",
     "Household of 4 on Alma's $1,100: under the gross limit ($3,483) and the net limit ($2,680), FY2026."),
]

NOTE = (
    "08/17 first contact, Spanish interpreter by phone, Javier and Alma. SAME DAY: the PT evaluation of 08/12 "
    "records numbness 'in the seat' since about 08/09, urine leaking without the urge twice, absent ankle "
    "reflexes, weak right big toe and heel walking, pain now in both legs; Alma told the claims line 08/13 he "
    "walks badly with both legs weak. Urgent care on 08/03 found no red flags and told him to return at once "
    "for exactly these. Told Javier and Alma through the interpreter to go to the Harbor General emergency "
    "department now for an MRI (possible cauda equina compression); Alma is driving him. Called Dr. Feld and "
    "Mr. Villanueva: therapy on hold. Claim: past the elimination period, non-occupational, unable to do his "
    "job; pending only the attending physician's statement, requested from the emergency team and Dr. Feld. "
    "The form says injured at work; the urgent care note and Ms. Cole say a sofa at home; gone over with him "
    "through the interpreter: at home, form to be corrected. Wage $738 (employer) not $900. Letters in "
    "Spanish from now on. Food assistance eligible on Alma's $1,100; benefits specialist to help apply this "
    "week. Return to work planned later with Casa Brava's seated prep shifts. Next contact 08/18."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("undiagnosed-medical-symptoms", "critical"),
        ("income-loss", "high"),
        ("benefits-enrollment", "high"),
        ("language-interpreter", "high"),
        ("return-to-work", "moderate"),
        ("housing-eviction-risk", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("undiagnosed-medical-symptoms",
         "Javier goes to the emergency department today for an MRI, and his treating doctors hear the same day",
         "ED arrival on 08/17; MRI done that evening; Dr. Feld and the PT informed by 17:00", "2026-08-17"),
        ("income-loss", "The physician's statement is on file and the first benefit is paid",
         "statement received by 08/21; first payment by 08/27", "2026-08-27"),
        ("benefits-enrollment", "The food assistance application is filed with a Spanish-speaking interview",
         "application filed by 08/21; approval letter", "2026-09-16"),
        ("language-interpreter", "Every call and letter is in Spanish or through a qualified interpreter",
         "interpreter at 100% of contacts; language corrected on the claim 08/17", "2026-08-18"),
        ("return-to-work", "A written return-to-work plan with Casa Brava within the doctor's restrictions",
         "signed plan with hours, duties and a review date within 14 days of release", "2026-10-15"),
        ("housing-eviction-risk", "The September 1 rent is paid or a written arrangement with the landlord made",
         "rent paid or arrangement letter by 09/01", "2026-09-01"),
    ],
    "actions": [
        ("Tell Javier through the interpreter to go to the emergency department now; call Dr. Feld and the PT",
         "registered-nurse", "2026-08-17"),
        ("Request the attending physician's statement from the emergency team and Dr. Feld",
         "administrative-assistant", "2026-08-18"),
        ("Book a Spanish interpreter for every call; letters in Spanish", "administrative-assistant", "2026-08-17"),
        ("Food assistance application with the family", "benefits-specialist", "2026-08-21"),
        ("Go over the cause of injury with Javier through the interpreter and correct the form", "registered-nurse",
         "2026-08-17"),
        ("Return-to-work plan with Casa Brava once he is released", "vocational-rehabilitation-counselor",
         "2026-10-15"),
    ],
    "referrals": [
        ("benefits-bridge-enrollment", "benefits-enrollment"),
        ("harbor-county-emergency-rent-utility", "housing-eviction-risk"),
    ],
    "rights": ["interpreter-at-no-cost", "provide-accurate-information", "consent-to-share-information",
               "report-return-to-work-and-earnings"],
    "info": [
        ("urgent-care", "The red-flag symptoms she warned of are present; the attending physician's statement"),
        ("physical-therapy", "Hold therapy until he is assessed; send the findings to the emergency team"),
        ("employer", "Confirmation of the cause reported on 08/03; the seated prep shifts"),
        ("primary-care", "Follow-up after the emergency visit"),
    ],
    "delegations": [
        ("physician-statement-request", "administrative-assistant"),
        ("interpreter-booking", "administrative-assistant"),
        ("cause-clarification", "registered-nurse"),
        ("food-assistance-application", "benefits-specialist"),
        ("return-to-work-plan", "vocational-rehabilitation-counselor"),
    ],
    "meeting": ("2026-08-24", ATTENDEES, "After the emergency visit: the claim, food assistance, and a later return to work"),
    "note": NOTE,
    "revisions": [
        ("emergency-surgery", ["medical-follow-up"], ["northside-community-health-center"],
         ["northvale-short-term-disability", "county-food-assistance"],
         "Emergency decompression 08/17 for cauda equina compression. Surgeon's statement received 08/21: no work "
         "for 10 to 12 weeks. Redetermined: all tests met, benefits payable, about $1,920 a month; first payment "
         "scheduled. Reported the change for food assistance and redetermined on $3,020. Urology follow-up in 6 "
         "weeks and outpatient physical therapy after 2 weeks booked; Dr. Ortega at Northside for follow-up. "
         "Expected return in November, reviewed monthly."),
        ("modified-duty-release", [], [], ["northvale-short-term-disability", "county-food-assistance"],
         "Released to modified duty from 09/28. Redetermined: he can do his own occupation within restrictions, "
         "so the benefit is no longer payable; written notice with appeal rights in Spanish, last payment to "
         "09/27. Return-to-work plan signed with Ms. Cole: seated prep, 5-hour shifts, no lifting over 15 lb, no "
         "low ovens; a co-worker fetches from the walk-in cooler; bathroom breaks whenever he needs. Told him to "
         "report his earnings; food assistance redetermined on $2,700. Review in 4 weeks."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[2]],
    "needs": [
        ("undiagnosed-medical-symptoms", "critical"),
        ("income-loss", "high"),
        ("return-to-work", "moderate"),
    ],
    "eligibility": [
        ("northvale-short-term-disability", False, "physician-statement", "Waiting for the physician statement."),
        ("county-food-assistance", True, "gross-income", "Under the limit."),
    ],
    "goals": [
        ("undiagnosed-medical-symptoms", "Javier is checked at the emergency department", "seen", "2026-08-17"),
        ("income-loss", "The claim is paid", "paid", "2026-08-31"),
        ("return-to-work", "Javier goes back to work", "working", "2026-11-30"),
    ],
    "actions": [
        ("Send Javier to the emergency department", "case-manager", "2026-08-17"),
        ("Request the physician statement", "administrative-assistant", "2026-08-18"),
    ],
    "referrals": [],
    "rights": ["interpreter-at-no-cost", "provide-accurate-information"],
    "info": [("urgent-care", "The physician statement")],
    "delegations": [
        ("physician-statement-request", "administrative-assistant"),
        ("return-to-work-plan", "vocational-rehabilitation-counselor"),
    ],
    "meeting": ("2026-08-24", ["Javier Morales", "nurse disability case manager"], "Claim"),
    "note": (
        "The PT note shows numbness in the seat area and urine leaking: sent to the emergency department. Claim "
        "waiting for the physician statement. The form says work injury; urgent care says home."
    ),
    "revisions": [
        ("emergency-surgery", [], [], ["northvale-short-term-disability"],
         "Surgery done; statement received, claim payable."),
        ("modified-duty-release", [], [], ["northvale-short-term-disability"],
         "Released to modified duty; benefit ends. Return-to-work plan with the employer."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[FLAGS[0], FLAGS[2], FLAGS[3], FLAGS[4]],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "undiagnosed-medical-symptoms"] + [("chronic-pain", "high")],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "undiagnosed-medical-symptoms"]
    + [("chronic-pain", "Javier attends physical therapy three times a week and his pain falls",
        "12 visits in 4 weeks; pain 4 of 10 or less", "2026-09-14")],
    actions=[a for a in EXCELLENT["actions"] if "emergency" not in a[0]]
    + [("Ask Dr. Feld to review his pain medicine", "registered-nurse", "2026-08-18")],
    info=[
        ("urgent-care", "The attending physician's statement and a pain medicine review"),
        ("physical-therapy", "Progress reports every two weeks"),
        ("employer", "Confirmation of the cause reported on 08/03; the seated prep shifts"),
    ],
    meeting=("2026-08-24", ATTENDEES, "The claim, food assistance, therapy and a return to work"),
    note=(
        "08/17 first contact, Spanish interpreter by phone. Claim pending only the attending physician's "
        "statement (past the elimination period, non-occupational, unable to do his job): requested from Dr. "
        "Feld. Form says injured at work; urgent care and Ms. Cole say a sofa at home; gone over with him: at "
        "home, form corrected. Wage $738 not $900. Pain 7 of 10 despite naproxen and the muscle relaxer: PT "
        "three times a week, pain medicine review asked of Dr. Feld. Food assistance eligible; application this "
        "week. Return to work later with seated prep shifts. Next contact 08/24."
    ),
    revisions=[
        ("emergency-surgery", ["medical-follow-up"], ["northside-community-health-center"],
         ["northvale-short-term-disability", "county-food-assistance"],
         "He went to Harbor General and had emergency surgery. Statement received 08/21: no work for 10 to 12 "
         "weeks. Redetermined: benefits payable, about $1,920 a month. Food assistance redetermined. Urology and "
         "outpatient therapy booked. Expected return in November."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("income-loss", "high"), ("return-to-work", "moderate")],
    "eligibility": [("northvale-short-term-disability", False, None, "Pending.")],
    "goals": [
        ("income-loss", "The claim will be paid.", "paid", "2026-09-30"),
        ("return-to-work", "Javier will go back to work.", "working", "2026-09-30"),
    ],
    "actions": [("Call the doctor", "case-manager", None)],
    "referrals": [],
    "rights": ["provide-accurate-information"],
    "info": [],
    "delegations": [("functional-capacity-evaluation", "administrative-assistant")],
    "meeting": ("2026-08-24", ["Javier Morales"], "Claim"),
    "note": "Claim pending the doctor's form. He wants to go back in two weeks.",
    "revisions": [
        ("emergency-surgery", [], [], [], "Surgery. Claim paid."),
        ("modified-duty-release", [], [], [], "Back to work. Will follow up."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    referrals=[("harbor-county-emergency-rent-utility", "housing-eviction-risk")],
    goals=EXCELLENT["goals"] + [
        ("benefits-enrollment",
         "Northvale's benefits specialist files the food assistance application with Alma and Javier",
         "application filed by 08/21; interview attended", "2026-09-16"),
    ],
)

SYNONYMS = {
    "undiagnosed-medical-symptoms": ["chronic-pain", "mobility-rehabilitation"],
    "income-loss": ["employment-search"],
    "return-to-work": ["vocational-retraining"],
}

VAGUE = {
    "*": ("Javier will be supported in a respectful, person-centred way with his recovery, his claim and his "
          "family's situation, with everyone working together appropriately.",
          "Everyone agrees Javier and his family are managing better."),
    "undiagnosed-medical-symptoms": (
        "Javier's health will be looked at carefully and appropriately by the right people so that he feels "
        "safe and supported going forward.",
        "The team feels his health is being looked after."),
}
