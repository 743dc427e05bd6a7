"""`wijkcheck compare WIJK --sinds REF` (issue 15, part 1): a data repository with two
commits a year apart, compared by revision, by folder and by saved JSON report."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from wijkcheck.core.results import Uitkomst
from wijkcheck.reports.compare import RANG, Verandering, verandering

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

WIJK = "data/wijken/heusden/vlijmen-dorp.yaml"
CHECKLIST = "checklists/heusden.yaml"
NU = ["--datum", "2026-06-01"]


def _git(repo: Path, *args: str, datum: str | None = None) -> str:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(repo),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    if datum:
        env |= {"GIT_AUTHOR_DATE": datum, "GIT_COMMITTER_DATE": datum}
    out = subprocess.run(
        ["git", "-C", str(repo), *args], check=True, env=env, capture_output=True, text=True
    )
    return out.stdout


def _toen(wijk: str, checklist: str) -> tuple[str, str]:
    """The data a year earlier: a higher share of low incomes, a digital help point that has
    closed since, a stricter threshold for social cohesion."""
    oud_w = wijk.replace(
        "laag-inkomen: {waarde: 7.2, bron: voorbeeld, peildatum: 2024-01-01}",
        "laag-inkomen: {waarde: 12.5, bron: voorbeeld, peildatum: 2023-01-01}",
    ).replace(
        "  - naam: Bushalte Vlijmen Centrum",
        "  - naam: Digicafé Vlijmen\n    soort: digitale-hulp\n    toegankelijk: true\n"
        "    bron: voorbeeld\n    peildatum: 2025-01-01\n  - naam: Bushalte Vlijmen Centrum",
    )
    oud_cl = checklist.replace(
        "indicator: sociale-cohesie\n          minimaal: 6.4",
        "indicator: sociale-cohesie\n          minimaal: 7",
    )
    assert oud_w != wijk and oud_cl != checklist
    return oud_w, oud_cl


@pytest.fixture
def repo(data_copy: Path) -> Path:
    """The bundled data in a git repository: 2025 (the old data) and 2026 (as bundled)."""
    wijk, cl = data_copy / WIJK, data_copy / CHECKLIST
    nu_w, nu_cl = wijk.read_text(encoding="utf-8"), cl.read_text(encoding="utf-8")
    oud_w, oud_cl = _toen(nu_w, nu_cl)
    _git(data_copy, "init", "-q", "-b", "main")
    wijk.write_text(oud_w, encoding="utf-8")
    cl.write_text(oud_cl, encoding="utf-8")
    _git(data_copy, "add", "-A")
    _git(data_copy, "commit", "-q", "-m", "2025", datum="2025-06-01T12:00:00")
    _git(data_copy, "tag", "audit-2025")
    wijk.write_text(nu_w, encoding="utf-8")
    cl.write_text(nu_cl, encoding="utf-8")
    _git(data_copy, "commit", "-q", "-am", "2026", datum="2026-06-01T12:00:00")
    return data_copy


def _json(invoke, *args: str) -> dict:
    return json.loads(invoke(["compare", "Vlijmen-Dorp", *args, *NU, "-f", "json"]).output)


def _per_id(v: dict) -> dict[str, dict]:
    return {r["id"]: r for r in v["resultaten"]}


def test_revision_names_what_changed_and_why(invoke, repo: Path) -> None:
    status = _git(repo, "status", "--porcelain")
    v = _json(invoke, "--data", str(repo), "--sinds", "HEAD~1")
    assert v["soort"] == "vergelijking"
    assert v["sinds"].startswith("git-revisie HEAD~1 (")
    assert v["auditdatum_toen"] == "2025-06-01"  # the commit's date
    r = _per_id(v)
    se = r["sociaaleconomische-zekerheid"]
    assert (se["toen"], se["nu"], se["verandering"]) == ("niet voldaan", "voldaan", "verbeterd")
    [cijfer] = [w for w in se["wijzigingen"] if w["soort"] == "cijfer"]
    assert "12,5" in cijfer["toen"] and "7,2" in cijfer["nu"]
    sc = r["sociale-cohesie-en-inclusie"]
    assert sc["verandering"] == "verbeterd"
    [eis] = sc["wijzigingen"]
    assert (eis["soort"], eis["wat"]) == ("eis", "Sociale cohesie")
    assert eis["toen"].startswith("≥ 7 ") and eis["nu"].startswith("≥ 6,4 ")
    dh = r["digitale-hulp"]
    assert dh["verandering"] == "verslechterd"
    assert {"soort": "voorziening weg", "wat": "Digicafé Vlijmen", "toen": "Digicafé Vlijmen",
            "nu": ""} in dh["wijzigingen"]  # fmt: skip
    assert r["ontmoetingsplekken"]["verandering"] == "gelijk"
    assert r["ontmoetingsplekken"]["wijzigingen"] == []
    assert v["samenvatting_voorwaarden"]["verbeterd"] == 2
    assert v["samenvatting_items"]["verslechterd"] == 1
    # read with git alone: the working tree and the index are as they were
    assert _git(repo, "status", "--porcelain") == status == ""
    assert "Digicafé" not in (repo / WIJK).read_text(encoding="utf-8")


def test_terminal_says_it_in_words(invoke, repo: Path) -> None:
    out = invoke(["compare", "Vlijmen-Dorp", "--data", str(repo), "--sinds", "audit-2025", *NU])
    tekst = " ".join(out.output.split())
    assert "Digitale hulp in de kern: verslechterd (✔ voldaan → ✘ niet voldaan)" in tekst
    assert "voorziening weg: Digicafé Vlijmen" in tekst
    assert "eis gewijzigd (Sociale cohesie): ≥ 7 (schaal 0-10) → ≥ 6,4" in tekst
    # the checklist kept its version number: the closing lines must not say it stayed the same
    assert "hetzelfde versienummer, maar" in tekst and "gelijk gebleven." not in tekst
    assert "Concept:" in tekst and "voorbeeldnorm" in tekst and "voorbeeldgegevens" in tekst


def test_folder_ref(invoke, repo: Path, tmp_path: Path) -> None:
    oud = tmp_path / "toen"
    shutil.copytree(repo / "data", oud / "data")
    shutil.copytree(repo / "checklists", oud / "checklists")
    w, c = oud / WIJK, oud / CHECKLIST
    oud_w, oud_cl = _toen(w.read_text(encoding="utf-8"), c.read_text(encoding="utf-8"))
    w.write_text(oud_w, encoding="utf-8")
    c.write_text(oud_cl, encoding="utf-8")
    v = _json(invoke, "--data", str(repo), "--sinds", str(oud), "--datum-sinds", "2025-06-01")
    assert v["sinds"] == f"gegevensmap {oud}"
    assert _per_id(v)["digitale-hulp"]["verandering"] == "verslechterd"
    assert _per_id(v)["sociale-cohesie-en-inclusie"]["verandering"] == "verbeterd"


def test_json_report_ref(invoke, repo: Path, tmp_path: Path) -> None:
    bewaard = tmp_path / "audit-2025.json"
    _git(repo, "checkout", "-q", "audit-2025")
    invoke(["audit", "Vlijmen-Dorp", "--data", str(repo), "--datum", "2025-06-01",
            "-o", str(bewaard)])  # fmt: skip
    _git(repo, "checkout", "-q", "main")
    v = _json(invoke, "--data", str(repo), "--sinds", str(bewaard))
    assert v["sinds"] == f"rapport {bewaard}"
    assert v["auditdatum_toen"] == "2025-06-01"
    assert _per_id(v)["digitale-hulp"]["verandering"] == "verslechterd"
    # an overview is no audit
    ov = tmp_path / "ov.json"
    invoke(["overview", "--data", str(repo), *NU, "-o", str(ov)])
    fout = invoke(["compare", "Vlijmen-Dorp", "--data", str(repo), "--sinds", str(ov)], code=2)
    assert "is een overzicht" in fout.output


def test_unknown_revision_and_no_repository(invoke, repo: Path, data_copy: Path) -> None:
    fout = invoke(["compare", "Vlijmen-Dorp", "--data", str(repo), "--sinds", "v1999"], code=2)
    assert "--sinds: fout: 'v1999': onbekende git-revisie" in fout.output
    shutil.rmtree(repo / ".git")
    fout = invoke(["compare", "Vlijmen-Dorp", "--data", str(repo), "--sinds", "HEAD~1"], code=2)
    assert "staat niet in een git-repository" in fout.output


def test_git_missing(invoke, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    fout = invoke(["compare", "Vlijmen-Dorp", "--data", str(repo), "--sinds", "HEAD~1"], code=2)
    assert "git is niet geïnstalleerd" in fout.output


def test_invalid_old_data_names_revision_and_position(invoke, repo: Path) -> None:
    wijk = repo / WIJK
    goed = wijk.read_text(encoding="utf-8")
    wijk.write_text(goed.replace("inwoners: {waarde: 4200", "inwoners: {waarde: -4200"))
    _git(repo, "commit", "-q", "-am", "kapot")
    wijk.write_text(goed, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "hersteld")
    fout = invoke(["compare", "Vlijmen-Dorp", "--data", str(repo), "--sinds", "HEAD~1", *NU], 2)
    regel = next(r for r in fout.output.splitlines() if "fout:" in r)
    assert regel.startswith(f"HEAD~1:{WIJK}:8:"), regel
    assert "(in git-revisie HEAD~1" in fout.output
    assert _git(repo, "status", "--porcelain") == ""


@pytest.mark.parametrize("fmt", ["tabel", "markdown", "html", "docx", "csv", "json"])
def test_every_format(invoke, repo: Path, tmp_path: Path, fmt: str) -> None:
    ext = {"tabel": "txt", "markdown": "md"}.get(fmt, fmt)
    uit = tmp_path / f"vergelijking.{ext}"
    invoke(["compare", "Vlijmen-Dorp", "--data", str(repo), "--sinds", "HEAD~1", *NU,
            "-f", fmt, "-o", str(uit)])  # fmt: skip
    if fmt == "docx":
        with zipfile.ZipFile(uit) as z:
            tekst = z.read("word/document.xml").decode()
    else:
        tekst = uit.read_text(encoding="utf-8")
    if fmt == "csv":
        rijen = list(csv.DictReader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";"))
        dh = next(r for r in rijen if r["id"] == "digitale-hulp")
        assert (dh["toen"], dh["nu"], dh["verandering"]) == ("voldaan", "niet voldaan",
                                                           "verslechterd")  # fmt: skip
        assert "voorziening weg: Digicafé Vlijmen" in dh["wat_veranderde"]
        return
    assert "Digicafé Vlijmen" in " ".join(tekst.split())
    assert "verslechterd" in tekst and "verbeterd" in tekst
    if fmt != "json":
        assert "Concept" in tekst and "voorbeeldnorm" in tekst


def test_rank_table_orders_every_outcome() -> None:
    assert set(RANG) == set(Uitkomst)
    # an exception that begins or ends changes nothing that was measured
    assert verandering(Uitkomst.NIET_VOLDAAN, Uitkomst.UITZONDERING) is Verandering.GELIJK
    assert verandering(Uitkomst.UITZONDERING, Uitkomst.NIET_VOLDAAN) is Verandering.GELIJK
    assert verandering(Uitkomst.UITZONDERING, Uitkomst.VOLDAAN) is Verandering.VERBETERD
    assert verandering(Uitkomst.VOLDAAN, Uitkomst.UITZONDERING) is Verandering.VERSLECHTERD
    assert verandering(Uitkomst.ONBEKEND, Uitkomst.VOLDAAN) is Verandering.NIET_VERGELIJKBAAR
    assert verandering(Uitkomst.ONBEKEND, Uitkomst.ONBEKEND) is Verandering.GELIJK
    assert verandering(None, Uitkomst.VOLDAAN) is Verandering.NIEUW
    assert verandering(Uitkomst.VOLDAAN, None) is Verandering.VERVALLEN


def test_overview_since_counts_per_wijk(invoke, repo: Path, tmp_path: Path) -> None:
    args = ["overview", "--data", str(repo), "--gemeente", "heusden", *NU]
    o = json.loads(invoke([*args, "--sinds", "HEAD~1", "-f", "json"]).output)
    assert o["soort"] == "overzicht-sinds"
    assert o["overzicht"]["soort"] == "overzicht"
    vd = next(w for w in o["wijken"] if w["wijk"] == "Vlijmen-Dorp")
    assert vd["telling"]["verbeterd"] == 2
    assert vd["voorwaarden"]["sociale-cohesie-en-inclusie"] == {
        "toen": "niet voldaan", "nu": "voldaan", "verandering": "verbeterd"
    }  # fmt: skip
    # the digital help point counted for every wijk of kern Vlijmen: their score went down
    assert vd["score_toen"] != vd["score_nu"]
    assert _git(repo, "status", "--porcelain") == ""
    # a saved overview of then gives the same counts
    bewaard = tmp_path / "overzicht-2025.json"
    _git(repo, "checkout", "-q", "audit-2025")
    invoke(["overview", "--data", str(repo), "--gemeente", "heusden", "--datum", "2025-06-01",
            "-o", str(bewaard)])  # fmt: skip
    _git(repo, "checkout", "-q", "main")
    o2 = json.loads(invoke([*args, "--sinds", str(bewaard), "-f", "json"]).output)
    assert o2["wijken"] == o["wijken"]
    for fmt, ext in (("tabel", "txt"), ("markdown", "md"), ("html", "html"), ("csv", "csv")):
        uit = tmp_path / f"sinds.{ext}"
        invoke([*args, "--sinds", "HEAD~1", "-f", fmt, "-o", str(uit)])
        tekst = uit.read_text(encoding="utf-8")
        if fmt == "csv":
            assert "Vlijmen-Dorp;Vlijmen;sociale-cohesie-en-inclusie" in tekst
            assert ";niet voldaan;voldaan;verbeterd;" in tekst
        else:
            assert "Veranderingen sinds git-revisie HEAD" in " ".join(tekst.split())
            assert "Concept" in tekst  # the overview's own notices stay
    fout = invoke([*args, "--sinds", "HEAD~1", "-f", "svg"], code=2)
    assert "formaat-past-niet" in fout.output


def test_overview_since_as_word(invoke, repo: Path, tmp_path: Path, monkeypatch) -> None:
    from docx import Document

    from wijkcheck.formatters.report import word

    args = ["overview", "--data", str(repo), "--gemeente", "heusden", *NU, "--sinds", "HEAD~1"]
    md = invoke([*args, "-f", "markdown"]).output
    uit = tmp_path / "verschil.docx"
    invoke([*args, "-o", str(uit)])  # the format follows the extension
    doc = Document(str(uit))
    alineas = [p.text for p in doc.paragraphs]
    # the change is the memo's conclusion: it comes before the overview of now
    kop = next(i for i, t in enumerate(alineas) if t.startswith("Veranderingen sinds git-revisie"))
    conclusie = alineas[kop + 1]
    assert conclusie.startswith("Voorwaarden over alle wijken: ") and conclusie in md
    assert kop < alineas.index("Samenvatting") < alineas.index("Voorwaarden en checklist per wijk")
    meldingen = [t for t in alineas[:kop] if t.startswith("⚠ Let op: ")]
    assert any("Concept" in t for t in meldingen) and any("voorbeeldnorm" in t for t in meldingen)
    assert all(t.removeprefix("⚠ Let op: ") in " ".join(md.split()) for t in meldingen)
    sinds, matrix = doc.tables[0], doc.tables[1]
    assert [c.text for c in sinds.rows[0].cells] == ["Wijk", "↑", "↓", "=", "?",
                                                      "Score toen → nu", "Veranderd"]  # fmt: skip
    rijen = {r.cells[0].text: [c.text for c in r.cells] for r in sinds.rows[1:]}
    assert len(rijen) == len(matrix.rows) - 1 - 4 == 19  # every wijk; the matrix has 4 totals
    vd = rijen["Vlijmen-Dorp"]
    assert vd[1:5] == ["2", "0", "2", "0"]
    # what changed: one condition a line
    assert vd[6] == "Sociaaleconomische zekerheid ↑\nSociale cohesie en inclusie ↑"
    assert "| Vlijmen-Dorp | 2 | 0 | 2 | 0 |" in md
    assert rijen["Herpt"][6] == "—"
    sectie = doc.sections[0]  # A4; landscape, as the overview of these four titles is
    assert (round(sectie.page_width.cm, 1), round(sectie.page_height.cm, 1)) == (29.7, 21.0)
    # a wijk that was not there then is named as plainly as the verdicts
    oud = tmp_path / "oud"
    shutil.copytree(repo / "data", oud / "data")
    shutil.copytree(repo / "checklists", oud / "checklists")
    (oud / "data/wijken/heusden/herpt.yaml").unlink()
    args[-1] = str(oud)
    invoke([*args, "-o", str(tmp_path / "nieuw.docx")])
    doc = Document(str(tmp_path / "nieuw.docx"))
    alineas = [p.text for p in doc.paragraphs]
    assert "⚠ Let op: Toen nog niet in het overzicht (nieuw): Herpt." in alineas
    herpt = next(r for r in doc.tables[0].rows if r.cells[0].text == "Herpt")
    assert herpt.cells[5].text == "— → 6 van 12" and herpt.cells[4].text == "4"
    # the bound of the overview's Word document holds here too, before any file is written
    monkeypatch.setattr(word, "MAX_RIJEN", 18)
    doel = tmp_path / "te-veel.docx"
    out = invoke([*args, "-o", str(doel)], code=2).output
    assert "(te-veel-voor-word)" in out and "past tot 18 wijken" in out and not doel.exists()
