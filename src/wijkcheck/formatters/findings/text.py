"""Validation findings as text: `pad:regel:kolom: fout: bericht (id)`, grouped per file."""

from __future__ import annotations

from wijkcheck.checks.run import Validatie
from wijkcheck.core.errors import Finding
from wijkcheck.core.names import zichtbaar


def regel(f: Finding) -> str:
    return zichtbaar(str(f))


def _aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def samenvatting(v: Validatie) -> str:
    """One line: what was found in how many files."""
    bestanden = _aantal(len(v.bestanden), "bestand", "bestanden")
    if not v.bevindingen:
        return f"Geen fouten of waarschuwingen in {bestanden}."
    waarschuwingen = _aantal(v.waarschuwingen, "waarschuwing", "waarschuwingen")
    if not v.fouten:
        wat = f"Geen fouten; {waarschuwingen}"
    elif v.waarschuwingen:
        wat = f"{_aantal(v.fouten, 'fout', 'fouten')} en {waarschuwingen}"
    else:
        wat = _aantal(v.fouten, "fout", "fouten")
    return f"{wat} in {v.bestanden_met_bevindingen} van {bestanden}."


def render(v: Validatie) -> str:
    lines: list[str] = []
    vorige = None
    for f in v.bevindingen:
        if vorige is not None and f.span.path != vorige:
            lines.append("")
        vorige = f.span.path
        lines.append(regel(f))
    if lines:
        lines.append("")
    lines.append(samenvatting(v))
    return "\n".join(lines) + "\n"
