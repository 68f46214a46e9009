"""One view per process step. Each returns a widget bound to a session.

Every control calls a :class:`~casekit.learner.CaseSession` method (which saves), inside
a guarded callback, so a bad value shows as a message and nothing is lost.
"""

from __future__ import annotations

from functools import partial

import ipywidgets as W
from IPython.display import HTML, display

from casekit.cases.schema import Severity
from casekit.casework.process import NOTEBOOK_STEPS
from casekit.casework.widgets import fact_sheet as facts
from casekit.casework.widgets.base import (
    LABEL_STYLE,
    WIDE,
    StatusArea,
    esc,
    heading,
    note,
    wrapping_checkbox,
)
from casekit.casework.widgets.shortcuts import STEP_CLASS, KeyGuard
from casekit.casework.widgets.names import title
from casekit.casework.widgets.picker import Picker, remove_button
from casekit.errors import CasekitError

SEVERITIES = [s.value for s in Severity]

# A selection widget shows a blank box when its value is None, even if one option's value is
# None, so "nothing chosen" is the empty string in every drop-down and None only in the plan.
NOTHING = ""


def _frame(heading_text: str, intro: str, body: list[W.Widget], status: StatusArea) -> W.VBox:
    # The status stays the frame's last child: tests and the journeys read it there.
    frame = W.VBox([heading(heading_text), note(intro), *body, KeyGuard(), status.widget], layout=W.Layout(border="1px solid #ccc", padding="6px"))
    frame.add_class(STEP_CLASS)
    return frame


def _checkboxes(options: list[tuple[str, str]], chosen, **kwargs) -> list[W.Checkbox]:
    """One wrapping checkbox per (label, value) option: a short list a keyboard reaches with Tab and ticks with Space."""
    boxes = []
    for label, value in options:
        box = wrapping_checkbox(label, value in chosen, **kwargs)
        box.casekit_value = value
        boxes.append(box)
    return boxes


def _ticked(boxes: list[W.Checkbox]) -> list[str]:
    return [b.casekit_value for b in boxes if b.value]


# --------------------------------------------------------------------------- 1. intake


def intake_view(session) -> W.VBox:
    status = StatusArea()
    flagged = {f.item: f for f in session.plan.flags}
    rows = []
    for item in session.case.application.items:
        mine = flagged.get(item.id)
        value = "(left blank)" if item.value is None else item.value
        kind = W.Dropdown(options=[("looks fine", ""), ("missing", "missing"), ("inconsistent", "inconsistent")],
                          value=mine.kind if mine else "", layout=W.Layout(width="auto"), description="Status", style=LABEL_STYLE,
                          tooltip=f"{item.label}: looks fine, missing or inconsistent")
        why = W.Text(value=mine.note if mine else "", placeholder="why (optional)", layout=W.Layout(width="40%"), description="Why", style=LABEL_STYLE, tooltip=f"{item.label}: why")

        def changed(_change, item_id=item.id, kind=kind, why=why):
            session.flag(item_id, kind.value or None, why.value)
            return f"Saved: {title(session, 'item', item_id)} marked {kind.value or 'fine'}."

        handler = status.guarded(changed)
        kind.observe(handler, names="value")
        why.observe(lambda c, k=kind, h=handler: h(c) if k.value else None, names="value")
        label = W.HTML(f"<div style='line-height:1.4'><b>{esc(item.label)}</b><br><span style='color:#333'>{esc(value)}</span></div>",
                       layout=W.Layout(width="45%"))
        rows.append(W.HBox([label, kind, why]))
    return _frame("Review the application", "Compare each item with the reports. Mark what is missing or does not match the documents.", rows, status)


# --------------------------------------------------------------------------- 2. assessment


