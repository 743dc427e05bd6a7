"""What every rule kind shares: the context a rule looks at, the index of facilities, the
verdict before the engine names it, and the base class with the behaviour each kind defines."""

import datetime as dt
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Literal, NamedTuple, Protocol, TypeVar

from wijkcheck.core.errors import FindingId
from wijkcheck.core.models import (
    Beleidsbron,
    Bereik,
    Cijfer,
    Gemeente,
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
)
from wijkcheck.core.names import sleutel
from wijkcheck.core.results import GebruiktGegeven, Resultaat, Uitkomst, verouderd

V, N, ONB = Uitkomst.VOLDAAN, Uitkomst.NIET_VOLDAAN, Uitkomst.ONBEKEND
T = TypeVar("T")


Loc = tuple[str | int, ...]


class CatalogueRef(NamedTuple):
    """A name a rule takes from the checklist's catalogue, where it stands and what it is."""

    plek: Loc
    #: in words: `soort`, `functie`, `indicator`, `rol`, `voorwaarde of item`
    wat: str
    naam: str
    #: the checklist's catalogue it must be in
    catalogus: Literal["soorten", "functies", "indicatoren", "rollen", "onderwerpen"]
    #: the finding id when it is not there
    bevinding: FindingId


class Controles(Protocol):
    """Where a rule's plausibility checks report (the checks of one file)."""

    def add(
        self,
        loc: Loc,
        message: str,
        id: FindingId,
        key: bool = ...,
    ) -> None: ...

    def eindig(self, loc: Loc, waarde: float) -> bool: ...


class FacilityChoice(Protocol):
    """What the index of facilities needs of a rule that counts them (`aanwezig`)."""

    @property
    def soorten(self) -> Sequence[str]: ...
    @property
    def functie(self) -> str | None: ...

    def past(self, v: Voorziening, ctx: "Context") -> bool: ...


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
    facility_index: "FacilityIndex | None" = None
    #: result id (`huisarts`, `huisarts.2`) → (checklist layer id, its level); see Checklist
    herkomst: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    #: False: a result of `aanwezig` gives the number of facilities without their names. The
    #: overview shows outcomes only, and naming every facility of a kern in the result of
    #: every wijk of it costs the square of the kern's size (`aanwezig.KernTelling`).
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
        self, bereik: Bereik, choice: FacilityChoice | None = None
    ) -> tuple[list[tuple[Voorziening, str]], bool]:
        """Facilities within reach of the wijk (those `choice` asks for, or all), each with where
        it is, nearest first (in the wijk; in or serving its kern; elsewhere in the gemeente),
        in file order within each; and whether the facility data for that reach is complete (a
        wijk in reach recorded none at all)."""
        facility_index = self.facility_index or FacilityIndex(
            self.gemeente, self.wijken, self.soorten
        )
        if self.wijk is None:
            return _gemeentebreed(facility_index, choice), not facility_index.onvolledig
        wijk, kern = self.wijk, sleutel(self.wijk.kern)
        eigen = sleutel(wijk.naam)
        compleet = "voorzieningen" in wijk.model_fields_set
        geindexeerd = id(wijk) in facility_index.wijken  # then its own facilities come in the loop
        found: list[tuple[Voorziening, str]] = []
        if bereik is Bereik.WIJK or not geindexeerd:
            found = [
                (v, "in de wijk")
                for v in wijk.voorzieningen
                if choice is None or choice.past(v, self)
            ]
            if bereik is Bereik.WIJK:
                # `bedient:` counts at every reach: a facility elsewhere that serves this wijk
                found += [
                    (p.voorziening, _via(p))
                    for p in facility_index.serving(eigen)
                    if choice is None or choice.past(p.voorziening, self)
                ]
                return found, compleet
        gemeente = bereik is Bereik.GEMEENTE
        dichtbij: list[tuple[Voorziening, str]] = []
        ver: list[tuple[Voorziening, str]] = []
        for p in facility_index.candidates(choice, None if gemeente else kern):
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
            compleet = compleet and not facility_index.onvolledig
        else:
            compleet = compleet and kern not in facility_index.onvolledig
        return found + dichtbij + ver, compleet


