"""Word (.docx): a real document for council memos, made with python-docx.

Title, header facts, the example-data notice as a shaded box, the summary, tables whose header
row repeats on every page, and the sources as a numbered list. A4 portrait, as a council memo is
(17.4 cm of text width): every table gets column widths that fit it, each column at least as
wide as its longest word; only an overview too wide for that goes landscape. python-docx is
imported here only, when this format is used.
"""

from __future__ import annotations

import io
from typing import Any

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Span, WijkcheckError
from wijkcheck.core.names import getal
from wijkcheck.core.results import Rapport, Uitkomst
from wijkcheck.formatters.report import common
from wijkcheck.reports.compare import OverzichtSinds, Vergelijking
from wijkcheck.reports.goede_voorbeelden import GoedeVoorbeelden
from wijkcheck.reports.overview import Overzicht
from wijkcheck.reports.sociale_kaart import SocialeKaart

#: A memo table of more rows is a book (about 50 pages) and takes python-docx seconds and
#: hundreds of megabytes per thousand rows more; CSV or HTML carry any number.
MAX_RIJEN = 2000

# Light fills that print as distinct greys; the symbol and word carry the meaning.
VULLING = {
    Uitkomst.VOLDAAN: "E3F4E3",
    Uitkomst.NIET_VOLDAAN: "FBE0E0",
    Uitkomst.ONBEKEND: "FFF4CC",
    Uitkomst.UITZONDERING: "E0E7F7",
}
KOPVULLING = "D9D9D9"
LETTER = "Arial"
#: Text width of A4 with margins of 1.8 cm: portrait, as a council memo, and landscape.
STAAND_CM = 21.0 - 3.6
LIGGEND_CM = 29.7 - 3.6
SECTIEVULLING = "F2F2F2"


