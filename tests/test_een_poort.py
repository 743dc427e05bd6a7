"""One gate, tested as one (issue 12, part 1): every command over the same broken and hostile
data trees.

Each case below builds a data tree (a copy of `tests/examples/valid`, gemeente Proefdorp, made
broken or hostile in one way) and runs every command over it: validate, list, explain, audit,
show and overview, and audit, show and overview once more in every `--format` with `--output`.
For each tree this module asserts

- that validate and the others agree: when validate finds an error (exit 1, or 2 for what it
  cannot read), every other command refuses (exit 2); when validate passes, every other command
  can use the data (exit 0);
- exit codes 0, 1 or 2 only, no traceback and no "interne fout";
- nothing raw on stdout or stderr: no ESC or other control character, no bidi or zero-width
  character, no line that could start a GitHub workflow command (`::error …`);
- no file touched anywhere but the output path, and nothing at the output path when refused;
- the finding that validate gives is the finding the others give (`id` below).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkcheck.cli import app

VALID = Path(__file__).parent / "examples" / "valid"
GEMEENTE = "data/wijken/proefdorp"
NOORD_OOST = f"{GEMEENTE}/noord-oost.yaml"
DATUM = "2026-06-01"

#: Every format of a report with the extension that goes with it; svg and png only overview.
FORMATEN = {
    "tabel": "txt",
    "markdown": "md",
    "html": "html",
    "docx": "docx",
    "json": "json",
    "csv": "csv",
}
PLAATJES = {"svg": "svg", "png": "png"}

#: What may never reach a terminal or a CI log raw: control characters but tab and line feed,
#: bidi controls, zero-width characters and the BOM.
_RAUW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


@dataclass(frozen=True)
class Geval:
    """A data tree: how it is made, and what validate says of it."""

    naam: str
    maak: Callable[[Path], None]
    #: validate's exit code: 0 passes, 1 errors, 2 unreadable input
    validate: int
    #: the finding id validate reports and the other commands refuse with (when not 0)
    id: str | None = None
    #: the date of every command that takes one
    datum: str = DATUM
    #: only for a user who is not root (root reads every folder)
    geen_root: bool = False


def _vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst, (pad, oud)
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


def _tweede_gemeente(repo: Path, naam: str = "tweedorp") -> Path:
    """A second gemeente, a copy of Proefdorp with its own name and CBS code."""
    kopie = repo / "data" / "wijken" / naam
    shutil.copytree(repo / GEMEENTE, kopie)
    _vervang(kopie / "gemeente.yaml", "naam: Proefdorp", f"naam: {naam.title()}")
    _vervang(kopie / "gemeente.yaml", "GM9999", "GM9998")
    return kopie


def _met_tikfout(folder: Path) -> None:
    _vervang(folder / "noord-oost.yaml", "kern: Noord", "kren: Noord")


def _waarde(waarde: str) -> Callable[[Path], None]:
    def maak(repo: Path) -> None:
        _vervang(repo / NOORD_OOST, "{waarde: 2400,", f"{{waarde: {waarde},")

    return maak


def _naam(tekst: str) -> Callable[[Path], None]:
    """Noord-Oost renamed (in its file and in gemeente.yaml) to a double-quoted YAML text."""

    def maak(repo: Path) -> None:
        _vervang(repo / NOORD_OOST, "naam: Noord-Oost", f'naam: "{tekst}"')
        _vervang(repo / GEMEENTE / "gemeente.yaml", "[Noord-Oost,", f'["{tekst}",')

    return maak


def _voorziening(tekst: str) -> Callable[[Path], None]:
    def maak(repo: Path) -> None:
        _vervang(repo / NOORD_OOST, "naam: Buurthuis De Linde", f'naam: "{tekst}"')

    return maak


def _gemeente_als_link(repo: Path, echt: Path) -> None:
    """Proefdorp moved to `echt` and linked from where it was, with a typo inside."""
    echt.parent.mkdir(exist_ok=True)
    shutil.move(repo / GEMEENTE, echt)
    _met_tikfout(echt)
    (repo / GEMEENTE).symlink_to(echt, target_is_directory=True)


def symlink_binnen(repo: Path) -> None:
    """The gemeente folder is a link to a folder elsewhere in the data folder."""
    _gemeente_als_link(repo, repo / "archief" / "proefdorp")


def symlink_buiten(repo: Path) -> None:
    """The gemeente folder is a link out of the data folder."""
    _gemeente_als_link(repo, repo.parent / "buiten" / "proefdorp")


def wijkbestand_buiten(repo: Path) -> None:
    """A wijk file that is a link to a YAML file outside, whose keys must not be shown."""
    geheim = repo.parent / "buiten" / "geheim.yaml"
    geheim.parent.mkdir()
    geheim.write_text("wachtwoord_van_de_beheerder: hunter2\n", encoding="utf-8")
    (repo / NOORD_OOST).unlink()
    (repo / NOORD_OOST).symlink_to(geheim)


def checklist_buiten(repo: Path) -> None:
    """The checklist is a link to a file outside the data folder."""
    geheim = repo.parent / "buiten" / "proef.yaml"
    geheim.parent.mkdir()
    shutil.copy(repo / "checklists" / "proef.yaml", geheim)
    _vervang(geheim, "id: proef", "id: proef\nwachtwoord_van_de_beheerder: hunter2")
    (repo / "checklists" / "proef.yaml").unlink()
    (repo / "checklists" / "proef.yaml").symlink_to(geheim)


def map_als_wijkbestand(repo: Path) -> None:
    (repo / GEMEENTE / "noord-west.yml").unlink()
    (repo / GEMEENTE / "noord-west.yml").mkdir()


def map_als_gemeentebestand(repo: Path) -> None:
    (repo / GEMEENTE / "gemeente.yaml").unlink()
    (repo / GEMEENTE / "gemeente.yaml").mkdir()


def gemeentemap_zonder_rechten(modus: int) -> Callable[[Path], None]:
    def maak(repo: Path) -> None:
        _tweede_gemeente(repo).chmod(modus)

    return maak


def kopie_van_gemeente(repo: Path) -> None:
    shutil.copytree(repo / GEMEENTE, repo / "data" / "wijken" / "proefdorp (kopie)")


def checklists_is_bestand(repo: Path) -> None:
    shutil.rmtree(repo / "checklists")
    (repo / "checklists").write_text("geen map\n", encoding="utf-8")


def wijken_is_bestand(repo: Path) -> None:
    shutil.rmtree(repo / "data" / "wijken")
    (repo / "data" / "wijken").write_text("geen map\n", encoding="utf-8")


def checklists_zonder_rechten(repo: Path) -> None:
    (repo / "checklists").chmod(0)


def sleutel_met_workflowcommando(repo: Path) -> None:
    with (repo / NOORD_OOST).open("a", encoding="utf-8") as f:
        f.write('"x\\n::error file=README.md,line=1::pwned": 1\n')


def bestandsnaam_met_escape(repo: Path) -> None:
    (repo / NOORD_OOST).rename(repo / GEMEENTE / "noord-oost\x1b[31m.yaml")


def markup_in_tekst(repo: Path) -> None:
    _voorziening("Buurthuis [/bold] [red]De Linde :smile:")(repo)
    _vervang(repo / NOORD_OOST, "bron: voorbeeld", 'bron: "voorbeeld [/bold] oeps"')


def te_lange_lijst(repo: Path) -> None:
    regels = [
        f"  - {{naam: Bank {i}, soort: buurthuis, bron: voorbeeld, peildatum: 2025-01-01}}"
        for i in range(2001)
    ]
    _vervang(repo / NOORD_OOST, "voorzieningen:\n", "voorzieningen:\n" + "\n".join(regels) + "\n")


ONLEESBAAR = "map-onleesbaar"

ZUID = f"{GEMEENTE}/zuid.yaml"


def _uitzondering(
    velden: str,
    bestand: str = ZUID,
    onderwerp: str = "voorwaarde: ontmoetingsplekken",
    reden: str = "nog geen buurthuis",
) -> Callable[[Path], None]:
    """An exception (`uitzonderingen:`) appended to `bestand`; in Zuid the condition
    ontmoetingsplekken is niet voldaan."""

    def maak(repo: Path) -> None:
        pad = repo / bestand
        tekst = (
            f'\nuitzonderingen:\n  - {onderwerp}\n    reden: "{reden}"\n'
            f"    besloten_door: college van B&W\n"
            f'    besluit: "voorbeeld: geen echt besluit"\n{velden}'
        )
        pad.write_text(pad.read_text(encoding="utf-8") + tekst, encoding="utf-8")

    return maak


GEVALLEN = [
    Geval("geldig", lambda repo: None, 0),
    Geval("symlink-binnen-met-tikfout", symlink_binnen, 1, "onbekend-veld"),
    Geval("symlink-buiten-met-tikfout", symlink_buiten, 1, "pad-buiten-data"),
    Geval("wijkbestand-buiten", wijkbestand_buiten, 1, "pad-buiten-data"),
    Geval("checklist-buiten", checklist_buiten, 1, "pad-buiten-data"),
    Geval("map-als-wijkbestand", map_als_wijkbestand, 2, "bestand-onleesbaar"),
    Geval("map-als-gemeentebestand", map_als_gemeentebestand, 2, "bestand-onleesbaar"),
    Geval("gemeentemap-000", gemeentemap_zonder_rechten(0o000), 2, ONLEESBAAR, geen_root=True),
    Geval("gemeentemap-311", gemeentemap_zonder_rechten(0o311), 2, ONLEESBAAR, geen_root=True),
    Geval("kopie-van-gemeente", kopie_van_gemeente, 1, "dubbele-gemeente"),
    Geval("checklists-is-bestand", checklists_is_bestand, 2, "gegevensmap-onbruikbaar"),
    Geval("wijken-is-bestand", wijken_is_bestand, 2, "gegevensmap-onbruikbaar"),
    Geval(
        "checklists-zonder-rechten",
        checklists_zonder_rechten,
        2,
        "gegevensmap-onbruikbaar",
        geen_root=True,
    ),
    Geval("nan", _waarde(".nan"), 1, "geen-getal"),
    Geval("inf", _waarde(".inf"), 1, "geen-getal"),
    Geval("1e309", _waarde("1e309"), 1, "geen-getal"),
    Geval("5000-cijfers", _waarde("9" * 5000), 1, "geen-getal"),
    Geval("true", _waarde("true"), 1, "type"),
    Geval("getal-als-tekst", _waarde('"4200"'), 1, "type"),
    Geval("min-nul", _waarde("-0.0"), 1, "geen-inwoners"),
    Geval("nul-inwoners", _waarde("0"), 1, "geen-inwoners"),
    Geval("negatief", _waarde("-5"), 1, "negatief"),
    Geval("xml-ongeschikt", _naam("Noord\\uFFFE"), 1, "stuurteken"),
    Geval("stuurteken-in-naam", _naam("Noord\\e[31m"), 1, "stuurteken"),
    Geval("bidi-in-naam", _naam("Noord\\u202eOost"), 1, "onzichtbaar-teken"),
    Geval("nulbreed-in-naam", _naam("Noord\\u200bOost"), 1, "onzichtbaar-teken"),
    Geval("bidi-in-voorziening", _voorziening("Buurthuis \\u202eDe Linde"), 0),
    Geval("sleutel-met-workflowcommando", sleutel_met_workflowcommando, 1, "onbekend-veld"),
    Geval("bestandsnaam-met-escape", bestandsnaam_met_escape, 0),
    Geval("markup", markup_in_tekst, 0),
    Geval("auditdatum-voor-peildatum", lambda repo: None, 1, "toekomstige-datum", "2020-01-01"),
    Geval("te-lange-naam", _naam("N" * 10_000), 1, "te-lang"),
    Geval("te-lange-lijst", te_lange_lijst, 1, "te-lang"),
    # accountable exceptions (issue 15, part 2): valid, expired (a warning), and broken
    Geval("uitzondering-geldig", _uitzondering("    tot: 2027-12-31\n"), 0),
    Geval("uitzondering-verlopen", _uitzondering("    tot: 2026-01-31\n"), 0),
    Geval("uitzondering-zonder-tot", _uitzondering(""), 1, "geen-einddatum"),
    Geval(
        "uitzondering-datumvolgorde",
        _uitzondering("    sinds: 2027-01-01\n    tot: 2026-12-31\n"),
        1,
        "datum-volgorde",
    ),
    Geval(
        "uitzondering-onbekend",
        _uitzondering("    tot: 2027-12-31\n", onderwerp="item: buurthuis"),
        1,
        "uitzondering-onbekend",
    ),
    Geval(
        "uitzondering-gemeente-onbekend",
        _uitzondering(
            "    tot: 2027-12-31\n",
            f"{GEMEENTE}/gemeente.yaml",
            "voorwaarde: ontmoeten",
        ),
        1,
        "uitzondering-onbekend",
    ),
    Geval(
        "uitzondering-hostile-reden",
        _uitzondering("    tot: 2027-12-31\n", reden="[red]nog\\u202e geen buurthuis[/red]"),
        0,
    ),
]


@dataclass
class Uitslag:
    args: list[str]
    code: int
    stdout: str
    stderr: str


def _foto(folder: Path) -> dict[str, tuple[int, int, int, int]]:
    """Every file and folder under `folder`: kind and mode, size and time of change."""
    foto = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for naam in dirnames + filenames:
            pad = os.path.join(dirpath, naam)
            info = os.lstat(pad)
            # a folder's time changes with what is in it, and that is compared entry by entry
            tijd = 0 if naam in dirnames else info.st_mtime_ns
            foto[pad] = (info.st_mode, info.st_size, tijd, info.st_ino)
    return foto


def _draai(runner: CliRunner, args: list[str], cwd: Path) -> Uitslag:
    vorige = Path.cwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(app, args)
    finally:
        os.chdir(vorige)
    return Uitslag(args, result.exit_code, result.stdout, result.stderr)


def _commandos(geval: Geval, repo: Path, uit: Path) -> list[tuple[list[str], Path | None]]:
    data = ["--data", str(repo)]
    datum = ["--datum", geval.datum]
    eenmaal: list[tuple[list[str], Path | None]] = [
        (["list", *data], None),
        (["explain", *data], None),
        (["explain", "huisarts", *data], None),
        (["audit", "Noord-West", *data, *datum], None),
        (["show", "Noord-West", *data, *datum], None),
        (["overview", *data, *datum], None),
    ]
    if geval.datum != DATUM:  # list and explain take no date: the case is about the date
        eenmaal = [(a, o) for a, o in eenmaal if a[0] not in ("list", "explain")]
    for commando, formaten in (
        (["audit", "Noord-West"], FORMATEN),
        (["show", "Noord-West"], FORMATEN),
        (["overview"], FORMATEN | PLAATJES),
    ):
        for formaat, extensie in formaten.items():
            doel = uit / f"{commando[0]}-{formaat}.{extensie}"
            args = [*commando, *data, *datum, "-f", formaat, "-o", str(doel)]
            eenmaal.append((args, doel))
    return eenmaal


def _schoon(u: Uitslag) -> None:
    for naam, tekst in (("stdout", u.stdout), ("stderr", u.stderr)):
        assert "Traceback" not in tekst and "interne fout" not in tekst, (u.args, naam, tekst)
        gevonden = _RAUW.search(tekst)
        assert gevonden is None, (u.args, naam, repr(gevonden.group()), tekst[-2000:])
        for regel in tekst.splitlines():
            assert not regel.lstrip().startswith("::"), (u.args, naam, regel)
    assert "hunter2" not in u.stdout + u.stderr, u.args
    assert "wachtwoord_van_de_beheerder" not in u.stdout + u.stderr, u.args


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g.naam for g in GEVALLEN])
def test_every_command_agrees_with_validate(
    geval: Geval, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if geval.geen_root and os.geteuid() == 0:
        pytest.skip("root reads every folder, whatever its permissions")
    repo = tmp_path / "repo"
    shutil.copytree(VALID, repo)
    uit = tmp_path / "uit"
    uit.mkdir()
    home = tmp_path / "thuis"
    home.mkdir()
    geval.maak(repo)
    for var in ("WIJKCHECK_DATA", "GITHUB_ACTIONS", "CI", "WIJKCHECK_DEBUG"):
        monkeypatch.delenv(var, raising=False)
    env = {"NO_COLOR": "1", "COLUMNS": "80", "WIJKCHECK_CACHE": "uit", "HOME": str(home)}
    runner = CliRunner(env=env)
    try:
        voor = _foto(tmp_path)
        validate = _draai(runner, ["validate", "--data", str(repo), "--datum", geval.datum], uit)
        _schoon(validate)
        assert validate.code == geval.validate, (validate.stdout, validate.stderr)
        if geval.id is not None:
            assert f"({geval.id})" in validate.stdout + validate.stderr, validate.stdout
        assert _foto(tmp_path) == voor, "validate changed a file"
        for args, doel in _commandos(geval, repo, uit):
            u = _draai(runner, args, uit)
            _schoon(u)
            assert u.code in (0, 2), (args, u.code, u.stderr)
            if geval.validate == 0:
                assert u.code == 0, (args, u.stderr)
            else:
                assert u.code == 2, (args, u.stdout[-2000:])
                if geval.id is not None:
                    assert f"({geval.id})" in u.stderr, (args, u.stderr)
            na = _foto(tmp_path)
            if doel is not None and u.code == 0:
                assert str(doel) in na and doel.stat().st_size > 0, args
                del na[str(doel)]
                doel.unlink()
            assert na == voor, (args, set(na.items()) ^ set(voor.items()))
    finally:  # let pytest clean up a folder it could not read
        for dirpath, dirnames, _ in os.walk(tmp_path):
            for naam in dirnames:
                pad = os.path.join(dirpath, naam)
                if not os.path.islink(pad):
                    os.chmod(pad, 0o755)


# -- bounded output: what a picture or a Word document cannot hold is refused before drawing --


def test_a_picture_too_large_to_draw_is_refused(invoke, tmp_path: Path, monkeypatch) -> None:
    from wijkcheck.formatters.report import matrix

    # the bundled overview is 2,379 × 3,045 pixels; a budget below that refuses it
    monkeypatch.setattr(matrix, "MAX_PIXELS", 5_000_000)
    for formaat in ("png", "svg"):
        doel = tmp_path / f"overzicht.{formaat}"
        out = invoke(["overview", "-o", str(doel)], code=2).stderr
        assert "(te-groot-voor-plaatje)" in out and "miljoen pixels" in out, out
        assert "2.379 × 3.045 pixels worden (7 miljoen)" in out and not doel.exists()
    monkeypatch.setattr(matrix, "MAX_PIXELS", 9_000_000)
    invoke(["overview", "-o", str(tmp_path / "overzicht.png")])


def test_a_sociale_kaart_too_long_for_word_is_refused(invoke, tmp_path: Path, monkeypatch) -> None:
    from wijkcheck.formatters.report import word

    monkeypatch.setattr(word, "MAX_RIJEN", 3)
    doel = tmp_path / "kaart.docx"
    out = invoke(["show", "Herpt", "-o", str(doel)], code=2).stderr
    assert "(te-veel-voor-word)" in out and "past tot 3 voorzieningen" in out, out
    assert not doel.exists()


@pytest.mark.parametrize(
    "args", [["overview"], ["audit", "Vlijmen-Dorp"], ["show", "Vlijmen-Dorp"], ["list"]]
)
def test_a_deleted_gemeente_yaml_is_named_by_every_command_alike(
    invoke, data_copy: Path, args: list[str]
) -> None:
    # Every command said "geen gemeenten gevonden", some with what it expected, none where
    # the wijk files without their gemeente.yaml are.
    (data_copy / "data" / "wijken" / "heusden" / "gemeente.yaml").unlink()
    err = invoke([*args, "--data", str(data_copy)], code=2).stderr
    assert err.strip().endswith(
        "fout: geen gemeenten gevonden (verwacht <gemeente>/gemeente.yaml); wijkbestanden "
        "zonder gemeente.yaml in heusden/ (gegevensmap-onbruikbaar)"
    ), err
