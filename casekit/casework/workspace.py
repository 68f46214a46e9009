"""The learner's workspace: their own copies of the kit's notebooks, outside the tracked files.

The kit's notebooks in ``notebooks/`` are tracked by git and rewritten by ``casekit notebooks
write``; nobody works in them. ``make lab`` first calls :func:`copy_notebooks`, which copies
each notebook the learner does not have yet into ``workspace/`` (ignored by git) and opens
JupyterLab there. A copy is never overwritten: the learner's work, and the plan files saved
beside it, stay theirs, and ``git pull`` updates the kit without conflicts. When the kit's
version of a notebook changes, the learner is told, and can delete or rename their copy to
get the new one on the next run.

Copies carry the kernel's own ``language_info``, which JupyterLab would otherwise write in
when the kernel starts, so a notebook does not open marked as changed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from casekit.casework.notebook_template import KERNELSPEC


@dataclass
class CopyReport:
    copied: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    """The learner's copies left as they were."""
    kit_changed: list[Path] = field(default_factory=list)
    """The learner's copies whose notebook in the kit has changed since they were copied."""
    plans_moved: list[Path] = field(default_factory=list)


def kernel_language_info() -> dict:
    """The ``language_info`` the Python kernel reports, as JupyterLab writes it into a notebook."""
    try:
        from ipykernel.ipkernel import IPythonKernel

        return dict(IPythonKernel.language_info)
    except ImportError:  # no kernel installed here: leave the notebook's own
        return {}


def kernelspec() -> dict:
    """The ``kernelspec`` JupyterLab writes for the Python kernel installed here."""
    try:
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

        spec = KernelSpecManager().get_kernel_spec(KERNELSPEC["name"])
    except (ImportError, NoSuchKernel):
        return dict(KERNELSPEC)
    return {"name": KERNELSPEC["name"], "display_name": spec.display_name, "language": spec.language}


def learner_copy(text: str) -> str:
    """The text of a learner's copy of a kit notebook: the same cells, the kernel's metadata filled in."""
    nb = json.loads(text)
    meta = nb.setdefault("metadata", {})
    info = kernel_language_info()
    if info:
        meta["language_info"] = info
    meta["kernelspec"] = kernelspec()
    meta.setdefault("casekit", {})["copied_from"] = "notebooks/"
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _stamp(dest: Path) -> Path:
    return dest / ".kit-versions.json"


def copy_notebooks(kit: Path, dest: Path) -> CopyReport:
    """Copy each notebook in ``kit`` that ``dest`` lacks; never overwrite one that is there.

    Also moves plan files a learner saved in ``kit`` under an older kit (when the notebooks were
    worked in place) into ``dest``, unless ``dest`` already has that plan.
    """
    dest.mkdir(parents=True, exist_ok=True)
    report = CopyReport()
    stamp = _stamp(dest)
    try:
        seen = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        seen = {}
    for src in sorted(Path(kit).glob("*.ipynb")):
        text = src.read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        target = dest / src.name
        if target.exists():
            report.kept.append(target)
            if src.name in seen and seen[src.name] != digest:
                report.kit_changed.append(target)
            continue
        target.write_text(learner_copy(text), encoding="utf-8")
        seen[src.name] = digest
        report.copied.append(target)
    for plan in sorted(Path(kit).glob("*.plan.json")):
        target = dest / plan.name
        if not target.exists():
            shutil.move(str(plan), target)
            report.plans_moved.append(target)
    stamp.write_text(json.dumps(seen, indent=1, sort_keys=True), encoding="utf-8")
    return report