class _Doc:
    """A python-docx document with the few helpers the reports need."""

    def __init__(self, liggend: bool, titel_tekst: str) -> None:
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Cm, Pt

        self.Cm, self.Pt, self.qn, self.OxmlElement = Cm, Pt, qn, OxmlElement
        self.doc = Document()
        section = self.doc.sections[0]
        # python-docx's template is US Letter; memos here are A4.
        breed, hoog = Cm(29.7), Cm(21.0)
        if liggend:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = breed, hoog
        else:
            section.page_width, section.page_height = hoog, breed
        for kant in ("left_margin", "right_margin"):
            setattr(section, kant, Cm(1.8))
        section.top_margin = section.bottom_margin = Cm(1.6)
        self.breedte_cm = LIGGEND_CM if liggend else STAAND_CM
        # The template's body font is Cambria via its theme; memos want a plain sans that every
        # Word and LibreOffice has (LibreOffice maps Arial to the metric-equal Liberation Sans).
        for naam in ("Normal", "Title", "Heading 1", "Heading 2"):
            stijl = self.doc.styles[naam]
            rfonts = stijl.element.get_or_add_rPr().get_or_add_rFonts()
            for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                rfonts.attrib.pop(qn(f"w:{attr}"), None)
            for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
                rfonts.set(qn(f"w:{attr}"), LETTER)
        kop1 = self.doc.styles["Heading 1"].paragraph_format
        kop1.space_before, kop1.space_after = Pt(14), Pt(4)
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(10)
        rpr = normal.element.get_or_add_rPr()
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "nl-NL")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
        self.doc.core_properties.title = titel_tekst
        self.doc.core_properties.language = "nl-NL"
        self.doc.core_properties.author = "wijkcheck"
        self._voettekst(titel_tekst)

    def _voettekst(self, tekst: str) -> None:
        # the size on the style, not on a run: the page number field then has it too
        self.doc.styles["Footer"].font.size = self.Pt(8)
        p = self.doc.sections[0].footer.paragraphs[0]
        p.style = self.doc.styles["Footer"]
        p.add_run(f"{tekst} · wijkcheck · pagina ")
        veld = self.OxmlElement("w:fldSimple")
        veld.set(self.qn("w:instr"), "PAGE")
        r = self.OxmlElement("w:r")
        t = self.OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        veld.append(r)
        p._p.append(veld)

    def kop(self, result: Any, feiten: list[tuple[str, str]]) -> None:
        self.begin(common.titel(result), feiten, common.meldingen(result))
        # a memo opens with its conclusion; the tables below are the evidence
        self.samenvatting(common.conclusie(result))

    def begin(self, titel: str, feiten: list[tuple[str, str]], meldingen: list[str]) -> None:
        """The title, the header facts and the notices, which stand above everything."""
        self.doc.add_heading(titel, level=0)
        for label, waarde in feiten:
            p = self.doc.add_paragraph()
            p.paragraph_format.space_after = self.Pt(0)
            p.add_run(f"{label}: ").bold = True
            p.add_run(waarde)
        for melding in meldingen:
            self.melding(melding)

    def samenvatting(self, regels: list[str]) -> None:
        self.doc.add_heading("Samenvatting", level=1)
        for i, regel in enumerate(regels):
            p = self.doc.add_paragraph(style="List Bullet")
            p.paragraph_format.space_after = self.Pt(2)
            p.add_run(regel).bold = i == 0

    def melding(self, tekst: str) -> None:
        p = self.doc.add_paragraph()
        p.add_run("⚠ Let op: ").bold = True
        p.add_run(tekst)
        ppr = p._p.get_or_add_pPr()
        rand = self.OxmlElement("w:pBdr")
        for kant in ("top", "left", "bottom", "right"):
            el = self.OxmlElement(f"w:{kant}")
            el.set(self.qn("w:val"), "single")
            el.set(self.qn("w:sz"), "24" if kant == "left" else "8")
            el.set(self.qn("w:space"), "4")
            el.set(self.qn("w:color"), "000000")
            rand.append(el)
        ppr.append(rand)
        ppr.append(self._shd("FFF4CC"))
        # set after the border: python-docx puts w:spacing where the schema wants it
        p.paragraph_format.space_before = self.Pt(8)

    def _shd(self, kleur: str):
        shd = self.OxmlElement("w:shd")
        shd.set(self.qn("w:val"), "clear")
        shd.set(self.qn("w:color"), "auto")
        shd.set(self.qn("w:fill"), kleur)
        return shd

    def vul(self, cel, kleur: str) -> None:
        cel._tc.get_or_add_tcPr().append(self._shd(kleur))

    def tabel(self, kolommen: list[str], breedtes_cm: list[float]):
        from docx.enum.table import WD_TABLE_ALIGNMENT

        tabel = self.doc.add_table(rows=1, cols=len(kolommen))
        tabel.style = "Table Grid"
        tabel.alignment = WD_TABLE_ALIGNMENT.CENTER
        tabel.autofit = False
        self._breedtes = [self.Cm(b) for b in breedtes_cm]
        # Word reads the cell widths, LibreOffice the grid: set both.
        for kolom, breedte in zip(tabel.columns, self._breedtes, strict=True):
            kolom.width = breedte
        kop = tabel.rows[0]
        # w:tblHeader repeats this row at the top of every page the table runs onto.
        trpr = kop._tr.get_or_add_trPr()
        trpr.append(self.OxmlElement("w:tblHeader"))
        for cel, tekst in zip(kop.cells, kolommen, strict=True):
            cel.text = ""
            cel.paragraphs[0].add_run(tekst).bold = True
            # never alone at the foot of a page
            cel.paragraphs[0].paragraph_format.keep_with_next = True
            self.vul(cel, KOPVULLING)
        self._maat(kop)
        return tabel

    def _maat(self, rij) -> None:
        for cel, breedte in zip(rij.cells, self._breedtes, strict=True):
            cel.width = breedte
        # a row is never split over two pages
        rij._tr.get_or_add_trPr().append(self.OxmlElement("w:cantSplit"))

    def bijeen(self, rijen) -> None:
        """Keep these rows on one page: each paragraph keeps with the next, except in the last
        row (Word and LibreOffice keep table rows together this way)."""
        for r in rijen[:-1]:
            for cel in r.cells:
                for p in cel.paragraphs:
                    p.paragraph_format.keep_with_next = True

    def rij(self, tabel, cellen: list[str]):
        rij = tabel.add_row()
        for cel, tekst in zip(rij.cells, cellen, strict=True):
            cel.text = tekst
        self._maat(rij)
        return rij

    def sectie(self, tabel, tekst: str):
        rij = tabel.add_row()
        self._maat(rij)
        cel = rij.cells[0].merge(rij.cells[-1])
        cel.text = ""
        run = cel.paragraphs[0].add_run(tekst)
        run.bold = run.italic = True
        self.vul(cel, SECTIEVULLING)
        return rij

    def uitkomst(self, cel, u: Uitkomst, tekst: str | None = None) -> None:
        cel.text = ""
        run = cel.paragraphs[0].add_run(tekst or f"{u.symbool} {u.value}")
        run.bold = True
        run.italic = u is Uitkomst.ONBEKEND
        self.vul(cel, VULLING[u])

    def toelichting(self, cel, tekst: str) -> None:
        run = cel.add_paragraph().add_run(tekst)
        run.italic = True
        run.font.size = self.Pt(8.5)

    def bronnen(self, bronnen: list[common.Bron]) -> None:
        self.doc.add_heading("Bronnen", level=1)
        for b in bronnen:
            p = self.doc.add_paragraph(style="List Number")
            p.paragraph_format.space_after = self.Pt(0)
            run = p.add_run(common.bron_tekst(b))
            run.bold = b.voorbeeld or b.verouderd

    def alinea(self, tekst: str, *, vet: bool = False, cursief: bool = False):
        p = self.doc.add_paragraph()
        run = p.add_run(tekst)
        run.bold, run.italic = vet, cursief
        return p

    def bytes(self) -> bytes:
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


