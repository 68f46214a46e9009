"""Marcus, an injured warehouse worker nearing two years of income benefits: the validity plans.

Written from the case file and the catalogues only. The danger that decides this case shows
only when two reports are read together: the prescription monitoring summary (oxycodone at
105 morphine milligram equivalents from the pain clinic, alprazolam 1 mg three times a day
from the family doctor through the group plan, cyclobenzaprine at night, no naloxone) and the
psychologist's note (four to six beers most nights to sleep, loud snoring with pauses in
breathing). Opioids, a benzodiazepine, a muscle relaxant and alcohol in a man who may have
sleep apnoea: overdose risk, to be acted on the same day.
"""

from write_plans import with_changes

CRITICAL = ["overdose-risk"]
"""The need(s) the critical-at-low-severity plan rates low and puts last."""

CASE = "managed-care-workers-comp-back-injury"

ATTENDEES = ["Marcus Tillery", "Tanya Tillery", "Mark Odutola", "Gregory Osei", "field nurse case manager"]

FLAGS = [
    ("average-weekly-wage", "inconsistent",
     "He gives $1,180; Crestline's wage statement shows $1,050 for the 13 weeks before the injury, with no "
     "overtime, which is also what his $735 weekly benefit is based on."),
    ("current-medications", "inconsistent",
     "Leaves out alprazolam 1 mg three times a day, filled monthly at Harbor Discount Drug (prescription "
     "monitoring summary, 03/24)."),
    ("other-prescribers", "missing",
     "Left blank, but Dr. Sandoval (family physician) prescribes the alprazolam; with Dr. Pruitt that is two "
     "prescribers of controlled substances and two pharmacies."),
    ("alcohol-use", "inconsistent",
     "He writes 'a couple of beers on weekends'; to the psychologist he said a few beers at night to sleep and "
     "his wife said four to six most nights."),
]

ELIGIBILITY = [
    ("state-workers-comp-mmi", False, "statutory-104-weeks",
     "Not reached by either route: Dr. Redfern has not certified MMI (he expects it about six months after "
     "surgery), and 96 of the 104 weeks of temporary income benefits are paid. Statutory MMI arrives in about "
     "8 weeks, near May 26, whatever the fusion decision, so Marcus and Tanya must plan for it now."),
    ("county-food-assistance", False, "gross-income",
     "Household of 4 with $3,185 benefits plus $1,450 wages = $4,635 a month, above the gross income limit "
     "(130% of poverty, about $3,483); no member is elderly or disabled, so the gross test applies. "
     "Redetermine when the benefits stop."),
]

NOTE = (
    "03/31 claim transfer; first meeting 04/02 with Marcus and Tanya, vocational counselor and pharmacist. "
    "SAME-DAY SAFETY: read together, the prescription monitoring summary and the pain psychology note show "
    "oxycodone ER and IR at 105 MME from Dr. Pruitt, alprazolam 1 mg TID from Dr. Sandoval (paid by the group "
    "plan, not visible on the claim), cyclobenzaprine at night, 4 to 6 beers most nights to sleep, and "
    "witnessed pauses in breathing. No naloxone. His intake form omits the alprazolam and the second "
    "prescriber and understates alcohol. Today: Mr. Osei is alerting all three prescribers and asking for one "
    "agreed plan; naloxone from the Overdose Prevention Program with teaching for Marcus and Tanya; advised "
    "Marcus not to drink with his medicines; sleep apnoea evaluation requested through Dr. Sandoval. "
    "Depression and anxiety (PHQ-9 15, GAD-7 11), fear of movement, PT plateau: referral to the Steady Ground "
    "functional restoration program, which also answers the psychologist's pre-surgical concerns; alcohol "
    "assessment at Clearwater. Fusion not certified 03/27 (no instability, unaddressed psychological factors, "
    "smoking; criteria need 6 weeks tobacco-free): explained the reasons, his right to the criteria and to "
    "reconsideration within 30 days (by 04/26), peer-to-peer with Dr. Kwan to be held; Injured Workers' "
    "Ombudsman offered. MMI not reached; 96 of 104 weeks paid, so benefits stop near 05/26 by statute: "
    "explained with a written timeline. Work: restrictions sedentary, 10 lb; Crestline has no sedentary work; "
    "FCE booked, job analysis by Mr. Odutola toward inventory control or dispatch, which Marcus wants. Wage "
    "on his form ($1,180) differs from the employer's $1,050; adjuster told. Food assistance not eligible "
    "now (gross income over the limit)."
)

