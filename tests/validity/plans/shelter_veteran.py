"""Walter, a 74-year-old Army veteran with an eviction notice: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is why
the rent stopped. The credit union's letter records a second debit card ordered by phone on
February 20, the rent transfer cancelled online on February 26, night-time casino withdrawals
and $1,850 in transfers to another member; the senior center nurse records that Kyle keeps his
card and online banking and goes out most nights, and that Walter skips dinner at month's end.
Read with the landlord's note (the nephew asked to be put on the lease) and the form Kyle filled
in, it is financial exploitation, still going on.
"""

from write_plans import with_changes

CRITICAL = ["abuse-neglect-exploitation"]

CASE = "treatment-veteran-facing-eviction"

ATTENDEES = ["Walter Brzezinski", "Patricia Lund, RN", "Gail Thornton", "veterans outreach case manager"]

FLAGS = [
    ("discharge", "inconsistent", "Says other than honorable; the DD-214 says Honorable."),
    ("monthly-income", "inconsistent", "Says $900; Social Security is $1,410 a month."),
    ("rent", "inconsistent", "Says $0; he pays $780 at Willow Terrace."),
    ("living-situation", "inconsistent", "Says with family; he lives alone."),
    ("mailing-address", "inconsistent", "Kyle's address: Walter's letters would go to the nephew."),
    ("representative", "inconsistent", "Kyle named as money manager; no one is appointed and Walter has capacity."),
]

ELIGIBILITY = [
    ("va-health-care-enrollment", True, "discharge-character", "DD-214: active duty 1971-73, Honorable."),
    ("county-food-assistance", True, "net-income",
     "Over 60, net test only: $1,410 - $209 - excess shelter $179.50 = $1,021.50, under $1,305."),
]

