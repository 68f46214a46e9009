"""``casekit hours``: the supervised-practice hours log on the command line.

A thin shell over :mod:`casekit.hours`: each command parses its options, calls one
library function and prints the result. Library errors become one ``Error:`` message
and exit code 1 (see :func:`casekit.cli.common.friendly_errors`).
"""

from __future__ import annotations

import re
import sys
from datetime import date, datetime
from pathlib import Path

import click

from casekit.cli.common import friendly_errors
from casekit.hours.storage.location import ENV_VAR, default_db_path

class _Day(click.ParamType):
    """A day written YYYY-MM-DD; a day the calendar does not have (2026-11-31) is named as such."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return datetime.strptime(str(value), "%Y-%m-%d").date()
        except ValueError as exc:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
                self.fail(f"{value!r} is not a day on the calendar ({exc}); check the month and day", param, ctx)
            self.fail(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-04", param, ctx)


_DATE = _Day()
# `verify --file` without --trust: the file holds together, but nothing shows its keys are the supervisors'.
NOT_CHECKED_AGAINST_A_TRUSTED_KEY = 3


def _full_time_default() -> str:
    try:
        from casekit.hours.credit.credentials import load_rules

        return f"{load_rules().full_time_hours:g} h/week"
    except Exception:  # a broken rules file must not break --help; `casekit hours rules` reports it
        return "the setting in the credential rules"


def _store(ctx: click.Context, *, existing: bool = True):
    """Open the log named by --db / CASEKIT_HOURS_DB (once per command) and close it at the end.

    ``existing``: a SQLite log that is not there is an error, not a new empty log; only adding a
    person (the first thing a new log needs) starts one, so a mistyped --db is said at once.
    """
    obj = ctx.ensure_object(dict)
    if "store" not in obj:
        from casekit.hours.storage.database import open_store

        if existing:
            from casekit.hours.storage.reading import existing_sqlite_file

            existing_sqlite_file(obj.get("db"))

        obj["store"] = open_store(obj.get("db"))
        ctx.call_on_close(obj["store"].close)
    return obj["store"]


def _reader(ctx: click.Context):
    """The log, opened to be read only (see open_reader): a SQLite file is read without SQLAlchemy and never created."""
    obj = ctx.ensure_object(dict)
    if "store" in obj:
        return obj["store"]
    if "reader" not in obj:
        from casekit.hours.storage.reading import open_reader

        obj["reader"] = open_reader(obj.get("db"))
        ctx.call_on_close(obj["reader"].close)
    return obj["reader"]


_DB_HELP = f"The hours log: a SQLite file path or any SQLAlchemy URL (default {default_db_path()})."


def _set_db(ctx: click.Context, _param, value):
    """``--db`` typed after a subcommand names the log just as before it (the later one wins)."""
    if value is not None:
        ctx.ensure_object(dict)["db"] = value
    return value


def _db_option() -> click.Option:
    return click.Option(["--db"], metavar="PATH|URL", default=None, expose_value=False, callback=_set_db,
                        help=_DB_HELP + f" Also read from {ENV_VAR}; may come before or after the command.")


_FULL_TIME = click.option("--full-time-hours", type=click.FloatRange(1, 80), default=None,
                          help=f"Hours a week that make a week full-time (default {_full_time_default()}, a setting).")
_AS_OF = click.option("--as-of", type=_DATE, default=None, help="Measure as of this date, YYYY-MM-DD (default today).")


@click.group()
@click.option("--db", metavar="PATH|URL", envvar=ENV_VAR, show_envvar=True, default=None, help=_DB_HELP)
@click.pass_context
def hours(ctx: click.Context, db: str | None) -> None:
    """Log supervised practice hours and track progress toward each credential.

    Entries start as pending; only entries a supervisor has approved count toward a
    credential's thresholds (pending hours are shown apart).
    """
    ctx.ensure_object(dict)["db"] = db


# --- people --------------------------------------------------------------------------------


@hours.group()
def person() -> None:
    """Add and list learners and supervisors."""


@person.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["learner", "supervisor", "both"]), default="learner", show_default=True,
              help="A learner logs hours; a supervisor approves them; 'both' does both.")
@click.option("--degree", "degree_level", type=click.Choice(["none", "associate", "bachelor", "master", "doctorate"]),
              default=None, help="Highest degree level.")
@click.option("--field", "degree_field", type=click.Choice(["social_work", "nursing", "health_human_services", "other"]),
              default=None, help="The degree's field.")
@click.option("--degree-date", type=_DATE, default=None, help="When the degree was awarded, YYYY-MM-DD "
              "(post-degree rules count only later work).")
@click.option("--credential", "credentials", multiple=True, metavar="NAME",
              help="A licence, certification or exam held (RN, LCSW, CCM, ASWB-BACHELORS...); repeat for several.")
@click.pass_context
@friendly_errors
def person_add(ctx, name, role, degree_level, degree_field, degree_date, credentials) -> None:
    """Add NAME to the log as a learner, a supervisor or both."""
    from casekit.hours.log.people import add_person
    from casekit.hours.storage.location import sqlite_file

    path = sqlite_file(ctx.ensure_object(dict).get("db"))
    new = path is not None and not path.exists() and "store" not in ctx.ensure_object(dict)
    p = add_person(_store(ctx, existing=False), name, role, degree_level=degree_level, degree_field=degree_field,
                   degree_date=degree_date, credentials=credentials)
    if new:
        click.echo(f"started a new hours log at {path}")
    click.echo(f"added {p.role} {p.name!r} (id {p.person_id})" + (f"; credentials {', '.join(p.credentials)}" if p.credentials else ""))
    for line in _unknown_credential_notes(p.credentials):
        click.echo(line, err=True)


def _unknown_credential_notes(credentials) -> list[str]:
    from casekit.hours.credit.credentials import load_rules, unknown_credential_notes

    return unknown_credential_notes(load_rules(), credentials)


@person.command("update")
@click.argument("name")
@click.option("--degree", "degree_level", type=click.Choice(["none", "associate", "bachelor", "master", "doctorate"]),
              default=None, help="The right highest degree level.")
@click.option("--field", "degree_field", type=click.Choice(["social_work", "nursing", "health_human_services", "other"]),
              default=None, help="The right degree field.")
@click.option("--degree-date", type=_DATE, default=None, help="The right date the degree was awarded, YYYY-MM-DD.")
@click.option("--credential", "credentials", multiple=True, metavar="NAME",
              help="The credentials held, all of them (replaces the list); repeat for several.")
@click.option("--add-credential", "added", multiple=True, metavar="NAME", help="A credential earned since; repeat for several.")
@click.pass_context
@friendly_errors
def person_update(ctx, name, degree_level, degree_field, degree_date, credentials, added) -> None:
    """Put NAME's degree, degree date or credentials right, or add one earned since (recorded in the audit chain)."""
    from casekit.hours.log.people import update_person

    changes: dict = {}
    if degree_level is not None:
        changes["degree_level"] = degree_level
    if degree_field is not None:
        changes["degree_field"] = degree_field
    if degree_date is not None:
        changes["degree_date"] = degree_date
    if credentials:
        changes["credentials"] = credentials
    if not changes and not added:
        raise click.UsageError("say what to change: --degree, --field, --degree-date, --credential or --add-credential")
    p = update_person(_store(ctx), name, add_credentials=added, **changes)
    click.echo(f"updated {p.name}: {p.degree_text()}; credentials {', '.join(p.credentials) or 'none'}")
    for line in _unknown_credential_notes([*credentials, *added]):
        click.echo(line, err=True)


