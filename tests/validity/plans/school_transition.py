"""Andre, 18, planning the move from school to adult services: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is split
between the job coach's note, which says a man called Kyle takes Andre's debit card on paydays,
and the October statement his mother brought for the benefits forms: $1,150 in ATM withdrawals in
the small hours and a phone contract opened on his birthday. The teacher adds that Kyle is
"getting us an apartment" that Andre, now 18, is to sign.
"""

from write_plans import with_changes

CASE = "school-senior-transition-to-adult-services"

CRITICAL = ["abuse-neglect-exploitation"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

ATTENDEES = ["Andre Whitlock", "Sharon Whitlock", "Ruth Okonjo", "Darnell Price", "transition case manager"]

FLAGS = [
    ("money-help", "missing",
     "Blank, but the job coach sees Kyle take Andre's card every payday."),
    ("who-signs", "inconsistent",
     "Names his mother, but Andre is 18 with no guardian: he signs for himself."),
    ("consent-to-share", "inconsistent",
     "Signed by Sharon; the consent is Andre's to give now."),
    ("student-income", "inconsistent",
     "'$0', but his pay stubs show about $640 a month from Hollis Market."),
]

ELIGIBILITY = [
    ("vocational-rehabilitation-eligibility", True, "impediment",
     "His disability stands in the way of work without support, and he needs job coaching: eligible."),
    ("medicaid-aged-disabled", True, "resources",
     "Disabled, so the age test is waived; his own $640 a month is under $1,330 and his own $1,350 under "
     "$2,000. His mother's income does not count."),
    ("kids-health-coverage", True, "child-age",
     "Still 18, and the household's $4,540 is under $5,691.67 for 3; ends at 19."),
]

NOTE = (
    "11/23 transition meeting; Andre invited his mother. FIRST: the job coach has seen Kyle take Andre's debit "
    "card on paydays since October; the October statement shows $1,150 in ATM withdrawals between 11 p.m. and 3 "
    "a.m. and a 24-month Bayline phone contract opened on his birthday, and Andre told his class Kyle is getting "
    "them an apartment that he has to sign. Talked with Andre alone: he agreed to call the credit union with me "
    "today; card cancelled and withdrawals disputed. Reported to Adult Protective Services today (told Andre "
    "first; this is a limit of confidentiality). Plan for paydays: direct deposit stays, new card kept by Andre, "
    "sign nothing without talking to Ms. Okonjo or his mother. Andre turned 18 on 10/14: the IEP rights are his, "
    "he signs the IEP and consents; consent to share re-signed by Andre. Sharon asked about guardianship; Andre "
    "wants to decide for himself: meeting on supported decision-making and the Disability Rights Project. "
    "Vocational rehabilitation referral signed by Andre (eligible). Adult disability coverage in his own name: "
    "$640 and $1,350 are under the limits; Kids Health Coverage ends at 19. Review 12/07."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("abuse-neglect-exploitation", "critical"),
        ("decision-making-support", "high"),
        ("benefits-enrollment", "high"),
        ("employment-search", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("abuse-neglect-exploitation",
         "The case manager reports the financial exploitation to APS today and Andre calls the credit union to "
         "cancel the card and dispute the withdrawals",
         "APS report number and dispute filed on 11/23", "2026-11-23"),
        ("decision-making-support",
         "Andre and his mother meet about supported decision-making, and Andre chooses who helps him with money",
         "meeting held by 12/07; supported decision-making agreement signed by Andre", "2026-12-07"),
        ("benefits-enrollment",
         "Andre applies in his own name for adult disability coverage with the benefits specialist",
         "application submitted by 12/04", "2026-12-04"),
        ("employment-search",
         "Andre signs his vocational rehabilitation referral and meets a counselor",
         "referral signed 11/23; first appointment attended by 01/15", "2027-01-15"),
    ],
    "actions": [
        ("Report suspected financial exploitation to Adult Protective Services", "social-worker", "2026-11-23"),
        ("Call the credit union with Andre: cancel the card, dispute the withdrawals", "social-worker",
         "2026-11-23"),
        ("Private talk with Andre about Kyle and a payday plan", "social-worker", "2026-11-23"),
        ("Supported decision-making meeting with Andre and Sharon", "social-worker", "2026-12-07"),
        ("Vocational rehabilitation referral signed by Andre", "special-education-teacher", "2026-11-23"),
        ("Adult disability coverage application in Andre's name", "benefits-specialist", "2026-12-04"),
        ("Andre's own consent to share signed", "special-education-teacher", "2026-11-23"),
    ],
    "referrals": [
        ("harbor-disability-rights-project", "abuse-neglect-exploitation"),
        ("harbor-disability-rights-project", "decision-making-support"),
        ("harbor-vocational-rehabilitation", "employment-search"),
        ("benefits-bridge-enrollment", "benefits-enrollment"),
    ],
    "rights": [
        "rights-transfer-at-majority",
        "confidentiality-and-limits",
        "participate-in-own-plan",
        "consent-to-share-information",
        "iep-meeting-and-advocate",
    ],
    "info": [
        ("credit-union", "With Andre's consent: card cancelled, dispute form, and the phone contract"),
        ("job-coach", "The paydays Kyle came to the store and what he said"),
        ("teacher", "What Andre said about the apartment, and the lunchtime absences"),
        ("school-psychologist", "Adaptive skills results for the decision-making options"),
    ],
    "delegations": [
        ("aps-report", "social-worker"),
        ("bank-call", "social-worker"),
        ("safety-talk", "social-worker"),
        ("vr-referral", "special-education-teacher"),
        ("coverage-application", "benefits-specialist"),
        ("decision-options", "social-worker"),
        ("andre-consent", "special-education-teacher"),
    ],
    "meeting": ("2026-11-23", ATTENDEES, "Andre's money and safety, his rights at 18, decisions, work, coverage"),
    "note": NOTE,
    "revisions": [
        ("guardianship-petition", [], [], [],
         "Sharon filed for full guardianship; Andre does not want it and asked for a lawyer: referred him to the "
         "Disability Rights Project for his own counsel. With his consent, the school tells the court investigator "
         "that he manages routines, has stopped seeing Kyle and needs help only with money and contracts, and puts "
         "supported decision-making and a trusted person on his account as less restrictive options. Andre's "
         "wishes recorded in his words."),
        ("refund", [], [], ["medicaid-aged-disabled"],
         "Refund of $1,150: balance $2,500, over the $2,000 resource limit, so adult coverage is not eligible on "
         "today's balance. Do not spend it in a hurry: open an ABLE account with Andre, which the program does not "
         "count, and report the balance honestly to the coverage office."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[1]],
    "needs": [
        ("abuse-neglect-exploitation", "critical"),
        ("employment-search", "moderate"),
    ],
    "eligibility": [
        ("vocational-rehabilitation-eligibility", True, "impediment", "He has a disability."),
        ("medicaid-aged-disabled", False, "income", "Household income is too high."),
    ],
    "goals": [
        ("abuse-neglect-exploitation", "Andre's money is safe", "APS report made 11/23", "2026-11-23"),
        ("employment-search", "Andre gets a job plan", "he has a plan", "2027-01-31"),
    ],
    "actions": [
        ("APS report", "social-worker", "2026-11-23"),
        ("VR referral", "special-education-teacher", "2026-11-30"),
    ],
    "referrals": [("harbor-vocational-rehabilitation", "employment-search")],
    "rights": ["confidentiality-and-limits"],
    "info": [("credit-union", "Cancel the card")],
    "delegations": [
        ("aps-report", "social-worker"),
        ("vr-referral", "special-education-teacher"),
        ("mother-signs-iep", "administrative-assistant"),
    ],
    "meeting": ("2026-11-23", ["Sharon Whitlock", "Ruth Okonjo", "transition case manager"], "Transition IEP"),
    "note": "Kyle has been taking Andre's card and money; APS report today. VR referral.",
    "revisions": [
        ("guardianship-petition", [], [], [], "Mother filed for guardianship. Andre disagrees."),
        ("refund", [], [], ["medicaid-aged-disabled"], "Refund received; over the resource limit."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] != "money-help"],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "abuse-neglect-exploitation"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "abuse-neglect-exploitation"],
    actions=[a for a in EXCELLENT["actions"]
             if not a[0].startswith(("Report suspected", "Call the credit union", "Private talk"))],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "abuse-neglect-exploitation"],
    rights=[r for r in EXCELLENT["rights"] if r != "confidentiality-and-limits"],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"credit-union", "job-coach", "teacher"}] + [
        ("job-coach", "The manager's offer of 20 hours and what support he needs to keep it"),
    ],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] not in {"aps-report", "bank-call", "safety-talk"}],
    meeting=("2026-11-23", ATTENDEES, "Andre's rights at 18, decisions, work, coverage"),
    note=(
        "11/23 transition meeting; Andre invited his mother. Andre turned 18 on 10/14: the IEP rights are his, he "
        "signs the IEP and consents; consent to share re-signed by Andre. Sharon asked about guardianship; Andre "
        "wants to decide for himself: meeting on supported decision-making and the Disability Rights Project. "
        "Vocational rehabilitation referral signed by Andre (eligible); Hollis Market offers 20 hours after the "
        "school year. Adult disability coverage in his own name: $640 and $1,350 are under the limits; Kids Health "
        "Coverage ends at 19. Review 12/07."
    ),
    revisions=[
        ("guardianship-petition", [], [], [],
         "Sharon filed for full guardianship; Andre does not want it and asked for a lawyer: referred him to the "
         "Disability Rights Project for his own counsel. Supported decision-making put to the court investigator "
         "as a less restrictive option; Andre's wishes recorded in his words."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("employment-search", "moderate")],
    "eligibility": [("kids-health-coverage", True, None, "He has coverage.")],
    "goals": [("employment-search", "Andre will get a job.", "job", "2027-06-30")],
    "actions": [("Transition IEP", "case-manager", None)],
    "referrals": [("harbor-workforce-center", "employment-search")],
    "rights": ["iep-meeting-and-advocate"],
    "info": [],
    "delegations": [("mother-signs-iep", "administrative-assistant")],
    "meeting": ("2026-11-23", ["Sharon Whitlock"], "IEP"),
    "note": "Andre is 18 and needs a transition plan. Mother wants guardianship.",
    "revisions": [
        ("guardianship-petition", [], [], [], "Guardianship filed."),
        ("refund", [], [], [], "Money refunded."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    referrals=[r for r in EXCELLENT["referrals"] if r[0] != "benefits-bridge-enrollment"],
)

SYNONYMS = {
    "abuse-neglect-exploitation": ["domestic-violence", "criminal-legal-involvement"],
    "employment-search": ["vocational-retraining", "return-to-work"],
}

VAGUE = {
    "*": ("Andre will be supported in a holistic, person-centred way as he moves into adult life, so that he can "
          "feel confident and independent.",
          "Andre and his family feel things are going generally better."),
    "abuse-neglect-exploitation": (
        "Andre's finances and relationships will be looked at sensitively and appropriately by the relevant "
        "people, with the family kept informed as needed.",
        "Staff are less worried about Andre."),
}
