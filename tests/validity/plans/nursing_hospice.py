"""Evelyn, 78, coming home on hospice to her daughter's house: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in
two reports read together: the chaplain's note, where Evelyn admits she still smokes on the
back step when the house is empty ("I turn the oxygen down first"), and the oxygen supplier's
service visit, which found melted tubing near the cannula and burn holes in her recliner,
explained by a stove thirty feet away. The form says nobody smokes and Denise believes she
quit in 2019. Smoking on oxygen, alone every weekday, is the critical need.
"""

from write_plans import with_changes

CRITICAL = ["home-safety-hazard"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "nursing-hospice-copd-living-with-daughter"

ATTENDEES = ["Evelyn Marsh", "Denise Obi", "Kayla Obi", "Priya Raman", "Grace Tamura", "hospice nurse case manager"]

FLAGS = [
    ("smokers-in-home", "inconsistent",
     "Answered 'No', but the chaplain's note of 04/11 records Evelyn still smoking on the back step when the "
     "house is empty, and the oxygen supplier on 03/28 found melted tubing 18 inches from the cannula and "
     "burn holes in her recliner; the stove she blamed is 30 feet away."),
    ("advance-directive", "inconsistent",
     "A POLST is on file, but the 2024 form asks for CPR, intubation and a feeding tube; she now refuses a "
     "breathing machine (Dr. Haddad) and chest compressions (chaplain)."),
    ("daytime-caregiver", "missing",
     "Left blank: Denise works 7:00 to 15:30 and Kayla is home about 15:45, so Evelyn is alone from 6:45 "
     "every weekday."),
    ("primary-caregiver", "inconsistent",
     "Names Denise and Kayla, but Denise is at work all day, sleeping 4 to 5 hours and out of leave, and "
     "Kayla is 17, in school and working two evenings."),
    ("medicaid", "inconsistent",
     "'Our income is too high' uses the household's figures; the coverage for older adults counts Evelyn's "
     "own $1,184 a month and her own $1,450, not Denise's pay or savings."),
    ("household-income", "inconsistent",
     "$5,834 is Denise's wages and Evelyn's Social Security together; only Evelyn's $1,184 is hers."),
]

ELIGIBILITY = [
    ("hospice-benefit", True, "terminal-prognosis",
     "Dr. Haddad certifies a life expectancy of about 16 weeks (under six months), and Dr. Albright, the "
     "hospice medical director, also certified; Part A confirmed; care at home. Eligible."),
    ("medicaid-aged-disabled", True, "income",
     "She is 78 and the program counts her alone: $1,184 a month of her own Social Security and $1,450 in her "
     "own account. Denise's wages and savings are not hers. Eligible: apply."),
]

NOTE = (
    "04/14 hospice admission planning. Evelyn Marsh, 78, very severe COPD (FEV1 19%) with hypercapnic failure "
    "and heart failure, third admission in 14 weeks, elected hospice 04/13; home 04/15 by ambulance. In her "
    "words: 'I want to be in my own chair, with my radio, and I don't want to be a burden on Denise.' She "
    "told Dr. Haddad she would not want a breathing machine again and told the chaplain she will not have CPR. "
    "Most urgent: smoking with oxygen. The oxygen supplier's 03/28 visit found melted tubing near the cannula "
    "and burn holes in the recliner (the stove is 30 feet away), and the chaplain's note records her still "
    "smoking on the back step when alone. She asked that Denise not be told yet; I will raise it with her "
    "privately at the admission visit without blame, agree a written oxygen safety plan (oxygen off and tubing "
    "indoors before any cigarette, never near flame), offer the quit line with nicotine patches, and ask the "
    "fire department for an oxygen fire-safety visit and alarms, and the supplier for a firebreak valve. Denise "
    "is told what she needs for fire safety; the cigarettes are shared only with Evelyn's consent. Hospice: "
    "eligible, 16 weeks certified by two physicians, under the six-month test; explained that hospice ends if "
    "her doctors can no longer certify it. Home health and pulmonary rehab orders are not sent (stopped by Dr. "
    "Haddad; hospice covers her care). POLST 2024 says full treatment: new POLST (DNR, comfort-focused, no "
    "intubation) to be signed by Dr. Haddad with Denise as agent this week. Comfort medicines in the home on "
    "04/15 with teaching and the on-call number instead of 911. Weekday care: alone 6:45 to 15:45, Denise "
    "exhausted and out of leave: social worker to build a weekday schedule, family leave, respite vouchers, "
    "aide visits 3 times a week, and support for Kayla. Coverage for older adults: counts Evelyn alone "
    "($1,184, $1,450), so apply; it would pay for personal care hours. Monitoring: breathlessness and comfort "
    "medicine use, tubing and chair checked for burns each visit, Denise's sleep. Next visit 04/15 (admission)."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("home-safety-hazard", "critical"),
        ("palliative-hospice-care", "immediate"),
        ("advance-care-planning", "immediate"),
        ("caregiver-strain", "high"),
        ("adl-personal-care", "high"),
        ("benefits-enrollment", "high"),
        ("durable-medical-equipment", "moderate"),
        ("substance-use-treatment", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("home-safety-hazard",
         "Evelyn agrees a written oxygen safety plan with her nurse at the 04/15 visit (oxygen off and tubing left "
         "indoors before any cigarette, no flame within 10 feet), the fire department makes its oxygen safety "
         "visit and fits alarms, and a firebreak valve is fitted",
         "plan signed 04/15; fire visit done by 04/21; no new burn marks on tubing or chair at weekly checks for "
         "30 days", "2026-05-15"),
        ("substance-use-treatment",
         "Evelyn has her first quit-line call with nicotine patches posted, and cuts down toward stopping",
         "first call by 04/17; her own count of cigarettes a day falls at each weekly visit", "2026-05-15"),
        ("palliative-hospice-care",
         "The admission visit is done on the day she comes home, with the comfort medicines in the house and the "
         "family able to give them and call the on-call nurse instead of 911",
         "admission visit 04/15; Denise and Kayla show the morphine dose back; no emergency visit for "
         "breathlessness in 30 days", "2026-05-15"),
        ("advance-care-planning",
         "A new POLST (do not resuscitate, comfort-focused treatment) matching Evelyn's wishes is signed by her "
         "and Dr. Haddad, with Denise as agent",
         "signed POLST in the home, at Dr. Sorby's practice and in the hospice record", "2026-04-21"),
        ("caregiver-strain",
         "The family has a weekday plan with a name for every hour from 6:45 to 15:45, Denise has applied for "
         "family leave and has a respite break, and Kayla has someone to talk to",
         "written schedule by 04/28; leave application filed; Denise reports at least 6 hours' sleep most nights "
         "at the two-week check", "2026-04-28"),
        ("adl-personal-care",
         "The hospice aide gives bed baths and personal care three times a week",
         "3 aide visits a week documented from the first week", "2026-04-22"),
        ("benefits-enrollment",
         "Evelyn's application for coverage for older adults is filed with her own income and bank statement",
         "application filed by 04/24; written decision received", "2026-06-13"),
        ("durable-medical-equipment",
         "Hospital bed, commode and shower chair are set up before the ambulance arrives",
         "all three in place on 04/15 before arrival, checked by the nurse at the admission visit", "2026-04-15"),
    ],
    "actions": [
        ("Private talk with Evelyn about smoking with oxygen; written safety plan; teach the household fire safety",
         "registered-nurse", "2026-04-15"),
        ("Request the fire department's oxygen safety visit and a firebreak valve from Northvale",
         "case-manager", "2026-04-15"),
        ("Hospice admission assessment and comfort medicine teaching with the on-call number",
         "registered-nurse", "2026-04-15"),
        ("Review wishes with Evelyn and Denise and get the new POLST signed by Dr. Haddad", "social-worker",
         "2026-04-21"),
        ("Weekday care plan, family leave, respite vouchers and support for Kayla", "social-worker", "2026-04-28"),
        ("File the coverage application counting Evelyn alone", "benefits-specialist", "2026-04-24"),
        ("Confirm bed, commode and shower chair are delivered before discharge", "administrative-assistant",
         "2026-04-15"),
        ("Aide visits three times a week for bathing and personal care", "home-health-aide", "2026-04-16"),
    ],
    "referrals": [
        ("harbor-fire-home-safety-visits", "home-safety-hazard"),
        ("harbor-quit-line", "home-safety-hazard"),
        ("harbor-quit-line", "substance-use-treatment"),
        ("meadowlark-hospice", "palliative-hospice-care"),
        ("meadowlark-hospice", "advance-care-planning"),
        ("meadowlark-hospice", "adl-personal-care"),
        ("meadowlark-hospice", "durable-medical-equipment"),
        ("family-caregiver-respite-vouchers", "caregiver-strain"),
        ("benefits-bridge-enrollment", "benefits-enrollment"),
    ],
    "rights": [
        "hospice-election-and-revocation",
        "advance-directive",
        "refuse-treatment",
        "participate-in-own-plan",
        "confidentiality-and-limits",
        "consent-to-share-information",
    ],
    "info": [
        ("oxygen-supplier", "What else was seen at the 03/28 visit; a firebreak valve for the tubing; a home "
                            "fire-safety check"),
        ("pulmonology", "Comfort medicine orders with doses for the hospice nurse; signature on a new POLST"),
        ("pcp", "The current POLST and medicine list; whether Dr. Sorby or Dr. Haddad will sign the new POLST"),
        ("hospice-liaison", "Delivery time of the bed, commode and shower chair on 04/15; aide schedule"),
        ("hospital-social-work", "Leave and employer details for Denise; school contact for Kayla"),
    ],
    "delegations": [
        ("admission-assessment", "registered-nurse"),
        ("oxygen-fire-safety", "registered-nurse"),
        ("new-polst", "social-worker"),
        ("comfort-kit-teaching", "registered-nurse"),
        ("personal-care-visits", "home-health-aide"),
        ("medicaid-application", "benefits-specialist"),
        ("caregiver-plan", "social-worker"),
        ("equipment-delivery", "administrative-assistant"),
    ],
    "meeting": ("2026-04-14", ATTENDEES,
                "Agree the hospice plan of care: safety at home with oxygen, comfort medicines and night calls, "
                "Evelyn's wishes and a new POLST, who is with her on weekdays, and her own coverage"),
    "note": NOTE,
    "revisions": [
        ("respite-stay", [], ["family-caregiver-respite-vouchers", "hearthside-adult-day-program"], [],
         "Denise has been awake three nights and must be back at work full time; Kayla missed two days of "
         "school. Five-day respite at Maple Court from 04/27 under the hospice benefit, hospice care continuing "
         "there; the new POLST goes with her and a copy stays at home. Use the five days to fix the weekday "
         "plan: respite vouchers for regular breaks, adult day or personal care hours once the coverage is "
         "approved, Denise's family leave application, and the school counselor and our social worker for "
         "Kayla so she stops missing school. Oxygen safety plan and no-smoking rules shared with Maple Court."),
        ("recertification", ["home-health-skilled-care", "chronic-disease-management"], ["alder-falls-home-health"],
         ["hospice-benefit"],
         "Both physicians now give about 12 months and cannot certify six months or less: the prognosis test is "
         "not met, so she is discharged from hospice alive on 07/12. Told Evelyn plainly this is because she is "
         "doing better, that she can elect hospice again if her illness changes, and that she may ask for a "
         "review of the discharge. She is homebound on continuous oxygen and no longer on hospice, so home health "
         "is open to her: order a start of care by Alder Falls Home Health before 07/12 for her heart failure "
         "medicines and daily weights, so her nurse visits do not stop. Keep the POLST, the quit-line support "
         "and the coverage in place."),
    ],
}

# ---------------------------------------------------------------- competent: finds the critical need, has gaps

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[1], FLAGS[2]],
    "needs": [
        ("home-safety-hazard", "critical"),
        ("palliative-hospice-care", "immediate"),
        ("advance-care-planning", "high"),
        ("caregiver-strain", "high"),
    ],
    "eligibility": [
        ("hospice-benefit", True, "terminal-prognosis", "16 weeks is under six months."),
        ("medicaid-aged-disabled", False, "income", "Household income of $5,834 is too high."),
    ],
    "goals": [
        ("home-safety-hazard", "Evelyn stops smoking near her oxygen and the house is fire safe",
         "fire safety visit done", "2026-04-30"),
        ("palliative-hospice-care", "Evelyn is comfortable at home", "she is comfortable", "2026-05-15"),
        ("advance-care-planning", "Evelyn has a new POLST signed", "new POLST signed", "2026-04-21"),
        ("caregiver-strain", "Denise gets more support", "Denise feels supported", "2026-05-15"),
    ],
    "actions": [
        ("Talk with Evelyn about smoking and oxygen", "registered-nurse", "2026-04-15"),
        ("Admission visit", "registered-nurse", "2026-04-15"),
        ("New POLST", "social-worker", "2026-04-21"),
    ],
    "referrals": [
        ("harbor-fire-home-safety-visits", "home-safety-hazard"),
        ("meadowlark-hospice", "palliative-hospice-care"),
        ("family-caregiver-respite-vouchers", "caregiver-strain"),
    ],
    "rights": ["hospice-election-and-revocation", "advance-directive", "refuse-treatment"],
    "info": [
        ("pulmonology", "Comfort medicine orders"),
        ("pcp", "Copy of the POLST"),
    ],
    "delegations": [
        ("admission-assessment", "registered-nurse"),
        ("oxygen-fire-safety", "registered-nurse"),
        ("new-polst", "registered-nurse"),
        ("comfort-kit-teaching", "registered-nurse"),
        ("caregiver-plan", "social-worker"),
    ],
    "meeting": ("2026-04-14", ["Evelyn Marsh", "Denise Obi", "hospice nurse case manager"], "Hospice plan"),
    "note": (
        "Evelyn comes home on hospice 04/15; eligible, 16 weeks certified. The chaplain's note and the oxygen "
        "supplier's burn findings show she still smokes with oxygen: nurse to talk with her and the fire "
        "department to visit. Her POLST says full treatment, which she no longer wants: new POLST. Denise is "
        "exhausted; respite vouchers. Medicaid not possible with the household income."
    ),
    "revisions": [
        ("respite-stay", [], ["family-caregiver-respite-vouchers"], [],
         "Denise needs a break: five-day respite at Maple Court, new POLST sent with her."),
        ("recertification", ["home-health-skilled-care"], ["alder-falls-home-health"], ["hospice-benefit"],
         "Prognosis now 12 months, over six months, so she leaves hospice; home health ordered."),
    ],
}

