"""CSV import is all-or-nothing; export writes what import reads."""

from __future__ import annotations

import re

import pytest

from casekit.hours.approval import approve_entries
from casekit.hours.csvexport import export_csv
from casekit.hours.csvimport import import_csv
from casekit.hours.errors import EntryRejected, HoursError
from casekit.hours.logbook import list_entries
from casekit.hours.people import add_person
from casekit.hours.store import open_store

from .helpers import entry_row, key_for, write_csv


def test_a_good_file_is_imported_whole_and_pending(store, people, tmp_path):
    """Are all rows of a good file stored, pending, with the values given?"""
    rows = [entry_row(date=f"2024-03-{d:02d}", hours="6", note="" if d % 2 else "home visit") for d in range(1, 11)]
    result = import_csv(store, write_csv(tmp_path / "good.csv", rows))
    assert result.count == 10
    frame = list_entries(store)
    assert len(frame) == 10 and set(frame["status"]) == {"pending"}
    assert frame["hours"].sum() == 60
    assert sorted(frame["entry_id"]) == sorted(result.entry_ids)


def test_one_bad_row_rejects_the_file_and_every_bad_row_is_listed(store, people, tmp_path):
    """With bad rows scattered in a file, is nothing imported and is each bad row named with its field?"""
    rows = [entry_row(date=f"2024-04-{d:02d}") for d in range(1, 21)]
    rows[2]["hours"] = "0"            # spreadsheet row 4
    rows[9]["learner"] = "Demo Ghost"  # row 11
    rows[15]["note"] = "MRN 5512093"   # row 17
    rows[16]["date"] = "2099-01-01"    # row 18
    rows[16]["category"] = "coffee"    # row 18 again
    with pytest.raises(EntryRejected) as info:
        import_csv(store, write_csv(tmp_path / "mixed.csv", rows))
    got = sorted((p.row, p.field) for p in info.value.problems)
    assert got == [(4, "hours"), (11, "learner"), (17, "note"), (18, "category"), (18, "date")]
    msg = str(info.value)
    assert msg.startswith("mixed.csv: 4 bad row(s), 5 problem(s); nothing was imported")
    for line in ("row 4: hours:", "row 11: learner:", "row 17: note:", "row 18: date:", "row 18: category:"):
        assert line in msg
    assert list_entries(store).empty


def test_a_day_over_24_hours_across_rows_names_the_rows(store, people, tmp_path):
    """Are rows that together pass 24 hours in a learner's day refused, naming all of them?"""
    rows = [entry_row(hours="9"), entry_row(hours="9", category="documentation"), entry_row(hours="9", category="training")]
    with pytest.raises(EntryRejected, match=r"row 2: hours: Demo Learner A would have 27 h on 2024-03-04 \(rows 2, 3, 4\)"):
        import_csv(store, write_csv(tmp_path / "long_day.csv", rows))
    assert list_entries(store).empty


def test_many_bad_rows_are_all_listed(store, people, tmp_path):
    """With more bad rows than the message spells out, is every bad row number still in the message?"""
    rows = [entry_row(date=f"2023-{1 + i // 28:02d}-{1 + i % 28:02d}", hours="-1") for i in range(300)]
    with pytest.raises(EntryRejected) as info:
        import_csv(store, write_csv(tmp_path / "all_bad.csv", rows))
    msg = str(info.value)
    assert len(info.value.problems) == 300
    assert "...and 100 more problem(s), in rows: 202, 203" in msg and msg.rstrip().endswith("301")


HEADER_PROBLEMS = [
    ("unknown column", "learner,date,hours,category,setting,paid,colour\n", "unknown column(s) 'colour'"),
    ("missing column", "learner,date,hours,category,setting\n", "missing column(s) paid"),
    ("repeated column", "learner,date,hours,hours,category,setting,paid\n", "repeated column(s) hours"),
    ("empty file", "", "is empty"),
    ("header only", "learner,date,hours,category,setting,paid\n", "has a header but no entries"),
    ("long first row", "learner,date,hours,category,setting,paid\nDemo Learner A,2024-03-04,7,care_coordination,health_care,yes,extra,more\n",
     "row 2 has more fields than the header"),
    ("long later row", "learner,date,hours,category,setting,paid\nDemo Learner A,2024-03-04,7,care_coordination,health_care,yes\n"
     "Demo Learner A,2024-03-05,7,care_coordination,health_care,yes,oops\n", "Expected 6 fields in line 3, saw 7"),
]


