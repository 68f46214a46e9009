"""Checking the whole library: each file on its own, then every cross-reference.

Returns problems instead of raising, one per thing to fix, each naming the file, the
field path and what to do. Validation only reads files; it never writes one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence, Set
from pathlib import Path

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Case, Key, KeyEligibility, KeyReferral, did_you_mean, fact_kind
from casekit.cases.eligibility.engine import determine
from casekit.cases.eligibility.facts import (
    HOUSEHOLD_ONLY_FACTS,
    is_member_test,
    derived_fact_names,
    fact_timeline,
    facts_after,
    household_facts,
    same_kind,
)
from casekit.cases.eligibility.resources import unmet_criteria
from casekit.errors import CasekitError, Problem
from casekit.cases.text import expresses


def validate_library(root: Path | None = None, paths: list[Path] | None = None,
                     also: Iterable[Callable[[Path, set[str]], list[Problem]]] = ()) -> list[Problem]:
    """Every problem in the library at ``root`` (or only in ``paths`` when given).

    ``also`` adds checks of files that build on the cases (the exam bank: ``casekit cases validate``
    passes :func:`casekit.exam.validate.exam_problems`), each called with the kit's root and the case ids.
    """
    lib = CaseLibrary.load(root)
    problems = list(lib.problems)
    problems += _check_catalogues(lib)
    program_problems, covered = _check_programs(lib)
    problems += program_problems
    for case_id, case in lib.cases.items():
        problems += _check_case(lib, case, lib.case_files[case_id], covered)
        if case_id not in lib.keys:
            if not any(Path(p.path) == lib.keys_dir / f"{case_id}.yaml" for p in lib.problems):
                problems.append(
                    Problem(lib.case_files[case_id], "id", f"case has no answer key; add graders/keys/{case_id}.yaml")
                )
    for case_id, key in lib.keys.items():
        path = lib.key_files[case_id]
        if case_id not in lib.cases:
            if not any(Path(p.path) == lib.casestudies / f"{case_id}.yaml" for p in lib.problems):
                problems.append(Problem(path, "case", f"no case {case_id!r} in casestudies/; fix the id or add the case"))
            continue
        problems += _check_key(lib, lib.cases[case_id], key, path)
    for check in also:
        problems += check(lib.root, set(lib.cases))
    if paths:
        wanted = {Path(p).resolve() for p in paths}
        problems = [p for p in problems if Path(p.path).resolve() in wanted]
    return [Problem(_relative(p.path, lib.root), p.field, p.message) for p in problems]


def _relative(path: str, root: Path) -> str:
    """Paths inside the kit are shown from its root: casestudies/x.yaml, not /home/.../x.yaml."""
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def _duplicates(items, attr: str = "id") -> list[tuple[int, str]]:
    seen = Counter(getattr(i, attr) for i in items)
    return [(n, getattr(i, attr)) for n, i in enumerate(items) if seen[getattr(i, attr)] > 1]


def known_facts(lib: CaseLibrary) -> set[str]:
    """Every fact name the library knows: derived for every case, declared by resources.yaml, or given by a case."""
    names = derived_fact_names() | set(lib.resource_facts)
    for case in lib.cases.values():
        names |= set(case.facts)
    return names


def _fact_problem(name: str, known: set[str], what: str) -> str | None:
    """Why ``name`` is not a known fact, with the closest known one; None when it is known."""
    if name in known:
        return None
    hint = did_you_mean(name, known)
    return (f"{what} {name!r} is no fact the kit knows;{hint or ''} use a household fact (e.g. person_age, "
            "gross_monthly_income), one declared under `facts:` in casestudies/resources.yaml, or one a case "
            "gives under its own `facts:`")


def _check_catalogues(lib: CaseLibrary) -> list[Problem]:
    """The resource directory: needs, categories and the facts its criteria name."""
    out = []
    path = lib.casestudies / "resources.yaml"
    facts = known_facts(lib)
    for rid, res in lib.resources.items():
        where = f"resources[{rid}]"
        for need in res.serves_needs:
            if need not in lib.known_ids("needs"):
                out.append(Problem(path, f"{where}.serves_needs", f"unknown need {need!r};"
                                   f"{did_you_mean(need, lib.needs) or ''} add it to casestudies/needs.yaml or fix the id"))
        if lib.categories and res.category not in lib.categories:
            out.append(Problem(path, f"{where}.category", f"unknown category {res.category!r};"
                               f"{did_you_mean(res.category, lib.categories) or ''} use one of "
                               f"{', '.join(lib.categories)}, or add it under `categories:` at the top of the file"))
        for fact in res.criteria.requires:
            why = _fact_problem(fact, facts, "requires")
            if why:
                out.append(Problem(path, f"{where}.criteria.requires", why))
        for rule in res.criteria.excludes:
            why = _fact_problem(rule.fact, facts, "excludes")
            if why:
                out.append(Problem(path, f"{where}.criteria.excludes", why))
    if lib.resources and lib.categories:
        empty = sorted(set(lib.categories) - {r.category for r in lib.resources.values()})
        if empty:
            out.append(Problem(path, "categories", f"no resource in categories {', '.join(empty)}; add one to each "
                                                   "or remove the category"))
    return out


def _check_programs(lib: CaseLibrary) -> tuple[list[Problem], set[tuple[str, str]]]:
    """Program tests that read a fact no case gives and that looks like a typo of a known one.

    Returns the problems and the (program, fact) pairs they cover, so a case using the program is not
    told the same thing again.
    """
    out: list[Problem] = []
    covered: set[tuple[str, str]] = set()
    if lib.programs is None:
        return out, covered
    path = lib.casestudies / "programs.yaml"
    facts = known_facts(lib)
    for prog in lib.programs.programs:
        for test in prog.tests:
            names = [("fact", test.fact)] + [("waived_if", f) for f in test.waived_if]
            names += [("passes_if_any", f) for f in test.passes_if_any] + [("limit_if", a.when) for a in test.limit_if]
            for field_name, fact in names:
                if fact in facts or not did_you_mean(fact, facts):
                    continue
                near = did_you_mean(fact, facts)
                close = near.split("'")[1]
                givers = sorted(c.id for c in lib.cases.values() if close in c.facts)
                where = f" (given by {', '.join(givers)})" if givers else ""
                out.append(Problem(path, f"programs[{prog.id}].tests[{test.id}].{field_name}",
                                   f"no case gives fact {fact!r} and it is no household fact;{near}{where} fix "
                                   f"the name here, or, if the case is the one misspelt, rename its fact to {fact!r}"))
                covered.add((prog.id, fact))
    return out, covered


def _check_case(lib: CaseLibrary, case: Case, path: Path, covered: Set[tuple[str, str]] = frozenset()) -> list[Problem]:
    out: list[Problem] = []
    members = {m.id for m in case.household.members}
    providers = {p.id for p in case.providers}
    for field_name, items in (
        ("household.members", case.household.members),
        ("application.items", case.application.items),
        ("providers", case.providers),
        ("reports", case.reports),
        ("tasks", case.tasks),
        ("events", case.events),
    ):
        for n, dup in _duplicates(items):
            out.append(Problem(path, f"{field_name}[{dup}].id", f"duplicate id {dup!r} in this case (entry {n + 1}); ids must be unique"))
    if case.client.member not in members:
        out.append(Problem(path, "client.member", f"{case.client.member!r} is not a household member id; use one of {sorted(members)}"))
        return out
    for n, inc in enumerate(case.household.income):
        if inc.member not in members:
            out.append(Problem(path, f"household.income[{n}].member", f"{inc.member!r} is not a household member id;"
                               f"{did_you_mean(inc.member, members) or ''} use one of {sorted(members)}"))
    for rep in case.reports:
        if rep.provider not in providers:
            out.append(Problem(path, f"reports[{rep.id}].provider", f"{rep.provider!r} is not in this case's providers;"
                               f"{did_you_mean(rep.provider, providers) or ''} add it there or fix the id"))
    fact_problems, unknown = _check_case_facts(case, path)
    out += fact_problems
    # An event whose changes are wrong is reported once, above, not again by every program that reads them.
    out += _check_case_programs(lib, case, path, covered | {(p, f) for p in case.programs for f in unknown},
                                events_too=not fact_problems)
    return out


def _check_case_facts(case: Case, path: Path) -> tuple[list[Problem], set[str]]:
    """Each event's fact changes name a fact the case has, and keep its kind (yes/no, number, word, duration).

    Returns the problems and the unknown fact names they cover.
    """
    out: list[Problem] = []
    unknown: set[str] = set()
    current = dict(household_facts(case))
    for event in case.events_in_order():
        for name, value in event.fact_changes.items():
            where = f"events[{event.id}].fact_changes.{name}"
            problem = _fact_change_problem(path, where, current, name, value, unknown)
            if problem:
                out.append(problem)
                continue
            current[name] = value
    out += _check_member_fact_changes(case, path, unknown)
    return out, unknown


def _check_member_fact_changes(case: Case, path: Path, unknown: set[str]) -> list[Problem]:
    """Each member's own change names a fact of that member (their savings, age, disability, pregnancy, or a
    case fact true of them alone), keeps its kind, and is not a household figure."""
    out: list[Problem] = []
    own_assets = any(m.countable_assets is not None for m in case.household.members)
    current = {m.id: dict(household_facts(case, member=m.id)) for m in case.household.members}
    for m in current:
        current[m]["countable_assets"] = household_facts(case, member=m).for_counting("applicant")["countable_assets"]
    for event in case.events_in_order():
        for member, changes in event.member_fact_changes.items():
            facts = current.get(member)
            if facts is None:
                continue  # the case model refuses a member who is not in the household
            for name, value in changes.items():
                where = f"events[{event.id}].member_fact_changes.{member}.{name}"
                if name in HOUSEHOLD_ONLY_FACTS:
                    out.append(Problem(path, where, f"{name!r} is a figure of the whole household, not of one "
                                       "member; change it under the event's `fact_changes:`, or change the member's "
                                       "own income, savings, age, disability or pregnancy"))
                    continue
                if name == "countable_assets" and not own_assets:
                    out.append(Problem(path, where, f"{member!r}'s own savings change, but no household member has "
                                       "`countable_assets:` of their own; give each member theirs under "
                                       "household.members, or change the household's under `fact_changes:`"))
                    continue
                problem = _fact_change_problem(path, where, facts, name, value, unknown)
                if problem:
                    out.append(problem)
                    continue
                facts[name] = value
    return out


def _fact_change_problem(path: Path, where: str, current: dict, name: str, value, unknown: set[str]) -> Problem | None:
    """What is wrong with an event setting fact ``name`` to ``value`` (given the facts so far), or None.

    A name the case does not have is added to ``unknown``."""
    if name not in current:
        unknown.add(name)
        hint = did_you_mean(name, current)
        return Problem(path, where, f"{name!r} is not a fact of this case;{hint or ''} an event changes a fact the "
                       "case already has: add it under the case's `facts:` with its value at intake, or fix the name")
    if not same_kind(current[name], value):
        return Problem(path, where, f"{name!r} is a {fact_kind(current[name])} fact ({current[name]}) but this event "
                       f"sets it to {value!r}, a {fact_kind(value)}; keep the kind, e.g. {_example(current[name])}")
    return None


def _example(value: object) -> str:
    kind = fact_kind(value)
    return {"yes/no": "true or false", "number": "a number such as 1250", "word": "a word such as hospice",
            "duration": "{value: 3, unit: weeks}"}.get(kind, repr(value))


def _check_case_programs(lib: CaseLibrary, case: Case, path: Path, covered: Set[tuple[str, str]],
                         events_too: bool = True) -> list[Problem]:
    """Programs exist, read facts the case gives (or says how to fix the name), and can be decided at intake
    and after every event."""
    out: list[Problem] = []
    if lib.programs is None or lib.guidelines is None:
        return out
    valid = {p.id for p in lib.programs.programs}
    known = lib.known_ids("programs")
    client = case.client_person
    timeline = fact_timeline(case) if events_too else fact_timeline(case)[:1]
    for prog_id in case.programs:
        where = f"programs[{prog_id}]"
        if prog_id not in known:
            out.append(Problem(path, where, f"unknown program {prog_id!r};{did_you_mean(prog_id, known) or ''} use one "
                               f"of {sorted(valid)} from casestudies/programs.yaml"))
            continue
        if prog_id not in valid:
            continue  # reported once, in programs.yaml
        program = lib.programs.get(prog_id)
        if program.counts == "tax_household" and client.tax_household is None:
            out.append(Problem(path, f"household.members[{client.id}].tax_household",
                               f"program {prog_id!r} counts the client's tax household; give the client and the "
                               "members who file taxes with them the same `tax_household:` label"))
        facts = timeline[0].facts
        computed = {"net_monthly_income"} if program.deductions is not None else set()
        missing = [t for t in program.tests if t.fact not in facts and t.fact not in computed]
        for test in missing:
            if (prog_id, test.fact) in covered:
                continue
            near = did_you_mean(test.fact, case.facts)
            if near:
                msg = (f"program {prog_id!r} test {test.id!r} reads fact {test.fact!r}, which this case does not "
                       f"give;{near} rename the case's fact to {test.fact!r}")
            else:
                msg = (f"program {prog_id!r} test {test.id!r} reads fact {test.fact!r}, which this case does not "
                       f"give; add `{test.fact}:` under the case's `facts:` with its verified value")
            out.append(Problem(path, "facts", msg))
        if missing:
            continue
        reported = set()
        for point in timeline:
            try:
                determine(program, point.facts, lib.guidelines)
            except CasekitError as exc:
                if str(exc) not in reported:
                    reported.add(str(exc))
                    at = f"events[{point.event.id}].fact_changes" if point.event else "facts"
                    out.append(Problem(path, at, str(exc)))
    return out


def _check_alternatives(lib: CaseLibrary, key: Key, path: Path) -> list[Problem]:
    """An alternatives group holds catalogue ids only, and no id names two findings at intake."""
    out = []
    owner: dict[str, str] = {n.need: n.need for n in key.needs if n.after_event is None}
    for n, need in enumerate(key.needs):
        for m, alt in enumerate(need.also):
            where = f"needs[{n}].also[{m}]"
            if alt not in lib.needs:
                out.append(Problem(path, where, f"unknown need {alt!r}; an alternative must be an id of casestudies/needs.yaml"))
            elif alt == need.need:
                out.append(Problem(path, where, f"{alt!r} is the need itself; list only other ids"))
            elif need.after_event is None and alt in owner and owner[alt] != need.need:
                out.append(Problem(path, where, f"{alt!r} already names {owner[alt]!r} at intake; one id cannot be two findings"))
            elif need.after_event is None:
                owner[alt] = need.need
    return out


def _document(verified_by: str) -> str:
    """The document a verification names: 'four weekly pay stubs, January 9 ...' -> 'pay stubs'."""
    head = re.split(r",| for | from | dated | in the | shown | on his | on her | paid |\d", verified_by.lower())[0]
    words = [w for w in re.findall(r"[a-z']+", head) if w not in ("the", "a", "four", "two", "three", "weekly", "monthly")]
    return " ".join(words[-3:])


def _asks_for_verified(case: Case, task_id: str) -> str | None:
    """The verified document a case task asks to collect again, if any: the task names the document's kind
    (stubs, letter, statement) and one more of its words (pay, insurer's, payment)."""
    task = next((t for t in case.tasks if t.id == task_id), None)
    if task is None:
        return None
    said = set(re.findall(r"[a-z']+", task.text.lower()))
    for income in case.household.income:
        doc = _document(income.verified_by).split()
        if len(doc) >= 2 and doc[-1] in said and said & set(doc[:-1]):
            return f"the {' '.join(doc)}"
    return None


def _check_key_members(lib: CaseLibrary, case: Case, key: Key, path: Path) -> list[Problem]:
    """Each member a key names is in the household, and each program is one whose tests can apply to its member.

    A test of the member's own facts (age, disability, pregnancy) that fails at intake and after every event
    with no waiver is no decision to teach but a program decided for the wrong person (children's coverage for
    the mother): the message names the members it could apply to."""
    out: list[Problem] = []
    members = [m.id for m in case.household.members]
    if case.client.member not in members:
        return out
    named: tuple[tuple[str, Sequence[KeyEligibility | KeyReferral]], ...] = (
        ("eligibility", key.eligibility), ("referrals", key.referrals))
    for field_name, items in named:
        for n, item in enumerate(items):
            if item.member is not None and item.member not in members:
                out.append(Problem(path, f"{field_name}[{n}].member", f"{item.member!r} is not a household member "
                                   f"of the case;{did_you_mean(item.member, members) or ''} use one of {members}, or "
                                   "leave `member:` out for the client"))
    seen: dict[tuple[str, str], int] = {}
    for n, el in enumerate(key.eligibility):
        member = el.member if el.member in members else case.client.member
        if (el.program, member) in seen:
            out.append(Problem(path, f"eligibility[{n}]", f"program {el.program!r} is already listed for "
                               f"{case.member_label(member)} (eligibility[{seen[el.program, member]}]); list it once per member"))
        seen.setdefault((el.program, member), n)
        if lib.programs is None or lib.guidelines is None or el.program not in case.programs:
            continue
        program = lib.programs.get(el.program) if el.program in {p.id for p in lib.programs.programs} else None
        if program is None:
            continue
        own = [t for t in program.tests if is_member_test(t)]
        if not own:
            continue
        try:
            points = [determine(program, at.facts, lib.guidelines) for at in fact_timeline(case, member)]
        except CasekitError:
            continue  # reported with the case's programs
        never = [t for t in own if all(d.test(t.id).status == "failed" for d in points)]
        for test in never:
            fits = []
            for other in members:
                if other == member:
                    continue
                try:
                    d = determine(program, household_facts(case, member=other), lib.guidelines)
                except CasekitError:
                    continue
                if d.test(test.id).passed:
                    fits.append((other, case.member_label(other)))
            if not fits and member == case.client.member:
                continue  # the client failing an age test no one else passes is a lesson, not a slip
            value = points[0].test(test.id).value
            value = ("yes" if value else "no") if isinstance(value, bool) else value
            hint = (f"; it applies to {' and '.join(label for _, label in fits)}: name the member, e.g. "
                    f"`member: {fits[0][0]}`" if fits else "; decide it for the member it is for, or leave it out")
            out.append(Problem(path, f"eligibility[{n}].member", f"program {el.program!r} test {test.id!r} "
                               f"({test.name}) reads the member's own {test.fact.replace('_', ' ')}, which is "
                               f"{value} for {case.member_label(member)} at intake and after every event, so it can "
                               f"never be met for them{hint}"))
    return out


def _check_key(lib: CaseLibrary, case: Case, key: Key, path: Path) -> list[Problem]:
    out: list[Problem] = []
    refs = case.fact_refs()
    key_needs = {n.need for n in key.needs}
    events = {e.id for e in case.events}
    for n, dup in _duplicates(key.needs, "need"):
        out.append(Problem(path, f"needs[{n}].need", f"need {dup!r} listed twice; list each need once"))
    for n, need in enumerate(key.needs):
        if need.need not in lib.known_ids("needs"):
            out.append(Problem(path, f"needs[{n}].need", f"unknown need {need.need!r}; add it to casestudies/needs.yaml or fix the id"))
        for m, revealed_by in enumerate(need.revealed_by):
            if revealed_by not in refs:
                out.append(Problem(path, f"needs[{n}].revealed_by[{m}]", f"{revealed_by!r} names no fact in the case; use e.g. report:<id>, application:<id>, event:<id>, fact:<name>"))
        if need.after_event is not None and need.after_event not in events:
            out.append(Problem(path, f"needs[{n}].after_event", f"no follow-up event {need.after_event!r} in the case"))
    if not any(n.severity.value in ("critical", "immediate") and n.after_event is None for n in key.needs):
        out.append(Problem(path, "needs", "every case needs at least one critical or immediate need at intake; mark the most urgent one"))
    out += _check_alternatives(lib, key, path)
    items = {i.id for i in case.application.items}
    for n, flaw in enumerate(key.application_flaws):
        for m, item in enumerate(flaw.items):
            if item not in items:
                out.append(Problem(path, f"application_flaws[{n}].items[{m}]", f"no application item {item!r} in the case"))
    programs = lib.known_ids("programs")
    for n, el in enumerate(key.eligibility):
        if el.program not in programs:
            out.append(Problem(path, f"eligibility[{n}].program", f"unknown program {el.program!r}; see casestudies/programs.yaml"))
        elif el.program not in case.programs:
            out.append(Problem(path, f"eligibility[{n}].program", f"program {el.program!r} is not in the case's programs list; add it there so the learner sees it"))
    members = {m.id for m in case.household.members}
    out += _check_key_members(lib, case, key, path)
    for n, ref in enumerate(key.referrals):
        member = ref.member if ref.member in members else None
        facts = household_facts(case, member=member) if case.client.member in members else None
        if ref.need not in key_needs:
            out.append(Problem(path, f"referrals[{n}].need", f"need {ref.need!r} is not among the key's needs"))
        for m, rid in enumerate(ref.resources):
            res = lib.resources.get(rid)
            if res is None:
                if rid not in lib.known_ids("resources"):
                    out.append(Problem(path, f"referrals[{n}].resources[{m}]", f"unknown resource {rid!r}; add it to casestudies/resources.yaml or fix the id"))
                continue
            if ref.need not in res.serves_needs:
                out.append(Problem(path, f"referrals[{n}].resources[{m}]", f"resource {rid!r} does not serve need {ref.need!r}; add the need to its serves_needs or pick another"))
            referred = key.need(ref.need)
            if referred is not None and lib.policy is not None and lib.policy.too_long_a_wait(res, referred.severity):
                out.append(Problem(path, f"referrals[{n}].resources[{m}]", f"{rid!r} has a {res.wait_days}-day wait, longer than the rubric allows for a {referred.severity.value} need; pick a faster resource"))
            if facts is not None and lib.guidelines is not None:
                # A need that appears after an event is referred on the facts after it.
                when = referred.after_event if referred is not None and referred.after_event in events else None
                unmet = unmet_criteria(res, facts_after(case, when, member) if when else facts, case.setting, lib.guidelines)
                if unmet:
                    who = "the client" if member in (None, case.client.member) else case.member_label(member)
                    fits = [case.member_label(p.id) for p in case.household.members if p.id != (member or case.client.member)
                            and not unmet_criteria(res, household_facts(case, member=p.id), case.setting, lib.guidelines)]
                    hint = (f"; it fits {' and '.join(fits)}: if the referral is for them, name them with `member:`"
                            if fits else "")
                    out.append(Problem(path, f"referrals[{n}].resources[{m}]", f"{who} does not meet {rid!r}'s criteria ({'; '.join(unmet)}); pick a resource they qualify for{hint}"))
    tiered: dict[str, str] = {}
    for tier in ("required", "acceptable", "wrong"):
        for n, right in enumerate(getattr(key.rights, tier)):
            where = f"rights.{tier}[{n}]"
            if right in tiered:
                out.append(Problem(path, where, f"{right!r} is also under rights.{tiered[right]}; keep it in one tier"))
            tiered.setdefault(right, tier)
            if right not in lib.known_ids("rights"):
                out.append(Problem(path, where, f"unknown right or responsibility {right!r}; see casestudies/rights.yaml"))
            elif tier != "wrong" and right in lib.rights and case.setting not in lib.rights[right].settings:
                out.append(Problem(path, where, f"{right!r} is not listed for the {case.setting.value} setting in casestudies/rights.yaml"))
    for n, goal in enumerate(key.goals):
        if goal.need not in key_needs:
            out.append(Problem(path, f"goals[{n}].need", f"need {goal.need!r} is not among the key's needs"))
    providers = {p.id for p in case.providers}
    for n, req in enumerate(key.information_requests):
        if req.provider not in providers:
            out.append(Problem(path, f"information_requests[{n}].provider", f"no provider {req.provider!r} in the case"))
    tasks = {t.id for t in case.tasks}
    for n, d in enumerate(key.delegation):
        if d.task not in tasks:
            out.append(Problem(path, f"delegation[{n}].task", f"no task {d.task!r} in the case"))
        if d.need is None:
            out.append(Problem(path, f"delegation[{n}].need", f"say which key need task {d.task!r} serves, or move it "
                                                               "to unneeded_tasks with the reason this client does not need it"))
        elif key.need(d.need) is None:
            out.append(Problem(path, f"delegation[{n}].need", f"task {d.task!r} serves {d.need!r}, which is not among "
                                                               "the key's needs: add the need, or move the task to unneeded_tasks"))
        verified = _asks_for_verified(case, d.task)
        if verified:
            out.append(Problem(path, f"delegation[{n}].task", f"task {d.task!r} asks for {verified}, which the case lists "
                                                               "as already verified: move it to unneeded_tasks, or change the case"))
        for m, role in enumerate(d.roles):
            if role not in lib.known_ids("roles"):
                out.append(Problem(path, f"delegation[{n}].roles[{m}]", f"unknown role {role!r}; see casestudies/roles.yaml"))
    delegated = {d.task for d in key.delegation}
    for n, u in enumerate(key.unneeded_tasks):
        if u.task not in tasks:
            out.append(Problem(path, f"unneeded_tasks[{n}].task", f"no task {u.task!r} in the case"))
        elif u.task in delegated:
            out.append(Problem(path, f"unneeded_tasks[{n}].task", f"task {u.task!r} is also under delegation; "
                                                                  "keep it in one of the two"))
    unneeded = {u.task for u in key.unneeded_tasks}
    for t in case.tasks:
        if t.id not in delegated and t.id not in unneeded:
            out.append(Problem(path, "delegation", f"task {t.id!r} of the case is in neither delegation nor "
                                                   "unneeded_tasks; add the roles that suit it, or say why this "
                                                   "client does not need it"))
    for n, ev in enumerate(key.events):
        if ev.event not in events:
            out.append(Problem(path, f"events[{n}].event", f"no follow-up event {ev.event!r} in the case"))
        for m, new_need in enumerate(ev.new_needs):
            if new_need not in key_needs:
                out.append(Problem(path, f"events[{n}].new_needs[{m}]", f"need {new_need!r} is not among the key's needs"))
        for m, rid in enumerate(ev.new_referrals):
            if rid not in lib.known_ids("resources"):
                out.append(Problem(path, f"events[{n}].new_referrals[{m}]", f"unknown resource {rid!r}"))
        for m, prog in enumerate(ev.redetermine):
            if prog not in programs:
                out.append(Problem(path, f"events[{n}].redetermine[{m}]", f"unknown program {prog!r}"))
            elif prog not in case.programs:
                out.append(Problem(path, f"events[{n}].redetermine[{m}]", f"program {prog!r} is not in the case's "
                                   "programs list, so the learner cannot select it to determine again; add it there "
                                   "or remove it here"))
    stop = frozenset(lib.policy.free_text.stop_words) if lib.policy is not None else frozenset()
    for n, ev in enumerate(key.events):
        if not ev.actions:
            out.append(Problem(path, f"events[{n}].actions", "list the actions the revision note should name after "
                                                              "this event, each with the words that say it"))
        title = case.event(ev.event).title if ev.event in events else ""
        for m, action in enumerate(ev.actions):
            for k, term in enumerate(action.terms):
                if title and expresses(title, term, stop):
                    out.append(Problem(path, f"events[{n}].actions[{m}].terms[{k}]",
                                       f"{term!r} is already said by the event's title, so copying the title would "
                                       "earn it; use words that name what is done"))
    for n, need in enumerate(key.needs):
        ih = need.in_house
        if ih is None:
            continue
        for m, task in enumerate(ih.tasks):
            if task not in tasks:
                out.append(Problem(path, f"needs[{n}].in_house.tasks[{m}]", f"no task {task!r} in the case"))
        for m, role in enumerate(ih.roles):
            if role not in lib.known_ids("roles") and role != "case-manager":
                out.append(Problem(path, f"needs[{n}].in_house.roles[{m}]", f"unknown role {role!r}; see casestudies/roles.yaml"))
    for event in case.events:
        if event.id not in {e.event for e in key.events}:
            out.append(Problem(path, "events", f"the case's follow-up event {event.id!r} has no expected response; add one"))
    return out
