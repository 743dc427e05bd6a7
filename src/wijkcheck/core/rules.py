"""Rule kinds: the closed set of checks a checklist can ask for.

Each kind is a Pydantic model with a `type` literal; `REGELS` lists them all and `Regel` is the
discriminated union that YAML is validated against, so a misspelled kind or parameter is an error
with a position. The class docstring is the user documentation (`wijkcheck regels`).

Adding a kind: write the model with its `evalueer`, add it to `REGELS` and to `Regel`, and add a
case file in `tests/cases/`.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, ClassVar, Literal, Protocol

from pydantic import Field, PositiveInt, StrictBool, model_validator

from wijkcheck.core.models import (
    Beleidsbron,
    Bereik,
    Cijfer,
    Gemeente,
    Getal,
    Id,
    Indicator,
    Inventarisatie,
    Model,
    Norm,
    Rol,
    Soort,
    Tekst,
    Voorziening,
    Wijk,
    is_voorbeeld,
    leeg,
)
from wijkcheck.core.names import datum, getal, sleutel
from wijkcheck.core.results import GebruiktGegeven, Resultaat, Telling, Uitkomst, verouderd

V, N, ONB = Uitkomst.VOLDAAN, Uitkomst.NIET_VOLDAAN, Uitkomst.ONBEKEND


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a rule may look at. Built by the engine; rules never read files."""

    soorten: Mapping[str, Soort]
    indicatoren: Mapping[str, Indicator]
    rollen: Mapping[str, Rol]
    max_ouderdom_maanden: int
    gemeente: Gemeente
    #: the wijk audited; None for a gemeente-wide judgement, made once for the whole gemeente
    wijk: Wijk | None
    wijken: Sequence[Wijk]
    datum: dt.date
    plekken: Plekken | None = None
    #: result id (`huisarts`, `huisarts.2`) → (checklist layer id, its level); see Checklist
    herkomst: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    #: False: a result of `aanwezig` gives the number of facilities without their names. The
    #: overview shows outcomes only, and naming every facility of a kern in every wijk's
    #: result costs the square of the kern's size (`KernTelling`).
    namen: bool = True
    _verouderd: dict[dt.date, bool] = field(default_factory=dict, repr=False, compare=False)

    def herkomst_van(self, id: str) -> tuple[str, str]:
        """The layer of a result: its own entry (an overridden norm), else its parent's."""
        while True:
            found = self.herkomst.get(id)
            if found is not None or "." not in id:
                return found or ("", "")
            id = id.rsplit(".", 1)[0]

    def verouderd(self, peildatum: dt.date) -> bool:
        oud = self._verouderd.get(peildatum)
        if oud is None:
            oud = verouderd(peildatum, self.datum, self.max_ouderdom_maanden)
            self._verouderd[peildatum] = oud
        return oud

    def gegeven(self, wat: str, waarde: str, cijfer: Cijfer) -> GebruiktGegeven:
        return GebruiktGegeven(
            wat=wat,
            waarde=waarde,
            bron=cijfer.bron,
            peildatum=cijfer.peildatum,
            verouderd=self.verouderd(cijfer.peildatum),
            voorbeeld=cijfer.voorbeeld,
            geschat=cijfer.geschat,
        )

    @property
    def eigen_wijk(self) -> Wijk:
        """The audited wijk, for rules that judge one wijk (never asked of a gemeente-wide
        rule: `RegelBasis.gemeentebreed`)."""
        if self.wijk is None:
            raise ValueError("a rule that judges one wijk was asked for the whole gemeente")
        return self.wijk

    def indicator(self, ind: str) -> Cijfer | None:
        wijk = self.eigen_wijk
        return wijk.indicatoren.get(ind) or wijk.ondersteuningsvraag.get(ind)

    def eenheid(self, ind: str) -> str:
        return eenheid(self, ind)

    def indicatornaam(self, ind: str) -> str:
        return indicatornaam(self, ind)

    def bereikbaar(
        self, bereik: Bereik, keuze: Aanwezig | None = None
    ) -> tuple[list[tuple[Voorziening, str]], bool]:
        """Facilities within reach of the wijk (those `keuze` asks for, or all), each with where
        it is, nearest first (in the wijk; in or serving its kern; elsewhere in the gemeente),
        in file order within each; and whether the facility data for that reach is complete (a
        wijk in reach recorded none at all)."""
        plekken = self.plekken or Plekken(self.gemeente, self.wijken, self.soorten)
        if self.wijk is None:
            return _gemeentebreed(plekken, keuze), not plekken.onvolledig
        wijk, kern = self.wijk, sleutel(self.wijk.kern)
        eigen = sleutel(wijk.naam)
        compleet = "voorzieningen" in wijk.model_fields_set
        geindexeerd = id(wijk) in plekken.wijken  # then its own facilities come in the loop
        found: list[tuple[Voorziening, str]] = []
        if bereik is Bereik.WIJK or not geindexeerd:
            found = [
                (v, "in de wijk")
                for v in wijk.voorzieningen
                if keuze is None or keuze.past(v, self)
            ]
            if bereik is Bereik.WIJK:
                # `bedient:` counts at every reach: a facility elsewhere that serves this wijk
                found += [
                    (p.voorziening, _via(p))
                    for p in plekken.voor_wijk(eigen)
                    if keuze is None or keuze.past(p.voorziening, self)
                ]
                return found, compleet
        gemeente = bereik is Bereik.GEMEENTE
        dichtbij: list[tuple[Voorziening, str]] = []
        ver: list[tuple[Voorziening, str]] = []
        for p in plekken.keuze(keuze, None if gemeente else kern):
            bedient = eigen in p.bedient
            if p.wijk is None:  # gemeente.yaml: gemeente-wide, or one kern's
                if p.kern is None:
                    if gemeente or bedient:
                        ver.append((p.voorziening, "gemeentebreed"))
                elif p.kern == kern or bedient or gemeente:
                    dichtbij.append((p.voorziening, f"kern {p.voorziening.kern}"))
                continue
            if p.wijk == eigen:
                if geindexeerd and p.eigenaar is wijk:
                    found.append((p.voorziening, "in de wijk"))
                continue
            if p.kern == kern:
                dichtbij.append((p.voorziening, f"in de kern ({p.wijknaam})"))
            elif bedient:
                dichtbij.append((p.voorziening, _via(p)))
            elif gemeente:
                ver.append((p.voorziening, f"in de gemeente ({p.wijknaam})"))
        if gemeente:
            compleet = compleet and not plekken.onvolledig
        else:
            compleet = compleet and kern not in plekken.onvolledig
        return found + dichtbij + ver, compleet


