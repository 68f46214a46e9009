"""The README's layout section shows the package as it is: every folder, and no file or folder that is not there."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "casekit"


def _layout_block() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Layout\n"):]
    block = section[section.index("```\n") + 4:]
    return block[:block.index("```")].splitlines()


def _casekit_lines() -> list[tuple[int, str]]:
    """(indent, first word) of each line of the tree under casekit/, continuation lines left out."""
    lines, inside = [], False
    for line in _layout_block():
        word = line.split()[0] if line.strip() else ""
        indent = len(line) - len(line.lstrip())
        if indent == 0:
            inside = word == "casekit/"
            continue
        if inside and word and not line[indent:].startswith("the ") and re.match(r"^[\w.]+/?$", word):
            lines.append((indent, word))
    return lines


def _named_paths() -> set[str]:
    """The folders and modules the layout names, as paths under casekit/ (folders end in /)."""
    found, stack = set(), []
    for indent, word in _casekit_lines():
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = "".join(w for _, w in stack)
        found.add(parent + word)
        if word.endswith("/"):
            stack.append((indent, word))
    return found


def test_every_folder_of_the_package_is_in_the_layout():
    """Does the layout show each folder of casekit/ at its place in the tree?"""
    folders = {str(p.relative_to(PACKAGE)) + "/" for p in PACKAGE.rglob("*") if (p / "__init__.py").exists()}
    assert folders <= _named_paths(), sorted(folders - _named_paths())


def test_everything_the_layout_names_is_there():
    """Is every folder and module the layout names a real one, where it says?"""
    for path in _named_paths():
        target = PACKAGE / path.rstrip("/")
        assert target.exists(), f"the README's layout names casekit/{path}, which does not exist"
