"""The registry of finding ids: every id a finding can carry, defined once.

Each definition gives the id's severity, the table of docs/validate.md it is listed in, a Dutch
title and explanation (that table is generated from them: ``python -m
wijkcheck.reports.finding_ids_doc docs/validate.md``) and, where one exists, an example: a change
to the bundled data that ``wijkcheck validate`` must report with this id (tests/test_finding_ids.py
runs every one), or the command line that reports it.

Registering an id is this one change: add a ``define(...)`` here and emit the constant
(``Finding(span, message, ids.MIJN_ID)``); a `Finding` accepts nothing else.
"""

from __future__ import annotations

from wijkcheck.core.errors import CommandExample as Command
from wijkcheck.core.errors import Section, define
from wijkcheck.core.errors import Severity as _Severity
from wijkcheck.core.errors import YamlExample as Yaml

FOUT = _Severity.FOUT
WAARSCHUWING = _Severity.WAARSCHUWING

# --- Section.FILE ----------------------------------------------------------------------------

GEGEVENSMAP_ONBRUIKBAAR = define(
    "gegevensmap-onbruikbaar",
    FOUT,
    Section.FILE,
    "Gegevensmap niet bruikbaar",
    (
        "`data/wijken` of `checklists` is geen map of niet leesbaar: wijkcheck valt dan niet "
        "terug op de meegeleverde gegevens"
    ),
    stops=True,
    example=Command("rm -r checklists && touch checklists && wijkcheck validate --data ."),
)

GEEN_GEGEVENSMAP = define(
    "geen-gegevensmap",
    FOUT,
    Section.FILE,
    "Geen gegevensmap gevonden",
    (
        "zonder paden: geen gegevensmap gevonden (geen `--data`, geen `WIJKCHECK_DATA`, geen "
        "`data/wijken/` hier of daarboven)"
    ),
    stops=True,
    example=Command('cd "$(mktemp -d)" && wijkcheck validate'),
)

PAD_BESTAAT_NIET = define(
    "pad-bestaat-niet",
    FOUT,
    Section.FILE,
    "Pad bestaat niet",
    "een genoemd pad bestaat niet",
    stops=True,
    example=Command("wijkcheck validate data/wijken/heusden/nergenshuizen.yaml"),
)

GEEN_BESTANDEN = define(
    "geen-bestanden",
    FOUT,
    Section.FILE,
    "Map zonder YAML-bestanden",
    "een genoemde map bevat geen `.yaml`- of `.yml`-bestanden",
    stops=True,
    example=Command("mkdir leeg && wijkcheck validate leeg"),
)

BESTAND_ONLEESBAAR = define(
    "bestand-onleesbaar",
    FOUT,
    Section.FILE,
    "Bestand niet te lezen",
    (
        "het bestand kan niet gelezen worden: geen rechten, een map, een apparaat of pijp "
        "(`/dev/zero`, FIFO)"
    ),
    stops=True,
    example=Command("wijkcheck validate /dev/zero"),
)

MAP_ONLEESBAAR = define(
    "map-onleesbaar",
    FOUT,
    Section.FILE,
    "Gemeentemap niet te lezen",
    (
        "een map onder `wijken/` die wijkcheck niet kan openen of niet kan lezen (rechten `000` "
        "of `311`): welke gegevens erin staan is onbekend, dus geen enkel commando gaat verder "
        "alsof er niets in staat"
    ),
    stops=True,
)

BESTAND_TE_GROOT = define(
    "bestand-te-groot",
    FOUT,
    Section.FILE,
    "Bestand te groot",
    "groter dan 2 MiB (een wijkbestand is een paar kilobyte)",
    example=Command(
        "head -c 3000000 /dev/zero | tr '\\0' '#' > "
        "data/wijken/heusden/groot.yaml && wijkcheck validate"
    ),
)

BINAIR_BESTAND = define(
    "binair-bestand",
    FOUT,
    Section.FILE,
    "Binair bestand",
    "een nul-byte in het begin: een plaatje, pdf of ander binair bestand",
    example=Command(
        "printf '\\x89PNG\\0\\0' > data/wijken/heusden/foto.yaml && wijkcheck validate"
    ),
)

CODERING = define(
    "codering",
    FOUT,
    Section.FILE,
    "Geen UTF-8",
    (
        "UTF-16, of een byte uit Windows-1252/Latin-1 (met regel en kolom van die "
        "byte). Een UTF-8-BOM en Windows-regeleinden (CRLF) zijn wél goed"
    ),
    example=Command(
        "printf 'naam: Caf\\xe9\\n' > data/wijken/heusden/cafe.yaml && wijkcheck validate"
    ),
)

YAML_SYNTAXIS = define(
    "yaml-syntaxis",
    FOUT,
    Section.FILE,
    "Ongeldige YAML",
    (
        "inspringing, tabs, een niet gesloten haakje of aanhalingsteken, een "
        "stuurteken, meer dan één document (`---`)"
    ),
    example=Yaml("data/wijken/heusden/herpt.yaml", text="kern: [Herpt", replaces="kern: Herpt"),
)

STUURTEKEN = define(
    "stuurteken",
    FOUT,
    Section.FILE,
    "Stuurteken in tekst of sleutel",
    (
        "een stuurteken in een tekst of sleutel, via een escape tussen dubbele aanhalingstekens "
        '(`"\\e[31m"`, `"\\x07"`, `"\\0"`), of een teken dat XML niet kan bevatten '
        "(U+FFFE, U+FFFF, "
        "een losse surrogaat); zo'n teken kan een terminal of rapport ontregelen. `\\t`, `\\n` en "
        "`\\r` mogen wel; een stuurteken dat rauw in het bestand staat is `yaml-syntaxis`"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text='toelichting: "\\e[31mgeen echte telling',
        replaces='toelichting: "geen echte telling',
    ),
)

YAML_TAG = define(
    "yaml-tag",
    FOUT,
    Section.FILE,
    "YAML-tag",
    (
        "een tag als `!!python/object…` (onveilig) of een eigen tag (`!Ref`); wijkcheck kent "
        "alleen gewone waarden"
    ),
    example=Yaml("data/wijken/heusden/herpt.yaml", text="kern: !Ref Herpt", replaces="kern: Herpt"),
)

DUBBELE_SLEUTEL = define(
    "dubbele-sleutel",
    FOUT,
    Section.FILE,
    "Dubbele sleutel",
    "dezelfde sleutel twee keer in één mapping; YAML zou stil alleen de laatste bewaren",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml", text="kern: Herpt\nkern: Herpt", replaces="kern: Herpt"
    ),
)

SLEUTEL = define(
    "sleutel",
    FOUT,
    Section.FILE,
    "Ongeldige sleutel",
    "een lijst of mapping als sleutel, of de samenvoegsleutel `<<`",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml", text="kern: Herpt\n? [a, b]\n: c", replaces="kern: Herpt"
    ),
)

