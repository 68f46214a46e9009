"""`casekit facts check`: every sourced figure whose period has ended or whose as_of is too old is named."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from casekit.cli import main
from casekit.errors import DataFileError
from casekit.facts import case_notice, check_facts

REPO = Path(__file__).resolve().parent.parent
from casekit.paths import kit_root

KIT = kit_root()
THREE_GENERATIONS = "social-services-food-assistance-three-generations"
NURSING = "nursing-discharge-heart-failure-lives-alone"


@pytest.fixture
def copy(tmp_path) -> Path:
    """A copy of the kit's data files (casestudies/, the credential rules and the facts policy)."""
    shutil.copytree(KIT / "casestudies", tmp_path / "casestudies")
    (tmp_path / "casekit" / "hours").mkdir(parents=True)
    shutil.copy(KIT / "casekit" / "hours" / "credentials.yaml", tmp_path / "casekit" / "hours")
    shutil.copy(KIT / "casekit" / "facts_policy.yaml", tmp_path / "casekit")
    return tmp_path


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def _program(data: dict, pid: str) -> dict:
    return next(p for p in data["programs"] if p["id"] == pid)


def _run(*args):
    return CliRunner().invoke(main, ["facts", "check", *args])


def test_the_kits_figures_hold_today():
    """Does the kit's own data pass on today's real date, every past period pinned by the cases that use it?

    This is the test that makes `make test` fail once a figure runs out.
    """
    report = check_facts()
    assert report.today == dt.date.today()
    assert report.ok, report.to_text()
    assert report.checked > 30
    result = _run()
    assert result.exit_code == 0, result.output
    assert "0 failing" in result.output


def test_past_periods_are_listed_as_pinned_with_their_cases():
    """Are SNAP FY2026 and WIC 2025-2026 listed as ended, and pinned by the cases set in them?"""
    report = check_facts(dt.date(2026, 12, 2))
    pinned = {f.field: f for f in report.findings if f.status == "pinned"}
    snap = pinned["programs[county-food-assistance].period.end"]
    assert snap.kind == "ended" and "2026-09-30" in snap.message
    pinning = {path.stem for path in (REPO / "casestudies").glob("*.yaml")
               if any(r.get("program") == "county-food-assistance"
                      for r in (yaml.safe_load(path.read_text()) or {}).get("past_rules", []) or [])}
    assert {"managed-care-workers-comp-back-injury", THREE_GENERATIONS} <= pinning
    assert set(snap.pinned_by) == pinning
    assert pinned["programs[family-nutrition-wic-2025-26].period.end"].pinned_by == (THREE_GENERATIONS,)
    assert "years.2025.period.end" in pinned


def test_a_copy_with_an_expired_period_fails_naming_the_field(copy):
    """Does a program whose period has ended, used by a case that does not pin it, fail naming file and field?"""
    _edit(copy / "casestudies" / "programs.yaml",
          lambda d: _program(d, "family-nutrition-wic")["period"].update(end=dt.date(2026, 11, 30)))
    result = _run("--home", str(copy), "--date", "2026-12-02")
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if x.startswith("FAILS"))
    assert "casestudies/programs.yaml: programs[family-nutrition-wic].period.end: the period 2026-2027 ended on 2026-11-30" in line
    used_by = line.split("; used by ", 1)[1]
    assert "school-seventh-grader-absences" in used_by and used_by.endswith("not pin it")


def test_a_credential_figure_read_too_long_ago_fails_naming_the_field(copy):
    """Does a credential rule whose as_of is older than the policy's age fail, naming the field in credentials.yaml?"""
    def age(d):
        d["credentials"]["CCMC-CCM"]["routes"][1]["requirements"][0]["min"]["as_of"] = "2025-10"
    _edit(copy / "casekit" / "hours" / "credentials.yaml", age)
    report = check_facts(dt.date(2026, 12, 2), root=copy)
    assert [f.text() for f in report.failures] == [
        "casekit/hours/credentials.yaml: credentials.CCMC-CCM.routes[b].requirements[0].min.as_of: "
        "as of 2025-10-01, more than 12 months ago; re-read it at its source"]


def test_the_age_comes_from_the_policy_file(copy):
    """Does a shorter age in casekit/facts_policy.yaml list figures the default age lets through?"""
    assert check_facts(dt.date(2026, 12, 2), root=copy).ok
    _edit(copy / "casekit" / "facts_policy.yaml", lambda d: d.update(max_age_months=6))
    failing = {f.field for f in check_facts(dt.date(2026, 12, 2), root=copy).failures}
    assert "programs[state-health-coverage-adults].as_of" in failing
    assert "years.2026.as_of" in failing


def test_a_bad_policy_file_is_refused_naming_the_field(copy):
    """Is a policy with a nonsense age refused, naming the file and the field?"""
    _edit(copy / "casekit" / "facts_policy.yaml", lambda d: d.update(max_age_months=0))
    result = _run("--home", str(copy))
    assert result.exit_code == 1
    assert "facts_policy.yaml: max_age_months" in result.output


