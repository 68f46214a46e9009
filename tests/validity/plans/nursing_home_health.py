"""Stan, 77, starting home health for a leg ulcer, with his grandson as his carer: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in the
pharmacy's fill history read against the nurse's note: 60 oxycodone tablets every two weeks since
November (four a day), all collected by Kyle, and 30 more on 02/06 kept in Kyle's room and never
seen, while Stan says he gets one in the morning "when Kyle brings it" and his pain is 8 of 10.
With the empty fridge, the cold house, the bank card and the savings down to $640, it is
suspected exploitation by the named carer: a report to adult protective services today.
"""

from write_plans import with_changes

CRITICAL = ["abuse-neglect-exploitation"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "nursing-home-health-leg-ulcer-lives-with-grandson"

ATTENDEES = ["Stanisław Kowalski", "Ewa Malinowska", "Daniel Reyes", "home health nurse case manager"]

FLAGS = [
    ("pain-medicine", "inconsistent",
     "'About 1 a day', but the pharmacy dispensed 60 tablets on 10/21, 11/05, 11/20, 12/05, 12/19, 01/03 and "
     "01/17 (four a day), all but the first picked up by K. Kowalski, plus 30 on 02/06 that the nurse never saw."),
    ("savings", "inconsistent",
     "About $9,000 on the form; Stan's own statement of 01/31 shows $640 after weekly cash withdrawals."),
    ("medicaid", "inconsistent",
     "'Not needed, he has savings': on his own $1,240 and $640 he qualifies."),
    ("caregiver", "inconsistent",
     "Kyle named as full-time carer, but the aide found milk, ketchup and two eggs, the heat at 58 and three "
     "men asleep in the living room; Stan asked her for bread in secret."),
    ("medicines-managed-by", "inconsistent",
     "Kyle keeps the oxycodone in his room; Stan gets one a day 'when Kyle brings it' with pain at 8/10."),
    ("emergency-contact", "inconsistent",
     "The only contact is the person the concern is about; Stan needs to name another."),
]

ELIGIBILITY = [
    ("harbor-home-health-benefit", True, "homebound",
     "Homebound (cane, rests after 40 ft, steps, wound), skilled wound care three times a week, plan of care "
     "signed by Dr. Nowak, face-to-face encounter 02/05, no hospice: covered."),
    ("medicaid-aged-disabled", True, "resources",
     "Counts Stan alone: $1,240 a month (under $1,330) and $640 in savings (under $2,000). Eligible."),
]

NOTE = (
    "02/09 home health plan of care. Stanisław (Stan) Kowalski, 77, left ankle venous ulcer 4 x 3 cm after "
    "cellulitis, home 02/06; spoke with him alone in Polish. In his words: his leg 'burns at night' and he wants "
    "to be back at Mass by Easter. Most urgent: the Millbrook pharmacy fill history shows oxycodone 60 tablets "
    "every two weeks since November, four a day, collected by Kyle, and 30 more on 02/06 that we never saw, "
    "while Stan gets one a day and has pain at 8/10. The aide found little food, the heat at 58, Kyle holding his "
    "bank card, and his savings are $640 from about $9,000. Report made to adult protective services today by "
    "our social worker; Dr. Nowak told; the pharmacy asked to release fills only to Stan; Stan chose his neighbour "
    "as second contact. Lockbox with his own key, pill counts each visit, pain plan requested. Home health "
    "covered: homebound, skilled wound care 3 times a week, plan of care, face-to-face 02/05. Coverage for older "
    "adults eligible on his own $1,240 and $640: application this week. Meals delivered from 02/12. PT toward 300 "
    "ft and the steps. Aide twice a week. Monitoring: pill counts, food in the house, weight, wound size, night "
    "pain. Next visit 02/11."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("abuse-neglect-exploitation", "critical"),
        ("chronic-pain", "immediate"),
        ("home-health-skilled-care", "immediate"),
        ("food-insecurity", "high"),
        ("mobility-rehabilitation", "high"),
        ("benefits-enrollment", "high"),
        ("adl-personal-care", "moderate"),
        ("language-interpreter", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("abuse-neglect-exploitation",
         "Stan is seen alone in Polish, the adult protective services report is made, Dr. Nowak and the pharmacy "
         "are told, and Stan names a second emergency contact",
         "talk and report documented 02/09; pharmacy pick-up restriction in place 02/10; new contact on file",
         "2026-02-10"),
        ("chronic-pain",
         "Medicines in a lockbox Stan holds the key to, counted at each visit, with Dr. Nowak's pain plan",
         "counts match at every visit; night pain 4/10 or less by 02/23", "2026-02-23"),
        ("home-health-skilled-care",
         "Ulcer dressed and wrapped three times a week, smaller at each weekly measurement",
         "weekly size; no new redness after 02/13", "2026-03-23"),
        ("food-insecurity",
         "Home-delivered meals from 02/12 and food in the house at each visit",
         "first delivery 02/12; weight up 1 kg by 03/09", "2026-03-09"),
        ("mobility-rehabilitation",
         "Stan walks 300 feet with his cane and manages the front steps with a rail",
         "distance and steps at each visit; 300 ft by 03/22", "2026-03-22"),
        ("benefits-enrollment",
         "Coverage for older adults application filed with the 01/31 statement",
         "filed by 02/16; written decision received", "2026-04-10"),
        ("adl-personal-care",
         "Aide helps him shower twice a week with the leg protected",
         "2 aide visits a week documented", "2026-02-16"),
        ("language-interpreter",
         "Every visit and every document with Stan is in Polish",
         "Polish-speaking nurse or interpreter recorded at each visit", "2026-02-16"),
    ],
    "actions": [
        ("Talk with Stan alone in Polish; report to adult protective services today", "social-worker", "2026-02-09"),
        ("Call Dr. Nowak about the fill history; ask the pharmacy to release fills only to Stan", "registered-nurse",
         "2026-02-09"),
        ("Reconcile medicines, lockbox with Stan's key, pill count each visit", "registered-nurse", "2026-02-11"),
        ("Wound care with compression three times a week", "licensed-practical-nurse", "2026-02-11"),
        ("Order home-delivered meals from 02/12", "case-manager", "2026-02-10"),
        ("Gait and step training", "physical-therapist", "2026-02-10"),
        ("File the coverage application on the 01/31 statement", "benefits-specialist", "2026-02-16"),
    ],
    "referrals": [
        ("silver-table-home-delivered-meals", "food-insecurity"),
        ("benefits-bridge-enrollment", "benefits-enrollment"),
    ],
    "rights": [
        "confidentiality-and-limits",
        "participate-in-own-plan",
        "refuse-treatment",
        "interpreter-at-no-cost",
        "consent-to-share-information",
    ],
    "info": [
        ("pharmacy", "Full fill history with pick-up signatures; release fills only to Stan or a person he names"),
        ("pcp", "His view of the fills; a pain plan for the ulcer and his back, small quantities or blister packs"),
        ("home-health-aide", "A dated written account of 02/08 for the report"),
        ("hospital", "Antibiotic end date and wound orders as the ulcer shrinks"),
    ],
    "delegations": [
        ("wound-care", "licensed-practical-nurse"),
        ("private-talk", "social-worker"),
        ("medicine-reconciliation", "registered-nurse"),
        ("pain-plan", "registered-nurse"),
        ("gait-therapy", "physical-therapist"),
        ("aide-visits", "home-health-aide"),
        ("coverage-application", "benefits-specialist"),
    ],
    "meeting": ("2026-02-09", ATTENDEES,
                "Plan of care with Stan, in Polish and without Kyle: his safety, his medicines and money, the wound, "
                "pain, food and walking to Mass"),
    "note": NOTE,
    "revisions": [
        ("grandson-leaves", ["iadl-household-help"], ["silver-table-home-delivered-meals",
                                                     "evergreen-companion-program"], ["medicaid-aged-disabled"],
         "Kyle left 02/11 with the bank card, $400 more and the oxycodone. Card cancelled with Stan; the theft and "
         "the missing bottle added to the protective services report, and the police only if Stan agrees; he "
         "does not want Kyle arrested and need not press charges. Food in the house today from the pantry, "
         "Silver Table meals from 02/13. Dr. Nowak asked for a new pain prescription in small amounts, kept in "
         "the lockbox Stan holds. Stan wants to stay at home: companion visits for shopping and help in the "
         "house, and personal care hours once his coverage is approved; still eligible on $240 of savings."),
        ("wound-closes", ["social-isolation"], ["millbrook-senior-center"], ["harbor-home-health-benefit"],
         "Ulcer closed; walks 400 ft, went to Mass and took the bus: no longer homebound and no skilled need, so "
         "home health is not met and he is discharged with written notice. Silver Table meals stop with "
         "homebound status: lunch at Millbrook Senior Center (Polish spoken) and shopping by bus instead. "
         "Compression stockings ordered and taught, follow-up with Dr. Nowak in two weeks. For the quiet house: "
         "the senior center, St. Hedwig's parish group and his friends from the mill."),
    ],
}

# ---------------------------------------------------------------- competent: finds the critical need, has gaps

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[1], FLAGS[3]],
    "needs": [
        ("abuse-neglect-exploitation", "critical"),
        ("home-health-skilled-care", "immediate"),
        ("food-insecurity", "high"),
        ("mobility-rehabilitation", "moderate"),
    ],
    "eligibility": [
        ("harbor-home-health-benefit", True, "homebound", "He is homebound with a wound."),
        ("medicaid-aged-disabled", True, "income", "His income is under the limit."),
    ],
    "goals": [
        ("abuse-neglect-exploitation", "Report to adult protective services", "report made", "2026-02-10"),
        ("home-health-skilled-care", "The wound heals", "wound healed", "2026-03-23"),
        ("food-insecurity", "Stan has enough food", "has food", "2026-02-28"),
        ("mobility-rehabilitation", "Stan walks better", "walks better", "2026-03-22"),
    ],
    "actions": [
        ("Report concerns about Kyle to adult protective services", "social-worker", "2026-02-10"),
        ("Wound care three times a week", "registered-nurse", "2026-02-11"),
        ("Meals", "case-manager", None),
    ],
    "referrals": [("silver-table-home-delivered-meals", "food-insecurity")],
    "rights": ["confidentiality-and-limits", "participate-in-own-plan"],
    "info": [("pharmacy", "Fill history")],
    "delegations": [
        ("wound-care", "registered-nurse"),
        ("private-talk", "social-worker"),
        ("gait-therapy", "physical-therapist"),
        ("aide-visits", "home-health-aide"),
        ("hospital-bed", "administrative-assistant"),
    ],
    "meeting": ("2026-02-09", ["Stanisław Kowalski", "home health nurse case manager"], "Plan of care"),
    "note": (
        "The pharmacy fills of oxycodone, all collected by Kyle, are far more than Stan says he takes, and he has "
        "little food. Report to adult protective services. Wound care three times a week; home health covered. "
        "Meals ordered."
    ),
    "revisions": [
        ("grandson-leaves", ["iadl-household-help"], ["silver-table-home-delivered-meals"], [],
         "Kyle has left; meals started and the bank card cancelled."),
        ("wound-closes", [], [], ["harbor-home-health-benefit"],
         "Wound healed and he goes out, so home health ends."),
    ],
}