ALIAS_BOM = define(
    "alias-bom",
    FOUT,
    Section.FILE,
    "Te veel knooppunten na aliassen",
    "meer dan 200.000 knooppunten na het uitvouwen van aliassen (*billion laughs*)",
    example=Yaml(
        "data/wijken/heusden/bom.yaml",
        text=(
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
            "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        ),
    ),
)

ALIAS_LUS = define(
    "alias-lus",
    FOUT,
    Section.FILE,
    "Alias naar zichzelf",
    "een alias die naar zichzelf verwijst",
    example=Yaml("data/wijken/heusden/lus.yaml", text="a: &a [*a]\n"),
)

TE_DIEP = define(
    "te-diep",
    FOUT,
    Section.FILE,
    "Te diep genest",
    "meer dan 64 niveaus genest",
    example=Yaml(
        "data/wijken/heusden/diep.yaml",
        text=(
            "naam: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
            "[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
            "]]]]]] "
        ),
    ),
)

TE_VEEL_KNOOPPUNTEN = define(
    "te-veel-knooppunten",
    FOUT,
    Section.FILE,
    "Te veel knooppunten",
    "meer dan 200.000 knooppunten in het bestand zelf",
    example=Command(
        "(echo 'lijst:'; seq 200001 | sed 's/^/  - /') > "
        "data/wijken/heusden/lang.yaml && wijkcheck validate"
    ),
)

TE_VEEL_BEVINDINGEN = define(
    "te-veel-bevindingen",
    FOUT,
    Section.FILE,
    "Te veel bevindingen in één bestand",
    "na 100 bevindingen in één bestand worden de rest alleen geteld",
    example=Command(
        'for i in $(seq 101); do echo "veld$i: x"; done > '
        "data/wijken/heusden/veel.yaml && wijkcheck validate"
    ),
)

BESTAND_VORM = define(
    "bestand-vorm",
    FOUT,
    Section.FILE,
    "Geen mapping",
    "een leeg bestand, een lijst of een losse waarde waar een mapping hoort",
    example=Yaml("data/wijken/heusden/lijst.yaml", text="- Herpt\n- Haarsteeg\n"),
)

# --- Section.FIELDS --------------------------------------------------------------------------

ONBEKEND_VELD = define(
    "onbekend-veld",
    FOUT,
    Section.FIELDS,
    "Onbekend veld",
    'een sleutel die het model niet kent (meestal een tikfout; met "Bedoelde u …?")',
    example=Yaml("data/wijken/heusden/herpt.yaml", text="kren: Herpt", replaces="kern: Herpt"),
)

ONTBREKEND_VELD = define(
    "ontbrekend-veld",
    FOUT,
    Section.FIELDS,
    "Verplicht veld ontbreekt",
    "een verplicht veld ontbreekt; de positie is de plek waar het hoort",
    example=Yaml("data/wijken/heusden/herpt.yaml", text="", replaces="kern: Herpt\n"),
)

TYPE = define(
    "type",
    FOUT,
    Section.FIELDS,
    "Verkeerd type",
    (
        "tekst waar een getal hoort, een getal waar tekst hoort, `ja`/`nee` waar `true`/`false` "
        "hoort, een decimale komma (`waarde: 8,1`, ook in de korte vorm tussen `{ }`, waar YAML "
        "anders een veld `1` zou lezen)"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="inwoners: {waarde: veel,",
        replaces="inwoners: {waarde: 765,",
    ),
)

DATUM = define(
    "datum",
    FOUT,
    Section.FIELDS,
    "Geen geldige datum",
    "geen bestaande datum als `JJJJ-MM-DD` (`31-02-2024`, `2024-02-30`)",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="peildatum: 2025-02-30\ninwoners",
        replaces="peildatum: 2025-01-01\ninwoners",
    ),
)

VORM = define(
    "vorm",
    FOUT,
    Section.FIELDS,
    "Code of naam in de verkeerde vorm",
    "een code of naam in de verkeerde vorm (CBS-code, id met hoofdletters of spaties)",
    example=Yaml(
        "data/wijken/heusden/gemeente.yaml", text="cbs_code: GM797", replaces="cbs_code: GM0797"
    ),
)

WAARDE = define(
    "waarde",
    FOUT,
    Section.FIELDS,
    "Waarde niet toegestaan",
    (
        "een waarde buiten de toegestane (een onbekende laag, `minimaal` groter dan `maximaal` in"
        " een drempel), een `norm` zonder de velden die haar `basis` vraagt (`referentie`: "
        "`bron`, `wat`; `besluit`: `door`, `datum`, `besluit`), of `status: vastgesteld` zonder "
        "`door`, `datum` en `besluit`"
    ),
    example=Yaml(
        "checklists/heusden.yaml", text="laag: digitaal", replaces="laag: gemeenschappelijk"
    ),
)

LEEG = define(
    "leeg",
    FOUT,
    Section.FIELDS,
    "Lege tekst of lijst",
    "een verplichte tekst of lijst is leeg",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml", text='- naam: ""', replaces="- naam: Dorpshuis Herpt"
    ),
)

LEGE_BRON = define(
    "lege-bron",
    FOUT,
    Section.FIELDS,
    "Lege bron",
    "`bron` is leeg: elk cijfer, elke voorziening en elk oordeel noemt zijn bron (of `voorbeeld`)",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text='inventarisatie: {bron: "",',
        replaces="inventarisatie: {bron: voorbeeld,",
    ),
)

ONBEKEND_REGELTYPE = define(
    "onbekend-regeltype",
    FOUT,
    Section.FIELDS,
    "Onbekend regeltype",
    "een regel met een onbekend `type`",
    example=Yaml("checklists/heusden.yaml", text="type: aanwezigheid", replaces="type: aanwezig"),
)

SCHEMA = define(
    "schema",
    FOUT,
    Section.FIELDS,
    "Andere fout van het gegevensmodel",
    "een andere fout van het gegevensmodel",
)

DUIZENDTAL_PUNT = define(
    "duizendtal-punt",
    FOUT,
    Section.FIELDS,
    "Duizendtalpunt in een aantal",
    "een aantal als `12.345`: YAML leest twaalf komma drie; bedoelde u 12345?",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="inwoners: {waarde: 1.765,",
        replaces="inwoners: {waarde: 765,",
    ),
)

GEEN_GEHEEL_GETAL = define(
    "geen-geheel-getal",
    FOUT,
    Section.FIELDS,
    "Aantal met decimalen",
    (
        "een aantal met decimalen: de inwoners van een wijk of gemeente, of de capaciteit van een"
        " voorziening in een eenheid die telt (plaatsen, bedden; niet in fte, uur, %, km of per "
        "…)"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="inwoners: {waarde: 765.5,",
        replaces="inwoners: {waarde: 765,",
    ),
)

# --- Section.REFERENCES ----------------------------------------------------------------------

ONBEKENDE_WIJK = define(
    "onbekende-wijk",
    FOUT,
    Section.REFERENCES,
    "Onbekende wijk",
    (
        "een wijkbestand voor een wijk die niet in `gemeente.yaml` staat; `bedient:` noemt een "
        "onbekende wijk"
    ),
    example=Yaml(
        "data/wijken/heusden/nergenshuizen.yaml",
        text="naam: Nergenshuizen\nkern: Herpt\npeildatum: 2025-01-01\n",
    ),
)

