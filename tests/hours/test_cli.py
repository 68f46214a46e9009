"""`casekit hours`: every command end to end through click, errors as one line and exit code 1."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from casekit.cli.hours import hours
from casekit.hours.store import ENV_VAR

from .helpers import entry_row, write_csv


def _commands(group: click.Group, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, prefix + (name,))


ALL = list(_commands(hours))


def test_the_brief_s_commands_exist():
    """Are person add, add, list, import, export, progress, report, pathways, keygen, approve, correct and verify there?"""
    names = {" ".join(p) for p, _ in ALL}
    assert {"person add", "add", "list", "import", "export", "progress", "report", "pathways", "keygen", "approve",
            "correct", "verify", "keys list", "keys register"} <= names


@pytest.mark.parametrize("path,cmd", ALL, ids=[" ".join(p) for p, _ in ALL])
def test_every_command_has_help_text(path, cmd):
    """Does every `casekit hours ...` command say what it does under --help?"""
    assert cmd.help and len(cmd.help) > 20
    result = CliRunner().invoke(hours, [*path, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


@pytest.fixture
def cli(tmp_path):
    db = tmp_path / "cli.sqlite"
    runner = CliRunner()

    def run(*args, ok=True, env=None, input=None):
        result = runner.invoke(hours, ["--db", str(db), *args] if env is None else list(args), env=env, input=input)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    run.db = db
    return run


def _people(cli):
    cli("person", "add", "Demo Learner A", "--degree", "bachelor", "--field", "social_work",
        "--degree-date", "2020-06-01", "--credential", "lbsw")
    cli("person", "add", "Demo Supervisor Q", "--role", "supervisor", "--credential", "CCM")
    cli("keygen", "Demo Supervisor Q", "--to", str(_key(cli)), "--no-passphrase")


def _key(cli):
    """Demo Supervisor Q's private key file (made by _people)."""
    return cli.db.parent / "q.pem"


def test_a_supervisor_s_day_on_the_command_line(cli, tmp_path):
    """Can people be added, hours logged, listed, approved, and progress, pathways and a report produced?"""
    _people(cli)
    out = cli("add", "--learner", "Demo Learner A", "--date", "2024-03-04", "--hours", "7:30",
              "--category", "care_coordination", "--setting", "health_care", "--supervisor", "Demo Supervisor Q").output
    entry_id = re.search(r"entry ([0-9a-f]{32})", out).group(1)
    listed = cli("list", "--status", "pending").output
    assert entry_id in listed and "7.50" in listed
    assert "approved 1 entry" in cli("approve", "--supervisor", "Demo Supervisor Q", "--key", str(_key(cli)),
                                     entry_id).output
    progress = cli("progress", "Demo Learner A", "--as-of", "2024-06-03", "--target-date", "2025-06-03").output
    assert "C-SWCM" in progress and "7.5 / 4,500 h" in progress and "full-time = 35 h/week" in progress
    assert "to finish by 2025-06-03" in progress
    assert "full-time = 40 h/week" in cli("progress", "Demo Learner A", "--full-time-hours", "40").output
    pathways = cli("pathways", "Demo Learner A").output
    assert "C-SWCM" in pathways and "C-ASWCM" in pathways and "not eligible yet" in pathways
    report = tmp_path / "a.html"
    assert "wrote" in cli("report", "Demo Learner A", "--to", str(report)).output
    assert "data:image/png;base64," in report.read_text()
    assert "Demo Supervisor Q  [supervisor]" in cli("person", "list").output


def test_import_and_export_round_trip(cli, tmp_path):
    """Does `import` take a good file and `export` print the same entries back as CSV?"""
    _people(cli)
    path = write_csv(tmp_path / "in.csv", [entry_row(date="2024-03-04"), entry_row(date="2024-03-05", hours="2")])
    assert "imported 2 entries from in.csv" in cli("import", str(path)).output
    one = write_csv(tmp_path / "one.csv", [entry_row(date="2024-03-06")])
    assert "imported 1 entry from one.csv" in cli("import", str(one)).output
    exported = cli("export").output.splitlines()
    assert exported[0] == "entry_id,learner,date,hours,category,setting,paid,supervisor,note,status"
    assert len(exported) == 4 and all(",pending" in line for line in exported[1:])
    out = tmp_path / "out.csv"
    cli("export", "--to", str(out))
    assert out.read_text().splitlines() == exported


