"""The memo view of a report, shared by every output format: rows and numbered sources.

A council memo needs the same content whether it is a terminal table, Markdown or Word: one row
per condition or item (parts of composite rules indented below it) and numbered notes saying
where each figure, norm and requirement came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from wijkcheck.nl import datum
from wijkcheck.results import Rapport, Resultaat, Uitkomst

VOORBEELD_MELDING = (
    "Dit rapport bevat voorbeeldgegevens (bron: voorbeeld). Dat zijn geen officiële cijfers; "
    "vervang ze door echte cijfers voordat u het rapport gebruikt."
)
VEROUDERD_MELDING = (
    "Sommige gegevens zijn ouder dan de maximale ouderdom van de checklist ({} maanden)."
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
class MemoView:
    voorwaarden: list[Rij]
    items: list[Rij]
    bronnen: list[Bron]


class _Bronnen:
    def __init__(self) -> None:
        self.lijst: list[Bron] = []
        self.index: dict[tuple[str, str], Bron] = {}
        self.peildata: dict[int, list[dt.date]] = {}

    def nummer(
        self,
        soort: str,
        tekst: str,
        *,
        voorbeeld: bool = False,
        verouderd: bool = False,
        peildatum: dt.date | None = None,
    ) -> int:
        bron = self.index.get((soort, tekst))
        if bron is None:
            bron = Bron(len(self.lijst) + 1, soort, tekst, voorbeeld, verouderd)
            self.lijst.append(bron)
            self.index[(soort, tekst)] = bron
        bron.verouderd = bron.verouderd or verouderd
        if peildatum is not None:
            self.peildata.setdefault(bron.nummer, []).append(peildatum)
        return bron.nummer

    def af(self) -> list[Bron]:
        for bron in self.lijst:
            dates = sorted(set(self.peildata.get(bron.nummer, [])))
            if len(dates) == 1:
                bron.tekst += f", peildatum {datum(dates[0])}"
            elif dates:
                bron.tekst += f", peildata {datum(dates[0])} t/m {datum(dates[-1])}"
        return self.lijst


def memo_view(rapport: Rapport) -> MemoView:
    bronnen = _Bronnen()

    def rijen(resultaat: Resultaat, niveau: int) -> list[Rij]:
        refs: list[int] = []
        for g in resultaat.gegevens:
            refs.append(
                bronnen.nummer(
                    "gegevens",
                    g.bron,
                    voorbeeld=g.voorbeeld,
                    verouderd=g.verouderd,
                    peildatum=g.peildatum,
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
            resultaat.gemeten,
            resultaat.vereist,
            resultaat.toelichting,
            sorted(set(refs)),
        )
        out = [rij]
        for deel in resultaat.onderdelen:
            out.extend(rijen(deel, niveau + 1))
        return out

    voorwaarden = [r for res in rapport.voorwaarden for r in rijen(res, 0)]
    items = [r for res in rapport.items for r in rijen(res, 0)]
    return MemoView(voorwaarden, items, bronnen.af())


def kop(rapport: Rapport) -> list[tuple[str, str]]:
    """Header facts of a report as label/value pairs."""
    inw = rapport.inwoners
    inwoners = f"{inw.waarde} ({inw.bron}, {datum(inw.peildatum)})"
    code = f" · CBS {rapport.cbs_buurtcode}" if rapport.cbs_buurtcode else ""
    return [
        ("Wijk", f"{rapport.wijk} (kern {rapport.kern}, gemeente {rapport.gemeente}){code}"),
        ("Inwoners", inwoners),
        ("Checklist", f"{rapport.checklist.naam}, versie {rapport.checklist.versie}"),
        ("Auditdatum", datum(rapport.auditdatum)),
    ]


def samenvatting(rapport: Rapport) -> str:
    v, i = rapport.samenvatting_voorwaarden, rapport.samenvatting_items
    return (
        f"Voorwaarden: {v.voldaan} van {v.totaal} voldaan, {v.niet_voldaan} niet voldaan, "
        f"{v.onbekend} onbekend. Checklist: {i.voldaan} van {i.totaal} items voldaan, "
        f"{i.niet_voldaan} niet voldaan, {i.onbekend} onbekend."
    )


def meldingen(rapport: Rapport) -> list[str]:
    out = []
    if rapport.voorbeelddata:
        out.append(VOORBEELD_MELDING)
    if rapport.verouderde_gegevens:
        out.append(VEROUDERD_MELDING.format(rapport.checklist.maximale_ouderdom_maanden))
    return out


def bron_tekst(bron: Bron) -> str:
    labels = {"gegevens": "Gegevens", "norm": "Norm", "beleid": "Beleid"}
    extra = []
    if bron.voorbeeld:
        extra.append("VOORBEELDGEGEVENS")
    if bron.verouderd:
        extra.append("VEROUDERD")
    suffix = f" [{', '.join(extra)}]" if extra else ""
    return f"{labels[bron.soort]}: {bron.tekst}{suffix}"
