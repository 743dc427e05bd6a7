"""CBS open data: reading the files as CBS hands them out, `wijkcheck init` and
`wijkcheck import-cbs` (docs/cbs.md). Fixtures in tests/fixtures/cbs/ are small files in the
shapes of StatLine's CSV and the OData v3 JSON, for a fictitious gemeente (GM9901)."""

from __future__ import annotations

import datetime as dt
import difflib
import json
from pathlib import Path

import pytest

from wijkcheck.core.errors import WijkcheckError
from wijkcheck.sources import cbs, cbs_files

FIXTURES = Path(__file__).parent / "fixtures" / "cbs"
KWB_2024 = FIXTURES / "85984NED_UntypedDataSet_12112024_101500.csv"
NABIJHEID_2023 = FIXTURES / "85830NED_UntypedDataSet_05032025_093000.csv"
KWB_2025 = FIXTURES / "86165NED.json"


# -- reading --------------------------------------------------------------------------------


def test_csv_padded_codes_missing_values_and_table_from_the_file_name() -> None:
    b = cbs.lees(KWB_2024)
    assert (b.tabel, b.jaar, b.titel) == ("85984NED", 2024, "Kerncijfers wijken en buurten 2024")
    venne = b.regios["BU07970104"]  # padded as "BU07970104  " in the file
    assert (venne.naam, venne.gemeentenaam) == ("Venne-West", "Heusden")
    assert venne.waarden["inwoners"] == 5445
    assert "laag-inkomen" not in b.regios["BU99010003"].waarden  # "." is missing, not 0
    assert set(b.regios) >= {"NL00", "GM0797", "WK079701", "GM9901", "BU99010202"}


def test_columns_are_matched_before_the_suffix_in_two_years() -> None:
    b24, b25 = cbs.lees(KWB_2024), cbs.lees(KWB_2025)
    assert b24.kolommen["wmo-clienten"] == "WmoClientenRelatief_94"
    assert b25.kolommen["wmo-clienten"] == "WmoClientenRelatief_99"
    assert b24.kolommen["laag-inkomen"] != b25.kolommen["laag-inkomen"]
    assert b25.regios["BU99010001"].waarden["wmo-clienten"] == 66


def test_odata_json_names_from_the_dimension_and_table_from_table_infos() -> None:
    b = cbs.lees(KWB_2025)
    assert (b.tabel, b.jaar) == ("86165NED", 2025)
    assert b.regios["BU99010002"].naam == "Reüniepark-Oost"  # TypedDataSet holds only the key


def test_odata_response_and_cbsodata_folder(tmp_path: Path) -> None:
    data = json.loads(KWB_2025.read_text(encoding="utf-8"))
    response = tmp_path / "antwoord.json"
    response.write_text(
        json.dumps(
            {
                "odata.metadata": "https://opendata.cbs.nl/ODataApi/OData/86165NED/"
                "$metadata#Cbs.OData.WebAPI.TypedDataSet",
                "value": data["TypedDataSet"],
            }
        ),
        encoding="utf-8",
    )
    assert cbs.lees(response).tabel == "86165NED"
    folder = tmp_path / "86165NED"
    folder.mkdir()
    for deel in ("TypedDataSet", "DataProperties", "TableInfos", "WijkenEnBuurten"):
        (folder / f"{deel}.json").write_text(json.dumps(data[deel]), encoding="utf-8")
    b = cbs.lees(folder)
    assert (b.tabel, b.regios["WK990100"].naam) == ("86165NED", "Wijk 00 Ëikhoven")


def test_period_column_and_tabel_for_a_file_that_does_not_say(tmp_path: Path) -> None:
    f = tmp_path / "download.csv"
    f.write_text(
        '"WijkenEnBuurten";"Perioden";"AantalInwoners_6"\n'
        '"BU99010001  ";"2022JJ00";"2400"\n"BU99010001  ";"2023JJ00";"2450"\n',
        encoding="utf-8",
    )
    with pytest.raises(WijkcheckError) as exc:
        cbs.lees(f)
    assert "--tabel" in str(exc.value)
    b = cbs.lees(f, "85618ned")
    assert (b.tabel, b.jaar, b.regios["BU99010001"].waarden["inwoners"]) == ("85618NED", 2023, 2450)
    with pytest.raises(WijkcheckError, match="85984NED"):
        cbs.lees(KWB_2024, "85618NED")  # the file name says another table


def test_unknown_shape_names_the_columns_found(tmp_path: Path) -> None:
    f = tmp_path / "85984NED.csv"
    f.write_text('"Regio";"Inwoners"\n"Drunen";"5"\n', encoding="utf-8")
    with pytest.raises(WijkcheckError) as exc:
        cbs.lees(f, shown="85984NED.csv")
    tekst = str(exc.value)
    assert tekst.startswith("85984NED.csv:1:1: fout: onbekende vorm van een CBS-bestand")
    assert "Gevonden kolommen: Regio, Inwoners" in tekst and "(cbs-vorm)" in tekst


