"""Cross-file checks: every name a file uses must exist where it points. Pure functions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from typing import NamedTuple

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.checklist import Checklist
from wijkcheck.core.errors import Finding, FindingId
from wijkcheck.core.models import Gemeente, Uitzondering, Voorziening, Wijk
from wijkcheck.core.names import bedoelde_u, sleutel
from wijkcheck.core.rules import doorloop
from wijkcheck.sources.dataroot import GEMEENTE_BESTAND
from wijkcheck.sources.store import GemeenteData
from wijkcheck.sources.yamlsource import Posities, YamlDocument

Loc = tuple[str | int, ...]


def _onbekend(
    doc: Posities,
    loc: Loc,
    wat: str,
    naam: str,
    bekend: Iterable[str],
    id: FindingId,
    key: bool = False,
) -> Finding:
    hint = bedoelde_u(naam, bekend)
    return Finding(doc.span(loc, key=key), f"onbekende {wat} '{naam}'.{hint}".rstrip("."), id)


def check_checklist(cl: Checklist, doc: Posities) -> list[Finding]:
    found: list[Finding] = []
    functies = list(cl.functies)
    for sid, soort in cl.soorten.items():
        for i, f in enumerate(soort.functies):
            if f not in cl.functies:
                plek = ("soorten", sid, "functies", i)
                found.append(_onbekend(doc, plek, "functie", f, functies, ids.ONBEKENDE_FUNCTIE))
    bekend: dict[str, Mapping[str, object]] = {
        "soorten": cl.soorten,
        "functies": cl.functies,
        "indicatoren": cl.indicatoren,
        "rollen": cl.rollen,
        # below a theme the gemeente's conditions stay known: an `oordeel` rule may name one
        "onderwerpen": cl.bekende_onderwerpen(),
    }
    for sectie, groep in (("voorwaarden", cl.voorwaarden), ("items", cl.items)):
        for oid, onderwerp in groep.items():
            for regel, loc in doorloop(onderwerp.regel, (sectie, oid, "regel")):
                for v in regel.catalogue_refs():
                    if v.naam not in bekend[v.catalogus]:
                        namen = list(bekend[v.catalogus])
                        waar = (*loc, *v.plek)
                        found.append(_onbekend(doc, waar, v.wat, v.naam, namen, v.bevinding))
    return found


class Namen(NamedTuple):
    """The wijk and kern names of a gemeente with their match keys, built once per gemeente."""

    wijken: list[str]
    kernen: list[str]
    wijk_keys: frozenset[str]
    kern_keys: frozenset[str]

    @classmethod
    def van(cls, g: Gemeente) -> Namen:
        wijken = [w for ws in g.kernen.values() for w in ws]
        return cls(
            wijken,
            list(g.kernen),
            frozenset(sleutel(w) for w in wijken),
            frozenset(sleutel(k) for k in g.kernen),
        )


def _check_voorzieningen(
    cl: Checklist,
    doc: YamlDocument,
    voorzieningen: list[Voorziening],
    namen: Namen | None,
    found: list[Finding],
) -> None:
    for i, v in enumerate(voorzieningen):
        loc: Loc = ("voorzieningen", i)
        if v.soort not in cl.soorten:
            found.append(
                _onbekend(doc, (*loc, "soort"), "soort", v.soort, cl.soorten, ids.ONBEKENDE_SOORT)
            )
        for j, f in enumerate(v.functies):
            if f not in cl.functies:
                found.append(
                    _onbekend(
                        doc, (*loc, "functies", j), "functie", f, cl.functies, ids.ONBEKENDE_FUNCTIE
                    )
                )
        if namen is None:
            continue
        for j, b in enumerate(v.bedient):
            if sleutel(b) not in namen.wijk_keys:
                found.append(
                    _onbekend(
                        doc, (*loc, "bedient", j), "wijk", b, namen.wijken, ids.ONBEKENDE_WIJK
                    )
                )
        if v.kern is not None and sleutel(v.kern) not in namen.kern_keys:
            found.append(
                _onbekend(doc, (*loc, "kern"), "kern", v.kern, namen.kernen, ids.ONBEKENDE_KERN)
            )


def _check_uitzonderingen(
    cl: Checklist, doc: YamlDocument, uitzonderingen: list[Uitzondering], wijk: bool
) -> list[Finding]:
    """Every exception names a condition or item of the checklist, in its own section; in a
    wijk file none names a gemeente-wide one (judged once for all wijken: gemeente.yaml)."""
    found: list[Finding] = []
    if not uitzonderingen:  # most files have none: nothing to look up (1,000 wijken: 20 ms)
        return found
    bekend = {"voorwaarden": cl.bekende_voorwaarden()}
    bekend["items"] = {
        k: v for k, v in cl.bekende_onderwerpen().items() if k not in bekend["voorwaarden"]
    }
    gemeentebreed = {id for id, o in cl.onderwerpen().items() if o.regel.gemeentebreed()}
    for i, u in enumerate(uitzonderingen):
        loc: Loc = ("uitzonderingen", i, u.veld)
        eigen, ander = (
            bekend[u.sectie],
            bekend["items" if u.sectie == "voorwaarden" else "voorwaarden"],
        )
        if u.onderwerp in ander:
            soort = "item" if u.veld == "voorwaarde" else "voorwaarde"
            found.append(
                Finding(
                    doc.span(loc),
                    f"'{u.onderwerp}' is een {soort}, geen {u.veld}: schrijf "
                    f"'{soort}: {u.onderwerp}'",
                    ids.UITZONDERING_ONBEKEND,
                )
            )
        elif u.onderwerp not in eigen:
            wat = "voorwaarde" if u.veld == "voorwaarde" else "checklist-item"
            found.append(
                _onbekend(
                    doc,
                    loc,
                    f"{wat} in uitzondering",
                    u.onderwerp,
                    eigen,
                    ids.UITZONDERING_ONBEKEND,
                )
            )
        elif wijk and u.onderwerp in gemeentebreed:
            found.append(
                Finding(
                    doc.span(loc),
                    f"'{u.onderwerp}' wordt één keer voor de hele gemeente beoordeeld; leg de "
                    f"uitzondering vast in {GEMEENTE_BESTAND}, niet in een wijkbestand",
                    ids.UITZONDERING_GEMEENTEBREED,
                )
            )
    return found


def check_wijk(
    cl: Checklist, doc: YamlDocument, w: Wijk, namen: Namen | None = None
) -> list[Finding]:
    """References of one wijk file to the checklist and, when known, its gemeente's names."""
    found: list[Finding] = []
    _check_voorzieningen(cl, doc, w.voorzieningen, namen, found)
    for veld in ("indicatoren", "ondersteuningsvraag"):
        for ind in getattr(w, veld):
            if ind not in cl.indicatoren:
                found.append(
                    _onbekend(
                        doc,
                        (veld, ind),
                        "indicator",
                        ind,
                        cl.indicatoren,
                        ids.ONBEKENDE_INDICATOR,
                        key=True,
                    )
                )
    for rol in w.capaciteit:
        if rol not in cl.rollen:
            found.append(
                _onbekend(
                    doc, ("capaciteit", rol), "rol", rol, cl.rollen, ids.ONBEKENDE_ROL, key=True
                )
            )
    bekend = cl.bekende_onderwerpen() if w.wat_werkt or w.oordelen else {}
    for i, praktijk in enumerate(w.wat_werkt):
        if praktijk.voorwaarde not in bekend:
            found.append(
                _onbekend(
                    doc,
                    ("wat_werkt", i, "voorwaarde"),
                    "voorwaarde of item",
                    praktijk.voorwaarde,
                    bekend,
                    ids.ONBEKEND_ONDERWERP,
                )
            )
    for onderwerp in w.oordelen:
        if onderwerp not in bekend:
            found.append(
                _onbekend(
                    doc,
                    ("oordelen", onderwerp),
                    "voorwaarde of item",
                    onderwerp,
                    cl.onderwerpen(),
                    ids.ONBEKEND_ONDERWERP,
                    key=True,
                )
            )
    found.extend(_check_uitzonderingen(cl, doc, w.uitzonderingen, wijk=True))
    return found


