"""HTML: one standalone, printable page (A4) with no external resources.

Every piece of text passes through `html.escape`. Outcomes are shown as symbol + word, with a
light background and a border style per outcome, so a black-and-white print still says
everything; colour only helps the eye.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from wijkcheck.core.results import Rapport, Uitkomst
from wijkcheck.formatters.report import common
from wijkcheck.reports.compare import OverzichtSinds, Vergelijking
from wijkcheck.reports.goede_voorbeelden import GoedeVoorbeelden
from wijkcheck.reports.overview import Overzicht
from wijkcheck.reports.sociale_kaart import SocialeKaart

if TYPE_CHECKING:  # types only: list, explain and regels cost a report nothing
    from wijkcheck.reports.explain import Onderwerpen, Regelsoorten, Uitleg
    from wijkcheck.reports.wijken import Wijkenlijst

KLASSE = {
    Uitkomst.VOLDAAN: "voldaan",
    Uitkomst.NIET_VOLDAAN: "niet-voldaan",
    Uitkomst.ONBEKEND: "onbekend",
    Uitkomst.UITZONDERING: "uitzondering",
}

CSS = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt;
  line-height: 1.35; color: #111; margin: 2em auto; max-width: 60em; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 .4em; }
h2 { font-size: 13pt; margin: 1.4em 0 .4em; break-after: avoid; page-break-after: avoid; }
p.laag { margin: 0 0 .4em; font-style: italic; }
dl.kop { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: 0 0 1em; }
dl.kop dt { font-weight: bold; }
dl.kop dd { margin: 0; }
.melding { border: 2px solid #000; border-left-width: 8px; background: #fff4cc;
  padding: .5em .8em; margin: .6em 0; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 1em; }
th, td { border: 1px solid #555; padding: .25em .45em; vertical-align: top; text-align: left; }
thead th { background: #e6e6e6; border-bottom: 2px solid #000; }
thead { display: table-header-group; }
tfoot { display: table-row-group; } /* totals once, after the last row, not on every page */
tr { break-inside: avoid; page-break-inside: avoid; }
td.uitkomst { white-space: nowrap; font-weight: bold; }
td.voldaan { background: #e3f4e3; }
td.niet-voldaan { background: #fbe0e0; border: 2px solid #000; }
td.onbekend { background: #fff4cc; font-style: italic; border-style: dashed; }
td.uitzondering { background: #e0e7f7; border-style: double; }
td.getal { text-align: right; white-space: nowrap; }
th.getal { text-align: right; }
tbody th[scope="row"] { white-space: nowrap; text-align: left; }
tr.deel td:first-child::before { content: "· "; }
tr.hoofd td:first-child { font-weight: bold; }
tr.sectie th { background: #f2f2f2; font-style: italic; text-align: left; }
tr.totaal td, tr.totaal th { background: #f2f2f2; font-weight: bold; border-top: 2px solid #000; }
tr.totaal + tr.totaal td, tr.totaal + tr.totaal th { border-top: 1px solid #555; }
.toelichting { display: block; color: #444; font-size: 9pt; font-style: italic; }
.details { display: block; color: #444; font-size: 9pt; }
.eigen { font-weight: bold; }
ul.samenvatting { padding-left: 1.4em; margin: .3em 0 1em; }
ul.samenvatting li:first-child { font-weight: bold; }
.legenda { font-size: 9.5pt; }
ol.bronnen { font-size: 9.5pt; padding-left: 2em; }
ol.bronnen li.markeer { font-weight: bold; }
a { color: inherit; }
footer { margin-top: 2em; font-size: 8.5pt; color: #444; border-top: 1px solid #999; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  a { text-decoration: none; }
}
""".strip()


def e(text: object) -> str:
    return escape(str(text), quote=True)


