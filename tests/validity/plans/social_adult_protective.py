"""Dorothy, 84, reported to adult protective services by her bank: the validity plans.

Written from the case file and the catalogues only. The report is about money and bruises; the
finding that decides the case is in the pharmacy record (both warfarin strengths filled in
November after a dose cut, naproxen added), the anticoagulation clinic's attendance (no blood
test since a high level in September) and the meal driver's note (dizziness, a nosebleed that
would not stop, stools "black like tar"). The bruises are bleeding from too much blood thinner,
and she is bleeding from the stomach now.
"""

from write_plans import with_changes

CASE = "social-services-adult-protective-referral-bank-report"

CRITICAL = ["medication-safety"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

ATTENDEES = ["Dorothy Kowalski", "caseworker"]

FLAGS = [
    ("reported-harm", "inconsistent",
     "Bruises recorded as physical abuse; the pharmacy and clinic records point to too much warfarin."),
    ("savings", "inconsistent", "About $18,000 on the form; the bank shows $1,400 left after $16,600 withdrawn."),
    ("medicines", "inconsistent",
     "'Once a day' hides warfarin 5 mg and 2.5 mg both filled in November, and naproxen since 11/20."),
    ("caregiver", "inconsistent",
     "Not a full-time caregiver: three clinic visits missed for want of a ride; never home on meal days."),
    ("communication", "inconsistent", "Moderate hearing loss (Dr. Patel); she follows face to face."),
    ("capacity-concern", "inconsistent",
     "Hearing, not confusion: screen 26/30, manages her bills, gives clear reasons today."),
]

ELIGIBILITY = [
    ("adult-protective-services-eligibility", True, "maltreatment-reported",
     "84, and the report describes financial exploitation: APS must investigate."),
    ("adult-protective-services-voluntary", True, "consents",
     "She agrees to help with money and appointments, so services may go ahead with her consent; no court."),
]

NOTE = (
    "12/10 first visit at home, Tyler out. SAFETY FIRST: the pharmacy filled both warfarin 5 mg and 2.5 mg in "
    "November after Dr. Ellison cut the dose for an INR of 3.9; naproxen added 11/20; no INR since 09/28 (three "
    "missed visits, no ride). The meal driver records dizziness, a long nosebleed, pallor and stools 'black like "
    "tar'. The bruises fit too much blood thinner and she may be bleeding from the stomach: 911 called with her "
    "agreement and she went to the Harbor General emergency department; the anticoagulation clinic told; Mr. "
    "Okafor to check every bottle at home and cancel the 5 mg. MONEY: $16,600 of $18,000 withdrawn by Tyler as "
    "joint owner since 09/09. Dorothy wants it stopped but not Tyler arrested or put out; with her consent the bank "
    "is asked to limit his access and alert; Graylock Elder Law for the account; police report only if she "
    "agrees. CAPACITY: she knows her income, bills and what he took and gives reasons; what the bank saw was her "
    "hearing loss. APS must investigate (84, exploitation); services go ahead with her consent. Told her what "
    "stays confidential and its limits, and that she may refuse or stop at any time. Senior Ride for her blood "
    "tests. Next contact 12/11 at the hospital."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("medication-safety", "critical"),
        ("abuse-neglect-exploitation", "immediate"),
        ("transportation", "high"),
        ("sensory-impairment", "moderate"),
        ("advance-care-planning", "low"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("medication-safety",
         "Dorothy is seen at the emergency department today, and only one warfarin strength is in the house",
         "emergency visit on 12/10; pharmacist's check of every bottle before discharge", "2026-12-17"),
        ("abuse-neglect-exploitation",
         "With her consent the bank limits Tyler's access and she gets legal advice on the joint account",
         "bank's written confirmation by 12/11; elder law appointment attended by 12/24", "2026-12-24"),
        ("transportation",
         "Alder Falls Senior Ride takes Dorothy to every blood test",
         "ride booked for each test; missed tests in 60 days: 0", "2027-02-08"),
        ("sensory-impairment",
         "Each visit is face to face with a pocket amplifier and a written summary for Dorothy",
         "written summary left at every visit from 12/10", "2026-12-17"),
        ("advance-care-planning",
         "Dorothy names a health care agent she chooses, if she wishes",
         "form signed or her decision recorded by 01/31", "2027-01-31"),
    ],
    "actions": [
        ("Call 911 with Dorothy's agreement for the bleeding signs", "case-manager", "2026-12-10"),
        ("Tell the anticoagulation clinic and Dr. Patel", "case-manager", "2026-12-10"),
        ("Check every bottle at home, cancel the 5 mg warfarin and remove the naproxen", "pharmacist", "2026-12-15"),
        ("Ask Harbor Savings to limit Tyler's access and alert", "social-worker", "2026-12-11"),
        ("Refer to Graylock Elder Law Project", "social-worker", "2026-12-11"),
        ("Book Senior Ride for her blood tests", "community-health-worker", "2026-12-14"),
    ],
    "referrals": [
        ("harbor-general-emergency-department", "medication-safety"),
        ("graylock-elder-law-project", "abuse-neglect-exploitation"),
        ("alder-falls-senior-ride", "transportation"),
        ("graylock-elder-law-project", "advance-care-planning"),
    ],
    "rights": [
        "protective-services-consent",
        "confidentiality-and-limits",
        "consent-to-share-information",
        "participate-in-own-plan",
        "accessible-formats",
    ],
    "info": [
        ("pharmacy", "Which warfarin tablets are at home; cancel the 5 mg with Dr. Ellison"),
        ("anticoag-clinic", "Urgent INR and Dr. Ellison's advice today, given the bleeding signs"),
        ("bank", "Withdrawal records and the limits Dorothy can place on the joint account"),
        ("primary-care", "His view of her decision-making, and a health care agent"),
    ],
    "delegations": [
        ("medicine-review", "pharmacist"),
        ("bank-hold", "social-worker"),
        ("elder-law", "social-worker"),
        ("police-report", "social-worker"),
        ("senior-ride", "community-health-worker"),
        ("hearing-aids", "community-health-worker"),
    ],
    "meeting": ("2026-12-10", ATTENDEES, "The bleeding signs today, the money, what Dorothy wants"),
    "note": NOTE,
    "revisions": [
        ("hospital-admission", ["medical-follow-up"], ["northside-community-health-center"], [],
         "Stomach bleed, INR far too high, transfused. Told the hospital social worker Dorothy has capacity and "
         "asked that Tyler be told nothing about her money; he is not her caregiver. Pharmacist clears the old 5 "
         "mg warfarin and the naproxen from the house before discharge. Blood test three days after discharge "
         "booked, with Senior Ride."),
        ("consent-withdrawn", [], [], ["adult-protective-services-voluntary"],
         "She is clear and gives her reasons: her refusal is the choice of a capable adult, so services stop and "
         "the case closes at her request. The bank alert and her ride stay, as she asked. Gave her our phone "
         "number and told her she can call us to reopen at any time; February move-out noted."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[1], FLAGS[2]],
    "needs": [
        ("medication-safety", "critical"),
        ("abuse-neglect-exploitation", "immediate"),
        ("cognitive-impairment", "moderate"),
    ],
    "eligibility": [
        ("adult-protective-services-eligibility", True, "age-or-disability", "She is 84."),
        ("adult-protective-services-voluntary", True, "consents", "She agrees."),
    ],
    "goals": [
        ("medication-safety", "Dorothy's blood thinner is checked", "seen today", "2026-12-11"),
        ("abuse-neglect-exploitation", "The money stops", "bank stops Tyler", "2026-12-31"),
    ],
    "actions": [
        ("Send her to the emergency department", "case-manager", "2026-12-10"),
        ("Call the bank", "social-worker", "2026-12-11"),
    ],
    "referrals": [("graylock-elder-law-project", "abuse-neglect-exploitation")],
    "rights": ["protective-services-consent", "confidentiality-and-limits"],
    "info": [("pharmacy", "Her medicines")],
    "delegations": [
        ("medicine-review", "pharmacist"),
        ("bank-hold", "social-worker"),
        ("guardianship-petition", "social-worker"),
    ],
    "meeting": ("2026-12-10", ATTENDEES, "Visit"),
    "note": (
        "Two warfarin strengths and black stools: sent to the emergency department. Grandson took $16,600; bank to "
        "stop him. She may be confused."
    ),
    "revisions": [
        ("hospital-admission", [], [], [], "In hospital with a bleed."),
        ("consent-withdrawn", [], [], ["adult-protective-services-voluntary"], "She refuses; case closed."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=FLAGS[1:],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "medication-safety"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "medication-safety"],
    actions=[a for a in EXCELLENT["actions"] if "911" not in a[0] and "bottle" not in a[0]
             and "clinic" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "medication-safety"],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"pharmacy", "anticoag-clinic"}],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] != "medicine-review"],
    meeting=("2026-12-10", ATTENDEES, "The money, the bruises, what Dorothy wants"),
    note=(
        "12/10 first visit at home, Tyler out. MONEY: $16,600 of $18,000 withdrawn by Tyler as joint owner since "
        "09/09. Dorothy wants it stopped but not Tyler arrested or put out; with her consent the bank is asked to "
        "limit his access and alert; Graylock Elder Law for the account; police report only if she agrees. "
        "Bruises: she says she bruises easily on her blood thinner; no sign he hurts her, to be watched. CAPACITY: "
        "she knows her income, bills and what he took and gives reasons; what the bank saw was her hearing loss. "
        "APS must investigate; services with her consent. Confidentiality and her right to refuse explained. "
        "Senior Ride for her clinic visits. Next visit 12/17."
    ),
    revisions=[
        ("hospital-admission", ["medical-follow-up"], ["northside-community-health-center"], [],
         "Admitted with a bleed. Told the hospital social worker Dorothy has capacity and asked that Tyler be "
         "told nothing about her money. Blood test after discharge booked with Senior Ride."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("abuse-neglect-exploitation", "high")],
    "eligibility": [("adult-protective-services-eligibility", True, None, "Report received.")],
    "goals": [("abuse-neglect-exploitation", "Dorothy is protected.", "protected", "2027-01-31")],
    "actions": [("Investigate", "case-manager", None)],
    "referrals": [("graylock-elder-law-project", "abuse-neglect-exploitation")],
    "rights": ["confidentiality-and-limits"],
    "info": [],
    "delegations": [("guardianship-petition", "social-worker")],
    "meeting": ("2026-12-10", ["Dorothy Kowalski"], "Visit"),
    "note": "Grandson taking money and bruises seen. Guardianship to be considered.",
    "revisions": [
        ("hospital-admission", [], [], [], "In hospital."),
        ("consent-withdrawn", [], [], [], "Wants the case closed."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "medication-safety"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "medication-safety"] + [
        ("medication-safety",
         "The caseworker calls 911 today for the bleeding signs, and the pharmacist clears the old warfarin and "
         "the naproxen from the house", "emergency visit on 12/10; pharmacist's home check before discharge",
         "2026-12-17"),
    ],
)

SYNONYMS = {
    "medication-safety": ["medication-adherence", "medication-access"],
    "abuse-neglect-exploitation": ["domestic-violence", "decision-making-support"],
    "cognitive-impairment": ["decision-making-support"],
}

VAGUE = {
    "*": ("Dorothy will be supported in a person-centred, strengths-based way to remain safe and independent in "
          "her own home, with her wishes respected throughout.",
          "Dorothy feels safer and more in control."),
    "medication-safety": (
        "Dorothy's health and medicines will be looked at appropriately by the right professionals in a way "
        "that respects her independence.",
        "Dorothy feels well."),
}
