"""Harold, 81, going home alone after a heart failure admission: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in
the eye clinic's letter, filed among the hospital's outside records: Harold is legally blind
(20/200 and 20/400, central vision lost), and he is going home alone to a new insulin pen,
a glucose meter, a bathroom scale and a shoebox of old and new bottles. Insulin he cannot
measure is the critical need; his vision is what makes it, the scale and the appointment
cards unsafe.
"""

from write_plans import with_changes

CRITICAL = ["medication-safety"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "nursing-discharge-heart-failure-lives-alone"

ATTENDEES = ["Harold Fenwick", "Karen Doyle", "Dana Whitfield", "Luis Arriaga", "Marta Quist", "nurse case manager"]

FLAGS = [
    ("hospital-status", "inconsistent",
     "He came to the emergency department on March 1, but the plan's review shows outpatient observation "
     "from 03/02 01:30 and an inpatient order only on 03/04 11:20: two inpatient days by discharge on 03/06."),
    ("stairs", "inconsistent",
     "Answered 'None', but PT was told of 14 steps from the street door to his second-floor apartment, "
     "with one rail going up on the right."),
    ("help-at-home", "inconsistent",
     "Karen can be there only March 6 to 8 and then by phone; after that nobody is at home with him."),
    ("vision-hearing", "inconsistent",
     "Answered 'Reading glasses', but the eye clinic letter of 2025-10-14 records advanced macular "
     "degeneration, 20/200 and 20/400, legally blind, reads only briefly with a 6x magnifier."),
    ("health-care-agent", "missing",
     "Left blank; he has no advance directive and told social work he would want Karen to decide."),
]

ELIGIBILITY = [
    ("harbor-snf-benefit", False, "qualifying-stay",
     "Only the days after the inpatient order count: 03/04 to 03/06 is two inpatient days. The observation "
     "time from 03/02 (notice signed 03/02) does not count, so the 3-day qualifying stay is not met and the "
     "rehab stay Karen expects would not be covered. Home health is the covered route."),
]

NOTE = (
    "03/05 discharge planning. Harold Fenwick, 81, heart failure (EF 30%) and pneumonia, expected discharge "
    "03/06. He wants to go home and declines a facility ('not to a home'); he is clear and consistent, and no "
    "capacity concern is documented, so his choice stands. The decisive finding is in the eye clinic letter "
    "of 10/2025: he is legally blind (20/200, 20/400), which his questionnaire does not mention ('reading "
    "glasses'). He is being sent home on a NEW insulin glargine pen with a meter he cannot read, alone after "
    "Karen leaves on 03/08, with old and new bottles mixed in a shoebox (metformin now stopped, lisinopril "
    "on hold). 'Verbalized understanding' of pen teaching is not a return demonstration. Plan: asked the "
    "hospitalist to review the insulin regimen and for a home health order (RN, PT, OT, aide); home health "
    "RN start of care within 48 h, nurse-given or supervised bedtime insulin by the LPN until Harold shows "
    "by return demonstration, with low-vision methods, that he can dose unaided; pharmacist reconciliation "
    "before discharge with large-print labels and a talking meter; a talking scale for daily weights. Falls: "
    "TUG 21 s, orthostatic drop with light-headedness, 14 steps, tub without grab bars: rolling walker, tub "
    "transfer bench, aide for showers, a second rail (SafeStep), Karen with him for the first 72 h. PCP "
    "within 7 days with BMP and cardiology in 2 weeks, rides booked on the plan's ride benefit (unused so "
    "far). Low-sodium diabetic meals from Silver Table; daily reassurance call with Karen as contact. SNF "
    "benefit: 2 inpatient days only (observation does not count), so the stay Karen expects is not covered; "
    "explained to both with the observation notice he signed. Social worker to complete the health care "
    "agent form naming Karen. Discharge papers in large print and read aloud."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("medication-safety", "critical"),
        ("sensory-impairment", "immediate"),
        ("fall-risk", "immediate"),
        ("home-health-skilled-care", "high"),
        ("chronic-disease-management", "high"),
        ("medical-follow-up", "high"),
        ("transportation", "high"),
        ("adl-personal-care", "high"),
        ("mobility-rehabilitation", "moderate"),
        ("coverage-denial", "moderate"),
        ("home-accessibility", "moderate"),
        ("durable-medical-equipment", "moderate"),
        ("special-diet-nutrition", "moderate"),
        ("social-isolation", "moderate"),
        ("advance-care-planning", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("medication-safety",
         "Harold gets every bedtime insulin dose right: the home health LPN gives or supervises it each night "
         "until the RN confirms by return demonstration, with low-vision methods, that he can set 16 units "
         "unaided; the stopped metformin and held lisinopril are out of the shoebox and pill box",
         "return demonstration of a correct 16-unit dose on 3 visits in a row; no glucose reading under 70 "
         "mg/dL; pharmacist's reconciliation shows no stopped medicine in the home", "2026-03-20"),
        ("sensory-impairment",
         "Harold has tools he can use without reading print: a talking glucose meter and a talking scale now, "
         "and a low-vision evaluation at Beacon for longer-term aids",
         "talking meter and scale in use at the start-of-care visit; Beacon evaluation attended", "2026-04-10"),
        ("fall-risk",
         "Harold moves safely at home with the rolling walker while PT works on balance 3 times a week, with "
         "someone in the apartment for the first 72 hours",
         "no falls; Timed Up and Go under 14 seconds on PT re-test", "2026-04-03"),
        ("home-health-skilled-care",
         "Alder Falls Home Health starts RN, PT and OT visits at home",
         "start-of-care visit done within 48 hours of discharge", "2026-03-08"),
        ("chronic-disease-management",
         "Harold weighs himself every morning on the talking scale and calls the home health nurse for a gain "
         "of more than 2 lb in a day or 5 lb in a week",
         "a weight recorded on at least 6 of 7 mornings, checked by the nurse at each visit", "2026-03-20"),
        ("medical-follow-up",
         "Harold sees Dr. Lindqvist within 7 days with a basic metabolic panel (kidneys, lisinopril restart) "
         "and cardiology within 2 weeks",
         "PCP visit and blood test done by 03/13; cardiology visit done by 03/20", "2026-03-20"),
        ("transportation",
         "Every follow-up visit has a ride booked on the Harbor plan ride benefit, and Harold is told each "
         "appointment by phone rather than on a card",
         "rides confirmed two business days before each of the 3 appointments", "2026-03-11"),
        ("adl-personal-care",
         "Harold showers only with the home health aide present, twice a week, until PT clears him",
         "aide present for 2 showers a week; PT reassessment documents a safe tub transfer on the bench",
         "2026-04-03"),
        ("mobility-rehabilitation",
         "Home health PT three times a week rebuilds Harold's strength and stair climbing",
         "climbs the 14 steps with two rails and stand-by help only, on PT re-test", "2026-04-03"),
        ("coverage-denial",
         "Harold and Karen understand why the plan will not pay for the rehab stay (2 inpatient days; "
         "observation days do not count) and that home health is covered",
         "both say the reason back at the 03/05 meeting; written explanation given in large print",
         "2026-03-05"),
        ("home-accessibility",
         "A second stair rail and grab bars are fitted and a tub transfer bench is in the bathroom",
         "bench delivered before the first shower at home; rail fitted after the SafeStep home visit",
         "2026-04-24"),
        ("durable-medical-equipment",
         "Rolling walker and tub transfer bench are delivered and fitted before or on discharge day",
         "both items in the apartment on 03/06, checked by the OT or home health PT", "2026-03-06"),
        ("special-diet-nutrition",
         "Harold gets low-sodium diabetic meals delivered on weekdays instead of canned soup and deli ham",
         "first Silver Table delivery by 03/10; 5 weekday deliveries a week and weekend packs", "2026-03-10"),
        ("social-isolation",
         "Someone hears from Harold every day: a morning reassurance call, with Karen called if he does not "
         "answer", "daily call starts by 03/09 with Karen named as contact", "2026-03-09"),
        ("advance-care-planning",
         "Harold names Karen as his health care agent on the state form",
         "signed form in the hospital record, with copies to Karen and Dr. Lindqvist", "2026-03-06"),
    ],
    "actions": [
        ("Ask Dr. Petrakis to review the insulin regimen for a legally blind man living alone and to order "
         "home health RN, PT, OT and aide visits", "case-manager", "2026-03-05"),
        ("Reconcile the discharge list with the shoebox bottles, remove metformin and lisinopril, large-print "
         "labels, talking meter and pen needles", "pharmacist", "2026-03-06"),
        ("Fit the rolling walker and tub transfer bench; check the 14 stairs and the bathroom",
         "occupational-therapist", "2026-03-06"),
        ("Book PCP within 7 days with the blood test, and cardiology in 2 weeks, each with a plan ride",
         "administrative-assistant", "2026-03-06"),
        ("Help Harold complete the health care agent form naming Karen", "social-worker", "2026-03-06"),
        ("Home health start-of-care assessment and insulin return demonstration", "registered-nurse", "2026-03-08"),
        ("Give or supervise the bedtime insulin each night on the RN's plan", "licensed-practical-nurse", "2026-03-06"),
        ("Enrol Harold in Silver Table low-sodium diabetic meals and the Millbrook daily call", "social-worker",
         "2026-03-06"),
        ("Explain the SNF qualifying-stay result to Harold and Karen, with the observation notice",
         "case-manager", "2026-03-05"),
    ],
    "referrals": [
        ("alder-falls-home-health", "home-health-skilled-care"),
        ("alder-falls-home-health", "medication-safety"),
        ("alder-falls-home-health", "chronic-disease-management"),
        ("alder-falls-home-health", "fall-risk"),
        ("alder-falls-home-health", "mobility-rehabilitation"),
        ("beacon-low-vision-center", "sensory-impairment"),
        ("harbor-plan-ride-benefit", "transportation"),
        ("safestep-home-modification", "home-accessibility"),
        ("silver-table-home-delivered-meals", "special-diet-nutrition"),
        ("millbrook-senior-center", "social-isolation"),
    ],
    "rights": [
        "participate-in-discharge-planning",
        "observation-status-notice",
        "choice-of-post-acute-provider",
        "hospital-discharge-appeal",
        "refuse-treatment",
        "advance-directive",
        "accessible-formats",
        "consent-to-share-information",
    ],
    "info": [
        ("eye-clinic", "Current acuity and what he can still read (pen dial, meter, scale) with the magnifier; "
                       "renew the low-vision referral he declined"),
        ("hospitalist", "Insulin regimen review given legal blindness; home health order; glucose targets and "
                        "who to call under 70"),
        ("pcp", "Practice's current medicine list, to reconcile with the shoebox; visit within 7 days with BMP"),
        ("harbor-ur", "Written confirmation of the inpatient date (03/04) for the SNF rule; home health "
                      "authorization and in-network agencies"),
        ("home-health", "Accept the referral, start of care within 48 h, nightly insulin visits and an aide"),
        ("physical-therapy", "Equipment orders (walker, tub transfer bench) and a home exercise programme"),
    ],
    "delegations": [
        ("start-of-care-assessment", "registered-nurse"),
        ("insulin-teach-back", "registered-nurse"),
        ("bedtime-insulin-visits", "licensed-practical-nurse"),
        ("medicine-reconciliation", "pharmacist"),
        ("book-follow-ups", "administrative-assistant"),
        ("home-safety-equipment", "occupational-therapist"),
        ("shower-help", "home-health-aide"),
        ("health-care-agent-form", "social-worker"),
        ("meals-enrolment", "social-worker"),
    ],
    "meeting": ("2026-03-05", ATTENDEES,
                "Agree a safe discharge home: insulin and vision, falls, follow-up and rides, why the SNF stay "
                "is not covered, and the health care agent"),
    "note": NOTE,
    "revisions": [
        ("home-visit-warning-signs", [], ["alder-falls-senior-ride"], [],
         "Two fasting glucose readings of 58 and 64 mg/dL and a pen set 'by feel': the insulin is not safe as "
         "he gives it. Today: call Dr. Lindqvist for a dose reduction and hypoglycaemia orders; the LPN gives "
         "every bedtime dose from tonight until the RN confirms a return demonstration; talking meter in use "
         "and glucose checked at each visit. Weight up 4 lb since Monday: report to PCP today for a diuretic "
         "review, and a talking scale delivered this week. Missed PCP visit: rebooked within 48 h with the ride "
         "booked by our scheduler and the time phoned to Harold, no cards; Senior Ride as a back-up. Karen has "
         "gone and Mrs. Oyelaran has the flu, so nobody checks on him: daily reassurance call confirmed, aide "
         "visits added, Karen told."),
        ("readmitted-after-fall", ["supported-living-placement", "cognitive-impairment"],
         ["maple-court-assisted-living-guide"], ["harbor-snf-benefit"],
         "Readmitted as an inpatient from 03/16 (no observation), 4 inpatient days by 03/20, needing daily PT "
         "and nursing for the conditions treated, 0 SNF days used: the qualifying-stay test is now met, so the "
         "short SNF stay is covered; ask Harbor UR for authorization and give Harold the choice of facility. "
         "Insulin to be changed to a regimen he can manage with his vision, taught there by return "
         "demonstration. Confusion with glucose 41: recheck cognition once glucose is normal before any "
         "decision. Karen asks about assisted living and Harold wants to wait until he is on his feet: refer "
         "both to Maple Court options counselling and plan a family meeting before SNF discharge, with "
         "Harold deciding."),
    ],
}

# ---------------------------------------------------------------- competent: finds the critical need, has gaps

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[1], FLAGS[4]],
    "needs": [
        ("medication-safety", "critical"),
        ("fall-risk", "immediate"),
        ("home-health-skilled-care", "high"),
        ("medical-follow-up", "high"),
        ("transportation", "moderate"),
        ("special-diet-nutrition", "moderate"),
    ],
    "eligibility": [("harbor-snf-benefit", False, "qualifying-stay",
                     "Only two inpatient days; observation does not count.")],
    "goals": [
        ("medication-safety",
         "Harold takes his insulin safely with nurse help until he can do it himself",
         "nurse confirms he can give the dose", "2026-03-20"),
        ("fall-risk", "Harold uses his walker at home and does PT", "no falls", "2026-04-03"),
        ("medical-follow-up", "Harold sees his PCP within 7 days with blood work",
         "PCP visit done", "2026-03-13"),
        ("special-diet-nutrition", "Harold eats a low-salt diet", "eats better", "2026-03-31"),
    ],
    "actions": [
        ("Ask for a home health order", "case-manager", "2026-03-05"),
        ("Book PCP and cardiology visits", "administrative-assistant", "2026-03-06"),
        ("Reconcile medicines", "pharmacist", "2026-03-06"),
    ],
    "referrals": [
        ("alder-falls-home-health", "home-health-skilled-care"),
        ("alder-falls-home-health", "medication-safety"),
        ("harbor-plan-ride-benefit", "transportation"),
        ("silver-table-home-delivered-meals", "special-diet-nutrition"),
    ],
    "rights": ["participate-in-discharge-planning", "observation-status-notice", "refuse-treatment",
               "choice-of-post-acute-provider"],
    "info": [
        ("hospitalist", "Home health order"),
        ("eye-clinic", "How much he can see"),
    ],
    "delegations": [
        ("start-of-care-assessment", "registered-nurse"),
        ("insulin-teach-back", "registered-nurse"),
        ("medicine-reconciliation", "pharmacist"),
        ("book-follow-ups", "administrative-assistant"),
        ("shower-help", "home-health-aide"),
    ],
    "meeting": ("2026-03-05", ["Harold Fenwick", "Karen Doyle", "nurse case manager"], "Discharge plan"),
    "note": (
        "Harold wants to go home. He has poor vision (eye clinic letter) and a new insulin pen, so home health "
        "nursing will check his insulin. PT says high fall risk; walker and home PT. PCP in a week. The SNF "
        "stay is not covered because he had only two inpatient days. Meals and rides arranged."
    ),
    "revisions": [
        ("home-visit-warning-signs", [], [], [],
         "Low sugars 58 and 64 and missed PCP. Called PCP about the insulin dose and asked home health to "
         "visit daily for insulin. Rebooked PCP with a ride."),
        ("readmitted-after-fall", ["supported-living-placement"], [], ["harbor-snf-benefit"],
         "Four inpatient days now, so SNF is covered. Will discuss assisted living later."),
    ],
}

