"""Where a command's result goes: the terminal, stdout, or a file (`--format`, `--output`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath
from typing import Annotated, Any

import typer

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import FindingId, Span, WijkcheckError
from wijkcheck.formatters import EXTENSIES, OutputFormat, check, uit_bestandsnaam


def output_option(*kinds: str) -> typer.models.OptionInfo:
    """`--output` of a command whose results are `kinds`: its help names their extensions."""
    from wijkcheck.formatters import formats_for

    formaten = {f for kind in kinds for f in formats_for(kind)}
    eerste = {f: e for e, f in reversed(EXTENSIES.items())}  # each format's usual extension
    extensies = ", ".join(e for f, e in reversed(eerste.items()) if f in formaten)
    return typer.Option(
        "--output",
        "-o",
        help="Schrijf naar dit bestand in plaats van naar het scherm ('-' is stdout). Zonder "
        f"--format volgt de vorm uit de extensie ({extensies}); een andere extensie weigert "
        "wijkcheck.",
        metavar="BESTAND",
        show_default=False,
    )


ForceOpt = Annotated[
    bool, typer.Option("--force", help="Overschrijf een bestaand bestand bij --output.")
]


def _fout(bericht: str, id: FindingId) -> WijkcheckError:
    return WijkcheckError.single(Span(""), bericht, id)


def kies_formaat(fmt: OutputFormat | None, output: str | None, kind: str) -> OutputFormat:
    """The format asked for (or implied by the output file name), checked against the kind of
    result the command makes (`formatters.AUDIT`, …) before it does any work."""
    if output and output != "-":
        fmt = _past_bij_extensie(fmt, output)
    fmt = fmt or OutputFormat.TABEL
    check(fmt, kind)
    if fmt.binair and not output:
        raise _fout(
            f"--format {fmt.value} maakt een bestand; geef een naam met --output, "
            f"bijv. --output rapport.{fmt.value}",
            ids.UITVOER_NODIG,
        )
    return fmt


def _past_bij_extensie(fmt: OutputFormat | None, output: str) -> OutputFormat | None:
    """A file name's extension must be one of a format's, and the format asked for: terminal text
    in a `.pdf` helps nobody. No extension (`/dev/stdout`, `rapport`) is fine (docs/uitvoer.md)."""
    extensie = PurePath(output).suffix
    if not extensie:
        return fmt
    bij_extensie = uit_bestandsnaam(output)
    if bij_extensie is None:
        pdf = " (een PDF: schrijf .html of .docx en druk die af als PDF)"
        raise _fout(
            f"--output {output}: wijkcheck schrijft geen '{extensie}'-bestanden; kies een van "
            f"de extensies {_extensies()}{pdf if extensie.lower() == '.pdf' else ''}",
            ids.ONBEKENDE_EXTENSIE,
        )
    if fmt is not None and fmt is not bij_extensie:
        eigen = "/".join(e for e, f in EXTENSIES.items() if f is fmt)
        raise _fout(
            f"--output {output}: '{extensie}' is de extensie van --format {bij_extensie.value}, "
            f"niet van {fmt.value}; geef het bestand de extensie {eigen}, of laat --format weg",
            ids.EXTENSIE_PAST_NIET,
        )
    return bij_extensie


def _extensies() -> str:
    per_vorm: dict[OutputFormat, list[str]] = {}
    for extensie, f in EXTENSIES.items():
        per_vorm.setdefault(f, []).append(extensie)
    delen = [f"{'/'.join(e)} ({f.value})" for f, e in per_vorm.items()]
    return ", ".join(delen[:-1]) + " of " + delen[-1]


def lever(result: Any, fmt: OutputFormat, output: str | None, force: bool) -> str | None:
    """Render `result` and show or write it; returns the text shown on stdout, if any.
    Formatters are imported only now (start-up time)."""
    from wijkcheck.formatters import render, show

    if output is not None and output != "-":
        _controleer_naam(output)
    if fmt is OutputFormat.TABEL and not output:
        from wijkcheck.cli.options import console

        out = console()
        with out.capture() as scherm:  # exactly what print() would write, for the memo
            show(out, result)
        tekst = scherm.get()
        toon(tekst)
        return tekst
    return schrijf(render(fmt, result), output, force, fmt.value)


def schrijf(data: str | bytes, output: str | None, force: bool, wat: str) -> str | None:
    """Show `data` on stdout (no `output`, or `-`), or write it to the file `output`
    atomically, refusing what is not a regular file; returns the text shown, if any."""
    if output in (None, "-"):
        if isinstance(data, bytes):
            stdout = typer.get_binary_stream("stdout")
            stdout.write(data)
            stdout.flush()
            return None
        toon(data)
        return data
    from wijkcheck.cli.writing import schrijf_atomair

    assert output is not None
    _controleer_naam(output)
    path = Path(output).expanduser()
    schrijf_atomair(path, data if isinstance(data, bytes) else data.encode("utf-8"), force=force)
    from wijkcheck.core.names import zichtbaar

    sys.stderr.write(f"Geschreven: {zichtbaar(str(path))} ({wat})\n")
    return None


def _controleer_naam(output: str) -> None:
    """An output name must name a file: not empty, not a folder (`rapport/`)."""
    if not output.strip():
        raise _fout("--output is leeg; geef een bestandsnaam, of - voor het scherm", ids.ARGUMENT)
    if output.endswith(("/", os.sep)):
        raise _fout(
            f"--output {output}: eindigt op '/', dat is een map; geef een bestandsnaam, bijv. "
            f"{output}rapport.html",
            ids.UITVOER_IS_MAP,
        )


def toon(tekst: str) -> None:
    """Show text on stdout (a report, or the memo of one)."""
    sys.stdout.write(tekst)
    sys.stdout.flush()
