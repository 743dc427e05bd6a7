"""The overview summed per kern and gemeente, by wijk and weighted by inhabitants (issue 15.6)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from wijkcheck.core.names import getal
from wijkcheck.core.results import Uitkomst
from wijkcheck.formatters.report.common import SOMMEN_TITEL, conclusie, procent
from wijkcheck.reports import batch
from wijkcheck.sources import dataroot

DATUM = dt.date(2026, 1, 1)

CHECKLIST = """\
id: klein
naam: Kleine checklist
versie: "1"
uitgever: test
niveau: gemeentelijk
status: {status: concept}
maximale_ouderdom: {maanden: 36, norm: {basis: voorbeeldnorm}}
functies: {ontmoeten: Ontmoeten}
soorten:
  buurthuis: {naam: Buurthuis, laag: institutioneel, functies: [ontmoeten], bron: test}
voorwaarden:
  ontmoetingsplekken:
    titel: Ontmoetingsplekken
    beleidsbron: {document: Testnota, passage: "1", verband: noemt}
    regel: {type: aanwezig, functie: ontmoeten, bereik: wijk}
"""

GEMEENTE = """\
naam: {naam}
cbs_code: {code}
checklist: klein
inwoners: {{waarde: 5000, bron: CBS 86165NED, peildatum: 2025-01-01}}
kernen:
  Aa: [Aa-Noord, Aa-Zuid]
  Bee: [Bee, Bee-Buiten]
"""

WIJK = """\
naam: {naam}
kern: {kern}
peildatum: 2025-01-01
inwoners: {{waarde: {inwoners}, bron: {bron}, peildatum: 2025-01-01}}
{voorzieningen}
"""

BUURTHUIS = """\
inventarisatie: {bron: rondgang, peildatum: 2025-01-01}
voorzieningen:
  - {naam: Buurthuis, soort: buurthuis, bron: rondgang, peildatum: 2025-01-01}
