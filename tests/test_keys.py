"""The answer-key format (version 2) and the checks that keep a key consistent with its own case."""

from __future__ import annotations

import hashlib

import pytest
import yaml
from click.testing import CliRunner

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import KEY_SCHEMA_VERSION, Key
from casekit.cli import main
from casekit.datafile import load_model
from casekit.errors import DataFileError

LIB = CaseLibrary.load()
SCHOOL = "school-seventh-grader-absences"
NURSING = "nursing-discharge-heart-failure-lives-alone"


def run(*args):
    return CliRunner().invoke(main, list(args))


def edit_key(root, case_id, change):
    path = root / "graders" / "keys" / f"{case_id}.yaml"
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return path


def as_version_1(data: dict) -> dict:
    """A version-2 key written back the way version 1 held it (one item per flaw, rights as a list)."""
    old = dict(data, schema_version=1)
    old["application_flaws"] = [{**{k: v for k, v in f.items() if k != "items"}, "item": f["items"][0]}
                                for f in data["application_flaws"]]
    old["rights"] = list(data["rights"]["required"])
    return old


def test_every_shipped_key_is_in_the_current_format():
    for case_id, path in LIB.key_files.items():
        assert yaml.safe_load(path.read_text())["schema_version"] == KEY_SCHEMA_VERSION, case_id


def test_a_version_1_key_still_loads_one_step_up(tmp_path):
    """Does a key written in format 1 load as format 2, its flaws and rights carried over?"""
    data = yaml.safe_load(LIB.key_files[NURSING].read_text())
    path = tmp_path / f"{NURSING}.yaml"
    path.write_text(yaml.safe_dump(as_version_1(data), sort_keys=False))
    key = load_model(path, Key)
    assert key.schema_version == 2
    assert [f.items[0] for f in key.application_flaws] == [f["items"][0] for f in data["application_flaws"]]
    assert key.rights.required == data["rights"]["required"] and key.rights.acceptable == []


def test_a_key_from_a_newer_kit_is_refused_by_field(tmp_path):
    data = yaml.safe_load(LIB.key_files[NURSING].read_text())
    path = tmp_path / f"{NURSING}.yaml"
    path.write_text(yaml.safe_dump(dict(data, schema_version=KEY_SCHEMA_VERSION + 1), sort_keys=False))
    with pytest.raises(DataFileError, match="schema_version"):
        load_model(path, Key)


def test_a_need_is_found_by_its_own_id_or_an_accepted_alternative():
    key = LIB.key(NURSING)
    need = next(n for n in key.needs if n.also)
    assert key.need(need.need) is need and key.need(need.also[0]) is need


def _alternative_not_in_catalogue(root):
    edit_key(root, NURSING, lambda d: d["needs"][0].setdefault("also", []).append("no-such-need"))
    return "needs[0].also", "an alternative must be an id of casestudies/needs.yaml"


def _alternative_names_two_findings(root):
    def change(d):
        d["needs"][0]["also"] = [d["needs"][1]["need"]]
    edit_key(root, NURSING, change)
    return "needs[0].also[0]", "one id cannot be two findings"


def _delegated_task_serves_no_key_need(root):
    edit_key(root, NURSING, lambda d: d["delegation"][0].__setitem__("need", "dental-care"))
    return "delegation[0].need", "not among the key's needs"


def _delegated_task_without_a_need(root):
    edit_key(root, NURSING, lambda d: d["delegation"][0].pop("need"))
    return "delegation[0].need", "say which key need task"


def _needed_task_asks_for_verified_documents(root):
    """The school case lists the mother's pay stubs as verified; a key that needs them collected again."""
    def change(d):
        d["unneeded_tasks"] = [u for u in d["unneeded_tasks"] if u["task"] != "collect-verification"]
        d["delegation"].append({"task": "collect-verification", "roles": ["benefits-specialist"],
                                "need": "benefits-enrollment"})
    edit_key(root, SCHOOL, change)
    return "delegation[", "asks for the pay stubs, which the case lists as already verified"


def _event_without_actions(root):
    edit_key(root, NURSING, lambda d: d["events"][0].pop("actions"))
    return "events[0].actions", "list the actions the revision note should name"


def _right_in_two_tiers(root):
    edit_key(root, NURSING, lambda d: d["rights"]["acceptable"].append(d["rights"]["required"][0]))
    return "rights.acceptable", "keep it in one tier"


def _flaw_item_unknown(root):
    edit_key(root, NURSING, lambda d: d["application_flaws"][0]["items"].append("no-such-item"))
    return "application_flaws[0].items[1]", "no application item 'no-such-item'"


BREAKS = [_alternative_not_in_catalogue, _alternative_names_two_findings, _delegated_task_serves_no_key_need,
          _delegated_task_without_a_need, _needed_task_asks_for_verified_documents, _event_without_actions,
          _right_in_two_tiers, _flaw_item_unknown]


@pytest.mark.parametrize("breakage", BREAKS, ids=[b.__name__.strip("_") for b in BREAKS])
def test_a_key_that_contradicts_its_case_is_caught(library_copy, breakage):
    """Does validate name the key, the field and what to do, exit 1, and leave every file as it was?"""
    field, message = breakage(library_copy)
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in library_copy.rglob("*.yaml")}
    result = run("cases", "validate")
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if f": {field}" in line]
    assert any(message in line for line in lines), result.output
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in library_copy.rglob("*.yaml")} == before
