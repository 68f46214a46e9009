"""The learner's casework: a case session, the plan it saves, the rubric that scores it, and the views over them.

Layered from the bottom up: ``plan`` and ``plancheck`` (the learner's decisions as data), ``rubric``
(scoring a plan), ``model_plan`` (the key's own plan), ``notebook_template`` (the case notebooks),
``session`` (a learner's working session, the code path of every widget), ``widgets`` (one view per
step, and the self-check), ``progress`` (scores across cases), ``case_finder`` and ``workspace``."""
