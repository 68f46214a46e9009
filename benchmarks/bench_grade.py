"""Time `casekit course grade` against plain sequential `nbgrader autograde` (make bench-grade).

Builds a fresh copy of the course in a temporary folder, submits a synthetic cohort of mixed
quality (every bad submission the instructor meets, from tests/course/course_cohort.py, plus
demo learners whose plans keep 30% to 100% of the model plan), and grades identical copies of
it, in one run:

* sequential: `nbgrader autograde ASSIGNMENT`, every learner, one process, as nbgrader ships
  (executing every notebook in the grader's own kernel);
* kit:        `casekit course grade ASSIGNMENT`: the rubric on each submitted plan file, no
  learner code run (one worker per core unless --workers);
* sandboxed:  `casekit course grade ASSIGNMENT --execute`: the same, with every notebook run in
  the bubblewrap sandbox too (left out with --no-execute, or where no sandbox can be made).

Prints seconds per submission for each and the ratio, the peak memory of each run (the sum of
the resident memory of its processes, sampled: an upper bound), and whether the grades agree:
the kit's with sequential nbgrader's for every honest submission (the tampering learner's
differ by design: nbgrader believes its kernel), and the sandboxed run's with the kit's for
every submission. Exits 1 only when grades disagree; the timing goals are reported, not enforced.
"""

from __future__ import annotations

import argparse
import os
import resource
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

GOAL_RATIO = 10.0
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


