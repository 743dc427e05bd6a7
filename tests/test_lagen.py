"""Checklist layers (`extends:`), driven by tests/cases/lagen/*.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from wijkcheck.checks import integrity
from wijkcheck.core.checklist import Checklist
from wijkcheck.core.errors import WijkcheckError
from wijkcheck.core.rules import Drempel, Samengesteld
from wijkcheck.sources.dataroot import find_root
from wijkcheck.sources.store import load_checklist_file

CASES = Path(__file__).parent / "cases" / "lagen"


def load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        suite = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in suite["cases"]:
            params.append(pytest.param(suite["basis"], case, id=f"{path.stem}:{case['id']}"))
    return params


def regel_op(checklist: Any, pad: str) -> Any:
    oid, *delen = pad.split(".")
    regel = checklist.onderwerpen()[oid].regel
    for deel in delen:
        assert isinstance(regel, Samengesteld)
        regel = regel.regels[int(deel) - 1]
    return regel


def assert_as_validated(checklist: Checklist) -> None:
    """The merge puts the checklist together without validating it (layers.stapel): it must
    be the very checklist that validating its parts gives, field for field."""
    velden = {naam: getattr(checklist, naam) for naam in checklist.model_fields_set}
    opnieuw = Checklist.model_validate(velden)
    assert opnieuw == checklist
    assert opnieuw.model_fields_set == checklist.model_fields_set
    for laag, eigen in zip(opnieuw.lagen, checklist.lagen, strict=True):
        assert laag.model_fields_set == eigen.model_fields_set


def test_bundled_checklists_as_validated() -> None:
    root = find_root(None, {}, Path.cwd())
    assert root.checklists is not None
    paden = sorted(root.checklists.glob("*.yaml"))
    assert paden
    for pad in paden:
        checklist, _ = load_checklist_file(pad, root, str)
        assert_as_validated(checklist)


@pytest.mark.parametrize("basis, case", load_cases())
def test_extends_case(tmp_path: Path, monkeypatch, basis: str, case: dict[str, Any]) -> None:
    folder = tmp_path / "checklists"
    (tmp_path / "data" / "wijken").mkdir(parents=True)
    folder.mkdir()
    (folder / "basis.yaml").write_text(basis, encoding="utf-8")
    for name, text in case.get("bestanden", {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(folder)
    root = find_root(tmp_path, {}, tmp_path)
    try:
        checklist, doc = load_checklist_file(Path(f"{case['laad']}.yaml"), root, str)
    except WijkcheckError as exc:
        found = exc.findings
        checklist = None
    else:
        found = integrity.check_checklist(checklist, doc)
        assert_as_validated(checklist)
    got = [f"{f.span} {f.id}" for f in found]
    assert got == case.get("fouten", []), [str(f) for f in found]
    verwacht = case.get("verwacht")
    if verwacht is None:
        return
    assert checklist is not None
    for deel in ("items", "voorwaarden"):
        if deel in verwacht:
            assert list(getattr(checklist, deel)) == verwacht[deel]
    for pad, laag in verwacht.get("herkomst", {}).items():
        assert checklist.herkomst[pad][0] == laag, pad
    if "lagen" in verwacht:
        assert [laag.id for laag in checklist.lagen] == verwacht["lagen"]
    if "maximale_ouderdom" in verwacht:
        assert checklist.maximale_ouderdom_maanden == verwacht["maximale_ouderdom"]
    for oid, titel in verwacht.get("titels", {}).items():
        assert checklist.onderwerpen()[oid].titel == titel
    for pad, grens in verwacht.get("drempel", {}).items():
        regel = regel_op(checklist, pad)
        assert isinstance(regel, Drempel) and regel.maximaal == grens
