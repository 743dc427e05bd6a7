"""The overview of several gemeenten: one matrix, the same cells as each gemeente alone, the same
result in worker processes, progress reported and never mixed into the output."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import multiprocessing
import os
import re
import shutil
from pathlib import Path

import pytest

from wijkcheck.formatters import OutputFormat
from wijkcheck.formatters.report.common import SOMMEN_TITEL
from wijkcheck.parallel import parse
from wijkcheck.reports import batch
from wijkcheck.sources import dataroot

from .conftest import HEUSDEN, alleen_heusden

DATUM = ["--datum", "2026-01-01"]


@pytest.fixture
def twee(data_copy: Path) -> Path:
    """The bundled Heusden data with a second gemeente, Vught, whose wijken have Heusden's names."""
    wijken = alleen_heusden(data_copy) / "data" / "wijken"
    shutil.copytree(wijken / "heusden", wijken / "vught")
    g = wijken / "vught" / "gemeente.yaml"
    tekst = g.read_text(encoding="utf-8").replace("naam: Heusden\n", "naam: Vught\n")
    g.write_text(tekst.replace("cbs_code: GM0797", "cbs_code: GM0865"), "utf-8")  # its own
    return data_copy


def rijen(invoke, *args: str) -> dict:
    return json.loads(invoke(["overview", *args, *DATUM, "-f", "json"]).stdout)


def test_without_gemeente_all_gemeenten_in_one_matrix(invoke, twee: Path) -> None:
    ov = rijen(invoke, "--data", str(twee))
    assert ov["gemeente"] is None and ov["gemeenten"] == ["Heusden", "Vught"]
    assert len(ov["rijen"]) == 38
    for gemeente in ("Heusden", "Vught"):
        alleen = rijen(invoke, "--data", str(twee), "--gemeente", gemeente)
        assert alleen["gemeente"] == gemeente and alleen["gemeenten"] == [gemeente]
        # every cell is what the gemeente's own overview says
        assert [r for r in ov["rijen"] if r["gemeente"] == gemeente] == alleen["rijen"]
    for id, telling in ov["totalen"].items():
        assert sum(telling.values()) == 38
        assert telling["voldaan"] == sum(r["voorwaarden"][id] == "voldaan" for r in ov["rijen"])


def test_sorting_across_gemeenten(invoke, twee: Path) -> None:
    def volgorde(*args: str) -> list[tuple[str, str]]:
        ov = rijen(invoke, "--data", str(twee), *args)
        return [(r["wijk"], r["gemeente"]) for r in ov["rijen"]]

    per_kern = volgorde()
    assert [g for _, g in per_kern] == ["Heusden"] * 19 + ["Vught"] * 19
    op_naam = volgorde("--sorteer", "naam")
    assert op_naam[:2] == [("Braken-Oost", "Heusden"), ("Braken-Oost", "Vught")]
    problemen = rijen(invoke, "--data", str(twee), "--alleen-problemen", "--sorteer", "problemen")
    alleen = rijen(invoke, *HEUSDEN, "--alleen-problemen")
    assert problemen["weggelaten"] == 2 * alleen["weggelaten"]


def test_single_gemeente_output_has_no_gemeente_column(invoke) -> None:
    out = invoke(["overview", *HEUSDEN, *DATUM, "-f", "markdown"]).stdout
    assert "# Overzicht sociale basis: gemeente Heusden" in out and "| Gemeente |" not in out


