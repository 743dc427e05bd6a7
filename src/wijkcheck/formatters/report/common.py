"""The memo view of a report, shared by every output format: rows and numbered sources.

A council memo needs the same content whether it is a terminal table, Markdown or Word: one row
per condition or item (parts of composite rules indented below it) and numbered notes saying
where each figure, norm and requirement came from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from wijkcheck.core.names import datum, getal, zichtbaar
from wijkcheck.core.results import ChecklistInfo, Rapport, Resultaat, Telling, Uitkomst
from wijkcheck.reports.overview import Overzicht, Score
from wijkcheck.reports.sociale_kaart import KaartVoorziening, SocialeKaart

VOORBEELD_MELDING = (
    "Dit rapport bevat voorbeeldgegevens (bron: voorbeeld). Dat zijn geen officiële cijfers; "
    "vervang ze door echte cijfers voordat u het rapport gebruikt."
)
MEEGELEVERD_MELDING = (
    "Gemaakt met de meegeleverde voorbeeldgegevens van {}, niet met uw eigen gegevens: "
    "wijkcheck vond geen gegevensmap. Wijs uw gegevens aan met --data MAP, met de "
    "omgevingsvariabele WIJKCHECK_DATA, of werk in een map met data/wijken/."
)
VEROUDERD_MELDING = (
    "Deze gegevens zijn ouder dan de maximale ouderdom van de checklist ({} maanden), met hun "
    "peildatum: {}."
)
VEROUDERD_OVERZICHT = (
    "In {} zijn gegevens ouder dan de maximale ouderdom van de checklist ({} maanden), met "
    "hun peildatum: {}."
)


@dataclass(slots=True)
class Rij:
    niveau: int
    titel: str
    uitkomst: Uitkomst
    gemeten: str
    vereist: str
    toelichting: str
    bronnen: list[int] = field(default_factory=list)

    @property
    def uitkomst_tekst(self) -> str:
        return f"{self.uitkomst.symbool} {self.uitkomst.value}"


@dataclass(slots=True)
class Bron:
    nummer: int
    soort: str  # "gegevens", "norm" or "beleid"
    tekst: str
    voorbeeld: bool = False
    verouderd: bool = False


@dataclass(slots=True)
class Sectie:
    """One table of a memo: its title (from the checklist) and its rows."""

    titel: str
    rijen: list[Rij]


@dataclass(slots=True)
class MemoView:
    secties: list[Sectie]
    bronnen: list[Bron]

    @property
    def rijen(self) -> list[Rij]:
        return [r for s in self.secties for r in s.rijen]


GEMEENTEBREED_TITEL = (
    "Gemeentebreed: één keer beoordeeld voor de hele gemeente (telt niet mee in de score van de "
    "wijk)"
)


def let_op_gemeten(r: Resultaat) -> str:
    """`gemeten`, with what the figures it rests on are: example data, outdated."""
    vlaggen = (("voorbeeldgegevens", r.voorbeeldgegevens), ("verouderd", r.verouderd))
    wat = [w for w, ja in vlaggen if ja]
    return r.gemeten + (f" ⚠ {', '.join(wat)}" if wat else "")


def let_op_vereist(r: Resultaat, boven: Resultaat | None = None) -> str:
    """`vereist`, with a voorbeeldnorm marked and the layer it comes from (a part names its
    layer only when it differs from the whole: an overridden norm)."""
    tekst = r.vereist + (" ⚠ voorbeeldnorm" if r.voorbeeldnorm else "")
    if r.niveau and (boven is None or r.herkomst != boven.herkomst):
        gewijzigd = sorted({d.herkomst for d in _onder(r)} - {r.herkomst, ""})
        wie = f"; drempel gewijzigd door {', '.join(gewijzigd)}" if gewijzigd else ""
        tekst += f" ({r.niveau}{wie})"
    return tekst


def _onder(r: Resultaat) -> list[Resultaat]:
    return [x for d in r.onderdelen for x in (d, *_onder(d))]


class _Bronnen:
    def __init__(self) -> None:
        self.lijst: list[Bron] = []
        self.index: dict[tuple[str, str], Bron] = {}
        self.peildata: dict[int, list[dt.date]] = {}
        self.geschat: set[int] = set()

    def nummer(
        self,
        soort: str,
        tekst: str,
        *,
        voorbeeld: bool = False,
        verouderd: bool = False,
        peildatum: dt.date | None = None,
        geschat: bool = False,
    ) -> int:
        bron = self.index.get((soort, tekst))
        if bron is None:
            bron = Bron(len(self.lijst) + 1, soort, tekst, voorbeeld, verouderd)
            self.lijst.append(bron)
            self.index[(soort, tekst)] = bron
        bron.verouderd = bron.verouderd or verouderd
        if peildatum is not None:
            self.peildata.setdefault(bron.nummer, []).append(peildatum)
            if geschat:
                self.geschat.add(bron.nummer)
        return bron.nummer

    def af(self) -> list[Bron]:
        for bron in self.lijst:
            dates = sorted(set(self.peildata.get(bron.nummer, [])))
            geschat = " (geschat)" if bron.nummer in self.geschat else ""
            if len(dates) == 1:
                bron.tekst += f", peildatum {datum(dates[0])}{geschat}"
            elif dates:
                bron.tekst += f", peildata {datum(dates[0])} t/m {datum(dates[-1])}"
                bron.tekst += " (deels geschat)" if geschat else ""
        return self.lijst


def memo_view(rapport: Rapport) -> MemoView:
    bronnen = _Bronnen()

    def rijen(resultaat: Resultaat, niveau: int, boven: Resultaat | None = None) -> list[Rij]:
        refs: list[int] = []
        for g in resultaat.gegevens:
            refs.append(
                bronnen.nummer(
                    "gegevens",
                    g.bron,
                    voorbeeld=g.voorbeeld,
                    verouderd=g.verouderd,
                    peildatum=g.peildatum,
                    geschat=g.geschat,
                )
            )
        if resultaat.norm:
            refs.append(bronnen.nummer("norm", resultaat.norm))
        if resultaat.beleidsbron is not None:
            refs.append(bronnen.nummer("beleid", str(resultaat.beleidsbron)))
        rij = Rij(
            niveau,
            resultaat.titel,
            resultaat.uitkomst,
            let_op_gemeten(resultaat),
            let_op_vereist(resultaat, boven),
            resultaat.toelichting,
            sorted(set(refs)),
        )
        out = [rij]
        for deel in resultaat.onderdelen:
            out.extend(rijen(deel, niveau + 1, resultaat))
        return out

    info = rapport.checklist
    delen = [
        (info.sectietitel("voorwaarden", "Voorwaarden"), rapport.voorwaarden),
        (info.sectietitel("items", "Checklist-items"), rapport.items),
        (GEMEENTEBREED_TITEL, rapport.gemeentebreed),
    ]
    secties = [
        Sectie(titel, [r for res in resultaten for r in rijen(res, 0)])
        for titel, resultaten in delen
        if resultaten
    ]
    return MemoView(secties, bronnen.af())


Maat = TypeVar("Maat", int, float)


def verdeel(
    minimum: list[Maat], wens: list[Maat], gewicht: list[float], ruimte: Maat, stap: Maat = 1
) -> list[Maat]:
    """Column widths within `ruimte`: each column at least `minimum` (its longest word, so that
    no word is cut), at most `wens` (its longest line); the room in between goes to the columns
    by `gewicht`, `stap` at a time. When even the minimums do not fit, the minimums. Terminal
    columns count cells (`stap` 1), Word columns centimetres."""
    wens = [max(m, w) for m, w in zip(minimum, wens, strict=True)]
    breedtes = list(minimum)
    over = ruimte - sum(breedtes)
    while over >= stap:
        open_ = [i for i, (b, w) in enumerate(zip(breedtes, wens, strict=True)) if b < w]
        if not open_:
            break
        # one step at a time to the column furthest below its share
        i = min(open_, key=lambda i: (breedtes[i] / gewicht[i], i))
        extra = min(stap, wens[i] - breedtes[i])
        breedtes[i] += extra
        over -= extra
    return breedtes


def kop(rapport: Rapport) -> list[tuple[str, str]]:
    """Header facts of a report as label/value pairs."""
    inw = rapport.inwoners
    geschat = ", geschat" if inw.geschat else ""
    inwoners = f"{inw.waarde} ({inw.bron}, {datum(inw.peildatum)}{geschat})"
    code = f" · CBS {rapport.cbs_buurtcode}" if rapport.cbs_buurtcode else ""
    return [
        ("Wijk", f"{rapport.wijk} (kern {rapport.kern}, gemeente {rapport.gemeente}){code}"),
        ("Inwoners", inwoners),
        *checklist_kop(rapport.checklist),
        ("Auditdatum", datum(rapport.auditdatum)),
    ]


def checklist_kop(info: ChecklistInfo) -> list[tuple[str, str]]:
    """The checklist, its status, and the layers it builds on."""
    regels = []
    for i, laag in enumerate(reversed(info.lagen)):
        staat = f"concept; {laag.uitgever}" if laag.status == "concept" else laag.toelichting
        regels.append(
            (
                "Checklist" if i == 0 else "Bouwt voort op",
                f"{laag.naam}, versie {laag.versie} ({staat})",
            )
        )
    return regels or [("Checklist", f"{info.naam}, versie {info.versie}")]


def samenvatting(rapport: Rapport) -> str:
    v, i = rapport.samenvatting_voorwaarden, rapport.samenvatting_items
    delen = []
    if v.totaal:
        delen.append(f"Voorwaarden ({v.totaal}): {v.tekst()}.")
    if i.totaal:
        delen.append(f"Checklist-items ({i.totaal}): {i.tekst()}.")
    g = rapport.samenvatting_gemeentebreed
    if g.totaal:
        delen.append(f"Gemeentebreed ({g.totaal}, niet in de score): {g.tekst()}.")
    return " ".join(delen)


def meegeleverd_melding(rapport: Rapport | Overzicht | SocialeKaart) -> str | None:
    """The notice that a result rests on the bundled example data, naming its gemeenten."""
    if not rapport.meegeleverde_gegevens:
        return None
    return MEEGELEVERD_MELDING.format(van_gemeenten(rapport))


def van_gemeenten(rapport: Rapport | Overzicht | SocialeKaart) -> str:
    """`gemeente A`, or `de gemeenten A en B`: whose data a result shows."""
    namen = rapport.gemeenten if isinstance(rapport, Overzicht) else [rapport.gemeente]
    return f"gemeente {namen[0]}" if len(namen) == 1 else f"de gemeenten {_opsomming(namen)}"


def meldingen(rapport: Rapport | Overzicht | SocialeKaart) -> list[str]:
    out = []
    meegeleverd = meegeleverd_melding(rapport)
    if meegeleverd:
        out.append(meegeleverd)
    if not isinstance(rapport, SocialeKaart):  # a map uses only the checklist's catalogue
        out += concept_meldingen(rapport.checklist)
        voorbeeldnorm = voorbeeldnorm_melding(rapport)
        if voorbeeldnorm:
            out.append(voorbeeldnorm)
    if rapport.voorbeelddata:
        out.append(VOORBEELD_MELDING)
    if rapport.verouderde_gegevens:
        out.append(verouderd_melding(rapport))
    if isinstance(rapport, Overzicht):
        if rapport.weggelaten:
            out.append(
                f"{rapport.weggelaten} wijken zonder 'niet voldaan' zijn weggelaten "
                "(--alleen-problemen)."
            )
        if rapport.ontbrekende_wijken:
            out.append(
                "Zonder wijkbestand, dus niet getoond: "
                + ", ".join(rapport.ontbrekende_wijken)
                + "."
            )
    return out


def concept_meldingen(info: ChecklistInfo) -> list[str]:
    """One notice per layer that nobody has adopted: a concept is never shown as policy."""
    return [
        f"Concept: '{laag.naam}' is niet vastgesteld"
        + (f"; {laag.toelichting}." if laag.toelichting else ".")
        for laag in info.lagen
        if laag.status == "concept"
    ]


def voorbeeldnorm_melding(result: Rapport | Overzicht | SocialeKaart) -> str | None:
    """How many verdicts rest on a threshold nobody adopted (a voorbeeldnorm)."""
    info = result.checklist
    ouderdom = (
        f" Ook de maximale ouderdom van cijfers ({info.maximale_ouderdom_maanden} maanden) is "
        "een voorbeeldnorm."
        if info.maximale_ouderdom_voorbeeldnorm
        else ""
    )
    if isinstance(result, Rapport):
        alle = result.voorwaarden + result.items + result.gemeentebreed
        n = result.voorbeeldnormen
        if not n:
            return ouderdom.strip() or None
        return (
            f"{n} van de {len(alle)} uitkomsten {'rust' if n == 1 else 'rusten'} (deels) op een "
            "voorbeeldnorm: een drempel die niemand heeft vastgesteld (⚠ voorbeeldnorm bij "
            f"Vereist).{ouderdom}"
        )
    if isinstance(result, Overzicht):
        titels = [k.titel for k in result.voorwaarden if k.voorbeeldnorm]
        titels += result.voorbeeldnorm_items
        if not titels:
            return ouderdom.strip() or None
        return (
            "Op een voorbeeldnorm, een drempel die niemand heeft vastgesteld, rusten (deels): "
            f"{_opsomming(titels)}.{ouderdom}"
        )
    return ouderdom.strip() or None


def verouderd_melding(result: Rapport | Overzicht | SocialeKaart) -> str:
    """The notice that names every outdated figure, with its peildatum."""
    maanden = result.checklist.maximale_ouderdom_maanden
    if isinstance(result, Overzicht):
        wijken = [r for r in result.rijen if r.verouderde_gegevens]
        per_wijk = [
            f"{r.wijk}{f' ({r.gemeente})' if result.meerdere_gemeenten else ''}: "
            + ", ".join(_uniek(f"{g.wat} ({datum(g.peildatum)})" for g in r.verouderde_cijfers))
            for r in wijken
        ]
        aantal = f"{getal(len(wijken))} {'wijk' if len(wijken) == 1 else 'wijken'}"
        return VEROUDERD_OVERZICHT.format(aantal, maanden, "; ".join(per_wijk))
    if isinstance(result, SocialeKaart):
        vs = [v for laag in result.lagen for v in laag.in_de_wijk + laag.ook_voor_de_wijk]
        vs += result.onbekende_soorten
        cijfers = [f"inwoners ({datum(result.inwoners.peildatum)})"] * result.inwoners.verouderd
        cijfers += [f"{v.naam} ({v.soort_naam}, {datum(v.peildatum)})" for v in vs if v.verouderd]
    else:
        cijfers = [
            f"{g.wat}: {g.waarde} ({datum(g.peildatum)})" for g in result.verouderde_cijfers()
        ]
    return VEROUDERD_MELDING.format(maanden, "; ".join(_uniek(cijfers)))


def _uniek(teksten) -> list[str]:
    return list(dict.fromkeys(teksten))


def conclusie(result: Rapport | Overzicht | SocialeKaart) -> list[str]:
    """What a memo opens with: the counts, and what needs attention (the tables follow)."""
    if isinstance(result, SocialeKaart):
        return [kaart_samenvatting(result)]
    if isinstance(result, Overzicht):
        return _overzicht_conclusie(result)
    regels = [samenvatting(result)]
    alle = result.voorwaarden + result.items
    for u, wat, gemeentebreed in (
        (Uitkomst.NIET_VOLDAAN, "Niet voldaan", "Niet voldaan, gemeentebreed"),
        (
            Uitkomst.ONBEKEND,
            "Onbekend (er ontbreken gegevens)",
            "Onbekend, gemeentebreed (er ontbreken gegevens)",
        ),
    ):
        namen = [r.titel for r in alle if r.uitkomst is u]
        if namen:
            regels.append(f"{wat}: {', '.join(namen)}.")
        namen = [r.titel for r in result.gemeentebreed if r.uitkomst is u]
        if namen:
            regels.append(f"{gemeentebreed}: {', '.join(namen)}.")
    if len(regels) == 1:
        regels.append("Alle voorwaarden en checklist-items zijn voldaan.")
    return regels


def _overzicht_conclusie(ov: Overzicht) -> list[str]:
    som = Telling(
        voldaan=sum(t.voldaan for t in ov.totalen.values()),
        niet_voldaan=sum(t.niet_voldaan for t in ov.totalen.values()),
        onbekend=sum(t.onbekend for t in ov.totalen.values()),
    )
    n = len(ov.rijen)
    regels = [
        f"{getal(n)} {'wijk' if n == 1 else 'wijken'} × {len(ov.voorwaarden)} voorwaarden: "
        f"{som.voldaan} voldaan, {som.niet_voldaan} niet voldaan, {som.onbekend} onbekend."
    ]
    titels = {k.id: k.titel for k in ov.voorwaarden}
    aandacht = []
    for r in ov.rijen:
        if not r.problemen:
            continue
        wat = [titels[k] for k, u in r.voorwaarden.items() if u is Uitkomst.NIET_VOLDAAN]
        if r.items.niet_voldaan:
            n_items = r.items.niet_voldaan
            wat.append(f"{n_items} checklist-{'item' if n_items == 1 else 'items'}")
        naam = f"{r.wijk} ({r.gemeente})" if ov.meerdere_gemeenten else r.wijk
        aandacht.append(f"{naam}: {', '.join(wat)}")
    if aandacht:
        wijken = "1 wijk" if len(aandacht) == 1 else f"{getal(len(aandacht))} wijken"
        regels.append(f"Niet voldaan in {wijken}: {'; '.join(aandacht)}.")
    else:
        regels.append("In geen enkele getoonde wijk is iets niet voldaan.")
    for g in ov.gemeentebreed:
        if not g.telling.totaal:
            continue
        zin = (
            f"Gemeentebreed{f' in {g.gemeente}' if ov.meerdere_gemeenten else ''} (één keer "
            f"beoordeeld voor de hele gemeente, niet in de score): {g.telling.tekst()}"
        )
        for u, woord in ((Uitkomst.NIET_VOLDAAN, "niet voldaan"), (Uitkomst.ONBEKEND, "onbekend")):
            genoemd = [
                r.titel + (" ⚠ voorbeeldgegevens" if r.voorbeeldgegevens else "")
                for r in g.resultaten
                if r.uitkomst is u
            ]
            if genoemd:
                zin += f"; {woord}: {', '.join(genoemd)}"
        regels.append(zin + ".")
    return regels


def bron_tekst(bron: Bron) -> str:
    labels = {"gegevens": "Gegevens", "norm": "Norm", "beleid": "Beleid"}
    extra = []
    if bron.voorbeeld:
        extra.append("VOORBEELDGEGEVENS")
    if bron.verouderd:
        extra.append("VEROUDERD")
    suffix = f" [{', '.join(extra)}]" if extra else ""
    return f"{labels[bron.soort]}: {bron.tekst}{suffix}"


#: Every picture and table of outcomes carries this legend: meaning never rests on colour alone.
LEGENDA = "✔ voldaan · ✘ niet voldaan · ? onbekend (er ontbreken gegevens)"


def titel(result: Rapport | Overzicht | SocialeKaart) -> str:
    if isinstance(result, Overzicht):
        if result.meerdere_gemeenten:
            return f"Overzicht sociale basis: {getal(len(result.gemeenten))} gemeenten"
        return f"Overzicht sociale basis: gemeente {result.gemeente}"
    if isinstance(result, SocialeKaart):
        return f"Sociale kaart: {result.wijk}"
    return f"Audit sociale basis: {result.wijk}"


def score_tekst(score: Score) -> str:
    """`10 ✔ · 1 ✘ · 1 ?`: not met and unknown apart, never folded into one number."""
    return f"{score.voldaan} ✔ · {score.niet_voldaan} ✘ · {score.onbekend} ?"


#: What the score column counts (after "Checklist =" or the column's short name).
SCORE_UITLEG = (
    "de checklist-items van de wijk: ✔ voldaan · ✘ niet voldaan · ? onbekend, van de {}; "
    "gemeentebrede items tellen niet mee"
)
#: The same for the narrow terminal form `10/1/1`.
SCORE_UITLEG_KORT = (
    "voldaan/niet voldaan/onbekend van de {} checklist-items van de wijk; gemeentebrede items "
    "tellen niet mee"
)


@dataclass(slots=True)
class OverzichtView:
    """The overview as a matrix of cell texts: the same words in every format."""

    kolommen: list[str]  # [gemeente,] wijk, kern, one per condition, checklist score
    rijen: list[list[str]]
    uitkomsten: list[list[Uitkomst]]  # per row, per condition (for styling only)
    totalen: list[list[str]]  # per outcome: label, "" per other text column, counts, ""
    voor: int = 2  # text columns before the conditions: 3 with a Gemeente column

    @property
    def wijk(self) -> int:
        """Index of the wijk column, the row's header."""
        return self.voor - 2