def test_a_bad_import_lists_every_bad_row_and_exits_1(cli, tmp_path):
    """Is a file with bad rows refused with each row named, exit code 1 and nothing imported?"""
    _people(cli)
    path = write_csv(tmp_path / "bad.csv", [entry_row(), entry_row(hours="25", date="2024-03-05"), entry_row(learner="Demo X")])
    result = cli("import", str(path), ok=False)
    assert result.exit_code == 1
    assert result.output.startswith("Error: bad.csv: 2 bad row(s)")
    assert "row 3: hours:" in result.output and "row 4: learner:" in result.output
    assert "no entries match" in cli("list").output


@pytest.mark.parametrize("args,fragment", [
    (("add", "--learner", "Demo Learner A", "--date", "2024-03-04", "--hours", "0", "--category", "documentation",
      "--setting", "health_care"), "Error: hours: 0 is zero"),
    (("add", "--learner", "Demo Nobody", "--date", "2024-03-04", "--hours", "1", "--category", "documentation",
      "--setting", "health_care"), "Error: learner: unknown learner 'Demo Nobody'"),
    (("progress", "Demo Nobody"), "Error: unknown learner 'Demo Nobody'"),
    (("person", "add", "Demo Learner A"), "Error: name: 'Demo Learner A' is already in the log"),
    (("approve", "--key", "KEY", "f" * 32), "no such entry"),
    (("report", "Demo Learner A", "--to", "report.pdf"), "ending in .html"),
    (("import", "missing.csv"), "no such file"),
])
def test_library_errors_are_one_clear_message_and_exit_1(cli, args, fragment):
    """Does each refusal print a clear message (no traceback) and exit 1?"""
    _people(cli)
    result = cli(*[str(_key(cli)) if a == "KEY" else a for a in args], ok=False)
    assert result.exit_code == 1, result.output
    assert fragment in result.output and "Traceback" not in result.output


def test_usage_errors_exit_2(cli):
    """Is a missing or contradictory option a usage error (exit 2)?"""
    _people(cli)
    assert cli("add", "--learner", "Demo Learner A", ok=False).exit_code == 2
    assert cli("approve", "--supervisor", "Demo Supervisor Q", ok=False).exit_code == 2


def test_the_log_can_come_from_the_environment(cli, tmp_path):
    """Does CASEKIT_HOURS_DB pick the log when --db is not given?"""
    env_db = tmp_path / "env.sqlite"
    result = cli("person", "add", "Demo Learner E", env={ENV_VAR: str(env_db)})
    assert result.exit_code == 0 and env_db.exists()
    assert "Demo Learner E" in cli("person", "list", env={ENV_VAR: str(env_db)}).output
    own = cli("person", "list", ok=False)  # --db still names its own log, which nothing has started yet
    assert own.exit_code == 1 and "there is no hours log at" in own.output and not (tmp_path / "cli.sqlite").exists()


def test_rules_command_shows_sources_and_checks_a_file(cli, tmp_path):
    """Does `casekit hours rules` show each figure with its source, and refuse a broken file?"""
    out = cli("rules").output
    assert "valid" in out and "hours >= 4,500" in out and "as of 2026-11" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 3\n")  # 2 is the current version; 3 is one the kit does not read
    result = cli("rules", "--file", str(bad), ok=False)
    assert result.exit_code == 1 and "bad.yaml: schema_version" in result.output


