"""Issue 10, sections 3 and 4: nothing a report shows is lost, and it reads well where it is
pasted (80 columns, Word, Excel)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest

AUDIT = ["audit", "Vlijmen-Dorp", "--datum", "2026-01-01"]


def resultaten(rapport: dict) -> list[dict]:
    """Every result of a JSON audit, parts included."""
    out: list[dict] = []
    todo = [*rapport["voorwaarden"], *rapport["items"]]
    while todo:
        r = todo.pop(0)
        out.append(r)
        todo.extend(r["onderdelen"])
    return out


def woorden(tekst: str) -> set[str]:
    """The words of a text, without the punctuation around them; for a terminal table split at
    spaces and at the borders of its cells, so a word cut over two lines is no word of it."""
    return {w.strip(",;:.()'") for w in re.split(r"[\s│┃║|]+", tekst)} - {""}


def docx_tekst(pad: Path) -> str:
    docx = pytest.importorskip("docx")
    doc = docx.Document(str(pad))
    delen = [p.text for p in doc.paragraphs]
    delen += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(delen)


def test_json_lists_every_counted_facility(invoke) -> None:
    rapport = json.loads(invoke([*AUDIT, "-f", "json"]).stdout)
    ontmoeten = next(r for r in rapport["voorwaarden"] if r["id"] == "ontmoetingsplekken")
    assert ontmoeten["voorzieningen"] == [
        "Buurthuis De Schakel",
        "Supermarkt Mr. van Coothstraat",
        "Bibliotheek Vlijmen",
        "Marktplein met bankjes",
    ]
    assert ontmoeten["gemeten_getal"] == 4
    assert "…" not in ontmoeten["gemeten"] and "Marktplein met bankjes" in ontmoeten["gemeten"]
    lang = [r for r in resultaten(rapport) if len(r["voorzieningen"]) > 3]
    assert lang, "the bundled data has results that count more than three facilities"
    for r in lang:
        assert r["gemeten"].startswith(f"{len(r['voorzieningen'])} (")
        assert all(naam in r["gemeten"] for naam in r["voorzieningen"])
        assert r["gemeten_getal"] == len(r["voorzieningen"])


def test_every_format_names_every_facility(invoke, tmp_path: Path, monkeypatch) -> None:
    rapport = json.loads(invoke([*AUDIT, "-f", "json"]).stdout)
    namen = {n for r in resultaten(rapport) for n in r["voorzieningen"]}
    assert "Marktplein met bankjes" in namen and len(namen) > 20

    rows = list(
        csv.DictReader(
            io.StringIO(invoke([*AUDIT, "-f", "csv"]).stdout_bytes.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    for row, r in zip(rows, resultaten_in_volgorde(rapport), strict=True):
        assert row["voorzieningen"].split(" | ") == (r["voorzieningen"] or [""])
    for fmt in ("markdown", "html"):
        out = html.unescape(invoke([*AUDIT, "-f", fmt]).stdout).replace("\\", "")
        missen = [n for n in namen if n not in out]
        assert not missen, (fmt, missen)
    invoke([*AUDIT, "-o", str(tmp_path / "a.docx")])
    tekst = docx_tekst(tmp_path / "a.docx")
    assert not [n for n in namen if n not in tekst]
    monkeypatch.setenv("COLUMNS", "80")
    scherm = woorden(invoke(AUDIT).stdout)
    assert not [w for n in namen for w in woorden(n) if w not in scherm]


def resultaten_in_volgorde(rapport: dict) -> list[dict]:
    """Depth first, as the CSV lists them."""

    def plat(rs: list[dict]) -> list[dict]:
        return [x for r in rs for x in (r, *plat(r["onderdelen"]))]

    return plat(rapport["voorwaarden"]) + plat(rapport["items"])


def test_csv_has_a_number_beside_the_text(invoke) -> None:
    raw = invoke([*AUDIT, "-f", "csv"]).stdout_bytes.decode("utf-8-sig")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(raw), delimiter=";")}
    inkomen = rows["sociaaleconomische-zekerheid.1"]
    assert inkomen["gemeten"] == "7,2 %" and inkomen["gemeten_getal"] == "7,2"
    assert rows["ontmoetingsplekken"]["gemeten_getal"] == "4"
    assert rows["sociaaleconomische-zekerheid"]["gemeten_getal"] == "5"  # parts met
    capaciteit = rows["institutionele-capaciteit"]
    assert capaciteit["gemeten"] == "2,4 fte" and capaciteit["gemeten_getal"] == "2,4"
    oordeel = next(r for r in rows.values() if r["gemeten"].startswith("oordeel"))
    assert oordeel["gemeten_getal"] == ""
    # a number Dutch Excel reads as a number: digits and at most one decimal comma
    for r in rows.values():
        assert re.fullmatch(r"(-?\d+(,\d+)?)?", r["gemeten_getal"]), r


def test_csv_number_format() -> None:
    from wijkcheck.formatters.csvfmt import getal_nl

    assert [getal_nl(x) for x in (None, 4, 4.0, 7.2, 0.1 + 0.2, -3.5, 4200.0)] == [
        "",
        "4",
        "4",
        "7,2",
        "0,3",
        "-3,5",
        "4200",
    ]