#: The overview matrix is wide: landscape on paper, more room on screen.
CSS_BREED = """
@page { size: A4 landscape; margin: 12mm 14mm; }
body { max-width: 80em; }
@media print {
  body { font-size: 9pt; line-height: 1.25; } th, td { padding: .12em .45em; } h1 { margin: 0; }
  .melding { padding: .25em .6em; margin: .3em 0; } h2 { margin: .6em 0 .3em; }
  footer { display: none; } .legenda { margin: .3em 0; }
}
""".strip()


def document(titel_: str, css: str, body: list[str], voet: str) -> str:
    """A whole self-contained page: the one head, style and footer of every HTML wijkcheck
    writes (reports, lists, the map). `voet` is the footer's text after "Gemaakt met
    wijkcheck", escaped already."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="nl">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="wijkcheck">',
            f"<title>{e(titel_)}</title>",
            f"<style>\n{css}\n</style>",
            "</head>",
            "<body>",
            *body,
            f"<footer>Gemaakt met wijkcheck{voet}</footer>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _pagina(result: Rapport | Overzicht | SocialeKaart | GoedeVoorbeelden, body: list[str]) -> str:
    css = CSS + ("\n" + CSS_BREED if isinstance(result, Overzicht) else "")
    voet = f" · {e(result.checklist.naam)}, versie {e(result.checklist.versie)}"
    return document(common.titel(result), css, body, voet)


def _begin(
    result: Rapport | Overzicht | SocialeKaart | GoedeVoorbeelden, feiten: list[tuple[str, str]]
) -> list[str]:
    out = [f"<h1>{e(common.titel(result))}</h1>", '<dl class="kop">']
    out += [f"<dt>{e(label)}</dt><dd>{e(waarde)}</dd>" for label, waarde in feiten]
    out.append("</dl>")
    out += [
        f'<p class="melding" role="note"><strong>⚠ Let op:</strong> {e(m)}</p>'
        for m in common.meldingen(result)
    ]
    out += ["<h2>Samenvatting</h2>", '<ul class="samenvatting">']
    out += [f"<li>{e(regel)}</li>" for regel in common.conclusie(result)]
    return [*out, "</ul>"]


def _refs(nummers: list[int]) -> str:
    return ", ".join(f'<a href="#bron-{n}">{n}</a>' for n in nummers)


def _bronnen(bronnen: list[common.Bron]) -> list[str]:
    out = ["<h2>Bronnen</h2>", '<ol class="bronnen">']
    for b in bronnen:
        markeer = ' class="markeer"' if b.voorbeeld or b.verouderd else ""
        out.append(
            f'<li id="bron-{b.nummer}" value="{b.nummer}"{markeer}>{e(common.bron_tekst(b))}</li>'
        )
    return [*out, "</ol>"]


def _uitkomst_cel(u: Uitkomst, tekst: str | None = None) -> str:
    return f'<td class="uitkomst {KLASSE[u]}">{e(tekst or f"{u.symbool} {u.value}")}</td>'


def _thead(kolommen: list[str], rechts: int | None = None) -> str:
    getal = ' class="getal"'
    cellen = "".join(
        f'<th scope="col"{getal if i == rechts else ""}>{e(k)}</th>' for i, k in enumerate(kolommen)
    )
    return f"<thead><tr>{cellen}</tr></thead>"


def _kolommen(procenten: list[int]) -> str:
    """Fixed column widths, so that the tables of one report line up."""
    return "<colgroup>" + "".join(f'<col style="width:{p}%">' for p in procenten) + "</colgroup>"


def _tabel(onderschrift: str, rijen: list[common.Rij]) -> list[str]:
    out = [
        f"<h2>{e(onderschrift)}</h2>",
        "<table>",
        _kolommen([24, 14, 27, 27, 8]),
        _thead(["Onderwerp", "Uitkomst", "Gemeten", "Vereist", "Bron"]),
        "<tbody>",
    ]
    for rij in rijen:
        klasse = "deel" if rij.niveau else "hoofd"
        stijl = f' style="padding-left:{0.45 + 1.2 * rij.niveau:.2f}em"' if rij.niveau else ""
        gemeten = e(rij.gemeten_vol)
        if rij.toelichting:
            gemeten += f'<span class="toelichting">{e(rij.toelichting)}</span>'
        out.append(
            f'<tr class="{klasse}"><td{stijl}>{e(rij.titel)}</td>'
            f"{_uitkomst_cel(rij.uitkomst, rij.uitkomst_tekst)}"
            f"<td>{gemeten}</td><td>{e(rij.vereist_vol)}</td><td>{_refs(rij.bronnen)}</td></tr>"
        )
    return [*out, "</tbody>", "</table>"]


def audit(rapport: Rapport) -> str:
    view = common.memo_view(rapport)
    body = _begin(rapport, common.kop(rapport))
    for sectie in view.secties:
        body += _tabel(sectie.titel, sectie.rijen)
    body += _bronnen(view.bronnen)
    return _pagina(rapport, body)


def overzicht(ov: Overzicht) -> str:
    view = common.overzicht_view(ov)
    body = _begin(ov, common.overzicht_kop(ov))
    laatste = len(view.kolommen) - 1
    body += [
        "<h2>Voorwaarden en checklist per wijk</h2>",
        "<table>",
        _thead(view.kolommen, laatste),
        "<tbody>",
    ]
    for cellen, uitkomsten in zip(view.rijen, view.uitkomsten, strict=True):
        voor = "".join(
            f'<th scope="row">{e(c)}</th>' if i == view.wijk else f"<td>{e(c)}</td>"
            for i, c in enumerate(cellen[: view.voor])
        )
        midden = "".join(_uitkomst_cel(u) for u in uitkomsten)
        body.append(f'<tr>{voor}{midden}<td class="getal">{e(cellen[-1])}</td></tr>')
    body.append("</tbody><tfoot>")
    for totaal in view.totalen:
        tellingen = "".join(f"<td>{e(c)}</td>" for c in totaal[view.voor : -1])
        body.append(
            f'<tr class="totaal"><th scope="row" colspan="{view.voor}">{e(totaal[0])}</th>'
            f"{tellingen}<td></td></tr>"
        )
    body += ["</tfoot>", "</table>", f'<p class="legenda">{e(common.legenda_tekst(ov))}</p>']
    body += _sommen(ov)
    return _pagina(ov, body)


def _sommen(ov: Overzicht) -> list[str]:
    if not ov.sommen or not ov.voorwaarden:
        return []
    view = common.sommen_view(ov)
    rechts = ' class="getal"'
    kop = "".join(
        f'<th scope="col"{rechts if i in (1, 2) else ""}>{e(k)}</th>'
        for i, k in enumerate(view.kolommen)
    )
    out = [
        f"<h2>{e(common.SOMMEN_TITEL)}</h2>",
        '<table class="sommen">',
        f"<thead><tr>{kop}</tr></thead>",
    ]
    out.append("<tbody>")
    for r in view.rijen:
        klasse = ' class="totaal"' if r.niveau != "kern" else ""
        cellen = "".join("<td>" + "<br>".join(e(c) for c in cel) + "</td>" for cel in r.cellen)
        out.append(
            f'<tr{klasse}><th scope="row">{e(r.label)}</th><td class="getal">{e(r.wijken)}</td>'
            f'<td class="getal">{e(r.inwoners)}</td>{cellen}</tr>'
        )
    return [*out, "</tbody>", "</table>", f'<p class="legenda">{e(common.SOMMEN_UITLEG)}</p>']


def kaart(k: SocialeKaart) -> str:
    view = common.kaart_view(k)
    body = _begin(k, common.kaart_kop(k))
    if k.omschrijving:
        body.append(f"<p><em>{e(k.omschrijving)}</em></p>")
    for groep in view.groepen:
        body += [f"<h2>{e(groep.titel)}</h2>", f'<p class="laag">{e(groep.omschrijving)}</p>']
        if not groep.secties:
            body.append(f"<p>{e(common.GEEN_VOORZIENINGEN.capitalize())}.</p>")
            continue
        body += ["<table>", _kolommen([34, 22, 12, 24, 8]), _thead(common.KAART_KOLOMMEN)]
        for sectie in groep.secties:
            body.append(
                f'<tbody><tr class="sectie"><th colspan="{len(common.KAART_KOLOMMEN)}" '
                'scope="rowgroup">'
                f"{e(sectie.titel)}</th></tr>"
            )
            for rij in sectie.rijen:
                naam = e(rij.naam)
                if sectie.eigen:
                    naam = f'<span class="eigen">{naam}</span>'
                if rij.details:
                    naam += f'<span class="details">{e(rij.details)}</span>'
                body.append(
                    f"<tr><td>{naam}</td><td>{e(rij.soort)}</td><td>{e(rij.toegankelijk)}</td>"
                    f"<td>{e(rij.waar)}</td><td>{_refs(rij.bronnen)}</td></tr>"
                )
            body.append("</tbody>")
        body.append("</table>")
    if view.wat_werkt:
        body.append(f"<h2>{e(common.WAT_WERKT_TITEL)}</h2>")
        body += _praktijken(common.WAT_WERKT_KOLOMMEN, view.wat_werkt)
    body += _bronnen(view.bronnen)
    return _pagina(k, body)


def _praktijken(kolommen: list[str], rijen: list[common.PraktijkRij]) -> list[str]:
    out = ["<table>", _kolommen([22, 38, 12, 20, 8]), _thead(kolommen), "<tbody>"]
    for r in rijen:
        wat = e(r.wat) + (f'<span class="details">{e(r.details)}</span>' if r.details else "")
        out.append(
            f'<tr><th scope="row">{e(r.waar)}</th><td>{wat}</td><td>{e(r.sinds)}</td>'
            f"<td>{e(r.contact)}</td><td>{_refs(r.bronnen)}</td></tr>"
        )
    return [*out, "</tbody>", "</table>"]


def voorbeelden(gv: GoedeVoorbeelden) -> str:
    view = common.voorbeelden_view(gv)
    body = _begin(gv, common.voorbeelden_kop(gv))
    for sectie in view.secties:
        body.append(f"<h2>{e(sectie.titel)}</h2>")
        if sectie.rijen:
            body += _praktijken(common.VOORBEELDEN_KOLOMMEN, sectie.rijen)
        else:
            geen = common.GEEN_PRAKTIJKEN
            body.append(f"<p><em>{e(geen[:1].upper() + geen[1:])}.</em></p>")
        if sectie.daar:
            body += ["<ul>", *(f"<li>{e(regel)}</li>" for regel in sectie.daar), "</ul>"]
    body += _bronnen(view.bronnen)
    return _pagina(gv, body)


#: The rule in words and the examples of `explain` and `regels`.
CSS_UITLEG = """
.regel { margin: .3em 0 1em; }
.regel div { margin: .1em 0; }
blockquote { margin: .4em 0 .8em 1.4em; font-style: italic; }
pre { background: #f4f4f4; border: 1px solid #bbb; padding: .5em .8em; overflow-x: auto;
  font-size: 9.5pt; break-inside: avoid; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 95%; }
