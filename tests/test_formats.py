"""Memo output: every command in every format, files written safely, hostile text escaped."""

from __future__ import annotations

import csv
import inspect
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from wijkcheck.formatters import (
    AUDIT,
    EXTENSIES,
    RENDERERS,
    OutputFormat,
    formats_for,
    renderer,
    uit_bestandsnaam,
)

COMMANDS = {
    "audit": ["audit", "Herpt", "--datum", "2026-01-01"],
    "overview": ["overview", "--gemeente", "heusden", "--datum", "2026-01-01"],
    "show": ["show", "Herpt", "--datum", "2026-01-01"],
}
MAGIC = {OutputFormat.DOCX: b"PK\x03\x04", OutputFormat.PNG: b"\x89PNG\r\n\x1a\n"}
HOSTILE = "<script>alert('x')</script> & \"Co\""


def test_every_format_has_a_formatter_with_render() -> None:
    """Every format renders something, and every entry of the registry names a function that
    takes its kind of result (its first parameter's annotation), the terminal's with a width."""
    assert {fmt for fmt, _ in RENDERERS} == set(OutputFormat)
    for fmt, kind in RENDERERS:
        function = renderer(fmt, kind)
        parameters = list(inspect.signature(function).parameters.values())
        soort = parameters[0].annotation
        assert soort == kind or (fmt is OutputFormat.JSON and soort == "BaseModel"), (fmt, kind)
        verplicht = [p for p in parameters if p.default is inspect.Parameter.empty]
        assert len(verplicht) == 1, (fmt, kind)
        if fmt is OutputFormat.TABEL:
            assert [p.name for p in parameters[1:]] == ["breedte"], kind