def test_a_value_that_is_no_number_points_at_line_and_column(tmp_path: Path) -> None:
    f = tmp_path / "85984NED.csv"
    f.write_text('"Codering_3";"AantalInwoners_5"\n"GM9901    ";"veel"\n', encoding="utf-8")
    with pytest.raises(WijkcheckError) as exc:
        cbs.lees(f, shown="85984NED.csv")
    assert str(exc.value).startswith("85984NED.csv:2:14: fout: 'veel' in kolom AantalInwoners_5")


def test_broken_json_has_a_position(tmp_path: Path) -> None:
    f = tmp_path / "86165NED.json"
    f.write_text('{"TypedDataSet": [\n  {"a": 1,}\n]}', encoding="utf-8")
    with pytest.raises(WijkcheckError, match=r"86165NED.json:2:\d+: fout: ongeldige JSON"):
        cbs.lees(f, shown="86165NED.json")


def test_newest_table_wins_and_the_share_of_65_plus_is_computed() -> None:
    regios = cbs.combineer([cbs.lees(p) for p in (KWB_2024, NABIJHEID_2023, KWB_2025)])
    centrum = regios["BU99010001"].cijfers
    assert (centrum["inwoners"].waarde, centrum["inwoners"].bron) == (2495, "CBS 86165NED")
    assert centrum["inwoners"].peildatum == dt.date(2025, 1, 1) and not centrum["inwoners"].geschat
    assert centrum["aandeel-65-plus"].waarde == round(100 * 720 / 2495, 1)
    assert (
        centrum["afstand-huisarts"].bron == "CBS 85830NED" and centrum["afstand-huisarts"].geschat
    )
    # a supermarket distance in both tables: the newer table's
    assert centrum["afstand-supermarkt"].bron == "CBS 85984NED"
    assert regios["BU99010002"].naam == "Reüniepark-Oost"  # renamed in 2025
    assert cbs.kies_gemeente(regios, "grensdaal eik", "x") == ("GM9901", "Grensdaal-Ëik")
    with pytest.raises(WijkcheckError, match="Bedoelde u 'Grensdaal-Ëik'"):
        cbs.kies_gemeente(regios, "Grensdal-Eik", "x")


# -- init -----------------------------------------------------------------------------------


def _init(invoke, *extra: str, code: int = 0):
    return invoke(
        ["init", "Grensdaal-Ëik", "--cbs", str(KWB_2024), "--cbs", str(NABIJHEID_2023), *extra],
        code=code,
    )


def test_init_names_with_diacritics_slashes_and_duplicates(invoke, tmp_path: Path) -> None:
    uit = _init(invoke).output
    map_ = tmp_path / "data" / "wijken" / "grensdaal-eik"
    assert sorted(p.name for p in map_.iterdir()) == [
        "bedrijventerrein-de-hoek.yaml",
        "centrum-noord-zuid.yaml",
        "centrum-wijk-00-eikhoven.yaml",
        "gemeente-wijk-00-eikhoven.yaml",  # a buurt named "Gemeente" is no gemeente.yaml
        "gemeente.yaml",
        "noord-zuid.yaml",
        "reuniepark.yaml",
        "t-eikske.yaml",
    ]
    gemeente = (map_ / "gemeente.yaml").read_text(encoding="utf-8")
    assert (
        '"Noord-Zuid": ["Centrum (Noord-Zuid)", "Noord-Zuid", "Bedrijventerrein De Hoek"]'
        in gemeente
    )
    assert '"Wijk 00 Ëikhoven"' in gemeente and '"Wijk 02 Eikhoven"' in gemeente
    assert "Buitengebied (BU99010202): CBS geeft geen inwonertal" in gemeente
    assert "Noord/Zuid (BU99010102) heet 'Noord-Zuid'" in uit
    checklist = (tmp_path / "checklists" / "grensdaal-eik.yaml").read_text(encoding="utf-8")
    assert "id: grensdaal-eik" in checklist and "status: concept" in checklist
    assert "extends: hart-van-brabant" in checklist


def test_init_validates_and_audits_with_real_figures_and_onbekend(invoke, tmp_path: Path) -> None:
    _init(invoke)
    assert "Geen fouten" in invoke(["validate"]).output
    uit = invoke(["audit", "reuniepark"]).output
    assert "3.100 (CBS 85984NED, 1-1-2024)" in uit
    assert "? onbekend" in uit and "VOORBEELDGEGEVENS" not in uit
    wijk = (tmp_path / "data/wijken/grensdaal-eik/reuniepark.yaml").read_text(encoding="utf-8")
    assert "\nvoorzieningen:" not in wijk  # left out: the audit says onbekend
    assert "cbs_buurtcode: BU99010002" in wijk
    assert 'aandeel-65-plus: {waarde: 16.8, bron: "CBS 85984NED", peildatum: 2024-01-01' in wijk