_VOLGORDE = {"kern": "per kern", "naam": "op naam", "problemen": "meeste problemen eerst"}


def overzicht_kop(ov: Overzicht) -> list[tuple[str, str]]:
    getoond = len(ov.rijen)
    wijken = f"{getal(getoond)} van {getal(getoond + ov.weggelaten)}"
    if ov.alleen_problemen:
        wijken += " (alleen wijken waar iets niet voldaan is)"
    if ov.meerdere_gemeenten:
        namen = ov.gemeenten
        gemeente = ("Gemeenten", _opsomming(namen) if len(namen) <= 5 else getal(len(namen)))
    else:
        gemeente = ("Gemeente", ov.gemeente or "")
    return [
        gemeente,
        *checklist_kop(ov.checklist),
        ("Auditdatum", datum(ov.auditdatum)),
        ("Wijken", f"{wijken}, {_VOLGORDE[ov.sortering.value]}"),
    ]


def _opsomming(namen: list[str]) -> str:
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]


def overzicht_view(ov: Overzicht) -> OverzichtView:
    meer = ov.meerdere_gemeenten
    kolommen = [
        *(["Gemeente"] if meer else []),
        "Wijk",
        "Kern",
        *(k.titel for k in ov.voorwaarden),
        f"Checklist ({ov.aantal_items} items)",
    ]
    rijen, uitkomsten = [], []
    for r in ov.rijen:
        cellen = [r.voorwaarden[k.id] for k in ov.voorwaarden]
        uitkomsten.append(cellen)
        rijen.append(
            [
                *([r.gemeente] if meer else []),
                r.wijk,
                r.kern,
                *(f"{u.symbool} {u.value}" for u in cellen),
                score_tekst(r.score),
            ]
        )
    totalen = []
    for u, veld in (
        (Uitkomst.VOLDAAN, "voldaan"),
        (Uitkomst.NIET_VOLDAAN, "niet_voldaan"),
        (Uitkomst.ONBEKEND, "onbekend"),
    ):
        tellingen = [str(getattr(ov.totalen[k.id], veld)) for k in ov.voorwaarden]
        leeg = ["", ""] if meer else [""]
        totalen.append([f"Totaal {u.symbool} {u.value}", *leeg, *tellingen, ""])
    return OverzichtView(kolommen, rijen, uitkomsten, totalen, 3 if meer else 2)


