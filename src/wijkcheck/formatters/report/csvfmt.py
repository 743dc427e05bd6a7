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
from typing import TYPE_CHECKING

from wijkcheck.core.names import datum
from wijkcheck.core.results import Rapport, Resultaat, Uitkomst, UitzonderingInfo
from wijkcheck.formatters.report.common import ja_nee
from wijkcheck.reports.compare import OverzichtSinds, Vergelijking
from wijkcheck.reports.goede_voorbeelden import GoedeVoorbeelden
from wijkcheck.reports.overview import Overzicht
from wijkcheck.reports.sociale_kaart import SocialeKaart

if TYPE_CHECKING:  # types only: list, explain and regels cost a report nothing
    from wijkcheck.reports.explain import Onderwerpen
    from wijkcheck.reports.wijken import Wijkenlijst

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
    "uitzondering_tot",
    "uitzondering_verlopen",
    "uitzondering_reden",
    "uitzondering_besloten_door",
    "uitzondering_besluit",
    "uitzondering_herkomst",
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
            *_uitzondering(r.uitzondering),
        ]
        for deel in r.onderdelen:
            yield from rijen(deel, soort, r.id, niveau + 1)

    alle = [
        *(row for r in rapport.voorwaarden for row in rijen(r, "voorwaarde", "", 0)),
        *(row for r in rapport.items for row in rijen(r, "item", "", 0)),
        *(row for r in rapport.gemeentebreed for row in rijen(r, "gemeentebreed", "", 0)),
    ]
    return _csv(AUDIT_KOLOMMEN, alle)


def _uitzondering(u: UitzonderingInfo | None) -> list[str]:
    """The exception's columns of an audit row: empty without one."""
    if u is None:
        return [""] * 6
    tot = u.tot.isoformat()
    return [tot, ja_nee(u.verlopen), u.reden, u.besloten_door, u.besluit, u.herkomst]


_UITKOMSTEN = (
    ("voldaan", Uitkomst.VOLDAAN),
    ("niet_voldaan", Uitkomst.NIET_VOLDAAN),
    ("onbekend", Uitkomst.ONBEKEND),
    ("uitzondering", Uitkomst.UITZONDERING),
)


def _per_uitkomst(deze: bool, maat: str, inwoners: int | None) -> int | str:
    """1 or 0 per wijk, or its inhabitants or 0; empty when the file records no inhabitants."""
    if maat == "wijken":
        return int(deze)
    return "" if inwoners is None else inwoners * deze


