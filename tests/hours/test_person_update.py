"""Putting a person's record right: a degree date typo, a licence earned since. Verify still holds, progress follows."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from casekit.cli.hours import hours as hours_cli
from casekit.hours.errors import PersonError
from casekit.hours.learner import verified_learner_progress
from casekit.hours.log.people import get_person, update_person
from casekit.hours.signedexport import export_signed, read_signed_file
from casekit.hours.verify import verify_log, verify_store

from .helpers import degree_split_log

A, Q = "Demo Learner A", "Demo Supervisor Q"
AS_OF = date(2024, 6, 3)


@pytest.fixture
def log(store, people):
    """Demo Learner A (degree 2020-06-01): ten weeks of approved work in 2020 before the degree, ten after."""
    degree_split_log(store, A)


def _cswcm_hours(store) -> float:
    lp, verification, _log = verified_learner_progress(store, A, as_of=AS_OF)
    assert verification.ok, verification.to_text()
    return lp.credential("C-SWCM").best.counted_hours


def test_a_degree_date_put_right_counts_the_work_after_it_and_still_verifies(store, log, tmp_path):
    """With the degree date corrected to an earlier day, does the work after it count, and do verify (of the
    database and of an exported file) still hold?"""
    assert _cswcm_hours(store) == 400
    update_person(store, A, degree_date=date(2019, 12, 1))
    assert get_person(store, A).degree_date == date(2019, 12, 1)
    assert _cswcm_hours(store) == 800
    (result,) = verify_store(store, A)
    assert result.ok, result.to_text()
    path, _ = export_signed(store, A, tmp_path / "a.json")
    assert verify_log(read_signed_file(path)).ok


def test_a_supervisor_who_gains_a_credential_is_recorded_in_every_learner_chain(store, log):
    """When supervisor Q adds a credential, do the learners whose entries name Q still verify?"""
    update_person(store, Q, add_credentials=["CDMS"])
    assert "CDMS" in get_person(store, Q).credentials
    assert all(v.ok for v in verify_store(store))


def test_a_record_changed_outside_casekit_still_fails(store, log):
    """An update through casekit holds; the same change written straight into the file still fails verify."""
    from .helpers import edit_outside_casekit

    edit_outside_casekit(store, f"UPDATE hours_people SET degree_date = '2019-01-01' WHERE name = '{A}'")
    (result,) = verify_store(store, A)
    assert not result.ok


@pytest.mark.parametrize("change,fragment", [
    (dict(degree_date=date(2999, 1, 1)), "is in the future"),
    (dict(degree_level="none"), "is given for no degree"),
    (dict(degree_field="astrology"), "degree field: 'astrology' is not one of"),
    (dict(), "nothing to change"),
])
def test_a_bad_or_empty_change_is_refused_and_nothing_is_written(store, log, change, fragment):
    """Is a change that makes a bad record, or none at all, refused with the field, the record left as it was?"""
    before = get_person(store, A)
    with pytest.raises(PersonError, match=fragment):
        update_person(store, A, **change)
    assert get_person(store, A) == before
    assert all(v.ok for v in verify_store(store))


def test_person_update_on_the_command_line(store, log):
    """Does `casekit hours person update` change the record, say so, and flag an unknown credential?"""
    runner = CliRunner()
    out = runner.invoke(hours_cli, ["--db", str(store.path), "person", "update", A, "--add-credential", "LCWS"])
    assert out.exit_code == 0, out.output
    assert "updated Demo Learner A" in out.output and "did you mean LCSW?" in out.output
    nothing = runner.invoke(hours_cli, ["--db", str(store.path), "person", "update", A])
    assert nothing.exit_code == 2 and "say what to change" in nothing.output
    unknown = runner.invoke(hours_cli, ["--db", str(store.path), "person", "update", "Nobody", "--degree", "master"])
    assert unknown.exit_code == 1 and "Nobody" in unknown.output
