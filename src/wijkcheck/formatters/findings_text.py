"""Validation findings as text: `pad:regel:kolom: fout: bericht (regel-id)`, grouped per file."""

from __future__ import annotations

import re

from wijkcheck.errors import Finding
from wijkcheck.validate import Validatie

_STUURTEKEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def zichtbaar(text: str, behoud: str = "") -> str:
    """Control characters (a hostile key name) as visible escapes, never raw to a terminal;
    except those in `behoud`."""
    return _STUURTEKEN.sub(lambda m: _escape(m.group(), behoud), text)


def _escape(char: str, behoud: str) -> str:
    if char in behoud:
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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
