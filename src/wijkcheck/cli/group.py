"""The typer app, its error policy and exit codes. Commands live in modules of their own.

Exit codes (README): 0 success, 1 findings (validation errors; with --strikt also unmet
conditions), 2 the input could not be used (bad arguments, unreadable or invalid data).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import Annotated, Any

import click
import typer
from typer.core import TyperGroup

from wijkcheck.cli import translation
from wijkcheck.cli.pipe import help_console_stil
from wijkcheck.core.errors import WijkcheckError

EXIT_OK, EXIT_BEVINDINGEN, EXIT_INVOER = 0, 1, 2
EXIT_AFGEBROKEN = 130  # Ctrl-C, as shells report SIGINT
EXIT_PIJP_DICHT = 141  # the reader closed our stdout, as shells report SIGPIPE


#: Errors a command other than validate prints in full; beyond it only the first of each id.
MAX_FOUTEN = 20


def fout(exc: WijkcheckError) -> None:
    """Print a user error as `pad:regel:kolom: fout: …` lines on stderr: the first
    `MAX_FOUTEN`, then only the first of every id not shown yet (an audit dated years back
    would otherwise list every figure of the gemeente); validate lists them all."""
    from wijkcheck.core import finding_ids as ids
    from wijkcheck.core.names import veilig_voor_log

    if len(exc.findings) > 1 and all(f.definition == ids.TOEKOMSTIGE_DATUM for f in exc.findings):
        # an audit dated before the figures: every file of the gemeente says so; the cause first
        sys.stderr.write(
            f"De auditdatum (--datum) ligt vóór {len(exc.findings)} peildata in de gegevens van "
            "de gemeente. Kies een latere --datum, of laat --datum weg (dan geldt vandaag).\n"
        )
    soorten: set[str] = set()
    getoond = weggelaten = 0
    for finding in exc.findings:  # names and paths come from data: nothing raw reaches a log
        if getoond >= MAX_FOUTEN and finding.id in soorten:
            weggelaten += 1
            continue
        soorten.add(finding.id)
        getoond += 1
        sys.stderr.write(f"{veilig_voor_log(str(finding))}\n")
    if len(exc.findings) > 1:
        sys.stderr.write(f"{len(exc.findings)} fouten gevonden.\n")
    if weggelaten and not exc.meegeleverd:
        sys.stderr.write(
            f"{weggelaten} daarvan niet getoond (van een soort die hierboven al staat); "
            "'wijkcheck validate', met dezelfde gegevensmap en auditdatum, noemt ze allemaal.\n"
        )
    elif weggelaten:
        sys.stderr.write(
            f"{weggelaten} daarvan niet getoond (van een soort die hierboven al staat).\n"
        )
    if exc.meegeleverd:
        # validate refuses the bundled data: the options of this command caused the errors
        sys.stderr.write(
            "Deze fouten gaan over de meegeleverde voorbeeldgegevens, die zelf in orde zijn: "
            "ze komen door de opties van dit commando (bijvoorbeeld een --datum vóór de "
            "peildatum van de cijfers). Met --data wijst u uw eigen gegevens aan.\n"
        )


class WijkcheckGroup(TyperGroup):
    """Runs every command with one error policy: Dutch messages, exit code 2, no traceback."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # click >= 8.4 suggests a command itself, through gettext; typer would add the same
        # suggestion again, in English
        self.suggest_commands = False

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = self._voer_uit(
                args, prog_name, complete_var, windows_expand_args=windows_expand_args, **extra
            )
        except BrokenPipeError:  # also from our own writes to stdout or stderr below
            code = _pijp_dicht()
        if standalone_mode:
            sys.exit(code)
        return code

    # typer's own handler turns a closed pipe into exit code 1 (click's choice); we step past it.
    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except BrokenPipeError as exc:
            raise _PijpDicht from exc

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise _PijpDicht from exc

    def _voer_uit(
        self, args: Any, prog_name: str | None, complete_var: str | None, **extra: Any
    ) -> int:
        argv = sys.argv[1:] if args is None else list(args)
        _aanvulling_in_het_nederlands(self)
        translation.install()
        if not argv or "-h" in argv or "--help" in argv:
            # typer's help renderer is costly to import: load it only to show help
            help_console_stil()
        try:
            rv = super().main(
                args, prog_name or "wijkcheck", complete_var, standalone_mode=False, **extra
            )
        except click.exceptions.NoArgsIsHelpError as exc:
            sys.stdout.write(exc.format_message())  # typer's own help has printed itself already
            rv = EXIT_INVOER  # no command: as click, exit code 2, but no error line under the help
        except click.UsageError as exc:
            hint = ""
            if exc.ctx is not None:
                hint = f"\nProbeer '{exc.ctx.command_path} --help' voor hulp."
            elif argv and argv[0] in self.commands:  # an option without its value
                hint = f"\nProbeer '{prog_name or 'wijkcheck'} {argv[0]} --help' voor hulp."
            sys.stderr.write(f"fout: {exc.format_message()}{hint}\n")
            rv = EXIT_INVOER
        except click.ClickException as exc:
            sys.stderr.write(f"fout: {exc.format_message()}\n")
            rv = EXIT_INVOER
        except WijkcheckError as exc:
            fout(exc)
            rv = EXIT_INVOER
        except (KeyboardInterrupt, EOFError, typer.Abort):
            rv = EXIT_AFGEBROKEN
        except _PijpDicht:
            rv = _pijp_dicht()
        except Exception as exc:  # a bug, not the user's fault: say so without a traceback
            if _ctrl_c_in_pydantic(exc):
                return self._afgebroken()
            if os.environ.get("WIJKCHECK_DEBUG"):
                raise
            from wijkcheck.core.names import zichtbaar

            sys.stderr.write(
                f"interne fout in wijkcheck: {type(exc).__name__}: {zichtbaar(str(exc))}\n"
                "Dit is een fout in wijkcheck, niet in uw gegevens. "
                "Zet WIJKCHECK_DEBUG=1 voor details.\n"
            )
            rv = EXIT_INVOER
        code = rv if isinstance(rv, int) else EXIT_OK
        if code == EXIT_AFGEBROKEN:
            # typer may turn Ctrl-C into a silent exit 130 before the handler above sees it;
            # no command of ours exits with 130 otherwise.
            return self._afgebroken()
        return code

    @staticmethod
    def _afgebroken() -> int:
        sys.stderr.write("Afgebroken.\n")
        return EXIT_AFGEBROKEN


