"""Rule kinds `alle` and `een_van`: three-valued combinations of other rules."""

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from pydantic import Field

from wijkcheck.core.models import Norm
from wijkcheck.core.results import Telling, Uitkomst
from wijkcheck.core.rules.base import Beoordeling, Catalogus, Context, Loc, RegelBasis, beoordeel

if TYPE_CHECKING:
    # For the type checker every part is a rule; pydantic validates against the union of all
    # kinds, which rules/__init__.py builds from the registry and puts in this namespace.
    Regel = RegelBasis

V, N, ONB = Uitkomst.VOLDAAN, Uitkomst.NIET_VOLDAAN, Uitkomst.ONBEKEND


class Samengesteld(RegelBasis):
    # the union of every kind, built from the registry in rules/__init__.py
    regels: Annotated[list["Regel"], Field(min_length=1)]

    def gemeentebreed(self) -> bool:
        return all(r.gemeentebreed() for r in self.regels)

    def parts(self) -> Sequence[tuple[Loc, RegelBasis]]:
        return [(("regels", i), sub) for i, sub in enumerate(self.regels)]

    def normen(self) -> tuple[Norm, ...]:
        return tuple(n for r in self.regels for n in r.normen())

    def shared_key(self, ctx: Context) -> Hashable | None:
        """The same for many wijken when every part is: its result is made of theirs."""
        delen = tuple(r.shared_key(ctx) for r in self.regels)
        return None if any(d is None for d in delen) else delen

    def evaluate(self, ctx: Context, pad: str) -> Beoordeling:
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


class Alle(Samengesteld):
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


class EenVan(Samengesteld):
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
