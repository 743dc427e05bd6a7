"""Data files from CBS figures: the files of a new gemeente (`wijkcheck init`) and the yearly
refresh of existing files (`wijkcheck import-cbs`).

Pure functions, text in and text out: the command decides where files go and writes them
through the shared writer. A refresh edits the document through ruamel.yaml's round-trip mode,
so comments, key order, quotes and layout stay as the user wrote them, and it then checks that
no line outside the figures it changed differs from the original (`_alleen_cijfers`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Span, WijkcheckError
from wijkcheck.core.names import sleutel
from wijkcheck.sources.cbs import (
    PLAATS,
    CbsBestand,
    CbsCijfer,
    RegioCijfers,
    soort,
    wijkcode,
)

Niveau = Literal["buurt", "wijk"]
#: A figure's place in a file: (section, id), section None for a top-level figure (`inwoners`).
Plek = tuple[str | None, str]
_WIJK_PREFIX = re.compile(r"^wijk\s+\d+\s+", re.IGNORECASE)
_NIET_ASCII = re.compile(r"[^a-z0-9]+")
_NIET_ALFANUMERIEK = re.compile(r"[\W_]+")


def _ascii(naam: str) -> str:
    decomposed = unicodedata.normalize("NFKD", naam.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def bestandsnaam(naam: str) -> str:
    """`Reüniepark` → `reuniepark`, `Noord/Zuid` → `noord-zuid`: a file name whose `sleutel`
    is the name's, as `wijkcheck validate` expects of a wijk file."""
    return _NIET_ALFANUMERIEK.sub("-", _ascii(naam)).strip("-")


def checklist_id(naam: str) -> str:
    """An id as a checklist needs it (`^[a-z0-9][a-z0-9_-]*$`): `Grensdaal-Ëik` gives
    `grensdaal-eik`."""
    return _NIET_ASCII.sub("-", _ascii(naam)).strip("-")


#: What `wijkcheck validate` refuses in a name (`onveilige-naam`, `onzichtbaar-teken`): a path
#: separator, a control, bidi or zero-width character.
_PADTEKEN = re.compile("[/\\\\]")
_ONZICHTBAAR = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
#: The longest name a wijk or kern may have (models.MAX_NAAM).
MAX_NAAM = 120


def veilige_naam(naam: str) -> str:
    """A CBS name as a valid wijkcheck name: `Noord/Zuid` → `Noord-Zuid`, no invisible
    characters, no leading dot, at most 120 characters."""
    naam = _ONZICHTBAAR.sub("", _PADTEKEN.sub("-", naam))
    naam = " ".join(naam.split()).lstrip(". ")
    return naam[:MAX_NAAM].rstrip()


def _q(tekst: str) -> str:
    # JSON's string escapes are YAML's double-quoted ones: any name is safe in quotes.
    return json.dumps(tekst, ensure_ascii=False)


def _getal(waarde: float) -> str:
    return str(int(waarde)) if float(waarde).is_integer() else repr(float(waarde))


def cijfer_yaml(c: CbsCijfer) -> str:
    """A figure in the short form of the bundled files: one flow mapping on one line."""
    geschat = ", geschat: true" if c.geschat else ""
    return (
        f"{{waarde: {_getal(c.waarde)}, bron: {_q(c.bron)}, peildatum: {c.peildatum.isoformat()}"
        f"{geschat}, toelichting: {_q(c.toelichting)}}}"
    )


# -- a new gemeente -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WijkOpzet:
    naam: str
    kern: str
    regio: RegioCijfers
    bestand: str


@dataclass(slots=True)
class Opzet:
    """What `wijkcheck init` writes: the gemeente's folder name, its files and its checklist."""

    map: str
    checklist_id: str
    bestanden: dict[str, str]
    checklist: str
    kernen: dict[str, list[WijkOpzet]]
    overgeslagen: list[str] = field(default_factory=list)
    hernoemd: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Catalogus:
    """What the regional checklist offers a wijk file: indicator and role ids with names."""

    basis: str
    indicatoren: Mapping[str, str]
    rollen: Mapping[str, str]
    #: conditions and items whose rule asks for a recorded judgement
    met_oordeel: Sequence[str] = ()


