"""Plausibility: what a schema cannot say about figures, dates, names and thresholds. Pure.

Every check has a stable finding id, registered with its severity in core/finding_ids.py.
Positions are looked up only for findings, so a clean file costs a walk over its models and
nothing more.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache

from wijkcheck.checks.integrity import Loc
from wijkcheck.core import engine
from wijkcheck.core import finding_ids as ids
from wijkcheck.core.checklist import Checklist
from wijkcheck.core.errors import Finding, FindingId, Severity
from wijkcheck.core.models import (
    Cijfer,
    Gemeente,
    Indicator,
    Inventarisatie,
    Uitzondering,
    Voorziening,
    Wijk,
    bereik_tekst,
    grenzen,
    telt,
)
from wijkcheck.core.names import datum, getal, maanden_tussen, onzichtbaar_teken, zichtbaar
from wijkcheck.core.results import Uitkomst, verloopt_binnenkort
from wijkcheck.core.rules import FacilityIndex, doorloop
from wijkcheck.sources.store import GemeenteData
from wijkcheck.sources.yamlsource import Posities, YamlDocument

# A name is also a file name (scaffolding writes `<wijk>.yaml`); it must never be a path.
_PADTEKEN = re.compile(r"[/\\\x00-\x1f\x7f]")


def onveilige_naam(naam: str) -> bool:
    return bool(_PADTEKEN.search(naam)) or naam.strip().startswith(".")


class _Checks:
    """Collects the findings of one file (with `fouten`, only its errors: a warning's position
    is then never looked up)."""

    def __init__(
        self, doc: Posities, cl: Checklist | None, peil: dt.date | None, fouten: bool = False
    ) -> None:
        self.doc, self.cl, self.peil, self.fouten = doc, cl, peil, fouten
        self.found: list[Finding] = []

    def add(
        self,
        loc: Loc,
        message: str,
        id: FindingId,
        key: bool = False,
    ) -> None:
        if self.fouten and id.severity is not Severity.FOUT:
            return
        self.found.append(Finding(self.doc.span(loc, key=key), message, id))

    def naam(self, loc: Loc, naam: str, wat: str, key: bool = False) -> None:
        teken = onzichtbaar_teken(naam)
        if teken is not None:
            self.add(
                loc,
                f"{wat} {zichtbaar(naam)!r} bevat een onzichtbaar teken (U+{ord(teken):04X}: "
                "richtingsteken of teken zonder breedte); zo'n naam ziet er anders uit dan hij "
                "is. Typ de naam opnieuw",
                ids.ONZICHTBAAR_TEKEN,
                key=key,
            )
        if onveilige_naam(naam):
            self.add(
                loc,
                f"{wat} {naam!r} bevat een padteken ('/', '\\', een stuurteken of een begin met "
                "'.'); een naam mag geen pad zijn en de gegevensmap niet verlaten",
                ids.ONVEILIGE_NAAM,
                key=key,
            )

    def datum(self, loc: Loc, d: dt.date, wat: str = "peildatum") -> None:
        if self.peil is None:
            return
        if d > self.peil:
            self.add(
                loc,
                f"{wat} {datum(d)} ligt in de toekomst (na {datum(self.peil)})",
                ids.TOEKOMSTIGE_DATUM,
            )
            return
        if self.cl is None:
            return
        maximaal = self.cl.maximale_ouderdom_maanden
        oud = _maanden(d, self.peil)
        if oud > maximaal:
            self.add(
                loc,
                f"{wat} {datum(d)} is {oud} maanden oud; de checklist staat maximaal "
                f"{maximaal} maanden toe",
                ids.VEROUDERD,
            )

    def uitzonderingen(self, uitzonderingen: list[Uitzondering]) -> None:
        """Dates of the exceptions: `sinds` not after `tot`; relative to the peildatum, a
        warning when one ends within `VERLOOPT_DAGEN` days or has ended."""
        for i, u in enumerate(uitzonderingen):
            loc: Loc = ("uitzonderingen", i)
            wat = f"de uitzondering voor '{u.onderwerp}'"
            if u.sinds is not None and u.sinds > u.tot:
                self.add(
                    (*loc, "sinds"),
                    f"'sinds' {datum(u.sinds)} ligt na 'tot' {datum(u.tot)}: {wat} eindigt "
                    "voordat ze begint",
                    ids.DATUM_VOLGORDE,
                )
            if self.peil is None:
                continue
            if u.tot < self.peil:
                self.add(
                    (*loc, "tot"),
                    f"{wat} is verlopen op {datum(u.tot)} (voor {datum(self.peil)}): "
                    f"'{u.onderwerp}' telt weer als niet voldaan. Verleng haar met een nieuw "
                    "besluit, of haal haar weg",
                    ids.UITZONDERING_VERLOPEN,
                )
            elif (wanneer := verloopt_binnenkort(u.tot, self.peil)) is not None:
                self.add(
                    (*loc, "tot"),
                    f"{wat} verloopt op {datum(u.tot)} ({wanneer}); daarna telt "
                    f"'{u.onderwerp}' weer als niet voldaan. Is er een nieuw besluit nodig?",
                    ids.UITZONDERING_VERLOOPT,
                )

    def eindig(self, loc: Loc, waarde: float) -> bool:
        if math.isfinite(waarde):
            return True
        self.add(loc, f"'waarde' {waarde} is geen eindig getal", ids.GEEN_GETAL)
        return False

    def aantal(self, loc: Loc, waarde: float, wat: str) -> None:
        """A count (inhabitants, places) is not negative; decimals the model refuses already."""
        if waarde < 0:
            self.add(loc, f"{wat} kan niet negatief zijn, gevonden: {getal(waarde)}", ids.NEGATIEF)

    def cijfer(self, loc: Loc, c: Cijfer, soort: str, ind: Indicator | None = None) -> None:
        self.datum((*loc, "peildatum"), c.peildatum)
        plek = (*loc, "waarde")
        if not self.eindig(plek, c.waarde):
            return
        if soort == "inwoners":
            self.aantal(plek, c.waarde, "inwoners")
        elif soort == "fte" and c.waarde < 0:
            self.add(plek, f"fte kan niet negatief zijn, gevonden: {getal(c.waarde)}", ids.NEGATIEF)
        elif ind is not None:
            self.bereik(plek, c.waarde, ind)

    def bereik(self, loc: Loc, waarde: float, ind: Indicator) -> None:
        laag, hoog = grenzen(ind)
        if (laag is not None and waarde < laag) or (hoog is not None and waarde > hoog):
            self.add(
                loc,
                f"{getal(waarde)} ligt buiten het bereik van '{ind.naam}' "
                f"({bereik_tekst(laag, hoog, ind.eenheid)})",
                ids.BUITEN_BEREIK,
            )

    def voorzieningen(
        self, voorzieningen: list[Voorziening], vastgelegd: bool, inv: Inventarisatie | None
    ) -> None:
        """The facilities and their inventory: a list without one has no source for absence."""
        if inv is not None:
            wat = "peildatum van de inventarisatie"
            self.datum(("inventarisatie", "peildatum"), inv.peildatum, wat)
        elif vastgelegd:
            self.add(
                ("voorzieningen",),
                "wie heeft deze voorzieningen geteld, en wanneer? Zonder 'inventarisatie:' (met "
                "bron en peildatum) heeft 'geen voorziening gevonden' geen bron",
                ids.GEEN_INVENTARISATIE,
                key=True,
            )
        for i, v in enumerate(voorzieningen):
            loc: Loc = ("voorzieningen", i)
            self.datum((*loc, "peildatum"), v.peildatum)
            cap, plek = v.capaciteit, (*loc, "capaciteit", "waarde")
            if cap is not None and self.eindig(plek, cap.waarde) and telt(cap.eenheid):
                self.aantal(plek, cap.waarde, cap.eenheid)


# Thousands of figures share a handful of dates.
_maanden = lru_cache(maxsize=4096)(maanden_tussen)


def check_wijk(
    w: Wijk, doc: YamlDocument, cl: Checklist | None, peil: dt.date, fouten: bool = False
) -> list[Finding]:
    """Figures, dates and names of one wijk file; `cl` gives ranges and the maximum age.
    With `fouten` only the errors (what stops a command)."""
    c = _Checks(doc, cl, peil, fouten)
    c.naam(("naam",), w.naam, "wijknaam")
    c.naam(("kern",), w.kern, "kern")
    c.datum(("peildatum",), w.peildatum)
    if w.inwoners is None:
        c.add(
            ("inwoners",),
            "het aantal inwoners is niet vastgelegd; rapporten noemen het onbekend, en een norm "
            "per 1.000 inwoners is onbekend. Vul 'inwoners' in (bijv. uit CBS Kerncijfers wijken "
            "en buurten)",
            ids.INWONERS_ONTBREEKT,
        )
    else:
        c.cijfer(("inwoners",), w.inwoners, "inwoners")
    if w.inwoners is not None and w.inwoners.waarde <= 0 and cl is not None and _per_inwoners(cl):
        c.add(
            ("inwoners", "waarde"),
            "0 inwoners: de checklist heeft een norm per inwoner, die over deze wijk niets zegt; "
            "geef het aantal inwoners",
            ids.GEEN_INWONERS,
        )
    indicatoren = cl.indicatoren if cl is not None else {}
    for veld in ("indicatoren", "ondersteuningsvraag"):
        for ind, cijfer in getattr(w, veld).items():
            c.cijfer((veld, ind), cijfer, "indicator", indicatoren.get(ind))
    for rol, cijfer in w.capaciteit.items():
        c.cijfer(("capaciteit", rol), cijfer, "fte")
    c.voorzieningen(w.voorzieningen, "voorzieningen" in w.model_fields_set, w.inventarisatie)
    for onderwerp, oordeel in w.oordelen.items():
        c.datum(("oordelen", onderwerp, "datum"), oordeel.datum, "datum van het oordeel")
        if oordeel.bron is not None and not oordeel.bron.strip():
            c.add(
                ("oordelen", onderwerp, "bron"),
                "'bron' mag niet leeg zijn: laat het veld weg of noem de bron",
                ids.LEGE_BRON,
            )
    for i, praktijk in enumerate(w.wat_werkt):
        if peil is not None and praktijk.sinds > peil:  # may be old, not yet to begin
            c.add(
                ("wat_werkt", i, "sinds"),
                f"'sinds' {datum(praktijk.sinds)} ligt in de toekomst (na {datum(peil)}): wat "
                "nog niet begonnen is, werkt nog niet",
                ids.TOEKOMSTIGE_DATUM,
            )
    c.uitzonderingen(w.uitzonderingen)
    return c.found


def _per_inwoners(cl: Checklist) -> bool:
    return any(
        regel.divides_by_inhabitants()
        for o in cl.onderwerpen().values()
        for regel, _ in doorloop(o.regel, ())
    )


def check_gemeente(
    g: Gemeente, doc: YamlDocument, cl: Checklist | None, peil: dt.date, fouten: bool = False
) -> list[Finding]:
    c = _Checks(doc, cl, peil, fouten)
    c.naam(("naam",), g.naam, "gemeentenaam")
    for kern, wijken in g.kernen.items():
        c.naam(("kernen", kern), kern, "kern", key=True)
        for i, wijk in enumerate(wijken):
            c.naam(("kernen", kern, i), wijk, "wijknaam")
    if g.inwoners is not None:
        c.cijfer(("inwoners",), g.inwoners, "inwoners")
    indicatoren = cl.indicatoren if cl is not None else {}
    for ind, cijfer in g.referentie.items():
        c.cijfer(("referentie", ind), cijfer, "indicator", indicatoren.get(ind))
    c.voorzieningen(g.voorzieningen, "voorzieningen" in g.model_fields_set, g.inventarisatie)
    c.uitzonderingen(g.uitzonderingen)
    if cl is not None:
        nodig: dict[str, str] = {}
        for oid, onderwerp in cl.onderwerpen().items():
            for regel, _ in doorloop(onderwerp.regel, ()):
                for ind in regel.referenties():
                    nodig.setdefault(ind, oid)
        for ind, oid in nodig.items():
            if ind not in g.referentie:
                c.add(
                    ("referentie",),
                    f"referentiewaarde voor '{ind}' ontbreekt; '{oid}' kan de vraagindex dan "
                    "niet berekenen en rekent met de hele bandbreedte",
                    ids.ONTBREKENDE_REFERENTIE,
                    key=True,
                )
    return c.found


def check_checklist(cl: Checklist, doc: Posities) -> list[Finding]:
    """Thresholds that contradict each other or their indicator's range."""
    c = _Checks(doc, None, None)
    for iid, ind in cl.indicatoren.items():
        for veld in ("minimum", "maximum"):
            waarde = getattr(ind, veld)
            if waarde is not None:
                c.eindig(("indicatoren", iid, veld), waarde)
        if ind.minimum is not None and ind.maximum is not None and ind.minimum > ind.maximum:
            c.add(
                ("indicatoren", iid, "minimum"),
                f"'minimum' ({getal(ind.minimum)}) is groter dan 'maximum' ({getal(ind.maximum)})",
                ids.TEGENSTRIJDIGE_GRENZEN,
            )
    for oid in sorted(cl.items.keys() & cl.voorwaarden.keys()):
        c.add(
            ("items", oid),
            f"'{oid}' staat zowel bij voorwaarden als bij items; gebruik een unieke naam",
            ids.DUBBEL_ONDERWERP,
            key=True,
        )
    for sectie, groep in (("voorwaarden", cl.voorwaarden), ("items", cl.items)):
        for oid, onderwerp in groep.items():
            for regel, loc in doorloop(onderwerp.regel, (sectie, oid, "regel")):
                regel.check_parameters(c, cl, loc)
    return c.found


