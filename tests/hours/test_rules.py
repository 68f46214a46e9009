"""Credential rules are data: every figure sourced, the file checked, and the engine led by it."""

from __future__ import annotations

import ast
from datetime import date
import re
from pathlib import Path

import pytest
import yaml

from casekit.errors import DataFileError
from casekit.hours.rules import AnyOf, Figure, default_rules_path, load_rules, parse_rules

from .helpers import key_for, log_days, weekdays

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


# --- the corrected rules (checked against the bodies' pages, December 2026) ------------------------

AS_OF = date(2019, 6, 3)


def _cm_weeks(store, learner, start, n_weeks):
    """Full-time supervised care management: Mon-Thu 8 h of coordination, Friday 4 h of supervision (36 h)."""
    days = weekdays(start, n_weeks, per_week=5)
    log_days(store, learner, [d for d in days if d.weekday() < 4], 8)
    log_days(store, learner, [d for d in days if d.weekday() == 4], 4, category="supervision_individual")


def _nursing_weeks(store, learner, start, n_weeks, *, paid=True):
    """Full-time direct nursing practice: 5 x 8 h of direct client work, no case-management supervisor."""
    log_days(store, learner, weekdays(start, n_weeks), 8, category="direct_client_work", supervisor=None, paid=paid)


def _route_of(store, learner, short, route, rules=None, as_of=AS_OF):
    from casekit.hours.learner import learner_progress

    lp = learner_progress(store, learner, as_of=as_of, **({"rules": rules} if rules else {}))
    return next(r for r in lp.credential(short).routes if r.route.id == route)


@pytest.fixture
def nurse(store, people):
    """A learner with a bachelor's in nursing (2015) and an RN licence."""
    from casekit.hours.people import add_person

    return add_person(store, "Demo Learner N", "learner", degree_level="bachelor", degree_field="nursing",
                      degree_date="2015-06-01", credentials=["RN"])


def test_cmc_bachelors_is_met_by_two_years_of_care_management_and_one_of_nursing(store, nurse):
    """Is CMC's bachelor's route met by 2 years of supervised care management plus 1 year of paid, unsupervised nursing?"""
    _nursing_weeks(store, nurse.name, date(2016, 1, 4), 52)
    _cm_weeks(store, nurse.name, date(2017, 1, 2), 104)
    route = _route_of(store, nurse.name, "CMC", "bachelors")
    assert route.eligibility is not None and route.eligibility.met
    got = {(r.measure, r.target): (round(r.value, 1), r.met) for r in route.requirements}
    assert got == {("full_time_months", 24): (24.0, True), ("full_time_months", 36): (36.0, True),
                   ("supervision_hours", 100): (416.0, True)}
    assert route.met


def test_cmc_bachelors_was_not_met_by_the_old_three_years_of_care_management(store, nurse):
    """Would the rule the kit had before (36 months of supervised care management) have refused that same learner?"""
    _nursing_weeks(store, nurse.name, date(2016, 1, 4), 52)
    _cm_weeks(store, nurse.name, date(2017, 1, 2), 104)
    data = _good()
    route = data["credentials"]["NACCM-CMC"]["routes"][1]
    route["requirements"] = [dict(route["requirements"][0], min=dict(route["requirements"][0]["min"], value=36))]
    assert not _route_of(store, nurse.name, "CMC", "bachelors", rules=parse_rules(data, "old.yaml")).met


@pytest.mark.parametrize("what", ["two years of care management alone", "the nursing year unpaid",
                                  "the nursing year before the degree"])
def test_cmc_bachelors_needs_the_extra_year_paid_and_after_the_degree(store, nurse, what):
    """Is the bachelor's route refused without the third year, with it unpaid, or with it before the degree?"""
    if what == "the nursing year unpaid":
        _nursing_weeks(store, nurse.name, date(2016, 1, 4), 52, paid=False)
    elif what == "the nursing year before the degree":
        _nursing_weeks(store, nurse.name, date(2014, 1, 6), 52)
    _cm_weeks(store, nurse.name, date(2017, 1, 2), 104)
    route = _route_of(store, nurse.name, "CMC", "bachelors")
    total = next(r for r in route.requirements if r.target == 36)
    assert not route.met and not total.met
    assert total.value == pytest.approx(24.0)


def test_three_years_of_care_management_meet_the_cmc_bachelors_route(store, nurse):
    """Do 3 years of supervised care management satisfy both the 2 years and the 3 in all?"""
    _cm_weeks(store, nurse.name, date(2016, 1, 4), 156)
    assert _route_of(store, nurse.name, "CMC", "bachelors").met


def test_cmc_associate_needs_three_years_of_care_management_and_five_in_all(store, people):
    """Is the associate route (RN diploma) unmet after 3 years of care management and met once 2 more years of nursing are added?"""
    from casekit.hours.people import add_person

    rn = add_person(store, "Demo Learner D", "learner", degree_level="none", degree_date="2008-06-01", credentials=["RN"])
    _cm_weeks(store, rn.name, date(2016, 6, 6), 156)
    route = _route_of(store, rn.name, "CMC", "associate")
    assert route.eligibility is not None and route.eligibility.met
    assert not route.met
    assert [r.met for r in route.requirements] == [True, False, True]
    _nursing_weeks(store, rn.name, date(2014, 6, 2), 104)
    assert _route_of(store, rn.name, "CMC", "associate").met


