"""The package's imports run one way: no circles, and no module imports from a layer above its own.

Every ``import`` and ``from ... import`` of a casekit module counts, at the top of a file or inside
a function (a lazy import is still a dependency). The layers, bottom first, are the README's layout:
what every part shares, the cases (their format, eligibility over it, the library over both), the
learner's casework, exam prep, the course and the hours log (each in its own layers), then the CLI.
"""

from __future__ import annotations

import ast
import pathlib

import pytest

import casekit

PACKAGE = pathlib.Path(casekit.__file__).parent

LAYERS: list[tuple[str, ...]] = [
    ("casekit", "casekit._moved", "casekit.errors", "casekit.paths", "casekit.csvsafe", "casekit.figure_display",
     "casekit.saved_copy"),
    ("casekit.datafile",),
    ("casekit.freshness", "casekit.kitcontents"),
    # the cases: their format, eligibility over it, the library over both
    ("casekit.cases.base", "casekit.cases.settings", "casekit.cases.factvalues", "casekit.cases.text"),
    ("casekit.cases.directory",),
    ("casekit.cases.schema",),
    ("casekit.cases.eligibility",),
    ("casekit.cases",),
    # the learner's casework
    ("casekit.casework.process", "casekit.casework.plan", "casekit.casework.plancheck"),
    ("casekit.casework.rubric",),
    ("casekit.casework.model_plan", "casekit.casework.notebook_template"),
    ("casekit.casework.session",),
    ("casekit.casework.widgets",),
    ("casekit.casework",),
    ("casekit.exam",),
    # the course
    ("casekit.course.config", "casekit.course.points"),
    ("casekit.course.nbgrader_api",),
    ("casekit.course.assignments",),
    ("casekit.course.grading_engine",),
    ("casekit.course.cohort",),
    ("casekit.course",),
    # the hours log
    ("casekit.hours.errors", "casekit.hours.storage"),
    ("casekit.hours.log",),
    ("casekit.hours.trust",),
    ("casekit.hours.credit",),
    ("casekit.hours.views",),
    ("casekit.hours",),
    # the notebook-facing API and the command line, over everything
    ("casekit.notebook",),
    ("casekit.cli",),
]


def _modules() -> dict[str, pathlib.Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["casekit", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _target(name: str) -> str:
    while name not in MODULES and "." in name:
        name = name.rpartition(".")[0]
    return name


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(module: str) -> set[str]:
    """The casekit modules ``module`` imports, anywhere in its file."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If) and _is_type_checking(block.test)
                   for stmt in block.body for n in ast.walk(stmt)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue  # an import for type annotations only never runs
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                head = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(head + ([base] if base else []))
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        found |= {_target(n) for n in names if n == "casekit" or n.startswith("casekit.")}
    found.discard(module)
    return found


GRAPH = {m: imports_of(m) for m in MODULES}


def layer_of(module: str) -> int:
    best, rank = -1, None
    for i, prefixes in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and len(p) > best:
                best, rank = len(p), i
    assert rank is not None, f"{module} is in no layer: add it to LAYERS (and the README's layout)"
    return rank


def test_every_module_has_a_layer():
    """Is each module of the package placed in exactly one named layer?"""
    for module in MODULES:
        layer_of(module)


def test_the_import_graph_has_no_circles():
    """Can the modules be ordered so that each imports only modules before it?"""
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    assert not circles, "modules importing each other, directly or round a circle: " + "; ".join(map(", ".join, circles))


def test_no_module_imports_from_a_layer_above_its_own():
    """Does every import point down (or sideways within a layer), never up?"""
    upward = [f"{m} (layer {layer_of(m)}) imports {t} (layer {layer_of(t)})"
              for m, targets in sorted(GRAPH.items()) for t in sorted(targets) if layer_of(t) > layer_of(m)]
    assert not upward, "\n".join(upward)


def test_no_module_reaches_into_another_modules_private_names():
    """Does a module use only another module's public names (no ``from x import _private``)?"""
    private = []
    for module, path in sorted(MODULES.items()):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("casekit"):
                private += [f"{module}: {node.module}.{a.name}" for a in node.names
                            if a.name.startswith("_") and a.name != "__version__"]
    assert not private, "\n".join(private)


@pytest.mark.parametrize("module,target", [("casekit.cases.library", "casekit.cases.eligibility.programs"),
                                           ("casekit.hours.credit.engine", "casekit.hours.credit.columns")])
def test_the_reader_sees_real_imports(module, target):
    """Does the graph the tests check hold the imports a reader sees (so an empty graph cannot pass)?"""
    assert target in GRAPH[module] or any(target.startswith(t) for t in GRAPH[module])


def test_the_step_list_is_defined_once():
    """Do the notebook's sections, the step widgets and the exam bank all take their steps from casekit.casework.process?"""
    from casekit.casework import process
    from casekit.casework.notebook_template import STEP_TEXT
    from casekit.casework.widgets.steps import STEPS
    from casekit.exam.blueprint import PROCESS_STEPS

    assert PROCESS_STEPS is process.PROCESS_STEPS
    assert list(STEPS) == list(process.NOTEBOOK_STEPS) == [step for step, _, _ in STEP_TEXT]
