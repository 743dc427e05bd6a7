"""Accountable exceptions (issue 15, part 2): `uitzonderingen:` in a wijk file or gemeente.yaml.

A condition or item that is niet voldaan and has an exception valid on the audit date has the
outcome `uitzondering` (§), counted apart from voldaan and niet voldaan everywhere; an expired
one counts as niet voldaan again and says so. `validate` checks them relative to `--datum`.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from wijkcheck.checks.run import validate
from wijkcheck.core.errors import WijkcheckError
from wijkcheck.core.models import Uitzondering, Wijk
from wijkcheck.core.results import SCHEMA_VERSIE, Telling, Uitkomst
from wijkcheck.reports import batch
from wijkcheck.sources import dataroot
from wijkcheck.sources.loader import validate as laad
from wijkcheck.sources.yamlsource import parse

DATUM = dt.date(2026, 6, 1)
TOT = dt.date(2027, 12, 31)

CHECKLIST = """\
id: klein
naam: Kleine checklist
versie: "1"
uitgever: test
niveau: gemeentelijk
status: {status: concept}
maximale_ouderdom: {maanden: 36, norm: {basis: voorbeeldnorm}}
functies: {ontmoeten: Ontmoeten}
soorten:
  buurthuis: {naam: Buurthuis, laag: institutioneel, functies: [ontmoeten], bron: test}
  huisarts: {naam: Huisarts, laag: institutioneel, bron: test}
  mantelzorg: {naam: Steunpunt mantelzorg, laag: institutioneel, bron: test}
voorwaarden:
  ontmoetingsplekken:
    titel: Ontmoetingsplekken
    beleidsbron: {document: Testnota, passage: "1", verband: noemt}
    regel: {type: aanwezig, functie: ontmoeten, bereik: wijk}
items:
  huisarts:
    titel: Huisarts in de wijk
    beleidsbron: {document: Testnota, passage: "2", verband: noemt}
    regel: {type: aanwezig, soorten: [huisarts], bereik: wijk}
  mantelzorg:
    titel: Steunpunt mantelzorg in de gemeente
    beleidsbron: {document: Testnota, passage: "3", verband: noemt}
    regel: {type: aanwezig, soorten: [mantelzorg], bereik: gemeente}
"""

GEMEENTE = """\
naam: Eendorp
cbs_code: GM9901
checklist: klein
kernen:
  Aa: [Aa-Noord, Aa-Zuid]
inventarisatie: {bron: rondgang, peildatum: 2025-01-01}
voorzieningen: []
"""

WIJK = """\
naam: {naam}
kern: Aa
peildatum: 2025-01-01
inwoners: {{waarde: {inwoners}, bron: CBS 86165NED, peildatum: 2025-01-01}}
inventarisatie: {{bron: rondgang, peildatum: 2025-01-01}}
voorzieningen:
{voorzieningen}
"""

BUURTHUIS = "  - {naam: Buurthuis, soort: buurthuis, bron: rondgang, peildatum: 2025-01-01}\n"


def uitzondering(onderwerp: str = "voorwaarde: ontmoetingsplekken", **velden: str) -> str:
    """One exception as YAML; `velden` override or add (`tot=""` leaves `tot` out)."""
    alle = {
        "reden": "nieuwe wijk, buurthuis gepland",
        "besloten_door": "college van B&W",
        "besluit": '"voorbeeld: geen echt besluit (VB-1)"',
        "tot": TOT.isoformat(),
    } | velden
    regels = [f"  - {onderwerp}"] + [f"    {k}: {v}" for k, v in alle.items() if v]
    return "uitzonderingen:\n" + "\n".join(regels) + "\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Eendorp: Aa-Noord (1000 inhabitants) has a buurthuis, Aa-Zuid (3000) has none; neither
    has a huisarts, and the gemeente has no steunpunt mantelzorg (gemeente-wide)."""
    root = tmp_path / "eendorp"
    (root / "checklists").mkdir(parents=True)
    (root / "checklists" / "klein.yaml").write_text(CHECKLIST, encoding="utf-8")
    map_ = root / "data" / "wijken" / "eendorp"
    map_.mkdir(parents=True)
    (map_ / "gemeente.yaml").write_text(GEMEENTE, encoding="utf-8")
    for bestand, naam, inwoners, vz in (
        ("aa-noord", "Aa-Noord", 1000, BUURTHUIS),
        ("aa-zuid", "Aa-Zuid", 3000, "  []\n"),
    ):
        tekst = WIJK.format(naam=naam, inwoners=inwoners, voorzieningen=vz).replace(
            "voorzieningen:\n  []", "voorzieningen: []"
        )
        (map_ / f"{bestand}.yaml").write_text(tekst, encoding="utf-8")
    return root