def _via(p: Plek) -> str:
    """Where a facility that serves the wijk from elsewhere is (`bedient:`)."""
    return f"via {p.wijknaam}" if p.wijk is not None else "via de gemeente"


def _gemeentebreed(plekken: Plekken, keuze: Aanwezig | None) -> list[tuple[Voorziening, str]]:
    """Every facility of the gemeente that `keuze` counts, with where it is, in file order."""
    found = []
    for p in plekken.keuze(keuze):
        if p.wijk is not None:
            found.append((p.voorziening, f"in {p.wijknaam}"))
        elif p.kern is not None:
            found.append((p.voorziening, f"kern {p.voorziening.kern}"))
        else:
            found.append((p.voorziening, "gemeentebreed"))
    return found


@dataclass(frozen=True, slots=True)
class Telbron:
    """The inventory behind a facility list: the source of every "none found"."""

    bron: str
    peildatum: dt.date | None
    geschat: bool = False

    @classmethod
    def van(cls, inv: Inventarisatie | None, peildatum: dt.date | None) -> Telbron:
        if inv is None:  # a list without its inventory: nobody said who counted, or when
            return cls("inventarisatie niet vastgelegd", peildatum, True)
        return cls(inv.bron, inv.peildatum, inv.geschat)

    @property
    def voorbeeld(self) -> bool:
        return is_voorbeeld(self.bron)


@dataclass(frozen=True, slots=True)
class Plek:
    """A facility and whose it is: a wijk file's (`wijk`) or gemeente.yaml's (`wijk` None)."""

    voorziening: Voorziening
    wijk: str | None
    wijknaam: str
    kern: str | None
    bedient: frozenset[str]
    # the wijk file's Wijk (None: gemeente.yaml); by identity, not compared or hashed
    eigenaar: Wijk | None = field(default=None, compare=False, repr=False)


