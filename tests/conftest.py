from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkcheck.cli import app
from wijkcheck.sources.dataroot import bundled_root

BUNDLED = bundled_root()


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., object]:
    """Run the CLI as a user would: from an empty folder, no colour, 100 columns."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WIJKCHECK_DATA", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("WIJKCHECK_CACHE", "uit")  # tests of the memo switch it on themselves

    def run(args: list[str], code: int | None = 0) -> object:
        result = CliRunner().invoke(app, args, catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, (result.exit_code, result.output)
        assert "Traceback" not in result.output
        return result

    return run


#: Tests about Heusden's figures scope their overview to Heusden (the bundled data holds only
#: Heusden; the fictitious Voorbeeldrecht is a data folder of its own, voorbeelden/).
HEUSDEN = ["--gemeente", "heusden"]


def alleen_heusden(root: Path) -> Path:
    """Leave only Heusden in a copy of the bundled data (`root` holds data/wijken)."""
    wijken = root / "data" / "wijken"
    for map_ in wijken.iterdir():
        if map_.is_dir() and map_.name != "heusden":
            shutil.rmtree(map_)
    return root


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data (data/wijken + checklists)."""
    root = tmp_path / "repo"
    shutil.copytree(BUNDLED.wijken, root / "data" / "wijken")
    assert BUNDLED.checklists is not None
    shutil.copytree(BUNDLED.checklists, root / "checklists")
    return root


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output instead of comparing with it",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
