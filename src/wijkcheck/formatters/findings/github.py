"""Validation findings as GitHub Actions workflow commands, plus a Markdown job summary.

GitHub shows at most 10 annotations of each kind per step, so every finding also goes into the
summary (`$GITHUB_STEP_SUMMARY`), which the CLI appends. Escaping follows the runner's parser
(actions/runner, ActionCommand): `%`, CR and LF in the message; also `:` and `,` in properties.
"""

from __future__ import annotations

import re

from wijkcheck.checks.run import Validatie
from wijkcheck.core.errors import Finding, Severity
from wijkcheck.core.names import datum, zichtbaar
from wijkcheck.formatters.findings.text import samenvatting

#: Annotations GitHub shows per step and kind; beyond this only the job summary has them all.
GITHUB_MAXIMUM = 10
#: Rows in the job summary; GitHub refuses a step summary above 1 MiB.
SUMMARY_MAXIMUM = 2_000

_COMMANDO = {Severity.FOUT: "error", Severity.WAARSCHUWING: "warning"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    props = [f"file={escape_property(f.span.path)}"]
    if f.span.line > 0:
        props += [f"line={f.span.line}", f"col={f.span.column}"]
    props.append(f"title={escape_property(f.id)}")
    # CR and LF are escaped by GitHub's rules; other control characters are made visible.
    bericht = escape_data(zichtbaar(f.message, behoud="\r\n"))
    return f"::{_COMMANDO[f.severity]} {','.join(props)}::{bericht}"


def render(v: Validatie) -> str:
    lines = [annotation(f) for f in v.bevindingen]
    lines.append(samenvatting(v))
    per_soort = max(v.fouten, v.waarschuwingen)
    if per_soort > GITHUB_MAXIMUM:
        lines.append(
            f"GitHub toont per stap maximaal {GITHUB_MAXIMUM} annotaties van elke soort; "
            "alle bevindingen staan in de samenvatting van de job."
        )
    return "\n".join(lines) + "\n"


_MD_TEKEN = re.compile(r"([\\`*_\[\]|#~!])")


def _md(text: str) -> str:
    text = zichtbaar(" ".join(text.split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_TEKEN.sub(r"\\\1", text)


def summary(v: Validatie) -> str:
    """Markdown for `$GITHUB_STEP_SUMMARY`: all findings, not only the first ten."""
    lines = ["## wijkcheck validate", ""]
    status = "Geldig" if not v.fouten else "Niet geldig"
    lines.append(f"**{status}.** {_md(samenvatting(v))} Peildatum {datum(v.datum)}.")
    if v.bevindingen:
        lines += [
            "",
            "| Bestand | Regel | Kolom | Ernst | Controle | Bericht |",
            "|---|---:|---:|---|---|---|",
        ]
        for f in v.bevindingen[:SUMMARY_MAXIMUM]:
            regel = str(f.span.line) if f.span.line > 0 else ""
            kolom = str(f.span.column) if f.span.line > 0 else ""
            lines.append(
                f"| {_md(f.span.path)} | {regel} | {kolom} | {f.severity.value} "
                f"| {_md(f.id)} | {_md(f.message)} |"
            )
        rest = len(v.bevindingen) - SUMMARY_MAXIMUM
        if rest > 0:
            lines += [
                "",
                f"En nog {rest} bevindingen; `wijkcheck validate --format json` geeft ze alle.",
            ]
    return "\n".join(lines) + "\n"
