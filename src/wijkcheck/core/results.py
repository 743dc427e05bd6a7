"""What an audit produces: plain data, dumped to JSON as is (`model_dump(mode="json")`)."""

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from wijkcheck.core.models import Beleidsbron, leeg
from wijkcheck.core.names import maanden_tussen

#: Version of the JSON shape of reports; bump on any incompatible change (docs/json.md).
SCHEMA_VERSIE = 3

#: How many days before its end an exception is said to expire soon (validate warns, the
#: audit says it beside the exception).
VERLOOPT_DAGEN = 60


def verloopt_binnenkort(tot: dt.date, datum: dt.date) -> str | None:
    """When an exception valid until `tot` ends within `VERLOOPT_DAGEN` days of `datum`:
    "vandaag", "over 1 dag", "over 12 dagen"; otherwise (later, or already ended) None."""
    dagen = (tot - datum).days
    if not 0 <= dagen <= VERLOOPT_DAGEN:
        return None
    return "vandaag" if not dagen else f"over {dagen} {'dag' if dagen == 1 else 'dagen'}"


class Uitkomst(StrEnum):
    VOLDAAN = "voldaan"
    NIET_VOLDAAN = "niet voldaan"
    ONBEKEND = "onbekend"
    #: niet voldaan, with an accountable exception valid on the audit date (issue 15): counted
    #: apart from both voldaan and niet voldaan
    UITZONDERING = "uitzondering"

    @property
    def symbool(self) -> str:
        return _SYMBOLEN[self]


_SYMBOLEN = {
    Uitkomst.VOLDAAN: "✔",
    Uitkomst.NIET_VOLDAAN: "✘",
    Uitkomst.ONBEKEND: "?",
    Uitkomst.UITZONDERING: "§",
}


def verouderd(peildatum: dt.date, datum: dt.date, max_maanden: int) -> bool:
    """A figure from `peildatum` is outdated on `datum` when it is more than `max_maanden`
    whole months old (the checklist's `maximale_ouderdom_maanden`)."""
    return maanden_tussen(peildatum, datum) > max_maanden


