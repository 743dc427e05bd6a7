"""JSON output: the report's own model dump, with a schema version (docs/json.md)."""

from __future__ import annotations

import json

from pydantic import BaseModel


def render(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