def voeg_toe(root: Path, bestand: str, tekst: str) -> Path:
    pad = root / "data" / "wijken" / "eendorp" / f"{bestand}.yaml"
    pad.write_text(pad.read_text(encoding="utf-8") + tekst, encoding="utf-8")
    return pad


def overzicht(root: Path, datum: dt.date = DATUM):
    r = dataroot.find_root(root, {}, root)
    return batch.overzicht(r, r.gemeente_mappen(), datum)


def gewoon(tekst: str) -> str:
    """Text as read: wrapped lines and non-breaking spaces as single spaces."""
    return " ".join(tekst.replace("\u00a0", " ").split())


def gelezen(tekst: str) -> str:
    """What a reader sees of a report: without XML tags and entities, `gewoon`."""
    return gewoon(html.unescape(re.sub(r"<[^>]+>", " ", tekst)))


def rij(ov, wijk: str):
    return next(r for r in ov.rijen if r.wijk == wijk)


def bevindingen(root: Path, datum: dt.date = DATUM) -> list[tuple[str, str, int]]:
    """(id, file name, line) of every finding of validate over `root` on `datum`."""
    v = validate([], dataroot.find_root(root, {}, root), datum)
    return [(f.id, Path(f.span.path).name, f.span.line) for f in v.bevindingen]


# -- the model ------------------------------------------------------------------------------


def _wijk(yaml: str) -> Wijk:
    return laad(parse(yaml, "wijk.yaml"), Wijk)


def test_model_reads_an_exception_and_requires_an_end_date() -> None:
    basis = "naam: X\nkern: Y\npeildatum: 2025-01-01\n"
    w = _wijk(basis + uitzondering(sinds="2026-01-01"))
    (u,) = w.uitzonderingen
    assert (u.onderwerp, u.veld, u.sectie, u.tot, u.sinds) == (
        "ontmoetingsplekken",
        "voorwaarde",
        "voorwaarden",
        TOT,
        dt.date(2026, 1, 1),
    )
    assert (
        u.voorbeeld
        and not Uitzondering.model_validate(
            u.model_dump() | {"besluit": "raadsbesluit 2026-12"}
        ).voorbeeld
    )
    with pytest.raises(WijkcheckError) as fout:
        _wijk(basis + uitzondering(tot=""))
    assert [f.id for f in fout.value.findings] == ["geen-einddatum"]
    with pytest.raises(WijkcheckError) as fout:
        _wijk(basis + uitzondering("voorwaarde: a\n    item: b"))
    assert "precies een van 'voorwaarde' of 'item'" in fout.value.findings[0].message


# -- the engine: outcome, counts, the boundary of `tot` ----------------------------------------


def test_a_valid_exception_is_its_own_outcome_counted_apart(tree: Path) -> None:
    zonder = rij(overzicht(tree), "Aa-Zuid")
    assert zonder.voorwaarden["ontmoetingsplekken"] is Uitkomst.NIET_VOLDAAN
    voeg_toe(tree, "aa-zuid", uitzondering())
    ov = overzicht(tree)
    assert rij(ov, "Aa-Zuid").voorwaarden["ontmoetingsplekken"] is Uitkomst.UITZONDERING
    assert ov.totalen["ontmoetingsplekken"] == Telling(voldaan=1, uitzondering=1)
    assert Uitkomst.UITZONDERING.value == "uitzondering" and Uitkomst.UITZONDERING.symbool == "§"
    # weighted: 3000 of 4000 inhabitants live where the exception holds; not counted as voldaan
    (som,) = [s for s in ov.sommen if s.niveau == "gemeente"]
    inw = som.voorwaarden["ontmoetingsplekken"].inwoners
    assert (inw.voldaan, inw.niet_voldaan, inw.uitzondering) == (1000, 0, 3000)
    assert som.aandeel("ontmoetingsplekken", "uitzondering") == pytest.approx(0.75)