# ---------------------------------------------------------------- missed-critical: diligent, reads the fills as routine

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] not in {"pain-medicine", "caregiver", "medicines-managed-by",
                                            "emergency-contact"}],
    needs=[n for n in EXCELLENT["needs"] if n[0] not in {"abuse-neglect-exploitation", "chronic-pain"}]
    + [("chronic-pain", "high")],
    goals=[g for g in EXCELLENT["goals"] if g[0] not in {"abuse-neglect-exploitation", "chronic-pain"}] + [
        ("chronic-pain",
         "Kyle gives the oxycodone as prescribed, every 6 hours as needed, and Stan's night pain improves",
         "night pain 4/10 or less by 02/23", "2026-02-23"),
    ],
    actions=[a for a in EXCELLENT["actions"]
             if not a[0].startswith(("Talk with Stan alone", "Call Dr. Nowak", "Reconcile"))]
    + [("Teach Kyle to offer the oxycodone at night as prescribed", "registered-nurse", "2026-02-11")],
    rights=[r for r in EXCELLENT["rights"] if r != "confidentiality-and-limits"],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"pharmacy", "home-health-aide"}],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] not in {"private-talk", "medicine-reconciliation"}],
    meeting=("2026-02-09", ATTENDEES + ["Kyle Kowalski"],
             "Plan of care with Stan and his grandson: the wound, pain, food and walking to Mass"),
    note=(
        "02/09 home health plan of care. Stanisław (Stan) Kowalski, 77, left ankle venous ulcer 4 x 3 cm after "
        "cellulitis, home 02/06. In his words: his leg 'burns at night' and he wants to be back at Mass by Easter. "
        "Pain 8/10 at dressing changes: Kyle, who manages his medicines, to offer the oxycodone at night as "
        "prescribed; pharmacy fills are on time. Little food in the house and weight down 4 kg: meals delivered "
        "from 02/12. Home health covered: homebound, skilled wound care 3 times a week, plan of care, face-to-face "
        "02/05. Coverage for older adults eligible on his own $1,240 and $640: application this week. PT toward "
        "300 ft and the steps. Aide twice a week. Monitoring: pain, weight, wound size. Next visit 02/11."
    ),
    revisions=[
        ("grandson-leaves", ["iadl-household-help"], ["silver-table-home-delivered-meals",
                                                     "evergreen-companion-program"], ["medicaid-aged-disabled"],
         "Kyle left 02/11 and Stan is alone; bank card cancelled. Food in the house today from the pantry, Silver "
         "Table meals from 02/13. Dr. Nowak asked for a new pain prescription. Stan wants to stay at home: "
         "companion visits for shopping and help in the house, personal care hours once coverage is approved; "
         "still eligible on $240."),
        EXCELLENT["revisions"][1],
    ],
)

