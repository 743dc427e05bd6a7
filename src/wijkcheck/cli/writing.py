"""Writing a report to disk: atomically, and never over an existing file unless asked.

The content goes to a temporary file in the target's folder, is flushed to disk, and only then
takes the target's name (`os.replace`, atomic on POSIX and Windows). A crash or a full disk
leaves either the old file or the new one, never half a memo. Without `force` the final step is a
hard link, which fails if the name was taken in the meantime (no check-then-write race).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import FindingId, Span, WijkcheckError


def _fout(path: Path, bericht: str, id: FindingId) -> WijkcheckError:
    return WijkcheckError.single(Span(""), f"{path}: {bericht}", id)


#: Longest file name most file systems take (bytes); the temporary name is kept shorter.
MAX_NAAM = 255


def _modus(huidig: os.stat_result | None) -> int:
    """Permissions for the new file: those of the file it replaces without setuid, setgid or
    sticky bits (a report is never a program), else the umask's default."""
    if huidig is not None:
        return huidig.st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def controleer_doel(path: Path) -> os.stat_result | None:
    """Refuse anything at `path` that is not a regular file: a folder, a device (`/dev/null`),
    a pipe, a socket, or a symbolic link (which would make wijkcheck write elsewhere). Returns
    the existing file's status, or None when nothing is there."""
    if len(os.fsencode(path.name)) > MAX_NAAM:
        raise _fout(
            path,
            f"de bestandsnaam is langer dan {MAX_NAAM} tekens; kies een kortere",
            ids.UITVOER_NAAM,
        )
    try:
        huidig = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _fout(path, f"kan niet schrijven ({exc.strerror})", ids.UITVOER_SCHRIJVEN) from None
    if stat.S_ISDIR(huidig.st_mode):
        raise _fout(path, "is een map, geen bestand", ids.UITVOER_IS_MAP)
    if stat.S_ISLNK(huidig.st_mode):
        raise _fout(
            path,
            "is een snelkoppeling (symlink); wijkcheck schrijft alleen naar een gewoon bestand, "
            "ook niet met --force. Geef de naam van het doel zelf",
            ids.UITVOER_GEEN_BESTAND,
        )
    if not stat.S_ISREG(huidig.st_mode):
        raise _fout(
            path,
            "is geen gewoon bestand (een apparaat, pijp of socket); wijkcheck schrijft alleen "
            "gewone bestanden, ook niet met --force. Schrijf naar het scherm met --output -",
            ids.UITVOER_GEEN_BESTAND,
        )
    return huidig


def schrijf_atomair(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write `data` to `path` atomically; refuse an existing `path` unless `force`, and refuse
    anything at `path` that is not a regular file (`controleer_doel`)."""
    huidig = controleer_doel(path)
    bestaand = huidig is not None
    if bestaand and not force:
        raise _fout(
            path, "bestaat al; kies een andere naam of overschrijf met --force", ids.UITVOER_BESTAAT
        )
    map_ = path.parent if str(path.parent) else Path(".")
    if not map_.is_dir():
        raise _fout(path, f"map '{map_}' bestaat niet", ids.UITVOER_MAP)
    try:
        fd, tijdelijk = tempfile.mkstemp(prefix=".wijkcheck-", suffix=".tmp", dir=map_)
    except OSError as exc:
        raise _fout(path, f"kan niet schrijven ({exc.strerror})", ids.UITVOER_SCHRIJVEN) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tijdelijk, _modus(huidig))
        if force:
            if bestaand:  # the check above, once more just before the name changes hands
                controleer_doel(path)
            os.replace(tijdelijk, path)
        else:
            try:
                os.link(tijdelijk, path)
            except FileExistsError:
                raise _fout(
                    path,
                    "bestaat al; kies een andere naam of overschrijf met --force",
                    ids.UITVOER_BESTAAT,
                ) from None
            except OSError:
                # no hard links here (some network or FAT drives): check, then rename
                if path.exists():
                    raise _fout(
                        path,
                        "bestaat al; kies een andere naam of overschrijf met --force",
                        ids.UITVOER_BESTAAT,
                    ) from None
                os.replace(tijdelijk, path)
    except OSError as exc:
        raise _fout(path, f"kan niet schrijven ({exc.strerror})", ids.UITVOER_SCHRIJVEN) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tijdelijk)
    _fsync_map(map_)


def _fsync_map(map_: Path) -> None:
    # Makes the new name itself durable on POSIX; Windows cannot open folders, and needs not.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(map_, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