NOTE = (
    "06/08 met Walter at the senior center, alone, in the quiet office (hearing aids broken). WHY THE RENT "
    "STOPPED: the credit union letter shows a second debit card ordered by phone 02/20, the rent transfer "
    "cancelled online 02/26, 14 casino ATM withdrawals between 1 and 3 a.m. and $1,850 transferred to another "
    "member; he told the nurse Kyle keeps his card and online banking; Kyle asked the landlord to add him to "
    "the lease and put himself on the form as money manager with his own address. Walter has capacity (Dr. "
    "Oduya). He chose today to go to the credit union with me: second card cancelled, password changed, rent "
    "transfer restored; with his agreement a report to the Elder Justice Hotline. Eviction: $3,120 due 06/11; "
    "Riverbend tenant clinic tomorrow; arrears help applied for and the landlord asked to hold. Form "
    "corrected with Walter: Honorable discharge (DD-214), $1,410, $780 rent, his own address, no "
    "representative. VA health care: may enroll, service officer filing; hearing test after. Food assistance: "
    "eligible on the net test; application today. Next contact 06/10."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("abuse-neglect-exploitation", "critical"),
        ("housing-eviction-risk", "immediate"),
        ("food-insecurity", "high"),
        ("sensory-impairment", "moderate"),
        ("benefits-enrollment", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("abuse-neglect-exploitation", "Walter's money is his again and the exploitation is reported, as he decides",
         "second card cancelled, password changed and rent transfer restored 06/08; hotline report number",
         "2026-06-09"),
        ("housing-eviction-risk", "No eviction is filed", "written arrears commitment to the landlord by 06/11",
         "2026-06-11"),
        ("food-insecurity", "Walter eats dinner every day", "food assistance approved by 07/08; pantry meanwhile",
         "2026-07-08"),
        ("sensory-impairment", "Walter hears again", "VA hearing test by 07/15", "2026-07-15"),
        ("benefits-enrollment", "Walter is enrolled in VA health care", "enrollment letter by 06/30", "2026-06-30"),
    ],
    "actions": [
        ("Go with Walter to the credit union: cancel the card, change the password, restore the transfer",
         "social-worker", "2026-06-08"),
        ("Report to the Elder Justice Hotline with Walter", "social-worker", "2026-06-08"),
        ("Tenant legal clinic visit", "community-health-worker", "2026-06-09"),
        ("Arrears help application and landlord letter", "benefits-specialist", "2026-06-10"),
        ("VA enrollment with the DD-214", "benefits-specialist", "2026-06-12"),
        ("Food assistance application", "benefits-specialist", "2026-06-08"),
    ],
    "referrals": [
        ("harbor-elder-justice-hotline", "abuse-neglect-exploitation"),
        ("riverbend-tenant-legal-clinic", "housing-eviction-risk"),
        ("greenway-community-food-pantry", "food-insecurity"),
        ("benefits-bridge-enrollment", "benefits-enrollment"),
    ],
    "rights": ["confidentiality-and-limits", "consent-to-share-information", "participate-in-own-plan",
               "provide-accurate-information", "accessible-formats"],
    "info": [
        ("credit-union", "Who ordered the card and cancelled the transfer; where the $1,850 went; freeze the card"),
        ("landlord", "Can filing wait for the arrears fund"),
        ("senior-center-nurse", "His exact words about Kyle and the card"),
        ("service-officer", "VA enrollment and hearing care"),
        ("primary-care", "Capacity letter for the credit union and court"),
    ],
    "delegations": [
        ("exploitation-report", "social-worker"),
        ("secure-accounts", "social-worker"),
        ("tenant-legal", "community-health-worker"),
        ("arrears-help", "benefits-specialist"),
        ("va-enrollment", "benefits-specialist"),
        ("hearing-test", "administrative-assistant"),
        ("food-application", "benefits-specialist"),
        ("correct-form", "benefits-specialist"),
    ],
    "meeting": ("2026-06-08", ATTENDEES, "Walter's money and rent, his choices, VA enrollment and food"),
    "note": NOTE,
    "revisions": [
        ("kyle-calls", [], ["harbor-elder-justice-hotline"], [],
         "Kyle has no authority; nothing shared with him without Walter's consent. Saw Walter alone: his "
         "choice is no police for now, but a report protects him and need not mean police, and he agreed to the "
         "hotline investigator. Card frozen today after last night's $400 withdrawal. Landlord given the "
         "arrears fund's written commitment and the legal clinic's letter before the 06/12 filing."),
        ("moves-to-liberty-row", [], ["liberty-row-veterans-housing"], ["county-food-assistance"],
         "Moving to Liberty Row at $420. Report the change within 10 days; food assistance redetermined, still "
         "eligible with no excess shelter deduction. New address to Social Security, the VA and the credit union "
         "only; direct deposit checked. VA hearing care continues."),
    ],
}

