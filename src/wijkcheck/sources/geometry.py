"""Gebied geometry for the map (`overview --geometrie`): PDOK's *CBS Wijk- en Buurtkaart* as
GeoJSON or GeoPackage, in RD New (EPSG:28992), read with the standard library only.

A GeoPackage is an SQLite database: `gpkg_geometry_columns` names the feature tables (PDOK's
file has the layers `buurten`, `wijken` and `gemeenten`) and their spatial reference system,
and each geometry is a GeoPackageBinary blob: `GP`, a version byte, a flags byte (byte order,
envelope size, empty, extended), the srs_id, an optional envelope, then plain WKB. Only Polygon
and MultiPolygon (holes included) are read; a file with anything else, another coordinate
system, or without a buurt code gets a Dutch error that says what to download instead.

Only the buurten asked for are decoded (by code, or by the gemeente number in their code), so
the national file of about 200 MB costs a scan of one text column, not its whole geometry;
the number of points decoded is bounded (`MAX_POINTS`).
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import struct
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import FindingId, Span, WijkcheckError
from wijkcheck.core.names import getal

#: A GeoJSON file is parsed whole, into Python objects of about ten times its size; PDOK's
#: national data comes as a GeoPackage, which is read selectively and has no such limit.
MAX_GEOJSON_BYTES = 50 * 1024 * 1024
#: Points decoded for the buurten of the map: a gemeente at full resolution has tens of
#: thousands; this is about 30 MB of coordinates.
MAX_POINTS = 2_000_000
#: One geometry blob; PDOK's largest buurt is far below this.
MAX_BLOB_BYTES = 64 * 1024 * 1024
#: SQLite work (in units of 1,000 virtual machine steps) before a query is abandoned: a scan
#: of the national file takes a few thousand units; a hostile file cannot keep us busy.
MAX_SQLITE_STEPS = 2_000_000

#: RD New coordinates of the Netherlands, with a margin (EPSG:28992's area of use is about
#: x 0–300 km, y 300–625 km).
RD_BOUNDS = (-50_000.0, 250_000.0, 350_000.0, 700_000.0)


@dataclass(frozen=True, slots=True)
class AreaLevel:
    """Buurten or CBS wijken: their code's prefix, PDOK's layer, and the property names of
    code and name in order of preference: PDOK since 2022 (`buurtcode`), CBS's own files until
    2021 (`BU_CODE`), CBS gebiedsindelingen (`statcode`)."""

    name: str
    prefix: str
    layer: str
    code_fields: tuple[str, ...]
    name_fields: tuple[str, ...]
    #: the words a user reads: "buurt", "CBS-wijk", and their plural
    word: str
    plural: str


BUURT = AreaLevel(
    "buurt", "BU", "buurten", ("buurtcode", "bu_code", "statcode"),
    ("buurtnaam", "bu_naam", "statnaam"), "buurt", "buurten",
)  # fmt: skip
WIJK = AreaLevel(
    "wijk", "WK", "wijken", ("wijkcode", "wk_code", "statcode"),
    ("wijknaam", "wk_naam", "statnaam"), "CBS-wijk", "CBS-wijken",
)  # fmt: skip
#: `water: JA` marks the water part of an area (land is `NEE`); it is no buurt to colour.
WATER_FIELD = "water"

_EPSG_28992 = re.compile(
    r"(?i)^(?:epsg:+28992|urn:ogc:def:crs:epsg:[\d.]*:28992|https?://www\.opengis\.net/def/crs/epsg/0/28992)$"
)
_SQLITE_MAGIC = b"SQLite format 3\x00"
_WKB_NAMES = {
    1: "Point",
    2: "LineString",
    3: "Polygon",
    4: "MultiPoint",
    5: "MultiLineString",
    6: "MultiPolygon",
    7: "GeometryCollection",
    8: "CircularString",
    9: "CompoundCurve",
    10: "CurvePolygon",
    11: "MultiCurve",
    12: "MultiSurface",
}
_ONLY_POLYGONS = "wijkcheck tekent alleen vlakken (Polygon en MultiPolygon)"
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_DOWNLOAD_HINT = (
    "download de buurten van PDOK's CBS Wijk- en Buurtkaart als GeoPackage (laag buurten) of "
    "als GeoJSON in RD New (EPSG:28992); zie docs/kaart.md"
)


@dataclass(frozen=True, slots=True)
class Polygon:
    """One polygon in RD metres: its outer ring, then its holes; each ring a flat array
    x0, y0, x1, y1, …"""

    rings: tuple[array, ...]


@dataclass(frozen=True, slots=True)
class Area:
    code: str
    name: str
    polygons: tuple[Polygon, ...]
    #: min x, min y, max x, max y in RD metres
    bounds: tuple[float, float, float, float]

    @property
    def gemeentenummer(self) -> str:
        return self.code[2:6]


@dataclass(frozen=True, slots=True)
class Geometry:
    """The buurten read from one geometry file: those asked for, by code."""

    path: str
    format: str  # "GeoJSON" or "GeoPackage"
    layer: str | None
    #: land features in the file (or the layer), asked for or not
    count: int
    areas: dict[str, Area]
    level: AreaLevel


@dataclass(frozen=True, slots=True)
class Selection:
    """Which areas to decode: these codes, and every area of these gemeenten (the four digits
    of `GM0797`, which are also the first four of the gemeente's buurt and wijk codes)."""

    codes: frozenset[str]
    gemeenten: frozenset[str]
    level: AreaLevel = BUURT

    def __contains__(self, code: str) -> bool:
        return code in self.codes or (
            code.startswith(self.level.prefix) and code[2:6] in self.gemeenten
        )


def read(pad: Path, selection: Selection) -> Geometry:
    """Read the buurten of `selection` from a GeoJSON or GeoPackage file in RD New.

    Raises `WijkcheckError` for anything that is not such a file."""
    naam = str(pad)
    try:
        if not pad.is_file():
            wat = "bestaat niet" if not pad.exists() else "is geen bestand"
            raise _fout(naam, f"het geometriebestand {wat}", ids.GEOMETRIE_BESTAND)
        with pad.open("rb") as f:
            begin = f.read(16)
    except OSError as exc:
        raise _fout(
            naam, f"kan het geometriebestand niet lezen: {exc.strerror}", ids.GEOMETRIE_BESTAND
        ) from exc
    if begin.startswith(_SQLITE_MAGIC):
        return _GeoPackage(pad, selection).read()
    if begin.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")) or pad.suffix.lower() in (
        ".geojson",
        ".json",
    ):
        return _read_geojson(pad, selection)
    extensie = pad.suffix.lower()
    hint = {
        ".shp": "een shapefile leest wijkcheck niet",
        ".zip": "pak het zip-bestand eerst uit",
        ".gml": "GML leest wijkcheck niet",
        ".kml": "KML leest wijkcheck niet",
    }.get(extensie, "het is geen GeoJSON en geen GeoPackage")
    raise _fout(
        naam, f"onbekend soort geometriebestand ({hint}); {_DOWNLOAD_HINT}", ids.GEOMETRIE_FORMAAT
    )