def assessment_view(session) -> W.VBox:
    status = StatusArea()
    mine = {n.need: n for n in session.plan.needs}
    order = W.Select(options=[], rows=8, layout=W.Layout(width="60%"), description="Priority order", style=LABEL_STYLE)

    def refresh_order():
        titles = {k: v.title for k, v in session.lib.needs.items()}
        sev = {n.need: n.severity.value for n in session.plan.needs}
        order.options = [(f"{i}. {titles.get(n, n)} ({sev[n]})", n) for i, n in enumerate(session.plan.need_ids(), start=1)]

    by_domain: dict[str, list] = {}
    for need in session.lib.needs.values():
        by_domain.setdefault(need.domain, []).append(need)
    groups: dict[str, list[W.Widget]] = {}
    for domain in sorted(by_domain):
        rows = []
        for need in by_domain[domain]:
            have = mine.get(need.id)
            box = W.Checkbox(value=have is not None, description=need.title, indent=False, layout=W.Layout(width="55%"), tooltip=need.description)
            sev = W.Dropdown(options=SEVERITIES, value=have.severity.value if have else "moderate", layout=W.Layout(width="auto"),
                             description="Severity", style=LABEL_STYLE, tooltip=f"How urgent: {need.title}")

            def toggled(_c, need_id=need.id, box=box, sev=sev):
                if box.value:
                    session.add_need(need_id, sev.value)
                else:
                    session.remove_need(need_id)
                refresh_order()
                return f"Saved: {title(session, 'need', need_id)} {'added as ' + sev.value if box.value else 'removed'}."

            def severity(_c, need_id=need.id, box=box, sev=sev):
                if box.value:
                    session.add_need(need_id, sev.value)
                    refresh_order()
                    return f"Saved: {title(session, 'need', need_id)} is {sev.value}."
                return "Tick the need to record it."

            box.observe(status.guarded(toggled), names="value")
            sev.observe(status.guarded(severity), names="value")
            rows.append(W.HBox([box, sev], layout=W.Layout(justify_content="space-between")))
        groups[domain] = rows
    # One domain's needs at a time, chosen in a drop-down: Tab reaches it, the arrow keys change
    # it, and a screen reader reads the chosen domain (an accordion's headers take no focus).
    domain = W.Dropdown(options=[(f"{d} ({len(rows)} needs)", d) for d, rows in groups.items()],
                        description="Needs in the domain", style=LABEL_STYLE, layout=W.Layout(width="auto"))
    panels = {d: W.VBox(rows) for d, rows in groups.items()}
    shown = W.VBox(list(panels.values()))

    def show_domain(_c=None):
        for d, panel in panels.items():
            panel.layout.display = None if d == domain.value else "none"

    domain.observe(show_domain, names="value")
    show_domain()

    up, down, by_sev = W.Button(description="Move up"), W.Button(description="Move down"), W.Button(description="Sort by severity")

    def move(step):
        def go(_b):
            ids = session.plan.need_ids()
            if order.value not in ids:
                return "Pick a need in the priority list first."
            i = ids.index(order.value)
            j = max(0, min(len(ids) - 1, i + step))
            ids[i], ids[j] = ids[j], ids[i]
            chosen = order.value
            session.set_priority_order(ids)
            refresh_order()
            order.value = chosen
            return "Saved the new order."
        return status.guarded(go)

    def sort(_b):
        rank = {n.need: n.severity.rank for n in session.plan.needs}
        ids = sorted(session.plan.need_ids(), key=lambda n: rank[n])
        session.set_priority_order(ids)
        refresh_order()
        return "Sorted: critical first, low last. Adjust within a severity as you judge."

    up.on_click(move(-1))
    down.on_click(move(+1))
    by_sev.on_click(status.guarded(sort))
    refresh_order()
    return _frame(
        "Assess needs",
        "Tick every need the facts show and set how urgent it is. Then order them: critical and immediate first.",
        [domain, shown, W.HTML("<b>Your priority order</b>"), W.HBox([order, W.VBox([up, down, by_sev])])],
        status,
    )


# --------------------------------------------------------------------------- 3. eligibility

# The eligibility buttons: value -> (label, what the plan records). The plan's None, True and
# False cannot be the values themselves: see NOTHING.
DECISIONS = {"undecided": ("not decided", None), "eligible": ("eligible / met", True), "not-eligible": ("not eligible / not met", False)}


def _member_options(session) -> list[tuple[str, str]]:
    """The household members a decision or referral may be for, the client first."""
    case = session.case
    members = sorted(case.household.members, key=lambda m: m.id != case.client.member)
    return [(f"{m.name}, {m.age} ({'the client' if m.id == case.client.member else m.relationship})", m.id) for m in members]


