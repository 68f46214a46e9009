"""The feedback page a learner reads: the scores and what the grader found first, the notebook after, folded.

nbgrader's feedback page lists every graded cell as "Test cell" (or "Task", "Comment") and then
shows the whole notebook, so a learner scrolls past the case text (some 10,000 pixels) to read
why a criterion lost points, in boxes that do not wrap. :class:`CriterionFeedbackExporter` is
nbgrader's own HTML exporter with the page rearranged: under the total, a table of every
criterion with its score and the rubric's (or the grader's) comment; then the notebook as
submitted inside a closed ``<details>``. A criterion still waiting for a grader reads "not graded
yet", not "0.0 / 2.0". The course config sets it as ``GenerateFeedback.exporter_class``, so the
page is the same whether feedback comes from ``casekit course feedback``,
``nbgrader generate_feedback`` or formgrader's button.
"""

from __future__ import annotations

import html
import re

from nbconvert.exporters import HTMLExporter
from nbformat.v4 import new_output

from casekit.course.assignments.assignment import ANSWER_ID, criterion_of
from casekit.course.points import GradePoints, shown_score

# nbgrader's feedback page lists every graded cell as "Test cell", "Task" or "Comment".
_TOC_ENTRY = re.compile(r'<a href="#(?P<cell>[^"]+)">(?:Test cell|Task|Comment)</a>')

STYLE = """<style>
/* Printed text (the rubric's comments, the progress note) wraps instead of running off sideways. */
div.output_area pre, div.output_subarea pre { white-space: pre-wrap; overflow-wrap: anywhere; }
table.casekit-scores { width: 100%; margin: 0.8em 0 0.2em; border-collapse: collapse; }
table.casekit-scores caption { caption-side: top; color: #333; font-weight: bold; padding-bottom: 0.3em; }
table.casekit-scores th, table.casekit-scores td { border-top: 1px solid #ccc; padding: 0.35em 0.5em; vertical-align: top;
  text-align: left; white-space: normal; overflow-wrap: break-word; }
table.casekit-scores th[scope=row] { width: 26%; }
table.casekit-scores td.points { white-space: nowrap; width: 9em; }
details.casekit-notebook > summary { display: list-item; cursor: pointer; font-weight: bold; padding: 0.5em 0; }
details.casekit-notebook > summary:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
</style>"""

NOT_GRADED = "not graded yet"
FOLDED = "Your notebook as submitted: the case, your answers and each criterion's cell (select to open)"


def name_criteria(page: str) -> str:
    """The feedback page with its list of scores naming each rubric criterion, not the cell's kind."""

    def entry(match: re.Match) -> str:
        title = _title(match["cell"])
        return f'<a href="#{match["cell"]}">{html.escape(title)}</a>' if title else match[0]

    return _TOC_ENTRY.sub(entry, page)


def _title(cell: str) -> str | None:
    from casekit.rubric import TITLES

    criterion = criterion_of(cell)
    if criterion:
        return TITLES.get(criterion)
    return "Your plan: the grader's comment" if cell.endswith(ANSWER_ID) else None


def _printed(cell) -> str:
    """What a test cell printed: the rubric's sentence."""
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stdout").strip()


def score_rows(nb, ungraded: set[str]) -> list[dict]:
    """One row per graded cell of ``nb`` (after nbgrader's GetGrades): its anchor, title, score and comment.

    ``ungraded`` names the cells a grader has not scored yet; their score reads "not graded yet".
    The answer cell has a row only when the grader wrote a comment on it.
    """
    rows = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        name = meta.get("grade_id", "")
        title = _title(name)
        graded = meta.get("grade") or meta.get("task")
        comment = (meta.get("comment") or "").strip()
        if not title or not (graded or comment):
            continue
        printed = _printed(cell) if cell.cell_type == "code" and not meta.get("solution") else ""
        # The rubric's sentence starts with the criterion's title, which the row already shows.
        printed = printed.removeprefix(f"{title}: ")
        if not graded:
            score = ""
        elif name in ungraded:
            score = NOT_GRADED
        else:
            got, most = shown_score(meta)
            score = f"Score: {round(got, 2)} / {round(most, 2)}"
        # A task or a solution cell carries its anchor as comment-<id> (nbgrader's template).
        anchor = f"comment-{name}" if (meta.get("task") or meta.get("solution")) else name
        rows.append({"anchor": anchor, "title": title, "score": score, "most": shown_score(meta)[1] if graded else 0.0,
                     "comment": " ".join(x for x in (printed, comment) if x) or ("Your instructor has not graded this yet." if score == NOT_GRADED else "")})
    return rows


def _text(value: str) -> str:
    return html.escape(value)


