"""Does an application packet's page say what its signed log says?

A packet (:mod:`casekit.hours.views.packet`) carries the signed log it was made from, and
verify checks that log. A board reader, though, reads the page: its totals, its months,
its supervisors' hours and its "met" statement. Anyone holding the file can edit that text
and leave the signed log alone, so the page itself is checked too: the packet is made
again from the signed log (the credential, route, as-of date and full-time setting the
file records), and every line and table cell of the two pages is compared. Only the
moment the packet was made and the kit's version are left out; everything else a page
shows follows from the signed log and this kit's rules and packet shapes.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from casekit.hours.trust.signedlog import SignedLog, Verification

_MADE = re.compile(r"Made \d{4}-\d\d-\d\d \d\d:\d\d UTC by casekit \S+?\.")
_BLOCKS = {"p", "li", "h1", "h2", "h3"}


@dataclass(frozen=True)
class PageText:
    """One piece of a page's visible text: where it is (for a person to find it) and what it says."""

    place: str
    text: str


class _Reader(HTMLParser):
    """The visible text of a packet page: each line of a paragraph, list item or heading, and each table cell
    named by its table's heading, row and column."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[PageText] = []
        self.skip = 0  # inside <head>, <script> or <style>
        self.heading = "the top of the page"
        self.paragraphs = 0  # paragraphs and list items under the heading so far
        self.buf: list[str] | None = None  # the text of the open block or cell
        self.tag = ""
        self.rows: list[list[str]] | None = None
        self.row: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("head", "script", "style"):
            self.skip += 1
        elif self.skip:
            return
        elif tag == "table":
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.buf = []
        elif tag in _BLOCKS and self.rows is None:
            self.buf, self.tag = [], tag
        elif tag == "br" and self.buf is not None:
            self.buf.append("\n")

    def handle_endtag(self, tag):
        if tag in ("head", "script", "style"):
            self.skip = max(self.skip - 1, 0)
        elif self.skip:
            return
        elif tag in ("td", "th") and self.row is not None and self.buf is not None:
            self.row.append(_clean("".join(self.buf)))
            self.buf = None
        elif tag == "tr" and self.rows is not None and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        elif tag == "table" and self.rows is not None:
            self._table(self.rows)
            self.rows = None
        elif tag == self.tag and self.buf is not None:
            text = "".join(self.buf)
            if tag.startswith("h"):
                self.heading, self.paragraphs = _clean(text), 0
                self.out.append(PageText(f"the heading {self.heading!r}", self.heading))
            else:
                self.paragraphs += 1
                what = "paragraph" if tag == "p" else "list item"
                lines = [x for x in (_clean(s) for s in text.split("\n")) if x]
                for i, line in enumerate(lines):
                    at = f", line {i + 1}" if len(lines) > 1 else ""
                    self.out.append(PageText(f"{what} {self.paragraphs} under {self.heading!r}{at}", line))
            self.buf, self.tag = None, ""

    def handle_data(self, data):
        if not self.skip and self.buf is not None:
            self.buf.append(data)

    def _table(self, rows: list[list[str]]) -> None:
        head = rows[0] if rows else []
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                column = head[c] if c < len(head) and r > 0 else None
                what = (f"the header, column {c + 1}" if r == 0 else
                        f"row {r} ({row[0] or 'blank'})" + (f", column {column!r}" if column and c else ""))
                self.out.append(PageText(f"table under {self.heading!r}: {what}", cell))


def _clean(text: str) -> str:
    return _MADE.sub("Made (when) by casekit.", " ".join(text.split()))


def page_text(page: str) -> list[PageText]:
    """Every line and table cell a packet page shows, in order (the made-at moment and kit version masked)."""
    reader = _Reader()
    reader.feed(page)
    reader.close()
    return reader.out


def packet_differences(page: str, log: SignedLog, verification: Verification) -> list[str]:
    """Where the packet ``page`` (its HTML) differs from the packet its signed ``log`` gives; empty: they agree.

    Each difference names the line or cell, what the page shows and what the signed log gives.
    """
    expected = page_text(expected_packet_html(log, verification))
    return compare_text(page_text(page), expected)


def expected_packet_html(log: SignedLog, verification: Verification) -> str:
    """The packet page the signed ``log`` gives, made as :func:`casekit.hours.views.packet.write_packet` made it."""
    from casekit.hours.trust.summaries import summaries_for
    from casekit.hours.views.packet import build_packet, packet_html
    from casekit.hours.views.signed_export import progress_from_signed

    made = log.measured.get("packet") or {}
    lp = progress_from_signed(log, verification)
    summaries = [s for s in summaries_for(log, verification) if s["verified"]]
    packet = build_packet(lp, verification, log, str(made.get("credential")), made.get("route"), summaries=summaries)
    return packet_html(packet, "")


def compare_text(shown: list[PageText], expected: list[PageText]) -> list[str]:
    """The differences between two pages' texts, each named by its place on the page expected."""
    a, b = [x.text for x in shown], [x.text for x in expected]
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            out += [f"{expected[j].place}: the page shows {a[i]!r}, the signed log gives {b[j]!r}"
                    for i, j in zip(range(i1, i2), range(j1, j2))]
            continue
        for i in range(i1, i2):
            near = expected[min(j1, len(expected) - 1)].place if expected else "the page"
            out.append(f"near {near}: the page shows {a[i]!r}, which the signed log does not give")
        for j in range(j1, j2):
            out.append(f"{expected[j].place}: the page does not show {b[j]!r}, which the signed log gives")
    return out
