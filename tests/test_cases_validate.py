"""`casekit cases validate` on the real library and on copies broken one way at a time."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from casekit.cases.library import CaseLibrary
from casekit.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def first_case(root: Path) -> Path:
    lib = CaseLibrary.load(root)
    return lib.case_files[sorted(lib.cases)[0]]


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def test_the_library_is_valid():
    """Does the shipped library pass validation with exit 0?"""
    result = run("cases", "validate")
    assert result.exit_code == 0, result.output
    assert "no problems found" in result.output


def test_the_library_covers_five_settings():
    result = run("cases", "list")
    assert result.exit_code == 0
    settings = {line.split()[1] for line in result.output.strip().splitlines()}
    assert settings == {"nursing", "managed_care", "school", "social_services", "shelter_treatment"}


def _malformed(root):
    path = first_case(root)
    path.write_text(path.read_text() + "\nextra: [unclosed\n")
    return path.name, "", "malformed YAML at line"


def _missing_field(root):
    path = first_case(root)
    edit_yaml(path, lambda d: d.pop("title"))
    return path.name, "title", "required field is missing"


def _wrong_type(root):
    path = first_case(root)
    member = {}
    edit_yaml(path, lambda d: (member.setdefault("id", d["household"]["members"][0]["id"]),
                               d["household"]["members"][0].__setitem__("age", "twelve")))
    # Entries with an id are named by it, not by their position.
    return path.name, f"household.members[{member['id']}].age", "valid integer"


def _unknown_setting(root):
    path = first_case(root)
    edit_yaml(path, lambda d: d.__setitem__("setting", "hospital"))
    # A kind of work that is not a setting is told the setting it belongs under.
    return path.name, "setting", "belongs under `setting: nursing`"


def _duplicate_id(root):
    path = first_case(root)
    shutil.copy(path, path.with_name("zz-copy.yaml"))
    return "zz-copy.yaml", "id", "duplicate case id"


def _unknown_resource(root):
    path = root / "graders" / "keys" / first_case(root).name
    edit_yaml(path, lambda d: d["referrals"][0]["resources"].__setitem__(0, "no-such-resource"))
    return path.name, "referrals[0].resources[0]", "unknown resource 'no-such-resource'"


def _unknown_program(root):
    path = root / "graders" / "keys" / first_case(root).name
    edit_yaml(path, lambda d: d["eligibility"][0].__setitem__("program", "no-such-program"))
    return path.name, "eligibility[0].program", "unknown program 'no-such-program'"


def _case_without_key(root):
    case = first_case(root)
    (root / "graders" / "keys" / case.name).unlink()
    return case.name, "id", "has no answer key"


def _unsuitable_key_referral(root):
    """A key that refers the client to a resource serving another need."""
    lib = CaseLibrary.load(root)
    case_id = sorted(lib.cases)[0]
    key = lib.key(case_id)
    need = key.referrals[0].need
    other = next(r.id for r in lib.resources.values() if need not in r.serves_needs)
    path = lib.key_files[case_id]
    edit_yaml(path, lambda d: d["referrals"][0]["resources"].__setitem__(0, other))
    return path.name, "referrals[0].resources[0]", "does not serve need"


def _task_neither_delegated_nor_unneeded(root):
    """A case task the key says nothing about: the rubric could neither credit nor fault it."""
    path = root / "graders" / "keys" / first_case(root).name
    edit_yaml(path, lambda d: d["delegation"].pop(0))
    return path.name, "delegation", "in neither delegation nor unneeded_tasks"


def _unneeded_task_also_delegated(root):
    path = root / "graders" / "keys" / first_case(root).name
    added = []
    edit_yaml(path, lambda d: added.append(len(d["unneeded_tasks"])) or d["unneeded_tasks"].append(
        {"task": d["delegation"][0]["task"], "why": "Someone else has already done this for the client."}))
    return path.name, f"unneeded_tasks[{added[0]}].task", "is also under delegation"


def _unneeded_task_unknown(root):
    path = root / "graders" / "keys" / first_case(root).name
    edit_yaml(path, lambda d: d["unneeded_tasks"][0].__setitem__("task", "no-such-task"))
    return path.name, "unneeded_tasks[0].task", "no task 'no-such-task' in the case"


def _policy_credit_not_whole(root):
    path = root / "casestudies" / "rubric_policy.yaml"
    edit_yaml(path, lambda d: d["eligibility_credit"].__setitem__("deciding_test", 0.5))
    return path.name, "eligibility_credit", "must add up to 1"


def _policy_negative_wait(root):
    path = root / "casestudies" / "rubric_policy.yaml"
    edit_yaml(path, lambda d: d["max_wait_days"].__setitem__("critical", -1))
    return path.name, "max_wait_days", "cannot be negative"


BREAKS = [_malformed, _missing_field, _wrong_type, _unknown_setting, _duplicate_id,
          _unknown_resource, _unknown_program, _case_without_key, _unsuitable_key_referral,
          _task_neither_delegated_nor_unneeded, _unneeded_task_also_delegated, _unneeded_task_unknown,
          _policy_credit_not_whole, _policy_negative_wait]


@pytest.mark.parametrize("breakage", BREAKS, ids=[b.__name__.strip("_") for b in BREAKS])
def test_each_breakage_gets_its_own_clear_message(library_copy, breakage):
    """Does validate exit 1, name the file and field, say what to do, and change no file?"""
    file_name, field, message = breakage(library_copy)
    before = snapshot(library_copy)
    result = run("cases", "validate")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if file_name in line]
    assert lines, f"no problem names {file_name}:\n{result.output}"
    assert any(f": {field}:" in line or (not field) for line in lines), result.output
    assert any(message in line for line in lines), result.output
    assert snapshot(library_copy) == before


def test_validate_paths_limits_the_report_to_those_files(library_copy):
    _missing_field(library_copy)
    other = sorted(CaseLibrary.load(library_copy).case_files.values())[-1]
    result = run("cases", "validate", str(other))
    assert result.exit_code == 0, result.output


def test_validate_names_a_path_that_does_not_exist(library_copy):
    result = run("cases", "validate", "no/such/file.yaml")
    assert result.exit_code == 2
    assert "no/such/file.yaml" in result.output


def test_validate_refuses_a_file_outside_the_library(library_copy, tmp_path):
    """A case file elsewhere would not be checked at all: is that said, instead of a silent OK?"""
    stray = tmp_path / "elsewhere" / "draft.yaml"
    stray.parent.mkdir()
    shutil.copy(first_case(library_copy), stray)
    result = run("cases", "validate", str(stray))
    assert result.exit_code == 2, result.output
    assert "draft.yaml" in result.output and "not a file of the case library" in result.output
    assert "OK" not in result.output


def test_show_gives_facts_and_no_key_material():
    lib = CaseLibrary.load()
    case_id = sorted(lib.cases)[0]
    result = run("cases", "show", case_id)
    assert result.exit_code == 0
    assert lib.case(case_id).title in result.output
    for need in lib.key(case_id).needs:
        assert need.why not in result.output


def test_show_an_unknown_case_lists_the_known_ones():
    result = run("cases", "show", "no-such-case")
    assert result.exit_code == 1
    assert "known cases" in result.output and "Traceback" not in result.output


def test_the_rubric_follows_its_policy_file(library_copy):
    """Change the policy's wait limit for critical needs: does the self-check (through the library) judge a
    referral's wait by the file, not by a figure in code?"""
    from casekit.errors import CasekitError
    from casekit.plan import Plan
    from casekit.rubric import score

    lib = CaseLibrary.load(library_copy)
    critical = [(c, n) for c in sorted(lib.keys) for n in lib.key(c).needs if n.severity.value == "critical"]
    slow = max(lib.resources.values(), key=lambda r: r.wait_days)
    assert critical and lib.policy.too_long_a_wait(slow, critical[0][1].severity)
    edit_yaml(library_copy / "casestudies" / "rubric_policy.yaml",
              lambda d: d["max_wait_days"].__setitem__("critical", slow.wait_days))
    relaxed = CaseLibrary.load(library_copy)
    assert not relaxed.policy.too_long_a_wait(slow, critical[0][1].severity)
    edit_yaml(library_copy / "casestudies" / "rubric_policy.yaml", lambda d: d.__setitem__("wrong_pick_cost", 2))
    broken = CaseLibrary.load(library_copy)
    assert broken.policy is None and any("wrong_pick_cost" in p.field for p in broken.problems)
    case_id = critical[0][0]
    with pytest.raises(CasekitError, match="rubric_policy.yaml could not be read"):
        score(Plan(case=case_id), broken.case(case_id), broken.key(case_id), broken)


