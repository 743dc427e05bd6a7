"""Rule kinds, driven by YAML case files: tests/cases/<kind>.yaml (rule, data, expected outcome)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import TypeAdapter

from wijkcheck.core.models import Gemeente, Wijk
from wijkcheck.core.rules import REGELS, Context, Regel, beoordeel
from wijkcheck.sources.store import load_checklist_file

from .conftest import BUNDLED

CASES = Path(__file__).parent / "cases"
CATALOGUS, _ = load_checklist_file(BUNDLED.checklists / "heusden.yaml", BUNDLED)
REGEL = TypeAdapter(Regel)

GEMEENTE = {
    "naam": "Testgemeente",
    "cbs_code": "GM9999",
    "kernen": {"Dorp": ["A", "B"], "Stad": ["C"]},
}
WIJK = {
    "naam": "A",
    "kern": "Dorp",
    "peildatum": "2025-01-01",
    "inwoners": {"waarde": 1000, "bron": "test", "peildatum": "2025-01-01"},
}


def load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            params.append(pytest.param(case, id=f"{path.stem}:{case['id']}"))
    return params


def run(case: dict[str, Any]) -> Any:
    gemeente = Gemeente.model_validate({**GEMEENTE, **case.get("gemeente", {})})
    wijk = Wijk.model_validate({**WIJK, **case.get("wijk", {})})
    anderen = [Wijk.model_validate({**WIJK, **w}) for w in case.get("andere_wijken", [])]
    ctx = Context(
        soorten=CATALOGUS.soorten,
        indicatoren=CATALOGUS.indicatoren,
        rollen=CATALOGUS.rollen,
        max_ouderdom_maanden=36,
        gemeente=gemeente,
        wijk=wijk,
        wijken=[wijk, *anderen],
        datum=dt.date.fromisoformat(str(case.get("datum", "2026-01-01"))),
    )
    return beoordeel(REGEL.validate_python(case["regel"]), ctx, "test")


@pytest.mark.parametrize("case", load_cases())
def test_case(case: dict[str, Any]) -> None:
    result = run(case)
    assert result.uitkomst.value == case["verwacht"], result
    if "gemeten" in case:
        assert case["gemeten"] in result.gemeten
    if "vereist" in case:
        assert case["vereist"] in result.vereist
    if "verouderd" in case:
        assert any(g.verouderd for g in result.alle_gegevens()) is case["verouderd"]
    if "voorbeeldgegevens" in case:
        assert result.voorbeeldgegevens is case["voorbeeldgegevens"]


def test_every_rule_kind_has_a_case_file_with_all_outcomes() -> None:
    for kind in REGELS:
        name = kind.model_fields["type"].annotation.__args__[0]
        path = CASES / f"{name}.yaml"
        assert path.exists(), f"no case file for rule kind {name}"
        outcomes = {c["verwacht"] for c in yaml.safe_load(path.read_text(encoding="utf-8"))}
        assert outcomes == {"voldaan", "niet voldaan", "onbekend"}, name


def test_every_rule_kind_documents_itself() -> None:
    for kind in REGELS:
        assert kind.__doc__ and "type:" in kind.__doc__, kind
