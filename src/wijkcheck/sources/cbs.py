"""CBS open data as CBS hands it out: the StatLine CSV and the OData JSON of the tables
*Kerncijfers wijken en buurten* and *Nabijheid voorzieningen* (docs/cbs.md).

Reading only: bytes in, regions with their figures out. Which figure becomes which wijkcheck
figure (and with which bron and peildatum) is decided here too, because it is knowledge about
the CBS tables; writing YAML is `sources.cbs_files`.

Columns are matched on the name before CBS's numeric suffix (`AantalInwoners_5` and
`AantalInwoners_6` are the same column in two years), never on the suffix.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Finding, FindingId, Span, WijkcheckError
from wijkcheck.core.names import bedoelde_u, sleutel

KERNCIJFERS = "Kerncijfers wijken en buurten"
NABIJHEID = "Nabijheid voorzieningen"

#: The tables wijkcheck knows by id: which publication and which year (docs/cbs.md). Another
#: table of the same shape works too when the file states its period (or `--tabel` names a
#: known one).
BEKENDE_TABELLEN: dict[str, tuple[str, int]] = {
    "84799NED": (KERNCIJFERS, 2020),
    "85039NED": (KERNCIJFERS, 2021),
    "85318NED": (KERNCIJFERS, 2022),
    "85618NED": (KERNCIJFERS, 2023),
    "85984NED": (KERNCIJFERS, 2024),
    "86165NED": (KERNCIJFERS, 2025),
    "84953NED": (NABIJHEID, 2020),
    "85231NED": (NABIJHEID, 2021),
    "85560NED": (NABIJHEID, 2022),
    "85830NED": (NABIJHEID, 2023),
}

#: Largest CBS file read: the whole country's Kerncijfers is some tens of MB.
MAX_BYTES = 256 * 1024 * 1024
_TABEL_ID = re.compile(r"(?<![0-9A-Za-z])(\d{5}[A-Z]{3})(?![0-9A-Za-z])")
_CODE = re.compile(r"^(NL\d{2}|GM\d{4}|WK\d{6}|BU\d{8})$")
_SUFFIX = re.compile(r"_\d+$")
_JAAR = re.compile(r"(19|20)\d{2}")


@dataclass(frozen=True, slots=True)
class Maat:
    """A CBS column wijkcheck reads, by the name before its suffix."""

    stam: str
    wat: str
    #: CBS states this figure on 1 January of the table's year (population counts); other
    #: figures refer to a period CBS describes per table, so their peildatum is an estimate.
    per_1_januari: bool = False


MATEN: dict[str, Maat] = {
    "inwoners": Maat("AantalInwoners", "aantal inwoners", per_1_januari=True),
    "inwoners-65-plus": Maat(
        "k_65JaarOfOuder", "inwoners van 65 jaar of ouder", per_1_januari=True
    ),
    "laag-inkomen": Maat("HuishoudensMetEenLaagInkomen", "huishoudens met een laag inkomen (%)"),
    "wmo-clienten": Maat("WmoClientenRelatief", "Wmo-cliënten per 1.000 inwoners"),
    "afstand-huisarts": Maat("AfstandTotHuisartsenpraktijk", "afstand tot huisartsenpraktijk (km)"),
    "afstand-apotheek": Maat("AfstandTotApotheek", "afstand tot apotheek (km)"),
    "afstand-supermarkt": Maat("AfstandTotGroteSupermarkt", "afstand tot grote supermarkt (km)"),
}

#: Where each figure goes in a wijk file: (section, indicator id) with section None for the
#: top-level `inwoners`. The ids are those of the regional checklist's catalogue.
PLAATS: dict[str, tuple[str | None, str]] = {
    "inwoners": (None, "inwoners"),
    "aandeel-65-plus": ("indicatoren", "aandeel-65-plus"),
    "laag-inkomen": ("indicatoren", "laag-inkomen"),
    "afstand-huisarts": ("indicatoren", "afstand-huisarts"),
    "afstand-apotheek": ("indicatoren", "afstand-apotheek"),
    "afstand-supermarkt": ("indicatoren", "afstand-supermarkt"),
    "wmo-clienten": ("ondersteuningsvraag", "wmo-clienten"),
}

# Columns that say which region a row is about.
_REGIO = ("WijkenEnBuurten", "RegioS")
_CODERING, _SOORT, _GEMEENTENAAM, _PERIODEN = "Codering", "SoortRegio", "Gemeentenaam", "Perioden"
#: What CBS writes for a figure it does not publish (unknown, secret, not applicable).
_ONTBREEKT = frozenset({"", ".", "x", "-", "?"})


def _fout(span: Span, bericht: str, id: FindingId = ids.CBS_BESTAND) -> WijkcheckError:
    return WijkcheckError.single(span, bericht, id)


def soort(code: str) -> str:
    """`BU07970104` → `buurt`; the level of a CBS region code."""
    return {"NL": "land", "GM": "gemeente", "WK": "wijk", "BU": "buurt"}[code[:2]]


def gemeentecode(code: str) -> str | None:
    """The gemeente a wijk or buurt code belongs to: `BU07970104` → `GM0797`."""
    return f"GM{code[2:6]}" if code[:2] in ("GM", "WK", "BU") else None


def wijkcode(buurtcode: str) -> str:
    """`BU07970104` → `WK079701`."""
    return f"WK{buurtcode[2:8]}"


@dataclass(frozen=True, slots=True)
class Regio:
    """One row of a CBS file: a region (land, gemeente, wijk, buurt) and its figures."""

    code: str
    naam: str | None
    gemeentenaam: str | None
    waarden: dict[str, float]
    plek: Span


@dataclass(frozen=True, slots=True)
class CbsBestand:
    """One CBS file, read: its table, period, the columns found and the regions by code."""

    pad: str
    tabel: str
    titel: str
    jaar: int
    kolommen: dict[str, str]
    regios: dict[str, Regio]


@dataclass(frozen=True, slots=True)
class CbsCijfer:
    """A CBS figure as wijkcheck writes it: value, table, peildatum and what it is."""

    waarde: float
    tabel: str
    peildatum: dt.date
    geschat: bool
    toelichting: str

    @property
    def bron(self) -> str:
        return f"CBS {self.tabel}"


@dataclass(slots=True)
class RegioCijfers:
    """A region with its figures from all files (`combineer`)."""

    code: str
    naam: str | None = None
    gemeentenaam: str | None = None
    cijfers: dict[str, CbsCijfer] = field(default_factory=dict)


# -- reading ------------------------------------------------------------------------------------


def lees(pad: Path, tabel: str | None = None, shown: str | None = None) -> CbsBestand:
    """A CBS file (CSV or OData JSON) or a folder that `cbsodata.download_data` wrote.
    `tabel`: the table id when the file does not state it."""
    shown = shown or str(pad)
    if pad.is_dir():
        return _lees_map(pad, tabel, shown)
    tekst = _tekst(pad, shown)
    if tekst.lstrip()[:1] in ("{", "["):
        return _uit_json(_json(tekst, shown), shown, tabel, pad.name)
    return _uit_csv(tekst, shown, tabel, pad.name)


def _tekst(pad: Path, shown: str) -> str:
    try:
        with pad.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        bericht = f"kan bestand niet lezen: {exc.strerror}"
        raise _fout(Span(shown), bericht, ids.BESTAND_ONLEESBAAR) from None
    if len(raw) > MAX_BYTES:
        raise _fout(
            Span(shown), f"bestand is groter dan {MAX_BYTES // 2**20} MiB", ids.BESTAND_TE_GROOT
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fout(
            Span(shown, 1, 1), "bestand is UTF-16 gecodeerd; sla het op als UTF-8", ids.CODERING
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older StatLine downloads and files saved by Excel are Windows-1252.
        return raw.decode("cp1252", errors="replace")


def _json(tekst: str, shown: str) -> Any:
    try:
        return json.loads(tekst)
    except json.JSONDecodeError as exc:
        raise _fout(Span(shown, exc.lineno, exc.colno), f"ongeldige JSON: {exc.msg}") from None
    except RecursionError:
        raise _fout(Span(shown, 1, 1), "JSON is te diep genest") from None


def _lees_map(map_: Path, tabel: str | None, shown: str) -> CbsBestand:
    """The folder `cbsodata.download_data(id, dir=...)` writes: one JSON file per endpoint."""
    delen: dict[str, Any] = {}
    for naam in ("TypedDataSet", "UntypedDataSet", "DataProperties", "TableInfos", *_REGIO):
        bestand = map_ / f"{naam}.json"
        if bestand.is_file():
            delen[naam] = _json(
                _tekst(bestand, f"{shown}/{bestand.name}"), f"{shown}/{bestand.name}"
            )
    if "TypedDataSet" not in delen and "UntypedDataSet" not in delen:
        gevonden = ", ".join(sorted(p.name for p in map_.iterdir())[:20]) or "niets"
        raise _fout(
            Span(shown),
            "map zonder TypedDataSet.json of UntypedDataSet.json; verwacht een map die "
            f"cbsodata.download_data schreef. Gevonden: {gevonden}",
            ids.CBS_VORM,
        )
    return _uit_json(delen, shown, tabel, map_.name)


def _uit_json(data: Any, shown: str, tabel: str | None, bestandsnaam: str) -> CbsBestand:
    """OData v3 JSON: a response (`{"odata.metadata": …, "value": [...]}`), a bare list of rows,
    or an object with the endpoints by name (`TypedDataSet`, `DataProperties`, `TableInfos`,
    `WijkenEnBuurten`), as `cbsodata.download_data` returns them."""
    metadata_url = ""
    if isinstance(data, dict) and "value" in data and not _heeft_delen(data):
        metadata_url = str(data.get("odata.metadata", ""))
        data = {"TypedDataSet": data["value"]}
    elif isinstance(data, list):
        data = {"TypedDataSet": data}
    if not isinstance(data, dict) or not _heeft_delen(data):
        sleutels = ", ".join(list(data)[:20]) if isinstance(data, dict) else type(data).__name__
        raise _fout(
            Span(shown, 1, 1),
            "onbekende vorm van een CBS-bestand: verwacht OData-JSON met 'TypedDataSet' of "
            f"'value'. Gevonden: {sleutels}",
            ids.CBS_VORM,
        )
    rijen = _waarde_lijst(data.get("TypedDataSet", data.get("UntypedDataSet")))
    eigenschappen = _waarde_lijst(data.get("DataProperties"))
    infos = _waarde_lijst(data.get("TableInfos"))
    namen: dict[str, str] = {}
    for regio_kolom in _REGIO:
        for item in _waarde_lijst(data.get(regio_kolom)):
            if isinstance(item, dict) and isinstance(item.get("Key"), str):
                titel = item.get("Title")
                if isinstance(titel, str) and titel.strip():
                    namen[item["Key"].strip()] = titel.strip()
    info = infos[0] if infos and isinstance(infos[0], dict) else {}
    gesteld = _str(info.get("Identifier")) or _tabel_in(metadata_url) or _tabel_in(bestandsnaam)
    jaar_bestand = _jaar(_str(info.get("Period")))
    titel = _str(info.get("ShortTitle")) or _str(info.get("Title"))
    if not rijen:
        raise _fout(Span(shown, 1, 1), "het bestand bevat geen rijen", ids.CBS_VORM)
    kolommen: list[str] = []
    for rij in rijen:
        if isinstance(rij, dict):
            kolommen = [str(k) for k in rij]
            break
    topics = [
        str(e["Key"])
        for e in eigenschappen
        if isinstance(e, dict) and isinstance(e.get("Key"), str)
    ]
    kop = _Kop.uit(kolommen or topics, shown, Span(shown, 1, 1))
    regios: dict[str, Regio] = {}
    periode_van: dict[str, int] = {}
    perioden: set[int] = set()
    for i, rij in enumerate(rijen):
        if not isinstance(rij, dict):
            raise _fout(Span(shown), f"rij {i + 1} van de gegevens is geen object", ids.CBS_VORM)
        plek = Span(shown)

        def cel(kolom: str, rij: dict[str, Any] = rij) -> Any:
            return rij.get(kolom)

        regio, periode = kop.regio(cel, plek, namen, lambda k, _i=i: f"rij {_i + 1}, {k}")
        if periode is not None:
            perioden.add(periode)
        if regio is not None:
            _voeg_toe(regios, periode_van, regio, periode)
    return _bestand(
        shown, gesteld, tabel, titel, jaar_bestand or max(perioden, default=None), kop, regios
    )


def _heeft_delen(data: dict[str, Any]) -> bool:
    return "TypedDataSet" in data or "UntypedDataSet" in data


def _waarde_lijst(deel: Any) -> list[Any]:
    if isinstance(deel, dict) and isinstance(deel.get("value"), list):
        return deel["value"]
    return deel if isinstance(deel, list) else []


def _str(waarde: Any) -> str:
    return waarde.strip() if isinstance(waarde, str) else ""


def _tabel_in(tekst: str) -> str:
    m = _TABEL_ID.search(tekst.upper())
    return m.group(1) if m else ""


def _jaar(tekst: str) -> int | None:
    m = _JAAR.search(tekst)
    return int(m.group()) if m else None


def _uit_csv(tekst: str, shown: str, tabel: str | None, bestandsnaam: str) -> CbsBestand:
    """A StatLine CSV: `;`-separated, quoted, codes padded with spaces, `.` for missing."""
    regels = tekst.splitlines()
    if not regels or not regels[0].strip():
        raise _fout(Span(shown, 1, 1), "het bestand is leeg", ids.CBS_VORM)
    scheiding = ";" if ";" in regels[0] else ","
    lezer = csv.reader(regels, delimiter=scheiding, quotechar='"', strict=False)
    try:
        kolommen = [k.strip().lstrip("\ufeff") for k in next(lezer)]
        kop = _Kop.uit(kolommen, shown, Span(shown, 1, 1))
        regios: dict[str, Regio] = {}
        periode_van: dict[str, int] = {}
        perioden: set[int] = set()
        for velden in lezer:
            nummer = lezer.line_num
            if not any(v.strip() for v in velden):
                continue
            if len(velden) != len(kolommen):
                raise _fout(
                    Span(shown, nummer, 1),
                    f"{len(velden)} velden in deze regel, {len(kolommen)} kolommen in de kop",
                    ids.CBS_VORM,
                )
            rij = dict(zip(kolommen, velden, strict=True))
            plek = Span(shown, nummer, 1)

            def cel(kolom: str, rij: dict[str, str] = rij) -> Any:
                return rij.get(kolom)

            def waar(kolom: str, nummer: int = nummer) -> Span:
                kolomnummer = _kolom(regels[nummer - 1], kolommen.index(kolom), scheiding)
                return Span(shown, nummer, kolomnummer)

            regio, periode = kop.regio(cel, plek, {}, None, waar)
            if periode is not None:
                perioden.add(periode)
            if regio is not None:
                _voeg_toe(regios, periode_van, regio, periode)
    except csv.Error as exc:
        raise _fout(Span(shown, lezer.line_num, 1), f"ongeldige CSV: {exc}", ids.CBS_VORM) from None
    gesteld = _tabel_in(bestandsnaam)
    return _bestand(shown, gesteld, tabel, "", max(perioden, default=None), kop, regios)


def _kolom(regel: str, index: int, scheiding: str) -> int:
    """1-based character column where field `index` of a CSV line starts (for errors)."""
    veld, binnen = 0, False
    for i, teken in enumerate(regel):
        if veld == index:
            return i + 1
        if teken == '"':
            binnen = not binnen
        elif teken == scheiding and not binnen:
            veld += 1
    return len(regel) + 1


def _voeg_toe(
    regios: dict[str, Regio], periode_van: dict[str, int], regio: Regio, periode: int | None
) -> None:
    """A file with several periods (a download of more years): a region's newest row wins."""
    if regio.code not in regios or (periode or 0) >= periode_van[regio.code]:
        regios[regio.code] = regio
        periode_van[regio.code] = periode or 0