def test_a_format_that_does_not_fit_is_refused_before_its_module_loads() -> None:
    code = (
        "import sys\n"
        "from wijkcheck import formatters as f\n"
        "from wijkcheck.core.errors import WijkcheckError\n"
        "for fmt in f.OutputFormat:\n"
        "    for kind in f.COMMANDS:\n"
        "        try:\n"
        "            f.check(fmt, kind)\n"
        "        except WijkcheckError as e:\n"
        "            assert (fmt, kind) not in f.RENDERERS\n"
        "            [b] = e.findings\n"
        "            assert b.id == 'formaat-past-niet' and 'kies voor' in b.message\n"
        "        else:\n"
        "            assert (fmt, kind) in f.RENDERERS\n"
        "bad = [m for m in sys.modules if m.startswith('wijkcheck.formatters.report')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_in_every_format(invoke, tmp_path: Path, command: str) -> None:
    for fmt in OutputFormat:
        args = [*COMMANDS[command], "--format", fmt.value]
        if fmt not in formats_for(AUDIT) and command != "overview":
            out = invoke(args, code=2).output
            assert "kan alleen bij 'wijkcheck overview'" in out, fmt
            continue
        target = tmp_path / f"{command}{next(e for e, f in EXTENSIES.items() if f is fmt)}"
        if fmt.binair:
            assert "geef een naam met --output" in invoke(args, code=2).output, fmt
            invoke([*args, "--output", str(target)])
            assert target.read_bytes().startswith(MAGIC[fmt]), fmt
            continue
        shown = invoke(args).stdout
        assert shown.strip(), fmt
        invoke([*args, "-o", str(target)])
        written = target.read_text(encoding="utf-8")
        if fmt is not OutputFormat.TABEL:  # the screen follows COLUMNS, a file is 100 wide
            assert written == shown, fmt


def test_format_follows_the_output_extension(invoke, tmp_path: Path) -> None:
    invoke([*COMMANDS["show"], "-o", str(tmp_path / "kaart.docx")])
    invoke([*COMMANDS["overview"], "-o", str(tmp_path / "overzicht.png")])
    invoke([*COMMANDS["audit"], "-o", str(tmp_path / "memo.md")])
    assert (tmp_path / "kaart.docx").read_bytes().startswith(MAGIC[OutputFormat.DOCX])
    assert (tmp_path / "overzicht.png").read_bytes().startswith(MAGIC[OutputFormat.PNG])
    assert (tmp_path / "memo.md").read_text(encoding="utf-8").startswith("# Audit")
    assert uit_bestandsnaam("x.HTML") is OutputFormat.HTML and uit_bestandsnaam("x.pdf") is None


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("naam", ["rapport.pdf", "rapport.doc", "Rapport.XLSX", "memo.tabel"])
def test_an_extension_that_is_no_format_is_refused(
    invoke, tmp_path: Path, command: str, naam: str
) -> None:
    for extra in ([], ["--format", "docx"]):
        out = invoke([*COMMANDS[command], *extra, "-o", str(tmp_path / naam)], code=2).stderr
        assert f"wijkcheck schrijft geen '{Path(naam).suffix}'-bestanden" in out
        assert ".txt (tabel), .md/.markdown (markdown), .html/.htm (html), .docx (docx)" in out
        assert out.rstrip().endswith("(onbekende-extensie)")
    assert list(tmp_path.iterdir()) == []


def test_an_extension_of_another_format_is_refused(invoke, tmp_path: Path) -> None:
    out = invoke([*COMMANDS["audit"], "-f", "markdown", "-o", str(tmp_path / "x.json")], code=2)
    assert "'.json' is de extensie van --format json, niet van markdown" in out.stderr
    assert "extensie .md/.markdown" in out.stderr and not (tmp_path / "x.json").exists()


def test_txt_and_no_extension_get_terminal_text(invoke, tmp_path: Path) -> None:
    invoke([*COMMANDS["audit"], "-o", str(tmp_path / "audit.txt")])
    invoke([*COMMANDS["audit"], "-o", str(tmp_path / "audit")])
    invoke([*COMMANDS["audit"], "-f", "json", "-o", str(tmp_path / "audit-json")])
    tekst = (tmp_path / "audit.txt").read_text(encoding="utf-8")
    assert tekst.startswith("Audit sociale basis: Herpt")
    assert (tmp_path / "audit").read_text(encoding="utf-8") == tekst
    assert json.loads((tmp_path / "audit-json").read_text(encoding="utf-8"))["soort"] == "audit"


def test_existing_file_is_not_overwritten_without_force(invoke, tmp_path: Path) -> None:
    target = tmp_path / "memo.html"
    target.write_text("mijn eigen memo", encoding="utf-8")
    out = invoke([*COMMANDS["audit"], "-o", str(target)], code=2).output
    assert "bestaat al" in out and "--force" in out
    assert target.read_text(encoding="utf-8") == "mijn eigen memo"
    invoke([*COMMANDS["audit"], "-o", str(target), "--force"])
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.html"]  # no temp files left


def test_output_errors_are_dutch_and_exit_2(invoke, tmp_path: Path) -> None:
    out = invoke([*COMMANDS["audit"], "-o", str(tmp_path / "nergens" / "x.md")], code=2).output
    assert "bestaat niet" in out
    assert (
        "is een map"
        in invoke([*COMMANDS["audit"], "-f", "csv", "-o", str(tmp_path)], code=2).output
    )


def test_dash_means_stdout(invoke) -> None:
    out = invoke([*COMMANDS["overview"], "-f", "json", "-o", "-"]).stdout
    assert json.loads(out)["soort"] == "overzicht"


@pytest.fixture
def hostile(data_copy: Path) -> Path:
    """Bundled data with markup in a facility name, its source and the gemeente name."""
    wijk = data_copy / "data" / "wijken" / "heusden" / "herpt.yaml"
    text = wijk.read_text(encoding="utf-8")
    text = text.replace(
        "  - naam: Dorpshuis Herpt\n    soort: dorpshuis\n    toegankelijk: true\n"
        "    bron: voorbeeld\n",
        f"  - naam: {json.dumps(HOSTILE)}\n    soort: dorpshuis\n    toegankelijk: true\n"
        '    bron: "voorbeeld <img src=x onerror=alert(1)>"\n',
    )
    assert HOSTILE.split()[0][:8] in text
    wijk.write_text(text, encoding="utf-8")
    gemeente = data_copy / "data" / "wijken" / "heusden" / "gemeente.yaml"
    text = gemeente.read_text(encoding="utf-8").replace("naam: Heusden\n", 'naam: "Heusden <b>"\n')
    gemeente.write_text(text, encoding="utf-8")
    return data_copy


@pytest.mark.parametrize("command", list(COMMANDS))
def test_html_escapes_all_input(invoke, hostile: Path, command: str) -> None:
    out = invoke([*COMMANDS[command], "--data", str(hostile), "-f", "html"]).stdout
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;b&gt;" in out
    # standalone: nothing fetched from elsewhere
    assert not re.search(r"""(src|href)=["'](?!#)|url\(|@import""", out)
    assert "@page" in out and "@media print" in out
    if command != "overview":
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Co&quot;" in out
        assert "&lt;img src=x onerror=alert(1)&gt;" in out


def test_svg_escapes_and_is_well_formed(invoke, hostile: Path) -> None:
    out = invoke([*COMMANDS["overview"], "--data", str(hostile), "-f", "svg"]).stdout
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Overzicht sociale basis: gemeente Heusden <b>" in texts
    assert "<b>" not in out


@pytest.mark.parametrize("command", ["audit", "show"])
def test_markdown_escapes_markup(invoke, hostile: Path, command: str) -> None:
    out = invoke([*COMMANDS[command], "--data", str(hostile), "-f", "markdown"]).stdout
    assert not re.search(r"(?<!\\)<(script|img|b>)", out)
    assert r"\<script\>" in out


def test_docx_opens_with_python_docx(invoke, hostile: Path, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    target = tmp_path / "overzicht.docx"
    invoke([*COMMANDS["overview"], "--data", str(hostile), "-o", str(target)])
    doc = docx.Document(str(target))
    # the full condition titles do not fit 17.4 cm: this matrix goes landscape (docs/uitvoer.md)
    assert doc.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert doc.paragraphs[0].text == "Overzicht sociale basis: gemeente Heusden <b>"
    assert any(
        p.text.startswith("⚠ Let op: Dit rapport bevat voorbeeldgegevens") for p in doc.paragraphs
    )
    table, sommen = doc.tables  # the matrix, then the sums per kern
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0][:3] == ["Wijk", "Kern", "Ontmoetingsplekken"]
    assert [r.cells[0].text for r in sommen.rows][-1] == "Gemeente Heusden <b>"
    assert len(rows) == 1 + 19 + 4  # totals: voldaan, niet voldaan, onbekend, uitzondering
    assert rows[1][:2] == ["Braken-Oost", "Drunen"] and rows[-1][0] == "Totaal § uitzondering"
    assert all(c[2][0] in "✔✘?" for c in rows[1:20])
    # the header row repeats on every page
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None

    target = tmp_path / "herpt.docx"
    invoke([*COMMANDS["show"], "--data", str(hostile), "-o", str(target)])
    doc = docx.Document(str(target))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert any(HOSTILE in c for c in cells)
    bronnen = [p for p in doc.paragraphs if p.style.name == "List Number"]
    assert bronnen and any("VOORBEELDGEGEVENS" in p.text for p in bronnen)


def test_audit_docx_has_one_row_per_result(invoke, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    target = tmp_path / "audit.docx"
    invoke([*COMMANDS["audit"], "-o", str(target)])
    rapport = json.loads(invoke([*COMMANDS["audit"], "-f", "json"]).stdout)

    def count(results: list[dict]) -> int:
        return sum(1 + count(r["onderdelen"]) for r in results)

    voorwaarden, items, gemeentebreed = docx.Document(str(target)).tables
    assert len(voorwaarden.rows) == 1 + count(rapport["voorwaarden"])
    assert len(items.rows) == 1 + count(rapport["items"])
    assert len(gemeentebreed.rows) == 1 + count(rapport["gemeentebreed"])


def test_csv_for_spreadsheets(invoke) -> None:
    result = invoke([*COMMANDS["audit"], "-f", "csv"])
    raw = result.stdout_bytes
    assert raw.startswith("\ufeff".encode())  # BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    rapport = json.loads(invoke([*COMMANDS["audit"], "-f", "json"]).stdout)

    def flat(results: list[dict]) -> list[str]:
        return [x for r in results for x in (r["id"], *flat(r["onderdelen"]))]

    alle = rapport["voorwaarden"] + rapport["items"] + rapport["gemeentebreed"]
    assert [r["id"] for r in rows] == flat(alle)
    deel = next(r for r in rows if r["id"] == "sociaaleconomische-zekerheid.1")
    assert deel["ouder"] == "sociaaleconomische-zekerheid" and deel["niveau"] == "1"
    assert {r["uitkomst"] for r in rows} <= {"voldaan", "niet voldaan", "onbekend"}

    overzicht = invoke([*COMMANDS["overview"], "-f", "csv"]).stdout_bytes.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(overzicht), delimiter=";"))
    assert len(rows) == 19 and rows[0]["wijk"] == "Braken-Oost"
    assert rows[0]["ontmoetingsplekken"] in ("voldaan", "niet voldaan", "onbekend")

    kaart = invoke([*COMMANDS["show"], "-f", "csv"]).stdout_bytes.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(kaart), delimiter=";"))
    assert {r["bereik"] for r in rows} == {"wijk", "bedient", "kern", "gemeente"}


