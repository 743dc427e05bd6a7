"""The checklist: catalogue of soorten, indicators and roles, the conditions and the items.

Policy comes in layers: a checklist file (`ChecklistBestand`) may `extends:` another and add,
replace or remove conditions and items, or override thresholds; `wijkcheck.sources.layers`
merges the layers into one `Checklist`, the only shape the engine sees.
"""

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, PositiveInt, StrictBool, model_validator

from wijkcheck.core.models import (
    Beleidsbron,
    Getal,
    Id,
    Indicator,
    Model,
    Norm,
    Rol,
    Soort,
    Tekst,
    leeg,
    vereist,
)
from wijkcheck.core.names import datum
from wijkcheck.core.results import ChecklistInfo, LaagInfo, SectieInfo
from wijkcheck.core.rules import Regel


class Onderwerp(Model):
    """A condition (voorwaarde) or a checklist item: a titled rule with its policy source."""

    titel: Tekst
    omschrijving: str | None = None
    beleidsbron: Beleidsbron
    regel: Regel


class Niveau(StrEnum):
    """Whose policy a checklist layer is."""

    REGIONAAL = "regionaal"
    GEMEENTELIJK = "gemeentelijk"


class Status(Model):
    """`{status: concept}`, or `{status: vastgesteld, door: ..., datum: ..., besluit: ...}`."""

    status: Literal["concept", "vastgesteld"]
    toelichting: str | None = None
    door: Tekst | None = None
    datum: dt.date | None = None
    besluit: Tekst | None = None

    @model_validator(mode="after")
    def _vastgesteld_door_wie(self) -> "Status":
        if self.status == "vastgesteld":
            vereist(self, ("door", "datum", "besluit"), "een vastgestelde checklist noemt ook {}")
        return self

    @property
    def concept(self) -> bool:
        return self.status == "concept"


class Sectie(Model):
    """The title of a report section (the conditions, the items) and what it rests on."""

    titel: Tekst
    bron: Tekst | None = None


class Ouderdom(Model):
    """How old a figure may be before reports mark it as outdated, and on what basis."""

    maanden: PositiveInt
    norm: Norm


class Delen(Model):
    """The parts of a checklist that layers add to and replace: the catalogue (functies,
    soorten, indicatoren, rollen) and the conditions and items."""

    functies: dict[Id, Tekst] = leeg(dict)
    soorten: dict[Id, Soort] = leeg(dict)
    indicatoren: dict[Id, Indicator] = leeg(dict)
    rollen: dict[Id, Rol] = leeg(dict)
    voorwaarden: dict[Id, Onderwerp] = leeg(dict)
    items: dict[Id, Onderwerp] = leeg(dict)


class Vervang(Delen):
    """Entries of the checklists below that this layer replaces (each must exist there)."""


class Verwijder(Model):
    """Conditions and items of the checklists below that this layer leaves out."""

    voorwaarden: list[Id] = leeg(list)
    items: list[Id] = leeg(list)


class VraagindexWijziging(Model):
    minimaal: Annotated[Getal, Field(gt=0)] | None = None
    maximaal: Annotated[Getal, Field(gt=0)] | None = None
    norm: Norm


class NormWijziging(Model):
    """New threshold(s) for one rule of a checklist below, with the basis of the new values."""

    minimaal: Getal | None = None
    maximaal: Getal | None = None
    minimaal_per_1000: Annotated[Getal, Field(gt=0)] | None = None
    vraagindex: VraagindexWijziging | None = None
    norm: Norm | None = None


#: The parts of a checklist that layers add to, replace and (conditions, items) remove.
DELEN = tuple(Delen.model_fields)


class ChecklistBestand(Delen):
    """One checklist file as written: a layer, standing alone or on the one it `extends`."""

    id: Id
    naam: Tekst
    versie: Tekst
    uitgever: Tekst
    omschrijving: str | None = None
    niveau: Niveau
    status: Status
    extends: Tekst | None = None
    #: a theme (`thema: true`) judges only its own conditions and items, with the catalogue of
    #: the checklist the gemeente uses (it has no `extends` of its own: `sources.layers`)
    thema: StrictBool = False
    secties: dict[Literal["voorwaarden", "items"], Sectie] = leeg(dict)
    maximale_ouderdom: Ouderdom | None = None
    vervang: Vervang | None = None
    verwijder: Verwijder | None = None
    #: result id (`huisarts`, or `huisarts.2` for its second part) → new threshold
    normen: dict[Tekst, NormWijziging] = leeg(dict)


