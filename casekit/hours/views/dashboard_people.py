"""The dashboard's People tab and key maker: what a supervisor on a new, empty log does first.

Adding a learner or a supervisor and making a supervisor's signing key are the two steps
that used to need the terminal. Both call the same library functions as ``casekit hours
person add`` and ``casekit hours keygen``, and write the key where keygen would for this
log (:func:`casekit.hours.keys.default_key_path`), so the terminal and the dashboard find
the same key.
"""

from __future__ import annotations

import html
from datetime import date

import ipywidgets as W

from casekit.errors import CasekitError
from casekit.hours.trust.signing_keys import default_key_path, keygen
from casekit.hours.storage.models import DEGREE_FIELDS, DEGREE_LEVELS
from casekit.hours.log.people import add_person, list_people, update_person
from casekit.hours.views.widgetstyle import FIELD as _FIELD
from casekit.hours.views.widgetstyle import LABEL as _LABEL
from casekit.hours.views.widgetstyle import button_layout as _button_layout


class PeoplePanel:
    """Add a learner or a supervisor (name, role, degree, degree date, credentials) and list who is in the log."""

    def __init__(self, board):
        self.board = board
        self.name = W.Text(description="Name", placeholder="e.g. Sam Okafor (no client names)", style=_LABEL,
                           layout=W.Layout(**_FIELD))
        self.role = W.Dropdown(options=[("learner (logs hours)", "learner"), ("supervisor (approves hours)", "supervisor"),
                                        ("both", "both")], value="learner", description="Role",
                               style=_LABEL, layout=W.Layout(**_FIELD))
        self.degree = W.Dropdown(options=[("(not recorded)", None)] + [(d, d) for d in DEGREE_LEVELS], value=None,
                                 description="Degree", style=_LABEL, layout=W.Layout(**_FIELD))
        self.degree_field = W.Dropdown(options=[("(not recorded)", None)] + [(v, k) for k, v in DEGREE_FIELDS.items()],
                                       value=None, description="Degree field", style=_LABEL, layout=W.Layout(**_FIELD))
        self.degree_date = W.DatePicker(value=None, description="Degree date", style=_LABEL)
        self.credentials = W.Text(description="Credentials", placeholder="licences and certifications, e.g. RN, LCSW, CCM",
                                  style=_LABEL, layout=W.Layout(**_FIELD))
        self.add_button = W.Button(description="Add person", button_style="primary", icon="user-plus",
                                   layout=_button_layout())
        self.listing = W.HTML()
        self.add_button.on_click(lambda _b: board._run(self.add_from_form))
        # Putting a record right (as `casekit hours person update`): a degree date typo, a licence earned since.
        self.who = W.Dropdown(options=[], description="Person", style=_LABEL, layout=W.Layout(**_FIELD))
        self.right_degree_date = W.DatePicker(value=None, description="New degree date", style=_LABEL)
        self.earned = W.Text(description="New credential", placeholder="e.g. LBSW, CCM", style=_LABEL,
                             layout=W.Layout(**_FIELD))
        self.update_button = W.Button(description="Update record", icon="pencil", layout=_button_layout(),
                                      tooltip="Change the chosen person's degree date or add a credential")
        self.update_button.on_click(lambda _b: board._run(self.update_from_form))
        self.widget = W.VBox([
            W.HTML("<b>Add a learner or a supervisor</b> (fictional names in practice; never a client)"),
            self.name, self.role, self.degree, self.degree_field, self.degree_date, self.credentials, self.add_button,
            W.HTML("<b>Put a record right</b> (a degree date typo, a licence earned since; recorded in the audit trail)"),
            self.who, self.right_degree_date, self.earned, self.update_button,
            W.HTML("<b>In this log</b>"), self.listing], layout=W.Layout(width="100%"))
        self.show()

    def add(self, name: str, role: str = "learner", *, degree_level: str | None = None,
            degree_field: str | None = None, degree_date: date | None = None, credentials=()) -> str:
        """Add a person to the log (as ``casekit hours person add``) and offer them in the dashboard's lists."""
        p = add_person(self.board.store, name, role, degree_level=degree_level, degree_field=degree_field,
                       degree_date=degree_date, credentials=credentials)
        print(f"Added {p.role} {p.name}" + (f" ({', '.join(p.credentials)})" if p.credentials else "") + ".")
        self.board.people_changed(p)
        self.show()
        return p.name

    def add_from_form(self) -> str:
        creds = [c for c in self.credentials.value.replace(";", ",").split(",") if c.strip()]
        name = self.add(self.name.value, self.role.value, degree_level=self.degree.value,
                        degree_field=self.degree_field.value, degree_date=self.degree_date.value, credentials=creds)
        self.name.value = self.credentials.value = ""
        self.degree_date.value = None
        return name

    def update(self, name: str, *, degree_date: date | None = None, add_credentials=()) -> str:
        """Change a person's degree date or add credentials (as ``casekit hours person update``)."""
        p = (update_person(self.board.store, name, add_credentials=add_credentials, degree_date=degree_date)
             if degree_date is not None else update_person(self.board.store, name, add_credentials=add_credentials))
        print(f"Updated {p.name}: {p.degree_text()}; credentials {', '.join(p.credentials) or 'none'}.")
        self.board.people_changed(p)
        self.show()
        return p.name

    def update_from_form(self) -> str:
        if not self.who.value:
            raise CasekitError("Person: choose whose record to put right (add them above first)")
        creds = [c for c in self.earned.value.replace(";", ",").split(",") if c.strip()]
        name = self.update(self.who.value, degree_date=self.right_degree_date.value, add_credentials=creds)
        self.earned.value = ""
        self.right_degree_date.value = None
        return name

    def show(self) -> None:
        folks = list_people(self.board.store)
        self.who.options = [p.name for p in folks]
        if not folks:
            self.listing.value = "<i>Nobody yet: add the supervisor (you) and a learner above.</i>"
            return
        rows = "".join(f"<tr><td>{html.escape(p.name)}</td><td>{p.role}</td><td>{html.escape(p.degree_text())}</td>"
                       f"<td>{html.escape(', '.join(p.credentials) or '-')}</td></tr>" for p in folks)
        self.listing.value = ("<table><tr><th>name</th><th>role</th><th>degree</th><th>credentials</th></tr>"
                              f"{rows}</table>")