def _bestand(
    shown: str,
    gesteld: str,
    gegeven: str | None,
    titel: str,
    jaar: int | None,
    kop: _Kop,
    regios: dict[str, Regio],
) -> CbsBestand:
    """The table id (from the file, else `--tabel`) and the year (file, else known id)."""
    gegeven = gegeven.strip().upper() if gegeven else None
    if gesteld and gegeven and gesteld != gegeven:
        raise _fout(
            Span(shown),
            f"het bestand is van CBS-tabel {gesteld}, --tabel zegt {gegeven}; laat --tabel weg "
            "of kies het juiste bestand",
            ids.CBS_TABEL,
        )
    tabel = gesteld or gegeven
    if not tabel:
        raise _fout(
            Span(shown),
            "het bestand zegt niet van welke CBS-tabel het is; geef het tabelnummer met "
            f"--tabel (bijv. --tabel 85984NED), of laat het in de bestandsnaam staan. "
            f"Bekende tabellen: {_bekend()}",
            ids.CBS_TABEL,
        )
    bekend = BEKENDE_TABELLEN.get(tabel)
    jaar = jaar or (bekend[1] if bekend else None)
    if jaar is None:
        raise _fout(
            Span(shown),
            f"van CBS-tabel {tabel} is de periode onbekend: het bestand noemt geen periode "
            f"en wijkcheck kent de tabel niet. Bekende tabellen: {_bekend()}",
            ids.CBS_TABEL,
        )
    if not regios:
        raise _fout(
            Span(shown),
            "geen rijen met een CBS-regiocode (NL00, GM…, WK…, BU…) in het bestand",
            ids.CBS_VORM,
        )
    titel = titel or (f"{bekend[0]} {jaar}" if bekend else f"CBS-tabel {tabel}")
    return CbsBestand(shown, tabel, titel, jaar, kop.maten, regios)