VERKEERDE_KERN = define(
    "verkeerde-kern",
    FOUT,
    Section.REFERENCES,
    "Wijk bij een andere kern",
    "de `kern` van een wijk verschilt van de kern waar `gemeente.yaml` haar plaatst",
    example=Yaml("data/wijken/heusden/herpt.yaml", text="kern: Drunen", replaces="kern: Herpt"),
)

WIJK_ZONDER_BESTAND = define(
    "wijk-zonder-bestand",
    FOUT,
    Section.REFERENCES,
    "Wijk zonder wijkbestand",
    "`gemeente.yaml` noemt een wijk waarvoor geen wijkbestand is",
    example=Yaml("data/wijken/heusden/herpt.yaml", removes=True),
)

DUBBELE_GEMEENTE = define(
    "dubbele-gemeente",
    FOUT,
    Section.REFERENCES,
    "Gemeente twee keer",
    (
        "twee gemeentemappen met dezelfde gemeentenaam of CBS-code (een kopie `heusden (kopie)`):"
        " een overzicht zou elke wijk twee keer tellen; ook `overview` weigert"
    ),
    example=Command(
        'cp -r data/wijken/heusden "data/wijken/heusden (kopie)" && wijkcheck validate'
    ),
)

DUBBELE_WIJK = define(
    "dubbele-wijk",
    FOUT,
    Section.REFERENCES,
    "Wijk twee keer",
    "twee bestanden voor dezelfde wijk (gemeld in beide), of een wijk bij twee kernen",
    example=Yaml(
        "data/wijken/heusden/herpt-kopie.yaml",
        text="naam: Herpt\nkern: Herpt\npeildatum: 2025-01-01\n",
    ),
)

ONBEKENDE_KERN = define(
    "onbekende-kern",
    FOUT,
    Section.REFERENCES,
    "Onbekende kern",
    "een voorziening met een `kern` die de gemeente niet heeft",
    example=Yaml(
        "data/wijken/heusden/gemeente.yaml",
        text="soort: wijk-en-welzijnsteam, kern: Drunnen,",
        replaces="soort: wijk-en-welzijnsteam, kern: Drunen,",
    ),
)

ONBEKENDE_SOORT = define(
    "onbekende-soort",
    FOUT,
    Section.REFERENCES,
    "Onbekende soort",
    "een soort die niet in de catalogus van de checklist staat (in een wijk of in een regel)",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml", text="soort: dorphuis", replaces="soort: dorpshuis"
    ),
)

ONBEKENDE_FUNCTIE = define(
    "onbekende-functie",
    FOUT,
    Section.REFERENCES,
    "Onbekende functie",
    "een functie die de checklist niet kent",
    example=Yaml(
        "checklists/heusden.yaml",
        text="functies: [ontmoeten, omkijken, meepraten, dansen]",
        replaces="functies: [ontmoeten, omkijken, meepraten]",
    ),
)

ONBEKENDE_INDICATOR = define(
    "onbekende-indicator",
    FOUT,
    Section.REFERENCES,
    "Onbekende indicator",
    "een indicator die de checklist niet kent (wijk, referentie of regel)",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="laag-inkomens: {waarde: 4.1",
        replaces="laag-inkomen: {waarde: 4.1",
    ),
)

ONBEKENDE_ROL = define(
    "onbekende-rol",
    FOUT,
    Section.REFERENCES,
    "Onbekende rol",
    "een rol in `capaciteit` of in een regel die de checklist niet kent",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="buurtwerker: {waarde: 0.2",
        replaces="buurtondersteuner: {waarde: 0.2",
    ),
)

ONBEKEND_ONDERWERP = define(
    "onbekend-onderwerp",
    FOUT,
    Section.REFERENCES,
    "Oordeel over een onbekend onderwerp",
    "een oordeel over een voorwaarde of item dat niet bestaat",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="sociale-cohesie:\n    oordeel: voldaan",
        replaces="sociale-cohesie-en-inclusie:\n    oordeel: voldaan",
    ),
)

UITZONDERING_ONBEKEND = define(
    "uitzondering-onbekend",
    FOUT,
    Section.REFERENCES,
    "Uitzondering voor een onbekend onderwerp",
    (
        "een uitzondering (`uitzonderingen:` in een wijkbestand of `gemeente.yaml`) voor een "
        "voorwaarde of checklist-item dat de checklist niet heeft, of een item onder "
        "`voorwaarde:` (of omgekeerd)"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text=(
            "\n"
            "uitzonderingen:\n"
            "  - voorwaarde: ontmoetplekken\n"
            "    reden: de ontmoetingsplek komt in het nieuwe dorpshuis\n"
            "    besloten_door: college van B&W\n"
            "    besluit: collegebesluit 2025-001\n"
            "    tot: 2025-12-31\n"
            "\n"
            "wat_werkt:"
        ),
        replaces="\nwat_werkt:",
    ),
)

UITZONDERING_GEMEENTEBREED = define(
    "uitzondering-gemeentebreed",
    FOUT,
    Section.REFERENCES,
    "Uitzondering hoort in gemeente.yaml",
    (
        "een uitzondering in een wijkbestand voor een voorwaarde of item dat één keer voor de "
        "hele gemeente wordt beoordeeld; zo'n uitzondering hoort in `gemeente.yaml`"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text=(
            "\n"
            "uitzonderingen:\n"
            "  - item: respijtzorg\n"
            "    reden: de ontmoetingsplek komt in het nieuwe dorpshuis\n"
            "    besloten_door: college van B&W\n"
            "    besluit: collegebesluit 2025-001\n"
            "    tot: 2025-12-31\n"
            "\n"
            "wat_werkt:"
        ),
        replaces="\nwat_werkt:",
    ),
)

ONBEKENDE_CHECKLIST = define(
    "onbekende-checklist",
    FOUT,
    Section.REFERENCES,
    "Onbekende checklist",
    (
        "`gemeente.yaml` noemt een checklist die niet te vinden is, of `extends` in een checklist"
        " noemt er een die niet bestaat (gezocht naast het bestand, in `checklists/` van de "
        "gegevensmap en bij de meegeleverde)"
    ),
    example=Yaml(
        "data/wijken/heusden/gemeente.yaml",
        text="checklist: heusden-oud",
        replaces="checklist: heusden",
    ),
)

PAD_BUITEN_DATA = define(
    "pad-buiten-data",
    FOUT,
    Section.REFERENCES,
    "Pad buiten de gegevensmap",
    (
        "een snelkoppeling (symlink) naar een map of YAML-bestand buiten de gegevensmap (een "
        "gemeentemap, `gemeente.yaml`, een wijkbestand, een checklist), of een checklistpad dat "
        "daarheen leidt; zo'n bestand wordt door geen enkel commando gelezen, dus ook zijn "
        "sleutels verschijnen in geen melding. Een gelinkte gemeentemap *binnen* de gegevensmap "
        "is gewoon gegevens"
    ),
    example=Command(
        "printf 'naam: X\\n' > ../buiten.yaml && ln -s ../../../../buiten.yaml "
        "data/wijken/heusden/buiten.yaml && wijkcheck validate"
    ),
)