@pytest.mark.parametrize("content,fragment", [h[1:] for h in HEADER_PROBLEMS], ids=[h[0] for h in HEADER_PROBLEMS])
def test_a_malformed_file_is_refused_with_what_to_fix(store, people, tmp_path, content, fragment):
    """Is a file with a bad header or shape refused with a message naming the file and the fix?"""
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(HoursError, match=re.escape(fragment)) as info:
        import_csv(store, path)
    assert "bad.csv" in str(info.value)
    assert list_entries(store).empty


def test_a_file_that_is_not_utf8_is_refused(store, people, tmp_path):
    """Is a file in another encoding refused with how to save it?"""
    path = tmp_path / "latin1.csv"
    path.write_bytes("learner,date,hours,category,setting,paid,note\nDemo Learner A,2024-03-04,7,care_coordination,health_care,yes,r\xe9union\n".encode("latin-1"))
    with pytest.raises(HoursError, match="UTF-8"):
        import_csv(store, path)


def test_a_missing_file_is_a_clear_error(store, tmp_path):
    """Does importing a file that is not there say so (not a traceback)?"""
    with pytest.raises(HoursError, match="no such file"):
        import_csv(store, tmp_path / "nope.csv")


def test_export_then_import_elsewhere_keeps_every_entry_and_id(store, people, tmp_path):
    """Does an exported file import into a fresh log with the same ids and values, arriving pending?"""
    rows = [entry_row(date=f"2024-05-{d:02d}", hours=h, supervisor=s, paid=p, note=n)
            for d, h, s, p, n in [(1, "7.5", "Demo Supervisor Q", "yes", "home visit"), (2, "0:50", "", "no", ""),
                                  (3, "3.25", "Demo Supervisor R", "yes", "a, quoted \"note\"")]]
    import_csv(store, write_csv(tmp_path / "in.csv", rows))
    approve_entries(store, "Demo Supervisor Q", key=key_for(store, "Demo Supervisor Q"))
    out = tmp_path / "out.csv"
    export_csv(store, out)
    other = open_store(tmp_path / "other.sqlite")
    for p in people.values():
        add_person(other, p.name, p.role, degree_level=p.degree_level, degree_field=p.degree_field,
                   degree_date=p.degree_date, credentials=p.credentials)
    result = import_csv(other, out)
    assert any("status column was not imported" in n for n in result.notes)
    a = list_entries(store).drop(columns="status")
    b = list_entries(other)
    assert set(b["status"]) == {"pending"}
    assert a.sort_values("entry_id").reset_index(drop=True).equals(b.drop(columns="status").sort_values("entry_id").reset_index(drop=True))
    with pytest.raises(EntryRejected, match="already in the log"):
        import_csv(other, out)
    other.close()


def test_the_same_entry_id_twice_in_a_file_is_refused(store, people, tmp_path):
    """Are two rows with one entry id refused, naming the earlier row?"""
    eid = "01a218c950e97577973a328be497d734"
    rows = [entry_row(entry_id=eid), entry_row(entry_id=eid, date="2024-03-05")]
    with pytest.raises(EntryRejected, match="row 3: entry_id: the same id as row 2"):
        import_csv(store, write_csv(tmp_path / "dup.csv", rows))


