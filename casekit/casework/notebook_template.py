"""Case walk-through notebooks, generated from one template so they cannot drift from their cases.

``casekit notebooks write`` regenerates every ``notebooks/10_<case-id>.ipynb``; a test
fails when a committed notebook differs from what the template makes. The notebooks
hold no logic: each cell calls the library.

A case notebook's name comes from its own case id alone (every case notebook shares the
``10_`` of the kit's "cases" section), so adding, removing or renaming a case never renames
or removes another case's notebook, and there is no limit to how many cases there are.
Learners never work in these files: see :mod:`casekit.workspace`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Case, Setting
from casekit.casework.process import NOTEBOOK_STEPS, heading

if TYPE_CHECKING:  # nbformat is imported where a notebook is made: listing cases never needs it
    import nbformat

SETTING_ORDER = list(Setting)
CASE_SECTION = "10"
"""The number every case notebook's name starts with: the cases' place among the kit's notebooks."""

STEP_TEXT = [  # each section of NOTEBOOK_STEPS: what it asks, and its code equivalent
    ("intake",
     "Read the application as the client filled it in and compare it with the reports below it. "
     "Mark each item that is missing or does not match the documents.",
     '# session.options("application")\n# session.flag("<item-id>", "inconsistent", "the pay stubs show a different figure")'),
    ("assessment",
     "Read every report: the most urgent need is not always the one anyone mentions. Tick each need the facts "
     "show, set its severity, and put them in order.",
     '# session.options("needs")\n# session.add_need("<need-id>", "critical")\n# session.set_priority_order(["<most-urgent>", "<next>"])'),
    ("eligibility",
     "The verified facts and each program's tests, with this household's limits, are shown above the controls. "
     "Decide each program and name the test that decides it.",
     '# session.options("programs")\n# session.decide("<program-id>", eligible=True, deciding_test="<test-id>", reason="...")'),
    ("planning",
     "Write a goal for each need that calls for one: specific, measurable, dated. Give each action step an owner.",
     '# session.add_goal("<need-id>", "who does what", "how you will know", "2026-03-31")\n# session.add_action("Book the follow-up visit", "case-manager", "2026-02-20")'),
    ("referrals",
     "The picker lists the resources that serve the need you choose. Check each one's criteria against the client.",
     '# session.options("resources")\n# session.refer("<resource-id>", "<need-id>")'),
    ("rights",
     "Choose what this client must be told now, for this program and setting.",
     '# session.options("rights")\n# session.set_rights(["<right-id>", "<responsibility-id>"])'),
    ("coordination",
     "Ask each provider for what you still need. Give each task this client needs to a role whose scope "
     "allows it; leave a task this client does not need with no one.",
     '# session.options("providers"); session.options("roles")\n# session.request_info("<provider-id>", "what you need")\n# session.delegate("<task-id>", "<role-id>")'),
    ("documentation",
     "Plan the meeting and write the note. An instructor grades the note against levels, not code.",
     '# session.set_meeting("2026-02-12", ["<attendee name>"], "agree the plan")\n# session.write_note("...")'),
    ("revision",
     "When your first plan is complete, save it. Then the follow-up events appear, and you revise the plan.",
     '# session.save_initial_plan()\n# session.options("events")\n# session.revise("<event-id>", new_needs=[...], new_referrals=[...], redetermine=[...], note="...")'),
    ("check",
     "Score the plan on every criterion, with a supervisor's comment on each. Check as often as you like.",
     "# from casekit.notebook import show_results\n# show_results(session.check())"),
]
if [step for step, _, _ in STEP_TEXT] != list(NOTEBOOK_STEPS):  # pragma: no cover - a mistake in this file
    raise RuntimeError("STEP_TEXT must list casekit.casework.process.NOTEBOOK_STEPS, in order")


def ordered_cases(lib: CaseLibrary) -> list[Case]:
    return sorted(lib.cases.values(), key=lambda c: (SETTING_ORDER.index(c.setting), c.id))