GEEN_INWONERS = define(
    "geen-inwoners",
    FOUT,
    Section.REFERENCES,
    "Wijk met 0 inwoners",
    (
        "een wijk met 0 inwoners terwijl de checklist een norm per inwoner heeft: die zegt dan "
        "niets, dus elk commando weigert de gemeente"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="inwoners: {waarde: 0,",
        replaces="inwoners: {waarde: 765,",
    ),
)

TE_LANG = define(
    "te-lang",
    FOUT,
    Section.REFERENCES,
    "Naam of lijst te lang",
    (
        "een naam van meer dan 120 tekens, of meer dan 2.000 voorzieningen in één bestand: elk "
        "rapport en plaatje toont namen en lijsten helemaal, dus ze zijn begrensd"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text=(
            "- naam: Dorpshuis Herpt en omstreken en omstreken en omstreken en "
            "omstreken en omstreken en omstreken en omstreken en omstreken en "
            "omstreken en omstreken "
        ),
        replaces="- naam: Dorpshuis Herpt",
    ),
)

ONZICHTBAAR_TEKEN = define(
    "onzichtbaar-teken",
    FOUT,
    Section.REFERENCES,
    "Onzichtbaar teken in een naam",
    (
        "een naam met een richtingsteken (U+202E) of een teken zonder breedte (U+200B): de naam "
        "ziet er anders uit dan hij is"
    ),
    example=Yaml(
        "data/wijken/heusden/gemeente.yaml",
        text='"Her\\u200bpt": [Herpt]',
        replaces="Herpt: [Herpt]",
    ),
)

INWONERS_ONTBREEKT = define(
    "inwoners-ontbreekt",
    WAARSCHUWING,
    Section.REFERENCES,
    "Inwoners ontbreken",
    (
        "een wijkbestand zonder `inwoners` (zoals `wijkcheck new` het maakt): rapporten zeggen "
        "*onbekend* bij de inwoners, en een norm per 1.000 inwoners is *onbekend*"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="# inwoners: {waarde: 765",
        replaces="inwoners: {waarde: 765",
    ),
)

GEEN_INVENTARISATIE = define(
    "geen-inventarisatie",
    WAARSCHUWING,
    Section.REFERENCES,
    "Voorzieningen zonder inventarisatie",
    (
        "een wijk of gemeente noemt `voorzieningen` maar niet wie ze telde en wanneer "
        '(`inventarisatie: {bron, peildatum}`); dan heeft "geen voorziening gevonden" geen bron'
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="# inventarisatie: {bron: voorbeeld",
        replaces="inventarisatie: {bron: voorbeeld",
    ),
)

GEEN_GEMEENTE = define(
    "geen-gemeente",
    WAARSCHUWING,
    Section.REFERENCES,
    "Wijkbestand zonder gemeente.yaml",
    "een wijkbestand zonder `gemeente.yaml` in dezelfde map: wijkcheck gebruikt het niet; "
    "`overview` en `list` van de hele gegevensmap noemen de mappen die ze daarom overslaan",
    example=Yaml(
        "data/wijken/losse-wijken/herpt.yaml",
        text="naam: Herpt\nkern: Herpt\npeildatum: 2025-01-01\n",
    ),
)

BESTANDSNAAM = define(
    "bestandsnaam",
    WAARSCHUWING,
    Section.REFERENCES,
    "Bestandsnaam past niet",
    "de bestandsnaam past niet bij de wijknaam, of een gemeentebestand heet niet `gemeente.yaml`",
    example=Command(
        "mv data/wijken/heusden/herpt.yaml data/wijken/heusden/herpt-oud.yaml && wijkcheck validate"
    ),
)

# --- Section.PLAUSIBILITY --------------------------------------------------------------------

NEGATIEF = define(
    "negatief",
    FOUT,
    Section.PLAUSIBILITY,
    "Negatief aantal",
    "een negatief aantal inwoners of negatieve fte",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="buurtondersteuner: {waarde: -0.2",
        replaces="buurtondersteuner: {waarde: 0.2",
    ),
)

BUITEN_BEREIK = define(
    "buiten-bereik",
    FOUT,
    Section.PLAUSIBILITY,
    "Cijfer buiten het bereik",
    (
        "een cijfer buiten het bereik van zijn indicator (`minimum`/`maximum` in de checklist; "
        "een percentage zonder eigen grenzen: 0 tot en met 100)"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="ervaren-gezondheid: {waarde: 178",
        replaces="ervaren-gezondheid: {waarde: 78",
    ),
)

GEEN_GETAL = define(
    "geen-getal",
    FOUT,
    Section.PLAUSIBILITY,
    "Geen eindig getal",
    (
        "`.nan` of `.inf` als waarde, ook waar een geheel getal hoort (een getal van duizenden "
        "cijfers telt als `.inf`)"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="laag-inkomen: {waarde: .nan",
        replaces="laag-inkomen: {waarde: 4.1",
    ),
)

TOEKOMSTIGE_DATUM = define(
    "toekomstige-datum",
    FOUT,
    Section.PLAUSIBILITY,
    "Datum in de toekomst",
    (
        "een peildatum of oordeeldatum na de peildatum van de controle (`--datum`); `audit`, "
        "`show` en `overview` weigeren zo'n cijfer net zo bij hun `--datum`: het bestond toen nog"
        " niet"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text="peildatum: 2026-01-01\ninwoners",
        replaces="peildatum: 2025-01-01\ninwoners",
    ),
)

VEROUDERD = define(
    "verouderd",
    WAARSCHUWING,
    Section.PLAUSIBILITY,
    "Verouderd cijfer",
    "een cijfer, voorziening of oordeel ouder dan `maximale_ouderdom_maanden` van de checklist",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text=("afstand-huisarts: {waarde: 3.4, bron: voorbeeld, peildatum: 2019-01-01}"),
        replaces=("afstand-huisarts: {waarde: 3.4, bron: voorbeeld, peildatum: 2024-01-01}"),
    ),
)

ONVEILIGE_NAAM = define(
    "onveilige-naam",
    FOUT,
    Section.PLAUSIBILITY,
    "Naam die een pad is",
    (
        "een wijk-, kern- of gemeentenaam met `/`, `\\`, een stuurteken of een begin met `.`: "
        "namen worden ook bestandsnamen en mogen de gegevensmap niet verlaten"
    ),
    example=Yaml(
        "data/wijken/heusden/gemeente.yaml", text="Herpt/..: [Herpt]", replaces="Herpt: [Herpt]"
    ),
)

ONTBREKENDE_REFERENTIE = define(
    "ontbrekende-referentie",
    WAARSCHUWING,
    Section.PLAUSIBILITY,
    "Referentiewaarde ontbreekt",
    (
        "een regel rekent met een vraagindex, maar `gemeente.yaml` heeft geen referentiewaarde "
        "voor die indicator"
    ),
    example=Yaml(
        "data/wijken/heusden/gemeente.yaml",
        text="  jeugdhulp: {waarde: 62",
        replaces="  wmo-clienten: {waarde: 62",
    ),
)

