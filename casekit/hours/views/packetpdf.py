"""The application packet as PDF, made with fpdf2, carrying the signed log as an attached file.

The PDF holds the same tables as the HTML packet (:mod:`casekit.hours.packet`). The signed
log is attached to it as ``signed-log.json`` (a PDF embedded file, stored uncompressed), so
``casekit hours verify --file PACKET.pdf`` finds and checks it without any PDF library:
:func:`signed_json_from_pdf` reads it back. A PDF rewritten by another program may
compress the attachment; verify then says so and asks for the HTML packet or the JSON.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from fpdf import FPDF
from fpdf.fonts import FontFace

from casekit.hours.errors import SignedFileError
from casekit.hours.views.packet_words import degree_words, setting_words, verification_line

if TYPE_CHECKING:
    from casekit.hours.views.packet import Packet

ATTACHMENT = "signed-log.json"
_MARK = b'{"format": "casekit-hours-signed-log"'


def _font_files() -> tuple[Path, Path]:
    """DejaVu Sans (regular, bold), which matplotlib ships: every name in the log prints, not only Latin-1."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


def _table(pdf: FPDF, head: list[str], rows: list[list[str]], widths: tuple[int, ...] | None = None) -> None:
    with pdf.table(col_widths=widths, headings_style=FontFace(emphasis="BOLD", fill_color=(240, 240, 240)),
                   line_height=5.5, text_align="LEFT", first_row_as_headings=True) as table:
        for row in [head] + (rows or [["none"] + [""] * (len(head) - 1)]):
            r = table.row()
            for cell in row:
                r.cell(str(cell))
    pdf.ln(3)


def _heading(pdf: FPDF, text: str) -> None:
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)


def packet_pdf(p: Packet, signed_json: str, to: str | os.PathLike) -> Path:
    """Write the packet ``p`` as a PDF to ``to`` with ``signed_json`` attached; return the path."""
    regular, bold = _font_files()
    pdf = FPDF(format="A4")
    pdf.set_title(f"{p.form.title}: {p.learner.get('name')}")
    pdf.set_author("casekit hours")
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(0, 8, p.form.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    cp, rp, learner = p.credential, p.route, p.learner
    degree = degree_words(learner)
    state = "met" if rp.met else (f"projected {rp.projected.isoformat()}" if rp.projected else "not yet met")
    for line in (f"{cp.name}, {cp.body}. Route: {rp.route.label}.",
                 f"Applicant: {learner.get('name')}; degree: {degree}, awarded "
                 f"{learner.get('degree_date') or 'date not recorded'}; credentials held: "
                 f"{', '.join(learner.get('credentials') or []) or 'none recorded'}.",
                 f"Experience as of {p.as_of.isoformat()}: {rp.requirement_text()} ({state}).",
                 verification_line(p)):
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    _heading(pdf, f"What {p.body} asks an applicant to show")
    for a in p.form.asks:
        pdf.multi_cell(0, 5, f"- {a}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    _heading(pdf, p.form.experience)
    _table(pdf, ["setting", "supervisor", "from", "to", "hours", "h/week", "full-time weeks"],
           [[setting_words(x.setting), x.supervisor or "-", x.first.isoformat(), x.last.isoformat(), f"{x.hours:,.1f}",
             f"{x.hours_per_week:,.1f}", f"{x.full_time_weeks:,}"] for x in p.periods], (30, 34, 22, 22, 18, 16, 22))
    _heading(pdf, f"Totals in {p.body}'s categories")
    _table(pdf, ["category", "approved hours counted"],
           [[k, f"{h:,.1f}"] for k, h in p.totals] + [["total", f"{p.counted_hours:,.1f}"]], (110, 50))
    pdf.multi_cell(0, 5, f"{p.pending_hours:,.1f} h more are logged for this route but wait for a supervisor's "
                         "approval; they are not in these totals.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    labels = [k for k, _ in p.totals]
    _heading(pdf, "By month")
    _table(pdf, ["month"] + labels + ["total"],
           [[m] + [f"{h:,.1f}" for h in hs] + [f"{sum(hs):,.1f}"] for m, hs in p.months])
    _heading(pdf, p.form.supervision)
    _table(pdf, ["supervisor", "credentials", "period", "hours supervised", "supervision received", "signing key"],
           [[s.name, ", ".join(s.credentials) or "none recorded", f"{s.first.isoformat()} to {s.last.isoformat()}",
             f"{s.hours:,.1f}", f"{s.supervision_hours:,.1f}", ", ".join(s.keys) or "-"] for s in p.supervisors],
           (30, 24, 30, 20, 22, 54))
    if p.summaries:
        _heading(pdf, "Monthly supervision summaries (signed)")
        _table(pdf, ["month", "hours", "supervision", "share", "individual", "group", "contacts", "signed by"],
               [[s["month"], f"{s['hours']:,.1f}", f"{s['supervision_hours']:,.1f}", f"{s['supervision_share']:.0%}",
                 f"{s['individual_hours']:,.1f}", f"{s['group_hours']:,.1f}", f"{s['contacts']:,}", s["supervisor"]]
                for s in p.summaries])
    _heading(pdf, "Supervisor attestation")
    pdf.multi_cell(0, 5, p.form.attestation, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    _table(pdf, ["supervisor", "credentials", "signature", "date"],
           [[s.name, ", ".join(s.credentials), "\n", ""] for s in p.supervisors] or [["", "", "\n", ""]], (45, 35, 70, 30))
    pdf.set_font("DejaVu", "", 8)
    pdf.multi_cell(0, 4, f"Shape of this packet: the kit's reading of {p.form.source} (as of {p.form.as_of}); the body's "
                         f"current application decides what it needs. Made {p.made_at} by casekit. The signed log is "
                         f"attached to this PDF as {ATTACHMENT}: check it with casekit hours verify --file THIS.pdf "
                         "--trust SUPERVISOR.pub.", new_x="LMARGIN", new_y="NEXT")
    pdf.embed_file(bytes=signed_json.encode("ascii"), basename=ATTACHMENT, mime_type="application/json",
                   desc="casekit signed hours log (entries, signatures, keys, audit chain)", compress=False)
    to = Path(to)
    pdf.output(str(to))
    return to


def signed_json_from_pdf(data: bytes, where: str) -> dict:
    """The signed log attached to a packet PDF, or :class:`SignedFileError` saying why it cannot be read."""
    at = data.find(_MARK)
    if at < 0:
        raise SignedFileError(f"{where}: this PDF carries no readable signed log (it was not made by casekit hours "
                              "packet, or another program rewrote it and compressed the attachment); check the HTML "
                              "packet or the signed export (.json) instead")
    end = data.find(b"endstream", at)
    try:
        return json.loads(data[at : end if end > 0 else len(data)].decode("ascii").strip())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SignedFileError(f"{where}: the signed log attached to this PDF is damaged ({exc}); the file was "
                              "edited or truncated") from None
