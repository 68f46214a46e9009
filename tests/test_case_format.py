"""The case format as data: time units, counting rules, exclusions, open categories, typed fact
changes, and a validator that names each problem once, by id, with the closest known name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from casekit.cases.explain import explain_case
from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Case
from casekit.cli import main
from casekit.eligibility.engine import determine
from casekit.eligibility.facts import fact_timeline, household_facts

HOSPICE = "nursing-hospice-copd-living-with-daughter"


def run(*args):
    return CliRunner().invoke(main, list(args))


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def problems(root: Path) -> list[str]:
    result = run("cases", "validate")
    assert "Traceback" not in result.output
    return [line for line in result.output.splitlines() if line.startswith(("casestudies/", "graders/"))]


@pytest.fixture(scope="module")
def lib() -> CaseLibrary:
    return CaseLibrary.load()


# --------------------------------------------------------------------------- engine


def test_a_duration_in_weeks_meets_a_limit_in_months(lib):
    """Is 16 weeks read as 3.7 months against a six-month limit, and is 12 months over it?"""
    case = lib.case(HOSPICE)
    points = fact_timeline(case)
    intake = determine(lib.programs.get("hospice-benefit"), points[0].facts, lib.guidelines)
    test = intake.test("terminal-prognosis")
    assert test.passed and test.value == pytest.approx(16 * 7 / (365.25 / 12), abs=0.01)
    assert "16 weeks (3.7 months)" in test.sentence
    later = determine(lib.programs.get("hospice-benefit"), points[-1].facts, lib.guidelines)
    assert not later.met and "terminal-prognosis" in later.deciding_tests


def test_a_program_that_counts_the_applicant_alone_uses_her_own_income_and_the_one_person_limit(lib):
    """Does the applicant-only program read Evelyn's $1,184 against the 1-person guideline, not the household's?"""
    case = lib.case(HOSPICE)
    facts = household_facts(case)
    assert facts["household_size"] == 3 and facts["gross_monthly_income"] == 5834
    d = determine(lib.programs.get("medicaid-aged-disabled"), facts, lib.guidelines)
    income = d.test("income")
    one_person = lib.guidelines.annual(2026, 1) / 12
    assert income.value == 1184 and income.limit == pytest.approx(one_person, abs=0.01)
    assert d.test("resources").value == 1450, "her own assets, not the household's 11,250"
    assert d.met and d.counts == "applicant" and "applicant alone: 1 person" in d.explanation
    whole = determine(lib.programs.get("medicaid-aged-disabled"), dict(facts), lib.guidelines)
    assert not whole.met, "the same rule over the whole household would fail: the counting rule decides it"


def test_an_exclusion_closes_home_health_while_hospice_is_elected_and_it_reopens_after(lib):
    """Is home health ruled out with its reason while hospice is elected, and open after a live discharge?"""
    points = explain_case(lib.case(HOSPICE), lib)
    assert "alder-falls-home-health" in points[0].closed
    assert any("hospice elected is true" in r for r in points[0].closed["alder-falls-home-health"])
    assert "alder-falls-home-health" in {r.id for r in points[-1].open}


def test_fact_changes_are_shown_and_accumulate_across_events(lib):
    """Does each event list what it changed, with a change from an earlier event still in force?"""
    points = fact_timeline(lib.case(HOSPICE))
    respite, recert = points[1], points[2]
    assert [(c.fact, c.before, c.after) for c in respite.changes] == [("care_setting", "home", "nursing_home")]
    assert respite.facts["care_setting"] == "nursing_home"
    changed = {c.fact: (str(c.before), str(c.after)) for c in recert.changes}
    assert changed["certified_life_expectancy"] == ("16 weeks", "12 months")
    assert changed["care_setting"] == ("nursing_home", "home")


def test_explain_shows_each_point_programs_changes_and_resources():
    """Does `casekit cases explain` give results, deciding tests, changed facts and opened resources?"""
    result = run("cases", "explain", HOSPICE)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.count("Harbor Hospice Benefit [hospice-benefit]") == 3
    assert "After event recertification (day 86" in out
    assert "certified_life_expectancy: 16 weeks -> 12 months" in out
    assert "(was: eligible for the hospice benefit)" in out
    assert "now open: alder-falls-home-health" in out
    assert out.count("ruled out by an exclusion: alder-falls-home-health") == 2, "at intake and after the respite stay"
    assert "deciding test(s): terminal-prognosis, two-certifications" in out


def test_explain_prints_whole_dollar_figures_alike_before_and_after_an_event():
    """Is a verified income of $4,635 shown as 4635 beside the event's 1450, not as 4635.0?"""
    result = run("cases", "explain", "managed-care-workers-comp-back-injury")
    assert result.exit_code == 0, result.output
    assert "gross_monthly_income: 4635 -> 1450" in result.output
    assert ".0 ->" not in result.output


