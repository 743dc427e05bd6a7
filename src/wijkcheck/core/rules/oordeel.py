"""Rule kind `oordeel`: a recorded, motivated judgement."""

from collections.abc import Iterator
from typing import ClassVar, Literal

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.models import Id, is_voorbeeld
from wijkcheck.core.names import datum
from wijkcheck.core.results import GebruiktGegeven, Uitkomst
from wijkcheck.core.rules.base import Beoordeling, CatalogueRef, Catalogus, Context, RegelBasis

V, N, ONB = Uitkomst.VOLDAAN, Uitkomst.NIET_VOLDAAN, Uitkomst.ONBEKEND


class OordeelRegel(RegelBasis):
    """Vastgelegd oordeel: de uitkomst is het oordeel in `oordelen:` van de wijk over
    `onderwerp` (standaard: de voorwaarde of het item waar de regel bij hoort), met motivering,
    auteur en datum. Onbekend als er geen oordeel is vastgelegd.

    In de checklist: (bij de voorwaarde sociale-cohesie-en-inclusie)

        regel: {type: oordeel}

    Voldaan voor een wijk met dit oordeel:

        oordelen:
          sociale-cohesie-en-inclusie:
            oordeel: voldaan
            motivering: bewoners organiseren zelf activiteiten; geen signalen van uitsluiting
            auteur: beleidsmedewerker sociaal domein (voorbeeld)
            bron: voorbeeld
            datum: 2025-03-01
    """

    type: Literal["oordeel"]
    naam: ClassVar[str] = "oordeel"
    onderwerp: Id | None = None

    def catalogue_refs(self) -> Iterator[CatalogueRef]:
        if self.onderwerp:
            yield CatalogueRef(
                ("onderwerp",),
                "voorwaarde of item",
                self.onderwerp,
                "onderwerpen",
                ids.ONBEKEND_ONDERWERP,
            )

    def omschrijving(self, ctx: Catalogus | None = None) -> str:
        wat = self.onderwerp or "dit onderwerp"
        return f"oordeel 'voldaan' over {wat}"

    def evaluate(self, ctx: Context, pad: str) -> Beoordeling:
        # by default the condition or item this rule belongs to: the first part of its path
        onderwerp = self.onderwerp or pad.split(".", 1)[0]
        oordeel = ctx.eigen_wijk.oordelen.get(onderwerp)
        vereist = "oordeel 'voldaan'"
        if oordeel is None:
            return Beoordeling(
                ONB,
                "geen oordeel",
                vereist,
                f"geen oordeel vastgelegd (in het wijkbestand onder oordelen: {onderwerp})",
            )
        gegeven = GebruiktGegeven(
            wat=f"oordeel {onderwerp}",
            waarde=oordeel.oordeel,
            # who judged, then on what: "; " and " — " below, because an author's name may
            # carry parentheses of its own ("voorbeeld (beleidsmedewerker sociaal domein)")
            bron=oordeel.auteur + (f"; {oordeel.bron}" if oordeel.bron else ""),
            peildatum=oordeel.datum,
            verouderd=ctx.verouderd(oordeel.datum),
            voorbeeld=oordeel.bron is not None and is_voorbeeld(oordeel.bron),
        )
        uitkomst = V if oordeel.oordeel == "voldaan" else N
        toelichting = f"{oordeel.motivering} — {oordeel.auteur}, {datum(oordeel.datum)}"
        return Beoordeling(uitkomst, f"oordeel: {oordeel.oordeel}", vereist, toelichting, [gegeven])
