"""Rule kind `aanwezig`: facilities present."""

import bisect
import datetime as dt
from collections.abc import Hashable, Iterator
from typing import ClassVar, Literal

from pydantic import PositiveInt, StrictBool, model_validator

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.models import (
    Bereik,
    Id,
    Voorziening,
    Wijk,
    leeg,
)
from wijkcheck.core.names import sleutel
from wijkcheck.core.results import GebruiktGegeven, Uitkomst
from wijkcheck.core.rules.base import (
    Beoordeling,
    CatalogueRef,
    Catalogus,
    Context,
    FacilityIndex,
    FacilityPlace,
    RegelBasis,
    Telbron,
    _via,
)

V, N, ONB = Uitkomst.VOLDAAN, Uitkomst.NIET_VOLDAAN, Uitkomst.ONBEKEND


_BEREIK_TEKST = {
    Bereik.WIJK: "in de wijk",
    Bereik.KERN: "in de kern",
    Bereik.GEMEENTE: "in de gemeente",
}


class Aanwezig(RegelBasis):
    """Voorziening aanwezig: minstens `minimaal` voorzieningen van een soort of met een functie.

    Parameters: `soorten` (lijst van soorten uit de catalogus) óf `functie` (bijv. ontmoeten),
    `minimaal` (standaard 1), `toegankelijk` (true: alleen toegankelijke voorzieningen tellen),
    `bereik`: `wijk` (in de wijk zelf), `kern` (ook elders in de kern) of `gemeente` (ergens in
    de gemeente; één keer per gemeente beoordeeld). Bij elk bereik telt ook een voorziening van
    elders die de wijk met `bedient:` bedient.
    Onbekend als er te weinig zijn maar de wijk geen voorzieningen heeft vastgelegd, of als de
    toegankelijkheid van de gevonden voorzieningen niet is vastgelegd.

    In de checklist:

        regel: {type: aanwezig, functie: ontmoeten, bereik: wijk}

    Voldaan voor een wijk met een buurthuis (een soort met de functie ontmoeten):

        voorzieningen:
          - naam: Buurthuis De Schakel
            soort: buurthuis
            bron: heusden.nl
            peildatum: 2025-01-01

    Niet voldaan voor een wijk met `voorzieningen: []`.
    """

    type: Literal["aanwezig"]
    naam: ClassVar[str] = "voorziening aanwezig"
    soorten: list[Id] = leeg(list)
    functie: Id | None = None
    minimaal: PositiveInt = 1
    toegankelijk: StrictBool = False
    bereik: Bereik = Bereik.WIJK

    def catalogue_refs(self) -> Iterator[CatalogueRef]:
        for i, s in enumerate(self.soorten):
            yield CatalogueRef(("soorten", i), "soort", s, "soorten", ids.ONBEKENDE_SOORT)
        if self.functie:
            yield CatalogueRef(
                ("functie",), "functie", self.functie, "functies", ids.ONBEKENDE_FUNCTIE
            )

    @model_validator(mode="after")
    def _een_van_soorten_of_functie(self) -> "Aanwezig":
        if bool(self.soorten) == bool(self.functie):
            raise ValueError("geef óf 'soorten' óf 'functie' op, niet beide en niet geen van twee")
        return self

    def wat(self, ctx: Catalogus | None) -> str:
        if self.functie:
            return f"voorziening met functie '{self.functie}'"
        namen = [ctx.soorten[s].naam if ctx and s in ctx.soorten else s for s in self.soorten]
        return " of ".join(namen)

    def kort(self, ctx: Catalogus | None = None) -> str:
        wat = self.wat(ctx)
        return f"{wat[:1].upper()}{wat[1:]} {_BEREIK_TEKST[self.bereik]}"

    def omschrijving(self, ctx: Catalogus | None = None) -> str:
        toeg = "toegankelijke " if self.toegankelijk else ""
        return f"≥ {self.minimaal} {toeg}{self.wat(ctx)} {_BEREIK_TEKST[self.bereik]}"

    def gemeentebreed(self) -> bool:
        return self.bereik is Bereik.GEMEENTE

    def _telbronnen(self, ctx: Context) -> list[Telbron]:
        facility_index = ctx.facility_index or FacilityIndex(ctx.gemeente, ctx.wijken, ctx.soorten)
        if ctx.wijk is None or self.bereik is Bereik.GEMEENTE:
            return facility_index.inventory_sources(None)
        if self.bereik is Bereik.KERN:
            return facility_index.inventory_sources(sleutel(ctx.wijk.kern))
        if "voorzieningen" not in ctx.wijk.model_fields_set:
            return []
        return [Telbron.van(ctx.wijk.inventarisatie, ctx.wijk.peildatum)]

    def _telling(self, b: Telbron, gevonden: int, ctx: Context) -> GebruiktGegeven:
        peildatum = b.peildatum or ctx.datum  # no date known: the audit date, as an estimate
        wat = self.wat(ctx)
        verouderd = ctx.verouderd(peildatum)

        def make() -> GebruiktGegeven:
            return GebruiktGegeven(
                wat="inventarisatie van de voorzieningen",
                waarde=f"geen {wat} gevonden" if not gevonden else f"{gevonden} {wat} gevonden",
                bron=b.bron,
                peildatum=peildatum,
                verouderd=verouderd,
                voorbeeld=b.voorbeeld,
                geschat=b.geschat or b.peildatum is None,
            )

        if ctx.facility_index is None:
            return make()
        return ctx.facility_index.remember(
            self, ("telling", b, gevonden, wat, peildatum, verouderd), make
        )

    def past(self, v: Voorziening, ctx: Context) -> bool:
        if self.soorten:
            return v.soort in self.soorten
        soort = ctx.soorten.get(v.soort)
        return self.functie in v.functies or (soort is not None and self.functie in soort.functies)

    def _beslissend(
        self,
        zeker: list[tuple[Voorziening, str]],
        passend: list[tuple[Voorziening, str]],
        ctx: Context,
    ) -> list[tuple[Voorziening, str]]:
        """The facilities the outcome rests on: when met, the nearest `minimaal`, fresh figures
        before outdated ones at the same distance; otherwise every candidate (each of them is
        part of why it is not met). `zeker` comes nearest first (`Context.bereikbaar`)."""
        if len(zeker) < self.minimaal:
            return passend
        gekozen: list[tuple[Voorziening, str]] = []
        i = 0
        while len(gekozen) < self.minimaal:  # one distance at a time; usually only the first
            nabijheid = _nabijheid(zeker[i][1])
            j = i + 1
            while j < len(zeker) and _nabijheid(zeker[j][1]) == nabijheid:
                j += 1
            groep = sorted(zeker[i:j], key=lambda p: ctx.verouderd(p[0].peildatum))
            gekozen += groep[: self.minimaal - len(gekozen)]
            i = j
        return gekozen

    def shared_key(self, ctx: Context) -> Hashable | None:
        """Reach *kern* without names, for a wijk with none of the facilities of its own and
        none serving it from elsewhere: it counts what every such wijk of its kern counts (the
        kern's, `KernTelling`), and differs from them only in whether it recorded facilities
        at all. Its other inputs are the audit date and the maximum age of a figure."""
        telling = self._kerntelling(ctx)
        if telling is None:
            return None
        wijk = ctx.eigen_wijk
        eigen = sleutel(wijk.naam)
        if not telling.zonder_eigen(eigen):
            return None
        compleet = "voorzieningen" in wijk.model_fields_set
        return "kern", telling.kern, compleet, ctx.datum, ctx.max_ouderdom_maanden

    def _kerntelling(self, ctx: Context) -> "KernTelling | None":
        """The kern's count made once (`KernTelling`), where it applies: reach *kern*, no
        names (`Context.namen`), a wijk of the facility index whose own facilities it finds."""
        wijk, facility_index = ctx.wijk, ctx.facility_index
        if ctx.namen or self.bereik is not Bereik.KERN or wijk is None or facility_index is None:
            return None
        if id(wijk) not in facility_index.wijken:
            return None
        kern = sleutel(wijk.kern)
        telling = facility_index.remember(
            self, kern, lambda: KernTelling(self, facility_index.candidates(self, kern), kern)
        )
        return telling if telling.past(wijk) else None

    def evaluate(self, ctx: Context, pad: str) -> Beoordeling:
        in_kern = self._in_kern(ctx)
        if in_kern is not None:
            aantal, misschien, passend_n, compleet, beslissend = in_kern
            namen: list[str] = []
        else:
            passend, compleet = ctx.bereikbaar(self.bereik, self)
            zeker = [(v, w) for v, w in passend if v.toegankelijk or not self.toegankelijk]
            aantal, passend_n = len(zeker), len(passend)
            misschien = sum(1 for v, _ in passend if self.toegankelijk and v.toegankelijk is None)
            beslissend = self._beslissend(zeker, passend, ctx)
            # every name: a report that counts four facilities names all four (issue 10),
            # each with where it is when that is not the wijk itself
            namen = [_label(v, waar) for v, waar in zeker] if ctx.namen else []
        gegevens = [_gegeven(v, waar, ctx) for v, waar in beslissend]
        if not aantal:
            gemeten = "0 (geen gevonden)"
        elif ctx.namen:
            gemeten = f"{aantal} ({', '.join(namen)})"
        else:
            gemeten = f"{aantal}"
        toelichting = ""
        if aantal >= self.minimaal:
            uitkomst = V
        elif aantal + misschien >= self.minimaal:
            uitkomst = ONB
            toelichting = f"toegankelijkheid van {misschien} voorziening(en) niet vastgelegd"
        elif not compleet:
            uitkomst = ONB
            toelichting = "voorzieningen niet (volledig) vastgelegd voor dit bereik"
        else:
            uitkomst = N
            if misschien or passend_n > aantal:
                toelichting = "gevonden voorzieningen zijn niet (aantoonbaar) toegankelijk"
        if uitkomst is not V:  # too few found: the inventories searched are the source
            gegevens += [self._telling(b, aantal, ctx) for b in self._telbronnen(ctx)]
        return Beoordeling(
            uitkomst,
            gemeten,
            self.omschrijving(ctx),
            toelichting,
            gegevens,
            gemeten_getal=aantal,
            voorzieningen=namen,
        )

    def _in_kern(
        self, ctx: Context
    ) -> tuple[int, int, int, bool, list[tuple[Voorziening, str]]] | None:
        """Reach *kern* without names (`Context.namen`): the counts, completeness and the
        facilities the outcome rests on, from the kern's count made once (`KernTelling`),
        without a look at every facility of the kern. None when that does not apply."""
        telling = self._kerntelling(ctx)
        if telling is None:
            return None
        wijk, facility_index = ctx.eigen_wijk, ctx.facility_index
        assert facility_index is not None  # `_kerntelling` found it
        kern, eigen = telling.kern, sleutel(wijk.naam)
        dichtbij: list[tuple[int, Voorziening, str]] = []
        ver: list[tuple[int, Voorziening, str]] = []
        for i, p in telling.anderen(eigen):
            if p.wijk is None and p.kern is None:
                ver.append((i, p.voorziening, "gemeentebreed"))
            elif p.wijk is None:
                dichtbij.append((i, p.voorziening, f"kern {p.voorziening.kern}"))
            else:
                dichtbij.append((i, p.voorziening, _via(p)))
        buiten = dichtbij + ver
        aantal = telling.zeker + sum(_zeker(self, v) for _, v, _ in buiten)
        misschien = telling.misschien + sum(_misschien(self, v) for _, v, _ in buiten)
        passend = len(telling.places) + len(buiten)
        compleet = (
            "voorzieningen" in wijk.model_fields_set and kern not in facility_index.onvolledig
        )
        if aantal < self.minimaal:  # every candidate is part of why (rare: few in the kern)
            eigen_plekken = [(p.voorziening, "in de wijk") for _, p in telling.eigen(eigen)]
            rond = [(i, p.voorziening, _in_kern_waar(p)) for i, p in telling.rond(eigen)]
            gekozen = eigen_plekken + [(v, w) for _, v, w in sorted(rond + dichtbij)]
            return aantal, misschien, passend, compleet, gekozen + [(v, w) for _, v, w in ver]
        # as `_beslissend`: nearest first (the wijk, the kern, the gemeente), at each distance
        # fresh figures before outdated ones, in file order
        nodig = self.minimaal
        eigen_zeker = [
            (p.voorziening, "in de wijk")
            for _, p in telling.eigen(eigen)
            if _zeker(self, p.voorziening)
        ]
        gekozen = sorted(eigen_zeker, key=lambda g: ctx.verouderd(g[0].peildatum))[:nodig]
        if len(gekozen) < nodig:
            rest = nodig - len(gekozen)
            vers, oud = telling.eerste_zeker(eigen, rest, ctx)
            bij = [(i, v, w) for i, v, w in dichtbij if _zeker(self, v)]
            for uit_kern, verouderd_ in ((vers, False), (oud, True)):
                kandidaten = [(i, p.voorziening, _in_kern_waar(p)) for i, p in uit_kern]
                kandidaten += [g for g in bij if ctx.verouderd(g[1].peildatum) is verouderd_]
                gekozen += [(v, w) for _, v, w in sorted(kandidaten)[:rest]]
                rest = nodig - len(gekozen)
        if len(gekozen) < nodig:
            ver_zeker = [(v, w) for _, v, w in ver if _zeker(self, v)]
            ver_zeker.sort(key=lambda g: ctx.verouderd(g[0].peildatum))
            gekozen += ver_zeker[: nodig - len(gekozen)]
        return aantal, misschien, passend, compleet, gekozen


