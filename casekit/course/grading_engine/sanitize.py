"""What a learner's notebook may put in front of an instructor or into feedback: no script, no event handlers.

Feedback pages and formgrader show the graded notebook as HTML in a browser. A learner's
output (``display(HTML("<script>..."))``), a markdown cell or a raw cell could carry script
or ``onerror=`` handlers into that page. :class:`LearnerHTML` is nbconvert's own
``SanitizeHTML`` (bleach underneath), set to strip what it does not allow: HTML and markdown
outputs are cleaned, every other rich output but plain text, JSON, LaTeX and PNG/JPEG images
is dropped (JavaScript, SVG, widget views), and markdown and raw cells are cleaned too,
except the instructor's read-only cells, which nbgrader restored from the gradebook.
It runs in the autograde chain and again when feedback is made.
"""

from __future__ import annotations

from nbconvert.preprocessors.sanitize import SanitizeHTML
from traitlets import Bool


class LearnerHTML(SanitizeHTML):
    """nbconvert's ``SanitizeHTML``, stripping (not escaping), and leaving the instructor's locked cells alone."""

    strip = Bool(True, config=True, help="Remove unsafe markup entirely instead of escaping it").tag(config=True)
    # nbconvert's preprocessors do nothing unless enabled; this one is named in a chain to run.
    enabled = Bool(True).tag(config=True)

    def preprocess_cell(self, cell, resources, cell_index):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type != "code" and meta.get("locked"):
            return cell, resources
        result = super().preprocess_cell(cell, resources, cell_index)
        return result if result is not None else (cell, resources)
