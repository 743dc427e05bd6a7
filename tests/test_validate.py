"""wijkcheck validate: example files, cross-file checks, formats and exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from wijkcheck.checks.run import Validatie, validate
from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import REGISTRY, Finding, Severity, Span
from wijkcheck.formatters.findings import FORMATTERS, ValidateFormat, kies, render
from wijkcheck.formatters.findings import github as findings_github
from wijkcheck.formatters.findings import json as findings_json
from wijkcheck.formatters.findings import text as findings_text
from wijkcheck.sources.dataroot import find_root

from .conftest import BUNDLED

EXAMPLES = Path(__file__).parent / "examples"
DOCS = Path(__file__).resolve().parents[1] / "docs"
DATUM = "2026-06-01"
INVALID = sorted((EXAMPLES / "invalid").glob("*.y*ml"))


def header(path: Path) -> tuple[str, list[tuple[int, int, str]], list[str]]:
    kop = path.read_bytes().decode("utf-8", "replace")
    plaats = re.search(r"^# plaats: (\S+)", kop, re.M)
    assert plaats, f"{path.name}: kopregel '# plaats:' ontbreekt"
    verwacht = [
        (int(r), int(k), regel)
        for r, k, regel in re.findall(r"^# verwacht: (\d+):(\d+) (\S+)", kop, re.M)
    ]
    assert verwacht, f"{path.name}: kopregel '# verwacht:' ontbreekt"
    opties = re.search(r"^# opties: (.+)$", kop, re.M)
    return plaats.group(1), verwacht, opties.group(1).split() if opties else []


def lines(out: str) -> list[str]:
    return out.splitlines()


def test_valid_examples_exit_0_without_warnings(invoke) -> None:
    out = invoke(["validate", str(EXAMPLES / "valid"), "--datum", DATUM, "--strikt"]).output
    assert out == "Geen fouten of waarschuwingen in 5 bestanden.\n"


@pytest.mark.parametrize("scope", ["gegevensmap", "bestand"])
@pytest.mark.parametrize("case", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_examples_exit_1_at_their_position(
    invoke, tmp_path: Path, case: Path, scope: str
) -> None:
    plaats, verwacht, opties = header(case)
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "valid", repo)
    (repo / plaats).write_bytes(case.read_bytes())
    paden = ["--data", "repo"] if scope == "gegevensmap" else [f"repo/{plaats}"]
    out = invoke(["validate", *paden, "--datum", DATUM, "-f", "tekst", *opties], code=1).output
    for line, kolom, id in verwacht:
        begin = f"repo/{plaats}:{line}:{kolom}: "
        assert any(r.startswith(begin) and r.endswith(f"({id})") for r in lines(out)), (
            f"{begin}… ({id}) niet gemeld:\n{out}"
        )


def test_every_invalid_example_is_a_different_case() -> None:
    assert len({c.read_bytes() for c in INVALID}) == len(INVALID) >= 30


# -- the bundled data ------------------------------------------------------------------------


def test_bundled_data_validates_without_errors() -> None:
    uitslag = validate([], BUNDLED, dt.date(2026, 11, 23))
    assert uitslag.fouten == 0, [str(f) for f in uitslag.bevindingen]
    # Only genuinely old figures (the sources are from 2020-2023) are warned about.
    assert {f.id for f in uitslag.bevindingen} <= {"verouderd"}
    assert len(uitslag.bestanden) == 23


def test_no_data_folder_is_no_green_on_the_bundled_data(invoke, tmp_path: Path) -> None:
    """A data gate never passes on other data than the user's (issue 10)."""
    for args in ([], ["--strikt"], ["-f", "json"], ["-f", "github"]):
        out = invoke(["validate", *args], code=2).output
        assert out.startswith("fout: geen gegevensmap gevonden: ") and "(geen-gegevensmap)" in out
        assert str(tmp_path) in out and "--data MAP" in out and "WIJKCHECK_DATA" in out
        assert "data/wijken/" in out and "Geen fouten" not in out
    # A user who keeps wijken/<gemeente>/ at the top is told how to point at it.
    (tmp_path / "wijken").mkdir()
    assert "'wijkcheck validate --data .'" in invoke(["validate"], code=2).output