# ---------------------------------------------------------------- missed-critical: diligent, never sees the smoking

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] != "smokers-in-home"],
    needs=[n for n in EXCELLENT["needs"] if n[0] not in {"home-safety-hazard", "substance-use-treatment"}],
    goals=[g for g in EXCELLENT["goals"] if g[0] not in {"home-safety-hazard", "substance-use-treatment"}],
    actions=[a for a in EXCELLENT["actions"] if "smok" not in a[0] and "fire" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] not in {"home-safety-hazard", "substance-use-treatment"}],
    rights=[r for r in EXCELLENT["rights"] if r != "confidentiality-and-limits"],
    info=[i for i in EXCELLENT["info"] if i[0] != "oxygen-supplier"],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] != "oxygen-fire-safety"],
    meeting=("2026-04-14", ATTENDEES,
             "Agree the hospice plan of care: comfort medicines and night calls, Evelyn's wishes and a new POLST, "
             "who is with her on weekdays, and her own coverage"),
    note=(
        "04/14 hospice admission planning. Evelyn Marsh, 78, very severe COPD (FEV1 19%) and heart failure, third "
        "admission in 14 weeks, elected hospice 04/13; home 04/15. In her words: 'I want to be in my own chair, "
        "with my radio, and I don't want to be a burden on Denise.' She refuses a breathing machine and CPR. "
        "Former smoker, quit 2019 per Denise; oxygen 2 L continuous, supplier serviced it 03/28 and replaced worn "
        "tubing. Hospice: eligible, 16 weeks certified by two physicians, under six months. Home health and "
        "pulmonary rehab orders not sent. POLST 2024 says full treatment: new POLST with Dr. Haddad this week. "
        "Comfort medicines in the home 04/15 with teaching and the on-call number instead of 911. Weekday care: "
        "alone 6:45 to 15:45, Denise exhausted: social worker for a weekday schedule, family leave, respite "
        "vouchers, aide visits, support for Kayla. Coverage for older adults counts Evelyn alone ($1,184, "
        "$1,450): apply. Monitoring: breathlessness, comfort medicine use, Denise's sleep. Next visit 04/15."
    ),
    revisions=[
        EXCELLENT["revisions"][0][:4] + (
            "Denise has been awake three nights and must be back at work full time; Kayla missed two days of "
            "school. Five-day respite at Maple Court from 04/27 under the hospice benefit, hospice care "
            "continuing there; the new POLST goes with her. Use the five days to fix the weekday plan: respite "
            "vouchers, adult day or personal care hours once the coverage is approved, Denise's family leave, "
            "and the school counselor for Kayla so she stops missing school.",),
        ("recertification", ["home-health-skilled-care", "chronic-disease-management"], ["alder-falls-home-health"],
         ["hospice-benefit"],
         "Both physicians now give about 12 months and cannot certify six months or less: the prognosis test is "
         "not met, so she is discharged from hospice alive on 07/12. Told Evelyn this is because she is doing "
         "better, that she can elect hospice again, and that she may ask for a review. Homebound on oxygen and "
         "off hospice, so order home health start of care before 07/12 for her heart failure medicines and "
         "weights. Keep the POLST and the coverage in place."),
    ],
)

