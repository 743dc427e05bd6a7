"""Issue 10, sections 3 and 4: nothing a report shows is lost, and it reads well where it is
pasted (80 columns, Word, Excel)."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from pathlib import Path

import pytest

from wijkcheck.core.ordering import Sortering
from wijkcheck.formatters import OutputFormat, render
from wijkcheck.formatters.report.common import SOMMEN_TITEL

AUDIT = ["audit", "Vlijmen-Dorp", "--datum", "2026-01-01"]


def _tekst(result, breedte: int) -> str:
    """The plain text of the terminal view at a width (what `-o FILE.txt` writes at 100)."""
    tekst = render(OutputFormat.TABEL, result, breedte)
    assert isinstance(tekst, str)
    return tekst


def resultaten(rapport: dict) -> list[dict]:
    """Every result of a JSON audit, parts included."""
    out: list[dict] = []
    todo = [*rapport["voorwaarden"], *rapport["items"]]
    while todo:
        r = todo.pop(0)
        out.append(r)
        todo.extend(r["onderdelen"])
    return out


def woorden(tekst: str) -> set[str]:
    """The words of a text, without the punctuation around them; for a terminal table split at
    spaces and at the borders of its cells, so a word cut over two lines is no word of it."""
    return {w.strip(",;:.()'") for w in re.split(r"[\s│┃║|]+", tekst)} - {""}


def docx_tekst(pad: Path) -> str:
    docx = pytest.importorskip("docx")
    doc = docx.Document(str(pad))
    delen = [p.text for p in doc.paragraphs]
    delen += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(delen)


def test_json_lists_every_counted_facility(invoke) -> None:
    rapport = json.loads(invoke([*AUDIT, "-f", "json"]).stdout)
    ontmoeten = next(r for r in rapport["voorwaarden"] if r["id"] == "ontmoetingsplekken")
    assert ontmoeten["voorzieningen"] == [
        "Buurthuis De Schakel",
        "Supermarkt Mr. van Coothstraat",
        "Bibliotheek Vlijmen",
        "Marktplein met bankjes",
    ]
    assert ontmoeten["gemeten_getal"] == 4
    assert "…" not in ontmoeten["gemeten"] and "Marktplein met bankjes" in ontmoeten["gemeten"]
    lang = [r for r in resultaten(rapport) if len(r["voorzieningen"]) > 3]
    assert lang, "the bundled data has results that count more than three facilities"
    for r in lang:
        assert r["gemeten"].startswith(f"{len(r['voorzieningen'])} (")
        assert all(naam in r["gemeten"] for naam in r["voorzieningen"])
        assert r["gemeten_getal"] == len(r["voorzieningen"])


def test_every_format_names_every_facility(invoke, tmp_path: Path, monkeypatch) -> None:
    rapport = json.loads(invoke([*AUDIT, "-f", "json"]).stdout)
    namen = {n for r in resultaten(rapport) for n in r["voorzieningen"]}
    assert "Marktplein met bankjes" in namen and len(namen) > 20

    rows = list(
        csv.DictReader(
            io.StringIO(invoke([*AUDIT, "-f", "csv"]).stdout_bytes.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    for row, r in zip(rows, resultaten_in_volgorde(rapport), strict=True):
        assert row["voorzieningen"].split(" | ") == (r["voorzieningen"] or [""])
    for fmt in ("markdown", "html"):
        out = html.unescape(invoke([*AUDIT, "-f", fmt]).stdout).replace("\\", "")
        missen = [n for n in namen if n not in out]
        assert not missen, (fmt, missen)
    invoke([*AUDIT, "-o", str(tmp_path / "a.docx")])
    tekst = docx_tekst(tmp_path / "a.docx")
    assert not [n for n in namen if n not in tekst]
    monkeypatch.setenv("COLUMNS", "80")
    scherm = woorden(invoke(AUDIT).stdout)
    assert not [w for n in namen for w in woorden(n) if w not in scherm]


def resultaten_in_volgorde(rapport: dict) -> list[dict]:
    """Depth first, as the CSV lists them."""

    def plat(rs: list[dict]) -> list[dict]:
        return [x for r in rs for x in (r, *plat(r["onderdelen"]))]

    return plat(rapport["voorwaarden"]) + plat(rapport["items"]) + plat(rapport["gemeentebreed"])


def test_csv_has_a_number_beside_the_text(invoke) -> None:
    raw = invoke([*AUDIT, "-f", "csv"]).stdout_bytes.decode("utf-8-sig")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(raw), delimiter=";")}
    inkomen = rows["sociaaleconomische-zekerheid.1"]
    assert inkomen["gemeten"] == "7,2 %" and inkomen["gemeten_getal"] == "7,2"
    assert rows["ontmoetingsplekken"]["gemeten_getal"] == "4"
    assert rows["sociaaleconomische-zekerheid"]["gemeten_getal"] == "5"  # parts met
    capaciteit = rows["institutionele-capaciteit"]
    assert capaciteit["gemeten"] == "2,4 fte" and capaciteit["gemeten_getal"] == "2,4"
    oordeel = next(r for r in rows.values() if r["gemeten"].startswith("oordeel"))
    assert oordeel["gemeten_getal"] == ""
    # a number Dutch Excel reads as a number: digits and at most one decimal comma
    for r in rows.values():
        assert re.fullmatch(r"(-?\d+(,\d+)?)?", r["gemeten_getal"]), r


def test_csv_number_format() -> None:
    from wijkcheck.formatters.report.csvfmt import getal_nl

    assert [getal_nl(x) for x in (None, 4, 4.0, 7.2, 0.1 + 0.2, -3.5, 4200.0)] == [
        "",
        "4",
        "4",
        "7,2",
        "0,3",
        "-3,5",
        "4200",
    ]


HERPT = ["audit", "Herpt", "--datum", "2026-12-01"]


def test_memo_opens_with_its_conclusion(invoke, tmp_path: Path) -> None:
    """Counts and what needs attention come before the tables, in every memo format."""
    rapport = json.loads(invoke([*HERPT, "-f", "json"]).stdout)
    niet = [
        r["titel"]
        for r in rapport["voorwaarden"] + rapport["items"]
        if r["uitkomst"] == "niet voldaan"
    ]
    assert niet, "Herpt has items that are not met"
    teksten = {
        "tabel": invoke(HERPT).stdout,
        "markdown": invoke([*HERPT, "-f", "markdown"]).stdout,
        "html": html.unescape(invoke([*HERPT, "-f", "html"]).stdout),
    }
    invoke([*HERPT, "-o", str(tmp_path / "h.docx")])
    docx = pytest.importorskip("docx")
    teksten["docx"] = "\n".join(p.text for p in docx.Document(str(tmp_path / "h.docx")).paragraphs)
    for fmt, tekst in teksten.items():
        plat = " ".join(tekst.split())
        telling = plat.find("Voorwaarden (4): 4 voldaan · 0 niet voldaan · 0 onbekend.")
        aandacht = plat.find("Niet voldaan: " + ", ".join(niet) + ".")
        tabel = plat.find("Vier voorwaarden sociale basis (")
        assert 0 <= telling < aandacht < tabel, fmt
        score = f"Checklist-items ({len(rapport['items'])}): "
        assert plat.count(score) == 1, fmt  # once, at the top


def test_overview_and_map_open_with_their_conclusion(invoke) -> None:
    out = " ".join(invoke(["overview", "--datum", "2026-01-01", "-f", "markdown"]).stdout.split())
    assert out.find("## Samenvatting") < out.find("## Voorwaarden en checklist per wijk")
    assert "19 wijken × 4 voorwaarden:" in out
    assert "Centrum-Drunen: Sociaaleconomische zekerheid" in out
    out = " ".join(invoke(["show", "Herpt", "-f", "markdown"]).stdout.split())
    assert 0 < out.find("In de wijk: 4 voorzieningen") < out.find("## Persoonlijk netwerk")


def verouderd(rapport: dict) -> list[dict]:
    gegevens = [rapport["inwoners"], *(g for r in resultaten(rapport) for g in r["gegevens"])]
    return [g for g in gegevens if g["verouderd"]]


def _datum(iso: str) -> str:
    jaar, maand, dag = iso.split("-")
    return f"{int(dag)}-{int(maand)}-{jaar}"


def test_outdated_notice_names_every_outdated_figure(invoke, tmp_path: Path) -> None:
    rapport = json.loads(invoke([*HERPT, "-f", "json"]).stdout)
    oud = verouderd(rapport)
    assert len(oud) >= 5 and {g["wat"] for g in oud} >= {"inwoners", "Supermarkt"}
    md = invoke([*HERPT, "-f", "markdown"]).stdout
    (melding,) = [regel for regel in md.splitlines() if "ouder dan de maximale ouderdom" in regel]
    for g in oud:
        assert f"{g['wat']}: {g['waarde']} ({_datum(g['peildatum'])})" in html.unescape(
            melding.replace("\\", "").replace("\u00a0", " ")  # signs and '%' joined
        ), g
    scherm = " ".join(invoke(HERPT).stdout.replace("│", " ").split())
    assert (
        "ouder dan de maximale ouderdom van de checklist (36 maanden), met hun peildatum" in scherm
    )
    assert "Eenzaamheid (volwassenen): 37,5 % (1-9-2022)" in scherm


def test_outdated_notice_of_the_overview_and_its_pictures(invoke, tmp_path: Path) -> None:
    args = ["overview", "--datum", "2026-12-01"]
    ov = json.loads(invoke([*args, "-f", "json"]).stdout)
    oude = [r for r in ov["rijen"] if r["verouderde_gegevens"]]
    assert oude and all(r["verouderde_cijfers"] for r in oude)
    assert all(not r["verouderde_cijfers"] for r in ov["rijen"] if not r["verouderde_gegevens"])
    herpt = next(r for r in oude if r["wijk"] == "Herpt")
    assert {g["wat"] for g in herpt["verouderde_cijfers"]} >= {"inwoners", "Supermarkt"}

    svg = invoke([*args, "-f", "svg"]).stdout
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg.encode("utf-8"))
    tekst = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "ouder dan de maximale ouderdom van de checklist (36 maanden)" in tekst
    for r in oude:
        assert f"{r['wijk']}:" in tekst
        for g in r["verouderde_cijfers"]:
            assert f"{g['wat']} ({_datum(g['peildatum'])})" in tekst
    md = invoke([*args, "-f", "markdown"]).stdout
    assert "Herpt: inwoners (1-1-2023)" in md and f"In {len(oude)} wijken zijn gegevens" in md


# --- 80 columns -------------------------------------------------------------------------------

DATUMS = [dt.date(2026, 1, 1), dt.date(2026, 12, 1)]  # the second makes figures outdated


@pytest.fixture(scope="module")
def heusden():
    from wijkcheck.sources import store

    from .conftest import BUNDLED

    gd = store.load_gemeente(BUNDLED.wijken / "heusden")
    checklist, _ = store.load_checklist(BUNDLED, "heusden")
    return checklist, gd


def _teksten_audit(rapport) -> list[str]:
    from wijkcheck.formatters.report import common

    view = common.memo_view(rapport)
    rijen = view.rijen
    return [
        *(t for r in rijen for t in (r.titel, r.gemeten, r.vereist, r.toelichting)),
        *(w for _, w in common.kop(rapport)),
        *common.meldingen(rapport),
        *common.conclusie(rapport),
        *(common.bron_tekst(b) for b in view.bronnen),
    ]


def _teksten_kaart(kaart) -> list[str]:
    from wijkcheck.formatters.report import common

    view = common.kaart_view(kaart)
    rijen = [r for g in view.groepen for s in g.secties for r in s.rijen]
    return [
        *(t for r in rijen for t in (r.naam, r.soort, r.waar, r.details, r.toegankelijk)),
        *(s.titel for g in view.groepen for s in g.secties),
        *(g.titel for g in view.groepen),
        *common.meldingen(kaart),
        *common.conclusie(kaart),
        *(common.bron_tekst(b) for b in view.bronnen),
    ]


def _leesbaar(uit: str, teksten: list[str], breedte: int) -> None:
    assert "…" not in uit
    assert max(len(regel) for regel in uit.splitlines()) <= breedte
    gezien = woorden(uit)
    heel = [w for t in teksten for w in woorden(t)]
    assert heel
    gesneden = sorted({w for w in heel if w not in gezien})
    assert not gesneden, gesneden


@pytest.mark.parametrize("datum", DATUMS)
@pytest.mark.parametrize("breedte", [80, 100, 120])
def test_audit_and_map_of_every_wijk_keep_every_word_whole(heusden, datum, breedte) -> None:
    from wijkcheck.core import engine
    from wijkcheck.formatters.report.common import schoon
    from wijkcheck.reports import sociale_kaart

    checklist, gd = heusden
    for wijk in gd.wijken:
        rapport = schoon(engine.audit(checklist, gd.gemeente, wijk, gd.wijken, datum))
        _leesbaar(_tekst(rapport, breedte), _teksten_audit(rapport), breedte)
        k = schoon(sociale_kaart.sociale_kaart(checklist, gd.gemeente, wijk, gd.wijken, datum))
        _leesbaar(_tekst(k, breedte), _teksten_kaart(k), breedte)


@pytest.mark.parametrize("sortering", list(Sortering))
@pytest.mark.parametrize("breedte", [80, 100, 120, 140])
def test_overview_keeps_every_word_whole(heusden, breedte: int, sortering) -> None:
    from wijkcheck.formatters.report import common
    from wijkcheck.reports.overview import overzicht

    checklist, gd = heusden
    ov = overzicht(checklist, gd.gemeente, gd.wijken, DATUMS[1], sortering=sortering)
    uit = _tekst(ov, breedte)
    teksten = [
        *(t for r in ov.rijen for t in (r.wijk,)),
        *(k.titel for k in ov.voorwaarden),
        *common.meldingen(ov),
        *common.conclusie(ov),
    ]
    if sortering is Sortering.KERN or breedte >= 100:
        teksten += [r.kern for r in ov.rijen]
    _leesbaar(uit, teksten, breedte)


def test_parts_keep_their_indent_when_they_wrap(heusden) -> None:
    """A part's label that wraps continues under its text, not under the bullet or at the
    border: '│ · Afstand tot' / '│   huisarts'."""
    from wijkcheck.core import engine
    from wijkcheck.formatters.report import common
    from wijkcheck.formatters.report.common import schoon

    checklist, gd = heusden
    gewrapt = 0
    for wijk in gd.wijken:
        rapport = schoon(engine.audit(checklist, gd.gemeente, wijk, gd.wijken, DATUMS[0]))
        view = common.memo_view(rapport)
        hoofd = [r.titel for r in view.rijen if not r.niveau]
        regels = _tekst(rapport, 64).splitlines()
        for i, regel in enumerate(regels[:-1]):
            if not regel.startswith("│ · "):
                continue
            volgende = regels[i + 1].split("│")[1]
            if volgende.strip() and not volgende.startswith("   "):
                # no indent: only the start of the next top-level row may stand there
                assert any(t.startswith(volgende.strip()) for t in hoofd), (regel, volgende)
            elif volgende.startswith("   ") and not volgende.startswith("   bron"):
                gewrapt += 1
    assert gewrapt > 10  # at 64 columns many labels wrap


def test_overview_uses_titles_and_a_kern_column_when_they_fit(heusden) -> None:
    from wijkcheck.reports.overview import overzicht

    checklist, gd = heusden
    ov = overzicht(checklist, gd.gemeente, gd.wijken, DATUMS[0])
    breed = _tekst(ov, 120)
    kop = " ".join(r for r in breed.splitlines() if r.startswith("┃"))
    assert all(w in kop for k in ov.voorwaarden for w in k.titel.split()) and "V1" not in breed
    assert re.search(r"┃ Wijk\s+┃ Kern\s+┃", breed)
    assert re.search(r"│ De Grassen\s+│ Vlijmen\s+│ ✘ niet", breed)
    # 100: numbered conditions (a legend says which), still a Kern column
    midden = _tekst(ov, 100)
    assert re.search(r"┃ Wijk\s+┃ Kern\s+┃ V1", midden) and "V1    Ontmoetingsplekken" in midden
    # 80: the kern heads its wijken
    smal = _tekst(ov, 80)
    assert "Kern" not in smal.split("Voorwaarden en checklist per wijk")[1].split(SOMMEN_TITEL)[0]
    assert re.search(r"│ Vlijmen\s+│\s+│.*\n│ De Grassen\s+│", smal)
    # sorted by name at 80 there is no room and no order for kern rows: the legend says so
    naam = overzicht(checklist, gd.gemeente, gd.wijken, DATUMS[0], sortering=Sortering.NAAM)
    assert "De kern staat er niet bij" in _tekst(naam, 80)
    assert "De kern staat er niet bij" not in _tekst(naam, 100)


# --- Word ---------------------------------------------------------------------------------


def _docx(invoke, tmp_path: Path, args: list[str]):
    docx = pytest.importorskip("docx")
    pad = tmp_path / "memo.docx"
    invoke([*args, "-o", str(pad), "--force"])
    return docx.Document(str(pad))


@pytest.mark.parametrize(
    "args",
    [
        ["audit", "Vlijmen-Dorp", "--datum", "2026-12-01"],
        ["audit", "Braken-Oost", "--datum", "2026-12-01"],
        ["show", "Braken-Oost", "--datum", "2026-12-01"],
        ["overview", "--datum", "2026-12-01"],
    ],
)
def test_word_tables_fit_the_page(invoke, tmp_path: Path, args: list[str]) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm

    doc = _docx(invoke, tmp_path, args)
    sectie = doc.sections[0]
    if args[0] != "overview":
        assert sectie.orientation == WD_ORIENT.PORTRAIT
        assert abs(sectie.page_width - Cm(21)) < Cm(0.01)
    tekstbreedte = sectie.page_width - sectie.left_margin - sectie.right_margin
    if args[0] != "overview":
        assert abs(tekstbreedte - Cm(17.4)) < Cm(0.01)
    for tabel in doc.tables:
        grid = [int(c.get(qn("w:w"))) for c in tabel._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(grid) * 635 <= tekstbreedte + Cm(0.01)  # twips to EMU
        for rij in tabel.rows:
            assert rij._tr.trPr.find(qn("w:cantSplit")) is not None  # never split over pages
            if len({id(c._tc) for c in rij.cells}) == len(rij.cells):  # not a merged title row
                assert [c.width for c in rij.cells] == [c.width for c in tabel.rows[0].cells]


def test_word_keeps_a_rule_and_its_parts_together(invoke, tmp_path: Path) -> None:
    """Every row of a composite rule keeps with the next row, except the group's last: the
    group moves to the next page as a whole."""
    doc = _docx(invoke, tmp_path, AUDIT)
    rapport = json.loads(invoke([*AUDIT, "-f", "json"]).stdout)

    def houdt(rij) -> bool:
        return all(p.paragraph_format.keep_with_next for c in rij.cells for p in c.paragraphs)

    delen = 0
    delen_ = (rapport["voorwaarden"], rapport["items"], rapport["gemeentebreed"])
    for tabel, lijst in zip(doc.tables, delen_, strict=True):
        rijen = iter(tabel.rows[1:])
        for r in lijst:
            groep = [next(rijen) for _ in range(_tel(r))]
            assert [houdt(g) for g in groep] == [True] * (len(groep) - 1) + [False], r["id"]
            delen += len(groep) > 1
    assert delen >= 4


def _tel(r: dict) -> int:
    return 1 + sum(_tel(d) for d in r["onderdelen"])


def test_word_footer_has_one_font_size(invoke, tmp_path: Path) -> None:
    from docx.oxml.ns import qn

    doc = _docx(invoke, tmp_path, AUDIT)
    voet = doc.sections[0].footer.paragraphs[0]
    assert "pagina" in voet.text and voet._p.find(qn("w:fldSimple")) is not None
    # no run sets its own size: text and page number both take the Footer style's 8 pt
    assert not voet._p.findall(".//" + qn("w:sz"))
    assert voet.style.name == "Footer" and voet.style.font.size.pt == 8


#: '⚠' as the last thing in a table cell: its word went to the next line of the cell
_LOS_TEKEN = re.compile(r"⚠\s*[│┃]")


def _zonder_proza(r):
    """A result without its explanation: prose in a cell wraps like prose, at any word."""
    onderdelen = [_zonder_proza(d) for d in r.onderdelen]
    return r.model_copy(update={"toelichting": "", "uitzondering": None, "onderdelen": onderdelen})


@pytest.mark.parametrize("datum", DATUMS)
def test_a_warning_in_a_table_cell_keeps_its_word(heusden, datum) -> None:
    """'⚠ voorbeeldgegevens' beside a figure, '⚠ voorbeeldnorm' beside a norm: on one line at
    every fifth width from 70 columns, beside the text when both fit, else on a line of its own."""
    from wijkcheck.core import engine
    from wijkcheck.formatters.report.common import schoon

    checklist, gd = heusden
    for wijk in gd.wijken:
        rapport = schoon(engine.audit(checklist, gd.gemeente, wijk, gd.wijken, datum))
        delen = ("voorwaarden", "items", "gemeentebreed")
        rapport = rapport.model_copy(
            update={d: [_zonder_proza(r) for r in getattr(rapport, d)] for d in delen}
        )
        for breedte in range(70, 161, 5):
            uit = _tekst(rapport, breedte)
            assert "⚠ voorbeeldgegevens" in uit
            cellen = [r for r in uit.splitlines() if len(re.findall("[│┃]", r)) >= 3]
            los = [r for r in cellen if _LOS_TEKEN.search(r)]  # a panel's prose wraps freely
            assert not los, (wijk.naam, breedte, los)


@pytest.mark.parametrize("datum", DATUMS)
def test_a_warning_in_prose_keeps_its_word(heusden, datum) -> None:
    """The notices above the tables and an exception's text in a cell: no line ends in a '⚠'
    whose word is on the next, at every fifth width from 80 columns (the narrowest layout of
    every bundled wijk; below it rich narrows the columns further)."""
    from wijkcheck.core import engine
    from wijkcheck.formatters.report.common import schoon

    checklist, gd = heusden
    geteld = 0
    for wijk in gd.wijken:
        rapport = schoon(engine.audit(checklist, gd.gemeente, wijk, gd.wijken, datum))
        for breedte in range(80, 161, 5):
            uit = _tekst(rapport, breedte)
            geteld += uit.count("⚠")
            los = [r for r in uit.splitlines() if re.search(r"⚠\s*([│┃]\s*)*$", r)]
            assert not los, (wijk.naam, breedte, los)
    assert geteld


@pytest.mark.parametrize(
    "args",
    [
        ["overview"],
        ["overview", "--sorteer", "kern"],
        ["voorbeelden"],
        ["show", "Venne-Oost"],
        ["compare", "Vlijmen-Dorp", "--sinds", "VORIG"],
    ],
)
def test_a_sign_in_prose_keeps_its_word_in_every_report(invoke, monkeypatch, tmp_path, args):
    # The summaries list "Ontmoetingsplekken (✔ voldaan); …" and "… ⚠ voorbeeldgegevens": a
    # line ended in "(✔" with "voldaan)" on the next (compare, at 100 columns), in "⚠"
    # (the overview's gemeente-wide line, the good practices' unmet wijken), in "§" (legend).
    datum = ["--datum", "2026-01-01"]
    vorig = tmp_path / "vorig.json"
    if "VORIG" in args:
        invoke(["audit", "Vlijmen-Dorp", *datum, "-f", "json", "-o", str(vorig)])
        args = [str(vorig) if a == "VORIG" else a for a in args]
    tekens = 0
    for breedte in range(80, 161, 5):
        monkeypatch.setenv("COLUMNS", str(breedte))
        out = invoke([*args, *datum]).stdout
        tekens += sum(out.count(t) for t in "⚠✔")
        los = [r for r in out.splitlines() if re.search(r"[⚠✔✘§]\s*([│┃]\s*)*$", r)]
        assert not los, (breedte, los)
    assert tekens


@pytest.mark.parametrize("breedte", [50, 60, 70])
def test_nothing_ends_in_an_ellipsis_on_a_narrow_terminal(invoke, monkeypatch, breedte) -> None:
    # Below the narrowest layout words fold over lines; before, rich cut the matrix's cells
    # and a part's title to "✔ vo…", "Braken-Oo…", "· Gelijkwaardigh…".
    monkeypatch.setenv("COLUMNS", str(breedte))
    datum = ["--datum", "2026-01-01"]
    for args in (["overview", *datum], ["audit", "Braken-Oost", *datum], ["list"], ["explain"]):
        out = invoke(args).stdout
        assert "…" not in out, (args, breedte)
        assert max(len(regel) for regel in out.splitlines()) <= breedte, (args, breedte)


def test_prose_is_broken_where_a_sign_keeps_its_word() -> None:
    from wijkcheck.formatters.report.terminal import _proza

    tekst = "het aandeel ligt boven de drempel ⚠ voorbeeldgegevens.\nDaarna (✔ voldaan) verder."
    assert _proza(tekst, 38).splitlines() == [
        "het aandeel ligt boven de drempel",
        "⚠ voorbeeldgegevens.",
        "Daarna (✔ voldaan) verder.",
    ]
    # a paragraph with a character two cells wide is left to rich; the others are broken
    assert _proza("日本 ⚠ x\nab cd", 3).splitlines() == ["日本 ⚠ x", "ab", "cd"]
    assert _proza("a ⚠ b", None) == "a ⚠ b"  # no width: rich breaks it