EXCELLENT = {
    "flags": FLAGS,
    "needs": [
        ("overdose-risk", "critical"),
        ("substance-use-treatment", "high"),
        ("mental-health-treatment", "high"),
        ("medical-follow-up", "high"),
        ("chronic-pain", "high"),
        ("income-loss", "high"),
        ("coverage-denial", "moderate"),
        ("return-to-work", "moderate"),
        ("vocational-retraining", "moderate"),
    ],
    "eligibility": ELIGIBILITY,
    "goals": [
        ("overdose-risk",
         "Naloxone is in the home and Marcus and Tanya know how to use it, and Dr. Pruitt, Dr. Sandoval and "
         "Dr. Redfern agree one medicine plan that ends the opioid, alprazolam and alcohol combination",
         "naloxone kit in the home with both showing the steps back by 04/02; one written plan agreed by all "
         "prescribers, with a taper schedule, by 04/10", "2026-04-10"),
        ("substance-use-treatment",
         "Marcus has an alcohol assessment at Clearwater and stops drinking while on his pain medicines",
         "assessment attended; zero drinking nights a week on his own log, reviewed at each contact",
         "2026-04-17"),
        ("mental-health-treatment",
         "Marcus's depression and anxiety are treated through pain psychology in the functional restoration "
         "program", "PHQ-9 below 10 and GAD-7 below 8 on re-screening at the end of the program", "2026-05-29"),
        ("medical-follow-up",
         "Dr. Sandoval orders a sleep apnoea evaluation and the result goes to every prescriber",
         "sleep study done and result received by the prescribers", "2026-04-30"),
        ("chronic-pain",
         "Marcus completes the six-week Steady Ground functional restoration program",
         "attends at least 27 of 30 program days; sits 60 minutes and lifts 20 lb floor to waist at discharge",
         "2026-05-29"),
        ("income-loss",
         "Marcus and Tanya have a written timeline of when temporary benefits stop (104 weeks, about May 26) "
         "and what follows, and a June budget",
         "timeline given at the 04/02 meeting; budget drawn up with them by 04/30", "2026-04-30"),
        ("coverage-denial",
         "Marcus knows why the fusion was not certified and decides with Dr. Redfern, after the peer-to-peer, "
         "whether to ask for reconsideration",
         "peer-to-peer held by 04/10 and a decision on reconsideration recorded before the 30-day deadline",
         "2026-04-26"),
        ("return-to-work",
         "A return-to-work plan within his restrictions is based on a functional capacity evaluation",
         "FCE report received and a plan naming 3 sedentary job targets agreed with Marcus", "2026-04-30"),
        ("vocational-retraining",
         "Marcus starts training toward inventory control or dispatch work",
         "enrolment confirmed in an inventory software certificate course", "2026-06-15"),
    ],
    "actions": [
        ("Alert Dr. Pruitt, Dr. Sandoval and Dr. Redfern in writing to the combined opioids, alprazolam, "
         "cyclobenzaprine and alcohol, and ask for one agreed plan", "pharmacist", "2026-03-31"),
        ("Get a naloxone kit to the home and teach Marcus and Tanya to use it", "pharmacist", "2026-04-02"),
        ("Ask Dr. Sandoval for a sleep apnoea evaluation", "case-manager", "2026-04-03"),
        ("Book the functional capacity evaluation and send Marcus the date in writing",
         "administrative-assistant", "2026-04-07"),
        ("Job analysis of sedentary work in inventory control and dispatch; ask Crestline about modified duty",
         "vocational-rehabilitation-counselor", "2026-04-17"),
        ("Hold the peer-to-peer on the fusion request with Dr. Redfern", "physician-advisor", "2026-04-10"),
        ("Send records requests with Marcus's signed release to the pain clinic and Dr. Sandoval",
         "administrative-assistant", "2026-04-03"),
        ("Tell the adjuster the wage on the intake form differs from the employer's statement",
         "case-manager", "2026-04-01"),
    ],
    "referrals": [
        ("harbor-county-overdose-prevention", "overdose-risk"),
        ("clearwater-recovery-center", "substance-use-treatment"),
        ("steady-ground-functional-restoration", "chronic-pain"),
        ("steady-ground-functional-restoration", "mental-health-treatment"),
        ("steady-ground-functional-restoration", "return-to-work"),
        ("lakeshore-return-to-work-services", "return-to-work"),
        ("lakeshore-return-to-work-services", "vocational-retraining"),
        ("injured-workers-ombudsman", "coverage-denial"),
    ],
    "rights": [
        "appeal-denial-with-notice",
        "review-criteria-and-reviewer",
        "dispute-mmi-and-rating",
        "attend-required-exams",
        "report-return-to-work-and-earnings",
        "consent-to-share-information",
        "participate-in-own-plan",
    ],
    "info": [
        ("primary-care", "Reason for alprazolam 1 mg three times a day; whether he knows of the 105 MME opioids "
                         "and the alcohol; sleep apnoea evaluation"),
        ("pain-clinic", "Opioid agreement and taper plan; whether Dr. Pruitt knows of the alprazolam"),
        ("claims-pharmacist", "Letter to all prescribers on the combination, and naloxone for the home"),
        ("spine-surgeon", "Peer-to-peer date with Dr. Kwan; smoking cessation plan; current restrictions"),
        ("pain-psychologist", "Consent to share the evaluation with the prescribers; whether she advises the "
                              "functional restoration program or CBT first"),
        ("employer", "Any sedentary or modified duty at other Crestline sites; the date the leave ends"),
    ],
    "delegations": [
        ("prescriber-alert", "pharmacist"),
        ("naloxone-in-home", "pharmacist"),
        ("book-fce", "administrative-assistant"),
        ("job-analysis", "vocational-rehabilitation-counselor"),
        ("fusion-peer-to-peer", "physician-advisor"),
        ("records-requests", "administrative-assistant"),
    ],
    "meeting": ("2026-04-02", ATTENDEES,
                "Same-day overdose safety (naloxone, one medicine plan), why the fusion was not certified and his "
                "options, when benefits stop, and a return-to-work plan"),
    "note": NOTE,
    "revisions": [
        ("employment-ends", ["health-coverage-gap"], ["benefits-bridge-enrollment", "harbor-workforce-center"], [],
         "Employment and the family's group coverage end 04/30; continuation at $1,920 a month is more than the "
         "mortgage. Benefits Bridge appointment this week: loss of coverage opens a 60-day special enrolment "
         "window for a marketplace plan with premium help, and at about $4,635 a month the children may qualify "
         "for Kids Health Coverage. The claim still pays for the back injury; Dr. Sandoval's care and the "
         "alprazolam taper must not lapse, so the pharmacist tells him of the date. Return to Crestline is no "
         "longer possible: the job analysis turns to other employers and the Workforce Center's inventory "
         "software course. Income benefits continue until the 104th week."),
        ("statutory-mmi-reached", ["workers-comp-dispute", "benefits-enrollment", "housing-eviction-risk"],
         ["injured-workers-ombudsman", "benefits-bridge-enrollment"], ["state-workers-comp-mmi", "county-food-assistance"],
         "104 weeks paid on 05/26: MMI is reached by statute even though Dr. Redfern has not certified it, and "
         "temporary benefits stop. Explained to Marcus: he must attend the designated doctor exam on 06/18 or "
         "benefits can be suspended; impairment income benefits start once a rating is certified; he may "
         "dispute the MMI date or rating within the agency's deadline, with the Ombudsman's help. Food "
         "assistance redetermined: gross income now $1,450, under the gross limit, net and asset ($2,100) tests "
         "pass, so the household is eligible; application through Benefits Bridge, which also screens the adults "
         "for state health coverage. Mortgage due 06/01 exceeds the only income: Tanya to call the lender about "
         "forbearance before the due date. Overdose plan re-checked: naloxone still in the home."),
    ],
}

