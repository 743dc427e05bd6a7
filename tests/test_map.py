"""The map (`overview --geometrie`): wijken matched to PDOK-shaped buurten by CBS code, coloured
as the overview judges them, with the notices, the legend and the wijken without geometry."""

from __future__ import annotations

import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import alleen_heusden
from tests.kaartbestanden import (
    X0,
    Y0,
    Kenmerk,
    heusden,
    rechthoek,
    schrijf_geojson,
    schrijf_gpkg,
    voorbeeldrecht,
)
from wijkcheck.formatters import KAART, OutputFormat, formats_for, renderer
from wijkcheck.formatters.report.map_svg import STIJL, plek

REPO = Path(__file__).parents[1]
SVG = "{http://www.w3.org/2000/svg}"
DATUM = ["--datum", "2025-06-01"]
#: the fictitious gemeente's wijken and the (equally fictitious) buurt codes the test gives them;
#: Schetsveen's code is not in the geometry file
CODES = {
    "centrum-voorbeeldrecht": "BU99990101",
    "reuniepark": "BU99990102",
    "molenkwartier": "BU99990103",
    "proefhoven-noord": "BU99990201",
    "proefhoven-zuid": "BU99990202",
    "schetsveen": "BU99990300",
}


@pytest.fixture
def voorbeeldrecht_data(tmp_path: Path) -> Path:
    """A copy of the fictitious gemeente Voorbeeldrecht whose wijk files carry buurt codes."""
    root = tmp_path / "voorbeeldrecht"
    shutil.copytree(REPO / "voorbeelden" / "voorbeeldrecht", root)
    for naam, code in CODES.items():
        pad = root / "data" / "wijken" / "voorbeeldrecht" / f"{naam}.yaml"
        tekst = pad.read_text("utf-8")
        pad.write_text(
            re.sub(r"(?m)^kern:", f"cbs_buurtcode: {code}\nkern:", tekst, count=1), "utf-8"
        )
    return root


def _paden(svg: str) -> dict[str, ET.Element]:
    """The shapes of the map by their tooltip."""
    boom = ET.fromstring(svg)
    return {
        p.findtext(f"{SVG}title"): p
        for p in boom.iter(f"{SVG}path")
        if p.find(f"{SVG}title") is not None
    }


