"""ACM-style simulations: the five case files, scoring the two parts apart, feedback, resuming, bad input."""

from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner

from casekit.cli import main
from casekit.exam.blueprint import load_blueprint
from casekit.exam.simulation import SimulationError, available_simulations, load_simulation, score_simulation
from casekit.exam.simulation_session import SimulationSession

BP = load_blueprint()
MARKS = BP.acm_simulation.pass_marks


def test_every_case_has_a_valid_simulation(repo):
    """Does every simulation belong to a kit case, and does every setting have one? (The case library grows
    faster than its simulations; each new simulation is data beside its case.)"""
    import yaml

    settings = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")).get("setting")
                for p in (repo / "casestudies").glob("*.yaml")}
    sims = set(available_simulations())
    assert sims <= set(settings)
    assert {settings[s] for s in sims} == {"nursing", "managed_care", "school", "social_services", "shelter_treatment"}
    for case in sims:
        assert load_simulation(case).case == case


def _helpful(sim):
    return [r.id for r in sim.requests if r.rating == "helpful"]


def _decisions(sim, rating):
    out = {}
    for d in sim.decisions:
        picks = [o.id for o in d.options if o.rating == rating]
        out[d.id] = picks if d.choose == "any" else picks[:1]
    return out


@pytest.mark.parametrize("case", available_simulations())
def test_the_two_scores_move_independently(case):
    """Does gathering well and deciding badly pass gathering only, and the reverse pass deciding only?"""
    sim = load_simulation(case)
    good_gather_bad_decide = score_simulation(sim, _helpful(sim), _decisions(sim, "harmful"), MARKS)
    assert good_gather_bad_decide.gathering.score == 1.0 and good_gather_bad_decide.gathering.passed
    assert not good_gather_bad_decide.deciding.passed and not good_gather_bad_decide.passed
    harmful = [r.id for r in sim.requests if r.rating != "helpful"]
    bad_gather_good_decide = score_simulation(sim, harmful, _decisions(sim, "helpful"), MARKS)
    assert bad_gather_good_decide.deciding.score == 1.0 and bad_gather_good_decide.deciding.passed
    assert not bad_gather_good_decide.gathering.passed and not bad_gather_good_decide.passed
    both = score_simulation(sim, _helpful(sim), _decisions(sim, "helpful"), MARKS)
    assert both.passed


def test_harmful_requests_cost_points_and_missed_facts_name_their_finders():
    """Does a harmful request lower Information Gathering, and does feedback say which request finds a missed fact?"""
    sim = load_simulation("treatment-residential-discharge-review")
    helpful = _helpful(sim)
    clean = score_simulation(sim, helpful, {}, MARKS)
    with_harm = score_simulation(sim, helpful + ["call-travis"], {}, MARKS)
    assert with_harm.gathering.earned == clean.gathering.earned - 3
    assert with_harm.harmful_requests[0].id == "call-travis"
    partial = score_simulation(sim, ["read-intake"], {}, MARKS)
    missed = {fact.id: [r.id for r in finders] for fact, finders in partial.missed_facts}
    assert missed["why-she-left"] == ["read-incident-note", "ask-nadine-privately"]
    assert "order-lapsed" not in missed
    text = partial.feedback()
    assert "Read the night advisor's incident note in full (helpful)" in text
    assert "Information Gathering: " in text and "not passed" in text


def test_a_score_never_goes_below_zero():
    """Is a run of only harmful choices scored 0, not negative?"""
    sim = load_simulation("school-seventh-grader-absences")
    result = score_simulation(sim, ["send-truancy-letter"], _decisions(sim, "harmful"), MARKS)
    assert result.gathering.score == 0.0 and result.deciding.score == 0.0


def test_the_session_resumes_and_refuses_bad_choices(tmp_path):
    """Are requests and decisions kept across a restart, and are unknown ids refused without a change?"""
    s = SimulationSession("nursing-discharge-heart-failure-lives-alone", tmp_path)
    assert "insulin" in s.request("read-discharge-summary").result
    s.decide("first-concern", "medication-safety")
    with pytest.raises(SimulationError, match="no request 'read-chart'"):
        s.request("read-chart")
    with pytest.raises(SimulationError, match="takes one choice"):
        s.decide("first-concern", ["medication-safety", "diet-teaching"])
    s.store.close()
    again = SimulationSession("nursing-discharge-heart-failure-lives-alone", tmp_path)
    assert again.requests == ["read-discharge-summary"]
    assert again.decisions == {"first-concern": ["medication-safety"]}
    again.new_attempt()
    assert again.requests == [] and again.result().gathering.score == 0.0


def _break(path, change):
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


@pytest.mark.parametrize("change,words", [
    (lambda d: d["facts"][0].update(case_ref="report:no-such-report"), "facts[0].case_ref: 'report:no-such-report' names nothing"),
    (lambda d: d["requests"][0].update(reveals=["no-such-fact"]), "reveals unknown fact 'no-such-fact'"),
    (lambda d: d["requests"][0].update(rating="useful"), "requests[read-discharge-summary].rating: input should be"),
    (lambda d: d.update(case="school-seventh-grader-absences"), "the file is named for"),
])
def test_cases_validate_checks_simulations(library_copy, change, words):
    """Does `casekit cases validate` name the simulation file and field that is wrong?"""
    path = library_copy / "casestudies" / "exam" / "simulations" / "nursing-discharge-heart-failure-lives-alone.yaml"
    _break(path, change)
    result = CliRunner().invoke(main, ["cases", "validate"])
    assert result.exit_code == 1
    assert "simulations/nursing-discharge-heart-failure-lives-alone.yaml" in result.output
    assert words in result.output
