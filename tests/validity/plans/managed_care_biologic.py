"""Ana Paula, 31, appealing a refused injection for rheumatoid arthritis: the validity plans.

Written from the case file and the catalogues only. The appeal is about step therapy: about six
weeks of methotrexate against the plan's twelve. The urgent care visit of 07/30, written up as
gastroenteritis, records a positive pregnancy test (last period mid-June); the claims show
methotrexate 20 mg a week refilled on 07/29 and the call log has her taking it every Sunday
"even with the vomiting". The rheumatologist had warned that methotrexate harms a pregnancy, the
discharge papers were in English, and the form says she is not pregnant. The prescriber must be
told today so that no further dose is taken; the exception then follows from it.
"""

from write_plans import with_changes

CRITICAL = ["medication-safety"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "managed-care-biologic-prior-authorization-appeal"

ATTENDEES = ["Ana Paula Ferreira", "Tiago Ferreira", "Rafael Duarte", "Portuguese interpreter",
             "pharmacy nurse case manager"]

FLAGS = [
    ("pregnancy", "inconsistent",
     "Form says no; the urgent care note of 07/30 records a positive urine hCG, last period mid-June."),
    ("other-medicines", "inconsistent",
     "Only folic acid listed; claims show methotrexate 20 mg weekly, prednisone 10 mg, naproxen 500 mg twice "
     "daily and ondansetron."),
    ("methotrexate-duration", "inconsistent",
     "Form says 3 months; first methotrexate fill 06/19, about 6 weeks."),
    ("preferred-language", "inconsistent",
     "Husband wrote English; she asked member services for a Portuguese speaker and her rheumatologist uses a "
     "Portuguese interpreter."),
    ("expedited", "missing",
     "Left blank; with high disease activity and no safe disease-modifying drug, waiting 30 days could "
     "seriously harm her, so a 72-hour decision should be asked for."),
]

ELIGIBILITY = [
    ("harbor-biologic-prior-authorization", False, "step-therapy",
     "Diagnosis and rheumatologist met; step therapy not met (6 of 12 weeks, no exception statement). The "
     "route is Dr. Fields's statement that methotrexate is contraindicated in pregnancy, not a longer trial."),
    ("state-health-coverage-adults", False, "income",
     "$3,000 a month for 2 is over $2,488.60 (138% of the 2026 guideline)."),
]

NOTE = (
    "08/03 appeal received (filed 08/01 by husband Tiago). Call with Ana through a Portuguese telephone "
    "interpreter; she asked to be told things herself and agreed Tiago may speak for her on the appeal. "
    "SAME DAY: the urgent care note of 07/30 records a positive pregnancy test (last period mid-June), and the "
    "claims show methotrexate 20 mg weekly refilled 07/29, taken every Sunday; her form says not pregnant and "
    "lists only folic acid. Ana had not understood the result (papers in English). Phoned Dr. Fields's office "
    "at 10:40: methotrexate to stop now, no dose next Sunday, naproxen to be reviewed; Mr. Duarte reconciling "
    "every medicine for pregnancy. First prenatal visit at Northside this week with Portuguese-speaking staff. "
    "Appeal: the denial turned on step therapy alone (about 6 of 12 weeks of methotrexate). A longer trial is "
    "not possible now; Dr. Fields will send a statement that methotrexate is contraindicated and ask for an "
    "expedited appeal (72 hours) to Dr. Sorensen. Explained standard (30 days) and expedited appeals, her right "
    "to the criteria and reviewer, and to an interpreter and Portuguese letters at no cost; language corrected "
    "on her record. State adult coverage not eligible ($3,000 for 2 over $2,488.60). Next contact 08/05."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("medication-safety", "critical"),
        ("prenatal-care", "immediate"),
        ("language-interpreter", "high"),
        ("coverage-denial", "high"),
        ("chronic-disease-management", "high"),
        ("income-loss", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("medication-safety",
         "Dr. Fields is told today and Ana takes no further methotrexate; every medicine reviewed for pregnancy",
         "prescriber confirms methotrexate stopped on 08/03; reconciled list with teach-back through the "
         "interpreter by 08/07; zero methotrexate fills after 07/29", "2026-08-07"),
        ("prenatal-care",
         "Ana has a first prenatal visit at Northside with a Portuguese-speaking clinician and starts a "
         "prenatal vitamin", "visit date within 7 days; prenatal vitamin on the claims", "2026-08-10"),
        ("language-interpreter",
         "Every contact with Ana is in Portuguese or through a qualified interpreter",
         "interpreter recorded at 100% of contacts; record shows Portuguese as her language from 08/03",
         "2026-08-04"),
        ("coverage-denial",
         "The exception statement reaches the physician reviewer and an expedited decision is made",
         "statement received by 08/06; decision within 72 hours; explained to Ana with an interpreter",
         "2026-08-09"),
        ("chronic-disease-management",
         "Ana's arthritis is treated again within two weeks of stopping methotrexate, and she injects the pen "
         "correctly", "first dose by 08/17; return demonstration of the pen with the interpreter", "2026-08-17"),
        ("income-loss",
         "Ana knows her job protection and pay options for the weeks she cannot work",
         "employer leave policy checked with her by 08/14", "2026-08-14"),
    ],
    "actions": [
        ("Phone Dr. Fields's office: positive pregnancy test, methotrexate to stop today, supporting statement",
         "registered-nurse", "2026-08-03"),
        ("Reconcile every medicine from claims and notes and flag pregnancy risks", "pharmacist", "2026-08-04"),
        ("Book a qualified Portuguese interpreter for all calls; ask for her letters in Portuguese",
         "administrative-assistant", "2026-08-03"),
        ("Book a first prenatal visit at Northside", "community-health-worker", "2026-08-04"),
        ("Send the appeal and Dr. Fields's statement to the physician reviewer, expedited", "physician-advisor",
         "2026-08-06"),
        ("Teach Ana the injection pen with the interpreter once it is approved", "registered-nurse", "2026-08-14"),
    ],
    "referrals": [
        ("northside-community-health-center", "prenatal-care"),
    ],
    "rights": [
        "interpreter-at-no-cost",
        "expedited-appeal",
        "appeal-denial-with-notice",
        "consent-to-share-information",
        "review-criteria-and-reviewer",
    ],
    "info": [
        ("rheumatology", "Whether she knows of the positive test; methotrexate stopped today; a contraindication "
                         "statement; whether the biologic can be used in pregnancy"),
        ("urgent-care", "What Ana was told about the pregnancy test, and in which language"),
        ("primary-care", "A first prenatal visit this week and the methotrexate exposure for the obstetric team"),
        ("plan-pharmacy", "Reconciled list with pregnancy risks; the early refill of 07/29"),
    ],
    "delegations": [
        ("prescriber-call", "registered-nurse"),
        ("medication-reconciliation", "pharmacist"),
        ("interpreter-booking", "administrative-assistant"),
        ("physician-review", "physician-advisor"),
        ("clinic-booking", "community-health-worker"),
    ],
    "meeting": ("2026-08-05", ATTENDEES,
                "Her medicines in pregnancy, the appeal and the expedited decision, and her rights, all in Portuguese"),
    "note": NOTE,
    "revisions": [
        ("supporting-statement", ["benefits-enrollment"], ["benefits-bridge-enrollment"],
         ["harbor-biologic-prior-authorization"],
         "Dr. Fields's statement: methotrexate stopped 08/03, contraindicated in pregnancy (8 weeks by "
         "ultrasound). Redetermined: the contraindication passes step therapy, so the request meets the criteria. "
         "Sent to Dr. Sorensen for an expedited decision within 72 hours. Called Ana with the Portuguese "
         "interpreter to explain. Benefits Bridge for WIC and food help in the pregnancy."),
        ("group-plan-ends", ["health-coverage-gap", "medication-access"],
         ["benefits-bridge-enrollment", "tri-county-pharmacy-assistance", "harbor-workforce-center"],
         ["state-health-coverage-adults"],
         "Group plan ends 09/30. Redetermined: $1,650 for 2 is under $2,488.60, so state adult coverage is "
         "eligible; application through Benefits Bridge this week, before 09/30. The approval does not carry "
         "over: Dr. Fields to send a new prior authorization request and records to the new plan and ask for a "
         "transition supply so there is no gap; Tri-County pharmacy assistance as a bridge. Keep the 09/22 "
         "prenatal visit. Tiago referred to the Workforce Center for his job search."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[2]],
    "needs": [
        ("medication-safety", "critical"),
        ("coverage-denial", "high"),
        ("chronic-disease-management", "moderate"),
    ],
    "eligibility": [
        ("harbor-biologic-prior-authorization", False, "step-therapy", "Not 12 weeks of methotrexate yet."),
        ("state-health-coverage-adults", False, "income", "Over the income limit."),
    ],
    "goals": [
        ("medication-safety", "Ana stops methotrexate", "stopped", "2026-08-03"),
        ("coverage-denial", "The appeal is decided", "decision made", "2026-08-31"),
        ("chronic-disease-management", "Her arthritis gets better", "better", "2026-09-30"),
    ],
    "actions": [
        ("Call Dr. Fields about the pregnancy test", "case-manager", "2026-08-03"),
        ("Send the appeal to the reviewer", "physician-advisor", "2026-08-10"),
    ],
    "referrals": [],
    "rights": ["appeal-denial-with-notice", "expedited-appeal"],
    "info": [("rheumatology", "Whether she knows about the pregnancy test")],
    "delegations": [
        ("prescriber-call", "registered-nurse"),
        ("physician-review", "physician-advisor"),
    ],
    "meeting": ("2026-08-05", ["Ana Paula Ferreira", "Tiago Ferreira", "pharmacy nurse case manager"], "Appeal"),
    "note": (
        "The urgent care note shows a positive pregnancy test and she is on methotrexate; called Dr. Fields to "
        "stop it. The appeal needs 12 weeks or an exception; asked for an expedited appeal."
    ),
    "revisions": [
        ("supporting-statement", [], [], ["harbor-biologic-prior-authorization"],
         "The contraindication statement meets the criteria; expedited decision requested."),
        ("group-plan-ends", ["health-coverage-gap"], ["benefits-bridge-enrollment"], ["state-health-coverage-adults"],
         "Coverage ends; she now qualifies for state coverage. Referred to Benefits Bridge."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[FLAGS[2], FLAGS[3], FLAGS[4]],
    needs=[n for n in EXCELLENT["needs"] if n[0] not in {"medication-safety", "prenatal-care"}]
    + [("medication-adherence", "moderate")],
    eligibility=[
        ("harbor-biologic-prior-authorization", False, "step-therapy",
         "Diagnosis and rheumatologist met; 6 of 12 weeks of methotrexate. She must complete 12 weeks (about "
         "09/11) unless Dr. Fields documents intolerance; her nausea may support that."),
        ELIGIBILITY[1],
    ],
    goals=[g for g in EXCELLENT["goals"] if g[0] not in {"medication-safety", "prenatal-care"}]
    + [("medication-adherence", "Ana takes methotrexate weekly with ondansetron for the nausea until 12 weeks",
        "weekly fills on time through 09/11", "2026-09-11")],
    actions=[
        ("Phone Dr. Fields's office about a statement on methotrexate nausea", "registered-nurse", "2026-08-04"),
        ("Book a qualified Portuguese interpreter for all calls; ask for her letters in Portuguese",
         "administrative-assistant", "2026-08-03"),
        ("Send the appeal to the physician reviewer", "physician-advisor", "2026-08-06"),
    ],
    referrals=[],
    info=[
        ("rheumatology", "Whether she tolerates methotrexate; a statement on intolerance"),
        ("plan-pharmacy", "Adherence from the claims"),
    ],
    delegations=[
        ("prescriber-call", "registered-nurse"),
        ("interpreter-booking", "administrative-assistant"),
        ("physician-review", "physician-advisor"),
    ],
    meeting=("2026-08-05", ATTENDEES, "The appeal, the step therapy rule and her rights, in Portuguese"),
    note=(
        "08/03 appeal received. Call with Ana through a Portuguese interpreter. The denial turned on step "
        "therapy: about 6 of 12 weeks of methotrexate. She has nausea after each dose (urgent care 07/30, "
        "gastroenteritis, ondansetron); Dr. Fields may document intolerance for an exception, or she completes "
        "12 weeks around 09/11. Explained standard and expedited appeals, criteria and reviewer, interpreter at "
        "no cost. State adult coverage not eligible. Next contact 08/05."
    ),
    revisions=[
        ("supporting-statement", ["benefits-enrollment", "prenatal-care"], ["benefits-bridge-enrollment"],
         ["harbor-biologic-prior-authorization"],
         "Dr. Fields's statement: methotrexate contraindicated, pregnancy of 8 weeks. Redetermined: meets the "
         "criteria. Expedited decision within 72 hours; explained with the interpreter. WIC through Benefits "
         "Bridge."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("coverage-denial", "high"), ("chronic-pain", "moderate")],
    "eligibility": [("harbor-biologic-prior-authorization", False, None, "Denied.")],
    "goals": [
        ("coverage-denial", "Ana will appeal.", "appealed", "2026-08-31"),
        ("chronic-pain", "Ana will have less pain.", "less pain", "2026-09-30"),
    ],
    "actions": [("Call Tiago", "case-manager", None)],
    "referrals": [],
    "rights": ["appeal-denial-with-notice"],
    "info": [],
    "delegations": [("repeat-blood-tests", "registered-nurse")],
    "meeting": ("2026-08-05", ["Tiago Ferreira"], "Appeal"),
    "note": "Appeal received. She needs 12 weeks of methotrexate first.",
    "revisions": [
        ("supporting-statement", [], [], [], "Statement received."),
        ("group-plan-ends", [], [], [], "Coverage ends. Will follow up."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=EXCELLENT["goals"] + [
        ("prenatal-care",
         "The plan's nurse books Ana's first prenatal visit with a Portuguese-speaking obstetric clinician in "
         "network and sends the methotrexate history", "visit date within 7 days; history received by the clinic",
         "2026-08-10"),
    ],
    actions=EXCELLENT["actions"] + [
        ("Book an in-network prenatal visit and send the methotrexate history", "registered-nurse", "2026-08-04"),
    ],
    referrals=[],
)

SYNONYMS = {
    "medication-safety": ["medication-adherence", "home-safety-hazard"],
    "coverage-denial": ["workers-comp-dispute"],
    "chronic-disease-management": ["chronic-pain", "mobility-rehabilitation"],
}

VAGUE = {
    "*": ("Ana will be supported in a respectful, culturally sensitive and person-centred way with her health "
          "and her coverage, with everyone working together as appropriate going forward.",
          "Everyone agrees that Ana's situation is improving and she feels supported."),
    "medication-safety": (
        "Ana's medicines will be looked at carefully and appropriately by the right people so that she and her "
        "family feel safe and supported in the weeks ahead.",
        "The team feels her medicines are being handled safely."),
}
