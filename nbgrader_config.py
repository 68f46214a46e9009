"""nbgrader settings when JupyterLab runs from the kit's root (`make lab`).

The course lives in graders/; this file only points there, so formgrader and the
`nbgrader` command work from the root as they do from graders/.
"""

c = get_config()  # noqa: F821 (provided by the config loader)
load_subconfig("graders/nbgrader_config.py")  # noqa: F821
