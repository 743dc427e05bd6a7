"""Dutch presentation helpers and forgiving name matching (pure functions)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Any letter or digit of any script counts (Δόβερεν, 海斯本 keep a key of their own); the rest not.
_NON_ALNUM = re.compile(r"[\W_]+")


def getal(value: float, decimalen: int | None = None) -> str:
    """`5445.0` → `5.445`, `0.456` → `0,46`: Dutch separators, no needless decimals."""
    if not value:  # 0 and -0.0 are equal keys but read "0" and "-0": not remembered
        return _getal(value, decimalen)
    return _getal_onthouden(value, decimalen)


def _getal(value: float, decimalen: int | None) -> str:
    if decimalen is None:
        decimalen = 0 if float(value).is_integer() else 2 if abs(value) < 100 else 1
    text = f"{value:,.{decimalen}f}"
    text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


# An audit writes the same few numbers thousands of times (counts, thresholds); equal
# nonzero numbers (5 and 5.0) read the same.
_getal_onthouden = lru_cache(maxsize=4096)(_getal)


def datum(value: dt.date) -> str:
    return f"{value.day}-{value.month}-{value.year}"


@lru_cache(maxsize=65536)
def sleutel(name: str) -> str:
    """Matching key for names: case, diacritics, spaces and dashes do not matter."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub("", ascii_only)


def suggesties(name: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Near misses for `name` among `choices`, best first."""
    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(sleutel(choice), choice)
    keys = difflib.get_close_matches(sleutel(name), list(by_key), n=n, cutoff=0.6)
    contained = [k for k in by_key if sleutel(name) and (sleutel(name) in k) and k not in keys]
    return [by_key[k] for k in keys + contained][:n]


def bedoelde_u(name: str, choices: Iterable[str]) -> str:
    found = suggesties(name, choices)
    if not found:
        return ""
    namen = [f"'{s}'" for s in found]
    keuze = namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " of " + namen[-1]
    return f" Bedoelde u {keuze}?"


def maanden_tussen(begin: dt.date, eind: dt.date) -> int:
    """Whole months from `begin` to `eind` (negative when `eind` is earlier)."""
    months = (eind.year - begin.year) * 12 + (eind.month - begin.month)
    if eind.day < begin.day:
        months -= 1
    return months


#: Characters that change what a terminal or editor shows without being seen themselves:
#: control characters (escape sequences, line breaks), bidi overrides and isolates (U+202E
#: turns text around), zero-width characters and the BOM. Printed as escapes, never raw.
_ONZICHTBAAR = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
#: The subset that is not a control character: flagged in names by `wijkcheck validate`.
_BIDI_NULBREED = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def zichtbaar(text: str, behoud: str = "") -> str:
    """`text` with every invisible or control character (except those in `behoud`) written as
    an escape (`\\x1b`, `\\u202e`): the one escaping of text from data or paths for the
    terminal and for CI logs, where a raw line break could start a workflow command.

    Two colons in a row are written `\\x3a:` too, wherever they stand: a GitHub workflow
    command is a line that starts with `::`, and a text kept with its line breaks, or wrapped
    by a table at any space or mid-word, could otherwise begin a line with them."""
    zonder = _ONZICHTBAAR.sub(lambda m: _escape(m.group(), behoud), text)
    return _DUBBELE_DUBBELE_PUNT.sub(r"\\x3a", zonder) if "::" in zonder else zonder


#: A colon followed by another: each such colon is escaped, so that no two stay side by side.
_DUBBELE_DUBBELE_PUNT = re.compile(r":(?=:)")


def _escape(char: str, behoud: str) -> str:
    if char in behoud:
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def onzichtbaar_teken(text: str) -> str | None:
    """The first bidi or zero-width character in `text`, if any."""
    m = _BIDI_NULBREED.search(text)
    return m.group() if m else None


def veilig_voor_log(text: str) -> str:
    """A message of several lines for stderr: every character from data made visible except
    the line breaks of the message itself, and no line able to start a GitHub workflow
    command (`::error …`): `zichtbaar` leaves no two colons side by side."""
    return zichtbaar(text, behoud="\n")
