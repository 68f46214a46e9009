"""Fixtures for the hours log: a fresh SQLite log per test, and a few fictional people with keys."""

from __future__ import annotations

import pytest

from casekit.hours.keys import keygen
from casekit.hours.people import add_person
from casekit.hours.store import ENV_VAR, open_store

from .helpers import key_path_for


@pytest.fixture(autouse=True)
def _no_env_log(monkeypatch):
    """No test may touch a log named by the environment."""
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture
def store(tmp_path):
    """A fresh, migrated hours log in a SQLite file under tmp_path."""
    s = open_store(tmp_path / "hours.sqlite")
    yield s
    s.close()


@pytest.fixture
def people(store):
    """Fictional learners and supervisors used across the tests; each supervisor has a registered key.

    The keys have no passphrase and live beside the log (see ``helpers.key_for``).
    """
    found = {
        "A": add_person(store, "Demo Learner A", "learner", degree_level="bachelor", degree_field="social_work",
                        degree_date="2020-06-01", credentials=["LBSW"]),
        "B": add_person(store, "Demo Learner B", "learner", degree_level="bachelor", degree_field="nursing",
                        degree_date="2019-05-15", credentials=["RN"]),
        "Q": add_person(store, "Demo Supervisor Q", "supervisor", credentials=["CCM", "LCSW"]),
        "R": add_person(store, "Demo Supervisor R", "supervisor", credentials=["LCSW"]),
        "P": add_person(store, "Demo Both P", "both", degree_level="master", degree_field="social_work",
                        degree_date="2015-01-10", credentials=["LCSW"]),
    }
    for p in found.values():
        if p.is_supervisor:
            keygen(store, p.name, key_path_for(store, p.name))
    return found
