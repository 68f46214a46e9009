"""Dwayne, three days out of county jail: the validity plans.

Written from the case file and the catalogues only. The finding that decides this case is in
the peer mentor's intake note: he gave his roofing tools and truck keys away "since I won't be
needing them", asked whether the union life insurance pays out "no matter how you go", and says
his mother, who died in March, was the reason he stayed straight. Read with the jail release
summary (close observation after her death, sertraline with three days' supply, which ran out)
and his brother's call (sleeps all day, sits up all night), it is suicide risk in the weeks after
release, needing an assessment today.
"""

from write_plans import with_changes

CRITICAL = ["mental-health-crisis"]

CASE = "treatment-reentry-after-jail"

ATTENDEES = ["Dwayne Hollis", "Luis Ocampo", "Sandra Whitfield", "Marcus Hollis", "re-entry case manager"]

FLAGS = [
    ("monthly-income", "inconsistent", "Says $2,400 from Delgado Roofing, his job before jail; he has no income now."),
    ("employer", "inconsistent", "Delgado Roofing was before his arrest; he is not working."),
    ("living-situation", "inconsistent", "Says the jail; he has lived on his brother's couch since 06/12."),
    ("mailing-address", "inconsistent", "The jail's address; notices would not reach him."),
    ("identity-document", "inconsistent", "The state ID expired in 02/2026 (property receipt)."),
]

ELIGIBILITY = [
    ("state-health-coverage-adults", True, "income", "No income since release; under the $1,835.40 limit."),
    ("county-food-assistance", True, "gross-income", "No income and $62: passes every test."),
]