# ---------------------------------------------------------------- competent

COMPETENT = {
    "flags": [FLAGS[0], FLAGS[3]],
    "needs": [
        ("overdose-risk", "critical"),
        ("chronic-pain", "high"),
        ("mental-health-treatment", "moderate"),
        ("return-to-work", "moderate"),
    ],
    "eligibility": [
        ("state-workers-comp-mmi", False, "doctor-certified", "The surgeon has not certified MMI."),
        ("county-food-assistance", False, "gross-income", "Income is over the limit."),
    ],
    "goals": [
        ("overdose-risk", "Marcus has naloxone and his doctors review his medicines",
         "naloxone in the home", "2026-04-10"),
        ("chronic-pain", "Marcus attends a pain program", "he attends", "2026-05-29"),
        ("return-to-work", "Marcus gets back to some kind of work", "working", "2026-07-31"),
    ],
    "actions": [
        ("Ask the pharmacist to contact the prescribers", "case-manager", "2026-04-01"),
        ("Book the FCE", "administrative-assistant", "2026-04-07"),
    ],
    "referrals": [
        ("harbor-county-overdose-prevention", "overdose-risk"),
        ("steady-ground-functional-restoration", "chronic-pain"),
        ("lakeshore-return-to-work-services", "return-to-work"),
    ],
    "rights": ["appeal-denial-with-notice", "attend-required-exams", "dispute-mmi-and-rating"],
    "info": [("primary-care", "Why he takes alprazolam")],
    "delegations": [
        ("prescriber-alert", "pharmacist"),
        ("naloxone-in-home", "pharmacist"),
        ("book-fce", "administrative-assistant"),
        ("job-analysis", "vocational-rehabilitation-counselor"),
    ],
    "meeting": ("2026-04-02", ["Marcus Tillery", "Tanya Tillery", "field nurse case manager"], "Care plan"),
    "note": (
        "Marcus is on high-dose oxycodone and alprazolam from two doctors and drinks at night, so he is at "
        "risk of overdose: naloxone and a prescriber review. Fusion not certified; he can ask for "
        "reconsideration. Pain program and FCE for return to work."
    ),
    "revisions": [
        ("employment-ends", ["health-coverage-gap"], ["benefits-bridge-enrollment"], [],
         "Coverage ends 04/30; referred to Benefits Bridge for other coverage."),
        ("statutory-mmi-reached", [], [], ["county-food-assistance"],
         "Benefits have stopped at 104 weeks. Food assistance redetermined on Tanya's income: eligible now."),
    ],
}

