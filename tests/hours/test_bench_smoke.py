"""The benchmark script runs and prints its figures (on a tiny log; `make bench-hours` runs the full size)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_hours.py"


def _bench(folder: Path, *options: str) -> str:
    """What bench_hours.py prints on a 3,000-entry log of 30 learners in ``folder`` (it must exit 0)."""
    result = subprocess.run([sys.executable, str(SCRIPT), "--entries", "3000", "--learners", "30", "--supervisors", "6",
                             *options, "--dir", str(folder)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_benchmark_prints_every_figure_on_a_tiny_log(tmp_path):
    """Does bench_hours.py import, sign approvals, measure progress, verify, report and memory on a 3,000-entry log?"""
    out = _bench(tmp_path, "--samples", "3")
    for label in ("CSV import:", "approve, signed (not a goal):", "progress, all learners:", "progress, one learner:",
                  "verify 3,000 entries:", "report with verification:", "peak memory:"):
        assert re.search(rf"{re.escape(label)}\s+\d+\.\d+ (s|ms|GiB)", out), (label, out)
    assert re.search(r"one Ed25519 signature each", out) and re.search(r"\d[\d,]* entries/s\)", out)
    assert "synthetic log: 3,000 entries, 30 learners" in out
    assert "30 learners x 11 routes" in out
    if shutil.which("sqlite3"):
        times = re.search(r"CSV import:\s+(\d+\.\d+) s.*\nsqlite3 \.import, same CSV:\s+(\d+\.\d+) s", out)
        ratio = re.search(r"import ratio to sqlite3:\s+(\d+\.\d+) x", out)
        assert times and ratio, out
        ours, theirs = float(times.group(1)), float(times.group(2))
        # the times are printed to 0.01 s, so the ratio lies within what their rounding allows
        low, high = (ours - 0.005) / (theirs + 0.005), (ours + 0.005) / max(theirs - 0.005, 1e-9)
        assert low - 0.005 <= float(ratio.group(1)) <= high + 0.005, out
    else:
        assert "not measured: the sqlite3 program is not installed" in out


def test_benchmark_only_import_stops_after_the_import(tmp_path):
    """Does --only import print the import figures and nothing of the approval, progress or verification?"""
    out = _bench(tmp_path, "--only", "import")
    assert re.search(r"CSV import:\s+\d+\.\d+ s", out), out
    assert "import goals met" in out or "SOME IMPORT GOALS MISSED" in out, out
    for label in ("approve, signed", "progress, all learners:", "verify ", "peak memory:"):
        assert label not in out, (label, out)
