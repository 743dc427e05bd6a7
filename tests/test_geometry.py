"""Reading buurt geometry: PDOK-shaped GeoJSON and GeoPackage, and every way such a file can be
wrong (another coordinate system, no buurt code, points or lines, broken bytes)."""

from __future__ import annotations

import json
import sqlite3
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.kaartbestanden import (
    X0,
    Y0,
    Kenmerk,
    gpkg_blob,
    heusden,
    rechthoek,
    schrijf_geojson,
    schrijf_gpkg,
    voorbeeldrecht,
    wkb_polygon,
)
from wijkcheck.core.errors import WijkcheckError
from wijkcheck.sources import geometry
from wijkcheck.sources.geometry import Selection, read

HEUSDEN = Selection(frozenset({"BU07970104"}), frozenset({"0797"}))
VOORBEELDRECHT = Selection(frozenset(), frozenset({"9999"}))


def fout(pad: Path, selection: Selection = HEUSDEN) -> tuple[str, str]:
    with pytest.raises(WijkcheckError) as exc:
        read(pad, selection)
    (f,) = exc.value.findings
    return f.id, f.message


def _plat(buurten: dict[str, geometry.Area]) -> dict[str, list[list[list[float]]]]:
    return {c: [[list(r) for r in v.rings] for v in b.polygons] for c, b in buurten.items()}


@pytest.mark.parametrize("soort", ["geojson", "gpkg"])
def test_reads_the_buurten_of_the_gemeente_and_skips_water_and_others(tmp_path, soort):
    pad = tmp_path / f"buurten.{soort}"
    (schrijf_geojson if soort == "geojson" else schrijf_gpkg)(pad, heusden())
    g = read(pad, HEUSDEN)
    assert sorted(g.areas) == ["BU07970104", "BU07970199"]  # water and Amsterdam left out
    assert g.count == 3  # land features in the file
    venne = g.areas["BU07970104"]
    assert venne.name == "Venne-West"
    assert venne.bounds == (X0, Y0, X0 + 1000, Y0 + 800)
    assert list(venne.polygons[0].rings[0][:4]) == [X0, Y0, X0 + 1000, Y0]
    assert g.layer == ("buurten" if soort == "gpkg" else None)


def test_geopackage_and_geojson_give_the_same_holes_and_parts(tmp_path):
    a = read(schrijf_geojson(tmp_path / "b.geojson", voorbeeldrecht()), VOORBEELDRECHT)
    b = read(schrijf_gpkg(tmp_path / "b.gpkg", voorbeeldrecht()), VOORBEELDRECHT)
    assert _plat(a.areas) == _plat(b.areas)
    centrum = b.areas["BU99990101"]
    assert [len(v.rings) for v in centrum.polygons] == [2]  # outer ring and a hole
    assert len(b.areas["BU99990201"].polygons) == 2  # a MultiPolygon of two parts


def test_geopackage_big_endian_with_z_coordinates(tmp_path):
    pad = schrijf_gpkg(tmp_path / "b.gpkg", voorbeeldrecht(), le=False, z=True)
    gewoon = schrijf_gpkg(tmp_path / "c.gpkg", voorbeeldrecht())
    assert _plat(read(pad, VOORBEELDRECHT).areas) == _plat(read(gewoon, VOORBEELDRECHT).areas)


def test_layer_is_chosen_by_name_and_unknown_layers_named(tmp_path):
    pad = schrijf_gpkg(tmp_path / "b.gpkg", heusden(), extra_lagen=("wijken", "gemeenten"))
    assert read(pad, HEUSDEN).layer == "buurten"
    pad = schrijf_gpkg(tmp_path / "c.gpkg", heusden(), laag="percelen", extra_lagen=("wegen",))
    regel, bericht = fout(pad)
    assert regel == "geometrie-laag" and "percelen, wegen" in bericht


def test_other_coordinate_systems_are_refused(tmp_path):
    pad = schrijf_geojson(tmp_path / "a.geojson", heusden(), crs="urn:ogc:def:crs:OGC:1.3:CRS84")
    regel, bericht = fout(pad)
    assert regel == "geometrie-crs" and "CRS84" in bericht and "EPSG:28992" in bericht
    # no crs member: coordinates in degrees are recognised as such
    graden = [Kenmerk("BU07970104", "Venne-West", [[rechthoek(5.1, 51.68, 0.01, 0.01)]])]
    regel, bericht = fout(schrijf_geojson(tmp_path / "b.geojson", graden, crs=None))
    assert regel == "geometrie-crs" and "WGS84" in bericht
    regel, bericht = fout(schrijf_gpkg(tmp_path / "c.gpkg", heusden(), srs_id=4326))
    assert regel == "geometrie-crs" and "WGS 84 geodetic (EPSG:4326)" in bericht
    regel, _ = fout(schrijf_gpkg(tmp_path / "d.gpkg", heusden(), srs_id=3035, coordsys=3035))
    assert regel == "geometrie-crs"
    # without a crs member, RD coordinates are accepted (PDOK's OGC API with crs=EPSG:28992)
    assert read(schrijf_geojson(tmp_path / "e.geojson", heusden(), crs=None), HEUSDEN).areas