@person.command("list")
@click.option("--role", type=click.Choice(["learner", "supervisor"]), default=None, help="Only people who can act so.")
@click.pass_context
@friendly_errors
def person_list(ctx, role) -> None:
    """List everyone in the log."""
    from casekit.hours.log.people import list_people

    found = list_people(_store(ctx), role)
    if not found:
        click.echo("no people yet: add them with `casekit hours person add NAME`")
    for p in found:
        click.echo(f"{p.name}  [{p.role}]  {p.degree_text()}; credentials: {', '.join(p.credentials) or '-'}")


# --- entries -------------------------------------------------------------------------------


@hours.command("add")
@click.option("--learner", required=True, help="Whose hours these are (name as in the log).")
@click.option("--date", "day", type=_DATE, required=True, help="The day worked, YYYY-MM-DD (not in the future).")
@click.option("--hours", "amount", required=True, help="Hours worked, e.g. 7.5 or 7:30 (more than 0, at most 24).")
@click.option("--category", required=True, help="direct_client_work, care_coordination, documentation, "
              "supervision_individual, supervision_group, training or supervising_case_managers.")
@click.option("--setting", required=True, help="health_care, managed_care, disability_management, school, "
              "social_services, shelter_treatment or other.")
@click.option("--paid/--unpaid", default=True, show_default=True, help="Whether the work was paid.")
@click.option("--supervisor", default=None, help="Who supervised the work (they approve it).")
@click.option("--note", default="", help="A short note about the work; never client names or numbers.")
@click.pass_context
@friendly_errors
def add(ctx, learner, day, amount, category, setting, paid, supervisor, note) -> None:
    """Log one entry (pending until the supervisor approves it)."""
    from casekit.hours.log.entries import stored_minutes
    from casekit.hours.log.logbook import add_entry

    entry_id = add_entry(_store(ctx), learner=learner, date=day, hours=amount, category=category,
                         setting=setting, paid=paid, supervisor=supervisor, note=note)
    minutes = stored_minutes(amount) or 0  # what was stored, in whole minutes (0.01 h is kept as 1 minute)
    click.echo(f"logged {minutes / 60:.2f} h ({minutes // 60}:{minutes % 60:02d}) for {learner} on {day.isoformat()}: "
               f"entry {entry_id} (pending)")