def test_a_library_whose_rules_could_not_be_read_says_which_file_when_asked_for_them(library_copy):
    """With programs.yaml and poverty_guidelines.yaml unreadable, does asking for a program or a poverty limit
    name the file and the command that explains it, while a resource with no income criterion is still judged?"""
    from casekit.cases.eligibility.facts import household_facts
    from casekit.cases.eligibility.resources import unmet_criteria
    from casekit.errors import CasekitError

    (library_copy / "casestudies" / "programs.yaml").write_text("programs: [\n", encoding="utf-8")
    (library_copy / "casestudies" / "poverty_guidelines.yaml").write_text("years: [\n", encoding="utf-8")
    lib = CaseLibrary.load(library_copy)
    assert lib.programs is None and lib.guidelines is None
    with pytest.raises(CasekitError, match=r"programs\.yaml could not be read.*casekit cases validate"):
        lib.program("county-food-assistance")
    with pytest.raises(CasekitError, match=r"poverty_guidelines\.yaml could not be read.*casekit cases validate"):
        lib.poverty_guidelines()
    case = lib.case(sorted(lib.cases)[0])
    facts = household_facts(case)
    by_income = next(r for r in lib.resources.values() if r.criteria.max_percent_fpl is not None)
    plain = next(r for r in lib.resources.values() if r.criteria.max_percent_fpl is None and not r.criteria.settings)
    with pytest.raises(CasekitError, match=rf"{by_income.id}.*poverty_guidelines\.yaml could not be read"):
        unmet_criteria(by_income, facts, case.setting, lib.guidelines)
    assert isinstance(unmet_criteria(plain, facts, case.setting, lib.guidelines), list)
