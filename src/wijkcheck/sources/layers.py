"""Merge checklist layers into one checklist, keeping track of which file wrote what.

A layer adds entries with new ids, replaces existing ones under `vervang:`, leaves conditions and
items out under `verwijder:` and changes thresholds under `normen:`. Each of those must name
something that exists in the layers below; every mistake is a finding at the place it was
written. A theme (`thema: true`, always the top layer) keeps the catalogue of the layers below
and judges only its own conditions and items; those below stay known (`niet_getoetst`), so that
judgements and practices in the data that name them are no errors.

The merged checklist comes with a `GelaagdDocument`, which answers positions of the merged data
from the layer that wrote them, so integrity and plausibility checks of the merged checklist
point into the right file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.checklist import (
    DELEN,
    Checklist,
    ChecklistBestand,
    ChecklistLaag,
    NormWijziging,
    Onderwerp,
    Ouderdom,
    Sectie,
)
from wijkcheck.core.errors import Finding, FindingId, Span, WijkcheckError
from wijkcheck.core.rules import Drempel, PerInwoners, RegelBasis, Samengesteld
from wijkcheck.sources.yamlsource import YamlDocument

Loc = tuple[str | int, ...]


@dataclass
class GelaagdDocument:
    """Positions in a merged checklist, answered by the layer file that wrote each part."""

    top: YamlDocument
    routes: dict[Loc, tuple[YamlDocument, Loc]] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.top.path

    @property
    def data(self) -> Any:
        return self.top.data

    def _route(self, loc: Sequence[str | int]) -> tuple[YamlDocument, Loc]:
        loc = tuple(loc)
        for n in range(len(loc), 0, -1):
            hit = self.routes.get(loc[:n])
            if hit is not None:
                return hit[0], (*hit[1], *loc[n:])
        return self.top, loc

    def span(self, loc: Sequence[str | int] = (), *, key: bool = False) -> Span:
        doc, where = self._route(loc)
        return doc.span(where, key=key)

    def source_text(self, loc: Sequence[str | int]) -> str | None:
        doc, where = self._route(loc)
        return doc.source_text(where)


def stapel(
    lagen: Sequence[tuple[ChecklistBestand, YamlDocument]],
) -> tuple[Checklist, GelaagdDocument]:
    """Merge `lagen`, the lowest first; raise `WijkcheckError` with every finding."""
    m = _Stapel(lagen[-1][1])
    for i, (laag, doc) in enumerate(lagen):
        if laag.thema and i < len(lagen) - 1:
            m.fout(
                lagen[i + 1][1].span(("extends",)),
                f"checklist '{laag.id}' is een thema-checklist: die legt wijkcheck over de "
                "checklist van de gemeente heen (--checklist), er bouwt geen checklist op voort",
                ids.THEMA_ALS_BASIS,
            )
        if laag.thema and i == len(lagen) - 1:
            m.thema(laag, doc)
        m.laag(laag, doc)
    top, doc = lagen[-1]
    if m.ouderdom is None:
        m.fout(
            doc.span(),
            "'maximale_ouderdom' ontbreekt (hier of in een checklist waarop "
            "deze voortbouwt): hoe oud mag een cijfer zijn, en waarop rust dat",
            ids.ONTBREKEND_VELD,
        )
    if m.findings:
        raise WijkcheckError(m.findings)
    assert m.ouderdom is not None
    # Every part is a model validated from its layer's file: the merged checklist is put
    # together without validating it again, so that no command builds a validator for it
    # (its schema holds the union of all rule kinds: ~8 ms of every command that reads a
    # checklist).
    velden: dict[str, Any] = {
        "id": top.id,
        "naam": top.naam,
        "versie": top.versie,
        "uitgever": top.uitgever,
        "omschrijving": top.omschrijving,
        "lagen": [
            ChecklistLaag.model_construct(
                None,
                **{veld: getattr(laag, veld) for veld in _LAAG_VELDEN},
                catalogus=top.thema and i < len(lagen) - 1,
            )
            for i, (laag, _) in enumerate(lagen)
        ],
        "secties": m.secties,
        "maximale_ouderdom": m.ouderdom,
        "herkomst": m.herkomst,
        "niet_getoetst": m.niet_getoetst,
        **m.delen,
    }
    checklist = Checklist.model_construct(None, **velden)
    return checklist, m.doc


#: What a report says of a layer, copied from its file (`catalogus` is the merge's to say).
_LAAG_VELDEN = tuple(v for v in ChecklistLaag.model_fields if v != "catalogus")
#: What a theme may not have: a word of a catalogue that only the theme knew would make the
#: gemeente's data wrong under the gemeente's own checklist, and the conditions and items below
#: are not judged, so replacing, removing or re-norming them means nothing.
_NIET_IN_THEMA = ("extends", "functies", "soorten", "indicatoren", "rollen", "vervang", "verwijder")


class _Stapel:
    def __init__(self, top: YamlDocument) -> None:
        self.doc = GelaagdDocument(top)
        self.delen: dict[str, dict[str, Any]] = {deel: {} for deel in DELEN}
        self.waar: dict[tuple[str, str], str] = {}  # (deel, id) → the layer that wrote it
        self.herkomst: dict[str, tuple[str, str]] = {}
        self.secties: dict[str, Sectie] = {}
        self.ouderdom: Ouderdom | None = None
        self.niet_getoetst: dict[str, dict[str, str]] = {}
        self.findings: list[Finding] = []

    def fout(self, span: Span, message: str, id: FindingId) -> None:
        self.findings.append(Finding(span, message, id))

    def thema(self, laag: ChecklistBestand, doc: YamlDocument) -> None:
        """Before a theme's own entries: set aside the conditions, items and section titles
        below (they stay known, not judged), and refuse what a theme may not have."""
        for veld in (*_NIET_IN_THEMA, "normen"):
            if getattr(laag, veld):
                self.fout(
                    doc.span((veld,), key=True),
                    f"een thema-checklist heeft geen '{veld}': hij toetst alleen zijn eigen "
                    "voorwaarden en items, met de catalogus van de checklist van de gemeente "
                    "(zet soorten, functies en indicatoren in die checklist of in de regionale)",
                    ids.THEMA_NIET_TOEGESTAAN,
                )
        self.niet_getoetst = {
            deel: {key: o.titel for key, o in self.delen[deel].items()}
            for deel in ("voorwaarden", "items")
        }
        self.delen["voorwaarden"], self.delen["items"] = {}, {}
        self.herkomst, self.secties = {}, {}

    def onder_thema(self, deel: str, key: str) -> str | None:
        """The layer below a theme with a condition or item `key`, if any."""
        if deel not in ("voorwaarden", "items"):
            return None
        for d, ongetoetst in self.niet_getoetst.items():
            if key in ongetoetst:
                return self.waar[d, key]
        return None

    def laag(self, laag: ChecklistBestand, doc: YamlDocument) -> None:
        wie = (laag.id, laag.niveau.value)
        for deel in DELEN:
            for key, waarde in getattr(laag, deel).items():
                onder = self.onder_thema(deel, key) if laag.thema else None
                if onder is not None:
                    self.fout(
                        doc.span((deel, key), key=True),
                        f"'{key}' is al een voorwaarde of item van checklist '{onder}'; geef het "
                        "een eigen id: een oordeel of goed voorbeeld in de gegevens hoort bij één "
                        "onderwerp",
                        ids.BESTAAT_AL,
                    )
                    continue
                if key in self.delen[deel]:
                    self.fout(
                        doc.span((deel, key), key=True),
                        f"'{key}' staat al in checklist '{self.waar[deel, key]}'; zet het onder "
                        f"'vervang: {{{deel}: ...}}' om het te vervangen",
                        ids.BESTAAT_AL,
                    )
                    continue
                self.zet(deel, key, waarde, wie, doc, (deel, key))
        if laag.vervang is not None:
            for deel in DELEN:
                for key, waarde in getattr(laag.vervang, deel).items():
                    if key not in self.delen[deel]:
                        self.fout(
                            doc.span(("vervang", deel, key), key=True),
                            f"'{key}' kan niet vervangen worden: het staat niet bij {deel} van "
                            f"de checklist waarop '{laag.id}' voortbouwt",
                            ids.ONBEKEND_IN_BASIS,
                        )
                        continue
                    self.zet(deel, key, waarde, wie, doc, ("vervang", deel, key))
        if laag.verwijder is not None:
            for deel in ("voorwaarden", "items"):
                for i, key in enumerate(getattr(laag.verwijder, deel)):
                    if key not in self.delen[deel]:
                        self.fout(
                            doc.span(("verwijder", deel, i)),
                            f"'{key}' kan niet weggelaten worden: het staat niet bij {deel} van "
                            f"de checklist waarop '{laag.id}' voortbouwt",
                            ids.ONBEKEND_IN_BASIS,
                        )
                        continue
                    del self.delen[deel][key]
                    self.herkomst = {
                        k: v for k, v in self.herkomst.items() if k.split(".", 1)[0] != key
                    }
        for pad, wijziging in laag.normen.items():
            self.norm(pad, wijziging, wie, doc)
        for naam, sectie in laag.secties.items():
            self.secties[naam] = sectie
            self.doc.routes[("secties", naam)] = (doc, ("secties", naam))
        if laag.maximale_ouderdom is not None:
            self.ouderdom = laag.maximale_ouderdom
            self.doc.routes[("maximale_ouderdom",)] = (doc, ("maximale_ouderdom",))

    def zet(
        self, deel: str, key: str, waarde: Any, wie: tuple[str, str], doc: YamlDocument, loc: Loc
    ) -> None:
        self.delen[deel][key] = waarde
        self.waar[deel, key] = wie[0]
        self.doc.routes[(deel, key)] = (doc, loc)
        if deel in ("voorwaarden", "items"):  # a replaced item drops the old norm overrides
            self.herkomst = {k: v for k, v in self.herkomst.items() if k.split(".", 1)[0] != key}
            self.herkomst[key] = wie

    def norm(
        self, pad: str, wijziging: NormWijziging, wie: tuple[str, str], doc: YamlDocument
    ) -> None:
        waar = ("normen", pad)
        oid, *rest = pad.split(".")
        deel = "voorwaarden" if oid in self.delen["voorwaarden"] else "items"
        onderwerp: Onderwerp | None = self.delen[deel].get(oid)
        if onderwerp is None:
            self.fout(
                doc.span(waar, key=True),
                f"'{oid}' staat niet bij de voorwaarden of items van de checklist waarop "
                f"'{wie[0]}' voortbouwt",
                ids.ONBEKEND_IN_BASIS,
            )
            return
        keten: list[RegelBasis] = [onderwerp.regel]
        loc: Loc = (deel, oid, "regel")
        for deelnummer in rest:
            regel = keten[-1]
            if not (
                deelnummer.isdigit()
                and isinstance(regel, Samengesteld)
                and 1 <= int(deelnummer) <= len(regel.regels)
            ):
                aantal = len(regel.regels) if isinstance(regel, Samengesteld) else 0
                verwacht = f"1 tot en met {aantal}" if aantal else "geen onderdelen"
                self.fout(
                    doc.span(waar, key=True),
                    f"'{pad}': onderdeel '{deelnummer}' bestaat niet ({verwacht})",
                    ids.ONBEKEND_IN_BASIS,
                )
                return
            keten.append(regel.regels[int(deelnummer) - 1])
            loc = (*loc, "regels", int(deelnummer) - 1)
        doel = keten[-1]
        if not isinstance(doel, Drempel | PerInwoners):
            self.fout(
                doc.span(waar, key=True),
                f"'{pad}' is een regel van het type '{doel.type}' zonder drempel; 'normen' wijzigt "
                "alleen drempel- en per_inwoners-regels (vervang het onderwerp met 'vervang:')",
                ids.GEEN_DREMPEL,
            )
            return
        nieuw = doel.model_dump(exclude_none=True)
        gezet = wijziging.model_dump(exclude_none=True)
        velden = type(doel).model_fields
        for veld in gezet:
            if veld not in velden:
                wel = ", ".join(f for f in NormWijziging.model_fields if f in velden)
                self.fout(
                    doc.span((*waar, veld), key=True),
                    f"'{veld}' bestaat niet bij een regel van het type '{doel.type}' (wel: {wel})",
                    ids.ONBEKEND_VELD,
                )
                return
        if "norm" not in gezet and not ("vraagindex" in gezet and len(gezet) == 1):
            self.fout(
                doc.span(waar, key=True),
                f"'{pad}': een nieuwe drempel zegt ook waarop hij rust ('norm:', bijv. "
                "{basis: voorbeeldnorm})",
                ids.ONTBREKEND_VELD,
            )
            return
        if "vraagindex" in gezet:
            if "vraagindex" not in nieuw:
                self.fout(
                    doc.span((*waar, "vraagindex"), key=True),
                    f"'{pad}' heeft geen vraagindex om te wijzigen",
                    ids.ONBEKEND_IN_BASIS,
                )
                return
            gezet["vraagindex"] = {**nieuw["vraagindex"], **gezet["vraagindex"]}
        nieuw.update(gezet)
        try:
            vervangen: RegelBasis = type(doel).model_validate(nieuw)
        except ValidationError as exc:
            fout = exc.errors(include_url=False)[0]
            bericht = str(fout["msg"]).removeprefix("Value error, ")
            self.fout(doc.span(waar, key=True), f"'{pad}': {bericht}", ids.ONGELDIGE_NORM)
            return
        for regel in reversed(keten[:-1]):
            assert isinstance(regel, Samengesteld)
            regels = [vervangen if r is doel else r for r in regel.regels]
            doel, vervangen = regel, regel.model_copy(update={"regels": regels})
        self.delen[deel][oid] = onderwerp.model_copy(update={"regel": vervangen})
        self.herkomst[pad] = wie
        for veld in gezet:
            self.doc.routes[(*loc, veld)] = (doc, (*waar, veld))