def test_every_format_shows_the_gemeente(invoke, twee: Path, tmp_path: Path) -> None:
    args = ["overview", "--data", str(twee), *DATUM]
    md = invoke([*args, "-f", "markdown"]).stdout
    assert "# Overzicht sociale basis: 2 gemeenten" in md and "Heusden en Vught" in md
    assert "| Gemeente | Wijk | Kern |" in md and "| Vught | **Doeveren** |" in md
    html = invoke([*args, "-f", "html"]).stdout
    assert '<td>Vught</td><th scope="row">Doeveren</th>' in html
    assert '<th scope="row" colspan="3">Totaal ✔ voldaan</th>' in html
    tekst = invoke([*args, "-f", "csv"]).stdout_bytes.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(tekst), delimiter=";"))
    assert {r["gemeente"] for r in rows} == {"Heusden", "Vught"} and len(rows) == 38
    svg = invoke([*args, "-f", "svg"]).stdout
    assert ">Gemeente</text>" in svg and ">Vught</text>" in svg
    for fmt in (OutputFormat.PNG, OutputFormat.DOCX):
        invoke([*args, "-o", str(tmp_path / f"twee.{fmt.value}")])
    docx = pytest.importorskip("docx")
    table, sommen = docx.Document(str(tmp_path / "twee.docx")).tables
    assert [c.text for c in table.rows[0].cells][:3] == ["Gemeente", "Wijk", "Kern"]
    # the bundled Venne-Oost has an exception: a row of totals for it too
    assert [c.text for c in table.rows[-1].cells][:3] == ["Totaal § uitzondering", "", ""]
    assert len(table.rows) == 1 + 38 + 4
    # per kern of each gemeente, each gemeente, and the two together
    labels = [r.cells[0].text for r in sommen.rows]
    heusden = labels.index("Gemeente Heusden")
    assert labels[heusden - 1] == "Doeveren (Heusden)" and labels[-2:] == [
        "Gemeente Vught",
        "Alle gemeenten",
    ]


def test_terminal_with_several_gemeenten(invoke, twee: Path, monkeypatch) -> None:
    args = ["overview", "--data", str(twee), *DATUM]
    monkeypatch.setenv("COLUMNS", "140")
    out = invoke(args).stdout
    assert re.search(r"Gemeente\s+┃ Wijk\s+┃ Kern", out)
    assert re.search(r"Vught\s+│ De Grassen\s+│ Vlijmen\s+│ ✘ niet voldaan", out)
    assert re.search(r"│ Totaal\s+│\s+│", out) and re.search(r"│ ✘ niet voldaan\s+│\s+│", out)
    # too narrow for a column: the gemeente heads its wijken instead
    monkeypatch.setenv("COLUMNS", "80")
    out = invoke(args).stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    matrix = out.split(SOMMEN_TITEL)[0]  # the sums below name "Gemeente Vught"
    assert re.search(r"│ Vught\s+│\s+│", matrix) and "Gemeente " not in matrix


def test_gemeenten_with_different_checklists(invoke, twee: Path) -> None:
    checklists = twee / "checklists"
    eigen = (checklists / "heusden.yaml").read_text(encoding="utf-8")
    (checklists / "vught.yaml").write_text(eigen.replace("id: heusden", "id: vught"), "utf-8")
    g = twee / "data" / "wijken" / "vught" / "gemeente.yaml"
    g.write_text(
        g.read_text(encoding="utf-8").replace("checklist: heusden", "checklist: vught"),
        "utf-8",
    )
    out = invoke(["overview", "--data", str(twee)], code=2).output
    assert "verschillende checklists" in out
    assert "  heusden 2026.2: Heusden\n  vught 2026.2: Vught\n" in out
    assert "--gemeente" in out and "--checklist" in out
    assert len(rijen(invoke, "--data", str(twee), "--checklist", "heusden")["rijen"]) == 38
    assert rijen(invoke, "--data", str(twee), "--gemeente", "vught")["checklist"]["id"] == "vught"


def test_invalid_files_of_all_gemeenten_in_one_error(invoke, twee: Path) -> None:
    for gemeente in ("heusden", "vught"):
        path = twee / "data" / "wijken" / gemeente / "herpt.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("\nkern:", "\nkren:", 1), "utf-8")
    out = invoke(["overview", "--data", str(twee)], code=2).output
    assert "heusden/herpt.yaml" in out and "vught/herpt.yaml" in out


