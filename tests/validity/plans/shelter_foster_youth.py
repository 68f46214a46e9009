"""Malik, 18, deciding about extended foster care: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in
the group home's medication log and shift notes: the levetiracetam refill refused on June 17 for
"coverage inactive", half doses on June 18 and 19, none left on June 20, and on June 19 Malik found
on the bathroom floor, confused for ten minutes, with blood on his lip and wet clothes, which he
called fainting. Read with the neurologist's warning about missed doses, it is a seizure from a
medication gap, in a young man who drives his friend's car to work.
"""

from write_plans import with_changes

CRITICAL = ["medication-access"]

CASE = "treatment-youth-ageing-out-of-foster-care"

ATTENDEES = ["Malik Okonkwo-Davis", "Monica Feld", "Andre Whitley", "transition case manager"]

FLAGS = [
    ("foster-care-history", "inconsistent", "Says No; he was in foster care and on Medicaid on his 18th birthday."),
    ("living-situation", "inconsistent", "He lives at Cedar Path; renting with Trey is only a plan."),
    ("identity-document", "missing", "Blank; the agency holds his birth certificate and Social Security card."),
]

ELIGIBILITY = [
    ("extended-foster-care", True, "condition", "In care at 18, under the upper age, and working (college from 08/24)."),
    ("former-foster-youth-coverage", True, "in-care-at-18", "In care and on Medicaid at 18: no income test."),
    ("state-health-coverage-adults", False, "adult-age", "He is 18, under 19; wages of $1,989 are also over $1,835.40."),
]

