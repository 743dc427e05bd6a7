"""The data a policy officer keeps in YAML: municipality, wijk, figures, facilities, judgements.

Field names are the Dutch words users type in their files. Unknown keys are errors: a typo must
never silently drop data.
"""

import datetime as dt
import math
import re
from collections.abc import Sequence
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from wijkcheck.core.names import datum

Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
#: The longest name of a wijk, kern, gemeente or facility: a name is shown in every table and
#: picture, and a name of thousands of characters would make those unbounded.
MAX_NAAM = 120
#: The most facilities one wijk or gemeente file may list (real files list a few dozen).
MAX_VOORZIENINGEN = 2_000
#: The most good practices one wijk file may record (every one is shown in every report).
MAX_WAT_WERKT = 200
#: The most exceptions one wijk or gemeente file may record (each is shown in every report).
MAX_UITZONDERINGEN = 200
Naam = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAAM)]
#: The one definition of a figure: a real, finite number as YAML writes it. Not true/false, not
#: a quoted "4200", not .nan, .inf or a number too large for a float; -0.0 is 0.
Getal = Annotated[float, Strict(), Field(allow_inf_nan=False), AfterValidator(lambda w: w + 0.0)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]

#: `bron` value (prefix) that marks a figure as invented example data.
VOORBEELD = "voorbeeld"


def leeg(soort: type[list] | type[dict]) -> Any:
    """An empty list or dict as a field's default, made fresh for each object. pydantic
    deep-copies a default of `[]` or `{}` on every validation (about 1 µs each; dozens per wijk
    in loading and auditing); the JSON Schema still shows the empty default."""
    # A Python function, not the type itself: pydantic asks every default factory for its
    # signature, and for a built-in such as `list` Python parses it from its text signature
    # with the tokenizer (~5 ms of every command, for our ~60 of these fields).
    return Field(
        default_factory=_lege_lijst if soort is list else _leeg_dict,
        json_schema_extra={"default": soort()},
    )


def _lege_lijst() -> list[Any]:
    return []


def _leeg_dict() -> dict[Any, Any]:
    return {}


class Model(BaseModel):
    # defer_build: a validator is built on first use, so commands pay only for the models
    # they validate, and nested models are not built twice (once alone, once inside a parent).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Laag(StrEnum):
    """The three layers of the sociale basis (source 003 of docs/bronnen.md)."""

    PERSOONLIJK = "persoonlijk"
    GEMEENSCHAPPELIJK = "gemeenschappelijk"
    INSTITUTIONEEL = "institutioneel"


class Bereik(StrEnum):
    """Where a facility must be to count for a wijk."""

    WIJK = "wijk"
    KERN = "kern"
    GEMEENTE = "gemeente"


class Cijfer(Model):
    """A figure with its source and date: `{waarde: 5445, bron: CBS, peildatum: 2025-01-01}`."""

    waarde: Getal
    bron: Tekst
    peildatum: dt.date
    #: true when the peildatum is an estimate (the source gives no date, or only a year)
    geschat: StrictBool = False
    toelichting: str | None = None

    @property
    def voorbeeld(self) -> bool:
        return is_voorbeeld(self.bron)


class Inventarisatie(Model):
    """Who listed a wijk's (or gemeente's) facilities, and when: the source of every "none
    found". `{bron: "rondgang wijkteam", peildatum: 2025-03-01}`."""

    bron: Tekst
    peildatum: dt.date
    geschat: StrictBool = False
    toelichting: str | None = None

    @property
    def voorbeeld(self) -> bool:
        return is_voorbeeld(self.bron)


@lru_cache(maxsize=4096)  # every figure asks; a data set has few distinct sources
def is_voorbeeld(bron: str) -> bool:
    return bron.strip().casefold().startswith(VOORBEELD)


