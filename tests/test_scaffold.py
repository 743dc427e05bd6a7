"""sources/scaffold.py: the text of a new wijk file, the header that points the editor at the
schema, and a wijk inserted into gemeente.yaml with every other byte unchanged (issue 14, 4)."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkcheck.core.errors import WijkcheckError
from wijkcheck.core.models import Gemeente, Wijk
from wijkcheck.core.names import sleutel
from wijkcheck.sources import store
from wijkcheck.sources.loader import validate
from wijkcheck.sources.scaffold import (
    bestandsnaam,
    schema_header,
    voeg_wijk_toe,
    wijk_sjabloon,
    yaml_tekst,
)
from wijkcheck.sources.yamlsource import parse

from .conftest import BUNDLED

CHECKLIST, _ = store.load_checklist(BUNDLED, "heusden")


def _kernen(tekst: str) -> dict[str, list[str]]:
    return validate(parse(tekst, "gemeente.yaml"), Gemeente).kernen


def _toegevoegd(voor: str, na: str) -> list[str]:
    """The lines that differ, as `-old` / `+new`."""
    diff = difflib.unified_diff(voor.splitlines(True), na.splitlines(True), n=0)
    return [r.rstrip("\r\n") for r in diff if r[:1] in "+-" and r[:3] not in ("+++", "---")]


KOP = "naam: Proefdorp\ncbs_code: GM9998\n"


@pytest.mark.parametrize(
    ("kernen", "verwacht"),
    [
        ("kernen:\n  Noord: [A, B]\n", ["-  Noord: [A, B]", "+  Noord: [A, B, Nieuw]"]),
        ("kernen:\n  Noord: []\n", ["-  Noord: []", "+  Noord: [Nieuw]"]),
        (
            "kernen:\n  Noord: [A, B, ]  # dorp\n",
            ["-  Noord: [A, B, ]  # dorp", "+  Noord: [A, B, Nieuw, ]  # dorp"],
        ),
        ("kernen:\n  Noord: [A,\n    B]\n", ["-    B]", "+    B, Nieuw]"]),
        (
            "kernen: {Noord: [A], Zuid: [C]}\n",
            ["-kernen: {Noord: [A], Zuid: [C]}", "+kernen: {Noord: [A, Nieuw], Zuid: [C]}"],
        ),
        ("kernen:\n  Noord:\n    - A\n    - B\n  Zuid: [C]\n", ["+    - Nieuw"]),
        ("kernen:\n  Noord:\n  - A\n  - 'B'\n", ["+  - Nieuw"]),
        (
            "kernen:\n  Noord:\n    -   A   # één\n    # over Zuid\n  Zuid: [C]\n",
            ["+    -   Nieuw"],
        ),
        ("kernen:\n  Noord:\n    - A\n    - B", ["-    - B", "+    - B", "+    - Nieuw"]),
    ],
)
def test_a_wijk_is_inserted_and_nothing_else_changes(kernen: str, verwacht: list[str]) -> None:
    voor = KOP + kernen
    na = voeg_wijk_toe(voor, "gemeente.yaml", "Noord", "Nieuw")
    assert _toegevoegd(voor, na) == verwacht
    oud = _kernen(voor)
    assert _kernen(na) == {**oud, "Noord": [*oud["Noord"], "Nieuw"]}


def test_the_new_line_goes_before_a_comment_about_the_next_kern() -> None:
    voor = KOP + "kernen:\n  Noord:\n    - A  # eerste\n    # hierna Zuid\n  Zuid: [C]\n"
    na = voeg_wijk_toe(voor, "gemeente.yaml", "Noord", "Nieuw")
    assert na.splitlines()[4:6] == ["    - A  # eerste", "    - Nieuw"]
    assert "    # hierna Zuid" in na


def test_windows_line_endings_stay() -> None:
    voor = (KOP + "kernen:\n  Noord:\n    - A\n  Zuid: [C]\n").replace("\n", "\r\n")
    na = voeg_wijk_toe(voor, "gemeente.yaml", "Noord", "Nieuw")
    assert "\n" not in na.replace("\r\n", "")
    assert "    - Nieuw\r\n" in na


def test_a_block_scalar_as_last_wijk_is_refused_not_guessed() -> None:
    voor = KOP + "kernen:\n  Noord:\n    - >-\n      Lange\n      naam\n"
    with pytest.raises(WijkcheckError) as exc:
        voeg_wijk_toe(voor, "gemeente.yaml", "Noord", "Nieuw")
    assert exc.value.findings[0].id == "gemeente-aanvullen"


@pytest.mark.parametrize(
    "naam",
    [
        "Reüniepark",
        "Noord, Oost",
        "[Noord]",
        "Wijk: Zuid",
        "true",
        "123",
        "- streep",
        "'t Hof",
        "Oud #2",
        "null",
        'De "Markt"',
        "~",
        "Centrum-Noord/Zuid",
        "a: b # c",
    ],
)
def test_any_name_goes_in_as_written(naam: str) -> None:
    for kernen in ("kernen:\n  Noord: [A]\n", "kernen:\n  Noord:\n    - A\n"):
        na = voeg_wijk_toe(KOP + kernen, "gemeente.yaml", "Noord", naam)
        assert _kernen(na)["Noord"] == ["A", naam]


@given(
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
    ).filter(lambda t: t.strip() == t and t.strip())
)
def test_yaml_tekst_reads_back_as_the_same_text(naam: str) -> None:
    for in_flow in (False, True):
        waarde = f"[{yaml_tekst(naam, in_flow=True)}]" if in_flow else yaml_tekst(naam)
        tekst = f"a: {waarde}\n"
        try:
            data = parse(tekst, "x.yaml").data
        except WijkcheckError:  # a character YAML refuses raw (U+FEFF, …): refused either way
            continue
        assert data["a"] == ([naam] if in_flow else naam)


@pytest.mark.parametrize(
    ("naam", "bestand"),
    [
        ("Reüniepark", "reuniepark.yaml"),
        ("Vesting Heusden", "vesting-heusden.yaml"),
        ("'t Hof (Noord)", "t-hof-noord.yaml"),
        ("Δόβερεν", "δοβερεν.yaml"),
        ("Centrum-Drunen", "centrum-drunen.yaml"),
    ],
)
def test_the_file_name_matches_the_wijk_as_every_command_does(naam: str, bestand: str) -> None:
    assert bestandsnaam(naam) == bestand
    assert sleutel(Path(bestand).stem) == sleutel(naam)


def test_a_name_without_letters_gets_no_file_name() -> None:
    with pytest.raises(WijkcheckError):
        bestandsnaam("--- ")


def test_the_header_is_relative_to_the_file(tmp_path: Path) -> None:
    wijk = tmp_path / "data" / "wijken" / "proef" / "noord.yaml"
    assert schema_header("wijk", wijk, tmp_path) == (
        "# yaml-language-server: $schema=../../../schema/wijk.schema.json\n"
    )
    checklist = tmp_path / "checklists" / "proef.yaml"
    assert schema_header("checklist", checklist, tmp_path).endswith(
        "=../schema/checklist.schema.json\n"
    )


def test_the_template_validates_and_holds_no_figure() -> None:
    kop = schema_header("wijk", Path("/d/data/wijken/g/noord.yaml"), Path("/d"))
    tekst = wijk_sjabloon(
        "Noord", "Drunen", "Heusden", dt.date(2026, 3, 1), CHECKLIST, kop, "BU07970199"
    )
    assert tekst.startswith(kop)
    wijk = validate(parse(tekst, "noord.yaml"), Wijk)
    assert (wijk.naam, wijk.kern, wijk.cbs_buurtcode) == ("Noord", "Drunen", "BU07970199")
    assert wijk.inwoners is None and not wijk.indicatoren and not wijk.oordelen
    assert "voorzieningen" not in wijk.model_fields_set  # not counted, so never "none found"
    for indicator in CHECKLIST.indicatoren:
        assert f"#   {indicator}: {{waarde: GETAL" in tekst  # guidance for every indicator
    assert "voorbeeld" not in tekst.casefold()  # nothing invented to pass for data


def _voorbeeldblokken(tekst: str) -> list[list[str]]:
    """The commented examples of a template: a `# veld:` line and the `#   ` lines under it."""
    blokken: list[list[str]] = []
    for regel in tekst.splitlines():
        if regel.startswith("#   ") and blokken:
            blokken[-1].append(regel[2:])
        elif regel[2:].split(":")[0] in Wijk.model_fields and regel.startswith("# "):
            blokken.append([regel[2:]])
    return blokken


INGEVULD = {
    "GETAL": "1",
    "BRON": "wijkteam",
    "JJJJ-MM-DD": "2025-01-01",
    "SOORT": "buurthuis",
    "WIE TELDE": "wijkteam",
    "ONDERWERP": "ontmoetingsplekken",
    "OORDEEL": "voldaan",
}


def test_every_example_is_refused_until_filled_in_and_then_valid() -> None:
    kop = schema_header("wijk", Path("/d/data/wijken/g/noord.yaml"), Path("/d"))
    tekst = wijk_sjabloon("Noord", "Drunen", "Heusden", dt.date(2026, 3, 1), CHECKLIST, kop)
    blokken = _voorbeeldblokken(tekst)
    assert {b[0].split(":")[0] for b in blokken} >= {
        "inwoners",
        "inventarisatie",
        "voorzieningen",
        "indicatoren",
        "capaciteit",
        "oordelen",
    }
    for blok in blokken:
        if blok[0].startswith("omschrijving"):
            continue  # text, not a figure
        zo = tekst + "\n".join(blok) + "\n"
        with pytest.raises(WijkcheckError):  # uncommented as it stands: an error
            validate(parse(zo, "noord.yaml"), Wijk)
        for oud, nieuw in INGEVULD.items():
            zo = zo.replace(oud, nieuw)
        validate(parse(zo, "noord.yaml"), Wijk)  # filled in: the shape was right


def test_names_from_data_cannot_end_a_comment() -> None:
    kop = schema_header("wijk", Path("/d/data/wijken/g/noord.yaml"), Path("/d"))
    tekst = wijk_sjabloon(
        "Noord", "Drunen\nnaam: X", "Heu\u2028sden", dt.date(2026, 3, 1), CHECKLIST, kop
    )
    eerste = tekst.splitlines()[1]
    assert eerste.startswith("# Wijk Noord in kern Drunen naam: X (gemeente Heu sden)")