def _in_kern_waar(p: FacilityPlace) -> str:
    """Where a facility of the kern is, seen from another wijk of it."""
    return f"kern {p.voorziening.kern}" if p.wijk is None else f"in de kern ({p.wijknaam})"


def _gegeven(v: Voorziening, waar: str, ctx: Context) -> GebruiktGegeven:
    """A facility as a figure a result rests on."""
    soort = ctx.soorten.get(v.soort)
    wat = soort.naam if soort is not None else v.soort
    verouderd = ctx.verouderd(v.peildatum)

    def make() -> GebruiktGegeven:
        return GebruiktGegeven(
            wat=wat,
            waarde=f"{v.naam}, {waar}" + _toegankelijkheid(v),
            bron=v.bron,
            peildatum=v.peildatum,
            verouderd=verouderd,
            voorbeeld=v.voorbeeld,
            geschat=v.geschat,
        )

    if ctx.facility_index is None:
        return make()
    return ctx.facility_index.remember(v, ("voorziening", waar, wat, verouderd), make)


def _label(v: Voorziening, waar: str) -> str:
    """A facility's name with where it is (`Bibliotheek Vlijmen (Vijfhoeven)`, `via Supermarkt
    Oudheusden (Oudheusden)`); just the name in the wijk itself."""
    if waar in ("in de wijk", "gemeentebreed"):
        return v.naam
    if waar.startswith("via "):
        return f"via {v.naam} ({waar[4:]})"
    for begin in ("in de kern (", "in de gemeente ("):
        if waar.startswith(begin):
            return f"{v.naam} ({waar[len(begin) : -1]})"
    if waar.startswith("in "):
        return f"{v.naam} ({waar[3:]})"
    if waar.startswith("kern "):
        return f"{v.naam} ({waar})"
    return v.naam


