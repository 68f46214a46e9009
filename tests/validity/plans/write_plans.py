"""Write the validity plans: the test material the rubric is judged against.

Each case has its own module beside this script (``nursing.py`` and so on). It holds the
written plans, ``EXCELLENT``, ``COMPETENT``, ``MISSED_CRITICAL``, ``SUPERFICIAL`` and
``IN_HOUSE``, each written the way a case manager of that skill would write it from what the
learner sees (the case file, the shared catalogues, the notebook), and what the trick plans
need: ``SYNONYMS`` (ids that could name the same finding), ``VAGUE`` (wordy goal text) and
``CRITICAL`` (the need rated low). ``level_specs`` turns those into every level. Nothing here
reads an answer key.

Every plan is built through the learner's own code path (``casekit.learner.CaseSession``),
so an id the kit does not know is refused here, just as it would be in the notebook, and
the files keep loading when the plan format is upgraded: run this script again.

    .venv/bin/python tests/validity/plans/write_plans.py            # every case
    .venv/bin/python tests/validity/plans/write_plans.py nursing    # one case module
"""

from __future__ import annotations

import copy
import importlib
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casekit.cases.library import CaseLibrary  # noqa: E402
from casekit.learner import CaseSession  # noqa: E402
from casekit.plan import load_plan, plan_to_json  # noqa: E402
from casekit.plancheck import plan_problems  # noqa: E402

# One module per case (or per group of cases) beside this script: every .py here but the
# script itself and the tests. A new case's module is picked up without being registered.
CASE_MODULES = sorted(
    path.stem for path in HERE.glob("*.py")
    if path.stem != "write_plans" and not path.stem.startswith(("test_", "_"))
)

LEVELS = [
    "excellent",
    "competent",
    "missed-critical",
    "superficial",
    "adversarial-tick-every-need",
    "adversarial-synonym-stuffing",
    "adversarial-long-vague-goals",
    "adversarial-event-title-revision",
    "critical-at-low-severity",
    "in-house",
]


# --------------------------------------------------------------------------- building

def build(case_id: str, spec: dict, lib: CaseLibrary) -> str:
    """Play ``spec`` through a learner session and return the plan file's text."""
    with tempfile.TemporaryDirectory() as tmp:
        s = CaseSession(case_id, tmp, library=lib)
        for item, kind, note in spec.get("flags", []):
            s.flag(item, kind, note)
        for need, severity in spec.get("needs", []):
            s.add_need(need, severity)
        if spec.get("needs"):
            s.set_priority_order([n for n, _ in spec["needs"]])
        # A decision or referral may end with the household member it is for (default: the client).
        for program, eligible, test, reason, *member in spec.get("eligibility", []):
            s.decide(program, eligible, test, reason, member=member[0] if member else None)
        for need, what, measure, date in spec.get("goals", []):
            s.add_goal(need, what, measure, date)
        for text, role, due in spec.get("actions", []):
            s.add_action(text, role, due)
        for resource, need, *member in spec.get("referrals", []):
            s.refer(resource, need, member=member[0] if member else None)
        if spec.get("rights"):
            s.set_rights(spec["rights"])
        for provider, info in spec.get("info", []):
            s.request_info(provider, info)
        for task, role in spec.get("delegations", []):
            s.delegate(task, role)
        if spec.get("meeting"):
            date, attendees, purpose = spec["meeting"]
            s.set_meeting(date, attendees, purpose)
        if spec.get("note"):
            s.write_note(spec["note"])
        s.save_initial_plan()
        for event, new_needs, new_referrals, redetermine, note in spec.get("revisions", []):
            s.revise(event, new_needs, new_referrals, redetermine, note)
        plan = load_plan(s.path)
        problems = plan_problems(plan, s.case, lib)
        if problems:
            raise SystemExit(f"{case_id}: " + " ".join(problems))
        plan.updated = None  # stable files: regenerating an unchanged plan changes nothing
        return plan_to_json(plan)


# --------------------------------------------------------------------------- edits shared by every case

def with_changes(base: dict, **changes) -> dict:
    """A copy of ``base`` with whole sections replaced."""
    out = copy.deepcopy(base)
    out.update(copy.deepcopy(changes))
    return out


def tick_every_need(base: dict, lib: CaseLibrary, case_setting: str) -> dict:
    """Every need in the catalogue (the base's own first, as rated), every right of the setting."""
    out = copy.deepcopy(base)
    have = [n for n, _ in out["needs"]]
    out["needs"] += [(n, "high") for n in lib.needs if n not in have]
    out["rights"] = [r.id for r in lib.rights.values() if case_setting in r.settings]
    return out