def test_bundled_data_from_an_empty_folder_with_data(invoke) -> None:
    out = invoke(["validate", "--data", str(BUNDLED.map), "--datum", "2025-06-01"]).output
    assert out.startswith("/") and "/data/wijken/heusden/" in out  # outside cwd: absolute
    assert re.search(r"\nGeen fouten; \d+ waarschuwingen in \d+ van 23 bestanden\.\n$", out)


def test_named_files_need_no_data_folder(invoke, tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "valid", tmp_path / "eigen")
    out = invoke(["validate", "eigen", "--datum", DATUM, "--strikt"]).output
    assert out == "Geen fouten of waarschuwingen in 5 bestanden.\n"


def test_strikt_fails_on_warnings(invoke) -> None:
    args = ["validate", "--data", str(BUNDLED.map), "--datum", "2026-11-23", "--strikt"]
    out = invoke(args, code=1).output
    assert "(verouderd)" in out and "Geen fouten; " in out


# -- cross-file checks and paths -------------------------------------------------------------


def heusden(root: Path) -> Path:
    return root / "data" / "wijken" / "heusden"


def test_single_file_reports_only_that_file(invoke, data_copy: Path, monkeypatch) -> None:
    monkeypatch.chdir(data_copy)
    herpt = heusden(data_copy) / "herpt.yaml"
    herpt.write_text(herpt.read_text().replace("kern: Herpt", "kern: Drunen"), encoding="utf-8")
    out = invoke(["validate", "data/wijken/heusden/herpt.yaml", "--datum", "2025-06-01"], code=1)
    assert [r for r in lines(out.output) if ": fout: " in r] == [
        "data/wijken/heusden/herpt.yaml:7:7: fout: kern 'Drunen' klopt niet: gemeente.yaml "
        "plaatst 'Herpt' in kern 'Herpt' (verkeerde-kern)",
    ]
    assert all(r.startswith("data/wijken/heusden/herpt.yaml:") for r in lines(out.output)[:-2])
    # A sibling file stays clean, even though herpt.yaml is checked together with it.
    out = invoke(["validate", "data/wijken/heusden/vlijmen-dorp.yaml", "--datum", "2025-06-01"])
    assert out.output == "Geen fouten of waarschuwingen in 1 bestand.\n"


def test_from_inside_the_gemeente_folder(invoke, data_copy: Path, monkeypatch) -> None:
    monkeypatch.chdir(heusden(data_copy))
    herpt = heusden(data_copy) / "herpt.yaml"
    herpt.write_text(herpt.read_text().replace("\nkern:", "\nkren:"), encoding="utf-8")
    out = invoke(["validate", "herpt.yaml", "--datum", "2025-01-01"], code=1).output
    assert "herpt.yaml:7:1: fout: onbekend veld 'kren'" in out
    out = invoke(["validate", "--datum", "2025-01-01"], code=1).output  # the repository around
    assert "herpt.yaml:7:1: fout: onbekend veld 'kren'" in out


def test_broken_gemeente_is_reported_with_the_wijk_file(invoke, data_copy: Path) -> None:
    (heusden(data_copy) / "gemeente.yaml").write_text("naam: [Heusden\n", encoding="utf-8")
    out = invoke(["validate", str(heusden(data_copy) / "herpt.yaml")], code=1).output
    assert "repo/data/wijken/heusden/gemeente.yaml:2:1: fout: ongeldige YAML" in out


def test_all_files_in_one_run(invoke, data_copy: Path) -> None:
    for naam in ("herpt.yaml", "elshout.yaml", "doeveren.yaml"):
        path = heusden(data_copy) / naam
        path.write_text(path.read_text() + "extra: 1\n", encoding="utf-8")
    out = invoke(["validate", "--data", str(data_copy), "-f", "json"], code=1).output
    fouten = [b for b in json.loads(out)["bevindingen"] if b["ernst"] == "fout"]
    assert sorted(Path(b["pad"]).name for b in fouten) == [
        "doeveren.yaml",
        "elshout.yaml",
        "herpt.yaml",
    ]