def test_init_refuses_an_existing_folder_and_keeps_it_with_force(invoke, tmp_path: Path) -> None:
    _init(invoke)
    eigen = tmp_path / "data/wijken/grensdaal-eik/reuniepark.yaml"
    eigen.write_text(eigen.read_text(encoding="utf-8") + "# mijn aantekening\n", encoding="utf-8")
    assert "bestaat al" in _init(invoke, code=2).output
    _init(invoke, "--force")
    bewaard = [p for p in (tmp_path / "data/wijken").iterdir() if p.name.startswith(".grensdaal")]
    assert len(bewaard) == 1
    assert "# mijn aantekening" in (bewaard[0] / "reuniepark.yaml").read_text(encoding="utf-8")
    assert "Geen fouten" in invoke(["validate"]).output  # the kept copy is hidden: no data


def test_init_niveau_wijk(invoke, tmp_path: Path) -> None:
    _init(invoke, "--niveau", "wijk")
    map_ = tmp_path / "data" / "wijken" / "grensdaal-eik"
    assert "cbs_wijkcode: WK990101" in (map_ / "noord-zuid.yaml").read_text(encoding="utf-8")
    assert '"Grensdaal-Ëik": [' in (map_ / "gemeente.yaml").read_text(encoding="utf-8")
    assert "Geen fouten" in invoke(["validate"]).output


def test_init_unknown_gemeente_and_nothing_written(invoke, tmp_path: Path) -> None:
    uit = invoke(["init", "Atlantis", "--cbs", str(KWB_2024)], code=2).output
    assert "gemeente 'Atlantis' staat niet in" in uit and "(cbs-gemeente)" in uit
    assert not (tmp_path / "data").exists()


def test_init_refuses_a_file_without_a_row_of_the_gemeente(invoke, tmp_path: Path) -> None:
    # The Nabijheid fixture holds only GM9901: it would be named among the sources of Heusden
    # while it gave none of its figures.
    args = ["init", "Heusden", "--cbs", str(KWB_2024), "--cbs", str(NABIJHEID_2023)]
    uit = invoke(args, code=2).output
    assert "gemeente Heusden (GM0797) staat niet in" in uit and "85830NED" in uit
    assert "(cbs-gemeente)" in uit
    assert not (tmp_path / "data").exists()


# -- import-cbs -----------------------------------------------------------------------------


def _hand_bewerkt(invoke, tmp_path: Path) -> Path:
    """A gemeente made from 2024, then edited by hand: comments, a figure of its own."""
    _init(invoke)
    pad = tmp_path / "data/wijken/grensdaal-eik/reuniepark.yaml"
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace("\nindicatoren:\n", "\n# cijfers, jaarlijks bijwerken\nindicatoren:\n")
    regels = [
        '  laag-inkomen: {waarde: 5.0, bron: "eigen enquête", peildatum: 2024-06-01}  # eigen'
        if r.startswith("  laag-inkomen:")
        else r
        for r in tekst.splitlines()
    ]
    regels += [
        "",
        "# Met de hand, na de rondgang van maart.",
        "capaciteit:",
        '  buurtondersteuner: {waarde: 0.6, bron: "begroting", peildatum: 2025-01-01}  # fte',
    ]
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return pad


def test_import_next_year_touches_only_figures(invoke, tmp_path: Path) -> None:
    pad = _hand_bewerkt(invoke, tmp_path)
    oud = pad.read_text(encoding="utf-8")
    uit = invoke(["import-cbs", str(KWB_2025)]).output
    nieuw = pad.read_text(encoding="utf-8")
    veranderd = [
        r[1:]
        for r in difflib.unified_diff(oud.splitlines(), nieuw.splitlines(), lineterm="", n=0)
        if r[:1] in "+-" and not r.startswith(("+++", "---"))
    ]
    assert veranderd and all(
        r.startswith(("inwoners:", "  aandeel-65-plus:", "  wmo-clienten:")) for r in veranderd
    )
    assert "# Met de hand, na de rondgang van maart." in nieuw and "# fte" in nieuw
    assert '"eigen enquête"' in nieuw  # not CBS: stays without --force
    assert "bron is 'eigen enquête', niet CBS" in uit
    assert "t-eikske.yaml: BU99010201 staat niet in de CBS-bestanden" in uit
    assert "BU99010203 Nieuwbouw Eikske" in uit
    assert "Geen fouten" in invoke(["validate"]).output
    assert "3.150 (CBS 86165NED, 1-1-2025)" in invoke(["audit", "reuniepark"]).output


