"""The dashboard's monthly summary and application packet (on the Sign off tab), so a supervisor needs no terminal.

"Sign monthly summary" signs the selected supervisee's summary for a month with the key in
"Key file", as ``casekit hours summary sign`` does; "Write application packet" writes the
packet for a credential as HTML and PDF into the reports folder beside the notebook, as
``casekit hours packet`` does, and shows where, with the command that checks it.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import ipywidgets as W

from casekit.errors import CasekitError
from casekit.hours.trust.signing_keys import load_signing_key
from casekit.hours.views.packet import load_forms, write_packet
from casekit.hours.trust.summaries import sign_summary, summaries_for, summaries_text
from casekit.hours.views.widgetstyle import FIELD, LABEL, block, button_layout


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "learner"


class ApplyPanel:
    """Sign a month's supervision summary; write the application packet for a credential."""

    def __init__(self, board):
        self.board = board
        today = board.today or date.today()
        self.month = W.Text(value=today.strftime("%Y-%m"), description="Month", placeholder="YYYY-MM", style=LABEL)
        self.sign_button = W.Button(description="Sign monthly summary", icon="pencil", layout=button_layout(),
                                    tooltip="Sign the supervisee's hours, supervision and contacts for the month "
                                            "with your key (the Key file above)")
        self.summaries = W.HTML(layout=W.Layout(width="100%"))
        self.credential = W.Dropdown(options=[], description="Credential", style=LABEL, layout=W.Layout(**FIELD))
        self.packet_button = W.Button(description="Write application packet", icon="file-pdf-o",
                                      layout=button_layout(),
                                      tooltip="Write the packet (HTML and PDF) into the reports folder beside "
                                              "this notebook")
        self.written = W.HTML(layout=W.Layout(width="100%"))
        self.last_packet: tuple[Path, Path] | None = None
        self.sign_button.on_click(lambda _b: board._run(self.sign))
        self.packet_button.on_click(lambda _b: board._run(self.write))
        self.widget = W.VBox([
            W.HTML(block("<b>Monthly supervision summary</b> <small>The month's hours, supervision hours and their "
                         "share, individual and group, and contacts, from the approved entries naming you; signed "
                         "with your key like an approval and checked by <code>casekit hours verify</code>.</small>")),
            W.HBox([self.month, self.sign_button]), self.summaries,
            W.HTML(block("<b>Application packet</b> <small>For the chosen credential, the employment and supervision "
                         "tables in the body's shape, its totals and your credentials, as HTML and PDF; both carry "
                         "the signed log, so anyone can check them.</small>")),
            W.HBox([self.credential, self.packet_button]), self.written], layout=W.Layout(width="100%"))

    def update(self) -> None:
        """Offer the supervisee's credentials that have a packet shape; list their signed summaries."""
        b = self.board
        if b.progress is None or b.signed_log is None:
            self.credential.options = []
            self.summaries.value = "<i>No supervisee with entries yet.</i>"
            return
        shaped = {c for form in load_forms().packets.values() for c in form.credentials}
        options = [(c.name, c.short) for c in b.progress.credentials if c.short in shaped]
        keep = self.credential.value
        self.credential.options = options
        if keep in [v for _, v in options]:
            self.credential.value = keep
        rows = summaries_for(b.signed_log, b.verification)
        self.summaries.value = f"<pre>{html.escape(summaries_text(rows, b.signed_log.learner))}</pre>"

    def sign(self, month: str | None = None) -> dict:
        """Sign the selected supervisee's summary for ``month`` (default: the Month box) as the supervisor."""
        b = self.board
        learner = b._need_learner()
        month = (month or self.month.value or "").strip()
        if not b.key_file.value.strip():
            raise CasekitError("Key file: give your private key file (no key yet? press Make my key, once)")
        key = load_signing_key(b.key_file.value.strip(), b.passphrase.value or None)
        b.passphrase.value = ""
        stmt = sign_summary(b.store, learner, month, key=key, supervisor=b.supervisor.value)
        share = stmt["supervision_minutes"] / stmt["minutes"] if stmt["minutes"] else 0
        print(f"Signed {stmt['learner']}'s summary for {stmt['month']} as {stmt['supervisor']}: "
              f"{stmt['minutes'] / 60:,.2f} h, supervision {stmt['supervision_minutes'] / 60:,.2f} h ({share:.0%}), "
              f"{stmt['contacts']} contact(s). Key {stmt['key']}.")
        b.refresh()
        return stmt

    def write(self, credential: str | None = None) -> tuple[Path, Path]:
        """Write the packet for ``credential`` (default: the chosen one) into the reports folder; return both paths."""
        b = self.board
        learner = b._need_learner()
        credential = credential or self.credential.value
        if not credential:
            raise CasekitError("Credential: choose the credential to apply for (log and approve hours first)")
        b.reports.mkdir(parents=True, exist_ok=True)
        to = b.reports / f"packet-{_slug(learner)}-{_slug(credential)}.html"
        html_path, pdf_path = write_packet(b.store, learner, credential, to, rules=b.rules, as_of=b.today,
                                           full_time_hours=b.full_time.value)
        self.last_packet = (html_path, pdf_path)
        from casekit.hours.views.report_links import report_link

        links = [report_link(p) for p in (html_path, pdf_path)]
        shown = []
        for link in links:
            if link.href:
                href = html.escape(link.href, quote=True)
                shown.append(f'<a href="{href}" target="_blank">{href}</a>')
            else:
                shown.append(f"<code>{html.escape(str(link.path))}</code>")
        self.written.value = block(
            f"Packet written: {shown[0]} and {shown[1]} <small>(folder <code>{html.escape(str(html_path.parent))}"
            "</code>; also in the JupyterLab file browser). Anyone can check it: <code>casekit hours verify --file "
            f"{html.escape(str(html_path))}</code></small>")
        print(f"Packet written: {html_path} and {pdf_path}")
        return html_path, pdf_path