class KeyMaker:
    """The "Make my key" button on the Sign off tab: keygen for the supervisor chosen under "You are"."""

    def __init__(self, board):
        self.board = board
        self.passphrase = W.Password(description="New passphrase", placeholder="protects the new key (empty: none)",
                                     style=_LABEL)
        self.button = W.Button(description="Make my key", icon="key", layout=_button_layout(),
                               tooltip="Make a signing key for the supervisor chosen under 'You are' and register it")
        self.button.on_click(lambda _b: board._run(self.make))
        self.widget = W.VBox([W.HTML("<small>No key yet? Make one (once): it is written where "
                                     "<code>casekit hours keygen</code> writes it for this log.</small>"),
                              W.HBox([self.passphrase, self.button])])

    def make(self, passphrase: str | None = None):
        """Make and register a key for the supervisor under "You are"; fill in "Key file"; return its path."""
        who = self.board.supervisor.value
        if not who:
            raise CasekitError("You are: add yourself as a supervisor on the People tab first")
        secret = passphrase if passphrase is not None else (self.passphrase.value or None)
        self.passphrase.value = ""
        record, priv, pub = keygen(self.board.store, who, default_key_path(who, self.board.store), passphrase=secret)
        self.board.key_file.value = str(priv)
        print(f"Made {who}'s key {record.fingerprint}{' (passphrase-protected)' if secret else ''}: private key "
              f"{priv} (readable by you alone; keep it safe), public key {pub} (give it to whoever checks "
              "your approvals).")
        return priv