NOTE = (
    "06/15 Dwayne, released 06/12 after 11 months, reported to probation at 9 a.m. SAFETY FIRST: peer mentor "
    "records that he gave away his tools and truck keys 'since I won't be needing them' and asked whether his "
    "union life insurance pays out 'no matter how you go'; his mother died in March and he was on close "
    "observation in jail after; sertraline ran out yesterday; brother says he sits up all night. I asked him "
    "directly about suicide; the center's social worker and the mobile crisis team did a risk assessment today "
    "and a written safety plan (Marcus, Kayla, the crisis line); Marcus asked to check the apartment for means; "
    "peer mentor stays with him this afternoon. Sertraline bridged today at the re-entry clinic, which also "
    "restores his suspended coverage (reinstatement with Marcus's address). Probation: address approval due "
    "06/19, brother's couch ends 06/30, curfew 10 p.m. for 90 days, 20 hours a week job log, fee waiver asked "
    "for. Application corrected (no income, brother's address, expired ID noted); eligible for coverage and "
    "food. Fresh Slate for ID and birth certificate; housing navigator for a room by 06/30; workforce center "
    "for work and the log; Harborview for counseling. Next contact 06/16 by phone."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("mental-health-crisis", "critical"),
        ("medication-access", "immediate"),
        ("criminal-legal-involvement", "high"),
        ("health-coverage-gap", "high"),
        ("identity-documents", "high"),
        ("homelessness", "high"),
        ("mental-health-treatment", "moderate"),
        ("employment-search", "moderate"),
        ("benefits-enrollment", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("mental-health-crisis",
         "Dwayne is asked directly about suicide and has a risk assessment and written safety plan today",
         "assessment and safety plan dated 06/15; follow-up call 06/16", "2026-06-16"),
        ("medication-access", "Dwayne is back on sertraline today", "bridge filled 06/15", "2026-06-15"),
        ("criminal-legal-involvement", "Dwayne meets every probation condition in the first month",
         "address approved by 06/19; fee waiver asked for; weekly 20-hour log", "2026-06-19"),
        ("health-coverage-gap", "State Health Coverage is reinstated", "active at the pharmacy by 06/22",
         "2026-06-22"),
        ("identity-documents", "Dwayne has a valid state ID", "application by 06/19; card by 07/03", "2026-07-03"),
        ("homelessness", "Dwayne has an approved place to live after 06/30",
         "room found and approved by probation by 06/29", "2026-06-29"),
        ("mental-health-treatment", "Dwayne has counseling and a prescriber",
         "intake and prescriber visit by 06/22", "2026-06-22"),
        ("employment-search", "Dwayne finds work", "enrolled at the workforce center by 06/17; 5 applications a week",
         "2026-06-30"),
        ("benefits-enrollment", "The application is corrected and submitted", "submitted by 06/17", "2026-06-17"),
    ],
    "actions": [
        ("Suicide risk assessment and safety plan with the crisis team", "social-worker", "2026-06-15"),
        ("Peer mentor stays with him today and calls tomorrow", "peer-recovery-specialist", "2026-06-15"),
        ("Sertraline bridge at the re-entry clinic", "registered-nurse", "2026-06-15"),
        ("Coverage reinstatement with the current address", "benefits-specialist", "2026-06-16"),
        ("Corrected application submitted", "benefits-specialist", "2026-06-17"),
        ("Address approval and fee waiver with probation", "social-worker", "2026-06-18"),
        ("ID and birth certificate at Fresh Slate", "community-health-worker", "2026-06-19"),
        ("Workforce center enrolment and job log", "community-health-worker", "2026-06-17"),
    ],
    "referrals": [
        ("harbor-county-crisis-team", "mental-health-crisis"),
        ("harbor-reentry-health-bridge", "medication-access"),
        ("harbor-reentry-health-bridge", "health-coverage-gap"),
        ("fresh-slate-id-clinic", "identity-documents"),
        ("harbor-housing-navigation-center", "homelessness"),
        ("harborview-behavioral-health", "mental-health-treatment"),
        ("harbor-workforce-center", "employment-search"),
        ("benefits-bridge-enrollment", "benefits-enrollment"),
    ],
    "rights": ["confidentiality-and-limits", "consent-to-share-information", "participate-in-own-plan",
               "provide-accurate-information", "refuse-treatment"],
    "info": [
        ("jail-medical", "The close-observation notes from March and the last mental health note; a bridge"),
        ("probation", "What the address approval needs; fee waiver"),
        ("brother", "Any guns or stored pills in the apartment; what he says at night"),
        ("peer-mentor", "His exact words; can he stay with Dwayne today"),
    ],
    "delegations": [
        ("risk-assessment", "social-worker"),
        ("sertraline-bridge", "registered-nurse"),
        ("reinstate-coverage", "benefits-specialist"),
        ("fix-application", "benefits-specialist"),
        ("replace-id", "community-health-worker"),
        ("address-approval", "social-worker"),
        ("job-search", "community-health-worker"),
        ("fee-waiver", "social-worker"),
        ("counseling", "social-worker"),
    ],
    "meeting": ("2026-06-15", ATTENDEES, "His safety today, his medicine, and the first weeks of probation"),
    "note": NOTE,
    "revisions": [
        ("brother-calls-at-night", [], ["harbor-county-crisis-team"], [],
         "Goodbye text to Kayla after yesterday's warning signs: 911 called now for a welfare check with the "
         "mobile crisis team; Marcus and Kayla told calling is right even after curfew; his phone and the places "
         "he goes given to police. Confidentiality has limits when life is at risk: probation told this is a "
         "mental health emergency."),
        ("warehouse-job", [], ["benefits-bridge-enrollment"],
         ["state-health-coverage-adults", "county-food-assistance"],
         "Job at $2,253 a month and a $300 room. Report the change within 10 days; now over both limits "
         "($1,835.40 coverage, $1,696 gross food), so both end after notice; Benefits Bridge for the employer "
         "plan or a marketplace plan with premium help so counseling and sertraline continue. Probation given "
         "the job and the address."),
    ],
}