def test_a_file_without_buurt_codes_says_what_it_has(tmp_path):
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"wijkcode": "WK079701", "wijknaam": "Wijk 01 Drunen"},
                "geometry": {"type": "Polygon", "coordinates": [rechthoek(X0, Y0, 10, 10)]},
            }
        ],
    }
    pad = tmp_path / "wijken.geojson"
    pad.write_text(json.dumps(doc), "utf-8")
    regel, bericht = fout(pad)
    assert regel == "geometrie-geen-code" and "laag wijken" in bericht
    doc["features"][0]["properties"] = {"CODE": "x", "NAAM": "y"}
    pad.write_text(json.dumps(doc), "utf-8")
    regel, bericht = fout(pad)
    assert regel == "geometrie-geen-code" and "CODE, NAAM" in bericht


def test_points_and_lines_are_refused_where_the_map_needs_them(tmp_path):
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"buurtcode": "BU07970104"},
                "geometry": {"type": "Point", "coordinates": [X0, Y0]},
            }
        ],
    }
    pad = tmp_path / "punten.geojson"
    pad.write_text(json.dumps(doc), "utf-8")
    regel, bericht = fout(pad)
    assert regel == "geometrie-type" and "Point" in bericht
    regel, bericht = fout(schrijf_gpkg(tmp_path / "p.gpkg", [], soort="POINT"))
    assert regel == "geometrie-type" and "POINT" in bericht


def _gpkg_met_blob(pad: Path, blob: bytes) -> Path:
    schrijf_gpkg(pad, heusden()[:1])
    db = sqlite3.connect(pad)
    db.execute("UPDATE buurten SET geom = ?", (blob,))
    db.commit()
    db.close()
    return pad


@pytest.mark.parametrize(
    ("blob", "woord"),
    [
        (b"XX\x00\x03" + bytes(40), "begint niet met 'GP'"),
        (gpkg_blob(wkb_polygon([rechthoek(X0, Y0, 5, 5)]))[:-20], "afgebroken"),
        # a ring that claims four billion points in a few bytes
        (
            gpkg_blob(struct.pack("<BII", 1, 3, 1) + struct.pack("<I", 0xFFFFFFFF) + bytes(32)),
            "afgebroken",
        ),
        (gpkg_blob(struct.pack("<BI", 1, 1) + struct.pack("<dd", X0, Y0)), "Point"),
        (gpkg_blob(wkb_polygon([rechthoek(X0, Y0, 5, 5)]), srs_id=4326), "srs_id 4326"),
        (gpkg_blob(wkb_polygon([[(X0, Y0), (float("nan"), Y0), (X0, Y0 + 1)]])), "eindig"),
    ],
)
def test_broken_geopackage_geometry_is_a_clear_error(tmp_path, blob, woord):
    regel, bericht = fout(_gpkg_met_blob(tmp_path / "kapot.gpkg", blob))
    assert regel.startswith("geometrie-") and woord in bericht


@pytest.mark.parametrize(
    ("inhoud", "regel"),
    [
        (b'{"type": "FeatureCollection", "features": [', "geometrie-onleesbaar"),
        (b'{"type": "Topology"}', "geometrie-formaat"),
        (b"SQLite format 3\x00" + bytes(200), "geometrie-onleesbaar"),
        (b"\x89PNG\r\n\x1a\n" + bytes(20), "geometrie-formaat"),
        (
            b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
            b'{"buurtcode": "BU07970104"}, "geometry": {"type": "Polygon", "coordinates": '
            b"[[[NaN, 1], [2, 3], [4, 5]]]}}]}",
            "geometrie-onleesbaar",
        ),
    ],
)
def test_files_that_are_no_geometry_are_clear_errors(tmp_path, inhoud, regel):
    pad = tmp_path / "buurten.bin"
    pad.write_bytes(inhoud)
    assert fout(pad)[0] == regel