# ---------------------------------------------------------------- missed-critical: never puts the two reports together

MISSED_CRITICAL = with_changes(
    EXCELLENT,
    flags=[FLAGS[0], FLAGS[3]],
    needs=[n for n in EXCELLENT["needs"] if n[0] != "overdose-risk"],
    goals=[g for g in EXCELLENT["goals"] if g[0] != "overdose-risk"],
    actions=[a for a in EXCELLENT["actions"] if "naloxone" not in a[0] and "alprazolam" not in a[0]],
    referrals=[r for r in EXCELLENT["referrals"] if r[1] != "overdose-risk"],
    info=[
        ("pain-clinic", "Opioid agreement and plans for the pain medicines after the functional restoration program"),
        ("spine-surgeon", "Peer-to-peer date with Dr. Kwan; smoking cessation plan; current restrictions"),
        ("pain-psychologist", "Whether she advises the functional restoration program or CBT first"),
        ("primary-care", "Sleep apnoea evaluation"),
        ("employer", "Any sedentary or modified duty at other Crestline sites; the date the leave ends"),
    ],
    delegations=[d for d in EXCELLENT["delegations"] if d[0] not in {"prescriber-alert", "naloxone-in-home"}],
    meeting=("2026-04-02", ATTENDEES,
             "Why the fusion was not certified and his options, when benefits stop, and a return-to-work plan"),
    note=(
        "03/31 claim transfer; first meeting 04/02 with Marcus and Tanya, vocational counselor and pharmacist. "
        "Depression and anxiety (PHQ-9 15, GAD-7 11), fear of movement, PT plateau: referral to the Steady "
        "Ground functional restoration program, which also answers the psychologist's pre-surgical concerns. "
        "Alcohol: 4 to 6 beers most nights to sleep, more than on his form: assessment at Clearwater. Snoring "
        "with pauses: sleep apnoea evaluation through Dr. Sandoval. Pain medicines are managed by Dr. Pruitt. "
        "Fusion not certified 03/27 (no instability, psychological factors, smoking): explained the reasons, "
        "his right to the criteria and to reconsideration by 04/26, peer-to-peer with Dr. Kwan to be held; "
        "Ombudsman offered. MMI not reached; 96 of 104 weeks paid, so benefits stop near 05/26: written "
        "timeline given. Work: sedentary, 10 lb; no sedentary work at Crestline; FCE booked and job analysis "
        "toward inventory control or dispatch. Wage on his form differs from the employer's; adjuster told. "
        "Food assistance not eligible now."
    ),
    revisions=[
        EXCELLENT["revisions"][0][:4] + (
            "Employment and the family's group coverage end 04/30; continuation at $1,920 a month is more than "
            "the mortgage. Benefits Bridge appointment this week for a marketplace plan in the 60-day special "
            "enrolment window, and Kids Health Coverage for the children. The claim still pays for the back "
            "injury. Job analysis turns to other employers and the Workforce Center's inventory software course.",),
        EXCELLENT["revisions"][1][:4] + (
            "104 weeks paid on 05/26: MMI is reached by statute even though Dr. Redfern has not certified it, and "
            "temporary benefits stop. He must attend the designated doctor exam on 06/18; impairment income "
            "benefits follow a certified rating; he may dispute the MMI date or rating, with the Ombudsman's "
            "help. Food assistance redetermined: gross income $1,450, net and asset tests pass, eligible; apply "
            "through Benefits Bridge. Mortgage due 06/01: Tanya to call the lender about forbearance.",),
    ],
)

