"""nbgrader glue: the course in ``graders/`` built from the cases, graded with the library's rubric.

One assignment per case (``assignment``), the hidden-test scoring function (``grading``), the
instructor's routine over nbgrader's Python API (``runner``), the checks that keys stay on the
instructor's side (``leaks``) and the per-criterion export (``export``).
"""