def test_invalid_wijk_file_is_not_also_missing(invoke, data_copy: Path) -> None:
    (heusden(data_copy) / "herpt.yaml").write_text("naam: Herpt\n", encoding="utf-8")
    out = invoke(["validate", "--data", str(data_copy)], code=1).output
    assert "wijk-zonder-bestand" not in out and "verplicht veld 'kern' ontbreekt" in out


def test_symlink_out_of_the_data_folder(invoke, data_copy: Path, tmp_path: Path) -> None:
    geheim = tmp_path / "geheim.yaml"
    geheim.write_text("naam: geheim\n", encoding="utf-8")
    (heusden(data_copy) / "lek.yaml").symlink_to(geheim)
    out = invoke(["validate", "--data", str(data_copy)], code=1).output
    assert "heusden/lek.yaml: fout: verwijst naar" in out and "(pad-buiten-data)" in out
    assert "geheim" not in out.split("(pad-buiten-data)")[1]  # never read


def test_folder_without_gemeente_and_loose_files(invoke, tmp_path: Path) -> None:
    losse = tmp_path / "los"
    losse.mkdir()
    (losse / "wijk.yaml").write_text(
        "naam: X\nkern: Y\npeildatum: 2025-01-01\n"
        "inwoners: {waarde: 10, bron: voorbeeld, peildatum: 2025-01-01}\n"
        "voorzieningen: [{naam: A, soort: buurthuiss, bron: b, peildatum: 2025-01-01}]\n",
        encoding="utf-8",
    )
    out = invoke(["validate", "los", "--datum", DATUM], code=1).output
    assert "los/wijk.yaml:1:1: waarschuwing: geen gemeente.yaml in deze map" in out
    # Checked against the default checklist all the same.
    assert "los/wijk.yaml:5:34: fout: onbekende soort 'buurthuiss'" in out


def test_missing_path_exits_2(invoke) -> None:
    out = invoke(["validate", "bestaat-niet.yaml"], code=2).output
    assert out == "fout: 'bestaat-niet.yaml' bestaat niet (pad-bestaat-niet)\n"


