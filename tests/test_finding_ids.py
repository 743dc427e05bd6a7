"""The registry of finding ids (core/finding_ids.py): only registered ids can be emitted, every
registered id is used, the docs are generated from it, and every example gives its id."""

from __future__ import annotations

import ast
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkcheck.cli import app
from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import (
    REGISTRY,
    CommandExample,
    Finding,
    FindingId,
    Section,
    Severity,
    Span,
    WijkcheckError,
    YamlExample,
    define,
)
from wijkcheck.reports import finding_ids_doc

from .conftest import BUNDLED

ROOT = Path(__file__).parents[1]
SRC = ROOT / "src" / "wijkcheck"
DOCS = ROOT / "docs"


def test_a_finding_takes_only_a_registered_definition() -> None:
    with pytest.raises(TypeError, match="not registered"):
        Finding(Span("a.yaml"), "tekst", "dubbele-wijk")  # type: ignore[arg-type]
    los = FindingId("nergens-geregistreerd", Severity.FOUT, Section.FILE, "t", "uitleg")
    with pytest.raises(TypeError, match="not registered"):
        WijkcheckError.single(Span(""), "tekst", los)
    f = Finding(Span("a.yaml", 1, 2), "tekst", ids.DUBBELE_WIJK)
    assert (f.id, f.severity, str(f)) == (
        "dubbele-wijk",
        Severity.FOUT,
        "a.yaml:1:2: fout: tekst (dubbele-wijk)",
    )


def test_an_id_is_defined_once() -> None:
    with pytest.raises(ValueError, match="already defined"):
        define("dubbele-wijk", Severity.FOUT, Section.REFERENCES, "t", "uitleg")


def _uses() -> dict[str, set[str]]:
    """Per module under src/, the registry constants it names (`ids.NAAM`)."""
    out: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        if path.name == "finding_ids.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "ids"
            ):
                out.setdefault(str(path.relative_to(SRC)), set()).add(node.attr)
    return out


def test_every_registered_id_is_emitted_somewhere_and_every_name_is_registered() -> None:
    constants = {name: value for name, value in vars(ids).items() if isinstance(value, FindingId)}
    assert {d.id for d in constants.values()} == set(REGISTRY)
    assert all(name == d.id.upper().replace("-", "_") for name, d in constants.items())
    used = set().union(*_uses().values())
    assert used <= set(constants), sorted(used - set(constants))
    assert not set(constants) - used, f"registered, never emitted: {sorted(set(constants) - used)}"


