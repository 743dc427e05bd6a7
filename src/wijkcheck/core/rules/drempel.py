"""Rule kind `drempel`: an indicator within a threshold."""

from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import model_validator

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.models import (
    Getal,
    Id,
    Norm,
    Richting,
    bereik_tekst,
    grenzen,
)
from wijkcheck.core.names import getal
from wijkcheck.core.results import Uitkomst
from wijkcheck.core.rules.base import (
    Beoordeling,
    CatalogueRef,
    Catalogus,
    Context,
    Controles,
    Loc,
    RegelBasis,
    eenheid,
    indicatornaam,
)

V, N, ONB = Uitkomst.VOLDAAN, Uitkomst.NIET_VOLDAAN, Uitkomst.ONBEKEND


class Drempel(RegelBasis):
    """Indicator binnen een grens: de waarde van `indicator` is ≥ `minimaal` en/of ≤ `maximaal`.

    `norm` zegt waar de grens op rust: een gepubliceerde referentie (`basis: referentie` met
    `bron`, `jaar` en `wat`), een besluit (`basis: besluit` met `door`, `datum` en `besluit`) of
    `basis: voorbeeldnorm`: een plaatshouder die niemand heeft vastgesteld.
    Onbekend als de wijk geen cijfer voor de indicator heeft.

    In de checklist:

        regel:
          type: drempel
          indicator: eenzaamheid
          maximaal: 48.6
          norm:
            basis: referentie
            bron: RIVM / GGD Gezondheidsmonitor
            jaar: 2022
            wat: landelijk aandeel volwassenen dat zich eenzaam voelt

    Voldaan voor deze wijk, niet voldaan bij een waarde van 52:

        indicatoren:
          eenzaamheid: {waarde: 41, bron: GGD, peildatum: 2024-09-01}
    """

    type: Literal["drempel"]
    naam: ClassVar[str] = "drempelwaarde"
    indicator: Id
    minimaal: Getal | None = None
    maximaal: Getal | None = None
    norm: Norm

    def catalogue_refs(self) -> Iterator[CatalogueRef]:
        yield CatalogueRef(
            ("indicator",), "indicator", self.indicator, "indicatoren", ids.ONBEKENDE_INDICATOR
        )

    def check_parameters(self, c: Controles, cat: Catalogus, loc: Loc) -> None:
        ind = cat.indicatoren.get(self.indicator)
        for veld in ("minimaal", "maximaal"):
            grens = getattr(self, veld)
            if grens is None or not c.eindig((*loc, veld), grens):
                continue
            if ind is None:
                continue  # unknown indicator: integrity reports it
            laag, hoog = grenzen(ind)
            if (laag is not None and grens < laag) or (hoog is not None and grens > hoog):
                c.add(
                    (*loc, veld),
                    f"drempel {getal(grens)} ligt buiten het bereik van '{ind.naam}' "
                    f"({bereik_tekst(laag, hoog, ind.eenheid)}); de regel is altijd of nooit "
                    "voldaan",
                    ids.DREMPEL_BUITEN_BEREIK,
                )
        if (self.minimaal is None) == (self.maximaal is None) or ind is None:
            return
        if self.minimaal is not None and ind.richting is Richting.LAGER_IS_BETER:
            c.add(
                (*loc, "minimaal"),
                f"'minimaal' bij '{ind.naam}', waar lager beter is; bedoelde u 'maximaal'?",
                ids.DREMPEL_RICHTING,
                key=True,
            )
        elif self.maximaal is not None and ind.richting is Richting.HOGER_IS_BETER:
            c.add(
                (*loc, "maximaal"),
                f"'maximaal' bij '{ind.naam}', waar hoger beter is; bedoelde u 'minimaal'?",
                ids.DREMPEL_RICHTING,
                key=True,
            )

    @model_validator(mode="after")
    def _grens(self) -> "Drempel":
        if self.minimaal is None and self.maximaal is None:
            raise ValueError("geef 'minimaal' en/of 'maximaal' op")
        if (
            self.minimaal is not None
            and self.maximaal is not None
            and self.minimaal > self.maximaal
        ):
            raise ValueError("'minimaal' is groter dan 'maximaal'")
        return self

    def kort(self, ctx: Catalogus | None = None) -> str:
        return indicatornaam(ctx, self.indicator) if ctx else self.indicator

    def normen(self) -> tuple[Norm, ...]:
        return (self.norm,)

    def omschrijving(self, ctx: Catalogus | None = None) -> str:
        naam = indicatornaam(ctx, self.indicator) if ctx else self.indicator
        return f"{naam} {self.grens(ctx)}"

    def grens(self, ctx: Catalogus | None = None) -> str:
        unit = f" {eenheid(ctx, self.indicator)}" if ctx else ""
        delen = []
        if self.minimaal is not None:
            delen.append(f"≥ {getal(self.minimaal)}{unit}")
        if self.maximaal is not None:
            delen.append(f"≤ {getal(self.maximaal)}{unit}")
        return " en ".join(delen)

    def evaluate(self, ctx: Context, pad: str) -> Beoordeling:
        cijfer = ctx.indicator(self.indicator)
        vereist = self.grens(ctx)
        if cijfer is None:
            return Beoordeling(
                ONB, "geen cijfer", vereist, "cijfer ontbreekt", normen=self.normen()
            )
        w = cijfer.waarde
        goed = (self.minimaal is None or w >= self.minimaal) and (
            self.maximaal is None or w <= self.maximaal
        )
        gemeten = f"{getal(w)} {ctx.eenheid(self.indicator)}".strip()
        gegeven = ctx.gegeven(ctx.indicatornaam(self.indicator), gemeten, cijfer)
        return Beoordeling(
            V if goed else N, gemeten, vereist, "", [gegeven], normen=self.normen(), gemeten_getal=w
        )
