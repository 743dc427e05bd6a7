"""Golden files: the output of fixed commands on the bundled data, per format, byte for byte.

Every format of a fixed audit, overview and sociale kaart (and of list, explain and regels) is
kept in tests/golden/; a change to any output shows here as a diff. When the change is meant,
rewrite them and review the diff before committing it:

    pytest tests/test_golden.py --update-golden

Word: the document's XML (word/document.xml, a line per paragraph and table row), without the
zip around it and the creation time in its properties. PNG: no golden file; its pixels depend
on the installed font and FreeType, and it is drawn from the same layout as the SVG, whose
golden file is kept.
"""

from __future__ import annotations

import difflib
import re
import zipfile
from pathlib import Path

import pytest

from wijkcheck.formatters import (
    AUDIT,
    ONDERWERPEN,
    OVERZICHT,
    REGELSOORTEN,
    SOCIALE_KAART,
    UITLEG,
    WIJKEN,
    OutputFormat,
    formats_for,
)

GOLDEN = Path(__file__).parent / "golden"
DATUM = ["--datum", "2026-06-01"]

#: name → (kind of result, command); the bundled data, from a folder without data of its own
COMMANDS = {
    "audit": (AUDIT, ["audit", "Vlijmen-Dorp", *DATUM]),
    "overview": (OVERZICHT, ["overview", *DATUM]),
    "show": (SOCIALE_KAART, ["show", "Vlijmen-Dorp", *DATUM]),
    "list": (WIJKEN, ["list"]),
    "explain": (ONDERWERPEN, ["explain"]),
    "explain-huisarts": (UITLEG, ["explain", "huisarts"]),
    "regels": (REGELSOORTEN, ["regels"]),
}
EXTENSIE = {
    OutputFormat.TABEL: "txt",
    OutputFormat.MARKDOWN: "md",
    OutputFormat.HTML: "html",
    OutputFormat.DOCX: "docx.xml",
    OutputFormat.JSON: "json",
    OutputFormat.CSV: "csv",
    OutputFormat.SVG: "svg",
}
CASES = [
    (naam, fmt)
    for naam, (kind, _) in COMMANDS.items()
    for fmt in formats_for(kind)
    if fmt is not OutputFormat.PNG
]


def _output(invoke, tmp_path: Path, args: list[str], fmt: OutputFormat) -> bytes:
    uit = tmp_path / f"uit.{'docx' if fmt is OutputFormat.DOCX else EXTENSIE[fmt]}"
    invoke([*args, "--format", fmt.value, "-o", str(uit)])  # a file: 100 columns, no colour
    if fmt is OutputFormat.DOCX:
        with zipfile.ZipFile(uit) as z:
            xml = z.read("word/document.xml")
        # a line per paragraph and table row, so that a difference reads as a diff
        return re.sub(rb"(?=<w:(?:p|tr|tbl)[ >])", b"\n", xml)
    return uit.read_bytes()


@pytest.mark.parametrize(("naam", "fmt"), CASES, ids=[f"{n}.{EXTENSIE[f]}" for n, f in CASES])
def test_output_is_the_golden_file(
    invoke, tmp_path: Path, update_golden: bool, naam: str, fmt: OutputFormat
) -> None:
    golden = GOLDEN / f"{naam}.{EXTENSIE[fmt]}"
    nu = _output(invoke, tmp_path, COMMANDS[naam][1], fmt)
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(nu)
        return
    assert golden.exists(), f"{golden.name} missing; run: pytest {__file__} --update-golden"
    verwacht = golden.read_bytes()
    if nu != verwacht:
        diff = difflib.unified_diff(
            verwacht.decode("utf-8", "replace").splitlines(),
            nu.decode("utf-8", "replace").splitlines(),
            f"golden/{golden.name}",
            "now",
            lineterm="",
            n=1,
        )
        pytest.fail(
            "\n".join([*list(diff)[:60], f"(meant? pytest {__file__} --update-golden)"]),
            pytrace=False,
        )


def test_every_golden_file_belongs_to_a_case() -> None:
    """A golden file of a case that is gone (a format dropped, a command renamed) is stale."""
    verwacht = {f"{naam}.{EXTENSIE[fmt]}" for naam, fmt in CASES}
    assert {p.name for p in GOLDEN.iterdir()} - {".gitattributes"} == verwacht