GEEN_EINDDATUM = define(
    "geen-einddatum",
    FOUT,
    Section.PLAUSIBILITY,
    "Uitzondering zonder einddatum",
    "een uitzondering zonder `tot`: elke uitzondering heeft een einddatum",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text=(
            "\n"
            "uitzonderingen:\n"
            "  - voorwaarde: ontmoetingsplekken\n"
            "    reden: de ontmoetingsplek komt in het nieuwe dorpshuis\n"
            "    besloten_door: college van B&W\n"
            "    besluit: collegebesluit 2025-001\n"
            "\n"
            "wat_werkt:"
        ),
        replaces="\nwat_werkt:",
    ),
)

DATUM_VOLGORDE = define(
    "datum-volgorde",
    FOUT,
    Section.PLAUSIBILITY,
    "Uitzondering eindigt voor ze begint",
    "een uitzondering met `sinds` na `tot`",
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text=(
            "\n"
            "uitzonderingen:\n"
            "  - voorwaarde: ontmoetingsplekken\n"
            "    reden: de ontmoetingsplek komt in het nieuwe dorpshuis\n"
            "    besloten_door: college van B&W\n"
            "    besluit: collegebesluit 2025-001\n"
            "    sinds: 2026-01-01\n"
            "    tot: 2025-12-31\n"
            "\n"
            "wat_werkt:"
        ),
        replaces="\nwat_werkt:",
    ),
)

UITZONDERING_VERLOOPT = define(
    "uitzondering-verloopt",
    WAARSCHUWING,
    Section.PLAUSIBILITY,
    "Uitzondering verloopt binnenkort",
    (
        "een uitzondering eindigt binnen 60 dagen na `--datum` (ook op `--datum` zelf): is er een"
        " nieuw besluit nodig?"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text=(
            "\n"
            "uitzonderingen:\n"
            "  - voorwaarde: ontmoetingsplekken\n"
            "    reden: de ontmoetingsplek komt in het nieuwe dorpshuis\n"
            "    besloten_door: college van B&W\n"
            "    besluit: collegebesluit 2025-001\n"
            "    tot: 2025-07-01\n"
            "\n"
            "wat_werkt:"
        ),
        replaces="\nwat_werkt:",
    ),
)

UITZONDERING_VERLOPEN = define(
    "uitzondering-verlopen",
    WAARSCHUWING,
    Section.PLAUSIBILITY,
    "Uitzondering verlopen",
    (
        "een uitzondering met `tot` vóór `--datum`: de voorwaarde of het item telt weer als *niet"
        " voldaan* (rapporten zeggen *uitzondering verlopen op …*)"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text=(
            "\n"
            "uitzonderingen:\n"
            "  - voorwaarde: ontmoetingsplekken\n"
            "    reden: de ontmoetingsplek komt in het nieuwe dorpshuis\n"
            "    besloten_door: college van B&W\n"
            "    besluit: collegebesluit 2025-001\n"
            "    tot: 2025-01-31\n"
            "\n"
            "wat_werkt:"
        ),
        replaces="\nwat_werkt:",
    ),
)

UITZONDERING_NIET_NODIG = define(
    "uitzondering-niet-nodig",
    WAARSCHUWING,
    Section.PLAUSIBILITY,
    "Uitzondering niet nodig",
    (
        "een uitzondering voor wat op `--datum` voldaan is (bij een uitzondering in "
        "`gemeente.yaml`: in elke wijk); `validate` toetst daarvoor de wijken waar een "
        "uitzondering voor geldt"
    ),
    example=Yaml(
        "data/wijken/heusden/herpt.yaml",
        text=(
            "\n"
            "uitzonderingen:\n"
            "  - voorwaarde: ontmoetingsplekken\n"
            "    reden: de ontmoetingsplek komt in het nieuwe dorpshuis\n"
            "    besloten_door: college van B&W\n"
            "    besluit: collegebesluit 2025-001\n"
            "    tot: 2025-12-31\n"
            "\n"
            "wat_werkt:"
        ),
        replaces="\nwat_werkt:",
    ),
)

# --- Section.CHECKLISTS ----------------------------------------------------------------------

TEGENSTRIJDIGE_GRENZEN = define(
    "tegenstrijdige-grenzen",
    FOUT,
    Section.CHECKLISTS,
    "Tegenstrijdige grenzen",
    "`minimum` boven `maximum` bij een indicator, of `minimaal` boven `maximaal` in een vraagindex",
    example=Yaml(
        "checklists/hart-van-brabant.yaml",
        text="    minimum: 9\n    maximum: 1",
        replaces="    minimum: 1\n    maximum: 9",
    ),
)

DREMPEL_BUITEN_BEREIK = define(
    "drempel-buiten-bereik",
    FOUT,
    Section.CHECKLISTS,
    "Drempel buiten het bereik",
    "een drempel buiten het bereik van zijn indicator: de regel is altijd of nooit voldaan",
    example=Yaml(
        "checklists/heusden.yaml",
        text=("          indicator: leefbaarometer\n          minimaal: 12"),
        replaces=("          indicator: leefbaarometer\n          minimaal: 5"),
    ),
)

DREMPEL_RICHTING = define(
    "drempel-richting",
    WAARSCHUWING,
    Section.CHECKLISTS,
    "Drempel in de verkeerde richting",
    "`minimaal` bij een indicator waar lager beter is (of `maximaal` waar hoger beter is)",
    example=Yaml(
        "checklists/heusden.yaml",
        text="          indicator: laag-inkomen\n          minimaal: 10",
        replaces="          indicator: laag-inkomen\n          maximaal: 10",
    ),
)

DUBBEL_ONDERWERP = define(
    "dubbel-onderwerp",
    FOUT,
    Section.CHECKLISTS,
    "Id bij voorwaarden én items",
    "dezelfde id bij `voorwaarden` en bij `items`",
    example=Yaml(
        "checklists/heusden.yaml", text="\n  huisarts:\n", replaces="\n  ontmoetingsplekken:\n"
    ),
)

EXTENDS_KRING = define(
    "extends-kring",
    FOUT,
    Section.CHECKLISTS,
    "Checklists in een kring",
    "checklists bouwen in een kring op elkaar voort (a → b → a)",
    example=Yaml(
        "checklists/hart-van-brabant.yaml",
        text="niveau: regionaal\nextends: heusden",
        replaces="niveau: regionaal",
    ),
)

BESTAAT_AL = define(
    "bestaat-al",
    FOUT,
    Section.CHECKLISTS,
    "Id bestaat al in een laag eronder",
    (
        "een laag voegt een id toe die in een laag eronder al bestaat; bedoeld is `vervang:`. Bij"
        " een thema-checklist: een voorwaarde of item met de id van een voorwaarde of item van de"
        " checklist eronder"
    ),
    example=Yaml(
        "checklists/heusden.yaml", text="\n  dorpshuis:\n", replaces="\n  buurt-bestuurt:\n"
    ),
)

