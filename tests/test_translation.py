"""Every usage error a user can provoke from click or typer reaches them in Dutch, once: through
gettext, click's and typer's own mechanism, with the catalogue in `cli/catalogue/`."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
import typer

import wijkcheck.cli

#: Fragments of click's and typer's English messages (click/exceptions.py, click/core.py).
ENGELS = re.compile(
    r"No such|Did you mean|Missing|Invalid|is not|requires|does not take|Got unexpected|"
    r"Try |Usage|Error|Possible options",
)


@pytest.mark.parametrize(
    ("args", "bericht"),
    [
        (["adit"], "fout: onbekend commando 'adit'. Bedoelde u 'audit'?"),
        (["zwembad"], "fout: onbekend commando 'zwembad'."),
        (["--kleur"], "fout: onbekende optie '--kleur'."),
        (["audit", "Herpt", "--strik"], "fout: onbekende optie '--strik'. Bedoelde u '--strikt'?"),
        (
            ["audit", "Herpt", "--forc"],
            "fout: onbekende optie '--forc'. Bedoelde u een van '--force', '--format'?",
        ),
        (["audit"], "fout: ontbrekend argument 'WIJK'."),
        (["explain", "a", "b"], "fout: onverwacht extra argument: b"),
        (["audit", "Herpt", "--datum"], "fout: optie '--datum' heeft een waarde nodig."),
        (["audit", "Herpt", "--strikt=ja"], "fout: optie '--strikt' neemt geen waarde."),
        (
            ["overview", "--sorteer", "grootte"],
            "fout: ongeldige waarde voor '--sorteer': 'grootte' is geen van 'kern', 'naam', "
            "'problemen'.",
        ),
        (
            ["validate", "--format", "xml"],
            "fout: ongeldige waarde voor '--format' / '-f': 'xml' is geen van 'auto', "
            "'tekst', 'github', 'json'.",
        ),
    ],
)
def test_usage_errors_are_dutch_and_said_once(invoke, args: list[str], bericht: str) -> None:
    result = invoke(args, code=2)
    regels = result.stderr.splitlines()
    assert regels[0] == bericht
    assert not ENGELS.search(result.output), result.output
    assert result.output.count("fout:") == 1
    assert result.output.casefold().count("bedoelde u") <= 1


CATALOGUE = Path(wijkcheck.cli.__file__).with_name("catalogue") / "nl" / "LC_MESSAGES"
#: click's and typer's messages no user of wijkcheck can trigger: programming errors of a
#: command's author, prompts and editors wijkcheck never opens, Windows and version checks
NIET_VOOR_GEBRUIKERS = {
    "d",
    "Windows error: {error}",
    "{editor}: Editing failed",
    "{editor}: Editing failed: {e}",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
    "Could not determine name for option with declarations {decls!r}",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}",
    "Unknown color {colour!r}",
    "Unknown standard stream '{name}'",
    "Choose from:\n\t{choices}",
}


def _catalogus() -> dict[str, object]:
    from babel.messages.pofile import read_po

    with (CATALOGUE / "wijkcheck.po").open("rb") as f:
        return {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in read_po(f) if m.id}


def test_every_message_of_click_and_typer_has_a_dutch_translation() -> None:
    from babel.messages.extract import extract_from_dir

    vertaald = _catalogus()
    ontbreekt = []
    for pkg in (click, typer):
        folder = Path(pkg.__file__).parent
        for _, _, message, _, _ in extract_from_dir(
            folder, keywords={"_": None, "ngettext": (1, 2)}, comment_tags=()
        ):
            msgid = message if isinstance(message, str) else message[0]
            if msgid.startswith(("DeprecationWarning", "No options defined")):
                continue  # a command author's mistake, never a user's
            if msgid in NIET_VOOR_GEBRUIKERS:
                continue
            if not vertaald.get(msgid):
                ontbreekt.append(msgid)
    assert not ontbreekt


def test_the_compiled_catalogue_is_the_po_file() -> None:
    import gettext

    with (CATALOGUE / "wijkcheck.mo").open("rb") as f:
        mo = gettext.GNUTranslations(f)
    for msgid, vertaling in _catalogus().items():
        gezien = mo.gettext(msgid) if isinstance(vertaling, str) else mo.ngettext(msgid, "", 1)
        verwacht = vertaling if isinstance(vertaling, str) else vertaling[0]
        assert gezien == verwacht, "pybabel compile -D wijkcheck -d src/wijkcheck/cli/catalogue"


def test_dutch_whatever_the_locale_of_the_machine(invoke, monkeypatch) -> None:
    for taal in ("C", "en_US.UTF-8", "de_DE.UTF-8"):
        monkeypatch.setenv("LANG", taal)
        monkeypatch.setenv("LC_ALL", taal)
        monkeypatch.setenv("LANGUAGE", "en")
        assert "onbekende optie" in invoke(["--kleur"], code=2).stderr