@pytest.mark.parametrize(
    ("datum", "uitkomst", "verlopen"),
    [
        (TOT - dt.timedelta(days=1), Uitkomst.UITZONDERING, False),
        (TOT, Uitkomst.UITZONDERING, False),  # `tot` is the last day it holds
        (TOT + dt.timedelta(days=1), Uitkomst.NIET_VOLDAAN, True),
    ],
)
def test_tot_is_the_last_day(
    invoke, tree: Path, datum: dt.date, uitkomst: Uitkomst, verlopen: bool
) -> None:
    voeg_toe(tree, "aa-zuid", uitzondering())
    args = ["audit", "aa-zuid", "--data", str(tree), "--datum", datum.isoformat()]
    rapport = json.loads(invoke([*args, "--format", "json"]).stdout)
    (r,) = [r for r in rapport["voorwaarden"] if r["id"] == "ontmoetingsplekken"]
    assert r["uitkomst"] == uitkomst.value
    assert r["uitzondering"]["verlopen"] is verlopen and r["uitzondering"]["tot"] == "2027-12-31"
    assert rapport["samenvatting_voorwaarden"]["uitzondering"] == (0 if verlopen else 1)
    tekst = gewoon(invoke([*args, "-f", "markdown"]).stdout)
    if verlopen:
        assert "uitzondering verlopen op 31-12-2027" in tekst
        assert "telt weer als niet voldaan" in tekst
    else:
        assert "§ uitzondering tot 31-12-2027" in tekst


@pytest.mark.parametrize(
    ("datum", "gezegd"),
    [
        (TOT - dt.timedelta(days=61), None),
        (TOT - dt.timedelta(days=60), "verloopt over 60 dagen"),
        (TOT - dt.timedelta(days=1), "verloopt over 1 dag"),
        (TOT, "verloopt vandaag"),
        (TOT + dt.timedelta(days=1), None),  # expired: said otherwise
    ],
)
def test_the_audit_says_that_an_exception_ends_soon_as_validate_warns(
    invoke, tree: Path, datum: dt.date, gezegd: str | None
) -> None:
    voeg_toe(tree, "aa-zuid", uitzondering())
    args = ["audit", "aa-zuid", "--data", str(tree), "--datum", datum.isoformat()]
    for formaat in ("markdown", "html"):
        tekst = gelezen(invoke([*args, "-f", formaat]).stdout)
        assert ("verloopt" in tekst) is (gezegd is not None)
        if gezegd is not None:
            assert f"Uitzondering, {gezegd} (niet voldaan" in tekst
            assert "uitzondering tot 31-12-2027" in tekst  # the date, beside it


def test_an_exception_not_begun_is_not_applied(tree: Path) -> None:
    voeg_toe(tree, "aa-zuid", uitzondering(sinds="2026-07-01"))
    r = rij(overzicht(tree), "Aa-Zuid")
    assert r.voorwaarden["ontmoetingsplekken"] is Uitkomst.NIET_VOLDAAN


def test_a_gemeente_exception_holds_in_every_wijk_and_the_wijk_s_own_comes_first(
    invoke, tree: Path
) -> None:
    gemeente = tree / "data" / "wijken" / "eendorp" / "gemeente.yaml"
    tekst = uitzondering("item: huisarts", tot="2027-06-30").replace(
        "uitzonderingen:\n", ""
    ) + uitzondering("item: mantelzorg").replace("uitzonderingen:\n", "")
    gemeente.write_text(
        gemeente.read_text(encoding="utf-8") + "uitzonderingen:\n" + tekst, encoding="utf-8"
    )
    voeg_toe(tree, "aa-noord", uitzondering("item: huisarts", besloten_door="wijkraad"))
    ov = overzicht(tree)
    assert (
        rij(ov, "Aa-Zuid").items.uitzondering == 1 and rij(ov, "Aa-Noord").items.uitzondering == 1
    )
    # the gemeente-wide item, judged once, has the gemeente's exception
    (breed,) = ov.gemeentebreed
    assert [r.uitkomst for r in breed.resultaten] == [Uitkomst.UITZONDERING]
    noord = json.loads(
        invoke(
            ["audit", "aa-noord", "--data", str(tree), "--datum", "2026-06-01", "-f", "json"]
        ).stdout
    )
    (huisarts,) = noord["items"]
    assert huisarts["uitzondering"]["herkomst"] == "wijk"
    assert huisarts["uitzondering"]["besloten_door"] == "wijkraad"
    args = ["audit", "aa-zuid", "--data", str(tree), "--datum", "2026-06-01", "-f", "markdown"]
    zuid = gewoon(invoke(args).stdout)
    assert "uitzondering tot 30-6-2027" in zuid and "gemeente.yaml, geldt voor alle wijken" in zuid
    assert "Uitzondering, gemeentebreed" in zuid


