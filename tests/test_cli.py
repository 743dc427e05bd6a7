"""The installed command, as a user runs it."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from wijkcheck.core import engine
from wijkcheck.formatters import AUDIT, OutputFormat, formats_for
from wijkcheck.sources import store

from .conftest import BUNDLED


def test_audit_from_an_empty_folder_uses_bundled_data(invoke) -> None:
    out = invoke(["audit", "Vlijmen-Dorp", "--datum", "2026-11-23"]).output
    assert "Audit sociale basis: Vlijmen-Dorp" in out
    assert "kern Vlijmen" in out and "versie 2026.2" in out and "23-11-2026" in out
    assert "voorbeeldgegevens" in out
    for titel in ("Ontmoetingsplekken", "Sociaaleconomische", "Institutionele"):
        assert titel in out
    assert "Voorwaarden (4): 4 voldaan · 0 niet voldaan · 0 onbekend" in out
    assert "Bronnen" in out and "Uitgangspunt 6" in out


@pytest.mark.parametrize("naam", ["vlijmen dorp", "VLIJMEN-DORP", "Vlijmen_Dorp", " vlijmen-dorp "])
def test_forgiving_names(invoke, naam: str) -> None:
    assert "Audit sociale basis: Vlijmen-Dorp" in invoke(["audit", naam]).output


def test_diacritics_and_spaces(invoke) -> None:
    assert "Vesting Heusden" in invoke(["audit", "vesting-heusden"]).output


def test_unknown_wijk_suggests_and_exits_2(invoke) -> None:
    out = invoke(["audit", "Vlijmen-Dorpp"], code=2).output
    assert "onbekende wijk 'Vlijmen-Dorpp'" in out and "Bedoelde u 'Vlijmen-Dorp'" in out


def test_strikt_exits_1_when_something_fails(invoke) -> None:
    invoke(["audit", "Doeveren", "--strikt"], code=1)
    invoke(["audit", "Doeveren"], code=0)


def test_json_equals_python_api(invoke) -> None:
    out = invoke(["audit", "vlijmen-dorp", "--format", "json", "--datum", "2026-11-23"]).output
    gd = store.load_gemeente(BUNDLED.wijken / "heusden")
    cl, _ = store.load_checklist(BUNDLED, "heusden")
    wijk = gd.zoek("Vlijmen-Dorp")
    assert wijk is not None
    expected = engine.audit(cl, gd.gemeente, wijk.wijk, gd.wijken, dt.date(2026, 11, 23))
    # from an empty folder: the bundled data, and the JSON says so
    expected = expected.model_copy(update={"meegeleverde_gegevens": True})
    assert json.loads(out) == expected.model_dump(mode="json")


def test_every_audit_format_works(invoke) -> None:
    # binary formats need --output and pictures are for overview only: tests/test_formats.py
    for fmt in OutputFormat:
        if not fmt.binair and fmt in formats_for(AUDIT):
            assert invoke(["audit", "Herpt", "--format", fmt.value]).output.strip()


def test_typo_in_wijk_file_gives_position_and_exit_2(invoke, data_copy: Path) -> None:
    path = data_copy / "data" / "wijken" / "heusden" / "herpt.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nkern:", "\nkren:", 1), encoding="utf-8")
    out = invoke(["audit", "Herpt", "--data", str(data_copy)], code=2).output
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("kern:"))
    assert f"herpt.yaml:{line}:1: fout: onbekend veld 'kren'" in out
    assert "verplicht veld 'kern' ontbreekt" in out


def test_wrong_type_in_wijk_file(invoke, data_copy: Path, monkeypatch) -> None:
    path = data_copy / "data" / "wijken" / "heusden" / "doeveren.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("waarde: 73", "waarde: drieënzeventig", 1), encoding="utf-8")
    monkeypatch.chdir(data_copy)  # the repository you stand in is found without --data
    out = invoke(["audit", "Doeveren"], code=2).output
    assert "data/wijken/heusden/doeveren.yaml:" in out and "verwacht een getal" in out


def test_environment_variable_selects_data(invoke, data_copy: Path, monkeypatch) -> None:
    gemeente = data_copy / "data" / "wijken" / "heusden" / "gemeente.yaml"
    gemeente.write_text(gemeente.read_text(encoding="utf-8") + "onzin: 1\n", encoding="utf-8")
    monkeypatch.setenv("WIJKCHECK_DATA", str(data_copy))
    assert "onbekend veld 'onzin'" in invoke(["audit", "Herpt"], code=2).output


def test_missing_data_folder(invoke, tmp_path: Path) -> None:
    out = invoke(["audit", "Herpt", "--data", str(tmp_path / "nergens")], code=2).output
    assert "gegevensmap bestaat niet" in out


def test_bad_date_option(invoke) -> None:
    assert "ongeldige datum" in invoke(["audit", "Herpt", "--datum", "morgen"], code=2).output


def test_unknown_option_is_dutch(invoke) -> None:
    out = invoke(["audit", "Herpt", "--kleur"], code=2).output
    assert "onbekende optie '--kleur'." in out


def test_list(invoke) -> None:
    out = invoke(["list"]).output
    assert "Wijken van gemeente Heusden" in out and "19 wijken in 11 kernen" in out
    assert "Doeveren" in out and "Centrum-Drunen" in out


@pytest.mark.parametrize("onderwerp", ["ontmoetingsplekken", "Sociale cohesie", "huisarts"])
def test_explain(invoke, onderwerp: str) -> None:
    out = invoke(["explain", onderwerp]).output
    assert "Beleidsbron" in out and "Regel" in out


def test_explain_quotes_the_policy(invoke) -> None:
    out = invoke(["explain", "institutionele capaciteit"]).output
    assert "vraag naar ondersteuning" in out and "per 1.000 inwoners" in out


def test_explain_unknown(invoke) -> None:
    assert "Ontmoetingsplekken" in invoke(["explain", "ontmoetingsplek"]).output
    assert "onbekende voorwaarde" in invoke(["explain", "zwembad"], code=2).output


def test_explain_without_topic_lists_the_topics(invoke) -> None:
    cl, _ = store.load_checklist(BUNDLED, "heusden")
    out = invoke(["explain"]).stdout
    assert cl.onderwerpen()
    for id, onderwerp in cl.onderwerpen().items():
        assert re.search(rf"│ {re.escape(id)} +│ {re.escape(onderwerp.titel)} +│", out), id
    assert out.index("Voorwaarden") < out.index("Checklist-items")


@pytest.mark.parametrize(
    "args", [["list"], ["overview"], ["audit", "Herpt"], ["show", "Herpt"]], ids=" ".join
)
def test_unknown_gemeente_lists_the_known_ones(invoke, args: list[str]) -> None:
    out = invoke([*args, "--gemeente", "Tilburg"], code=2).stderr
    assert "fout: onbekende gemeente 'Tilburg'. Bekende gemeenten: Heusden." in out
    assert out.count("fout:") == 1


def test_regels(invoke) -> None:
    out = invoke(["regels"]).output
    for kind in ("aanwezig", "per_inwoners", "drempel", "oordeel", "alle", "een_van"):
        assert f"type: {kind}" in out


def test_help_is_dutch(invoke) -> None:
    out = invoke(["audit", "--help"]).output
    assert "Gebruik:" in out and "Toon deze hulp" in out and "Usage" not in out


def test_checklist_path_in_gemeente_may_not_leave_the_data_folder(invoke, data_copy: Path) -> None:
    elders = data_copy.parent / "elders.yaml"
    elders.write_text((data_copy / "checklists" / "heusden.yaml").read_text("utf-8"), "utf-8")
    gemeente = data_copy / "data" / "wijken" / "heusden" / "gemeente.yaml"
    text = gemeente.read_text(encoding="utf-8")
    gemeente.write_text(
        text.replace("checklist: heusden", "checklist: ../../../../elders.yaml"), "utf-8"
    )
    out = invoke(["audit", "Herpt", "--data", str(data_copy)], code=2).output
    assert "gemeente.yaml:" in out and "pad-buiten-data" in out
    # the same file given on the command line is the user's own choice
    invoke(["audit", "Herpt", "--data", str(data_copy), "--checklist", str(elders)])


@pytest.mark.parametrize("command", ["validate", "overview", "show"])
def test_help_shows_no_python_type_labels(invoke, command: str) -> None:
    out = invoke([command, "--help"]).output
    assert "<bool>" not in out and "list[Path]" not in out
    assert {"validate": "PADEN", "overview": "--alleen-problemen", "show": "WIJK"}[command] in out


def test_ctrl_c_says_afgebroken_and_exits_130(invoke, monkeypatch) -> None:
    def onderbroken(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "audit", onderbroken)
    out = invoke(["audit", "Vlijmen-Dorp"], code=130).output
    assert out.strip() == "Afgebroken."


def test_ctrl_c_while_pydantic_writes_the_json_is_ctrl_c(invoke, monkeypatch) -> None:
    # pydantic's serialiser hands a Ctrl-C back wrapped in its own error (seen: Ctrl-C while
    # the JSON of a large overview was written): still "Afgebroken.", not an internal error
    from pydantic import BaseModel, field_serializer

    from wijkcheck.formatters.report import jsonfmt

    class Onderbroken(BaseModel):
        x: int

        @field_serializer("x")
        def _x(self, waarde: int) -> int:
            raise KeyboardInterrupt

    monkeypatch.setattr(jsonfmt, "render", lambda _: Onderbroken(x=1).model_dump_json())
    out = invoke(["audit", "Vlijmen-Dorp", "-f", "json"], code=130).output
    assert out.strip() == "Afgebroken."


def test_no_arguments_shows_the_help_without_an_error_line(invoke) -> None:
    out = invoke([], code=2).output
    assert "Gebruik: wijkcheck [OPTIES] COMMANDO [ARGUMENTEN]" in out and "audit" in out
    assert "fout" not in out


def test_misspelt_option_gets_dutch_suggestions(invoke) -> None:
    out = invoke(["audit", "Herpt", "--forc"], code=2).output
    assert "onbekende optie '--forc'. Bedoelde u een van '--force', '--format'?" in out
    assert "Did you mean" not in out


@pytest.mark.parametrize("command", ["audit", "show"])
def test_wijk_without_file_points_at_its_name_as_validate_does(
    invoke, tmp_path: Path, command: str
) -> None:
    examples = Path(__file__).parent / "examples"
    repo = tmp_path / "repo"
    shutil.copytree(examples / "valid", repo)
    geval = examples / "invalid" / "wijk-zonder-bestand.yaml"
    (repo / "data/wijken/proefdorp/gemeente.yaml").write_bytes(geval.read_bytes())
    gemeld = "repo/data/wijken/proefdorp/gemeente.yaml:9:16: fout: "
    validate = invoke(["validate", "--data", "repo", "--datum", "2026-06-01"], code=1).output
    assert gemeld in validate and "(wijk-zonder-bestand)" in validate
    out = invoke([command, "Zuid-Oost", "--data", "repo"], code=2).output
    assert out.startswith(gemeld) and "wijk 'Zuid-Oost'" in out and "(wijk-zonder-bestand)" in out


@pytest.mark.parametrize(
    "args",
    [["validate"], ["audit", "Herpt"], ["show", "Herpt"], ["overview"], ["list"]],
    ids=lambda a: a[0],
)
def test_a_count_with_a_thousands_dot_is_refused_by_every_command(
    invoke, data_copy: Path, monkeypatch, args: list[str]
) -> None:
    herpt = data_copy / "data/wijken/heusden/herpt.yaml"
    tekst = herpt.read_text(encoding="utf-8")
    waarde = re.search(r"inwoners: \{waarde: (\d+),", tekst)
    assert waarde, tekst
    herpt.write_text(tekst.replace(waarde.group(0), "inwoners: {waarde: 12.345,"), "utf-8")
    monkeypatch.chdir(data_copy)
    out = invoke(args, code=1 if args == ["validate"] else 2).output
    assert "data/wijken/heusden/herpt.yaml:" in out and "(duizendtal-punt)" in out
    assert "inwoners 12.345: bedoelde u 12345?" in out and ": fout: " in out
    assert "12,35" not in out


def test_version(invoke) -> None:
    from importlib.metadata import version

    import wijkcheck

    assert invoke(["--version"]).stdout == f"wijkcheck {version('wijkcheck')}\n"
    assert wijkcheck.__version__ == version("wijkcheck")  # pyproject.toml and __init__ agree


def test_completion_options_in_dutch(invoke) -> None:
    out = invoke(["--help"]).output
    assert "--install-completion" in out and "Installeer de aanvulling" in out
    assert "--show-completion" in out and "Toon het aanvulscript" in out
    assert "Install completion" not in out and "Show completion" not in out


def test_show_completion_prints_the_script(invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer import completion

    monkeypatch.setattr(completion, "_get_shell_name", lambda: "bash")
    out = invoke(["--show-completion"]).stdout
    assert "_wijkcheck_completion()" in out and "_WIJKCHECK_COMPLETE" in out


def test_completion_without_a_known_shell_is_a_dutch_error(
    invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer import completion

    monkeypatch.setattr(completion, "_get_shell_name", lambda: None)
    out = invoke(["--install-completion"], code=2).stderr
    assert out.startswith("fout: aanvulling met Tab bestaat niet voor shell 'onbekend'")


@pytest.mark.parametrize(
    ("woorden", "verwacht"),
    [("wijkcheck au", {"audit"}), ("wijkcheck overview --sorteer ", {"kern", "naam", "problemen"})],
)
def test_tab_completes_commands_and_choices(
    invoke, monkeypatch: pytest.MonkeyPatch, woorden: str, verwacht: set[str]
) -> None:
    monkeypatch.setenv("_WIJKCHECK_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", woorden)
    monkeypatch.setenv("COMP_CWORD", str(len(woorden.split()) - (not woorden.endswith(" "))))
    assert set(invoke([]).stdout.split()) == verwacht


def test_an_audit_dated_years_back_does_not_flood_the_screen(invoke) -> None:
    # every figure of the gemeente lies after 1-1-2020: hundreds of findings, all of one id
    uit = invoke(["audit", "Vlijmen-Dorp", "--datum", "2020-01-01"], code=2).stderr
    regels = uit.splitlines()
    assert len(regels) <= 25, uit
    assert "(toekomstige-datum)" in uit
    assert regels[0].startswith("De auditdatum (--datum) ligt vóór ")  # the cause first
    assert "niet getoond" in regels[-2]
    totaal = next(r for r in regels if r.endswith("fouten gevonden."))
    assert int(totaal.split()[0]) > 100
    # the bundled example data, which validate refuses: the options are the cause
    assert "meegeleverde voorbeeldgegevens" in regels[-1] and "--datum" in regels[-1]
    assert "wijkcheck validate" not in uit


def test_with_own_data_the_errors_left_out_are_for_validate_to_list(
    invoke, data_copy: Path
) -> None:
    args = ["audit", "Vlijmen-Dorp", "--data", str(data_copy), "--datum", "2020-01-01"]
    regels = invoke(args, code=2).stderr.splitlines()
    assert "niet getoond" in regels[-1] and "'wijkcheck validate'" in regels[-1]
    assert not any("meegeleverde voorbeeldgegevens" in r for r in regels)


def test_an_overview_of_the_bundled_data_dated_back_names_the_options_as_the_cause(
    invoke,
) -> None:
    uit = invoke(["overview", "--datum", "2020-01-01"], code=2).stderr
    assert "meegeleverde voorbeeldgegevens" in uit.splitlines()[-1]
    assert "wijkcheck validate" not in uit


def test_ctrl_c_while_the_command_starts_is_afgebroken_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import wijkcheck.__main__ as start
    import wijkcheck.cli

    def onderbroken() -> None:
        raise KeyboardInterrupt  # as a Ctrl-C while typer or a command is being imported

    monkeypatch.setattr(wijkcheck.cli, "main", onderbroken)
    with pytest.raises(SystemExit) as exit_:
        start.main()
    assert exit_.value.code == 130
    assert capsys.readouterr().err == "Afgebroken.\n"


@pytest.mark.parametrize("args", [["audit", "-o"], ["list", "--data"], ["audit", "x", "--format"]])
def test_an_option_without_its_value_points_at_the_command_s_help(invoke, args) -> None:
    regels = invoke(args, code=2).stderr.splitlines()
    assert regels[0].startswith("fout: optie '") and regels[0].endswith("heeft een waarde nodig.")
    assert regels[1] == f"Probeer 'wijkcheck {args[0]} --help' voor hulp."