def _decision_row(session, program, member: str, status: StatusArea, rows: list[dict]) -> W.VBox:
    """One decision on ``program`` for ``member``: result, deciding test, whom it is for, and the reason.

    ``rows`` holds every row of the same program ({"member": ...}), so two rows cannot decide it for one member.
    """
    pid = program.id
    client = session.case.client.member
    mine = session.plan.decision(pid, None if member == client else member)
    who = W.Dropdown(options=_member_options(session), value=member, description="For", style=LABEL_STYLE,
                     layout=W.Layout(width="60%"), tooltip=f"The household member the decision on {program.name} is for")
    decided_for = {"member": who.value}
    rows.append(decided_for)
    # Radio buttons, not toggle buttons: a screen reader says which one is chosen.
    result = W.RadioButtons(options=[(label, key) for key, (label, _) in DECISIONS.items()],
                            value=next(k for k, (_, v) in DECISIONS.items() if v == (mine.eligible if mine else None)),
                            description="Decision", style=LABEL_STYLE, layout=W.Layout(width="auto"))
    test = W.Dropdown(options=[("(choose the test that decides it)", NOTHING)] + [(t.name, t.id) for t in program.tests],
                      value=(mine.deciding_test if mine else None) or NOTHING, layout=W.Layout(width="60%"),
                      description="Deciding test", style=LABEL_STYLE, tooltip=f"The test that decides {program.name}")
    reason = W.Textarea(value=mine.reason if mine else "", placeholder="Explain it as you would to the client", layout=WIDE,
                        description="Reason", style=LABEL_STYLE, tooltip=f"Your explanation of {program.name}")

    def changed(_c):
        if who.value != decided_for["member"]:
            if any(r is not decided_for and r["member"] == who.value for r in rows):
                taken = session.case.member_label(who.value)
                who.value = decided_for["member"]
                raise CasekitError(f"{program.name} is already decided for {taken} in another row; change that row, "
                                   "or choose another member here")
            # The decision moves to the member now chosen.
            session.decide(pid, None, member=decided_for["member"])
            decided_for["member"] = who.value
        session.decide(pid, DECISIONS[result.value][1], test.value or None, reason.value, member=who.value)
        return f"Saved your decision on {title(session, 'program', pid)}{session.case.for_whom(who.value)}."

    for w in (who, result, test, reason):
        w.observe(status.guarded(changed), names="value")
    # "For" follows the test so each row's first drop-down stays the deciding test.
    return W.VBox([result, test, who, reason])


def eligibility_view(session) -> W.VBox:
    status = StatusArea()
    blocks = []
    case = session.case
    client = case.client.member
    order = [m.id for m in sorted(case.household.members, key=lambda m: m.id != client)]
    for pid in case.programs:
        program = session.lib.programs.get(pid)
        rows: list[dict] = []
        decided = {d.member or client for d in session.plan.eligibility if d.program == pid} & set(order)
        members = sorted(decided, key=order.index) or [client]
        box = W.VBox([_decision_row(session, program, m, status, rows) for m in members])
        parts: list[W.Widget] = [W.HTML(f"<b>{esc(program.name)}</b>"), box]
        if len(order) > 1:
            another = W.Button(description="Decide it for another member",
                               tooltip=f"Add a decision on {program.name} for another household member (each child, say)",
                               layout=W.Layout(width="auto"))

            def add(_b, program=program, box=box, rows=rows):
                free = [m for m in order if m not in {r["member"] for r in rows}]
                if not free:
                    raise CasekitError(f"{program.name} has a row for every household member already")
                box.children = (*box.children, _decision_row(session, program, free[0], status, rows))
                return (f"Added a row for {program.name}{session.case.for_whom(free[0])}: choose the decision, the test "
                        "and whom it is for.")

            another.on_click(status.guarded(add))
            parts.append(another)
        blocks.append(W.VBox(parts))
    return _frame("Decide eligibility", "Apply each program's tests (shown above) to the verified facts. Name the test "
                  "that decides the result, and decide a program for each household member it may be for.", blocks,
                  status)


# --------------------------------------------------------------------------- 4. planning