def notebook_name(case: Case | str, lib: CaseLibrary | None = None) -> str:
    """``10_<case-id>.ipynb``: from the case's id alone, whatever other cases there are (``lib`` is unused,
    kept so older callers work)."""
    case_id = case if isinstance(case, str) else case.id
    return f"{CASE_SECTION}_{case_id}.ipynb"


def _tagged(cell, *tags: str):
    cell.metadata["tags"] = list(tags)
    return cell


def case_notebook(case_id: str, library: CaseLibrary | None = None) -> nbformat.NotebookNode:
    """The walk-through notebook for one case (outputs empty)."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    lib = library or CaseLibrary.load(with_keys=False)
    case = lib.case(case_id)
    cells = [
        new_markdown_cell(
            f"# {case.title}\n\n"
            f"*{case.setting.label}. A fictional case; the programs are simulations of real rules, with their years.*\n\n"
            "**What you will do:** work this case as its case manager, step by step: review the application, assess "
            "needs (the urgent first), decide eligibility, set goals, refer, explain rights, coordinate, meet and "
            "document, then retool the plan when things change. Each step shows the facts, then controls.\n\n"
            f"**Your work is saved as you go** to `{case.id}.plan.json` beside this notebook. Run all cells "
            "(Run > Run All Cells) to continue where you left off. Every control has a code equivalent in the cell "
            "after it, for keyboard and screen-reader users and for anyone who prefers code."
        ),
        _tagged(new_code_cell(
            "from casekit.notebook import open_case, show_facts, show_notice, step_view\n\n"
            f'session = open_case("{case.id}")\n'
            "print(session.message)\n"
            "show_notice(session.case.id)  # program figures from a past period, if any"
        ), "setup"),
        new_markdown_cell("## 1. The case"),
        new_code_cell('show_facts(session, "overview")'),
    ]
    for step, intro, code in STEP_TEXT:
        cells.append(new_markdown_cell(f"## {heading(step)}\n\n{intro}"))
        if step in ("intake", "assessment", "eligibility"):
            cells.append(new_code_cell(f'show_facts(session, "{step}")'))
        cells.append(_tagged(new_code_cell(f'step_view(session, "{step}")'), "widget", step))
        cells.append(_tagged(new_code_cell(f"# Code equivalent: uncomment, edit and run.\n{code}"), "code-equivalent", step))
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["casekit"] = {"case": case.id, "generated": True}
    return nb


KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
"""What JupyterLab writes into a notebook when its kernel starts: the same, so opening changes nothing."""


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """The notebook as it is written to disk: stable ids, sorted keys, a final newline."""
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def expected_notebooks(library: CaseLibrary | None = None) -> dict[str, str]:
    """File name -> text for every case notebook the library calls for."""
    lib = library or CaseLibrary.load(with_keys=False)
    return {notebook_name(c, lib): notebook_text(case_notebook(c.id, lib)) for c in ordered_cases(lib)}


def generated_case(path: Path) -> str | None:
    """The case id a notebook was generated for, or None for a notebook someone wrote (or an unreadable one)."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("casekit", {})
    except (OSError, ValueError):
        return None
    return meta.get("case") if isinstance(meta, dict) and meta.get("generated") else None


def write_notebooks(folder: Path, library: CaseLibrary | None = None) -> list[Path]:
    """(Re)write the kit's case notebooks in ``folder`` (the tracked notebooks/, never a learner's copies).

    A generated notebook whose case is gone, or that carries a name from an older naming scheme, is
    removed; nothing else is touched. Returns the files written or removed.
    """
    lib = library or CaseLibrary.load(with_keys=False)
    expected = expected_notebooks(lib)
    written = []
    for path in sorted(folder.glob("*.ipynb")):
        if generated_case(path) is not None and path.name not in expected:
            path.unlink()
            written.append(path)
    for name, text in expected.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
