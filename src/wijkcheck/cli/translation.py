"""Dutch for click's and typer's own messages, through their own mechanism: gettext.

click and typer mark every message for gettext (`_("No such option {name!r}.")`) and look it up
in the process's text domain. wijkcheck binds that domain to its Dutch catalogue
(`catalogue/nl/LC_MESSAGES/wijkcheck.po`, compiled to `.mo`) and asks for Dutch, whatever the
machine's locale: every text a user reads is Dutch (docs/ontwerp.md).
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

import click  # typer < 0.26 (pyproject.toml) uses click itself, not a vendored copy

DOMAIN = "wijkcheck"
CATALOGUE = Path(__file__).with_name("catalogue")


def install() -> None:
    """Bind the Dutch catalogue (idempotent, and cheap: the catalogue loads on first use)."""
    # gettext picks the language from LANGUAGE before LC_ALL, LC_MESSAGES and LANG; with
    # LANG=C (CI containers) it would otherwise pick none at all.
    os.environ["LANGUAGE"] = "nl"
    gettext.bindtextdomain(DOMAIN, str(CATALOGUE))
    gettext.textdomain(DOMAIN)
    # typer shows the click type of an argument whose metavar is its own name (WIJK: TEXT);
    # `name` is the type's public descriptive name, not a gettext message.
    click.types.STRING.name = "tekst"
    click.types.Path.name = "pad"