# ---------------------------------------------------------------- missed-critical: diligent, but never sees the vision

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[f for f in FLAGS if f[0] != "vision-hearing"],
    needs=[n for n in EXCELLENT["needs"] if n[0] not in {"medication-safety", "sensory-impairment"}],
    goals=[g for g in EXCELLENT["goals"]
           if g[0] not in {"medication-safety", "sensory-impairment", "chronic-disease-management"}] + [
        ("chronic-disease-management",
         "Harold weighs himself every morning and calls the home health nurse for a gain of more than 2 lb in a "
         "day or 5 lb in a week", "a weight written in his log on at least 6 of 7 mornings, checked at each visit",
         "2026-03-20"),
        ("chronic-disease-management",
         "Harold checks his glucose fasting and at bedtime and gives 16 units of glargine as taught on 03/05",
         "glucose log reviewed by the home health nurse at each visit, fasting readings 80 to 180 mg/dL",
         "2026-03-20"),
    ],
    actions=[a for a in EXCELLENT["actions"]
             if "insulin" not in a[0] and "bedtime" not in a[0] and "shoebox" not in a[0]] + [
        ("Ask Dr. Petrakis to order home health RN, PT, OT and aide visits", "case-manager", "2026-03-05"),
        ("Reconcile the discharge list with the bottles at home and remove metformin", "pharmacist", "2026-03-06"),
        ("Home health start-of-care assessment, reinforcing the insulin and glucose teaching", "registered-nurse",
         "2026-03-08"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] not in {"medication-safety", "sensory-impairment"}],
    rights=[r for r in EXCELLENT["rights"] if r != "accessible-formats"],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"eye-clinic", "hospitalist"}] + [
        ("hospitalist", "Home health order; glucose targets and who to call under 70"),
    ],
    meeting=("2026-03-05", ATTENDEES,
             "Agree a safe discharge home: falls, insulin and heart failure self-care, follow-up and rides, why "
             "the SNF stay is not covered, and the health care agent"),
    delegations=[d for d in EXCELLENT["delegations"] if d[0] not in {"insulin-teach-back", "bedtime-insulin-visits"}],
    note=(
        "03/05 discharge planning. Harold Fenwick, 81, heart failure (EF 30%), pneumonia and diabetes (A1c "
        "10.8%), expected discharge 03/06. He wants to go home and declines a facility; no capacity concern, so "
        "his choice stands. New insulin glargine 16 units at bedtime; pen teaching done by nursing on 03/05 and "
        "he verbalized understanding; home health RN to reinforce and review the glucose log. Pharmacist to "
        "reconcile the list with the bottles at home (metformin stopped, lisinopril on hold). Falls: TUG 21 s, "
        "orthostatic drop, 14 steps, tub without grab bars: walker, tub transfer bench, aide for showers, second "
        "rail, Karen with him for 72 h. PCP in 7 days with BMP and cardiology in 2 weeks with plan rides. "
        "Low-sodium diabetic meals; daily reassurance call. SNF not covered: 2 inpatient days (observation does "
        "not count), explained to Harold and Karen. Health care agent form with social work."
    ),
    revisions=[
        ("home-visit-warning-signs", [], ["alder-falls-senior-ride"], [],
         "Glucose 58 and 64 fasting and he loses count of the pen clicks: asked Dr. Lindqvist to lower the dose "
         "and home health to visit daily to check the insulin and glucose. Weight up 4 lb: reported to the PCP "
         "today. PCP visit missed because the ride was not booked: rebooked within 48 h with a ride. Neighbour "
         "ill and Karen gone: daily call confirmed, aide visits added."),
        ("readmitted-after-fall", ["supported-living-placement", "cognitive-impairment"],
         ["maple-court-assisted-living-guide"], ["harbor-snf-benefit"],
         "Readmitted as an inpatient from 03/16 (no observation), 4 inpatient days by 03/20, needing daily PT "
         "and nursing for the conditions treated, 0 SNF days used: the qualifying-stay test is now met, so the "
         "short SNF stay is covered; ask Harbor UR for authorization and give Harold the choice of facility. "
         "Insulin regimen to be simplified and re-taught there. Confusion with glucose 41: recheck cognition "
         "once glucose is normal. Karen asks about assisted living and Harold wants to wait: refer both to "
         "Maple Court options counselling and plan a family meeting before SNF discharge."),
    ],
)