class Plekken:
    """All facilities of a gemeente, indexed by soort and function.

    Built once per gemeente: without it every `aanwezig` rule of every wijk scans every facility
    of the gemeente, which is quadratic in the size of the gemeente (an overview of a gemeente
    with 170 wijken spent 1.7 s there).
    """

    __slots__ = (
        "_bediend",
        "_kerntellingen",
        "_keuzes",
        "alle",
        "inventarissen",
        "onvolledig",
        "per_functie",
        "per_soort",
        "wijken",
    )

    def __init__(self, gemeente: Gemeente, wijken: Sequence[Wijk], soorten: Mapping[str, Soort]):
        self.alle: list[Plek] = []
        self.onvolledig: set[str] = set()  # kernen with a wijk that recorded no facilities
        # by identity; holding them keeps their ids from being reused while the index lives
        self.wijken = {id(w): w for w in wijken}
        for w in wijken:
            if "voorzieningen" not in w.model_fields_set:
                self.onvolledig.add(sleutel(w.kern))
            for v in w.voorzieningen:
                self.alle.append(
                    Plek(v, sleutel(w.naam), w.naam, sleutel(w.kern), _sleutels(v.bedient), w)
                )
        for v in gemeente.voorzieningen:
            kern = sleutel(v.kern) if v.kern is not None else None
            self.alle.append(Plek(v, None, "", kern, _sleutels(v.bedient)))
        self.per_soort: dict[str, list[int]] = {}
        self.per_functie: dict[str, list[int]] = {}
        self._bediend: dict[str, list[Plek]] = {}  # wijk key → facilities elsewhere serving it
        # who listed the facilities, per kern key (None: the gemeente's own list), distinct
        self.inventarissen: dict[str | None, dict[Telbron, None]] = {}
        for w in wijken:
            if "voorzieningen" in w.model_fields_set:
                bron = Telbron.van(w.inventarisatie, w.peildatum)
                self.inventarissen.setdefault(sleutel(w.kern), {})[bron] = None
        if "voorzieningen" in gemeente.model_fields_set or gemeente.inventarisatie is not None:
            peildatum = gemeente.inventarisatie.peildatum if gemeente.inventarisatie else None
            bron = Telbron.van(gemeente.inventarisatie, peildatum)
            self.inventarissen.setdefault(None, {})[bron] = None
        for i, p in enumerate(self.alle):
            for bediend in p.bedient:
                if bediend != p.wijk:
                    self._bediend.setdefault(bediend, []).append(p)
            v = p.voorziening
            self.per_soort.setdefault(v.soort, []).append(i)
            soort = soorten.get(v.soort)
            for f in {*v.functies, *(soort.functies if soort else ())}:
                self.per_functie.setdefault(f, []).append(i)
        # rule identity → (the rule, held so that its id stays its own; its facilities)
        self._keuzes: dict[tuple[int, str | None], tuple[Aanwezig, list[Plek]]] = {}
        self._kerntellingen: dict[tuple[int, str], tuple[Aanwezig, KernTelling]] = {}

    def voor_wijk(self, wijk: str) -> list[Plek]:
        """Facilities elsewhere that name the wijk (a key) in their `bedient:`."""
        return self._bediend.get(wijk, [])

    def telbronnen(self, kern: str | None) -> list[Telbron]:
        """Who listed the facilities within reach: of a kern (and the gemeente's own list),
        or with None of the whole gemeente. Distinct, in file order."""
        if kern is None:
            alle = {b: None for lijst in self.inventarissen.values() for b in lijst}
            return list(alle)
        return list({**self.inventarissen.get(kern, {}), **self.inventarissen.get(None, {})})

    def keuze(self, regel: Aanwezig | None, kern: str | None = None) -> list[Plek]:
        """The facilities `regel` can count, in file order (all of them for None). With `kern`
        (a kern key) only those that can be within a kern's reach: in that kern, or serving
        some wijk with `bedient:`. Remembered per rule and kern: every wijk of a kern asks."""
        if regel is None:
            return self.alle
        sleutel_ = (id(regel), kern)
        if sleutel_ in self._keuzes:
            found = self._keuzes[sleutel_][1]
        else:
            if regel.functie:
                posities = self.per_functie.get(regel.functie, [])
            else:
                posities = sorted({i for s in regel.soorten for i in self.per_soort.get(s, ())})
            found = [self.alle[i] for i in posities]
            if kern is not None:
                found = [p for p in found if p.kern == kern or p.bedient]
            self._keuzes[sleutel_] = regel, found
        return found

    def kerntelling(self, regel: Aanwezig, kern: str) -> KernTelling:
        """What `regel` counts in the kern (a key) for any of its wijken, made once per rule and
        kern: every wijk of a kern asks (`KernTelling`)."""
        sleutel_ = (id(regel), kern)
        if sleutel_ not in self._kerntellingen:
            telling = KernTelling(regel, self.keuze(regel, kern), kern)
            self._kerntellingen[sleutel_] = regel, telling
        return self._kerntellingen[sleutel_][1]


