"""Hung, 61, a wheelchair user whose housing voucher runs out in nine days: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in the
housing navigator's search log, kept to record flats: Hung has slept in his wheelchair since the
motel move, against Dr. Osei's orders, has a sore on his bottom that "smells and leaks", was
sweating at a viewing and was hot and shivery the night before. The motel's note (stained cushion,
a strong smell) and his shifting at intake fit: an infected pressure sore with fever in a man who
cannot feel it, which needs an emergency assessment today.
"""

from write_plans import with_changes

CASE = "social-services-housing-voucher-about-to-expire"

CRITICAL = ["undiagnosed-medical-symptoms"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

ATTENDEES = ["Tran Van Hung", "Nguyen Thi Mai", "Pham Thu Ha", "case manager"]

FLAGS = [
    ("voucher-expiry", "inconsistent", "Says 01/31/2027; the housing authority's letter says it expires 12/18/2026."),
    ("accessible-features", "missing",
     "Blank; Dr. Osei's letter lists a step-free entrance, roll-in shower, 32-inch doors, a bed at seat height."),
    ("current-address", "inconsistent", "12 Ferry Street closed after the fire; they are in Room 114, Bayside Inn."),
    ("monthly-income", "inconsistent", "$1,180 is the net deposit; the gross benefit is $1,290 (2026 letter)."),
    ("interpreter", "inconsistent", "Says no; Hung speaks Vietnamese and Mai has been interpreting for him."),
]

ELIGIBILITY = [
    ("housing-voucher-extension-accommodation", True, "voucher-unexpired",
     "Hung has a disability and Dr. Osei's letter says the search takes longer because of it; the voucher is "
     "live until 12/18, so the request must reach the authority before then."),
    ("medicaid-aged-disabled", True, "income",
     "Counting Hung alone: $1,290 gross against $1,330 (100% for one), $1,150 against $2,000. Eligible, $40 "
     "under; disability waives the age test."),
]

NOTE = (
    "12/09 with Hung and Mai; Pham Thu Ha interpreting for Hung (Vietnamese). SAFETY FIRST: the navigator's log "
    "records a sore on his bottom that 'smells and leaks', sweating at the 12/03 viewing, hot and shivery on 12/07, "
    "and nights in the wheelchair since August against Dr. Osei's orders; the motel found a stained cushion and a "
    "smell. With no feeling below the waist this is an infected pressure sore with fever: sent to the Harbor General "
    "emergency department today by wheelchair transport with Mai; Dr. Osei's office told. Viewings paused. VOUCHER: "
    "expires 12/18, not 01/31; motel paid to 12/31. Reasonable accommodation request for more time filed with Dr. "
    "Osei's letter and the unit features (step-free, roll-in shower, 32-inch doors, bed at seat height); the "
    "authority must extend. Search now only for units on that list; Willow Court needs a ramp and shower, SafeStep "
    "applied for if chosen. COVERAGE: Hung alone, $1,290 gross under $1,330, $1,150 under $2,000: eligible; filed "
    "today. Mai does every transfer: respite vouchers. Told them about fair housing rights, appeals, and to report "
    "changes. Next call 12/10."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("undiagnosed-medical-symptoms", "critical"),
        ("homelessness", "immediate"),
        ("home-accessibility", "high"),
        ("health-coverage-gap", "high"),
        ("caregiver-strain", "moderate"),
        ("language-interpreter", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("undiagnosed-medical-symptoms",
         "Hung is seen at the emergency department today for the sore and the fever",
         "emergency visit on 12/09 recorded; Dr. Osei told the same day", "2026-12-10"),
        ("homelessness",
         "The reasonable accommodation request for more time on the voucher reaches the housing authority",
         "request date-stamped by 12/11; written extension before 12/18", "2026-12-17"),
        ("home-accessibility",
         "Hung and Mai sign a lease for a unit with a step-free entrance and a roll-in shower",
         "lease signed for a unit meeting Dr. Osei's list by 01/31", "2027-01-31"),
        ("health-coverage-gap",
         "Hung's State Health Coverage for Older and Disabled Adults application is filed and decided",
         "application submitted 12/09; decision within 45 days", "2027-01-23"),
        ("caregiver-strain",
         "Mai gets regular breaks from his care through respite vouchers",
         "respite voucher application filed by 12/16; hours used twice a week after he is home", "2027-01-31"),
        ("language-interpreter",
         "Hung has a qualified Vietnamese interpreter at every meeting and viewing",
         "interpreter at every meeting from 12/09", "2026-12-09"),
    ],
    "actions": [
        ("Send Hung to the Harbor General emergency department today by wheelchair transport", "case-manager",
         "2026-12-09"),
        ("Book wheelchair transport for today and his later appointments", "community-health-worker", "2026-12-09"),
        ("File the reasonable accommodation request with Dr. Osei's letter", "social-worker", "2026-12-11"),
        ("Search only for step-free units with a roll-in shower; get the authority's accessible list",
         "community-health-worker", "2026-12-15"),
        ("File State Health Coverage for Older and Disabled Adults for Hung", "benefits-specialist", "2026-12-09"),
        ("Apply for respite vouchers for Mai", "social-worker", "2026-12-16"),
    ],
    "referrals": [
        ("harbor-general-emergency-department", "undiagnosed-medical-symptoms"),
        ("safestep-home-modification", "home-accessibility"),
        ("benefits-bridge-enrollment", "health-coverage-gap"),
        ("family-caregiver-respite-vouchers", "caregiver-strain"),
    ],
    "rights": [
        "housing-reasonable-accommodation",
        "interpreter-at-no-cost",
        "non-discrimination",
        "consent-to-share-information",
        "appeal-denial-with-notice",
        "report-changes-within-timeframe",
    ],
    "info": [
        ("physiatrist", "He has slept in his chair for weeks with a sore that smells and leaks and a fever: sent to "
                        "be seen today; and an updated letter for the accommodation request"),
        ("housing-authority", "Receipt of the request before 12/18 and the list of accessible units"),
        ("navigator", "Pause viewings until he is seen, then search only units meeting Dr. Osei's list"),
        ("willow-court", "Written consent to a ramp and a roll-in shower at the tenant's cost"),
    ],
    "delegations": [
        ("accommodation-request", "social-worker"),
        ("accessible-search", "community-health-worker"),
        ("medical-ride", "community-health-worker"),
        ("home-modification", "community-health-worker"),
        ("coverage-application", "benefits-specialist"),
        ("respite-application", "social-worker"),
        ("interpreter-booking", "administrative-assistant"),
    ],
    "meeting": ("2026-12-09", ATTENDEES, "Hung seen today; the extension before 12/18; the search; coverage"),
    "note": NOTE,
    "revisions": [
        ("hospital-admission", ["durable-medical-equipment"], [], [],
         "Admitted with an infected pressure sore and a blood infection. The admission added to the accommodation "
         "request as a reason for more time; housing authority told. Discharge planner told the motel ends 12/31 "
         "and no unit is found yet; the unit must fit a hospital bed and a pressure mattress; home health nursing "
         "for the wound through his State Health Coverage once approved."),
        ("insurance-settlement", [], [], ["medicaid-aged-disabled"],
         "The $4,800 is reported today. His resources are now $5,950, over $2,000: coverage fails on the resource "
         "test. Spending it on the Linden Terrace deposit, a bed and furniture brings him under the limit before the "
         "next month. Linden Terrace (step-free, roll-in shower) taken for 02/01, inside the extension to 03/18."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[1]],
    "needs": [
        ("undiagnosed-medical-symptoms", "critical"),
        ("homelessness", "immediate"),
        ("home-accessibility", "moderate"),
    ],
    "eligibility": [
        ("housing-voucher-extension-accommodation", True, "disabled-member", "He uses a wheelchair."),
        ("medicaid-aged-disabled", True, None, "Low income."),
    ],
    "goals": [
        ("undiagnosed-medical-symptoms", "Hung sees a doctor about his sore", "seen today", "2026-12-10"),
        ("homelessness", "The voucher is extended", "extension granted", "2026-12-18"),
        ("home-accessibility", "They find an accessible flat", "flat found", "2027-02-28"),
    ],
    "actions": [
        ("Send Hung to be seen today", "case-manager", "2026-12-09"),
        ("File the accommodation request", "social-worker", "2026-12-11"),
    ],
    "referrals": [("harbor-general-emergency-department", "undiagnosed-medical-symptoms")],
    "rights": ["housing-reasonable-accommodation", "appeal-denial-with-notice"],
    "info": [("housing-authority", "Receipt of the request")],
    "delegations": [
        ("accommodation-request", "social-worker"),
        ("accessible-search", "community-health-worker"),
        ("aide-bedroom", "social-worker"),
    ],
    "meeting": ("2026-12-09", ["Tran Van Hung", "Nguyen Thi Mai", "case manager"], "Voucher"),
    "note": (
        "Hung has a smelly leaking sore and fever: sent to the emergency department today. Voucher ends 12/18: "
        "accommodation request filed for more time."
    ),
    "revisions": [
        ("hospital-admission", [], [], [], "In hospital; asked for more time on the voucher."),
        ("insurance-settlement", [], [], ["medicaid-aged-disabled"], "Money over the limit; he should report it."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    needs=[n for n in EXCELLENT["needs"] if n[0] != "undiagnosed-medical-symptoms"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "undiagnosed-medical-symptoms"],
    actions=[a for a in EXCELLENT["actions"] if "emergency" not in a[0] and "transport" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "undiagnosed-medical-symptoms"],
    info=[
        ("physiatrist", "An updated letter for the accommodation request"),
        ("housing-authority", "Receipt of the request before 12/18 and the list of accessible units"),
        ("navigator", "Search only units meeting Dr. Osei's list"),
        ("willow-court", "Written consent to a ramp and a roll-in shower at the tenant's cost"),
    ],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] != "medical-ride"],
    meeting=("2026-12-09", ATTENDEES, "The extension before 12/18; the search; coverage"),
    note=(
        "12/09 with Hung and Mai; Pham Thu Ha interpreting for Hung (Vietnamese). VOUCHER: expires 12/18, not 01/31; "
        "motel paid to 12/31. Reasonable accommodation request for more time filed with Dr. Osei's letter and the "
        "unit features (step-free, roll-in shower, 32-inch doors, bed at seat height). Viewings are tiring for him; "
        "navigator to search only units on the list. Willow Court needs a ramp and shower: SafeStep if chosen. "
        "COVERAGE: Hung alone, $1,290 gross under $1,330, $1,150 under $2,000: eligible; filed today. Mai does every "
        "transfer: respite vouchers. Fair housing rights, appeals, report changes. Next call 12/14."
    ),
    revisions=[
        ("hospital-admission", ["durable-medical-equipment"], [], [],
         "Admitted with an infected pressure sore. The admission added to the accommodation request; discharge "
         "planner told the motel ends 12/31; the unit must fit a hospital bed and a pressure mattress."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("homelessness", "high")],
    "eligibility": [("housing-voucher-extension-accommodation", True, None, "He is disabled.")],
    "goals": [("homelessness", "Hung finds a flat.", "housed", "2027-03-31")],
    "actions": [("Keep looking for flats", "case-manager", None)],
    "referrals": [("lantern-house-adult-shelter", "homelessness")],
    "rights": ["appeal-denial-with-notice"],
    "info": [],
    "delegations": [("shelter-beds", "community-health-worker")],
    "meeting": ("2026-12-09", ["Nguyen Thi Mai"], "Flats"),
    "note": "The voucher is running out. They will keep looking; shelter beds as a back-up.",
    "revisions": [
        ("hospital-admission", [], [], [], "In hospital."),
        ("insurance-settlement", [], [], [], "Insurance paid."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "health-coverage-gap"],
)

SYNONYMS = {
    "undiagnosed-medical-symptoms": ["home-health-skilled-care", "chronic-disease-management"],
    "homelessness": ["housing-eviction-risk", "shelter-placement-at-risk"],
    "home-accessibility": ["supported-living-placement"],
}

VAGUE = {
    "*": ("Hung and Mai will be supported in a person-centred way to find stability and a home that suits them, "
          "with every service working together in partnership.",
          "Hung and Mai feel that things are going generally better."),
    "undiagnosed-medical-symptoms": (
        "Hung's health and wellbeing will be looked after appropriately and sensitively by the relevant "
        "professionals as the family wishes.",
        "Hung feels better."),
}
