"""Keep JupyterLab's notebook shortcuts away from the keys a learner presses inside a step.

In command mode JupyterLab binds single keys to notebook commands on any focused element
that is not a text field (``.jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus``):
``b`` on a checkbox inserts a cell, ``d d`` on a drop-down deletes the step's own cell.
Lumino, which resolves those bindings, walks up from the focused element and stops at the
element carrying ``data-lm-suppress-shortcuts`` (JupyterLab's documented way for an output
to keep its keys); it tests the focused element itself before any ancestor, so the attribute
must be on the control that has focus. ipywidgets can add classes but not attributes, so each
step holds a :class:`KeyGuard`: a hidden anywidget whose script, on every focus inside a step,
gives the focused control (and the step) that attribute. The step's own controls still get
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
  // Lumino checks the focused element itself against ":focus" before it walks up to any
  // ancestor, so the attribute goes on the control that takes focus, not only on the step.
  const step = node && node.closest ? node.closest('.{STEP_CLASS}') : null;
  if (!step) return;
  if (!step.hasAttribute('{SUPPRESS}')) step.setAttribute('{SUPPRESS}', 'true');
  if (node !== step && !node.hasAttribute('{SUPPRESS}')) node.setAttribute('{SUPPRESS}', 'true');
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
