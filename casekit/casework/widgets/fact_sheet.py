"""The facts a learner reads before each step, rendered as HTML (facts only, never key material)."""

from __future__ import annotations

from collections.abc import Sequence

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Case
from casekit.cases.eligibility.facts import household_facts
from casekit.cases.eligibility.programs import AmountLimit, PovertyLimit, poverty_limit
from casekit.casework.widgets.base import esc

TABLE = "style='border-collapse:collapse;margin:0.3em 0' cellpadding='4'"
ROW = "style='border-bottom:1px solid #ddd;text-align:left;vertical-align:top'"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th {ROW}>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td {ROW}>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table {TABLE}><tr>{head}</tr>{body}</table>"


def overview(case: Case) -> str:
    members = [[m.name, m.relationship, m.age, ", ".join(m.conditions)] for m in case.household.members]
    objectives = "".join(f"<li>{esc(o)}</li>" for o in case.learning_objectives)
    return (
        f"<h3>{esc(case.title)}</h3><p><b>Setting:</b> {esc(case.setting.label)} &nbsp; <b>Intake:</b> {case.intake_date}</p>"
        f"<p>{esc(case.summary)}</p><p><b>What you will practise</b></p><ul>{objectives}</ul>"
        f"<p><b>The client</b>: {esc(case.client.background)}</p>"
        + _table(["Household member", "Relationship", "Age", "Notes"], members)
        + f"<p><b>Presenting situation</b>: {esc(case.presenting_situation)}</p>"
    )


def application(case: Case) -> str:
    rows = [[i.label, "(left blank)" if i.value is None else i.value] for i in case.application.items]
    return f"<p><b>{esc(case.application.form)}</b>, received {case.application.received}</p>" + _table(["Item", "As filled in"], rows)


def reports(case: Case) -> str:
    providers = {p.id: p for p in case.providers}
    parts = []
    for r in case.reports:
        p = providers.get(r.provider)
        who = f"{p.name}, {p.role}" if p else r.provider
        parts.append(f"<details open><summary><b>{esc(r.title)}</b> ({esc(who)}, {r.date})</summary><p>{esc(r.text)}</p></details>")
    return "".join(parts)


def verified_household(case: Case) -> str:
    hh = case.household
    rows = [[next(m.name for m in hh.members if m.id == i.member), i.kind, f"${i.monthly:,.2f}", "earned" if i.earned else "unearned", i.verified_by] for i in hh.income]
    extra = "<p>" + esc(
        f"Shelter costs: ${hh.shelter_costs_monthly:,.2f} a month. Dependent care: ${hh.dependent_care_monthly:,.2f} a month. "
        f"Countable assets: ${hh.countable_assets:,.2f}. Already receives: {', '.join(hh.receives) or 'nothing'}."
    ) + "</p>"
    own = [f"{m.name} ${m.countable_assets:,.2f}" for m in hh.members if m.countable_assets is not None]
    if own:
        extra += "<p>" + esc("Each member's own countable assets: " + "; ".join(own) + ".") + "</p>"
    return "<p><b>Verified income</b> (from documents, not the form)</p>" + _table(["Member", "Income", "Monthly", "Kind", "Verified by"], rows) + extra


COUNTS_TEXT = {
    "whole_household": "It counts everyone in the household.",
    "tax_household": "It counts the people who file taxes with the applicant.",
    "applicant": "It counts the applicant alone: the income, savings and household size of nobody else.",
}


def program_rules(case: Case, lib: CaseLibrary) -> str:
    """Each program's tests with the limits for this household's size: the rule, not the answer."""
    facts = household_facts(case)
    parts = []
    for pid in case.programs:
        p = lib.program(pid)
        size = int(facts.for_counting(p.counts)["household_size"])
        rows = []
        for t in p.tests:
            if isinstance(t.limit, PovertyLimit):
                lim = poverty_limit(t.limit, lib.poverty_guidelines(), p.poverty_year(t.id), size, case.household.state_group)
                limit = f"${lim:,.2f} ({t.limit.percent_of_poverty:g}% of the {p.guideline_year} guideline, {t.limit.period}, {size} {'person' if size == 1 else 'people'})"
            elif isinstance(t.limit, AmountLimit):
                limit = f"{t.compare.replace('_', ' ')} {t.limit.amount:g} {t.unit}"
            elif t.values:
                limit = ("one of " if t.compare == "is_one_of" else "none of ") + ", ".join(v.replace("_", " ") for v in t.values)
            else:
                limit = "must be " + ("true" if t.compare == "is_true" else "false")
            extras = []
            if t.limit_if:
                extras += [f"{c.amount:g} when {c.when.replace('_', ' ')}" for c in t.limit_if]
            if t.waived_if:
                extras.append("waived when " + " or ".join(w.replace("_", " ") for w in t.waived_if))
            if t.passes_if_any:
                extras.append("also met when " + " or ".join(w.replace("_", " ") for w in t.passes_if_any))
            rows.append([t.id, t.name, limit, "; ".join(extras)])
        deductions = ""
        if p.deductions:
            d = p.deductions
            deductions = "<p>" + esc(
                f"Net income = gross income - {d.earned_income_percent:g}% of earned income - standard deduction "
                f"(${d.standard.for_size(size):,.0f} for {size} people) - dependent care"
                + (f" - shelter costs above {d.excess_shelter.percent_of_adjusted_income:g}% of the income left"
                   + (f" (at most ${d.excess_shelter.cap:,.0f} unless {' or '.join(w.replace('_', ' ') for w in d.excess_shelter.cap_waived_if)})" if d.excess_shelter.cap else "")
                   if d.excess_shelter else "")
                + "."
            ) + "</p>"
        parts.append(
            f"<h4>{esc(p.name)}</h4><p>{esc(p.summary)} {esc(COUNTS_TEXT[p.counts])} "
            f"<i>Simulated; modelled on {esc(p.modelled_on)}. "
            f"Source: {esc(p.source)}, as of {p.as_of} ({p.confidence}).</i></p>"
            + _table(["Test id", "Test", "Limit for this household", "Special routes"], rows)
            + deductions
        )
    return "".join(parts)


def event(ev) -> str:
    return f"<h4>Day {ev.day}: {esc(ev.title)}</h4><p>{esc(ev.text)}</p>"