ONBEKEND_IN_BASIS = define(
    "onbekend-in-basis",
    FOUT,
    Section.CHECKLISTS,
    "Onbekend in de lagen eronder",
    (
        "`vervang:`, `verwijder:` of `normen:` noemt een voorwaarde, item, onderdeel "
        "(`huisarts.3`) of catalogusregel die in de lagen eronder niet bestaat, of een "
        "`vraagindex` die de regel niet heeft"
    ),
    example=Yaml(
        "checklists/heusden.yaml",
        text="vervang:\n  items:\n    mantelzorgsteunpunt:",
        replaces="vervang:\n  items:\n    steunpunt-mantelzorg:",
    ),
)

GEEN_DREMPEL = define(
    "geen-drempel",
    FOUT,
    Section.CHECKLISTS,
    "Norm voor een regel zonder drempel",
    "`normen:` voor een regel zonder drempel (alleen `drempel` en `per_inwoners` hebben er een)",
    example=Yaml(
        "checklists/heusden.yaml",
        text=(
            "\n"
            "normen:\n"
            "  clientondersteuning: {minimaal: 2, norm: {basis: voorbeeldnorm}}\n"
            "vervang:\n"
        ),
        replaces="\nvervang:\n",
    ),
)

ONGELDIGE_NORM = define(
    "ongeldige-norm",
    FOUT,
    Section.CHECKLISTS,
    "Nieuwe drempel klopt niet",
    "de regel met de nieuwe drempel klopt niet (`minimaal` groter dan `maximaal`)",
    example=Yaml(
        "checklists/heusden.yaml",
        text=(
            "\n"
            "normen:\n"
            "  huisarts.2: {minimaal: 5, maximaal: 1, norm: {basis: voorbeeldnorm}}\n"
            "vervang:\n"
        ),
        replaces="\nvervang:\n",
    ),
)

THEMA_NIET_TOEGESTAAN = define(
    "thema-niet-toegestaan",
    FOUT,
    Section.CHECKLISTS,
    "Niet toegestaan in een thema-checklist",
    (
        "een thema-checklist (`thema: true`) met `extends`, een eigen catalogus (`soorten`, "
        "`functies`, `indicatoren`, `rollen`) of `vervang`, `verwijder` of `normen` "
        "([checklists.md](checklists.md#thema-checklists))"
    ),
    example=Yaml(
        "checklists/aandachtsgroepen.yaml",
        text="\nthema: true\nextends: heusden",
        replaces="\nthema: true",
    ),
)

THEMA_ALS_BASIS = define(
    "thema-als-basis",
    FOUT,
    Section.CHECKLISTS,
    "Thema-checklist als basis",
    (
        "een checklist bouwt voort op een thema-checklist (`extends`), of `gemeente.yaml` noemt "
        "er een bij `checklist:`; een thema kiest u met `--checklist`"
    ),
    example=Yaml(
        "data/wijken/heusden/gemeente.yaml",
        text="checklist: aandachtsgroepen",
        replaces="checklist: heusden",
    ),
)

# --- Section.OUTPUT_FORM ---------------------------------------------------------------------

TE_VEEL_VOOR_PLAATJE = define(
    "te-veel-voor-plaatje",
    FOUT,
    Section.OUTPUT_FORM,
    "Te veel wijken voor een plaatje",
    "`--format svg`/`png` van een overzicht van meer dan 200 wijken",
    stops=True,
)

TE_GROOT_VOOR_PLAATJE = define(
    "te-groot-voor-plaatje",
    FOUT,
    Section.OUTPUT_FORM,
    "Plaatje te groot",
    (
        "`--format svg`/`png` van een plaatje van meer dan 40 miljoen pixels (lange namen, een "
        "lang woord in een titel)"
    ),
    stops=True,
)

TE_VEEL_VOOR_WORD = define(
    "te-veel-voor-word",
    FOUT,
    Section.OUTPUT_FORM,
    "Te veel voor een Word-document",
    "`--format docx` van meer dan 2.000 wijken (overzicht) of 2.000 voorzieningen (sociale kaart)",
    stops=True,
)

# --- Section.COMMAND -------------------------------------------------------------------------

FORMAAT_PAST_NIET = define(
    "formaat-past-niet",
    FOUT,
    Section.COMMAND,
    "Uitvoervorm past niet bij het commando",
    (
        "een `--format` die het commando niet maakt (`svg`/`png` bij een ander commando dan "
        "`overview`, `csv` bij `explain ONDERWERP`), of `--geometrie` met een andere vorm dan "
        "svg, png of html"
    ),
    stops=True,
    example=Command("wijkcheck audit Herpt --format svg --output herpt.svg"),
)

SINDS = define(
    "sinds",
    FOUT,
    Section.COMMAND,
    "Geen bruikbaar eerder moment voor --sinds",
    (
        "`compare` of `overview --sinds` kreeg een lege REF, of een bestand dat niet te lezen "
        "is; REF is een git-revisie, een gegevensmap of een JSON-rapport (docs/vergelijken.md)"
    ),
    stops=True,
    example=Command("wijkcheck compare Herpt --sinds ''"),
)

SINDS_GIT = define(
    "sinds-git",
    FOUT,
    Section.COMMAND,
    "Git-revisie niet te lezen",
    (
        "REF is geen bestand of map en dus een git-revisie, maar git ontbreekt, de gegevens "
        "staan niet in een git-repository, de revisie bestaat niet of had de gegevensmap nog "
        "niet; wijkcheck leest revisies met git zelf en verandert niets aan de werkmap"
    ),
    stops=True,
    example=Command("wijkcheck compare Herpt --sinds HEAD~1"),
)

SINDS_RAPPORT = define(
    "sinds-rapport",
    FOUT,
    Section.COMMAND,
    "Geen passend JSON-rapport",
    (
        "het bestand na --sinds is geen JSON-rapport van wijkcheck, van een andere soort "
        "(`compare` leest een audit, `overview --sinds` een overzicht), een andere "
        "`schema_versie` of een andere wijk"
    ),
    stops=True,
    example=Command(
        "wijkcheck overview -f json -o o.json && wijkcheck compare Herpt --sinds o.json"
    ),
)

ARGUMENT = define(
    "argument",
    FOUT,
    Section.COMMAND,
    "Onjuist argument",
    (
        "een argument of optie die wijkcheck niet kan gebruiken: een lege `--output`, `new` "
        "zonder naam, `import-cbs` zonder `--cbs`, een combinatie van opties die niet samengaat"
    ),
    stops=True,
    example=Command('wijkcheck audit Herpt --output ""'),
)

ONBEKENDE_GEMEENTE = define(
    "onbekende-gemeente",
    FOUT,
    Section.COMMAND,
    "Onbekende gemeente",
    (
        "`--gemeente` (of een ander argument) noemt een gemeente die niet in de gegevensmap staat"
        ' (met "Bedoelde u …?" en de gemeenten die er wel zijn)'
    ),
    stops=True,
    example=Command("wijkcheck overview --gemeente Nergensdorp"),
)

DUBBELE_KERN = define(
    "dubbele-kern",
    FOUT,
    Section.COMMAND,
    "Kern in meer gemeenten",
    "`wijkcheck new` met een kern die in meer gemeenten staat: kies de gemeente met `--gemeente`",
    stops=True,
)

