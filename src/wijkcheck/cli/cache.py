"""Memo of `wijkcheck audit` output: the same question about the same files gets the same answer
without loading PyYAML, pydantic and the engine again (docs/performance.md, "The output memo").

An entry is found by a key over everything the output depends on apart from the content of the
data files: wijkcheck's own code, the installed packages, Python, the command's parameters, the
working folder, the environment, the terminal, today's date, the data root and the names of all
files in its folders. The entry lists every data file the audit read with a fingerprint of its
bytes, and is used only while every one of them still has exactly that content: edit a wijk
file, and the next audit is computed afresh. Errors are never remembered.

Entries live in `$WIJKCHECK_CACHE`, else `$XDG_CACHE_HOME/wijkcheck`, else `~/.cache/wijkcheck`;
`WIJKCHECK_CACHE=uit` (or `--geen-cache`) switches the memo off. Anything unreadable or
unwritable there is ignored: the memo can make a run faster, never make it fail.

Only the standard library and `wijkcheck.sources.dataroot` are imported here: a hit must not
pay for what it skips.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import re
import stat
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import wijkcheck
from wijkcheck.sources.dataroot import DataRoot, bundled_root, vingerafdruk

ENV_CACHE = "WIJKCHECK_CACHE"
#: Values of $WIJKCHECK_CACHE that switch the memo off.
UIT = frozenset({"0", "uit", "nee", "off", "false", "no"})
#: Bump when the entry format or the key changes meaning (2: entries carry an HMAC).
VERSIE = 2
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


class Hit(NamedTuple):
    stdout: str
    code: int


class OutputMemo:
    """The memo entry of one run: look it up first, store the output after a miss."""

    def __init__(
        self, map_: Path, env: Mapping[str, str], root: DataRoot, parameters: Mapping[str, Any]
    ) -> None:
        self._vraag = env, root, parameters
        self.pad = map_ / f"{sleutel(env, root, parameters)}.json"

    @classmethod
    def open(
        cls, env: Mapping[str, str], root: DataRoot, parameters: Mapping[str, Any]
    ) -> OutputMemo | None:
        """The memo of this run, or None when it is switched off or cannot be used."""
        try:
            map_ = cachemap(env)
            return None if map_ is None else cls(map_, env, root, parameters)
        except Exception:  # the memo may make a run faster, never make it fail
            return None

    def lookup(self) -> Hit | None:
        """The remembered output, if every file it was made from still has the same content."""
        try:
            treffer = self._lees()
        except Exception:  # damaged, foreign or unreadable: compute afresh
            return None
        if treffer is not None:
            with contextlib.suppress(OSError):
                os.utime(self.pad)  # recently used: pruned last (a read-only cache still answers)
        return treffer

    def _lees(self) -> Hit | None:
        entry = json.loads(self.pad.read_text(encoding="utf-8"))
        if not isinstance(entry, dict) or entry.get("versie") != VERSIE:
            return None
        stdout, code, bestanden = entry["stdout"], entry["code"], entry["bestanden"]
        if not (isinstance(stdout, str) and isinstance(code, int) and isinstance(bestanden, list)):
            return None
        # The cache folder is writable by whoever runs wijkcheck: replay only what an audit
        # itself prints (text, line breaks, colour codes) and the exit codes it gives.
        if code not in (0, 1) or not _zoals_wijkcheck_schrijft(stdout):
            return None
        # Authentic: written by wijkcheck for this very key, with this user's secret. An entry
        # someone else put there, or one copied from another key, is not replayed.
        geheim = _geheim(self.pad.parent, maken=False)
        mac = entry.get("mac")
        if geheim is None or not isinstance(mac, str):
            return None
        if not hmac.compare_digest(mac, _mac(geheim, self.pad.stem, bestanden, stdout, code)):
            return None
        for pad, afdruk in bestanden:
            if not (isinstance(pad, str) and os.path.isabs(pad)) or _afdruk(pad) != afdruk:
                return None
        return Hit(stdout, code)

    def store(self, bestanden: Sequence[tuple[str, str]], stdout: str, code: int) -> None:
        """Remember the output of a run that read `bestanden` (path, fingerprint), unless
        something the key covers changed while it ran (a file came or went, the terminal was
        resized, midnight passed): then the output may belong to neither key."""
        try:
            if sleutel(*self._vraag) != self.pad.stem:
                return
            gelezen = [list(b) for b in dict.fromkeys(bestanden)]  # read twice, checked once
            geheim = _geheim(self.pad.parent, maken=True)
            if geheim is None:
                return
            entry = {"versie": VERSIE, "bestanden": gelezen, "stdout": stdout, "code": code}
            entry["mac"] = _mac(geheim, self.pad.stem, gelezen, stdout, code)
            _schrijf(self.pad, json.dumps(entry, ensure_ascii=False))
        except Exception:  # the memo may make a run faster, never make it fail
            pass


#: The per-user secret that authenticates entries, next to the entries' folder.
GEHEIM = "geheim"


def _mac(geheim: bytes, sleutel: str, bestanden: object, stdout: str, code: int) -> str:
    """HMAC-SHA256 of an entry, bound to its key (an entry is valid for one key only)."""
    inhoud = json.dumps([sleutel, bestanden, stdout, code], ensure_ascii=False)
    return hmac.new(geheim, inhoud.encode("utf-8"), hashlib.sha256).hexdigest()


def _geheim(map_: Path, *, maken: bool) -> bytes | None:
    """This user's secret (32 random bytes, mode 600), made on the first write. None when it
    is missing, not a regular file, not the user's own or readable by others: then no entry is
    trusted and none is written."""
    pad = map_.parent / GEHEIM
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(pad, os.O_RDONLY | nofollow)
    except FileNotFoundError:
        if not maken:
            return None
        import secrets  # only on the first write

        map_.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        nieuw = map_.parent / f".{GEHEIM}.{os.getpid()}.tmp"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(nieuw)
        fd = os.open(nieuw, os.O_WRONLY | os.O_CREAT | os.O_EXCL | nofollow, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(32))
        try:
            os.link(nieuw, pad)  # complete or absent, and the first one made wins
        except FileExistsError:
            pass
        finally:
            os.unlink(nieuw)
        return _geheim(map_, maken=False)
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o077:
            return None
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        geheim = f.read(64)
    return geheim if len(geheim) == 32 else None


def _afdruk(pad: str) -> str | None:
    """Fingerprint of a regular file (not a FIFO or device a real run would refuse)."""
    with open(pad, "rb", opener=_niet_blokkerend) as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            return None
        return vingerafdruk(f.read())


def _niet_blokkerend(pad: str, vlaggen: int) -> int:
    return os.open(pad, vlaggen | getattr(os, "O_NONBLOCK", 0))


def _schrijf(pad: Path, tekst: str) -> None:
    """Write atomically: a reader sees the old entry or the new one, never half of one."""
    import tempfile  # only after a miss: a hit does not pay for its import (random, …)

    map_ = pad.parent
    map_.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tijdelijk = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=map_)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(tekst)
        os.replace(tijdelijk, pad)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tijdelijk)
        raise
    _snoei(map_)


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


def _code() -> list[tuple[str, str]]:
    """wijkcheck's own modules, by content: an upgrade or an edit of a source checkout."""
    found = []
    for pad, mappen, bestanden in os.walk(_PAKKET):
        mappen[:] = sorted(m for m in mappen if m not in ("_bundled", "__pycache__"))
        for naam in sorted(bestanden):
            if naam.endswith(".py") and not naam.startswith("."):
                volledig = os.path.join(pad, naam)
                with contextlib.suppress(OSError), open(volledig, "rb") as f:
                    found.append((volledig, vingerafdruk(f.read())))
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
            found.append(os.isatty(fd))
        except (OSError, ValueError):
            found.append(None)
        try:
            found.append(tuple(os.get_terminal_size(fd)))
        except (OSError, ValueError):
            found.append(None)
    return found


def _namen(map_: Path | None) -> list[str] | None:
    """Every file and folder name below `map_`: a new, renamed or removed file changes it."""
    if map_ is None:
        return None
    found = []
    gezien = set()
    # Symlinked folders are followed, as the data is read (a gemeente folder may be a link).
    for pad, mappen, bestanden in os.walk(map_, followlinks=True):
        echt = os.path.realpath(pad)
        if echt in gezien:  # a link back up the tree
            mappen.clear()
            continue
        gezien.add(echt)
        mappen.sort()
        found += [os.path.join(pad, n) for n in (*mappen, *sorted(bestanden))]
    return found


# Colour (SGR) sequences are all rich writes; anything else (a cursor move, an OSC 8 link, a
# title change) or another control character never came from wijkcheck.
_SGR = re.compile(r"\x1b\[[0-9;]*m")
_STUUR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _zoals_wijkcheck_schrijft(stdout: str) -> bool:
    return not _STUUR.search(_SGR.sub("", stdout))
