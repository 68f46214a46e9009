"""casekit: an open, offline study kit for case managers.

The library holds the logic; the ``casekit`` command, the notebooks and the nbgrader
test cells are thin callers of it.
"""

__version__ = "0.1.0"

# In a notebook kernel, charts get alt text (see casekit.figure_display); elsewhere nothing happens.
import sys as _sys

if "IPython" in _sys.modules:
    from casekit.figure_display import register as _register

    _register()
