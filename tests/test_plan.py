"""The plan file: JSON round trip, upgrades, and refusing to lose a learner's work."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from casekit.errors import PlanFileError
from casekit.plan import (
    PLAN_FORMAT_VERSION,
    Goal,
    Plan,
    Referral,
    load_plan,
    plan_to_json,
    save_plan,
)


def sample_plan() -> Plan:
    plan = Plan(case="some-case")
    plan.set_need("housing-loss", "critical")
    plan.set_need("food-insecurity", "moderate")
    plan.goals.append(Goal(need="housing-loss", what="Client keeps the apartment past the notice date", measure="no eviction filed", target_date=dt.date(2026, 3, 1)))
    plan.referrals.append(Referral(resource="tenant-clinic", need="housing-loss"))
    plan.progress_note = "Met with the client; the notice date is the first deadline."
    return plan


def test_round_trip_keeps_every_decision(tmp_path):
    """Does a saved plan load back equal, field for field?"""
    path = tmp_path / "some-case.plan.json"
    plan = sample_plan()
    assert save_plan(plan, path) is None
    again = load_plan(path)
    assert again.model_dump() == plan.model_dump()
    assert again.need_ids() == ["housing-loss", "food-insecurity"]


def test_saved_file_carries_the_format_version(tmp_path):
    path = tmp_path / "p.plan.json"
    save_plan(sample_plan(), path)
    assert json.loads(path.read_text())["format_version"] == PLAN_FORMAT_VERSION


def test_version_1_plan_is_upgraded(tmp_path):
    """A version-1 file (needs as bare ids in priority order) loads as the current format."""
    path = tmp_path / "old.plan.json"
    path.write_text(json.dumps({"format_version": 1, "case": "c", "needs": ["b-need", "a-need"], "need_severity": {"b-need": "critical"}}))
    plan = load_plan(path)
    assert plan.format_version == PLAN_FORMAT_VERSION
    assert plan.need_ids() == ["b-need", "a-need"]
    assert plan.needs[0].severity.value == "critical"
    assert plan.needs[1].severity.value == "moderate"
    assert plan.revisions == []


def test_plan_from_a_newer_kit_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "future.plan.json"
    text = json.dumps({"format_version": PLAN_FORMAT_VERSION + 1, "case": "c"})
    path.write_text(text)
    with pytest.raises(PlanFileError, match="newer kit.*Update the kit"):
        load_plan(path)
    assert path.read_text() == text


@pytest.mark.parametrize(
    "content,match",
    [
        ("{not json", "not valid JSON.*line 1"),
        ('{"format_version": 2, "case": "a\tb"}', r"line 1, column 33: a tab, line break or other control character inside a string"),
        ("[1, 2]", "expected a JSON object"),
        ('{"format_version": 2, "case": "c", "needs": [{"need": "x", "severity": "dire", "priority": 1}]}', r"needs\[0\]\.severity"),
        ('{"format_version": "two", "case": "c"}', "not a version number"),
        ('{"case": "c", "needs": [{"need": "x"}]}', "format_version is missing, and its needs are not the list of need ids"),
        ('{"case": "c", "needs": 5}', "plan in format 1 that cannot be brought up to date.*damaged"),
        ('{"format_version": 2, "case": "c", "needs": [{"need": "x", "severity": "dire", "priority": 0}], "flags": [{}]}',
         r"flags\[0\]\.item: field required; flags\[0\]\.kind: .*; needs\[0\]\.severity: .*; and 1 more\. Fix the field"),
    ],
    ids=["corrupt-json", "control-character", "not-an-object", "bad-severity", "bad-version", "no-version",
         "v1-damaged", "several-problems"],
)
def test_bad_plan_files_get_a_clear_message(tmp_path, content, match):
    path = tmp_path / "bad.plan.json"
    path.write_text(content)
    with pytest.raises(PlanFileError, match=match):
        load_plan(path)


def test_saving_over_an_unreadable_file_keeps_a_backup(tmp_path):
    """Is a corrupt plan file kept as .bak (and a second one as .bak1) rather than overwritten?"""
    path = tmp_path / "c.plan.json"
    path.write_text("{corrupt")
    backup = save_plan(sample_plan(), path)
    assert backup == tmp_path / "c.plan.json.bak"
    assert backup.read_text() == "{corrupt"
    path.write_text("{corrupt again")
    second = save_plan(sample_plan(), path)
    assert second == tmp_path / "c.plan.json.bak1"
    assert (tmp_path / "c.plan.json.bak").read_text() == "{corrupt"
    assert load_plan(path).case == "some-case"


def test_saving_over_a_good_file_needs_no_backup(tmp_path):
    path = tmp_path / "c.plan.json"
    save_plan(sample_plan(), path)
    assert save_plan(sample_plan(), path) is None
    assert not list(tmp_path.glob("*.bak*"))


def test_json_is_readable_text():
    text = plan_to_json(sample_plan())
    assert text.endswith("\n") and '"case": "some-case"' in text