def _fout(pad: str, bericht: str, id: FindingId, line: int = 0, column: int = 0) -> WijkcheckError:
    return WijkcheckError.single(Span(pad, line, column), bericht, id)


class _PointBudget:
    """Counts decoded points against `MAX_POINTS`."""

    def __init__(self, pad: str) -> None:
        self.pad = pad
        self.punten = 0

    def neem(self, n: int) -> None:
        self.punten += n
        if self.punten > MAX_POINTS:
            raise _fout(
                self.pad,
                f"de buurten voor de kaart hebben samen meer dan {getal(MAX_POINTS)} punten; "
                "dat is meer dan een kaart van wijken nodig heeft. Kies één gemeente "
                "(--gemeente), of vereenvoudig de geometrie (bijv. met 'Vereenvoudigen' in QGIS)",
                ids.GEOMETRIE_TE_GROOT,
            )


def _ring(xy: array, pad: str, waar: str) -> array:
    """A ring checked: at least three points, finite numbers, in RD New."""
    if len(xy) < 6:
        raise _fout(
            pad, f"{waar}: een ring met minder dan 3 punten is geen vlak", ids.GEOMETRIE_TYPE
        )
    if not all(map(math.isfinite, xy)):
        raise _fout(pad, f"{waar}: coördinaat is geen eindig getal", ids.GEOMETRIE_ONLEESBAAR)
    return xy


