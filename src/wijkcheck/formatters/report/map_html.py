"""The map as one standalone HTML page: the notices as text, the map as inline SVG (no file,
font or script from elsewhere), and the wijken as a table, so that a screen reader, a search
and a black-and-white print get every outcome without the colours."""

from __future__ import annotations

from wijkcheck.core.names import zichtbaar
from wijkcheck.formatters.report.common import meldingen, overzicht_kop
from wijkcheck.formatters.report.htmlfmt import CSS, KLASSE, document, e
from wijkcheck.formatters.report.map_svg import (
    bestandsnaam,
    extra_meldingen,
    onderwerp,
    teken,
    titel,
    uitkomst_tekst,
    zonder_tekst,
)
from wijkcheck.formatters.report.svg import svg
from wijkcheck.reports.map import Kaart

CSS_KAART = """
body { max-width: 66em; }
figure.kaart { margin: 1em 0; break-inside: avoid; }
figure.kaart svg { display: block; max-width: 100%; height: auto; }
""".strip()


def render(kaart: Kaart) -> str:
    ov = kaart.overzicht
    feiten = [f for f in overzicht_kop(ov) if f[0] != "Wijken"]
    feiten.append(("Kaart", f"gekleurd naar {onderwerp(kaart)}"))
    feiten.append(("Geometrie", bestandsnaam(kaart)))
    body = [f"<h1>{e(titel(kaart))}</h1>", '<dl class="kop">']
    body += [f"<dt>{e(label)}</dt><dd>{e(waarde)}</dd>" for label, waarde in feiten]
    body.append("</dl>")
    body += [
        f'<p class="melding" role="note"><strong>⚠ Let op:</strong> {e(m)}</p>'
        for m in [*meldingen(ov), *extra_meldingen(kaart)]
    ]
    plaatje = svg(teken(kaart, met_kop=False)).split("\n", 1)[1]  # without the XML declaration
    body += ['<figure class="kaart">', plaatje, "</figure>"]
    meer = ov.meerdere_gemeenten
    kolommen = [
        *(["Gemeente"] if meer else []),
        "Wijk",
        "Kern",
        f"CBS-{kaart.level.name}code",
        "Uitkomst",
    ]
    body += [
        "<h2>Wijken op de kaart</h2>",
        "<table>",
        "<thead><tr>" + "".join(f'<th scope="col">{e(k)}</th>' for k in kolommen) + "</tr></thead>",
        "<tbody>",
    ]
    for w in kaart.wijken:
        klasse = f' class="uitkomst {KLASSE[w.uitkomst]}"' if w.uitkomst else ""
        body.append(
            "<tr>"
            + (f"<td>{e(w.gemeente)}</td>" if meer else "")
            + f'<th scope="row">{e(w.wijk)}</th><td>{e(w.kern)}</td><td>{e(zichtbaar(w.code))}</td>'
            f"<td{klasse}>{e(uitkomst_tekst(w))}</td></tr>"
        )
    body += ["</tbody>", "</table>"]
    niet = zonder_tekst(kaart)
    if niet:
        body += ["<h2>Niet op de kaart</h2>", "<ul>"]
        body += [f"<li>{e(t[0].upper() + t[1:])}</li>" for t in niet]
        body.append("</ul>")
    voet = f" · {e(ov.checklist.naam)}, versie {e(ov.checklist.versie)}"
    return document(titel(kaart), f"{CSS}\n{CSS_KAART}", body, voet)