def _bekend() -> str:
    return ", ".join(f"{t} ({s} {j})" for t, (s, j) in BEKENDE_TABELLEN.items())


@dataclass(frozen=True, slots=True)
class _Kop:
    """The columns of a file that wijkcheck reads, found by their name before the suffix."""

    regio_kolom: str | None
    codering: str | None
    soort_regio: str | None
    gemeentenaam: str | None
    perioden: str | None
    maten: dict[str, str]

    @classmethod
    def uit(cls, kolommen: Sequence[str], shown: str, waar: Span) -> _Kop:
        per_stam: dict[str, list[str]] = {}
        for k in kolommen:
            per_stam.setdefault(_SUFFIX.sub("", k), []).append(k)

        def een(stam: str) -> str | None:
            gevonden = per_stam.get(stam, [])
            if len(gevonden) > 1:
                raise _fout(
                    waar,
                    f"kolom {stam} komt {len(gevonden)} keer voor ({', '.join(gevonden)}); "
                    "wijkcheck weet niet welke het cijfer is",
                    ids.CBS_VORM,
                )
            return gevonden[0] if gevonden else None

        regio = next((k for k in _REGIO if k in per_stam), None)
        maten: dict[str, str] = {}
        for m, maat in MATEN.items():
            kolom = een(maat.stam)
            if kolom is not None:
                maten[m] = kolom
        codering: str | None = een(_CODERING)
        if (regio is None and codering is None) or not maten:
            ontbreekt = (
                "geen kolom met de regio (WijkenEnBuurten, RegioS of Codering_*)"
                if regio is None and codering is None
                else "geen kolom met een cijfer dat wijkcheck leest ("
                + ", ".join(f"{m.stam}_*" for m in MATEN.values())
                + ")"
            )
            getoond = ", ".join(kolommen[:40]) + (" …" if len(kolommen) > 40 else "")
            raise _fout(
                waar,
                f"onbekende vorm van een CBS-bestand: {ontbreekt}. Gevonden kolommen: "
                f"{getoond or 'geen'}. Verwacht een download van Kerncijfers wijken en buurten "
                "of Nabijheid voorzieningen met de kolomnamen van CBS (docs/cbs.md)",
                ids.CBS_VORM,
            )
        return cls(regio, codering, een(_SOORT), een(_GEMEENTENAAM), een(_PERIODEN), maten)

    def regio(
        self,
        cel: Any,
        plek: Span,
        namen: Mapping[str, str],
        rij_naam: Any = None,
        waar: Any = None,
    ) -> tuple[Regio | None, int | None]:
        """The region of one row and its period, or None for a row without a region code."""
        regio_tekst = _str(cel(self.regio_kolom)) if self.regio_kolom else ""
        codering = _str(cel(self.codering)) if self.codering else ""
        code = next((c for c in (codering, regio_tekst) if _CODE.match(c)), None)
        if code is None:
            return None, None
        naam = regio_tekst if regio_tekst and not _CODE.match(regio_tekst) else namen.get(code)
        gemeentenaam = _str(cel(self.gemeentenaam)) if self.gemeentenaam else ""
        if soort(code) == "gemeente" and not naam and gemeentenaam:
            naam = gemeentenaam
        periode = _jaar(_str(cel(self.perioden))) if self.perioden else None
        waarden: dict[str, float] = {}
        for maat, kolom in self.maten.items():
            ruw = cel(kolom)
            span = waar(kolom) if waar else plek
            getal = _getal(ruw, span, kolom, rij_naam(kolom) if rij_naam else None)
            if getal is not None:
                waarden[maat] = getal
        return Regio(code, naam or None, gemeentenaam or None, waarden, plek), periode


