"""The theme checklist aandachtsgroepen (issue 15.3): laid on each gemeente's own checklist,
judging only its own conditions and items, usable with --checklist on every command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from wijkcheck.core.checklist import ChecklistBestand
from wijkcheck.core.errors import WijkcheckError
from wijkcheck.sources import store
from wijkcheck.sources.loader import load_model

from .conftest import BUNDLED

REPO = Path(__file__).resolve().parents[1]
VOORBEELDRECHT = REPO / "voorbeelden" / "voorbeeldrecht"
THEMA = ["--checklist", "aandachtsgroepen", "--datum", "2026-01-01"]
VOORWAARDEN = [
    "steun-dichtbij",
    "ontmoeten-in-de-wijk",
    "informeel-netwerk",
    "aanspreekpunt",
    "inspraak-omwonenden",
]


def _heusden():
    gd = store.load_gemeente(BUNDLED.wijken / "heusden")
    return gd, store.checklist_for(BUNDLED, "aandachtsgroepen", gd.gemeente, gd.doc)[0]


def test_the_theme_judges_its_own_conditions_with_the_gemeentes_catalogue() -> None:
    _, cl = _heusden()
    assert list(cl.voorwaarden) == VOORWAARDEN
    assert list(cl.items) == ["goede-buur", "maatje", "samenredzaamheid", "geldzaken"]
    # Heusden's own words stay usable: its soorten, and its conditions for judgements
    assert {"wijk-en-welzijnsteam", "buurt-bestuurt"} <= set(cl.soorten)
    assert "ontmoetingsplekken" in cl.niet_getoetst["voorwaarden"]
    assert "huisarts" in cl.niet_getoetst["items"]
    assert [(laag.id, laag.catalogus) for laag in cl.lagen] == [
        ("hart-van-brabant", True),
        ("heusden", True),
        ("aandachtsgroepen", False),
    ]
    assert cl.herkomst["inspraak-omwonenden"] == ("aandachtsgroepen", "regionaal")
    assert cl.concept and cl.secties["voorwaarden"].titel.startswith("Randvoorwaarden")


def test_the_theme_is_honest_about_what_it_rests_on() -> None:
    path = REPO / "checklists" / "aandachtsgroepen.yaml"
    laag, _ = load_model(path, ChecklistBestand, "aandachtsgroepen.yaml")
    assert laag.thema and laag.extends is None and laag.status.status == "concept"
    assert "geen besluit" in (laag.status.toelichting or "")
    for onderwerp in [*laag.voorwaarden.values(), *laag.items.values()]:
        bron = onderwerp.beleidsbron
        assert "(bron 000)" in bron.document and bron.citaat
        # a stelling was a question for the council's discussion, never a decision
        if "Stelling 1" in bron.passage:
            assert "geen besluit" in bron.passage
    # the words it asks for are in the regional catalogue, not its own
    assert not (laag.soorten or laag.functies or laag.indicatoren or laag.rollen)


@pytest.mark.parametrize("data", [None, VOORBEELDRECHT], ids=["heusden", "voorbeeldrecht"])
def test_every_command_takes_the_theme(invoke, data: Path | None) -> None:
    met = [*THEMA, *(["--data", str(data)] if data else [])]
    wijk = "Vliedberg" if data is None else "Molenkwartier"
    rapport = json.loads(invoke(["audit", wijk, *met, "-f", "json"]).stdout)
    assert [r["id"] for r in rapport["voorwaarden"]] == VOORWAARDEN
    assert [laag["catalogus"] for laag in rapport["checklist"]["lagen"]] == [True, True, False]
    ov = json.loads(invoke(["overview", *met, "-f", "json"]).stdout)
    assert [k["id"] for k in ov["voorwaarden"]] == VOORWAARDEN and ov["rijen"]
    assert ov["sommen"][-1]["voorwaarden"].keys() == set(VOORWAARDEN)
    assert "Wat werkt hier" in invoke(["show", wijk, *met]).stdout
    assert "Stelling 1" in invoke(["explain", "inspraak", *met[:2], *met[4:]]).stdout
    invoke(["validate", *met[:2], *(["--data", str(data)] if data else ["--data", str(REPO)])])
    invoke(["voorbeelden", *met])


def test_the_report_says_it_is_a_theme(invoke) -> None:
    out = invoke(["audit", "Vliedberg", *THEMA]).stdout
    assert "Thema" in out and "Catalogus uit" in out and "Bouwt voort op" not in out
    assert "Concept: 'Randvoorwaarden samenleven" in out


def test_a_wijk_with_a_contact_point_and_residents_talking_along(invoke) -> None:
    rapport = json.loads(invoke(["audit", "Vliedberg", *THEMA, "-f", "json"]).stdout)
    uitkomst = {r["id"]: r["uitkomst"] for r in rapport["voorwaarden"]}
    assert uitkomst["aanspreekpunt"] == uitkomst["inspraak-omwonenden"] == "voldaan"
    # every result of the bundled example facilities says it rests on example data
    assert all(r["voorbeeldgegevens"] for r in rapport["voorwaarden"])
    andere = json.loads(invoke(["audit", "Geerpark", *THEMA, "-f", "json"]).stdout)
    assert {r["id"]: r["uitkomst"] for r in andere["voorwaarden"]}["aanspreekpunt"] == (
        "niet voldaan"
    )


def _thema(tmp_path: Path, extra: str) -> Path:
    tekst = (REPO / "checklists" / "aandachtsgroepen.yaml").read_text(encoding="utf-8")
    path = tmp_path / "thema.yaml"
    path.write_text(tekst.replace("thema: true\n", f"thema: true\n{extra}"), encoding="utf-8")
    return path


def _fout(path: Path) -> list[str]:
    gd = store.load_gemeente(BUNDLED.wijken / "heusden")
    with pytest.raises(WijkcheckError) as exc:
        store.checklist_for(BUNDLED, str(path), gd.gemeente, gd.doc)
    return [f"{f.span.line}:{f.id}" for f in exc.value.findings]


def test_a_theme_adds_no_catalogue_and_changes_nothing_below(tmp_path: Path) -> None:
    extra = "soorten:\n  x: {naam: x, laag: persoonlijk, bron: x}\nextends: heusden\n"
    path = _thema(tmp_path, extra)
    regels = path.read_text(encoding="utf-8").splitlines()
    soorten, extends = regels.index("soorten:") + 1, regels.index("extends: heusden") + 1
    assert sorted(_fout(path)) == [
        f"{soorten}:thema-niet-toegestaan",
        f"{extends}:thema-niet-toegestaan",
    ]


def test_a_theme_reuses_no_id_of_the_checklist_below(tmp_path: Path) -> None:
    path = _thema(tmp_path, "")
    path.write_text(
        path.read_text(encoding="utf-8").replace("  steun-dichtbij:", "  ontmoetingsplekken:"),
        encoding="utf-8",
    )
    (fout,) = _fout(path)
    assert fout.endswith(":bestaat-al")


def test_nothing_builds_on_a_theme_and_gemeente_yaml_names_none(invoke, data_copy: Path) -> None:
    (data_copy / "checklists" / "kind.yaml").write_text(
        'id: kind\nnaam: k\nversie: "1"\nuitgever: u\nniveau: gemeentelijk\n'
        "status: {status: concept}\nextends: aandachtsgroepen\n",
        encoding="utf-8",
    )
    out = invoke(["validate", "--data", str(data_copy), "-f", "tekst"], code=1).output
    assert "checklists/kind.yaml:7:10: fout: checklist 'aandachtsgroepen' is een thema" in out
    gemeente = data_copy / "data/wijken/heusden/gemeente.yaml"
    gemeente.write_text(
        gemeente.read_text(encoding="utf-8").replace(
            "checklist: heusden", "checklist: aandachtsgroepen"
        ),
        encoding="utf-8",
    )
    out = invoke(["audit", "Herpt", "--data", str(data_copy)], code=2).output
    assert "gemeente.yaml noemt de checklist van de gemeente zelf" in out
    assert "(thema-als-basis)" in out


def test_a_judgement_on_the_gemeentes_condition_stays_valid_under_the_theme(
    invoke, data_copy: Path
) -> None:
    # Herpt records an oordeel on sociale-cohesie-en-inclusie (Heusden's): not judged by the
    # theme, still a known condition; a typo is still an error
    invoke(["validate", "--data", str(data_copy), "--checklist", "aandachtsgroepen"])
    herpt = data_copy / "data/wijken/heusden/herpt.yaml"
    herpt.write_text(
        herpt.read_text(encoding="utf-8").replace(
            "  sociale-cohesie-en-inclusie:\n", "  sociale-cohesie-en-inclusi:\n"
        ),
        encoding="utf-8",
    )
    args = ["validate", "--data", str(data_copy), "--checklist", "aandachtsgroepen"]
    assert "(onbekend-onderwerp)" in invoke(args, code=1).output


def test_voorbeeldrecht_copies_the_theme_nowhere() -> None:
    # one file for every gemeente of the region: a copy in a data folder would drift
    assert not list(VOORBEELDRECHT.rglob("aandachtsgroepen.yaml"))


def test_one_overview_of_two_gemeenten_under_the_theme_names_both_catalogues(
    invoke, data_copy: Path
) -> None:
    shutil.copytree(
        VOORBEELDRECHT / "data" / "wijken" / "voorbeeldrecht",
        data_copy / "data" / "wijken" / "voorbeeldrecht",
    )
    shutil.copy(VOORBEELDRECHT / "checklists" / "voorbeeldrecht.yaml", data_copy / "checklists")
    ov = json.loads(invoke(["overview", "--data", str(data_copy), *THEMA, "-f", "json"]).stdout)
    assert ov["gemeenten"] == ["Heusden", "Voorbeeldrecht"]
    assert [laag["id"] for laag in ov["checklist"]["lagen"]] == [
        "hart-van-brabant",
        "heusden",
        "voorbeeldrecht",
        "aandachtsgroepen",
    ]
    assert ov["sommen"][-1]["niveau"] == "alle"
    # without the theme the two gemeenten have different checklists: one matrix cannot show both
    out = invoke(["overview", "--data", str(data_copy)], code=2).output
    assert "(verschillende-checklists)" in out
