"""Where the data lives: the data root (`--data`, `$WIJKCHECK_DATA`, the repository around the
working folder, or the bundled example data) and how paths are shown.

Only the standard library: the output memo (`cli/cache.py`) finds the data root before
anything that reads or validates data is imported.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Finding, Span, WijkcheckError

ENV_DATA = "WIJKCHECK_DATA"
GEMEENTE_BESTAND = "gemeente.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
_PACKAGE_DIR = Path(__file__).resolve().parents[1]


class DataRoot(NamedTuple):
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
        """The gemeente folders, after the checks of the data folder's shape (`ontdek`):
        what `validate` reports there, every command refuses."""
        return self.ontdekking().mappen

    def ontdekking(self) -> Ontdekking:
        """`ontdek`, after its checks: what `validate` reports there, every command refuses."""
        gevonden = ontdek(self)
        if gevonden.bevindingen:
            raise WijkcheckError(gevonden.bevindingen)
        return gevonden


# -- file discovery: the one place that decides which files are data (docs/ontwerp.md) ---------


def verborgen(naam: str) -> bool:
    """A hidden file or folder (`.kopie.yaml`, `.git`, an editor's `.#zuid.yaml`): never data."""
    return naam.startswith(".")


def gemeente_mappen(wijken: Path) -> list[Path]:
    """The gemeente folders of a `wijken` folder: visible subfolders with a gemeente.yaml (or
    something at that name: a folder or a broken link there is an error where it is read).
    Only to recognise a data folder; a command gets its gemeenten from `ontdek`."""
    try:
        namen = sorted(os.listdir(wijken))
    except OSError:
        return []
    return [
        wijken / n
        for n in namen
        if not verborgen(n) and os.path.lexists(os.path.join(wijken, n, GEMEENTE_BESTAND))
    ]


def geen_gemeenten(root: DataRoot) -> WijkcheckError:
    """The error of a data folder without a gemeente, the same for every command; it names
    the folders that hold wijk files but no gemeente.yaml (one deleted or misnamed)."""
    zonder: list[str] = []
    with contextlib.suppress(OSError):
        for e in sorted(os.scandir(root.wijken), key=lambda e: e.name):
            if verborgen(e.name) or not _is_map(e):
                continue
            with contextlib.suppress(OSError):
                if any(n.endswith(YAML_SUFFIXES) and not verborgen(n) for n in os.listdir(e)):
                    zonder.append(f"{e.name}/")
    tekst = f"geen gemeenten gevonden (verwacht <gemeente>/{GEMEENTE_BESTAND})"
    if zonder:
        namen = ", ".join(zonder[:3]) + (f" en {len(zonder) - 3} andere" if len(zonder) > 3 else "")
        tekst += f"; wijkbestanden zonder {GEMEENTE_BESTAND} in {namen}"
    return WijkcheckError.single(Span(str(root.wijken)), tekst, ids.GEGEVENSMAP_ONBRUIKBAAR)


def wijk_bestanden(folder: Path) -> list[Path]:
    """The wijk files of a gemeente folder: every visible `.yaml`/`.yml` beside gemeente.yaml.
    A folder that cannot be listed is an error (`map-onleesbaar`), never a gemeente without
    wijken."""
    try:
        namen = sorted(os.listdir(folder))
    except OSError as exc:
        raise WijkcheckError([map_onleesbaar(folder, exc)]) from None
    return [
        folder / n
        for n in namen
        if n.endswith(YAML_SUFFIXES) and n != GEMEENTE_BESTAND and not verborgen(n)
    ]


def getoond(pad: Path | str) -> str:
    """A path as `validate` shows it: relative to the working folder if inside, and with its
    links as they are (`display_path` resolves them; a link out of the data folder must be
    named by where it is, not by where it leads)."""
    a = os.path.abspath(pad)
    cwd = os.getcwd().rstrip(os.sep) + os.sep
    return (a[len(cwd) :] if a.startswith(cwd) else a).replace(os.sep, "/")


def map_onleesbaar(folder: Path, exc: OSError) -> Finding:
    reden = exc.strerror or type(exc).__name__
    return Finding(
        Span(getoond(folder)),
        f"map kan niet gelezen worden ({reden}); wijkcheck kan niet zien welke gegevens erin "
        "staan. Geef de map leesrechten (chmod u+rx), of haal hem uit de gegevensmap",
        ids.MAP_ONLEESBAAR,
    )


def binnen(pad: str, grens: str) -> bool:
    """Whether the resolved path `pad` lies in the resolved folder `grens`."""
    return pad == grens or pad.startswith(grens.rstrip(os.sep) + os.sep)


def buiten_gegevensmap(pad: str, getoond: str, grens: str) -> Finding:
    """A symbolic link (or a file in a linked folder) that leads out of the data folder."""
    return Finding(
        Span(getoond),
        f"verwijst naar {os.path.realpath(pad)}, buiten de gegevensmap {grens}; wijkcheck leest "
        "alleen bestanden binnen de gegevensmap",
        ids.PAD_BUITEN_DATA,
    )


class Ontdekking(NamedTuple):
    """What the data folder holds: its gemeente folders, and what is wrong with its shape."""

    mappen: list[Path]
    bevindingen: list[Finding]
    #: folders with YAML files but no gemeente.yaml (shown as `validate` shows them) and how
    #: many YAML files each holds: no command uses those files (`geen-gemeente`), and a report
    #: of the whole data folder says that it leaves them out
    zonder_gemeente: dict[str, int]


def ontdek(root: DataRoot) -> Ontdekking:
    """The gemeente folders of `root`, and every finding about the shape of the data folder
    that no single file shows: a subfolder of `wijken` that cannot be listed
    (`map-onleesbaar`), a link to a folder or YAML file out of the data folder, anywhere in
    `wijken` or `checklists` (`pad-buiten-data`). `validate` reports these and every other
    command refuses them: one discovery for all. Reads folder listings only, never a file."""
    grens = os.path.realpath(root.map)
    mappen: list[Path] = []
    found: list[Finding] = []
    zonder: dict[str, int] = {}
    try:
        entries = sorted(os.scandir(root.wijken), key=lambda e: e.name)
    except OSError as exc:
        return Ontdekking([], [map_onleesbaar(root.wijken, exc)], {})
    for e in entries:
        if verborgen(e.name):
            continue
        if e.is_symlink() and not binnen(os.path.realpath(e.path), grens):
            if e.name.endswith(YAML_SUFFIXES) or _is_map(e):
                found.append(buiten_gegevensmap(e.path, getoond(e.path), grens))
            continue
        if not _is_map(e):
            continue
        folder = root.wijken / e.name
        try:
            inhoud = sorted(os.scandir(folder), key=lambda i: i.name)
        except OSError as exc:
            found.append(map_onleesbaar(folder, exc))
            continue
        if any(i.name == GEMEENTE_BESTAND for i in inhoud):
            mappen.append(folder)
        elif e.is_symlink():
            continue  # a linked folder is followed only as a gemeente folder, as validate does
        else:
            wijken = sum(i.name.endswith(YAML_SUFFIXES) and not verborgen(i.name) for i in inhoud)
            if wijken:
                zonder[f"{getoond(folder)}/"] = wijken
        _links_buiten(folder, inhoud, grens, found)
    if root.checklists is not None and not root.meegeleverd:
        with contextlib.suppress(OSError):  # an unreadable checklists/ is refused in find_root
            inhoud = sorted(os.scandir(root.checklists), key=lambda i: i.name)
            _links_buiten(root.checklists, inhoud, grens, found)
    return Ontdekking(mappen, found, zonder)


def _links_buiten(
    folder: Path, inhoud: list[os.DirEntry[str]], grens: str, found: list[Finding]
) -> None:
    """Links out of the data folder below `folder` (whose entries are `inhoud`), as validate
    walks it: visible YAML files and folders, linked folders not followed."""
    for i in inhoud:
        if verborgen(i.name):
            continue
        if i.is_symlink():
            if (i.name.endswith(YAML_SUFFIXES) or _is_map(i)) and not binnen(
                os.path.realpath(i.path), grens
            ):
                found.append(buiten_gegevensmap(i.path, getoond(i.path), grens))
        elif _is_map(i):
            try:
                dieper = sorted(os.scandir(i.path), key=lambda d: d.name)
            except OSError:
                continue  # a folder no command reads (not a gemeente folder itself)
            _links_buiten(folder / i.name, dieper, grens, found)


def _is_map(e: os.DirEntry[str]) -> bool:
    try:
        return e.is_dir()  # follows a link: a linked gemeente folder is a folder
    except OSError:
        return False


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
        Span(str(_PACKAGE_DIR)),
        "meegeleverde gegevens ontbreken in de installatie",
        ids.GEGEVENSMAP_ONBRUIKBAAR,
    )


