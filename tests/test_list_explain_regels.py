"""`list`, `explain` and `regels` return results and come in the formats the registry has for
them, like the reports: on screen, on stdout and in a file; a format that does not fit is
refused before any work (`formaat-past-niet`)."""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from pathlib import Path

import pytest
import yaml

from wijkcheck.formatters import (
    EXTENSIES,
    ONDERWERPEN,
    REGELSOORTEN,
    UITLEG,
    WIJKEN,
    OutputFormat,
    formats_for,
)

COMMANDS = {
    WIJKEN: ["list"],
    ONDERWERPEN: ["explain"],
    UITLEG: ["explain", "huisarts"],
    REGELSOORTEN: ["regels"],
}


def _extensie(fmt: OutputFormat) -> str:
    return next(e for e, f in EXTENSIES.items() if f is fmt)


@pytest.mark.parametrize("kind", list(COMMANDS))
def test_every_format_on_stdout_and_in_a_file(invoke, tmp_path: Path, kind: str) -> None:
    assert {OutputFormat.TABEL, OutputFormat.MARKDOWN, OutputFormat.HTML, OutputFormat.JSON} <= set(
        formats_for(kind)
    )
    for fmt in OutputFormat:
        args = [*COMMANDS[kind], "--format", fmt.value]
        if fmt not in formats_for(kind):
            out = invoke(args, code=2).stderr
            # the command as the user typed it: `explain ONDERWERP` where a subject was given
            genoemd = "explain ONDERWERP" if kind == UITLEG else COMMANDS[kind][0]
            assert "(formaat-past-niet)" in out and f"kies voor '{genoemd}' uit" in out
            continue
        shown = invoke(args).stdout
        target = tmp_path / f"{kind}{_extensie(fmt)}"
        invoke([*COMMANDS[kind], "-o", str(target)])  # the format from the extension
        written = target.read_text(encoding="utf-8")
        if fmt is not OutputFormat.TABEL:  # the screen follows COLUMNS, a file is 100 wide
            assert written == shown, fmt
        assert written.endswith("\n") and "\x1b" not in written, fmt


def test_list_as_json_and_csv(invoke) -> None:
    lijst = json.loads(invoke(["list", "-f", "json"]).stdout)
    assert lijst["soort"] == "wijken" and lijst["meegeleverde_gegevens"] is True
    [heusden] = lijst["gemeenten"]
    assert heusden["gemeente"] == "Heusden" and heusden["kernen"] == 11
    venne = next(w for w in heusden["wijken"] if w["wijk"] == "Venne-West")
    assert venne["inwoners"] == 5445 and venne["peildatum"] == "2025-01-01"
    assert venne["bron"].startswith("CBS 86165NED") and venne["voorbeeld"] is False
    tekst = invoke(["list", "-f", "csv"]).stdout
    rijen = list(csv.DictReader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";"))
    assert len(rijen) == 19 and {r["meegeleverde_gegevens"] for r in rijen} == {"ja"}
    assert next(r for r in rijen if r["wijk"] == "Venne-West")["inwoners"] == "5445"


def test_a_wijk_without_inhabitants_in_every_format(invoke, data_copy: Path) -> None:
    args = ["--data", str(data_copy)]
    invoke(["new", "Nieuw Park", "--kern", "Drunen", *args])
    lijst = json.loads(invoke(["list", *args, "-f", "json"]).stdout)
    nieuw = next(w for w in lijst["gemeenten"][0]["wijken"] if w["wijk"] == "Nieuw Park")
    assert nieuw["inwoners"] is None and nieuw["peildatum"] is None
    assert "| Nieuw Park | Drunen | onbekend |   | niet vastgelegd |" in (
        invoke(["list", *args, "-f", "markdown"]).stdout
    )
    assert ";Nieuw Park;Drunen;;;;nee;nee" in invoke(["list", *args, "-f", "csv"]).stdout


DELEN = (
    "Huisarts dichtbij",
    "concept, niet vastgesteld",
    "Afstand tot huisarts",
    "Workshop netwerken en sociale basis",
    "meegeleverde voorbeeldgegevens",
)


