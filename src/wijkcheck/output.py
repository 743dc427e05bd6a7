"""Writing a report to disk: atomically, and never over an existing file unless asked.

The content goes to a temporary file in the target's folder, is flushed to disk, and only then
takes the target's name (`os.replace`, atomic on POSIX and Windows). A crash or a full disk
leaves either the old file or the new one, never half a memo. Without `force` the final step is a
hard link, which fails if the name was taken in the meantime (no check-then-write race).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from wijkcheck.errors import Span, WijkcheckError


def _fout(path: Path, bericht: str, regel: str) -> WijkcheckError:
    return WijkcheckError.single(Span(""), f"{path}: {bericht}", regel)


def _modus(path: Path) -> int:
    """Permissions for the new file: those of the file it replaces, else the umask's default."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def schrijf_atomair(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write `data` to `path` atomically; refuse an existing `path` unless `force`."""
    bestaand = path.exists() or path.is_symlink()
    if path.is_dir():
        raise _fout(path, "is een map, geen bestand", "uitvoer-is-map")
    if bestaand and not force:
        raise _fout(
            path, "bestaat al; kies een andere naam of overschrijf met --force", "uitvoer-bestaat"
        )
    map_ = path.parent if str(path.parent) else Path(".")
    if not map_.is_dir():
        raise _fout(path, f"map '{map_}' bestaat niet", "uitvoer-map")
    try:
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=map_)
    except OSError as exc:
        raise _fout(path, f"kan niet schrijven ({exc.strerror})", "uitvoer-schrijven") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tijdelijk, _modus(path))
        if force:
            os.replace(tijdelijk, path)
        else:
            try:
                os.link(tijdelijk, path)
            except FileExistsError:
                raise _fout(
                    path,
                    "bestaat al; kies een andere naam of overschrijf met --force",
                    "uitvoer-bestaat",
                ) from None
            except OSError:
                # no hard links here (some network or FAT drives): check, then rename
                if path.exists():
                    raise _fout(
                        path,
                        "bestaat al; kies een andere naam of overschrijf met --force",
                        "uitvoer-bestaat",
                    ) from None
                os.replace(tijdelijk, path)
    except OSError as exc:
        raise _fout(path, f"kan niet schrijven ({exc.strerror})", "uitvoer-schrijven") from None
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