def _nabijheid(waar: str) -> int:
    return (
        0 if waar == "in de wijk" else 2 if waar.startswith(("in de gemeente", "gemeente")) else 1
    )


def _toegankelijkheid(v: Voorziening) -> str:
    if v.toegankelijk is None:
        return ""
    return ", toegankelijk" if v.toegankelijk else ", niet toegankelijk"


class KernTelling:
    """What an `aanwezig` rule with reach *kern* counts, for every wijk of one kern at once.

    A wijk of the kern counts the same facilities as its neighbours: every facility in the
    kern (its own as "in de wijk", the others' as "in de kern"), plus those elsewhere whose
    `bedient:` names it. So the kern's facilities are classified once, with running counts
    and per wijk the block of its own, and a wijk adds only what serves it from elsewhere:
    the counts cost nothing per wijk, the facilities a met rule rests on are found among the
    first few. Without it the overview of a kern of N wijken does N times the work of the
    kern, the square of its size.

    Gives what `Context.bereikbaar` gives, in the same order; `tests/test_kerntelling.py`
    compares the two on generated kernen.
    """

    __slots__ = (
        "_anderen",
        "_blokken",
        "_regel",
        "_vers",
        "kern",
        "misschien",
        "places",
        "zeker",
    )

    def __init__(self, regel: Aanwezig, candidates: list[FacilityPlace], kern: str) -> None:
        self._regel, self.kern = regel, kern
        #: the facilities in the kern, in file order, with their place in `candidates`
        self.places: list[tuple[int, FacilityPlace]] = []
        #: wijk key → facilities outside the kern that serve it, with their place
        self._anderen: dict[str, list[tuple[int, FacilityPlace]]] = {}
        for i, p in enumerate(candidates):
            if p.kern == kern:
                self.places.append((i, p))
            else:  # in `candidates` only for its `bedient:`
                for b in p.bedient:
                    if b != p.wijk:
                        self._anderen.setdefault(b, []).append((i, p))
        # per wijk key: its own facilities are one block (a file's list) in `places`
        self._blokken: dict[str, tuple[int, int]] = {}
        for j, (_, p) in enumerate(self.places):
            if p.wijk is None:
                continue
            begin, eind = self._blokken.get(p.wijk, (j, j))
            if eind != j:  # not one block (cannot happen once names are unique): see `past`
                self._blokken[p.wijk] = (-1, -1)
            else:
                self._blokken[p.wijk] = (begin, j + 1)
        self.zeker = sum(_zeker(regel, p.voorziening) for _, p in self.places)
        self.misschien = sum(_misschien(regel, p.voorziening) for _, p in self.places)
        # (audit date, maximum age) → the kern's certain facilities, fresh and outdated
        self._vers: dict[tuple[dt.date, int], tuple[list[int], list[int]]] = {}

    def past(self, wijk: Wijk) -> bool:
        """Whether this count applies to `wijk`: its own facilities are the block of its key
        (they are, unless two wijk files share a name, which validate refuses)."""
        blok = self._blokken.get(sleutel(wijk.naam))
        if blok is None:  # none of its facilities is one the rule counts
            return True
        begin, eind = blok
        return begin >= 0 and all(p.eigenaar is wijk for _, p in self.places[begin:eind])

    def zonder_eigen(self, eigen: str) -> bool:
        """Whether the wijk (a key) has none of the facilities counted, in the kern or serving
        it from elsewhere: then it counts only the kern's, as every such wijk does."""
        return eigen not in self._blokken and eigen not in self._anderen

    def anderen(self, eigen: str) -> list[tuple[int, FacilityPlace]]:
        return self._anderen.get(eigen, [])

    def eigen(self, eigen: str) -> list[tuple[int, FacilityPlace]]:
        begin, eind = self._blokken.get(eigen, (0, 0))
        return self.places[begin:eind]

    def rond(self, eigen: str) -> list[tuple[int, FacilityPlace]]:
        """The kern's facilities but the wijk's own, in file order."""
        begin, eind = self._blokken.get(eigen, (0, 0))
        return self.places[:begin] + self.places[eind:]

    def eerste_zeker(
        self, eigen: str, n: int, ctx: Context
    ) -> tuple[list[tuple[int, FacilityPlace]], list[tuple[int, FacilityPlace]]]:
        """The first `n` certain facilities of the kern outside the wijk, fresh ones and
        outdated ones apart, in file order: where a met rule finds the ones it rests on."""
        key = (ctx.datum, ctx.max_ouderdom_maanden)
        if key not in self._vers:
            vers: list[int] = []
            oud: list[int] = []
            for j, (_, p) in enumerate(self.places):
                if _zeker(self._regel, p.voorziening):
                    (oud if ctx.verouderd(p.voorziening.peildatum) else vers).append(j)
            self._vers[key] = vers, oud
        begin, eind = self._blokken.get(eigen, (0, 0))
        vers, oud = self._vers[key]
        return (
            [self.places[j] for j in _eerste_buiten(vers, begin, eind, n)],
            [self.places[j] for j in _eerste_buiten(oud, begin, eind, n)],
        )


def _eerste_buiten(lijst: list[int], begin: int, eind: int, n: int) -> list[int]:
    """The first `n` numbers of the sorted `lijst` outside [begin, eind)."""
    voor = lijst[: min(n, bisect.bisect_left(lijst, begin))]
    if len(voor) >= n:
        return voor
    na = bisect.bisect_left(lijst, eind)
    return voor + lijst[na : na + n - len(voor)]


def _zeker(regel: Aanwezig, v: Voorziening) -> bool:
    return bool(v.toegankelijk) or not regel.toegankelijk


def _misschien(regel: Aanwezig, v: Voorziening) -> bool:
    return regel.toegankelijk and v.toegankelijk is None