NOTE = (
    "06/22 met Malik at Cedar Path. MEDICAL FIRST: the medication log shows the levetiracetam refill refused "
    "06/17 (coverage inactive), half doses 06/18-19 and none since 06/20; on 06/19 staff found him on the "
    "bathroom floor, confused for ten minutes, bitten lip, wet clothes: that is a seizure, his first in three "
    "years, not fainting. Emergency supply from the pharmacist today; staff seizure plan; urgent call to Dr. "
    "Kim and adult neurology booked. He drove Trey's car on 06/21: agreed with him no driving until his doctor "
    "clears him; bus pass for work. Coverage: closed at 18 on the adult income test because he answered No to "
    "the foster care question; he was in care and on Medicaid at 18, so former foster youth coverage applies "
    "with no income test. Renewal corrected today. Extended care: he qualifies (in care at 18, working, "
    "college from August); explained it is his choice by 07/9, with a supervised apartment and Trey's room to "
    "compare. Agency to hand over his birth certificate and Social Security card; college sent the agency's "
    "letter for independent-student aid. Next contact 06/24."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("medication-access", "critical"),
        ("health-coverage-gap", "immediate"),
        ("transportation", "high"),
        ("shelter-placement-at-risk", "high"),
        ("identity-documents", "moderate"),
        ("benefits-enrollment", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("medication-access", "Malik takes every dose of levetiracetam from today, with a seizure plan",
         "emergency supply 06/22; log complete; adult neurology appointment by 07/10", "2026-07-10"),
        ("health-coverage-gap", "Former foster youth coverage is restored", "active at the pharmacy by 06/26",
         "2026-06-26"),
        ("transportation", "Malik gets to work without driving", "bus pass 06/22; no driving", "2026-06-22"),
        ("shelter-placement-at-risk", "Malik makes his own choice about extended care",
         "both homes seen and a written decision by the 07/09 review", "2026-07-09"),
        ("identity-documents", "Malik has his documents", "birth certificate and card in hand by 07/01",
         "2026-07-01"),
        ("benefits-enrollment", "His college aid is awarded", "agency letter sent by 06/26; award by 08/01",
         "2026-08-01"),
    ],
    "actions": [
        ("Emergency levetiracetam supply", "pharmacist", "2026-06-22"),
        ("Seizure plan for staff and adult neurology", "registered-nurse", "2026-06-23"),
        ("No driving talk and bus pass", "social-worker", "2026-06-22"),
        ("Correct the renewal as former foster youth coverage", "benefits-specialist", "2026-06-22"),
        ("Extended care choice and housing visits", "social-worker", "2026-07-08"),
        ("Documents handed over", "social-worker", "2026-07-01"),
        ("College letter", "administrative-assistant", "2026-06-26"),
    ],
    "referrals": [
        ("benefits-bridge-enrollment", "health-coverage-gap"),
        ("go-harbor-reduced-fare-pass", "transportation"),
        ("fresh-slate-id-clinic", "identity-documents"),
    ],
    "rights": ["participate-in-own-plan", "consent-to-share-information", "confidentiality-and-limits",
               "refuse-treatment"],
    "info": [
        ("group-home-staff", "What was seen on 06/19; every dose since 06/14; any driving"),
        ("caseworker", "Same-day coverage fix; the extended care agreement and apartments; his documents"),
        ("neurology", "Urgent review of the missed doses and the seizure; bridge prescription"),
        ("college", "What the independent-student form needs"),
    ],
    "delegations": [
        ("emergency-supply", "pharmacist"),
        ("no-driving", "social-worker"),
        ("seizure-plan", "registered-nurse"),
        ("coverage-fix", "benefits-specialist"),
        ("extended-care-talk", "social-worker"),
        ("housing-options", "social-worker"),
        ("documents", "social-worker"),
        ("college-aid", "administrative-assistant"),
    ],
    "meeting": ("2026-06-23", ATTENDEES, "His medicine and seizure plan, coverage, and his extended care choice"),
    "note": NOTE,
    "revisions": [
        ("seizure-on-the-lawn", [], [], [],
         "Second seizure in five days from the missed doses. Coverage restored today so there is no gap after "
         "the three-day supply; urgent neurology call. No driving: a ride to work or rest today. He asked that "
         "his caseworker not be told: respected his wish as an adult, explained why she needs to know for his "
         "coverage and placement, and he gave consent."),
        ("signs-extended-care", [], [], ["extended-foster-care", "state-health-coverage-adults"],
         "Signed the agreement; extended care still met, now on the college condition. Adult coverage still not "
         "met (under 19); former foster youth coverage continues with no income test. Seizure plan, refills and "
         "neurology carried to the new apartment."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0]],
    "needs": [
        ("medication-access", "critical"),
        ("health-coverage-gap", "immediate"),
        ("shelter-placement-at-risk", "high"),
    ],
    "eligibility": [
        ("extended-foster-care", True, "condition", "He works."),
        ("former-foster-youth-coverage", True, "in-care-at-18", "In care at 18."),
    ],
    "goals": [
        ("medication-access", "Malik gets his seizure medicine", "refilled", "2026-06-23"),
        ("health-coverage-gap", "Coverage restored", "coverage", "2026-06-30"),
        ("shelter-placement-at-risk", "Malik decides about extended care", "decision", "2026-07-09"),
    ],
    "actions": [("Get his medicine refilled", "registered-nurse", "2026-06-22")],
    "referrals": [("benefits-bridge-enrollment", "health-coverage-gap")],
    "rights": ["participate-in-own-plan", "consent-to-share-information"],
    "info": [("caseworker", "Coverage fix")],
    "delegations": [
        ("emergency-supply", "pharmacist"),
        ("coverage-fix", "benefits-specialist"),
        ("extended-care-talk", "social-worker"),
    ],
    "meeting": ("2026-06-23", ["Malik Okonkwo-Davis", "Monica Feld"], "Medicine and extended care"),
    "note": (
        "Malik ran out of levetiracetam on 06/20 and the 06/19 episode sounds like a seizure. Emergency supply. "
        "Coverage wrongly closed; renewal to be fixed. Extended care is his choice by 07/09."
    ),
    "revisions": [
        ("seizure-on-the-lawn", [], [], [], "Another seizure. Coverage to be fixed."),
        ("signs-extended-care", [], [], ["extended-foster-care"], "Signed; in college from August."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    needs=[n for n in EXCELLENT["needs"] if n[0] not in {"medication-access", "transportation"}],
    goals=[g for g in EXCELLENT["goals"] if g[0] not in {"medication-access", "transportation"}],
    actions=[a for a in EXCELLENT["actions"]
             if "levetiracetam" not in a[0] and "Seizure" not in a[0] and "driving" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "transportation"],
    rights=[r for r in EXCELLENT["rights"] if r != "refuse-treatment"],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"group-home-staff", "neurology"}],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] not in {"emergency-supply", "seizure-plan", "no-driving"}],
    meeting=("2026-06-23", ATTENDEES, "Coverage, and his extended care choice"),
    note=(
        "06/22 met Malik at Cedar Path. Coverage: closed at 18 on the adult income test because he answered No "
        "to the foster care question; he was in care and on Medicaid at 18, so former foster youth coverage "
        "applies with no income test. Renewal corrected today. Extended care: he qualifies (in care at 18, "
        "working, college from August); explained it is his choice by 07/09, with a supervised apartment and "
        "Trey's room to compare. Agency to hand over his birth certificate and Social Security card; college "
        "sent the agency's letter for independent-student aid. He says he is tired a lot. Next contact 06/29."
    ),
    revisions=[
        ("seizure-on-the-lawn", ["medication-access"], [], [],
         "Seizure this morning; he is epileptic. Medicine and neurology to be sorted with the nurse; coverage "
         "fixed today. Asked his consent to tell the caseworker."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("shelter-placement-at-risk", "high"), ("identity-documents", "moderate")],
    "eligibility": [("state-health-coverage-adults", False, "income", "Wages too high.")],
    "goals": [
        ("shelter-placement-at-risk", "Malik will find housing.", "housing", "2026-07-09"),
        ("identity-documents", "Malik will get his papers.", "papers", "2026-07-09"),
    ],
    "actions": [("Remind Malik of the July 9 hearing", "case-manager", None)],
    "referrals": [("fresh-slate-id-clinic", "identity-documents")],
    "rights": ["participate-in-own-plan"],
    "info": [],
    "delegations": [("guardianship", "social-worker")],
    "meeting": ("2026-06-22", ["Malik Okonkwo-Davis"], "Transition"),
    "note": "Malik turned 18 and wants to leave care. Hearing on 07/09.",
    "revisions": [
        ("seizure-on-the-lawn", [], [], [], "Went to hospital."),
        ("signs-extended-care", [], [], [], "Signed."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=[g for g in EXCELLENT["goals"] if g[0] != "identity-documents"] + [
        ("identity-documents", "The caseworker hands Malik his birth certificate and Social Security card",
         "signed receipt by 07/01", "2026-07-01"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "identity-documents"],
)

SYNONYMS = {
    "medication-access": ["undiagnosed-medical-symptoms"],
    "health-coverage-gap": ["coverage-denial"],
    "shelter-placement-at-risk": ["housing-eviction-risk"],
}

VAGUE = {
    "*": ("Malik will be empowered to take the next step into adulthood with the support of a caring team that "
          "believes in his potential and walks alongside him.",
          "Malik feels ready for adulthood."),
    "medication-access": (
        "Malik's health will be supported so that he can take ownership of his wellbeing as a young adult, "
        "with encouragement to look after himself.",
        "Malik feels healthy."),
}
