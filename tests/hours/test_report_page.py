"""A progress report's visible text is checked against the signed log it carries, as the packet's is.

A reviewer reads the report's summary, routes, months and dates; verify --file makes the report
again from the signed log it carries and compares every line and cell outside its verification
section (whose figures are compared with those recomputed). A report whose signed log does not
verify is not compared at all: the failures are what to read, not an accusation of editing.
"""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from casekit.cli.hours import hours as hours_cli
from casekit.hours.views.progress_report import write_report

from .helpers import five_signed_days, key_for

A, Q, R = "Demo Learner A", "Demo Supervisor Q", "Demo Supervisor R"


@pytest.fixture
def report(store, people, tmp_path):
    """Demo Learner A's report (four approved days by Q and R, one pending) with a finish-by date; (path, --trust args)."""
    five_signed_days(store, A, (Q, R))
    path = write_report(store, A, tmp_path / "report.html", as_of=date(2024, 6, 1), target=date(2026, 6, 1))
    trust = []
    for who in (Q, R):
        trust += ["--trust", str(key_for(store, who).path.with_suffix(".pub"))]
    return path, trust


def _verify(path, trust):
    return CliRunner().invoke(hours_cli, ["verify", "--file", str(path), *trust])


def _edit(path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_untouched_report_made_with_a_finish_by_date_matches_line_for_line(report):
    """Does a report as written (with --target-date) verify, its text said to match the report its log gives?"""
    path, trust = report
    result = _verify(path, trust)
    assert result.exit_code == 0, result.output
    assert "every other line and cell matches the report its signed log gives" in result.output


@pytest.mark.parametrize("old,new,where", [
    ("Logged 20.0 h", "Logged 2,000.0 h", "paragraph 1 under 'Supervised practice hours: Demo Learner A'"),
    ("not eligible yet", "ready to apply", "table under 'Summary per credential'"),
    ("0.1 / 36.0 months", "36.0 / 36.0 months", "table under 'Summary per credential'"),
    ("<h2>Every route</h2>", "<h2>Every route</h2><p>All routes met; ready to apply.</p>", "Every route"),
])
def test_a_report_edited_where_a_reader_looks_fails_naming_the_place(report, old, new, where):
    """Is a report whose total, verdict or months were edited by hand refused, naming where and what the log gives?"""
    path, trust = report
    _edit(path, old, new)
    result = _verify(path, trust)
    assert result.exit_code == 1, result.output
    assert "the report was edited" in result.output and where in result.output
    assert "the signed log gives" in result.output or "which the signed log does not give" in result.output


def test_checked_with_the_wrong_key_the_page_is_not_called_edited(report, store):
    """With a key that did not sign it, do the approvals fail as untrusted, and is the page left uncompared, not accused?"""
    path, _trust = report
    only_r = ["--trust", str(key_for(store, R).path.with_suffix(".pub"))]
    result = _verify(path, only_r)
    assert result.exit_code == 1
    assert "not one of the keys you trust" in result.output
    assert "NOT COMPARED with its signed log: its signed log does not verify" in result.output
    assert "the report was edited" not in result.output and "edited after it was made" not in result.output