def nieuwe_gemeente(
    regios: Sequence[RegioCijfers],
    gm: str,
    gemeentenaam: str,
    niveau: Niveau,
    bestanden: Sequence[CbsBestand],
    catalogus: Catalogus,
    vandaag: dt.date,
) -> Opzet:
    """The files of a gemeente from its CBS regions (its own row, wijken and buurten)."""
    eigen = next((r for r in regios if r.code == gm), None)
    cbs_wijken = {r.code: r for r in regios if soort(r.code) == "wijk"}
    overgeslagen: list[str] = []
    hernoemd: list[str] = []
    kernen: dict[str, list[tuple[str, RegioCijfers]]] = {}
    kern_codes: dict[str, str] = {}
    if niveau == "buurt":
        kern_naam = _kernnamen(cbs_wijken, hernoemd)
        for r in regios:
            if soort(r.code) != "buurt":
                continue
            wk = wijkcode(r.code)
            kern = kern_naam.get(wk) or f"CBS-wijk {wk}"
            kern_codes[kern] = wk
            kernen.setdefault(kern, []).append((_naam(r, "Buurt", hernoemd), r))
    else:
        # "Wijk 01 Drunen" is wijk Drunen, as it would be kern Drunen above
        kern = veilige_naam(gemeentenaam) or gm
        wijk_naam = _kernnamen(cbs_wijken, hernoemd)
        for code, r in cbs_wijken.items():
            kernen.setdefault(kern, []).append((wijk_naam[code], r))
    opzet_kernen: dict[str, list[WijkOpzet]] = {}
    namen = _unieke_wijknamen(kernen, hernoemd)
    for kern, regio_leden in kernen.items():
        for _, r in regio_leden:
            if "inwoners" not in r.cijfers:
                overgeslagen.append(
                    f"{r.naam or r.code} ({r.code}): CBS geeft geen inwonertal (vaak een "
                    "bedrijventerrein of buitengebied); is het wel een wijk, voeg haar dan toe "
                    "met 'wijkcheck new'"
                )
                continue
            definitief = namen[r.code]
            opzet_kernen.setdefault(kern, []).append(
                WijkOpzet(definitief, kern, r, bestandsnaam(definitief) + ".yaml")
            )
    if not opzet_kernen:
        raise WijkcheckError.single(
            Span(""),
            f"gemeente {gemeentenaam} ({gm}) heeft in de CBS-bestanden geen "
            f"{'buurten' if niveau == 'buurt' else 'wijken'} met een inwonertal; kies "
            "Kerncijfers wijken en buurten (met AantalInwoners) "
            f"{'of --niveau wijk' if niveau == 'buurt' else 'of --niveau buurt'}",
            ids.CBS_GEEN_WIJKEN,
        )
    cid = checklist_id(gemeentenaam) or f"gemeente-{gm[2:]}"
    bronnen = _bronnen(bestanden)
    uit: dict[str, str] = {}
    for leden in opzet_kernen.values():
        for w in leden:
            uit[w.bestand] = _wijkbestand(w, niveau, gemeentenaam, bronnen, catalogus)
    uit["gemeente.yaml"] = _gemeentebestand(
        gemeentenaam,
        gm,
        eigen,
        cid,
        opzet_kernen,
        kern_codes,
        niveau,
        bronnen,
        overgeslagen,
        vandaag,
    )
    return Opzet(
        cid,
        cid,
        uit,
        _checklist(cid, gemeentenaam, catalogus.basis, vandaag),
        opzet_kernen,
        overgeslagen,
        hernoemd,
    )


