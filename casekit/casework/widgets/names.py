"""What a learner reads for the ids a plan stores: a need's title, a resource's name, a role's title.

The plan keeps ids (``need-housing-unstable``), because code cells and the answer key use
them. The widgets show the title from the case or the catalogues instead, never the id.
"""

from __future__ import annotations

from casekit.errors import CasekitError

CASE_MANAGER = "case-manager"  # the owner of an action step the learner keeps


def title(session, kind: str, ident: str | None) -> str:
    """The title of ``ident``, one of the case's or the library's ``kind`` of thing; the id itself when unknown.

    Kinds: item, need, program, resource, role, provider, task, event.
    """
    if ident is None:
        return ""
    lib, case = session.lib, session.case
    try:
        if kind == "item":
            return next(i.label for i in case.application.items if i.id == ident)
        if kind == "need":
            return lib.needs[ident].title
        if kind == "program":
            return lib.programs.get(ident).name
        if kind == "resource":
            return lib.resources[ident].name
        if kind == "role":
            return "you, the case manager" if ident == CASE_MANAGER else lib.roles[ident].title
        if kind == "provider":
            return next(f"{p.name} ({p.role})" for p in case.providers if p.id == ident)
        if kind == "task":
            return next(t.text for t in case.tasks if t.id == ident)
        if kind == "event":
            return next(e.title for e in case.events if e.id == ident)
    except (KeyError, StopIteration, CasekitError):
        return ident
    raise ValueError(f"unknown kind {kind!r}; use item, need, program, resource, role, provider, task or event")
