"""Memo of `wijkcheck audit` output: the same question about the same files gets the same answer
without loading PyYAML, pydantic and the engine again (docs/performance.md, "Geheugen").

An entry is found by a key over everything the output depends on apart from the content of the
data files: wijkcheck's own code, the installed packages, Python, the command's parameters, the
working folder, the environment, the terminal, today's date, the data root and the names of all
files in its folders. The entry lists every data file the audit read with a fingerprint of its
bytes, and is used only while every one of them still has exactly that content: edit a wijk
file, and the next audit is computed afresh. Errors are never remembered.

Entries live in `$WIJKCHECK_CACHE`, else `$XDG_CACHE_HOME/wijkcheck`, else `~/.cache/wijkcheck`;
`WIJKCHECK_CACHE=uit` (or `--geen-cache`) switches the memo off. Anything unreadable or
unwritable there is ignored: the memo can make a run faster, never make it fail.

Only the standard library and `wijkcheck.plaats` are imported here: a hit must not pay for what
it skips.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import wijkcheck
from wijkcheck.plaats import DataRoot, bundled_root, vingerafdruk

ENV_CACHE = "WIJKCHECK_CACHE"
#: Values of $WIJKCHECK_CACHE that switch the memo off.
UIT = frozenset({"0", "uit", "nee", "off", "false", "no"})
#: Bump when the entry format or the key changes meaning.
VERSIE = 1
#: Entries kept; the least recently used go first (an audit is about 20 kB).
MAX_ITEMS = 256

_PAKKET = Path(wijkcheck.__file__).resolve().parent


def cachemap(env: Mapping[str, str]) -> Path | None:
    """Where entries live, or None when the memo is switched off."""
    waarde = env.get(ENV_CACHE, "").strip()
    if waarde.casefold() in UIT:
        return None
    if waarde:
        return Path(waarde).expanduser() / "uitvoer"
    xdg = env.get("XDG_CACHE_HOME", "")
    try:
        basis = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    except RuntimeError:  # no home folder
        return None
    return basis / "wijkcheck" / "uitvoer"


@dataclass(frozen=True, slots=True)
class Treffer:
    stdout: str
    code: int


class Geheugen:
    """The memo entry of one run: look it up first, store the output after a miss."""

    def __init__(self, map_: Path, sleutel: str) -> None:
        self.pad = map_ / f"{sleutel}.json"

    @classmethod
    def open(
        cls, env: Mapping[str, str], root: DataRoot, parameters: Mapping[str, Any]
    ) -> Geheugen | None:
        map_ = cachemap(env)
        if map_ is None:
            return None
        return cls(map_, sleutel(env, root, parameters))

    def zoek(self) -> Treffer | None:
        """The remembered output, if every file it was made from still has the same content."""
        try:
            entry = json.loads(self.pad.read_text(encoding="utf-8"))
            if entry.get("versie") != VERSIE:
                return None
            for pad, afdruk in entry["bestanden"]:
                with open(pad, "rb") as f:
                    if vingerafdruk(f.read()) != afdruk:
                        return None
            treffer = Treffer(str(entry["stdout"]), int(entry["code"]))
            os.utime(self.pad)  # recently used: pruned last
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return treffer

    def bewaar(self, bestanden: Sequence[tuple[str, str]], stdout: str, code: int) -> None:
        """Remember the output of a run that read `bestanden` (path, fingerprint)."""
        gelezen = list(dict.fromkeys(bestanden))  # a file read twice is checked once
        entry = {"versie": VERSIE, "bestanden": gelezen, "stdout": stdout, "code": code}
        map_ = self.pad.parent
        tijdelijk = None
        try:
            map_.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tijdelijk = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=map_)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(entry, f, ensure_ascii=False)
            os.replace(tijdelijk, self.pad)  # a reader sees the old entry or the new one
            tijdelijk = None
            _snoei(map_)
        except OSError:
            pass
        finally:
            if tijdelijk is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tijdelijk)


def _snoei(map_: Path) -> None:
    entries = [e for e in os.scandir(map_) if e.name.endswith(".json")]
    if len(entries) <= MAX_ITEMS:
        return
    entries.sort(key=lambda e: e.stat().st_mtime_ns)
    for e in entries[: len(entries) - MAX_ITEMS]:
        with contextlib.suppress(OSError):
            os.unlink(e.path)


def sleutel(env: Mapping[str, str], root: DataRoot, parameters: Mapping[str, Any]) -> str:
    """Key over everything the output depends on, except the content of the data files."""
    h = hashlib.blake2b(digest_size=20)

    def neem(*delen: object) -> None:
        for deel in delen:
            h.update(repr(deel).encode("utf-8", "surrogatepass"))
            h.update(b"\0")

    neem("wijkcheck audit", VERSIE, wijkcheck.__version__, sys.version, sys.executable)
    neem(_code(), _pakketten())
    neem(sorted((k, str(v)) for k, v in parameters.items()))
    neem(os.getcwd(), sorted(env.items()), _terminal(), dt.date.today().isoformat())
    neem(root.wijken, root.checklists, root.herkomst, root.basis)
    bundled = None
    with contextlib.suppress(Exception):
        bundled = bundled_root().checklists
    for map_ in (root.wijken, root.checklists, bundled):
        neem(_namen(map_))
    return h.hexdigest()


def _code() -> list[tuple[str, int, int]]:
    """wijkcheck's own modules, as changed by an upgrade or by editing a source checkout."""
    found = []
    for pad, mappen, bestanden in os.walk(_PAKKET):
        mappen[:] = sorted(m for m in mappen if m not in ("_bundled", "__pycache__"))
        for naam in sorted(bestanden):
            if naam.endswith(".py"):
                info = os.stat(os.path.join(pad, naam))
                found.append((os.path.join(pad, naam), info.st_mtime_ns, info.st_size))
    return found


def _pakketten() -> list[str]:
    """Name and version of every installed distribution (pydantic, rich, …) on the path."""
    found = []
    for map_ in sys.path:
        with contextlib.suppress(OSError):
            found += [
                e.name
                for e in os.scandir(map_ or ".")
                if e.name.endswith((".dist-info", ".egg-info"))
            ]
    return sorted(found)


def _terminal() -> list[object]:
    """What rich looks at to lay out and colour the table."""
    found: list[object] = [getattr(sys.stdout, "encoding", None)]
    for fd in (0, 1, 2):
        try:
            found += [os.isatty(fd), tuple(os.get_terminal_size(fd))]
        except (OSError, ValueError):
            found += [None, None]
    return found


def _namen(map_: Path | None) -> list[str] | None:
    """Every file and folder name below `map_`: a new, renamed or removed file changes it."""
    if map_ is None:
        return None
    found = []
    for pad, mappen, bestanden in os.walk(map_):
        mappen.sort()
        found += [os.path.join(pad, n) for n in (*mappen, *sorted(bestanden))]
    return found
