"""The HTML report and its chart."""

from __future__ import annotations

import base64
import html
import io
import re
from datetime import date

import pytest
from matplotlib.image import imread

from casekit.hours.charts import charted, progress_figure, progress_png
from casekit.hours.demo import build_demo_log
from casekit.hours.errors import HoursError
from casekit.hours.learner import learner_progress
from casekit.hours.logbook import list_entries
from casekit.hours.people import add_person
from casekit.hours.report import hours_by_month, write_report
from casekit.hours.rules import load_rules

from .helpers import log_days, weekdays


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = build_demo_log(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    yield store
    store.close()


def _png_from(page: str) -> bytes:
    m = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert m, "the chart is embedded"
    return base64.b64decode(m.group(1))


def test_report_has_every_section_the_chart_and_the_sources(demo, tmp_path):
    """Does the report hold the summary, routes, an embedded PNG chart, hours by month, exclusions and every rule source?"""
    path = write_report(demo, "Demo Learner B", tmp_path / "b.html")
    page = path.read_text(encoding="utf-8")
    for heading in ("Summary per credential", "Every route", "Counted experience against each threshold",
                    "Hours by month and category", "Entries that did not count, and why", "Rule sources"):
        assert f"<h2>{heading}</h2>" in page
    png = _png_from(page)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = imread(io.BytesIO(png))
    assert image.shape[0] > 300 and image.shape[1] > 600
    rules = load_rules()
    for cid, cred in rules.credentials.items():
        assert html.escape(cred.eligibility.source) in page, cid
    assert html.escape(rules.settings.full_time_hours_per_week.source) in page
    assert "ready to apply" in page  # Demo Learner B has the ACM-RN experience
    assert "pending" in page


def test_hours_by_month_add_up_to_the_log(demo):
    """Do the monthly totals add up to the learner's logged hours, with the pending part apart?"""
    entries = list_entries(demo, learner="Demo Learner A")
    table = hours_by_month(entries)
    assert table["total"].sum() == pytest.approx(entries["hours"].sum())
    assert table["of which pending"].sum() == pytest.approx(entries.loc[entries.status == "pending", "hours"].sum())
    assert list(table.index) == sorted(table.index)


def test_names_are_escaped(store, tmp_path):
    """Is text from the log escaped in the HTML (a name cannot inject markup)?"""
    add_person(store, "Demo <b>Learner</b> & Co", degree_level="bachelor", degree_field="nursing", degree_date="2019-01-01")
    page = write_report(store, "Demo <b>Learner</b> & Co", tmp_path / "x.html").read_text()
    assert "Demo &lt;b&gt;Learner&lt;/b&gt; &amp; Co" in page and "<b>Learner</b>" not in page


@pytest.mark.parametrize("name,fragment", [("report.pdf", "ending in .html"), ("missing/dir/report.html", "does not exist")])
def test_bad_report_paths_are_refused(demo, tmp_path, name, fragment):
    """Is a report path with the wrong suffix or a missing folder refused clearly?"""
    with pytest.raises(HoursError, match=fragment):
        write_report(demo, "Demo Learner A", tmp_path / name)


def test_chart_has_a_panel_per_open_credential_with_progress(store, people):
    """Does the chart draw one panel per credential open to the learner with counted hours, and note the others?"""
    log_days(store, "Demo Learner B", weekdays(date(2023, 1, 2), 20), 7.5)
    lp = learner_progress(store, "Demo Learner B", as_of=date(2024, 6, 3))
    shown, notes = charted(lp)
    assert [c.short for c in shown] == ["CCM", "ACM-RN", "CMC"]
    assert "CDMS (nothing counted yet)" in notes and "C-SWCM (education/licence not met)" in notes
    fig = progress_figure(lp)
    titled = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert len(titled) == 3
    assert any("threshold 2,080 h" in t.get_text() for ax in titled for t in ax.get_legend().get_texts())
    assert progress_png(lp).startswith(b"\x89PNG")


def test_report_has_a_verification_section_a_board_can_check(demo, tmp_path):
    """Does the report show the result and date, verified hours per credential, each signer's fingerprint, and carry the signed log?"""
    from casekit.hours.keys import list_keys
    from casekit.hours.signedexport import verify_file
    from casekit.hours.verify import verify_store

    page = write_report(demo, "Demo Learner B", tmp_path / "b.html").read_text(encoding="utf-8")
    assert "<h2>Verification</h2>" in page and "Verification failed" not in page
    # the verdict is against the keys the log names, and says how to check those keys are the supervisors'
    assert "<b>Verified against the keys in this log.</b>" in page
    assert "Whether each key is the supervisor's own is not shown by the log itself" in page
    assert "Without it the check shows only that the file agrees with itself" in " ".join(page.split())
    assert re.search(r"Checked \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00 by casekit", page)
    assert "Approved hours per credential (verified entries only)" in page
    lp = learner_progress(demo, "Demo Learner B")
    acm = lp.credential("ACM-RN").best
    assert f"<td>ACM-RN</td><td>{acm.route.id}</td><td class='num' data-casekit-credential='ACM-RN'>{acm.counted_hours:,.2f}</td>" in page
    for k in list_keys(demo):  # both demo supervisors signed some of B's entries
        assert html.escape(k.fingerprint) in page and k.owner in page
    (in_db,) = verify_store(demo, "Demo Learner B")
    from_file = verify_file(tmp_path / "b.html")
    assert from_file.ok and from_file.approved_verified == in_db.approved_verified > 500
    assert from_file.head == in_db.head and f"seq {in_db.head[0]}, hash <code>{in_db.head[1]}</code>" in page


def test_the_file_alone_gives_the_report_s_hours_per_credential(demo, tmp_path):
    """Recomputed from the report file alone (no database), are the approved hours per credential the report's?"""
    from casekit.hours.signedexport import progress_from_signed, read_signed_file
    from casekit.hours.verify import verify_log

    path = write_report(demo, "Demo Learner C", tmp_path / "c.html", full_time_hours=30)
    log = read_signed_file(path)
    again = progress_from_signed(log, verify_log(log))
    lp = learner_progress(demo, "Demo Learner C", full_time_hours=30)
    assert again.options.full_time_hours == 30
    assert [(c.short, c.best.route.id, c.best.counted_hours, c.met) for c in again.credentials] == \
           [(c.short, c.best.route.id, c.best.counted_hours, c.met) for c in lp.credentials]
    assert any(c.best.counted_hours > 0 for c in again.credentials)


def test_a_note_cannot_break_out_of_the_embedded_signed_log(store, people, tmp_path):
    """Does a note full of HTML (script tags, comments) stay inside the embedded log, which still verifies?"""
    from casekit.hours.logbook import add_entry
    from casekit.hours.signedexport import read_signed_file, verify_file

    note = 'x</script><!--<script>alert(1)</script>--> & "q"'
    add_entry(store, learner="Demo Learner A", date="2024-03-04", hours=1, category="documentation",
              setting="school", supervisor="Demo Supervisor Q", note=note)
    page = write_report(store, "Demo Learner A", tmp_path / "a.html").read_text()
    assert "<script>alert" not in page and page.count("</script>") == 1
    assert read_signed_file(tmp_path / "a.html").entries[0]["note"] == note
    assert verify_file(tmp_path / "a.html").ok
