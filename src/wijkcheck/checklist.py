"""The checklist: catalogue of soorten, indicators and roles, the conditions and the items."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from wijkcheck.models import Beleidsbron, Id, Indicator, Model, Rol, Soort, Tekst, leeg
from wijkcheck.rules import Regel


class Onderwerp(Model):
    """A condition (voorwaarde) or a checklist item: a titled rule with its policy source."""

    titel: Tekst
    omschrijving: str | None = None
    beleidsbron: Beleidsbron
    regel: Regel


class Checklist(Model):
    id: Id
    naam: Tekst
    versie: Tekst
    uitgever: Tekst
    omschrijving: str | None = None
    maximale_ouderdom_maanden: Annotated[int, Field(gt=0)]
    functies: dict[Id, Tekst] = leeg(dict)
    soorten: dict[Id, Soort]
    indicatoren: dict[Id, Indicator] = leeg(dict)
    rollen: dict[Id, Rol] = leeg(dict)
    voorwaarden: dict[Id, Onderwerp]
    items: dict[Id, Onderwerp] = leeg(dict)

    def onderwerpen(self) -> dict[str, Onderwerp]:
        return {**self.voorwaarden, **self.items}