def _need_options(session):
    return [(title(session, "need", n), n) for n in session.plan.need_ids()] or [("(identify needs in step 3 first)", NOTHING)]


def _refresh_needs(dropdown: W.Dropdown, session) -> None:
    """Give ``dropdown`` the plan's needs as they are now, keeping the learner's choice if it is still there."""
    options = _need_options(session)
    if [tuple(o) for o in dropdown.options] == options:
        return
    chosen = dropdown.value
    dropdown.options = options
    if chosen in [value for _, value in options]:
        dropdown.value = chosen


def planning_view(session) -> W.VBox:
    status = StatusArea()
    need = W.Dropdown(options=_need_options(session), description="For need", style=LABEL_STYLE)
    # The boxes an Add button reads send their text when they lose focus, not at each keystroke:
    # see Picker (a click overtakes keystrokes still queued, and the goal would be cut short).
    what = W.Textarea(placeholder="What will happen, and who does it (e.g. 'Ms. Reyes will attend cardiology follow-up with her daughter')", layout=WIDE,
                      description="Goal", style=LABEL_STYLE, tooltip="The goal: what will happen, and who does it", continuous_update=False)
    measure = W.Text(placeholder="How you will know (a number or an observable result)", layout=WIDE, description="Measure", style=LABEL_STYLE,
                     continuous_update=False)
    target = W.DatePicker(description="Target date", style=LABEL_STYLE)
    add = W.Button(description="Add goal", button_style="primary")
    listing = W.VBox()
    role_opts = [("case manager (me)", "case-manager")] + [(r.title, r.id) for r in session.lib.roles.values()]
    step_text = W.Text(placeholder="what will be done", layout=W.Layout(width="50%"), description="Action step", style=LABEL_STYLE,
                       continuous_update=False)
    owner = W.Dropdown(options=role_opts, layout=W.Layout(width="25%"), description="Owner", style=LABEL_STYLE, tooltip="Who does the action step")
    due = W.DatePicker(layout=W.Layout(width="20%"), description="Due", style=LABEL_STYLE)
    add_step = W.Button(description="Add action step")

    def render(_s=None):
        _refresh_needs(need, session)
        items = []
        for i, g in enumerate(session.plan.goals):
            rm = remove_button(f"the goal for {title(session, 'need', g.need)}")
            rm.on_click(status.guarded(lambda _b, i=i: (session.remove_goal(i), render(), "Removed the goal.")[-1]))
            items.append(W.HBox([rm, W.HTML(f"<b>{esc(title(session, 'need', g.need))}</b>: {esc(g.what)} "
                                            f"<i>Measure:</i> {esc(g.measure)} <i>By:</i> {g.target_date or 'no date'}")]))
        for i, a in enumerate(session.plan.actions):
            rm = remove_button(f"the step '{a.text}'")
            rm.on_click(status.guarded(lambda _b, i=i: (session.remove_action(i), render(), "Removed the step.")[-1]))
            items.append(W.HBox([rm, W.HTML(f"Step: {esc(a.text)} <i>Owner:</i> {esc(title(session, 'role', a.owner_role))} "
                                            f"<i>Due:</i> {a.due or 'no date'}")]))
        listing.children = items

    def add_goal(_b):
        if not need.value:
            return "Identify needs in the assessment step first."
        session.add_goal(need.value, what.value, measure.value, target.value)
        what.value, measure.value = "", ""
        render()
        return "Saved the goal."

    def add_action(_b):
        if not step_text.value.strip():
            return "Write the action step first."
        session.add_action(step_text.value, owner.value, due.value)
        step_text.value = ""
        render()
        return "Saved the action step."

    add.on_click(status.guarded(add_goal))
    add_step.on_click(status.guarded(add_action))
    session.on_change(lambda s: _refresh_needs(need, s))
    render()
    return _frame(
        "Set goals and an action plan",
        "A good goal is specific (who does what), measurable and dated, and it answers a need.",
        [need, what, measure, target, add, W.HTML("<b>Action steps</b>"), W.HBox([step_text, owner, due]), add_step, W.HTML("<b>Your plan so far</b>"), listing],
        status,
    )


# --------------------------------------------------------------------------- 5. referrals