def niet_nodig(cl: Checklist, data: GemeenteData, peil: dt.date) -> list[Finding]:
    """Warnings for exceptions nobody needs on `peil`: the condition or item is voldaan (for
    one of gemeente.yaml: in every wijk). Audits only the wijken an exception can touch, and
    only data without errors (the caller's to check)."""
    g = data.gemeente
    begonnen = [u for u in g.uitzonderingen if u.sinds is None or u.sinds <= peil]
    wie = [b for b in data.bestanden if begonnen or b.wijk.uitzonderingen]
    if not wie:
        return []
    facility_index = FacilityIndex(g, data.wijken, cl.soorten)
    eens = engine.gemeentebreed(cl, g, data.wijken, peil, facility_index)
    # for gemeente.yaml's exceptions (then every wijk is audited): what is judged, and where not
    beoordeeld = {r.id for r in eens}
    ergens_niet = {r.id for r in eens if r.uitkomst is not Uitkomst.VOLDAAN}
    found: list[Finding] = []
    for b in wie:
        rapport = engine.audit(cl, g, b.wijk, data.wijken, peil, facility_index, eens, namen=False)
        uitkomsten = {r.id: r.uitkomst for r in rapport.voorwaarden + rapport.items}
        beoordeeld |= uitkomsten.keys()
        ergens_niet |= {k for k, v in uitkomsten.items() if v is not Uitkomst.VOLDAAN}
        for i, u in enumerate(b.wijk.uitzonderingen):
            begon = u.sinds is None or u.sinds <= peil
            if begon and uitkomsten.get(u.onderwerp) is Uitkomst.VOLDAAN:
                found.append(_niet_nodig(b.doc, i, u, f"is in {b.wijk.naam} voldaan"))
    for i, u in enumerate(g.uitzonderingen):
        if u in begonnen and u.onderwerp in beoordeeld - ergens_niet:
            found.append(_niet_nodig(data.doc, i, u, "is in elke wijk voldaan"))
    return found


def _niet_nodig(doc: Posities, i: int, u: Uitzondering, waar: str) -> Finding:
    return Finding(
        doc.span(("uitzonderingen", i, u.veld)),
        f"uitzondering niet nodig: '{u.onderwerp}' {waar}; een uitzondering is voor wat niet "
        "voldaan is. Haal haar weg, of laat haar staan als de situatie gaat veranderen",
        ids.UITZONDERING_NIET_NODIG,
    )