#: The error type of a count with decimals; the loader words it (with the thousands-dot hint).
GEEN_GEHEEL_GETAL = "geen_geheel_getal"
# Units of capacity that are not counts; any other unit (places, visitors, beds) counts.
_GEEN_AANTAL = re.compile(r"fte|uur|%|km|per", re.IGNORECASE)


def telt(eenheid: str) -> bool:
    """Whether a capacity in `eenheid` is a count (`plaatsen`), not a measure (`fte`, `uur`)."""
    return not _GEEN_AANTAL.search(eenheid)


def _geheel(waarde: float, wat: str | None = None) -> float:
    """A count is a whole number. `.nan` and `.inf` pass: plausibility names those."""
    if math.isfinite(waarde) and not waarde.is_integer():
        ctx = {"veld": "waarde"} | ({"wat": wat} if wat else {})
        raise PydanticCustomError(GEEN_GEHEEL_GETAL, "een aantal is een geheel getal", ctx)
    return waarde


class Aantal(Cijfer):
    """A figure that counts (inhabitants): a whole number, `{waarde: 5445, …}`."""

    @field_validator("waarde")
    @classmethod
    def _aantal(cls, waarde: float) -> float:
        return _geheel(waarde)


class Capaciteit(Model):
    """Capacity of a facility; in a unit that counts (`plaatsen`) a whole number."""

    waarde: Annotated[Getal, Field(ge=0)]
    eenheid: Tekst

    @model_validator(mode="after")
    def _aantal(self) -> "Capaciteit":
        if telt(self.eenheid):
            _geheel(self.waarde, f"capaciteit ({self.eenheid})")
        return self


class Voorziening(Model):
    """A facility. Its layer follows from its `soort` in the checklist's catalogue."""

    naam: Naam
    soort: Id
    toegankelijk: StrictBool | None = None
    functies: list[Id] = leeg(list)
    capaciteit: Capaciteit | None = None
    bedient: list[Naam] = leeg(list)
    kern: Naam | None = None
    adres: str | None = None
    bron: Tekst
    peildatum: dt.date
    geschat: StrictBool = False
    opmerking: str | None = None

    @property
    def voorbeeld(self) -> bool:
        return is_voorbeeld(self.bron)


class Oordeel(Model):
    """A recorded judgement on a condition or checklist item, by a named person."""

    oordeel: Literal["voldaan", "niet voldaan"]
    motivering: Tekst
    auteur: Tekst
    datum: dt.date
    bron: str | None = None


class WatWerkt(Model):
    """A practice that works in this wijk, for others to learn from (source 000, resultaat 3:
    good examples; source 004: "leer van elkaar"): what, for which condition or item, since
    when, whom to ask (a role), and the source."""

    wat: Tekst
    #: the condition (or item) of the checklist it helps to meet
    voorwaarde: Id
    sinds: dt.date
    #: true when `sinds` is an estimate (the source gives only a year, or no date)
    geschat: StrictBool = False
    #: a role or organisation (`buurtondersteuner Vliedberg`), not a private person's name
    contact: Tekst
    bron: Tekst
    toelichting: str | None = None

    @property
    def voorbeeld(self) -> bool:
        return is_voorbeeld(self.bron)