def test_a_note_a_spreadsheet_would_run_survives_export_and_import(store, people, tmp_path):
    """Does a note starting with = or - come back as written, not with the apostrophe the export adds?"""
    notes = ["=HYPERLINK(\"x\")", "-call back Monday", "+team", "@desk", "'quoted on purpose", "plain"]
    rows = [entry_row(date=f"2024-06-{d:02d}", note=n) for d, n in enumerate(notes, start=1)]
    import_csv(store, write_csv(tmp_path / "in.csv", rows))
    out = tmp_path / "out.csv"
    export_csv(store, out)
    text = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and "'-call back Monday" in text  # the export guards them
    other = open_store(tmp_path / "other.sqlite")
    for p in people.values():
        add_person(other, p.name, p.role, degree_level=p.degree_level, degree_field=p.degree_field,
                   degree_date=p.degree_date, credentials=p.credentials)
    import_csv(other, out)
    assert sorted(list_entries(other)["note"]) == sorted(notes)
    other.close()


def test_an_import_leaves_the_log_checking_references_for_every_later_write(store, people, tmp_path):
    """After a bulk import, does SQLite still refuse an entry whose learner is not in the log?"""
    import_csv(store, write_csv(tmp_path / "in.csv", [entry_row()]))
    with store.write() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with store.write() as conn:
            conn.exec_driver_sql(
                "INSERT INTO hours_entries (entry_id, learner_id, day, minutes, category, setting, paid, note, "
                "status, created_at) VALUES ('0' || hex(randomblob(15)), 999999, '2024-01-01', 60, "
                "'documentation', 'other', 1, '', 'pending', '2024-01-01T00:00:00+00:00')")


def _index_sql(store) -> str | None:
    with store.read() as conn:
        row = conn.exec_driver_sql("SELECT sql FROM sqlite_schema WHERE name = 'ix_entries_supervisor_status'").first()
    return None if row is None else row[0]


def test_a_large_first_import_builds_the_supervisor_index_after_the_rows(store, people, tmp_path, monkeypatch):
    """When a batch outgrows the table, is the supervisor index rebuilt as defined, and used for every row?"""
    from casekit.hours.log import logbook

    monkeypatch.setattr(logbook, "_LARGE_BATCH", 5)
    before = _index_sql(store)
    rows = [entry_row(date=f"2024-05-{d:02d}", hours="2") for d in range(1, 21)]
    import_csv(store, write_csv(tmp_path / "many.csv", rows))
    assert _index_sql(store) == before is not None
    with store.read() as conn:
        (n,) = conn.exec_driver_sql("SELECT count(*) FROM hours_entries INDEXED BY ix_entries_supervisor_status "
                                    "WHERE supervisor_id IS NOT NULL OR supervisor_id IS NULL").one()
    assert n == 20


def test_a_large_import_that_fails_part_way_leaves_the_index_and_the_log_as_they_were(store, people, tmp_path,
                                                                                      monkeypatch):
    """If a large import fails after the index was dropped, are the index and the log unchanged?"""
    from casekit.hours.log import logbook

    monkeypatch.setattr(logbook, "_LARGE_BATCH", 5)
    before = _index_sql(store)

    real_insert = logbook.insert_rows

    def insert_then_fail(conn, *args, **kwargs):
        real_insert(conn, *args, **kwargs)
        gone = conn.exec_driver_sql("SELECT 1 FROM sqlite_schema WHERE name = 'ix_entries_supervisor_status'").first()
        assert gone is None  # the rows went in while the index was away
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(logbook, "insert_rows", insert_then_fail)
    rows = [entry_row(date=f"2024-06-{d:02d}", hours="2") for d in range(1, 21)]
    with pytest.raises(RuntimeError):
        import_csv(store, write_csv(tmp_path / "many.csv", rows))
    assert _index_sql(store) == before is not None
    assert len(list_entries(store)) == 0


