"""Time `casekit course grade` (parallel) against plain sequential `nbgrader autograde` (make bench-grade).

Builds a fresh copy of the course in a temporary folder, submits a synthetic cohort of mixed
quality (every bad submission the instructor meets, from tests/course/course_cohort.py, plus
demo learners whose plans keep 30% to 100% of the model plan), and grades two identical
copies of it, in one run:

* sequential: `nbgrader autograde ASSIGNMENT`, every learner, one process, as nbgrader ships;
* parallel:   `casekit course grade ASSIGNMENT` (one worker per core unless --workers).

Prints seconds per submission for each and the ratio, the parallel run's time per submission
beyond running the notebook (from the kit's ledger), the peak memory of each run (the sum of
the resident memory of its processes, sampled: an upper bound), and whether every grade agrees.
Exits 1 only when the grades disagree; the timing goals are reported, not enforced.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO / "tests" / "course"))

GOAL_RATIO = 1.7
GOAL_OVERHEAD = 1.5
GOAL_MEMORY = 2 * 1024**3


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def tree_rss(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in bytes (Linux /proc)."""
    kids = _children()
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(kids.get(p, []))
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int | None, subprocess.CompletedProcess]:
    """Run ``cmd``; return its wall time, its peak memory (None off Linux) and the finished process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    linux = Path("/proc/self/status").exists()

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    if linux:
        sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    if linux:
        sampler.join()
    return seconds, (peak[0] if linux else None), subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _gib(n: int | None) -> str:
    return "n/a" if n is None else f"{n / 1024**3:.2f} GiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=42, help="submissions in the cohort (at least 14; default 42)")
    parser.add_argument("--timeout", type=int, default=10, help="per-cell timeout for both runs, seconds (default 10)")
    parser.add_argument("--workers", type=int, default=None, help="parallel workers (default: one per core)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary course folders and print where")
    args = parser.parse_args()

    from course_cohort import LEARNERS, copy_course_kit, submission_files

    if args.learners < len(LEARNERS) + 1:
        parser.error(f"--learners must be at least {len(LEARNERS) + 1}")
    tmp = Path(tempfile.mkdtemp(prefix="casekit-bench-grade-"))
    try:
        kit = tmp / "kit"
        copy_course_kit(kit)
        os.environ["CASEKIT_HOME"] = str(kit)
        env = dict(os.environ, PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]))

        from casekit.cases.library import CaseLibrary
        from casekit.course.agreement import compare
        from casekit.course.config import Course
        from casekit.course.demo import demo_plans, write_submissions
        from casekit.course.gradebook_rows import engine_for
        from casekit.course import ledger
        from casekit.course.runner import build

        lib = CaseLibrary.load(kit)
        t0 = time.perf_counter()
        build(Course.open(kit / "graders"), lib)
        case_id = sorted(c for c in lib.cases if c in lib.keys)[0]
        bad = submission_files(kit / "graders" / "release", case_id, lib)
        for learner, files in bad.items():
            folder = kit / "graders" / "submitted" / learner / case_id
            folder.mkdir(parents=True)
            for name, text in files.items():
                (folder / name).write_text(text, encoding="utf-8")
        write_submissions(kit / "graders", case_id, demo_plans(case_id, args.learners - len(bad), library=lib))
        n = args.learners
        print(f"cohort: {n} submissions of {case_id} ({len(bad)} of every kind an instructor meets, good and bad, "
              f"incl. one infinite loop; {n - len(bad)} of mixed quality); built in {time.perf_counter() - t0:.0f} s")
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} before the runs "
              f"(other work on the machine slows both runs); per-cell timeout {args.timeout} s in both runs\n")

        copies = {}
        for name in ("sequential", "parallel"):
            copies[name] = tmp / name
            shutil.copytree(kit, copies[name])

        seq_env = dict(env, CASEKIT_HOME=str(copies["sequential"]))
        seq_s, seq_mem, seq = run([str(BIN / "nbgrader"), "autograde", case_id, f"--Execute.timeout={args.timeout}"],
                                  copies["sequential"] / "graders", seq_env)
        print(f"sequential nbgrader autograde: {seq_s:7.1f} s  {seq_s / n:5.2f} s per submission  peak memory {_gib(seq_mem)}")

        par_env = dict(env, CASEKIT_HOME=str(copies["parallel"]))
        cmd = [str(BIN / "casekit"), "course", "grade", case_id, "--timeout", str(args.timeout),
               "--course", str(copies["parallel"] / "graders")]
        if args.workers:
            cmd += ["--workers", str(args.workers)]
        par_s, par_mem, par = run(cmd, copies["parallel"], par_env)
        if par.returncode != 0:
            print(par.stdout, par.stderr, sep="\n")
            return 1
        workers = next((ln for ln in par.stdout.splitlines() if ln.startswith("graded ")), "")
        print(f"casekit course grade:          {par_s:7.1f} s  {par_s / n:5.2f} s per submission  peak memory {_gib(par_mem)}")
        ratio = seq_s / par_s
        print(f"ratio: {ratio:.2f}x faster   ({workers.split(' (')[0]})")

        db = f"sqlite:///{copies['parallel'] / 'graders' / 'gradebook.db'}"
        engine = engine_for(db)
        with engine.connect() as conn:
            graded = ledger.read(conn, case_id)
        engine.dispose()
        ran = [e.result for e in graded.values() if e.result.graded_by_nbgrader and e.result.execute_seconds is not None]
        overhead = sum(r.overhead_seconds for r in ran) / len(ran)
        executing = sum(r.execute_seconds for r in ran) / len(ran)
        print(f"per submission in the parallel run: {executing:.2f} s running the notebook (kernel start and cells), "
              f"{overhead:.2f} s beyond it (mean of {len(ran)})")

        agreement = compare(db, f"sqlite:///{copies['sequential'] / 'graders' / 'gradebook.db'}", case_id)
        corrected = sorted({learner for learner, *_ in agreement.corrected})
        print(f"grades: {agreement.identical} of {agreement.compared} identical to sequential nbgrader"
              + (f"; {len(agreement.corrected)} more are nbgrader's own score too, corrected by the kit to the rubric's "
                 f"for {', '.join(corrected)} (reported in the summary)" if agreement.corrected else ""))
        for learner, cell, expected, got in agreement.differ:
            print(f"  DIFFERENT: {learner} {cell}: nbgrader {expected:g}, kit {got:g}")
        print(f"grades identical: {'yes' if agreement.agree else 'NO'}")
        print(f"load average after the runs: {os.getloadavg()[0]:.2f}")

        print("\ngoals:")
        print(f"  {'met ' if ratio >= GOAL_RATIO else 'MISS'}  at least {GOAL_RATIO}x faster than sequential nbgrader: {ratio:.2f}x")
        print(f"  {'met ' if overhead < GOAL_OVERHEAD else 'MISS'}  overhead per submission under {GOAL_OVERHEAD} s: {overhead:.2f} s")
        if par_mem is not None:
            print(f"  {'met ' if par_mem < GOAL_MEMORY else 'MISS'}  peak memory of the grading run under 2 GiB: {_gib(par_mem)}")
        print(f"  {'met ' if agreement.agree else 'MISS'}  grades identical")
        if args.keep:
            print(f"\ncourse folders kept in {tmp}")
        return 0 if agreement.agree else 1
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
