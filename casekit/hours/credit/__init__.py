"""The credit engine: credential rules as data, what each learner's verified hours earn toward them, and when."""