def _naam(r: RegioCijfers, soort_: str, hernoemd: list[str]) -> str:
    if not r.naam:
        return f"{soort_} {r.code}"
    naam = veilige_naam(r.naam) or f"{soort_} {r.code}"
    if naam != r.naam:
        hernoemd.append(
            f"{r.naam} ({r.code}) heet '{naam}': een naam mag geen '/' of '\\' bevatten"
        )
    return naam


def _kernnamen(cbs_wijken: Mapping[str, RegioCijfers], hernoemd: list[str]) -> dict[str, str]:
    """A CBS wijk as a kern: "Wijk 01 Drunen" → "Drunen"; where two would be one name, the
    CBS names stay (and then their codes), so every kern has a name of its own."""
    volledig = {
        code: veilige_naam(r.naam or "") or f"CBS-wijk {code}" for code, r in cbs_wijken.items()
    }
    kort = {code: _WIJK_PREFIX.sub("", naam).strip() or naam for code, naam in volledig.items()}
    tel: dict[str, int] = {}
    for naam in kort.values():
        tel[sleutel(naam)] = tel.get(sleutel(naam), 0) + 1
    uit: dict[str, str] = {}
    gezien: set[str] = set()
    for code, naam in kort.items():
        if tel[sleutel(naam)] > 1 or not sleutel(naam):
            naam = volledig[code]
        if sleutel(naam) in gezien or not sleutel(naam):
            naam = f"{naam} ({code})"
        gezien.add(sleutel(naam))
        uit[code] = naam
    return uit


def _unieke_wijknamen(
    kernen: Mapping[str, list[tuple[str, RegioCijfers]]], hernoemd: list[str]
) -> dict[str, str]:
    """Wijk names unique within the gemeente (by `sleutel`) and with a file name of their own:
    a duplicate gets its kern ("Centrum (Drunen)"), then its code; a name whose file would be
    gemeente.yaml, or that has no letter or digit, gets the same treatment."""
    alle = [(naam, kern, r) for kern, leden in kernen.items() for naam, r in leden]
    tel: dict[str, int] = {}
    for naam, _, _ in alle:
        tel[sleutel(naam)] = tel.get(sleutel(naam), 0) + 1

    def ongeldig(naam: str) -> bool:
        return not sleutel(naam) or bestandsnaam(naam) == "gemeente"

    uit: dict[str, str] = {}
    gezien: set[str] = set()
    for naam, kern, r in alle:
        nieuw = naam
        if tel[sleutel(naam)] > 1 or ongeldig(naam):
            nieuw = f"{naam} ({kern})"
        if sleutel(nieuw) in gezien or ongeldig(nieuw):
            nieuw = f"{naam} ({r.code})"
        if nieuw != naam:
            hernoemd.append(
                f"{naam} ({r.code}) heet '{nieuw}': de naam komt vaker voor of past niet als "
                "bestandsnaam"
            )
        gezien.add(sleutel(nieuw))
        uit[r.code] = nieuw
    return uit


def _bronnen(bestanden: Sequence[CbsBestand]) -> list[str]:
    return [f"CBS {b.tabel}  {b.titel}" for b in bestanden]


def figuren(r: RegioCijfers, toegestaan: Iterable[str]) -> dict[Plek, CbsCijfer]:
    """The figures of a region that have a place in a wijk file whose checklist knows them."""
    ids = set(toegestaan) | {"inwoners"}
    return {PLAATS[w]: c for w, c in r.cijfers.items() if w in PLAATS and PLAATS[w][1] in ids}