def referrals_view(session) -> W.VBox:
    status = StatusArea()
    need = W.Dropdown(options=_need_options(session), description="Need", style=LABEL_STYLE)
    who = W.Dropdown(options=_member_options(session), value=session.case.client.member, description="For",
                     style=LABEL_STYLE, tooltip="The household member the referral is for")
    resource = W.Select(options=[], rows=6, layout=WIDE, description="Resource", style=LABEL_STYLE, tooltip="Resources that serve the need")
    detail = W.HTML()
    refer = W.Button(description="Refer", button_style="primary")
    listing = W.VBox()

    def fill(_c=None):
        res = session.lib.resources_for_need(need.value) if need.value else []
        resource.options = [(f"{r.name} ({r.category.replace('_', ' ')}; wait {r.wait_days} days)", r.id) for r in res]
        if not res:
            detail.value = "<i>No resource in the directory serves this need; note it as a gap in your plan.</i>"

    def show(_c=None):
        r = session.lib.resources.get(resource.value)
        if r is None:
            return
        c = r.criteria
        crit = [x for x in (
            f"ages {c.min_age if c.min_age is not None else 0}-{c.max_age if c.max_age is not None else 'any'}" if (c.min_age or c.max_age) else "",
            f"income at or under {c.max_percent_fpl:g}% of poverty" if c.max_percent_fpl else "",
            ("requires " + ", ".join(x.replace("_", " ") for x in c.requires)) if c.requires else "",
            ("referrals from " + ", ".join(s.label for s in c.settings)) if c.settings else "",
        ) if x]
        detail.value = (f"<p><b>{esc(r.name)}</b>: {esc(r.description)}<br><i>Who it serves:</i> {esc('; '.join(crit) or 'anyone')}"
                        f"<br><i>Wait:</i> {r.wait_days} days &nbsp; <i>Languages:</i> {esc(', '.join(r.languages))} &nbsp; <i>Hours:</i> {esc(r.hours)}</p>")

    def render(_s=None):
        items = []
        for ref in session.plan.referrals:
            rm = remove_button(f"the referral to {title(session, 'resource', ref.resource)}")
            rm.on_click(status.guarded(lambda _b, ref=ref: (session.unrefer(ref.resource, ref.need, ref.member), render(), "Removed the referral.")[-1]))
            person = session.case.member(ref.member) if ref.member else None
            whom = f" ({person.first_name})" if person else ""
            items.append(W.HBox([rm, W.HTML(f"{esc(title(session, 'resource', ref.resource))} for "
                                            f"{esc(title(session, 'need', ref.need))}{esc(whom)}")]))
        listing.children = items

    def do_refer(_b):
        if not need.value or resource.value is None:
            return "Pick a need and a resource first."
        session.refer(resource.value, need.value, who.value)
        render()
        return f"Saved: referral to {title(session, 'resource', resource.value)} for {title(session, 'need', need.value)}."

    need.observe(lambda c: fill(), names="value")
    resource.observe(lambda c: show(), names="value")
    refer.on_click(status.guarded(do_refer))
    session.on_change(lambda s: _refresh_needs(need, s))
    fill()
    render()
    return _frame(
        "Refer to community resources",
        "Pick a need, then a resource that serves it. Check the resource's criteria against the client's facts: an unsuitable referral costs the client a wait for nothing.",
        [need, who, resource, detail, refer, W.HTML("<b>Your referrals</b>"), listing],
        status,
    )


# --------------------------------------------------------------------------- 6. rights


def rights_view(session) -> W.VBox:
    status = StatusArea()
    options = [r for r in session.lib.rights.values() if session.case.setting in r.settings]
    boxes: list[W.Checkbox] = []
    chosen = set(session.plan.rights)

    def changed(_c):
        session.set_rights([r.id for r, b in zip(options, boxes) if b.value])
        return f"Saved: {sum(b.value for b in boxes)} to explain."

    for r in options:
        b = wrapping_checkbox(f"[{r.kind}] {r.text}", r.id in chosen, layout=WIDE)
        boxes.append(b)
    for b in boxes:
        b.observe(status.guarded(changed), names="value")
    return _frame("Explain rights and responsibilities", "Tick what this client must be told now. Choose for the situation; a long list helps no one.", boxes, status)