def kaart_kop(kaart: SocialeKaart) -> list[tuple[str, str]]:
    inw = kaart.inwoners
    code = f" · CBS {kaart.cbs_buurtcode}" if kaart.cbs_buurtcode else ""
    return [
        ("Wijk", f"{kaart.wijk} (kern {kaart.kern}, gemeente {kaart.gemeente}){code}"),
        ("Inwoners", f"{inw.waarde} ({inw.bron}, {datum(inw.peildatum)})"),
        ("Soorten", f"{kaart.checklist.naam}, versie {kaart.checklist.versie}"),
        ("Datum", datum(kaart.datum)),
    ]


def ja_nee(waarde: bool | None) -> str:
    return {True: "ja", False: "nee", None: "onbekend"}[waarde]


@dataclass(slots=True)
class KaartRij:
    naam: str
    soort: str
    toegankelijk: str
    waar: str
    details: str  # capacity, address, remark
    bronnen: list[int] = field(default_factory=list)


@dataclass(slots=True)
class KaartSectie:
    titel: str  # "In de wijk", "Elders in kern …", "Bedient deze wijk", "Gemeentebreed"
    eigen: bool
    rijen: list[KaartRij]


@dataclass(slots=True)
class KaartGroep:
    titel: str
    omschrijving: str
    secties: list[KaartSectie]  # only sections with rows; none when the layer is empty