class Uitzondering(Model):
    """An accountable exception (issue 15): a condition (`voorwaarde`) or checklist item
    (`item`) that is niet voldaan and may stay so until `tot`, decided by a named body with a
    decision reference. A valid one makes the outcome `uitzondering`, counted apart; an
    expired one counts as niet voldaan again. `tot` is required: an exception without an end
    is a norm nobody adopted."""

    voorwaarde: Id | None = None
    item: Id | None = None
    reden: Tekst
    #: who decided: a body or role (`college van B&W`), not a private person's name
    besloten_door: Tekst
    #: the decision reference (`besluit 2026-123`)
    besluit: Tekst
    sinds: dt.date | None = None
    tot: dt.date

    @model_validator(mode="after")
    def _een_onderwerp(self) -> "Uitzondering":
        if (self.voorwaarde is None) == (self.item is None):
            raise ValueError(
                "een uitzondering noemt precies een van 'voorwaarde' of 'item' (het id uit de "
                "checklist)"
            )
        return self

    @property
    def onderwerp(self) -> str:
        """The id of the condition or item this exception is for."""
        return self.voorwaarde or self.item or ""

    @property
    def sectie(self) -> Literal["voorwaarden", "items"]:
        return "voorwaarden" if self.voorwaarde is not None else "items"

    @property
    def veld(self) -> Literal["voorwaarde", "item"]:
        return "voorwaarde" if self.voorwaarde is not None else "item"

    @property
    def voorbeeld(self) -> bool:
        """An invented decision: `besluit` starts with "voorbeeld" (as `bron: voorbeeld`)."""
        return is_voorbeeld(self.besluit)


class Wijk(Model):
    naam: Naam
    kern: Naam
    cbs_buurtcode: Annotated[str, StringConstraints(pattern=r"^BU\d{8}$")] | None = None
    #: for a gemeente whose wijken are CBS wijken (`wijkcheck init --niveau wijk`)
    cbs_wijkcode: Annotated[str, StringConstraints(pattern=r"^WK\d{6}$")] | None = None
    peildatum: dt.date
    #: left out: not recorded yet (a template of `wijkcheck new`); rules per inhabitant are
    #: then onbekend, and `validate` warns
    inwoners: Aantal | None = None
    omschrijving: str | None = None
    inventarisatie: Inventarisatie | None = None
    voorzieningen: Annotated[list[Voorziening], Field(max_length=MAX_VOORZIENINGEN)] = leeg(list)
    indicatoren: dict[Id, Cijfer] = leeg(dict)
    ondersteuningsvraag: dict[Id, Cijfer] = leeg(dict)
    capaciteit: dict[Id, Cijfer] = leeg(dict)
    oordelen: dict[Id, Oordeel] = leeg(dict)
    wat_werkt: Annotated[list[WatWerkt], Field(max_length=MAX_WAT_WERKT)] = leeg(list)
    uitzonderingen: Annotated[list[Uitzondering], Field(max_length=MAX_UITZONDERINGEN)] = leeg(list)


class Gemeente(Model):
    naam: Naam
    cbs_code: Annotated[str, StringConstraints(pattern=r"^GM\d{4}$")]
    inwoners: Aantal | None = None
    checklist: Tekst = "hart-van-brabant"
    kernen: dict[Naam, list[Naam]]
    inventarisatie: Inventarisatie | None = None
    voorzieningen: Annotated[list[Voorziening], Field(max_length=MAX_VOORZIENINGEN)] = leeg(list)
    referentie: dict[Id, Cijfer] = leeg(dict)
    #: exceptions that hold for every wijk of the gemeente (a wijk's own one comes first)
    uitzonderingen: Annotated[list[Uitzondering], Field(max_length=MAX_UITZONDERINGEN)] = leeg(list)


class Verband(StrEnum):
    """How a requirement relates to its passage: the passage names it, or it is derived."""

    NOEMT = "noemt"
    AFGELEID = "afgeleid"


class Beleidsbron(Model):
    """Which policy document and which passage a requirement rests on, and whether that
    passage names the requirement (`noemt`) or the requirement is derived from it (`afgeleid`)."""

    document: Tekst
    passage: Tekst
    citaat: str | None = None
    verband: Verband

    def __str__(self) -> str:
        tekst = f"{self.document}, {self.passage}"
        return f"afgeleid van {tekst}" if self.verband is Verband.AFGELEID else tekst


def vereist(model: BaseModel, velden: Sequence[str], zin: str) -> None:
    """Refuse `model` when one of `velden` is missing; `zin` names them (`{}`)."""
    ontbreekt = [v for v in velden if getattr(model, v) is None]
    if ontbreekt:
        raise ValueError(zin.format(", ".join(f"'{v}'" for v in ontbreekt)))


