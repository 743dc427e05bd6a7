"""The memo of audit output: a repeated audit of unchanged files answers from the memo, and any
change that could alter the answer computes it afresh."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wijkcheck.cli import cache
from wijkcheck.core import engine

from .conftest import BUNDLED


@pytest.fixture
def memo(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    map_ = tmp_path / "cache"
    monkeypatch.setenv("WIJKCHECK_CACHE", str(map_))
    return map_ / "uitvoer"


@pytest.fixture
def geteld(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The wijken the engine actually audited."""
    audits: list[str] = []
    echt = engine.audit

    def audit(checklist, gemeente, wijk, *args, **kwargs):  # type: ignore[no-untyped-def]
        audits.append(wijk.naam)
        return echt(checklist, gemeente, wijk, *args, **kwargs)

    monkeypatch.setattr(engine, "audit", audit)
    return audits


def entries(memo: Path) -> list[Path]:
    return sorted(memo.glob("*.json")) if memo.is_dir() else []


def test_repeated_audit_answers_from_the_memo(invoke, memo: Path, geteld: list[str]) -> None:
    eerste = invoke(["audit", "Vlijmen-Dorp", "--datum", "2026-11-23"]).output
    tweede = invoke(["audit", "Vlijmen-Dorp", "--datum", "2026-11-23"]).output
    assert tweede == eerste and "Audit sociale basis: Vlijmen-Dorp" in eerste
    assert geteld == ["Vlijmen-Dorp"]  # the second answer came from the memo
    assert len(entries(memo)) == 1


def test_edited_data_file_is_audited_afresh(
    invoke, memo: Path, geteld: list[str], data_copy: Path
) -> None:
    args = ["audit", "Vlijmen-Dorp", "--data", str(data_copy), "--format", "json"]
    voor = json.loads(invoke(args).output)
    wijkbestand = data_copy / "data" / "wijken" / "heusden" / "vlijmen-dorp.yaml"
    tekst = wijkbestand.read_text(encoding="utf-8")
    oud = f"waarde: {voor['inwoners']['waarde'].replace('.', '')}"
    assert oud in tekst
    wijkbestand.write_text(tekst.replace(oud, "waarde: 4321", 1), encoding="utf-8")
    na = json.loads(invoke(args).output)
    assert na["inwoners"]["waarde"] == "4.321"
    assert geteld == ["Vlijmen-Dorp", "Vlijmen-Dorp"]


def test_edited_other_file_of_the_gemeente_is_audited_afresh(
    invoke, memo: Path, geteld: list[str], data_copy: Path
) -> None:
    args = ["audit", "Vlijmen-Dorp", "--data", str(data_copy)]
    invoke(args)
    buur = data_copy / "data" / "wijken" / "heusden" / "geerpark.yaml"
    buur.write_text(buur.read_text(encoding="utf-8") + "\n# opmerking\n", encoding="utf-8")
    invoke(args)
    assert len(geteld) == 2


def test_new_file_in_the_data_folder_is_audited_afresh(
    invoke, memo: Path, geteld: list[str], data_copy: Path
) -> None:
    args = ["audit", "Vlijmen-Dorp", "--data", str(data_copy)]
    invoke(args)
    (data_copy / "checklists" / "nieuw.yaml").write_text("id: nieuw\n", encoding="utf-8")
    invoke(args)
    assert len(geteld) == 2


@pytest.mark.parametrize(
    "anders",
    [
        ["--datum", "2026-01-01"],
        ["--format", "markdown"],
        ["--strikt"],
        ["--checklist", str(BUNDLED.checklists / "heusden.yaml")],
    ],
)
def test_every_parameter_is_part_of_the_question(
    invoke, memo: Path, geteld: list[str], anders: list[str]
) -> None:
    invoke(["audit", "Herpt"])
    invoke(["audit", "Herpt", *anders], code=None)
    assert len(geteld) == 2


def test_terminal_width_is_part_of_the_question(
    invoke, memo: Path, geteld: list[str], monkeypatch
) -> None:
    smal = invoke(["audit", "Herpt"]).output
    monkeypatch.setenv("COLUMNS", "140")
    breed = invoke(["audit", "Herpt"]).output
    assert len(geteld) == 2 and smal != breed


def test_strict_exit_code_is_remembered(invoke, memo: Path, geteld: list[str]) -> None:
    # Doeveren misses something on the bundled data (see test_cli)
    eerste = invoke(["audit", "Doeveren", "--strikt"], code=1).output
    tweede = invoke(["audit", "Doeveren", "--strikt"], code=1).output
    assert eerste == tweede and len(geteld) == 1


