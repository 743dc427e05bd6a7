"""The sociale kaart of one wijk: its voorzieningen by layer, and what else serves it.

Pure: data in, `SocialeKaart` out. "Also serves this wijk" follows the same reach as the rules
(`rules.Context.bereikbaar`): voorzieningen elsewhere in the kern, kern-level and
municipality-wide voorzieningen of the gemeente, and any voorziening whose `bedient` names it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Literal

from wijkcheck.core.checklist import Checklist
from wijkcheck.core.models import Gemeente, Laag, Soort, Voorziening, Wijk
from wijkcheck.core.names import getal, sleutel
from wijkcheck.core.results import SCHEMA_VERSIE, ChecklistInfo, GebruiktGegeven, Result, verouderd

LAAG_TITELS = {
    Laag.PERSOONLIJK: "Persoonlijk netwerk",
    Laag.GEMEENSCHAPPELIJK: "Gemeenschappelijk",
    Laag.INSTITUTIONEEL: "Institutioneel",
}
LAAG_OMSCHRIJVINGEN = {
    Laag.PERSOONLIJK: "eigen netwerk: familie, vrienden, buren",
    Laag.GEMEENSCHAPPELIJK: "wat bewoners samen organiseren: verenigingen, buurtcomités, "
    "informele groepen",
    Laag.INSTITUTIONEEL: "georganiseerde ondersteuning en openbare plekken",
}

Bereik = Literal["wijk", "kern", "gemeente", "bedient"]


class KaartVoorziening(Result):
    naam: str
    soort: str
    soort_naam: str
    bereik: Bereik
    waar: str
    toegankelijk: bool | None
    functies: list[str]
    capaciteit: str | None
    adres: str | None
    opmerking: str | None
    bron: str
    peildatum: dt.date
    voorbeeld: bool
    verouderd: bool


class KaartLaag(Result):
    laag: Laag
    titel: str
    omschrijving: str
    in_de_wijk: list[KaartVoorziening]
    ook_voor_de_wijk: list[KaartVoorziening]


class SocialeKaart(Result):
    """The voorzieningen of one wijk by layer, with those elsewhere that also serve it."""

    schema_versie: int = SCHEMA_VERSIE
    soort: Literal["sociale-kaart"] = "sociale-kaart"
    wijk: str
    kern: str
    gemeente: str
    cbs_buurtcode: str | None
    #: None: the wijk file does not give the number of inhabitants (yet)
    inwoners: GebruiktGegeven | None
    omschrijving: str | None
    checklist: ChecklistInfo
    datum: dt.date
    lagen: list[KaartLaag]
    onbekende_soorten: list[KaartVoorziening]
    voorbeelddata: bool
    verouderde_gegevens: bool
    #: Made from the example data shipped with wijkcheck: no data folder of the user's found.
    meegeleverde_gegevens: bool = False


def _kaart_voorziening(
    v: Voorziening,
    bereik: Bereik,
    waar: str,
    soorten: Mapping[str, Soort],
    datum: dt.date,
    max_maanden: int,
) -> KaartVoorziening:
    soort = soorten.get(v.soort)
    cap = v.capaciteit
    return KaartVoorziening(
        naam=v.naam,
        soort=v.soort,
        soort_naam=soort.naam if soort else v.soort,
        bereik=bereik,
        waar=waar,
        toegankelijk=v.toegankelijk,
        functies=list(v.functies),
        capaciteit=f"{getal(cap.waarde)} {cap.eenheid}" if cap else None,
        adres=v.adres,
        opmerking=v.opmerking,
        bron=v.bron,
        peildatum=v.peildatum,
        voorbeeld=v.voorbeeld,
        verouderd=verouderd(v.peildatum, datum, max_maanden),
    )


def _ook(wijk: Wijk, gemeente: Gemeente, wijken: Sequence[Wijk]):
    """Voorzieningen outside the wijk that serve it, nearest first, each with where it is."""
    eigen, kern = sleutel(wijk.naam), sleutel(wijk.kern)

    def bedient(v: Voorziening) -> bool:
        return any(sleutel(b) == eigen for b in v.bedient)

    for andere in wijken:
        if sleutel(andere.naam) == eigen:
            continue
        for v in andere.voorzieningen:
            if sleutel(andere.kern) == kern:
                yield v, "kern", andere.naam
            elif bedient(v):
                yield v, "bedient", andere.naam
    for v in gemeente.voorzieningen:
        if v.kern is not None and sleutel(v.kern) == kern:
            yield v, "kern", f"kern {v.kern}"
        elif bedient(v):
            yield v, "bedient", f"kern {v.kern}" if v.kern else "gemeentebreed"
    for v in gemeente.voorzieningen:
        if v.kern is None and not bedient(v):
            yield v, "gemeente", "gemeentebreed"


def sociale_kaart(
    checklist: Checklist,
    gemeente: Gemeente,
    wijk: Wijk,
    wijken: Sequence[Wijk],
    datum: dt.date,
) -> SocialeKaart:
    """The sociale kaart of `wijk` (one of `wijken`, all wijken of `gemeente`) on `datum`."""
    max_maanden = checklist.maximale_ouderdom_maanden

    def maak(v: Voorziening, bereik: Bereik, waar: str) -> KaartVoorziening:
        return _kaart_voorziening(v, bereik, waar, checklist.soorten, datum, max_maanden)

    eigen = [maak(v, "wijk", "in de wijk") for v in wijk.voorzieningen]
    ook = [maak(v, bereik, waar) for v, bereik, waar in _ook(wijk, gemeente, wijken)]

    def in_laag(vs: list[KaartVoorziening], laag: Laag) -> list[KaartVoorziening]:
        return [v for v in vs if (s := checklist.soorten.get(v.soort)) and s.laag is laag]

    lagen = [
        KaartLaag(
            laag=laag,
            titel=LAAG_TITELS[laag],
            omschrijving=LAAG_OMSCHRIJVINGEN[laag],
            in_de_wijk=in_laag(eigen, laag),
            ook_voor_de_wijk=in_laag(ook, laag),
        )
        for laag in Laag
    ]
    alle = eigen + ook
    inw = wijk.inwoners
    inwoners = (
        None
        if inw is None
        else GebruiktGegeven(
            wat="inwoners",
            waarde=getal(inw.waarde),
            bron=inw.bron,
            peildatum=inw.peildatum,
            verouderd=verouderd(inw.peildatum, datum, max_maanden),
            voorbeeld=inw.voorbeeld,
        )
    )
    return SocialeKaart(
        wijk=wijk.naam,
        kern=wijk.kern,
        gemeente=gemeente.naam,
        cbs_buurtcode=wijk.cbs_buurtcode,
        inwoners=inwoners,
        omschrijving=wijk.omschrijving,
        checklist=checklist.info(),
        datum=datum,
        lagen=lagen,
        onbekende_soorten=[v for v in alle if v.soort not in checklist.soorten],
        voorbeelddata=bool(inwoners and inwoners.voorbeeld) or any(v.voorbeeld for v in alle),
        verouderde_gegevens=bool(inwoners and inwoners.verouderd) or any(v.verouderd for v in alle),
    )
