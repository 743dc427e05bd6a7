"""Good practices (issue 15.4): `wat_werkt` in a wijk file, shown by `show`, and listed across
wijken by `wijkcheck voorbeelden` beside the wijken where that condition is not met."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from wijkcheck.core.models import Wijk
from wijkcheck.formatters import GOEDE_VOORBEELDEN, OutputFormat, formats_for
from wijkcheck.formatters.report.common import GEEN_PRAKTIJKEN, WAT_WERKT_TITEL
from wijkcheck.sources import store

from .conftest import BUNDLED

DATUM = ["--datum", "2026-01-01"]
ALLES = ["voorbeelden", *DATUM]
PRAKTIJK = """
wat_werkt:
  - wat: Buurtmaaltijd in de kantine van de voetbalclub
    voorwaarde: ontmoetingsplekken
    sinds: 2025-03-01
    contact: opbouwwerker Drunen
    bron: voorbeeld
"""


def test_the_bundled_practices_are_fictitious_examples_with_a_role_as_contact() -> None:
    gd = store.load_gemeente(BUNDLED.wijken / "heusden")
    praktijken = [p for w in gd.wijken for p in w.wat_werkt]
    assert len(praktijken) >= 3
    for p in praktijken:
        assert p.voorbeeld, p.wat
        # a role or a body, never a resident's name: a word of its job is in it
        assert any(w in p.contact for w in ("werker", "ondersteuner", "bestuur", "coördinator"))


def test_show_lists_what_works_in_every_format(invoke, tmp_path: Path) -> None:
    args = ["show", "Vliedberg", *DATUM]
    tabel = invoke(args).stdout
    assert WAT_WERKT_TITEL in tabel and "Koffieochtend" in tabel and "1-9-2023" in tabel
    assert "cohesie" in tabel.split(WAT_WERKT_TITEL)[1]  # the title of the condition
    kaart = json.loads(invoke([*args, "-f", "json"]).stdout)
    (p,) = kaart["wat_werkt"]
    assert (p["voorwaarde"], p["voorwaarde_titel"], p["geschat"], p["voorbeeld"]) == (
        "sociale-cohesie-en-inclusie",
        "Sociale cohesie en inclusie",
        True,
        True,
    )
    assert f"## {WAT_WERKT_TITEL}" in invoke([*args, "-f", "markdown"]).stdout
    assert "buurtondersteuner Vliedberg" in invoke([*args, "-f", "html"]).stdout
    rijen = list(
        csv.DictReader(
            io.StringIO(invoke([*args, "-f", "csv"]).stdout.lstrip("\ufeff")), delimiter=";"
        )
    )
    (rij,) = [r for r in rijen if r["laag"] == "wat werkt"]
    assert rij["soort"] == "sociale-cohesie-en-inclusie" and rij["peildatum"] == "2023-09-01"
    assert rij["opmerking"].startswith("contact: buurtondersteuner Vliedberg")
    docx = pytest.importorskip("docx")
    invoke([*args, "-o", str(tmp_path / "kaart.docx")])
    doc = docx.Document(str(tmp_path / "kaart.docx"))
    assert any(p.text == WAT_WERKT_TITEL for p in doc.paragraphs)
    assert any("Koffieochtend" in c.text for t in doc.tables for r in t.rows for c in r.cells)


def test_a_wijk_without_practices_shows_no_empty_section(invoke) -> None:
    assert WAT_WERKT_TITEL not in invoke(["show", "Geerpark", *DATUM]).stdout


def test_voorbeelden_lists_practices_beside_the_wijken_that_need_them(invoke) -> None:
    gv = json.loads(invoke([*ALLES, "-f", "json"]).stdout)
    assert gv["soort"] == "goede-voorbeelden" and gv["gevraagd"] is None
    per = {o["id"]: o for o in gv["onderwerpen"]}
    # every condition of the checklist, with or without a practice
    assert list(per) == [
        "ontmoetingsplekken",
        "sociaaleconomische-zekerheid",
        "sociale-cohesie-en-inclusie",
        "institutionele-capaciteit",
    ]
    ontmoeten = per["ontmoetingsplekken"]
    assert [p["wijk"] for p in ontmoeten["praktijken"]] == ["Centrum-Drunen", "Herpt"]
    assert [w["wijk"] for w in ontmoeten["niet_voldaan"]] == ["De Grassen"]
    assert all(p["uitkomst_hier"] == "voldaan" for p in ontmoeten["praktijken"])
    # the outcome is the one `wijkcheck audit` gives
    audit = json.loads(invoke(["audit", "De Grassen", *DATUM, "-f", "json"]).stdout)
    (r,) = [r for r in audit["voorwaarden"] if r["id"] == "ontmoetingsplekken"]
    assert r["uitkomst"] == "niet voldaan"
    assert gv["voorbeelddata"] and gv["voorbeeldnormen"]


def test_one_condition_by_id_or_by_a_loose_title(invoke) -> None:
    for naam in ("sociale-cohesie-en-inclusie", "Sociale Cohesie en Inclusie", "cohesie"):
        gv = json.loads(invoke([*ALLES, naam, "-f", "json"]).stdout)
        assert [o["id"] for o in gv["onderwerpen"]] == ["sociale-cohesie-en-inclusie"], naam
    out = invoke([*ALLES, "ontmoetingsplekk"]).stdout
    assert "Voorwaarde     Ontmoetingsplekken (ontmoetingsplekken)" in out
    # more than one fits: say which, do not guess
    out = invoke([*ALLES, "ontmoeting"], code=2).output
    assert "Bedoelde u 'ontmoetingsplekken' of" in out


def test_an_unknown_condition_is_a_dutch_error_with_a_suggestion(invoke) -> None:
    out = invoke([*ALLES, "ontmoetingsplaatsen"], code=2).output
    assert "onbekende voorwaarde of item 'ontmoetingsplaatsen'" in out
    assert "Bedoelde u 'ontmoetingsplekken'" in out and "(onbekend-onderwerp)" in out


def test_an_item_with_a_practice_is_listed_too(invoke, data_copy: Path) -> None:
    geerpark = data_copy / "data/wijken/heusden/geerpark.yaml"
    geerpark.write_text(
        geerpark.read_text(encoding="utf-8") + PRAKTIJK.replace("ontmoetingsplekken", "burenhulp"),
        encoding="utf-8",
    )
    gv = json.loads(invoke([*ALLES, "--data", str(data_copy), "-f", "json"]).stdout)
    (burenhulp,) = [o for o in gv["onderwerpen"] if o["id"] == "burenhulp"]
    assert burenhulp["soort"] == "item" and burenhulp["praktijken"][0]["wijk"] == "Geerpark"


def test_a_practice_that_began_after_the_audit_date_is_refused_by_every_command(
    invoke, data_copy: Path
) -> None:
    # What has not begun does not work yet: validate refuses a `sinds` after the audit date,
    # and so, through the one gate, does `voorbeelden` (not silently leaving it out).
    wijk = data_copy / "data/wijken/heusden/centrum-drunen.yaml"
    tekst = wijk.read_text(encoding="utf-8")
    wijk.write_text(tekst.replace("sinds: 2024-03-01", "sinds: 2026-09-01", 1), encoding="utf-8")
    args = ["--datum", "2026-06-01", "--data", str(data_copy)]
    melding = "centrum-drunen.yaml:146:12: fout: 'sinds' 1-9-2026 ligt in de toekomst"
    assert melding in invoke(["validate", *args, "--format", "tekst"], code=1).output
    assert melding in invoke(["voorbeelden", *args], code=2).output


def test_under_a_theme_the_gemeentes_conditions_are_known_not_judged(invoke) -> None:
    args = [*ALLES, "--checklist", "aandachtsgroepen"]
    gv = json.loads(invoke([*args, "-f", "json"]).stdout)
    assert gv["niet_getoetst"] == 4 and not any(o["praktijken"] for o in gv["onderwerpen"])
    assert gv["onderwerpen"][0]["id"] == "steun-dichtbij"
    out = invoke([*args, "ontmoetingsplekken"], code=2).output
    assert "toetst die niet" in out and "(niet-getoetst)" in out


@pytest.mark.parametrize("fmt", formats_for(GOEDE_VOORBEELDEN))
def test_voorbeelden_in_every_list_format(invoke, tmp_path: Path, fmt: OutputFormat) -> None:
    target = tmp_path / f"voorbeelden.{'txt' if fmt is OutputFormat.TABEL else fmt.value}"
    invoke([*ALLES, "ontmoetingsplekken", "-o", str(target)])
    if fmt is OutputFormat.DOCX:
        docx = pytest.importorskip("docx")
        doc = docx.Document(str(target))
        tekst = "\n".join(
            [p.text for p in doc.paragraphs]
            + [c.text for t in doc.tables for r in t.rows for c in r.cells]
        )
    else:
        tekst = target.read_text(encoding="utf-8-sig")
    assert "Buurtmaaltijd" in tekst and "De Grassen" in tekst
    if fmt is OutputFormat.CSV:
        rijen = list(csv.DictReader(io.StringIO(tekst), delimiter=";"))
        assert {r["rij"] for r in rijen} == {"praktijk", "niet voldaan", "onbekend"}
        assert all(r["voorwaarde"] == "ontmoetingsplekken" for r in rijen)


def test_voorbeelden_has_no_picture(invoke) -> None:
    out = invoke([*ALLES, "--format", "svg"], code=2).output
    assert "kan alleen bij 'wijkcheck overview'" in out


def test_a_condition_nobody_recorded_a_practice_for_says_so(invoke) -> None:
    out = invoke([*ALLES, "institutionele-capaciteit"]).stdout
    assert GEEN_PRAKTIJKEN[1:] in out and "Niet voldaan in 2 wijken" in out


def test_two_gemeenten_and_a_missing_wijk_file(invoke, data_copy: Path) -> None:
    tweede = data_copy / "data/wijken/vught"
    shutil.copytree(data_copy / "data/wijken/heusden", tweede)
    gemeente = tweede / "gemeente.yaml"
    gemeente.write_text(
        gemeente.read_text(encoding="utf-8")
        .replace("naam: Heusden", "naam: Vught")
        .replace("GM0797", "GM0865"),
        encoding="utf-8",
    )
    (tweede / "herpt.yaml").unlink()
    gv = json.loads(invoke([*ALLES, "--data", str(data_copy), "-f", "json"]).stdout)
    assert gv["gemeenten"] == ["Heusden", "Vught"] and gv["ontbrekende_wijken"] == ["Herpt (Vught)"]
    (o,) = [o for o in gv["onderwerpen"] if o["id"] == "ontmoetingsplekken"]
    assert [(p["gemeente"], p["wijk"]) for p in o["praktijken"]] == [
        ("Heusden", "Centrum-Drunen"),
        ("Heusden", "Herpt"),
        ("Vught", "Centrum-Drunen"),
    ]


def test_a_practice_is_validated_like_every_other_field(tmp_path: Path) -> None:
    from wijkcheck.core.errors import WijkcheckError
    from wijkcheck.sources.loader import load_model

    tekst = (BUNDLED.wijken / "heusden" / "geerpark.yaml").read_text(encoding="utf-8")
    path = tmp_path / "geerpark.yaml"
    path.write_text(tekst + PRAKTIJK.replace("    bron: voorbeeld\n", "    geschat: ja\n"), "utf-8")
    with pytest.raises(WijkcheckError) as exc:
        load_model(path, Wijk, "geerpark.yaml")
    regels = {f.id for f in exc.value.findings}
    assert regels >= {"ontbrekend-veld"} and all(f.span.line > 0 for f in exc.value.findings)
