"""Dora, 84, two weeks into rehabilitation at a nursing home after a broken hip: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is on
the night aide's flow sheet of 03/15: at 03:10 Dora was found on the floor and said she hit her
head on the table; the aide put her back to bed and told only the next aide. She takes apixaban
(hospital summary, pharmacist's review), and the therapy note of 03/16 shows headache,
sleepiness, half the walking distance and forgotten hip precautions, in a woman whose admission
cognition was intact. A head strike on a blood thinner with new confusion needs a nurse's
assessment and a scan today.
"""

from write_plans import with_changes

CRITICAL = ["undiagnosed-medical-symptoms"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "nursing-skilled-nursing-hip-fracture-care-review"

ATTENDEES = ["Teodora Villanueva", "Marisol Reyes", "Leah Brandt", "Annette Lacroix", "Tagalog interpreter",
             "nurse case manager"]

FLAGS = [
    ("language", "inconsistent",
     "Sheet says English; Dora speaks Tagalog at home and follows only simple English (background), and after "
     "teaching in English through her daughter she could not say what apixaban is for (pharmacist 03/10)."),
    ("hospital-stay", "inconsistent",
     "Six days from 02/26 counts the observation night; the hospital summary shows inpatient admission 02/27 "
     "08:15 and discharge 03/03, so 4 inpatient days. Still qualifies."),
    ("expected-payer", "inconsistent",
     "The plan pays days 1 to 20 in full; from day 21 (03/23) there is a $217 daily coinsurance in 2026, and she "
     "has no supplement."),
    ("savings", "inconsistent",
     "Checking only, but the social worker found a $14,000 certificate of deposit in Dora's own name at Riverbend "
     "Savings (03/05)."),
    ("medicaid", "inconsistent",
     "'Mom has nothing': her own income is $1,502 and her own savings $16,300, both over the limits."),
    ("advance-directive", "inconsistent",
     "Marisol's answer; Dora has intact cognition (BIMS 14/15), has signed nothing, wants no machines if dying "
     "and wants her son and daughter to decide together (social work 03/05)."),
    ("help-at-home", "missing",
     "Blank: she lives alone up 14 steps and Marisol works 5:00 to 13:30, 25 minutes away."),
]

ELIGIBILITY = [
    ("harbor-snf-benefit", True, "qualifying-stay",
     "Four inpatient days (02/27 to 03/02; the observation night and the discharge day do not count), at least "
     "three; straight from hospital; daily therapy for the hip; 14 of 100 days used. Covered, with $217 a day "
     "coinsurance from day 21."),
    ("medicaid-aged-disabled", False, "income",
     "Counts Dora alone: $1,090 + $412 = $1,502 a month, over $1,330; her own $16,300 with the CD is also over "
     "$2,000. Not eligible now."),
]

NOTE = (
    "03/17 care-plan review, day 15. Teodora (Dora) Villanueva, 84, right hemiarthroplasty 02/27 after a fall, "
    "atrial fibrillation on apixaban. Most urgent: the night aide's flow sheet of 03/15 records a fall at 03:10 "
    "with a head strike on the table (red raised area above the left eyebrow), passed only to the next aide; no "
    "nurse assessment, no provider call, family not told. On 03/16 therapy found headache, sleepiness, 40 ft "
    "instead of 90, and hip precautions forgotten; admission BIMS was 14/15. On a blood thinner this may be a "
    "bleed: RN change-of-condition assessment with neuro checks now, nurse practitioner called, head CT today "
    "in the emergency department; incident report filed. Dora asked that Marisol not be told; through the "
    "interpreter I will explain why her daughter and doctor must know and ask her agreement. Fall plan revised "
    "tonight: low bed, floor mat, alarm checked every 2 hours, toileting rounds 22:00, 01:00, 04:00. Language: "
    "Dora prefers Tagalog; qualified interpreter booked for the conference, consents and medicine teaching. "
    "Coverage: skilled nursing benefit met (4 inpatient days, not 6; daily therapy; 14 of 100 days); from day 21 "
    "(03/23) she owes $217 a day (2026), explained in writing. Coverage for older adults not eligible on her own "
    "$1,502 income and $16,300 savings. Discharge goal home alone up 14 steps and a tub without a grab bar: PT "
    "goals toward the stairs, OT home visit before discharge, help at home still unplanned. Her wishes: no "
    "machines if dying, son and daughter to decide together; directive to be written with the social worker. "
    "Monitoring: neuro checks, falls, stair progress. Next review 03/24."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("undiagnosed-medical-symptoms", "critical"),
        ("fall-risk", "immediate"),
        ("language-interpreter", "immediate"),
        ("mobility-rehabilitation", "high"),
        ("home-accessibility", "high"),
        ("coverage-denial", "high"),
        ("advance-care-planning", "moderate"),
        ("adl-personal-care", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("undiagnosed-medical-symptoms",
         "Dora has a nurse's change-of-condition assessment with neuro checks, is examined by the nurse "
         "practitioner and has a head CT today; the result and the apixaban plan are in the chart",
         "assessment and NP call documented 03/17; CT done 03/17; Marisol informed 03/17", "2026-03-18"),
        ("fall-risk",
         "Low bed and floor mat from tonight, alarm checked every 2 hours, toileting offered at 22:00, 01:00 and "
         "04:00",
         "rounds charted every night; falls in 30 days: 0", "2026-04-16"),
        ("language-interpreter",
         "A qualified Tagalog interpreter is at the conference, every consent and the medicine teaching",
         "interpreter named in each note; Dora explains each medicine back in Tagalog by 04/01", "2026-04-01"),
        ("mobility-rehabilitation",
         "Dora climbs 14 steps with one rail and standby help and steps into a tub with a bench",
         "steps climbed each week; 14 steps with standby by 04/07", "2026-04-07"),
        ("home-accessibility",
         "OT visits the flat and a second stair rail, a grab bar and a tub bench are fitted before discharge",
         "home visit report by 03/31; rail, bar and bench installed before the discharge date", "2026-04-07"),
        ("coverage-denial",
         "Dora and Marisol have the costs in writing through the interpreter: days 1 to 20 in full, $217 a day "
         "from 03/23, $3,255 for a stay to day 35, and a Medicare counselling appointment",
         "cost sheet given 03/20; counselling appointment booked", "2026-03-20"),
        ("advance-care-planning",
         "Dora states her wishes through an interpreter and signs a directive naming her agent or agents",
         "signed directive by 03/31; chart code status matches her wishes", "2026-03-31"),
        ("adl-personal-care",
         "A plan for help with bathing and shopping at home is agreed before discharge",
         "named helper or aide hours for each weekday written in the discharge plan", "2026-04-07"),
    ],
    "actions": [
        ("Change-of-condition assessment with neuro checks now; call the nurse practitioner; head CT today",
         "registered-nurse", "2026-03-17"),
        ("Incident report and a written statement from the night aide; teach aides to report falls to the nurse",
         "registered-nurse", "2026-03-18"),
        ("Fall plan: low bed, floor mat, alarm checks, night toileting rounds", "registered-nurse", "2026-03-17"),
        ("Book a qualified Tagalog interpreter for the conference, consents and medicine teaching",
         "administrative-assistant", "2026-03-17"),
        ("Therapy goals toward 14 steps and the tub", "physical-therapist", "2026-03-18"),
        ("Home visit to the flat; order rail, grab bar and tub bench", "occupational-therapist", "2026-03-31"),
        ("Written cost sheet for days 21 to 100 explained through the interpreter", "benefits-specialist",
         "2026-03-20"),
        ("Advance directive conversation with Dora through the interpreter", "social-worker", "2026-03-31"),
    ],
    "referrals": [
        ("harbor-medicare-counseling", "coverage-denial"),
        ("graylock-elder-law-project", "advance-care-planning"),
        ("harbor-fire-home-safety-visits", "fall-risk"),
        ("safestep-home-modification", "home-accessibility"),
    ],
    "rights": [
        "interpreter-at-no-cost",
        "participate-in-own-plan",
        "advance-directive",
        "notice-before-coverage-ends",
        "consent-to-share-information",
        "participate-in-discharge-planning",
    ],
    "info": [
        ("night-aide", "A written statement of the 03/15 fall: what she saw, why the alarm was off, whom she told"),
        ("hospital", "After the CT: how long to hold apixaban, repeat scan date, what to watch for"),
        ("consultant-pharmacist", "Medicine review with apixaban held; translated large-print list"),
        ("therapy", "Weekly stair and tub progress and a projected date for 14 steps"),
        ("facility-social-work", "Who could help Dora at home; the son's contact for the directive talk"),
    ],
    "delegations": [
        ("change-of-condition", "registered-nurse"),
        ("fall-plan", "registered-nurse"),
        ("therapy-goals", "physical-therapist"),
        ("home-visit", "occupational-therapist"),
        ("interpreter", "qualified-interpreter"),
        ("advance-care-talk", "social-worker"),
        ("coverage-explanation", "benefits-specialist"),
    ],
    "meeting": ("2026-03-17", ATTENDEES,
                "Care-plan conference after today's assessment: the fall on 03/15 and the scan, the fall plan, "
                "therapy toward the stairs, the cost from day 21, Dora's wishes, and help at home"),
    "note": NOTE,
    "revisions": [
        ("back-from-hospital", ["medication-safety"], [], ["harbor-snf-benefit"],
         "Back from two observation nights: small left subdural haematoma, no surgery. Neuro checks every 4 hours "
         "for 72 hours and repeat CT in one week booked. Apixaban held for four weeks and oxycodone stopped on the "
         "medicine record; pharmacist to review stroke risk while it is held and the restart at the repeat scan; "
         "teaching redone with the interpreter. Incident report filed; aides now report any fall to the charge "
         "nurse at once. Dora agreed that Marisol be told everything; I told Marisol what happened and apologised "
         "that nobody phoned her on Sunday. The observation nights do not end the stay: skilled nursing benefit "
         "still met, day 16 of 100, coinsurance from day 21 as explained."),
        ("coverage-ends", ["home-health-skilled-care"], ["alder-falls-home-health"], ["harbor-snf-benefit"],
         "Reviewer says she no longer needs daily skilled care: the daily-skilled-care test is not met and "
         "coverage ends 04/05. Leah's note says she is still gaining steps each week; with Dora's agreement, "
         "through the interpreter, we file a fast appeal with the quality improvement organization before noon "
         "tomorrow, with the therapy note. If the appeal fails, staying costs the full daily rate, which the "
         "family cannot pay; plan discharge home with Alder Falls Home Health for PT on her stairs and nursing "
         "for her medicines and repeat scan, starting the day after discharge (she will be homebound), with the "
         "rail and tub bench fitted first and a helper named for bathing."),
    ],
}

# ---------------------------------------------------------------- competent: finds the critical need, has gaps

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[2], FLAGS[3]],
    "needs": [
        ("undiagnosed-medical-symptoms", "critical"),
        ("fall-risk", "high"),
        ("mobility-rehabilitation", "high"),
        ("coverage-denial", "moderate"),
    ],
    "eligibility": [
        ("harbor-snf-benefit", True, "qualifying-stay", "She had a hospital stay of more than three days."),
        ("medicaid-aged-disabled", False, "resources", "She has a $14,000 CD."),
    ],
    "goals": [
        ("undiagnosed-medical-symptoms", "Dora is checked by the nurse practitioner after her fall",
         "NP assessment done", "2026-03-18"),
        ("fall-risk", "Dora has no more falls", "no falls", "2026-04-16"),
        ("mobility-rehabilitation", "Dora walks better and can do stairs", "she can do stairs", "2026-04-07"),
        ("coverage-denial", "Family understands the costs", "family understands", "2026-03-31"),
    ],
    "actions": [
        ("Assess Dora and call the nurse practitioner about the fall", "registered-nurse", "2026-03-17"),
        ("Review the fall plan", "registered-nurse", "2026-03-18"),
        ("Explain coinsurance", "social-worker", "2026-03-24"),
    ],
    "referrals": [
        ("harbor-medicare-counseling", "coverage-denial"),
        ("harbor-fire-home-safety-visits", "fall-risk"),
    ],
    "rights": ["participate-in-own-plan", "notice-before-coverage-ends"],
    "info": [
        ("hospital", "Results of any scan"),
    ],
    "delegations": [
        ("change-of-condition", "registered-nurse"),
        ("fall-plan", "registered-nurse"),
        ("therapy-goals", "physical-therapist"),
        ("coverage-explanation", "social-worker"),
        ("interpreter", "administrative-assistant"),
    ],
    "meeting": ("2026-03-17", ["Teodora Villanueva", "Marisol Reyes", "nurse case manager"], "Care plan review"),
    "note": (
        "Dora fell at night on 03/15 and hit her head according to the aide's sheet; she is on apixaban and was "
        "drowsy with a headache on 03/16. Nurse to assess and call the NP today. Skilled nursing covered; "
        "coinsurance from day 21. Not eligible for coverage for older adults because of her CD. Therapy toward "
        "stairs."
    ),
    "revisions": [
        ("back-from-hospital", ["medication-safety"], [], [],
         "Small bleed on the scan; apixaban stopped and neuro checks ordered."),
        ("coverage-ends", ["home-health-skilled-care"], ["alder-falls-home-health"], ["harbor-snf-benefit"],
         "Plan ends skilled coverage; she will go home with home health. Family told about appeal."),
    ],
}