def _wijkbestand(
    w: WijkOpzet, niveau: Niveau, gemeente: str, bronnen: list[str], cat: Catalogus
) -> str:
    r = w.regio
    code_regel = f"cbs_buurtcode: {r.code}" if niveau == "buurt" else f"cbs_wijkcode: {r.code}"
    plaats = (
        f"CBS-buurt {r.code} in CBS-wijk {wijkcode(r.code)}"
        if niveau == "buurt"
        else f"CBS-wijk {r.code}"
    )
    cijfers = figuren(r, cat.indicatoren)
    van_cbs = {plek[1] for plek in cijfers}
    overig = [i for i in cat.indicatoren if i not in van_cbs]
    regels = [
        f"# {w.naam}, kern {w.kern} ({plaats}), gemeente {gemeente}.",
        "# Gemaakt door `wijkcheck init` uit:",
        *(f"#   {b}" for b in bronnen),
        "# Cijfers met een bron 'CBS …' werkt `wijkcheck import-cbs` bij; andere niet.",
        "#",
        "# CBS weet niet welke voorzieningen er zijn, hoeveel professionals er werken en hoe",
        "# bewoners hun wijk ervaren. Tot u dat invult, zegt de audit daarover 'onbekend'",
        "# (hoe: docs/gegevens.md):",
        "# - voorzieningen: een lijst met naam, soort, bron en peildatum, en een inventarisatie",
        "#   (wie ze telde en wanneer); `voorzieningen: []` betekent 'er zijn er geen';",
        *_lijst(
            "# - indicatoren uit andere bronnen (GGD, Veiligheidsmonitor, eigen onderzoek): ",
            overig,
        ),
        *_lijst("# - capaciteit in fte per rol: ", list(cat.rollen)),
        *_lijst("# - oordelen (met motivering, auteur en datum) over: ", list(cat.met_oordeel)),
        f"naam: {_q(w.naam)}",
        f"kern: {_q(w.kern)}",
        code_regel,
        f"peildatum: {cijfers[(None, 'inwoners')].peildatum.isoformat()}",
        f"inwoners: {cijfer_yaml(cijfers[(None, 'inwoners')])}",
    ]
    for sectie in ("indicatoren", "ondersteuningsvraag"):
        leden = sorted(
            ((i, c) for (s, i), c in cijfers.items() if s == sectie), key=lambda ic: ic[0]
        )
        if leden:
            regels += ["", f"{sectie}:", *(f"  {i}: {cijfer_yaml(c)}" for i, c in leden)]
    return "\n".join(regels) + "\n"


def _lijst(begin: str, namen: Sequence[str], breedte: int = 96) -> list[str]:
    """A comment line with a list of ids, wrapped; nothing when the list is empty."""
    if not namen:
        return []
    regels, regel = [], begin
    for i, naam in enumerate(namen):
        stuk = naam + (", " if i < len(namen) - 1 else ";")
        if len(regel) + len(stuk) > breedte and regel.strip("# -"):
            regels.append(regel.rstrip())
            regel = "#   "
        regel += stuk
    return [*regels, regel]


def _gemeentebestand(
    naam: str,
    gm: str,
    eigen: RegioCijfers | None,
    cid: str,
    kernen: Mapping[str, list[WijkOpzet]],
    kern_codes: Mapping[str, str],
    niveau: Niveau,
    bronnen: list[str],
    overgeslagen: list[str],
    vandaag: dt.date,
) -> str:
    indeling = (
        "Een kern is een CBS-wijk, een wijk een CBS-buurt (haar code staat in het wijkbestand)."
        if niveau == "buurt"
        else "Een wijk is een CBS-wijk (haar code staat in het wijkbestand). CBS kent geen\n"
        "# kernen: alle wijken staan in één kern; verdeel ze over de kernen van de gemeente."
    )
    regels = [
        f"# Gemeente {naam} ({gm}): kernen en wijken volgens de indeling van CBS.",
        f"# Gemaakt door `wijkcheck init` op {vandaag.isoformat()} uit:",
        *(f"#   {b}" for b in bronnen),
        f"# {indeling}",
        "# Heten kernen of wijken bij de gemeente anders, pas de naam dan hier én in het",
        "# wijkbestand aan (naam, kern); de CBS-code in het wijkbestand houdt de koppeling.",
        "#",
        "# Nog in te vullen (CBS weet dit niet; tot dan zegt de audit 'onbekend'):",
        "# - voorzieningen van de hele gemeente of van één kern (met `kern:`), met hun",
        "#   inventarisatie: wie telde ze en wanneer (docs/gegevens.md);",
        f"# - de eigen checklist checklists/{cid}.yaml: de voorwaarden en normen van de gemeente.",
        f"naam: {_q(naam)}",
        f"cbs_code: {gm}",
    ]
    if eigen is not None and "inwoners" in eigen.cijfers:
        regels.append(f"inwoners: {cijfer_yaml(eigen.cijfers['inwoners'])}")
    regels += [f"checklist: {cid}", "", "kernen:"]
    for kern, leden in kernen.items():
        if kern in kern_codes:
            regels.append(f"  # {kern}: CBS-wijk {kern_codes[kern]}")
        regels.append(f"  {_q(kern)}: [{', '.join(_q(w.naam) for w in leden)}]")
    if overgeslagen:
        regels += ["", "# Niet opgenomen:", *(f"# - {o}" for o in overgeslagen)]
    if eigen is not None and "wmo-clienten" in eigen.cijfers:
        regels += [
            "",
            "# Het gemeentelijk gemiddelde van de Wmo-vraag, voor regels met een vraagindex.",
            "referentie:",
            f"  wmo-clienten: {cijfer_yaml(eigen.cijfers['wmo-clienten'])}",
        ]
    return "\n".join(regels) + "\n"


