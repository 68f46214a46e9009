"""The question bank's validator, on the fixture items and on copies broken one way at a time."""

from __future__ import annotations

import hashlib
import shutil

import pytest
import yaml
from click.testing import CliRunner

from casekit.cli import main
from casekit.exam.bank import BankError, bank_problems, figures_in, load_bank


def write(folder, items, name="sample.yaml"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(yaml.safe_dump({"version": 1, "items": items}, sort_keys=False))
    return folder


def problems_for(tmp_path, items):
    _, problems = bank_problems(write(tmp_path / "items", items))
    return [str(p) for p in problems]


def test_fixture_items_are_valid(fixture_items):
    """Do the hand-written fixture items pass every check?"""
    bank = load_bank(fixture_items)
    assert len(bank) == 4
    assert {i.domain for i in bank.items} == {"care-management", "reimbursement-methods", "rehabilitation",
                                              "ethical-legal-practice"}


def _drop_rationale(items):
    del items[0]["rationales"]["C"]


def _two_keys_list(items):
    items[0]["key"] = ["A", "B"]


def _two_keys_text(items):
    items[0]["key"] = "A, B"


def _key_not_option(items):
    items[0]["key"] = "E"


def _no_domain(items):
    del items[0]["domain"]


def _unknown_domain(items):
    items[0]["domain"] = "case-finding"


def _figure_without_source(items):
    items[0]["stem"] += " He has been home for 3 days."


def _dollar_without_source(items):
    items[2]["options"]["B"] = "A $195 retake fee."


def _unknown_case(items):
    items[0]["case"] = "no-such-case"


def _unknown_step(items):
    items[0]["step"] = "triage"


def _unknown_acm(items):
    items[0]["acm_category"] = "core-9"


BROKEN = [
    (_drop_rationale, "fixture-teach-back", "rationales.C", "no rationale for option C"),
    (_two_keys_list, "fixture-teach-back", "key", "exactly one key"),
    (_two_keys_text, "fixture-teach-back", "key", "exactly one key"),
    (_key_not_option, "fixture-teach-back", "key", "not among the options"),
    (_no_domain, "fixture-teach-back", "domain", "required field is missing"),
    (_unknown_domain, "fixture-teach-back", "domain", "unknown domain 'case-finding'"),
    (_figure_without_source, "fixture-teach-back", "source", "'3 days'"),
    (_dollar_without_source, "fixture-utilization-review", "source", "'$1'"),
    (_unknown_case, "fixture-teach-back", "case", "no case 'no-such-case'"),
    (_unknown_step, "fixture-teach-back", "step", "unknown step 'triage'"),
    (_unknown_acm, "fixture-teach-back", "acm_category", "unknown ACM Core category"),
]


@pytest.mark.parametrize("breaker,item,field,words", BROKEN, ids=[b[0].__name__.strip("_") for b in BROKEN])
def test_validator_names_item_and_field(tmp_path, sample_items, breaker, item, field, words):
    """Does each kind of broken item give one problem naming the file, the item id and the field?"""
    breaker(sample_items)
    problems = problems_for(tmp_path, sample_items)
    assert len(problems) == 1, problems
    assert "sample.yaml" in problems[0]
    assert f"({item}).{field}:" in problems[0]
    assert words in problems[0]


def test_an_item_with_a_figure_and_a_source_is_accepted(tmp_path, sample_items):
    """Is a figure fine once the item cites its source?"""
    sample_items[0]["stem"] += " He has been home for 3 days."
    sample_items[0]["source"] = {"title": "the case file", "year": 2026}
    assert problems_for(tmp_path, sample_items) == []


def test_duplicate_ids_across_files_are_refused(tmp_path, sample_items):
    """Are ids unique across the whole bank, not only within one file?"""
    folder = write(tmp_path / "items", sample_items[:2], "one.yaml")
    write(folder, [sample_items[0]], "two.yaml")
    _, problems = bank_problems(folder)
    assert [p.field for p in problems] == ["items (fixture-teach-back).id"]
    assert "two.yaml" in problems[0].path and "also in one.yaml" in problems[0].message


@pytest.mark.parametrize("text,expected", [
    ("a 30-day window", ["30-day"]),
    ("80 contact hours every five years", ["80 contact hours", "five years"]),
    ("an ejection fraction of 30%", ["0%"]),
    ("the fee is $195", ["$1"]),
    ("She called twice and then wrote.", []),
    ("Read the 2025 outline.", []),
])
def test_what_counts_as_a_figure(text, expected):
    """Which phrases need a source: money, percentages, counts of time or items, not a bare year?"""
    assert [f[-len(e):] for f, e in zip(figures_in(text), expected)] == expected
    assert len(figures_in(text)) == len(expected)


def test_cases_validate_checks_the_bank_and_writes_nothing(library_copy, sample_items):
    """Does `casekit cases validate` refuse a broken item by id and field, leaving every file as it was?"""
    folder = library_copy / "casestudies" / "exam" / "items"
    _drop_rationale(sample_items)
    write(folder, sample_items, "broken.yaml")
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in library_copy.rglob("*") if p.is_file()}
    result = CliRunner().invoke(main, ["cases", "validate"])
    assert result.exit_code == 1
    assert "casestudies/exam/items/broken.yaml: items[0] (fixture-teach-back).rationales.C" in result.output
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in library_copy.rglob("*") if p.is_file()}
    assert before == after
    result = CliRunner().invoke(main, ["cases", "validate", str(folder / "broken.yaml")])
    assert result.exit_code == 1 and "rationales.C" in result.output


def test_exam_bank_counts_per_domain(library_copy, fixture_items):
    """Does `casekit exam bank` print one line per six-domain id, then the total?"""
    folder = library_copy / "casestudies" / "exam" / "items"
    shutil.rmtree(folder)
    shutil.copytree(fixture_items, folder)
    result = CliRunner().invoke(main, ["exam", "bank"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "care-management: 1", "reimbursement-methods: 1", "psychosocial-concepts: 0", "quality-outcomes: 0",
        "rehabilitation: 1", "ethical-legal-practice: 1", "total: 4"]


def test_exam_bank_refuses_a_broken_bank(library_copy, sample_items):
    """Does `casekit exam bank` stop with the problem rather than count a broken bank?"""
    _two_keys_list(sample_items)
    write(library_copy / "casestudies" / "exam" / "items", sample_items)
    result = CliRunner().invoke(main, ["exam", "bank"])
    assert result.exit_code == 1
    assert "(fixture-teach-back).key" in result.output and "Traceback" not in result.output
    with pytest.raises(BankError):
        load_bank(library_copy / "casestudies" / "exam" / "items")
