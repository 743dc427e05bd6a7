"""Dutch for the parts of help and errors that typer and click write in English.

Users of wijkcheck read Dutch; click's texts are plain English f-strings, so headings are set on
typer's module constants and usage errors are translated where `main` prints them.
"""

from __future__ import annotations

import re
from typing import Any

import click  # typer < 0.26 (pyproject.toml) uses click itself, not a vendored copy

_FOUTEN: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"No such option:? '?(.+?)'?\.?(?: \(?Did you mean (?:one of: )?(.+?)\?\)?)?$", re.S
        ),
        "onbekende optie: {0}",
    ),
    (re.compile(r"Missing argument '(.+)'\.$"), "argument {0} ontbreekt"),
    (re.compile(r"Missing option '(.+)'\.$"), "optie {0} ontbreekt"),
    (re.compile(r"Missing command\.$"), "commando ontbreekt"),
    (re.compile(r"Missing parameter: (.+)$"), "parameter {0} ontbreekt"),
    (re.compile(r"Option '(.+)' requires an argument\.$"), "optie {0} heeft een waarde nodig"),
    (re.compile(r"Option '(.+)' requires (.+)$"), "optie {0} heeft een waarde nodig"),
    (re.compile(r"Option '(.+)' does not take a value\.$"), "optie {0} neemt geen waarde"),
    (re.compile(r"Got unexpected extra arguments? \((.+)\)$"), "onverwacht extra argument ({0})"),
    (
        re.compile(r"Invalid value for ((?:'[^']+'(?: / )?)+|[^:]+): (.+)$", re.S),
        "ongeldige waarde voor {0}: {1}",
    ),
    (re.compile(r"Invalid value: (.+)$", re.S), "ongeldige waarde: {0}"),
]

_WAARDEN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"'(.*)' is not one of (.+)\.$"), "'{0}' is geen van {1}"),
    (re.compile(r"'(.*)' is not (.+)\.$"), "'{0}' is niet {1}"),
    (
        re.compile(r"'?(.*?)'? is not a valid (integer|float|int)\.?( range)?$"),
        "'{0}' is geen getal",
    ),
    (re.compile(r"Value '(.*)' is not a valid (.+)\.$"), "'{0}' is geen geldige {1}"),
    (re.compile(r"(?:Directory|File|Path) '(.*)' does not exist\.$"), "'{0}' bestaat niet"),
    (
        re.compile(r"(?:Directory|File|Path) '(.*)' is a (?:directory|file)\.$"),
        "'{0}' is van het verkeerde soort",
    ),
]


# click >= 8.4 suggests a command itself and typer adds the same suggestion again.
_COMMANDO = re.compile(r"No such command '(.+?)'\.(.*)$", re.S)


def vertaal(message: str) -> str:
    m = _COMMANDO.match(message.strip())
    if m:
        namen = list(dict.fromkeys(re.findall(r"'([^']+)'", m.group(2))))
        hint = " Bedoelde u " + " of ".join(f"'{n}'" for n in namen) + "?" if namen else ""
        return f"onbekend commando '{m.group(1)}'.{hint}".rstrip(".")
    for pattern, dutch in _FOUTEN:
        m = pattern.match(message.strip())
        if m:
            parts = [vertaal_waarde(_hint(g)) if g else "" for g in m.groups()]
            text = dutch.format(*parts)
            if "Did you mean" in message and m.lastindex and m.lastindex > 1 and m.group(2):
                een_van = "een van " if "one of" in message else ""
                text += f" (bedoelde u {een_van}{m.group(2)}?)"
            return text
    return vertaal_waarde(message)


def _hint(text: str) -> str:
    """click quotes a parameter hint as "'--format' / '-f'"; we write "--format / -f"."""
    return text.replace("'", "") if _QUOTED_HINT.match(text) else text


_QUOTED_HINT = re.compile(r"^'[^']+'(?: / '[^']+')*$")


def vertaal_waarde(message: str) -> str:
    for pattern, dutch in _WAARDEN:
        m = pattern.match(message.strip())
        if m:
            return dutch.format(*m.groups())
    return message


_installed = False


def install() -> None:
    """Set Dutch headings and help texts (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    from typer import rich_utils

    click_core, click_formatting = click.core, click.formatting

    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenten"
    rich_utils.OPTIONS_PANEL_TITLE = "Opties"
    rich_utils.COMMANDS_PANEL_TITLE = "Commando's"
    rich_utils.ERRORS_PANEL_TITLE = "Fout"
    rich_utils.ABORTED_TEXT = "Afgebroken."
    rich_utils.DEFAULT_STRING = "[standaard: {}]"
    rich_utils.ENVVAR_STRING = "[omgevingsvariabele: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[verplicht]"
    rich_utils.RICH_HELP = "Probeer [blue]'{command_path} {help_option}'[/] voor hulp."
    rich_utils.DEPRECATED_STRING = "(verouderd) "

    from wijkcheck.cli.pipe import pijp_dicht_is_stil

    original_console = rich_utils._get_rich_console

    def get_rich_console(stderr: bool = False) -> Any:
        return pijp_dicht_is_stil(original_console(stderr=stderr))

    rich_utils._get_rich_console = get_rich_console

    original_usage = click_formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_usage(self, prog, args, "Gebruik: " if prefix is None else prefix)

    click_formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    # typer's highlighter recognises the usage line by its English prefix.
    rich_utils.OptionHighlighter.highlights = [
        h.replace("(?P<usage>Usage: )", "(?P<usage>Gebruik: )")
        for h in rich_utils.OptionHighlighter.highlights
    ]

    original_help = click_core.Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original_help(self, ctx)
        if option is not None:
            option.help = "Toon deze hulp en stop."
        return option

    click_core.Command.get_help_option = get_help_option  # type: ignore[method-assign]

    # typer shows the click type of an argument whose metavar is its own name (WIJK: TEXT).
    click.types.STRING.name = "tekst"
    click.types.Path.name = "pad"


UsageError = click.exceptions.UsageError
#: Raised after the help is shown for a command given without arguments (click >= 8.2).
NoArgsIsHelpError = click.exceptions.NoArgsIsHelpError
ClickException = click.exceptions.ClickException
