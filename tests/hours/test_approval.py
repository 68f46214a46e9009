"""Sign-off: who may approve which pending entries."""

from __future__ import annotations

from datetime import date

import pytest

from casekit.hours.approval import approve_entries, pending_for
from casekit.hours.errors import ApprovalError, UnknownPersonError
from casekit.hours.logbook import add_entry, list_entries

from .helpers import key_for


def _log(store, learner="Demo Learner A", day="2024-03-04", supervisor="Demo Supervisor Q", hours=2):
    return add_entry(store, learner=learner, date=day, hours=hours, category="care_coordination",
                     setting="health_care", supervisor=supervisor)


def _status(store) -> dict[str, str]:
    return dict(zip(list_entries(store)["entry_id"], list_entries(store)["status"]))


def test_a_supervisor_approves_the_entries_naming_them(store, people):
    """Does approval change exactly the chosen entries to approved?"""
    a, b = _log(store), _log(store, day="2024-03-05")
    assert approve_entries(store, "Demo Supervisor Q", key=key_for(store, "Demo Supervisor Q"), entry_ids=[a]) == [a]
    assert _status(store) == {a: "approved", b: "pending"}


def test_approval_is_all_or_nothing_and_says_why(store, people):
    """With one id the supervisor may not approve, is nothing approved and each bad id explained?"""
    mine, theirs, own = _log(store), _log(store, supervisor="Demo Supervisor R"), _log(store, learner="Demo Both P", supervisor="")
    approve_entries(store, "Demo Supervisor Q", key=key_for(store, "Demo Supervisor Q"), entry_ids=[mine])
    fresh = _log(store, day="2024-03-06")
    with pytest.raises(ApprovalError) as info:
        approve_entries(store, "Demo Both P", key=key_for(store, "Demo Both P"), entry_ids=[fresh, theirs, own, mine, "f" * 32])
    msg = str(info.value)
    assert "nothing was approved" in msg
    assert f"{theirs}: names another supervisor" in msg
    assert f"{own}: is Demo Both P's own entry" in msg
    assert f"{mine}: already approved" in msg
    assert f"{'f' * 32}: no such entry" in msg
    assert _status(store)[fresh] == "pending"


def test_approve_all_takes_only_what_the_supervisor_may_approve(store, people):
    """Does 'approve all' take the supervisor's pending entries and unsupervised ones, never others' or their own?"""
    q1, q2 = _log(store), _log(store, learner="Demo Learner B")
    r1 = _log(store, supervisor="Demo Supervisor R", day="2024-03-07")
    unsupervised = _log(store, supervisor="", day="2024-03-08")
    own = _log(store, learner="Demo Both P", supervisor="")
    done = approve_entries(store, "Demo Both P", key=key_for(store, "Demo Both P"))
    assert set(done) == {unsupervised}
    assert set(approve_entries(store, "Demo Supervisor Q", key=key_for(store, "Demo Supervisor Q"), learner="Demo Learner A")) == {q1}
    assert set(approve_entries(store, "Demo Supervisor Q", key=key_for(store, "Demo Supervisor Q"))) == {q2, own}
    assert _status(store)[r1] == "pending"


def test_approve_through_a_date(store, people):
    """Does 'before' limit approval to entries dated on or before it?"""
    old, new = _log(store, day="2024-01-10"), _log(store, day="2024-02-10")
    assert approve_entries(store, "Demo Supervisor Q", key=key_for(store, "Demo Supervisor Q"), before=date(2024, 1, 31)) == [old]
    assert _status(store)[new] == "pending"


def test_pending_list_for_a_supervisor(store, people):
    """Does the pending list show what this supervisor could approve, and nothing else?"""
    mine = _log(store)
    _log(store, supervisor="Demo Supervisor R", day="2024-03-09")
    assert pending_for(store, "Demo Supervisor Q")["entry_id"].tolist() == [mine]


@pytest.mark.parametrize("who,err", [("Demo Learner A", UnknownPersonError), ("Demo Nobody", UnknownPersonError)])
def test_only_supervisors_approve(store, people, who, err):
    """Is approval by someone who is not a supervisor refused?"""
    _log(store)
    with pytest.raises(err):
        approve_entries(store, who, key=key_for(store, "Demo Supervisor Q"))


def test_empty_id_list_is_refused(store, people):
    """Is an empty list of ids refused rather than silently approving nothing?"""
    with pytest.raises(ApprovalError, match="no entry ids given"):
        approve_entries(store, "Demo Supervisor Q", key=key_for(store, "Demo Supervisor Q"), entry_ids=[])