VERSCHILLENDE_CHECKLISTS = define(
    "verschillende-checklists",
    FOUT,
    Section.COMMAND,
    "Gemeenten met verschillende checklists",
    (
        "een overzicht van gemeenten die verschillende checklists gebruiken; één overzicht toont "
        "er één: kies een gemeente met `--gemeente` of één checklist met `--checklist`"
    ),
    stops=True,
    example=Command(
        "sed 's/^id: heusden$/id: kopie/' checklists/heusden.yaml > "
        "checklists/kopie.yaml && cp -r data/wijken/heusden data/wijken/kopie "
        "&& sed -i 's/^naam: .*/naam: Kopie/; s/GM0797/GM0798/; "
        "s/^checklist: heusden/checklist: kopie/' "
        "data/wijken/kopie/gemeente.yaml && wijkcheck overview"
    ),
)

NIET_GETOETST = define(
    "niet-getoetst",
    FOUT,
    Section.COMMAND,
    "Voorwaarde niet getoetst door het thema",
    (
        "`wijkcheck voorbeelden` met een voorwaarde of item van de gemeente, terwijl de gekozen "
        "thema-checklist die niet toetst"
    ),
    stops=True,
    example=Command("wijkcheck voorbeelden ontmoetingsplekken --checklist aandachtsgroepen"),
)

UITVOER_NODIG = define(
    "uitvoer-nodig",
    FOUT,
    Section.COMMAND,
    "Uitvoerbestand nodig",
    "een uitvoervorm die een bestand maakt (`docx`, `png`) zonder `--output`",
    stops=True,
    example=Command("wijkcheck audit Herpt --format docx"),
)

UITVOER_BESTAAT = define(
    "uitvoer-bestaat",
    FOUT,
    Section.COMMAND,
    "Uitvoerbestand bestaat al",
    "het bestand van `--output` bestaat al; wijkcheck overschrijft alleen met `--force`",
    stops=True,
    example=Command("touch herpt.html && wijkcheck audit Herpt --output herpt.html"),
)

UITVOER_IS_MAP = define(
    "uitvoer-is-map",
    FOUT,
    Section.COMMAND,
    "Uitvoer is een map",
    "`--output` noemt een map (of eindigt op `/`) in plaats van een bestand",
    stops=True,
    example=Command("wijkcheck audit Herpt --output data/"),
)

UITVOER_GEEN_BESTAND = define(
    "uitvoer-geen-bestand",
    FOUT,
    Section.COMMAND,
    "Uitvoer is geen gewoon bestand",
    (
        "`--output` noemt een snelkoppeling, apparaat, pijp of socket; wijkcheck schrijft alleen "
        "gewone bestanden, ook niet met `--force`"
    ),
    stops=True,
    example=Command("ln -s elders.html herpt.html && wijkcheck audit Herpt --output herpt.html"),
)

UITVOER_MAP = define(
    "uitvoer-map",
    FOUT,
    Section.COMMAND,
    "Map van de uitvoer bestaat niet",
    "de map waarin `--output` moet komen bestaat niet, of kan niet gemaakt worden",
    stops=True,
    example=Command("wijkcheck audit Herpt --output nergens/herpt.html"),
)

UITVOER_NAAM = define(
    "uitvoer-naam",
    FOUT,
    Section.COMMAND,
    "Bestandsnaam te lang",
    "de bestandsnaam van `--output` is langer dan het bestandssysteem toestaat",
    stops=True,
    example=Command("wijkcheck audit Herpt --output \"$(printf 'x%.0s' {1..300}).html\""),
)

UITVOER_SCHRIJVEN = define(
    "uitvoer-schrijven",
    FOUT,
    Section.COMMAND,
    "Kan niet schrijven",
    "het uitvoerbestand kan niet geschreven worden (rechten, schijf vol)",
    stops=True,
)

ONBEKENDE_EXTENSIE = define(
    "onbekende-extensie",
    FOUT,
    Section.COMMAND,
    "Onbekende extensie",
    "`--output` met een extensie die wijkcheck niet schrijft (`.pdf`, `.xlsx`)",
    stops=True,
    example=Command("wijkcheck audit Herpt --output herpt.pdf"),
)

EXTENSIE_PAST_NIET = define(
    "extensie-past-niet",
    FOUT,
    Section.COMMAND,
    "Extensie past niet bij de uitvoervorm",
    (
        "`--output` met de extensie van een andere uitvoervorm dan `--format` (`-o rapport.html "
        "--format csv`)"
    ),
    stops=True,
    example=Command("wijkcheck audit Herpt --output herpt.html --format csv"),
)

GEMEENTE_AANVULLEN = define(
    "gemeente-aanvullen",
    FOUT,
    Section.COMMAND,
    "Kan gemeente.yaml niet veilig aanvullen",
    (
        "`wijkcheck new` kan de nieuwe wijk niet zonder risico in `gemeente.yaml` zetten (de "
        "lijst van de kern is geen gewone tekst); zet de wijk er zelf bij"
    ),
    stops=True,
)

GEMEENTE_VERANDERD = define(
    "gemeente-veranderd",
    FOUT,
    Section.COMMAND,
    "Gemeentebestand veranderde tijdens new",
    "`gemeente.yaml` veranderde terwijl `wijkcheck new` liep; er is niets geschreven",
    stops=True,
)

INTERNE_FOUT = define(
    "interne-fout",
    FOUT,
    Section.COMMAND,
    "Fout in wijkcheck",
    (
        "wat `import-cbs` zou schrijven, passeert `wijkcheck validate` niet; er is niets "
        "geschreven. Dit is een fout in wijkcheck, geen fout in uw gegevens"
    ),
    stops=True,
)

WIJKNAAM = define(
    "wijknaam",
    FOUT,
    Section.COMMAND,
    "Wijknaam zonder letter of cijfer",
    (
        "`wijkcheck new` met een wijknaam zonder letter of cijfer: daar is geen bestandsnaam van "
        "te maken"
    ),
    stops=True,
    example=Command("wijkcheck new '???' --kern Herpt"),
)

# --- Section.CBS -----------------------------------------------------------------------------

CBS_BESTAND = define(
    "cbs-bestand",
    FOUT,
    Section.CBS,
    "CBS-bestand niet te lezen",
    "een bestand van `--cbs` bestaat niet, is niet te lezen of is geen CBS-bestand",
    stops=True,
    example=Command("printf '{' > cbs.json && wijkcheck import-cbs cbs.json"),
)

CBS_VORM = define(
    "cbs-vorm",
    FOUT,
    Section.CBS,
    "Onbekende vorm van een CBS-bestand",
    "geen OData-JSON met `TypedDataSet` of `value`, of een map zonder `TypedDataSet.json`",
    stops=True,
    example=Command("printf '{\"a\": 1}' > cbs.json && wijkcheck import-cbs cbs.json"),
)

CBS_TABEL = define(
    "cbs-tabel",
    FOUT,
    Section.CBS,
    "Onbekende of verkeerde CBS-tabel",
    (
        "het bestand is van een andere CBS-tabel dan `--tabel` zegt, of zegt niet van welke tabel"
        " het is"
    ),
    stops=True,
)

