"""The feedback page's layout: the scores and comments first, the notebook after it, folded."""

from __future__ import annotations

import re

from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from casekit.course.feedback_page import FOLDED, NOT_GRADED, arrange, score_rows
from casekit.rubric import TITLES

# nbgrader's feedback template, cut down to the parts the layout changes.
PAGE = """<html><head><style>body {}</style></head><body><a name="top"></a><div class="container"><div class="panel panel-default">
<div class="panel-heading"><h4>case (Score: 1.5 / 5.0)</h4><div id="toc"><ol><li><a href="#crit-goals">Test cell</a> (Score: 1.5 / 3.0)</li>
<li><a href="#crit-progress-note">Task</a> (Score: 0.0 / 2.0)</li></ol></div></div>
<div class="panel-body"><div id="notebook" class="border-box-sizing"><div class="container" id="notebook-container">
<h1>A long case text</h1><a name="crit-goals"></a><pre>See the table.</pre><a name="comment-crit-progress-note"></a>
</div></div></div></div></div></body></html>"""


def _graded_notebook():
    goals = new_code_cell("", metadata={"nbgrader": {"grade": True, "grade_id": "crit-goals", "points": 3.0, "score": 1.5}})
    goals.outputs = [new_output("stream", name="stdout", text=f"{TITLES['goals']}: 1.5 of 3 points. No goal for the $1,450 rent.\n")]
    note = new_markdown_cell("Progress note", metadata={"nbgrader": {"task": True, "grade": False, "grade_id": "crit-progress-note",
                                                                    "points": 2.0, "score": 0.0, "comment": None}})
    return new_notebook(cells=[new_markdown_cell("# A long case text"), goals, note])


def test_the_page_opens_with_each_score_and_comment_and_folds_the_notebook():
    """Do the scores and the rubric's comments come before the notebook, which sits in a closed <details>?"""
    rows = score_rows(_graded_notebook(), ungraded={"crit-progress-note"})
    page = arrange(PAGE, rows, [r["title"] for r in rows if r["score"] == NOT_GRADED])
    table, notebook = page.index('class="casekit-scores'), page.index('id="notebook"')
    assert table < notebook, "the scores come after the notebook"
    assert "No goal for the $1,450 rent." in page[table:notebook], "the rubric's comment is not beside its score"
    assert re.search(r"<details class=\"casekit-notebook\"><summary>[^<]*</summary>\s*<div[^>]*id=\"notebook\"", page), page
    assert FOLDED in page and "<details open" not in page
    assert "tex2jax_ignore" in page[:notebook], "MathJax would typeset the dollar amounts in the table"


def test_an_ungraded_criterion_reads_not_graded_and_its_link_has_a_target():
    """Does the progress note waiting for a grader read "not graded yet" (not 0.0 / 2.0), with a link that goes somewhere?"""
    rows = score_rows(_graded_notebook(), ungraded={"crit-progress-note"})
    page = arrange(PAGE, rows, [TITLES["progress-note"]])
    note_row = next(r for r in rows if r["title"] == TITLES["progress-note"])
    assert note_row["score"] == NOT_GRADED
    assert "Score: 0.0 / 2.0" not in page and "Not graded yet:" in page
    assert "you have 1.5 of the 3 points graded so far, and 2 more are still to be graded" in page, \
        "the page's total (1.5 / 5.0) should say what it is out of while the note waits"
    for target in re.findall(r'href="#([^"]+)"', page):
        assert f'name="{target}"' in page or f'id="{target}"' in page, f"the link #{target} goes nowhere"
    graded = score_rows(_graded_notebook(), ungraded=set())
    assert next(r for r in graded if r["title"] == TITLES["progress-note"])["score"] == "Score: 0.0 / 2.0"