# ---------------------------------------------------------------- superficial

SUPERFICIAL = {
    "flags": [FLAGS[2]],
    "needs": [("palliative-hospice-care", "high"), ("adl-personal-care", "moderate")],
    "eligibility": [("hospice-benefit", True, None, "She signed the hospice form."),
                    ("medicaid-aged-disabled", False, "income", "The family earns too much.")],
    "goals": [
        ("palliative-hospice-care", "Evelyn will be comfortable.", "she is comfortable", "2026-05-31"),
        ("adl-personal-care", "Evelyn gets help with care.", "gets help", "2026-05-31"),
    ],
    "actions": [("Call Denise", "case-manager", None)],
    "referrals": [("meadowlark-hospice", "palliative-hospice-care")],
    "rights": ["hospice-election-and-revocation"],
    "info": [],
    "delegations": [("home-health-visits", "administrative-assistant")],
    "meeting": ("2026-04-14", ["Evelyn Marsh"], "Hospice"),
    "note": "Evelyn is going home on hospice. Her family will look after her.",
    "revisions": [
        ("respite-stay", [], [], [], "Respite arranged."),
        ("recertification", [], [], [], "Leaving hospice. Will reassess."),
    ],
}

# ---------------------------------------------------------------- in-house: the hospice team does the work itself