# Advance widths of Arial (Liberation Sans has the same metrics) in em, by character class.
_SMAL = set("ijlft.,:;'!|()[]/ -")
_BREED = set("mwMW%@")
#: Word's default cell margins in Table Grid: 0.19 cm left and right.
_MARGE_CM = 0.38
_SPELING_CM = 0.15
PT_CM = 2.54 / 72


def tekst_cm(tekst: str, pt: float = 10, vet: bool = False) -> float:
    """About how wide `tekst` is in Arial at `pt` points, in cm (a little generous)."""
    em = 0.0
    for c in tekst:
        if c in _SMAL:
            em += 0.29
        elif c in _BREED:
            em += 0.84
        elif c.isupper() or c.isdigit() or c in "✔✘?≥≤":
            em += 0.67
        else:
            em += 0.56
    return em * pt * PT_CM * (1.08 if vet else 1.0)


def _woord_cm(teksten, pt: float = 10, vet: bool = False) -> float:
    return max([tekst_cm(w, pt, vet) for t in teksten for w in common.woorden(t)] + [0.3])


def _regel_cm(teksten, pt: float = 10, vet: bool = False) -> float:
    return max([tekst_cm(r, pt, vet) for t in teksten for r in t.splitlines()] + [0.3])


def _breedtes(kolommen: list[tuple[float, float, float]], beschikbaar: float) -> list[float]:
    """Widths in cm from (longest word, longest line, weight) per column: `common.column_widths`.
    A little slack on top of the estimate, so that a word that just fits is not broken."""
    minimum = [m + _MARGE_CM + _SPELING_CM for m, _, _ in kolommen]
    wens = [w + _MARGE_CM + _SPELING_CM for _, w, _ in kolommen]
    gewicht = [max(g, 0.001) for _, _, g in kolommen]
    return common.column_widths(minimum, wens, gewicht, beschikbaar, 0.05)


_INSPRING_CM = 0.4