COMPETENT = {
    "flags": [f for f in FLAGS if f[0] in {"discharge", "monthly-income", "rent"}],
    "needs": [
        ("abuse-neglect-exploitation", "critical"),
        ("housing-eviction-risk", "immediate"),
        ("benefits-enrollment", "moderate"),
    ],
    "eligibility": [
        ("va-health-care-enrollment", True, "discharge-character", "Honorable on the DD-214."),
        ("county-food-assistance", True, "gross-income", "Income $1,410."),
    ],
    "goals": [
        ("abuse-neglect-exploitation", "Walter's money is protected", "report made", "2026-06-10"),
        ("housing-eviction-risk", "Walter keeps his apartment", "no eviction", "2026-06-30"),
        ("benefits-enrollment", "Walter enrolls in VA care", "enrolled", "2026-07-31"),
    ],
    "actions": [("Report the bank activity", "social-worker", "2026-06-09")],
    "referrals": [
        ("harbor-elder-justice-hotline", "abuse-neglect-exploitation"),
        ("riverbend-tenant-legal-clinic", "housing-eviction-risk"),
    ],
    "rights": ["confidentiality-and-limits", "consent-to-share-information"],
    "info": [("credit-union", "The account activity")],
    "delegations": [
        ("exploitation-report", "social-worker"),
        ("tenant-legal", "community-health-worker"),
        ("va-enrollment", "benefits-specialist"),
    ],
    "meeting": ("2026-06-08", ["Walter Brzezinski", "Gail Thornton"], "Rent and VA"),
    "note": (
        "Walter's rent transfer was cancelled and there are casino withdrawals; Kyle has his card. Reported to "
        "the elder justice hotline. Tenant clinic for the eviction. VA enrollment with the DD-214."
    ),
    "revisions": [
        ("kyle-calls", [], [], [], "Kyle angry. Card to be frozen."),
        ("moves-to-liberty-row", [], [], ["county-food-assistance"], "Moving to Liberty Row."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] not in {"mailing-address", "representative"}],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "abuse-neglect-exploitation"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "abuse-neglect-exploitation"],
    actions=[a for a in EXCELLENT["actions"] if "credit union" not in a[0] and "Hotline" not in a[0]] + [
        ("Ask the credit union to set up the rent transfer again", "community-health-worker", "2026-06-10"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "abuse-neglect-exploitation"],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"credit-union", "senior-center-nurse"}],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] not in {"exploitation-report", "secure-accounts"}],
    meeting=("2026-06-08", ATTENDEES, "Walter's rent, VA enrollment and food"),
    note=(
        "06/08 met Walter at the senior center in the quiet office (hearing aids broken). Eviction: $3,120 due "
        "06/11 after the automatic rent transfer stopped in February; Riverbend tenant clinic tomorrow; arrears "
        "help applied for and the landlord asked to hold; transfer to be set up again. His nephew Kyle helps him "
        "since the stroke. Form corrected with Walter: Honorable discharge (DD-214), $1,410, $780 rent. VA "
        "health care: may enroll, service officer filing; hearing test after. Food assistance: eligible on the "
        "net test; application today. Next contact 06/10."
    ),
    revisions=[
        ("kyle-calls", ["abuse-neglect-exploitation"], ["harbor-elder-justice-hotline"], [],
         "Kyle called angry and the credit union reports casino withdrawals: asked Walter alone what he wants; "
         "report to the hotline; card frozen. Landlord given the arrears commitment before 06/12."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("housing-eviction-risk", "high"), ("benefits-enrollment", "moderate")],
    "eligibility": [("va-health-care-enrollment", False, "discharge-character", "Form says other than honorable.")],
    "goals": [
        ("housing-eviction-risk", "Walter will pay his rent.", "rent paid", "2026-07-01"),
        ("benefits-enrollment", "Walter will get benefits.", "benefits", "2026-07-31"),
    ],
    "actions": [("Give Walter the legal clinic number", "case-manager", None)],
    "referrals": [("riverbend-tenant-legal-clinic", "housing-eviction-risk")],
    "rights": ["provide-accurate-information"],
    "info": [],
    "delegations": [("capacity-evaluation", "social-worker")],
    "meeting": ("2026-06-08", ["Walter Brzezinski"], "Rent"),
    "note": "Walter is behind on rent. Referred to legal clinic.",
    "revisions": [
        ("kyle-calls", [], [], [], "Nephew called."),
        ("moves-to-liberty-row", [], [], [], "Moving."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=[g for g in EXCELLENT["goals"] if g[0] != "benefits-enrollment"] + [
        ("benefits-enrollment", "The outreach office's benefits specialist files the VA enrollment with the DD-214",
         "enrollment letter by 06/30", "2026-06-30"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "benefits-enrollment"],
)

SYNONYMS = {
    "abuse-neglect-exploitation": ["domestic-violence", "income-loss"],
    "housing-eviction-risk": ["shelter-placement-at-risk"],
    "benefits-enrollment": ["health-coverage-gap"],
}

VAGUE = {
    "*": ("Walter will be supported with dignity and respect as a veteran, with partners working together so he "
          "can continue to live well in the community.",
          "Walter feels more secure."),
    "abuse-neglect-exploitation": (
        "Walter's finances and relationships will be looked at sensitively, and he will be helped to feel more "
        "in control of his affairs in a way that respects his family.",
        "Walter feels his money is safer."),
}
