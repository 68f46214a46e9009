"""Mariam, 31, with an electric shut-off notice in December: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in
two notes written about other things: the pediatrician's sick visit for Sami (the family heats
a closed kitchen with the gas oven, door open, and the children sleep there; Sami wakes sleepy
and floppy and vomits, his mother and sister have morning headaches) and the school nurse's
log for Lina (sick before ten, well by lunch, four times). With the landlord's letter (the
kitchen smoke detector is down, no alarm anywhere) it reads as carbon monoxide poisoning, which
both notes put down to a stomach bug.
"""

from write_plans import with_changes

CASE = "social-services-energy-assistance-winter-shutoff"

CRITICAL = ["home-safety-hazard"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

ATTENDEES = ["Mariam Haddad", "Yusuf Haddad", "Samira Aziz", "case manager"]

FLAGS = [
    ("monthly-income", "inconsistent",
     "$2,900 on the form; the November stubs show 30 hours at $18, $2,340 a month, since the diner cut hours "
     "on 10/01."),
    ("heating-source", "inconsistent",
     "Says electric heaters she pays for; the lease says the landlord provides heat from the gas boiler. The "
     "heaters are a stopgap for a flat kept at 55 at night."),
    ("energy-emergency", "inconsistent",
     "Says no shut-off notice; the 12/01 statement is a final notice, disconnection on or after 12/15."),
    ("vulnerable-member", "missing", "Blank; Sami is 2."),
    ("health-coverage", "inconsistent",
     "Says Yusuf's work insurance; the diner offers none to part-time staff and the stubs show no deduction."),
    ("language", "inconsistent", "Says English; Mariam reads Arabic and needed the interpreter today."),
]

ELIGIBILITY = [
    ("county-energy-crisis-assistance", True, "energy-emergency",
     "A final notice for 12/15 is an energy emergency; $2,340 for 4 is under $4,125 (150% of the 2026 "
     "guideline). Eligible now: the pledge holds the disconnection."),
    ("county-energy-assistance", True, "income",
     "$2,340 for 4 against $4,125, and the family pays its own electricity. Eligible for the seasonal "
     "benefit, a separate application."),
    ("state-health-coverage-adults", True, "income",
     "$2,340 for 4 is under $3,795 (138%); Mariam is 31. Eligible; Yusuf on the same figures."),
]

NOTE = (
    "12/07 intake with Mariam, Yusuf by phone, Samira Aziz interpreting (Arabic). SAFETY FIRST: Dr. Rao's 12/03 "
    "note says the family keeps the gas oven on, door open, in a closed kitchen at night so the children can "
    "sleep there; Sami wakes sleepy and floppy and has vomited three mornings; Mariam and Lina have morning "
    "headaches and nausea; the school nurse saw Lina four times before 10:00, better by lunch. The kitchen smoke "
    "detector is down and there is no carbon monoxide alarm. This is carbon monoxide until proved otherwise. "
    "Told Mariam and Yusuf through the interpreter to stop using the oven for heat tonight, open the windows, and "
    "call 911 if anyone is drowsy, confused or vomiting; called Dr. Rao's office the same day about testing; "
    "Harbor Fire home safety visit booked for an alarm and the smoke detector. HEAT: the lease makes heat the "
    "landlord's; Mr. Pruitt keeps the thermostat at 62/55 in his flat. No-heat complaint filed with code "
    "enforcement today; Mariam told she needs no permission. SHUT-OFF: final notice, disconnection on or after "
    "12/15, $486. Crisis application filed with the benefits specialist; the pledge holds it 30 days. "
    "Programs on verified income ($2,340, stubs; the form's $2,900 is before the October cut): crisis help "
    "eligible, seasonal energy assistance eligible (income under $4,125), adult coverage eligible for both "
    "(under $3,795; no work insurance exists). Told them to send verification by the due date, report changes "
    "within 10 days, and how to appeal a denial. Notices to come in Arabic. Next call 12/09."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("home-safety-hazard", "critical"),
        ("utility-shutoff", "immediate"),
        ("rental-heat-or-repairs", "high"),
        ("health-coverage-gap", "high"),
        ("medical-follow-up", "high"),
        ("language-interpreter", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("home-safety-hazard",
         "Mariam and Yusuf stop heating with the gas oven tonight and a carbon monoxide alarm is fitted by "
         "Harbor Fire", "oven not used for heat from 12/07; alarm installed by 12/09; no morning symptoms at "
         "the 12/14 call", "2026-12-14"),
        ("utility-shutoff",
         "Northvale holds the disconnection after the energy crisis application and pledge",
         "crisis application filed by 12/08; written hold from Northvale before 12/15", "2026-12-14"),
        ("rental-heat-or-repairs",
         "Code enforcement inspects and orders Mr. Pruitt to heat the flat to code",
         "complaint filed 12/07; inspection within 2 days; flat at 68 by day at the 12/18 visit", "2026-12-18"),
        ("health-coverage-gap",
         "Mariam and Yusuf have State Health Coverage for Adults applications filed",
         "both applications submitted by 12/11; decision within 45 days", "2027-01-20"),
        ("medical-follow-up",
         "Dr. Rao sees Sami, Lina and Mariam about the morning symptoms and decides on carbon monoxide testing",
         "doctor called 12/07; visit or emergency assessment by 12/08", "2026-12-08"),
        ("language-interpreter",
         "Every meeting has a qualified Arabic interpreter and Northvale sends notices in Arabic",
         "interpreter at every meeting; Arabic notice request confirmed by 12/11", "2026-12-11"),
    ],
    "actions": [
        ("Tell the family through the interpreter: no oven for heat, windows open, 911 if drowsy or vomiting",
         "case-manager", "2026-12-07"),
        ("Call Dr. Rao's office about the oven and the family's morning symptoms", "case-manager", "2026-12-07"),
        ("Book the Harbor Fire home safety visit for a CO alarm and the smoke detector", "community-health-worker",
         "2026-12-07"),
        ("File the energy crisis application and ask Northvale for the pledge hold", "benefits-specialist",
         "2026-12-08"),
        ("File the no-heat complaint with code enforcement", "social-worker", "2026-12-07"),
        ("File the seasonal energy assistance application", "benefits-specialist", "2026-12-18"),
        ("File State Health Coverage applications for both adults", "benefits-specialist", "2026-12-11"),
    ],
    "referrals": [
        ("harbor-fire-home-safety-visits", "home-safety-hazard"),
        ("northvale-energy-crisis-fund", "utility-shutoff"),
        ("harbor-county-housing-code-enforcement", "rental-heat-or-repairs"),
        ("benefits-bridge-enrollment", "health-coverage-gap"),
        ("northside-community-health-center", "medical-follow-up"),
    ],
    "rights": [
        "interpreter-at-no-cost",
        "consent-to-share-information",
        "provide-verification-by-due-date",
        "report-changes-within-timeframe",
        "appeal-denial-with-notice",
        "fair-hearing",
    ],
    "info": [
        ("pediatrics", "The family heats a closed kitchen with the gas oven; does Sami, Lina or Mariam need "
                       "carbon monoxide testing today?"),
        ("utility", "A written hold on the 12/15 disconnection, the amount to stop it, and notices in Arabic"),
        ("landlord", "Thermostat settings and whether the flat has a working carbon monoxide alarm"),
        ("school-nurse", "With consent, the times of Lina's visits and a call if she is unwell in the morning"),
    ],
    "delegations": [
        ("crisis-application", "benefits-specialist"),
        ("seasonal-application", "benefits-specialist"),
        ("code-complaint", "social-worker"),
        ("fire-safety-visit", "community-health-worker"),
        ("coverage-application", "benefits-specialist"),
        ("interpreter-and-notices", "qualified-interpreter"),
    ],
    "meeting": ("2026-12-07", ATTENDEES,
                "Stop the oven heating tonight, hold the disconnection, the landlord's heat, coverage"),
    "note": NOTE,
    "revisions": [
        ("pledge-and-notice", ["housing-eviction-risk"], ["riverbend-tenant-legal-clinic"],
         ["county-energy-crisis-assistance"],
         "Pledge made, disconnection cancelled: crisis help no longer needed (no emergency now). Seasonal energy "
         "assistance application still moving. Inspector's order checked at a home visit: thermostat at 68 by "
         "day and 64 at night, carbon monoxide alarm and smoke detector fitted. The non-renewal letter came the "
         "day after the inspection and may be retaliation: Riverbend Tenant Legal Clinic appointment this week "
         "with the order and the letter; told Mariam through the interpreter that she does not have to move now."),
        ("second-job", [], [], ["county-energy-assistance", "state-health-coverage-adults"],
         "Yusuf to report the change within 10 days; helped him do it. At $4,290 for 4 the household is over "
         "$4,125 for seasonal energy assistance and $3,795 for adult coverage: both redetermined, not eligible "
         "from the change. Benefits Bridge to cover the 60 days before the warehouse insurance starts."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[2]],
    "needs": [
        ("home-safety-hazard", "critical"),
        ("utility-shutoff", "immediate"),
        ("rental-heat-or-repairs", "moderate"),
    ],
    "eligibility": [
        ("county-energy-crisis-assistance", True, "energy-emergency", "She has a final notice."),
        ("county-energy-assistance", True, "income", "Under the limit."),
        ("state-health-coverage-adults", True, None, "Low income."),
    ],
    "goals": [
        ("home-safety-hazard", "The family stops using the oven for heat", "oven off and alarm fitted",
         "2026-12-09"),
        ("utility-shutoff", "The power stays on", "Northvale hold before 12/15", "2026-12-14"),
        ("rental-heat-or-repairs", "The landlord turns the heat up", "warmer flat", "2026-12-31"),
    ],
    "actions": [
        ("Tell Mariam not to use the oven for heat", "case-manager", "2026-12-07"),
        ("File the crisis application", "benefits-specialist", "2026-12-08"),
    ],
    "referrals": [
        ("harbor-fire-home-safety-visits", "home-safety-hazard"),
        ("northvale-energy-crisis-fund", "utility-shutoff"),
    ],
    "rights": ["interpreter-at-no-cost", "report-changes-within-timeframe"],
    "info": [("utility", "Hold the disconnection")],
    "delegations": [
        ("crisis-application", "benefits-specialist"),
        ("fire-safety-visit", "community-health-worker"),
        ("boiler-grant", "benefits-specialist"),
    ],
    "meeting": ("2026-12-07", ["Mariam Haddad", "Samira Aziz", "case manager"], "Energy help"),
    "note": (
        "The family heats the kitchen with the gas oven and has headaches and vomiting; told them to stop and "
        "booked a fire safety visit. Final notice for 12/15: crisis application filed."
    ),
    "revisions": [
        ("pledge-and-notice", ["housing-eviction-risk"], [], [], "Pledge made. Landlord not renewing the lease."),
        ("second-job", [], [], ["county-energy-assistance"], "Income up; report the change."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=FLAGS,
    needs=[n for n in EXCELLENT["needs"] if n[0] not in {"home-safety-hazard", "medical-follow-up"}],
    goals=[g for g in EXCELLENT["goals"] if g[0] not in {"home-safety-hazard", "medical-follow-up"}],
    actions=[a for a in EXCELLENT["actions"] if "oven" not in a[0] and "Harbor Fire" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] not in {"home-safety-hazard", "medical-follow-up"}],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"pediatrics", "school-nurse"}],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] != "fire-safety-visit"],
    meeting=("2026-12-07", ATTENDEES, "Hold the disconnection, the landlord's heat, coverage"),
    note=(
        "12/07 intake with Mariam, Yusuf by phone, Samira Aziz interpreting (Arabic). HEAT: the lease makes heat "
        "the landlord's; Mr. Pruitt keeps the thermostat at 62/55 in his flat, so the family runs electric "
        "heaters and the bill tripled. No-heat complaint filed with code enforcement today. SHUT-OFF: final "
        "notice, disconnection on or after 12/15, $486; crisis application filed, the pledge holds it 30 days. "
        "Programs on verified income ($2,340; the form's $2,900 is before the October cut): crisis help "
        "eligible, seasonal energy assistance eligible, adult coverage eligible for both. The family has had a "
        "stomach bug (Dr. Rao, school nurse). Verification due date, changes within 10 days, appeal rights "
        "explained. Notices to come in Arabic. Next call 12/09."
    ),
    revisions=[
        ("pledge-and-notice", ["housing-eviction-risk"], ["riverbend-tenant-legal-clinic"],
         ["county-energy-crisis-assistance"],
         "Pledge made, disconnection cancelled: crisis help no longer needed. Seasonal energy assistance "
         "application still moving. Inspector's order: thermostat at 68 by day and 64 at night. The non-renewal "
         "letter may be retaliation: Riverbend Tenant Legal Clinic appointment this week."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("utility-shutoff", "high")],
    "eligibility": [("county-energy-assistance", True, None, "Low income.")],
    "goals": [("utility-shutoff", "Mariam pays her bill.", "bill paid", "2027-01-31")],
    "actions": [("Send the application", "case-manager", None)],
    "referrals": [("harbor-county-emergency-rent-utility", "utility-shutoff")],
    "rights": ["report-changes-within-timeframe"],
    "info": [],
    "delegations": [("boiler-grant", "benefits-specialist")],
    "meeting": ("2026-12-07", ["Mariam Haddad"], "Bill"),
    "note": "Mariam needs help with her electric bill. Application sent.",
    "revisions": [
        ("pledge-and-notice", [], [], [], "Pledge made."),
        ("second-job", [], [], [], "Yusuf has a new job."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "health-coverage-gap"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "health-coverage-gap"] + [
        ("health-coverage-gap",
         "The department's benefits specialist files State Health Coverage for Mariam and Yusuf",
         "both applications submitted by 12/11; decision within 45 days", "2027-01-20"),
    ],
)

SYNONYMS = {
    "home-safety-hazard": ["undiagnosed-medical-symptoms", "fall-risk"],
    "utility-shutoff": ["income-loss"],
    "rental-heat-or-repairs": ["home-accessibility"],
}

VAGUE = {
    "*": ("The family will be supported in a holistic and culturally responsive way so that the household feels "
          "more settled and secure through the winter, working with every service that may be able to help.",
          "Mariam feels that things are generally going better for the family."),
    "home-safety-hazard": (
        "The family will be helped to keep their home as safe and comfortable as possible in an appropriate "
        "and sensitive way that respects their choices.",
        "The family feels safer at home."),
}