def test_folder_without_yaml_exits_2(invoke, tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    out = invoke(["validate", "leeg"], code=2).output
    assert out == "fout: geen .yaml- of .yml-bestanden in 'leeg' (geen-bestanden)\n"


def test_unreadable_file_exits_2(invoke, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pijp.yaml")
    out = invoke(["validate", "pijp.yaml"], code=2).output
    assert "pijp.yaml: fout: kan bestand niet lezen: geen gewoon bestand" in out


def test_bad_date_exits_2(invoke) -> None:
    assert "ongeldige datum" in invoke(["validate", "--datum", "gisteren"], code=2).output


# -- formats ---------------------------------------------------------------------------------

VOORBEELD = Validatie(
    bevindingen=(
        Finding(Span("c:d.yaml"), "te groot | <b>", ids.BESTAND_TE_GROOT),
        Finding(
            Span("data/a,b.yaml", 3, 7),
            "onbekend veld 'kren'. Bedoelde u 'kern'?",
            ids.ONBEKEND_VELD,
        ),
        Finding(Span("data/a,b.yaml", 9, 1), "100% fout:\r\nregel 2", ids.VEROUDERD),
    ),
    bestanden=("c:d.yaml", "data/a,b.yaml", "e.yaml"),
    datum=dt.date(2026, 6, 1),
)


def test_text_format_exactly() -> None:
    assert findings_text.render(VOORBEELD) == (
        "c:d.yaml: fout: te groot | <b> (bestand-te-groot)\n"
        "\n"
        "data/a,b.yaml:3:7: fout: onbekend veld 'kren'. Bedoelde u 'kern'? (onbekend-veld)\n"
        "data/a,b.yaml:9:1: waarschuwing: 100% fout:\\x0d\\x0aregel 2 (verouderd)\n"
        "\n"
        "2 fouten en 1 waarschuwing in 2 van 3 bestanden.\n"
    )


def test_github_format_exactly() -> None:
    assert findings_github.render(VOORBEELD) == (
        "::error file=c%3Ad.yaml,title=bestand-te-groot::te groot | <b>\n"
        "::error file=data/a%2Cb.yaml,line=3,col=7,title=onbekend-veld::onbekend veld 'kren'. "
        "Bedoelde u 'kern'?\n"
        "::warning file=data/a%2Cb.yaml,line=9,col=1,title=verouderd::100%25 fout:%0D%0Aregel 2\n"
        "2 fouten en 1 waarschuwing in 2 van 3 bestanden.\n"
    )


def unescape_data(text: str) -> str:
    # The runner's own unescaping (actions/runner, ActionCommand.cs), in the same order.
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def parse_annotation(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as the GitHub runner splits it: `::cmd k=v,k=v::data`."""
    assert line.startswith("::")
    command, _, data = line[2:].partition("::")
    name, _, props = command.partition(" ")
    fields = dict(p.split("=", 1) for p in props.split(",") if p)
    return name, {k: unescape_property(v) for k, v in fields.items()}, unescape_data(data)


def test_github_annotations_round_trip_through_githubs_rules() -> None:
    annotaties = findings_github.render(VOORBEELD).splitlines()[: len(VOORBEELD.bevindingen)]
    for line, f in zip(annotaties, VOORBEELD.bevindingen, strict=True):
        name, props, data = parse_annotation(line)
        assert name == ("error" if f.severity is Severity.FOUT else "warning")
        assert props["file"] == f.span.path and props["title"] == f.id
        assert data == f.message
        if f.span.line:
            assert (props["line"], props["col"]) == (str(f.span.line), str(f.span.column))


def test_github_summary_lists_every_finding_as_markdown() -> None:
    assert findings_github.summary(VOORBEELD) == (
        "## wijkcheck validate\n"
        "\n"
        "**Niet geldig.** 2 fouten en 1 waarschuwing in 2 van 3 bestanden. Peildatum 1-6-2026.\n"
        "\n"
        "| Bestand | Regel | Kolom | Ernst | Controle | Bericht |\n"
        "|---|---:|---:|---|---|---|\n"
        "| c:d.yaml |  |  | fout | bestand-te-groot | te groot \\| &lt;b&gt; |\n"
        "| data/a,b.yaml | 3 | 7 | fout | onbekend-veld "
        "| onbekend veld 'kren'. Bedoelde u 'kern'? |\n"
        "| data/a,b.yaml | 9 | 1 | waarschuwing | verouderd | 100% fout: regel 2 |\n"
    )


def test_json_format_exactly() -> None:
    assert json.loads(findings_json.render(VOORBEELD)) == {
        "schema_versie": 1,
        "soort": "validatie",
        "peildatum": "2026-06-01",
        "geldig": False,
        "samenvatting": {
            "bestanden": 3,
            "bestanden_met_bevindingen": 2,
            "fouten": 2,
            "waarschuwingen": 1,
        },
        "bevindingen": [
            {
                "pad": "c:d.yaml",
                "regel": None,
                "kolom": None,
                "ernst": "fout",
                "controle": "bestand-te-groot",
                "bericht": "te groot | <b>",
            },
            {
                "pad": "data/a,b.yaml",
                "regel": 3,
                "kolom": 7,
                "ernst": "fout",
                "controle": "onbekend-veld",
                "bericht": "onbekend veld 'kren'. Bedoelde u 'kern'?",
            },
            {
                "pad": "data/a,b.yaml",
                "regel": 9,
                "kolom": 1,
                "ernst": "waarschuwing",
                "controle": "verouderd",
                "bericht": "100% fout:\r\nregel 2",
            },
        ],
        "bestanden": ["c:d.yaml", "data/a,b.yaml", "e.yaml"],
    }


def test_every_format_renders() -> None:
    for fmt in ValidateFormat:
        gekozen = kies(fmt, {})
        assert gekozen in FORMATTERS
        assert render(gekozen, VOORBEELD).endswith("\n")


def test_auto_picks_github_in_actions() -> None:
    assert kies(ValidateFormat.AUTO, {"GITHUB_ACTIONS": "true"}) is ValidateFormat.GITHUB
    assert kies(ValidateFormat.AUTO, {}) is ValidateFormat.TEKST
    assert kies(ValidateFormat.JSON, {"GITHUB_ACTIONS": "true"}) is ValidateFormat.JSON


def test_github_in_actions_writes_the_step_summary(
    invoke, data_copy: Path, monkeypatch, tmp_path: Path
) -> None:
    samenvatting = tmp_path / "summary.md"
    samenvatting.write_text("eerdere stap\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(samenvatting))
    herpt = heusden(data_copy) / "herpt.yaml"
    herpt.write_text(herpt.read_text().replace("\nkern:", "\nkren:"), encoding="utf-8")
    out = invoke(["validate", "--data", str(data_copy), "--datum", "2025-06-01"], code=1).output
    assert (
        "::error file=repo/data/wijken/heusden/herpt.yaml,line=7,col=1,title=onbekend-veld::" in out
    )
    tekst = samenvatting.read_text(encoding="utf-8")
    assert tekst.startswith("eerdere stap\n## wijkcheck validate\n")
    assert "| repo/data/wijken/heusden/herpt.yaml | 7 | 1 | fout | onbekend-veld |" in tekst


def test_json_output_equals_python_api(invoke, data_copy: Path) -> None:
    out = invoke(["validate", "--data", str(data_copy), "-f", "json", "--datum", DATUM]).output
    root = find_root(data_copy, {}, data_copy)
    assert json.loads(out) == findings_json.as_dict(validate([], root, dt.date(2026, 6, 1)))


def test_json_output_validates_against_documented_schema(invoke, data_copy: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DOCS / "schema" / "validatie.schema.json").read_text(encoding="utf-8"))
    herpt = heusden(data_copy) / "herpt.yaml"
    herpt.write_text(herpt.read_text() + "extra: 1\n", encoding="utf-8")
    (heusden(data_copy) / "groot.yaml").write_bytes(b"#" * 3_000_000)
    out = json.loads(invoke(["validate", "--data", str(data_copy), "-f", "json"], code=1).output)
    jsonschema.validate(out, schema)
    assert {b["regel"] for b in out["bevindingen"]} >= {None}


def test_every_finding_id_in_the_tests_is_registered_and_documented() -> None:
    from .test_een_poort import GEVALLEN
    from .test_hostile import HOSTILE

    # docs/validate.md's tables are generated from the registry (tests/test_finding_ids.py)
    tekst = (DOCS / "validate.md").read_text(encoding="utf-8")
    found = {id for case in INVALID for _, _, id in header(case)[1]}
    found |= {h[3] for h in HOSTILE}
    found |= {g.id for g in GEVALLEN if g.id}
    missing = sorted(i for i in found if i not in REGISTRY or f"[`{i}`]" not in tekst)
    assert not missing, f"niet geregistreerd of niet in docs/validate.md: {missing}"


def test_github_summary_stays_under_githubs_size_limit() -> None:
    veel = Validatie(
        tuple(
            Finding(Span("a.yaml", i, 1), "x" * 200, ids.ONBEKEND_VELD) for i in range(1, 10_001)
        ),
        ("a.yaml",),
        dt.date(2026, 6, 1),
    )
    tekst = findings_github.summary(veel)
    assert len(tekst.encode()) < 1024 * 1024
    assert tekst.endswith(
        "En nog 8000 bevindingen; `wijkcheck validate --format json` geeft ze alle.\n"
    )


@pytest.fixture
def drie(data_copy: Path) -> Path:
    """Three gemeenten with mistakes in and between files, and one checklist they share."""
    wijken = data_copy / "data" / "wijken"
    for naam in ("vught", "waalwijk"):
        shutil.copytree(wijken / "heusden", wijken / naam)
        g = wijken / naam / "gemeente.yaml"
        g.write_text(
            g.read_text(encoding="utf-8").replace("naam: Heusden\n", f"naam: {naam.title()}\n"),
            "utf-8",
        )
    herpt = wijken / "vught" / "herpt.yaml"
    herpt.write_text(herpt.read_text(encoding="utf-8").replace("\nkern:", "\nkren:", 1), "utf-8")
    (wijken / "waalwijk" / "doeveren.yaml").unlink()
    (wijken / "waalwijk" / "gemeente.yaml").write_text("naam: [Waalwijk\n", encoding="utf-8")
    checklist = data_copy / "checklists" / "hart-van-brabant.yaml"
    checklist.write_text(checklist.read_text(encoding="utf-8") + "onzin: 1\n", "utf-8")
    return data_copy


def test_worker_processes_find_the_same_in_the_same_order(drie: Path) -> None:
    root = find_root(drie, {}, drie)
    alleen = validate([], root, dt.date(2026, 6, 1), drie, workers=1)
    samen = validate([], root, dt.date(2026, 6, 1), drie, workers=2)
    assert samen == alleen
    assert {"onbekend-veld", "yaml-syntaxis"} <= {f.id for f in alleen.bevindingen}
    assert sum(f.span.path.endswith("hart-van-brabant.yaml") for f in alleen.bevindingen) == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_counts_up_to_all_files(drie: Path, workers: int) -> None:
    root = find_root(drie, {}, drie)
    gezien: list[tuple[int, int]] = []
    uitslag = validate(
        [], root, dt.date(2026, 6, 1), drie, workers=workers, progress=lambda *a: gezien.append(a)
    )
    totaal = len(uitslag.bestanden)
    assert gezien[0] == (0, totaal) and gezien[-1] == (totaal, totaal)
    assert [k for k, _ in gezien] == sorted(k for k, _ in gezien)


def test_no_progress_text_in_the_output(invoke, drie: Path, monkeypatch) -> None:
    from wijkcheck.cli import progress

    monkeypatch.setattr(progress, "SHOW_FROM", 1)
    result = invoke(["validate", "--data", str(drie), "-f", "json"], code=1)
    assert json.loads(result.stdout)["geldig"] is False
    assert "bestanden" not in result.stderr and "━" not in result.stderr


# -- one file discovery for validate and every other command ----------------------------------


@pytest.mark.parametrize(
    "verborgen", ["data/wijken/proefdorp/.kopie.yaml", "data/wijken/.oud/gemeente.yaml"]
)
def test_validate_and_overview_see_the_same_files(invoke, tmp_path: Path, verborgen: str) -> None:
    """A hidden copy of a wijk (or of a gemeente) is no data, for validate as for overview."""
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "valid", repo)
    bron = repo / "data/wijken/proefdorp" / ("zuid.yaml" if "kopie" in verborgen else "")
    doel = repo / verborgen
    if bron.is_file():
        shutil.copy(bron, doel)
    else:
        shutil.copytree(bron, doel.parent)
    out = invoke(["validate", "--data", "repo", "--datum", DATUM, "--strikt"]).output
    assert out == "Geen fouten of waarschuwingen in 5 bestanden.\n"
    overzicht = invoke(["overview", "--data", "repo", "--datum", DATUM, "-f", "json"]).output
    assert [r["wijk"] for r in json.loads(overzicht)["rijen"]] == [
        "Noord-Oost",
        "Noord-West",
        "Zuid",
    ]


def test_a_copied_gemeente_folder_is_refused_by_validate_and_overview(
    invoke, data_copy: Path
) -> None:
    wijken = data_copy / "data" / "wijken"
    shutil.copytree(wijken / "heusden", wijken / "heusden (kopie)")
    args = ["--data", str(data_copy), "--datum", "2026-01-01"]
    out = invoke(["validate", *args, "--format", "tekst"], code=1).output
    assert "heusden (kopie)/gemeente.yaml:" in out and "(dubbele-gemeente)" in out
    out = invoke(["overview", *args], code=2).output
    assert "(dubbele-gemeente)" in out and "Heusden en Heusden" not in out


@pytest.mark.parametrize("pad", ["checklists", "data/wijken"])
def test_a_file_where_a_data_folder_belongs_is_no_reason_to_fall_back(
    invoke, data_copy: Path, monkeypatch, pad: str
) -> None:
    doel = data_copy / pad
    shutil.rmtree(doel)
    doel.write_text("geen map\n", encoding="utf-8")
    monkeypatch.chdir(data_copy)
    for command in (["validate"], ["audit", "Herpt"], ["overview"]):
        out = invoke(command, code=2).output
        assert f"{pad}: fout: is geen map" in out and "(gegevensmap-onbruikbaar)" in out, command
        assert "meegeleverde" not in out


@pytest.mark.parametrize("naam", ["herpt.yaml", "map.yaml", "gemeente.yaml"])
def test_a_folder_where_a_data_file_belongs_is_refused_by_every_command(
    invoke, data_copy: Path, naam: str
) -> None:
    pad = data_copy / "data" / "wijken" / "heusden" / naam
    if pad.exists():
        pad.unlink()
    pad.mkdir()
    args = ["--data", str(data_copy)]
    assert invoke(["validate", *args], code=2).output
    for command in (["audit", "Vlijmen-Dorp"], ["overview"]):
        out = invoke([*command, *args], code=2).output
        assert "interne fout" not in out, command


def test_reports_of_the_data_folder_name_folders_without_gemeente(invoke, data_copy: Path) -> None:
    """A gemeente folder whose gemeente.yaml was deleted or misnamed: its wijk files are used by
    no command (`geen-gemeente`); the overview and list of the whole data folder say so in
    every format, instead of silently showing the other gemeenten only."""
    los = data_copy / "data" / "wijken" / "vught"
    los.mkdir()
    for naam in ("vlijmen-dorp.yaml", "herpt.yaml"):
        shutil.copy(heusden(data_copy) / naam, los / naam)
    shutil.copy(heusden(data_copy) / "gemeente.yaml", los / "gemeente.yml")  # misnamed
    data = ["--data", str(data_copy), "--datum", DATUM]
    melding = "/data/wijken/vught/ (3 YAML-bestanden), want daar staat geen gemeente.yaml."
    tabel = " ".join(invoke(["overview", *data]).output.replace("│", " ").split())
    assert "⚠ Niet getoond: de wijken in " in tabel and melding in tabel
    ov = json.loads(invoke(["overview", *data, "--format", "json"]).output)
    assert list(ov["zonder_gemeente"].values()) == [3]
    assert next(iter(ov["zonder_gemeente"])).endswith("data/wijken/vught/")
    assert melding in invoke(["overview", *data, "--format", "markdown"]).output
    lijst = json.loads(invoke(["list", *data[:2], "--format", "json"]).output)
    assert list(lijst["zonder_gemeente"].values()) == [3]
    assert melding in invoke(["list", *data[:2], "--format", "markdown"]).output
    # One gemeente asked for: the other folders are not its business.
    gekozen = invoke(["overview", *data, "--gemeente", "Heusden", "--format", "json"]).output
    assert json.loads(gekozen)["zonder_gemeente"] == {}
    # validate names every file that no command uses, and the misnamed one.
    out = invoke(["validate", *data], code=None).output
    assert out.count("(geen-gemeente)") == 2
    assert "vught/gemeente.yml:7:1: waarschuwing: een gemeentebestand heet gemeente.yaml" in out
    # Its names are checked against the default checklist only, and it says so.
    assert "de namen uit de checklist alleen tegen de standaardchecklist 'hart-van-brabant'" in out
