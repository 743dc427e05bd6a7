"""CSV for spreadsheets: one row per result, `;`-separated, UTF-8 with BOM.

Dutch Excel uses the comma as decimal sign and expects `;` between fields; the byte order mark
makes it read the file as UTF-8, so diacritics (Sociaaleconomische, café) survive. Every row
repeats the wijk and date, so that exports of several wijken can be pasted under each other.
Outcomes are plain words (voldaan, niet voldaan, onbekend), easy to filter on.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from wijkcheck.core.names import datum
from wijkcheck.core.results import Rapport, Resultaat
from wijkcheck.formatters.report.common import ja_nee
from wijkcheck.reports.overview import Overzicht
from wijkcheck.reports.sociale_kaart import SocialeKaart

BOM = "\ufeff"
SCHEIDING = ";"


def veilig(waarde: object) -> object:
    """Text that a spreadsheet would run as a formula (`=…`, `+…`, `@…`) gets a leading `'`."""
    formule = isinstance(waarde, str) and waarde[:1] in ("=", "+", "-", "@", "\t", "\r")
    if formule and not _GETAL.fullmatch(str(waarde)):
        return "'" + str(waarde)
    return waarde


_GETAL = re.compile(r"-?\d+([.,]\d+)?")


def getal_nl(waarde: float | None) -> str:
    """A number as Dutch Excel reads it: decimal comma, no thousands separator, no unit
    (`7,2`, `4200`); empty when there is none. A dot would make `7.2` a date there."""
    if waarde is None:
        return ""
    tekst = f"{round(waarde, 6):f}".rstrip("0").rstrip(".")
    return "0" if tekst == "-0" else tekst.replace(".", ",")


def _checklist(result: Rapport | Overzicht) -> str:
    # "2026.1" alone would become a number (or 20261) in a Dutch spreadsheet
    return f"{result.checklist.id} {result.checklist.versie}"


def _csv(kolommen: list[str], rijen: Iterable[Sequence[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=SCHEIDING, lineterminator="\r\n")
    writer.writerow(kolommen)
    writer.writerows([veilig(c) for c in rij] for rij in rijen)
    return BOM + buf.getvalue()


AUDIT_KOLOMMEN = [
    "wijk",
    "kern",
    "gemeente",
    "auditdatum",
    "checklist",
    "soort",
    "id",
    "ouder",
    "niveau",
    "titel",
    "uitkomst",
    "gemeten",
    "gemeten_getal",
    "vereist",
    "toelichting",
    "norm",
    "voorzieningen",
    "gegevens",
    "beleidsbron",
    "afgeleid",
    "herkomst",
    "niveau_beleid",
    "voorbeeldgegevens",
    "verouderd",
    "voorbeeldnorm",
    "geschatte_peildatum",
    "meegeleverde_gegevens",
]


def audit(rapport: Rapport) -> str:
    vast = [
        rapport.wijk,
        rapport.kern,
        rapport.gemeente,
        rapport.auditdatum.isoformat(),
        _checklist(rapport),
    ]

    def rijen(r: Resultaat, soort: str, ouder: str, niveau: int) -> Iterable[list[object]]:
        gegevens = r.gegevens
        yield [
            *vast,
            soort,
            r.id,
            ouder,
            niveau,
            r.titel,
            r.uitkomst.value,
            r.gemeten,
            getal_nl(r.gemeten_getal),
            r.vereist,
            r.toelichting,
            r.norm,
            " | ".join(r.voorzieningen),
            " | ".join(f"{g.wat}: {g.waarde} ({g.bron}, {datum(g.peildatum)})" for g in gegevens),
            str(r.beleidsbron) if r.beleidsbron else "",
            ja_nee(r.beleidsbron.verband == "afgeleid") if r.beleidsbron else "",
            r.herkomst,
            r.niveau,
            # what the verdict rests on, this row's own and every part below it
            ja_nee(r.voorbeeldgegevens),
            ja_nee(r.verouderd),
            ja_nee(r.voorbeeldnorm),
            ja_nee(any(g.geschat for g in r.alle_gegevens())),
            ja_nee(rapport.meegeleverde_gegevens),
        ]
        for deel in r.onderdelen:
            yield from rijen(deel, soort, r.id, niveau + 1)

    alle = [
        *(row for r in rapport.voorwaarden for row in rijen(r, "voorwaarde", "", 0)),
        *(row for r in rapport.items for row in rijen(r, "item", "", 0)),
        *(row for r in rapport.gemeentebreed for row in rijen(r, "gemeentebreed", "", 0)),
    ]
    return _csv(AUDIT_KOLOMMEN, alle)


def overzicht(ov: Overzicht) -> str:
    kolommen = [
        "gemeente",
        "auditdatum",
        "checklist",
        "wijk",
        "kern",
        "inwoners",
        *(k.id for k in ov.voorwaarden),
        "items_voldaan",
        "items_niet_voldaan",
        "items_onbekend",
        "items_totaal",
        "voorbeeldgegevens",
        "verouderd",
        "meegeleverde_gegevens",
    ]
    rijen = [
        [
            r.gemeente,
            ov.auditdatum.isoformat(),
            _checklist(ov),
            r.wijk,
            r.kern,
            r.inwoners,
            *(r.voorwaarden[k.id].value for k in ov.voorwaarden),
            r.items.voldaan,
            r.items.niet_voldaan,
            r.items.onbekend,
            r.score.van,
            ja_nee(r.voorbeelddata),
            ja_nee(r.verouderde_gegevens),
            ja_nee(ov.meegeleverde_gegevens),
        ]
        for r in ov.rijen
    ]
    return _csv(kolommen, rijen)


def kaart(k: SocialeKaart) -> str:
    kolommen = [
        "wijk",
        "kern",
        "gemeente",
        "laag",
        "bereik",
        "waar",
        "naam",
        "soort",
        "soort_naam",
        "toegankelijk",
        "functies",
        "capaciteit",
        "adres",
        "opmerking",
        "bron",
        "peildatum",
        "voorbeeldgegevens",
        "verouderd",
        "meegeleverde_gegevens",
    ]
    groepen = [(laag.laag.value, laag.in_de_wijk + laag.ook_voor_de_wijk) for laag in k.lagen]
    groepen.append(("", k.onbekende_soorten))
    rijen = [
        [
            k.wijk,
            k.kern,
            k.gemeente,
            laag,
            v.bereik,
            v.waar,
            v.naam,
            v.soort,
            v.soort_naam,
            ja_nee(v.toegankelijk),
            ", ".join(v.functies),
            v.capaciteit or "",
            v.adres or "",
            v.opmerking or "",
            v.bron,
            v.peildatum.isoformat(),
            ja_nee(v.voorbeeld),
            ja_nee(v.verouderd),
            ja_nee(k.meegeleverde_gegevens),
        ]
        for laag, vs in groepen
        for v in vs
    ]
    return _csv(kolommen, rijen)


def render(result: Rapport | Overzicht | SocialeKaart) -> str:
    if isinstance(result, Overzicht):
        return overzicht(result)
    if isinstance(result, SocialeKaart):
        return kaart(result)
    return audit(result)