def test_import_dry_run_shows_a_diff_and_writes_nothing(invoke, tmp_path: Path) -> None:
    pad = _hand_bewerkt(invoke, tmp_path)
    oud = pad.read_bytes()
    uit = invoke(["import-cbs", str(KWB_2025), "--dry-run"]).output
    assert pad.read_bytes() == oud
    assert "--- a/data/wijken/grensdaal-eik/reuniepark.yaml" in uit
    assert '+inwoners: {waarde: 3150, bron: "CBS 86165NED", peildatum: 2025-01-01' in uit
    assert "niets geschreven (--dry-run)" in uit


def test_import_force_overwrites_another_source(invoke, tmp_path: Path) -> None:
    pad = _hand_bewerkt(invoke, tmp_path)
    invoke(["import-cbs", str(KWB_2025), "--force"])
    tekst = pad.read_text(encoding="utf-8")
    assert 'laag-inkomen: {waarde: 5, bron: "CBS 86165NED"' in tekst and "# eigen" in tekst


def test_import_older_table_does_not_replace_newer_figures(invoke, tmp_path: Path) -> None:
    _init(invoke)
    invoke(["import-cbs", str(KWB_2025)])
    uit = invoke(["import-cbs", str(KWB_2024)]).output
    assert "is nieuwer dan CBS 85984NED" in uit and "0 bestand(en) bijgewerkt" in uit


def test_import_adds_figures_of_a_new_table_and_matches_by_name(invoke, tmp_path: Path) -> None:
    invoke(["init", "GM9901", "--cbs", str(KWB_2024)])
    map_ = tmp_path / "data/wijken/grensdaal-eik"
    pad = map_ / "noord-zuid.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("cbs_buurtcode: BU99010102\n", ""))
    uit = invoke(["import-cbs", str(NABIJHEID_2023), str(KWB_2024)]).output
    assert "noord-zuid.yaml: op naam gekoppeld aan BU99010102 'Noord/Zuid'" in uit
    assert "toegevoegd: indicatoren.afstand-huisarts: 1.9 (CBS 85830NED)" in uit
    assert "afstand-huisarts: {waarde: 1.2" in (map_ / "reuniepark.yaml").read_text(
        encoding="utf-8"
    )
    assert "Geen fouten" in invoke(["validate"]).output


def test_import_never_touches_the_bundled_data(invoke) -> None:
    assert "meegeleverde voorbeeldgegevens" in invoke(["import-cbs", str(KWB_2025)], code=2).output


# -- round trips ----------------------------------------------------------------------------

BUNDLED = Path(__file__).parents[1]
RONDREIS = sorted(
    [*BUNDLED.glob("data/wijken/*/*.yaml"), *BUNDLED.glob("voorbeelden/*/data/wijken/*/*.yaml")]
)


@pytest.mark.parametrize("pad", RONDREIS, ids=lambda p: p.name)
def test_refresh_changes_only_the_figure_lines(pad: Path) -> None:
    """On every bundled file: a refreshed inwoners replaces one line and a new distance adds
    one; every other line stays byte for byte."""
    oud = pad.read_text(encoding="utf-8")
    c = cbs.CbsCijfer(1234, "86165NED", dt.date(2025, 1, 1), False, "test")
    afstand = cbs.CbsCijfer(0.7, "85830NED", dt.date(2023, 1, 1), True, "test")
    plekken = {(None, "inwoners"): c, ("indicatoren", "afstand-apotheek"): afstand}
    heeft_afstand = "  afstand-apotheek:" in oud
    uit = cbs_files.werk_bij(oud, plekken, {"afstand-apotheek"}, force=True)
    a, b = oud.splitlines(keepends=True), uit.tekst.splitlines(keepends=True)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            continue
        weg, erbij = a[i1:i2], b[j1:j2]
        assert all(r.startswith(("inwoners:", "  afstand-apotheek:")) for r in weg), weg
        nieuw = ("inwoners:", "  afstand-apotheek:", "indicatoren:", "\n")
        assert all(r.startswith(nieuw) for r in erbij), erbij
    assert len(b) - len(a) in ((0,) if heeft_afstand else (1, 2, 3))


def test_nothing_to_change_is_byte_for_byte_the_same() -> None:
    for pad in RONDREIS:
        oud = pad.read_text(encoding="utf-8")
        assert cbs_files.werk_bij(oud, {}, set(), force=False).tekst == oud


def test_file_names_and_ids() -> None:
    assert cbs_files.bestandsnaam("Reüniepark") == "reuniepark"
    assert cbs_files.bestandsnaam("'t Eikske") == "t-eikske"
    assert cbs_files.checklist_id("Grensdaal-Ëik") == "grensdaal-eik"
    assert cbs_files.veilige_naam("Noord/Zuid\\West") == "Noord-Zuid-West"
    assert cbs_files.veilige_naam(".verborgen\u202e") == "verborgen"