def test_pictures_and_word_refuse_too_many_rows(invoke, twee: Path, tmp_path: Path, monkeypatch):
    from wijkcheck.formatters.report import matrix, word

    monkeypatch.setattr(matrix, "MAX_RIJEN", 37)
    monkeypatch.setattr(word, "MAX_RIJEN", 37)
    args = ["overview", "--data", str(twee), *DATUM]
    out = invoke([*args, "-f", "svg"], code=2).output
    assert "past tot 37 wijken" in out and "heeft er 38" in out and "--alleen-problemen" in out
    out = invoke([*args, "-o", str(tmp_path / "x.docx")], code=2).output
    assert "Word-document past tot 37 wijken" in out and not (tmp_path / "x.docx").exists()
    invoke([*args, "--alleen-problemen", "-f", "svg"])


def test_worker_processes_give_the_same_overview(twee: Path) -> None:
    root = dataroot.find_root(twee, {}, twee)
    mappen = root.gemeente_mappen()
    kwargs = {"alleen_problemen": True, "checklist": None}
    hier = batch.overzicht(root, mappen, dt.date(2026, 1, 1), workers=1, **kwargs)
    samen = batch.overzicht(root, mappen, dt.date(2026, 1, 1), workers=2, **kwargs)
    assert samen == hier and len(samen.gemeenten) == 2


