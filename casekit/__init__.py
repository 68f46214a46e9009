"""casekit: an open, offline study kit for case managers.

The library holds the logic; the ``casekit`` command, the notebooks and the nbgrader
test cells are thin callers of it.
"""

__version__ = "0.1.0"
