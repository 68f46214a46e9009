"""Time the paths a person waits on, against their goals (make bench-interactive).

* ``casekit --help`` and ``casekit cases list``: a fresh process each, as typed at a prompt.
* "Check my plan" after the first: what the button does (score the plan, make the table and the
  chart) on a saved model plan, in one process, once to warm up and then timed.
* Opening a case notebook's session: the setup cell of a case notebook, run in a fresh process
  that has IPython loaded (as a kernel has), imports included.
* ``casekit hours progress`` for a learner with 1,100 signed, approved entries: a fresh process.

Each figure is the median of several runs, in seconds of wall time, with the CPU time of the
same runs beside it (on a shared machine the wall time grows with the load; the CPU time does
not). Prints each figure against its goal; exits 0 either way (no timed tests).

The runs are timed as a person meets them after the first: Python's bytecode and the kit's saved
copy of the case library (casekit/saved_copy.py, kept in a fresh folder for the run) are
written by one untimed run first. The first run of each, which reads every case file, is printed
below the table.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HOURS_ENTRIES = 1100

GOALS = {
    "casekit --help": 0.3,
    "casekit cases list": 0.3,
    "Check my plan (after the first)": 0.3,
    "open a case notebook's session": 0.5,
    f"casekit hours progress ({HOURS_ENTRIES:,} entries)": 0.5,
}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_process(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall and CPU seconds of ``cmd`` run ``runs`` times (one warm-up run first, untimed)."""
    subprocess.run(cmd, capture_output=True, env=env, check=True)
    walls, cpus = [], []
    for _ in range(runs):
        cpu = _children_cpu()
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env, check=True)
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


CHECK = """
import io, sys, time
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from casekit.cases.library import CaseLibrary
from casekit.casework.model_plan import model_plan
from casekit.casework.plan import save_plan, plan_path
from casekit.casework.session import open_case
from casekit.casework.widgets.selfcheck import results_chart, styled_results

case_id, folder, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
lib = CaseLibrary.load()
save_plan(model_plan(lib.case(case_id), lib.key(case_id), lib), plan_path(case_id, folder))
session = open_case(case_id, folder)


def press():  # what the button shows: the styled table and the chart, rendered
    results = session.check()
    styled_results(results).to_html()
    fig = results_chart(results)
    fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)


press()
walls, cpus = [], []
for _ in range(runs):
    start, cpu = time.perf_counter(), time.process_time()
    press()
    walls.append(time.perf_counter() - start)
    cpus.append(time.process_time() - cpu)
walls.sort(); cpus.sort()
print(walls[len(walls) // 2], cpus[len(cpus) // 2])
"""

OPEN = """
import sys, time
import IPython  # a kernel has it loaded before the first cell runs
start, cpu = time.perf_counter(), time.process_time()
exec(sys.argv[1], {})
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def time_in_process(code: str, args: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median of what ``code`` prints (wall, CPU), run in ``runs`` fresh processes."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = run_in_process(code, args, env)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def run_in_process(code: str, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """What ``code`` prints (wall, CPU) in one fresh process."""
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    wall, cpu = map(float, out.stdout.split()[-2:])
    return wall, cpu


def setup_cell(case_id: str) -> str:
    """The setup cell of the case's notebook, as ``casekit notebooks write`` makes it."""
    from casekit.casework.notebook_template import case_notebook

    nb = case_notebook(case_id)
    cell = next(c for c in nb.cells if "setup" in c.metadata.get("tags", []))
    return cell.source


def hours_log(folder: Path) -> tuple[Path, str]:
    """A log with one learner's 1,100 entries, every one approved and signed by the supervisor."""
    import datetime as dt

    import numpy as np
    import pandas as pd

    from casekit.hours import add_person, approve_entries, keygen, open_store
    from casekit.hours.log.entries import parse_frame
    from casekit.hours.log.logbook import write_entries

    db = folder / "hours.sqlite"
    store = open_store(db)
    add_person(store, "Bench Supervisor", "supervisor", credentials=["CCM"])
    add_person(store, "Bench Learner", "learner", degree_level="bachelor", degree_field="social_work",
               degree_date=dt.date(2021, 6, 1))
    key = folder / "supervisor.pem"
    keygen(store, "Bench Supervisor", key, passphrase=None)
    start = dt.date(2022, 1, 3)
    frame = pd.DataFrame([dict(learner="Bench Learner", date=(start + dt.timedelta(days=i)).isoformat(), hours="6",
                               category="care_coordination", setting="social_services", paid="yes",
                               supervisor="Bench Supervisor", note="") for i in range(HOURS_ENTRIES)])
    parsed, problems = parse_frame(frame, rows=np.arange(2, len(frame) + 2))
    write_entries(store, parsed, problems, source="benchmark")
    approve_entries(store, "Bench Supervisor", key=key)
    return db, "Bench Learner"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (default 5; the median is shown)")
    args = parser.parse_args()
    cache = tempfile.TemporaryDirectory(prefix="casekit-bench-cache-")
    # A person's Python writes bytecode; with PYTHONDONTWRITEBYTECODE set, every run would compile the kit anew.
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
           "CASEKIT_HOME": str(REPO), "MPLBACKEND": "Agg", "CASEKIT_CACHE": cache.name}
    figures: dict[str, tuple[float, float]] = {}
    first_runs: dict[str, float] = {}
    casekit = str(BIN / "casekit")
    figures["casekit --help"] = time_process([casekit, "--help"], args.runs, env)
    start = time.perf_counter()
    subprocess.run([casekit, "cases", "list"], capture_output=True, env={**env, "CASEKIT_CACHE": "off"}, check=True)
    first_runs["casekit cases list"] = time.perf_counter() - start
    figures["casekit cases list"] = time_process([casekit, "cases", "list"], args.runs, env)

    from casekit.cases.library import CaseLibrary

    lib = CaseLibrary.load()
    case_id = sorted(c for c in lib.cases if c in lib.keys)[0]
    with tempfile.TemporaryDirectory(prefix="casekit-bench-") as tmp:
        tmp_path = Path(tmp)
        figures["Check my plan (after the first)"] = time_in_process(CHECK, [case_id, tmp, str(args.runs)], 1, env)
        cell = setup_cell(case_id)
        open_env = {**env, "PWD": tmp}
        opening = [f"import os; os.chdir({tmp!r})\n" + cell]
        first_runs["open a case notebook's session"] = run_in_process(OPEN, opening, {**open_env, "CASEKIT_CACHE": "off"})[0]
        run_in_process(OPEN, opening, open_env)  # untimed: writes the saved copy of the library
        figures["open a case notebook's session"] = time_in_process(OPEN, opening, args.runs, open_env)
        db, learner = hours_log(tmp_path)
        figures[f"casekit hours progress ({HOURS_ENTRIES:,} entries)"] = time_process(
            [casekit, "hours", "--db", str(db), "progress", learner], args.runs, env)

    print(f"{'path':<42} {'wall s':>8} {'CPU s':>8} {'goal s':>8}")
    for name, (wall, cpu) in figures.items():
        goal = GOALS[name]
        verdict = "under goal" if wall < goal else "OVER goal"
        print(f"{name:<42} {wall:8.3f} {cpu:8.3f} {goal:8.2f}  {verdict}")
    print(f"(median of {args.runs} runs; machine load now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    for name, wall in first_runs.items():
        print(f"first run, reading every case file: {name} {wall:.3f} s")
    cache.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