def _via(p: "FacilityPlace") -> str:
    """Where a facility that serves the wijk from elsewhere is (`bedient:`)."""
    return f"via {p.wijknaam}" if p.wijk is not None else "via de gemeente"


def _gemeentebreed(
    facility_index: "FacilityIndex", choice: FacilityChoice | None
) -> list[tuple[Voorziening, str]]:
    """Every facility of the gemeente that `choice` counts, with where it is, in file order."""
    found = []
    for p in facility_index.candidates(choice):
        if p.wijk is not None:
            found.append((p.voorziening, f"in {p.wijknaam}"))
        elif p.kern is not None:
            found.append((p.voorziening, f"kern {p.voorziening.kern}"))
        else:
            found.append((p.voorziening, "gemeentebreed"))
    return found


class Telbron(NamedTuple):
    """The inventory behind a facility list: the source of every "none found"."""

    bron: str
    peildatum: dt.date | None
    geschat: bool = False

    @classmethod
    def van(cls, inv: Inventarisatie | None, peildatum: dt.date | None) -> "Telbron":
        if inv is None:  # a list without its inventory: nobody said who counted, or when
            return cls("inventarisatie niet vastgelegd", peildatum, True)
        return cls(inv.bron, inv.peildatum, inv.geschat)

    @property
    def voorbeeld(self) -> bool:
        return is_voorbeeld(self.bron)


@dataclass(frozen=True, slots=True)
class FacilityPlace:
    """A facility and whose it is: a wijk file's (`wijk`) or gemeente.yaml's (`wijk` None)."""

    voorziening: Voorziening
    wijk: str | None
    wijknaam: str
    kern: str | None
    bedient: frozenset[str]
    # the wijk file's Wijk (None: gemeente.yaml); by identity, not compared or hashed
    eigenaar: Wijk | None = field(default=None, compare=False, repr=False)


