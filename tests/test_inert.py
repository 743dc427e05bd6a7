"""Everything printed that came from data or paths is inert: no raw control characters or
workflow commands on stderr, no rich markup or emoji codes interpreted, bidi and zero-width
characters made visible and flagged (issue 12, part 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

HERPT = "data/wijken/heusden/herpt.yaml"


@pytest.mark.parametrize("command", [["audit", "Herpt"], ["show", "Herpt"], ["overview"], ["list"]])
def test_a_hostile_key_puts_no_workflow_command_on_stderr(
    invoke, data_copy: Path, command: list[str]
) -> None:
    wijk = data_copy / HERPT
    tekst = wijk.read_text(encoding="utf-8")
    wijk.write_text(tekst + '"x\\n::error file=README.md,line=1::pwned": 1\n', encoding="utf-8")
    out = invoke([*command, "--data", str(data_copy)], code=2).stderr
    assert "onbekend veld" in out and "pwned" in out
    assert not any(regel.lstrip().startswith("::") for regel in out.splitlines()), out
    assert "\x1b" not in out


def test_a_file_name_with_an_escape_reaches_no_terminal(invoke, data_copy: Path) -> None:
    gemeente = data_copy / "data/wijken/heusden"
    (gemeente / "herpt.yaml").rename(gemeente / "herpt\x1b[31m.yaml")
    out = invoke(["audit", "Herpt", "--data", str(data_copy)], code=None).output
    assert "\x1b" not in out


def test_markup_and_emoji_codes_in_data_are_text(invoke, data_copy: Path, tmp_path: Path) -> None:
    wijk = data_copy / HERPT
    tekst = wijk.read_text(encoding="utf-8")
    wijk.write_text(
        tekst.replace("  - naam: Dorpshuis Herpt\n", '  - naam: "Dorpshuis [/bold] :smile:"\n', 1),
        encoding="utf-8",
    )
    args = ["--data", str(data_copy)]
    for command in (["audit", "Herpt"], ["show", "Herpt"]):
        assert "[/bold] :smile:" in invoke([*command, *args]).stdout
        doel = tmp_path / f"{command[0]}.txt"
        invoke([*command, *args, "-o", str(doel)])
        assert "[/bold] :smile:" in doel.read_text(encoding="utf-8")


def test_bidi_and_zero_width_characters_are_flagged_and_shown(invoke, data_copy: Path) -> None:
    wijk = data_copy / HERPT
    tekst = wijk.read_text(encoding="utf-8")
    wijk.write_text(
        tekst.replace("  - naam: Dorpshuis Herpt\n", '  - naam: "Dorpshuis\\u202e Herpt"\n', 1),
        encoding="utf-8",
    )
    gemeente = data_copy / "data/wijken/heusden/gemeente.yaml"
    g = gemeente.read_text(encoding="utf-8")
    gemeente.write_text(g.replace("Herpt: [Herpt]", 'Herpt: ["Herpt\\u200b"]'), encoding="utf-8")
    out = invoke(["validate", "--data", str(data_copy), "--format", "tekst"], code=1).output
    assert "(onzichtbaar-teken)" in out and "U+200B" in out and "\u200b" not in out
    kaart = invoke(["show", "Herpt", "--data", str(data_copy)], code=None).output
    assert "\u202e" not in kaart and "\u200b" not in kaart