def test_show_a_partial_case_id_suggests_the_case_it_begins(repo):
    """Does `cases show treatment-dv-shelter` name the one case it starts, rather than all 31?"""
    result = run("cases", "show", "treatment-dv-shelter")
    assert result.exit_code == 1
    assert "did you mean treatment-dv-shelter-mother-two-children?" in result.output
    assert HOSPICE not in result.output


def test_explain_an_unknown_case_lists_the_known_ones():
    """Does explain with a wrong id say which cases exist instead of a traceback?"""
    result = run("cases", "explain", "no-such-case")
    assert result.exit_code == 1 and HOSPICE in result.output and "Traceback" not in result.output


def test_a_version_1_case_and_directory_still_load(lib, tmp_path):
    """Do the version-1 case files and a version-1 resource directory load, upgraded one step?"""
    old = next(c for c in lib.case_files.values() if "schema_version: 1" in c.read_text())
    case = Case.model_validate(yaml.safe_load(old.read_text()))
    assert case.schema_version == 2
    from casekit.cases.schema import ResourceDirectory

    data = yaml.safe_load((lib.casestudies / "resources.yaml").read_text())
    data["schema_version"] = 1
    data.pop("categories")
    data.pop("facts")
    data["resources"] = [r for r in data["resources"] if r["category"] not in ("safety", "insurance")]
    for r in data["resources"]:
        r.get("criteria", {}).pop("excludes", None)
    directory = ResourceDirectory.model_validate(data)
    assert directory.schema_version == 2 and directory.category("legal_aid") is not None


# --------------------------------------------------------------------------- validator: the failures


def test_one_wrong_unit_is_one_problem_named_by_program_and_test(library_copy):
    """Does a wrong unit give one problem, named by ids, with the closest unit, and no 'unknown program'?"""
    path = library_copy / "casestudies" / "programs.yaml"
    edit_yaml(path, lambda d: d["programs"][4]["tests"][0].__setitem__("unit", "day"))
    program = yaml.safe_load(path.read_text())["programs"][4]
    found = problems(library_copy)
    assert len(found) == 1, found
    assert f"programs[{program['id']}].tests[{program['tests'][0]['id']}].unit" in found[0]
    assert "did you mean 'days'?" in found[0]


def test_one_unknown_category_is_one_problem_with_a_suggestion(library_copy):
    """Does a misspelt category give one problem naming the resource, the closest category and how to add one?"""
    path = library_copy / "casestudies" / "resources.yaml"
    edit_yaml(path, lambda d: d["resources"][0].__setitem__("category", "housin"))
    rid = yaml.safe_load(path.read_text())["resources"][0]["id"]
    found = problems(library_copy)
    assert len(found) == 1, found
    assert f"resources[{rid}].category" in found[0] and "did you mean 'housing'?" in found[0]
    assert "categories:" in found[0]


def test_a_broken_resource_is_reported_once_not_again_in_every_key(library_copy):
    """Is a resource that fails validation one problem, with keys that refer to it not told it is unknown?"""
    path = library_copy / "casestudies" / "resources.yaml"
    edit_yaml(path, lambda d: next(r for r in d["resources"] if r["id"] == "meadowlark-hospice").__setitem__("wait_days", -1))
    found = problems(library_copy)
    assert len(found) == 1, found
    assert "resources[meadowlark-hospice].wait_days" in found[0]


