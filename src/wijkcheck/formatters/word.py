"""Word (.docx): a real document for council memos, made with python-docx.

Title, header facts, the example-data notice as a shaded box, tables whose header row repeats on
every page, and the sources as a numbered list. Wide tables (audit,
overview) are set on A4 landscape. python-docx is imported here only, when this format is used.
"""

from __future__ import annotations

import io
from typing import Any

from wijkcheck.errors import Span, WijkcheckError
from wijkcheck.formatters.common import (
    GEEN_VOORZIENINGEN,
    KAART_KOLOMMEN,
    LEGENDA,
    Bron,
    Rij,
    bron_tekst,
    conclusie,
    kaart_kop,
    kaart_view,
    kop,
    meldingen,
    memo_view,
    overzicht_kop,
    overzicht_view,
    titel,
)
from wijkcheck.kaart import SocialeKaart
from wijkcheck.nl import getal
from wijkcheck.overview import Overzicht
from wijkcheck.results import Rapport, Uitkomst

#: A memo table of more rows is a book (about 50 pages) and takes python-docx seconds and
#: hundreds of megabytes per thousand rows more; CSV or HTML carry any number.
MAX_RIJEN = 2000

# Light fills that print as distinct greys; the symbol and word carry the meaning.
VULLING = {Uitkomst.VOLDAAN: "E3F4E3", Uitkomst.NIET_VOLDAAN: "FBE0E0", Uitkomst.ONBEKEND: "FFF4CC"}
KOPVULLING = "D9D9D9"
LETTER = "Arial"
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
        self.breedte_cm = (29.7 if liggend else 21.0) - 3.6
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
        p = self.doc.sections[0].footer.paragraphs[0]
        run = p.add_run(f"{tekst} · wijkcheck · pagina ")
        run.font.size = self.Pt(8)
        veld = self.OxmlElement("w:fldSimple")
        veld.set(self.qn("w:instr"), "PAGE")
        r = self.OxmlElement("w:r")
        t = self.OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        veld.append(r)
        p._p.append(veld)

    def kop(self, result: Any, feiten: list[tuple[str, str]]) -> None:
        self.doc.add_heading(titel(result), level=0)
        for label, waarde in feiten:
            p = self.doc.add_paragraph()
            p.paragraph_format.space_after = self.Pt(0)
            p.add_run(f"{label}: ").bold = True
            p.add_run(waarde)
        for melding in meldingen(result):
            self.melding(melding)
        # a memo opens with its conclusion; the tables below are the evidence
        self.doc.add_heading("Samenvatting", level=1)
        for i, regel in enumerate(conclusie(result)):
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

    def tabel(self, kolommen: list[str], verhoudingen: list[float]):
        from docx.enum.table import WD_TABLE_ALIGNMENT

        tabel = self.doc.add_table(rows=1, cols=len(kolommen))
        tabel.style = "Table Grid"
        tabel.alignment = WD_TABLE_ALIGNMENT.CENTER
        tabel.autofit = False
        totaal = sum(verhoudingen)
        self._breedtes = [self.Cm(self.breedte_cm * v / totaal) for v in verhoudingen]
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
            # never alone at the foot of a page (LibreOffice then also drops the rows after it)
            cel.paragraphs[0].paragraph_format.keep_with_next = True
            self.vul(cel, KOPVULLING)
        self._maat(kop)
        return tabel

    def _maat(self, rij) -> None:
        # No w:cantSplit: LibreOffice (7.x) then drops the rows after a page break.
        for cel, breedte in zip(rij.cells, self._breedtes, strict=True):
            cel.width = breedte

    def rij(self, tabel, cellen: list[str]):
        rij = tabel.add_row()
        for cel, tekst in zip(rij.cells, cellen, strict=True):
            cel.text = tekst
        self._maat(rij)
        return rij

    def sectie(self, tabel, tekst: str) -> None:
        rij = tabel.add_row()
        self._maat(rij)
        cel = rij.cells[0].merge(rij.cells[-1])
        cel.text = ""
        run = cel.paragraphs[0].add_run(tekst)
        run.bold = run.italic = True
        self.vul(cel, SECTIEVULLING)

    def uitkomst(self, cel, u: Uitkomst) -> None:
        cel.text = ""
        run = cel.paragraphs[0].add_run(f"{u.symbool} {u.value}")
        run.bold = True
        run.italic = u is Uitkomst.ONBEKEND
        self.vul(cel, VULLING[u])

    def toelichting(self, cel, tekst: str) -> None:
        run = cel.add_paragraph().add_run(tekst)
        run.italic = True
        run.font.size = self.Pt(8.5)

    def bronnen(self, bronnen: list[Bron]) -> None:
        self.doc.add_heading("Bronnen", level=1)
        for b in bronnen:
            p = self.doc.add_paragraph(style="List Number")
            p.paragraph_format.space_after = self.Pt(0)
            run = p.add_run(bron_tekst(b))
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


