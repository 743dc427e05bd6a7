"""Markdown: pipe tables that render on GitHub/GitLab and paste into Word via a Markdown editor.

All text from the data is escaped, so a name like `<script>` or `a | b` stays text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wijkcheck.core.results import Rapport
from wijkcheck.formatters.report import common
from wijkcheck.reports.compare import OverzichtSinds, Vergelijking
from wijkcheck.reports.goede_voorbeelden import GoedeVoorbeelden
from wijkcheck.reports.overview import Overzicht
from wijkcheck.reports.sociale_kaart import SocialeKaart

if TYPE_CHECKING:  # types only: list, explain and regels cost a report nothing
    from wijkcheck.reports.explain import Onderwerpen, Regelsoorten, Uitleg
    from wijkcheck.reports.wijken import Wijkenlijst

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])")
_INSPRING = "&emsp;"  # leading spaces vanish in Markdown; an em space entity survives


def esc(text: str) -> str:
    """Escape Markdown and HTML specials; newlines become spaces (a table cell is one line),
    a no-break space stays (it keeps '⚠' with its word)."""
    text = _SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))
    return common.BREEKBAAR.sub(" ", text).strip()


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
    out = [f"# {esc(common.titel(result))}", ""]
    out += [f"- **{esc(label)}:** {esc(waarde)}" for label, waarde in feiten]
    out.append("")
    for melding in common.meldingen(result):
        out += [f"> ⚠ **Let op:** {esc(melding)}", ""]
    out += ["## Samenvatting", "", *(f"- {esc(regel)}" for regel in common.conclusie(result)), ""]
    return out


def _bronnen(bronnen: list[common.Bron]) -> list[str]:
    out = ["## Bronnen", ""]
    out += [f"{b.nummer}. {esc(common.bron_tekst(b))}" for b in bronnen]
    return [*out, ""]


def _rijen(rijen: list[common.Rij]) -> str:
    cellen = []
    for rij in rijen:
        naam = esc(rij.titel)
        naam = _INSPRING * rij.niveau + "· " + naam if rij.niveau else f"**{naam}**"
        gemeten = esc(rij.gemeten_vol)
        if rij.toelichting:
            gemeten += f"<br>*{esc(rij.toelichting)}*"
        refs = ", ".join(str(n) for n in rij.bronnen)
        cellen.append([naam, _heel(rij.uitkomst_tekst), gemeten, esc(rij.vereist_vol), refs])
    return _tabel(["Onderwerp", "Uitkomst", "Gemeten", "Vereist", "Bron"], cellen)


def audit(rapport: Rapport) -> str:
    view = common.memo_view(rapport)
    out = _begin(rapport, common.kop(rapport))
    for sectie in view.secties:
        out += [f"## {esc(sectie.titel)}", "", _rijen(sectie.rijen), ""]
    out += _bronnen(view.bronnen)
    return "\n".join(out)


def overzicht(ov: Overzicht) -> str:
    view = common.overzicht_view(ov)
    out = _begin(ov, common.overzicht_kop(ov))
    out += ["## Voorwaarden en checklist per wijk", ""]
    rijen = [
        [f"**{esc(c)}**" if i == view.wijk else _heel(c) for i, c in enumerate(r)]
        for r in view.rijen
    ]
    rijen += [[f"*{esc(t[0])}*", *(esc(c) for c in t[1:])] for t in view.totalen]
    laatste = len(view.kolommen) - 1
    out += [_tabel([esc(k) for k in view.kolommen], rijen, {laatste}), ""]
    out += [f"*{esc(common.legenda_tekst(ov))}*", ""]
    out += _sommen(ov)
    return "\n".join(out)


def _sommen(ov: Overzicht) -> list[str]:
    if not ov.sommen or not ov.voorwaarden:
        return []
    view = common.sommen_view(ov)
    rijen = []
    for r in view.rijen:
        label = esc(r.label) if r.niveau == "kern" else f"**{esc(r.label)}**"
        cellen = [" · ".join(_heel(c) for c in cel) for cel in r.cellen]
        rijen.append([label, esc(r.wijken), _heel(r.inwoners), *cellen])
    return [
        f"## {esc(common.SOMMEN_TITEL)}",
        "",
        _tabel([esc(k) for k in view.kolommen], rijen, {1, 2}),
        "",
        f"*{esc(common.SOMMEN_UITLEG)}*",
        "",
    ]


def kaart(k: SocialeKaart) -> str:
    view = common.kaart_view(k)
    out = _begin(k, common.kaart_kop(k))
    if k.omschrijving:
        out += [f"*{esc(k.omschrijving)}*", ""]
    for groep in view.groepen:
        out += [f"## {esc(groep.titel)}", "", f"*{esc(groep.omschrijving)}*", ""]
        if not groep.secties:
            out += [f"{esc(common.GEEN_VOORZIENINGEN.capitalize())}.", ""]
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
        out += [_tabel(common.KAART_KOLOMMEN, rijen), ""]
    if view.wat_werkt:
        out += [
            f"## {esc(common.WAT_WERKT_TITEL)}",
            "",
            _praktijken(common.WAT_WERKT_KOLOMMEN, view.wat_werkt),
            "",
        ]
    out += _bronnen(view.bronnen)
    return "\n".join(out)


def _praktijken(kolommen: list[str], rijen: list[common.PraktijkRij]) -> str:
    cellen = []
    for r in rijen:
        wat = esc(r.wat) + (f"<br>*{esc(r.details)}*" if r.details else "")
        refs = ", ".join(str(n) for n in r.bronnen)
        cellen.append([f"**{esc(r.waar)}**", wat, _heel(r.sinds), esc(r.contact), refs])
    return _tabel(kolommen, cellen)


def voorbeelden(gv: GoedeVoorbeelden) -> str:
    view = common.voorbeelden_view(gv)
    out = _begin(gv, common.voorbeelden_kop(gv))
    for sectie in view.secties:
        out += [f"## {esc(sectie.titel)}", ""]
        if sectie.rijen:
            out += [_praktijken(common.VOORBEELDEN_KOLOMMEN, sectie.rijen), ""]
        else:
            out += [
                f"*{esc(common.GEEN_PRAKTIJKEN[:1].upper() + common.GEEN_PRAKTIJKEN[1:])}.*",
                "",
            ]
        out += [*(f"- {esc(regel)}" for regel in sectie.daar), ""]
    out += _bronnen(view.bronnen)
    return "\n".join(out)


def _let_op(melding: str | None) -> list[str]:
    return [] if melding is None else [f"> ⚠ **Let op:** {esc(melding)}", ""]


def wijken(lijst: Wijkenlijst) -> str:
    out = [f"# {esc(common.wijken_titel(lijst))}", ""]
    for g in lijst.gemeenten:
        if len(lijst.gemeenten) > 1:
            out += [f"## Gemeente {esc(g.gemeente)}", ""]
        melding = common.MEEGELEVERD_MELDING.format(f"gemeente {g.gemeente}")
        out += _let_op(melding if lijst.meegeleverde_gegevens else None)
        rijen = [[esc(cel) for cel in common.wijk_cellen(w)] for w in g.wijken]
        out += [_tabel(common.WIJKEN_KOLOMMEN, rijen, rechts={2}), ""]
        out += [esc(common.wijken_telling(g, lijst.herkomst)), ""]
    if lijst.zonder_gemeente:
        out += _let_op(common.zonder_gemeente_melding(lijst.zonder_gemeente))
    return "\n".join(out)


def onderwerpen(o: Onderwerpen) -> str:
    out = [f"# Onderwerpen van {esc(o.checklist)}, versie {esc(o.versie)}", ""]
    out += _let_op(common.meegeleverd(o))
    for kop_, groep in (("Voorwaarden", o.voorwaarden), ("Checklist-items", o.items)):
        rijen = [[f"`{esc(x.id)}`", esc(x.titel)] for x in groep]
        out += [f"## {kop_}", "", _tabel(common.ONDERWERPEN_KOLOMMEN, rijen), ""]
    return "\n".join([*out, esc(common.EEN_ONDERWERP), ""])


def _ingesprongen(regel: str) -> str:
    """A line of a rule in words; its indentation (the parts of a composite) kept."""
    diepte = (len(regel) - len(regel.lstrip(" "))) // 2
    return _INSPRING * diepte + esc(regel)


def uitleg(u: Uitleg) -> str:
    out = [f"# {esc(u.titel)}", ""]
    out += [f"- {esc(regel)}" for regel in common.uitleg_kop(u)]
    out += ["", *_let_op(common.meegeleverd(u))]
    if u.omschrijving:
        out += [esc(u.omschrijving), ""]
    out += ["## Regel", "", "<br>\n".join(_ingesprongen(r) for r in u.regel), ""]
    out += ["## Beleidsbron", "", esc(u.beleidsbron), ""]
    if u.citaat:
        out += [f"> *“{esc(u.citaat)}”*", ""]
    if u.afgeleid:
        out += [esc(common.AFGELEID), ""]
    return "\n".join(out)


def regelsoorten(r: Regelsoorten) -> str:
    import textwrap

    out = ["# Soorten regels", ""]
    for kind in r.regelsoorten:
        out += [f"## `type: {kind.type}` ({esc(kind.naam)})", ""]
        for alinea in kind.alineas:
            if alinea.voorbeeld:  # YAML to copy: a code block, as it is
                out += ["```yaml", textwrap.dedent(alinea.tekst).rstrip("\n"), "```", ""]
            else:  # the docstring's own Markdown (docs/regels.md is made of it), not data
                out += [alinea.tekst, ""]
    return "\n".join(out)


def vergelijking(v: Vergelijking) -> str:
    from wijkcheck.formatters.report import vergelijking as vg

    out = [f"# {esc(vg.titel(v))}", ""]
    out += [f"- **{esc(label)}:** {esc(waarde)}" for label, waarde in vg.kop(v)]
    out.append("")
    for melding in vg.meldingen(v):
        out += [f"> ⚠ **Let op:** {esc(melding)}", ""]
    out += ["## Samenvatting", "", *(f"- {esc(regel)}" for regel in vg.conclusie(v)), ""]
    for kopje, rijen in vg.secties(v):
        cellen = [
            [
                f"**{esc(r.titel)}**",
                _heel(r.toen),
                _heel(r.nu),
                _heel(vg.verandering_tekst(r.verandering)),
                esc(r.gemeten),
                "<br>".join(esc(w) for w in r.waarom),
            ]
            for r in rijen
        ]
        out += [f"## {esc(kopje)}", "", _tabel(vg.KOLOMMEN, cellen), ""]
    gelijk = vg.gelijk_gebleven(v)
    if gelijk:
        out += [esc(gelijk), ""]
    out += [f"## {esc(vg.ALGEMEEN_KOP)}", ""]
    out += [f"- {esc(w)}" for w in vg.algemeen(v)] or [esc(vg.GEEN_ALGEMEEN)]
    out += ["", f"*{esc(vg.LEGENDA)}*", ""]
    return "\n".join(out)


def overzicht_sinds(o: OverzichtSinds) -> str:
    from wijkcheck.formatters.report import vergelijking as vg

    out = [overzicht(o.overzicht).rstrip("\n"), "", f"## {esc(vg.sinds_kop(o))}", ""]
    for melding in vg.sinds_meldingen(o):
        out += [f"> ⚠ **Let op:** {esc(melding)}", ""]
    out += [esc(vg.sinds_samenvatting(o)), ""]
    rijen = [[esc(c) for c in rij] for rij in vg.sinds_rijen(o)]
    out += [_tabel(vg.SINDS_KOLOMMEN, rijen, rechts={1, 2, 3, 4}), ""]
    out += [f"*{esc(vg.SINDS_LEGENDA)}*", ""]
    return "\n".join(out)