def test_switched_off(invoke, memo: Path, geteld: list[str], monkeypatch) -> None:
    invoke(["audit", "Herpt", "--geen-cache"])
    invoke(["audit", "Herpt", "--geen-cache"])
    monkeypatch.setenv("WIJKCHECK_CACHE", "uit")
    invoke(["audit", "Herpt"])
    assert len(geteld) == 3 and entries(memo) == []


def test_files_and_errors_are_not_remembered(
    invoke, memo: Path, geteld: list[str], tmp_path: Path
) -> None:
    invoke(["audit", "Herpt", "--output", str(tmp_path / "r.md")])
    invoke(["audit", "Nergens"], code=2)
    assert entries(memo) == []


def test_damaged_entry_is_ignored_and_replaced(invoke, memo: Path, geteld: list[str]) -> None:
    goed = invoke(["audit", "Herpt"]).output
    [entry] = entries(memo)
    entry.write_text("{niet af", encoding="utf-8")
    assert invoke(["audit", "Herpt"]).output == goed
    assert len(geteld) == 2
    json.loads(entry.read_text(encoding="utf-8"))  # written anew


def test_unwritable_memo_folder_does_not_stop_an_audit(
    invoke, geteld: list[str], tmp_path: Path, monkeypatch
) -> None:
    bestand = tmp_path / "geen-map"
    bestand.write_text("", encoding="utf-8")
    monkeypatch.setenv("WIJKCHECK_CACHE", str(bestand))  # a file where a folder should be
    assert "Audit sociale basis: Herpt" in invoke(["audit", "Herpt"]).output


def test_oldest_entries_are_pruned(invoke, memo: Path, monkeypatch) -> None:
    monkeypatch.setattr(cache, "MAX_ITEMS", 2)
    for datum in ("2026-01-01", "2026-01-02", "2026-01-03"):
        invoke(["audit", "Herpt", "--datum", datum, "-f", "json"])
    overgebleven = [json.loads(e.read_text(encoding="utf-8"))["stdout"] for e in entries(memo)]
    assert len(overgebleven) == 2
    assert not any('"auditdatum": "2026-01-01"' in s for s in overgebleven)


def test_cache_folder_follows_xdg() -> None:
    assert cache.cachemap({"WIJKCHECK_CACHE": "Uit"}) is None
    assert cache.cachemap({"WIJKCHECK_CACHE": "/x"}) == Path("/x/uitvoer")
    assert cache.cachemap({"XDG_CACHE_HOME": "/c"}) == Path("/c/wijkcheck/uitvoer")
    # a relative XDG_CACHE_HOME is to be ignored (XDG Base Directory Specification)
    assert cache.cachemap({"XDG_CACHE_HOME": "rel"}) == (
        Path.home() / ".cache" / "wijkcheck" / "uitvoer"
    )


def test_a_remembered_audit_loads_no_yaml_pydantic_or_engine(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from wijkcheck.cli import app\n"
        "r = CliRunner().invoke(app, ['audit', 'Herpt', '-f', 'markdown'])\n"
        "assert r.exit_code == 0, r.output\n"
        "zwaar = ('yaml', 'pydantic.main', 'wijkcheck.core.engine', 'rich.console', 'rich.table')\n"
        "print(','.join(m for m in zwaar if m in sys.modules))\n"
    )
    env = {**os.environ, "WIJKCHECK_CACHE": str(tmp_path), "NO_COLOR": "1"}
    env.pop("WIJKCHECK_DATA", None)

    def run() -> str:
        return subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            cwd=tmp_path,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    assert "pydantic.main" in run()  # computed: everything loaded
    assert run() == ""  # remembered: none of it


def test_new_file_in_a_symlinked_gemeente_folder_is_audited_afresh(
    invoke, memo: Path, geteld: list[str], data_copy: Path
) -> None:
    wijken = data_copy / "data" / "wijken"
    elders = data_copy / "archief" / "heusden"  # a link that stays in the data folder
    elders.parent.mkdir()
    (wijken / "heusden").rename(elders)
    (wijken / "heusden").symlink_to(elders, target_is_directory=True)
    args = ["audit", "Vlijmen-Dorp", "--data", str(data_copy)]
    invoke(args)
    (elders / "kapot.yaml").write_text("naam: [\n", encoding="utf-8")
    assert "kapot.yaml" in invoke(args, code=2).output  # as without a memo


def test_output_of_a_run_whose_question_changed_meanwhile_is_not_kept(
    invoke, memo: Path, data_copy: Path, monkeypatch
) -> None:
    # A file that appears while the audit runs: the report was made without it, so it belongs
    # neither to the key taken before (no such file) nor to the key after (with it).
    echt = engine.audit
    nieuw = data_copy / "checklists" / "later.yaml"

    def audit(*args, **kwargs):  # type: ignore[no-untyped-def]
        nieuw.write_text("id: later\n", encoding="utf-8")
        return echt(*args, **kwargs)

    monkeypatch.setattr(engine, "audit", audit)
    invoke(["audit", "Herpt", "--data", str(data_copy)])
    assert entries(memo) == []