def scores_table(rows: list[dict]) -> str:
    body = "".join(
        f'<tr><th scope="row"><a href="#{html.escape(r["anchor"])}">{_text(r["title"])}</a></th>'
        f'<td class="points">{_text(r["score"])}</td><td>{_text(r["comment"])}</td></tr>'
        for r in rows
    )
    # The page loads MathJax, which would typeset "$1,180 a week ... $1,050" as a formula: the table is
    # marked for it to skip (tex2jax_ignore for MathJax 2, which nbconvert loads; mathjax_ignore for 3).
    return (f'<div id="toc"><table class="casekit-scores tex2jax_ignore mathjax_ignore"><caption>Your score on each criterion, and what the grader found</caption>'
            f'<thead><tr><th scope="col">Criterion</th><th scope="col">Score</th><th scope="col">What the grader found</th></tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def _so_far(heading: str, rows: list[dict]) -> str:
    """What the heading's total means while some points wait for a grader: ``8.34 of the 18 points graded so far``."""
    found = re.search(r"Score:\s*([\d.]+)\s*/\s*([\d.]+)", heading)
    waiting = sum(r.get("most", 0.0) for r in rows if r["score"] == NOT_GRADED)
    if not found or not waiting:
        return "The total leaves those points out until your instructor grades them."
    got, most = float(found[1]), float(found[2])
    return (f"The score above counts them as 0 until your instructor grades them: you have {got:g} of the "
            f"{most - waiting:g} points graded so far, and {waiting:g} more are still to be graded.")


def arrange(page: str, rows: list[dict], ungraded_titles: list[str]) -> str:
    """nbgrader's feedback ``page`` with the scores table in place of its list, and its notebook folded."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    if soup.head is not None:
        soup.head.append(BeautifulSoup(STYLE, "html.parser"))
    toc = soup.find("div", id="toc")
    if toc is not None:
        toc.replace_with(BeautifulSoup(scores_table(rows), "html.parser"))
    heading = soup.find("h4")
    if ungraded_titles and heading is not None:
        heading.insert_after(BeautifulSoup(f"<p><b>Not graded yet:</b> {html.escape(', '.join(ungraded_titles))}. "
                                           f"{html.escape(_so_far(heading.get_text(), rows))}</p>", "html.parser"))
    notebook = soup.find("div", id="notebook")
    if notebook is not None:
        details = soup.new_tag("details", attrs={"class": "casekit-notebook"})
        summary = soup.new_tag("summary")
        summary.string = FOLDED
        notebook.wrap(details)
        details.insert(0, summary)
    if soup.body is not None:
        # A link into the folded notebook opens it first (not every browser opens a closed <details> for a link).
        soup.body.append(BeautifulSoup(_OPEN_ON_LINK, "html.parser"))
    return str(soup)


_OPEN_ON_LINK = """<script>
document.addEventListener('click', function (e) {
  var a = e.target.closest && e.target.closest('a[href^="#"]');
  var d = document.querySelector('details.casekit-notebook');
  if (a && d) { d.open = true; }
});
</script>"""


def _ungraded_cells(resources) -> set[str]:
    info = (resources or {}).get("nbgrader", {})
    if not {"db_url", "assignment", "student"} <= set(info):
        return set()
    from nbgrader.api import Gradebook

    with Gradebook(info["db_url"]) as gb:
        submission = gb.find_submission(info["assignment"], info["student"])
        return {g.name for nb in submission.notebooks for g in nb.grades if GradePoints.of(g).waits_for_grader}


POINTER = "The rubric's comment on this criterion is in the table at the top of the page."


def _test_cell(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution") and bool(criterion_of(meta.get("grade_id", "")))


class CriterionFeedbackExporter(HTMLExporter):
    """nbgrader's feedback HTML: the scores and comments first, criterion by criterion; the notebook after, folded."""

    _rows: list[dict] | None = None  # the score table of the notebook being exported

    def _preprocess(self, nb, resources):
        nb, resources = super()._preprocess(nb, resources)
        # After GetGrades each graded cell carries its score and the grader's comment.
        self._rows = score_rows(nb, _ungraded_cells(resources))
        # Each comment is said once, in the table: the test cells in the folded notebook point there.
        for cell in nb.cells:
            if _test_cell(cell):
                cell.outputs = [new_output("stream", name="stdout", text=POINTER + "\n")]
        return nb, resources

    def from_notebook_node(self, nb, resources=None, **kw):
        self._rows = None
        output, resources = super().from_notebook_node(nb, resources, **kw)
        if self._rows is None:
            return name_criteria(output), resources
        waiting = [r["title"] for r in self._rows if r["score"] == NOT_GRADED]
        return name_criteria(arrange(output, self._rows, waiting)), resources


# nbconvert's HTML exporter configures NbConvertBase.display_data_priority for every preprocessor it runs;
# nbgrader's ClearHiddenTests and ClearMarkScheme redeclare that trait without config=True, so each feedback
# run (formgrader's dialog included) warned "Config option `display_data_priority` not recognized". The same
# preprocessors, with the trait configurable again, do the same work in silence.
def _accepting_display_priority(base):
    from traitlets import List

    return type(base.__name__, (base,), {
        "__module__": __name__,
        "__doc__": f"nbgrader's {base.__name__}, accepting the display priority nbconvert configures.",
        "display_data_priority": List(base.class_traits()["display_data_priority"].default(), config=True),
    })


def _nbgrader_preprocessors():
    from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme

    return _accepting_display_priority(ClearHiddenTests), _accepting_display_priority(ClearMarkScheme)


ClearHiddenTests, ClearMarkScheme = _nbgrader_preprocessors()