IN_HOUSE = with_changes(
    EXCELLENT,
    note=NOTE.replace(
        "respite vouchers, aide visits 3 times a week",
        "our own volunteers for weekday sitting and hospice respite days, our aide 3 times a week",
    ).replace(
        "Coverage for older adults: counts Evelyn alone ($1,184, $1,450), so apply;",
        "Coverage for older adults: counts Evelyn alone ($1,184, $1,450), so our benefits specialist files it;",
    ),
    goals=[g for g in EXCELLENT["goals"] if g[0] not in {"caregiver-strain", "benefits-enrollment"}] + [
        ("caregiver-strain",
         "The hospice social worker builds a weekday plan with Denise and Kayla: hospice volunteers sit with "
         "Evelyn two mornings a week, Denise applies for family leave, and Kayla meets the social worker",
         "written schedule with a name for every hour 6:45 to 15:45 by 04/28; leave application filed; Denise "
         "reports at least 6 hours' sleep most nights", "2026-04-28"),
        ("benefits-enrollment",
         "The hospice's benefits specialist files Evelyn's application for coverage for older adults, counting "
         "her own income and savings",
         "application filed by 04/24; written decision received", "2026-06-13"),
    ],
    referrals=[r for r in EXCELLENT["referrals"]
               if r[0] not in {"family-caregiver-respite-vouchers", "benefits-bridge-enrollment"}],
)

SYNONYMS = {
    "home-safety-hazard": ["medication-safety", "fall-risk"],
    "palliative-hospice-care": ["chronic-pain", "mental-health-treatment"],
    "caregiver-strain": ["social-isolation", "childcare"],
    "advance-care-planning": ["cognitive-impairment"],
}

VAGUE = {
    "*": ("Over the coming period Evelyn and her family will continue to be supported in an appropriate and "
          "holistic manner by everyone involved so that her overall situation improves and she feels more "
          "comfortable and secure in all aspects of her life at home.",
          "Evelyn and her family feel the situation has generally improved and everyone is satisfied."),
    "home-safety-hazard": (
        "Evelyn will be supported to live as safely as possible at home with her oxygen in a way that respects "
        "her choices, her dignity and her wishes, with input from the team as and when it is needed.",
        "She is safe at home and the team is comfortable with how things are going."),
}
