"""`wijkcheck schema`: JSON Schema for editors, from the models and the checklist (issue 14,
part 5). The committed schemas equal what the command writes; every bundled data file is valid
against them and a known-bad one is not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wijkcheck.reports.schema import SOORTEN, schema
from wijkcheck.sources import store
from wijkcheck.sources.yamlsource import load_file

from .conftest import BUNDLED

SCHEMA_MAP = Path(__file__).resolve().parents[1] / "docs" / "schema"
CHECKLIST, _ = store.load_checklist(BUNDLED, "heusden")


def _bestanden(soort: str) -> list[Path]:
    heusden = BUNDLED.wijken / "heusden"
    if soort == "gemeente":
        return [heusden / "gemeente.yaml"]
    if soort == "checklist":
        assert BUNDLED.checklists is not None
        return sorted(BUNDLED.checklists.glob("*.yaml"))
    return sorted(p for p in heusden.glob("*.yaml") if p.name != "gemeente.yaml")


@pytest.mark.parametrize("soort", SOORTEN)
def test_committed_schema_is_what_the_command_writes(invoke, soort: str) -> None:
    geschreven = json.loads(invoke(["schema", "--soort", soort]).stdout)
    vastgelegd = json.loads((SCHEMA_MAP / f"{soort}.schema.json").read_text(encoding="utf-8"))
    assert geschreven == vastgelegd == schema(soort, CHECKLIST), (
        f"run: wijkcheck schema --soort {soort} -o docs/schema/{soort}.schema.json --force"
    )


@pytest.mark.parametrize("soort", SOORTEN)
def test_bundled_files_are_valid_and_a_bad_one_is_not(soort: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    js = schema(soort, CHECKLIST)
    validator = jsonschema.Draft202012Validator(js, format_checker=jsonschema.FormatChecker())
    for pad in _bestanden(soort):
        fouten = [
            f"{list(e.path)}: {e.message}" for e in validator.iter_errors(load_file(pad).data)
        ]
        assert not fouten, (pad.name, fouten[:3])
    data = load_file(_bestanden(soort)[0]).data
    assert not validator.is_valid({**data, "onbekend-veld": 1})


def test_the_ids_of_the_checklist_are_offered() -> None:
    js = schema("wijk", CHECKLIST)
    soorten = js["$defs"]["Voorziening"]["properties"]["soort"]["enum"]
    assert "huisarts" in soorten and "wijk-en-welzijnsteam" in soorten
    assert "eenzaamheid" in js["properties"]["indicatoren"]["propertyNames"]["enum"]
    assert js["properties"]["naam"]["description"].startswith("De naam")
    assert "A figure" not in json.dumps(js)  # Dutch for users, not the models' docstrings
