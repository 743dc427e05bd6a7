"""Rule kind `per_inwoners`: capacity relative to inhabitants and demand."""

from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.models import (
    Getal,
    Id,
    Model,
    Norm,
)
from wijkcheck.core.names import getal
from wijkcheck.core.results import GebruiktGegeven, Uitkomst
from wijkcheck.core.rules.base import (
    Beoordeling,
    CatalogueRef,
    Catalogus,
    Context,
    Controles,
    Loc,
    RegelBasis,
)

V, N, ONB = Uitkomst.VOLDAAN, Uitkomst.NIET_VOLDAAN, Uitkomst.ONBEKEND


class Vraagindex(Model):
    """Scale the norm by the wijk's demand relative to the municipal reference value; the
    bounds are a norm of their own, so they state their basis too."""

    indicator: Id
    minimaal: Annotated[Getal, Field(gt=0)] = 0.5
    maximaal: Annotated[Getal, Field(gt=0)] = 2.0
    norm: Norm


class PerInwoners(RegelBasis):
    """Capaciteit naar inwoners en vraag: fte van `rollen` samen ≥ `minimaal_per_1000` per 1.000
    inwoners, vermenigvuldigd met de vraagindex.

    De vraagindex is het cijfer van de wijk voor `vraagindex.indicator` gedeeld door de
    referentiewaarde van de gemeente (`referentie:` in gemeente.yaml), begrensd tussen
    `vraagindex.minimaal` en `vraagindex.maximaal`. Ontbreekt een cijfer, dan rekent de regel met
    de hele bandbreedte: voldaan als het zelfs bij de hoogste index genoeg is, niet voldaan als
    het zelfs bij de laagste te weinig is, anders onbekend. Ontbreekt de fte van een rol, dan is
    de uitkomst onbekend tenzij de vastgelegde rollen al genoeg zijn.

    In de checklist:

        regel:
          type: per_inwoners
          rollen: [buurtondersteuner, sociaal-werker, jongerenwerker]
          minimaal_per_1000: 0.4
          vraagindex: {indicator: wmo-clienten, norm: {basis: voorbeeldnorm}}
          norm: {basis: voorbeeldnorm, toelichting: geen landelijke norm (Movisie 2023)}

    Voldaan bij 5.000 inwoners, index 1,0 en 2,5 fte (vereist 2,0); niet voldaan bij 1,0 fte.
    """

    type: Literal["per_inwoners"]
    naam: ClassVar[str] = "capaciteit per inwoners"
    rollen: Annotated[list[Id], Field(min_length=1)]
    minimaal_per_1000: Annotated[Getal, Field(gt=0)]
    vraagindex: Vraagindex | None = None
    norm: Norm

    def catalogue_refs(self) -> Iterator[CatalogueRef]:
        for i, r in enumerate(self.rollen):
            yield CatalogueRef(("rollen", i), "rol", r, "rollen", ids.ONBEKENDE_ROL)
        if self.vraagindex:
            yield CatalogueRef(
                ("vraagindex", "indicator"),
                "indicator",
                self.vraagindex.indicator,
                "indicatoren",
                ids.ONBEKENDE_INDICATOR,
            )

    def check_parameters(self, c: Controles, cat: Catalogus, loc: Loc) -> None:
        vi = self.vraagindex
        if vi is not None and vi.minimaal > vi.maximaal:
            c.add(
                (*loc, "vraagindex", "minimaal"),
                f"vraagindex 'minimaal' ({getal(vi.minimaal)}) is groter dan "
                f"'maximaal' ({getal(vi.maximaal)})",
                ids.TEGENSTRIJDIGE_GRENZEN,
            )

    def divides_by_inhabitants(self) -> bool:
        return True

    def referenties(self) -> tuple[str, ...]:
        return (self.vraagindex.indicator,) if self.vraagindex is not None else ()

    def in_words(self, cat: Catalogus | None, diepte: int = 0) -> list[str]:
        regels = super().in_words(cat, diepte)
        if self.vraagindex is not None:
            regels.append(f"{'  ' * (diepte + 1)}grenzen van de vraagindex: {self.vraagindex.norm}")
        return regels

    def normen(self) -> tuple[Norm, ...]:
        return (self.norm,) + ((self.vraagindex.norm,) if self.vraagindex else ())

    def omschrijving(self, ctx: Catalogus | None = None) -> str:
        index = " × vraagindex" if self.vraagindex else ""
        return f"≥ {getal(self.minimaal_per_1000)} fte per 1.000 inwoners{index}"

    def evaluate(self, ctx: Context, pad: str) -> Beoordeling:
        wijk = ctx.eigen_wijk
        if wijk.inwoners is None:  # the requirement grows with them: nothing can be said
            return Beoordeling(
                ONB,
                "aantal inwoners niet vastgelegd",
                self.omschrijving(ctx),
                "het wijkbestand noemt geen inwoners",
                [],
                normen=self.normen(),
            )
        inwoners = wijk.inwoners.waarde
        gegevens = [ctx.gegeven("inwoners", getal(inwoners), wijk.inwoners)]
        if inwoners <= 0:  # a norm per inhabitant says nothing of a wijk without any
            return Beoordeling(
                ONB,
                "0 inwoners",
                self.omschrijving(ctx),
                "een norm per 1.000 inwoners zegt niets over een wijk zonder inwoners",
                gegevens,
                normen=self.normen(),
            )
        fte = 0.0
        ontbrekend = []
        for rol in self.rollen:
            cijfer = wijk.capaciteit.get(rol)
            naam = ctx.rollen[rol].naam if rol in ctx.rollen else rol
            if cijfer is None:
                ontbrekend.append(naam)
                continue
            fte += cijfer.waarde
            gegevens.append(ctx.gegeven(f"fte {naam}", getal(cijfer.waarde), cijfer))
        basis = self.minimaal_per_1000 * inwoners / 1000
        laag, hoog, index_tekst, notes = self._index(ctx, gegevens)
        nodig_laag, nodig_hoog = basis * laag, basis * hoog
        if laag == hoog:
            vereist = f"≥ {getal(nodig_laag)} fte ({getal(self.minimaal_per_1000)} per 1.000"
            vereist += f" × {getal(inwoners)} inwoners{index_tekst})"
        else:
            vereist = f"≥ {getal(nodig_laag)} à {getal(nodig_hoog)} fte (vraagindex onbekend)"
        if ontbrekend:
            notes.append("fte ontbreekt voor " + ", ".join(ontbrekend))
        gemeten = f"{getal(fte)} fte" if len(ontbrekend) < len(self.rollen) else "geen fte"
        if fte >= nodig_hoog:
            uitkomst = V
        elif not ontbrekend and fte < nodig_laag:
            uitkomst = N
        else:
            uitkomst = ONB
        return Beoordeling(
            uitkomst,
            gemeten,
            vereist,
            "; ".join(notes),
            gegevens,
            normen=self.normen(),
            # a sum of fte: 0.1 + 0.2 must not reach a spreadsheet as 0.30000000000000004
            gemeten_getal=round(fte, 6) if len(ontbrekend) < len(self.rollen) else None,
        )

    def _index(
        self, ctx: Context, gegevens: list[GebruiktGegeven]
    ) -> tuple[float, float, str, list[str]]:
        vi = self.vraagindex
        if vi is None:
            return 1.0, 1.0, "", []
        naam = ctx.indicatornaam(vi.indicator)
        eigen = ctx.indicator(vi.indicator)
        ref = ctx.gemeente.referentie.get(vi.indicator)
        if eigen is not None:
            gegevens.append(ctx.gegeven(naam, getal(eigen.waarde), eigen))
        if ref is not None:
            gegevens.append(ctx.gegeven(f"{naam} (gemeente)", getal(ref.waarde), ref))
        if eigen is None or ref is None or ref.waarde <= 0:
            wat = "cijfer van de wijk" if eigen is None else "referentiewaarde van de gemeente"
            return vi.minimaal, vi.maximaal, "", [f"vraagindex onbekend: {wat} ontbreekt"]
        ruw = eigen.waarde / ref.waarde
        index = min(max(ruw, vi.minimaal), vi.maximaal)
        note = f"vraagindex {getal(index)} ({naam} {getal(eigen.waarde)} t.o.v. "
        note += f"gemeente {getal(ref.waarde)}"
        note += ", begrensd)" if index != ruw else ")"
        return index, index, f" × vraagindex {getal(index)}", [note]
