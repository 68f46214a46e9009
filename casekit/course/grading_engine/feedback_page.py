"""The feedback page a learner reads: nbgrader's, with each score named by its rubric criterion.

nbgrader's feedback template lists every graded cell as "Test cell" (or "Task", "Comment"),
which tells a learner nothing. :class:`CriterionFeedbackExporter` is nbgrader's own HTML
exporter with that list renamed. The course config sets it as
``GenerateFeedback.exporter_class``, so the page is the same whether feedback comes from
``casekit course feedback``, ``nbgrader generate_feedback`` or formgrader's button.
"""

from __future__ import annotations

import html
import re

from nbconvert.exporters import HTMLExporter

from casekit.course.assignments.assignment import ANSWER_ID, criterion_of

# nbgrader's feedback page lists every graded cell as "Test cell", "Task" or "Comment".
_TOC_ENTRY = re.compile(r'<a href="#(?P<cell>[^"]+)">(?:Test cell|Task|Comment)</a>')


def name_criteria(page: str) -> str:
    """The feedback page with its list of scores naming each rubric criterion, not the cell's kind."""
    from casekit.casework.rubric import TITLES

    def entry(match: re.Match) -> str:
        cell = match["cell"]
        criterion = criterion_of(cell)
        title = TITLES.get(criterion) if criterion else ("Your plan: the grader's comment" if cell.endswith(ANSWER_ID) else None)
        return f'<a href="#{cell}">{html.escape(title)}</a>' if title else match[0]

    return _TOC_ENTRY.sub(entry, page)


class CriterionFeedbackExporter(HTMLExporter):
    """nbgrader's feedback HTML, its list of scores naming the rubric criteria."""

    def from_notebook_node(self, nb, resources=None, **kw):
        output, resources = super().from_notebook_node(nb, resources, **kw)
        return name_criteria(output), resources