CBS_WAARDE = define(
    "cbs-waarde",
    FOUT,
    Section.CBS,
    "CBS-cijfer is geen getal",
    (
        "een cel in een CBS-bestand die geen getal is (en niet `.`, het teken voor een ontbrekend"
        " cijfer)"
    ),
    stops=True,
    example=Command(
        "printf 'WijkenEnBuurten;AantalInwoners_5\\n\"BU07970000\";veel\\n' > "
        "cbs.csv && wijkcheck import-cbs cbs.csv"
    ),
)

CBS_GEMEENTE = define(
    "cbs-gemeente",
    FOUT,
    Section.CBS,
    "Gemeente niet in de CBS-bestanden",
    (
        "de gemeente staat niet (of meer dan eens) in de CBS-bestanden, of `init` kreeg een "
        "bestand zonder één rij van de gemeente (het zou als bron genoemd worden zonder iets "
        "te leveren)"
    ),
    stops=True,
)

CBS_GEEN_WIJKEN = define(
    "cbs-geen-wijken",
    FOUT,
    Section.CBS,
    "Geen wijken of buurten met inwoners",
    (
        "de gemeente heeft in de CBS-bestanden geen wijken of buurten met een inwonertal op het "
        "gekozen `--niveau`"
    ),
    stops=True,
)

# --- Section.MAP -----------------------------------------------------------------------------

GEOMETRIE_BESTAND = define(
    "geometrie-bestand",
    FOUT,
    Section.MAP,
    "Geometriebestand niet te lezen",
    "het bestand bestaat niet of is niet te lezen",
    stops=True,
    example=Command("wijkcheck overview --geometrie nergens.geojson --output kaart.svg"),
)

GEOMETRIE_FORMAAT = define(
    "geometrie-formaat",
    FOUT,
    Section.MAP,
    "Onbekend soort geometriebestand",
    "geen GeoJSON en geen GeoPackage (een shapefile, een zip, GML …)",
    stops=True,
    example=Command(
        "printf 'naam,code\\n' > buurten.csv && wijkcheck overview --geometrie "
        "buurten.csv --output kaart.svg"
    ),
)

GEOMETRIE_CRS = define(
    "geometrie-crs",
    FOUT,
    Section.MAP,
    "Ander coördinatenstelsel",
    "een ander coördinatenstelsel dan RD New (EPSG:28992), zoals WGS84 (lengte- en breedtegraden)",
    stops=True,
    example=Command(
        'printf \'{"type": "FeatureCollection", "features": [{"type": "Feature",'
        ' "properties": {"buurtcode": "BU07970000"}, "geometry": {"type": '
        '"Polygon", "coordinates": [[[5.1, 51.7], [5.2, 51.7], [5.2, 51.8], '
        "[5.1, 51.7]]]}}]}' > buurten.geojson && wijkcheck overview --geometrie"
        " buurten.geojson --output kaart.svg"
    ),
)

GEOMETRIE_LAAG = define(
    "geometrie-laag",
    FOUT,
    Section.MAP,
    "Laag ontbreekt",
    "een GeoPackage zonder laag `buurten` (of `wijken`; de melding noemt de lagen die er zijn)",
    stops=True,
)

GEOMETRIE_GEEN_CODE = define(
    "geometrie-geen-code",
    FOUT,
    Section.MAP,
    "Geen buurt- of wijkcode",
    (
        "geen eigenschap `buurtcode` (of `BU_CODE` uit oudere CBS-bestanden; bij CBS-wijken "
        "`wijkcode`); een laag van het andere niveau wordt herkend"
    ),
    stops=True,
    example=Command(
        'printf \'{"type": "FeatureCollection", "features": [{"type": "Feature",'
        ' "properties": {"naam": "Herpt"}, "geometry": {"type": "Polygon", '
        '"coordinates": [[[150000, 410000], [151000, 410000], [151000, 411000],'
        " [150000, 410000]]]}}]}' > buurten.geojson && wijkcheck overview "
        "--geometrie buurten.geojson --output kaart.svg"
    ),
)

GEOMETRIE_TYPE = define(
    "geometrie-type",
    FOUT,
    Section.MAP,
    "Geen vlakken",
    "punten of lijnen in plaats van vlakken (alleen Polygon en MultiPolygon)",
    stops=True,
    example=Command(
        'printf \'{"type": "FeatureCollection", "features": [{"type": "Feature",'
        ' "properties": {"buurtcode": "BU07970000"}, "geometry": {"type": '
        '"Point", "coordinates": [150000, 410000]}}]}\' > buurten.geojson && '
        "wijkcheck overview --geometrie buurten.geojson --output kaart.svg"
    ),
)

GEOMETRIE_ONLEESBAAR = define(
    "geometrie-onleesbaar",
    FOUT,
    Section.MAP,
    "Kapotte geometrie",
    "kapotte JSON (met regel en kolom) of een kapotte geometrie",
    stops=True,
    example=Command(
        'printf \'{"type": "FeatureCollection", "features": [\' > buurten.geojson'
        " && wijkcheck overview --geometrie buurten.geojson --output kaart.svg"
    ),
)

GEOMETRIE_TE_GROOT = define(
    "geometrie-te-groot",
    FOUT,
    Section.MAP,
    "Geometriebestand te groot",
    "GeoJSON boven 50 MB, of meer dan 2 miljoen punten voor de kaart",
    stops=True,
)

KAART_LEEG = define(
    "kaart-leeg",
    FOUT,
    Section.MAP,
    "Geen enkele buurt op de kaart",
    "het bestand heeft geen enkele buurt van uw gemeente(n) en geen van uw buurtcodes",
    stops=True,
    example=Command(
        'printf \'{"type": "FeatureCollection", "features": [{"type": "Feature",'
        ' "properties": {"buurtcode": "BU99999999"}, "geometry": {"type": '
        '"Polygon", "coordinates": [[[150000, 410000], [151000, 410000], '
        "[151000, 411000], [150000, 410000]]]}}]}' > buurten.geojson && "
        "wijkcheck overview --geometrie buurten.geojson --output kaart.svg"
    ),
)

ONBEKENDE_VOORWAARDE = define(
    "onbekende-voorwaarde",
    FOUT,
    Section.MAP,
    "Onbekende voorwaarde",
    "`--voorwaarde` noemt geen voorwaarde van de checklist (met suggesties)",
    stops=True,
    example=Command(
        'printf \'{"type": "FeatureCollection", "features": [{"type": "Feature",'
        ' "properties": {"buurtcode": "BU99999999"}, "geometry": {"type": '
        '"Polygon", "coordinates": [[[150000, 410000], [151000, 410000], '
        "[151000, 411000], [150000, 410000]]]}}]}' > buurten.geojson && "
        "wijkcheck overview --geometrie buurten.geojson --voorwaarde ontmoeten "
        "--output kaart.svg"
    ),
)

KAART_ALLEEN_PROBLEMEN = define(
    "kaart-alleen-problemen",
    FOUT,
    Section.MAP,
    "Kaart met --alleen-problemen",
    "een kaart toont alle wijken; `--geometrie` gaat niet samen met `--alleen-problemen`",
    stops=True,
)