# --------------------------------------------------------------------------- 7. coordination


def coordination_view(session) -> W.VBox:
    status = StatusArea()
    asked = {r.provider: r for r in session.plan.information_requests}
    rows = [W.HTML("<b>Information to collect</b>")]
    for p in session.case.providers:
        box = wrapping_checkbox(f"{p.name} ({p.role})", p.id in asked, layout=W.Layout(width="45%"))
        what = W.Text(value=asked[p.id].information if p.id in asked else "", placeholder="what you will ask for", layout=W.Layout(width="50%"),
                      description="Ask for", style=LABEL_STYLE, tooltip=f"What you will ask {p.name} for")

        def changed(_c, pid=p.id, box=box, what=what):
            session.request_info(pid, what.value if box.value else None)
            return f"Saved: request to {title(session, 'provider', pid)} {'on' if box.value else 'withdrawn'}."

        box.observe(status.guarded(changed), names="value")
        what.observe(lambda c, b=box, h=status.guarded(changed): h(c) if b.value else None, names="value")
        rows.append(W.HBox([box, what]))
    rows.append(W.HTML("<b>Who does each task</b>"))
    given = {d.task: d.role for d in session.plan.delegations}
    role_opts = [("(no one)", NOTHING)] + [(r.title, r.id) for r in session.lib.roles.values()]
    for t in session.case.tasks:
        dd = W.Dropdown(options=role_opts, value=given.get(t.id) or NOTHING, layout=W.Layout(width="35%"), description="Done by",
                        style=LABEL_STYLE, tooltip=f"Who does this: {t.text}")

        def delegated(_c, tid=t.id, dd=dd):
            session.delegate(tid, dd.value or None)
            if not dd.value:
                return f"Saved: no one has this task: {title(session, 'task', tid)}"
            return f"Saved: {title(session, 'role', dd.value)} will do this: {title(session, 'task', tid)}"

        dd.observe(status.guarded(delegated), names="value")
        rows.append(W.HBox([W.HTML(f"<div style='line-height:1.4'>{esc(t.text)}</div>", layout=W.Layout(width="60%")), dd]))
    return _frame("Coordinate and delegate", "Collect what you need from each provider. Give each task this client needs to a role whose scope "
                  "allows it, and leave a task this client does not need with no one: the list has both.", rows, status)


# --------------------------------------------------------------------------- 8. meeting and note


def documentation_view(session) -> W.VBox:
    status = StatusArea()
    meeting = session.plan.meetings[0] if session.plan.meetings else None
    names = [a.name for a in session.case.meeting_attendees]
    date = W.DatePicker(value=meeting.date if meeting else None, description="Meeting date", style=LABEL_STYLE)
    who = _checkboxes([(f"{a.name} ({a.role})", a.name) for a in session.case.meeting_attendees],
                      {n for n in (meeting.attendees if meeting else []) if n in names}, layout=WIDE)
    purpose = W.Text(value=meeting.purpose if meeting else "", placeholder="purpose of the meeting", layout=WIDE, description="Purpose", style=LABEL_STYLE)
    note_box = W.Textarea(value=session.plan.progress_note, placeholder="Progress note: what you found, what was decided, who does what by when.",
                          layout=W.Layout(width="98%", height="160px"), description="Progress note", style=LABEL_STYLE)

    def meeting_changed(_c):
        session.set_meeting(date.value, _ticked(who), purpose.value)
        return "Saved the meeting."

    for w in (date, *who, purpose):
        w.observe(status.guarded(meeting_changed), names="value")
    note_box.observe(status.guarded(lambda c: (session.write_note(note_box.value), "Saved the note.")[-1]), names="value")
    return _frame("Meet and document", "Plan the meeting with the client and family, then write the progress note. An instructor grades the note.", [date, W.HTML("<b>Attendees</b>"), *who, purpose, note_box], status)


# --------------------------------------------------------------------------- 9. events and revision