def _resultaten(d: _Doc, kop: str, rijen: list[common.Rij], breedtes: list[float]) -> None:
    d.doc.add_heading(kop, level=1)
    tabel = d.tabel(["Onderwerp", "Uitkomst", "Gemeten", "Vereist", "Bron"], breedtes)
    groep: list = []
    for rij in rijen:
        if not rij.niveau and groep:
            d.bijeen(groep)  # a composite rule and its parts stay on one page
            groep = []
        refs = ", ".join(str(n) for n in rij.bronnen)
        naam = ("· " if rij.niveau else "") + rij.titel
        r = d.rij(tabel, [naam, "", rij.gemeten_vol, rij.vereist_vol, refs])
        groep.append(r)
        titelcel = r.cells[0].paragraphs[0]
        titelcel.paragraph_format.left_indent = d.Cm(_INSPRING_CM * rij.niveau)
        if not rij.niveau:
            titelcel.runs[0].bold = True
        d.uitkomst(r.cells[1], rij.uitkomst, rij.uitkomst_tekst)
        if rij.toelichting:
            d.toelichting(r.cells[2], rij.toelichting)
    d.bijeen(groep)


def _audit_breedtes(rijen: list[common.Rij], beschikbaar: float) -> list[float]:
    onderwerp_min = max(
        [_INSPRING_CM * r.niveau + _woord_cm([r.titel], vet=not r.niveau) for r in rijen]
        + [_woord_cm(["Onderwerp"], vet=True)]
    )
    onderwerp_wens = max(
        [_INSPRING_CM * r.niveau + _regel_cm([r.titel], vet=not r.niveau) for r in rijen]
    )
    # the outcome may wrap between symbol and word ("✘ niet" / "voldaan") when room is short
    uitkomsten = [r.uitkomst_tekst for r in rijen] + ["Uitkomst"]
    uitkomst_min, uitkomst = _woord_cm(uitkomsten, vet=True), _regel_cm(uitkomsten, vet=True)
    toelichting = [r.toelichting for r in rijen]
    gemeten = [r.gemeten_vol for r in rijen] + ["Gemeten"]
    vereist = [r.vereist_vol for r in rijen] + ["Vereist"]
    bron = _regel_cm([", ".join(map(str, r.bronnen)) for r in rijen] + ["Bron"], vet=True)
    return _breedtes(
        [
            (onderwerp_min, onderwerp_wens, 3),
            (uitkomst_min, uitkomst, 1),
            (
                max(_woord_cm(gemeten), _woord_cm(toelichting, 8.5)),
                max(_regel_cm(gemeten), _regel_cm(toelichting, 8.5)),
                4,
            ),
            (_woord_cm(vereist), _regel_cm(vereist), 3),
            (bron, bron, 0),
        ],
        beschikbaar,
    )


def audit(rapport: Rapport) -> bytes:
    d = _Doc(liggend=False, titel_tekst=common.titel(rapport))
    view = common.memo_view(rapport)
    d.kop(rapport, common.kop(rapport))
    # one set of widths for all tables, so that their columns line up
    breedtes = _audit_breedtes(view.rijen, d.breedte_cm)
    for sectie in view.secties:
        _resultaten(d, sectie.titel, sectie.rijen, breedtes)
    d.bronnen(view.bronnen)
    return d.bytes()


def _overzicht_kolommen(ov: Overzicht, view) -> list[tuple[float, float, float]]:
    """Per column of the matrix: longest word, longest line, weight (see `_breedtes`)."""
    n = len(ov.voorwaarden)
    uit = [*(cel for rij in view.rijen for cel in rij[view.voor : view.voor + n])]
    uitkomst = max([tekst_cm(u, vet=True) for u in set(uit)] + [0.3])
    kolommen: list[tuple[float, float, float]] = []
    for i, kop_tekst in enumerate(view.kolommen):
        cellen = [rij[i] for rij in view.rijen + view.totalen]
        kop_w = _woord_cm([kop_tekst], vet=True)
        if view.voor <= i < view.voor + n:
            # an outcome stays on one line; the title wraps at its words
            kolommen.append((max(kop_w, uitkomst), max(kop_w, uitkomst), 1))
        else:
            vet = i == view.wijk
            kolommen.append(
                (max(kop_w, _woord_cm(cellen, vet=vet)), max(kop_w, _regel_cm(cellen, vet=vet)), 1)
            )
    # the totals' label stands in the first column and may wrap
    return kolommen


