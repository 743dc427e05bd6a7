"""Numbers are numbers, for every command alike (issue 12, part 4): one definition of a figure
(models.Getal), refused by the model so that no command computes with what validate refuses."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

HERPT = "data/wijken/heusden/herpt.yaml"
COMMANDOS = [["audit", "Herpt"], ["show", "Herpt"], ["overview"], ["list"]]


def _inwoners(data_copy: Path, waarde: str) -> None:
    wijk = data_copy / HERPT
    tekst = wijk.read_text(encoding="utf-8")
    nieuw = re.sub(r"inwoners: \{waarde: [^,]+,", f"inwoners: {{waarde: {waarde},", tekst, count=1)
    assert nieuw != tekst
    wijk.write_text(nieuw, encoding="utf-8")


@pytest.mark.parametrize("waarde", [".nan", ".inf", "1e309", "true", '"4200"', "9" * 5000])
def test_what_validate_refuses_no_command_uses(invoke, data_copy: Path, waarde: str) -> None:
    _inwoners(data_copy, waarde)
    args = ["--data", str(data_copy)]
    out = invoke(["validate", *args, "--format", "tekst"], code=1).output
    assert f"{HERPT}:" in out and ": fout: " in out
    for command in COMMANDOS:
        fout = invoke([*command, *args], code=2).output
        assert f"{HERPT}:" in fout and "interne fout" not in fout, command
        assert "nan" not in fout.lower().split("gevonden")[0], command


def test_minus_zero_is_zero(invoke, data_copy: Path) -> None:
    wijk = data_copy / HERPT
    tekst = wijk.read_text(encoding="utf-8")
    wijk.write_text(tekst.replace("jongerenwerker: {waarde: 0,", "jongerenwerker: {waarde: -0.0,"))
    rapport = json.loads(invoke(["audit", "Herpt", "--data", str(data_copy), "-f", "json"]).stdout)
    gegevens = [g for r in rapport["voorwaarden"] for g in r["gegevens"]]
    assert [g["waarde"] for g in gegevens if g["wat"] == "fte Jongerenwerker"] == ["0"]


def test_zero_inhabitants_is_refused_by_every_command(invoke, data_copy: Path) -> None:
    _inwoners(data_copy, "0")
    args = ["--data", str(data_copy)]
    assert "(geen-inwoners)" in invoke(["validate", *args, "--format", "tekst"], code=1).output
    for command in COMMANDOS:
        assert "(geen-inwoners)" in invoke([*command, *args], code=2).output, command


def test_zero_inhabitants_is_no_pass_per_inhabitant_in_the_engine() -> None:
    from wijkcheck.core import engine
    from wijkcheck.sources import store

    from .conftest import BUNDLED

    gd = store.load_gemeente(BUNDLED.wijken / "heusden")
    cl, _ = store.load_checklist(BUNDLED, gd.gemeente.checklist)
    herpt = gd.zoek("Herpt")
    assert herpt is not None
    leeg = herpt.wijk.model_copy(
        update={"inwoners": herpt.wijk.inwoners.model_copy(update={"waarde": 0})}
    )
    wijken = [leeg if w is herpt.wijk else w for w in gd.wijken]
    rapport = engine.audit(cl, gd.gemeente, leeg, wijken, dt.date(2026, 6, 1))
    [capaciteit] = [r for r in rapport.voorwaarden if r.regel == "per_inwoners"]
    assert capaciteit.uitkomst == "onbekend" and "zonder inwoners" in capaciteit.toelichting


def test_an_audit_before_a_figure_existed_is_refused(invoke) -> None:
    for command in (["audit", "Herpt"], ["show", "Herpt"], ["overview"]):
        out = invoke([*command, "--datum", "2020-01-01"], code=2).output
        assert "ligt in de toekomst (na 1-1-2020)" in out and "(toekomstige-datum)" in out


def test_names_of_other_scripts_keep_their_own_key() -> None:
    from wijkcheck.core.names import sleutel

    assert sleutel("Δόβερεν") == "δοβερεν" and sleutel("海斯本") == "海斯本"
    assert sleutel("Δόβερεν") != sleutel("海斯本") and sleutel("Vlijmen-Dorp") == "vlijmendorp"


def test_text_xml_cannot_hold_is_refused(invoke, data_copy: Path) -> None:
    wijk = data_copy / HERPT
    tekst = wijk.read_text(encoding="utf-8")
    wijk.write_text(
        tekst.replace("  - naam: Dorpshuis Herpt\n", '  - naam: "Dorpshuis\\uFFFE"\n', 1), "utf-8"
    )
    for command in (["validate"], ["audit", "Herpt"], ["overview", "-o", "x.svg"]):
        out = invoke([*command, "--data", str(data_copy)], code=None).output
        assert "U+FFFE" in out and "(stuurteken)" in out, command


def test_a_name_is_bounded(invoke, data_copy: Path) -> None:
    wijk = data_copy / HERPT
    tekst = wijk.read_text(encoding="utf-8")
    wijk.write_text(tekst.replace("  - naam: Dorpshuis Herpt\n", f"  - naam: {'x' * 500}\n", 1))
    for command in (["validate"], ["show", "Herpt"]):
        out = invoke([*command, "--data", str(data_copy)], code=None).output
        assert "te lang (hooguit 120 tekens)" in out and "(te-lang)" in out, command
