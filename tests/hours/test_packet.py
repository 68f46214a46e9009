"""Signed monthly summaries and the application packet, end to end from the CLI, checked by verify --file."""

from __future__ import annotations

import re

from click.testing import CliRunner

from casekit.cli.hours import hours


def test_cli_empty_log_to_signed_verified_packet(tmp_path):
    """From an empty log: people, key, hours, approval, a signed monthly summary and a CCM packet (HTML and PDF)
    that `verify --file` checks; and is an edited summary figure in the export caught?"""
    db = str(tmp_path / "log.sqlite")
    r = CliRunner()

    def run(*a, code=0):
        out = r.invoke(hours, [*a, "--db", db])
        assert out.exit_code == code, out.output
        return out.output

    run("person", "add", "Demo Supervisor S", "--role", "supervisor", "--credential", "CCM")
    run("person", "add", "Demo Learner L", "--degree", "bachelor", "--field", "nursing", "--credential", "RN")
    run("keygen", "Demo Supervisor S", "--no-passphrase")
    for day, cat, h in (("2026-11-02", "care_coordination", "7"), ("2026-11-03", "supervision_individual", "1"),
                        ("2026-11-04", "supervision_group", "2")):
        run("add", "--learner", "Demo Learner L", "--date", day, "--hours", h, "--category", cat, "--setting",
            "health_care", "--supervisor", "Demo Supervisor S")
    run("approve", "--supervisor", "Demo Supervisor S", "--all")
    signed = run("summary", "sign", "Demo Learner L", "--month", "2026-11", "--supervisor", "Demo Supervisor S")
    assert "10.00 h, supervision 3.00 h (30%), 2 contact(s)" in signed
    bad = run("summary", "sign", "Demo Learner L", "--month", "2026-13", "--supervisor", "Demo Supervisor S", code=1)
    assert "month: '2026-13' is not a month" in bad
    again = run("summary", "sign", "Demo Learner L", "--month", "2026-11", "--supervisor", "Demo Supervisor S", code=1)
    assert "already signed Demo Learner L's summary with these figures" in again
    assert run("summary", "list", "Demo Learner L").count("2026-11") == 1
    out = run("packet", "Demo Learner L", "--credential", "CCM", "--to", str(tmp_path / "p.html"))
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    page = (tmp_path / "p.html").read_text()
    assert "Case management employment experience" in page and "Monthly supervision summaries (signed)" in page
    for f in ("p.html", "p.pdf"):
        checked = r.invoke(hours, ["verify", "--file", str(tmp_path / f)])
        assert checked.exit_code == 3 and "FAIL" not in checked.output, checked.output  # 3: no --trust given
    export = tmp_path / "l.json"
    run("export", "--signed", str(export), "--learner", "Demo Learner L")
    export.write_text(re.sub(r'"supervision_minutes": 180', '"supervision_minutes": 600', export.read_text()))
    edited = r.invoke(hours, ["verify", "--file", str(export)])
    assert edited.exit_code == 1 and "monthly summary 2026-11 by Demo Supervisor S" in edited.output
    assert "wrote" in out