class FacilityIndex:
    """All facilities of a gemeente, indexed by soort and function.

    Built once per gemeente: without it every `aanwezig` rule of every wijk scans every facility
    of the gemeente, which is quadratic in the size of the gemeente (an overview of a gemeente
    with 170 wijken spent 1.7 s there). An index belongs to one checklist, whose `soorten` it is
    built with: what it remembers of the rules (`remember`) is keyed on the rules
    and the audit date, not on the checklist.
    """

    __slots__ = (
        "_candidates",
        "_per_kern",
        "_per_rule",
        "_serving",
        "alle",
        "inventarissen",
        "onvolledig",
        "per_functie",
        "per_soort",
        "wijken",
    )

    def __init__(self, gemeente: Gemeente, wijken: Sequence[Wijk], soorten: Mapping[str, Soort]):
        self.alle: list[FacilityPlace] = []
        self.onvolledig: set[str] = set()  # kernen with a wijk that recorded no facilities
        # by identity; holding them keeps their ids from being reused while the index lives
        self.wijken = {id(w): w for w in wijken}
        for w in wijken:
            if "voorzieningen" not in w.model_fields_set:
                self.onvolledig.add(sleutel(w.kern))
            for v in w.voorzieningen:
                self.alle.append(
                    FacilityPlace(
                        v, sleutel(w.naam), w.naam, sleutel(w.kern), _sleutels(v.bedient), w
                    )
                )
        for v in gemeente.voorzieningen:
            kern = sleutel(v.kern) if v.kern is not None else None
            self.alle.append(FacilityPlace(v, None, "", kern, _sleutels(v.bedient)))
        self.per_soort: dict[str, list[int]] = {}
        self.per_functie: dict[str, list[int]] = {}
        self._serving: dict[
            str, list[FacilityPlace]
        ] = {}  # wijk key → facilities elsewhere serving it
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
                    self._serving.setdefault(bediend, []).append(p)
            v = p.voorziening
            self.per_soort.setdefault(v.soort, []).append(i)
            soort = soorten.get(v.soort)
            for f in {*v.functies, *(soort.functies if soort else ())}:
                self.per_functie.setdefault(f, []).append(i)
        # rule identity → (the rule, held so that its id stays its own; its facilities)
        self._candidates: dict[
            tuple[int, str | None], tuple[FacilityChoice, list[FacilityPlace]]
        ] = {}
        # rule identity → (the rule; its facilities' places by kern key; those with bedient:)
        self._per_kern: dict[
            int, tuple[FacilityChoice, dict[str | None, list[int]], list[int]]
        ] = {}
        # (rule identity, key) → (the rule; what was made of it once, `remember`)
        self._per_rule: dict[tuple[int, Hashable], tuple[object, object]] = {}

    def serving(self, wijk: str) -> list[FacilityPlace]:
        """Facilities elsewhere that name the wijk (a key) in their `bedient:`."""
        return self._serving.get(wijk, [])

    def inventory_sources(self, kern: str | None) -> list[Telbron]:
        """Who listed the facilities within reach: of a kern (and the gemeente's own list),
        or with None of the whole gemeente. Distinct, in file order."""
        if kern is None:
            alle = {b: None for lijst in self.inventarissen.values() for b in lijst}
            return list(alle)
        return list({**self.inventarissen.get(kern, {}), **self.inventarissen.get(None, {})})

    def candidates(
        self, regel: FacilityChoice | None, kern: str | None = None
    ) -> list[FacilityPlace]:
        """The facilities `regel` can count, in file order (all of them for None). With `kern`
        (a kern key) only those that can be within a kern's reach: in that kern, or serving
        some wijk with `bedient:`. Remembered per rule and kern: every wijk of a kern asks."""
        if regel is None:
            return self.alle
        key = (id(regel), kern)
        if key in self._candidates:
            return self._candidates[key][1]
        if id(regel) not in self._per_kern:
            if regel.functie:
                posities = self.per_functie.get(regel.functie, [])
            else:
                posities = sorted({i for s in regel.soorten for i in self.per_soort.get(s, ())})
            per_kern: dict[str | None, list[int]] = {}
            bedienend: list[int] = []
            for i in posities:
                per_kern.setdefault(self.alle[i].kern, []).append(i)
                if self.alle[i].bedient:
                    bedienend.append(i)
            self._per_kern[id(regel)] = regel, per_kern, bedienend
            if kern is None:
                found = [self.alle[i] for i in posities]
                self._candidates[key] = regel, found
                return found
        _, per_kern, bedienend = self._per_kern[id(regel)]
        if kern is None:
            posities = sorted(i for lijst in per_kern.values() for i in lijst)
        else:  # the kern's own, and any that serves some wijk, each once, in file order
            posities = sorted({*per_kern.get(kern, ()), *bedienend})
        found = [self.alle[i] for i in posities]
        self._candidates[key] = regel, found
        return found

    def remember(self, regel: object, key: Hashable, make: Callable[[], T]) -> T:
        """What `make` makes for `regel` (held, so that its id stays its own) and `key`,
        made once while this index lives: `aanwezig.KernTelling`, which every wijk of a kern
        asks for; a result that is the same for many wijken (`beoordeel`); a facility or an
        inventory as a figure, which every wijk of its kern cites alike (a frozen value)."""
        key = (id(regel), key)
        if key not in self._per_rule:
            self._per_rule[key] = regel, make()
        return self._per_rule[key][1]  # type: ignore[return-value]


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

    def evaluate(self, ctx: Context, pad: str) -> Beoordeling:  # pragma: no cover - abstract
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

    def shared_key(self, ctx: Context) -> Hashable | None:
        """A key under which this rule's result for `ctx`'s wijk is, to the byte, that of
        every other wijk of the gemeente with the same key (it looks at nothing else of the
        wijk); None when the result is the wijk's own. `beoordeel` then judges once per key
        while the facility index lives (an `aanwezig` rule with reach *kern*, for a wijk
        with none of the facilities of its own: `Aanwezig.shared_key`)."""
        return None

    def normen(self) -> tuple[Norm, ...]:
        """The bases of this rule's thresholds, its parts' included."""
        return ()

    # What integrity, plausibility and `explain` need to know of a kind, kept with the kind.

    def parts(self) -> "Sequence[tuple[Loc, RegelBasis]]":
        """The rules inside this one, each with its place below this rule's."""
        return ()

    def catalogue_refs(self) -> Iterator[CatalogueRef]:
        """The names this rule takes from the checklist's catalogue (integrity checks them)."""
        return iter(())

    def check_parameters(self, c: Controles, cat: Catalogus, loc: Loc) -> None:
        """Parameters that cannot be right, such as a threshold outside its indicator's range
        (plausibility); the names are integrity's."""

    def divides_by_inhabitants(self) -> bool:
        """Whether the rule divides by the wijk's inhabitants (0 inhabitants is then an error)."""
        return False

    def referenties(self) -> tuple[str, ...]:
        """Indicators whose municipal reference value (`referentie:` in gemeente.yaml) the rule
        needs."""
        return ()

    def in_words(self, cat: Catalogus | None, diepte: int = 0) -> list[str]:
        """The rule in words for `wijkcheck explain`: one line, then its norms and parts."""
        inspring = "  " * diepte + ("- " if diepte else "")
        titel = f"{self.titel}: " if self.titel else ""
        regels = [f"{inspring}{titel}{self.omschrijving(cat)} ({self.naam})"]
        norm = getattr(self, "norm", None)
        if norm is not None:
            regels.append(f"{'  ' * (diepte + 1)}norm: {norm}")
        for _, sub in self.parts():
            regels.extend(sub.in_words(cat, diepte + 1))
        return regels


