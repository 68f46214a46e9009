"""Checks that answer keys stay on the instructor's side.

A released assignment must hold facts only: no hidden test, no worked answer, no mark
scheme, no text from the key, no plan file. Feedback must show each criterion's points and
the rubric's comment, but not the hidden test code nor the progress-note mark scheme.
``build`` and ``feedback`` run these checks on what nbgrader wrote and refuse to leave a
leaking file behind; the tests run them too.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Key
from casekit.course.config import Course

CODE_MARKERS = (
    "BEGIN HIDDEN TESTS",
    "END HIDDEN TESTS",
    "criterion_points",
    "BEGIN SOLUTION",
    "model_plan",
    "BEGIN MARK SCHEME",
    "Mark scheme (graders only)",
    ".key(",
)
"""Strings that only instructor-side cells contain."""

MIN_KEY_TEXT = 20
"""Key texts shorter than this (an id, a word) may appear in the facts by right."""


def key_texts(key: Key) -> list[str]:
    """Every sentence of the key a learner must not see before grading."""
    texts = [n.why for n in key.needs]
    texts += [f.explanation for f in key.application_flaws]
    texts += [e.why_it_matters for e in key.eligibility]
    texts += [g.example for g in key.goals]
    texts += [r.information for r in key.information_requests]
    texts += [u.why for u in key.unneeded_tasks]
    texts += [e.explanation for e in key.events]
    texts += [a.concept for e in key.events for a in e.actions]
    texts += [n.in_house.how for n in key.needs if n.in_house]
    texts += list(key.progress_note.must_cover)
    texts += [lv.description for lv in key.progress_note.levels]
    return [t.strip() for t in texts if len(t.strip()) >= MIN_KEY_TEXT]


def mark_scheme_texts(key: Key) -> list[str]:
    """The levels' descriptions. (The must-cover points are left out: a good note says them.)"""
    texts = [lv.description for lv in key.progress_note.levels]
    return [t.strip() for t in texts if len(t.strip()) >= MIN_KEY_TEXT]


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _visible_text(markup: str) -> str:
    """HTML as a reader sees it: tags dropped, entities decoded, whitespace folded."""
    return _normalise(html.unescape(re.sub(r"<[^>]+>", "", markup)))


def release_leaks(course: Course, library: CaseLibrary) -> list[str]:
    """Every piece of key material in ``release/`` (empty when the release is clean)."""
    leaks: list[str] = []
    if not course.release_dir.is_dir():
        return leaks
    for folder in sorted(p for p in course.release_dir.iterdir() if p.is_dir()):
        key = library.keys.get(folder.name)
        for path in sorted(folder.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(course.release_dir)
            if path.name.endswith(".plan.json") or ".plan.json.bak" in path.name:
                leaks.append(f"{rel}: a plan file")
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            if path.suffix == ".ipynb":
                import nbformat

                nb = nbformat.reads(text, as_version=4)
                text = "\n".join(cell.source for cell in nb.cells) + "\n" + str(nb.metadata)
            flat = _normalise(text)
            leaks += [f"{rel}: contains {m!r}" for m in CODE_MARKERS if m in text]
            if key is not None:
                leaks += [f"{rel}: contains key text {t[:50]!r}" for t in key_texts(key) if _normalise(t) in flat]
    return leaks


FEEDBACK_MARKERS = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "BEGIN MARK SCHEME", "END MARK SCHEME", "Mark scheme (graders only)")


def hidden_lines(course: Course, assignment: str) -> list[str]:
    """The code lines inside the hidden-test regions of the assignment's source notebooks."""
    import nbformat

    lines = []
    for path in sorted((course.source_dir / assignment).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            inside = False
            for line in cell.source.splitlines():
                if "BEGIN HIDDEN TESTS" in line:
                    inside = True
                elif "END HIDDEN TESTS" in line:
                    inside = False
                elif inside and line.strip():
                    lines.append(_normalise(line.strip()))
    return lines


def _rubric_text(course: Course, assignment: str, learner: str) -> str:
    """What the kit itself wrote into a learner's graded notebook: the rubric's comments, outside the kernel."""
    import nbformat

    from casekit.course.assignments.assignment import NOTE_TEXT_ID, criterion_of, notebook_file

    path = course.autograded(learner, assignment) / notebook_file(assignment)
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:
        return ""
    parts = []
    for cell in nb.cells:
        name = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type == "code" and (criterion_of(name) or name == NOTE_TEXT_ID):
            parts += [o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream"]
    return _normalise("\n".join(parts))


def feedback_leaks(course: Course, assignment: str, files: list[Path], library: CaseLibrary | None = None) -> dict[Path, list[str]]:
    """Feedback file -> the hidden test code, mark-scheme or key text it shows (only files that leak).

    Looks for the instructor's own lines, not for words: a learner's feedback shows the
    learner's own code, whatever it says. Key text may appear only where the rubric put it
    (its comment on a criterion names what was missed); any other case's key text, or this
    case's anywhere else on the page, is a leak.
    """
    lib = library or CaseLibrary.load()
    key = lib.keys.get(assignment)
    scheme = mark_scheme_texts(key) if key else []
    hidden = hidden_lines(course, assignment)
    own = key_texts(key) if key else []
    others = [(case, t) for case, k in sorted(lib.keys.items()) if case != assignment for t in key_texts(k)]
    leaks: dict[Path, list[str]] = {}
    for path in files:
        text = _visible_text(path.read_text(encoding="utf-8"))
        found = [f"contains {m!r}" for m in FEEDBACK_MARKERS if m in text]
        found += [f"contains hidden test code {h[:60]!r}" for h in hidden if h in text]
        found += [f"contains mark-scheme text {t[:50]!r}" for t in scheme if _normalise(t) in text]
        found += [f"contains the key of {case} ({t[:50]!r})" for case, t in others if _normalise(t) in text]
        mentioned = [t for t in own if _normalise(t) in text]
        if mentioned:
            said = _rubric_text(course, assignment, path.parent.parent.name)
            found += [f"contains key text {t[:50]!r} outside the rubric's comments" for t in mentioned
                      if text.count(_normalise(t)) > said.count(_normalise(t))]
        if found:
            leaks[path] = found
    return leaks
