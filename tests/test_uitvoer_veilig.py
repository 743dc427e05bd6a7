"""--output and --force write only a regular file at the output path (issue 12, part 2)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

AUDIT = ["audit", "Herpt", "-f", "markdown"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_even_with_force(invoke, tmp_path: Path) -> None:
    pijp = tmp_path / "pijp.md"
    os.mkfifo(pijp)
    out = invoke([*AUDIT, "-o", str(pijp), "--force"], code=2).output
    assert "geen gewoon bestand" in out and "(uitvoer-geen-bestand)" in out
    assert stat.S_ISFIFO(os.lstat(pijp).st_mode)


def test_a_symlink_is_refused_and_its_target_untouched(invoke, tmp_path: Path) -> None:
    doel = tmp_path / "doel.md"
    doel.write_text("van de gebruiker", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(doel)
    out = invoke([*AUDIT, "-o", str(link), "--force"], code=2).output
    assert "snelkoppeling" in out and "(uitvoer-geen-bestand)" in out
    assert link.is_symlink() and doel.read_text(encoding="utf-8") == "van de gebruiker"


def test_a_folder_a_trailing_slash_an_empty_and_a_too_long_name(invoke, tmp_path: Path) -> None:
    (tmp_path / "map.md").mkdir()
    assert "(uitvoer-is-map)" in invoke([*AUDIT, "-o", str(tmp_path / "map.md")], code=2).output
    nieuw = f"{tmp_path}/nieuw/"
    assert "eindigt op '/'" in invoke(["audit", "Herpt", "-o", nieuw], code=2).output
    assert not (tmp_path / "nieuw").exists()
    assert "--output is leeg" in invoke(["audit", "Herpt", "-o", ""], code=2).output
    lang = tmp_path / ("a" * 300 + ".md")
    assert "(uitvoer-naam)" in invoke([*AUDIT, "-o", str(lang)], code=2).output


def test_force_keeps_no_setuid_bit(invoke, tmp_path: Path) -> None:
    doel = tmp_path / "rapport.md"
    doel.write_text("oud", encoding="utf-8")
    doel.chmod(0o4755)
    invoke([*AUDIT, "-o", str(doel), "--force"])
    assert stat.S_IMODE(doel.stat().st_mode) == 0o755
    assert doel.read_text(encoding="utf-8").startswith("# Audit sociale basis: Herpt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_as_github_step_summary_does_not_hang_validate(
    invoke, tmp_path: Path, monkeypatch
) -> None:
    pijp = tmp_path / "summary"
    os.mkfifo(pijp)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(pijp))
    repo = Path(__file__).parents[1]
    result = invoke(["validate", "--data", str(repo), "--format", "github"], code=0)
    assert "GITHUB_STEP_SUMMARY" in result.stderr
