"""Dutch presentation helpers and forgiving name matching (pure functions)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def getal(value: float, decimalen: int | None = None) -> str:
    """`5445.0` → `5.445`, `0.456` → `0,46`: Dutch separators, no needless decimals."""
    if decimalen is None:
        decimalen = 0 if float(value).is_integer() else 2 if abs(value) < 100 else 1
    text = f"{value:,.{decimalen}f}"
    text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


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
    return " Bedoelde u " + " of ".join(f"'{s}'" for s in found) + "?"


def maanden_tussen(begin: dt.date, eind: dt.date) -> int:
    """Whole months from `begin` to `eind` (negative when `eind` is earlier)."""
    months = (eind.year - begin.year) * 12 + (eind.month - begin.month)
    if eind.day < begin.day:
        months -= 1
    return months
