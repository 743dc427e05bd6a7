"""Positions and findings: the vocabulary every layer uses to say *where* something is wrong.

This module is the only place that converts PyYAML's 0-based marks into 1-based positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class Span(NamedTuple):
    """A 1-based position in a file; ``line``/``column`` are 0 when the file has no position."""

    path: str
    line: int = 0
    column: int = 0

    @classmethod
    def from_mark(cls, path: str, mark: object) -> Span:
        # PyYAML marks are 0-based; users and editors count from 1.
        return cls(path, getattr(mark, "line", -1) + 1, getattr(mark, "column", -1) + 1)

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


class Severity(StrEnum):
    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"


class Section(StrEnum):
    """Where an id is documented: the heading of its table in docs/validate.md."""

    FILE = "Bestand en YAML"
    FIELDS = "Velden en typen"
    REFERENCES = "Verwijzingen tussen bestanden"
    PLAUSIBILITY = "Plausibiliteit"
    CHECKLISTS = "Checklists"
    OUTPUT_FORM = "Uitvoervorm"
    COMMAND = "Opdrachtregel en uitvoerbestand"
    CBS = "CBS-bestanden"
    MAP = "Kaart"


class YamlExample(NamedTuple):
    """A change to a copy of the bundled data after which `wijkcheck validate` reports the id.

    `path` is relative to the folder holding `data/wijken/` and `checklists/`. `text` replaces
    the first occurrence of `replaces` in the bundled file; without `replaces` it is the whole
    file (a new one, or one that replaces the bundled file). `removes` deletes the file instead.
    `datum` is the `--datum` of the check.
    """

    path: str
    text: str = ""
    replaces: str | None = None
    removes: bool = False
    datum: str = "2025-06-01"


class CommandExample(NamedTuple):
    """A command line that reports the id: for ids about arguments, output files, other commands."""

    command: str


Example = YamlExample | CommandExample


class FindingId(NamedTuple):
    """The definition of one finding id: registered once in `core/finding_ids.py`.

    Two definitions are equal when their ids are (a finding that crossed a process boundary
    still compares equal to the registered one).
    """

    id: str
    severity: Severity
    section: Section
    title: str
    explanation: str
    #: True when the finding stops the check itself (exit code 2), not a problem in the data.
    stops: bool = False
    example: Example | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FindingId) and other.id == self.id

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self.id)

    def __str__(self) -> str:
        return self.id


#: Every registered definition by id; filled by `define` (the calls are in core/finding_ids.py).
REGISTRY: dict[str, FindingId] = {}


def define(
    id: str,
    severity: Severity,
    section: Section,
    title: str,
    explanation: str,
    *,
    stops: bool = False,
    example: Example | None = None,
) -> FindingId:
    """Register a finding id; an id is defined once."""
    if id in REGISTRY:
        raise ValueError(f"finding id {id!r} is already defined")
    definition = FindingId(id, severity, section, title, explanation, stops, example)
    REGISTRY[id] = definition
    return definition


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one place, with a registered, stable id (for CI, suppression and docs)."""

    span: Span
    message: str
    definition: FindingId

    def __post_init__(self) -> None:
        # Only registered definitions: a loose string (or an unregistered id) fails here, at
        # the place that emits it, in every test that reaches it.
        if not isinstance(self.definition, FindingId) or REGISTRY.get(self.definition.id) is None:
            raise TypeError(
                f"finding id {self.definition!r} is not registered; define it in "
                "wijkcheck/core/finding_ids.py"
            )

    @property
    def id(self) -> str:
        return self.definition.id

    @property
    def severity(self) -> Severity:
        return self.definition.severity

    def __str__(self) -> str:
        # Errors about arguments (an unknown wijk name) have no file: no position prefix.
        where = f"{self.span}: " if self.span.path else ""
        return f"{where}{self.severity.value}: {self.message} ({self.id})"


@dataclass(slots=True)
class WijkcheckError(Exception):
    """Everything a user can cause: bad files, bad names, bad arguments.

    The CLI turns it into Dutch text and exit code 2; nothing else may escape to the user.
    """

    findings: list[Finding] = field(default_factory=list)
    #: the findings are about the bundled example data (which `validate` does not check): the
    #: CLI then points at the options that caused them instead of at validate
    meegeleverd: bool = False

    @classmethod
    def single(cls, span: Span, message: str, definition: FindingId) -> WijkcheckError:
        return cls([Finding(span, message, definition)])

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self.findings)
