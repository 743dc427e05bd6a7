"""Output formats of `wijkcheck validate`: each module has `render(validatie) -> str`.

Cheap to import (the CLI needs the enum to build its options); a format module is imported only
when it is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wijkcheck.checks.run import Validatie


class ValidateFormat(StrEnum):
    AUTO = "auto"
    TEKST = "tekst"
    GITHUB = "github"
    JSON = "json"


FORMATTERS: dict[ValidateFormat, str] = {
    ValidateFormat.TEKST: "wijkcheck.formatters.findings.text",
    ValidateFormat.GITHUB: "wijkcheck.formatters.findings.github",
    ValidateFormat.JSON: "wijkcheck.formatters.findings.json",
}


def kies(fmt: ValidateFormat, env: Mapping[str, str]) -> ValidateFormat:
    """`auto`: GitHub annotations inside a GitHub Actions job, else text."""
    if fmt is not ValidateFormat.AUTO:
        return fmt
    actions = env.get("GITHUB_ACTIONS", "").strip().lower()
    return ValidateFormat.GITHUB if actions not in ("", "0", "false") else ValidateFormat.TEKST


def render(fmt: ValidateFormat, validatie: Validatie) -> str:
    return importlib.import_module(FORMATTERS[fmt]).render(validatie)