def _leesbare_map(pad: Path) -> bool:
    """Whether `pad` is a folder to read. Something else at that name is an error, never a
    reason to fall back to the bundled data: a data gate must not pass on other data."""
    if not os.path.lexists(pad):
        return False
    if not pad.is_dir():
        raise WijkcheckError.single(
            Span(str(pad)),
            "is geen map; verwacht een map met YAML-bestanden",
            ids.GEGEVENSMAP_ONBRUIKBAAR,
        )
    if not os.access(pad, os.R_OK | os.X_OK):
        raise WijkcheckError.single(
            Span(str(pad)),
            "map is niet leesbaar (rechten); wijkcheck kan hem niet openen",
            ids.GEGEVENSMAP_ONBRUIKBAAR,
        )
    return True


def _root_in(folder: Path, herkomst: str) -> DataRoot | None:
    checklists = folder / "checklists"
    cl = checklists if _leesbare_map(checklists) else None
    if _leesbare_map(folder / "data" / "wijken"):
        return DataRoot(folder / "data" / "wijken", cl, herkomst, folder)
    if (folder / "wijken").is_dir():
        parent_cl = folder.parent / "checklists"
        if cl is None and _leesbare_map(parent_cl):
            cl = parent_cl
        return DataRoot(folder / "wijken", cl, herkomst, folder)
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
                Span(str(given)),
                f"gegevensmap bestaat niet ({herkomst})",
                ids.GEGEVENSMAP_ONBRUIKBAAR,
            )
        found = _root_in(folder, f"{herkomst}: {folder}")
        if found is None:
            raise WijkcheckError.single(
                Span(str(given)),
                f"geen wijkgegevens gevonden ({herkomst}); verwacht data/wijken/<gemeente>/"
                f"{GEMEENTE_BESTAND} of <gemeente>/{GEMEENTE_BESTAND}",
                ids.GEGEVENSMAP_ONBRUIKBAAR,
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
    import hashlib  # only the output memo and --sinds need it (start-up time)

    return hashlib.blake2b(inhoud, digest_size=20).hexdigest()