def doorloop(regel: RegelBasis, loc: Loc) -> Iterator[tuple[RegelBasis, Loc]]:
    """The rule and every rule inside it, each with its place in the checklist."""
    yield regel, loc
    for plek, sub in regel.parts():
        yield from doorloop(sub, (*loc, *plek))


def beoordeel(
    regel: RegelBasis,
    ctx: Context,
    id: str,
    titel: str | None = None,
    beleidsbron: Beleidsbron | None = None,
) -> Resultaat:
    """Evaluate a (sub)rule and name its result (`titel`: the checklist's name for it)."""
    shared = regel.shared_key(ctx)
    if shared is not None and ctx.facility_index is not None:
        # The index belongs to one checklist (its `soorten`, `FacilityIndex`), whose names the rule
        # object's result takes; what the caller names it with is in the key too.
        def make() -> Resultaat:
            return _beoordeel(regel, ctx, id, titel, beleidsbron)

        key = ("resultaat", id, titel, beleidsbron, ctx.herkomst_van(id), shared)
        return ctx.facility_index.remember(regel, key, make)
    return _beoordeel(regel, ctx, id, titel, beleidsbron)


def _beoordeel(
    regel: RegelBasis,
    ctx: Context,
    id: str,
    titel: str | None,
    beleidsbron: Beleidsbron | None,
) -> Resultaat:
    b = regel.evaluate(ctx, id)
    herkomst, niveau = ctx.herkomst_van(id)
    delen, gegevens, normen = b.onderdelen, b.gegevens, b.normen
    # what the verdict rests on: its own figures and norms, and everything below it
    voorbeeld = verouderd = voorbeeldnorm = False
    for g in gegevens:
        voorbeeld = voorbeeld or g.voorbeeld
        verouderd = verouderd or g.verouderd
    for n in normen:
        voorbeeldnorm = voorbeeldnorm or n.voorbeeldnorm
    for d in delen:
        voorbeeld = voorbeeld or d.voorbeeldgegevens
        verouderd = verouderd or d.verouderd
        voorbeeldnorm = voorbeeldnorm or d.voorbeeldnorm
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
        norm="; ".join([str(n) for n in normen]) if normen else "",
        gegevens=gegevens,
        onderdelen=delen,
        voorzieningen=b.voorzieningen,
        herkomst=herkomst,
        niveau=niveau,
        voorbeeldgegevens=voorbeeld,
        verouderd=verouderd,
        voorbeeldnorm=voorbeeldnorm,
    )