# ---------------------------------------------------------------- superficial

SUPERFICIAL = {
    "flags": [],
    "needs": [("home-health-skilled-care", "high"), ("mobility-rehabilitation", "moderate")],
    "eligibility": [("harbor-home-health-benefit", True, None, "He has a wound."),
                    ("medicaid-aged-disabled", False, "resources", "He has $9,000 in savings.")],
    "goals": [
        ("home-health-skilled-care", "Wound will heal.", "heals", "2026-03-31"),
        ("mobility-rehabilitation", "Stan will walk more.", "walks more", "2026-03-31"),
    ],
    "actions": [("Call Kyle with the visit times", "case-manager", None)],
    "referrals": [],
    "rights": ["participate-in-own-plan"],
    "info": [],
    "delegations": [("wound-clinic", "administrative-assistant")],
    "meeting": ("2026-02-09", ["Kyle Kowalski"], "Visits"),
    "note": "Stan has a leg wound and his grandson looks after him. Nurse visits three times a week.",
    "revisions": [
        ("grandson-leaves", [], [], [], "Grandson moved out."),
        ("wound-closes", [], [], [], "Wound closed. Discharge."),
    ],
}

# ---------------------------------------------------------------- in-house: the agency does the work itself

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=[g for g in EXCELLENT["goals"] if g[0] != "benefits-enrollment"] + [
        ("benefits-enrollment",
         "Our agency's benefits specialist files Stan's coverage application with the 01/31 statement",
         "filed by 02/16; written decision received", "2026-04-10"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[0] != "benefits-bridge-enrollment"],
)

SYNONYMS = {
    "abuse-neglect-exploitation": ["overdose-risk", "caregiver-strain"],
    "home-health-skilled-care": ["chronic-disease-management"],
    "food-insecurity": ["special-diet-nutrition"],
    "mobility-rehabilitation": ["fall-risk"],
}

VAGUE = {
    "*": ("Over the course of the episode Stan will continue to be supported by the whole home health team in a "
          "person-centred and holistic way so that his recovery at home progresses and he feels safe and "
          "comfortable in every part of his life.",
          "Stan feels things are generally going well and the team is satisfied."),
    "abuse-neglect-exploitation": (
        "Stan's situation at home with his grandson will be kept under sensitive review by the team, with any "
        "concerns discussed with the family and addressed appropriately when the time seems right.",
        "The team feels his home situation is being looked after."),
}