def _getal(ruw: Any, waar: Span, kolom: str, rij: str | None) -> float | None:
    if ruw is None:
        return None
    if isinstance(ruw, bool):
        raise _fout(waar, f"{rij or kolom}: {ruw} is geen getal", ids.CBS_WAARDE)
    if isinstance(ruw, int | float):
        return float(ruw)
    tekst = str(ruw).strip()
    if tekst in _ONTBREEKT:
        return None
    # StatLine writes a decimal point; a table saved from Excel in Dutch a decimal comma.
    if re.fullmatch(r"-?\d+,\d+", tekst):
        tekst = tekst.replace(",", ".")
    try:
        getal = float(tekst)
    except ValueError:
        getal = float("nan")
    if getal != getal or getal in (float("inf"), float("-inf")):
        raise _fout(
            waar,
            f"'{tekst[:40]}' in kolom {kolom}{f' ({rij})' if rij else ''} is geen getal; CBS "
            "schrijft een getal, of '.' als het cijfer ontbreekt",
            ids.CBS_WAARDE,
        )
    return getal


# -- combining ----------------------------------------------------------------------------------


def combineer(bestanden: Iterable[CbsBestand]) -> dict[str, RegioCijfers]:
    """All regions of all files by code, each figure as wijkcheck writes it. A figure in more
    files comes from the newest table (by peildatum; on a tie the file named first)."""
    uit: dict[str, RegioCijfers] = {}
    naam_jaar: dict[str, int] = {}  # names change (a buurt renamed): the newest table's name
    for b in bestanden:
        for code, regio in b.regios.items():
            rc = uit.setdefault(code, RegioCijfers(code))
            if regio.naam and (rc.naam is None or b.jaar > naam_jaar[code]):
                rc.naam, naam_jaar[code] = regio.naam, b.jaar
            rc.gemeentenaam = rc.gemeentenaam or regio.gemeentenaam
            for wat, cijfer in _cijfers(b, regio).items():
                vorige = rc.cijfers.get(wat)
                if vorige is None or cijfer.peildatum > vorige.peildatum:
                    rc.cijfers[wat] = cijfer
    return uit