def test_no_module_passes_an_id_as_a_string() -> None:
    """A string equal to a registered id, passed to something that makes a finding, is a loose
    id: the constructor would reject it, but only on the path that reaches it."""
    makers = {"Finding", "single", "_fout", "fout", "add", "error", "_onbekend"}
    loose = []
    for path in SRC.rglob("*.py"):
        if path.name in ("finding_ids.py", "errors.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in makers:
                continue
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(arg, ast.Constant) and arg.value in REGISTRY:
                    loose.append(f"{path.relative_to(SRC)}:{arg.lineno}: {arg.value}")
    assert not loose, loose


def test_every_definition_is_complete() -> None:
    schema = json.loads((DOCS / "schema" / "validatie.schema.json").read_text(encoding="utf-8"))
    vorm = schema["properties"]["bevindingen"]["items"]["properties"]["controle"]["pattern"]
    for d in REGISTRY.values():
        assert re.fullmatch(vorm, d.id), d.id  # what validate's JSON promises an id looks like
        assert d.title and d.title[0].isupper() and not d.title.endswith("."), d.id
        assert d.explanation and not d.explanation.endswith("."), d.id
        assert d.section in Section
        if d.stops:
            assert d.severity is Severity.FOUT, d.id


def test_validate_md_is_generated_from_the_registry() -> None:
    doc = (DOCS / "validate.md").read_text(encoding="utf-8")
    assert not finding_ids_doc.missing_sections(doc)
    assert finding_ids_doc.updated(doc) == doc, (
        f"docs/validate.md is verouderd: {finding_ids_doc.COMMAND}"
    )
    for d in REGISTRY.values():
        assert f"| [`{d.id}`](bevindingen.md#{d.id}) | {finding_ids_doc.ernst(d)} |" in doc


def test_bevindingen_md_is_generated_from_the_registry() -> None:
    doc = (DOCS / "bevindingen.md").read_text(encoding="utf-8")
    assert finding_ids_doc.catalogue() == doc, (
        f"docs/bevindingen.md is verouderd: {finding_ids_doc.COMMAND}"
    )


def test_a_stale_doc_is_detected() -> None:
    doc = (DOCS / "validate.md").read_text(encoding="utf-8")
    oud = doc.replace("**Wijk twee keer**", "**Een wijk twee keer**", 1)
    assert oud != doc and finding_ids_doc.updated(oud) == doc
    zonder = doc.replace(finding_ids_doc.begin(Section.CBS), "", 1)
    assert finding_ids_doc.missing_sections(zonder) == [Section.CBS]


# -- the examples ------------------------------------------------------------------------------

YAML = {d.id: d.example for d in REGISTRY.values() if isinstance(d.example, YamlExample)}
COMMANDS = {d.id: d.example for d in REGISTRY.values() if isinstance(d.example, CommandExample)}


def _validate(root: Path, datum: str) -> list[tuple[str, str]]:
    """(id, path relative to root) of every finding of `wijkcheck validate` on `root`."""
    args = ["validate", "--data", str(root), "--format", "json", "--datum", datum]
    u = CliRunner().invoke(app, args, catch_exceptions=False)
    assert u.exit_code in (0, 1, 2) and "Traceback" not in u.output, u.output
    if u.exit_code == 2:  # the check itself stopped: the findings are the error text
        return [(line.rsplit("(", 1)[-1].rstrip(")"), "") for line in u.stderr.splitlines()]
    return [(b["controle"], b["pad"]) for b in json.loads(u.stdout)["bevindingen"]]


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(BUNDLED.wijken, root / "data" / "wijken")
    assert BUNDLED.checklists is not None
    shutil.copytree(BUNDLED.checklists, root / "checklists")
    monkeypatch.chdir(root)
    for name in ("WIJKCHECK_DATA", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WIJKCHECK_CACHE", "uit")
    return root


def test_the_bundled_data_gives_none_of_the_errors(root: Path) -> None:
    """What the examples add to the bundled data is the only thing wrong with it."""
    found = _validate(root, "2025-06-01")
    assert all(REGISTRY[id].severity is Severity.WAARSCHUWING for id, _ in found), found


@pytest.mark.parametrize("id", sorted(YAML))
def test_every_yaml_example_gives_its_id(root: Path, id: str) -> None:
    ex = YAML[id]
    warning = REGISTRY[id].severity is Severity.WAARSCHUWING
    voor = _validate(root, ex.datum).count((id, ex.path)) if warning else 0
    target = root / ex.path
    if ex.removes:
        target.unlink()
    elif ex.replaces is None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(ex.text, encoding="utf-8")
    else:
        tekst = target.read_text(encoding="utf-8")
        assert ex.replaces in tekst, f"{id}: '{ex.replaces}' staat niet in {ex.path}"
        target.write_text(tekst.replace(ex.replaces, ex.text, 1), encoding="utf-8")
    na = _validate(root, ex.datum)
    assert id in {i for i, _ in na}, na
    if warning and not ex.removes:
        assert na.count((id, ex.path)) > voor, na


@pytest.mark.parametrize("id", sorted(COMMANDS))
def test_every_command_example_gives_its_id(root: Path, id: str) -> None:
    """A command example runs in a shell, in a folder with a copy of the bundled data."""
    wijkcheck = f"{shlex.quote(sys.executable)} -m wijkcheck"
    command = COMMANDS[id].command.replace("wijkcheck ", f"{wijkcheck} ")
    env = {**os.environ, "WIJKCHECK_CACHE": "uit", "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("WIJKCHECK_DATA", None)
    u = subprocess.run(
        ["bash", "-c", command], cwd=root, capture_output=True, text=True, env=env, check=False
    )
    warning = REGISTRY[id].severity is Severity.WAARSCHUWING
    assert u.returncode in ((0, 1) if warning else (1, 2)), (u.returncode, u.stderr)
    assert "Traceback" not in u.stderr
    assert f"({id})" in u.stdout + u.stderr, (u.stdout, u.stderr)
