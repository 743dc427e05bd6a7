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


@pytest.mark.parametrize(
    "command",
    [
        ["audit", "Herpt"],
        ["show", "Herpt"],
        ["audit", "Herpt", "-f", "markdown"],
        ["audit", "Herpt", "-f", "csv"],
        ["overview", "-f", "csv"],
        ["overview"],
    ],
)
def test_a_line_break_in_a_bron_starts_no_workflow_command_on_stdout(
    invoke, data_copy: Path, command: list[str]
) -> None:
    # Line breaks in a text are kept (a toelichting may have several lines), so a `bron`
    # "CBS\n::error …" would otherwise print a line that GitHub reads as a command.
    wijk = data_copy / HERPT
    tekst = wijk.read_text(encoding="utf-8")
    hostile = tekst.replace(
        "bron: \"CBS, via nl.wikipedia 'Herpt'\"",
        'bron: "CBS\\n::error file=README.md,line=1::pwned"',
        1,
    )
    assert hostile != tekst
    wijk.write_text(hostile, encoding="utf-8")
    out = invoke([*command, "--data", str(data_copy)], code=None).output
    assert not any(regel.lstrip(" │|\"'").startswith("::") for regel in out.splitlines()), out
    assert "::" not in out.replace("\\x3a:", "")


def test_no_two_colons_stay_side_by_side_whatever_a_table_wraps(
    invoke, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # rich may wrap a cell at any space, or fold a long word mid-word: only a text without
    # two adjacent colons is safe from starting a line with them.
    from wijkcheck.core.names import zichtbaar

    assert "::" not in zichtbaar("a::b:::c ::::")
    assert zichtbaar("10:30 uur") == "10:30 uur"
    wijk = data_copy / HERPT
    tekst = wijk.read_text(encoding="utf-8")
    wijk.write_text(
        tekst.replace(
            "  - naam: Dorpshuis Herpt\n",
            '  - naam: "Dorpshuis ::error file=x,line=1:::pwned ::warning::x"\n',
            1,
        ),
        encoding="utf-8",
    )
    for columns in ("40", "60", "80"):
        monkeypatch.setenv("COLUMNS", columns)
        for command in (["audit", "Herpt"], ["show", "Herpt"], ["list"]):
            out = invoke([*command, "--data", str(data_copy)], code=None).output
            assert "::" not in out.replace("\\x3a:", ""), (columns, command, out)