@hours.command("list")
@click.option("--learner", default=None, help="Only this learner's entries.")
@click.option("--supervisor", default=None, help="Only entries naming this supervisor.")
@click.option("--status", type=click.Choice(["pending", "approved"]), default=None, help="Only entries with this status.")
@click.option("--from", "start", type=_DATE, default=None, help="On or after this date.")
@click.option("--to", "end", type=_DATE, default=None, help="On or before this date.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True, help="At most this many (newest first).")
@click.pass_context
@friendly_errors
def list_(ctx, learner, supervisor, status, start, end, limit) -> None:
    """List entries, newest first."""
    from casekit.hours.log.logbook import list_entries

    frame = list_entries(_store(ctx), learner=learner, supervisor=supervisor, status=status,
                         start=start, end=end, limit=limit)
    if frame.empty:
        click.echo("no entries match")
        return
    frame["paid"] = frame["paid"].map({True: "paid", False: "unpaid"})
    frame["hours"] = frame["hours"].map(lambda h: f"{h:.2f}")
    click.echo(frame.to_string(index=False))


@hours.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@friendly_errors
def import_(ctx, file: Path) -> None:
    """Import entries from FILE.csv: every row, or none if any row is bad.

    Columns: learner, date, hours, category, setting, paid (required); supervisor, note,
    entry_id (optional). Rows are numbered as in a spreadsheet (the header is row 1).
    """
    from casekit.hours.log.csvimport import import_csv

    result = import_csv(_store(ctx), file)
    click.echo(result.summary())


@hours.command("export")
@click.option("--learner", default=None, help="Only this learner's entries (required with --signed).")
@click.option("--status", type=click.Choice(["pending", "approved"]), default=None, help="Only entries with this status.")
@click.option("--to", "to", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this CSV file (default: print it).")
@click.option("--signed", "signed", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE.json",
              help="Instead of CSV, write the learner's signed log (entries, signatures, public keys, audit chain) "
                   "to FILE.json, which `casekit hours verify --file` checks without the database.")
@click.pass_context
@friendly_errors
def export(ctx, learner, status, to, signed) -> None:
    """Write entries as CSV, in the columns `import` reads; or a learner's signed log with --signed."""
    if signed is not None:
        if not learner or status or to:
            raise click.UsageError("--signed needs --learner NAME, and goes without --status and --to")
        from casekit.hours.views.signed_export import export_signed

        path, result = export_signed(_store(ctx), learner, signed)
        click.echo(f"wrote {path}: {result.entries:,} entries, {result.approved_verified:,} verified approvals"
                   + ("" if result.ok else f"; {len(result.failures)} problem(s): run casekit hours verify"))
        return
    from casekit.hours.log.csvexport import export_csv

    if to is None:
        export_csv(_store(ctx), sys.stdout, learner=learner, status=status)
    else:
        export_csv(_store(ctx), to, learner=learner, status=status)
        click.echo(f"wrote {to}", err=True)


def _load_key(path: Path):
    """The private key at ``path``; asks for the passphrase (hidden) when the key has one."""
    from casekit.hours.errors import PassphraseRequired
    from casekit.hours.trust.signing_keys import load_signing_key

    try:
        return load_signing_key(path)
    except PassphraseRequired:
        secret = click.prompt(f"Passphrase for {path}", hide_input=True, default="", show_default=False)
        return load_signing_key(path, secret)


@hours.command("approve")
@click.argument("entry_ids", nargs=-1)
@click.option("--key", "key_path", type=click.Path(dir_okay=False, path_type=Path), envvar="CASEKIT_HOURS_KEY",
              show_envvar=True, default=None,
              help="Your private key file (from `casekit hours keygen`); default: where keygen wrote --supervisor's "
                   "key for this log.")
@click.option("--supervisor", default=None, help="Who is approving; must be the owner of --key.")
@click.option("--learner", default=None, help="With --all: only this learner's entries.")
@click.option("--all", "all_", is_flag=True, help="Approve every pending entry you may approve.")
@click.option("--through", type=_DATE, default=None, help="With --all: only entries dated on or before this date.")
@click.pass_context
@friendly_errors
def approve(ctx, entry_ids, key_path, supervisor, learner, all_, through) -> None:
    """Approve pending ENTRY_IDS (or --all of them), signing each with your key, so they count toward thresholds.

    Only the supervisor named on an entry can approve it (an entry naming none: any
    supervisor but the learner); nobody approves their own hours. A passphrase-protected
    key asks for its passphrase.
    """
    from casekit.hours.trust.approval import approve_entries
    from casekit.hours.trust.signing_keys import default_key_path

    if bool(entry_ids) == bool(all_):
        raise click.UsageError("give entry ids, or --all (not both)")
    if entry_ids and (learner or through):
        raise click.UsageError("--learner and --through go with --all, not with entry ids")
    if key_path is None:
        guess = default_key_path(supervisor, _store(ctx)) if supervisor else None
        if guess is None or not guess.exists():
            where = f" (none at {guess})" if guess is not None else ""
            raise click.UsageError(f"give your private key file with --key FILE (approvals are signed){where}")
        key_path = guess
    key = _load_key(key_path)
    done = approve_entries(_store(ctx), supervisor, key=key, entry_ids=list(entry_ids) if entry_ids else None,
                           learner=learner, before=through)
    click.echo(f"approved {len(done)} entr{'y' if len(done) == 1 else 'ies'}, signed with key {key.fingerprint}")
    if all_ and not done:
        click.echo(_nothing_to_approve(_store(ctx), learner), err=True)


def _nothing_to_approve(store, learner: str | None) -> str:
    """Why --all approved nothing: who the pending entries (of LEARNER, or all) name instead."""
    from collections import Counter

    from casekit.hours.log.logbook import list_entries

    pending = list_entries(store, learner=learner, status="pending")
    if pending.empty:
        return "note: there are no pending entries" + (f" of {learner}" if learner else "") + " to approve"
    named = Counter(s or "no supervisor" for s in pending["supervisor"])
    who = ", ".join(f"{n:,} name {s}" for s, n in named.most_common())
    return (f"note: none of the {len(pending):,} pending entries{f' of {learner}' if learner else ''} is yours to approve "
            f"({who}); only the supervisor an entry names may approve it")


@hours.command("correct")
@click.argument("entry_id")
@click.option("--date", "day", type=_DATE, default=None, help="The right day worked, YYYY-MM-DD.")
@click.option("--hours", "amount", default=None, help="The right hours, e.g. 7.5 or 7:30.")
@click.option("--category", default=None, help="The right category code.")
@click.option("--setting", default=None, help="The right setting code.")
@click.option("--paid/--unpaid", default=None, help="Whether the work was paid.")
@click.option("--supervisor", default=None, help='The right supervisor ("" for none).')
@click.option("--note", default=None, help="A new note; never client names or numbers.")
@click.pass_context
@friendly_errors
def correct(ctx, entry_id, day, amount, category, setting, paid, supervisor, note) -> None:
    """Log a correction of ENTRY_ID: a new pending entry that replaces it once approved.

    Entries are never edited or deleted, so the history stays checkable. Fields not
    given keep the entry's values. An approved entry keeps counting until its
    correction is approved.
    """
    from casekit.hours.log.corrections import UNCHANGED, correct_entry

    new_id = correct_entry(_store(ctx), entry_id, date=day, hours=amount, category=category, setting=setting,
                           paid=paid, supervisor=UNCHANGED if supervisor is None else supervisor, note=note)
    click.echo(f"logged correction {new_id} of {entry_id} (pending until approved)")


# --- keys and verification -----------------------------------------------------------------


@hours.command("keygen")
@click.argument("supervisor")
@click.option("--to", "to", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the private key (default: for the default log, the keys folder in your casekit "
                   "config folder; for a log X.sqlite named with --db, the folder X-keys beside it); the public key "
                   "goes beside it as .pub.")
@click.option("--no-passphrase", is_flag=True, help="Do not protect the private key with a passphrase.")
@click.option("--replace", is_flag=True,
              help="Retire SUPERVISOR's current key (its approvals stay valid) and register the new one.")
@click.pass_context
@friendly_errors
def keygen(ctx, supervisor, to, no_passphrase, replace) -> None:
    """Make SUPERVISOR an Ed25519 key pair and register the public key in the log.

    The private key file is readable by you alone (mode 600) and, unless --no-passphrase,
    protected by a passphrase you are asked for. Keep it safe: it signs your approvals.
    Give the .pub file (or its fingerprint) to anyone who checks your approvals.
    """
    from casekit.hours.trust.signing_keys import check_can_register
    from casekit.hours.trust.signing_keys import keygen as make_key

    store = _store(ctx)
    check_can_register(store, supervisor, replace=replace)  # before asking for a passphrase
    secret = None
    if not no_passphrase:
        secret = click.prompt("Passphrase for the new key (empty for none)", hide_input=True, default="",
                              show_default=False, confirmation_prompt=True) or None
    record, priv, pub = make_key(store, supervisor, to, passphrase=secret, replace=replace)
    click.echo(f"wrote private key {priv} (readable by you alone{', passphrase-protected' if secret else ''}; keep it safe)")
    click.echo(f"wrote public key  {pub}")
    click.echo(f"registered {record.owner}'s key {record.fingerprint} in {store.describe()}")


@hours.group()
def keys() -> None:
    """List and register supervisors' public keys."""


@keys.command("list")
@click.option("--supervisor", default=None, help="Only this supervisor's keys.")
@click.pass_context
@friendly_errors
def keys_list(ctx, supervisor) -> None:
    """List every registered key: owner, fingerprint, when registered and retired."""
    from casekit.hours.trust.signing_keys import list_keys

    found = list_keys(_store(ctx), supervisor)
    if not found:
        click.echo("no keys registered: a supervisor makes one with `casekit hours keygen NAME`")
    for k in found:
        state = f"retired {k.retired_at}" if k.retired_at else "active"
        click.echo(f"{k.owner}  {k.fingerprint}  registered {k.registered_at}  {state}")


@keys.command("register")
@click.argument("supervisor")
@click.argument("public_key", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Retire SUPERVISOR's current key first (its approvals stay valid).")
@click.pass_context
@friendly_errors
def keys_register(ctx, supervisor, public_key, replace) -> None:
    """Register SUPERVISOR's existing public key (PUBLIC_KEY, a .pub file) in this log."""
    from casekit.hours.trust.signing_keys import read_public_key_file, register_key

    record = register_key(_store(ctx), supervisor, read_public_key_file(public_key), replace=replace)
    click.echo(f"registered {record.owner}'s key {record.fingerprint}")


@hours.command("verify")
@click.argument("learner", required=False)
@click.option("--file", "path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Check a signed export (.json) or a report (.html) from the file alone, without the database.")
@click.option("--trust", multiple=True, metavar="KEY.pub|SHA256:...",
              help="Count approvals only if signed with this key (a .pub file or fingerprint from the supervisor); "
                   "repeat for several.")
@click.pass_context
@friendly_errors
def verify(ctx, learner, path, trust) -> None:
    """Check every signature and the audit chain (LEARNER's, or everyone's); exit 1 naming each entry that fails.

    Finds entries altered after approval, deleted, added or approved outside casekit,
    signed by an unregistered key or by someone other than their supervisor, signatures
    copied between entries, and a broken audit chain. With --file, also recomputes the
    approved hours per credential from the file, to compare with the report. A file
    carries its own keys, so without --trust it is checked only against them (anyone
    can make such a file): give --trust SUPERVISOR.pub, a key from the supervisor.

    Exit status: 0 when everything holds (for a file: against the keys you trust), 1 when
    anything fails, 3 when a file holds but only against the keys it names itself (no --trust).
    """
    from casekit.hours.trust.signing_keys import trusted_fingerprints
    from casekit.hours.trust.verify import verdict

    trusted = trusted_fingerprints(trust) if trust else None
    progress_text = ""
    page = None
    if path is not None:
        if learner:
            raise click.UsageError("--file checks the learner in the file; give no LEARNER with it")
        from casekit.hours.trust.verify import verify_log
        from casekit.hours.views.page_check import check_page
        from casekit.hours.views.signed_export import credential_hours_text, progress_from_signed, read_signed_file

        log = read_signed_file(path)
        results = [verify_log(log, trusted=trusted)]
        recomputed = progress_from_signed(log, results[0])
        page = check_page(path, log, results[0], recomputed)
        progress_text = "\n".join(x for x in (credential_hours_text(recomputed), page.to_text()) if x)
    else:
        from casekit.hours.trust.verify import verify_store

        results = verify_store(_store(ctx), learner, trusted=trusted)
    for r in results:
        click.echo(r.to_text())
    if progress_text:
        click.echo(progress_text)
    page_failed = page.failed_line() if page is not None else ""
    click.echo(verdict(results, trusted=trusted is not None, from_file=path is not None,
                       file_name=str(path) if path is not None else "FILE", page_failed=page_failed))
    if any(not r.ok for r in results) or page_failed:
        ctx.exit(1)
    if path is not None and trusted is None:
        ctx.exit(NOT_CHECKED_AGAINST_A_TRUSTED_KEY)


# --- progress ------------------------------------------------------------------------------


@hours.command("progress")
@click.argument("learner")
@_AS_OF
@_FULL_TIME
@click.option("--target-date", type=_DATE, default=None, help="Also show the weekly hours that would finish by this date.")
@click.option("--why", is_flag=True, help="List every entry that did not count, with the reasons.")
@click.pass_context
@friendly_errors
def progress(ctx, learner, as_of, full_time_hours, target_date, why) -> None:
    """Show LEARNER's progress toward every credential: met or not, each requirement, pace and projection."""
    from casekit.hours.credit.credential_progress import verified_progress
    from casekit.hours.trust.verified_log import read_verified_log

    log = read_verified_log(_reader(ctx), learner)
    lp = verified_progress(log, as_of=as_of, full_time_hours=full_time_hours, target=target_date)
    click.echo(lp.to_text(why=why), nl=False)
    _say_uncounted(log.verification)


@hours.command("why")
@click.argument("learner")
@click.argument("entry_ids", nargs=-1)
@_AS_OF
@_FULL_TIME
@click.option("--all", "all_", is_flag=True, help="List every entry (default: the newest 20).")
@click.pass_context
@friendly_errors
def why(ctx, learner, entry_ids, as_of, full_time_hours, all_) -> None:
    """For LEARNER's entries (or ENTRY_IDS), whether each counts on every credential route, and why not.

    Reasons: before the degree, outside the look-back, unpaid, not supervised, a category
    or setting the route does not accept, a supervisor without the credential the route
    asks; and, for no route at all, failing verification or replaced by a correction.
    """
    from casekit.hours.credit.explain import explain_entries, explanations_text
    from casekit.hours.credit.credential_progress import verified_progress
    from casekit.hours.trust.verified_log import read_verified_log

    log = read_verified_log(_reader(ctx), learner)
    lp = verified_progress(log, as_of=as_of, full_time_hours=full_time_hours)
    found = explain_entries(lp, log.verification, log.signed, list(entry_ids) or None)
    click.echo(explanations_text(found, limit=None if (all_ or entry_ids) else 20), nl=False)


@hours.command("plan")
@click.argument("learner")
@click.option("--weekly-hours", type=click.FloatRange(0, 80, min_open=True), required=True,
              help="Hours a week you plan to work (e.g. 20 part-time, 40 full-time).")
@click.option("--start", type=_DATE, default=None, help="When the planned weeks begin, YYYY-MM-DD (default: --as-of).")
@click.option("--category", default=None, help="Plan work of this category (default: the mix of the recent entries).")
@click.option("--setting", default=None, help="Plan work in this setting (default: the mix of the recent entries).")
@click.option("--supervisor", default=None,
              help="Plan work supervised by this supervisor; '' for none (default: as in the recent entries).")
@click.option("--paid/--unpaid", default=None, help="Plan paid or unpaid work (default: as in the recent entries).")
@_AS_OF
@_FULL_TIME
@click.pass_context
@friendly_errors
def plan(ctx, learner, weekly_hours, start, category, setting, supervisor, paid, as_of, full_time_hours) -> None:
    """What-if: the date each credential route would be met if LEARNER worked --weekly-hours from --start.

    The planned hours are work like LEARNER's recent entries (those of the last 12 weeks,
    else all logged ones): the same mix of category, setting, supervisor and pay, spread
    evenly over Monday to Friday. --category, --setting, --supervisor and --paid/--unpaid set
    them instead. They go through the same rules as logged hours: a route whose supervisor,
    setting or category they do not meet is never met by them, a route counting full-time
    months counts only weeks at or above full-time, a route counting hours takes part-time
    hours at their value. Only a learner with nothing logged gets, for each route, hours that
    route counts (the plan says so).
    """
    from casekit.hours.credit.planner import PlannedWork, plan_for

    work = PlannedWork(category=category, setting=setting, supervisor=supervisor, paid=paid)
    click.echo(plan_for(_store(ctx), learner, weekly_hours=weekly_hours, start=start, work=work,
                        as_of=as_of, full_time_hours=full_time_hours).to_text(), nl=False)


@hours.group()
def summary() -> None:
    """Sign and list monthly supervision summaries (hours, supervision and its share, contacts)."""


@summary.command("sign")
@click.argument("learner")
@click.option("--month", required=True, help="The month, YYYY-MM.")
@click.option("--supervisor", default=None, help="Who is signing; must be the owner of --key.")
@click.option("--key", "key_path", type=click.Path(dir_okay=False, path_type=Path), envvar="CASEKIT_HOURS_KEY",
              default=None, help="Your private key file; default: where keygen wrote --supervisor's key for this log.")
@click.pass_context
@friendly_errors
def summary_sign(ctx, learner, month, supervisor, key_path) -> None:
    """Sign LEARNER's summary for --month from their approved entries that verify (checked later by verify)."""
    from casekit.hours.trust.signing_keys import default_key_path
    from casekit.hours.trust.summaries import check_month, sign_summary

    check_month(month)  # before the passphrase is asked for
    if key_path is None:
        guess = default_key_path(supervisor, _store(ctx)) if supervisor else None
        if guess is None or not guess.exists():
            raise click.UsageError("give your private key file with --key FILE (summaries are signed)")
        key_path = guess
    stmt = sign_summary(_store(ctx), learner, month, key=_load_key(key_path), supervisor=supervisor)
    share = stmt["supervision_minutes"] / stmt["minutes"] if stmt["minutes"] else 0
    click.echo(f"signed {stmt['learner']}'s summary for {stmt['month']} as {stmt['supervisor']}: "
               f"{stmt['minutes'] / 60:,.2f} h, supervision {stmt['supervision_minutes'] / 60:,.2f} h ({share:.0%}), "
               f"{stmt['contacts']} contact(s), key {stmt['key']}")


@summary.command("list")
@click.argument("learner")
@click.pass_context
@friendly_errors
def summary_list(ctx, learner) -> None:
    """List LEARNER's signed monthly summaries, each checked as verify checks it."""
    from casekit.hours.trust.signedlog import load_signed_log
    from casekit.hours.trust.summaries import summaries_for, summaries_text
    from casekit.hours.trust.verify import verify_log

    log = load_signed_log(_store(ctx), learner)
    click.echo(summaries_text(summaries_for(log, verify_log(log)), log.learner), nl=False)


@hours.command("packet")
@click.argument("learner")
@click.option("--credential", required=True, help="The credential, by short name (CCM, ACM-RN, CMC, CDMS, C-SWCM...).")
@click.option("--route", default=None, help="The route id (default: the route the learner's hours take furthest; open routes first).")
@click.option("--to", "to", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The packet's HTML file; the PDF is written beside it.")
@_AS_OF
@_FULL_TIME
@click.pass_context
@friendly_errors
def packet(ctx, learner, credential, route, to, as_of, full_time_hours) -> None:
    """Write LEARNER's application packet for --credential (HTML and PDF), in the shape the body asks for.

    Both files carry the signed log: `casekit hours verify --file PACKET.html` (or .pdf) checks them.
    """
    from casekit.hours.views.packet import write_packet

    html_path, pdf_path = write_packet(_store(ctx), learner, credential, to, route=route, as_of=as_of,
                                       full_time_hours=full_time_hours)
    click.echo(f"wrote {html_path}\nwrote {pdf_path}")


def _say_uncounted(verification) -> None:
    """After a progress view: the entries left out because they fail verification, if any."""
    note = verification.uncounted_note()
    if note:
        click.echo(f"note: {note}")
    for k in verification.key_notes:
        click.echo(f"note: {k}")


@hours.command("report")
@click.argument("learner")
@click.option("--to", "to", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The HTML file to write.")
@_AS_OF
@_FULL_TIME
@click.option("--target-date", type=_DATE, default=None, help="Also show the weekly hours that would finish by this date.")
@click.pass_context
@friendly_errors
def report(ctx, learner, to, as_of, full_time_hours, target_date) -> None:
    """Write LEARNER's progress report (HTML with the chart and the rule sources) to --to FILE.html."""
    from casekit.hours.views.progress_report import write_report

    path = write_report(_store(ctx), learner, to, as_of=as_of, full_time_hours=full_time_hours, target=target_date)
    click.echo(f"wrote {path}")


@hours.command("pathways")
@click.argument("learner")
@_AS_OF
@_FULL_TIME
@click.pass_context
@friendly_errors
def pathways(ctx, learner, as_of, full_time_hours) -> None:
    """Which credentials LEARNER can aim for (from degree and licences), and what is missing for each."""
    from casekit.hours.credit.credential_progress import verified_progress
    from casekit.hours.credit.pathways import pathways_from, pathways_text
    from casekit.hours.trust.verified_log import read_verified_log

    log = read_verified_log(_reader(ctx), learner)
    lp = verified_progress(log, as_of=as_of, full_time_hours=full_time_hours)
    click.echo(pathways_text(pathways_from(lp), lp), nl=False)
    _say_uncounted(log.verification)


@hours.command("rules")
@click.option("--file", "path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Check this rules file instead of the kit's credentials.yaml.")
@friendly_errors
def rules(path) -> None:
    """Check the credential rules file and show every figure with its source, as-of date and confidence."""
    from casekit.hours.credit.credentials import AnyOf, load_rules

    r = load_rules(path)
    ft = r.settings.full_time_hours_per_week
    click.echo(f"{r.source_path}: valid")
    click.echo(f"setting: full-time = {ft.value:g} h/week  [{ft.cite()}]")
    for cid, cred in r.credentials.items():
        click.echo(f"\n{r.short_name(cid)}: {cred.name}, {cred.body}")
        click.echo(f"  education/licence: {' | '.join(o.label for o in cred.eligibility.options)}  [{cred.eligibility.cite()}]")
        for route in cred.routes:
            click.echo(f"  route {route.id}: {route.label}")
            if route.counts.look_back_months:
                click.echo(f"    look-back {route.counts.look_back_months.value:g} months  [{route.counts.look_back_months.cite()}]")
            for item in route.requirements:
                reqs = item.any_of if isinstance(item, AnyOf) else [item]
                for i, req in enumerate(reqs):
                    lead = "    " if i == 0 else "    or "
                    per = " per year" if req.measure == "supervision_hours" else ""
                    click.echo(f"{lead}{req.measure} >= {req.min.value:,g}{per}  [{req.min.cite()}]")


def _add_db_everywhere(group: click.Group) -> None:
    """Give every subcommand that opens the log its own ``--db`` (so it may follow the command)."""
    for cmd in group.commands.values():
        if isinstance(cmd, click.Group):
            _add_db_everywhere(cmd)
        elif cmd.name != "rules" and not any(p.name == "db" for p in cmd.params):
            cmd.params.append(_db_option())


_add_db_everywhere(hours)