@dataclass(slots=True)
class KaartView:
    groepen: list[KaartGroep]
    bronnen: list[Bron]


KAART_KOLOMMEN = ["Voorziening", "Soort", "Toegankelijk", "Waar", "Bron"]
GEEN_VOORZIENINGEN = "geen voorzieningen vastgelegd"


def kaart_view(kaart: SocialeKaart) -> KaartView:
    bronnen = _Bronnen()
    sectietitels = {
        "wijk": "In de wijk",
        "kern": f"Elders in kern {kaart.kern}",
        "bedient": "Van elders, bedient deze wijk",
        "gemeente": f"Gemeentebreed ({kaart.gemeente})",
    }

    def rij(v: KaartVoorziening) -> KaartRij:
        nummer = bronnen.nummer(
            "gegevens",
            v.bron,
            voorbeeld=v.voorbeeld,
            verouderd=v.verouderd,
            peildatum=v.peildatum,
        )
        details = [
            t
            for t in (
                f"capaciteit {v.capaciteit}" if v.capaciteit else "",
                v.adres or "",
                v.opmerking or "",
            )
            if t
        ]
        return KaartRij(
            v.naam, v.soort_naam, ja_nee(v.toegankelijk), v.waar, "; ".join(details), [nummer]
        )

    def secties(vs: list[KaartVoorziening]) -> list[KaartSectie]:
        return [
            KaartSectie(titel, bereik == "wijk", [rij(v) for v in vs if v.bereik == bereik])
            for bereik, titel in sectietitels.items()
            if any(v.bereik == bereik for v in vs)
        ]

    groepen = [
        KaartGroep(laag.titel, laag.omschrijving, secties(laag.in_de_wijk + laag.ook_voor_de_wijk))
        for laag in kaart.lagen
    ]
    if kaart.onbekende_soorten:
        groepen.append(
            KaartGroep(
                "Soort onbekend",
                "soort staat niet in de catalogus van de checklist",
                secties(kaart.onbekende_soorten),
            )
        )
    return KaartView(groepen, bronnen.af())


