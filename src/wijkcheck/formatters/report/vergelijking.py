"""What every format of `compare` says (the texts and rows of a `Vergelijking`), so that the
terminal, Markdown, HTML, Word and CSV say the same thing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wijkcheck.core.names import datum
from wijkcheck.core.results import ChecklistInfo, Uitkomst
from wijkcheck.formatters.report import common
from wijkcheck.reports.compare import (
    OverzichtSinds,
    Tellingen,
    Verandering,
    VergelekenResultaat,
    Vergelijking,
    WijkVerandering,
    Wijziging,
)

KOLOMMEN = ["Onderwerp", "Toen", "Nu", "Verandering", "Gemeten toen → nu", "Wat veranderde"]

SECTIES = {
    "voorwaarden": "Voorwaarden",
    "items": "Checklist-items",
    "gemeentebreed": "Gemeentebreed (niet in de score)",
}

LEGENDA = (
    "↑ verbeterd · ↓ verslechterd · = gelijk · + nieuw (bestond toen niet) · − vervallen "
    "(bestaat nu niet meer) · ? niet vergelijkbaar (onbekend aan één kant). Volgorde: "
    "voldaan > niet voldaan; een uitzondering telt hier als niet voldaan (een besluit "
    "verandert niets aan wat gemeten is; dat ze inging of verliep, staat bij wat veranderde); "
    "onbekend is met geen uitkomst te vergelijken."
)


def titel(v: Vergelijking) -> str:
    return f"Vergelijking sociale basis: {v.wijk}"


def uitkomst_tekst(u: Uitkomst | None) -> str:
    return "—" if u is None else f"{u.symbool} {u.value}"


def verandering_tekst(v: Verandering) -> str:
    return f"{v.symbool} {v.value}"


def _checklist(info: ChecklistInfo) -> str:
    concept = " (concept)" if info.concept else ""
    return f"{info.naam}, versie {info.versie}{concept}"


def kop(v: Vergelijking) -> list[tuple[str, str]]:
    return [
        ("Wijk", f"{v.wijk} (kern {v.kern}, gemeente {v.gemeente})"),
        ("Sinds", v.sinds),
        ("Auditdatum", f"toen {datum(v.auditdatum_toen)}, nu {datum(v.auditdatum)}"),
        (
            "Inwoners",
            f"toen {common.inwoners_tekst(v.inwoners_toen)}; "
            f"nu {common.inwoners_tekst(v.inwoners)}",
        ),
        ("Checklist", f"toen {_checklist(v.checklist_toen)}; nu {_checklist(v.checklist)}"),
    ]


@common.gebonden
def meldingen(v: Vergelijking) -> list[str]:
    out = []
    if v.meegeleverde_gegevens:
        out.append(common.MEEGELEVERD_MELDING.format(f"gemeente {v.gemeente}"))
    gezien = set()
    for info in (v.checklist_toen, v.checklist):
        for m in common.concept_meldingen(info):
            if m not in gezien:
                gezien.add(m)
                out.append(m)
    if v.voorbeeldnormen:
        n = v.voorbeeldnormen
        out.append(
            f"{n} van de {len(v.resultaten)} uitkomsten {'rust' if n == 1 else 'rusten'} toen of "
            "nu (deels) op een voorbeeldnorm: een drempel die niemand heeft vastgesteld "
            "(⚠ bij het onderwerp). Een verandering daar zegt iets over die drempel, niet "
            "over beleid."
        )
    if v.voorbeelddata:
        out.append(common.VOORBEELD_MELDING)
    if v.verouderde_gegevens:
        out.append(
            "Toen of nu zijn cijfers gebruikt die ouder zijn dan de checklist toestaat; zie "
            "'wijkcheck audit' voor welke."
        )
    return out


def _tel(t: Tellingen) -> str:
    return t.tekst()


@common.gebonden
def conclusie(v: Vergelijking) -> list[str]:
    out = []
    if any(r.sectie == "voorwaarden" for r in v.resultaten):
        out.append(f"Voorwaarden: {_tel(v.samenvatting_voorwaarden)}.")
    if any(r.sectie == "items" for r in v.resultaten):
        out.append(f"Checklist-items: {_tel(v.samenvatting_items)}.")
    breed = [r.verandering for r in v.resultaten if r.sectie == "gemeentebreed"]
    if breed:  # counted apart, as in the audit: the same for every wijk of the gemeente
        out.append(f"Gemeentebreed (niet in de score): {_tel(Tellingen.van(breed))}.")
    for r in v.resultaten:
        if r.verandering in (Verandering.VERBETERD, Verandering.VERSLECHTERD):
            waarom = "; ".join(wijziging_tekst(w) for w in r.wijzigingen) or (
                "geen verandering in de gebruikte gegevens gevonden"
            )
            out.append(
                f"{r.titel}: {r.verandering.value} ({uitkomst_tekst(r.toen)} → "
                f"{uitkomst_tekst(r.nu)}), door: {waarom}."
            )
    return out


def wijziging_tekst(w: Wijziging) -> str:
    if w.soort == "voorziening erbij":
        return f"voorziening erbij: {w.wat}"
    if w.soort == "voorziening weg":
        return f"voorziening weg: {w.wat}"
    if w.soort == "eis":
        return f"eis gewijzigd ({w.wat}): {w.toen} → {w.nu}"
    return f"{w.wat}: {w.toen} → {w.nu}"


@dataclass(frozen=True, slots=True)
class Rij:
    titel: str
    toen: str
    nu: str
    verandering: Verandering
    gemeten: str
    waarom: list[str]
    toen_uitkomst: Uitkomst | None
    nu_uitkomst: Uitkomst | None


_AANTAL = re.compile(r"(\d[\d.]*) \(")


def _gemeten(r: VergelekenResultaat) -> str:
    if r.gemeten_toen == r.gemeten_nu:
        return r.gemeten_nu
    a, b = _AANTAL.match(r.gemeten_toen), _AANTAL.match(r.gemeten_nu)
    if a and b and r.wijzigingen:  # counts of named facilities: the names are under the change
        return f"{a.group(1)} → {b.group(1)}"
    return f"{r.gemeten_toen or '—'} → {r.gemeten_nu or '—'}"


def rij(r: VergelekenResultaat) -> Rij:
    titel_ = r.titel + (" ⚠ voorbeeldnorm" if r.voorbeeldnorm else "")
    return Rij(
        titel=titel_,
        toen=uitkomst_tekst(r.toen),
        nu=uitkomst_tekst(r.nu),
        verandering=r.verandering,
        gemeten=_gemeten(r),
        waarom=[wijziging_tekst(w) for w in r.wijzigingen],
        toen_uitkomst=r.toen,
        nu_uitkomst=r.nu,
    )


def _veranderd(r: VergelekenResultaat) -> bool:
    return r.verandering is not Verandering.GELIJK or bool(r.wijzigingen)


def secties(v: Vergelijking) -> list[tuple[str, list[Rij]]]:
    """Per section the conditions and items whose outcome or data changed (the others are
    named in `gelijk_gebleven`; CSV and JSON have every row)."""
    out = []
    for sectie, kopje in SECTIES.items():
        rijen = [rij(r) for r in v.resultaten if r.sectie == sectie and _veranderd(r)]
        if rijen:
            out.append((kopje, rijen))
    return out


@common.gebonden
def gelijk_gebleven(v: Vergelijking) -> str | None:
    """`Gelijk gebleven (uitkomst en gegevens): …`, or None when everything changed."""
    titels = [f"{r.titel} ({uitkomst_tekst(r.nu)})" for r in v.resultaten if not _veranderd(r)]
    if not titels:
        return None
    return f"Gelijk gebleven, in uitkomst en gegevens ({len(titels)}): " + "; ".join(titels) + "."


@common.gebonden
def algemeen(v: Vergelijking) -> list[str]:
    """What changed in the wijk and the checklist as a whole; and, when the checklist kept its
    version while requirements changed, that too (a council must not read "gelijk")."""
    out = [wijziging_tekst(w) for w in v.algemeen]
    eisen = sum(1 for r in v.resultaten for w in r.wijzigingen if w.soort == "eis")
    toen, nu = v.checklist_toen, v.checklist
    if eisen and (toen.id, toen.versie) == (nu.id, nu.versie):
        wat = "eis veranderde" if eisen == 1 else "eisen veranderden"
        out.append(
            f"De checklist heeft toen en nu hetzelfde versienummer, maar {eisen} {wat}: door "
            "de checklist zelf of door gegevens waarop een eis rust, zoals het aantal inwoners "
            "(hierboven bij het onderwerp)."
        )
    return out


ALGEMEEN_KOP = "Veranderd in de wijk en de checklist"
GEEN_ALGEMEEN = "Inwoners en checklist (versie, maximale ouderdom) zijn gelijk gebleven."


# -- overview --sinds ---------------------------------------------------------------------------

SINDS_KOLOMMEN = ["Wijk", "↑", "↓", "=", "?", "Score toen → nu", "Veranderd"]


def sinds_kop(o: OverzichtSinds) -> str:
    return (
        f"Veranderingen sinds {o.sinds} (auditdatum toen {datum(o.auditdatum_toen)}, nu "
        f"{datum(o.overzicht.auditdatum)})"
    )


@common.gebonden
def sinds_samenvatting(o: OverzichtSinds) -> str:
    verbeterd = sum(1 for w in o.wijken if w.telling.verbeterd)
    slechter = sum(1 for w in o.wijken if w.telling.verslechterd)
    return (
        f"Voorwaarden over alle wijken: {o.totaal.tekst()}. In {verbeterd} van de "
        f"{len(o.wijken)} wijken verbeterde minstens één voorwaarde, in {slechter} verslechterde "
        "er minstens één."
    )


@common.gebonden
def sinds_meldingen(o: OverzichtSinds) -> list[str]:
    out = []
    nieuw = [w.wijk for w in o.wijken if w.nieuw]
    if nieuw:
        out.append("Toen nog niet in het overzicht (nieuw): " + ", ".join(nieuw) + ".")
    if o.vervallen_wijken:
        out.append("Toen wel, nu niet in het overzicht: " + ", ".join(o.vervallen_wijken) + ".")
    return out


def _wijknaam(o: OverzichtSinds, w: WijkVerandering) -> str:
    return f"{w.wijk} ({w.gemeente})" if o.overzicht.meerdere_gemeenten else w.wijk


def sinds_veranderd(o: OverzichtSinds) -> list[list[str]]:
    """Per wijk the conditions that changed (`Sociale cohesie en inclusie ↑`), or `nieuw` or
    `—`: the last column of `sinds_rijen`, as a list (Word puts one on a line)."""
    titels = {k.id: k.titel for k in o.overzicht.voorwaarden}
    out = []
    for w in o.wijken:
        veranderd = [
            f"{titels[k]} {v.verandering.symbool}"
            for k, v in w.voorwaarden.items()
            if v.verandering is not Verandering.GELIJK
        ]
        out.append(veranderd or ["nieuw" if w.nieuw else "—"])
    return out


def sinds_rijen(o: OverzichtSinds) -> list[list[str]]:
    rijen = []
    for w, veranderd in zip(o.wijken, sinds_veranderd(o), strict=True):
        t = w.telling
        rijen.append(
            [
                _wijknaam(o, w),
                str(t.verbeterd),
                str(t.verslechterd),
                str(t.gelijk),
                str(t.niet_vergelijkbaar + t.nieuw),
                f"{w.score_toen or '—'} → {w.score_nu}",
                "; ".join(veranderd),
            ]
        )
    return rijen


SINDS_LEGENDA = (
    "↑ verbeterd · ↓ verslechterd · = gelijk · ? niet vergelijkbaar (onbekend aan één kant) of "
    "nieuw; per voorwaarde van het overzicht. Wat er in de gegevens van één wijk veranderde: "
    "wijkcheck compare WIJK --sinds REF."
)