def _ctrl_c_in_pydantic(exc: Exception) -> bool:
    """Ctrl-C while pydantic's serialiser ran (the JSON of a large overview): it comes back
    wrapped, as a `PydanticSerializationError` that names the KeyboardInterrupt."""
    from pydantic_core import PydanticSerializationError

    return isinstance(exc, PydanticSerializationError) and "KeyboardInterrupt" in str(exc)


class _PijpDicht(Exception):
    """stdout was closed by its reader (`wijkcheck regels | head -1`)."""


def _pijp_dicht() -> int:
    """The reader of our output has gone: stop without a word, as `cat` and `yes` do.

    Exit code 141 (128 + SIGPIPE), what a shell reports for those: with `set -o pipefail` a
    pipeline whose output was cut short never counts as a clean pass (docs/uitvoer.md).
    """
    for stream in (sys.stdout, sys.stderr):
        # what is still buffered would fail again when Python flushes it at exit
        with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    return EXIT_PIJP_DICHT


app = typer.Typer(
    name="wijkcheck",
    cls=WijkcheckGroup,
    help="Controleer of elke wijk een sterke sociale basis heeft: toets de wijken aan de "
    "checklist van uw gemeente en de regionale checklist waarop die voortbouwt.",
    no_args_is_help=True,
    add_completion=True,
    options_metavar="[OPTIES]",
    subcommand_metavar="COMMANDO [ARGUMENTEN]...",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _versie(waarde: bool) -> None:
    if waarde:
        from importlib.metadata import version

        sys.stdout.write(f"wijkcheck {version('wijkcheck')}\n")
        raise typer.Exit()


@app.callback()
def _hoofd(
    versie: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_versie,
            is_eager=True,
            expose_value=True,
            help="Toon de versie van wijkcheck en stop.",
        ),
    ] = False,
) -> None:
    pass


def _aanvulling_in_het_nederlands(group: TyperGroup) -> None:
    """typer's --install-completion and --show-completion, with Dutch help and messages."""
    for param in group.params:
        if not isinstance(param, click.Option):
            continue
        if param.name == "install_completion":
            param.help = (
                "Installeer de aanvulling met Tab voor uw shell (bash, zsh, fish, PowerShell)."
            )
            param.callback = _installeer_aanvulling
        elif param.name == "show_completion":
            param.help = "Toon het aanvulscript voor uw shell, om het zelf te installeren."
            param.callback = _toon_aanvulling


def _shell(ctx: click.Context, waarde: Any) -> tuple[str, str, str]:
    """The shell asked for or detected, the program name and its completion variable."""
    from typer import completion

    shell = waarde if isinstance(waarde, str) else completion._get_shell_name()
    prog = ctx.find_root().info_name or "wijkcheck"
    if shell not in {s.value for s in completion.Shells}:
        sys.stderr.write(
            f"fout: aanvulling met Tab bestaat niet voor shell '{shell or 'onbekend'}'; "
            "wel voor bash, zsh, fish en PowerShell\n"
        )
        raise typer.Exit(EXIT_INVOER)
    return shell, prog, "_{}_COMPLETE".format(prog.replace("-", "_").upper())


def _installeer_aanvulling(ctx: click.Context, param: click.Parameter, waarde: Any) -> None:
    if not waarde or ctx.resilient_parsing:
        return
    from typer import completion

    shell, prog, var = _shell(ctx, waarde)
    _, pad = completion.install(shell=shell, prog_name=prog, complete_var=var)
    sys.stdout.write(
        f"Aanvulling voor {shell} geïnstalleerd in {pad}.\n"
        "Ze werkt zodra u een nieuwe terminal opent.\n"
    )
    raise typer.Exit()


def _toon_aanvulling(ctx: click.Context, param: click.Parameter, waarde: Any) -> None:
    if not waarde or ctx.resilient_parsing:
        return
    from typer import completion

    shell, prog, var = _shell(ctx, waarde)
    script = completion.get_completion_script(prog_name=prog, complete_var=var, shell=shell)
    sys.stdout.write(script + "\n")
    raise typer.Exit()