def test_signed_sign_off_on_the_command_line(cli, tmp_path):
    """Can a supervisor make a passphrase-protected key, approve with it, and can the log be corrected, verified and exported?"""
    cli("person", "add", "Demo Learner A")
    cli("person", "add", "Demo Supervisor R", "--role", "supervisor")
    key = tmp_path / "r.pem"
    made = cli("keygen", "Demo Supervisor R", "--to", str(key), input="s3cret words\ns3cret words\n").output
    assert "passphrase-protected" in made and "registered Demo Supervisor R's key SHA256:" in made
    body = key.read_text().splitlines()[1]
    assert "PRIVATE KEY" not in made and body not in made  # private key material is never printed
    out = cli("add", "--learner", "Demo Learner A", "--date", "2024-03-04", "--hours", "3", "--category",
              "documentation", "--setting", "school", "--supervisor", "Demo Supervisor R").output
    entry = re.search(r"entry ([0-9a-f]{32})", out).group(1)
    wrong = cli("approve", "--key", str(key), entry, input="not it\n", ok=False)
    assert wrong.exit_code == 1 and "wrong passphrase" in wrong.output and "Traceback" not in wrong.output
    assert "approved 1 entry, signed with key SHA256:" in cli("approve", "--key", str(key), entry,
                                                              input="s3cret words\n").output
    month = cli("summary", "sign", "Demo Learner A", "--month", "2024-13", "--key", str(key), ok=False)
    assert month.exit_code == 1 and "'2024-13' is not a month" in month.output
    assert "Passphrase" not in month.output  # a mistyped month is named before the passphrase is asked for
    fix = cli("correct", entry, "--hours", "2.5", "--note", "half an hour was a break").output
    fixed = re.search(r"correction ([0-9a-f]{32})", fix).group(1)
    cli("approve", "--key", str(key), "--all", input="s3cret words\n")
    assert "OK: every signature and the audit chain hold" in cli("verify").output
    assert "2.50 h counting" in cli("verify", "Demo Learner A").output
    signed = tmp_path / "a.json"
    assert "2 verified approvals" in cli("export", "--signed", str(signed), "--learner", "Demo Learner A").output
    assert fixed in signed.read_text()
    alone = cli("verify", "--file", str(signed), ok=False)  # self-consistent, but no key was given to check it with
    assert alone.exit_code == 3 and "NOT CHECKED AGAINST A TRUSTED KEY" in alone.output
    assert "OK: every signature was made with a key you trust" in cli("verify", "--file", str(signed), "--trust",
                                                                      str(key.with_suffix(".pub"))).output
    assert "Demo Supervisor R  SHA256:" in cli("keys", "list").output
    assert cli("export", "--signed", str(signed), ok=False).exit_code == 2
    bad = cli("keys", "register", "Demo Supervisor R", str(tmp_path / "missing.pub"), ok=False)
    assert bad.exit_code == 1 and "no such file" in bad.output
    assert cli("approve", "--all", ok=False).exit_code == 2  # no key given


def test_db_may_follow_the_command_and_keys_live_beside_the_log_it_names(tmp_path, monkeypatch):
    """Is `--db X` honoured after the subcommand as before it, and does keygen write the key for a log named with
    --db beside that log (not into the user's config folder), where approve then finds it without --key?"""
    config = tmp_path / "config"
    monkeypatch.setattr("platformdirs.user_config_dir", lambda *a, **k: str(config))
    db = tmp_path / "team.sqlite"
    runner = CliRunner()

    def run(*args):
        result = runner.invoke(hours, list(args))
        assert result.exit_code == 0, result.output
        return result.output

    run("person", "add", "Demo Supervisor Q", "--role", "supervisor", "--db", str(db))
    run("person", "add", "--db", str(db), "Demo Learner A")
    made = run("keygen", "Demo Supervisor Q", "--no-passphrase", "--db", str(db))
    key = tmp_path / "team-keys" / "demo-supervisor-q.pem"
    assert f"wrote private key {key}" in made and key.is_file() and key.with_suffix(".pub").is_file()
    assert not config.exists()  # nothing written to the config folder for a log named with --db
    run("add", "--learner", "Demo Learner A", "--date", "2024-03-04", "--hours", "2", "--category", "documentation",
        "--setting", "school", "--supervisor", "Demo Supervisor Q", "--db", str(db))
    assert "approved 1 entry" in run("approve", "--supervisor", "Demo Supervisor Q", "--all", "--db", str(db))
    assert "Demo Learner A" in run("--db", str(db), "person", "list")
    # The later --db wins, and the environment is overridden by either place.
    other = tmp_path / "other.sqlite"
    run("person", "add", "Demo Learner O", "--db", str(other))
    result = runner.invoke(hours, ["person", "list", "--db", str(other)], env={ENV_VAR: str(db)})
    assert result.exit_code == 0 and "Demo Learner O" in result.output and "Demo Learner A" not in result.output