# -- validate ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("datum", "regel"),
    [
        (TOT - dt.timedelta(days=61), None),
        (TOT - dt.timedelta(days=60), "uitzondering-verloopt"),
        (TOT, "uitzondering-verloopt"),
        (TOT + dt.timedelta(days=1), "uitzondering-verlopen"),
    ],
)
def test_validate_warns_sixty_days_before_the_end(
    tree: Path, datum: dt.date, regel: str | None
) -> None:
    pad = voeg_toe(tree, "aa-zuid", uitzondering())
    regel_van_tot = pad.read_text(encoding="utf-8").splitlines().index("    tot: 2027-12-31") + 1
    gevonden = [b for b in bevindingen(tree, datum) if b[0].startswith("uitzondering")]
    assert gevonden == ([] if regel is None else [(regel, "aa-zuid.yaml", regel_van_tot)])


def test_validate_refuses_what_the_checklist_does_not_have(invoke, tree: Path) -> None:
    voeg_toe(tree, "aa-zuid", uitzondering("item: ontmoetingsplekken"))
    out = invoke(["validate", "--data", str(tree), "--datum", "2026-06-01"], code=1).stdout
    assert "'ontmoetingsplekken' is een voorwaarde, geen item" in out
    assert "(uitzondering-onbekend)" in out
    # every other command refuses the same data with the same finding
    audit = invoke(["audit", "aa-zuid", "--data", str(tree), "--datum", "2026-06-01"], code=2)
    assert "(uitzondering-onbekend)" in audit.output


def test_a_wijk_may_not_excuse_a_gemeente_wide_item(tree: Path) -> None:
    voeg_toe(tree, "aa-zuid", uitzondering("item: mantelzorg"))
    assert ("uitzondering-gemeentebreed", "aa-zuid.yaml", 9) in bevindingen(tree)


def test_validate_warns_of_an_exception_for_what_is_voldaan(tree: Path) -> None:
    voeg_toe(tree, "aa-noord", uitzondering())
    assert [b for b in bevindingen(tree) if b[0].startswith("uitzondering")] == [
        ("uitzondering-niet-nodig", "aa-noord.yaml", 10)
    ]


# -- every format shows it --------------------------------------------------------------------