def _cijfers(b: CbsBestand, regio: Regio) -> dict[str, CbsCijfer]:
    uit: dict[str, CbsCijfer] = {}
    tabel = f"CBS {b.titel} ({b.tabel})"
    for maat_id, waarde in regio.waarden.items():
        maat = MATEN[maat_id]
        kolom = b.kolommen[maat_id]
        if maat_id == "inwoners-65-plus":
            continue
        if maat.per_1_januari:
            toelichting = f"{tabel}, kolom {kolom}: {maat.wat} op 1 januari {b.jaar}"
        else:
            toelichting = (
                f"{tabel}, kolom {kolom}: {maat.wat}; peildatum geschat op het tabeljaar "
                f"{b.jaar}: over welke periode het cijfer gaat, staat in de toelichting van CBS"
            )
        if maat_id == "inwoners" and not waarde.is_integer():
            continue  # a count with decimals is not a population figure
        uit[maat_id] = CbsCijfer(
            int(waarde) if waarde.is_integer() else waarde,
            b.tabel,
            dt.date(b.jaar, 1, 1),
            not maat.per_1_januari,
            toelichting,
        )
    inwoners, ouderen = regio.waarden.get("inwoners"), regio.waarden.get("inwoners-65-plus")
    if inwoners and ouderen is not None and 0 <= ouderen <= inwoners:
        uit["aandeel-65-plus"] = CbsCijfer(
            round(100 * ouderen / inwoners, 1),
            b.tabel,
            dt.date(b.jaar, 1, 1),
            False,
            f"berekend door wijkcheck uit {tabel}: {b.kolommen['inwoners-65-plus']} gedeeld "
            f"door {b.kolommen['inwoners']}, op 1 januari {b.jaar}",
        )
    return uit


