"""Positions and findings: the vocabulary every layer uses to say *where* something is wrong.

This module is the only place that converts PyYAML's 0-based marks into 1-based positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Span:
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


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one place, with a stable rule id (for CI, suppression and docs)."""

    span: Span
    message: str
    rule: str
    severity: Severity = Severity.FOUT

    def __str__(self) -> str:
        # Errors about arguments (an unknown wijk name) have no file: no position prefix.
        where = f"{self.span}: " if self.span.path else ""
        return f"{where}{self.severity.value}: {self.message} ({self.rule})"


@dataclass(slots=True)
class WijkcheckError(Exception):
    """Everything a user can cause: bad files, bad names, bad arguments.

    The CLI turns it into Dutch text and exit code 2; nothing else may escape to the user.
    """

    findings: list[Finding] = field(default_factory=list)

    @classmethod
    def single(cls, span: Span, message: str, rule: str) -> WijkcheckError:
        return cls([Finding(span, message, rule)])

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self.findings)
