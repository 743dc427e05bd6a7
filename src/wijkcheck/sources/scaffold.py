"""Text of new data files, and a wijk added to its kern in gemeente.yaml (pure: text in, text out).

`wijkcheck new` writes a wijk file from `wijk_sjabloon` and inserts the wijk into gemeente.yaml
with `voeg_wijk_toe`; `wijkcheck init` uses `schema_header` for every file it writes. No file is
read or written here (the command does that through the shared writer).

Inserting, not re-emitting: gemeente.yaml is the user's file, with their comments, quotes, blank
lines and layout. The new name goes in at the position the parser reports for the kern's list
(after its last item), so every other byte stays as it was; the result is parsed again and must
hold exactly the old gemeente plus the new wijk (docs/ontwerp.md, "wijkcheck new").
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import textwrap
import unicodedata
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.checklist import Checklist
from wijkcheck.core.errors import Span, WijkcheckError
from wijkcheck.core.models import Richting
from wijkcheck.core.names import datum
from wijkcheck.sources.yamlsource import parse, resolve_plain

#: The folder of a data root that holds the JSON Schemas the editor reads (`wijkcheck schema
#: --gegevensmap` writes them there).
SCHEMA_MAP = "schema"
SCHEMA_SOORTEN = ("wijk", "gemeente", "checklist")
HEADER = "# yaml-language-server: $schema="

#: In YAML a name may stay unquoted unless it could be read as something else.
_NIET_VOORAAN = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_TEKENS = frozenset(",[]{}")


def schema_pad(soort: str, data_root: Path) -> Path:
    """Where the schema of `soort` lives: `<data root>/schema/<soort>.schema.json`."""
    if soort not in SCHEMA_SOORTEN:
        raise ValueError(f"unknown schema kind {soort!r}")
    return data_root / SCHEMA_MAP / f"{soort}.schema.json"


def schema_header(soort: str, file_path: Path, data_root: Path) -> str:
    """The first line of a data file (with its line break): `# yaml-language-server:
    $schema=…`, the path of the data root's schema relative to the file, with `/` on every
    system (VS Code reads it relative to the file, so the header stays right when the whole
    data folder is copied, cloned or moved)."""
    doel = os.path.abspath(schema_pad(soort, data_root))
    try:
        pad = os.path.relpath(doel, os.path.dirname(os.path.abspath(file_path)))
    except ValueError:  # another drive on Windows: no relative path exists
        return f"{HEADER}{Path(doel).as_uri()}\n"
    return f"{HEADER}{pad.replace(os.sep, '/')}\n"


def bestandsnaam(naam: str) -> str:
    """The file name of a wijk: `Reüniepark` → `reuniepark.yaml`, `Oude Haven` →
    `oude-haven.yaml` (lower case, no accents, words joined by `-`). Matches the wijk by
    name as every command does (`names.sleutel`)."""
    zonder = unicodedata.normalize("NFKD", naam.casefold())
    zonder = "".join(c for c in zonder if not unicodedata.combining(c))
    stam = re.sub(r"[\W_]+", "-", zonder).strip("-")
    if not stam:
        raise WijkcheckError.single(
            Span(""),
            f"wijknaam '{naam}' heeft geen letter of cijfer; wijkcheck kan er geen bestandsnaam "
            "van maken",
            ids.WIJKNAAM,
        )
    return f"{stam}.yaml"


def yaml_tekst(waarde: str, *, in_flow: bool = False) -> str:
    """`waarde` as a YAML scalar: as it is when YAML reads it back as that same text, else in
    double quotes (JSON's escapes are YAML's)."""
    kaal = (
        waarde
        and waarde == waarde.strip()
        and waarde[0] not in _NIET_VOORAAN
        and ": " not in waarde
        and " #" not in waarde
        and not waarde.endswith(":")
        and waarde.isprintable()
        and resolve_plain(waarde) == waarde
        and not (in_flow and _FLOW_TEKENS & set(waarde))
    )
    return waarde if kaal else json.dumps(waarde, ensure_ascii=False)


def _regel(tekst: str) -> str:
    """Text from data on one comment line: no line break can end the comment early."""
    return " ".join(tekst.split())


#: Comment lines are wrapped here (the project's own line length).
BREEDTE = 100


def _opmerking(tekst: str, inspringen: str = "") -> list[str]:
    """Comment lines for `tekst` (from data: one paragraph, never a line break of its own)."""
    return textwrap.wrap(
        _regel(tekst),
        BREEDTE,
        initial_indent=f"#{inspringen} ",
        subsequent_indent=f"#{inspringen} ",
        break_on_hyphens=False,
    )


def wijk_sjabloon(
    naam: str,
    kern: str,
    gemeente: str,
    peildatum: dt.date,
    checklist: Checklist,
    header: str,
    code: str | None = None,
) -> str:
    """A wijk file that validates as it is and holds no figure: every figure, facility and
    judgement is a commented example to fill in. Every placeholder in those examples (GETAL,
    BRON, JJJJ-MM-DD) is refused by `wijkcheck validate` until it is replaced, so nothing
    invented can pass for data. The names offered come from `checklist`."""
    r = [
        header.rstrip("\n"),
        *_opmerking(
            f"Wijk {naam} in kern {kern} (gemeente {gemeente}), aangemaakt met 'wijkcheck new' "
            f"op {datum(peildatum)}. Er staan nog geen cijfers in. Vul ze in met hun bron en "
            "peildatum: haal het #-teken voor een regel weg en vervang GETAL, BRON en "
            "JJJJ-MM-DD. Wat u weglaat, noemt de audit 'onbekend', nooit 'voldaan'. Uitleg per "
            "veld: docs/gegevens.md."
        ),
        f"naam: {yaml_tekst(naam)}",
        f"kern: {yaml_tekst(kern)}",
    ]
    if code:
        r.append(f"cbs_buurtcode: {code}")
    r += [
        "# De datum waarop dit bestand voor het laatst is bijgewerkt.",
        f"peildatum: {peildatum.isoformat()}",
        "",
        "# Het aantal inwoners, gebruikelijke bron: CBS Kerncijfers wijken en buurten",
        "# (AantalInwoners). Zonder inwoners is een norm per 1.000 inwoners 'onbekend'.",
        "# inwoners: {waarde: GETAL, bron: BRON, peildatum: JJJJ-MM-DD}",
        "",
        "# omschrijving: KORTE OMSCHRIJVING VAN DE WIJK",
        "",
        "# Voorzieningen. Weglaten betekent 'niet geteld' (de regels zijn dan onbekend); een lege",
        "# lijst [] betekent 'er zijn er geen'. Zeg bij een lijst wie de voorzieningen telde en",
        "# wanneer (inventarisatie). Met 'toegankelijk: true' of 'false' zegt u of de",
        "# voorziening toegankelijk is; laat het weg als het niet bekend is.",
        *_opmerking(f"Soorten uit de checklist: {', '.join(checklist.soorten)}."),
        "# inventarisatie: {bron: WIE TELDE, peildatum: JJJJ-MM-DD}",
        "# voorzieningen:",
        "#   - naam: NAAM",
        "#     soort: SOORT",
        "#     bron: BRON",
        "#     peildatum: JJJJ-MM-DD",
    ]
    vraag = [i for i, ind in checklist.indicatoren.items() if ind.richting is Richting.VRAAG]
    overig = [i for i in checklist.indicatoren if i not in vraag]
    for veld, namen, uitleg in (
        ("indicatoren", overig, "Indicatoren uit de checklist, elk met bron en peildatum."),
        ("ondersteuningsvraag", vraag, "De vraag naar ondersteuning, voor de vraagindex."),
    ):
        if not namen:
            continue
        r += ["", f"# {uitleg}", f"# {veld}:"]
        for i in namen:
            ind = checklist.indicatoren[i]
            eenheid = ind.eenheid if ind.eenheid.startswith("(") else f"({ind.eenheid})"
            r += _opmerking(
                f"{ind.naam} {eenheid}, gebruikelijke bron: {ind.gebruikelijke_bron}", "   #"
            )
            r.append(f"#   {i}: {{waarde: GETAL, bron: BRON, peildatum: JJJJ-MM-DD}}")
    if checklist.rollen:
        r += ["", "# De inzet van sociaal professionals in de wijk, in fte per rol."]
        r.append("# capaciteit:")
        for rol, info in checklist.rollen.items():
            r += _opmerking(info.naam, "   #")
            r.append(f"#   {rol}: {{waarde: GETAL, bron: BRON, peildatum: JJJJ-MM-DD}}")
    onderwerpen = checklist.onderwerpen()
    if onderwerpen:
        r += [
            "",
            *_opmerking(
                "Oordelen van gemeente en partners, voor wat niet in cijfers te vangen is, per "
                f"voorwaarde of item: {', '.join(onderwerpen)}."
            ),
            "# oordelen:",
            "#   ONDERWERP:",
            "#     oordeel: OORDEEL    # voldaan of niet voldaan",
            "#     motivering: WAAROM",
            "#     auteur: WIE (functie)",
            "#     datum: JJJJ-MM-DD",
        ]
    return "\n".join(r) + "\n"


def voeg_wijk_toe(tekst: str, pad: str, kern: str, naam: str) -> str:
    """gemeente.yaml (`tekst`, shown as `pad`) with `naam` added at the end of the wijken of
    `kern`, every other character unchanged: `Drunen: [A, B]` becomes `Drunen: [A, B, naam]`,
    a block list gets a line `- naam` after its last item (before a comment that follows it).
    Raises `WijkcheckError` when the list has a shape that cannot take a line safely."""
    doc = parse(tekst, pad)
    lijst = _lijst_van(doc.root, kern, pad)
    if lijst.flow_style:
        if lijst.value:
            plek = lijst.value[-1].end_mark.index
            invoeging = ", " + yaml_tekst(naam, in_flow=True)
        else:
            plek = lijst.start_mark.index + 1  # just after `[`
            invoeging = yaml_tekst(naam, in_flow=True)
        return tekst[:plek] + invoeging + tekst[plek:]
    laatste = lijst.value[-1]
    if not isinstance(laatste, ScalarNode) or laatste.style in ("|", ">"):
        raise _niet_veilig(pad, kern, naam, laatste.start_mark.line + 1)
    begin = tekst.rfind("\n", 0, laatste.start_mark.index) + 1
    voorvoegsel = tekst[begin : laatste.start_mark.index]  # `    - ` of the last item
    if not re.fullmatch(r"[ ]*-[ ]+", voorvoegsel):
        voorvoegsel = " " * lijst.start_mark.column + "- "
    einde = tekst.find("\n", laatste.end_mark.index)
    if einde < 0:  # the last line has no line break
        return f"{tekst}\n{voorvoegsel}{yaml_tekst(naam)}\n"
    regeleinde = "\r\n" if tekst[einde - 1 : einde] == "\r" else "\n"
    plek = einde + 1
    return f"{tekst[:plek]}{voorvoegsel}{yaml_tekst(naam)}{regeleinde}{tekst[plek:]}"


def _lijst_van(root: object, kern: str, pad: str) -> SequenceNode:
    """The node of the wijken of `kern` under `kernen`."""
    if isinstance(root, MappingNode):
        for sleutel_, waarde in root.value:
            if sleutel_.value == "kernen" and isinstance(waarde, MappingNode):
                for k, lijst in waarde.value:
                    if k.value == kern and isinstance(lijst, SequenceNode):
                        return lijst
    raise WijkcheckError.single(
        Span(pad), f"kern '{kern}' staat niet als lijst onder 'kernen'", ids.ONBEKENDE_KERN
    )


def _niet_veilig(pad: str, kern: str, naam: str, regel: int) -> WijkcheckError:
    return WijkcheckError.single(
        Span(pad, regel, 1),
        f"kan wijk '{naam}' niet veilig aan kern '{kern}' toevoegen: de laatste wijk van de "
        f"kern is geen gewone tekst; zet '- {naam}' zelf onder de kern en draai "
        "'wijkcheck new' opnieuw zonder de wijk te dubbelen, of schrijf de lijst als [A, B]",
        ids.GEMEENTE_AANVULLEN,
    )