def _resultaten(d: _Doc, kop: str, rijen: list[Rij]) -> None:
    d.doc.add_heading(kop, level=1)
    tabel = d.tabel(["Onderwerp", "Uitkomst", "Gemeten", "Vereist", "Bron"], [5, 2.6, 6, 5, 1.4])
    for rij in rijen:
        refs = ", ".join(str(n) for n in rij.bronnen)
        naam = ("· " if rij.niveau else "") + rij.titel
        r = d.rij(tabel, [naam, "", rij.gemeten, rij.vereist, refs])
        titelcel = r.cells[0].paragraphs[0]
        titelcel.paragraph_format.left_indent = d.Cm(0.5 * rij.niveau)
        if not rij.niveau:
            titelcel.runs[0].bold = True
        d.uitkomst(r.cells[1], rij.uitkomst)
        if rij.toelichting:
            d.toelichting(r.cells[2], rij.toelichting)


def audit(rapport: Rapport) -> bytes:
    d = _Doc(liggend=True, titel_tekst=titel(rapport))
    view = memo_view(rapport)
    d.kop(rapport, kop(rapport))
    _resultaten(
        d, "Voorwaarden (Beleidsvisie sociale basis Heusden, uitgangspunt 6)", view.voorwaarden
    )
    if view.items:
        _resultaten(d, "Checklist langer thuis wonen (Hart van Brabant)", view.items)
    d.bronnen(view.bronnen)
    return d.bytes()


def overzicht(ov: Overzicht) -> bytes:
    """The overview as a Word table; raises `WijkcheckError` above `MAX_RIJEN` rows."""
    if len(ov.rijen) > MAX_RIJEN:
        raise WijkcheckError.single(
            Span(""),
            f"een Word-document past tot {getal(MAX_RIJEN)} wijken; dit overzicht heeft er "
            f"{getal(len(ov.rijen))}. Kies één gemeente met --gemeente, toon alleen de wijken "
            "met problemen met --alleen-problemen, of kies --format html of csv",
            "te-veel-voor-word",
        )
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = _Doc(liggend=True, titel_tekst=titel(ov))
    view = overzicht_view(ov)
    d.kop(ov, overzicht_kop(ov))
    d.doc.add_heading("Voorwaarden en checklist per wijk", level=1)
    n = len(ov.voorwaarden)
    # Column widths follow the longest cell and the longest word of the header (no split words).
    verhoudingen = [
        max(
            [len(rij[i]) for rij in view.rijen + view.totalen]
            + [max(len(w) for w in kolom.split()) * 1.1]
        )
        + 2
        for i, kolom in enumerate(view.kolommen)
    ]
    tabel = d.tabel(view.kolommen, verhoudingen)
    rijen = []
    for cellen, uitkomsten in zip(view.rijen, view.uitkomsten, strict=True):
        r = d.rij(tabel, cellen)
        rijen.append(r)
        r.cells[view.wijk].paragraphs[0].runs[0].bold = True
        for cel, u in zip(r.cells[view.voor : view.voor + n], uitkomsten, strict=True):
            d.uitkomst(cel, u)
        r.cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for totaal in view.totalen:
        r = d.rij(tabel, totaal)
        rijen.append(r)
        for cel in r.cells:
            d.vul(cel, "F2F2F2")
            for run in cel.paragraphs[0].runs:
                run.bold = True
    # the totals stay on the page of the last wijk
    for r in rijen[-len(view.totalen) - 1 : -1]:
        for cel in r.cells:
            for p in cel.paragraphs:
                p.paragraph_format.keep_with_next = True
    d.alinea(LEGENDA, cursief=True).paragraph_format.space_before = d.Pt(6)
    return d.bytes()


def kaart(k: SocialeKaart) -> bytes:
    d = _Doc(liggend=False, titel_tekst=titel(k))
    view = kaart_view(k)
    d.kop(k, kaart_kop(k))
    if k.omschrijving:
        d.alinea(k.omschrijving, cursief=True)
    for groep in view.groepen:
        d.doc.add_heading(groep.titel, level=1)
        d.alinea(groep.omschrijving, cursief=True)
        if not groep.secties:
            d.alinea(GEEN_VOORZIENINGEN.capitalize() + ".")
            continue
        tabel = d.tabel(KAART_KOLOMMEN, [5.5, 4, 3, 3.4, 1.2])
        for sectie in groep.secties:
            d.sectie(tabel, sectie.titel)
            for rij in sectie.rijen:
                refs = ", ".join(str(n) for n in rij.bronnen)
                r = d.rij(tabel, [rij.naam, rij.soort, rij.toegankelijk, rij.waar, refs])
                r.cells[0].paragraphs[0].runs[0].bold = sectie.eigen
                if rij.details:
                    d.toelichting(r.cells[0], rij.details)
    d.bronnen(view.bronnen)
    return d.bytes()


def render(result: Rapport | Overzicht | SocialeKaart) -> bytes:
    if isinstance(result, Overzicht):
        return overzicht(result)
    if isinstance(result, SocialeKaart):
        return kaart(result)
    return audit(result)