td code { white-space: nowrap; }
""".strip()


def _blad(titel_: str, body: list[str], voet: str, css: str = "") -> str:
    """A page of its own, for the results that are no report of wijken (list, explain,
    regels): the same head, style and footer as a report's."""
    stijl = CSS + (chr(10) + css if css else "")
    kop = [f"<h1>{e(titel_)}</h1>", *body]
    return document(titel_, stijl, kop, " · " + e(voet) if voet else "")


def _let_op(melding: str | None) -> list[str]:
    if melding is None:
        return []
    return [f'<p class="melding" role="note"><strong>⚠ Let op:</strong> {e(melding)}</p>']


def wijken(lijst: Wijkenlijst) -> str:
    body: list[str] = []
    for g in lijst.gemeenten:
        if len(lijst.gemeenten) > 1:
            body.append(f"<h2>Gemeente {e(g.gemeente)}</h2>")
        melding = common.MEEGELEVERD_MELDING.format(f"gemeente {g.gemeente}")
        body += _let_op(melding if lijst.meegeleverde_gegevens else None)
        body += ["<table>", _thead(common.WIJKEN_KOLOMMEN, rechts=2), "<tbody>"]
        for w in g.wijken:
            wijk, kern, inwoners, peildatum, bron = (e(c) for c in common.wijk_cellen(w))
            body.append(
                f'<tr><th scope="row">{wijk}</th><td>{kern}</td><td class="getal">{inwoners}</td>'
                f"<td>{peildatum}</td><td>{bron}</td></tr>"
            )
        body += ["</tbody>", "</table>", f"<p>{e(common.wijken_telling(g, lijst.herkomst))}</p>"]
    if lijst.zonder_gemeente:
        body += _let_op(common.zonder_gemeente_melding(lijst.zonder_gemeente))
    return _blad(common.wijken_titel(lijst), body, "")