def _docx_tekst(inhoud: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
        return z.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("formaat", ["tabel", "markdown", "html", "docx", "json", "csv"])
def test_every_audit_format_shows_the_exception(
    invoke, tree: Path, tmp_path: Path, formaat: str
) -> None:
    voeg_toe(tree, "aa-zuid", uitzondering())
    uit = tmp_path / f"audit.{ {'tabel': 'txt', 'markdown': 'md'}.get(formaat, formaat) }"
    invoke(
        [
            "audit",
            "aa-zuid",
            "--data",
            str(tree),
            "--datum",
            "2026-06-01",
            "-f",
            formaat,
            "-o",
            str(uit),
        ]
    )
    inhoud = uit.read_bytes()
    tekst = _docx_tekst(inhoud) if formaat == "docx" else inhoud.decode("utf-8-sig")
    if formaat not in ("json", "csv"):
        tekst = gelezen(tekst)
    if formaat == "json":
        data = json.loads(tekst)
        assert data["schema_versie"] == SCHEMA_VERSIE
        (r,) = [r for r in data["voorwaarden"] if r["id"] == "ontmoetingsplekken"]
        assert r["uitkomst"] == "uitzondering"
        assert r["uitzondering"]["besluit"] == "voorbeeld: geen echt besluit (VB-1)"
    elif formaat == "csv":
        (r,) = [
            r
            for r in csv.DictReader(io.StringIO(tekst), delimiter=";")
            if r["id"] == "ontmoetingsplekken"
        ]
        assert (r["uitkomst"], r["uitzondering_tot"], r["uitzondering_besloten_door"]) == (
            "uitzondering",
            "2027-12-31",
            "college van B&W",
        )
    else:
        assert "uitzondering tot 31-12-2027" in tekst
        assert "college van B&W" in tekst
        assert "VB-1" in tekst


@pytest.mark.parametrize("formaat", ["tabel", "markdown", "html", "docx", "json", "csv", "svg"])
def test_every_overview_format_counts_the_exception_apart(
    invoke, tree: Path, tmp_path: Path, formaat: str
) -> None:
    voeg_toe(tree, "aa-zuid", uitzondering())
    uit = tmp_path / f"overzicht.{ {'tabel': 'txt', 'markdown': 'md'}.get(formaat, formaat) }"
    invoke(
        ["overview", "--data", str(tree), "--datum", "2026-06-01", "-f", formaat, "-o", str(uit)]
    )
    inhoud = uit.read_bytes()
    tekst = _docx_tekst(inhoud) if formaat == "docx" else inhoud.decode("utf-8-sig")
    if formaat not in ("json", "csv"):
        tekst = gelezen(tekst)
    if formaat == "json":
        data = json.loads(tekst)
        assert data["totalen"]["ontmoetingsplekken"]["uitzondering"] == 1
        assert data["totalen"]["ontmoetingsplekken"]["voldaan"] == 1
    elif formaat == "csv":
        (r,) = [
            r for r in csv.DictReader(io.StringIO(tekst), delimiter=";") if r["wijk"] == "Aa-Zuid"
        ]
        assert (r["ontmoetingsplekken"], r["ontmoetingsplekken_inwoners_uitzondering"]) == (
            "uitzondering",
            "3000",
        )
    else:
        # a row of totals for the exception: "Totaal § uitzondering", or "§ uitzondering │ │ 1"
        assert re.search(r"(Totaal (§ )?uitzondering|§ uitzondering)[\s*│|]{0,20}1", tekst)
        assert "§ uitzondering (niet voldaan, met een besluit" in tekst  # the legend


def test_the_overview_pictures_draw_the_exception(invoke, tree: Path, tmp_path: Path) -> None:
    """The PNG is drawn from the same shapes as the SVG; with an exception it has a row more."""
    from PIL import Image

    zonder = tmp_path / "zonder.png"
    invoke(["overview", "--data", str(tree), "--datum", "2026-06-01", "-o", str(zonder)])
    voeg_toe(tree, "aa-zuid", uitzondering())
    met = tmp_path / "met.png"
    invoke(["overview", "--data", str(tree), "--datum", "2026-06-01", "-o", str(met)])
    with Image.open(zonder) as a, Image.open(met) as b:
        assert b.height > a.height


def test_the_bundled_example_has_one_exception(invoke) -> None:
    out = gewoon(invoke(["audit", "venne-oost", "--datum", "2026-06-01", "-f", "markdown"]).stdout)
    assert "§ uitzondering tot 31-12-2027" in out
    assert "college van B&amp;W" in out and "voorbeeld: geen echt besluit" in out
    assert "⚠ voorbeeldgegevens." in out


def test_the_map_colours_an_exception_as_its_own_class(invoke, tree: Path, tmp_path: Path) -> None:
    from .kaartbestanden import X0, Y0, Kenmerk, rechthoek, schrijf_geojson

    for bestand, code in (("aa-noord", "BU99010001"), ("aa-zuid", "BU99010002")):
        pad = tree / "data" / "wijken" / "eendorp" / f"{bestand}.yaml"
        tekst = pad.read_text(encoding="utf-8").replace(
            "kern: Aa\n", f"kern: Aa\ncbs_buurtcode: {code}\n"
        )
        pad.write_text(tekst, encoding="utf-8")
    voeg_toe(tree, "aa-zuid", uitzondering())
    geometrie = schrijf_geojson(
        tmp_path / "buurten.geojson",
        [
            Kenmerk("BU99010001", "Aa-Noord", [[rechthoek(X0, Y0, 1000, 800)]]),
            Kenmerk("BU99010002", "Aa-Zuid", [[rechthoek(X0 + 1000, Y0, 900, 800)]]),
        ],
    )
    args = ["overview", "--data", str(tree), "--datum", "2026-06-01", "--geometrie", str(geometrie)]
    args += ["--voorwaarde", "ontmoetingsplekken"]
    svg = invoke([*args, "-f", "svg"]).stdout
    assert "uitzondering (1)" in svg and 'id="strepen"' in svg
    html_kaart = invoke([*args, "-f", "html"]).stdout
    assert 'class="uitkomst uitzondering"' in html_kaart and "§ uitzondering" in html_kaart
    invoke([*args, "-o", str(tmp_path / "kaart.png")])
    assert (tmp_path / "kaart.png").read_bytes().startswith(b"\x89PNG")
