"""A reader that stops early (`wijkcheck regels | head -1`) ends wijkcheck quietly: exit code
141, as a shell reports for `yes | head -1`, and not a word on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wijkcheck.cli import EXIT_PIJP_DICHT

COMMANDOS = [
    [],
    ["--help"],
    ["--version"],
    ["audit", "--help"],
    ["regels"],
    ["list"],
    ["explain", "huisarts"],
    ["audit", "Herpt"],
    ["audit", "Herpt", "--format", "json"],
    ["overview", "--gemeente", "heusden"],
    ["overview", "--gemeente", "heusden", "--format", "svg"],
    ["show", "Herpt", "--format", "csv"],
    # validate needs the user's data (never the bundled data): the repository's own
    ["validate", "--data", str(Path(__file__).parents[1])],
]


def _met_dichte_pijp(args: list[str], cwd: Path, ook_stderr: bool = False) -> tuple[int, str]:
    lezen, schrijven = os.pipe()
    os.close(lezen)  # the reader is gone before wijkcheck writes a byte
    env = {**os.environ, "WIJKCHECK_CACHE": "uit", "NO_COLOR": "1", "COLUMNS": "80"}
    env.pop("WIJKCHECK_DATA", None)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "wijkcheck", *args],
            stdout=schrijven,
            stderr=schrijven if ook_stderr else subprocess.PIPE,
            cwd=cwd,
            env=env,
            check=False,
        )
    finally:
        os.close(schrijven)
    return proc.returncode, (proc.stderr or b"").decode()


@pytest.mark.parametrize("args", COMMANDOS, ids=" ".join)
def test_closed_stdout_ends_quietly(args: list[str], tmp_path: Path) -> None:
    code, stderr = _met_dichte_pijp(args, tmp_path)
    assert (code, stderr) == (EXIT_PIJP_DICHT, "")


def test_closed_stdout_and_stderr_end_quietly(tmp_path: Path) -> None:
    # an error message to a closed stderr (`wijkcheck audit x 2>&1 | head -0`) is no crash
    assert _met_dichte_pijp(["audit", "Onbekend"], tmp_path, ook_stderr=True)[0] == 141