# -- choosing a gemeente --------------------------------------------------------------------------


def kies_gemeente(regios: Mapping[str, RegioCijfers], gegeven: str, waar: str) -> tuple[str, str]:
    """The CBS code and name of the gemeente `gegeven` (a name or `GM0797`) in the files."""
    namen: dict[str, str] = {}
    for code, rc in regios.items():
        gm = gemeentecode(code)
        if gm is None:
            continue
        naam = rc.naam if code == gm else rc.gemeentenaam
        if naam:
            if code == gm or gm not in namen:
                namen[gm] = naam
        else:
            namen.setdefault(gm, "")
    code = gegeven.strip().upper()
    if re.fullmatch(r"GM\d{4}", code) and code in namen:
        return code, namen[code] or code
    key = sleutel(gegeven)
    gevonden = sorted(gm for gm, naam in namen.items() if naam and sleutel(naam) == key)
    if len(gevonden) == 1:
        return gevonden[0], namen[gevonden[0]]
    if len(gevonden) > 1:
        raise _fout(
            Span(""),
            f"gemeente '{gegeven}' staat meer dan eens in de CBS-bestanden "
            f"({', '.join(gevonden)}); geef de gemeentecode",
            ids.CBS_GEMEENTE,
        )
    bekende = sorted({n for n in namen.values() if n})
    hint = bedoelde_u(gegeven, bekende)
    voorbeeld = ", ".join(bekende[:10]) + (" …" if len(bekende) > 10 else "")
    raise _fout(
        Span(""),
        f"gemeente '{gegeven}' staat niet in {waar}.{hint} Gemeenten in de bestanden: "
        f"{voorbeeld or 'geen'}",
        ids.CBS_GEMEENTE,
    )


def van_gemeente(regios: Mapping[str, RegioCijfers], gm: str) -> Iterator[RegioCijfers]:
    """The gemeente's own row, wijken and buurten, in code order."""
    for code in sorted(regios):
        if gemeentecode(code) == gm:
            yield regios[code]


def controleer_tabellen(bestanden: Sequence[CbsBestand]) -> list[Finding]:
    """Two files of the same table: the second adds nothing and hides a mistake."""
    gezien: dict[str, str] = {}
    dubbel: list[Finding] = []
    for b in bestanden:
        if b.tabel in gezien:
            dubbel.append(
                Finding(
                    Span(b.pad),
                    f"CBS-tabel {b.tabel} is ook al gegeven in {gezien[b.tabel]}",
                    ids.CBS_TABEL,
                )
            )
        gezien.setdefault(b.tabel, b.pad)
    return dubbel