def test_explain_says_the_same_in_every_format(invoke) -> None:
    uitleg = json.loads(invoke(["explain", "huisarts", "-f", "json"]).stdout)
    assert uitleg["soort"] == "uitleg" and uitleg["voorwaarde"] is False
    assert uitleg["laag"] == {
        "niveau": "regionaal",
        "naam": "Checklist langer thuis wonen, regio Hart van Brabant",
        "versie": "2026.2",
        "concept": True,
    }
    assert uitleg["regel"][0].startswith("minstens één van 2 onderdelen")
    for fmt in ("tabel", "markdown", "html"):
        out = invoke(["explain", "huisarts", "-f", fmt]).stdout
        tekst = " ".join(re.sub(r"<[^>]+>|&emsp;|\\", " ", out).split())
        for deel in DELEN:
            assert deel in tekst, (fmt, deel)
    onderwerpen = json.loads(invoke(["explain", "-f", "json"]).stdout)
    assert onderwerpen["voorwaarden"][0]["id"] == "ontmoetingsplekken"
    assert onderwerpen["gemeente"] == "Heusden"


def test_explain_with_a_checklist_names_no_bundled_gemeente(invoke) -> None:
    args = ["explain", "huisarts", "--checklist", "hart-van-brabant"]
    for fmt in ("tabel", "markdown", "html"):
        assert "meegeleverde voorbeeldgegevens" not in invoke([*args, "-f", fmt]).stdout, fmt


def test_an_unknown_topic_is_refused_in_every_format(invoke) -> None:
    for fmt in ("tabel", "json"):
        out = invoke(["explain", "huisartsenpost", "-f", fmt], code=2).stderr
        assert (
            "onbekende voorwaarde of item 'huisartsenpost'" in out and "(onbekend-onderwerp)" in out
        )


def test_the_examples_of_regels_stay_yaml_in_markdown_and_html(invoke) -> None:
    md = invoke(["regels", "-f", "markdown"]).stdout
    blokken = re.findall(r"```yaml\n(.*?)```", md, re.S)
    soorten = json.loads(invoke(["regels", "-f", "json"]).stdout)["regelsoorten"]
    voorbeelden = [a for s in soorten for a in s["alineas"] if a["voorbeeld"]]
    assert len(blokken) == len(voorbeelden) >= len(soorten)
    for blok, alinea in zip(blokken, voorbeelden, strict=True):
        assert blok == textwrap.dedent(alinea["tekst"]).rstrip("\n") + "\n"
        assert isinstance(yaml.safe_load(blok), dict)
    html = invoke(["regels", "-f", "html"]).stdout
    assert html.count('<pre><code class="language-yaml">') == len(voorbeelden)
    assert "<code>minimaal</code>" in html


def test_data_is_escaped_in_markdown_and_html(invoke, data_copy: Path) -> None:
    gemeente = data_copy / "data" / "wijken" / "heusden" / "gemeente.yaml"
    tekst = gemeente.read_text(encoding="utf-8").replace(
        "naam: Heusden\n", 'naam: "Heusden <b>|"\n'
    )
    gemeente.write_text(tekst, encoding="utf-8")
    args = ["list", "--data", str(data_copy)]
    html = invoke([*args, "-f", "html"]).stdout
    assert "<b>" not in html and "Heusden &lt;b&gt;|" in html
    assert "Heusden \\<b\\>\\|" in invoke([*args, "-f", "markdown"]).stdout


def test_list_help_names_only_its_formats(invoke) -> None:
    out = " ".join(invoke(["list", "--help"]).stdout.replace("│", " ").split())
    assert "tabel (scherm), markdown, html, json of csv" in out
    assert "(.txt, .md, .html, .json, .csv)" in out
    assert "docx" not in out and "svg" not in out


@pytest.mark.parametrize(
    ("command", "niet"),
    [("audit", ["svg", "png"]), ("show", ["svg", "png"]), ("compare", ["svg", "png"])],
)
def test_help_names_only_the_formats_a_command_has(invoke, command: str, niet: list[str]) -> None:
    out = " ".join(invoke([command, "--help"]).stdout.replace("│", " ").split())
    assert "FORMAAT" in out
    for formaat in niet:
        assert formaat not in out


def test_no_format_choice_is_cut_mid_word_at_80_columns(invoke, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = invoke(["overview", "--help"]).stdout
    assert "FORMAAT" in out and "|do" not in out
