"""Where the data lives: the data root (`--data`, `$WIJKCHECK_DATA`, the repository around the
working folder, or the bundled example data) and how paths are shown.

Only the standard library: the output memo (`cli/cache.py`) finds the data root before
anything that reads or validates data is imported.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from wijkcheck.core.errors import Span, WijkcheckError

ENV_DATA = "WIJKCHECK_DATA"
GEMEENTE_BESTAND = "gemeente.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
_PACKAGE_DIR = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class DataRoot:
    """A folder of gemeenten (`wijken`) and the checklists that go with it."""

    wijken: Path
    checklists: Path | None
    herkomst: str
    #: The data folder itself (with `data/wijken/` or `wijken/`); paths in data files stay inside.
    basis: Path | None = None
    #: The example data shipped with wijkcheck: no data folder of the user's was found.
    meegeleverd: bool = False

    @property
    def map(self) -> Path:
        return self.basis or self.wijken

    def gemeente_mappen(self) -> list[Path]:
        return gemeente_mappen(self.wijken)


# -- file discovery: the one place that decides which files are data (docs/ontwerp.md) ---------


def verborgen(naam: str) -> bool:
    """A hidden file or folder (`.kopie.yaml`, `.git`, an editor's `.#zuid.yaml`): never data."""
    return naam.startswith(".")


def gemeente_mappen(wijken: Path) -> list[Path]:
    """The gemeente folders of a `wijken` folder: visible subfolders with a gemeente.yaml."""
    try:
        namen = sorted(os.listdir(wijken))
    except OSError:
        return []
    return [
        wijken / n
        for n in namen
        if not verborgen(n) and os.path.isfile(os.path.join(wijken, n, GEMEENTE_BESTAND))
    ]


def wijk_bestanden(folder: Path) -> list[Path]:
    """The wijk files of a gemeente folder: every visible `.yaml`/`.yml` beside gemeente.yaml."""
    try:
        namen = sorted(os.listdir(folder))
    except OSError:
        return []
    return [
        folder / n
        for n in namen
        if n.endswith(YAML_SUFFIXES) and n != GEMEENTE_BESTAND and not verborgen(n)
    ]


def bundled_root() -> DataRoot:
    """The example data shipped inside the package (or beside it in a source checkout)."""
    for base in (_PACKAGE_DIR / "_bundled", _PACKAGE_DIR.parents[1]):
        if (base / "data" / "wijken").is_dir():
            return DataRoot(
                base / "data" / "wijken",
                base / "checklists",
                "meegeleverde voorbeeldgegevens",
                base,
                meegeleverd=True,
            )
    raise WijkcheckError.single(
        Span(str(_PACKAGE_DIR)), "meegeleverde gegevens ontbreken in de installatie", "data-root"
    )


def _leesbare_map(pad: Path) -> bool:
    """Whether `pad` is a folder to read. Something else at that name is an error, never a
    reason to fall back to the bundled data: a data gate must not pass on other data."""
    if not os.path.lexists(pad):
        return False
    if not pad.is_dir():
        raise WijkcheckError.single(
            Span(str(pad)), "is geen map; verwacht een map met YAML-bestanden", "data-root"
        )
    if not os.access(pad, os.R_OK | os.X_OK):
        raise WijkcheckError.single(
            Span(str(pad)),
            "map is niet leesbaar (rechten); wijkcheck kan hem niet openen",
            "data-root",
        )
    return True


def _root_in(folder: Path, herkomst: str) -> DataRoot | None:
    checklists = folder / "checklists"
    cl = checklists if _leesbare_map(checklists) else None
    if _leesbare_map(folder / "data" / "wijken"):
        return DataRoot(folder / "data" / "wijken", cl, herkomst, folder)
    if (folder / "wijken").is_dir():
        parent_cl = folder.parent / "checklists"
        return DataRoot(
            folder / "wijken", cl or (parent_cl if parent_cl.is_dir() else None), herkomst, folder
        )
    if gemeente_mappen(folder):
        return DataRoot(folder, cl, herkomst, folder)
    return None


def find_root(data: Path | None, env: Mapping[str, str], cwd: Path) -> DataRoot:
    """`--data`, else `$WIJKCHECK_DATA`, else the repository around `cwd`, else the bundled data."""
    for given, herkomst in ((data, "--data"), (env.get(ENV_DATA) or None, ENV_DATA)):
        if given is None:
            continue
        folder = Path(given).expanduser()
        if not folder.is_dir():
            raise WijkcheckError.single(
                Span(str(given)), f"gegevensmap bestaat niet ({herkomst})", "data-root"
            )
        found = _root_in(folder, f"{herkomst}: {folder}")
        if found is None:
            raise WijkcheckError.single(
                Span(str(given)),
                f"geen wijkgegevens gevonden ({herkomst}); verwacht data/wijken/<gemeente>/"
                f"{GEMEENTE_BESTAND} of <gemeente>/{GEMEENTE_BESTAND}",
                "data-root",
            )
        return found
    for folder in (cwd, *cwd.parents):
        if _leesbare_map(folder / "data" / "wijken"):
            found = _root_in(folder, f"repository: {folder}")
            if found is not None:
                return found
    return bundled_root()


def display_path(path: Path, cwd: Path | None = None) -> str:
    """Path as a user (and GitHub) wants to see it: relative to the working folder if inside."""
    try:
        return path.resolve().relative_to(_resolved(cwd or Path.cwd())).as_posix()
    except ValueError:
        return str(path)


@functools.lru_cache(maxsize=8)
def _resolved(folder: Path) -> Path:
    # called once per data file; resolving the working folder each time cost ~10 % of reading
    return folder.resolve()


def vingerafdruk(inhoud: bytes) -> str:
    """Fingerprint of a file's bytes: equal fingerprints, equal content."""
    return hashlib.blake2b(inhoud, digest_size=20).hexdigest()