def test_invalid_json_points_at_line_and_column(tmp_path):
    pad = tmp_path / "b.geojson"
    pad.write_text('{"type": "FeatureCollection",\n  "features": [,]}', "utf-8")
    with pytest.raises(WijkcheckError) as exc:
        read(pad, HEUSDEN)
    assert str(exc.value.findings[0].span) == f"{pad}:2:16"


def test_a_sqlite_file_that_is_no_geopackage(tmp_path):
    pad = tmp_path / "leeg.gpkg"
    sqlite3.connect(pad).execute("CREATE TABLE t (x)").connection.close()
    regel, bericht = fout(pad)
    assert regel == "geometrie-formaat" and "geen GeoPackage" in bericht


def test_missing_file_and_folder(tmp_path):
    assert fout(tmp_path / "nergens.gpkg")[0] == "geometrie-bestand"
    assert "geen bestand" in fout(tmp_path)[1]


def test_point_count_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(geometry, "MAX_POINTS", 8)
    for pad in (
        schrijf_geojson(tmp_path / "a.geojson", heusden()),
        schrijf_gpkg(tmp_path / "a.gpkg", heusden()),
    ):
        regel, bericht = fout(pad)
        assert regel == "geometrie-te-groot" and "vereenvoudig" in bericht


def test_large_geojson_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(geometry, "MAX_GEOJSON_BYTES", 100)
    regel, bericht = fout(schrijf_geojson(tmp_path / "a.geojson", heusden()))
    assert regel == "geometrie-te-groot" and "GeoPackage" in bericht


def test_the_geopackage_is_opened_read_only(tmp_path):
    pad = schrijf_gpkg(tmp_path / "b.gpkg", heusden())
    voor = pad.read_bytes()
    pad.chmod(0o444)
    read(pad, HEUSDEN)
    assert pad.read_bytes() == voor
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.gpkg"]  # no journal or wal files


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_files_give_only_our_error(tmp_path, data):
    """Bytes of a real-shaped GeoPackage or GeoJSON flipped, cut or repeated: the reader
    returns buurten or raises WijkcheckError, nothing else."""
    soort = data.draw(st.sampled_from(["gpkg", "geojson"]))
    pad = tmp_path / f"b.{soort}"
    if not pad.exists():
        (schrijf_gpkg if soort == "gpkg" else schrijf_geojson)(pad, voorbeeldrecht())
    ruw = bytearray(pad.read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        plek = data.draw(st.integers(0, len(ruw) - 1))
        ruw[plek] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        ruw = ruw[: data.draw(st.integers(0, len(ruw)))]
    kapot = tmp_path / f"kapot.{soort}"
    kapot.write_bytes(bytes(ruw))
    try:
        g = read(kapot, VOORBEELDRECHT)
    except WijkcheckError as exc:
        assert [f.id.startswith("geometrie-") for f in exc.findings] == [True]
    else:
        assert all(c in VOORBEELDRECHT for c in g.areas)
        x0, y0, x1, y1 = geometry.RD_BOUNDS
        for b in g.areas.values():
            assert x0 <= b.bounds[0] <= b.bounds[2] <= x1 and y0 <= b.bounds[1] <= b.bounds[3] <= y1


def test_cbs_wijken_from_the_layer_wijken(tmp_path):
    """Where a gemeente's wijken are CBS wijken (`init --level wijk`), the layer wijken."""
    wijken = [
        Kenmerk("WK079701", "Wijk 01 Drunen", [[rechthoek(X0, Y0, 2000, 800)]]),
        Kenmerk("WK079705", "Wijk 05 Vlijmen", [[rechthoek(X0, Y0 + 800, 2000, 800)]]),
    ]
    selection = Selection(frozenset({"WK079701"}), frozenset({"0797"}), geometry.WIJK)
    pad = schrijf_gpkg(tmp_path / "b.gpkg", heusden(), lagen={"wijken": wijken, "gemeenten": []})
    g = read(pad, selection)
    assert g.layer == "wijken" and sorted(g.areas) == ["WK079701", "WK079705"]
    assert g.areas["WK079705"].name == "Wijk 05 Vlijmen"
    assert sorted(read(schrijf_geojson(tmp_path / "w.geojson", wijken), selection).areas) == [
        "WK079701",
        "WK079705",
    ]
    # the buurten carry their wijk's code too, but a layer of buurten is no layer of wijken
    regel, bericht = fout(schrijf_geojson(tmp_path / "b.geojson", heusden()), selection)
    assert regel == "geometrie-geen-code" and "laag buurten" in bericht
    assert "kies de laag wijken" in bericht
