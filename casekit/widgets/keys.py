"""Keep JupyterLab's notebook shortcuts away from the keys a learner presses inside a step.

In command mode JupyterLab binds single keys to notebook commands on any focused element
that is not a text field (``.jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus``):
``b`` on a checkbox inserts a cell, ``d d`` on a drop-down deletes the step's own cell.
Lumino, which resolves those bindings, walks up from the focused element and stops at the
first element carrying ``data-lm-suppress-shortcuts`` (JupyterLab's documented way for an
output to keep its keys). ipywidgets can add classes but not attributes, so each step holds
a :class:`KeyGuard`: a hidden anywidget whose script gives its step that attribute, and, for
any step drawn before the script ran, sets it on focus. The step's own controls still get
every key (Tab, arrows, Space, Enter), and JupyterLab's shortcuts still work outside the step
(Escape leaves the control; the notebook's shortcuts then work as usual).
"""

from __future__ import annotations

import anywidget
import ipywidgets as W

STEP_CLASS = "casekit-step"
SUPPRESS = "data-lm-suppress-shortcuts"

_ESM = f"""
function guard(node) {{
  const step = node && node.closest ? node.closest('.{STEP_CLASS}') : null;
  if (step && !step.hasAttribute('{SUPPRESS}')) step.setAttribute('{SUPPRESS}', 'true');
}}
function render({{ el }}) {{
  // Once per page: a step that takes focus keeps its keys, even one drawn before this ran.
  if (!window.__casekitKeyGuard) {{
    window.__casekitKeyGuard = true;
    document.addEventListener('focusin', (e) => guard(e.target), true);
  }}
  // The view is attached to the page after render returns: mark the step once it is.
  requestAnimationFrame(() => guard(el));
}}
export default {{ render }};
"""


class KeyGuard(anywidget.AnyWidget):
    """An invisible widget that keeps the notebook's single-key shortcuts out of its step."""

    _esm = _ESM

    def __init__(self, **kwargs):
        super().__init__(layout=W.Layout(display="none"), **kwargs)
