"""JSON output of every command validates against the documented schema (docs/json.md).

Run this file as a script to rewrite docs/schema/ after changing the result models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from wijkcheck.core.results import SCHEMA_VERSIE
from wijkcheck.formatters.report.jsonfmt import MODELLEN, schema
from wijkcheck.sources.dataroot import bundled_root

SCHEMA_MAP = Path(__file__).resolve().parents[1] / "docs" / "schema"

COMMANDS = {
    "audit": ["audit", "Vlijmen-Dorp"],
    "overzicht": ["overview", "--gemeente", "heusden"],
    "sociale-kaart": ["show", "Oudheusden"],
    "goede-voorbeelden": ["voorbeelden"],
    "wijken": ["list"],
    "onderwerpen": ["explain"],
    "uitleg": ["explain", "huisarts"],
    "regelsoorten": ["regels"],
    # against the bundled data as a folder of then: the shape, not the changes
    "vergelijking": ["compare", "Vlijmen-Dorp", "--sinds", str(bundled_root().map)],
    "overzicht-sinds": ["overview", "--gemeente", "heusden", "--sinds", str(bundled_root().map)],
}


def documented(soort: str) -> dict:
    return json.loads((SCHEMA_MAP / f"{soort}.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("soort", list(MODELLEN))
def test_documented_schema_is_current(soort: str) -> None:
    assert documented(soort) == schema(soort), f"run: python {__file__}"


@pytest.mark.parametrize("soort", list(MODELLEN))
def test_json_output_validates_against_documented_schema(invoke, soort: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    datum = (
        ["--datum", "2026-01-01"]
        if soort not in ("wijken", "onderwerpen", "uitleg", "regelsoorten")
        else []
    )
    out = json.loads(invoke([*COMMANDS[soort], "--format", "json", *datum]).output)
    jsonschema.validate(out, documented(soort))
    assert out["schema_versie"] == SCHEMA_VERSIE == 3 and out["soort"] == soort


def test_schema_rejects_a_wrong_shape() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema_versie": 1, "soort": "overzicht"}, documented("overzicht"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema_versie": 1, "soort": "audit"}, documented("overzicht"))


if __name__ == "__main__":
    SCHEMA_MAP.mkdir(parents=True, exist_ok=True)
    for soort in MODELLEN:
        path = SCHEMA_MAP / f"{soort}.schema.json"
        path.write_text(json.dumps(schema(soort), ensure_ascii=False, indent=2) + "\n", "utf-8")
        sys.stdout.write(f"{path}\n")
