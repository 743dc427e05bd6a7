"""What `wijkcheck explain` and `wijkcheck regels` show, as results: the topics of a checklist
(`Onderwerpen`), one topic in words (`Uitleg`) and the rule kinds (`Regelsoorten`)."""

from __future__ import annotations

import inspect
import re
from typing import Literal

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.checklist import Checklist
from wijkcheck.core.errors import Span, WijkcheckError
from wijkcheck.core.names import bedoelde_u, sleutel
from wijkcheck.core.results import SCHEMA_VERSIE, Result
from wijkcheck.core.rules import REGELS


class Onderwerp(Result):
    id: str
    titel: str


class Onderwerpen(Result):
    """Every condition and item of a checklist (`wijkcheck explain` without a topic)."""

    schema_versie: int = SCHEMA_VERSIE
    soort: Literal["onderwerpen"] = "onderwerpen"
    checklist: str
    versie: str
    voorwaarden: list[Onderwerp]
    items: list[Onderwerp]
    #: the gemeente whose own checklist this is (None: chosen with --checklist)
    gemeente: str | None = None
    #: Made from the example data shipped with wijkcheck: no data folder of the user's found.
    meegeleverde_gegevens: bool = False


class Laag(Result):
    """The checklist layer a topic comes from, and whose policy it is."""

    niveau: str
    naam: str
    versie: str
    concept: bool


class Uitleg(Result):
    """One condition or item in words (`wijkcheck explain ONDERWERP`)."""

    schema_versie: int = SCHEMA_VERSIE
    soort: Literal["uitleg"] = "uitleg"
    id: str
    titel: str
    #: a condition (voorwaarde) or a checklist item
    voorwaarde: bool
    checklist: str
    versie: str
    laag: Laag | None
    #: judged once for the whole gemeente, not in a wijk's score
    gemeentebreed: bool
    omschrijving: str | None
    #: the rule in words, one line each (indented for the parts of a composite)
    regel: list[str]
    beleidsbron: str
    citaat: str | None
    #: the passage does not name this itself; wijkcheck derives the item from it
    afgeleid: bool
    gemeente: str | None = None
    meegeleverde_gegevens: bool = False


class Alinea(Result):
    tekst: str
    #: a YAML example: shown as it is, never wrapped, so that it can be copied
    voorbeeld: bool


class Regelsoort(Result):
    type: str
    naam: str
    alineas: list[Alinea]


class Regelsoorten(Result):
    """The rule kinds a checklist can use, from their docstrings (`wijkcheck regels`)."""

    schema_versie: int = SCHEMA_VERSIE
    soort: Literal["regelsoorten"] = "regelsoorten"
    regelsoorten: list[Regelsoort]


def onderwerpen(cl: Checklist, gemeente: str | None) -> Onderwerpen:
    def lijst(groep: dict) -> list[Onderwerp]:
        return [Onderwerp(id=id, titel=o.titel) for id, o in groep.items()]

    return Onderwerpen(
        checklist=cl.naam,
        versie=cl.versie,
        voorwaarden=lijst(cl.voorwaarden),
        items=lijst(cl.items),
        gemeente=gemeente,
    )


def uitleg(cl: Checklist, onderwerp: str, gemeente: str | None) -> Uitleg:
    """The condition or item `onderwerp` names (its id or title, forgivingly; else a part of
    one, if only one has it), in words."""
    alle = cl.onderwerpen()
    key = sleutel(onderwerp)
    gevonden = [(i, o) for i, o in alle.items() if key in (sleutel(i), sleutel(o.titel))]
    if not gevonden:
        gevonden = [
            (i, o)
            for i, o in alle.items()
            if key and (key in sleutel(i) or key in sleutel(o.titel))
        ]
    if len(gevonden) != 1:
        keuzes = list(alle)
        hint = (
            bedoelde_u(onderwerp, keuzes)
            if not gevonden
            else (" Bedoelde u " + " of ".join(f"'{i}'" for i, _ in gevonden) + "?")
        )
        raise WijkcheckError.single(
            Span(""),
            f"onbekende voorwaarde of item '{onderwerp}'.{hint} Kies uit: {', '.join(keuzes)}",
            ids.ONBEKEND_ONDERWERP,
        )
    id, o = gevonden[0]
    laag_id, niveau = cl.herkomst.get(id, (cl.id, ""))
    laag = next((laag for laag in cl.lagen if laag.id == laag_id), None)
    return Uitleg(
        id=id,
        titel=o.titel,
        voorwaarde=id in cl.voorwaarden,
        checklist=cl.naam,
        versie=cl.versie,
        laag=None
        if laag is None
        else Laag(niveau=niveau, naam=laag.naam, versie=laag.versie, concept=laag.status.concept),
        gemeentebreed=o.regel.gemeentebreed(),
        omschrijving=o.omschrijving or None,
        regel=list(o.regel.in_words(cl)),
        beleidsbron=str(o.beleidsbron),
        citaat=o.beleidsbron.citaat.strip() if o.beleidsbron.citaat else None,
        afgeleid=o.beleidsbron.verband == "afgeleid",
        gemeente=gemeente,
    )


def regelsoorten() -> Regelsoorten:
    from wijkcheck.reports.rules_doc import type_van

    return Regelsoorten(
        regelsoorten=[
            Regelsoort(type=type_van(kind), naam=kind.naam, alineas=alineas(kind.__doc__ or ""))
            for kind in REGELS
        ]
    )


def alineas(doc: str) -> list[Alinea]:
    """A rule kind's docstring as paragraphs; an indented paragraph is a YAML example (kept as
    it is), the others are prose (joined into one line each)."""
    delen = [a for a in re.split(r"\n\s*\n", inspect.cleandoc(doc)) if a.strip()]
    return [
        Alinea(tekst=a, voorbeeld=True)
        if a.startswith("    ")
        else Alinea(tekst=" ".join(a.split()), voorbeeld=False)
        for a in delen
    ]