def kaart_samenvatting(kaart: SocialeKaart) -> str:
    delen = [f"{laag.titel.split()[0].lower()} {len(laag.in_de_wijk)}" for laag in kaart.lagen]
    ook = sum(len(laag.ook_voor_de_wijk) for laag in kaart.lagen)
    return (
        f"In de wijk: {sum(len(la.in_de_wijk) for la in kaart.lagen)} voorzieningen "
        f"({', '.join(delen)}); daarbuiten bedienen nog {ook} voorzieningen deze wijk."
    )


R = TypeVar("R", Rapport, Overzicht, SocialeKaart)


def _schoon(waarde: Any) -> Any:
    if isinstance(waarde, str):
        return zichtbaar(waarde, behoud="\t\n\r")
    if isinstance(waarde, dict):
        return {k: _schoon(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_schoon(v) for v in waarde]
    return waarde


# The same characters as they appear in pydantic's JSON: C0 escaped (\b, \f or \u00XX),
# DEL and C1 as they are. A literal backslash in a text may match too; that only costs time.
_BESTURING_JSON = re.compile(
    r"\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])|\\[bf]|[\x7f-\x9f]"
    "|[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


def schoon(result: R) -> R:
    """The result with control, bidi and zero-width characters in its texts written as
    escapes (`zichtbaar`): a name with an escape sequence must not recolour the terminal nor
    a U+202E turn a line around, and XML (docx, svg) cannot hold control characters at all."""
    if not _BESTURING_JSON.search(result.model_dump_json()):
        return result  # nearly always (the loader refuses them): one fast scan, no copy
    return type(result).model_validate(_schoon(result.model_dump()))