def te_groot(result: Rapport | Overzicht | OverzichtSinds | SocialeKaart) -> WijkcheckError | None:
    """The error to give when `result` has more table rows than a Word document takes
    (`MAX_RIJEN`), else None: asked before python-docx spends a second or a megabyte on it.
    An overview with `--sinds` has the same bound as the overview: its table of changes has a
    row per wijk of the overview."""
    if isinstance(result, OverzichtSinds):
        result = result.overzicht
    if isinstance(result, Overzicht) and len(result.rijen) > MAX_RIJEN:
        return WijkcheckError.single(
            Span(""),
            f"een Word-document past tot {getal(MAX_RIJEN)} wijken; dit overzicht heeft er "
            f"{getal(len(result.rijen))}. Kies één gemeente met --gemeente, toon alleen de wijken "
            "met problemen met --alleen-problemen, of kies --format html of csv",
            ids.TE_VEEL_VOOR_WORD,
        )
    if isinstance(result, SocialeKaart):
        rijen = len(result.onbekende_soorten) + sum(
            len(laag.in_de_wijk) + len(laag.ook_voor_de_wijk) for laag in result.lagen
        )
        if rijen > MAX_RIJEN:
            return WijkcheckError.single(
                Span(""),
                f"een Word-document past tot {getal(MAX_RIJEN)} voorzieningen; de sociale kaart "
                f"van {result.wijk} heeft er {getal(rijen)} (met die elders in de kern). Kies "
                "--format html of csv",
                ids.TE_VEEL_VOOR_WORD,
            )
    return None


def overzicht(ov: Overzicht) -> bytes:
    """The overview as a Word table; raises `WijkcheckError` above `MAX_RIJEN` rows."""
    fout = te_groot(ov)
    if fout is not None:
        raise fout
    view = common.overzicht_view(ov)
    kolommen = _overzicht_kolommen(ov, view)
    # portrait as every memo, unless the matrix's longest words do not fit its 17.4 cm
    d = _Doc(liggend=not _past_staand(kolommen), titel_tekst=common.titel(ov))
    d.kop(ov, common.overzicht_kop(ov))
    _matrix(d, ov, view, kolommen)
    return d.bytes()


def _past_staand(kolommen: list[tuple[float, float, float]]) -> bool:
    """Whether a table's longest words fit the 17.4 cm of A4 portrait."""
    return sum(m + _MARGE_CM + _SPELING_CM for m, _, _ in kolommen) <= STAAND_CM


