"""Small geometry files in the shape of PDOK's CBS Wijk- en Buurtkaart, for the map tests.

The GeoPackage is built from the specification with sqlite3: the tables gpkg_spatial_ref_sys,
gpkg_contents and gpkg_geometry_columns, a feature table with an integer primary key, and
GeoPackageBinary blobs (`GP`, version 0, flags, srs_id, envelope, WKB). The properties are
PDOK's (`buurtcode`, `buurtnaam`, `wijkcode`, `gemeentecode`, `gemeentenaam`, `water`); the
shapes are rectangles in RD New (EPSG:28992) metres, not real buurt boundaries.
"""

from __future__ import annotations

import json
import sqlite3
import struct
from dataclasses import dataclass, field
from pathlib import Path

Ring = list[tuple[float, float]]
Polygon = list[Ring]  # outer ring first, then holes


def rechthoek(x: float, y: float, b: float, h: float) -> Ring:
    """A closed ring, counter-clockwise, as GeoJSON wants outer rings."""
    return [(x, y), (x + b, y), (x + b, y + h), (x, y + h), (x, y)]


@dataclass
class Kenmerk:
    """A feature of the layer `buurten` (code `BU…`) or `wijken` (code `WK…`)."""

    code: str
    naam: str
    vlakken: list[Polygon]
    water: str = "NEE"
    extra: dict[str, object] = field(default_factory=dict)

    def properties(self) -> dict[str, object]:
        gemeente = {"gemeentecode": f"GM{self.code[2:6]}", "gemeentenaam": "Testgemeente"}
        if self.code.startswith("WK"):
            eigen = {"wijkcode": self.code, "wijknaam": self.naam, **gemeente}
        else:
            eigen = {
                "buurtcode": self.code,
                "buurtnaam": self.naam,
                "wijkcode": f"WK{self.code[2:8]}",
                "wijknaam": "Wijk 01",
                **gemeente,
            }
        return {**eigen, "water": self.water, "aantal_inwoners": -99997, "jaar": 2024, **self.extra}


def geojson(kenmerken: list[Kenmerk], crs: str | None = "urn:ogc:def:crs:EPSG::28992") -> dict:
    """A FeatureCollection as GDAL writes RD New (with the old `crs` member) or, without
    `crs`, as PDOK's OGC API returns it when asked for EPSG:28992."""
    doc: dict[str, object] = {"type": "FeatureCollection", "name": "buurten"}
    if crs is not None:
        doc["crs"] = {"type": "name", "properties": {"name": crs}}
    doc["features"] = [
        {
            "type": "Feature",
            "properties": k.properties(),
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[[list(p) for p in ring] for ring in poly] for poly in k.vlakken],
            },
        }
        for k in kenmerken
    ]
    return doc


def schrijf_geojson(pad: Path, kenmerken: list[Kenmerk], **kwargs: object) -> Path:
    pad.write_text(json.dumps(geojson(kenmerken, **kwargs)), "utf-8")  # type: ignore[arg-type]
    return pad


def wkb_polygon(poly: Polygon, le: bool = True, z: bool = False) -> bytes:
    o = "<" if le else ">"
    out = bytearray(struct.pack(o + "BI", 1 if le else 0, 1003 if z else 3))
    out += struct.pack(o + "I", len(poly))
    for ring in poly:
        out += struct.pack(o + "I", len(ring))
        for x, y in ring:
            out += struct.pack(o + ("ddd" if z else "dd"), x, y, *((0.0,) if z else ()))
    return bytes(out)


def wkb_multipolygon(vlakken: list[Polygon], le: bool = True, z: bool = False) -> bytes:
    o = "<" if le else ">"
    out = bytearray(struct.pack(o + "BI", 1 if le else 0, 1006 if z else 6))
    out += struct.pack(o + "I", len(vlakken))
    for poly in vlakken:
        out += wkb_polygon(poly, le, z)
    return bytes(out)


def gpkg_blob(
    wkb: bytes, srs_id: int = 28992, le: bool = True, punten: list | None = None
) -> bytes:
    """GeoPackageBinary: magic, version 0, flags (byte order; envelope 1 = minx maxx miny
    maxy), srs_id, envelope, WKB."""
    o = "<" if le else ">"
    vlaggen = (1 if le else 0) | (1 << 1)
    xs = [p[0] for p in punten or [(0, 0)]]
    ys = [p[1] for p in punten or [(0, 0)]]
    kop = b"GP" + bytes([0, vlaggen]) + struct.pack(o + "i", srs_id)
    return kop + struct.pack(o + "4d", min(xs), max(xs), min(ys), max(ys)) + wkb