"""
GEEN = "inventarisatie: {bron: rondgang, peildatum: 2025-01-01}\nvoorzieningen: []\n"


def gemeente(root: Path, naam: str, code: str) -> None:
    """Aa-Noord (1000, example figure) voldaan, Aa-Zuid (3000) niet voldaan, Bee (500, no
    facilities recorded) onbekend; Bee-Buiten has no file."""
    map_ = root / "data" / "wijken" / naam.lower()
    map_.mkdir(parents=True)
    (map_ / "gemeente.yaml").write_text(GEMEENTE.format(naam=naam, code=code), encoding="utf-8")
    for bestand, wijk, kern, inwoners, bron, vz in (
        ("aa-noord", "Aa-Noord", "Aa", 1000, "voorbeeld", BUURTHUIS),
        ("aa-zuid", "Aa-Zuid", "Aa", 3000, "CBS 86165NED", GEEN),
        ("bee", "Bee", "Bee", 500, "CBS 86165NED", ""),
    ):
        tekst = WIJK.format(naam=wijk, kern=kern, inwoners=inwoners, bron=bron, voorzieningen=vz)
        (map_ / f"{bestand}.yaml").write_text(tekst, encoding="utf-8")


@pytest.fixture
def klein(tmp_path: Path) -> Path:
    root = tmp_path / "klein"
    (root / "checklists").mkdir(parents=True)
    (root / "checklists" / "klein.yaml").write_text(CHECKLIST, encoding="utf-8")
    gemeente(root, "Eendorp", "GM9901")
    return root


def overzicht(root: Path, **opties):
    r = dataroot.find_root(root, {}, root)
    return batch.overzicht(r, r.gemeente_mappen(), DATUM, **opties)


def test_sums_per_kern_and_gemeente_by_wijk_and_inhabitants(klein: Path) -> None:
    ov = overzicht(klein)
    aa, bee, totaal = ov.sommen
    assert (aa.niveau, aa.naam, aa.wijken, aa.inwoners) == ("kern", "Aa", 2, 4000)
    assert aa.voorwaarden["ontmoetingsplekken"].inwoners.model_dump() == {
        "voldaan": 1000,
        "niet_voldaan": 3000,
        "onbekend": 0,
        "uitzondering": 0,
    }
    # a wijk without a file is named, never counted as inhabitants of some size
    assert (bee.wijken, bee.inwoners, bee.zonder_bestand) == (1, 500, ["Bee-Buiten"])
    assert bee.voorwaarden["ontmoetingsplekken"].wijken.onbekend == 1
    assert (totaal.niveau, totaal.wijken, totaal.inwoners) == ("gemeente", 3, 4500)
    assert totaal.inwoners_voorbeeld == 1000 and totaal.zonder_bestand == ["Bee-Buiten"]
    assert totaal.inwoners_gemeente is not None and totaal.inwoners_gemeente.waarde == "5.000"
    assert totaal.aandeel("ontmoetingsplekken", "voldaan") == pytest.approx(1000 / 4500)


def test_sums_cover_every_wijk_also_when_only_problems_are_shown(klein: Path) -> None:
    alle, problemen = overzicht(klein), overzicht(klein, alleen_problemen=True)
    assert [r.wijk for r in problemen.rijen] == ["Aa-Zuid"]
    assert problemen.sommen == alle.sommen


def test_several_gemeenten_add_up(klein: Path) -> None:
    gemeente(klein, "Tweedorp", "GM9902")
    ov = overzicht(klein)
    assert [(s.niveau, s.naam) for s in ov.sommen][-3:] == [
        ("kern", "Bee"),
        ("gemeente", "Tweedorp"),
        ("alle", "alle gemeenten"),
    ]
    alle = ov.sommen[-1]
    assert (alle.wijken, alle.inwoners, alle.inwoners_voorbeeld) == (6, 9000, 2000)
    assert alle.zonder_bestand == ["Bee-Buiten", "Bee-Buiten"]
    assert alle.inwoners_gemeente is None


def test_the_conclusion_says_the_weighted_share_and_what_it_rests_on(klein: Path) -> None:
    regels = conclusie(overzicht(klein))
    assert "22\u00a0%" in regels[-1]  # a figure and its '%' never on two lines
    assert regels[-1].replace("\u00a0", " ") == (
        "22 % van de inwoners woont in een wijk waar 'Ontmoetingsplekken' voldaan is; 67 % waar "
        "niet voldaan, 11 % waar onbekend."
    )
    uitleg = regels[-2]
    assert "4.500 inwoners in 3 wijkbestanden" in uitleg
    assert "⚠\u00a01.000 daarvan zijn voorbeeldgegevens" in uitleg  # joined: one word
    assert "gemeente.yaml noemt 5.000 inwoners (CBS 86165NED, 1-1-2025)" in uitleg
    assert "niet meegeteld: Bee-Buiten" in uitleg


@pytest.mark.parametrize(
    ("deel", "geheel", "tekst"),
    [(0, 10, "0 %"), (1, 1000, "< 1 %"), (5, 1000, "1 %"), (999, 1000, "> 99 %"), (7, 7, "100 %")],
)
def test_a_share_never_rounds_to_none_or_all(deel: int, geheel: int, tekst: str) -> None:
    assert procent(deel, geheel) == tekst
    assert procent(0, 0) == "–"


def test_every_overview_format_has_the_sums(invoke, klein: Path, tmp_path: Path) -> None:
    args = ["overview", "--data", str(klein), "--datum", "2026-01-01"]
    tabel = invoke(args).stdout
    sommen = tabel.split(SOMMEN_TITEL)[1]
    assert "Gemeente Eendorp" in sommen and "✔ 22 %" in sommen and "✘ 67 %" in sommen
    assert "4.000 ⚠" in sommen  # kern Aa: one inhabitants figure is example data
    md = invoke([*args, "-f", "markdown"]).stdout
    assert (
        f"## {SOMMEN_TITEL}" in md
        and "✔\u00a022\u00a0% · ✘\u00a067\u00a0% · ?\u00a011\u00a0%" in md
    )
    html = invoke([*args, "-f", "html"]).stdout
    assert '<table class="sommen">' in html and "✔ 22 %<br>✘ 67 %<br>? 11 %" in html
    svg = invoke([*args, "-f", "svg"]).stdout
    assert ">Inwoners voldaan</text>" in svg and ">22 %</text>" in svg
    data = json.loads(invoke([*args, "-f", "json"]).stdout)
    assert data["sommen"][-1]["voorwaarden"]["ontmoetingsplekken"]["inwoners"]["voldaan"] == 1000
    # CSV: per wijk, so that a pivot table gives the sums (no rows of sums to count twice)
    rows = list(
        csv.DictReader(
            io.StringIO(invoke([*args, "-f", "csv"]).stdout.lstrip("\ufeff")), delimiter=";"
        )
    )
    assert len(rows) == 3
    for u in ("voldaan", "niet_voldaan", "onbekend"):
        opgeteld = sum(int(r[f"ontmoetingsplekken_inwoners_{u}"]) for r in rows)
        assert opgeteld == data["sommen"][-1]["voorwaarden"]["ontmoetingsplekken"]["inwoners"][u]
    assert sum(int(r["ontmoetingsplekken_wijken_onbekend"]) for r in rows) == 1
    docx = pytest.importorskip("docx")
    invoke([*args, "-o", str(tmp_path / "ov.docx")])
    _, tabel_sommen = docx.Document(str(tmp_path / "ov.docx")).tables
    rijen = [[c.text for c in r.cells] for r in tabel_sommen.rows]
    assert rijen[0][:3] == ["Kern", "Wijken", "Inwoners"]
    assert rijen[-1] == [
        "Gemeente Eendorp",
        "3 (+1 zonder bestand)",
        "4.500 ⚠",
        "✔ 22 %\n✘ 67 %\n? 11 %",
    ]


def test_the_sums_fit_80_columns(invoke, monkeypatch, klein: Path) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = invoke(["overview", "--data", str(klein), "--datum", "2026-01-01"]).stdout
    assert max(len(regel) for regel in out.splitlines()) <= 80
    assert SOMMEN_TITEL in out


def test_a_large_total_stays_whole_at_80_columns(invoke, monkeypatch, data_copy: Path) -> None:
    # The column "Wijken" is as wide as its header, not as its counts: measured by the counts,
    # the table came out too wide and rich cut the widest figure, the gemeente's inhabitants
    # ("1.440.…"), where the council reads them.
    import re

    vlijmen = data_copy / "data" / "wijken" / "heusden" / "vlijmen-dorp.yaml"
    tekst = vlijmen.read_text(encoding="utf-8")
    vlijmen.write_text(tekst.replace("waarde: 4200,", "waarde: 1400000,", 1), encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "80")
    out = invoke(["overview", "--data", str(data_copy), "--datum", "2026-01-01"]).stdout
    sommen = out[out.index(SOMMEN_TITEL) :]
    assert "…" not in sommen
    assert re.search(r"│ +1\.44\d\.\d{3} ⚠ │", sommen), sommen
    assert max(len(regel) for regel in out.splitlines()) <= 80


def test_the_bundled_overview_keeps_its_matrix_and_adds_the_sums(invoke) -> None:
    out = invoke(["overview", "--datum", "2026-01-01"]).stdout
    matrix, sommen = out.split(SOMMEN_TITEL)
    assert "Totaal" in matrix and "Gemeente Heusden" in sommen
    assert Uitkomst.VOLDAAN.symbool in sommen


def test_a_wijk_without_inhabitants_counts_by_wijk_and_weighs_nothing(invoke, klein: Path) -> None:
    bee = klein / "data" / "wijken" / "eendorp" / "bee.yaml"
    tekst = bee.read_text(encoding="utf-8")
    bee.write_text("\n".join(r for r in tekst.splitlines() if not r.startswith("inwoners")) + "\n")
    ov = overzicht(klein)
    totaal = ov.sommen[-1]
    assert (totaal.wijken, totaal.inwoners, totaal.zonder_inwoners) == (3, 4000, ["Bee"])
    assert totaal.voorwaarden["ontmoetingsplekken"].wijken.onbekend == 1
    assert totaal.voorwaarden["ontmoetingsplekken"].inwoners.onbekend == 0
    uitleg = conclusie(ov)[-2]
    assert "zonder inwonertal, dus wel per wijk en niet naar inwoners geteld: Bee" in uitleg
    args = ["overview", "--data", str(klein), "--datum", "2026-01-01"]
    assert "(+1 wijk onbekend)" in invoke(args).stdout.split(SOMMEN_TITEL)[1]
    rows = list(
        csv.DictReader(
            io.StringIO(invoke([*args, "-f", "csv"]).stdout.lstrip("\ufeff")), delimiter=";"
        )
    )
    (rij,) = [r for r in rows if r["wijk"] == "Bee"]
    assert (
        rij["ontmoetingsplekken_inwoners_onbekend"] == ""
        and rij["ontmoetingsplekken_wijken_onbekend"] == "1"
    )


@pytest.mark.parametrize("breedte", [56, 60, 64, 68, 72])
def test_the_sums_keep_every_figure_whole_on_a_narrow_terminal(
    invoke, monkeypatch, breedte: int
) -> None:
    # Below ~70 columns the inhabitants and the number of wijken go under the kern's name;
    # before, rich cut the column to "1…" (or left it out) where the council reads them.
    monkeypatch.setenv("COLUMNS", str(breedte))
    out = invoke(["overview", "--datum", "2026-01-01", "-f", "json"]).stdout
    sommen_json = json.loads(out)["sommen"]
    out = invoke(["overview", "--datum", "2026-01-01"]).stdout
    sommen = out[out.index(SOMMEN_TITEL) :]
    assert "…" not in sommen
    assert max(len(regel) for regel in out.splitlines()) <= breedte
    for som in sommen_json:  # every kern and the gemeente, with its number of wijken
        assert getal(som["inwoners"]) in sommen, som["naam"]
        assert f"{som['wijken']} wijk" in sommen, som["naam"]
