"""casekit: an open, offline study kit for case managers.

The library holds the logic; the ``casekit`` command, the notebooks and the nbgrader
test cells are thin callers of it.
"""

import sys as _sys

__version__ = "0.1.0"

# Notebooks released before the package was arranged by its users import the old module names.
from casekit._moved import install as _install_moved_names

_install_moved_names()

# In a notebook kernel, charts get alt text (see casekit.figure_display); elsewhere nothing happens.
if "IPython" in _sys.modules:
    from casekit.figure_display import register as _register

    _register()