def test_a_large_import_records_the_documented_entry_hashes(store, people, tmp_path, monkeypatch):
    """Through the large-batch path (hashed in a second process beside the insert), does every entry's
    audit item carry the hash the format documents, and does the log verify?"""
    from casekit.hours.log import logbook
    from casekit.hours.storage import audit, hashing
    from casekit.hours.trust.verify import verify_store

    monkeypatch.setattr(logbook, "_LARGE_BATCH", 5)
    monkeypatch.setattr(hashing, "SECOND_PROCESS_FROM", 5)
    rows = [entry_row(learner="Demo Learner A" if d % 3 else "Demo Learner B", date=f"2024-05-{d:02d}", hours="2",
                      supervisor="" if d % 4 == 0 else "Demo Supervisor Q", note="" if d % 2 else 'a "quoted" note',
                      paid="no" if d % 5 == 0 else "yes") for d in range(1, 25)]
    import_csv(store, write_csv(tmp_path / "many.csv", rows))
    with store.read() as conn:
        records = audit.read_chains(conn)
    items = dict(item for chain in records.values() for rec in chain for item in rec.item_list())
    frame = list_entries(store)
    assert len(items) == len(frame) == 24
    for entry in frame.to_dict("records"):
        entry["minutes"] = round(entry["hours"] * 60)
        assert items[entry["entry_id"]] == audit.entry_hash(entry), entry
    for learner in ("Demo Learner A", "Demo Learner B"):
        (v,) = verify_store(store, learner)
        assert v.ok, v.to_text()


def test_rows_keep_their_spreadsheet_numbers_across_blank_lines(store, people, tmp_path):
    """With blank lines in the file, is a bad row named by the number a spreadsheet shows, and are blank rows skipped?"""
    header = "learner,date,hours,category,setting,paid,supervisor,note\n"
    good = "Demo Learner A,2024-03-04,2,documentation,school,yes,Demo Supervisor Q,\n"
    bad = "Demo Learner A,2024-02-30,2,documentation,school,yes,Demo Supervisor Q,\n"
    path = tmp_path / "gaps.csv"
    path.write_text(header + good + "\n\n" + bad, encoding="utf-8")
    with pytest.raises(EntryRejected) as info:
        import_csv(store, path)
    assert "row 5: date: '2024-02-30'" in str(info.value) and "row 2" not in str(info.value)
    path.write_text(header + "\n" + good + "\n", encoding="utf-8")
    assert import_csv(store, path).count == 1


def test_a_timesheet_imported_twice_is_refused_not_counted_twice(store, people, tmp_path):
    """Is a file whose rows are already in the log (exported, then imported again without entry ids) refused,
    naming the entry each row repeats, while a second piece of work told apart by its note goes in?"""
    rows = [entry_row(date="2024-03-04"), entry_row(date="2024-03-05", note="home visit")]
    first = import_csv(store, write_csv(tmp_path / "week.csv", rows))
    with pytest.raises(EntryRejected) as info:
        import_csv(store, write_csv(tmp_path / "again.csv", rows))
    message = str(info.value)
    assert "row 2: entry: the same work is already in the log as entry" in message and "row 3: entry:" in message
    assert all(eid in message for eid in first.entry_ids)
    assert len(list_entries(store)) == 2
    other = import_csv(store, write_csv(tmp_path / "more.csv", [entry_row(date="2024-03-04", note="second visit")]))
    assert other.count == 1 and len(list_entries(store)) == 3


def test_a_byte_that_is_not_utf8_deep_in_a_file_is_named_by_its_line(store, people, tmp_path):
    """Past the first block pandas reads, is a non-UTF-8 byte named by the line it is on, not its byte offset?"""
    lines = ["learner,date,hours,category,setting,paid,supervisor,note"]
    lines += [f"Demo Learner A,2024-03-04,0.1,documentation,school,yes,Demo Supervisor Q,n{i}" for i in range(3000)]
    data = ("\n".join(lines) + "\n").encode("utf-8").replace(b",n2500\n", b",caf\xe9\n")
    path = tmp_path / "deep.csv"
    path.write_bytes(data)
    with pytest.raises(HoursError, match=r"on line 2502"):
        import_csv(store, path)
    assert list_entries(store).empty


def test_a_degree_date_before_1940_is_a_typo_and_refused(store):
    """Is a degree date in 1900 refused as a typo, naming the field?"""
    with pytest.raises(Exception, match=r"degree date: 1900-01-01 is before 1940; check the year"):
        add_person(store, "Demo Learner Z", "learner", degree_level="bachelor", degree_date="1900-01-01")