def _area(code: str, naam: str, vlakken: list[Polygon], pad: str) -> Area:
    """A buurt from its polygons, checked to lie in RD New (holes lie inside outer rings)."""
    buiten = [v.rings[0] for v in vlakken]
    bounds = (
        min(min(r[0::2]) for r in buiten),
        min(min(r[1::2]) for r in buiten),
        max(max(r[0::2]) for r in buiten),
        max(max(r[1::2]) for r in buiten),
    )
    x0, y0, x1, y1 = RD_BOUNDS
    if not (x0 <= bounds[0] and bounds[2] <= x1 and y0 <= bounds[1] and bounds[3] <= y1):
        if all(-180 <= g <= 180 for g in bounds[0::2]) and all(
            -90 <= g <= 90 for g in bounds[1::2]
        ):
            wat = "lijken lengte- en breedtegraden (WGS84, EPSG:4326 of CRS84)"
        else:
            wat = "liggen niet in Nederland in RD New (EPSG:28992)"
        raise _fout(
            pad,
            f"de coördinaten van {code} {wat}; wijkcheck tekent alleen RD New: {_DOWNLOAD_HINT}",
            ids.GEOMETRIE_CRS,
        )
    return Area(code, naam, tuple(vlakken), bounds)


def _merge(areas: dict[str, Area], nieuw: Area) -> None:
    """A buurt in more than one feature (land in parts) is one buurt with all their polygons."""
    oud = areas.get(nieuw.code)
    if oud is None:
        areas[nieuw.code] = nieuw
        return
    g, h = oud.bounds, nieuw.bounds
    areas[nieuw.code] = Area(
        oud.code,
        oud.name or nieuw.name,
        oud.polygons + nieuw.polygons,
        (min(g[0], h[0]), min(g[1], h[1]), max(g[2], h[2]), max(g[3], h[3])),
    )


def _pick_field(namen: Iterable[str], voorkeur: tuple[str, ...]) -> str | None:
    """The first of `voorkeur` among `namen`, case-insensitively; the name as the file has it."""
    op_klein = {n.casefold(): n for n in namen}
    for v in voorkeur:
        if v in op_klein:
            return op_klein[v]
    return None


def _pick_code_field(namen: list[str], level: AreaLevel) -> str | None:
    """The code property of this level; None for a layer of another level (the buurten
    carry their wijk's code too, so a buurten layer is no wijken layer)."""
    if level is WIJK and _pick_field(namen, BUURT.code_fields[:2]):
        return None
    return _pick_field(namen, level.code_fields)


def _no_code_error(pad: str, waar: str, namen: list[str], level: AreaLevel) -> WijkcheckError:
    klein = {n.casefold() for n in namen}
    anders = [
        laag
        for laag, veld in (
            ("buurten", "buurtcode"),
            ("wijken", "wijkcode"),
            ("gemeenten", "gemeentecode"),
        )
        if veld in klein and laag != level.layer
    ]
    if anders:
        hint = (
            f"dit lijkt de laag {anders[0]}; wijkcheck kleurt hier {level.plural}: kies de "
            f"laag {level.layer}"
        )
    else:
        getoond = ", ".join(namen[:12]) + (
            f" en {len(namen) - 12} andere" if len(namen) > 12 else ""
        )
        hint = f"de eigenschappen zijn: {getoond or '(geen)'}"
    return _fout(
        pad,
        f"{waar} heeft geen {level.name}code (eigenschap {' of '.join(level.code_fields)}); "
        + hint,
        ids.GEOMETRIE_GEEN_CODE,
    )


