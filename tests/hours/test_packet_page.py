"""An application packet's visible text is checked against the signed log it carries, as a board reader relies on."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from casekit.cli.hours import hours as hours_cli
from casekit.hours.views.packet import write_packet
from casekit.hours.views.signed_export import SCRIPT_ID

from .helpers import five_signed_days, key_for

A, Q, R = "Demo Learner A", "Demo Supervisor Q", "Demo Supervisor R"


@pytest.fixture
def packet(store, people, tmp_path):
    """Demo Learner A's C-SWCM packet (four approved days by Q and R, one pending); returns (HTML path, --trust args)."""
    five_signed_days(store, A, (Q, R))
    html_path, _pdf = write_packet(store, A, "C-SWCM", tmp_path / "packet.html")
    trust = []
    for who in (Q, R):
        trust += ["--trust", str(key_for(store, who).path.with_suffix(".pub"))]
    return html_path, trust


def _verify(path, trust):
    return CliRunner().invoke(hours_cli, ["verify", "--file", str(path), *trust])


def _edit(path, old: str, new: str, count: int = 1):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_a_packet_the_kit_wrote_verifies_with_its_page_text(packet):
    """Does a packet just written pass verify --file --trust, saying every line and cell matches its signed log?"""
    path, trust = packet
    result = _verify(path, trust)
    assert result.exit_code == 0, result.output
    assert "every line and cell matches the application packet its signed log gives" in result.output
    assert "OK: every signature was made with a key you trust" in result.output


def test_a_raised_total_in_the_packet_fails_naming_the_cell(packet):
    """Is a raised total hours cell named (table, row, column, shown and recomputed) and does verify exit 1?"""
    path, trust = packet
    text = path.read_text(encoding="utf-8")
    totals = text[text.index("<h2>Totals in"):]
    cell = re.search(r"<td class='num'>([\d,.]+)</td>", totals)
    assert cell is not None
    _edit(path, totals[:cell.end()], totals[:cell.start()] + "<td class='num'>4,500.0</td>")
    result = _verify(path, trust)
    assert result.exit_code == 1, result.output
    assert "FAILED: the page's text does not match its signed log" in result.output
    assert "OK:" not in result.output
    assert (f"column 'approved hours counted': the page shows '4,500.0', the signed log gives '{cell.group(1)}'"
            in result.output)
    assert "table under \"Totals in" in result.output


def test_a_changed_met_statement_fails(packet):
    """Is the packet's 'Experience as of ...: ... (not yet met)' line turned into '(met)' caught and named?"""
    path, trust = packet
    _edit(path, "(not yet met).</p>", "(met).</p>")
    result = _verify(path, trust)
    assert result.exit_code == 1, result.output
    shown = re.search(r"the page shows '(Experience as of [^']*\(met\)\.)', the signed log gives '([^']*)'", result.output)
    assert shown is not None, result.output
    assert shown.group(2).endswith("(not yet met).")


@pytest.mark.parametrize("what, old, new", [
    ("a supervisor's credentials", "<td>Demo Supervisor Q</td><td>CCM, LCSW</td>", "<td>Demo Supervisor Q</td><td>CCM, LCSW, LISW</td>"),
    ("a period's first day", "<td>2024-03-04</td>", "<td>2023-03-04</td>"),
    ("a month's row", "<tr><td>2024-03</td>", "<tr><td>2023-03</td>"),
    ("the pending hours", "6.0 h more are logged", "0.0 h more are logged"),
    ("an added row", "</table>", "<tr><td>total</td><td class='num'>4,500.0</td></tr></table>"),
])
def test_any_edited_figure_on_the_page_fails(packet, what, old, new):
    """Does an edit to any line or cell the signed log decides (credentials, dates, months, pending hours, an added
    row) fail verify, naming what the page shows?"""
    path, trust = packet
    _edit(path, old, new)
    result = _verify(path, trust)
    assert result.exit_code == 1, (what, result.output)
    assert "the page's text does not match its signed log" in result.output


def test_a_packet_whose_record_of_its_route_was_cut_out_is_not_taken_as_matching(packet):
    """With the packet's credential and route removed from the embedded log (so it cannot be made again), does
    verify refuse to call the page checked rather than pass it?"""
    path, trust = packet
    text = path.read_text(encoding="utf-8")
    start = text.index(f'id="{SCRIPT_ID}">') + len(f'id="{SCRIPT_ID}">')
    end = text.index("</script>", start)
    data = json.loads(text[start:end])
    del data["measured"]["packet"]
    path.write_text(text[:start] + json.dumps(data).replace("<", "\\u003c") + text[end:], encoding="utf-8")
    result = _verify(path, trust)
    assert result.exit_code == 1, result.output
    assert "the page shows no figures casekit can compare with its signed log" in result.output


def test_the_pdf_packet_says_its_printed_text_was_not_compared(packet):
    """Does verify on the PDF say plainly that its printed figures were not compared (casekit cannot read them)?"""
    path, trust = packet
    result = _verify(path.with_suffix(".pdf"), trust)
    assert "The PDF's printed text is NOT COMPARED with its signed log" in result.output, result.output