def _matrix(d: _Doc, ov: Overzicht, view, kolommen: list[tuple[float, float, float]]) -> None:
    """The overview's table of wijken × conditions, its legend and the sums per kern."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d.doc.add_heading("Voorwaarden en checklist per wijk", level=1)
    n = len(ov.voorwaarden)
    tabel = d.tabel(view.kolommen, _breedtes(kolommen, d.breedte_cm))
    rijen = []
    groep: list = []
    vorige = None
    for r_ov, cellen, uitkomsten in zip(ov.rijen, view.rijen, view.uitkomsten, strict=True):
        r = d.rij(tabel, cellen)
        if (r_ov.gemeente, r_ov.kern) != vorige and groep:
            d.bijeen(groep)  # the wijken of one kern stay on one page
            groep = []
        vorige = (r_ov.gemeente, r_ov.kern)
        groep.append(r)
        rijen.append(r)
        r.cells[view.wijk].paragraphs[0].runs[0].bold = True
        for cel, u in zip(r.cells[view.voor : view.voor + n], uitkomsten, strict=True):
            d.uitkomst(cel, u)
        r.cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if groep:
        d.bijeen(groep)
    for totaal in view.totalen:
        r = d.rij(tabel, totaal)
        rijen.append(r)
        for cel in r.cells:
            d.vul(cel, "F2F2F2")
            for run in cel.paragraphs[0].runs:
                run.bold = True
    # the totals stay together, on the page of the last wijk
    d.bijeen(rijen[-len(view.totalen) - 1 :])
    d.alinea(common.legenda_tekst(ov), cursief=True).paragraph_format.space_before = d.Pt(6)
    _sommen(d, ov)


def _sommen(d: _Doc, ov: Overzicht) -> None:
    """Per kern and gemeente, the shares of the inhabitants: ✔, ✘ and ? below each other."""
    if not ov.sommen or not ov.voorwaarden:
        return
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    view = common.sommen_view(ov)
    teksten = [
        [r.label for r in view.rijen],
        [r.wijken for r in view.rijen],
        [r.inwoners for r in view.rijen],
        *([c for r in view.rijen for c in r.cellen[i]] for i in range(len(ov.voorwaarden))),
    ]
    kolommen = [
        (
            max(_woord_cm([kop], vet=True), _woord_cm(cellen, vet=True)),
            max(_woord_cm([kop], vet=True), _regel_cm(cellen, vet=True)),
            1.0,
        )
        for kop, cellen in zip(view.kolommen, teksten, strict=True)
    ]
    d.doc.add_heading(common.SOMMEN_TITEL, level=1)
    tabel = d.tabel(view.kolommen, _breedtes(kolommen, d.breedte_cm))
    for r in view.rijen:
        rij = d.rij(tabel, [r.label, r.wijken, r.inwoners, *("\n".join(c) for c in r.cellen)])
        for cel in rij.cells[1:3]:
            cel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if r.niveau != "kern":
            for cel in rij.cells:
                d.vul(cel, "F2F2F2")
                for p in cel.paragraphs:
                    for run in p.runs:
                        run.bold = True
    d.alinea(common.SOMMEN_UITLEG, cursief=True).paragraph_format.space_before = d.Pt(6)


def kaart(k: SocialeKaart) -> bytes:
    """The sociale kaart as Word tables; raises `WijkcheckError` above `MAX_RIJEN` rows."""
    fout = te_groot(k)
    if fout is not None:
        raise fout
    d = _Doc(liggend=False, titel_tekst=common.titel(k))
    view = common.kaart_view(k)
    d.kop(k, common.kaart_kop(k))
    if k.omschrijving:
        d.alinea(k.omschrijving, cursief=True)
    alle = [r for g in view.groepen for s in g.secties for r in s.rijen]
    namen = [r.naam for r in alle] + [s.titel for g in view.groepen for s in g.secties]
    details = [r.details for r in alle]
    soort = [r.soort for r in alle] + ["Soort"]
    toegankelijk = [r.toegankelijk for r in alle]
    waar = [r.waar for r in alle] + ["Waar"]
    bron = [", ".join(map(str, r.bronnen)) for r in alle] + ["Bron"]
    breedtes = _breedtes(
        [
            (
                max(_woord_cm(namen, vet=True), _woord_cm(details, 8.5)),
                max(_regel_cm(namen, vet=True), _regel_cm(details, 8.5)),
                4,
            ),
            (_woord_cm(soort), _regel_cm(soort), 3),
            (
                max(_woord_cm(toegankelijk), _woord_cm(["Toegankelijk"], vet=True)),
                max(_regel_cm(toegankelijk), _woord_cm(["Toegankelijk"], vet=True)),
                0,
            ),
            (_woord_cm(waar), _regel_cm(waar), 2),
            (_regel_cm(bron, vet=True), _regel_cm(bron, vet=True), 0),
        ],
        d.breedte_cm,
    )
    for groep in view.groepen:
        d.doc.add_heading(groep.titel, level=1)
        d.alinea(groep.omschrijving, cursief=True)
        if not groep.secties:
            d.alinea(common.GEEN_VOORZIENINGEN.capitalize() + ".")
            continue
        tabel = d.tabel(common.KAART_KOLOMMEN, breedtes)
        for sectie in groep.secties:
            titelrij = d.sectie(tabel, sectie.titel)
            eerste = None
            for rij in sectie.rijen:
                refs = ", ".join(str(n) for n in rij.bronnen)
                r = d.rij(tabel, [rij.naam, rij.soort, rij.toegankelijk, rij.waar, refs])
                eerste = eerste or r
                r.cells[0].paragraphs[0].runs[0].bold = sectie.eigen
                if rij.details:
                    d.toelichting(r.cells[0], rij.details)
            d.bijeen([titelrij, eerste])  # a section's title never alone at a page's foot
    if view.wat_werkt:
        d.doc.add_heading(common.WAT_WERKT_TITEL, level=1)
        _praktijken(d, common.WAT_WERKT_KOLOMMEN, view.wat_werkt)
    d.bronnen(view.bronnen)
    return d.bytes()


def _praktijken(d: _Doc, kolommen: list[str], rijen: list[common.PraktijkRij]) -> None:
    waar = [r.waar for r in rijen] + [kolommen[0]]
    wat = [r.wat for r in rijen] + [kolommen[1]]
    details = [r.details for r in rijen]
    sinds = [r.sinds for r in rijen] + [kolommen[2]]
    contact = [r.contact for r in rijen] + [kolommen[3]]
    bron = [", ".join(map(str, r.bronnen)) for r in rijen] + ["Bron"]
    breedtes = _breedtes(
        [
            (_woord_cm(waar, vet=True), _regel_cm(waar, vet=True), 2.0),
            (
                max(_woord_cm(wat), _woord_cm(details, 8.5)),
                max(_regel_cm(wat), _regel_cm(details, 8.5)),
                4.0,
            ),
            (_woord_cm(sinds), _regel_cm(sinds), 0.5),
            (_woord_cm(contact), _regel_cm(contact), 2.0),
            (_regel_cm(bron, vet=True), _regel_cm(bron, vet=True), 0.0),
        ],
        d.breedte_cm,
    )
    tabel = d.tabel(kolommen, breedtes)
    for r in rijen:
        rij = d.rij(tabel, [r.waar, r.wat, r.sinds, r.contact, ", ".join(map(str, r.bronnen))])
        rij.cells[0].paragraphs[0].runs[0].bold = True
        if r.details:
            d.toelichting(rij.cells[1], r.details)


def voorbeelden(gv: GoedeVoorbeelden) -> bytes:
    d = _Doc(liggend=False, titel_tekst=common.titel(gv))
    view = common.voorbeelden_view(gv)
    d.kop(gv, common.voorbeelden_kop(gv))
    for sectie in view.secties:
        d.doc.add_heading(sectie.titel, level=1)
        if sectie.rijen:
            _praktijken(d, common.VOORBEELDEN_KOLOMMEN, sectie.rijen)
        else:
            d.alinea(
                common.GEEN_PRAKTIJKEN[:1].upper() + common.GEEN_PRAKTIJKEN[1:] + ".", cursief=True
            )
        for regel in sectie.daar:
            d.doc.add_paragraph(regel, style="List Bullet")
    d.bronnen(view.bronnen)
    return d.bytes()


def vergelijking(v: Vergelijking) -> bytes:
    from wijkcheck.formatters.report import vergelijking as vg

    d = _Doc(liggend=True, titel_tekst=vg.titel(v))
    d.doc.add_heading(vg.titel(v), level=0)
    for label, waarde in vg.kop(v):
        p = d.doc.add_paragraph()
        p.paragraph_format.space_after = d.Pt(0)
        p.add_run(f"{label}: ").bold = True
        p.add_run(waarde)
    for melding in vg.meldingen(v):
        d.melding(melding)
    d.doc.add_heading("Samenvatting", level=1)
    for regel in vg.conclusie(v):
        d.doc.add_paragraph(regel, style="List Bullet")
    for kopje, rijen in vg.secties(v):
        d.doc.add_heading(kopje, level=1)
        tabel = d.tabel(vg.KOLOMMEN, [5.5, 3.2, 3.2, 3.2, 5.0, 5.5])
        for r in rijen:
            d.rij(
                tabel,
                [
                    r.titel,
                    r.toen,
                    r.nu,
                    vg.verandering_tekst(r.verandering),
                    r.gemeten,
                    "\n".join(r.waarom),
                ],
            )
    gelijk = vg.gelijk_gebleven(v)
    if gelijk:
        d.alinea(gelijk)
    d.doc.add_heading(vg.ALGEMEEN_KOP, level=1)
    algemeen = vg.algemeen(v)
    for w in algemeen:
        d.doc.add_paragraph(w, style="List Bullet")
    if not algemeen:
        d.alinea(vg.GEEN_ALGEMEEN)
    d.alinea(vg.LEGENDA, cursief=True)
    return d.bytes()


def _sinds_kolommen(rijen: list[list[str]], lijsten: list[list[str]]):
    """Per column of the table of changes: longest word, longest line, weight (`_breedtes`)."""
    from wijkcheck.formatters.report import vergelijking as vg

    kop = [_woord_cm([k], vet=True) for k in vg.SINDS_KOLOMMEN]
    wijk = [r[0] for r in rijen]
    kolommen = [(max(kop[0], _woord_cm(wijk, vet=True)), max(kop[0], _regel_cm(wijk, vet=True)), 2)]
    for i in range(1, 5):  # the counts
        breed = max(kop[i], _woord_cm([r[i] for r in rijen]))
        kolommen.append((breed, breed, 0))
    # `10 van 12 → 9 van 12` on one line: broken at a space it reads as two scores
    score = _regel_cm([r[5] for r in rijen])
    kolommen.append((max(kop[5], score), max(score, _regel_cm([vg.SINDS_KOLOMMEN[5]])), 0))
    veranderd = [regel for lijst in lijsten for regel in lijst]
    kolommen.append((max(kop[6], _woord_cm(veranderd)), max(kop[6], _regel_cm(veranderd)), 3))
    return kolommen


def overzicht_sinds(o: OverzichtSinds) -> bytes:
    """The overview with what changed since REF: the changes first (they are the memo's
    conclusion), then the overview of now; raises `WijkcheckError` above `MAX_RIJEN` wijken."""
    fout = te_groot(o)
    if fout is not None:
        raise fout
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from wijkcheck.formatters.report import vergelijking as vg

    ov = o.overzicht
    view = common.overzicht_view(ov)
    kolommen = _overzicht_kolommen(ov, view)
    rijen, lijsten = vg.sinds_rijen(o), vg.sinds_veranderd(o)
    sinds = _sinds_kolommen(rijen, lijsten)
    # one orientation for the document: portrait unless one of its tables does not fit it
    staand = _past_staand(kolommen) and _past_staand(sinds)
    d = _Doc(liggend=not staand, titel_tekst=common.titel(ov))
    d.begin(
        common.titel(ov),
        common.overzicht_kop(ov),
        [*common.meldingen(ov), *vg.sinds_meldingen(o)],
    )
    d.doc.add_heading(vg.sinds_kop(o), level=1)
    # the heading and its conclusion never stand alone at the foot of a page, apart from the table
    d.alinea(vg.sinds_samenvatting(o), vet=True).paragraph_format.keep_with_next = True
    tabel = d.tabel(vg.SINDS_KOLOMMEN, _breedtes(sinds, d.breedte_cm))
    for cel in tabel.rows[0].cells[1:5]:
        cel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    groep: list = []
    vorige = None
    for w, cellen, lijst in zip(o.wijken, rijen, lijsten, strict=True):
        r = d.rij(tabel, [*cellen[:-1], "\n".join(lijst)])
        if (w.gemeente, w.kern) != vorige and groep:
            d.bijeen(groep)  # the wijken of one kern stay on one page, as in the overview
            groep = []
        vorige = (w.gemeente, w.kern)
        groep.append(r)
        r.cells[0].paragraphs[0].runs[0].bold = True
        for cel in r.cells[1:5]:
            cel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if groep:
        d.bijeen(groep)
    d.alinea(vg.SINDS_LEGENDA, cursief=True).paragraph_format.space_before = d.Pt(6)
    d.samenvatting(common.conclusie(ov))
    _matrix(d, ov, view, kolommen)
    return d.bytes()
