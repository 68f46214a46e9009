"""nbgrader glue: the course in ``graders/`` built from the cases, graded with the library's rubric.

One assignment per case (``assignment``), the hidden-test scoring function (``grading``), the
instructor's routine over nbgrader's Python API (``runner``), the checks that keys stay on the
instructor's side (``leaks``) and the per-criterion export (``export``); the points nbgrader
counts, read in one place (``points``). Cohort grading in
parallel: one submission's task (``task``), the run that fans it out and saves whole learners
(``parallel``), the rows moved between gradebooks (``gradebook_rows``), the record of who is
graded (``ledger``) and the check against plain nbgrader (``agreement``). Cohort analytics
(``analytics``), the shareable report (``report``) and a fictional cohort (``demo``).
"""
