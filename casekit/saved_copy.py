"""A saved copy of what the kit loads from its data files, used again while nothing it was read from has changed.

Every command and notebook loads the case library: about forty YAML files parsed and validated,
about 0.2 s, which is most of what ``casekit cases list`` or opening a case notebook waits for. The
hours log's credential rules are one file, but checking them needs pydantic's validators built
first (about 40 ms of every ``casekit hours progress``). A copy is keyed by a fingerprint of
everything the loaded value depends on:

* the name and the bytes of every file it was read from (so an edited, added, removed or renamed
  case, key, catalogue or rules file is read afresh, whatever its modification time says);
* the bytes of the kit's own code (a changed model or validator is applied to the files again);
* the version of Python and the installed copies of PyYAML and pydantic.

A copy is a pickle in the user's cache folder, one per kind and data folder (``CASEKIT_CACHE`` names
another folder; ``CASEKIT_CACHE=off`` reads the files every time). It is trusted as Python's own
``__pycache__`` is: it lives among the user's files and holds nothing the files do not. A copy that
cannot be read or is for another fingerprint is ignored and replaced; a cache folder that cannot be
written to is ignored too: the library is then read from the files, as it would be without a cache.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import platform
import tempfile
from pathlib import Path
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")

_CODE_DIR = Path(__file__).resolve().parent
OFF = "off"


def cache_dir() -> Path | None:
    """Where copies are kept, or None when ``CASEKIT_CACHE=off``."""
    chosen = os.environ.get("CASEKIT_CACHE", "")
    if chosen.lower() == OFF:
        return None
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("casekit"))


def _versions() -> str:
    """Python's version, and which copy of PyYAML, pydantic and pydantic-core is installed.

    A package's copy is told by its main file's path, size and modification time (an upgrade or
    reinstall rewrites it): cheaper than asking ``importlib.metadata``, which every load would wait for.
    """
    parts = [f"python {platform.python_version()}"]
    for name in ("yaml", "pydantic", "pydantic_core"):
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        try:
            stat = os.stat(origin) if origin else None
        except OSError:
            stat = None
        parts.append(f"{name} {origin} {stat.st_size} {stat.st_mtime_ns}" if stat else f"{name} missing")
    return "; ".join(parts)


def fingerprint(files: Sequence[Path], root: Path) -> str:
    """A digest of ``files`` (names relative to ``root``, and bytes), the kit's code and the versions it reads with."""
    digest = hashlib.sha256(_versions().encode())
    for path in sorted(_CODE_DIR.rglob("*.py")):
        digest.update(b"\0code\0" + str(path.relative_to(_CODE_DIR)).encode() + b"\0")
        digest.update(path.read_bytes())
    for path in files:
        digest.update(b"\0data\0" + str(Path(path).relative_to(root)).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError as exc:  # the loader reports a missing or unreadable file; the fingerprint just differs
            digest.update(f"unreadable: {exc.strerror}".encode())
    return digest.hexdigest()


def _copy_path(folder: Path, root: Path, variant: str) -> Path:
    where = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    return folder / f"{variant}-{where}.pickle"


def cached(root: Path, variant: str, files: Sequence[Path], build: Callable[[], T]) -> T:
    """``build()``'s result for the data at ``root``, from the saved copy when ``files`` and the code are unchanged.

    ``variant`` names what is built, and tells apart what is built from the same folder (the
    case library with its keys, or without).
    """
    folder = cache_dir()
    if folder is None:
        return build()
    key = fingerprint(files, root)
    copy = _copy_path(folder, root, variant)
    try:
        saved_key, saved = pickle.loads(copy.read_bytes())
        if saved_key == key:
            return saved
    except Exception:  # no copy, a partly written one, or one pickled by other code: read the files
        pass
    result = build()
    _save(copy, (key, result))
    return result


def _save(copy: Path, value: object) -> None:
    """Write the copy whole or not at all (two processes may write it at once; the last one wins)."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        copy.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=copy.parent, prefix=copy.stem, suffix=".tmp")
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, copy)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