def revision_view(session) -> W.VBox:
    status = StatusArea()
    body = W.VBox()
    save_btn = W.Button(description="Save my initial plan and see what happens next", button_style="warning", layout=W.Layout(width="auto"))

    def render():
        if not session.plan.initial_saved:
            body.children = [note("Follow-up events appear once you save your initial plan."), save_btn]
            return
        parts = []
        # Titles with their domain or category, so a search for "housing" finds every housing need.
        need_opts = [(f"{n.title} ({n.domain})", n.id) for n in session.lib.needs.values()]
        resource_opts = [(f"{r.name} ({r.category.replace('_', ' ')})", r.id) for r in session.lib.resources.values()]
        for ev in session.case.events:
            mine = session.plan.revision(ev.id)
            state = {"needs": list(mine.new_needs) if mine else [], "referrals": list(mine.new_referrals) if mine else []}
            pp = _checkboxes([(session.lib.programs.get(p).name, p) for p in session.case.programs], set(mine.redetermine) if mine else set())
            txt = W.Textarea(value=mine.note if mine else "", placeholder="What changes in the plan, and why", layout=WIDE,
                             description="What changes", style=LABEL_STYLE, tooltip=f"What changes in the plan after {ev.title}, and why")

            def changed(_c=None, eid=ev.id, state=state, pp=pp, txt=txt):
                session.revise(eid, state["needs"], state["referrals"], _ticked(pp), txt.value)
                return f"Saved your revision for {title(session, 'event', eid)}."

            def chose(kind, values, state=state, changed=changed):
                state[kind] = values
                return changed()

            nn = Picker("need", need_opts, state["needs"], partial(chose, "needs"), status.guarded)
            rr = Picker("resource", resource_opts, state["referrals"], partial(chose, "referrals"), status.guarded)
            for w in (*pp, txt):
                w.observe(status.guarded(changed), names="value")
            parts.append(W.VBox([W.HTML(facts.event(ev)), W.HTML("<b>New needs</b>"), nn.widget, W.HTML("<b>New referrals</b>"), rr.widget,
                                 W.HTML("<b>Programs to re-determine</b>"), *pp, txt]))
        body.children = parts

    def initial(_b):
        session.save_initial_plan()
        render()
        return "Initial plan saved. Read what happened next."

    save_btn.on_click(status.guarded(initial))
    render()
    return _frame("Monitor and retool", "Time passes. Read each event and revise the plan: new needs, new referrals, and programs to re-determine.", [body], status)


# --------------------------------------------------------------------------- 10. check


def check_view(session) -> W.VBox:
    from casekit.casework.widgets.selfcheck import show_results

    status = StatusArea()
    out = W.Output()
    btn = W.Button(description="Check my plan", button_style="success")

    def run(_b):
        results = session.check()
        out.clear_output(wait=True)
        with out:
            show_results(results)
        total = sum(r.points for r in results), sum(r.max for r in results)
        return f"Checked: {total[0]:.2f} of {total[1]:.0f} code-graded points. Scores update each time you press the button."

    btn.on_click(status.guarded(run))
    return _frame("Check my plan", "See how your plan scores on each criterion, with a supervisor's comments.", [btn, out], status)


_VIEWS = {
    "intake": (facts.application, intake_view),
    "assessment": (facts.reports, assessment_view),
    "eligibility": (None, eligibility_view),
    "planning": (None, planning_view),
    "referrals": (None, referrals_view),
    "rights": (None, rights_view),
    "coordination": (None, coordination_view),
    "documentation": (None, documentation_view),
    "revision": (None, revision_view),
    "check": (None, check_view),
}
STEPS = {step: _VIEWS[step] for step in NOTEBOOK_STEPS}
"""Each section of a case notebook, in the process's order: the facts shown before it and its view."""


def step_view(session, step: str) -> W.Widget:
    """The widget for ``step`` (one of STEPS), bound to ``session``."""
    try:
        _facts, view = STEPS[step]
    except KeyError:
        raise KeyError(f"unknown step {step!r}; steps are {', '.join(STEPS)}") from None
    return view(session)


def show_facts(session, step: str) -> None:
    """Display the facts a learner reads before ``step``."""
    if step == "overview":
        display(HTML(facts.overview(session.case)))
    elif step == "intake":
        display(HTML(facts.application(session.case)))
    elif step == "assessment":
        display(HTML(facts.reports(session.case)))
    elif step == "eligibility":
        display(HTML(facts.verified_household(session.case) + facts.program_rules(session.case, session.lib)))