def check_gemeente(
    cl: Checklist, data: GemeenteData, geclaimd: Set[str] = frozenset()
) -> list[Finding]:
    """References of a gemeente and its wijk files against each other and the checklist.

    `geclaimd`: name keys (`sleutel`) of wijken whose file exists but could not be loaded; they
    are not reported as missing.
    """
    found: list[Finding] = []
    g, gdoc = data.gemeente, data.doc
    namen = Namen.van(g)
    wijknamen = namen.wijken
    _check_voorzieningen(cl, gdoc, g.voorzieningen, namen, found)
    for ind in g.referentie:
        if ind not in cl.indicatoren:
            found.append(
                _onbekend(
                    gdoc,
                    ("referentie", ind),
                    "indicator",
                    ind,
                    cl.indicatoren,
                    ids.ONBEKENDE_INDICATOR,
                    key=True,
                )
            )
    found.extend(_check_uitzonderingen(cl, gdoc, g.uitzonderingen, wijk=False))
    kern_van: dict[str, str] = {}
    for kern, ws in g.kernen.items():
        for i, w in enumerate(ws):
            if sleutel(w) in kern_van:
                found.append(
                    Finding(
                        gdoc.span(("kernen", kern, i)),
                        f"wijk '{w}' staat bij meer dan één kern",
                        ids.DUBBELE_WIJK,
                    )
                )
            kern_van[sleutel(w)] = kern
    claimed: dict[str, YamlDocument] = {}
    for b in data.bestanden:
        wijk, doc = b.wijk, b.doc
        key = sleutel(wijk.naam)
        if key in claimed:
            # Reported in both files: a pre-commit run may name only one of them.
            eerste, hier = claimed[key].span(("naam",)), doc.span(("naam",))
            found.append(
                Finding(hier, f"wijk '{wijk.naam}' staat ook in {eerste}", ids.DUBBELE_WIJK)
            )
            found.append(
                Finding(eerste, f"wijk '{wijk.naam}' staat ook in {hier}", ids.DUBBELE_WIJK)
            )
        claimed.setdefault(key, doc)
        if key not in kern_van:
            found.append(
                _onbekend(
                    doc,
                    ("naam",),
                    f"wijk (niet in {GEMEENTE_BESTAND})",
                    wijk.naam,
                    wijknamen,
                    ids.ONBEKENDE_WIJK,
                )
            )
        elif sleutel(kern_van[key]) != sleutel(wijk.kern):
            found.append(
                Finding(
                    doc.span(("kern",)),
                    f"kern '{wijk.kern}' klopt niet: {GEMEENTE_BESTAND} plaatst "
                    f"'{wijk.naam}' in kern '{kern_van[key]}'",
                    ids.VERKEERDE_KERN,
                )
            )
        found.extend(check_wijk(cl, doc, wijk, namen))
    for kern, ws in g.kernen.items():
        for i, w in enumerate(ws):
            if sleutel(w) not in claimed and sleutel(w) not in geclaimd:
                found.append(
                    Finding(
                        gdoc.span(("kernen", kern, i)),
                        f"wijk '{w}' heeft geen wijkbestand in {data.map.name}/",
                        ids.WIJK_ZONDER_BESTAND,
                    )
                )
    return found


def bruikbaar(cl: Checklist, data: GemeenteData) -> list[Finding]:
    """What stops an audit of this gemeente's wijken: every finding except another wijk's
    missing file (that does not make the audited wijk's result wrong; `validate` reports it)."""
    return [f for f in check_gemeente(cl, data) if f.definition != ids.WIJK_ZONDER_BESTAND]