class KernTelling:
    """What an `aanwezig` rule with reach *kern* counts, for every wijk of one kern at once.

    A wijk of the kern counts the same facilities as its neighbours: every facility in the
    kern (its own as "in de wijk", the others' as "in de kern"), plus those elsewhere whose
    `bedient:` names it. So the kern's facilities are classified once, with running counts
    and per wijk the block of its own, and a wijk adds only what serves it from elsewhere:
    the counts cost nothing per wijk, the facilities a met rule rests on are found among the
    first few. Without it the overview of a kern of N wijken does N times the work of the
    kern (3,000 wijken in one kern: 13 s of 20 in the audit).

    Gives what `Context.bereikbaar` gives, in the same order; `tests/test_kerntelling.py`
    compares the two on generated kernen.
    """

    __slots__ = (
        "_anderen",
        "_blokken",
        "_kern",
        "_regel",
        "_vers",
        "misschien",
        "plekken",
        "zeker",
    )

    def __init__(self, regel: Aanwezig, keuze: list[Plek], kern: str) -> None:
        self._regel, self._kern = regel, kern
        #: the facilities in the kern, in file order, with their place in `keuze`
        self.plekken: list[tuple[int, Plek]] = []
        #: wijk key → facilities outside the kern that serve it, with their place
        self._anderen: dict[str, list[tuple[int, Plek]]] = {}
        for i, p in enumerate(keuze):
            if p.kern == kern:
                self.plekken.append((i, p))
            else:  # in `keuze` only for its `bedient:`
                for b in p.bedient:
                    if b != p.wijk:
                        self._anderen.setdefault(b, []).append((i, p))
        # per wijk key: its own facilities are one block (a file's list) in `plekken`
        self._blokken: dict[str, tuple[int, int]] = {}
        for j, (_, p) in enumerate(self.plekken):
            if p.wijk is None:
                continue
            begin, eind = self._blokken.get(p.wijk, (j, j))
            if eind != j:  # not one block (cannot happen once names are unique): see `past`
                self._blokken[p.wijk] = (-1, -1)
            else:
                self._blokken[p.wijk] = (begin, j + 1)
        self.zeker = sum(_zeker(regel, p.voorziening) for _, p in self.plekken)
        self.misschien = sum(_misschien(regel, p.voorziening) for _, p in self.plekken)
        # (audit date, maximum age) → the kern's certain facilities, fresh and outdated
        self._vers: dict[tuple[dt.date, int], tuple[list[int], list[int]]] = {}

    def past(self, wijk: Wijk) -> bool:
        """Whether this count applies to `wijk`: its own facilities are the block of its key
        (they are, unless two wijk files share a name, which validate refuses)."""
        blok = self._blokken.get(sleutel(wijk.naam))
        if blok is None:  # none of its facilities is one the rule counts
            return True
        begin, eind = blok
        return begin >= 0 and all(p.eigenaar is wijk for _, p in self.plekken[begin:eind])

    def anderen(self, eigen: str) -> list[tuple[int, Plek]]:
        return self._anderen.get(eigen, [])

    def eigen(self, eigen: str) -> list[tuple[int, Plek]]:
        begin, eind = self._blokken.get(eigen, (0, 0))
        return self.plekken[begin:eind]

    def rond(self, eigen: str) -> list[tuple[int, Plek]]:
        """The kern's facilities but the wijk's own, in file order."""
        begin, eind = self._blokken.get(eigen, (0, 0))
        return self.plekken[:begin] + self.plekken[eind:]

    def eerste_zeker(
        self, eigen: str, n: int, ctx: Context
    ) -> tuple[list[tuple[int, Plek]], list[tuple[int, Plek]]]:
        """The first `n` certain facilities of the kern outside the wijk, fresh ones and
        outdated ones apart, in file order: where a met rule finds the ones it rests on."""
        sleutel_ = (ctx.datum, ctx.max_ouderdom_maanden)
        if sleutel_ not in self._vers:
            vers: list[int] = []
            oud: list[int] = []
            for j, (_, p) in enumerate(self.plekken):
                if _zeker(self._regel, p.voorziening):
                    (oud if ctx.verouderd(p.voorziening.peildatum) else vers).append(j)
            self._vers[sleutel_] = vers, oud
        begin, eind = self._blokken.get(eigen, (0, 0))
        vers, oud = self._vers[sleutel_]
        return (
            [self.plekken[j] for j in _eerste_buiten(vers, begin, eind, n)],
            [self.plekken[j] for j in _eerste_buiten(oud, begin, eind, n)],
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


def _sleutels(namen: Sequence[str]) -> frozenset[str]:
    return frozenset(sleutel(n) for n in namen)


class Catalogus(Protocol):
    """What a rule needs to describe itself: the checklist's catalogue (a Context has it too)."""

    @property
    def soorten(self) -> Mapping[str, Soort]: ...
    @property
    def indicatoren(self) -> Mapping[str, Indicator]: ...
    @property
    def rollen(self) -> Mapping[str, Rol]: ...


def eenheid(cat: Catalogus, ind: str) -> str:
    found = cat.indicatoren.get(ind)
    return found.eenheid if found else ""


def indicatornaam(cat: Catalogus, ind: str) -> str:
    found = cat.indicatoren.get(ind)
    return found.naam if found else ind


@dataclass(slots=True)
class Beoordeling:
    """A rule's verdict before the engine names it."""

    uitkomst: Uitkomst
    gemeten: str
    vereist: str
    toelichting: str = ""
    gegevens: list[GebruiktGegeven] = field(default_factory=list)
    onderdelen: list[Resultaat] = field(default_factory=list)
    normen: tuple[Norm, ...] = ()
    gemeten_getal: float | None = None
    voorzieningen: list[str] = field(default_factory=list)


class RegelBasis(Model):
    titel: Tekst | None = None
    type: str
    naam: ClassVar[str]

    def evalueer(self, ctx: Context, pad: str) -> Beoordeling:  # pragma: no cover - abstract
        raise NotImplementedError

    def omschrijving(self, ctx: Catalogus | None = None) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def kort(self, ctx: Catalogus | None = None) -> str:
        """Short name of this (part of a) rule, used when the checklist gives no `titel`."""
        return self.naam[:1].upper() + self.naam[1:]

    def gemeentebreed(self) -> bool:
        """Whether the outcome is the same for every wijk of a gemeente (it looks at nothing of
        the wijk itself): such a requirement is judged once per gemeente, not in every wijk's
        score."""
        return False

    def normen(self) -> tuple[Norm, ...]:
        """The bases of this rule's thresholds, its parts' included."""
        return ()


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

    @model_validator(mode="after")
    def _een_van_soorten_of_functie(self) -> Aanwezig:
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
        plekken = ctx.plekken or Plekken(ctx.gemeente, ctx.wijken, ctx.soorten)
        if ctx.wijk is None or self.bereik is Bereik.GEMEENTE:
            return plekken.telbronnen(None)
        if self.bereik is Bereik.KERN:
            return plekken.telbronnen(sleutel(ctx.wijk.kern))
        if "voorzieningen" not in ctx.wijk.model_fields_set:
            return []
        return [Telbron.van(ctx.wijk.inventarisatie, ctx.wijk.peildatum)]

    def _telling(self, b: Telbron, gevonden: int, ctx: Context) -> GebruiktGegeven:
        peildatum = b.peildatum or ctx.datum  # no date known: the audit date, as an estimate
        wat = self.wat(ctx)
        return GebruiktGegeven(
            wat="inventarisatie van de voorzieningen",
            waarde=f"geen {wat} gevonden" if not gevonden else f"{gevonden} {wat} gevonden",
            bron=b.bron,
            peildatum=peildatum,
            verouderd=ctx.verouderd(peildatum),
            voorbeeld=b.voorbeeld,
            geschat=b.geschat or b.peildatum is None,
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

    def evalueer(self, ctx: Context, pad: str) -> Beoordeling:
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
        wijk, plekken = ctx.wijk, ctx.plekken
        if ctx.namen or self.bereik is not Bereik.KERN or wijk is None or plekken is None:
            return None
        if id(wijk) not in plekken.wijken:
            return None
        kern, eigen = sleutel(wijk.kern), sleutel(wijk.naam)
        telling = plekken.kerntelling(self, kern)
        if not telling.past(wijk):
            return None
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
        passend = len(telling.plekken) + len(buiten)
        compleet = "voorzieningen" in wijk.model_fields_set and kern not in plekken.onvolledig
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


def _in_kern_waar(p: Plek) -> str:
    """Where a facility of the kern is, seen from another wijk of it."""
    return f"kern {p.voorziening.kern}" if p.wijk is None else f"in de kern ({p.wijknaam})"


def _gegeven(v: Voorziening, waar: str, ctx: Context) -> GebruiktGegeven:
    """A facility as a figure a result rests on."""
    return GebruiktGegeven(
        wat=f"{ctx.soorten[v.soort].naam if v.soort in ctx.soorten else v.soort}",
        waarde=f"{v.naam}, {waar}" + _toegankelijkheid(v),
        bron=v.bron,
        peildatum=v.peildatum,
        verouderd=ctx.verouderd(v.peildatum),
        voorbeeld=v.voorbeeld,
        geschat=v.geschat,
    )


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


class Drempel(RegelBasis):
    """Indicator binnen een grens: de waarde van `indicator` is ≥ `minimaal` en/of ≤ `maximaal`.

    `norm` zegt waar de grens op rust: een gepubliceerde referentie (`basis: referentie` met
    `bron`, `jaar` en `wat`), een besluit (`basis: besluit` met `door`, `datum` en `besluit`) of
    `basis: voorbeeldnorm`: een plaatshouder die niemand heeft vastgesteld.
    Onbekend als de wijk geen cijfer voor de indicator heeft.

    In de checklist:

        regel:
          type: drempel
          indicator: eenzaamheid
          maximaal: 48.6
          norm:
            basis: referentie
            bron: RIVM / GGD Gezondheidsmonitor
            jaar: 2022
            wat: landelijk aandeel volwassenen dat zich eenzaam voelt

    Voldaan voor deze wijk, niet voldaan bij een waarde van 52:

        indicatoren:
          eenzaamheid: {waarde: 41, bron: GGD, peildatum: 2024-09-01}
    """

    type: Literal["drempel"]
    naam: ClassVar[str] = "drempelwaarde"
    indicator: Id
    minimaal: Getal | None = None
    maximaal: Getal | None = None
    norm: Norm

    @model_validator(mode="after")
    def _grens(self) -> Drempel:
        if self.minimaal is None and self.maximaal is None:
            raise ValueError("geef 'minimaal' en/of 'maximaal' op")
        if (
            self.minimaal is not None
            and self.maximaal is not None
            and self.minimaal > self.maximaal
        ):
            raise ValueError("'minimaal' is groter dan 'maximaal'")
        return self

    def kort(self, ctx: Catalogus | None = None) -> str:
        return indicatornaam(ctx, self.indicator) if ctx else self.indicator

    def normen(self) -> tuple[Norm, ...]:
        return (self.norm,)

    def omschrijving(self, ctx: Catalogus | None = None) -> str:
        naam = indicatornaam(ctx, self.indicator) if ctx else self.indicator
        return f"{naam} {self.grens(ctx)}"

    def grens(self, ctx: Catalogus | None = None) -> str:
        unit = f" {eenheid(ctx, self.indicator)}" if ctx else ""
        delen = []
        if self.minimaal is not None:
            delen.append(f"≥ {getal(self.minimaal)}{unit}")
        if self.maximaal is not None:
            delen.append(f"≤ {getal(self.maximaal)}{unit}")
        return " en ".join(delen)

    def evalueer(self, ctx: Context, pad: str) -> Beoordeling:
        cijfer = ctx.indicator(self.indicator)
        vereist = self.grens(ctx)
        if cijfer is None:
            return Beoordeling(
                ONB, "geen cijfer", vereist, "cijfer ontbreekt", normen=self.normen()
            )
        w = cijfer.waarde
        goed = (self.minimaal is None or w >= self.minimaal) and (
            self.maximaal is None or w <= self.maximaal
        )
        gemeten = f"{getal(w)} {ctx.eenheid(self.indicator)}".strip()
        gegeven = ctx.gegeven(ctx.indicatornaam(self.indicator), gemeten, cijfer)
        return Beoordeling(
            V if goed else N, gemeten, vereist, "", [gegeven], normen=self.normen(), gemeten_getal=w
        )


class Vraagindex(Model):
    """Scale the norm by the wijk's demand relative to the municipal reference value; the
    bounds are a norm of their own, so they state their basis too."""

    indicator: Id
    minimaal: Annotated[Getal, Field(gt=0)] = 0.5
    maximaal: Annotated[Getal, Field(gt=0)] = 2.0
    norm: Norm


class PerInwoners(RegelBasis):
    """Capaciteit naar inwoners en vraag: fte van `rollen` samen ≥ `minimaal_per_1000` per 1.000
    inwoners, vermenigvuldigd met de vraagindex.

    De vraagindex is het cijfer van de wijk voor `vraagindex.indicator` gedeeld door de
    referentiewaarde van de gemeente (`referentie:` in gemeente.yaml), begrensd tussen
    `vraagindex.minimaal` en `vraagindex.maximaal`. Ontbreekt een cijfer, dan rekent de regel met
    de hele bandbreedte: voldaan als het zelfs bij de hoogste index genoeg is, niet voldaan als
    het zelfs bij de laagste te weinig is, anders onbekend. Ontbreekt de fte van een rol, dan is
    de uitkomst onbekend tenzij de vastgelegde rollen al genoeg zijn.

    In de checklist:

        regel:
          type: per_inwoners
          rollen: [buurtondersteuner, sociaal-werker, jongerenwerker]
          minimaal_per_1000: 0.4
          vraagindex: {indicator: wmo-clienten, norm: {basis: voorbeeldnorm}}
          norm: {basis: voorbeeldnorm, toelichting: geen landelijke norm (Movisie 2023)}

    Voldaan bij 5.000 inwoners, index 1,0 en 2,5 fte (vereist 2,0); niet voldaan bij 1,0 fte.
    """

    type: Literal["per_inwoners"]
    naam: ClassVar[str] = "capaciteit per inwoners"
    rollen: Annotated[list[Id], Field(min_length=1)]
    minimaal_per_1000: Annotated[Getal, Field(gt=0)]
    vraagindex: Vraagindex | None = None
    norm: Norm

    def normen(self) -> tuple[Norm, ...]:
        return (self.norm,) + ((self.vraagindex.norm,) if self.vraagindex else ())

    def omschrijving(self, ctx: Catalogus | None = None) -> str:
        index = " × vraagindex" if self.vraagindex else ""
        return f"≥ {getal(self.minimaal_per_1000)} fte per 1.000 inwoners{index}"

    def evalueer(self, ctx: Context, pad: str) -> Beoordeling:
        wijk = ctx.eigen_wijk
        inwoners = wijk.inwoners.waarde
        gegevens = [ctx.gegeven("inwoners", getal(inwoners), wijk.inwoners)]
        if inwoners <= 0:  # a norm per inhabitant says nothing of a wijk without any
            return Beoordeling(
                ONB,
                "0 inwoners",
                self.omschrijving(ctx),
                "een norm per 1.000 inwoners zegt niets over een wijk zonder inwoners",
                gegevens,
                normen=self.normen(),
            )
        fte = 0.0
        ontbrekend = []
        for rol in self.rollen:
            cijfer = wijk.capaciteit.get(rol)
            naam = ctx.rollen[rol].naam if rol in ctx.rollen else rol
            if cijfer is None:
                ontbrekend.append(naam)
                continue
            fte += cijfer.waarde
            gegevens.append(ctx.gegeven(f"fte {naam}", getal(cijfer.waarde), cijfer))
        basis = self.minimaal_per_1000 * inwoners / 1000
        laag, hoog, index_tekst, notes = self._index(ctx, gegevens)
        nodig_laag, nodig_hoog = basis * laag, basis * hoog
        if laag == hoog:
            vereist = f"≥ {getal(nodig_laag)} fte ({getal(self.minimaal_per_1000)} per 1.000"
            vereist += f" × {getal(inwoners)} inwoners{index_tekst})"
        else:
            vereist = f"≥ {getal(nodig_laag)} à {getal(nodig_hoog)} fte (vraagindex onbekend)"
        if ontbrekend:
            notes.append("fte ontbreekt voor " + ", ".join(ontbrekend))
        gemeten = f"{getal(fte)} fte" if len(ontbrekend) < len(self.rollen) else "geen fte"
        if fte >= nodig_hoog:
            uitkomst = V
        elif not ontbrekend and fte < nodig_laag:
            uitkomst = N
        else:
            uitkomst = ONB
        return Beoordeling(
            uitkomst,
            gemeten,
            vereist,
            "; ".join(notes),
            gegevens,
            normen=self.normen(),
            # a sum of fte: 0.1 + 0.2 must not reach a spreadsheet as 0.30000000000000004
            gemeten_getal=round(fte, 6) if len(ontbrekend) < len(self.rollen) else None,
        )

    def _index(
        self, ctx: Context, gegevens: list[GebruiktGegeven]
    ) -> tuple[float, float, str, list[str]]:
        vi = self.vraagindex
        if vi is None:
            return 1.0, 1.0, "", []
        naam = ctx.indicatornaam(vi.indicator)
        eigen = ctx.indicator(vi.indicator)
        ref = ctx.gemeente.referentie.get(vi.indicator)
        if eigen is not None:
            gegevens.append(ctx.gegeven(naam, getal(eigen.waarde), eigen))
        if ref is not None:
            gegevens.append(ctx.gegeven(f"{naam} (gemeente)", getal(ref.waarde), ref))
        if eigen is None or ref is None or ref.waarde <= 0:
            wat = "cijfer van de wijk" if eigen is None else "referentiewaarde van de gemeente"
            return vi.minimaal, vi.maximaal, "", [f"vraagindex onbekend: {wat} ontbreekt"]
        ruw = eigen.waarde / ref.waarde
        index = min(max(ruw, vi.minimaal), vi.maximaal)
        note = f"vraagindex {getal(index)} ({naam} {getal(eigen.waarde)} t.o.v. "
        note += f"gemeente {getal(ref.waarde)}"
        note += ", begrensd)" if index != ruw else ")"
        return index, index, f" × vraagindex {getal(index)}", [note]


class OordeelRegel(RegelBasis):
    """Vastgelegd oordeel: de uitkomst is het oordeel in `oordelen:` van de wijk over
    `onderwerp` (standaard: de voorwaarde of het item waar de regel bij hoort), met motivering,
    auteur en datum. Onbekend als er geen oordeel is vastgelegd.

    In de checklist, bij de voorwaarde sociale-cohesie-en-inclusie:

        regel: {type: oordeel}

    Voldaan voor een wijk met dit oordeel:

        oordelen:
          sociale-cohesie-en-inclusie:
            oordeel: voldaan
            motivering: Actieve Buurt Bestuurt; geen signalen van uitsluiting.
            auteur: A. de Vries, beleidsmedewerker
            datum: 2025-03-01
    """

    type: Literal["oordeel"]
    naam: ClassVar[str] = "oordeel"
    onderwerp: Id | None = None

    def omschrijving(self, ctx: Catalogus | None = None) -> str:
        wat = self.onderwerp or "dit onderwerp"
        return f"oordeel 'voldaan' over {wat}"

    def evalueer(self, ctx: Context, pad: str) -> Beoordeling:
        # by default the condition or item this rule belongs to: the first part of its path
        onderwerp = self.onderwerp or pad.split(".", 1)[0]
        oordeel = ctx.eigen_wijk.oordelen.get(onderwerp)
        vereist = "oordeel 'voldaan'"
        if oordeel is None:
            return Beoordeling(
                ONB, "geen oordeel", vereist, f"geen oordeel over {onderwerp} vastgelegd"
            )
        gegeven = GebruiktGegeven(
            wat=f"oordeel {onderwerp}",
            waarde=oordeel.oordeel,
            bron=f"{oordeel.auteur}" + (f" ({oordeel.bron})" if oordeel.bron else ""),
            peildatum=oordeel.datum,
            verouderd=ctx.verouderd(oordeel.datum),
            voorbeeld=oordeel.bron is not None and oordeel.bron.casefold().startswith("voorbeeld"),
        )
        uitkomst = V if oordeel.oordeel == "voldaan" else N
        toelichting = f"{oordeel.motivering} ({oordeel.auteur}, {datum(oordeel.datum)})"
        return Beoordeling(uitkomst, f"oordeel: {oordeel.oordeel}", vereist, toelichting, [gegeven])


class _Samengesteld(RegelBasis):
    regels: Annotated[list[Regel], Field(min_length=1)]

    def gemeentebreed(self) -> bool:
        return all(r.gemeentebreed() for r in self.regels)

    def normen(self) -> tuple[Norm, ...]:
        return tuple(n for r in self.regels for n in r.normen())

    def evalueer(self, ctx: Context, pad: str) -> Beoordeling:
        delen = [beoordeel(regel, ctx, f"{pad}.{i}") for i, regel in enumerate(self.regels, 1)]
        u = [d.uitkomst for d in delen]
        return Beoordeling(
            self._uitkomst(u),
            _telling(u),
            self._vereist(len(u)),
            onderdelen=delen,
            gemeten_getal=u.count(V),
        )

    def _uitkomst(self, u: list[Uitkomst]) -> Uitkomst:  # pragma: no cover - abstract
        raise NotImplementedError

    def _vereist(self, n: int) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


class Alle(_Samengesteld):
    """Alle onderdelen: voldaan als alle `regels` voldaan zijn; niet voldaan zodra één niet
    voldaan is; anders onbekend.

    In de checklist:

        regel:
          type: alle
          regels:
            - type: drempel
              indicator: sociale-cohesie
              minimaal: 6.4
              norm: {basis: voorbeeldnorm}
            - {type: oordeel}
    """

    type: Literal["alle"]
    naam: ClassVar[str] = "alle onderdelen"

    def omschrijving(self, ctx: Catalogus | None = None) -> str:
        return f"alle {len(self.regels)} onderdelen voldaan"

    def _uitkomst(self, u: list[Uitkomst]) -> Uitkomst:
        return N if N in u else ONB if ONB in u else V

    def _vereist(self, n: int) -> str:
        return f"alle {n} voldaan"


class EenVan(_Samengesteld):
    """Eén van de onderdelen: voldaan zodra één van de `regels` voldaan is; niet voldaan als ze
    alle niet voldaan zijn; anders onbekend.

    In de checklist:

        regel:
          type: een_van
          regels:
            - {type: aanwezig, functie: ontmoeten, bereik: wijk}
            - {type: oordeel}
    """

    type: Literal["een_van"]
    naam: ClassVar[str] = "één van de onderdelen"

    def omschrijving(self, ctx: Catalogus | None = None) -> str:
        return f"minstens één van {len(self.regels)} onderdelen voldaan"

    def _uitkomst(self, u: list[Uitkomst]) -> Uitkomst:
        return V if V in u else ONB if ONB in u else N

    def _vereist(self, n: int) -> str:
        return f"minstens 1 van {n}"


def _telling(uitkomsten: list[Uitkomst]) -> str:
    return Telling(
        voldaan=uitkomsten.count(V),
        niet_voldaan=uitkomsten.count(N),
        onbekend=uitkomsten.count(ONB),
    ).tekst()


#: Every rule kind, in the order the documentation lists them.
REGELS: tuple[type[RegelBasis], ...] = (Aanwezig, PerInwoners, Drempel, OordeelRegel, Alle, EenVan)

Regel = Annotated[
    Aanwezig | PerInwoners | Drempel | OordeelRegel | Alle | EenVan,
    Field(discriminator="type"),
]


def beoordeel(
    regel: RegelBasis,
    ctx: Context,
    id: str,
    titel: str | None = None,
    beleidsbron: Beleidsbron | None = None,
) -> Resultaat:
    """Evaluate a (sub)rule and name its result (`titel`: the checklist's name for it)."""
    b = regel.evalueer(ctx, id)
    herkomst, niveau = ctx.herkomst_van(id)
    delen = b.onderdelen
    return Resultaat(
        id=id,
        titel=titel or regel.titel or regel.kort(ctx),
        beleidsbron=beleidsbron,
        regel=regel.type,
        uitkomst=b.uitkomst,
        gemeten=b.gemeten,
        gemeten_getal=b.gemeten_getal,
        vereist=b.vereist,
        toelichting=b.toelichting,
        norm="; ".join(str(n) for n in b.normen),
        gegevens=b.gegevens,
        onderdelen=delen,
        voorzieningen=b.voorzieningen,
        herkomst=herkomst,
        niveau=niveau,
        voorbeeldgegevens=any(g.voorbeeld for g in b.gegevens)
        or any(d.voorbeeldgegevens for d in delen),
        verouderd=any(g.verouderd for g in b.gegevens) or any(d.verouderd for d in delen),
        voorbeeldnorm=any(n.voorbeeldnorm for n in b.normen) or any(d.voorbeeldnorm for d in delen),
    )
