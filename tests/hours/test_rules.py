"""Credential rules are data: every figure sourced, the file checked, and the engine led by it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from casekit.errors import DataFileError
from casekit.hours.rules import AnyOf, Figure, default_rules_path, load_rules, parse_rules

from .helpers import key_for

PACKAGE = Path(default_rules_path()).parent


def _figures(rules):
    yield "settings.full_time_hours_per_week", rules.settings.full_time_hours_per_week
    for cid, cred in rules.credentials.items():
        yield f"{cid}.eligibility", cred.eligibility
        for route in cred.routes:
            if route.eligibility:
                yield f"{cid}.{route.id}.eligibility", route.eligibility
            if route.counts.look_back_months:
                yield f"{cid}.{route.id}.look_back", route.counts.look_back_months
            for item in route.requirements:
                for req in (item.any_of if isinstance(item, AnyOf) else [item]):
                    yield f"{cid}.{route.id}.{req.measure}", req.min


def test_the_kit_rules_cover_every_credential_and_route():
    """Does the shipped file hold NASW C-SWCM and C-ASWCM, CCM's three routes, ACM-RN, ACM-SW, CDMS and CMC?"""
    rules = load_rules()
    routes = {rules.short_name(cid): [r.id for r in c.routes] for cid, c in rules.credentials.items()}
    assert routes == {"C-SWCM": ["experience"], "C-ASWCM": ["experience"], "CCM": ["a", "b", "c"],
                      "ACM-RN": ["experience"], "ACM-SW": ["experience"], "CDMS": ["experience"],
                      "CMC": ["masters", "bachelors", "associate"]}


def test_every_figure_has_a_source_an_as_of_date_and_a_confidence():
    """Does every number and every education rule carry its source, as-of date and confidence?"""
    found = list(_figures(load_rules()))
    assert len(found) > 20
    for where, fact in found:
        assert len(fact.source) > 5, where
        assert re.match(r"^\d{4}-\d{2}(-\d{2})?$", fact.as_of), where
        assert fact.confidence in ("official", "secondary", "unconfirmed"), where


def test_figures_the_reference_marks_unconfirmed_say_so():
    """Are the C-ASWCM figures (not on NASW's page) and the full-time setting marked unconfirmed?"""
    rules = load_rules()
    for where, fact in _figures(rules):
        if where.startswith("NASW-C-ASWCM"):
            assert fact.confidence == "unconfirmed", where
    assert rules.settings.full_time_hours_per_week.confidence == "unconfirmed"
    assert rules.settings.full_time_hours_per_week.value == 35


def test_no_hour_threshold_is_a_constant_in_the_code():
    """Do the hour thresholds (4,500, 3,000, 2,080 ...) appear only in the rules file, never as numbers in code?"""
    hours = {f.value for w, f in _figures(load_rules()) if isinstance(f, Figure) and w.endswith(".hours")}
    assert {4500, 3000, 2080} <= hours
    sources = list(PACKAGE.glob("*.py")) + [PACKAGE.parent / "cli" / "hours.py"]
    for path in sources:
        numbers = {node.value for node in ast.walk(ast.parse(path.read_text()))
                   if isinstance(node, ast.Constant) and isinstance(node.value, (int, float))}
        assert not numbers & hours, f"{sorted(numbers & hours)} in {path.name}"


def _good() -> dict:
    return yaml.safe_load(default_rules_path().read_text())


def _edit(data: dict, path: str, value):
    *parents, last = path.split("/")
    node = data
    for p in parents:
        node = node[int(p)] if isinstance(node, list) else node[p]
    if value is _DELETE:
        del node[last]
    else:
        node[int(last) if isinstance(node, list) else last] = value
    return data


_DELETE = object()
_CSWCM = "credentials/NASW-C-SWCM"
BAD_RULES = [
    ("no source", f"{_CSWCM}/routes/0/requirements/0/min/source", _DELETE, "requirements.0.min.source: missing"),
    ("bad confidence", f"{_CSWCM}/routes/0/requirements/0/min/confidence", "probably", "confidence"),
    ("bad as_of", f"{_CSWCM}/routes/0/requirements/0/min/as_of", "last spring", "not a date"),
    ("zero threshold", f"{_CSWCM}/routes/0/requirements/0/min/value", 0, "greater than 0"),
    ("unknown measure", f"{_CSWCM}/routes/0/requirements/0/measure", "vibes", "measure"),
    ("unknown category", f"{_CSWCM}/routes/0/counts/categories", ["coffee"], "unknown categor"),
    ("unknown setting", f"{_CSWCM}/routes/0/counts/settings", ["moon"], "unknown setting"),
    ("typo in a field", f"{_CSWCM}/routes/0/counts/piad", True, "counts.piad: unknown field"),
    ("unlisted credential", f"{_CSWCM}/eligibility/options/0/credentials_any", ["LXYZ"], "not in credential_names"),
    ("no schema version", "schema_version", _DELETE, "schema_version: missing"),
    ("supervision with no duration", "credentials/NACCM-CMC/routes/0/requirements/0", {"measure": "hours", "min": {
        "value": 10, "source": "a test", "as_of": "2026-11", "confidence": "official"}}, "supervision_hours requirement needs"),
]


@pytest.mark.parametrize("path,value,fragment", [b[1:] for b in BAD_RULES], ids=[b[0] for b in BAD_RULES])
def test_a_bad_rules_file_is_refused_naming_the_field(path, value, fragment):
    """Is each kind of mistake in the rules file reported with the file and the field path?"""
    with pytest.raises(DataFileError) as info:
        parse_rules(_edit(_good(), path, value), "rules.yaml")
    msg = str(info.value)
    assert msg.startswith("rules.yaml: ")
    assert fragment in msg


def test_broken_yaml_names_the_line(tmp_path):
    """Is a YAML syntax error reported with its line?"""
    path = tmp_path / "broken.yaml"
    path.write_text("schema_version: 1\nsettings: [unclosed\n")
    with pytest.raises(DataFileError, match=r"broken.yaml: line \d+: is not valid YAML"):
        load_rules(path)


def test_changing_a_figure_in_the_data_changes_the_verdict(store, people, tmp_path):
    """Does editing a threshold in YAML (no code change) change whether a learner meets it?"""
    from casekit.hours.approval import approve_entries
    from casekit.hours.logbook import add_entry
    from casekit.hours.learner import learner_progress

    add_entry(store, learner="Demo Learner B", date="2024-03-04", hours=8, category="care_coordination",
              setting="health_care", supervisor="Demo Supervisor Q")
    approve_entries(store, "Demo Supervisor Q", key=key_for(store, "Demo Supervisor Q"))
    data = _good()
    assert not learner_progress(store, "Demo Learner B").credential("CDMS").met
    data["credentials"]["CDMSC-CDMS"]["routes"][0]["requirements"][0]["min"]["value"] = 8
    data["credentials"]["CDMSC-CDMS"]["routes"][0]["counts"]["settings"] = ["health_care"]
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data))
    assert learner_progress(store, "Demo Learner B", rules=load_rules(path)).credential("CDMS").met