@pytest.mark.parametrize("inhoud", ["[]", '{"versie": 1, "bestanden": [[0, "x"]]}', "null"])
def test_foreign_entries_are_ignored(invoke, memo: Path, geteld: list[str], inhoud: str) -> None:
    goed = invoke(["audit", "Herpt"]).output
    [entry] = entries(memo)
    entry.write_text(inhoud, encoding="utf-8")
    assert invoke(["audit", "Herpt"]).output == goed
    assert len(geteld) == 2


def test_a_failing_memo_never_fails_the_audit(invoke, monkeypatch, memo: Path) -> None:
    def stuk(*args: object) -> str:
        raise RuntimeError("kapot")

    monkeypatch.setattr(cache, "sleutel", stuk)
    assert "Audit sociale basis: Herpt" in invoke(["audit", "Herpt"]).output


def test_cache_folder_of_an_unknown_user_is_ignored(invoke, monkeypatch) -> None:
    monkeypatch.setenv("WIJKCHECK_CACHE", "~geen-gebruiker-met-deze-naam/x")
    assert "Audit sociale basis: Herpt" in invoke(["audit", "Herpt"]).output


@pytest.mark.parametrize(
    "stdout, code",
    [
        ("\x1b]8;;https://example.org\x1b\\klik\x1b]8;;\x1b\\\n", 0),  # an OSC 8 link
        ("\x1b[2J\x1b[H schoon scherm\n", 0),  # a cursor move, no colour
        ("gewone tekst\n", 7),  # an exit code wijkcheck never gives
    ],
)
def test_an_edited_entry_replays_nothing_wijkcheck_would_not_print(
    invoke, memo: Path, geteld: list[str], stdout: str, code: int
) -> None:
    invoke(["audit", "Herpt"])
    [entry] = memo.rglob("*.json")
    inhoud = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps({**inhoud, "stdout": stdout, "code": code}), encoding="utf-8")
    result = invoke(["audit", "Herpt"])
    assert len(geteld) == 2 and "Audit sociale basis: Herpt" in result.stdout
    assert "\x1b]" not in result.stdout and "\x1b[2J" not in result.stdout


def test_an_entry_without_the_users_secret_is_not_replayed(
    invoke, memo: Path, geteld: list[str]
) -> None:
    # Plain text wijkcheck could print, written by someone without the secret: not replayed.
    goed = invoke(["audit", "Herpt"]).output
    [entry] = entries(memo)
    inhoud = json.loads(entry.read_text(encoding="utf-8"))
    vals = {**inhoud, "stdout": "Audit sociale basis: Herpt\nalles voldaan\n"}
    entry.write_text(json.dumps(vals), encoding="utf-8")
    assert invoke(["audit", "Herpt"]).output == goed
    assert len(geteld) == 2


def test_an_entry_moved_to_another_key_is_not_replayed(
    invoke, memo: Path, geteld: list[str]
) -> None:
    herpt = invoke(["audit", "Herpt"]).output
    [eerste] = entries(memo)
    vlijmen = invoke(["audit", "Vlijmen-Dorp"]).output
    [tweede] = [e for e in entries(memo) if e != eerste]
    tweede.write_bytes(eerste.read_bytes())  # a genuine entry, under the wrong key
    assert invoke(["audit", "Vlijmen-Dorp"]).output == vlijmen != herpt
    assert geteld == ["Herpt", "Vlijmen-Dorp", "Vlijmen-Dorp"]


def test_the_secret_is_private_and_a_shared_one_is_not_trusted(
    invoke, memo: Path, geteld: list[str]
) -> None:
    invoke(["audit", "Herpt"])
    geheim = memo.parent / cache.GEHEIM
    assert geheim.stat().st_mode & 0o777 == 0o600 and len(geheim.read_bytes()) == 32
    assert invoke(["audit", "Herpt"]).exit_code == 0 and len(geteld) == 1  # a hit
    geheim.chmod(0o644)  # readable by others: anyone could forge entries
    assert "Audit sociale basis: Herpt" in invoke(["audit", "Herpt"]).output
    assert len(geteld) == 2


def test_without_the_secret_nothing_is_replayed(invoke, memo: Path, geteld: list[str]) -> None:
    goed = invoke(["audit", "Herpt"]).output
    (memo.parent / cache.GEHEIM).unlink()
    assert invoke(["audit", "Herpt"]).output == goed
    assert len(geteld) == 2