def _is_water(waarde: Any) -> bool:
    return isinstance(waarde, str) and waarde.strip().upper() == "JA"


# GeoJSON ---------------------------------------------------------------------------------


def _no_constant(naam: str) -> float:
    raise ValueError(f"{naam} is geen getal in JSON")


def _read_geojson(pad: Path, selection: Selection) -> Geometry:
    naam = str(pad)
    try:
        grootte = pad.stat().st_size
        if grootte > MAX_GEOJSON_BYTES:
            raise _fout(
                naam,
                f"het GeoJSON-bestand is {getal(grootte / 1024 / 1024, 0)} MB; wijkcheck leest "
                f"GeoJSON tot {MAX_GEOJSON_BYTES // 1024 // 1024} MB. Exporteer alleen de buurten "
                "van uw gemeente (bijv. in QGIS), of gebruik PDOK's GeoPackage: dat leest "
                "wijkcheck ook als het heel Nederland bevat",
                ids.GEOMETRIE_TE_GROOT,
            )
        ruw = pad.read_bytes()
    except OSError as exc:
        raise _fout(
            naam, f"kan het geometriebestand niet lezen: {exc.strerror}", ids.GEOMETRIE_BESTAND
        ) from exc
    try:
        doc = json.loads(ruw, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise _fout(
            naam, f"geen geldige JSON: {exc.msg}", ids.GEOMETRIE_ONLEESBAAR, exc.lineno, exc.colno
        ) from exc
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        bericht = "te diep genest" if isinstance(exc, RecursionError) else str(exc)
        raise _fout(naam, f"geen geldige JSON: {bericht}", ids.GEOMETRIE_ONLEESBAAR) from exc
    return _GeoJSON(naam, selection).document(doc)


class _GeoJSON:
    def __init__(self, pad: str, selection: Selection) -> None:
        self.pad = pad
        self.selection = selection
        self.teller = _PointBudget(pad)

    def fout(self, bericht: str, id: FindingId = ids.GEOMETRIE_ONLEESBAAR) -> WijkcheckError:
        return _fout(self.pad, bericht, id)

    def document(self, doc: Any) -> Geometry:
        if not isinstance(doc, dict) or doc.get("type") not in ("FeatureCollection", "Feature"):
            soort = doc.get("type") if isinstance(doc, dict) else type(doc).__name__
            raise self.fout(
                f"geen GeoJSON FeatureCollection (type is {str(soort)[:40]!r}); {_DOWNLOAD_HINT}",
                ids.GEOMETRIE_FORMAAT,
            )
        self.crs(doc.get("crs"))
        features = [doc] if doc["type"] == "Feature" else doc.get("features")
        if not isinstance(features, list):
            raise self.fout("'features' is geen lijst", ids.GEOMETRIE_FORMAAT)
        areas: dict[str, Area] = {}
        code_veld: str | None = None
        naam_veld: str | None = None
        aantal = 0
        for i, f in enumerate(features, 1):
            if not isinstance(f, dict) or f.get("type") != "Feature":
                raise self.fout(
                    f"kenmerk {i} (features[{i - 1}]) is geen Feature", ids.GEOMETRIE_FORMAAT
                )
            props = f.get("properties") or {}
            if not isinstance(props, dict):
                raise self.fout(
                    f"de properties van kenmerk {i} zijn geen object", ids.GEOMETRIE_FORMAAT
                )
            if code_veld is None or code_veld not in props:
                code_veld = _pick_code_field(list(props), self.selection.level)
                if code_veld is None:
                    raise _no_code_error(
                        self.pad,
                        f"kenmerk {i} (features[{i - 1}])",
                        list(props),
                        self.selection.level,
                    )
                naam_veld = _pick_field(props, self.selection.level.name_fields)
            code = props[code_veld]
            if not isinstance(code, str):
                raise self.fout(
                    f"de {code_veld} van kenmerk {i} is geen tekst maar {json.dumps(code)[:40]}",
                    ids.GEOMETRIE_GEEN_CODE,
                )
            if _is_water(props.get(_pick_field(props, (WATER_FIELD,)) or WATER_FIELD)):
                continue
            aantal += 1
            code = code.strip()
            geometrie = f.get("geometry")
            if code not in self.selection or geometrie is None:
                continue
            naam = props.get(naam_veld) if naam_veld else None
            waar = f"kenmerk {i} ({code})"
            _merge(
                areas,
                _area(
                    code,
                    naam if isinstance(naam, str) else "",
                    self.geometrie(geometrie, waar),
                    self.pad,
                ),
            )
        return Geometry(self.pad, "GeoJSON", None, aantal, areas, self.selection.level)

    def crs(self, crs: Any) -> None:
        """The old `crs` member (GeoJSON 2008; GDAL writes it for RD New). Without it the
        coordinates themselves are checked (RFC 7946 means WGS84, but PDOK's OGC API leaves it
        out when asked for EPSG:28992)."""
        if crs is None:
            return
        naam = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
        if isinstance(naam, str) and _EPSG_28992.match(naam.strip()):
            return
        wat = repr(naam[:80]) if isinstance(naam, str) else "dat wijkcheck niet kent"
        raise self.fout(
            f"het bestand gebruikt coördinatenstelsel {wat}; wijkcheck tekent alleen RD New "
            f"(EPSG:28992): {_DOWNLOAD_HINT}",
            ids.GEOMETRIE_CRS,
        )

    def geometrie(self, g: Any, waar: str) -> list[Polygon]:
        soort = g.get("type") if isinstance(g, dict) else None
        coords = g.get("coordinates") if isinstance(g, dict) else None
        if soort == "Polygon":
            return [self.vlak(coords, waar)]
        if soort == "MultiPolygon":
            if not isinstance(coords, list):
                raise self.fout(f"{waar}: coordinates is geen lijst")
            return [self.vlak(p, waar) for p in coords]
        raise self.fout(
            f"{waar} heeft geometrie van type {str(soort)[:40]}; wijkcheck tekent alleen vlakken "
            "(Polygon en MultiPolygon)",
            ids.GEOMETRIE_TYPE,
        )

    def vlak(self, ringen: Any, waar: str) -> Polygon:
        if not isinstance(ringen, list) or not ringen:
            raise self.fout(f"{waar}: een Polygon is een lijst van ringen", ids.GEOMETRIE_TYPE)
        return Polygon(tuple(self.ring(r, waar) for r in ringen))

    def ring(self, posities: Any, waar: str) -> array:
        if not isinstance(posities, list):
            raise self.fout(f"{waar}: een ring is een lijst van posities", ids.GEOMETRIE_TYPE)
        self.teller.neem(len(posities))
        xy = array("d")
        try:
            for p in posities:
                x, y = p[0], p[1]
                if type(x) not in (int, float) or type(y) not in (int, float):
                    raise TypeError
                xy.append(x)
                xy.append(y)
        except (TypeError, IndexError, KeyError, OverflowError) as exc:
            raise self.fout(f"{waar}: een positie is geen paar getallen [x, y]") from exc
        return _ring(xy, self.pad, waar)


# GeoPackage ------------------------------------------------------------------------------


def _sql_name(naam: str) -> str:
    return '"' + naam.replace('"', '""') + '"'


class _GeoPackage:
    def __init__(self, pad: Path, selection: Selection) -> None:
        self.pad = pad
        self.naam = str(pad)
        self.selection = selection
        self.teller = _PointBudget(self.naam)

    def fout(self, bericht: str, id: FindingId = ids.GEOMETRIE_ONLEESBAAR) -> WijkcheckError:
        return _fout(self.naam, bericht, id)

    def read(self) -> Geometry:
        # read-only and immutable: no journal or lock files beside a downloaded file
        uri = self.pad.absolute().as_uri() + "?mode=ro&immutable=1"
        try:
            db = sqlite3.connect(uri, uri=True)
        except sqlite3.Error as exc:
            raise self.fout(f"kan de GeoPackage niet openen: {exc}", ids.GEOMETRIE_BESTAND) from exc
        # text that is not UTF-8 (a damaged or foreign file) becomes U+FFFD, not an exception
        db.text_factory = lambda b: b.decode("utf-8", "replace")
        stappen = [0]

        def te_lang() -> int:
            stappen[0] += 1
            return stappen[0] > MAX_SQLITE_STEPS

        db.set_progress_handler(te_lang, 1000)
        try:
            return self._read(db)
        except UnicodeDecodeError as exc:  # SQLite's own message about a damaged schema
            raise self.fout("geen leesbare GeoPackage: het bestand is beschadigd") from exc
        except sqlite3.Error as exc:
            if stappen[0] > MAX_SQLITE_STEPS:
                raise self.fout(
                    "het lezen van de GeoPackage duurt te lang; is het wel PDOK's bestand?"
                ) from exc
            raise self.fout(f"geen leesbare GeoPackage: {exc}") from exc
        finally:
            db.close()

    def _read(self, db: sqlite3.Connection) -> Geometry:
        tabellen = {
            r[0]
            for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        }
        if not {"gpkg_geometry_columns", "gpkg_spatial_ref_sys"} <= tabellen:
            raise self.fout(
                "een SQLite-bestand, maar geen GeoPackage (geen gpkg_geometry_columns); "
                + _DOWNLOAD_HINT,
                ids.GEOMETRIE_FORMAAT,
            )
        lagen = [
            (str(t), str(k), str(s).upper(), s_id)
            for t, k, s, s_id in db.execute(
                "SELECT table_name, column_name, geometry_type_name, srs_id "
                "FROM gpkg_geometry_columns"
            )
        ]
        laag, kolom, soort, srs_id = self.pick_layer(lagen)
        if soort not in ("POLYGON", "MULTIPOLYGON", "GEOMETRY"):
            raise self.fout(
                f"laag {laag} heeft geometrie van type {soort}; {_ONLY_POLYGONS}",
                ids.GEOMETRIE_TYPE,
            )
        self.crs(db, laag, srs_id)
        if laag not in tabellen:
            raise self.fout(f"laag {laag} staat in gpkg_geometry_columns, maar de tabel ontbreekt")
        velden = [str(r[1]) for r in db.execute(f"PRAGMA table_info({_sql_name(laag)})")]
        code_veld = _pick_code_field(velden, self.selection.level)
        if code_veld is None:
            raise _no_code_error(self.naam, f"laag {laag}", velden, self.selection.level)
        naam_veld = _pick_field(velden, self.selection.level.name_fields)
        water_veld = _pick_field(velden, (WATER_FIELD,))
        t = _sql_name(laag)
        # first only the codes (one column of every row), then the geometry of the wanted rows
        gevraagd: list[tuple[int, str]] = []
        aantal = 0
        water_sql = _sql_name(water_veld) if water_veld else "NULL"
        sql = f"SELECT rowid, {_sql_name(code_veld)}, {water_sql} FROM {t}"
        for rowid, code, water in db.execute(sql):
            if _is_water(water):
                continue
            aantal += 1
            if isinstance(code, str) and code.strip() in self.selection:
                gevraagd.append((rowid, code.strip()))
        areas: dict[str, Area] = {}
        naam_sql = _sql_name(naam_veld) if naam_veld else "NULL"
        vraag = f"SELECT {naam_sql}, {_sql_name(kolom)} FROM {t} WHERE rowid = ?"
        for rowid, code in gevraagd:
            rij = db.execute(vraag, (rowid,)).fetchone()
            if rij is None or rij[1] is None:
                continue
            naam, blob = rij
            waar = f"laag {laag}, rij {rowid} ({code})"
            if not isinstance(blob, bytes):
                raise self.fout(f"{waar}: de geometrie is geen GeoPackage-geometrie")
            vlakken = self.blob(blob, srs_id, waar)
            if vlakken:
                _merge(
                    areas,
                    _area(code, naam if isinstance(naam, str) else "", vlakken, self.naam),
                )
        return Geometry(self.naam, "GeoPackage", laag, aantal, areas, self.selection.level)

    def pick_layer(self, lagen: list[tuple[str, str, str, Any]]) -> tuple[str, str, str, Any]:
        """PDOK's layer `buurten` (or `wijken`); else the one layer whose name starts with
        `buurt` (CBS's own files: `buurt_2021_v1`); else the only layer."""
        if not lagen:
            raise self.fout("de GeoPackage heeft geen lagen met geometrie", ids.GEOMETRIE_FORMAAT)
        n = self.selection.level
        for kandidaten in (
            [laag for laag in lagen if laag[0].casefold() == n.layer],
            [laag for laag in lagen if laag[0].casefold().startswith(n.name)],
            lagen if len(lagen) == 1 else [],
        ):
            if len(kandidaten) == 1:
                return kandidaten[0]
        namen = ", ".join(laag[0] for laag in lagen[:12])
        raise self.fout(
            f"de GeoPackage heeft geen laag {n.layer} (wel: {namen}); wijkcheck kleurt hier "
            f"{n.plural}: gebruik PDOK's CBS Wijk- en Buurtkaart, of exporteer alleen uw laag "
            f"met {n.plural}",
            ids.GEOMETRIE_LAAG,
        )

    def crs(self, db: sqlite3.Connection, laag: str, srs_id: Any) -> None:
        rij = db.execute(
            "SELECT srs_name, organization, organization_coordsys_id "
            "FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
            (srs_id,),
        ).fetchone()
        if rij is not None and str(rij[1]).casefold() == "epsg" and rij[2] == 28992:
            return
        wat = f"{rij[0]} ({rij[1]}:{rij[2]})" if rij is not None else f"srs_id {srs_id} (onbekend)"
        raise self.fout(
            f"laag {laag} gebruikt coördinatenstelsel {str(wat)[:100]}; wijkcheck tekent alleen "
            f"RD New (EPSG:28992): {_DOWNLOAD_HINT}",
            ids.GEOMETRIE_CRS,
        )

    def blob(self, blob: bytes, srs_id: Any, waar: str) -> list[Polygon]:
        """A GeoPackageBinary geometry: header, envelope (skipped), WKB."""
        if len(blob) > MAX_BLOB_BYTES:
            raise self.fout(
                f"{waar}: de geometrie is groter dan {MAX_BLOB_BYTES // 1024 // 1024} MB",
                ids.GEOMETRIE_TE_GROOT,
            )
        if len(blob) < 8 or blob[:2] != b"GP":
            raise self.fout(f"{waar}: geen GeoPackage-geometrie (de blob begint niet met 'GP')")
        if blob[2] != 0:
            raise self.fout(
                f"{waar}: GeoPackage-geometrie versie {blob[2] + 1}; wijkcheck kent versie 1"
            )
        vlaggen = blob[3]
        if vlaggen & 0x20:
            raise self.fout(
                f"{waar}: een uitgebreide GeoPackage-geometrie (extensie); {_ONLY_POLYGONS}",
                ids.GEOMETRIE_TYPE,
            )
        orde = "<" if vlaggen & 1 else ">"
        envelop = _ENVELOPE_BYTES.get((vlaggen >> 1) & 7)
        if envelop is None:
            raise self.fout(f"{waar}: ongeldige envelop in de GeoPackage-geometrie")
        (eigen_srs,) = struct.unpack_from(orde + "i", blob, 4)
        if eigen_srs != srs_id:
            raise self.fout(
                f"{waar}: de geometrie heeft srs_id {eigen_srs}, de laag {srs_id}; wijkcheck "
                "tekent alleen RD New (EPSG:28992)",
                ids.GEOMETRIE_CRS,
            )
        if vlaggen & 0x10:  # empty geometry
            return []
        begin = 8 + envelop
        if begin >= len(blob):
            raise self.fout(f"{waar}: de GeoPackage-geometrie is afgebroken")
        return _Wkb(memoryview(blob), self, waar).geometrie(begin)[0]


class _Wkb:
    """Well-known binary (ISO and extended Z/M codes): Polygon and MultiPolygon only."""

    def __init__(self, data: memoryview, gpkg: _GeoPackage, waar: str) -> None:
        self.data = data
        self.gpkg = gpkg
        self.waar = waar

    def fout(self, bericht: str, id: FindingId = ids.GEOMETRIE_ONLEESBAAR) -> WijkcheckError:
        return self.gpkg.fout(f"{self.waar}: {bericht}", id)

    def kop(self, pos: int) -> tuple[str, int, int, int]:
        """Byte order, base type, coordinates per point and the position after the header."""
        if pos + 5 > len(self.data):
            raise self.fout("de WKB-geometrie is afgebroken")
        if self.data[pos] not in (0, 1):
            raise self.fout("ongeldige WKB (bytevolgorde)")
        orde = "<" if self.data[pos] == 1 else ">"
        (soort,) = struct.unpack_from(orde + "I", self.data, pos + 1)
        pos += 5
        dims = 2 + bool(soort & 0x80000000) + bool(soort & 0x40000000)  # EWKB Z and M flags
        if soort & 0x20000000:  # EWKB with an SRID: skip it
            pos += 4
        basis = soort & 0x0FFFFFFF
        if basis >= 1000:  # ISO: 1000 Z, 2000 M, 3000 ZM
            dims = 2 + {1: 1, 2: 1, 3: 2}.get(basis // 1000, 0)
            basis %= 1000
        return orde, basis, dims, pos

    def geometrie(self, pos: int) -> tuple[list[Polygon], int]:
        orde, soort, dims, pos = self.kop(pos)
        if soort == 3:
            vlak, pos = self.vlak(orde, dims, pos)
            return [vlak], pos
        if soort == 6:
            n, pos = self.aantal(orde, pos, 9)
            vlakken = []
            for _ in range(n):
                orde2, soort2, dims2, pos = self.kop(pos)
                if soort2 != 3:
                    raise self.fout(
                        f"een MultiPolygon met een {_WKB_NAMES.get(soort2, soort2)} erin",
                        ids.GEOMETRIE_TYPE,
                    )
                vlak, pos = self.vlak(orde2, dims2, pos)
                vlakken.append(vlak)
            return vlakken, pos
        raise self.fout(
            f"geometrie van type {_WKB_NAMES.get(soort, soort)}; {_ONLY_POLYGONS}",
            ids.GEOMETRIE_TYPE,
        )

    def aantal(self, orde: str, pos: int, minimaal: int) -> tuple[int, int]:
        """A count, checked against the bytes left (each element needs `minimaal` bytes)."""
        if pos + 4 > len(self.data):
            raise self.fout("de WKB-geometrie is afgebroken")
        (n,) = struct.unpack_from(orde + "I", self.data, pos)
        if n * minimaal > len(self.data) - pos - 4:
            raise self.fout("de WKB-geometrie is afgebroken")
        return n, pos + 4

    def vlak(self, orde: str, dims: int, pos: int) -> tuple[Polygon, int]:
        n, pos = self.aantal(orde, pos, 4)
        if n == 0:
            raise self.fout("een Polygon zonder ringen", ids.GEOMETRIE_TYPE)
        ringen = []
        for _ in range(n):
            punten, pos = self.aantal(orde, pos, 8 * dims)
            self.gpkg.teller.neem(punten)
            waarden = array("d")
            waarden.frombytes(self.data[pos : pos + 8 * dims * punten])
            pos += 8 * dims * punten
            if (orde == "<") != (sys.byteorder == "little"):
                waarden.byteswap()
            if dims > 2:  # keep x and y
                xy = array("d", bytes(16 * punten))
                xy[0::2] = waarden[0::dims]
                xy[1::2] = waarden[1::dims]
                waarden = xy
            ringen.append(_ring(waarden, self.gpkg.naam, self.waar))
        return Polygon(tuple(ringen)), pos