def _checklist(cid: str, gemeente: str, basis: str, vandaag: dt.date) -> str:
    toelichting = (
        "gemaakt door wijkcheck init uit CBS-cijfers; de gemeente heeft deze checklist niet "
        "opgesteld of vastgesteld"
    )
    uitgever = (
        f"wijkcheck init, als startpunt voor gemeente {gemeente}; niet vastgesteld door de gemeente"
    )
    return f"""# Checklist van gemeente {gemeente}: CONCEPT, gemaakt door `wijkcheck init`
# op {vandaag.isoformat()}.
#
# Deze laag bouwt voort op de regionale checklist `{basis}` (zelf een concept) en voegt
# er nog niets aan toe. Niemand heeft hem opgesteld of vastgesteld. Vul aan wat de gemeente
# vastlegt (docs/nieuwe-gemeente.md): eigen voorwaarden met hun beleidsbron (`voorwaarden:`),
# eigen items (`items:`), andere drempels (`normen:`, met waarop ze rusten), en zet `status`
# op vastgesteld (met door, datum en besluit) zodra het college of de raad dat doet.
id: {cid}
naam: {_q(f"Checklist sociale basis gemeente {gemeente}")}
versie: "{vandaag.year}.1"
uitgever: {_q(uitgever)}
niveau: gemeentelijk
status:
  status: concept
  toelichting: {_q(toelichting)}
extends: {basis}
"""


# -- refreshing existing files ------------------------------------------------------------------


@dataclass(slots=True)
class Bijwerking:
    """The new text of one file and what changed in it, in words."""

    tekst: str
    gewijzigd: list[str] = field(default_factory=list)
    toegevoegd: list[str] = field(default_factory=list)
    overgeslagen: list[str] = field(default_factory=list)

    @property
    def veranderd(self) -> bool:
        return bool(self.gewijzigd or self.toegevoegd)


class OpmaakFout(Exception):
    """ruamel.yaml could not write the file back without changing lines it should not touch."""


def _ruamel() -> Any:
    from ruamel.yaml import YAML

    return YAML


# Indentation styles tried, as (mapping, sequence, offset) for ruamel: the bundled files' style
# (`voorzieningen:` / `  - naam:`) first, then the other common ones.
_INSPRINGINGEN = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (3, 3, 0))


