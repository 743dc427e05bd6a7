"""What a verdict rests on, in every format: the inventory behind "none found", the layer and
status of the checklist, voorbeeldnormen, and gemeente-wide items kept out of a wijk's score
(issue 11)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from wijkcheck.core import engine
from wijkcheck.sources import store

from .conftest import BUNDLED

DATUM = ["--datum", "2026-01-01"]
HERPT = ["audit", "Herpt", *DATUM]


def _plat(resultaten: list[dict]) -> list[dict]:
    return [x for r in resultaten for x in (r, *_plat(r["onderdelen"]))]


def _alle(rapport: dict) -> list[dict]:
    return _plat(rapport["voorwaarden"] + rapport["items"] + rapport["gemeentebreed"])


def test_none_found_cites_the_inventory_it_searched(invoke) -> None:
    rapport = json.loads(invoke([*HERPT, "-f", "json"]).stdout)
    afwezig = [
        r for r in _alle(rapport) if r["regel"] == "aanwezig" and r["uitkomst"] == "niet voldaan"
    ]
    assert afwezig, "Herpt lacks some facilities"
    for r in afwezig:
        telling = [g for g in r["gegevens"] if g["wat"] == "inventarisatie van de voorzieningen"]
        assert telling and all(g["waarde"].startswith("geen ") for g in telling), r["id"]
        # the bundled inventories are example data, and so is every absence resting on them
        assert all(g["voorbeeld"] for g in telling) and r["voorbeeldgegevens"], r["id"]


def test_an_absence_in_csv_is_marked_as_example_data(invoke) -> None:
    rijen = list(
        csv.DictReader(
            io.StringIO(invoke([*HERPT, "-f", "csv"]).stdout.lstrip("\ufeff")), delimiter=";"
        )
    )
    wijkverpleging = [r for r in rijen if r["gemeten"].startswith("0 (geen gevonden)")]
    assert wijkverpleging
    assert all(r["voorbeeldgegevens"] == "ja" for r in wijkverpleging)
    assert all("inventarisatie van de voorzieningen" in r["gegevens"] for r in wijkverpleging)


def test_inventory_without_a_source_says_so(invoke, data_copy: Path) -> None:
    herpt = data_copy / "data/wijken/heusden/herpt.yaml"
    tekst = herpt.read_text(encoding="utf-8")
    zonder = re.sub(r"(?m)^inventarisatie:.*\n(?:  .*\n)*", "", tekst)
    assert zonder != tekst
    herpt.write_text(zonder, encoding="utf-8")
    out = invoke(["validate", "--data", str(data_copy), *DATUM, "--format", "tekst"], code=0)
    assert "(geen-inventarisatie)" in out.output
    rapport = json.loads(invoke([*HERPT, "--data", str(data_copy), "-f", "json"]).stdout)
    bronnen = {
        g["bron"]
        for r in _alle(rapport)
        for g in r["gegevens"]
        if g["wat"] == "inventarisatie van de voorzieningen"
    }
    assert "inventarisatie niet vastgelegd" in bronnen


def test_gemeente_wide_items_are_judged_once_and_not_scored() -> None:
    gd = store.load_gemeente(BUNDLED.wijken / "heusden")
    cl, _ = store.load_checklist(BUNDLED, "heusden")
    gemeentebreed = engine.gemeentebrede_onderwerpen(cl)
    assert "voedselbank" in gemeentebreed and "huisarts" not in gemeentebreed
    import datetime as dt

    datum = dt.date(2026, 1, 1)
    eens = engine.gemeentebreed(cl, gd.gemeente, gd.wijken, datum)
    for w in gd.wijken:
        rapport = engine.audit(cl, gd.gemeente, w, gd.wijken, datum)
        assert rapport.gemeentebreed == eens  # the same verdicts in every wijk
        ids = {r.id for r in rapport.items}
        assert not ids & set(gemeentebreed)
        assert rapport.samenvatting_items.totaal == len(rapport.items)


def test_the_overview_scores_without_gemeente_wide_items(invoke) -> None:
    ov = json.loads(invoke(["overview", *DATUM, "-f", "json"]).stdout)
    [gemeente] = ov["gemeentebreed"]
    assert gemeente["gemeente"] == "Heusden" and gemeente["resultaten"]
    gemeente_ids = {r["id"] for r in gemeente["resultaten"]}
    assert ov["aantal_items"] == len(
        store.load_checklist(BUNDLED, "heusden")[0].items.keys() - gemeente_ids
    )
    tekst = invoke(["overview", *DATUM]).stdout
    assert (
        "Gemeentebreed (één keer beoordeeld voor de hele gemeente, niet in de score)"
        in " ".join(tekst.split())
    )


def test_every_format_marks_voorbeeldnorm_rows_and_the_concept(invoke, tmp_path: Path) -> None:
    rapport = json.loads(invoke([*HERPT, "-f", "json"]).stdout)
    normrijen = [r for r in _alle(rapport) if r["voorbeeldnorm"]]
    assert normrijen and rapport["voorbeeldnormen"] >= 1 and rapport["checklist"]["concept"]
    # read as a person does: table borders and line breaks are not part of the text
    teksten = {
        fmt: " ".join(re.sub(r"[│┃]", " ", invoke([*HERPT, "-f", fmt]).stdout).split())
        for fmt in ("tabel", "markdown", "html")
    }
    invoke([*HERPT, "-o", str(tmp_path / "h.docx")])
    with zipfile.ZipFile(tmp_path / "h.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    # a no-break space (which keeps '⚠' with its word) reads as a space
    teksten["docx"] = "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml))
    teksten["docx"] = teksten["docx"].replace("\u00a0", " ")
    for fmt, tekst in teksten.items():
        assert tekst.count("⚠ voorbeeldnorm") >= len(normrijen), fmt
        assert "Concept:" in tekst and "is niet vastgesteld" in tekst, fmt
        assert "(regionaal)" in tekst and "(gemeentelijk)" in tekst, fmt
    rijen = list(
        csv.DictReader(
            io.StringIO(invoke([*HERPT, "-f", "csv"]).stdout.lstrip("\ufeff")), delimiter=";"
        )
    )
    assert {r["id"] for r in rijen if r["voorbeeldnorm"] == "ja"} == {r["id"] for r in normrijen}
    assert {r["niveau_beleid"] for r in rijen} >= {"regionaal", "gemeentelijk"}


@pytest.mark.parametrize(
    ("onderwerp", "niveau", "afgeleid"),
    [("apotheek", "regionaal", True), ("ontmoetingsplekken", "gemeentelijk", False)],
)
def test_explain_names_the_layer_and_whether_the_item_is_derived(
    invoke, onderwerp: str, niveau: str, afgeleid: bool
) -> None:
    out = " ".join(invoke(["explain", onderwerp]).stdout.split())
    assert f"Laag: {niveau} (" in out and "concept, niet vastgesteld" in out
    assert ("afgeleid van" in out) is afgeleid


@pytest.mark.parametrize("fmt", ["tabel", "markdown", "html"])
def test_a_long_list_of_wijken_names_the_first_and_counts_the_rest(
    invoke, monkeypatch, fmt: str
) -> None:
    # A gemeente of hundreds of wijken: the notice of outdated figures and the conclusion name
    # the first wijken and say how many more, and where every wijk is (the table, csv, json);
    # before, they ran to 860 and 450 lines at 80 columns above the table.
    from wijkcheck.formatters.report import common

    monkeypatch.setattr(common, "NOEM_WIJKEN", 3)
    monkeypatch.setenv("COLUMNS", "400")  # one line per paragraph, to read them here
    out = invoke(["overview", "--datum", "2026-11-23", "-f", fmt]).stdout
    assert re.search(r"Niet voldaan in 18 wijken: [^;]+; [^;]+; [^;]+; en nog 15 wijken \(zie", out)
    verouderd = re.search(r"In 10 wijken zijn gegevens ouder.*?peildatum: (.*?)\.\s", out, re.S)
    assert verouderd is not None, out
    assert re.fullmatch(r"[^;]+; [^;]+; [^;]+; en nog 7 wijken \(per wijk: .+", verouderd[1], re.S)
    assert "kolom verouderd in --format csv" in out.replace("\n", " ")
