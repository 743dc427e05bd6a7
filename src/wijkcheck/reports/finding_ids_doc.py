"""The finding ids of `core/finding_ids.py` as documentation, generated from the registry.

- docs/validate.md: one table per section (`| id | ernst | wat |`), between markers; the prose
  around the tables is the doc's own.
- docs/bevindingen.md: every id with its severity, title, explanation and example.

Update both with ``python -m wijkcheck.reports.finding_ids_doc docs/validate.md
docs/bevindingen.md``; a test fails when either is out of date (tests/test_finding_ids.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from wijkcheck.core import finding_ids
from wijkcheck.core.errors import REGISTRY, CommandExample, FindingId, Section, YamlExample

COMMAND = "python -m wijkcheck.reports.finding_ids_doc docs/validate.md docs/bevindingen.md"
EIND = "<!-- einde: gegenereerd -->"

# Importing the registry module fills REGISTRY; name it so the import is not "unused".
assert finding_ids.FOUT


def begin(section: Section) -> str:
    return f"<!-- begin: gegenereerd door `{COMMAND}` ({section.value}) -->"


def in_section(section: Section) -> list[FindingId]:
    return [d for d in REGISTRY.values() if d.section is section]


def ernst(d: FindingId) -> str:
    return f"{d.severity.value} (exit 2)" if d.stops else d.severity.value


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def table(section: Section) -> str:
    rows = [begin(section), "", "| id | ernst | wat |", "|---|---|---|"]
    for d in in_section(section):
        rows.append(
            f"| [`{d.id}`](bevindingen.md#{d.id}) | {ernst(d)} | "
            f"**{_cell(d.title)}**: {_cell(d.explanation)} |"
        )
    rows += ["", EIND]
    return "\n".join(rows)


def updated(doc: str) -> str:
    """`doc` with every generated table replaced; a section without markers is left out."""
    for section in Section:
        marker = begin(section)
        if marker not in doc:
            continue
        before, rest = doc.split(marker, 1)
        doc = before + table(section) + rest.split(EIND, 1)[1]
    return doc


def missing_sections(doc: str) -> list[Section]:
    return [s for s in Section if in_section(s) and begin(s) not in doc]


def _example(d: FindingId) -> list[str]:
    ex = d.example
    if isinstance(ex, CommandExample):
        return ["```sh", ex.command, "```"]
    if isinstance(ex, YamlExample):
        datum = f" --datum {ex.datum}"
        if ex.removes:
            lines = [f"Zonder het bestand `{ex.path}`:", ""]
        elif ex.replaces is None:
            lines = [f"Het bestand `{ex.path}`:", "", "```text", ex.text.rstrip("\n"), "```", ""]
        else:
            lines = [
                f"In `{ex.path}`, in plaats van `{ex.replaces.strip()}`:"
                if "\n" not in ex.replaces
                else f"In `{ex.path}`, in plaats van",
                "",
            ]
            if "\n" in ex.replaces:
                lines += ["```text", ex.replaces.rstrip("\n"), "```", "", "dit:", ""]
            lines += ["```text", ex.text.rstrip("\n"), "```", ""]
        return [*lines, "```sh", f"wijkcheck validate{datum}", "```"]
    return []


def catalogue() -> str:
    out = [
        "# Bevindingen: elke id",
        "",
        f"<!-- gegenereerd door `{COMMAND}` uit src/wijkcheck/core/finding_ids.py -->",
        "",
        "Elke bevinding van wijkcheck heeft een vaste id. Hier staat elke id met zijn ernst, wat",
        "hij betekent en, waar dat kan, een voorbeeld dat hem oplevert: een wijziging in een kopie",
        "van de meegeleverde gegevens (de map met `data/wijken/` en `checklists/`), of een",
        "opdracht die u in die map geeft. De tests voeren elk voorbeeld uit en eisen deze id",
        "(`tests/test_finding_ids.py`). Het overzicht per soort controle staat in",
        "[validate.md](validate.md#controles).",
    ]
    for section in Section:
        defs = in_section(section)
        if not defs:
            continue
        out += ["", f"## {section.value}"]
        for d in defs:
            uitleg = d.explanation[:1].upper() + d.explanation[1:]
            out += ["", f"### `{d.id}`", "", f"**{d.title}.** Ernst: {ernst(d)}.", "", f"{uitleg}."]
            voorbeeld = _example(d)
            if voorbeeld:
                out += ["", *voorbeeld]
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    if not argv:
        sys.stderr.write(f"gebruik: {COMMAND}\n")
        return 2
    for name in argv:
        path = Path(name)
        if path.name == "bevindingen.md":
            path.write_text(catalogue(), encoding="utf-8")
            continue
        doc = path.read_text(encoding="utf-8")
        ontbreekt = missing_sections(doc)
        if ontbreekt:
            sys.stderr.write(
                f"{path}: geen plaats voor {', '.join(s.value for s in ontbreekt)}; zet "
                f"{begin(ontbreekt[0])} … {EIND} waar die tabel hoort\n"
            )
            return 1
        path.write_text(updated(doc), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