CPU: dict[str, float] = {}
"""Run name -> CPU seconds (user and system) of the run's whole process tree: unlike wall time, it
does not grow when other work shares the machine."""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str], cwd: Path, env: dict[str, str], name: str = "") -> tuple[float, int | None, subprocess.CompletedProcess]:
    """Run ``cmd``; return its wall time, its peak memory (None off Linux) and the finished process.

    Its CPU time (every process it started, kernels and workers included) goes to ``CPU[name]``.
    """
    cpu = _children_cpu()
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
    CPU[name] = _children_cpu() - cpu
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
    parser.add_argument("--no-execute", action="store_true", help="leave out the run with --execute in the sandbox")
    args = parser.parse_args()

    from course_cohort import LEARNERS, TAMPERING, as_nbgrader_ships, copy_course_kit, submission_files

    if args.learners < len(LEARNERS) + 1:
        parser.error(f"--learners must be at least {len(LEARNERS) + 1}")
    tmp = Path(tempfile.mkdtemp(prefix="casekit-bench-grade-"))
    try:
        kit = tmp / "kit"
        copy_course_kit(kit)
        os.environ["CASEKIT_HOME"] = str(kit)
        env = dict(os.environ, PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]))

        from casekit.cases.library import CaseLibrary
        from casekit.course.grading_engine.agreement import compare
        from casekit.course.config import Course
        from casekit.course.cohort.demo_cohort import demo_plans, write_submissions
        from casekit.course.routine import build

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

        from casekit.course.grading_engine.gradebook_rows import scores, snapshot
        from casekit.course.grading_engine.sandbox import sandbox_problem

        no_sandbox = sandbox_problem()
        runs = ["sequential", "kit"] + ([] if args.no_execute or no_sandbox else ["sandboxed"])
        copies = {}
        for name in runs:
            copies[name] = tmp / f"run-{name}"
            shutil.copytree(kit, copies[name])
        as_nbgrader_ships(copies["sequential"] / "graders")

        seq_env = dict(env, CASEKIT_HOME=str(copies["sequential"]))
        seq_s, seq_mem, seq = run([str(BIN / "nbgrader"), "autograde", case_id, f"--Execute.timeout={args.timeout}"],
                                  copies["sequential"] / "graders", seq_env, "sequential")
        print(f"sequential nbgrader autograde:     {seq_s:7.1f} s  {seq_s / n:5.2f} s per submission  "
              f"{CPU['sequential']:6.1f} s of CPU  peak memory {_gib(seq_mem)}")

        def casekit_grade(name: str, *extra: str):
            cmd = [str(BIN / "casekit"), "course", "grade", case_id, "--timeout", str(args.timeout),
                   "--course", str(copies[name] / "graders"), *extra]
            if args.workers:
                cmd += ["--workers", str(args.workers)]
            seconds, mem, proc = run(cmd, copies[name], dict(env, CASEKIT_HOME=str(copies[name])), name)
            if proc.returncode != 0:
                print(proc.stdout, proc.stderr, sep="\n")
            return seconds, mem, proc

        par_s, par_mem, par = casekit_grade("kit")
        if par.returncode != 0:
            return 1
        workers = next((ln for ln in par.stdout.splitlines() if ln.startswith("graded ")), "")
        print(f"casekit course grade (no code run): {par_s:6.1f} s  {par_s / n:5.2f} s per submission  "
              f"{CPU['kit']:6.1f} s of CPU  peak memory {_gib(par_mem)}")
        ratio = seq_s / par_s
        cpu_ratio = CPU["sequential"] / max(CPU["kit"], 1e-9)
        print(f"ratio: {ratio:.2f}x faster in elapsed time   ({workers.split(' (')[0]}); "
              f"{cpu_ratio:.2f}x less CPU time (what elapsed time comes to on an idle machine, with one core per worker)")

        db = {name: f"sqlite:///{copies[name] / 'graders' / 'gradebook.db'}" for name in runs}
        agreement = compare(db["kit"], db["sequential"], case_id, untrusted=TAMPERING)
        honest = agreement.compared - len(agreement.corrected)
        print(f"grades: {agreement.identical} of {agreement.compared} identical to sequential nbgrader; "
              f"every one of the {honest} grades of honest submissions is identical: {'yes' if agreement.agree else 'NO'}")
        if agreement.corrected:
            print(f"  {len(agreement.corrected)} grade(s) of {', '.join(sorted(TAMPERING))} differ by design: nbgrader records "
                  "what the learner's code made the notebook print, the kit the rubric's score for the plan as submitted")
        for learner, cell, expected, got in agreement.differ:
            print(f"  DIFFERENT: {learner} {cell}: nbgrader {expected:g}, kit {got:g}")

        same_sandboxed = None
        if "sandboxed" in runs:
            box_s, box_mem, box = casekit_grade("sandboxed", "--execute")
            kit_scores = scores(snapshot(db["kit"], case_id))
            box_scores = scores(snapshot(db["sandboxed"], case_id)) if box.returncode == 0 else {}
            same_sandboxed = box.returncode == 0 and box_scores == kit_scores
            differ = sum(1 for lr in kit_scores for c in kit_scores[lr] if box_scores.get(lr, {}).get(c) != kit_scores[lr][c])
            print(f"casekit course grade --execute:     {box_s:6.1f} s  {box_s / n:5.2f} s per submission  "
                  f"peak memory {_gib(box_mem)}; grades identical to the run without it: "
                  f"{'yes' if same_sandboxed else f'NO ({differ} differ)'}")
        else:
            print(f"casekit course grade --execute: not run ({'--no-execute' if args.no_execute else no_sandbox})")
        print(f"load average after the runs: {os.getloadavg()[0]:.2f}")

        print("\ngoals:")
        print(f"  {'met ' if ratio >= GOAL_RATIO else 'MISS'}  at least {GOAL_RATIO:g}x faster than sequential nbgrader: {ratio:.2f}x "
              f"elapsed (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores), {cpu_ratio:.2f}x in CPU time")
        if par_mem is not None:
            print(f"  {'met ' if par_mem < GOAL_MEMORY else 'MISS'}  peak memory of the grading run under 2 GiB: {_gib(par_mem)}")
        print(f"  {'met ' if agreement.agree else 'MISS'}  grades identical to nbgrader's for every honest submission")
        if same_sandboxed is not None:
            print(f"  {'met ' if same_sandboxed else 'MISS'}  grades with --execute in the sandbox identical to those without")
        ok = agreement.agree and same_sandboxed is not False
        if args.keep:
            print(f"\ncourse folders kept in {tmp}")
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