# ---------------------------------------------------------------- superficial

SUPERFICIAL = {
    "flags": [FLAGS[4]],
    "needs": [("fall-risk", "high"), ("medical-follow-up", "moderate")],
    "eligibility": [("harbor-snf-benefit", True, None, "He was in hospital five nights.")],
    "goals": [
        ("fall-risk", "Harold will be careful at home.", "he is careful", "2026-04-30"),
        ("medical-follow-up", "Harold goes to his appointments.", "goes", "2026-04-30"),
    ],
    "actions": [("Call Karen", "case-manager", None)],
    "referrals": [("alder-falls-home-health", "fall-risk")],
    "rights": ["participate-in-discharge-planning"],
    "info": [],
    "delegations": [("book-follow-ups", "administrative-assistant")],
    "meeting": ("2026-03-05", ["Harold Fenwick"], "Discharge"),
    "note": "Harold is going home. Home health will see him.",
    "revisions": [
        ("home-visit-warning-signs", [], [], [], "Home health to keep visiting."),
        ("readmitted-after-fall", [], [], [], "Back in hospital after a fall. Will reassess."),
    ],
}

# ---------------------------------------------------------------- in-house: the team's own staff do the work

IN_HOUSE = with_changes(
    EXCELLENT,
    note=NOTE.replace(
        'a second rail (SafeStep)',
        'a second rail ordered by the OT',
    ).replace(
        'large-print labels and a talking meter;',
        'large-print labels and a talking meter; the hospital OT teaches low-vision methods for the pen and pill box;',
    ),
    goals=[g for g in EXCELLENT["goals"] if g[0] not in {"sensory-impairment", "home-accessibility"}] + [
        ("sensory-impairment",
         "The hospital OT teaches Harold low-vision methods (tactile pen counting with a nurse-checked "
         "magnifier, bold-marked pill box) and the pharmacist supplies a talking glucose meter and scale",
         "talking meter and scale in use at discharge; OT documents 3 correct unaided trials", "2026-03-06"),
        ("home-accessibility",
         "The OT checks the stairs and bathroom and orders the tub transfer bench and second stair rail",
         "bench delivered and rail request sent to the landlord before discharge", "2026-03-06"),
    ],
    actions=EXCELLENT["actions"] + [
        ("Low-vision training for insulin, meter and pill box, with return demonstration", "occupational-therapist",
         "2026-03-06"),
    ],
    referrals=[r for r in EXCELLENT["referrals"]
               if r[0] not in {"beacon-low-vision-center", "safestep-home-modification"}],
)

SYNONYMS = {
    "medication-safety": ["medication-adherence", "medication-access"],
    "sensory-impairment": ["language-interpreter"],
    "fall-risk": ["home-safety-hazard"],
    "special-diet-nutrition": ["food-insecurity", "iadl-household-help"],
}

VAGUE = {
    "*": ("Over the coming period Harold will continue to be supported in an appropriate and holistic manner "
          "by everyone involved so that his overall situation improves and he feels more confident and "
          "secure in all aspects of his daily life at home.",
          "Harold and his family feel the situation has generally improved and everyone is satisfied."),
    "medication-safety": (
        "Harold will be supported to manage all of his various medicines in a safe and appropriate way that "
        "respects his independence and his wishes, with input from the team as and when it is needed.",
        "He manages his medicines well and the team is comfortable with how he is doing."),
}