# ---------------------------------------------------------------- missed-critical: diligent, never reads the night sheet

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    needs=[n for n in EXCELLENT["needs"] if n[0] not in {"undiagnosed-medical-symptoms", "fall-risk"}]
    + [("fall-risk", "high")],
    goals=[g for g in EXCELLENT["goals"] if g[0] not in {"undiagnosed-medical-symptoms", "fall-risk"}] + [
        ("fall-risk",
         "Fall precautions continue as on admission: bed alarm, call light in reach, night toileting offered",
         "falls in 30 days: 0", "2026-04-16"),
    ],
    actions=[a for a in EXCELLENT["actions"]
             if not a[0].startswith(("Change-of-condition", "Incident report", "Fall plan"))]
    + [("Keep the admission fall precautions; therapy to work on her tiredness this week", "physical-therapist",
        "2026-03-18")],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"night-aide", "hospital"}]
    + [("hospital", "The orthopaedic follow-up plan for 03/31 and any X-ray orders")],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] != "change-of-condition"],
    meeting=("2026-03-17", ATTENDEES,
             "Care-plan conference: therapy toward the stairs, the cost from day 21, Dora's wishes, and help at "
             "home"),
    note=(
        "03/17 care-plan review, day 15. Teodora (Dora) Villanueva, 84, right hemiarthroplasty 02/27 after a fall, "
        "atrial fibrillation on apixaban, bleeding precautions on the care plan. Therapy: 90 ft with a walker and "
        "4 steps by 03/13; a tired day on 03/16, Marisol says she is 'just tired', so therapy will pace sessions "
        "this week. Language: Dora prefers Tagalog; qualified interpreter booked for the conference, consents and "
        "medicine teaching. Coverage: skilled nursing benefit met (4 inpatient days, not 6; daily therapy; 14 of "
        "100 days); from day 21 (03/23) she owes $217 a day (2026), explained in writing. Coverage for older "
        "adults not eligible on her own $1,502 income and $16,300 savings. Discharge goal home alone up 14 steps "
        "and a tub without a grab bar: PT goals toward the stairs, OT home visit before discharge, help at home "
        "still unplanned. Her wishes: no machines if dying, son and daughter to decide together; directive to be "
        "written with the social worker. Monitoring: stair progress, pain. Next review 03/24."
    ),
    revisions=[
        ("back-from-hospital", ["medication-safety"], [], ["harbor-snf-benefit"],
         "Back from two observation nights with a small subdural haematoma. Neuro checks every 4 hours for 72 "
         "hours and repeat CT in one week booked. Apixaban held for four weeks and oxycodone stopped on the "
         "medicine record; pharmacist to review. Marisol told. Skilled nursing benefit still met, day 16 of 100."),
        EXCELLENT["revisions"][1],
    ],
)

