"""Markdown: pipe tables that render on GitHub/GitLab and paste into Word via a Markdown editor.

All text from the data is escaped, so a name like `<script>` or `a | b` stays text.
"""

from __future__ import annotations

import re

from wijkcheck.core.results import Rapport
from wijkcheck.formatters.report.common import (
    GEEN_VOORZIENINGEN,
    KAART_KOLOMMEN,
    LEGENDA,
    Bron,
    Rij,
    bron_tekst,
    conclusie,
    kaart_kop,
    kaart_view,
    kop,
    meldingen,
    memo_view,
    overzicht_kop,
    overzicht_view,
    titel,
)
from wijkcheck.reports.overview import Overzicht
from wijkcheck.reports.sociale_kaart import SocialeKaart

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])")
_INSPRING = "&emsp;"  # leading spaces vanish in Markdown; an em space entity survives


def esc(text: str) -> str:
    """Escape Markdown and HTML specials; newlines become spaces (a table cell is one line)."""
    text = _SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))
    return " ".join(text.split())


def _heel(text: str) -> str:
    """Escaped, with no-break spaces: '✘ niet voldaan' never wraps inside its cell."""
    return esc(text).replace(" ", "\u00a0")


def _tabel(
    kolommen: list[str], rijen: list[list[str]], rechts: frozenset[int] | set[int] = frozenset()
) -> str:
    """A pipe table; cells are already escaped."""
    scheiding = ["---:" if i in rechts else "---" for i in range(len(kolommen))]
    lines = [
        "| " + " | ".join(kolommen) + " |",
        "|" + "|".join(scheiding) + "|",
        *("| " + " | ".join(c or " " for c in rij) + " |" for rij in rijen),
    ]
    return "\n".join(lines)


def _begin(result, feiten: list[tuple[str, str]]) -> list[str]:
    out = [f"# {esc(titel(result))}", ""]
    out += [f"- **{esc(label)}:** {esc(waarde)}" for label, waarde in feiten]
    out.append("")
    for melding in meldingen(result):
        out += [f"> ⚠ **Let op:** {esc(melding)}", ""]
    out += ["## Samenvatting", "", *(f"- {esc(regel)}" for regel in conclusie(result)), ""]
    return out


def _bronnen(bronnen: list[Bron]) -> list[str]:
    out = ["## Bronnen", ""]
    out += [f"{b.nummer}. {esc(bron_tekst(b))}" for b in bronnen]
    return [*out, ""]


def _rijen(rijen: list[Rij]) -> str:
    cellen = []
    for rij in rijen:
        naam = esc(rij.titel)
        naam = _INSPRING * rij.niveau + "· " + naam if rij.niveau else f"**{naam}**"
        gemeten = esc(rij.gemeten)
        if rij.toelichting:
            gemeten += f"<br>*{esc(rij.toelichting)}*"
        refs = ", ".join(str(n) for n in rij.bronnen)
        cellen.append([naam, _heel(rij.uitkomst_tekst), gemeten, esc(rij.vereist), refs])
    return _tabel(["Onderwerp", "Uitkomst", "Gemeten", "Vereist", "Bron"], cellen)


def audit(rapport: Rapport) -> str:
    view = memo_view(rapport)
    out = _begin(rapport, kop(rapport))
    for sectie in view.secties:
        out += [f"## {esc(sectie.titel)}", "", _rijen(sectie.rijen), ""]
    out += _bronnen(view.bronnen)
    return "\n".join(out)


def overzicht(ov: Overzicht) -> str:
    view = overzicht_view(ov)
    out = _begin(ov, overzicht_kop(ov))
    out += ["## Voorwaarden en checklist per wijk", ""]
    rijen = [
        [f"**{esc(c)}**" if i == view.wijk else _heel(c) for i, c in enumerate(r)]
        for r in view.rijen
    ]
    rijen += [[f"*{esc(t[0])}*", *(esc(c) for c in t[1:])] for t in view.totalen]
    laatste = len(view.kolommen) - 1
    out += [_tabel([esc(k) for k in view.kolommen], rijen, {laatste}), ""]
    out += [f"*{esc(LEGENDA)}*", ""]
    return "\n".join(out)


def kaart(k: SocialeKaart) -> str:
    view = kaart_view(k)
    out = _begin(k, kaart_kop(k))
    if k.omschrijving:
        out += [f"*{esc(k.omschrijving)}*", ""]
    for groep in view.groepen:
        out += [f"## {esc(groep.titel)}", "", f"*{esc(groep.omschrijving)}*", ""]
        if not groep.secties:
            out += [f"{esc(GEEN_VOORZIENINGEN.capitalize())}.", ""]
            continue
        rijen = []
        for sectie in groep.secties:
            rijen.append([f"***{esc(sectie.titel)}***", "", "", "", ""])
            for rij in sectie.rijen:
                naam = f"**{esc(rij.naam)}**" if sectie.eigen else esc(rij.naam)
                if rij.details:
                    naam += f"<br>*{esc(rij.details)}*"
                refs = ", ".join(str(n) for n in rij.bronnen)
                rijen.append([naam, esc(rij.soort), esc(rij.toegankelijk), esc(rij.waar), refs])
        out += [_tabel(KAART_KOLOMMEN, rijen), ""]
    out += _bronnen(view.bronnen)
    return "\n".join(out)


def render(result: Rapport | Overzicht | SocialeKaart) -> str:
    if isinstance(result, Overzicht):
        return overzicht(result)
    if isinstance(result, SocialeKaart):
        return kaart(result)
    return audit(result)
