"""Write the kit's reports and feedback on the demo data into a folder, to compare two versions of the code.

    python benchmarks/demo_outputs.py OUT [--kit KIT] [--hours-log FILE]

Copies the kit at KIT (default: this checkout; or, for an older version, a folder made with
``git archive COMMIT | tar -x -C FOLDER``) to a temporary folder and runs its own code there: the
course is built, a fictional demo cohort of mixed quality submits two cases, and ``casekit course
grade``, ``feedback``, ``export`` and ``report`` write what an instructor gets; then ``casekit
hours`` writes each demo learner's progress, verification, reasons, pathways and HTML report from
the demo log. The demo log's supervisors sign with freshly made keys, so pass the first run's
``OUT/hours-input/casekit-hours-demo.sqlite`` as ``--hours-log`` to the second run: both then read
the same log. Then compare them:

    python benchmarks/demo_outputs.py --compare OUT_BEFORE OUT_AFTER

which says which files differ, byte for byte, once the clock time of each run (the "Made ... UTC",
"checked ... at" and ``checked_at``/``exported_at`` stamps, which record when a command ran) is
masked; everything else must be the same bytes. The script imports only names both versions
have (the old module names keep working), so it runs on code from before and after a move.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LEARNERS = 6
CASES = 2
TODAY = "2026-12-01"
HOURS_LEARNERS = ("Demo Learner A", "Demo Learner B", "Demo Learner C")
CLI = "import sys; from casekit.cli import main; sys.argv[0] = 'casekit'; main()"


def _run(kit: Path, *args: str, out: Path | None = None) -> None:
    env = {**os.environ, "PYTHONPATH": str(kit), "CASEKIT_HOME": str(kit), "NO_COLOR": "1", "COLUMNS": "120"}
    proc = subprocess.run([sys.executable, "-c", CLI, *args], cwd=kit, env=env, capture_output=True, text=True)
    if out is not None:  # the folders differ from run to run; what is in them must not
        text = proc.stdout.replace(str(kit), "KIT").replace(str(out.parents[1]), "OUT")
        out.write_text(f"exit {proc.returncode}\n{text}", encoding="utf-8")
    elif proc.returncode:
        raise SystemExit(f"casekit {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")


def _python(kit: Path, code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(kit), "CASEKIT_HOME": str(kit)}
    proc = subprocess.run([sys.executable, "-c", code], cwd=kit, env=env, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return proc.stdout


def course_outputs(kit: Path, out: Path) -> None:
    _run(kit, "course", "build")
    cases = _python(kit, "from casekit.cases.library import CaseLibrary\n"
                         "lib = CaseLibrary.load()\n"
                         f"print(' '.join(sorted(c for c in lib.cases if c in lib.keys)[:{CASES}]))").split()
    for case in cases:
        _python(kit, "from casekit.course.demo import demo_plans, write_submissions\n"
                     f"write_submissions('graders', {case!r}, demo_plans({case!r}, {LEARNERS}))")
        _run(kit, "course", "grade", case, "--workers", "1")
        _run(kit, "course", "feedback", case, "--allow-ungraded")
        _run(kit, "course", "export", case, "--to", str(out / "course" / f"{case}-scores.csv"))
        _run(kit, "course", "report", case, "--to", str(out / "course" / f"{case}-report.html"))
    shutil.copytree(kit / "graders" / "feedback", out / "course" / "feedback")


def hours_outputs(kit: Path, out: Path, log: Path | None) -> None:
    given = out / "hours-input"
    if log is None:
        given.mkdir(parents=True)
        _python(kit, "import datetime\nfrom casekit.hours.demo import build_demo_log\n"
                     f"build_demo_log({str(given / 'casekit-hours-demo.sqlite')!r}, "
                     f"today=datetime.date.fromisoformat({TODAY!r}))")
    else:  # the log and its demo keys
        shutil.copytree(log.parent, given)
    db = kit / "hours.sqlite"
    shutil.copy(given / "casekit-hours-demo.sqlite", db)
    hours = out / "hours"
    hours.mkdir()
    _run(kit, "hours", "--db", str(db), "list", out=hours / "list.txt")
    for learner in HOURS_LEARNERS:
        name = learner.rsplit(" ", 1)[1]
        for command in ("progress", "verify", "why", "pathways"):
            _run(kit, "hours", "--db", str(db), command, learner, out=hours / f"{command}-{name}.txt")
        _run(kit, "hours", "--db", str(db), "report", learner, "--to", str(hours / f"report-{name}.html"),
             out=hours / f"report-{name}.txt")


CLOCK = re.compile(rb"\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\d(?:\.\d+)?\+00:00| \d\d:\d\d UTC)")
"""A moment written by the clock of the run (ISO with a UTC offset, or "YYYY-MM-DD HH:MM UTC")."""


def compare(a: Path, b: Path) -> int:
    """Print each file that differs between the folders (clock stamps masked); 1 if any does."""
    files = {p.relative_to(a) for p in a.rglob("*") if p.is_file()} | {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    differ = []
    for rel in sorted(files):
        if str(rel).startswith("hours-input"):
            continue  # the input log, copied from the first run
        left, right = a / rel, b / rel
        if not (left.is_file() and right.is_file()):
            differ.append(f"only in one: {rel}")
        elif CLOCK.sub(b"<clock>", left.read_bytes()) != CLOCK.sub(b"<clock>", right.read_bytes()):
            differ.append(f"differs: {rel}")
    print("\n".join(differ) or f"identical: {len(files)} files (clock stamps masked)")
    return 1 if differ else 0


def main() -> int:
    if sys.argv[1:2] == ["--compare"] and len(sys.argv) == 4:
        return compare(Path(sys.argv[2]), Path(sys.argv[3]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="an empty or new folder for the outputs")
    parser.add_argument("--kit", type=Path, default=REPO, help="the kit whose code and data run (default: this one)")
    parser.add_argument("--hours-log", type=Path, default=None, help="the demo hours log of an earlier run, to reuse")
    args = parser.parse_args()
    out = args.out.resolve()
    (out / "course").mkdir(parents=True, exist_ok=False)
    with tempfile.TemporaryDirectory(prefix="casekit-demo-outputs-") as tmp:
        kit = Path(tmp) / "kit"
        kit.mkdir()
        for part in ("casekit", "casestudies", "graders", "notebooks"):
            shutil.copytree(args.kit / part, kit / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        course_outputs(kit, out)
        hours_outputs(kit, out, args.hours_log.resolve() if args.hours_log else None)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
