"""JSON output: the result's own model dump, with a schema version (docs/json.md).

Every command's JSON starts with `schema_versie` and `soort` (audit, overzicht, sociale-kaart,
goede-voorbeelden, wijken, onderwerpen, uitleg, regelsoorten, vergelijking, overzicht-sinds);
`schema(soort)` gives the JSON Schema that docs/schema/ holds and the tests validate against.
"""

from __future__ import annotations

import importlib
from typing import Any

from pydantic import BaseModel

from wijkcheck.core.results import SCHEMA_VERSIE

# Each kind's model, imported only for its schema: rendering needs none of them, and importing
# every report module would cost an overview's JSON about 30 ms.
MODELLEN: dict[str, str] = {
    "audit": "wijkcheck.core.results:Rapport",
    "overzicht": "wijkcheck.reports.overview:Overzicht",
    "sociale-kaart": "wijkcheck.reports.sociale_kaart:SocialeKaart",
    "goede-voorbeelden": "wijkcheck.reports.goede_voorbeelden:GoedeVoorbeelden",
    "wijken": "wijkcheck.reports.wijken:Wijkenlijst",
    "onderwerpen": "wijkcheck.reports.explain:Onderwerpen",
    "uitleg": "wijkcheck.reports.explain:Uitleg",
    "regelsoorten": "wijkcheck.reports.explain:Regelsoorten",
    "vergelijking": "wijkcheck.reports.compare:Vergelijking",
    "overzicht-sinds": "wijkcheck.reports.compare:OverzichtSinds",
}


def model(soort: str) -> type[BaseModel]:
    """The model of one kind of JSON output."""
    module, naam = MODELLEN[soort].split(":")
    found: type[BaseModel] = getattr(importlib.import_module(module), naam)
    return found


def render(model: BaseModel) -> str:
    # pydantic's own serialiser: the same text as json.dumps(model_dump(), indent=2) for these
    # models (no floats), five times as fast, and without the dict of an overview of 14,500 wijken
    return model.model_dump_json(indent=2) + "\n"


def schema(soort: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of JSON output."""
    body = model(soort).model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"wijkcheck {soort}, schema_versie {SCHEMA_VERSIE}",
        **{k: v for k, v in body.items() if k != "title"},
    }
