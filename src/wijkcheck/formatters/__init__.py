"""Output formats. Each text format is a pure function from a report to a string."""

from __future__ import annotations

from enum import StrEnum


class OutputFormat(StrEnum):
    TABEL = "tabel"
    JSON = "json"