def test_a_new_category_is_used_once_declared(library_copy):
    """Can an author open a category by declaring it, with no code change?"""
    path = library_copy / "casestudies" / "resources.yaml"

    def add(d):
        d["categories"].append({"id": "faith_community", "title": "Faith communities"})
        d["resources"][0]["category"] = "faith_community"
        d["resources"].append({**d["resources"][1], "id": "zz-second-housing"})

    edit_yaml(path, add)
    assert problems(library_copy) == []


def test_a_typo_in_requires_is_caught_with_the_closest_fact(library_copy):
    """Does a resource requiring 'homless' get told about 'homeless' instead of passing silently?"""
    path = library_copy / "casestudies" / "resources.yaml"
    edit_yaml(path, lambda d: next(r for r in d["resources"] if r["id"] == "lantern-house-adult-shelter")["criteria"].__setitem__("requires", ["homless"]))
    # A key that refers someone to the shelter also reports the knock-on effect; the typo itself is reported once.
    found = [p for p in problems(library_copy) if p.startswith("casestudies/resources.yaml")]
    assert len(found) == 1, found
    assert "resources[lantern-house-adult-shelter].criteria.requires" in found[0]
    assert "did you mean 'homeless'?" in found[0]


def test_a_typo_in_a_programs_fact_is_fixed_in_programs_not_added_to_the_case(library_copy):
    """Is a misspelt fact in programs.yaml reported there, once, with the right name, not as 'add it to the case'?"""
    path = library_copy / "casestudies" / "programs.yaml"
    edit_yaml(path, lambda d: next(p for p in d["programs"] if p["id"] == "harbor-snf-benefit")["tests"][0].__setitem__("fact", "qualifying_inpatient_day"))
    found = problems(library_copy)
    assert len(found) == 1, found
    assert found[0].startswith("casestudies/programs.yaml: programs[harbor-snf-benefit].tests[qualifying-stay].fact")
    assert "did you mean 'qualifying_inpatient_days'?" in found[0] and "add `" not in found[0]
    assert "(given by " in found[0] and "nursing-discharge-heart-failure-lives-alone" in found[0]


def test_a_typo_in_a_cases_fact_is_named_with_the_programs_name(library_copy):
    """Does a case whose fact is misspelt get one problem naming both spellings, the case, and the fix?"""
    path = library_copy / "casestudies" / f"{HOSPICE}.yaml"

    def rename(d):
        d["facts"]["medicare_part_aa"] = d["facts"].pop("medicare_part_a")

    edit_yaml(path, rename)
    found = problems(library_copy)
    assert len(found) == 1, found
    assert "did you mean 'medicare_part_aa'? (given by nursing-hospice-copd-living-with-daughter)" in found[0]
    assert "rename its fact to 'medicare_part_a'" in found[0]


def test_a_fact_a_case_lacks_is_asked_for_by_name(library_copy):
    """Does a case missing a fact its program reads get told to add it, under facts:, by its name?"""
    path = library_copy / "casestudies" / f"{HOSPICE}.yaml"
    edit_yaml(path, lambda d: d["facts"].pop("medicare_part_a"))
    found = [p for p in problems(library_copy) if HOSPICE in p]
    assert len(found) == 1 and "add `medicare_part_a:` under the case's `facts:`" in found[0], found


def test_a_fact_an_event_changes_but_the_case_lacks_is_one_problem(library_copy):
    """Is a fact that an event changes but the case never gives reported once, at the event, not by each program too?"""
    path = library_copy / "casestudies" / f"{HOSPICE}.yaml"
    edit_yaml(path, lambda d: d["facts"].pop("physicians_certifying"))
    found = [p for p in problems(library_copy) if HOSPICE in p]
    assert len(found) == 1 and "events[recertification].fact_changes.physicians_certifying" in found[0], found


def test_hospice_is_told_it_belongs_under_nursing_and_the_settings_are_listed_once(library_copy):
    """Does `setting: hospice` say it goes under nursing, with the allowed values once?"""
    path = library_copy / "casestudies" / f"{HOSPICE}.yaml"
    edit_yaml(path, lambda d: d.__setitem__("setting", "hospice"))
    found = [p for p in problems(library_copy) if f"{HOSPICE}.yaml: setting:" in p]
    assert len(found) == 1, found
    assert "belongs under `setting: nursing`" in found[0]
    assert found[0].count("managed_care") == 1