def _tekst(svg: str) -> str:
    """All words of the picture, its wrapped lines joined."""
    return " ".join(t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text"))


def test_every_map_format_has_a_renderer() -> None:
    assert formats_for(KAART) == [OutputFormat.HTML, OutputFormat.SVG, OutputFormat.PNG]
    for fmt in formats_for(KAART):
        assert callable(renderer(fmt, KAART))


def test_bundled_heusden_on_a_pdok_shaped_file(invoke, tmp_path: Path) -> None:
    """From an empty folder, on the bundled data: Venne-West (the one wijk with a CBS code) is
    coloured, the other buurt of Heusden is grey, water and other gemeenten are left out, and
    the 18 wijken without a code are listed."""
    geo = schrijf_geojson(tmp_path / "buurten.geojson", heusden())
    invoke(["overview", *DATUM, "--geometrie", str(geo), "-o", "kaart.svg"])
    svg = (tmp_path / "kaart.svg").read_text("utf-8")
    vormen = _paden(svg)
    (venne,) = [t for t in vormen if t.startswith("Venne-West (BU07970104)")]
    assert re.search(r": \d+ ✔ · \d+ ✘ · \d+ \?$", venne)
    assert "Testbuurt zonder wijk (BU07970199): geen wijk in de gegevens" in vormen
    assert not any("Testwater" in t or "andere gemeente" in t for t in vormen)
    tekst = _tekst(svg)
    assert "meegeleverde voorbeeldgegevens van gemeente Heusden" in tekst
    assert "Concept:" in tekst and "voorbeeldnorm" in tekst
    lijst = tekst.split("geen cbs_buurtcode in het wijkbestand: ")[1].split(".")[0].split(", ")
    assert len(lijst) == 18 and "Venne-West" not in lijst and "Herpt" in lijst
    assert "1 van 19 wijken op de kaart" in tekst
    assert "Legenda" in tekst and "buurt zonder wijk in de gegevens (1)" in tekst


@pytest.mark.parametrize("soort", ["geojson", "gpkg"])
def test_each_wijk_has_the_outcome_of_the_overview(invoke, tmp_path, voorbeeldrecht_data, soort):
    pad = tmp_path / f"buurten.{soort}"
    (schrijf_geojson if soort == "geojson" else schrijf_gpkg)(pad, voorbeeldrecht())
    data = ["--data", str(voorbeeldrecht_data), *DATUM]
    ov = json.loads(invoke(["overview", *data, "-f", "json"]).stdout)
    uitkomst = {r["wijk"]: r["voorwaarden"]["verbondenheid"] for r in ov["rijen"]}
    invoke(
        ["overview", *data, "--geometrie", str(pad), "--voorwaarde", "verbondenheid", "-o", "k.svg"]
    )
    svg = (tmp_path / "k.svg").read_text("utf-8")
    getekend = {}
    for titel, vorm in _paden(svg).items():
        wijk, _, rest = titel.partition(" (BU")
        if "geen wijk" not in rest:
            getekend[wijk] = (rest.split(": ", 1)[1], vorm.get("fill"))
    assert set(getekend) == set(uitkomst) - {"Schetsveen"}
    for wijk, (tekst, fill) in getekend.items():
        assert tekst.endswith(uitkomst[wijk]), wijk
        assert fill == STIJL[uitkomst[wijk].replace(" ", "-")][0], wijk
    assert "Schetsveen (BU99990300)" in svg and "buurtcode niet in het geometriebestand" in svg
    # the park is a hole in the centre: two rings in one even-odd path
    centrum = next(v for t, v in _paden(svg).items() if t.startswith("Centrum-Voorbeeldrecht"))
    assert centrum.get("d").count("M") == 2 and centrum.get("fill-rule") == "evenodd"
    # per outcome the legend counts the wijken, and the classes a grey print cannot tell apart
    # by colour carry a pattern
    tellingen = {u: list(uitkomst.values()).count(u) for u in ("voldaan", "niet voldaan")}
    assert f"voldaan ({tellingen['voldaan'] - (uitkomst['Schetsveen'] == 'voldaan')})" in svg
    if "niet voldaan" in getekend.get("Molenkwartier", ("",))[0]:
        assert 'fill="url(#arcering)"' in svg


def test_score_map_and_its_legend(invoke, tmp_path, voorbeeldrecht_data) -> None:
    pad = schrijf_gpkg(tmp_path / "b.gpkg", voorbeeldrecht())
    invoke(
        [
            "overview",
            "--data",
            str(voorbeeldrecht_data),
            *DATUM,
            "--geometrie",
            str(pad),
            "-o",
            "k.svg",
        ]
    )
    svg = (tmp_path / "k.svg").read_text("utf-8")
    tekst = _tekst(svg)
    assert "Gekleurd naar checklistscore (11 items)" in tekst
    for naam in (
        "alle items voldaan",
        "75 % of meer voldaan",
        "50 tot 75 % voldaan",
        "minder dan 50 % voldaan",
    ):
        assert naam in tekst
    assert "tellen niet als voldaan" in tekst  # what an unknown item means for the score
    molen = next(t for t in _paden(svg) if t.startswith("Molenkwartier"))
    assert re.search(r"\d+ ✔ · \d+ ✘ · \d+ \?$", molen)


def test_png_fills_holes_as_holes_and_draws_patterns() -> None:
    from PIL import Image

    from wijkcheck.formatters.report.matrix import Tekening, Vlak
    from wijkcheck.formatters.report.png import SCHAAL, png

    buiten = ((10, 10), (90, 10), (90, 90), (10, 90))
    gat = ((40, 40), (60, 40), (60, 60), (40, 60))
    t = Tekening(
        200,
        100,
        "t",
        "t",
        [
            Vlak((buiten, gat), "#00ff00"),
            Vlak((tuple((x + 100, y) for x, y in buiten),), "#ffffff", "arcering"),
        ],
    )
    beeld = Image.open(io.BytesIO(png(t))).convert("RGB")
    assert beeld.getpixel((20 * SCHAAL, 20 * SCHAAL)) == (0, 255, 0)
    assert beeld.getpixel((50 * SCHAAL, 50 * SCHAAL)) == (255, 255, 255)  # the hole
    kleuren = {beeld.getpixel((x, 50 * SCHAAL)) for x in range(110 * SCHAAL, 190 * SCHAAL)}
    assert (0x5A, 0x0A, 0x0A) in kleuren and (255, 255, 255) in kleuren  # hatching on white


def test_png_map(invoke, tmp_path, voorbeeldrecht_data) -> None:
    from PIL import Image

    pad = schrijf_gpkg(tmp_path / "b.gpkg", voorbeeldrecht())
    data = ["--data", str(voorbeeldrecht_data), *DATUM, "--geometrie", str(pad)]
    invoke(["overview", *data, "--voorwaarde", "verbondenheid", "-o", "k.png"])
    with Image.open(tmp_path / "k.png") as beeld:
        assert beeld.format == "PNG" and beeld.size[0] == 1800 and beeld.size[1] > 1800


def test_html_is_one_self_contained_page_with_escaped_text(invoke, tmp_path, voorbeeldrecht_data):
    buurten = voorbeeldrecht()
    buurten[-1].naam = "<script>alert('x')</script> \x1b[31m"
    pad = schrijf_geojson(tmp_path / "b.geojson", buurten)
    invoke(
        [
            "overview",
            "--data",
            str(voorbeeldrecht_data),
            *DATUM,
            "--geometrie",
            str(pad),
            "-o",
            "k.html",
        ]
    )
    html = (tmp_path / "k.html").read_text("utf-8")
    assert "<script" not in html and "\x1b" not in html
    assert "&lt;script&gt;" in html and "\\x1b" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing from elsewhere
    assert html.count("<svg") == 1 and "<?xml" not in html
    assert '<th scope="row">Molenkwartier</th>' in html and "BU99990103" in html
    assert "Niet op de kaart" in html and "Schetsveen (BU99990300)" in html
    assert "Let op:" in html and "Concept" in html


def test_the_same_picture_from_geojson_and_geopackage(invoke, tmp_path, voorbeeldrecht_data):
    a = schrijf_geojson(tmp_path / "b.geojson", voorbeeldrecht())
    b = schrijf_gpkg(tmp_path / "b.gpkg", voorbeeldrecht())
    data = ["--data", str(voorbeeldrecht_data), *DATUM]
    svg_a = invoke(["overview", *data, "--geometrie", str(a), "-f", "svg"]).stdout
    svg_b = invoke(["overview", *data, "--geometrie", str(b), "-f", "svg"]).stdout
    assert svg_a.replace("b.geojson", "b.gpkg, laag buurten") == svg_b


@pytest.mark.parametrize(
    ("extra", "woord"),
    [
        (["--voorwaarde", "ontmoeting"], "Bedoelde u 'ontmoeting-in-de-wijk'?"),
        (["-o", "k.csv"], "--geometrie maakt een kaart"),
        ([], "--geometrie maakt een kaart"),  # no -o: the terminal table is no map
        (["--alleen-problemen", "-o", "k.svg"], "een kaart toont alle wijken"),
    ],
)
def test_wrong_use_is_a_dutch_error(invoke, tmp_path, voorbeeldrecht_data, extra, woord):
    pad = schrijf_gpkg(tmp_path / "b.gpkg", voorbeeldrecht())
    args = ["overview", "--data", str(voorbeeldrecht_data), *DATUM, "--geometrie", str(pad)]
    if extra[:1] == ["--voorwaarde"]:
        extra = [*extra, "-o", "k.svg"]
    assert woord in invoke([*args, *extra], code=2).output


def test_voorwaarde_without_geometry(invoke) -> None:
    out = invoke(["overview", "--voorwaarde", "ontmoetingsplekken", "-o", "k.svg"], code=2).output
    assert "geef ook --geometrie" in out


def test_a_file_of_another_gemeente_or_crs_is_refused(invoke, tmp_path) -> None:
    elders = [Kenmerk("BU03630000", "Ergens", [[rechthoek(120_000, 480_000, 500, 500)]])]
    pad = schrijf_gpkg(tmp_path / "elders.gpkg", elders)
    out = invoke(["overview", *DATUM, "--geometrie", str(pad), "-o", "k.svg"], code=2).output
    assert "geen buurt van Heusden (GM0797)" in out and "(kaart-leeg)" in out
    pad = schrijf_gpkg(tmp_path / "wgs.gpkg", heusden(), srs_id=4326)
    out = invoke(["overview", *DATUM, "--geometrie", str(pad), "-o", "k.svg"], code=2).output
    assert "EPSG:28992" in out and "(geometrie-crs)" in out
    assert not (tmp_path / "k.svg").exists()


def test_an_existing_map_is_not_overwritten(invoke, tmp_path) -> None:
    pad = schrijf_gpkg(tmp_path / "b.gpkg", heusden())
    (tmp_path / "k.svg").write_text("mijn kaart", "utf-8")
    args = ["overview", *DATUM, "--geometrie", str(pad), "-o", "k.svg"]
    assert "--force" in invoke(args, code=2).output
    assert (tmp_path / "k.svg").read_text("utf-8") == "mijn kaart"
    invoke([*args, "--force"])
    assert (tmp_path / "k.svg").read_text("utf-8").startswith("<?xml")


def test_points_drawn_are_bounded_by_the_picture_not_the_file(invoke, tmp_path) -> None:
    """A buurt with 200,000 points on its outline is drawn with a few thousand."""
    import math

    n = 200_000
    cirkel = [
        (
            X0 + 500 + 500 * math.cos(2 * math.pi * i / n),
            Y0 + 500 + 500 * math.sin(2 * math.pi * i / n),
        )
        for i in range(n)
    ]
    pad = schrijf_gpkg(
        tmp_path / "b.gpkg", [Kenmerk("BU07970104", "Venne-West", [[[*cirkel, cirkel[0]]]])]
    )
    svg = invoke(["overview", *DATUM, "--geometrie", str(pad), "-f", "svg"]).stdout
    d = next(v for t, v in _paden(svg).items() if t.startswith("Venne-West")).get("d")
    assert 100 < d.count(",") < 6_000


def test_labels_go_where_they_fit() -> None:
    # a U: the centre of its box is outside the shape, the label goes into an arm or the base
    u = ((0, 0), (300, 0), (300, 200), (200, 200), (200, 60), (100, 60), (100, 200), (0, 200))
    punt = plek((u,), 60, 12)
    assert punt is not None
    x, y = punt
    assert not (100 < x < 200 and y < 140)  # not in the gap between the arms
    assert plek((((0, 0), (20, 0), (20, 20), (0, 20)),), 60, 12) is None  # too small


def test_a_name_that_does_not_fit_becomes_a_number(invoke, tmp_path) -> None:
    smal = [Kenmerk("BU07970104", "Venne-West", [[rechthoek(X0, Y0, 20, 2000)]])]
    pad = schrijf_gpkg(
        tmp_path / "b.gpkg",
        [*smal, Kenmerk("BU07970199", "Ruim", [[rechthoek(X0 + 20, Y0, 3000, 2000)]])],
    )
    svg = invoke(["overview", *DATUM, "--geometrie", str(pad), "-f", "svg"]).stdout
    assert "Nummers op de kaart: 1 Venne-West." in svg
    assert re.search(r">1</text>", svg)


def test_map_svg_is_valid_xml_with_title_and_description(invoke, tmp_path) -> None:
    pad = schrijf_geojson(tmp_path / "b.geojson", heusden())
    svg = invoke(["overview", *DATUM, "--geometrie", str(pad), "-f", "svg"]).stdout
    boom = ET.parse(io.StringIO(svg)).getroot()
    assert boom.findtext(f"{SVG}title") == "Kaart sociale basis: gemeente Heusden"
    assert "gekleurd naar checklistscore" in boom.findtext(f"{SVG}desc")


def test_two_gemeenten_with_the_same_wijk_names(invoke, tmp_path, data_copy) -> None:
    """Vught as a copy of Heusden: each Venne-West on its own buurt, the names on the map
    carry their gemeente, the tooltips too."""
    wijken = alleen_heusden(data_copy) / "data" / "wijken"
    shutil.copytree(wijken / "heusden", wijken / "vught")
    g = wijken / "vught" / "gemeente.yaml"
    tekst = g.read_text("utf-8").replace("naam: Heusden\n", "naam: Vught\n")
    g.write_text(tekst.replace("cbs_code: GM0797", "cbs_code: GM0865"), "utf-8")
    v = wijken / "vught" / "venne-west.yaml"
    v.write_text(v.read_text("utf-8").replace("BU07970104", "BU08650104"), "utf-8")
    buurten = [
        *heusden(),
        Kenmerk("BU08650104", "Venne-West", [[rechthoek(X0, Y0 + 900, 1000, 800)]]),
    ]
    pad = schrijf_gpkg(tmp_path / "b.gpkg", buurten)
    svg = invoke(
        ["overview", "--data", str(data_copy), *DATUM, "--geometrie", str(pad), "-f", "svg"]
    ).stdout
    titels = set(_paden(svg))
    assert any(t.startswith("Venne-West, Heusden (BU07970104)") for t in titels)
    assert any(t.startswith("Venne-West, Vught (BU08650104)") for t in titels)
    woorden = _tekst(svg)
    assert "Kaart sociale basis: 2 gemeenten" in woorden
    assert "(Vught)" in woorden and "(Heusden)" in woorden


def test_every_outcome_and_score_class_has_a_style() -> None:
    """A new outcome (or score class) needs its colour and pattern before it can be drawn."""
    from wijkcheck.core.results import Uitkomst
    from wijkcheck.reports.map import GEEN_ITEMS, SCORE_KLASSEN, klasse_van

    klassen = {klasse_van(u) for u in Uitkomst} | {k for k, _, _ in SCORE_KLASSEN} | {GEEN_ITEMS[0]}
    assert klassen == set(STIJL)


def test_wijken_that_are_cbs_wijken(invoke, tmp_path) -> None:
    """Wijk files with only `cbs_wijkcode` (a CBS wijk is a wijk): the map draws CBS wijken."""
    root = tmp_path / "voorbeeldrecht"
    shutil.copytree(REPO / "voorbeelden" / "voorbeeldrecht", root)
    map_ = root / "data" / "wijken" / "voorbeeldrecht"
    for naam, code in (("centrum-voorbeeldrecht", "WK999901"), ("proefhoven-noord", "WK999902")):
        pad = map_ / f"{naam}.yaml"
        tekst = pad.read_text("utf-8")
        pad.write_text(
            re.sub(r"(?m)^kern:", f"cbs_wijkcode: {code}\nkern:", tekst, count=1), "utf-8"
        )
    wijken = [
        Kenmerk("WK999901", "Wijk 01", [[rechthoek(X0, Y0, 1500, 1200)]]),
        Kenmerk("WK999902", "Wijk 02", [[rechthoek(X0, Y0 + 1200, 1500, 700)]]),
        Kenmerk("WK999903", "Wijk 03", [[rechthoek(X0 + 1500, Y0, 800, 1900)]]),
    ]
    pad = schrijf_gpkg(tmp_path / "b.gpkg", voorbeeldrecht(), lagen={"wijken": wijken})
    data = ["--data", str(root), *DATUM, "--geometrie", str(pad)]
    svg = invoke(["overview", *data, "-f", "svg"]).stdout
    titels = set(_paden(svg))
    assert any(t.startswith("Centrum-Voorbeeldrecht (WK999901)") for t in titels)
    assert "Wijk 03 (WK999903): geen wijk in de gegevens" in titels
    woorden = _tekst(svg)
    assert "CBS-wijk zonder wijk in de gegevens (1)" in woorden
    lijst = woorden.split("geen cbs_wijkcode in het wijkbestand: ")[1].split(".")[0].split(", ")
    assert sorted(lijst) == ["Molenkwartier", "Proefhoven-Zuid", "Reüniepark", "Schetsveen"]
    assert "laag wijken" in woorden