class ChecklistLaag(Model):
    """What a report says of one layer: name, version, level, status."""

    id: str
    naam: str
    versie: str
    uitgever: str
    niveau: Niveau
    status: Status
    #: under a theme, this layer gives only its catalogue: its conditions and items are not judged
    catalogus: bool = False


class Checklist(Model):
    """A checklist with all its layers merged (`wijkcheck.sources.layers.stapel`)."""

    id: Id
    naam: Tekst
    versie: Tekst
    uitgever: Tekst
    omschrijving: str | None = None
    #: the layers, the lowest (regional) first and this checklist itself last
    lagen: list[ChecklistLaag]
    secties: dict[str, Sectie] = leeg(dict)
    maximale_ouderdom: Ouderdom
    functies: dict[Id, Tekst] = leeg(dict)
    soorten: dict[Id, Soort]
    indicatoren: dict[Id, Indicator] = leeg(dict)
    rollen: dict[Id, Rol] = leeg(dict)
    voorwaarden: dict[Id, Onderwerp] = leeg(dict)
    items: dict[Id, Onderwerp] = leeg(dict)
    #: result id → (layer id, level) of the layer that wrote it or last changed its norm
    herkomst: dict[str, tuple[str, str]] = leeg(dict)
    #: for a theme: the conditions and items of the checklists below (id → title), which it does
    #: not judge; judgements and practices in the data may still name them
    niet_getoetst: dict[Literal["voorwaarden", "items"], dict[Id, str]] = leeg(dict)

    @property
    def maximale_ouderdom_maanden(self) -> int:
        return self.maximale_ouderdom.maanden

    @property
    def concept(self) -> bool:
        return any(laag.status.concept for laag in self.lagen)

    @property
    def thema(self) -> bool:
        return any(laag.catalogus for laag in self.lagen)

    def onderwerpen(self) -> dict[str, Onderwerp]:
        return {**self.voorwaarden, **self.items}

    def bekende_voorwaarden(self) -> dict[str, str]:
        """The conditions a wijk file may name (id → title): judged here, or below a theme."""
        eigen = {id: o.titel for id, o in self.voorwaarden.items()}
        return eigen | self.niet_getoetst.get("voorwaarden", {})

    def bekende_onderwerpen(self) -> dict[str, str]:
        """The conditions and items a wijk file may name (`oordelen`), id → title."""
        eigen = {id: o.titel for id, o in self.onderwerpen().items()}
        return eigen | {i: titel for d in self.niet_getoetst.values() for i, titel in d.items()}

    def info(self) -> ChecklistInfo:
        """The checklist as a report names it."""
        ouderdom = self.maximale_ouderdom
        return ChecklistInfo(
            id=self.id,
            naam=self.naam,
            versie=self.versie,
            maximale_ouderdom_maanden=ouderdom.maanden,
            maximale_ouderdom_norm=str(ouderdom.norm),
            maximale_ouderdom_voorbeeldnorm=ouderdom.norm.voorbeeldnorm,
            concept=self.concept,
            lagen=[_laag(laag) for laag in self.lagen],
            secties={
                naam: SectieInfo(titel=s.titel, bron=s.bron or "")
                for naam, s in self.secties.items()
            },
        )


def _laag(laag: ChecklistLaag) -> LaagInfo:
    st = laag.status
    if st.status == "vastgesteld":
        toelichting = f"vastgesteld door {st.door} op {datum(st.datum)}, {st.besluit}"  # type: ignore[arg-type]
    else:
        toelichting = st.toelichting or ""
    return LaagInfo(
        id=laag.id,
        naam=laag.naam,
        versie=laag.versie,
        uitgever=laag.uitgever,
        niveau=laag.niveau.value,
        status=st.status,
        toelichting=toelichting,
        catalogus=laag.catalogus,
    )
