"""Validation findings as JSON, in a documented and versioned shape (docs/validate.md)."""

from __future__ import annotations

import json
from typing import Any

from wijkcheck.checks.run import Validatie

#: Version of this JSON shape; bump on any incompatible change.
SCHEMA_VERSIE = 1


def as_dict(v: Validatie) -> dict[str, Any]:
    return {
        "schema_versie": SCHEMA_VERSIE,
        "soort": "validatie",
        "peildatum": v.datum.isoformat(),
        "geldig": v.fouten == 0,
        "samenvatting": {
            "bestanden": len(v.bestanden),
            "bestanden_met_bevindingen": v.bestanden_met_bevindingen,
            "fouten": v.fouten,
            "waarschuwingen": v.waarschuwingen,
        },
        "bevindingen": [
            {
                "pad": f.span.path,
                "regel": f.span.line or None,
                "kolom": f.span.column or None,
                "ernst": f.severity.value,
                "controle": f.id,
                "bericht": f.message,
            }
            for f in v.bevindingen
        ],
        "bestanden": list(v.bestanden),
    }


def render(v: Validatie) -> str:
    return json.dumps(as_dict(v), ensure_ascii=False, indent=2) + "\n"
