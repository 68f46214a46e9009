"""ipywidgets views for exam practice, the mock exam and the simulations.

Each view is a thin front end over the library object it is given (``Practice``, ``MockExam``,
``SimulationSession``): every control calls one method of that object, which saves at once, so a
code cell can do the same thing and a restart loses nothing. Errors from bad input show in the
view's status line, as in the case steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typing import Any

import ipywidgets as W
from IPython.display import HTML, display

from casekit.exam.bank import LETTERS, Item
from casekit.exam.blueprint import PROCESS_STEPS, load_blueprint
from casekit.exam.mock import MockExam, MockReport
from casekit.exam.practice import Practice
from casekit.exam.simulation import available_simulations, load_simulation
from casekit.exam.simulation_session import SimulationSession
from casekit.casework.widgets.base import WIDE, StatusArea, esc, heading, note

ANY = "(any)"


def _item_html(item: Item, number: str = "") -> str:
    return f"<p><b>{esc(number)}</b> {esc(item.stem)}</p>"


def _options(item: Item, value: str | None = None) -> W.RadioButtons:
    choices = [(f"{L}. {item.options[L]}", L) for L in LETTERS]
    radio = W.RadioButtons(options=choices, value=value, layout=WIDE)
    return radio


# --------------------------------------------------------------------------- practice


def _decided(session, decision_id: str, choice: str) -> str:
    """Save a one-choice decision; the line the status area shows."""
    session.decide(decision_id, choice)
    return "Saved your decision."


def practice_view(folder: Path | str = ".", **kwargs) -> W.VBox:
    """Choose domains or a case step, then answer items one at a time with every rationale after."""
    blueprint = load_blueprint()
    status = StatusArea()
    base = Practice(folder, blueprint=blueprint, **kwargs)
    domains = W.SelectMultiple(options=[(f"{d.title} ({len(base.bank.by_domain(d.id))} items)", d.id)
                                        for d in blueprint.current.domains],
                               description="Domains", rows=6, layout=WIDE, style={"description_width": "initial"})
    cases = sorted({i.case for i in base.bank.items if i.case})
    case = W.Dropdown(options=[ANY, *cases], description="Case", style={"description_width": "initial"})
    step = W.Dropdown(options=[ANY, *PROCESS_STEPS], description="Step", style={"description_width": "initial"})
    start = W.Button(description="Practise these", button_style="primary")
    area = W.VBox()
    state: dict[str, Any] = {"practice": base, "item": None}

    def show_next():
        p = state["practice"]
        item = p.next_item()
        state["item"] = item
        if item is None:
            area.children = [note(esc(p.status() if p.items else "No item in the bank matches this choice yet."))]
            return
        radio = _options(item)
        answer = W.Button(description="Answer", button_style="primary")
        feedback = W.HTML()

        @status.guarded
        def on_answer(_):
            result = p.answer(item.id, radio.value)
            answer.disabled = True
            radio.disabled = True
            lines = esc(result.text()).replace("\n", "<br>")
            colour = "#1f5f1f" if result.correct else "#a40000"
            feedback.value = f"<div style='border-left:3px solid {colour};padding-left:0.6em'>{lines}</div>"
            area.children = [*area.children, nxt]
            return f"Saved. {'Right' if result.correct else 'Missed: it comes back for review'}. {p.status()}"

        answer.on_click(on_answer)
        nxt = W.Button(description="Next item")
        nxt.on_click(status.guarded(lambda _: show_next() or p.status()))
        area.children = [W.HTML(_item_html(item) + f"<span class='casekit-hint'>{esc(item.id)} · {esc(item.domain)}</span>"),
                         radio, answer, feedback]

    @status.guarded
    def on_start(_):
        chosen = list(domains.value)
        state["practice"] = Practice(folder, blueprint=blueprint, bank=base.bank, store=base.store,
                                     domains=chosen or None, case=None if case.value == ANY else case.value,
                                     step=None if step.value == ANY else step.value, now=base.now)
        show_next()
        return state["practice"].status()

    start.on_click(on_start)
    show_next()
    status.line.value = esc(base.status())
    return W.VBox([heading("Exam practice"), domains, W.HBox([case, step, start]), area, status.widget])


# --------------------------------------------------------------------------- mock exam


def show_report(report: MockReport) -> None:
    """The domain score report: the summary, the table, the chart and the rationale for every miss."""
    display(HTML(f"{heading('Domain score report').value}<pre>{esc(report.text())}</pre>"))
    display(report.domains()[["title", "weight", "weight_status", "correct", "items", "percent"]])
    display(report.chart())
    display(HTML(f"<h4>Every miss, with its rationale</h4><pre style='white-space:pre-wrap'>{esc(report.misses_text())}</pre>"))


@dataclass
class _MockState:
    """What the mock exam view shows: the exam (None before the first) and the question at hand."""

    exam: MockExam | None
    position: int = 1


def mock_view(folder: Path | str = ".", items: int | None = None, **kwargs) -> W.VBox:
    """Start or resume the timed mock exam; answer, flag, move about, finish; then the report."""
    status = StatusArea()
    body = W.VBox()
    report_out = W.Output()
    clock = W.HTML()
    ticker = W.Play(interval=1000, min=0, max=10**7, show_repeat=False, layout=W.Layout(display="none"))
    state = _MockState(MockExam.latest(folder, **kwargs))

    def render():
        exam = state.exam
        if exam is None or exam.finished:
            start = W.Button(description="Start a new mock exam", button_style="primary")
            start.on_click(on_start)
            size = f"{items}-item" if items else "full-length"
            intro = note(f"A {size} mock exam starts when you press the button; the clock runs from then, "
                         "even while the notebook is closed.")
            body.children = [intro, start]
            clock.value = ""
            ticker.playing = False
            if exam is not None:
                with report_out:
                    report_out.clear_output(wait=True)
                    show_report(exam.report())
            return
        slots = exam.slots()
        pos = state.position
        slot = slots[pos - 1]

        def label(s):
            return f"{s.position}{' ✓' if s.chosen else ''}{' ⚑' if s.flagged else ''}"

        nav = W.Dropdown(options=[(label(s), s.position) for s in slots], value=pos, description="Question")
        radio = _options(slot.item, slot.chosen)
        flag = W.Checkbox(value=slot.flagged, description="Flag for review", indent=False)
        prev_b, next_b = W.Button(description="◀ Previous"), W.Button(description="Next ▶")
        finish = W.Button(description="Finish and score", button_style="warning")
        confirm = W.Button(description="Yes, finish now", button_style="danger", layout=W.Layout(display="none"))

        @status.guarded
        def on_answer(change):
            exam.answer(pos, change["new"])
            clock.value = _clock(exam)
            return f"Saved your answer to question {pos}. {exam.progress()}"

        @status.guarded
        def on_flag(change):
            exam.flag(pos, change["new"])
            return f"Question {pos} {'flagged for review' if change['new'] else 'unflagged'}. {exam.progress()}"

        def go(to):
            state.position = max(1, min(len(slots), to))
            render()

        radio.observe(on_answer, "value")
        flag.observe(on_flag, "value")
        nav.observe(lambda ch: go(ch["new"]), "value")
        prev_b.on_click(lambda _: go(pos - 1))
        next_b.on_click(lambda _: go(pos + 1))
        finish.on_click(lambda _: setattr(confirm.layout, "display", None))

        @status.guarded
        def on_confirm(_):
            exam.finish()
            render()
            return "Finished: your report is below."

        confirm.on_click(on_confirm)
        body.children = [W.HBox([nav, prev_b, next_b]), W.HTML(_item_html(slot.item, f"{pos}.")), radio, flag,
                         W.HBox([finish, confirm])]
        clock.value = _clock(exam)
        ticker.playing = True

    def _clock(exam):
        return f"<b>Time left: {exam.time_left_text()}</b> · {esc(exam.progress().split('; ', 1)[0])}"

    @status.guarded
    def on_start(_):
        state.exam = MockExam.start(folder, items=items, **kwargs)
        state.position = 1
        with report_out:
            report_out.clear_output()
        render()
        return f"Started mock exam {state.exam.id}: {len(state.exam)} questions, {state.exam.time_left_text()} on the clock."

    def on_tick(_):
        exam = state.exam
        if exam is None:
            return
        if exam.finished:  # time ran out: closes the exam and shows the report
            render()
            status.line.value = "Time is up: the exam is over and scored."
        else:
            clock.value = _clock(exam)

    ticker.observe(on_tick, "value")
    if state.exam is not None and not state.exam.finished:
        status.line.value = esc(f"Resumed mock exam {state.exam.id}: {state.exam.progress()}")
    render()
    return W.VBox([heading("Mock exam"), clock, ticker, body, status.widget, report_out])


# --------------------------------------------------------------------------- simulation


def simulation_view(case_id: str | None = None, folder: Path | str = ".") -> W.VBox:
    """Gather information by requests, make the decisions, then see both scores and the feedback."""
    cases = available_simulations()
    status = StatusArea()
    pick = W.Dropdown(options=[(load_simulation(c).title, c) for c in cases], value=case_id or cases[0],
                      description="Case", layout=WIDE, style={"description_width": "initial"})
    body = W.VBox()
    result = W.HTML()

    def render():
        session = SimulationSession(pick.value, folder)
        sim = session.sim
        made = set(session.requests)
        log = W.HTML("".join(f"<li><b>{esc(sim.request(r).text)}</b>: {esc(sim.request(r).result)}</li>"
                             for r in session.requests))

        def request_button(req):
            b = W.Button(description=req.text, disabled=req.id in made, layout=W.Layout(width="auto"),
                         tooltip=req.text)

            @status.guarded
            def on_click(_):
                session.request(req.id)
                b.disabled = True
                log.value += f"<li><b>{esc(req.text)}</b>: {esc(req.result)}</li>"
                return f"Requested: {req.text}."

            b.on_click(on_click)
            return b

        parts = [W.HTML(f"<p>{esc(sim.opening)}</p><h4>Gather information</h4>"
                        "<p>Each request you make stays made, as in the real simulation. Choose only what you need.</p>"),
                 W.VBox([request_button(r) for r in sim.requests]), W.HTML("<b>What you found</b>"), log,
                 W.HTML("<h4>Decide</h4>")]
        chosen = session.decisions
        for d in sim.decisions:
            if d.choose == "one":
                ctl = W.RadioButtons(options=[(o.text, o.id) for o in d.options],
                                     value=next(iter(chosen.get(d.id) or []), None), layout=WIDE)
                ctl.observe(status.guarded(lambda ch, d=d: _decided(session, d.id, ch["new"])), "value")
                parts += [W.HTML(f"<p>{esc(d.prompt)}</p>"), ctl]
            else:
                boxes = []
                for o in d.options:
                    box = W.Checkbox(value=o.id in chosen.get(d.id, []), description=o.text, indent=False, layout=WIDE)
                    boxes.append((o.id, box))

                def save(_, d=d, boxes=boxes):
                    session.decide(d.id, [oid for oid, b in boxes if b.value])
                    return "Saved your choices."

                for _, box in boxes:
                    box.observe(status.guarded(save), "value")
                parts += [W.HTML(f"<p>{esc(d.prompt)}</p>"), *[b for _, b in boxes]]
        score = W.Button(description="Score my simulation", button_style="primary")
        again = W.Button(description="Start this case again")

        @status.guarded
        def on_score(_):
            res = session.result()
            result.value = f"<pre style='white-space:pre-wrap'>{esc(res.feedback())}</pre>"
            return "Scored."

        @status.guarded
        def on_again(_):
            session.new_attempt()
            result.value = ""
            render()
            return "A new attempt: no requests and no decisions yet."

        score.on_click(on_score)
        again.on_click(on_again)
        body.children = [*parts, W.HBox([score, again])]

    def on_pick(_):
        result.value = ""
        render()

    pick.observe(on_pick, "value")
    render()
    return W.VBox([heading("ACM-style simulation"), pick, body, status.widget, result])


def latest_report(folder: Path | str = ".", **kwargs) -> None:
    """Show the latest finished mock exam's report, or say why there is none yet."""
    exam = MockExam.latest(folder, **kwargs)
    if exam is None:
        print("No mock exam yet: start one above.")
    elif not exam.finished:
        print(f"Mock exam {exam.id} is running: {exam.progress()}. The report comes when you finish.")
    else:
        show_report(exam.report())
