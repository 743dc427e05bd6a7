"""JSON Schema (2020-12) of the data files, for editors: VS Code with the YAML extension then
completes field names and the ids of the checklist, and underlines mistakes as you type.

Made from the same models `wijkcheck validate` uses, with Dutch descriptions and the names the
checklist knows (soorten, functies, indicatoren, rollen, voorwaarden and items) as enums. The
schema helps while typing; `wijkcheck validate` stays the check (positions, cross-file names,
plausibility).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from wijkcheck.core.checklist import Checklist, ChecklistBestand
from wijkcheck.core.models import Gemeente, Wijk

SOORTEN = ("wijk", "gemeente", "checklist")

_TITELS = {
    "wijk": "wijkcheck: een wijkbestand (data/wijken/<gemeente>/<wijk>.yaml)",
    "gemeente": "wijkcheck: een gemeentebestand (data/wijken/<gemeente>/gemeente.yaml)",
    "checklist": "wijkcheck: een checklist (checklists/<naam>.yaml)",
}

#: Dutch descriptions by field name, shown by the editor on hover.
_UITLEG = {
    "naam": "De naam, zoals in gemeente.yaml en in rapporten.",
    "kern": "De kern (woonkern) waartoe dit hoort, zoals in gemeente.yaml.",
    "cbs_buurtcode": "CBS-buurtcode: BU en 8 cijfers, bijv. BU07970104.",
    "cbs_wijkcode": "CBS-wijkcode: WK en 6 cijfers, bijv. WK079701 (als een wijk een CBS-wijk is).",
    "cbs_code": "CBS-gemeentecode: GM en 4 cijfers, bijv. GM0797.",
    "peildatum": "Datum waarop het cijfer of de lijst gold (JJJJ-MM-DD).",
    "geschat": "true als de peildatum een schatting is (de bron noemt geen datum).",
    "inwoners": "Aantal inwoners, met bron en peildatum.",
    "waarde": "Het getal zelf: zonder aanhalingstekens, een punt als decimaalteken.",
    "bron": "Waar het vandaan komt; 'voorbeeld' als het geen echt cijfer is.",
    "toelichting": "Vrije toelichting.",
    "omschrijving": "Vrije omschrijving.",
    "inventarisatie": "Wie de voorzieningen telde en wanneer: de bron van 'geen gevonden'.",
    "voorzieningen": "De voorzieningen, elk met naam, soort uit de checklist, bron en peildatum.",
    "soort": "De soort voorziening, uit de catalogus van de checklist.",
    "toegankelijk": "true of false: is de voorziening toegankelijk (rolstoel, drempelvrij)?",
    "functies": "Functies bovenop die van de soort, uit de checklist.",
    "capaciteit": "Capaciteit van de voorziening (waarde en eenheid), of fte per rol.",
    "eenheid": "Eenheid van de capaciteit, bijv. plaatsen of fte.",
    "bedient": "Andere wijken die deze voorziening bedient (werkgebied).",
    "adres": "Adres.",
    "opmerking": "Vrije opmerking, bijv. wat de bron precies zegt.",
    "indicatoren": "Cijfers per indicator uit de checklist, elk met bron en peildatum.",
    "ondersteuningsvraag": "Cijfers over de vraag naar ondersteuning (bijv. Wmo-cliënten).",
    "oordelen": "Vastgelegde oordelen per voorwaarde of item, met motivering, auteur en datum.",
    "oordeel": "'voldaan' of 'niet voldaan'.",
    "wat_werkt": (
        "Wat werkt hier: praktijken om van te leren, elk met wat, voor welke voorwaarde, sinds "
        "wanneer, contact en bron."
    ),
    "wat": "Wat werkt: de praktijk in een zin.",
    "uitzonderingen": (
        "Verantwoorde uitzonderingen: een voorwaarde of item dat niet voldaan is en dat tot een "
        "einddatum mag blijven, met reden, wie besloot, het besluit en 'tot' (verplicht). In "
        "gemeente.yaml gelden ze voor alle wijken."
    ),
    "item": "Het checklist-item waarvoor de uitzondering geldt (of 'voorwaarde').",
    "reden": "Waarom de uitzondering: wat er speelt en wat er gepland is.",
    "besloten_door": "Wie besloot: een orgaan of functie (bijv. college van B&W), geen inwoner.",
    "besluit": "Kenmerk of titel van het besluit.",
    "tot": (
        "Einddatum (JJJJ-MM-DD, verplicht): tot en met deze datum telt de uitzondering, daarna "
        "telt de voorwaarde weer als niet voldaan."
    ),
    "voorwaarde": "De voorwaarde (of het checklist-item) uit de checklist waarvoor het geldt.",
    "sinds": "Sinds wanneer (JJJJ-MM-DD); met geschat: true als alleen het jaar bekend is.",
    "contact": "Bij wie u terechtkunt: een functie of organisatie, geen naam van een inwoner.",
    "motivering": "Waarom: zonder namen van echte personen of groepen in een voorbeeld.",
    "auteur": "Wie het oordeel gaf (functie of naam).",
    "datum": "Datum (JJJJ-MM-DD).",
    "checklist": "De checklist van deze gemeente (naam in checklists/).",
    "kernen": "De kernen met hun wijken.",
    "referentie": "Gemeentelijke referentiewaarden per indicator (voor de vraagindex).",
    "extends": "De checklist waarop deze voortbouwt, bijv. hart-van-brabant.",
    "niveau": "regionaal of gemeentelijk: wiens beleid deze laag is.",
    "status": "concept, of vastgesteld met door, datum en besluit.",
    "norm": "Waarop de drempel rust: referentie, besluit of voorbeeldnorm.",
    "verband": "noemt (de passage noemt het) of afgeleid (het item is ervan afgeleid).",
    "vervang": "Onderdelen van de checklist eronder die deze laag vervangt.",
    "verwijder": "Voorwaarden of items van de checklist eronder die deze laag weglaat.",
    "normen": "Nieuwe drempels per voorwaarde of item (huisarts, of huisarts.2 voor een deel).",
    "thema": (
        "true: een thema-checklist, die alleen de eigen voorwaarden en items toetst, met de "
        "catalogus van de checklist van de gemeente (geen extends)."
    ),
}


#: Dutch descriptions of the parts (the models' docstrings are English, for developers).
_DELEN = {
    "Cijfer": "Een cijfer met bron en peildatum: {waarde: 5445, bron: CBS 86165NED, peildatum: …}.",
    "Aantal": "Een aantal (geheel getal) met bron en peildatum.",
    "Inventarisatie": "Wie de voorzieningen telde en wanneer.",
    "Voorziening": "Een voorziening: naam, soort uit de checklist, bron en peildatum.",
    "Capaciteit": "Capaciteit: waarde en eenheid.",
    "Oordeel": "Een vastgelegd oordeel van gemeente en partners.",
    "WatWerkt": "Een praktijk die hier werkt: wat, voor welke voorwaarde, sinds, contact, bron.",
    "Uitzondering": (
        "Een verantwoorde uitzondering: voorwaarde of item, reden, besloten_door, besluit, tot "
        "(verplicht) en eventueel sinds. Een besluit dat met 'voorbeeld' begint, is verzonnen "
        "en wordt als voorbeeldgegevens getoond."
    ),
}


def schema(soort: str, checklist: Checklist, *meer: Checklist) -> dict[str, Any]:
    """The JSON Schema of a `soort` of data file, with the names `checklist` knows as enums;
    with `meer` checklists (gemeenten of one data folder that use different ones), the names
    any of them knows: the editor then offers them all, and `validate` checks each file
    against its own gemeente's checklist."""
    alle = (checklist, *meer)

    def namen(deel: str) -> list[str]:
        return sorted({n for cl in alle for n in getattr(cl, deel)})

    modellen: dict[str, type[BaseModel]] = {
        "wijk": Wijk,
        "gemeente": Gemeente,
        "checklist": ChecklistBestand,
    }
    model = modellen[soort]
    js = model.model_json_schema(mode="validation")
    _beschrijf(js)
    js.pop("description", None)
    for naam, definitie in js.get("$defs", {}).items():
        _beschrijf(definitie)
        if naam in _DELEN:
            definitie["description"] = _DELEN[naam]
        else:
            definitie.pop("description", None)
    if soort == "wijk":
        _namen(js["properties"]["indicatoren"], namen("indicatoren"))
        _namen(js["properties"]["ondersteuningsvraag"], namen("indicatoren"))
        _namen(js["properties"]["capaciteit"], namen("rollen"))
        onderwerpen = sorted({o for cl in alle for o in cl.bekende_onderwerpen()})
        _namen(js["properties"]["oordelen"], onderwerpen)
        js["$defs"]["WatWerkt"]["properties"]["voorwaarde"]["enum"] = onderwerpen
    if soort in ("wijk", "gemeente"):
        uitzondering = js["$defs"]["Uitzondering"]["properties"]
        for veld, deel in (("voorwaarde", "voorwaarden"), ("item", "items")):
            bekend = sorted({o for cl in alle for o in _bekend(cl, deel)})
            for keuze in uitzondering[veld].get("anyOf", []):
                if keuze.get("type") == "string":
                    keuze["enum"] = bekend
        voorziening = js["$defs"]["Voorziening"]["properties"]
        voorziening["soort"]["enum"] = namen("soorten")
        voorziening["functies"]["items"]["enum"] = namen("functies")
    if soort == "gemeente":
        _namen(js["properties"]["referentie"], namen("indicatoren"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **js,
        "title": _TITELS[soort],
    }


def _bekend(cl: Checklist, deel: str) -> list[str]:
    """The conditions (`voorwaarden`) or items a data file may name, also below a theme."""
    eigen = cl.voorwaarden if deel == "voorwaarden" else cl.items
    return [*eigen, *cl.niet_getoetst.get(deel, {})]  # type: ignore[call-overload]


def _beschrijf(definitie: dict[str, Any]) -> None:
    for naam, veld in definitie.get("properties", {}).items():
        if naam in _UITLEG:
            veld["description"] = _UITLEG[naam]


def _namen(veld: dict[str, Any], namen: list[str]) -> None:
    """Keys of a mapping limited to `namen` (the editor offers them)."""
    veld["propertyNames"] = {"enum": namen}
