"""Certification exam prep: the question bank, practice, the mock exam and ACM-style simulations.

One module per concept: ``blueprint`` (outlines and weights), ``bank`` (the items), ``validate``
(checks for both), ``store`` (the learner's SQLite file), ``practice`` (spaced repetition),
``mock`` (the timed CCM-format exam), ``simulation`` (information gathering and decision
making), ``scoring`` (one scorer for every front end), ``quiz`` (nbgrader assignments) and
``analysis`` (cohort item analysis).
"""
