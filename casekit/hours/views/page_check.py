"""Does a page that carries a signed log (a progress report or an application packet) show what the log gives?

Verify checks the signed log inside the file; a reader reads the page around it. This
module compares the two for ``casekit hours verify --file``: the page is made again from
its signed log and compared line by line and cell by cell (a packet:
:mod:`casekit.hours.views.packet_check`; a report:
:func:`casekit.hours.views.progress_report.report_differences`, and the approved hours per
credential its verification section shows). A page whose figures cannot be found is not
taken as matching: they were cut out, or the page is not one casekit wrote. A page whose
signed log does not verify is not compared: it cannot be made again from a log that does
not hold, and the failures are what to look at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from casekit.hours.trust.signedlog import SignedLog, Verification


@dataclass
class PageCheck:
    """What was compared (``kind``), what differs, and whether the page's text was compared at all."""

    kind: str  # "application packet", "progress report", "PDF application packet" or "signed export"
    differences: list[str] = field(default_factory=list)
    compared: bool = True  # False: the page's text was not compared (see why_not)
    why_not: str = ""

    @property
    def ok(self) -> bool:
        return not self.differences

    def to_text(self) -> str:
        """What the comparison found, to print after the recomputed figures ("" for a signed export)."""
        if self.kind == "signed export":
            return ""
        if not self.compared and self.why_not:
            return f"The {self.kind}'s text is NOT COMPARED with its signed log: {self.why_not}."
        if not self.compared:
            return ("The PDF's printed text is NOT COMPARED with its signed log (casekit cannot read a PDF's text back): "
                    "the figures above are the ones the signed log gives; check the HTML packet made with it "
                    "(casekit hours verify --file PACKET.html compares every line and cell) or compare by eye.")
        if self.kind == "progress report":  # the report's figures, as verify has always worded them
            return "Figures shown in the report: " + (
                "they match the ones recomputed above, and every other line and cell matches the report its signed "
                "log gives (made again from it by this casekit)" if self.ok else
                "they DIFFER from the ones recomputed above or from the report its signed log gives (the report was "
                "edited):\n  " + "\n  ".join(self.differences))
        if self.ok:
            return (f"The {self.kind}'s text: every line and cell matches the {self.kind} its signed log gives "
                    "(made again from it by this casekit).")
        return (f"The {self.kind}'s text differs from the {self.kind} its signed log gives in {len(self.differences)} "
                "place(s):\n  " + "\n  ".join(self.differences))

    def failed_line(self) -> str:
        """The closing FAILED line when the page differs from its signed log ("" when it does not)."""
        if self.ok:
            return ""
        if self.kind == "progress report":
            return ("FAILED: the figures this report shows are not the ones its signed log gives; trust the "
                    "recomputed figures above, not the page")
        return ("FAILED: the page's text does not match its signed log (it was edited after it was made); trust the "
                "recomputed figures above, not the page")


def check_page(path: Path, log: SignedLog, verification: Verification, recomputed) -> PageCheck:
    """Compare the page at ``path`` with its signed ``log`` (checked as ``verification``; ``recomputed``: the
    progress recomputed from it). A signed export (.json) has no page: nothing to compare."""
    suffix = path.suffix.lower()
    is_packet = bool(log.measured.get("packet"))
    if suffix == ".pdf":
        return PageCheck("PDF application packet", compared=False)
    if suffix not in (".html", ".htm"):
        return PageCheck("signed export")
    text = path.read_text(encoding="utf-8")
    if not verification.ok:
        return PageCheck("application packet" if is_packet else "progress report", compared=False,
                         why_not="its signed log does not verify (see the FAIL lines above), so the page cannot be made "
                                 "again from it; whether the page was also edited is not known")
    if is_packet:
        from casekit.hours.views.packet_check import packet_differences

        return PageCheck("application packet", packet_differences(text, log, verification))
    from casekit.hours.views.progress_report import compare_shown, shown_figures

    shown = shown_figures(text)
    if not shown:
        return PageCheck("page", ["the page shows no figures casekit can compare with its signed log (a report's "
                                  "approved hours per credential, or a packet's record of its credential and route, "
                                  "were cut out; or casekit did not write this page): trust only the figures "
                                  "recomputed above"])
    from casekit.hours.views.progress_report import report_differences

    return PageCheck("progress report", compare_shown(shown, recomputed) + report_differences(text, log, verification))