def stuff_synonyms(base: dict, synonyms: dict[str, list[str]]) -> dict:
    """Beside each need the base found, every other id that could plausibly name the same
    finding, at the same severity, with the base's goals and referrals repeated under each.
    The synonyms leave out needs the excellent plan finds on their own, so the stuffed plan
    gains no honest finding over its base."""
    out = copy.deepcopy(base)
    needs, goals, refs = [], list(out["goals"]), list(out["referrals"])
    seen = set()
    for need, severity in out["needs"]:
        for n in [need, *synonyms.get(need, [])]:
            if n not in seen:
                seen.add(n)
                needs.append((n, severity))
        for extra in synonyms.get(need, []):
            goals += [(extra, w, m, d) for g, w, m, d in out["goals"] if g == need]
            refs += [(r[0], extra, *r[2:]) for r in out["referrals"] if r[1] == need]
    out["needs"], out["goals"], out["referrals"] = needs, goals, refs
    return out


def vague_goals(base: dict, text: dict[str, tuple[str, str]]) -> dict:
    """The base's goals, one per need, rewritten long and wordy with no number, threshold, date
    measure or observable event; the target dates stay."""
    out = copy.deepcopy(base)
    done, goals = set(), []
    for need, _what, _measure, date in out["goals"]:
        if need in done:
            continue
        done.add(need)
        what, measure = text.get(need, text["*"])
        goals.append((need, what, measure, date))
    out["goals"] = goals
    return out


def event_title_revisions(base: dict, titles: dict[str, str]) -> dict:
    """Each revision's note replaced by the event's own title or a shrug; nothing new added."""
    out = copy.deepcopy(base)
    shrug = "Noted. Will see what happens."
    out["revisions"] = [
        (event, [], [], [], titles[event] if i % 2 == 0 else shrug)
        for i, (event, *_rest) in enumerate(out["revisions"])
    ]
    return out


def critical_low(base: dict, critical: list[str]) -> dict:
    """The base plan with its critical needs rated low and put last."""
    out = copy.deepcopy(base)
    rest = [(n, s) for n, s in out["needs"] if n not in critical]
    low = [(n, "low") for n, s in out["needs"] if n in critical]
    out["needs"] = rest + low
    return out


# --------------------------------------------------------------------------- main

def level_specs(mod, lib: CaseLibrary) -> dict[str, dict]:
    """Every level's plan for a case module: the written plans as they are, the trick plans as
    one edit each of the module's competent plan."""
    case = lib.case(mod.CASE)
    competent = mod.COMPETENT
    found = {n for n, _ in mod.EXCELLENT["needs"]} | {n for r in mod.EXCELLENT["revisions"] for n in r[1]}
    separate = sorted({s for ids in mod.SYNONYMS.values() for s in ids} & found)
    if separate:  # a separate finding is not a synonym: stuffing it would earn honest credit
        raise SystemExit(f"{mod.CASE}: SYNONYMS lists needs the excellent plan finds separately: {', '.join(separate)}")
    return {
        "excellent": mod.EXCELLENT,
        "competent": competent,
        "missed-critical": mod.MISSED_CRITICAL,
        "superficial": mod.SUPERFICIAL,
        "adversarial-tick-every-need": tick_every_need(competent, lib, case.setting),
        "adversarial-synonym-stuffing": stuff_synonyms(competent, mod.SYNONYMS),
        "adversarial-long-vague-goals": vague_goals(competent, mod.VAGUE),
        "adversarial-event-title-revision": event_title_revisions(competent, {e.id: e.title for e in case.events}),
        "critical-at-low-severity": critical_low(competent, mod.CRITICAL),
        "in-house": mod.IN_HOUSE,
    }


def plan_texts(module_name: str, lib: CaseLibrary) -> tuple[str, dict[str, str]]:
    """The case id of a case module and the plan file text for every level, built afresh."""
    mod = importlib.import_module(module_name)
    specs = level_specs(mod, lib)
    return mod.CASE, {level: build(mod.CASE, specs[level], lib) for level in LEVELS}


def write_case(module_name: str, lib: CaseLibrary) -> list[Path]:
    case_id, texts = plan_texts(module_name, lib)
    folder = HERE / case_id
    folder.mkdir(exist_ok=True)
    written = []
    for level, text in texts.items():
        path = folder / f"{level}.plan.json"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> None:
    lib = CaseLibrary.load(with_keys=False)
    for name in argv or CASE_MODULES:
        if not (HERE / f"{name}.py").exists():
            print(f"skipped {name}: not written yet")
            continue
        for path in write_case(name, lib):
            print(f"wrote {path.relative_to(HERE)}")


if __name__ == "__main__":
    main(sys.argv[1:])
