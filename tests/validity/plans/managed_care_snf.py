"""Agnes, 79, two weeks into a rehabilitation stay after a broken hip: the validity plans.

Written from the case file and the catalogues only. The continued-stay request reads as routine
(therapy is progressing, the criteria are met), and the discharge plan names the son as her
carer around the clock. The emergency note says she lay on the kitchen floor about a day and a
half while he lived in the house, soiled, dehydrated and 8 kg lighter than in February; the
wound nurse notes one visit in two weeks and pressure injuries Agnes says predate the fall; the
business office note shows $300 to $400 a week taken in cash on a card the son holds, four times
while she was in hospital or at Rosewood, leaving $38 of a $2,140 monthly income he calls $900.
Suspected neglect and financial exploitation: a report to adult protective services the same day.
"""

from write_plans import with_changes

CRITICAL = ["abuse-neglect-exploitation"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "managed-care-snf-continued-stay-hip-fracture"

ATTENDEES = ["Agnes Morrow", "Hannah Birch", "Lucia Ferrante", "Ruth Okonjo", "utilization review nurse case manager"]

FLAGS = [
    ("caregiver", "inconsistent",
     "Says the son gives care 24 hours a day; the ED note has her on the floor for about 36 hours while he "
     "lived in the house, and the wound nurse records one visit from him in two weeks."),
    ("monthly-income", "inconsistent",
     "About $900 on the form; Social Security and pension are $2,140 a month (business office, benefit letter)."),
    ("health-care-agent", "inconsistent",
     "Form says the son has power of attorney; no document is on file and he says it is 'at home somewhere'."),
    ("equipment", "inconsistent",
     "Hospital bed and lift asked for, but she walks 90 feet with a walker and is improving; the home needs "
     "a second stair rail and shower equipment instead."),
]

ELIGIBILITY = [
    ("harbor-snf-benefit", True, "daily-skilled-care",
     "All criteria met: 3 inpatient days 05/22-05/25, admitted the same day, daily PT/OT and wound care for the "
     "hip, 14 of 100 days used. Daily skilled care is the one to watch at each review."),
    ("medicaid-aged-disabled", False, "income",
     "Her own income $2,140 a month is over the $1,330 limit for one (2026). The $38 balance is money taken "
     "from the account, not low income."),
]

NOTE = (
    "06/08 continued-stay review, Rosewood day 14. Request for 14 more days approved to 06/22 on the skilled "
    "nursing criteria (3 inpatient days, same-day admission, daily PT/OT and wound care for the hip, 14 of 100 "
    "days): walks 90 ft with contact guard, 4 of 14 stairs; goals 150 ft and 14 stairs with supervision. "
    "Daily skilled care is the criterion to watch. SAFETY: the ED note records about 36 hours on the kitchen "
    "floor while her son lived in the house, soiled, dehydrated (creatinine 2.1), 48 kg against 56 kg in "
    "February, an empty fridge, and sacral and hip pressure injuries; Agnes told the wound nurse they were "
    "there before the fall. The business office note shows weekly cash withdrawals of $300-400 on a card her "
    "son holds since March, four while she was in hospital and at Rosewood, leaving $38 of her $2,140 income, "
    "which the form gives as $900; no power of attorney on file. Suspected neglect and financial exploitation: "
    "report made to Harbor County Adult Protective Services today; told Agnes that this is a limit of the "
    "confidentiality I owe her. No discharge date until a safe plan is agreed; Ms. Birch to see Agnes alone "
    "and, with her permission, call Ruth. Medicaid not eligible (income over the limit); no application. "
    "Osteoporosis letter to Dr. Tran. OT home visit before discharge. Explained her right to written notice 2 "
    "days before covered days end and to a fast appeal. Next review 06/15."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("abuse-neglect-exploitation", "critical"),
        ("fall-risk", "high"),
        ("mobility-rehabilitation", "high"),
        ("advance-care-planning", "moderate"),
        ("medical-follow-up", "moderate"),
        ("cognitive-impairment", "moderate"),
        ("food-insecurity", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("abuse-neglect-exploitation",
         "Report to adult protective services today, Agnes seen alone by the investigator, and a discharge plan "
         "that does not rest on her son",
         "APS reference number on 06/08; investigator's visit within 3 days; named caregiver other than the son "
         "alone before a discharge date is set", "2026-06-15"),
        ("mobility-rehabilitation",
         "Agnes walks 150 feet and climbs 14 stairs with a rail and supervision",
         "distance and stairs in the therapy notes at each weekly review", "2026-06-22"),
        ("fall-risk",
         "The OT has visited the house and a second stair rail and shower chair are fitted before discharge",
         "home visit report on file; rail and chair in place; no falls in the 30 days after discharge",
         "2026-06-26"),
        ("advance-care-planning",
         "Agnes, seen privately, names a health care agent she chooses and signs the form",
         "signed form on file", "2026-06-29"),
        ("medical-follow-up",
         "Dr. Tran starts osteoporosis treatment and the 6-week orthopaedic visit is booked",
         "treatment prescribed; clinic appointment date on file", "2026-07-03"),
        ("cognitive-impairment",
         "Dr. Tran reviews the MoCA of 23 and decides whether she needs a memory assessment",
         "reply from Dr. Tran on file", "2026-07-03"),
        ("food-insecurity",
         "Agnes has meals and shopping arranged for home, and her weight keeps rising",
         "weight at or above 50 kg at discharge; meals or shopping help named in the discharge plan",
         "2026-06-26"),
    ],
    "actions": [
        ("Report suspected neglect and financial exploitation to adult protective services", "case-manager",
         "2026-06-08"),
        ("See Agnes alone about her money and her care at home; with her permission phone Ruth", "social-worker",
         "2026-06-09"),
        ("Ask for dated goals for the days requested and a home-readiness date", "physical-therapist",
         "2026-06-10"),
        ("Home visit before discharge: stairs, bathroom, equipment", "occupational-therapist", "2026-06-19"),
        ("Send Dr. Tran the discharge summary and the request to start osteoporosis treatment",
         "administrative-assistant", "2026-06-09"),
        ("Record the continued-stay decision and set the next review", "utilization-review-nurse", "2026-06-08"),
    ],
    "referrals": [
        ("harbor-county-adult-protective-services", "abuse-neglect-exploitation"),
        ("harbor-fire-home-safety-visits", "fall-risk"),
        ("graylock-elder-law-project", "advance-care-planning"),
        ("northside-community-health-center", "medical-follow-up"),
    ],
    "rights": [
        "confidentiality-and-limits",
        "participate-in-own-plan",
        "notice-before-coverage-ends",
        "consent-to-share-information",
        "expedited-appeal",
        "choice-of-post-acute-provider",
    ],
    "info": [
        ("facility-social-work", "A private conversation with Agnes about money and care at home; Ruth's views; "
                                 "a discharge plan not resting on the son"),
        ("facility-business-office", "Dates and amounts of the card withdrawals for the APS report; no Medicaid "
                                     "application without Agnes's consent"),
        ("facility-therapy", "Dated goals and the date daily therapy is expected to end"),
        ("primary-care", "February weight and any earlier concern about her care; osteoporosis treatment"),
    ],
    "delegations": [
        ("continued-stay-review", "utilization-review-nurse"),
        ("therapy-goals-update", "physical-therapist"),
        ("home-visit-before-discharge", "occupational-therapist"),
        ("daughter-call", "social-worker"),
        ("osteoporosis-letter", "administrative-assistant"),
    ],
    "meeting": ("2026-06-10", ATTENDEES,
                "Agnes's own wishes, a safe discharge plan that does not rest on Curtis alone, therapy goals, and "
                "her rights when covered days end"),
    "note": NOTE,
    "revisions": [
        ("therapy-goals-met", ["coverage-denial"], ["harbor-medicare-counseling"], ["harbor-snf-benefit"],
         "Goals met: 200 ft, 14 stairs with supervision. Redetermined: no longer needs daily skilled care, so the "
         "stay stops meeting the criteria. Written notice of the last covered day delivered at least 2 days "
         "ahead; explained the fast appeal to the independent reviewer by noon the day after and that if she "
         "stays past the last covered day she pays the daily rate herself. Medicare counselling offered to help "
         "with the appeal. Discharge only to a safe plan: APS investigator and Ruth are in the plan; not to "
         "Curtis alone."),
        ("home-alone", ["home-health-skilled-care", "iadl-household-help"],
         ["alder-falls-home-health", "silver-table-home-delivered-meals"], [],
         "Home alone since day 27; Curtis moved out. She is now homebound with an open sacral wound: home health "
         "referral to Alder Falls for wound nursing and PT. Silver Table home-delivered meals for food and "
         "shopping. Daily check-in phone call agreed with Ruth after she leaves on Sunday, and Mrs. Brandt next "
         "door willing to look in. APS case stays open: bank asked to stop the card; investigator updated."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[1], FLAGS[3]],
    "needs": [
        ("abuse-neglect-exploitation", "critical"),
        ("mobility-rehabilitation", "high"),
        ("fall-risk", "moderate"),
    ],
    "eligibility": [
        ("harbor-snf-benefit", True, "qualifying-stay", "She had a qualifying hospital stay and still needs therapy."),
        ("medicaid-aged-disabled", False, "income", "Income is over the limit."),
    ],
    "goals": [
        ("abuse-neglect-exploitation", "Report the concern to APS", "report made", "2026-06-08"),
        ("mobility-rehabilitation", "Agnes walks further", "better walking", "2026-06-22"),
        ("fall-risk", "Agnes stays safe at home", "no falls", "2026-07-31"),
    ],
    "actions": [
        ("Call APS", "case-manager", "2026-06-08"),
        ("Ask therapy for goals", "physical-therapist", "2026-06-12"),
    ],
    "referrals": [
        ("harbor-county-adult-protective-services", "abuse-neglect-exploitation"),
        ("harbor-fire-home-safety-visits", "fall-risk"),
    ],
    "rights": ["notice-before-coverage-ends", "confidentiality-and-limits"],
    "info": [("facility-business-office", "The bank withdrawals")],
    "delegations": [
        ("continued-stay-review", "utilization-review-nurse"),
        ("therapy-goals-update", "physical-therapist"),
        ("home-visit-before-discharge", "occupational-therapist"),
    ],
    "meeting": ("2026-06-10", ["Agnes Morrow", "Hannah Birch", "utilization review nurse case manager"], "Discharge"),
    "note": (
        "Stay approved for 14 more days; she still needs daily therapy. The ED note and the bank withdrawals "
        "raise a concern about her son, so I reported to APS. Income is over the Medicaid limit."
    ),
    "revisions": [
        ("therapy-goals-met", ["coverage-denial"], [], ["harbor-snf-benefit"],
         "Daily skilled care no longer needed, so coverage ends. She gets a notice and can appeal."),
        ("home-alone", ["home-health-skilled-care"], ["alder-falls-home-health"], [],
         "Home alone and homebound: home health referral."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[FLAGS[2], FLAGS[3]],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "abuse-neglect-exploitation"] + [("caregiver-strain", "moderate")],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "abuse-neglect-exploitation"],
    actions=[a for a in EXCELLENT["actions"] if "adult protective" not in a[0] and "alone about her money" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "abuse-neglect-exploitation"],
    rights=["participate-in-own-plan", "notice-before-coverage-ends", "consent-to-share-information",
            "expedited-appeal", "choice-of-post-acute-provider"],
    info=[
        ("facility-social-work", "Whether Curtis has had caregiver teaching and Ruth's views on the discharge"),
        ("facility-therapy", "Dated goals and the date daily therapy is expected to end"),
        ("primary-care", "Osteoporosis treatment and her February visit notes"),
    ],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] != "daughter-call"],
    meeting=("2026-06-10", ATTENDEES, "Therapy goals, the home set-up and caregiver teaching for Curtis"),
    note=(
        "06/08 continued-stay review, Rosewood day 14. Request for 14 more days approved to 06/22 on the skilled "
        "nursing criteria: walks 90 ft with contact guard, 4 of 14 stairs; goals 150 ft and 14 stairs. Daily "
        "skilled care is the criterion to watch. Weight loss and pressure injuries after a long lie on the floor "
        "are healing. Son will care for her at home; caregiver teaching for him before discharge. Medicaid not "
        "eligible (income over the limit). Osteoporosis letter to Dr. Tran. OT home visit before discharge. "
        "Explained notice and fast appeal rights. Next review 06/15."
    ),
    revisions=[
        ("therapy-goals-met", ["coverage-denial"], ["harbor-medicare-counseling"], ["harbor-snf-benefit"],
         "Goals met. Redetermined: no longer needs daily skilled care. Written notice 2 days ahead; fast appeal "
         "by noon the day after; she pays the daily rate if she stays on. Discharge home with Curtis after "
         "caregiver teaching."),
        ("home-alone", ["home-health-skilled-care", "iadl-household-help"],
         ["alder-falls-home-health", "silver-table-home-delivered-meals"], [],
         "Home alone and homebound with an open wound: home health referral and home-delivered meals; daily "
         "check-in call agreed with Ruth."),
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("mobility-rehabilitation", "high"), ("fall-risk", "moderate")],
    "eligibility": [("harbor-snf-benefit", True, None, "Approved.")],
    "goals": [
        ("mobility-rehabilitation", "Agnes will get stronger.", "stronger", "2026-06-30"),
        ("fall-risk", "Agnes will be careful at home.", "careful", "2026-06-30"),
    ],
    "actions": [("Call the facility", "case-manager", None)],
    "referrals": [("harbor-fire-home-safety-visits", "fall-risk")],
    "rights": ["notice-before-coverage-ends"],
    "info": [],
    "delegations": [("hospital-bed-and-lift", "administrative-assistant")],
    "meeting": ("2026-06-10", ["Agnes Morrow"], "Review"),
    "note": "Stay approved. She will go home with her son.",
    "revisions": [
        ("therapy-goals-met", [], [], [], "Goals met, discharge planned."),
        ("home-alone", [], [], [], "She is home. Will follow up."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=EXCELLENT["goals"] + [
        ("fall-risk",
         "Rosewood's occupational therapist visits the house and fits a second stair rail and shower chair",
         "home visit report on file; rail and chair fitted before discharge", "2026-06-26"),
        ("advance-care-planning",
         "Ms. Birch, the facility social worker, helps Agnes name a health care agent of her choosing",
         "signed health care agent form on file", "2026-06-29"),
    ],
    actions=EXCELLENT["actions"] + [
        ("Help Agnes complete a health care agent form, seen alone", "social-worker", "2026-06-15"),
    ],
    referrals=[r for r in EXCELLENT["referrals"]
               if r[0] not in {"harbor-fire-home-safety-visits", "graylock-elder-law-project"}],
)

SYNONYMS = {
    "abuse-neglect-exploitation": ["domestic-violence", "caregiver-strain"],
    "mobility-rehabilitation": ["durable-medical-equipment"],
    "fall-risk": ["home-safety-hazard", "home-accessibility"],
}

VAGUE = {
    "*": ("Agnes will be supported in a caring, person-centred and holistic way as she continues her recovery "
          "and prepares to return home, with everyone working together as appropriate.",
          "Everyone agrees Agnes is doing well and things are moving in the right direction."),
    "abuse-neglect-exploitation": (
        "Agnes's situation at home will be looked into sensitively and appropriately by the right people so "
        "that she feels as safe and supported as she reasonably can going forward.",
        "The team feels her home situation is being handled."),
}
