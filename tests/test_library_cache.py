"""The saved copy of the case library is used only while every file it was read from is unchanged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casekit import datafile
from casekit import saved_copy as library_cache
from casekit.cases.library import CaseLibrary


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CASEKIT_CACHE", str(folder))
    return folder


@pytest.fixture
def yaml_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every YAML file the library parses from now on."""
    reads: list[Path] = []
    real = datafile.read_yaml

    def counting(path):
        reads.append(Path(path))
        return real(path)

    monkeypatch.setattr(datafile, "read_yaml", counting)
    monkeypatch.setattr("casekit.cases.library.read_yaml", counting)
    return reads


def _first_case(root: Path) -> Path:
    return root / "casestudies" / f"{sorted(CaseLibrary.load(root, with_keys=False).cases)[0]}.yaml"


def _retitle(path: Path, title: str) -> None:
    """Give the case a new title, keeping the file's size and modification time (a stale-by-mtime cache would miss it)."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if ln.startswith("title:"))
    new = f"title: {title}"
    new = new + " " * (len(line) - len(new)) if len(new) <= len(line) else new
    path.write_text(text.replace(line, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_a_second_load_reads_no_file_and_gives_the_same_library(library_copy, cache, yaml_reads):
    """Does the second load come from the saved copy (no YAML parsed) and equal the first?"""
    first = CaseLibrary.load(library_copy)
    assert yaml_reads, "the first load should read the files"
    yaml_reads.clear()
    second = CaseLibrary.load(library_copy)
    assert yaml_reads == []
    assert second.cases == first.cases and second.keys == first.keys
    assert second.resources == first.resources and second.problems == first.problems
    assert second is not first


def test_an_edit_that_keeps_size_and_time_is_seen(library_copy, cache):
    """Is a case edited in place (same size, same modification time) read afresh?"""
    path = _first_case(library_copy)
    CaseLibrary.load(library_copy)
    _retitle(path, "Renamed")
    lib = CaseLibrary.load(library_copy)
    assert lib.cases[path.stem].title.startswith("Renamed")


def test_an_added_and_a_removed_case_are_seen(library_copy, cache):
    """Does a case copied in appear, and a deleted one disappear, on the next load?"""
    path = _first_case(library_copy)
    before = set(CaseLibrary.load(library_copy).cases)
    path.unlink()
    assert set(CaseLibrary.load(library_copy).cases) == before - {path.stem}


def test_a_broken_file_is_reported_from_the_copy_too(library_copy, cache, yaml_reads):
    """Does a load from the saved copy report the same problem, naming the same file and field?"""
    path = _first_case(library_copy)
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    first = CaseLibrary.load(library_copy)
    yaml_reads.clear()
    again = CaseLibrary.load(library_copy)
    assert yaml_reads == []
    assert [(str(p.path), p.field) for p in again.problems] == [(str(p.path), p.field) for p in first.problems]
    assert any(Path(p.path) == path and "titel" in p.field for p in again.problems)


def test_keys_and_no_keys_are_saved_apart(library_copy, cache):
    """Does the library loaded without keys stay without keys after a load with them?"""
    CaseLibrary.load(library_copy)
    assert CaseLibrary.load(library_copy, with_keys=False).keys == {}
    assert CaseLibrary.load(library_copy).keys


def test_a_damaged_copy_is_ignored_and_replaced(library_copy, cache):
    """Is a copy cut short (as by a killed process) ignored, the files read, and a good copy written?"""
    CaseLibrary.load(library_copy)
    [copy] = [p for p in cache.iterdir() if p.name.startswith("library-with-keys-")]
    copy.write_bytes(copy.read_bytes()[:1000])
    lib = CaseLibrary.load(library_copy)
    assert lib.cases and not lib.problems
    assert len(copy.read_bytes()) > 1000


def test_off_reads_every_time_and_saves_nothing(library_copy, tmp_path, monkeypatch, yaml_reads):
    """With CASEKIT_CACHE=off, is every load read from the files and nothing saved?"""
    monkeypatch.setenv("CASEKIT_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    CaseLibrary.load(library_copy)
    n = len(yaml_reads)
    CaseLibrary.load(library_copy)
    assert len(yaml_reads) == 2 * n
    assert not (tmp_path / "xdg").exists()


def test_a_cache_path_that_is_a_file_is_ignored(library_copy, tmp_path, monkeypatch):
    """Does the library load as usual when CASEKIT_CACHE names a file, not a folder?"""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("CASEKIT_CACHE", str(blocker))
    assert CaseLibrary.load(library_copy).cases
    assert blocker.read_text(encoding="utf-8") == "x"


def test_changed_code_reads_the_files_again(library_copy, cache, yaml_reads, monkeypatch, tmp_path):
    """Is a copy saved before the kit's code changed (a validator edited) not used?"""
    code = tmp_path / "code"
    code.mkdir()
    (code / "validators.py").write_text("LIMIT = 1\n", encoding="utf-8")
    monkeypatch.setattr(library_cache, "_CODE_DIR", code)
    CaseLibrary.load(library_copy)
    yaml_reads.clear()
    CaseLibrary.load(library_copy)
    assert yaml_reads == []
    (code / "validators.py").write_text("LIMIT = 2\n", encoding="utf-8")
    CaseLibrary.load(library_copy)
    assert yaml_reads