def test_why_explains_every_entry_on_every_route(cli):
    """Does `casekit hours why` say, per entry and route, that it counts, counts once approved, or why not (unpaid,
    a setting the route does not accept), and refuse an unknown entry id?"""
    _people(cli)

    def log(*extra):
        out = cli("add", "--learner", "Demo Learner A", "--date", "2024-03-04", "--hours", "3", "--category",
                  "care_coordination", "--setting", "school", "--supervisor", "Demo Supervisor Q", *extra).output
        return re.search(r"entry ([0-9a-f]{32})", out).group(1)

    paid, unpaid = log(), log("--unpaid")
    why = cli("why", "Demo Learner A", paid, "--as-of", "2024-06-03").output
    assert why.splitlines()[0].startswith("2024-03-04 3.00 h care coordination, school, supervised by "
                                          "Demo Supervisor Q [pending]")
    assert "CDMS route experience: does not count: setting 'school' does not count (only disability management)" in why
    assert "C-SWCM route experience: counts once approved" in why
    assert "C-SWCM route experience: does not count: unpaid" in cli("why", "Demo Learner A", unpaid).output
    assert paid in cli("why", "Demo Learner A").output and unpaid in cli("why", "Demo Learner A").output
    bad = cli("why", "Demo Learner A", "f" * 32, ok=False)
    assert bad.exit_code == 1 and f"entry {'f' * 32}: not an entry of Demo Learner A" in bad.output


@pytest.mark.parametrize("typed,said", [
    ("2026-11-31", "'2026-11-31' is not a day on the calendar (day is out of range for month)"),
    ("2026-02-29", "'2026-02-29' is not a day on the calendar"),
    ("11/30/2026", "'11/30/2026' is not a date; write it as YYYY-MM-DD"),
])
def test_a_date_that_is_not_a_day_is_named_as_such(cli, typed, said):
    """Is a day the calendar lacks told apart from a date written the wrong way, and nothing logged?"""
    cli("person", "add", "Demo Learner A")
    result = cli("add", "--learner", "Demo Learner A", "--date", typed, "--hours", "3", "--category", "documentation",
                 "--setting", "school", ok=False)
    assert result.exit_code == 2 and said in result.output
    assert "Demo Learner A" not in cli("list").output


def test_what_was_stored_and_why_nothing_happened_are_said(cli, tmp_path):
    """Does add echo the hours as stored, person add flag a credential no rule knows, and approve --all say why it
    approved nothing?"""
    cli("person", "add", "Demo Learner A")
    made = cli("person", "add", "Demo Supervisor R", "--role", "supervisor", "--credential", "LCWS")
    assert "no credential rule names 'LCWS', so it opens no route; did you mean LCSW?" in made.output
    cli("person", "add", "Demo Supervisor Q", "--role", "supervisor", "--credential", "CCM")
    assert "no credential rule" not in cli("person", "add", "Demo Supervisor P", "--role", "supervisor",
                                           "--credential", "lcsw").output
    logged = cli("add", "--learner", "Demo Learner A", "--date", "2024-03-04", "--hours", "7:30", "--category",
                 "documentation", "--setting", "school", "--supervisor", "Demo Supervisor Q").output
    assert "logged 7.50 h (7:30) for Demo Learner A on 2024-03-04" in logged
    key = tmp_path / "r.pem"
    cli("keygen", "Demo Supervisor R", "--to", str(key), "--no-passphrase")
    none = cli("approve", "--key", str(key), "--supervisor", "Demo Supervisor R", "--all")
    assert "approved 0 entries" in none.output
    assert "none of the 1 pending entries is yours to approve (1 name Demo Supervisor Q)" in none.output
