"""Rule kinds: the closed set of checks a checklist can ask for.

Each kind is a module holding all it knows: its Pydantic model with a `type` literal, the
docstring that is its user documentation (`wijkcheck regels`, docs/regels.md), its evaluation,
the names it refers to (for integrity), its plausibility checks and its words for `explain`.
`REGELS` is the one registry; the discriminated union `Regel` that YAML is validated against is
built from it, so a misspelled kind or parameter is an error with a position.

Adding a kind: one new module with its model (subclass of `RegelBasis`), one line in `REGELS`,
and a case file in `tests/cases/`.
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Annotated, Any

from pydantic import Field

from wijkcheck.core.rules import samengesteld
from wijkcheck.core.rules.aanwezig import Aanwezig
from wijkcheck.core.rules.base import (
    Beoordeling,
    CatalogueRef,
    Catalogus,
    Context,
    FacilityIndex,
    FacilityPlace,
    RegelBasis,
    Telbron,
    beoordeel,
    doorloop,
    eenheid,
    indicatornaam,
)
from wijkcheck.core.rules.drempel import Drempel
from wijkcheck.core.rules.oordeel import OordeelRegel
from wijkcheck.core.rules.per_inwoners import PerInwoners, Vraagindex
from wijkcheck.core.rules.samengesteld import Alle, EenVan, Samengesteld

#: Every rule kind, in the order the documentation lists them: the one registry.
REGELS: tuple[type[RegelBasis], ...] = (Aanwezig, PerInwoners, Drempel, OordeelRegel, Alle, EenVan)

_UNIE: Any = reduce(or_, REGELS)
Regel = Annotated[_UNIE, Field(discriminator="type")]

# A composite's parts are rules of any kind: `Samengesteld.regels` names `Regel`, which pydantic
# looks up in samengesteld's namespace when it first builds a model that holds a rule (every
# model defers its build). Rebuilding each kind here instead built the union's schema once per
# kind at import, ~5 ms of every command.
samengesteld.Regel = Regel

__all__ = [
    "REGELS",
    "Aanwezig",
    "Alle",
    "Beoordeling",
    "CatalogueRef",
    "Catalogus",
    "Context",
    "Drempel",
    "EenVan",
    "FacilityIndex",
    "FacilityPlace",
    "OordeelRegel",
    "PerInwoners",
    "Regel",
    "RegelBasis",
    "Samengesteld",
    "Telbron",
    "Vraagindex",
    "beoordeel",
    "doorloop",
    "eenheid",
    "indicatornaam",
]