@pytest.mark.parametrize("value, expected", [
    ("nursing_home", None),
    ({"value": 3, "unit": "weeks"}, "a word fact"),
    (True, "a word fact"),
    ([1, 2], "a fact is yes/no"),
    ({"value": 3, "unit": "fortnights"}, "not a duration"),
], ids=["word", "duration-for-word", "yes-no-for-word", "list", "bad-unit"])
def test_event_fact_changes_take_any_kind_and_must_keep_it(library_copy, value, expected):
    """Does an event change a word fact to a word, and refuse other kinds with a message that shows the format?"""
    path = library_copy / "casestudies" / f"{HOSPICE}.yaml"
    edit_yaml(path, lambda d: d["events"][0]["fact_changes"].__setitem__("care_setting", value))
    found = [p for p in problems(library_copy) if HOSPICE in p]
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and "events[respite-stay].fact_changes" in found[0] and expected in found[0], found


def test_an_event_changing_an_unknown_fact_gets_the_closest_name(library_copy):
    """Does a misspelt fact change say which fact was meant, rather than add a new one silently?"""
    path = library_copy / "casestudies" / f"{HOSPICE}.yaml"
    edit_yaml(path, lambda d: d["events"][0]["fact_changes"].__setitem__("care_seting", "home"))
    found = [p for p in problems(library_copy) if HOSPICE in p]
    assert len(found) == 1 and "did you mean 'care_setting'?" in found[0], found


# --------------------------------------------------------------------------- a case added as data


def test_a_case_added_as_two_files_validates_and_gets_its_own_notebook(library_copy, tmp_path):
    """Does a new case (case file + key) validate, get a notebook and an assignment, leave every other notebook's
    name as it was, and have its model plan score full marks, with no code change?"""
    from casekit.notebooks import expected_notebooks

    before = set(expected_notebooks(CaseLibrary.load(library_copy, with_keys=False)))
    new_id = "nursing-hospice-second-copy"
    for folder in ("casestudies", "graders/keys"):
        src = library_copy / folder / f"{HOSPICE}.yaml"
        dest = src.with_name(f"{new_id}.yaml")
        shutil.copy(src, dest)
        edit_yaml(dest, lambda d: d.__setitem__("id" if folder == "casestudies" else "case", new_id))
    assert problems(library_copy) == []
    after = set(expected_notebooks(CaseLibrary.load(library_copy, with_keys=False)))
    assert after - before == {f"10_{new_id}.ipynb"} and before <= after
    from casekit.course.assignment import expected_sources
    from casekit.model_plan import model_plan
    from casekit.rubric import score

    lib = CaseLibrary.load(library_copy)
    assert f"{new_id}/{new_id}.ipynb" in expected_sources(lib), "its nbgrader assignment"
    results = score(model_plan(lib.case(new_id), lib.key(new_id), lib), lib.case(new_id), lib.key(new_id), lib)
    assert all(r.points == r.max for r in results if r.id != "progress-note"), "its model plan scores full marks"


def test_the_readmes_worked_example_validates_gets_a_notebook_and_its_model_plan_scores_full_marks(repo, library_copy):
    """Can an instructor copy the README's example case and key as they stand, with no code change?"""
    from casekit.model_plan import model_plan
    from casekit.notebooks import expected_notebooks
    from casekit.rubric import score

    text = (repo / "README.md").read_text()
    section = text.split("### A worked example", 1)[1].split("\n## ", 1)[0]
    blocks = [b.split("```", 1)[0] for b in section.split("```yaml\n")[1:]]
    assert len(blocks) == 2
    for block in blocks:
        target = block.splitlines()[0].removeprefix("# ").strip()
        assert target.startswith(("casestudies/", "graders/keys/")), target
        (library_copy / target).write_text(block)
    assert problems(library_copy) == []
    lib = CaseLibrary.load(library_copy)
    case_id = yaml.safe_load(blocks[0])["id"]
    results = score(model_plan(lib.case(case_id), lib.key(case_id), lib), lib.case(case_id), lib.key(case_id), lib)
    automatic = [r for r in results if r.id != "progress-note"]
    assert all(r.points == r.max for r in automatic), [(r.id, r.points, r.max) for r in automatic]
    assert f"10_{case_id}.ipynb" in expected_notebooks(CaseLibrary.load(library_copy, with_keys=False))


