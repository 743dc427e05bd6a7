"""Row orders of the overview. Its own module so that the CLI can offer them without importing
the engine at start-up."""

from __future__ import annotations

from enum import StrEnum


class Sortering(StrEnum):
    """Row order of the overview."""

    KERN = "kern"  # as in gemeente.yaml: kern by kern
    NAAM = "naam"
    # most unmet conditions first, then most unknown ones, then the lowest checklist score
    PROBLEMEN = "problemen"
