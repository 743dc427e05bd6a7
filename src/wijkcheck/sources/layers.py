"""Merge checklist layers into one checklist, keeping track of which file wrote what.

A layer adds entries with new ids, replaces existing ones under `vervang:`, leaves conditions and
items out under `verwijder:` and changes thresholds under `normen:`. Each of those must name
something that exists in the layers below; every mistake is a finding at the place it was
written. The merged checklist comes with a `GelaagdDocument`, which answers positions of the
merged data from the layer that wrote them, so integrity and plausibility checks of the merged
checklist point into the right file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

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
from wijkcheck.core.errors import Finding, Span, WijkcheckError
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
    for laag, doc in lagen:
        m.laag(laag, doc)
    top, doc = lagen[-1]
    if m.ouderdom is None:
        m.fout(
            doc.span(),
            "'maximale_ouderdom' ontbreekt (hier of in een checklist waarop "
            "deze voortbouwt): hoe oud mag een cijfer zijn, en waarop rust dat",
            "ontbrekend-veld",
        )
    if m.findings:
        raise WijkcheckError(m.findings)
    assert m.ouderdom is not None
    checklist = Checklist(
        id=top.id,
        naam=top.naam,
        versie=top.versie,
        uitgever=top.uitgever,
        omschrijving=top.omschrijving,
        lagen=[
            ChecklistLaag(**{veld: getattr(laag, veld) for veld in ChecklistLaag.model_fields})
            for laag, _ in lagen
        ],
        secties=m.secties,
        maximale_ouderdom=m.ouderdom,
        herkomst=m.herkomst,
        **m.delen,
    )
    return checklist, m.doc


class _Stapel:
    def __init__(self, top: YamlDocument) -> None:
        self.doc = GelaagdDocument(top)
        self.delen: dict[str, dict[str, Any]] = {deel: {} for deel in DELEN}
        self.waar: dict[tuple[str, str], str] = {}  # (deel, id) → the layer that wrote it
        self.herkomst: dict[str, tuple[str, str]] = {}
        self.secties: dict[str, Sectie] = {}
        self.ouderdom: Ouderdom | None = None
        self.findings: list[Finding] = []

    def fout(self, span: Span, message: str, rule: str) -> None:
        self.findings.append(Finding(span, message, rule))

    def laag(self, laag: ChecklistBestand, doc: YamlDocument) -> None:
        wie = (laag.id, laag.niveau.value)
        for deel in DELEN:
            for key, waarde in getattr(laag, deel).items():
                if key in self.delen[deel]:
                    self.fout(
                        doc.span((deel, key), key=True),
                        f"'{key}' staat al in checklist '{self.waar[deel, key]}'; zet het onder "
                        f"'vervang: {{{deel}: ...}}' om het te vervangen",
                        "bestaat-al",
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
                            "onbekend-in-basis",
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
                            "onbekend-in-basis",
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
                "onbekend-in-basis",
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
                    "onbekend-in-basis",
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
                "geen-drempel",
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
                    "onbekend-veld",
                )
                return
        if "norm" not in gezet and not ("vraagindex" in gezet and len(gezet) == 1):
            self.fout(
                doc.span(waar, key=True),
                f"'{pad}': een nieuwe drempel zegt ook waarop hij rust ('norm:', bijv. "
                "{basis: voorbeeldnorm})",
                "ontbrekend-veld",
            )
            return
        if "vraagindex" in gezet:
            if "vraagindex" not in nieuw:
                self.fout(
                    doc.span((*waar, "vraagindex"), key=True),
                    f"'{pad}' heeft geen vraagindex om te wijzigen",
                    "onbekend-in-basis",
                )
                return
            gezet["vraagindex"] = {**nieuw["vraagindex"], **gezet["vraagindex"]}
        nieuw.update(gezet)
        try:
            vervangen: RegelBasis = type(doel).model_validate(nieuw)
        except ValidationError as exc:
            fout = exc.errors(include_url=False)[0]
            bericht = str(fout["msg"]).removeprefix("Value error, ")
            self.fout(doc.span(waar, key=True), f"'{pad}': {bericht}", "ongeldige-norm")
            return
        for regel in reversed(keten[:-1]):
            assert isinstance(regel, Samengesteld)
            regels = [vervangen if r is doel else r for r in regel.regels]
            doel, vervangen = regel, regel.model_copy(update={"regels": regels})
        self.delen[deel][oid] = onderwerp.model_copy(update={"regel": vervangen})
        self.herkomst[pad] = wie
        for veld in gezet:
            self.doc.routes[(*loc, veld)] = (doc, (*waar, veld))