class NormBasis(StrEnum):
    """What a threshold rests on."""

    #: a published reference figure (a national or regional average, a guideline)
    REFERENTIE = "referentie"
    #: adopted by a named body (raad, college) with a decision reference
    BESLUIT = "besluit"
    #: a placeholder nobody has adopted
    VOORBEELDNORM = "voorbeeldnorm"


class Norm(Model):
    """The basis of a threshold: `{basis: referentie, bron: ..., jaar: ..., wat: ...}`,
    `{basis: besluit, door: ..., datum: ..., besluit: ...}` or `{basis: voorbeeldnorm}`."""

    basis: NormBasis
    bron: Tekst | None = None
    jaar: Annotated[int, Field(ge=1900, le=2100)] | None = None
    wat: Tekst | None = None
    door: Tekst | None = None
    datum: dt.date | None = None
    besluit: Tekst | None = None
    toelichting: str | None = None

    @model_validator(mode="after")
    def _volledig(self) -> "Norm":
        nodig = {
            NormBasis.REFERENTIE: ("bron", "wat"),
            NormBasis.BESLUIT: ("door", "datum", "besluit"),
            NormBasis.VOORBEELDNORM: (),
        }[self.basis]
        vereist(self, nodig, f"een norm met basis '{self.basis}' heeft ook {{}} nodig")
        return self

    @property
    def voorbeeldnorm(self) -> bool:
        return self.basis is NormBasis.VOORBEELDNORM

    def __str__(self) -> str:
        if self.basis is NormBasis.REFERENTIE:
            jaar = f" ({self.jaar})" if self.jaar else ""
            tekst = f"referentie: {self.wat}, {self.bron}{jaar}"
        elif self.basis is NormBasis.BESLUIT:
            tekst = f"vastgesteld door {self.door} op {datum(self.datum)}, {self.besluit}"  # type: ignore[arg-type]
        else:
            tekst = "VOORBEELDNORM: door niemand vastgesteld"
        return f"{tekst}; {self.toelichting}" if self.toelichting else tekst


class Soort(Model):
    naam: Tekst
    laag: Laag
    functies: list[Id] = leeg(list)
    omschrijving: str | None = None
    bron: Tekst


class Richting(StrEnum):
    HOGER_IS_BETER = "hoger_is_beter"
    LAGER_IS_BETER = "lager_is_beter"
    #: a measure of demand for support (share of 65+, Wmo clients): neither higher nor lower
    #: is better, it says how much is needed
    VRAAG = "vraag"


class Indicator(Model):
    naam: Tekst
    eenheid: Tekst
    richting: Richting
    betekenis: Tekst
    gebruikelijke_bron: Tekst
    minimum: Getal | None = None
    maximum: Getal | None = None


class Rol(Model):
    naam: Tekst
    omschrijving: str | None = None


def grenzen(ind: Indicator) -> tuple[float | None, float | None]:
    """Valid range of an indicator; a percentage without explicit bounds is 0 to 100.
    Contradicting bounds are reported once, on the indicator, and not used."""
    if ind.minimum is not None and ind.maximum is not None and ind.minimum > ind.maximum:
        return None, None
    if ind.eenheid.strip() == "%":
        return (
            0.0 if ind.minimum is None else ind.minimum,
            100.0 if ind.maximum is None else ind.maximum,
        )
    return ind.minimum, ind.maximum


def bereik_tekst(laag: float | None, hoog: float | None, eenheid: str) -> str:
    from wijkcheck.core.names import getal

    if laag is not None and hoog is not None:
        return f"{getal(laag)} tot en met {getal(hoog)} {eenheid}".strip()
    if laag is not None:
        return f"minstens {getal(laag)} {eenheid}".strip()
    return f"hoogstens {getal(hoog or 0)} {eenheid}".strip()