def onderwerpen(o: Onderwerpen) -> str:
    body = _let_op(common.meegeleverd(o))
    for kop_, groep in (("Voorwaarden", o.voorwaarden), ("Checklist-items", o.items)):
        body += [f"<h2>{kop_}</h2>", "<table>", _kolommen([35, 65])]
        body += [_thead(common.ONDERWERPEN_KOLOMMEN), "<tbody>"]
        body += [f"<tr><td><code>{e(x.id)}</code></td><td>{e(x.titel)}</td></tr>" for x in groep]
        body += ["</tbody>", "</table>"]
    body.append(f"<p>{e(common.EEN_ONDERWERP)}</p>")
    titel_ = f"Onderwerpen van {o.checklist}, versie {o.versie}"
    return _blad(titel_, body, f"{o.checklist}, versie {o.versie}", CSS_UITLEG)


def uitleg(u: Uitleg) -> str:
    body = ["<ul>", *(f"<li>{e(r)}</li>" for r in common.uitleg_kop(u))]
    body += ["</ul>", *_let_op(common.meegeleverd(u))]
    if u.omschrijving:
        body.append(f"<p>{e(u.omschrijving)}</p>")
    body += ["<h2>Regel</h2>", '<div class="regel">']
    for regel in u.regel:
        diepte = (len(regel) - len(regel.lstrip(" "))) // 2
        stijl = f' style="padding-left:{1.2 * diepte:.1f}em"' if diepte else ""
        body.append(f"<div{stijl}>{e(regel.lstrip(' '))}</div>")
    body += ["</div>", "<h2>Beleidsbron</h2>", f"<p>{e(u.beleidsbron)}</p>"]
    if u.citaat:
        body.append(f"<blockquote>“{e(u.citaat)}”</blockquote>")
    if u.afgeleid:
        body.append(f"<p>{e(common.AFGELEID)}</p>")
    return _blad(u.titel, body, f"{u.checklist}, versie {u.versie}", CSS_UITLEG)