def _laad(tekst: str) -> tuple[Any, Any]:
    """The document in ruamel's round-trip form, with a YAML instance that writes it back byte
    for byte; `OpmaakFout` when none of the known styles does."""
    yaml_cls = _ruamel()
    for mapping, sequence, offset in _INSPRINGINGEN:
        y = yaml_cls(typ="rt")
        y.preserve_quotes = True
        y.width = 1_000_000  # never fold a long line the user wrote on one
        y.indent(mapping=mapping, sequence=sequence, offset=offset)
        data = y.load(tekst)
        if _dump(y, data) == tekst:
            return y, data
    raise OpmaakFout("de opmaak van het bestand kan niet ongewijzigd worden teruggeschreven")


def _dump(y: Any, data: Any) -> str:
    uit = io.StringIO()
    y.dump(data, uit)
    return uit.getvalue()


def is_cbs(bron: object) -> bool:
    return isinstance(bron, str) and bron.strip().casefold().startswith("cbs")


def werk_bij(
    tekst: str, cijfers: Mapping[Plek, CbsCijfer], toegestaan: Iterable[str], force: bool
) -> Bijwerking:
    """`tekst` with the figures of `cijfers` updated (or added), everything else unchanged.

    A figure whose bron is not CBS, or that is newer than the CBS figure, stays unless
    `force`. Ids not in `toegestaan` (the checklist's indicators) are not added.
    Raises `OpmaakFout` when that cannot be done without touching other lines.
    """
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import ScalarString

    y, doc = _laad(tekst)
    uit = Bijwerking(tekst)
    if not isinstance(doc, CommentedMap):
        raise OpmaakFout("het bestand is geen mapping")
    toegestaan = set(toegestaan) | {"inwoners", "wmo-clienten"}
    geraakt: list[range] = []  # the lines of every figure changed in place
    for (sectie, key), nieuw in sorted(cijfers.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        if key not in toegestaan:
            continue
        naam = key if sectie is None else f"{sectie}.{key}"
        ouder = doc if sectie is None else doc.get(sectie)
        if sectie is not None and ouder is None:
            doc[sectie] = CommentedMap()
            ouder = doc[sectie]
            _verplaats_staart(doc, sectie)
        if not isinstance(ouder, CommentedMap):
            uit.overgeslagen.append(f"{naam}: '{sectie}' is geen mapping; niet bijgewerkt")
            continue
        oud = ouder.get(key)
        if oud is None:
            ouder[key] = _flow(nieuw)
            _verplaats_staart(ouder, key)
            uit.toegevoegd.append(f"{naam}: {_getal(nieuw.waarde)} ({nieuw.bron})")
            continue
        if not isinstance(oud, CommentedMap):
            uit.overgeslagen.append(f"{naam}: geen cijfer met bron en peildatum; niet bijgewerkt")
            continue
        bron, peil = oud.get("bron"), oud.get("peildatum")
        if not is_cbs(bron) and not force:
            uit.overgeslagen.append(
                f"{naam}: bron is '{bron}', niet CBS; blijft staan (overschrijven met --force)"
            )
            continue
        if isinstance(peil, dt.date) and peil > nieuw.peildatum and not force:
            uit.overgeslagen.append(
                f"{naam}: het cijfer in het bestand ({peil.isoformat()}) is nieuwer dan "
                f"{nieuw.bron} ({nieuw.peildatum.isoformat()}); blijft staan"
            )
            continue
        if (
            oud.get("waarde") == nieuw.waarde
            and bron == nieuw.bron
            and peil == nieuw.peildatum
            and bool(oud.get("geschat", False)) == nieuw.geschat
        ):
            continue
        was = oud.get("waarde")
        geraakt.append(_regels_van(ouder, key))
        _zet(oud, "waarde", int(nieuw.waarde) if float(nieuw.waarde).is_integer() else nieuw.waarde)
        _zet(oud, "bron", _zelfde_stijl(bron, nieuw.bron, ScalarString))
        _zet(oud, "peildatum", nieuw.peildatum)
        if nieuw.geschat or "geschat" in oud:
            _zet(oud, "geschat", nieuw.geschat)
        _zet(
            oud,
            "toelichting",
            _zelfde_stijl(oud.get("toelichting"), nieuw.toelichting, ScalarString),
        )
        uit.gewijzigd.append(
            f"{naam}: {_getal(was) if isinstance(was, int | float) else was} → "
            f"{_getal(nieuw.waarde)} ({bron} → {nieuw.bron})"
        )
    if not uit.veranderd:
        return uit
    uit.tekst = _dump(y, doc)
    _alleen_cijfers(tekst, uit.tekst, geraakt)
    return uit


def _flow(c: CbsCijfer) -> Any:
    from ruamel.yaml.comments import CommentedMap

    velden: list[tuple[str, Any]] = [
        ("waarde", int(c.waarde) if float(c.waarde).is_integer() else c.waarde),
        ("bron", c.bron),
        ("peildatum", c.peildatum),
    ]
    if c.geschat:
        velden.append(("geschat", True))
    velden.append(("toelichting", c.toelichting))
    m = CommentedMap(velden)
    m.fa.set_flow_style()
    return m


def _zet(m: Any, key: str, waarde: Any) -> None:
    if key in m:
        m[key] = waarde
    else:
        m.insert(len(m), key, waarde)


def _zelfde_stijl(oud: object, nieuw: str, scalar_string: type) -> Any:
    """A new text in the quotes the old one had (`"CBS 85984NED"` stays in double quotes)."""
    stijl: Any = type(oud)
    return stijl(nieuw) if isinstance(oud, scalar_string) else nieuw


def _verplaats_staart(m: Any, nieuw: str) -> None:
    """ruamel keeps the blank lines and comments after a mapping's last entry with that entry;
    an entry appended after it would end up below them (below the comment that introduces the
    next section). Move them to the new last entry."""
    sleutels = list(m)
    if len(sleutels) < 2:
        return
    vorige = sleutels[-2]
    staart = m.ca.items.get(vorige)
    if staart is not None and len(staart) > 2 and staart[2] is not None:
        m.ca.items.setdefault(nieuw, [None, None, None, None])[2] = staart[2]
        staart[2] = None
    elif isinstance(m[vorige], dict) and not getattr(m[vorige].fa, "_flow_style", False):
        binnen = list(m[vorige])
        if binnen:
            laatste = m[vorige].ca.items.get(binnen[-1])
            if laatste is not None and len(laatste) > 2 and laatste[2] is not None:
                m.ca.items.setdefault(nieuw, [None, None, None, None])[2] = laatste[2]
                laatste[2] = None


def _regels_van(ouder: Any, key: str) -> range:
    """The lines (0-based) of the figure under `key`, up to the next key of its mapping."""
    sleutels = list(ouder)
    begin = ouder.lc.key(key)[0]
    i = sleutels.index(key)
    if i + 1 < len(sleutels):
        return range(begin, ouder.lc.key(sleutels[i + 1])[0])
    fig = ouder[key]
    regels = [begin, *(fig.lc.key(k)[0] for k in fig), *(fig.lc.value(k)[0] for k in fig)]
    return range(begin, max(regels) + 1)


def _alleen_cijfers(oud: str, nieuw: str, geraakt: Sequence[range]) -> None:
    """Every line that differs between `oud` and `nieuw` is a line of a figure that changed, or
    a line added; otherwise `OpmaakFout` (nothing is written)."""
    mag = {i for r in geraakt for i in r}
    a, b = oud.splitlines(keepends=True), nieuw.splitlines(keepends=True)
    for op, i1, i2, _, _ in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "delete") and not all(i in mag for i in range(i1, i2)):
            raise OpmaakFout(
                f"regel {i1 + 1} zou veranderen, maar is geen cijfer dat wijkcheck bijwerkt"
            )


def verschil(oud: str, nieuw: str, pad: str) -> str:
    """A unified diff of one file, as `git diff` shows it."""
    return "".join(
        difflib.unified_diff(
            oud.splitlines(keepends=True),
            nieuw.splitlines(keepends=True),
            f"a/{pad}",
            f"b/{pad}",
        )
    )