class Result(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class GebruiktGegeven(Result):
    """A figure or fact that a result rests on, with its provenance."""

    wat: str
    waarde: str
    bron: str
    peildatum: dt.date
    verouderd: bool = False
    voorbeeld: bool = False
    #: the peildatum is an estimate
    geschat: bool = False


class UitzonderingInfo(Result):
    """The exception a result was judged with: valid (the outcome is `uitzondering`) or
    expired (the outcome is niet voldaan again, and the report says since when)."""

    reden: str
    besloten_door: str
    besluit: str
    sinds: dt.date | None = None
    tot: dt.date
    #: where it is recorded: `wijk` (the wijk file) or `gemeente` (gemeente.yaml)
    herkomst: Literal["wijk", "gemeente"]
    #: `tot` lies before the audit date: the result counts as niet voldaan
    verlopen: bool = False
    #: the decision is example data (`besluit` starts with "voorbeeld", like `bron: voorbeeld`)
    voorbeeld: bool = False


class Resultaat(Result):
    id: str
    titel: str
    regel: str
    uitkomst: Uitkomst
    gemeten: str
    #: The measured number behind `gemeten` (a count, an indicator value, fte), if there is one.
    gemeten_getal: float | None = None
    vereist: str
    toelichting: str = ""
    #: the basis of this result's own threshold(s), in words; empty for rules without one
    norm: str = ""
    #: Names of every facility counted (rule `aanwezig`), nearest first; `gemeten` names them too.
    voorzieningen: list[str] = leeg(list)
    gegevens: list[GebruiktGegeven] = leeg(list)
    beleidsbron: Beleidsbron | None = None
    onderdelen: "list[Resultaat]" = leeg(list)
    #: the checklist layer the requirement (or its overridden norm) comes from, and its level
    herkomst: str = ""
    niveau: str = ""
    #: what the verdict rests on, this result's own and everything below it
    voorbeeldgegevens: bool = False
    verouderd: bool = False
    voorbeeldnorm: bool = False
    #: the exception recorded for this condition or item, valid or expired; None without one
    uitzondering: UitzonderingInfo | None = None

    def alle_gegevens(self) -> list[GebruiktGegeven]:
        """Figures of this result and all of its parts, without repeats."""
        rij = [self]
        for r in rij:  # breadth first: the list grows while it is walked
            rij.extend(r.onderdelen)
        return _zonder_herhaling([g for r in rij for g in r.gegevens])


def verouderd_in(
    resultaten: Sequence[Resultaat], eerst: Sequence[GebruiktGegeven] = ()
) -> list[GebruiktGegeven]:
    """The figures of `eerst` and of `resultaten` (and all their parts) that are outdated,
    without repeats, in that order."""
    # a result without outdated figures has none in its parts either (`Resultaat.verouderd`)
    alle = [*eerst, *(g for r in resultaten if r.verouderd for g in r.alle_gegevens())]
    return _zonder_herhaling([g for g in alle if g.verouderd])


def _zonder_herhaling(gegevens: Sequence[GebruiktGegeven]) -> list[GebruiktGegeven]:
    """The figures in order, each (what, value, source, date) once: the first one seen."""
    gezien: dict[tuple[str, str, str, dt.date], GebruiktGegeven] = {}
    for g in gegevens:
        gezien.setdefault((g.wat, g.waarde, g.bron, g.peildatum), g)
    return list(gezien.values())


class Telling(Result):
    voldaan: int = 0
    niet_voldaan: int = 0
    onbekend: int = 0
    #: niet voldaan with a valid exception: neither voldaan nor niet voldaan
    uitzondering: int = 0

    @classmethod
    def van(cls, resultaten: list[Resultaat]) -> "Telling":
        return cls.uit([r.uitkomst for r in resultaten])

    @classmethod
    def uit(cls, uitkomsten: list[Uitkomst]) -> "Telling":
        return cls(
            voldaan=uitkomsten.count(Uitkomst.VOLDAAN),
            niet_voldaan=uitkomsten.count(Uitkomst.NIET_VOLDAAN),
            onbekend=uitkomsten.count(Uitkomst.ONBEKEND),
            uitzondering=uitkomsten.count(Uitkomst.UITZONDERING),
        )

    def aantal(self, uitkomst: Uitkomst) -> int:
        return {
            Uitkomst.VOLDAAN: self.voldaan,
            Uitkomst.NIET_VOLDAAN: self.niet_voldaan,
            Uitkomst.ONBEKEND: self.onbekend,
            Uitkomst.UITZONDERING: self.uitzondering,
        }[uitkomst]

    @property
    def totaal(self) -> int:
        return self.voldaan + self.niet_voldaan + self.onbekend + self.uitzondering

    def tekst(self) -> str:
        """`11 voldaan · 2 niet voldaan · 2 onbekend`, and `· 1 uitzondering` when there are
        any; a group without any data says so."""
        if self.totaal and self.onbekend == self.totaal:
            return "onbekend (geen gegevens)"
        tekst = (
            f"{self.voldaan} voldaan · {self.niet_voldaan} niet voldaan · {self.onbekend} onbekend"
        )
        return f"{tekst} · {self.uitzondering} uitzondering" if self.uitzondering else tekst


class LaagInfo(Result):
    """One layer of the checklist as a report names it."""

    id: str
    naam: str
    versie: str
    uitgever: str
    niveau: str
    status: str
    #: for a `vastgesteld` layer: who adopted it, when, by which decision; for a concept: why
    toelichting: str = ""
    #: under a theme checklist: this layer gives only its catalogue (soorten, indicators), its
    #: conditions and items are not judged
    catalogus: bool = False


class SectieInfo(Result):
    titel: str
    bron: str = ""


class ChecklistInfo(Result):
    id: str
    naam: str
    versie: str
    maximale_ouderdom_maanden: int
    #: the basis of the maximum age, in words, and whether it is a voorbeeldnorm
    maximale_ouderdom_norm: str
    maximale_ouderdom_voorbeeldnorm: bool
    #: true as long as any layer is a concept
    concept: bool
    #: the layers, the lowest (regional) first
    lagen: list[LaagInfo]
    #: report section titles by section (`voorwaarden`, `items`), from the checklist
    secties: dict[str, SectieInfo]

    def sectietitel(self, sectie: str, standaard: str) -> str:
        found = self.secties.get(sectie)
        if found is None:
            return standaard
        return f"{found.titel} ({found.bron})" if found.bron else found.titel


class Rapport(Result):
    """The audit of one wijk against one checklist on one date."""

    schema_versie: int = SCHEMA_VERSIE
    soort: Literal["audit"] = "audit"
    wijk: str
    kern: str
    gemeente: str
    cbs_buurtcode: str | None
    #: None: the wijk file does not give the number of inhabitants (yet)
    inwoners: GebruiktGegeven | None
    checklist: ChecklistInfo
    auditdatum: dt.date
    #: the conditions and items judged for this wijk (they make its score)
    voorwaarden: list[Resultaat]
    items: list[Resultaat]
    #: conditions and items judged once for the whole gemeente: the same in every wijk's
    #: report, and not part of its score
    gemeentebreed: list[Resultaat]
    samenvatting_voorwaarden: Telling
    samenvatting_items: Telling
    samenvatting_gemeentebreed: Telling
    voorbeelddata: bool
    verouderde_gegevens: bool
    #: how many of the results above rest (in part) on a voorbeeldnorm
    voorbeeldnormen: int
    #: Made from the example data shipped with wijkcheck: no data folder of the user's found.
    meegeleverde_gegevens: bool = False

    def verouderde_cijfers(
        self, gemeentebreed: Sequence[GebruiktGegeven] | None = None
    ) -> list[GebruiktGegeven]:
        """Every figure of the report older than the checklist allows, without repeats.
        `gemeentebreed`: those of its gemeente-wide results (`verouderd_in`), if known already:
        they are the same in every report of the gemeente, and an unmet gemeente-wide count
        names every candidate of the gemeente."""
        if gemeentebreed is None:
            gemeentebreed = verouderd_in(self.gemeentebreed)
        eigen = verouderd_in(self.voorwaarden + self.items, self._eigen())
        return _zonder_herhaling([*eigen, *gemeentebreed])

    def latere_cijfers(self) -> list[GebruiktGegeven]:
        """Figures dated after the audit date, without repeats."""
        alle = [*self._eigen(), *(g for r in self._alle() for g in r.alle_gegevens())]
        return _zonder_herhaling([g for g in alle if g.peildatum > self.auditdatum])

    def _alle(self) -> list[Resultaat]:
        return self.voorwaarden + self.items + self.gemeentebreed

    def _eigen(self) -> list[GebruiktGegeven]:
        """The wijk's own figures outside the results: its inhabitants, when recorded."""
        return [] if self.inwoners is None else [self.inwoners]

    @property
    def niet_voldaan(self) -> bool:
        alle = self.voorwaarden + self.items + self.gemeentebreed
        return any(r.uitkomst is Uitkomst.NIET_VOLDAAN for r in alle)