COMPETENT = {
    "flags": [f for f in FLAGS if f[0] in {"monthly-income", "living-situation"}],
    "needs": [
        ("mental-health-crisis", "critical"),
        ("medication-access", "immediate"),
        ("criminal-legal-involvement", "high"),
        ("identity-documents", "moderate"),
        ("employment-search", "moderate"),
    ],
    "eligibility": [
        ("state-health-coverage-adults", True, "income", "No income."),
        ("county-food-assistance", True, "gross-income", "No income."),
    ],
    "goals": [
        ("mental-health-crisis", "Dwayne is kept safe", "crisis team seen him", "2026-06-15"),
        ("medication-access", "Dwayne gets his sertraline", "refilled", "2026-06-16"),
        ("criminal-legal-involvement", "Dwayne follows probation", "address approved", "2026-06-19"),
        ("identity-documents", "Dwayne gets an ID", "ID", "2026-07-15"),
        ("employment-search", "Dwayne gets a job", "job", "2026-08-01"),
    ],
    "actions": [
        ("Call the crisis team", "social-worker", "2026-06-15"),
        ("Get sertraline refilled", "registered-nurse", "2026-06-16"),
    ],
    "referrals": [
        ("harbor-county-crisis-team", "mental-health-crisis"),
        ("fresh-slate-id-clinic", "identity-documents"),
        ("harbor-workforce-center", "employment-search"),
    ],
    "rights": ["confidentiality-and-limits", "consent-to-share-information"],
    "info": [("probation", "Address approval")],
    "delegations": [
        ("risk-assessment", "social-worker"),
        ("sertraline-bridge", "registered-nurse"),
        ("replace-id", "community-health-worker"),
        ("job-search", "community-health-worker"),
    ],
    "meeting": ("2026-06-15", ["Dwayne Hollis", "Luis Ocampo"], "Release plan"),
    "note": (
        "Dwayne gave away his tools and asked about life insurance; mother died in March; sertraline ran out. "
        "Crisis team called. Sertraline refill. Probation address due 06/19. ID and job search."
    ),
    "revisions": [
        ("brother-calls-at-night", [], [], [], "Goodbye text: called 911."),
        ("warehouse-job", [], [], ["state-health-coverage-adults"], "Working now; over the coverage limit."),
    ],
}

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    needs=[n for n in EXCELLENT["needs"] if n[0] != "mental-health-crisis"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "mental-health-crisis"],
    actions=[a for a in EXCELLENT["actions"] if "Suicide" not in a[0] and "stays with him" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "mental-health-crisis"],
    info=[i for i in EXCELLENT["info"] if i[0] not in {"brother", "peer-mentor"}] + [
        ("brother", "How long Dwayne can stay"),
    ],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] != "risk-assessment"],
    meeting=("2026-06-15", ATTENDEES, "His medicine and the first weeks of probation"),
    note=(
        "06/15 Dwayne, released 06/12 after 11 months, reported to probation at 9 a.m. Flat and tired; grieving "
        "his mother, who died in March. Sertraline ran out yesterday: bridged today at the re-entry clinic, which "
        "also restores his suspended coverage (reinstatement with Marcus's address); Harborview for counseling. "
        "Probation: address approval due 06/19, brother's couch ends 06/30, curfew 10 p.m. for 90 days, 20 hours a "
        "week job log, fee waiver asked for. Application corrected (no income, brother's address, expired ID "
        "noted); eligible for coverage and food. Fresh Slate for ID and birth certificate; housing navigator for "
        "a room by 06/30; workforce center for work and the log. Next contact 06/18."
    ),
    revisions=[
        ("brother-calls-at-night", ["mental-health-crisis"], ["harbor-county-crisis-team"], [],
         "Dwayne is missing after a goodbye text to his daughter: 911 and the mobile crisis team called for a "
         "welfare check; Marcus told to call even though it is after curfew; probation told it is a mental "
         "health emergency."),
        EXCELLENT["revisions"][1],
    ],
)

SUPERFICIAL = {
    "flags": [],
    "needs": [("identity-documents", "high"), ("employment-search", "moderate")],
    "eligibility": [("county-food-assistance", False, "gross-income", "$2,400 on the form.")],
    "goals": [
        ("identity-documents", "Dwayne will get ID.", "ID", "2026-07-15"),
        ("employment-search", "Dwayne will find work.", "job", "2026-08-15"),
    ],
    "actions": [("Give Dwayne the workforce center's address", "case-manager", None)],
    "referrals": [("harbor-workforce-center", "employment-search")],
    "rights": ["provide-accurate-information"],
    "info": [],
    "delegations": [("substance-assessment", "social-worker")],
    "meeting": ("2026-06-15", ["Dwayne Hollis"], "Release"),
    "note": "Dwayne was released on Friday. Needs ID and a job.",
    "revisions": [
        ("brother-calls-at-night", [], [], [], "Out after curfew."),
        ("warehouse-job", [], [], [], "Got a job."),
    ],
}

IN_HOUSE = with_changes(
    EXCELLENT,
    goals=[g for g in EXCELLENT["goals"] if g[0] != "benefits-enrollment"] + [
        ("benefits-enrollment", "The center's benefits specialist corrects and submits the application",
         "submitted by 06/17", "2026-06-17"),
    ],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "benefits-enrollment"],
)

SYNONYMS = {
    "mental-health-crisis": ["trauma-grief-support", "social-isolation"],
    "medication-access": ["medication-adherence"],
    "criminal-legal-involvement": ["immigration-legal-help"],
    "employment-search": ["vocational-retraining", "income-loss"],
}

VAGUE = {
    "*": ("Dwayne will be supported in a strengths-based way to rebuild his life in the community, with every "
          "partner working together toward a successful re-entry.",
          "Dwayne feels he is moving forward."),
    "mental-health-crisis": (
        "Dwayne's emotional wellbeing will be kept in mind and he will be encouraged to reach out when he "
        "feels ready, with support offered sensitively at his own pace.",
        "Dwayne feels supported."),
}
