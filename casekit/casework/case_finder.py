"""Finding a case to work: by setting, and by what it teaches.

``find_cases`` is the search (words are matched in each case's title, summary, topics and
learning objectives); ``case_finder`` is the start page's control over it. Facts only: no
key is read.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Case, Setting
from casekit.casework.notebook_template import notebook_name, ordered_cases


@dataclass(frozen=True)
class Found:
    case: Case
    notebook: str
    matched: list[str]
    """The topics or learning objectives the words matched (empty when no words were given)."""


def _words(text: str) -> list[str]:
    return [w for w in text.lower().replace(",", " ").split() if w]


def find_cases(setting: Setting | str | None = None, teaches: str = "", library: CaseLibrary | None = None) -> list[Found]:
    """The cases in ``setting`` (all when None) whose text holds every word of ``teaches``."""
    lib = library or CaseLibrary.load(with_keys=False)
    wanted = Setting(setting) if isinstance(setting, str) and setting else setting
    words = _words(teaches)
    out = []
    for case in ordered_cases(lib):
        if wanted is not None and case.setting != wanted:
            continue
        parts = [*case.topics, *case.learning_objectives]
        text = " ".join([case.title, case.summary, *parts]).lower()
        if not all(w in text for w in words):
            continue
        matched = [p for p in parts if any(w in p.lower() for w in words)] if words else []
        out.append(Found(case, notebook_name(case), matched))
    return out


def found_html(found: list[Found]) -> str:
    """The search result as a table: a link to each notebook, its setting, title and what it teaches."""
    if not found:
        return "<p>No case matches. Try fewer words, or another setting.</p>"
    td, th = "<td style='text-align:left; vertical-align:top'>", "<th style='text-align:left'>"
    rows = []
    for f in found:
        teaches = f.matched or f.case.topics or f.case.learning_objectives[:1]
        rows.append(
            f"<tr>{td}<a href='{html.escape(f.notebook)}'>{html.escape(f.case.title)}</a></td>"
            f"{td}{html.escape(f.case.setting.label)}</td>{td}{html.escape('; '.join(teaches))}</td></tr>")
    return (f"<table style='margin-left:0; table-layout:auto'><tr>{th}Case</th>{th}Setting</th>"
            f"{th}What it teaches</th></tr>{''.join(rows)}</table><p>{len(found)} case(s).</p>")


def case_finder(library: CaseLibrary | None = None):
    """A setting menu and a 'what it teaches' box over the case list, for the start page."""
    import ipywidgets as W

    lib = library or CaseLibrary.load(with_keys=False)
    setting = W.Dropdown(options=[("Every setting", "")] + [(s.label, s.value) for s in Setting],
                         description="Setting", style={"description_width": "initial"})
    teaches = W.Text(placeholder="e.g. hospice, eligibility, advance directive", description="What it teaches",
                     continuous_update=False, style={"description_width": "initial"})
    result = W.HTML()

    def update(_=None):
        result.value = found_html(find_cases(setting.value or None, teaches.value, lib))

    setting.observe(update, "value")
    teaches.observe(update, "value")
    update()
    return W.VBox([W.HBox([setting, teaches]), result])
