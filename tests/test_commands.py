"""`cli.COMMANDS`: every command, the module that registers it and the help order; a command
line that names a command imports only that command's module."""

from __future__ import annotations

import subprocess
import sys

import pytest

import wijkcheck.cli as cli


def test_commands_names_every_registered_command_and_its_module():
    app = cli.load_commands()
    registered = {info.name: info.callback.__module__ for info in app.registered_commands}
    assert registered == {name: f"wijkcheck.cli.{module}" for name, module in cli.COMMANDS.items()}
    # --help lists them in the order of COMMANDS
    assert [info.name for info in app.registered_commands] == [*cli.COMMANDS]


def test_attribute_app_has_every_command():
    from wijkcheck.cli import app

    assert {info.name for info in app.registered_commands} == set(cli.COMMANDS)


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        (["audit", "Vlijmen-Dorp"], {}, ["audit"]),
        (["import-cbs", "x.csv"], {}, ["import-cbs"]),
        ([], {}, [*cli.COMMANDS]),
        (["--help"], {}, [*cli.COMMANDS]),
        (["--version"], {}, [*cli.COMMANDS]),
        (["adit"], {}, [*cli.COMMANDS]),  # a typo: the suggestion needs every name
        (["audit"], {"_WIJKCHECK_COMPLETE": "bash_complete"}, [*cli.COMMANDS]),
    ],
)
def test_which_commands_a_command_line_needs(argv, environ, expected):
    assert [*cli._commands_for(argv, environ)] == expected


def test_a_command_imports_only_its_own_module(tmp_path):
    script = (
        "import atexit, sys\n"
        "sys.argv = ['wijkcheck', 'regels', '--format', 'json']\n"
        "mods = lambda: sorted(m for m in sys.modules if m.startswith('wijkcheck.cli.'))\n"
        "atexit.register(lambda: sys.stderr.write('MODULES ' + ' '.join(mods()) + '\\n'))\n"
        "from wijkcheck.cli import main\n"
        "main()\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert run.returncode == 0, run.stderr
    regel = next(r for r in run.stderr.splitlines() if r.startswith("MODULES "))
    commandos = {m.removeprefix("wijkcheck.cli.") for m in regel.split()[1:]}
    assert "regels" in commandos
    assert not commandos & (set(cli.COMMANDS.values()) - {"regels"})


def test_a_command_ends_without_the_collection_at_exit_and_its_file_is_whole(tmp_path):
    """At exit the interpreter runs the cyclic collector over every object still alive, even
    with the collector disabled; `main` freezes them first (docs/performance.md). What the
    command wrote is complete all the same: files are closed where they are written."""
    script = (
        "import atexit, gc, sys\n"
        "sys.argv = ['wijkcheck', 'regels', '--format', 'json', '--output', 'regels.json']\n"
        "atexit.register(lambda: sys.stderr.write(f'FROZEN {gc.get_freeze_count()}\\n'))\n"
        "from wijkcheck.cli import main\n"
        "main()\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert run.returncode == 0, run.stderr
    regel = next(r for r in run.stderr.splitlines() if r.startswith("FROZEN "))
    # the libraries, the models and the command: tens of thousands of objects
    assert int(regel.split()[1]) > 10_000
    uit = subprocess.run(
        [sys.executable, "-m", "wijkcheck", "regels", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert (tmp_path / "regels.json").read_text(encoding="utf-8") == uit
