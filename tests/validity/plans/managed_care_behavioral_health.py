"""Hana, 19, a request for a day treatment programme for depression: the validity plans.

Written from the case file and the catalogues only. The request is for depression and anxiety
and calls her medically stable with no weight change. The primary care visit of 06/22, put down
to overtraining, has 9.5 kg lost since January (BMI about 16), no periods since February, a pulse
of 42 lying and 78 standing, blood pressure 80/48 standing, 35.9 degrees and potassium 3.0 (the
potassium never filled). The dentist's enamel erosion and swollen glands and the trainer's
bathroom-after-meals note point to purging. An eating disorder, medically unstable now: a
same-day medical assessment rather than a day programme next week.
"""

from write_plans import with_changes

CRITICAL = ["eating-disorder-risk"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "managed-care-behavioral-health-day-program-request"

ATTENDEES = ["Hana Park", "Noor Haddad", "Dr. Anita Rao", "behavioral health care manager"]

FLAGS = [
    ("medical-stability", "inconsistent",
     "Request says stable; PCP 06/22: pulse 42 lying and 78 standing, BP 80/48 standing, temp 35.9, K 3.0."),
    ("weight-change", "inconsistent", "None reported; 54.0 kg in January, 44.5 kg on 06/22."),
    ("medications", "inconsistent", "Potassium chloride prescribed 06/22, not filled; only sertraline listed."),
    ("release", "inconsistent", "Lists a release for her father; the therapist's summary says she declined one."),
    ("urgency", "inconsistent", "Routine; the vital signs and potassium need same-day care and an urgent decision."),
]

ELIGIBILITY = [
    ("harbor-behavioral-partial-hospitalization", False, "medically-stable",
     "Covered disorder and daily structured treatment met; medical stability not met on the 06/22 findings. "
     "She needs a higher level first (same-day medical assessment, likely admission), then the day programme."),
]

NOTE = (
    "07/06 review of Brightwater's request for 20 days of partial hospitalization (depression, anxiety; "
    "PHQ-9 19, GAD-7 16; passive wish not to wake up, no plan or intent, safety plan 06/29). The request says "
    "medically stable with no weight change, but Dr. Voss's visit of 06/22 shows 44.5 kg from 54.0 kg in "
    "January (BMI about 16.3), periods stopped in February, pulse 42 lying and 78 standing, BP 80/48 standing, "
    "temperature 35.9, potassium 3.0 (potassium not filled), two near-faints; the dentist found enamel erosion "
    "on the inner surfaces and swollen salivary glands, and the trainer saw her leave meals for the bathroom. "
    "This points to an eating disorder with purging and she is medically unstable now. Dr. Rao spoke with Dr. "
    "Lane: same-day medical assessment at the Harbor General Eating Disorders Program today; the day programme "
    "does not meet the criteria on medical stability, because she needs more care first. Told Hana in plain "
    "words, and that she will get the decision and appeal rights in writing. She is an adult: she has not "
    "consented to her father being told, so he is not called; explained the limit if her life were in danger. "
    "Safety plan confirmed with Ms. Haddad. Next review on admission."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("eating-disorder-risk", "critical"),
        ("mental-health-treatment", "high"),
        ("dental-care", "low"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("eating-disorder-risk",
         "Hana has a medical assessment at the eating disorders programme today, with potassium and ECG repeated, "
         "and is admitted if unstable", "assessment 07/06; potassium at or above 3.5 and pulse above 50 before "
         "any day programme; findings shared with Dr. Voss and Brightwater with her consent", "2026-07-07"),
        ("mental-health-treatment",
         "One treatment plan covers the depression, the grief and the eating disorder, with the safety plan "
         "current", "plan naming all three by 07/14; PHQ-9 below 10 within 8 weeks", "2026-08-31"),
        ("dental-care", "Her dentist reviews the erosion once purging stops", "dental review booked", "2026-11-30"),
    ],
    "actions": [
        ("Same-day medical assessment at the eating disorders programme", "case-manager", "2026-07-06"),
        ("Peer discussion with Dr. Lane on the medical findings and the right level of care", "physician-advisor",
         "2026-07-06"),
        ("Request primary care, dental and trainer records under Hana's releases", "administrative-assistant",
         "2026-07-06"),
        ("Confirm the safety plan with Ms. Haddad", "social-worker", "2026-07-06"),
        ("Decision letter with appeal rights to Hana herself", "utilization-review-nurse", "2026-07-07"),
    ],
    "referrals": [
        ("harbor-general-eating-disorders-program", "eating-disorder-risk"),
        ("harbor-general-eating-disorders-program", "mental-health-treatment"),
    ],
    "rights": ["consent-to-share-information", "confidentiality-and-limits", "appeal-denial-with-notice",
               "expedited-appeal"],
    "info": [
        ("primary-care", "Whether she knows of the dental and trainer findings; repeat potassium and ECG"),
        ("outpatient-therapist", "Safety plan; eating and purging assessed?; the release for her father"),
        ("dentist", "Erosion and gland findings, with Hana's consent"),
        ("outpatient-psychiatry", "Sertraline dose; his view of the level of care given the medical findings"),
    ],
    "delegations": [
        ("criteria-review", "utilization-review-nurse"),
        ("peer-discussion", "physician-advisor"),
        ("records-request", "administrative-assistant"),
        ("safety-plan-check", "social-worker"),
    ],
    "meeting": ("2026-07-06", ATTENDEES, "The medical findings, the right level of care today, and her privacy"),
    "note": NOTE,
    "revisions": [
        ("medical-admission-then-day-program", ["special-diet-nutrition"], ["harbor-general-eating-disorders-program"],
         ["harbor-behavioral-partial-hospitalization"],
         "Stable after 4 days (pulse 58, potassium normal). Redetermined: medically stable now, so the new request "
         "meets the criteria; authorized 15 days from 07/14 with a concurrent review on 07/24 and a step-down plan. "
         "Meal plan with the programme dietitian. Family sessions only with Hana's consent; she has not yet "
         "agreed to include her father."),
        ("step-down", [], [], ["harbor-behavioral-partial-hospitalization"],
         "Weight 49 kg, no purging for 10 days, PHQ-9 11. Redetermined: no longer needs daily structured "
         "treatment, so the day programme ends; evening intensive outpatient programme authorized. Helped Hana "
         "file a confidential communications request so letters and explanations of benefits go to her own "
         "address and portal. Before 08/24: treatment near campus and a check with the team physician, with her "
         "consent to share."),
    ],
}

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[1]],
    "needs": [
        ("eating-disorder-risk", "critical"),
        ("mental-health-treatment", "high"),
    ],
    "eligibility": [
        ("harbor-behavioral-partial-hospitalization", False, "medically-stable", "Not medically stable."),
    ],
    "goals": [
        ("eating-disorder-risk", "Hana has a medical assessment at the eating disorders programme",
         "assessment date and potassium result", "2026-07-07"),
        ("mental-health-treatment", "Hana feels better", "better", "2026-08-31"),
    ],
    "actions": [("Send Hana for a medical assessment", "case-manager", "2026-07-06")],
    "referrals": [("harbor-general-eating-disorders-program", "eating-disorder-risk")],
    "rights": ["appeal-denial-with-notice", "consent-to-share-information"],
    "info": [("primary-care", "Her vital signs")],
    "delegations": [("criteria-review", "utilization-review-nurse")],
    "meeting": ("2026-07-06", ["Hana Park", "behavioral health care manager"], "Request"),
    "note": (
        "Her weight loss, low pulse and potassium point to an eating disorder and she is not stable, so the day "
        "programme is not met. Sent for a medical assessment."
    ),
    "revisions": [
        ("medical-admission-then-day-program", [], [], ["harbor-behavioral-partial-hospitalization"],
         "Stable now; the day programme is authorized."),
        ("step-down", [], [], ["harbor-behavioral-partial-hospitalization"],
         "Day programme ends; evening programme next."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[FLAGS[3]],
    needs=[("mental-health-treatment", "high"), ("mental-health-crisis", "high"), ("dental-care", "low")],
    eligibility=[
        ("harbor-behavioral-partial-hospitalization", True, "daily-structured-treatment",
         "Covered disorder; weekly therapy not enough (PHQ-9 19); stable per the request. Meets the criteria."),
    ],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "eating-disorder-risk"]
    + [("mental-health-crisis", "Hana's safety plan is current and she knows the crisis line",
        "safety plan reviewed by 07/08", "2026-07-08")],
    actions=[
        ("Confirm the safety plan with Ms. Haddad", "social-worker", "2026-07-06"),
        ("Authorize the day programme from 07/13 with a review on 07/24", "utilization-review-nurse", "2026-07-07"),
    ],
    referrals=[("harborview-behavioral-health", "mental-health-treatment")],
    rights=["consent-to-share-information", "confidentiality-and-limits", "participate-in-own-plan"],
    info=[
        ("outpatient-therapist", "Safety plan; the release for her father"),
        ("outpatient-psychiatry", "Sertraline dose"),
    ],
    delegations=[
        ("criteria-review", "utilization-review-nurse"),
        ("safety-plan-check", "social-worker"),
    ],
    meeting=("2026-07-06", ATTENDEES, "The day programme, her safety plan and her privacy"),
    note=(
        "07/06 review of Brightwater's request for 20 days of partial hospitalization (depression, anxiety; "
        "PHQ-9 19, GAD-7 16; passive wish not to wake up, no plan or intent, safety plan 06/29). Weekly therapy "
        "is not enough; the request meets the criteria and is authorized from 07/13 with a review on 07/24. "
        "Grief for her mother. Fatigue put down to overtraining by her doctor. She is an adult and has not "
        "consented to her father being told. Safety plan confirmed."
    ),
    revisions=[
        ("medical-admission-then-day-program", ["special-diet-nutrition"], ["harbor-general-eating-disorders-program"],
         ["harbor-behavioral-partial-hospitalization"],
         "Admitted 07/07 and diagnosed with anorexia nervosa. Redetermined: stable now, meets the criteria; "
         "authorized 15 days with a review. Meal plan with the dietitian; family sessions only with her consent."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("mental-health-treatment", "high")],
    "eligibility": [("harbor-behavioral-partial-hospitalization", True, None, "Approved.")],
    "goals": [("mental-health-treatment", "Hana will feel better.", "better", "2026-08-31")],
    "actions": [("Call the clinic", "case-manager", None)],
    "referrals": [("harborview-behavioral-health", "mental-health-treatment")],
    "rights": ["participate-in-own-plan"],
    "info": [],
    "delegations": [("father-update", "administrative-assistant")],
    "meeting": ("2026-07-06", ["Hana Park"], "Review"),
    "note": "Request approved. Will tell her father.",
    "revisions": [
        ("medical-admission-then-day-program", [], [], [], "New request received."),
        ("step-down", [], [], [], "Stepping down. Will follow up."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=EXCELLENT["goals"] + [
        ("mental-health-treatment",
         "Dr. Rao, the plan's psychiatrist advisor, agrees one plan with Dr. Lane and Ms. Haddad that covers the "
         "depression, grief and eating disorder", "peer discussion held 07/06; agreed plan on file by 07/14",
         "2026-07-14"),
    ],
    referrals=[("harbor-general-eating-disorders-program", "eating-disorder-risk")],
    actions=EXCELLENT["actions"] + [
        ("Agree one treatment plan with Dr. Lane and Ms. Haddad for all three problems", "physician-advisor",
         "2026-07-14"),
    ],
)

SYNONYMS = {
    "eating-disorder-risk": ["undiagnosed-medical-symptoms", "food-insecurity"],
    "mental-health-treatment": ["trauma-grief-support", "behavior-support"],
}

VAGUE = {
    "*": ("Hana will be supported in a compassionate, person-centred and holistic way with her wellbeing, with "
          "everyone working together appropriately as she moves forward.",
          "Everyone agrees Hana is doing better."),
    "eating-disorder-risk": (
        "Hana's physical health will be looked at carefully and appropriately by the right people so that she "
        "feels safe and supported going forward.",
        "The team feels her health is being looked after."),
}