def test_a_resource_taking_referrals_from_hospice_is_told_it_means_nursing(library_copy):
    """Does a resource's `settings: [hospice]` get the same umbrella message as a case's setting?"""
    path = library_copy / "casestudies" / "resources.yaml"
    edit_yaml(path, lambda d: next(r for r in d["resources"] if r["id"] == "meadowlark-hospice")["criteria"].__setitem__("settings", ["hospice"]))
    found = problems(library_copy)
    assert len(found) == 1 and "resources[meadowlark-hospice].criteria.settings" in found[0], found
    assert "belongs under `setting: nursing`" in found[0]


def test_a_tax_household_program_counts_the_members_who_file_with_the_client(library_copy):
    """Does a tax-household program count the client's filing unit, and a case without labels get told to add them?"""
    programs = library_copy / "casestudies" / "programs.yaml"
    edit_yaml(programs, lambda d: next(p for p in d["programs"] if p["id"] == "medicaid-aged-disabled").__setitem__("counts", "tax_household"))
    lib = CaseLibrary.load(library_copy)
    case = lib.case(HOSPICE)
    alone = determine(lib.programs.get("medicaid-aged-disabled"), household_facts(case), lib.guidelines)
    assert alone.met and alone.test("income").value == 1184, "Evelyn files alone: her tax household is herself"
    path = library_copy / "casestudies" / f"{HOSPICE}.yaml"
    edit_yaml(path, lambda d: d["household"]["members"][0].__setitem__("tax_household", "denise"))
    lib = CaseLibrary.load(library_copy)
    joined = determine(lib.programs.get("medicaid-aged-disabled"), household_facts(lib.case(HOSPICE)), lib.guidelines)
    assert not joined.met and joined.test("income").value == 5834 and "tax household: 3 people" in joined.explanation
    edit_yaml(path, lambda d: [m.pop("tax_household") for m in d["household"]["members"]])
    found = [p for p in problems(library_copy) if HOSPICE in p]
    assert len(found) == 1 and "household.members[evelyn].tax_household" in found[0], found


@pytest.mark.parametrize("catalogue, entry_id, field, bad", [
    ("needs.yaml", "fall-risk", "title", None),
    ("rights.yaml", "advance-directive", "kind", "privilege"),
    ("roles.yaml", "registered-nurse", "scope", None),
], ids=["need", "right", "role"])
def test_a_broken_catalogue_entry_is_one_problem_however_many_keys_use_it(library_copy, catalogue, entry_id, field, bad):
    """Is a need, right or role that fails validation reported once, by id, and not as 'unknown' in every key?"""
    path = library_copy / "casestudies" / catalogue
    listing = catalogue.removesuffix(".yaml")
    edit_yaml(path, lambda d: next(e for e in d[listing] if e["id"] == entry_id).__setitem__(field, bad))
    found = problems(library_copy)
    assert len(found) == 1, found
    assert f"{listing}[{entry_id}].{field}" in found[0]


@pytest.mark.parametrize("kind, path", [
    ("case", f"casestudies/{HOSPICE}.yaml"),
    ("key", f"graders/keys/{HOSPICE}.yaml"),
    ("resources", "casestudies/resources.yaml"),
    ("programs", "casestudies/programs.yaml"),
])
def test_the_json_schema_accepts_the_kits_own_files_and_refuses_a_misspelt_field(repo, kind, path):
    """Does `casekit cases schema KIND` describe the files as they are, so an editor can check as an author types?"""
    import json

    import jsonschema

    result = run("cases", "schema", kind)
    assert result.exit_code == 0, result.output
    schema = json.loads(result.output)
    data = json.loads(json.dumps(yaml.safe_load((repo / path).read_text()), default=str))
    jsonschema.validate(data, schema)
    data["no_such_field"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