# ---------------------------------------------------------------- superficial

SUPERFICIAL = {
    "flags": [],
    "needs": [("chronic-pain", "high"), ("return-to-work", "moderate")],
    "eligibility": [("state-workers-comp-mmi", False, None, "Not yet.")],
    "goals": [
        ("chronic-pain", "Marcus will feel less pain.", "less pain", "2026-06-30"),
        ("return-to-work", "Marcus will go back to work.", "back at work", "2026-06-30"),
    ],
    "actions": [("Call Marcus", "case-manager", None)],
    "referrals": [("lakeshore-return-to-work-services", "return-to-work")],
    "rights": ["appeal-denial-with-notice"],
    "info": [],
    "delegations": [("book-fce", "administrative-assistant")],
    "meeting": ("2026-04-02", ["Marcus Tillery"], "Meet"),
    "note": "Met Marcus. He wants the surgery. Will look at return to work.",
    "revisions": [
        ("employment-ends", [], [], [], "Job ended. Claim continues."),
        ("statutory-mmi-reached", [], [], [], "Benefits stopped. Will follow up."),
    ],
}

# ---------------------------------------------------------------- in-house

IN_HOUSE = with_changes(
    EXCELLENT,
    note=NOTE.replace(
        'naloxone from the Overdose Prevention Program with teaching',
        'naloxone dispensed on the claim by Mr. Osei with teaching',
    ),
    goals=EXCELLENT["goals"] + [
        ("overdose-risk",
         "The claim's pharmacist dispenses naloxone to the home and teaches Marcus and Tanya by return "
         "demonstration, and leads the prescribers to one agreed plan",
         "naloxone on the claim's pharmacy record and both show the steps back on 04/02; agreed plan on file",
         "2026-04-10"),
        ("return-to-work",
         "Mark Odutola, the insurer's vocational counselor, completes the job analysis and a return-to-work "
         "plan with Marcus", "job analysis report with 3 sedentary job targets agreed", "2026-04-30"),
    ],
    actions=EXCELLENT["actions"] + [
        ("Dispense naloxone on the claim and teach its use at the 04/02 meeting", "pharmacist", "2026-04-02"),
    ],
    referrals=[r for r in EXCELLENT["referrals"]
               if r[0] not in {"harbor-county-overdose-prevention", "lakeshore-return-to-work-services"}],
)

SYNONYMS = {
    "overdose-risk": ["medication-safety", "mental-health-crisis"],
    "chronic-pain": ["mobility-rehabilitation"],
    "mental-health-treatment": ["trauma-grief-support"],
    "return-to-work": ["employment-search"],
}

VAGUE = {
    "*": ("Marcus will be helped in a supportive, holistic and person-centred way to move forward positively "
          "with his recovery and his life, working together with all of the relevant parties as appropriate.",
          "Everyone involved agrees that Marcus is moving forward and things are generally getting better."),
    "overdose-risk": (
        "Marcus's medicines will be looked at carefully and appropriately by the right people so that he is "
        "as safe as he reasonably can be, with suitable support for him and his family going forward.",
        "The team feels his medicines are being handled safely."),
}
