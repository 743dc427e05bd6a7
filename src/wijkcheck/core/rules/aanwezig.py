"""Rule kind `aanwezig`: facilities present."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import PositiveInt, StrictBool, model_validator

from wijkcheck.core.models import (
    Bereik,
    Id,
    Voorziening,
    leeg,
)
from wijkcheck.core.names import sleutel
from wijkcheck.core.results import GebruiktGegeven, Uitkomst
from wijkcheck.core.rules.base import (
    Beoordeling,
    Catalogus,
    Context,
    Plekken,
    RegelBasis,
    Telbron,
    Verwijzing,
)

V, N, ONB = Uitkomst.VOLDAAN, Uitkomst.NIET_VOLDAAN, Uitkomst.ONBEKEND


_BEREIK_TEKST = {
    Bereik.WIJK: "in de wijk",
    Bereik.KERN: "in de kern",
    Bereik.GEMEENTE: "in de gemeente",
}


class Aanwezig(RegelBasis):
    """Voorziening aanwezig: minstens `minimaal` voorzieningen van een soort of met een functie.

    Parameters: `soorten` (lijst van soorten uit de catalogus) óf `functie` (bijv. ontmoeten),
    `minimaal` (standaard 1), `toegankelijk` (true: alleen toegankelijke voorzieningen tellen),
    `bereik`: `wijk` (in de wijk zelf), `kern` (ook elders in de kern) of `gemeente` (ergens in
    de gemeente; één keer per gemeente beoordeeld). Bij elk bereik telt ook een voorziening van
    elders die de wijk met `bedient:` bedient.
    Onbekend als er te weinig zijn maar de wijk geen voorzieningen heeft vastgelegd, of als de
    toegankelijkheid van de gevonden voorzieningen niet is vastgelegd.

    In de checklist:

        regel: {type: aanwezig, functie: ontmoeten, bereik: wijk}

    Voldaan voor een wijk met een buurthuis (een soort met de functie ontmoeten):

        voorzieningen:
          - naam: Buurthuis De Schakel
            soort: buurthuis
            bron: heusden.nl
            peildatum: 2025-01-01

    Niet voldaan voor een wijk met `voorzieningen: []`.
    """

    type: Literal["aanwezig"]
    naam: ClassVar[str] = "voorziening aanwezig"
    soorten: list[Id] = leeg(list)
    functie: Id | None = None
    minimaal: PositiveInt = 1
    toegankelijk: StrictBool = False
    bereik: Bereik = Bereik.WIJK

    def verwijzingen(self) -> Iterator[Verwijzing]:
        for i, s in enumerate(self.soorten):
            yield Verwijzing(("soorten", i), "soort", s, "soorten", "onbekende-soort")
        if self.functie:
            yield Verwijzing(("functie",), "functie", self.functie, "functies", "onbekende-functie")

    @model_validator(mode="after")
    def _een_van_soorten_of_functie(self) -> Aanwezig:
        if bool(self.soorten) == bool(self.functie):
            raise ValueError("geef óf 'soorten' óf 'functie' op, niet beide en niet geen van twee")
        return self

    def wat(self, ctx: Catalogus | None) -> str:
        if self.functie:
            return f"voorziening met functie '{self.functie}'"
        namen = [ctx.soorten[s].naam if ctx and s in ctx.soorten else s for s in self.soorten]
        return " of ".join(namen)

    def kort(self, ctx: Catalogus | None = None) -> str:
        wat = self.wat(ctx)
        return f"{wat[:1].upper()}{wat[1:]} {_BEREIK_TEKST[self.bereik]}"

    def omschrijving(self, ctx: Catalogus | None = None) -> str:
        toeg = "toegankelijke " if self.toegankelijk else ""
        return f"≥ {self.minimaal} {toeg}{self.wat(ctx)} {_BEREIK_TEKST[self.bereik]}"

    def gemeentebreed(self) -> bool:
        return self.bereik is Bereik.GEMEENTE

    def _telbronnen(self, ctx: Context) -> list[Telbron]:
        plekken = ctx.plekken or Plekken(ctx.gemeente, ctx.wijken, ctx.soorten)
        if ctx.wijk is None or self.bereik is Bereik.GEMEENTE:
            return plekken.telbronnen(None)
        if self.bereik is Bereik.KERN:
            return plekken.telbronnen(sleutel(ctx.wijk.kern))
        if "voorzieningen" not in ctx.wijk.model_fields_set:
            return []
        return [Telbron.van(ctx.wijk.inventarisatie, ctx.wijk.peildatum)]

    def _telling(self, b: Telbron, gevonden: int, ctx: Context) -> GebruiktGegeven:
        peildatum = b.peildatum or ctx.datum  # no date known: the audit date, as an estimate
        wat = self.wat(ctx)
        return GebruiktGegeven(
            wat="inventarisatie van de voorzieningen",
            waarde=f"geen {wat} gevonden" if not gevonden else f"{gevonden} {wat} gevonden",
            bron=b.bron,
            peildatum=peildatum,
            verouderd=ctx.verouderd(peildatum),
            voorbeeld=b.voorbeeld,
            geschat=b.geschat or b.peildatum is None,
        )

    def past(self, v: Voorziening, ctx: Context) -> bool:
        if self.soorten:
            return v.soort in self.soorten
        soort = ctx.soorten.get(v.soort)
        return self.functie in v.functies or (soort is not None and self.functie in soort.functies)

    def _beslissend(
        self,
        zeker: list[tuple[Voorziening, str]],
        passend: list[tuple[Voorziening, str]],
        ctx: Context,
    ) -> list[tuple[Voorziening, str]]:
        """The facilities the outcome rests on: when met, the nearest `minimaal`, fresh figures
        before outdated ones at the same distance; otherwise every candidate (each of them is
        part of why it is not met). `zeker` comes nearest first (`Context.bereikbaar`)."""
        if len(zeker) < self.minimaal:
            return passend
        gekozen: list[tuple[Voorziening, str]] = []
        i = 0
        while len(gekozen) < self.minimaal:  # one distance at a time; usually only the first
            nabijheid = _nabijheid(zeker[i][1])
            j = i + 1
            while j < len(zeker) and _nabijheid(zeker[j][1]) == nabijheid:
                j += 1
            groep = sorted(zeker[i:j], key=lambda p: ctx.verouderd(p[0].peildatum))
            gekozen += groep[: self.minimaal - len(gekozen)]
            i = j
        return gekozen

    def evalueer(self, ctx: Context, pad: str) -> Beoordeling:
        passend, compleet = ctx.bereikbaar(self.bereik, self)
        zeker = [(v, w) for v, w in passend if v.toegankelijk or not self.toegankelijk]
        misschien = [(v, w) for v, w in passend if self.toegankelijk and v.toegankelijk is None]
        gegevens = [
            GebruiktGegeven(
                wat=f"{ctx.soorten[v.soort].naam if v.soort in ctx.soorten else v.soort}",
                waarde=f"{v.naam}, {waar}" + _toegankelijkheid(v),
                bron=v.bron,
                peildatum=v.peildatum,
                verouderd=ctx.verouderd(v.peildatum),
                voorbeeld=v.voorbeeld,
                geschat=v.geschat,
            )
            for v, waar in self._beslissend(zeker, passend, ctx)
        ]
        # every name: a report that counts four facilities names all four (issue 10), each
        # with where it is when that is not the wijk itself
        namen = [_label(v, waar) for v, waar in zeker]
        gemeten = f"{len(zeker)}" + (f" ({', '.join(namen)})" if zeker else " (geen gevonden)")
        toelichting = ""
        if len(zeker) >= self.minimaal:
            uitkomst = V
        elif len(zeker) + len(misschien) >= self.minimaal:
            uitkomst = ONB
            toelichting = f"toegankelijkheid van {len(misschien)} voorziening(en) niet vastgelegd"
        elif not compleet:
            uitkomst = ONB
            toelichting = "voorzieningen niet (volledig) vastgelegd voor dit bereik"
        else:
            uitkomst = N
            if misschien or len(passend) > len(zeker):
                toelichting = "gevonden voorzieningen zijn niet (aantoonbaar) toegankelijk"
        if uitkomst is not V:  # too few found: the inventories searched are the source
            gegevens += [self._telling(b, len(zeker), ctx) for b in self._telbronnen(ctx)]
        return Beoordeling(
            uitkomst,
            gemeten,
            self.omschrijving(ctx),
            toelichting,
            gegevens,
            gemeten_getal=len(zeker),
            voorzieningen=namen,
        )


def _label(v: Voorziening, waar: str) -> str:
    """A facility's name with where it is (`Bibliotheek Vlijmen (Vijfhoeven)`, `via Supermarkt
    Oudheusden (Oudheusden)`); just the name in the wijk itself."""
    if waar in ("in de wijk", "gemeentebreed"):
        return v.naam
    if waar.startswith("via "):
        return f"via {v.naam} ({waar[4:]})"
    for begin in ("in de kern (", "in de gemeente ("):
        if waar.startswith(begin):
            return f"{v.naam} ({waar[len(begin) : -1]})"
    if waar.startswith("in "):
        return f"{v.naam} ({waar[3:]})"
    if waar.startswith("kern "):
        return f"{v.naam} ({waar})"
    return v.naam


def _nabijheid(waar: str) -> int:
    return (
        0 if waar == "in de wijk" else 2 if waar.startswith(("in de gemeente", "gemeente")) else 1
    )


def _toegankelijkheid(v: Voorziening) -> str:
    if v.toegankelijk is None:
        return ""
    return ", toegankelijk" if v.toegankelijk else ", niet toegankelijk"
