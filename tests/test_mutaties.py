"""No command prints a traceback or an internal error on mutated real data files: every
mutation of a bundled wijk file is either used or refused with a Dutch finding, by validate and
by the other commands alike (issue 12, part 7)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from wijkcheck.cli import app

from .conftest import BUNDLED

WAARDEN = [
    ".nan",
    ".inf",
    "-.inf",
    "true",
    "ja",
    '"4200"',
    "-1",
    "0",
    "-0.0",
    "[]",
    "{}",
    "",
    "~",
    "9" * 400,
    '"\\u202e"',
    '"\\uFFFE"',
    "2024-02-31",
    "1:20",
    "&a",
    "*a",
    "!!python/none",
    '"x\\n::error file=README.md::pwned"',
    "'[/bold] :smile:'",
    "8,1",
    "12.345",
    "x" * 300,
]
WIJK = "herpt.yaml"
REGELS = (BUNDLED.wijken / "heusden" / WIJK).read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("mutaties")
    shutil.copytree(BUNDLED.wijken, root / "data" / "wijken")
    assert BUNDLED.checklists is not None
    shutil.copytree(BUNDLED.checklists, root / "checklists")
    return root


@st.composite
def gemuteerd(draw) -> str:
    regels = list(REGELS)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(regels) - 1))
        soort = draw(st.sampled_from(["waarde", "weg", "dubbel", "inspringen"]))
        regel = regels[i]
        if soort == "waarde" and ":" in regel:
            sleutel = regel.split(":", 1)[0]
            regels[i] = f"{sleutel}: {draw(st.sampled_from(WAARDEN))}"
        elif soort == "weg":
            del regels[i]
        elif soort == "dubbel":
            regels.insert(i, regel)
        else:
            regels[i] = "  " + regel
    return "\n".join(regels) + "\n"


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(tekst=gemuteerd())
def test_no_command_fails_on_a_mutated_wijk_file(repo: Path, tekst: str) -> None:
    (repo / "data" / "wijken" / "heusden" / WIJK).write_text(tekst, encoding="utf-8")
    env = {"NO_COLOR": "1", "COLUMNS": "80", "WIJKCHECK_CACHE": "uit"}
    runner = CliRunner(env=env)
    data = ["--data", str(repo)]
    datum = ["--datum", "2026-06-01"]
    uitslagen = {}
    for args in (
        ["validate", *datum],
        ["audit", "Herpt", *datum],
        ["show", "Herpt", *datum],
        ["overview", *datum],
        ["list"],
    ):
        result = runner.invoke(app, [*args, *data])
        out = result.output
        assert result.exit_code in (0, 1, 2), (args, result.exit_code, out)
        assert "Traceback" not in out and "interne fout" not in out, (args, out)
        assert not any(r.lstrip().startswith("::") for r in out.splitlines()), (args, out)
        assert "\x1b" not in out, args
        uitslagen[args[0]] = result.exit_code
    if uitslagen["validate"] == 0:  # what validate passes, every command can use
        assert set(uitslagen.values()) == {0}, (uitslagen, tekst)
    assert os.path.isdir(repo / "data" / "wijken" / "heusden")