def schrijf_gpkg(
    pad: Path,
    kenmerken: list[Kenmerk],
    *,
    laag: str = "buurten",
    srs_id: int = 28992,
    organisatie: str = "EPSG",
    coordsys: int = 28992,
    soort: str = "MULTIPOLYGON",
    le: bool = True,
    z: bool = False,
    extra_lagen: tuple[str, ...] = (),
    lagen: dict[str, list[Kenmerk]] | None = None,
) -> Path:
    db = sqlite3.connect(pad)
    db.executescript(
        """
        PRAGMA application_id = 1196444487;  -- 'GPKG'
        PRAGMA user_version = 10300;
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
          organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
          definition TEXT NOT NULL, description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL,
          identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME,
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
          geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,
          m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
        """
    )
    db.executemany(
        "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
        [
            ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", None),
            ("Undefined geographic SRS", 0, "NONE", 0, "undefined", None),
            ("WGS 84 geodetic", 4326, "EPSG", 4326, "GEOGCS[...]", None),
        ]
        + (
            []
            if srs_id in (-1, 0, 4326)
            else [("Amersfoort / RD New", srs_id, organisatie, coordsys, "PROJCS[...]", None)]
        ),
    )
    inhoud = {laag: kenmerken, **{n: [] for n in extra_lagen}, **(lagen or {})}
    for naam, rijen in inhoud.items():
        db.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
            "VALUES (?, 'features', ?, ?)",
            (naam, naam, srs_id),
        )
        db.execute(
            "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, ?, 0)",
            (naam, soort, srs_id, int(z)),
        )
        kolommen = list((rijen[0] if rijen else Kenmerk("BU00000000", "", [])).properties())
        typen = ", ".join(
            f'"{k}" {"INTEGER" if k in ("aantal_inwoners", "jaar") else "TEXT"}' for k in kolommen
        )
        db.execute(
            f'CREATE TABLE "{naam}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {soort}, {typen})'
        )
        for k in rijen:
            p = k.properties()
            punten = [pt for poly in k.vlakken for ring in poly for pt in ring]
            blob = gpkg_blob(wkb_multipolygon(k.vlakken, le, z), srs_id, le, punten)
            namen = ", ".join(f'"{c}"' for c in kolommen)
            vragen = ", ".join("?" for _ in kolommen)
            db.execute(
                f'INSERT INTO "{naam}" (geom, {namen}) VALUES (?, {vragen})',
                (blob, *(p[c] for c in kolommen)),
            )
    db.commit()
    db.close()
    return pad


#: Around Drunen in RD New (metres), roughly; the shapes are rectangles.
X0, Y0 = 140_000.0, 410_000.0


def heusden() -> list[Kenmerk]:
    """BU07970104 is Venne-West's code in the bundled data; the other codes are made up for
    the test (CBS gives Heusden's buurten codes of this form) and named `Testbuurt`."""
    return [
        Kenmerk("BU07970104", "Venne-West", [[rechthoek(X0, Y0, 1000, 800)]]),
        Kenmerk("BU07970199", "Testbuurt zonder wijk", [[rechthoek(X0 + 1000, Y0, 900, 800)]]),
        Kenmerk("BU07979999", "Testwater", [[rechthoek(X0, Y0 - 500, 1900, 500)]], water="JA"),
        Kenmerk(
            "BU03630000", "Testbuurt andere gemeente", [[rechthoek(120_000, 480_000, 500, 500)]]
        ),
    ]


def voorbeeldrecht() -> list[Kenmerk]:
    """Buurten for the fictitious gemeente Voorbeeldrecht (GM9999 is no real gemeente): a
    buurt with a hole (a park that is another buurt), one of two parts, and one without wijk."""
    x, y = X0, Y0
    return [
        Kenmerk(
            "BU99990101",
            "Centrum-Voorbeeldrecht",
            [[rechthoek(x, y, 1500, 1200), rechthoek(x + 500, y + 400, 500, 400)[::-1]]],
        ),
        Kenmerk("BU99990102", "Reuniepark", [[rechthoek(x + 500, y + 400, 500, 400)]]),
        Kenmerk("BU99990103", "Molenkwartier", [[rechthoek(x + 1500, y, 1200, 1200)]]),
        Kenmerk(
            "BU99990201",
            "Proefhoven-Noord",
            [[rechthoek(x, y + 1200, 1300, 700)], [rechthoek(x + 1400, y + 1300, 300, 300)]],
        ),
        Kenmerk("BU99990202", "Proefhoven-Zuid", [[rechthoek(x + 1700, y + 1200, 1000, 700)]]),
        Kenmerk("BU99990301", "Buitengebied zonder wijk", [[rechthoek(x, y + 1900, 2700, 600)]]),
    ]
