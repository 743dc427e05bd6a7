"""What the data was at an earlier moment (`compare --sinds REF`, `overview --sinds REF`).

REF is one of three things, decided in this order (docs/vergelijken.md):

1. `git:REV` — always a git revision of the repository the data folder is in;
2. an existing path — a file is a saved JSON report of wijkcheck (`audit -f json`,
   `overview -f json`), a folder is another data folder;
3. anything else — a git revision (`HEAD~1`, a tag, a commit hash, `main@{2025-06-01}`).

A revision is read with git itself (`git ls-tree`, `git cat-file --batch`) into a private
temporary folder, which is then read like any data folder, through the same gate. The
working tree and the index of the repository are never touched (`GIT_OPTIONAL_LOCKS=0`, and
only commands that read objects). Findings in the old files name `REV:path:line:column`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Finding, FindingId, Span, WijkcheckError
from wijkcheck.sources.dataroot import DataRoot, find_root

if TYPE_CHECKING:
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")

Soort = Literal["git", "map", "rapport"]


@dataclass(frozen=True)
class Eerder:
    """The earlier side of a comparison: data (a revision or a folder) or a saved report."""

    soort: Soort
    #: how every report names it: `git-revisie HEAD~1 (3f2a9c1, 2025-06-01)`, `map …`, …
    naam: str
    #: the data to read (git, map); None for a saved report
    root: DataRoot | None = None
    #: the saved JSON report (rapport), as parsed
    rapport: dict[str, Any] | None = None
    #: the date of the commit (git): the default audit date of the earlier side
    datum: dt.date | None = None
    #: folder prefixes as read (temporary) → how findings name them (`REV:`)
    _namen: dict[str, str] = field(default_factory=dict)

    def hernoem(self, fout: WijkcheckError) -> WijkcheckError:
        """The error with the temporary folder's paths written as `REV:path`."""
        if not self._namen:
            return fout
        return WijkcheckError([_hernoem(f, self._namen) for f in fout.findings])


def _hernoem(f: Finding, namen: dict[str, str]) -> Finding:
    def vervang(tekst: str) -> str:
        for tijdelijk, naam in namen.items():
            tekst = tekst.replace(tijdelijk, naam)
        return tekst

    span = Span(vervang(f.span.path), f.span.line, f.span.column)
    return replace(f, span=span, message=vervang(f.message))


def _fout(ref: str, bericht: str, id: FindingId = ids.SINDS) -> WijkcheckError:
    return WijkcheckError.single(Span("--sinds"), f"'{ref}': {bericht}", id)


@contextlib.contextmanager
def eerder(ref: str, root: DataRoot, cwd: Path) -> Iterator[Eerder]:
    """The earlier side named by REF (see the module's docstring); a revision's files live in
    a temporary folder for as long as the context lasts."""
    if not ref.strip():
        raise _fout(ref, "leeg; geef een git-revisie, een gegevensmap of een JSON-rapport")
    if ref.startswith("git:"):
        with _revisie(ref[4:], root) as gevonden:
            yield gevonden
        return
    pad = (cwd / ref).expanduser() if not os.path.isabs(ref) else Path(ref)
    if os.path.lexists(pad):
        if pad.is_dir():
            oud = find_root(pad, {}, cwd)
            yield Eerder("map", f"gegevensmap {ref}", root=oud)
        else:
            yield Eerder("rapport", f"rapport {ref}", rapport=_lees_rapport(ref, pad))
        return
    with _revisie(ref, root) as gevonden:
        yield gevonden


def _lees_rapport(ref: str, pad: Path) -> dict[str, Any]:
    try:
        tekst = pad.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fout(ref, f"kan het bestand niet lezen ({exc})") from None
    try:
        data = json.loads(tekst)
    except json.JSONDecodeError as exc:
        raise WijkcheckError.single(
            Span(str(ref), exc.lineno, exc.colno),
            f"geen JSON-rapport van wijkcheck ({exc.msg}); --sinds leest een rapport van "
            "'wijkcheck audit -f json' of 'wijkcheck overview -f json'",
            ids.SINDS_RAPPORT,
        ) from None
    if not isinstance(data, dict) or data.get("soort") not in ("audit", "overzicht"):
        raise WijkcheckError.single(
            Span(str(ref)),
            "geen rapport van 'wijkcheck audit -f json' of 'wijkcheck overview -f json' "
            "(het veld 'soort' ontbreekt of is iets anders)",
            ids.SINDS_RAPPORT,
        )
    return data


def _git(args: list[str], cwd: Path, invoer: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, GIT_OPTIONAL_LOCKS="0", LC_ALL="C", GIT_TERMINAL_PROMPT="0")
    try:
        return subprocess.run(
            ["git", "-C", str(cwd), *args], input=invoer, capture_output=True, env=env
        )
    except FileNotFoundError:
        raise WijkcheckError.single(
            Span("--sinds"),
            "git is niet geïnstalleerd (of niet te vinden op PATH); een git-revisie kan alleen "
            "met git gelezen worden. Geef anders een gegevensmap of een JSON-rapport",
            ids.SINDS_GIT,
        ) from None