def overzicht(ov: Overzicht) -> str:
    """A row per wijk. The columns after `meegeleverde_gegevens` say per condition whether the
    wijk counts as voldaan, niet voldaan, onbekend or uitzondering (1 or 0) and its inhabitants
    under that outcome (or 0): a pivot table by kern or gemeente gives the sums of `overview` (JSON
    `sommen`). No rows of sums: a spreadsheet that adds up a column would count twice."""
    som_kolommen = [
        f"{k.id}_{maat}_{veld}"
        for k in ov.voorwaarden
        for maat in ("wijken", "inwoners")
        for veld, _ in _UITKOMSTEN
    ]
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
        "items_uitzondering",
        "items_totaal",
        "voorbeeldgegevens",
        "verouderd",
        "meegeleverde_gegevens",
        *som_kolommen,
    ]
    rijen: list[list[object]] = [
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
            r.items.uitzondering,
            r.score.van,
            ja_nee(r.voorbeelddata),
            ja_nee(r.verouderde_gegevens),
            ja_nee(ov.meegeleverde_gegevens),
            *(
                _per_uitkomst(r.voorwaarden[k.id] is u, maat, r.inwoners)
                for k in ov.voorwaarden
                for maat in ("wijken", "inwoners")
                for _, u in _UITKOMSTEN
            ),
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
    rijen: list[list[object]] = [
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
    # what works here: laag "wat werkt", the practice as naam, its condition as soort, since
    # when as peildatum, the contact and remarks as opmerking
    rijen += [
        [
            k.wijk,
            k.kern,
            k.gemeente,
            "wat werkt",
            "wijk",
            "in de wijk",
            p.wat,
            p.voorwaarde,
            p.voorwaarde_titel,
            "",
            "",
            "",
            "",
            "; ".join(t for t in (f"contact: {p.contact}", p.toelichting or "") if t),
            p.bron,
            p.sinds.isoformat(),
            ja_nee(p.voorbeeld),
            "",
            ja_nee(k.meegeleverde_gegevens),
        ]
        for p in k.wat_werkt
    ]
    return _csv(kolommen, rijen)


def voorbeelden(gv: GoedeVoorbeelden) -> str:
    """A row per practice (`rij` praktijk) and per wijk where its condition is niet voldaan or
    onbekend (`rij` niet voldaan, onbekend), condition by condition: filter on `rij`."""
    kolommen = [
        "voorwaarde",
        "voorwaarde_titel",
        "soort",
        "rij",
        "gemeente",
        "wijk",
        "kern",
        "wat",
        "sinds",
        "sinds_geschat",
        "contact",
        "bron",
        "uitkomst_in_wijk",
        "inwoners",
        "voorbeeldgegevens",
        "verouderd",
        "auditdatum",
        "checklist",
        "meegeleverde_gegevens",
    ]
    vast = [gv.auditdatum.isoformat(), f"{gv.checklist.id} {gv.checklist.versie}"]
    rijen: list[list[object]] = []
    for o in gv.onderwerpen:
        for p in o.praktijken:
            rijen.append(
                [
                    o.id, o.titel, o.soort, "praktijk", p.gemeente, p.wijk, p.kern, p.wat,
                    p.sinds.isoformat(), ja_nee(p.geschat), p.contact, p.bron,
                    p.uitkomst_hier.value, "", ja_nee(p.voorbeeld), "",
                    *vast, ja_nee(gv.meegeleverde_gegevens),
                ]
            )  # fmt: skip
        for refs, uitkomst in (
            (o.niet_voldaan, "niet voldaan"),
            (o.uitzondering, "uitzondering"),
            (o.onbekend, "onbekend"),
        ):
            for w in refs:
                rijen.append(
                    [
                        o.id, o.titel, o.soort, uitkomst, w.gemeente, w.wijk, w.kern, "", "", "",
                        "", "", uitkomst, w.inwoners, ja_nee(w.voorbeeldgegevens),
                        ja_nee(w.verouderd), *vast, ja_nee(gv.meegeleverde_gegevens),
                    ]
                )  # fmt: skip
    return _csv(kolommen, rijen)


def wijken(lijst: Wijkenlijst) -> str:
    """One row per wijk; inhabitants as a number, empty where the wijk file has none yet."""
    kolommen = ["gemeente", "wijk", "kern", "inwoners", "peildatum", "bron", "voorbeeldgegevens",
                "meegeleverde_gegevens"]  # fmt: skip
    rijen = []
    for g in lijst.gemeenten:
        for w in g.wijken:
            peildatum = "" if w.peildatum is None else w.peildatum.isoformat()
            rijen.append(
                [
                    g.gemeente, w.wijk, w.kern, getal_nl(w.inwoners), peildatum, w.bron or "",
                    ja_nee(w.voorbeeld), ja_nee(lijst.meegeleverde_gegevens),
                ]
            )  # fmt: skip
    return _csv(kolommen, rijen)


def onderwerpen(o: Onderwerpen) -> str:
    """One row per condition and item of the checklist."""
    kolommen = ["soort", "id", "titel", "checklist", "meegeleverde_gegevens"]
    checklist = f"{o.checklist} {o.versie}"
    rijen = [
        [soort, x.id, x.titel, checklist, ja_nee(o.meegeleverde_gegevens)]
        for soort, groep in (("voorwaarde", o.voorwaarden), ("item", o.items))
        for x in groep
    ]
    return _csv(kolommen, rijen)


VERGELIJKING_KOLOMMEN = [
    "wijk",
    "kern",
    "gemeente",
    "sinds",
    "auditdatum_toen",
    "auditdatum",
    "soort",
    "id",
    "titel",
    "toen",
    "nu",
    "verandering",
    "gemeten_toen",
    "gemeten_nu",
    "vereist_toen",
    "vereist_nu",
    "wat_veranderde",
    "voorbeeldnorm",
    "voorbeeldgegevens",
    "checklist_toen",
    "checklist",
    "meegeleverde_gegevens",
]


def vergelijking(v: Vergelijking) -> str:
    """A row per condition and item; `wat_veranderde` lists the changes in its data, one per
    line."""
    from wijkcheck.formatters.report.vergelijking import wijziging_tekst

    rijen = [
        [
            v.wijk, v.kern, v.gemeente, v.sinds, v.auditdatum_toen.isoformat(),
            v.auditdatum.isoformat(), r.sectie, r.id, r.titel,
            r.toen.value if r.toen else "", r.nu.value if r.nu else "", r.verandering.value,
            r.gemeten_toen, r.gemeten_nu, r.vereist_toen, r.vereist_nu,
            "\n".join(wijziging_tekst(w) for w in r.wijzigingen),
            ja_nee(r.voorbeeldnorm), ja_nee(r.voorbeeldgegevens),
            f"{v.checklist_toen.id} {v.checklist_toen.versie}",
            f"{v.checklist.id} {v.checklist.versie}", ja_nee(v.meegeleverde_gegevens),
        ]
        for r in v.resultaten
    ]  # fmt: skip
    return _csv(VERGELIJKING_KOLOMMEN, rijen)


def overzicht_sinds(o: OverzichtSinds) -> str:
    """A row per wijk and condition: the outcome then and now and how it changed."""
    titels = {k.id: k.titel for k in o.overzicht.voorwaarden}
    kolommen = [
        "gemeente", "wijk", "kern", "voorwaarde", "voorwaarde_titel", "toen", "nu",
        "verandering", "score_toen", "score_nu", "sinds", "auditdatum_toen", "auditdatum",
        "checklist", "meegeleverde_gegevens",
    ]  # fmt: skip
    rijen = [
        [
            w.gemeente, w.wijk, w.kern, k, titels.get(k, k),
            v.toen.value if v.toen else "", v.nu.value if v.nu else "", v.verandering.value,
            w.score_toen or "", w.score_nu, o.sinds, o.auditdatum_toen.isoformat(),
            o.overzicht.auditdatum.isoformat(), _checklist(o.overzicht),
            ja_nee(o.meegeleverde_gegevens),
        ]
        for w in o.wijken
        for k, v in w.voorwaarden.items()
    ]  # fmt: skip
    return _csv(kolommen, rijen)
