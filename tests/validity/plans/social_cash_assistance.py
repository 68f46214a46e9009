"""Brianna, 23, and a cash assistance sanction notice for missed work hours: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in the
job readiness instructor's attendance log, written to record hours missed: at about 31 weeks
Brianna had headaches, lights too bright, "sparkles" in her sight, a puffy face and hands and
vomiting. The prenatal clinic's letter, sent to cancel her visit for lapsed coverage, shows a
blood pressure of 138/88 with protein at 23 weeks and a missed recheck. Together they are the
warning signs of preeclampsia in a woman without prenatal care for ten weeks.
"""

from write_plans import with_changes

CASE = "social-services-cash-assistance-work-sanction"

CRITICAL = ["prenatal-care"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

ATTENDEES = ["Brianna Cole", "Marcus Webb", "case manager"]

FLAGS = [
    ("documents-attached", "missing",
     "Nothing attached; good cause needs a document by 12/18: the clinic's statement of her health."),
    ("health-coverage", "inconsistent",
     "Says State Health Coverage; the 10/15 notice ended it on 10/31 for a renewal that was returned."),
    ("address-changed", "inconsistent",
     "Says no; she moved in August (notice returned from 22 Quarry Road; child support has 9 Mill Street)."),
    ("other-income", "inconsistent", "Says none; $120 a month child support is passed through."),
    ("hours-available", "inconsistent",
     "Offers 30 hours a week, more than the 20 she could not manage while unwell; no hours should be promised "
     "before she is seen."),
]

ELIGIBILITY = [
    ("cash-assistance-work-rule", False, "good-cause",
     "As documented today the sanction stands: 31 of 80 hours and no good cause shown. Her illness is a good "
     "cause the notice names; a clinic statement before 12/18 changes the result."),
    ("county-family-cash-assistance", True, "income",
     "$120 for 2 is under $901.67, with Jayden at home: still eligible. Only the sanction threatens the grant."),
    ("state-health-coverage-adults", True, "income",
     "$120 for 2 against $2,488.60; she is 23. Eligible: coverage closed only for the missed renewal."),
    ("family-nutrition-wic", True, "income",
     "Pregnant and Jayden is 4; on cash assistance, so income-eligible by that route ($1,440 a year anyway)."),
]

NOTE = (
    "12/08 with Brianna and Jayden; Marcus Webb by phone. SAFETY FIRST: the November attendance log records "
    "headaches, lights too bright, 'seeing sparkles', puffy face and hands (could not get her rings off) and "
    "vomiting at about 31 weeks; Sunflower saw her sit in a dark office. The clinic's 11/12 letter shows BP 138/88 "
    "with trace protein at 23 weeks, the recheck missed, and no care since because coverage closed. These are "
    "warning signs of preeclampsia: sent her to Harbor General obstetric triage today, by car with Kiara, and "
    "called Nurse-midwife Farrow. Told her to call 911 for a severe headache, vision change or pain under the "
    "ribs. Evening job club declined: more hours are not the answer. SANCTION: cash stops 01/01 unless good "
    "cause by 12/18; conciliation requested today, clinic statement to follow; a fair hearing asked for before "
    "01/01 keeps the grant paid. Work rule as documented today: sanction stands (no hours, no good cause shown "
    "yet). Cash assistance eligible ($120 under $901.67). COVERAGE: closed 10/31 for a renewal sent to her old "
    "address; renewal sent today with the new address, asking for coverage back to 10/31 (within 90 days). "
    "Eligible ($120 under $2,488.60). WIC eligible through cash assistance: appointment booked. Told her to "
    "report address changes and the birth, and to bring documents by the due date. Next call 12/09."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("prenatal-care", "critical"),
        ("health-coverage-gap", "immediate"),
        ("income-loss", "high"),
        ("benefits-enrollment", "high"),
        ("infant-child-nutrition", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("prenatal-care",
         "Brianna is assessed at Harbor General obstetric triage today for her blood pressure and symptoms",
         "triage visit on 12/08 with blood pressure and urine results recorded; prenatal appointment booked "
         "within 7 days", "2026-12-09"),
        ("health-coverage-gap",
         "The benefits specialist sends Brianna's renewal with her new address and State Health Coverage is "
         "reinstated back to 10/31", "renewal receipt by 12/10; reinstatement notice by 12/31", "2026-12-31"),
        ("income-loss",
         "Brianna keeps her cash grant: conciliation requested and the clinic's statement sent as good cause",
         "conciliation request 12/08; statement received by Harbor Works before 12/18; January payment made",
         "2027-01-02"),
        ("benefits-enrollment",
         "Brianna's address is updated with every program so no notice is lost again",
         "address change confirmed in writing by State Health Coverage and Harbor Works by 12/11", "2026-12-11"),
        ("infant-child-nutrition",
         "Brianna and Jayden are enrolled in the Family Nutrition Program",
         "certification appointment attended within 30 days", "2027-01-07"),
    ],
    "actions": [
        ("Send Brianna to Harbor General obstetric triage today and call the clinic", "case-manager",
         "2026-12-08"),
        ("Request the conciliation meeting with Harbor Works", "social-worker", "2026-12-08"),
        ("Get the clinic's statement of Brianna's health for Harbor Works", "administrative-assistant",
         "2026-12-15"),
        ("Send the State Health Coverage renewal and ask for coverage back to 10/31", "benefits-specialist",
         "2026-12-10"),
        ("Update her address with State Health Coverage and Harbor Works", "administrative-assistant",
         "2026-12-11"),
        ("Book the WIC appointment for Brianna and Jayden", "administrative-assistant", "2026-12-15"),
    ],
    "referrals": [
        ("harbor-general-obstetric-triage", "prenatal-care"),
        ("benefits-bridge-enrollment", "health-coverage-gap"),
        ("riverbend-diaper-formula-bank", "infant-child-nutrition"),
    ],
    "rights": [
        "appeal-denial-with-notice",
        "fair-hearing",
        "provide-verification-by-due-date",
        "consent-to-share-information",
        "report-changes-within-timeframe",
        "renew-on-time",
    ],
    "info": [
        ("prenatal-clinic", "Headaches, sparkles and swelling since November, BP 138/88 at 23 weeks: same-day "
                            "assessment; and a statement of her health for Harbor Works"),
        ("employment-counselor", "Conciliation date, and that a medical statement is coming as good cause"),
        ("coverage-unit", "Decide the renewal with the new address and put coverage back to 10/31"),
    ],
    "delegations": [
        ("rebook-prenatal", "community-health-worker"),
        ("conciliation-request", "social-worker"),
        ("clinic-statement", "administrative-assistant"),
        ("coverage-renewal", "benefits-specialist"),
        ("address-update", "administrative-assistant"),
        ("wic-appointment", "administrative-assistant"),
    ],
    "meeting": ("2026-12-08", ATTENDEES, "Same-day triage, the conciliation and good cause, coverage, WIC"),
    "note": NOTE,
    "revisions": [
        ("triage-admission", [], [], ["cash-assistance-work-rule"],
         "Admitted with preeclampsia with severe features. The obstetrician's letter is good cause for November "
         "and excuses her until eight weeks after the birth: sent to Harbor Works today with the conciliation "
         "request; work rule redetermined: no sanction. Told the financial counsellor the renewal is in and "
         "coverage should go back to 10/31. Kiara has Jayden and takes him to Sunflower."),
        ("baby-home", ["medical-follow-up", "childcare"],
         ["northside-community-health-center", "harbor-child-care-scholarship"],
         ["county-family-cash-assistance", "family-nutrition-wic"],
         "Amara born 12/22: birth reported and Amara added, household of 3; cash assistance redetermined ($120 "
         "under $1,138.33) and WIC for the baby. Two blood pressure checks booked at Northside this week and "
         "next. Child care scholarship applied for now for infant care before the excuse ends on February 8, "
         "and the new work plan appointment set after it starts."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[1]],
    "needs": [
        ("prenatal-care", "critical"),
        ("income-loss", "high"),
        ("health-coverage-gap", "moderate"),
    ],
    "eligibility": [
        ("cash-assistance-work-rule", False, "hours-met", "She missed her hours."),
        ("county-family-cash-assistance", True, "income", "Low income."),
        ("state-health-coverage-adults", True, "income", "Under the limit."),
    ],
    "goals": [
        ("prenatal-care", "Brianna sees a doctor about her headaches", "seen at triage", "2026-12-09"),
        ("income-loss", "Brianna keeps her cash", "no sanction", "2026-12-31"),
        ("health-coverage-gap", "Brianna has coverage", "coverage back", "2027-01-31"),
    ],
    "actions": [
        ("Send her to triage", "case-manager", "2026-12-08"),
        ("Ask for conciliation", "social-worker", "2026-12-10"),
    ],
    "referrals": [("harbor-general-obstetric-triage", "prenatal-care")],
    "rights": ["appeal-denial-with-notice", "fair-hearing"],
    "info": [("prenatal-clinic", "Her blood pressure history")],
    "delegations": [
        ("conciliation-request", "social-worker"),
        ("coverage-renewal", "benefits-specialist"),
        ("evening-job-club", "administrative-assistant"),
    ],
    "meeting": ("2026-12-08", ["Brianna Cole", "case manager"], "Sanction"),
    "note": (
        "Brianna has headaches, sparkles and swelling at 31 weeks and no prenatal care; sent to triage today. "
        "Conciliation requested for the sanction. Coverage to be renewed."
    ),
    "revisions": [
        ("triage-admission", [], [], ["cash-assistance-work-rule"], "Admitted; doctor's letter sent to Harbor Works."),
        ("baby-home", ["childcare"], [], [], "Baby born; she needs child care."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=FLAGS[:4],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "prenatal-care"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "prenatal-care"],
    actions=[a for a in EXCELLENT["actions"] if "triage" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "prenatal-care"],
    info=[
        ("prenatal-clinic", "A statement that she was unwell in November, for Harbor Works"),
        ("employment-counselor", "Conciliation date, and that a medical statement is coming as good cause"),
        ("coverage-unit", "Decide the renewal with the new address and put coverage back to 10/31"),
    ],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] != "rebook-prenatal"],
    meeting=("2026-12-08", ATTENDEES, "The conciliation and good cause, coverage, WIC"),
    note=(
        "12/08 with Brianna and Jayden; Marcus Webb by phone. SANCTION: cash stops 01/01 unless good cause by "
        "12/18; she was unwell in November (pregnancy) and missed 49 of 80 hours. Conciliation requested today; "
        "a clinic statement to follow as good cause; a fair hearing asked for before 01/01 keeps the grant paid. "
        "Work rule as documented today: sanction stands. Cash assistance eligible ($120 under $901.67). "
        "COVERAGE: closed 10/31 for a renewal sent to her old address; renewal sent today with the new address, "
        "asking for coverage back to 10/31. Eligible. The clinic will see her once coverage is back. WIC eligible "
        "through cash assistance: appointment booked. Report address changes and the birth. Next call 12/15."
    ),
    revisions=[
        ("triage-admission", [], [], ["cash-assistance-work-rule"],
         "Admitted with preeclampsia. The obstetrician's letter is good cause and excuses her until eight weeks "
         "after the birth: sent to Harbor Works with the conciliation request; no sanction now. Coverage should "
         "go back to 10/31. Kiara has Jayden."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("income-loss", "high")],
    "eligibility": [("cash-assistance-work-rule", False, None, "She missed hours.")],
    "goals": [("income-loss", "Brianna attends her classes.", "attends", "2027-01-31")],
    "actions": [("Talk to Harbor Works", "case-manager", None)],
    "referrals": [("harbor-workforce-center", "income-loss")],
    "rights": ["appeal-denial-with-notice"],
    "info": [],
    "delegations": [("evening-job-club", "administrative-assistant")],
    "meeting": ("2026-12-08", ["Brianna Cole"], "Sanction"),
    "note": "Brianna missed her hours. She will join the evening job club to make them up.",
    "revisions": [
        ("triage-admission", [], [], [], "In hospital."),
        ("baby-home", [], [], [], "Baby born."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    referrals=[r for r in EXCELLENT["referrals"] if r[1] not in {"health-coverage-gap", "infant-child-nutrition"}],
)

SYNONYMS = {
    "prenatal-care": ["undiagnosed-medical-symptoms", "chronic-disease-management"],
    "income-loss": ["employment-search"],
    "health-coverage-gap": ["coverage-denial"],
}

VAGUE = {
    "*": ("Brianna will be supported in a strengths-based and trauma-informed way to reach stability for her "
          "growing family, with every service working together on her behalf.",
          "Brianna feels more hopeful and that things are generally improving."),
    "prenatal-care": (
        "Brianna will be encouraged to look after her health and her pregnancy in the way that feels right for "
        "her, with appropriate support from the relevant services.",
        "Brianna feels healthier."),
}
