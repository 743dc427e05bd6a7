"""`wijkcheck schema`: JSON Schema for editors, from the models and the checklist (issue 14,
part 5). Every shipped data file starts with the `# yaml-language-server` line that leads to its
data folder's `schema/`; the committed schemas there equal what the command writes; every shipped
file is valid against them (with `jsonschema` and with the `check-jsonschema` command) and a
known-bad one is not."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wijkcheck.reports.schema import SOORTEN, schema
from wijkcheck.sources import store
from wijkcheck.sources.dataroot import find_root
from wijkcheck.sources.scaffold import schema_header, schema_pad
from wijkcheck.sources.yamlsource import load_file

from .conftest import BUNDLED

REPO = Path(__file__).resolve().parents[1]
#: The data folders shipped in the repository, each with its schema/ folder.
MAPPEN = [REPO, REPO / "voorbeelden" / "voorbeeldrecht"]
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def _soort(pad: Path) -> str:
    if pad.name == "gemeente.yaml":
        return "gemeente"
    return "checklist" if pad.parent.name == "checklists" else "wijk"


def _bestanden(map_: Path) -> dict[str, list[Path]]:
    alle = sorted((map_ / "data" / "wijken").glob("*/*.yaml"))
    alle += sorted((map_ / "checklists").glob("*.yaml"))
    per_soort: dict[str, list[Path]] = {s: [] for s in SOORTEN}
    for pad in alle:
        per_soort[_soort(pad)].append(pad)
    return per_soort


def _checklist(map_: Path):
    root = find_root(map_, {}, map_)
    return store.load_checklist(
        root, store.load_gemeente_file(root.gemeente_mappen()[0])[0].checklist
    )[0]


@pytest.mark.parametrize("map_", MAPPEN, ids=["heusden", "voorbeeldrecht"])
@pytest.mark.parametrize("soort", SOORTEN)
def test_committed_schema_is_what_the_command_writes(invoke, map_: Path, soort: str) -> None:
    geschreven = json.loads(invoke(["schema", "--soort", soort, "--data", str(map_)]).stdout)
    vastgelegd = json.loads(schema_pad(soort, map_).read_text(encoding="utf-8"))
    assert geschreven == vastgelegd == schema(soort, _checklist(map_)), (
        f"run: wijkcheck schema --gegevensmap --force --data {map_.relative_to(REPO)}"
    )


def test_without_a_data_folder_the_schema_is_the_bundled_one(invoke) -> None:
    geschreven = json.loads(invoke(["schema"]).stdout)
    assert geschreven == json.loads(schema_pad("wijk", REPO).read_text(encoding="utf-8"))


@pytest.mark.parametrize("map_", MAPPEN, ids=["heusden", "voorbeeldrecht"])
def test_every_shipped_file_points_at_its_schema(map_: Path) -> None:
    for soort, paden in _bestanden(map_).items():
        assert paden
        for pad in paden:
            eerste = pad.read_text(encoding="utf-8").splitlines(keepends=True)[0]
            assert eerste == schema_header(soort, pad, map_), pad
            doel = pad.parent / eerste.split("$schema=", 1)[1].strip()
            assert doel.resolve() == schema_pad(soort, map_).resolve(), pad


@pytest.mark.parametrize("map_", MAPPEN, ids=["heusden", "voorbeeldrecht"])
def test_shipped_files_are_valid_and_a_bad_one_is_not(map_: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    for soort, paden in _bestanden(map_).items():
        js = json.loads(schema_pad(soort, map_).read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(js, format_checker=jsonschema.FormatChecker())
        for pad in paden:
            data = load_file(pad).data
            fouten = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
            assert not fouten, (pad.name, fouten[:3])
        data = load_file(paden[0]).data
        assert not validator.is_valid({**data, "onbekend-veld": 1})


def _check_jsonschema(schema_file: Path, *bestanden: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(CHECK_JSONSCHEMA),
            "--no-cache",
            "--schemafile",
            str(schema_file),
            *map(str, bestanden),
        ],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "PATH": str(CHECK_JSONSCHEMA.parent)},
        timeout=120,
    )


@pytest.mark.skipif(not CHECK_JSONSCHEMA.exists(), reason="check-jsonschema is in the test extra")
@pytest.mark.parametrize("map_", MAPPEN, ids=["heusden", "voorbeeldrecht"])
def test_check_jsonschema_passes_every_shipped_file(map_: Path) -> None:
    for soort, paden in _bestanden(map_).items():
        result = _check_jsonschema(schema_pad(soort, map_), *paden)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not CHECK_JSONSCHEMA.exists(), reason="check-jsonschema is in the test extra")
def test_check_jsonschema_underlines_what_validate_refuses(tmp_path: Path) -> None:
    fout = tmp_path / "herpt.yaml"
    tekst = (REPO / "data" / "wijken" / "heusden" / "herpt.yaml").read_text(encoding="utf-8")
    fout.write_text(
        tekst.replace("kern: Herpt", "kren: Herpt").replace("soort: dorpshuis", "soort: dorphuis"),
        encoding="utf-8",
    )
    result = _check_jsonschema(schema_pad("wijk", REPO), fout)
    assert result.returncode == 1
    assert "'kren' was unexpected" in result.stdout
    assert "'dorphuis' is not one of" in result.stdout


def test_the_ids_of_the_checklist_are_offered() -> None:
    js = schema("wijk", _checklist(REPO))
    soorten = js["$defs"]["Voorziening"]["properties"]["soort"]["enum"]
    assert "huisarts" in soorten and "wijk-en-welzijnsteam" in soorten
    assert "eenzaamheid" in js["properties"]["indicatoren"]["propertyNames"]["enum"]
    assert js["properties"]["naam"]["description"].startswith("De naam")
    assert "A figure" not in json.dumps(js)  # Dutch for users, not the models' docstrings
    assert "inwoners" not in js["required"]  # a new wijk has none yet (wijkcheck new)


def test_gemeenten_with_other_checklists_get_the_names_of_both(invoke, tmp_path: Path) -> None:
    shutil.copytree(BUNDLED.wijken, tmp_path / "data" / "wijken")
    shutil.copytree(
        REPO / "voorbeelden" / "voorbeeldrecht" / "data" / "wijken" / "voorbeeldrecht",
        tmp_path / "data" / "wijken" / "voorbeeldrecht",
    )
    shutil.copytree(REPO / "voorbeelden" / "voorbeeldrecht" / "checklists", tmp_path / "checklists")
    js = json.loads(invoke(["schema", "--data", str(tmp_path)]).stdout)
    onderwerpen = js["properties"]["oordelen"]["propertyNames"]["enum"]
    assert "ontmoetingsplekken" in onderwerpen  # heusden
    assert "ontmoeting-in-de-wijk" in onderwerpen  # voorbeeldrecht


def test_gegevensmap_writes_the_three_and_refreshes_only_with_force(invoke, tmp_path: Path) -> None:
    shutil.copytree(BUNDLED.wijken, tmp_path / "data" / "wijken")
    invoke(["schema", "--gegevensmap", "--data", str(tmp_path)])
    for soort in SOORTEN:
        assert json.loads(schema_pad(soort, tmp_path).read_text(encoding="utf-8"))["title"]
    uit = invoke(["schema", "--gegevensmap", "--data", str(tmp_path)])
    assert uit.stderr.count("Ongewijzigd") == 3
    eigen = schema_pad("wijk", tmp_path)
    eigen.write_text("{}\n", encoding="utf-8")
    geweigerd = invoke(["schema", "--gegevensmap", "--data", str(tmp_path)], code=2)
    assert "--force" in geweigerd.stderr and eigen.read_text(encoding="utf-8") == "{}\n"
    invoke(["schema", "--gegevensmap", "--force", "--data", str(tmp_path)])
    assert eigen.read_text(encoding="utf-8") != "{}\n"


def test_gegevensmap_refuses_the_bundled_data(invoke) -> None:
    assert "geen eigen gegevensmap" in invoke(["schema", "--gegevensmap"], code=2).stderr


def test_schema_refuses_an_output_file_that_is_not_json(invoke, tmp_path) -> None:
    doel = tmp_path / "s.md"
    uit = invoke(["schema", "-o", str(doel)], code=2).stderr
    assert "alleen naar een .json-bestand" in uit and "(extensie-past-niet)" in uit
    assert not doel.exists()