@contextlib.contextmanager
def _revisie(rev: str, root: DataRoot) -> Iterator[Eerder]:
    basis = root.map
    if root.meegeleverd:
        raise _fout(
            rev,
            "er is geen gegevensmap van u gevonden (dit zijn de meegeleverde voorbeeldgegevens); "
            "geef met --data de gegevensmap in een git-repository",
            ids.SINDS_GIT,
        )
    if rev.startswith("-"):
        raise _fout(rev, "geen git-revisie (begint met '-')", ids.SINDS_GIT)
    top = _git(["rev-parse", "--show-toplevel"], basis)
    if top.returncode != 0:
        raise _fout(
            rev,
            f"geen bestaand pad, en de gegevensmap {basis} staat niet in een git-repository; "
            "geef een git-revisie, een gegevensmap of een JSON-rapport",
            ids.SINDS_GIT,
        )
    toplevel = Path(top.stdout.decode().strip())
    commit = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], basis
    )
    if commit.returncode != 0:
        raise _fout(
            rev,
            f"onbekende git-revisie in {toplevel}; geef bijv. HEAD~1, een tag of een commit "
            "(git log --oneline), of een bestaande gegevensmap of een JSON-rapport",
            ids.SINDS_GIT,
        )
    sha = commit.stdout.decode().strip()
    wanneer = _git(["show", "-s", "--format=%cs", sha], basis).stdout.decode().strip()
    datum = dt.date.fromisoformat(wanneer) if wanneer else None

    def binnen_repo(p: Path | None) -> str | None:
        if p is None:
            return None
        try:
            return Path(os.path.realpath(p)).relative_to(os.path.realpath(toplevel)).as_posix()
        except ValueError:
            return None

    delen = {d for d in (binnen_repo(basis), binnen_repo(root.checklists)) if d is not None}
    tijdelijk = Path(tempfile.mkdtemp(prefix="wijkcheck-sinds-"))
    try:
        _uitpakken(sha, basis, sorted(delen), tijdelijk)
        wanneer_nl = f", {datum.day}-{datum.month}-{datum.year}" if datum else ""
        naam = f"git-revisie {rev} ({sha[:7]}{wanneer_nl})"

        def daar(p: Path | None) -> Path | None:
            rel = binnen_repo(p)
            return None if rel is None else tijdelijk / rel

        wijken = daar(root.wijken)
        if wijken is None or not wijken.is_dir():
            raise _fout(
                rev, f"in deze revisie ({sha[:7]}) bestaat de gegevensmap nog niet", ids.SINDS_GIT
            )
        cl = daar(root.checklists)
        oud = DataRoot(
            wijken,
            cl if cl is not None and cl.is_dir() else root.checklists,
            naam,
            daar(root.basis),
        )
        namen = {str(tijdelijk) + os.sep: f"{rev}:", str(tijdelijk): f"{rev}:"}
        yield Eerder("git", naam, root=oud, datum=datum, _namen=namen)
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)


def _uitpakken(sha: str, cwd: Path, delen: list[str], doel: Path) -> None:
    """The files under `delen` as they are in commit `sha`, written below `doel` (links and
    submodules are left out: they are not data)."""
    lijst = _git(["ls-tree", "-r", "-z", "--full-tree", sha, "--", *delen], cwd)
    if lijst.returncode != 0:
        raise _fout(sha, lijst.stderr.decode(errors="replace").strip(), ids.SINDS_GIT)
    blobs: list[tuple[str, str]] = []
    for regel in lijst.stdout.split(b"\0"):
        if not regel:
            continue
        kop, pad = regel.split(b"\t", 1)
        mode, soort, obj = kop.decode().split()
        if soort == "blob" and mode in ("100644", "100755"):
            blobs.append((obj, pad.decode("utf-8", errors="surrogateescape")))
    if not blobs:
        return
    inhoud = _git(["cat-file", "--batch"], cwd, "".join(f"{o}\n" for o, _ in blobs).encode())
    if inhoud.returncode != 0:
        raise _fout(sha, inhoud.stderr.decode(errors="replace").strip(), ids.SINDS_GIT)
    data, plek = inhoud.stdout, 0
    for _, pad in blobs:
        einde = data.index(b"\n", plek)
        grootte = int(data[plek:einde].split()[2])
        begin = einde + 1
        doelpad = doel / pad
        if ".." in Path(pad).parts:
            raise _fout(sha, f"onveilig pad in de revisie: {pad}", ids.SINDS_GIT)
        doelpad.parent.mkdir(parents=True, exist_ok=True)
        doelpad.write_bytes(data[begin : begin + grootte])
        plek = begin + grootte + 1


def opgeslagen(model: type[M], data: dict[str, Any], naam: str, wat: str) -> M:
    """A saved JSON report (`data`, parsed) as `model`: refused with `sinds-rapport` when it
    has another `schema_versie` or does not validate. `naam` is how reports name REF, `wat`
    what it should be ("auditrapport", "overzicht")."""
    from pydantic import ValidationError

    from wijkcheck.core.results import SCHEMA_VERSIE

    if data.get("schema_versie") != SCHEMA_VERSIE:
        raise WijkcheckError.single(
            Span("--sinds"),
            f"{naam} heeft schema_versie {data.get('schema_versie')}; deze wijkcheck "
            f"leest versie {SCHEMA_VERSIE} (docs/json.md). Maak het rapport opnieuw, of "
            "vergelijk met de git-revisie of gegevensmap van toen",
            ids.SINDS_RAPPORT,
        )
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        eerste = exc.errors()[0]
        waar = ".".join(str(p) for p in eerste["loc"])
        raise WijkcheckError.single(
            Span("--sinds"),
            f"{naam} is geen geldig {wat} ({waar}: {eerste['msg']})",
            ids.SINDS_RAPPORT,
        ) from None