def test_a_large_gemeente_is_audited_in_parts_by_several_workers(
    twee: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Heusden "large" (19 wijken): loaded here once, audited in parts by two processes; Vught
    # whole. The same overview as one process, and the bar moves while Heusden is audited.
    monkeypatch.setattr(parse, "GROOT", 10)
    root = dataroot.find_root(twee, {}, twee)
    mappen = root.gemeente_mappen()
    datum = dt.date(2026, 1, 1)
    hier = batch.overzicht(root, mappen, datum, workers=1)
    gezien: list[int] = []
    samen = batch.overzicht(
        root, mappen, datum, workers=2, progress=lambda klaar, _: gezien.append(klaar)
    )
    assert samen == hier and [r.wijk for r in samen.rijen] == [r.wijk for r in hier.rijen]
    assert gezien == sorted(gezien) and gezien[-1] == 38
    assert len({k for k in gezien if 19 < k < 38}) >= 2, gezien  # parts of Heusden, one by one


def test_a_large_gemeente_alone_uses_every_worker(
    twee: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wijkcheck.parallel import pool

    # one gemeente of 19 wijken "large", on two processors, pools "worth it" from 10 files
    monkeypatch.setattr(parse, "GROOT", 10)
    monkeypatch.setattr(pool, "POOL_THRESHOLD", 10)
    monkeypatch.setattr(pool, "cpu_count", lambda: 2)
    root = dataroot.find_root(twee, {}, twee)
    [heusden] = [m for m in root.gemeente_mappen() if m.name == "heusden"]
    gebruikt: list[str] = []
    echt = batch._verdeeld

    def verdeeld(*args, **kwargs):  # type: ignore[no-untyped-def]
        gebruikt.append("verdeeld")
        return echt(*args, **kwargs)

    monkeypatch.setattr(batch, "_verdeeld", verdeeld)
    ov = batch.overzicht(root, [heusden], dt.date(2026, 1, 1))
    assert gebruikt == ["verdeeld"] and len(ov.rijen) == 19


def test_a_large_gemeente_that_cannot_be_used_is_refused_once(
    twee: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wijkcheck.core.errors import WijkcheckError

    monkeypatch.setattr(parse, "GROOT", 10)
    herpt = twee / "data" / "wijken" / "heusden" / "herpt.yaml"
    herpt.write_text(herpt.read_text(encoding="utf-8") + "kren: Herpt\n", encoding="utf-8")
    root = dataroot.find_root(twee, {}, twee)
    with pytest.raises(WijkcheckError) as fout:
        batch.overzicht(root, root.gemeente_mappen(), dt.date(2026, 1, 1), workers=2)
    assert [f.id for f in fout.value.findings] == ["onbekend-veld"]


@pytest.mark.parametrize("gemeentebestand_kapot", [False, True])
def test_a_large_gemeente_read_in_several_workers_is_refused_as_when_read_here(
    twee: Path, monkeypatch: pytest.MonkeyPatch, gemeentebestand_kapot: bool
) -> None:
    # A large gemeente's files are parsed in the workers, validated and checked here: the same
    # findings, in the same order, with the same positions as one process reading them all.
    from wijkcheck.core.errors import WijkcheckError

    monkeypatch.setattr(parse, "GROOT", 10)
    heusden = twee / "data" / "wijken" / "heusden"
    (heusden / "herpt.yaml").write_text("naam: [Herpt\n", encoding="utf-8")  # syntax
    doeveren = heusden / "doeveren.yaml"
    doeveren.write_text(doeveren.read_text(encoding="utf-8") + "kren: x\n", encoding="utf-8")
    (heusden / "leeg.yaml").write_text("", encoding="utf-8")
    if gemeentebestand_kapot:  # then read one by one, as ever
        g = heusden / "gemeente.yaml"
        g.write_text(g.read_text(encoding="utf-8") + "onzin: 1\n", encoding="utf-8")
    root = dataroot.find_root(twee, {}, twee)
    fouten = []
    for workers in (1, 2):
        with pytest.raises(WijkcheckError) as fout:
            batch.overzicht(root, root.gemeente_mappen(), dt.date(2026, 1, 1), workers=workers)
        fouten.append(fout.value.findings)
    assert fouten[0] == fouten[1]
    assert [str(f.span) for f in fouten[0]] == [str(f.span) for f in fouten[1]]
    verwacht = {"yaml-syntaxis", "onbekend-veld", "bestand-vorm"}
    assert verwacht <= {f.id for f in fouten[0]}


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_is_reported_with_increasing_counts(twee: Path, workers: int) -> None:
    root = dataroot.find_root(twee, {}, twee)
    gezien: list[tuple[int, int]] = []
    batch.overzicht(
        root,
        root.gemeente_mappen(),
        dt.date(2026, 1, 1),
        workers=workers,
        progress=lambda klaar, totaal: gezien.append((klaar, totaal)),
    )
    assert gezien[0] == (0, 38) and gezien[-1] == (38, 38)
    klaar = [k for k, _ in gezien]
    assert klaar == sorted(klaar) and len(gezien) >= 2


def test_no_progress_bar_when_not_a_terminal(invoke, twee: Path, monkeypatch) -> None:
    from wijkcheck.cli import progress

    monkeypatch.setattr(progress, "SHOW_FROM", 1)
    result = invoke(["overview", "--data", str(twee), *DATUM, "-f", "json"])
    assert json.loads(result.stdout)["soort"] == "overzicht"
    assert result.stderr == ""


def test_progress_bar_on_a_terminal_stays_out_of_stdout(invoke, twee: Path, monkeypatch) -> None:
    from wijkcheck.cli import progress

    monkeypatch.setattr(progress, "SHOW_FROM", 1)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich: stderr counts as a terminal
    result = invoke(["overview", "--data", str(twee), *DATUM, "-f", "json"])
    assert json.loads(result.stdout)["soort"] == "overzicht"
    assert "38/38" in result.stderr and "wijken" in result.stderr
    monkeypatch.setenv("CI", "true")
    assert invoke(["overview", "--data", str(twee), *DATUM, "-f", "json"]).stderr == ""


# -- one large gemeente, its files parsed from the start of the command (`parallel.parse`) ----


@pytest.fixture
def groot(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Heusden alone, "large" (19 wijken, from 10 on), on two processors."""
    from wijkcheck.parallel import pool

    monkeypatch.setattr(parse, "GROOT", 10)
    monkeypatch.setattr(pool, "POOL_THRESHOLD", 10)
    monkeypatch.setattr(pool, "cpu_count", lambda: 2)
    return alleen_heusden(data_copy)


def test_files_parsed_from_the_start_give_the_same_overview(groot: Path) -> None:
    root = dataroot.find_root(groot, {}, groot)
    mappen = root.gemeente_mappen()
    datum = dt.date(2026, 1, 1)
    hier = batch.overzicht(root, mappen, datum, workers=1)
    with parse.begin(mappen) as vooraf:
        assert vooraf is not None
        samen = batch.overzicht(root, mappen, datum, vooraf=vooraf)
        assert vooraf.take(vooraf.paden, vooraf.shown, lambda p: p) is None  # taken, once
    assert samen == hier


@pytest.mark.parametrize("gemeentebestand_kapot", [False, True])
def test_files_parsed_from_the_start_are_refused_as_when_read_here(
    groot: Path, gemeentebestand_kapot: bool
) -> None:
    from wijkcheck.core.errors import WijkcheckError

    heusden = groot / "data" / "wijken" / "heusden"
    (heusden / "herpt.yaml").write_text("naam: [Herpt\n", encoding="utf-8")
    doeveren = heusden / "doeveren.yaml"
    doeveren.write_text(doeveren.read_text(encoding="utf-8") + "kren: x\n", encoding="utf-8")
    if gemeentebestand_kapot:  # then read one by one: what was parsed is not wanted
        g = heusden / "gemeente.yaml"
        g.write_text(g.read_text(encoding="utf-8") + "onzin: 1\n", encoding="utf-8")
    root = dataroot.find_root(groot, {}, groot)
    mappen = root.gemeente_mappen()
    with pytest.raises(WijkcheckError) as hier:
        batch.overzicht(root, mappen, dt.date(2026, 1, 1), workers=1)
    with parse.begin(mappen) as vooraf, pytest.raises(WijkcheckError) as vooraf_gelezen:
        batch.overzicht(root, mappen, dt.date(2026, 1, 1), vooraf=vooraf)
    assert vooraf_gelezen.value.findings == hier.value.findings
    assert [str(f.span) for f in vooraf_gelezen.value.findings] == [
        str(f.span) for f in hier.value.findings
    ]


def test_parsing_from_the_start_only_for_one_large_gemeente(
    groot: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wijkcheck.parallel import pool

    mappen = dataroot.find_root(groot, {}, groot).gemeente_mappen()
    with parse.begin(mappen) as vooraf:
        assert vooraf is not None
        # other files than those it began with: not these documents, and its workers end
        # (the caller then parses them itself, in a pool of its own)
        assert vooraf.take(vooraf.paden[1:], vooraf.shown, lambda p: p) is None
        assert not multiprocessing.active_children()
        assert vooraf.take(vooraf.paden, vooraf.shown, lambda p: p) is None  # once
    with parse.begin(mappen) as vooraf:
        assert vooraf is not None
        assert vooraf.take(vooraf.paden, "elders", lambda p: p) is None
        assert not multiprocessing.active_children()
    # several gemeenten (a pool for the small ones would fork beside it), one processor, or
    # a small gemeente: nothing begins
    wijken = groot / "data" / "wijken"
    shutil.copytree(wijken / "heusden", wijken / "vught")
    assert parse.begin(dataroot.find_root(groot, {}, groot).gemeente_mappen()) is None
    monkeypatch.setattr(pool, "cpu_count", lambda: 1)
    assert parse.begin(mappen) is None
    monkeypatch.setattr(pool, "cpu_count", lambda: 2)
    monkeypatch.setattr(parse, "GROOT", 20)
    assert parse.begin(mappen) is None


def test_the_overview_parses_before_it_imports_the_models(groot: Path) -> None:
    # The point of parsing from the start: the workers parse while this process imports
    # pydantic and the models. Run as a user runs it, in a fresh process.
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        import sys
        from wijkcheck.parallel import parse, pool
        parse.GROOT, pool.POOL_THRESHOLD, pool.cpu_count = 10, 10, lambda: 2
        begin = parse.begin
        def gezien(mappen):
            vooraf = begin(mappen)
            print("begonnen", vooraf is not None, "pydantic" in sys.modules, file=sys.stderr)
            return vooraf
        parse.begin = gezien
        from wijkcheck.cli import main
        sys.argv = ["wijkcheck", "overview", "--data", sys.argv[1], "-f", "json", "--datum",
                    "2026-01-01"]
        main()
        """
    )
    uit = subprocess.run(
        [sys.executable, "-c", script, str(groot)],
        capture_output=True,
        text=True,
        env={**os.environ, "WIJKCHECK_CACHE": "uit"},
        cwd=groot,
        check=False,
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stderr.strip() == "begonnen True False"
    assert len(json.loads(uit.stdout)["rijen"]) == 19