# ---------------------------------------------------------------- superficial

SUPERFICIAL = {
    "flags": [FLAGS[2]],
    "needs": [("mobility-rehabilitation", "high"), ("coverage-denial", "moderate")],
    "eligibility": [("harbor-snf-benefit", True, None, "She came from the hospital."),
                    ("medicaid-aged-disabled", True, None, "The form says she has nothing.")],
    "goals": [
        ("mobility-rehabilitation", "Dora will get stronger.", "she is stronger", "2026-04-30"),
        ("coverage-denial", "Family will understand billing.", "understands", "2026-04-30"),
    ],
    "actions": [("Call Marisol", "case-manager", None)],
    "referrals": [("harbor-medicare-counseling", "coverage-denial")],
    "rights": ["participate-in-own-plan"],
    "info": [],
    "delegations": [("outpatient-therapy", "administrative-assistant")],
    "meeting": ("2026-03-17", ["Marisol Reyes"], "Care plan"),
    "note": "Dora is doing well in therapy and wants to go home. Daughter will apply for Medicaid.",
    "revisions": [
        ("back-from-hospital", [], [], [], "Back from hospital."),
        ("coverage-ends", [], [], [], "Coverage ending. Will plan discharge."),
    ],
}

# ---------------------------------------------------------------- in-house: the facility's own staff do the work

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=[g for g in EXCELLENT["goals"] if g[0] not in {"coverage-denial", "home-accessibility"}] + [
        ("coverage-denial",
         "Maple Court's business office gives Dora and Marisol a written cost sheet through the interpreter: days "
         "1 to 20 in full, $217 a day from 03/23, $3,255 for a stay to day 35",
         "cost sheet given and explained by 03/20", "2026-03-20"),
        ("home-accessibility",
         "Our OT visits the flat and our maintenance staff fit a second rail, a grab bar and a tub bench",
         "home visit report by 03/31; fittings done before discharge", "2026-04-07"),
    ],
    referrals=[r for r in EXCELLENT["referrals"]
               if r[0] not in {"harbor-medicare-counseling", "safestep-home-modification"}],
)

SYNONYMS = {
    "undiagnosed-medical-symptoms": ["medical-follow-up", "cognitive-impairment"],
    "fall-risk": ["home-safety-hazard"],
    "mobility-rehabilitation": ["durable-medical-equipment"],
    "coverage-denial": ["health-coverage-gap", "benefits-enrollment"],
}

VAGUE = {
    "*": ("Over the coming weeks Dora will continue to be supported by the whole interdisciplinary team in a "
          "person-centred and holistic way so that her recovery progresses and she and her family feel "
          "confident about the future.",
          "Dora and her family feel things are generally going well and the team is satisfied."),
    "undiagnosed-medical-symptoms": (
        "Dora's overall wellbeing will be kept under review by the team, with any concerns about how she seems "
        "followed up appropriately and in good time in line with the facility's usual practice.",
        "The team is comfortable that her wellbeing is being looked after."),
}