def test_csv_defuses_formulas() -> None:
    from wijkcheck.formatters.report.csvfmt import veilig

    assert veilig("=HYPERLINK(1)") == "'=HYPERLINK(1)" and veilig("@x") == "'@x"
    assert veilig("-3,5") == "-3,5" and veilig(3) == 3 and veilig("Herpt") == "Herpt"


def test_png_is_a_picture_of_the_matrix(invoke, tmp_path: Path) -> None:
    pil = pytest.importorskip("PIL.Image")
    target = tmp_path / "overzicht.png"
    invoke([*COMMANDS["overview"], "-o", str(target)])
    with pil.open(target) as img:
        assert img.format == "PNG" and img.width > 1000 and img.height > 800


@pytest.mark.parametrize("command", list(COMMANDS))
def test_terminal_fits_80_columns_without_colour(invoke, monkeypatch, command: str) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = invoke(COMMANDS[command]).stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "\x1b[" not in out


def test_overview_terminal_table(invoke, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = invoke(COMMANDS["overview"]).stdout
    assert "V1    Ontmoetingsplekken" in out and "✘ niet (voldaan)" in out
    assert re.search(r"De Grassen\s+│ ✘ niet\s+│", out)
    monkeypatch.setenv("COLUMNS", "140")
    out = invoke(COMMANDS["overview"]).stdout
    kop = next(line for line in out.splitlines() if "┃" in line and "Ontmoetingsplekken" in line)
    assert "Kern" in kop and "Checklist" in kop
    assert re.search(r"De Grassen\s+│ Vlijmen\s+│ ✘ niet voldaan", out)
    assert "V1" not in out and re.search(r"│ +\d+✔ \d+✘ \d+\? │", out)


def test_overview_filter_and_sort(invoke) -> None:
    def rijen(*args: str) -> list[dict]:
        return json.loads(invoke([*COMMANDS["overview"], "-f", "json", *args]).stdout)["rijen"]

    alle = rijen()
    problemen = rijen("--alleen-problemen", "--sorteer", "problemen")
    assert 0 < len(problemen) < len(alle)
    assert all(r["problemen"] for r in problemen)
    niet = [list(r["voorwaarden"].values()).count("niet voldaan") for r in problemen]
    assert niet == sorted(niet, reverse=True)
    namen = [r["wijk"] for r in rijen("--sorteer", "naam")]
    assert namen == sorted(namen, key=str.casefold)
    out = invoke([*COMMANDS["overview"], "--alleen-problemen"]).stdout
    weg = len(alle) - len(problemen)
    if weg == 1:  # the bundled data: one wijk meets every condition
        assert "1 wijk zonder 'niet voldaan' is weggelaten" in out
    else:
        assert f"{weg} wijken zonder 'niet voldaan' zijn weggelaten" in out


def test_overview_gemeente_option(invoke) -> None:
    assert "gemeente Heusden" in invoke(["overview", "--gemeente", "heusden"]).stdout
    out = invoke(["overview", "--gemeente", "Heusdn"], code=2).output
    assert "onbekende gemeente 'Heusdn'. Bedoelde u 'Heusden'?" in out


def test_show_unknown_wijk(invoke) -> None:
    assert "Bedoelde u 'Herpt'" in invoke(["show", "Herpd"], code=2).output


def test_binary_formatters_are_imported_lazily() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from wijkcheck.cli import app\n"
        "r = CliRunner().invoke(app, ['audit', 'Herpt', '-f', 'json'])\n"
        "assert r.exit_code == 0, r.output\n"
        "lazy = ('docx', 'PIL', 'wijkcheck.formatters.report.word')\n"
        "bad = [m for m in lazy if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    env = {**os.environ, "WIJKCHECK_CACHE": "uit"}  # the real work, not a remembered answer
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_report_commands_cost_nothing_at_start_up() -> None:
    code = (
        "import sys\n"
        "import wijkcheck.cli\n"
        "from wijkcheck.formatters import RENDERERS\n"
        "mine = {'wijkcheck.reports.overview', 'wijkcheck.reports.sociale_kaart',\n"
        "        'wijkcheck.cli.writing', 'docx', 'PIL',\n"
        "        'wijkcheck.formatters.report.common', 'wijkcheck.formatters.report.matrix',\n"
        "        *(entry.split(':')[0] for entry in RENDERERS.values())}\n"
        "bad = [m for m in sys.modules if m in mine]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_png_falls_back_to_pillows_own_font(monkeypatch) -> None:
    pil = pytest.importorskip("PIL.Image")
    import datetime as dt

    from wijkcheck.formatters.report import png
    from wijkcheck.reports.overview import overzicht
    from wijkcheck.sources import store

    from .conftest import BUNDLED

    gd = store.load_gemeente(BUNDLED.wijken / "heusden")
    cl, _ = store.load_checklist(BUNDLED, "heusden")
    ov = overzicht(cl, gd.gemeente, gd.wijken, dt.date(2026, 1, 1))
    monkeypatch.setattr(png, "_LETTERS", dict.fromkeys(png._LETTERS, ("geen-lettertype.ttf",)))
    png.letter.cache_clear()
    try:
        data = png.render(ov)
    finally:
        png.letter.cache_clear()
    with pil.open(io.BytesIO(data)) as img:
        assert img.format == "PNG" and img.width > 1000


def test_an_empty_overview_renders_in_every_format() -> None:
    import datetime as dt

    from wijkcheck.formatters import render
    from wijkcheck.reports.overview import overzicht
    from wijkcheck.sources import store

    from .conftest import BUNDLED

    gd = store.load_gemeente(BUNDLED.wijken / "heusden")
    cl, _ = store.load_checklist(BUNDLED, "heusden")
    leeg = overzicht(cl, gd.gemeente, [], dt.date(2026, 1, 1), alleen_problemen=True)
    assert leeg.rijen == [] and len(leeg.ontbrekende_wijken) == 19
    for fmt in OutputFormat:
        assert render(fmt, leeg), fmt


def test_control_characters_in_data_reach_no_terminal_and_no_xml(
    invoke, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wijk = data_copy / "data" / "wijken" / "heusden" / "herpt.yaml"
    text = wijk.read_text(encoding="utf-8").replace(
        "  - naam: Dorpshuis Herpt\n", '  - naam: "Dorpshuis\\x07 Herpt\\e[31m"\n'
    )
    wijk.write_text(text, encoding="utf-8")
    args = ["--data", str(data_copy)]
    assert "(stuurteken)" in invoke([*COMMANDS["audit"], *args], code=2).output
    # The loader refuses them; the formatters are the second line, tested without the first.
    from wijkcheck.sources import yamlsource

    monkeypatch.setattr(yamlsource._Builder, "stuurtekens", lambda self, root: None)
    for command in ("audit", "show"):
        out = invoke([*COMMANDS[command], *args]).stdout
        # made visible, not dropped: the reader sees what the file holds
        assert "Herpt\\x1b[31m" in out and "\x1b" not in out and "\x07" not in out
        invoke([*COMMANDS[command], *args, "-o", str(tmp_path / f"{command}.docx")])
        html = invoke([*COMMANDS[command], *args, "-f", "html"]).stdout
        assert "\x1b" not in html
    assert "\\u001b" in invoke([*COMMANDS["show"], *args, "-f", "json"]).stdout  # data kept


MEEGELEVERD = "meegeleverde voorbeeldgegevens van gemeente Heusden"


def _tekst(fmt: OutputFormat, path: Path) -> str:
    if fmt is OutputFormat.DOCX:
        docx = pytest.importorskip("docx")
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_bundled_data_is_named_in_every_format(
    invoke, tmp_path: Path, data_copy: Path, command: str
) -> None:
    """From a folder without data the report says it shows wijkcheck's own example data; with
    the user's data (here a copy of the same files) it does not."""
    for fmt in OutputFormat:
        if fmt is OutputFormat.PNG or (fmt not in formats_for(AUDIT) and command != "overview"):
            continue
        for eigen in (False, True):
            extensie = "txt" if fmt is OutputFormat.TABEL else fmt.value
            target = tmp_path / f"{command}-{eigen}.{extensie}"
            data = ["--data", str(data_copy)] if eigen else []
            invoke([*COMMANDS[command], *data, "--format", fmt.value, "-o", str(target)])
            ruw = _tekst(fmt, target)
            tekst = " ".join(re.sub(r"[│|>*]", " ", ruw).split())  # as read, not as wrapped
            if fmt is OutputFormat.JSON:
                assert json.loads(ruw)["meegeleverde_gegevens"] is not eigen
            elif fmt is OutputFormat.CSV:
                rijen = list(csv.DictReader(io.StringIO(ruw.lstrip("\ufeff")), delimiter=";"))
                assert {r["meegeleverde_gegevens"] for r in rijen} == {"nee" if eigen else "ja"}
            elif fmt is OutputFormat.SVG:
                assert ("meegeleverde voorbeeldgegevens" in tekst) is not eigen, fmt
            else:
                assert (MEEGELEVERD in tekst) is not eigen, (fmt, tekst[:600])
                assert ("--data MAP" in tekst) is not eigen, fmt


@pytest.mark.parametrize("args", [["list"], ["explain", "huisarts"]], ids=["list", "explain"])
def test_list_and_explain_name_the_bundled_data(invoke, data_copy: Path, args: list[str]) -> None:
    assert MEEGELEVERD in " ".join(invoke(args).output.split())
    assert MEEGELEVERD not in invoke([*args, "--data", str(data_copy)]).output


@pytest.mark.parametrize("command", ["audit", "show"])
def test_unknown_wijk_says_where_it_looked(invoke, data_copy: Path, command: str) -> None:
    out = " ".join(invoke([command, "Tilburg-Noord"], code=2).output.split())
    assert "onbekende wijk 'Tilburg-Noord'" in out and f"Gezocht in de {MEEGELEVERD}" in out
    assert "--data MAP" in out and "WIJKCHECK_DATA" in out
    out = " ".join(
        invoke([command, "Tilburg-Noord", "--data", str(data_copy)], code=2).output.split()
    )
    assert "Gezocht in " in out and "data/wijken" in out and "meegeleverde" not in out


def test_a_word_file_says_wijkcheck_made_it_today(invoke, tmp_path: Path) -> None:
    # python-docx's template said "generated by python-docx", created and changed in 2013
    import datetime as dt

    import docx

    invoke([*COMMANDS["audit"], "-o", str(tmp_path / "memo.docx")])
    eigenschappen = docx.Document(str(tmp_path / "memo.docx")).core_properties
    assert eigenschappen.author == eigenschappen.last_modified_by == "wijkcheck"
    assert eigenschappen.comments == ""
    assert eigenschappen.title.startswith("Audit sociale basis")
    vandaag = dt.datetime.now(dt.UTC).date()
    assert eigenschappen.created.date() >= vandaag - dt.timedelta(days=1)
    assert eigenschappen.modified == eigenschappen.created