_CODE = re.compile(r"`([^`]+)`")


def _met_code(tekst: str) -> str:
    """Escaped prose of a docstring, its `code` spans as <code>."""
    return _CODE.sub(r"<code>\1</code>", e(tekst))


def regelsoorten(r: Regelsoorten) -> str:
    import textwrap

    body: list[str] = []
    for kind in r.regelsoorten:
        body.append(f"<h2><code>type: {e(kind.type)}</code> ({e(kind.naam)})</h2>")
        for alinea in kind.alineas:
            if alinea.voorbeeld:
                code = e(textwrap.dedent(alinea.tekst).rstrip("\n"))
                body.append(f'<pre><code class="language-yaml">{code}</code></pre>')
            else:
                body.append(f"<p>{_met_code(alinea.tekst)}</p>")
    return _blad("Soorten regels", body, "", CSS_UITLEG)


_VERANDERING_KLASSE = {
    "verbeterd": "voldaan",
    "verslechterd": "niet-voldaan",
    "niet vergelijkbaar": "onbekend",
}


def vergelijking(v: Vergelijking) -> str:
    from wijkcheck.formatters.report import vergelijking as vg

    body = [f"<h1>{e(vg.titel(v))}</h1>", '<dl class="kop">']
    body += [f"<dt>{e(label)}</dt><dd>{e(waarde)}</dd>" for label, waarde in vg.kop(v)]
    body.append("</dl>")
    body += [
        f'<p class="melding" role="note"><strong>⚠ Let op:</strong> {e(m)}</p>'
        for m in vg.meldingen(v)
    ]
    body += ["<h2>Samenvatting</h2>", '<ul class="samenvatting">']
    body += [f"<li>{e(regel)}</li>" for regel in vg.conclusie(v)]
    body.append("</ul>")
    for kopje, rijen in vg.secties(v):
        body += [
            f"<h2>{e(kopje)}</h2>",
            "<table>",
            _kolommen([22, 12, 12, 12, 20, 22]),
            _thead(vg.KOLOMMEN),
            "<tbody>",
        ]
        for r in rijen:
            toen = (
                _uitkomst_cel(r.toen_uitkomst, r.toen)
                if r.toen_uitkomst
                else f"<td>{e(r.toen)}</td>"
            )
            nu = _uitkomst_cel(r.nu_uitkomst, r.nu) if r.nu_uitkomst else f"<td>{e(r.nu)}</td>"
            klasse = _VERANDERING_KLASSE.get(r.verandering.value)
            attr = f' class="uitkomst {klasse}"' if klasse else ""
            waarom = "<br>".join(e(w) for w in r.waarom)
            body.append(
                f'<tr class="hoofd"><td>{e(r.titel)}</td>{toen}{nu}'
                f"<td{attr}>{e(vg.verandering_tekst(r.verandering))}</td>"
                f"<td>{e(r.gemeten)}</td><td>{waarom}</td></tr>"
            )
        body += ["</tbody>", "</table>"]
    gelijk = vg.gelijk_gebleven(v)
    if gelijk:
        body.append(f"<p>{e(gelijk)}</p>")
    body.append(f"<h2>{e(vg.ALGEMEEN_KOP)}</h2>")
    algemeen = vg.algemeen(v)
    if algemeen:
        body += ["<ul>", *(f"<li>{e(w)}</li>" for w in algemeen), "</ul>"]
    else:
        body.append(f"<p>{e(vg.GEEN_ALGEMEEN)}</p>")
    body.append(f'<p class="legenda">{e(vg.LEGENDA)}</p>')
    return _blad(vg.titel(v), body[1:], f"{v.checklist.naam}, versie {v.checklist.versie}")


def overzicht_sinds(o: OverzichtSinds) -> str:
    """The overview's page with a section on what changed since REF before its footer."""
    from wijkcheck.formatters.report import vergelijking as vg

    deel = [f"<h2>{e(vg.sinds_kop(o))}</h2>"]
    deel += [
        f'<p class="melding" role="note"><strong>⚠ Let op:</strong> {e(m)}</p>'
        for m in vg.sinds_meldingen(o)
    ]
    deel += [f"<p><strong>{e(vg.sinds_samenvatting(o))}</strong></p>", "<table>"]
    deel += [_thead(vg.SINDS_KOLOMMEN), "<tbody>"]
    for rij in vg.sinds_rijen(o):
        cellen = "".join(
            f'<td class="getal">{e(c)}</td>' if 1 <= i <= 4 else f"<td>{e(c)}</td>"
            for i, c in enumerate(rij)
        )
        deel.append(f"<tr>{cellen}</tr>")
    deel += ["</tbody>", "</table>", f'<p class="legenda">{e(vg.SINDS_LEGENDA)}</p>']
    pagina = overzicht(o.overzicht)
    voet = pagina.rindex("<footer>")
    return pagina[:voet] + "\n".join(deel) + "\n" + pagina[voet:]