def test_cmc_care_management_before_the_degree_does_not_count(store, nurse):
    """Is care management done before the degree left out of CMC's count?"""
    _cm_weeks(store, nurse.name, date(2013, 1, 7), 104)
    route = _route_of(store, nurse.name, "CMC", "bachelors")
    assert route.requirements[0].value == 0
    assert any("degree" in reason for reason in route.not_counted_by_reason())


def test_c_aswcm_takes_two_years_or_3000_hours_not_both(store, people):
    """Is C-ASWCM met by 3,000 hours of supervised post-MSW case management within 18 months?"""
    log_days(store, "Demo Both P", weekdays(date(2017, 1, 2), 75), 8)  # 75 weeks x 40 h = 3,000 h
    route = _route_of(store, "Demo Both P", "C-ASWCM", "experience")
    assert route.met
    assert [(r.measure, r.met) for r in route.groups[0]] == [("full_time_months", False), ("hours", True)]


def test_cdms_is_administered_by_ccmc():
    """Does the CDMS rule name the Commission (CCMC) as the body that runs it now?"""
    cdms = load_rules().credentials["CDMSC-CDMS"]
    assert cdms.body.startswith("Commission for Case Manager Certification (CCMC")
    assert "currently employed in absence and disability management" in " ".join(cdms.eligibility.not_checked)


def _as_version_1(data: dict) -> dict:
    """``data`` as a schema 1 file: the same rules without the requirements that have counts of their own."""
    for cred in data["credentials"].values():
        for route in cred["routes"]:
            route["requirements"] = [q for q in route["requirements"] if "counts" not in q]
    data["schema_version"] = 1
    return data


def test_a_schema_1_file_still_loads_and_is_upgraded(tmp_path):
    """Does a rules file written for schema 1 load, upgraded to the current version?"""
    path = tmp_path / "v1.yaml"
    path.write_text(yaml.safe_dump(_as_version_1(_good())))
    rules = load_rules(path)
    assert rules.schema_version == 2
    assert [r.id for r in rules.credentials["NACCM-CMC"].routes] == ["masters", "bachelors", "associate"]


SCHEMA_2_MISTAKES = [
    ("own counts in a schema 1 file", lambda d: d.update(schema_version=1),
     "credentials.NACCM-CMC.routes.1.requirements.1: counts on a requirement need schema_version: 2"),
    ("own counts without of", lambda d: d["credentials"]["NACCM-CMC"]["routes"][1]["requirements"][1].pop("of"),
     "needs `of`"),
    ("of without counts", lambda d: d["credentials"]["NACCM-CMC"]["routes"][1]["requirements"][0].update(of="things"),
     "add counts or remove of"),
    ("a version the kit does not read", lambda d: d.update(schema_version=7), "schema_version: 7 is not a version"),
]


@pytest.mark.parametrize("edit,fragment", [m[1:] for m in SCHEMA_2_MISTAKES], ids=[m[0] for m in SCHEMA_2_MISTAKES])
def test_schema_2_mistakes_are_refused_naming_the_field(edit, fragment):
    """Is each misuse of a requirement's own counts, or an unknown schema version, refused with the field named?"""
    data = _good()
    edit(data)
    with pytest.raises(DataFileError) as info:
        parse_rules(data, "rules.yaml")
    assert fragment in str(info.value)


def test_the_extra_nursing_year_is_not_reported_as_not_counted(store, nurse):
    """Are unsupervised nursing hours that count toward CMC's 3 years in all left out of the route's 'not counted' list?"""
    _nursing_weeks(store, nurse.name, date(2016, 1, 4), 52)
    _cm_weeks(store, nurse.name, date(2017, 1, 2), 104)
    bachelors = _route_of(store, nurse.name, "CMC", "bachelors")
    masters = _route_of(store, nurse.name, "CMC", "masters")
    assert bachelors.not_counted_by_reason() == {}
    # The masters route counts only work after a master's, which this nurse (a bachelor's) has not got: all of it
    # is left out for that, and the unsupervised year for that too.
    reasons = masters.not_counted_by_reason()
    assert reasons.pop("no supervisor named") == 52 * 40
    assert list(reasons) == ["no master's degree or doctorate in social work, nursing or another health or human "
                             "services field recorded, and the route counts only work after it (recorded: bachelor's "
                             "degree in nursing, 2015-06-01)"]
    assert masters.counted_hours == 0


def test_an_edited_rules_file_is_read_afresh_even_with_the_same_size_and_time(tmp_path):
    """Does a later process read an edited rules file, not the saved copy of the old one, whatever its size and time?"""
    import os

    from casekit.hours.credit import credentials

    path = tmp_path / "credentials.yaml"
    text = default_rules_path().read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert load_rules(path).full_time_hours == 35
    stat = path.stat()
    edited = re.sub(r"(full_time_hours_per_week:\s*\n\s*value:\s*)35\b", r"\g<1>30", text, count=1)
    assert edited != text and len(edited) == len(text)
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    credentials._load_cached.cache_clear()  # as a new process starts
    assert load_rules(path).full_time_hours == 30


def test_a_broken_rules_file_is_refused_though_a_good_copy_was_saved(tmp_path):
    """Once a good rules file has been loaded and saved, is the same file made invalid still refused, naming it?"""
    from casekit.hours.credit import credentials

    path = tmp_path / "credentials.yaml"
    path.write_text(default_rules_path().read_text(encoding="utf-8"), encoding="utf-8")
    load_rules(path)
    path.write_text("schema_version: 2\nsettings: [unclosed\n", encoding="utf-8")
    credentials._load_cached.cache_clear()
    with pytest.raises(DataFileError, match=r"credentials.yaml: line \d+: is not valid YAML"):
        load_rules(path)
