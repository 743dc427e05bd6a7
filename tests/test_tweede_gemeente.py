"""The fictitious example gemeente Voorbeeldrecht (voorbeelden/voorbeeldrecht/, a data folder of
its own), audited against its own checklist (which `extends: hart-van-brabant`, the bundled
regional one) in every format: every command works and no report of another gemeente than
Heusden mentions Heusden (issue 11, parts 1 and 6)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from wijkcheck.formatters import AUDIT, EXTENSIES, OutputFormat, formats_for

GEMEENTE = "voorbeeldrecht"
ROOT = Path(__file__).parents[1] / "voorbeelden" / GEMEENTE
MAP = ROOT / "data" / "wijken" / GEMEENTE
WIJKEN = sorted(p.stem for p in MAP.glob("*.yaml") if p.stem != "gemeente")
DATUM = ["--datum", "2026-01-01", "--data", str(ROOT)]
HEUSDEN = re.compile("heusden", re.IGNORECASE)

AUDIT_FORMATEN = formats_for(AUDIT)


def extensie(fmt: OutputFormat) -> str:
    return next(e for e, f in EXTENSIES.items() if f is fmt)


def tekst(invoke, args: list[str], fmt: OutputFormat, tmp_path: Path) -> str:
    """The output of `args` in `fmt` as text: stdout, or for a binary format the file's text."""
    if not fmt.binair:
        result = invoke([*args, "--format", fmt.value])
        out = result.stdout_bytes.decode("utf-8-sig")
        assert out.strip(), fmt
        return out
    target = tmp_path / f"{args[0]}{extensie(fmt)}"
    invoke([*args, "--format", fmt.value, "-o", str(target)])
    ruw = target.read_bytes()
    if fmt is OutputFormat.PNG:
        assert ruw.startswith(b"\x89PNG\r\n\x1a\n")
        return ruw.decode("latin-1")  # text chunks (metadata), if any
    assert fmt is OutputFormat.DOCX and ruw.startswith(b"PK\x03\x04")
    with zipfile.ZipFile(target) as docx:
        delen = [docx.read(n).decode("utf-8") for n in docx.namelist() if n.endswith(".xml")]
    # every XML part as written, and the document's text with runs joined (a word may be split
    # over runs)
    woorden = "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", "".join(delen)))
    return "\n".join([*delen, woorden])


def audit(wijk: str) -> list[str]:
    return ["audit", wijk, "--gemeente", GEMEENTE, *DATUM]


def test_the_fictitious_gemeente_comes_with_its_wijken() -> None:
    assert len(WIJKEN) == 6
    tekst = (MAP / "gemeente.yaml").read_text(encoding="utf-8")
    assert "FICTIEVE gemeente" in tekst and "cbs_code: GM9999" in tekst
    eigen = ROOT / "checklists" / "voorbeeldrecht.yaml"
    for path in [*MAP.glob("*.yaml"), eigen]:
        assert not HEUSDEN.search(path.read_text(encoding="utf-8")), path.name


@pytest.mark.parametrize("fmt", AUDIT_FORMATEN, ids=str)
@pytest.mark.parametrize("wijk", WIJKEN)
def test_every_wijk_in_every_format(invoke, tmp_path: Path, wijk: str, fmt: OutputFormat) -> None:
    tekst(invoke, audit(wijk), fmt, tmp_path)  # exit 0 and output, asserted by the helpers


@pytest.mark.parametrize("fmt", AUDIT_FORMATEN, ids=str)
@pytest.mark.parametrize("wijk", WIJKEN)
def test_no_heusden_in_an_audit(invoke, tmp_path: Path, wijk: str, fmt: OutputFormat) -> None:
    uit = tekst(invoke, audit(wijk), fmt, tmp_path)
    assert not HEUSDEN.search(uit), HEUSDEN.search(uit)


@pytest.mark.parametrize("fmt", list(OutputFormat), ids=str)
def test_overview_and_sociale_kaart_without_heusden(
    invoke, tmp_path: Path, fmt: OutputFormat
) -> None:
    uit = tekst(invoke, ["overview", "--gemeente", GEMEENTE, *DATUM], fmt, tmp_path)
    assert not HEUSDEN.search(uit), fmt
    if fmt in formats_for(AUDIT):
        uit = tekst(invoke, ["show", "Schetsveen", "--gemeente", GEMEENTE, *DATUM], fmt, tmp_path)
        assert not HEUSDEN.search(uit), fmt


def test_list_and_validate(invoke) -> None:
    out = invoke(["list", "--data", str(ROOT)]).stdout
    assert "Wijken van gemeente Voorbeeldrecht" in out and "6 wijken in 3 kernen" in out
    assert "Reüniepark" in out and not HEUSDEN.search(out)
    # diacritics, case and dashes do not matter on the command line
    assert "Audit sociale basis: Reüniepark" in invoke(["audit", "reunie park", *DATUM]).stdout
    out = invoke(["validate", *DATUM]).stdout
    assert "Geen fouten of waarschuwingen" in out


def ids(tree: object) -> set[str]:
    """Every result id in a JSON report, however the report groups its rows."""
    if isinstance(tree, dict):
        eigen = {tree["id"]} if isinstance(tree.get("id"), str) else set()
        return eigen.union(*(ids(v) for v in tree.values()))
    if isinstance(tree, list):
        return set().union(*(ids(v) for v in tree))
    return set()


def test_the_audit_uses_the_layered_checklist(invoke) -> None:
    rapport = json.loads(invoke([*audit("Schetsveen"), "-f", "json"]).stdout)
    checklist = rapport["checklist"]
    assert checklist["id"] == "voorbeeldrecht" and checklist["concept"]
    assert [laag["id"] for laag in checklist["lagen"]] == ["hart-van-brabant", "voorbeeldrecht"]
    gevonden = ids({k: rapport[k] for k in rapport if k != "checklist"})
    # its own conditions and item, the regional items, and not the one it removed
    assert {"ontmoeting-in-de-wijk", "verbondenheid", "inzet-professionals"} <= gevonden
    assert {"eettafel", "huisarts.2", "vervoer-op-maat", "maaltijdservice"} <= gevonden
    assert "vrijwilligersvervoer" not in gevonden
    # the threshold it overrides (1,5 km instead of the regional 1,1 km)
    uit = json.dumps(rapport, ensure_ascii=False)
    assert "≤ 1,5 km" in uit and "≤ 1,1 km" not in uit
