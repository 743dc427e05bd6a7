"""Plausibility: what a schema cannot say about figures, dates, names and thresholds. Pure.

Every check has a stable rule id and a severity (docs/validate.md). Positions are looked up only
for findings, so a clean file costs a walk over its models and nothing more.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache

from wijkcheck.checks.integrity import Loc
from wijkcheck.core.checklist import Checklist
from wijkcheck.core.errors import Finding, Severity
from wijkcheck.core.models import (
    Cijfer,
    Gemeente,
    Indicator,
    Inventarisatie,
    Voorziening,
    Wijk,
    bereik_tekst,
    grenzen,
    telt,
)
from wijkcheck.core.names import datum, getal, maanden_tussen, onzichtbaar_teken, zichtbaar
from wijkcheck.core.rules import doorloop
from wijkcheck.sources.yamlsource import Posities, YamlDocument

W = Severity.WAARSCHUWING

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
        rule: str,
        severity: Severity = Severity.FOUT,
        key: bool = False,
    ) -> None:
        if self.fouten and severity is not Severity.FOUT:
            return
        self.found.append(Finding(self.doc.span(loc, key=key), message, rule, severity))

    def naam(self, loc: Loc, naam: str, wat: str, key: bool = False) -> None:
        teken = onzichtbaar_teken(naam)
        if teken is not None:
            self.add(
                loc,
                f"{wat} {zichtbaar(naam)!r} bevat een onzichtbaar teken (U+{ord(teken):04X}: "
                "richtingsteken of teken zonder breedte); zo'n naam ziet er anders uit dan hij "
                "is. Typ de naam opnieuw",
                "onzichtbaar-teken",
                key=key,
            )
        if onveilige_naam(naam):
            self.add(
                loc,
                f"{wat} {naam!r} bevat een padteken ('/', '\\', een stuurteken of een begin met "
                "'.'); een naam mag geen pad zijn en de gegevensmap niet verlaten",
                "onveilige-naam",
                key=key,
            )

    def datum(self, loc: Loc, d: dt.date, wat: str = "peildatum") -> None:
        if self.peil is None:
            return
        if d > self.peil:
            self.add(
                loc,
                f"{wat} {datum(d)} ligt in de toekomst (na {datum(self.peil)})",
                "toekomstige-datum",
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
                "verouderd",
                W,
            )

    def eindig(self, loc: Loc, waarde: float) -> bool:
        if math.isfinite(waarde):
            return True
        self.add(loc, f"'waarde' {waarde} is geen eindig getal", "geen-getal")
        return False

    def aantal(self, loc: Loc, waarde: float, wat: str) -> None:
        """A count (inhabitants, places) is not negative; decimals the model refuses already."""
        if waarde < 0:
            self.add(loc, f"{wat} kan niet negatief zijn, gevonden: {getal(waarde)}", "negatief")

    def cijfer(self, loc: Loc, c: Cijfer, soort: str, ind: Indicator | None = None) -> None:
        self.datum((*loc, "peildatum"), c.peildatum)
        plek = (*loc, "waarde")
        if not self.eindig(plek, c.waarde):
            return
        if soort == "inwoners":
            self.aantal(plek, c.waarde, "inwoners")
        elif soort == "fte" and c.waarde < 0:
            self.add(plek, f"fte kan niet negatief zijn, gevonden: {getal(c.waarde)}", "negatief")
        elif ind is not None:
            self.bereik(plek, c.waarde, ind)

    def bereik(self, loc: Loc, waarde: float, ind: Indicator) -> None:
        laag, hoog = grenzen(ind)
        if (laag is not None and waarde < laag) or (hoog is not None and waarde > hoog):
            self.add(
                loc,
                f"{getal(waarde)} ligt buiten het bereik van '{ind.naam}' "
                f"({bereik_tekst(laag, hoog, ind.eenheid)})",
                "buiten-bereik",
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
                "geen-inventarisatie",
                W,
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
            "inwoners-ontbreekt",
            W,
        )
    else:
        c.cijfer(("inwoners",), w.inwoners, "inwoners")
    if w.inwoners is not None and w.inwoners.waarde <= 0 and cl is not None and _per_inwoners(cl):
        c.add(
            ("inwoners", "waarde"),
            "0 inwoners: de checklist heeft een norm per inwoner, die over deze wijk niets zegt; "
            "geef het aantal inwoners",
            "geen-inwoners",
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
                "lege-bron",
            )
    for i, praktijk in enumerate(w.wat_werkt):
        if peil is not None and praktijk.sinds > peil:  # may be old, not yet to begin
            c.add(
                ("wat_werkt", i, "sinds"),
                f"'sinds' {datum(praktijk.sinds)} ligt in de toekomst (na {datum(peil)}): wat "
                "nog niet begonnen is, werkt nog niet",
                "toekomstige-datum",
            )
    return c.found


def _per_inwoners(cl: Checklist) -> bool:
    return any(
        regel.telt_per_inwoner()
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
                    "ontbrekende-referentie",
                    W,
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
                "tegenstrijdige-grenzen",
            )
    for oid in sorted(cl.items.keys() & cl.voorwaarden.keys()):
        c.add(
            ("items", oid),
            f"'{oid}' staat zowel bij voorwaarden als bij items; gebruik een unieke naam",
            "dubbel-onderwerp",
            key=True,
        )
    for sectie, groep in (("voorwaarden", cl.voorwaarden), ("items", cl.items)):
        for oid, onderwerp in groep.items():
            for regel, loc in doorloop(onderwerp.regel, (sectie, oid, "regel")):
                regel.controleer(c, cl, loc)
    return c.found