def test_a_case_that_drops_its_pin_fails(copy):
    """When one case stops pinning SNAP FY2026, does the check fail and name that case?"""
    _edit(copy / "casestudies" / "treatment-residential-discharge-review.yaml", lambda d: d.pop("past_rules"))
    failing = check_facts(dt.date(2026, 12, 2), root=copy).failures
    by_field = {f.field: f.message for f in failing}
    assert set(by_field) == {"programs[county-food-assistance].period.end", "years.2025.period.end"}
    assert "used by treatment-residential-discharge-review, which does not pin it" in by_field[
        "programs[county-food-assistance].period.end"]
    assert by_field["years.2025.period.end"].endswith("used by county-food-assistance")  # its 2025 guidelines too


@pytest.mark.parametrize("period,fragment", [
    ("FY2025", "pins county-food-assistance to FY2025, but programs.yaml now gives it FY2026"),
])
def test_a_pin_to_another_period_fails_naming_the_case_field(copy, period, fragment):
    """Is a pin whose period label does not match the program refused, naming the case file and past_rules entry?"""
    _edit(copy / "casestudies" / "treatment-residential-discharge-review.yaml",
          lambda d: d["past_rules"][0].update(period=period))
    failing = check_facts(dt.date(2026, 12, 2), root=copy).failures
    texts = [f.text() for f in failing]
    assert any(t.startswith("casestudies/treatment-residential-discharge-review.yaml: past_rules[0]: ") and fragment in t
               for t in texts), texts


def test_a_pin_on_a_current_period_fails(copy):
    """Is pinning a program whose period has not ended refused (a pin says the period is past)?"""
    def pin(d):
        d["past_rules"].append({"program": "family-nutrition-wic", "period": "2026-2027",
                                "why": "A pin on a period that is still running, for this test."})
    _edit(copy / "casestudies" / "school-seventh-grader-absences.yaml", pin)
    assert any("which has not ended; remove the pin" in f.message
               for f in check_facts(dt.date(2026, 12, 2), root=copy).failures)


def test_the_2026_coinsurance_runs_out_with_the_year():
    """Does the skilled nursing coinsurance (2026) fail the check from 1 January 2027, naming its field?"""
    failing = {f.field for f in check_facts(dt.date(2027, 1, 1)).failures}
    assert "programs[harbor-snf-benefit].figures[coinsurance-days-21-100].period.end" in failing
    assert check_facts(dt.date(2026, 12, 31)).ok


def test_a_malformed_as_of_names_the_field(copy):
    """Is an as_of that is not a date refused with its file and field?"""
    _edit(copy / "casestudies" / "rubric_policy.yaml", lambda d: d.update(as_of="last spring"))
    with pytest.raises(DataFileError, match=r"casestudies/rubric_policy.yaml: as_of: 'last spring' is not a date"):
        check_facts(dt.date(2026, 12, 2), root=copy)


def test_the_notice_names_the_pinned_programs_and_why():
    """Does a case that uses past-period figures get a notice naming each program, its period and why?"""
    text = case_notice(THREE_GENERATIONS, dt.date(2026, 12, 2))
    assert "**County Food Assistance** uses its FY2026 figures, a past period, on purpose" in text
    assert "2025-2026 figures" in text and "$50,542" in text


def test_the_notice_is_silent_while_figures_hold_and_speaks_once_they_end():
    """Is the nursing case's notebook silent in December 2026 and warned from January 2027, when its coinsurance ends?"""
    assert case_notice(NURSING, dt.date(2026, 12, 2)) is None
    text = case_notice(NURSING, dt.date(2027, 1, 5))
    assert "**Harbor Health Plan skilled nursing benefit**" in text and "Check the current figures" in text


def test_the_generated_notebook_shows_the_notice_in_a_real_kernel(tmp_path):
    """Does the three-generation case's generated notebook, run in a kernel, show the past-period notice below its setup?"""
    import nbformat
    from nbclient import NotebookClient

    from casekit.notebooks import case_notebook

    nb = case_notebook(THREE_GENERATIONS)
    setup = next(c for c in nb.cells if "setup" in c.metadata.get("tags", []))
    assert "show_notice(" in setup.source
    run = nbformat.v4.new_notebook(cells=[setup], metadata=nb.metadata)
    NotebookClient(run, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    shown = [o["data"]["text/markdown"] for o in run.cells[0].outputs if "text/markdown" in o.get("data", {})]
    assert len(shown) == 1 and "uses its FY2026 figures, a past period, on purpose" in shown[0]
    assert not [o for o in run.cells[0].outputs if o.get("name") == "stderr"]


def test_a_pin_on_a_program_the_case_does_not_use_is_refused_by_validate(copy):
    """Does `casekit cases validate` refuse a past_rules entry naming a program the case does not list?"""
    case = copy / "casestudies" / "treatment-residential-discharge-review.yaml"
    _edit(case, lambda d: d["past_rules"][0].update(program="kids-health-coverage"))
    shutil.copytree(KIT / "graders" / "keys", copy / "graders" / "keys")
    result = CliRunner(env={"CASEKIT_HOME": str(copy)}).invoke(main, ["cases", "validate"])
    assert result.exit_code == 1
    assert "treatment-residential-discharge-review.yaml: past_rules: " in result.output
    assert "'kids-health-coverage', which is not in this case's programs" in result.output
