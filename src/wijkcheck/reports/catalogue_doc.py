"""The names a data file may use (soorten, functies, indicatoren, rollen, voorwaarden and items),
as the Markdown section of docs/gegevens.md, generated from the bundled checklist.

Update the doc with `python -m wijkcheck.reports.catalogue_doc docs/gegevens.md`; a test fails
when it is out of date (tests/test_catalogusdoc.py).
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from wijkcheck.core.checklist import Checklist
from wijkcheck.sources.dataroot import bundled_root
from wijkcheck.sources.store import load_checklist_file

BEGIN = (
    "<!-- begin: gegenereerd door `python -m wijkcheck.reports.catalogue_doc docs/gegevens.md` -->"
)
EIND = "<!-- einde: gegenereerd -->"
# the bundled municipal layer, which extends the regional one: every name of both
CHECKLIST = "heusden"


def bundled_checklist() -> Checklist:
    root = bundled_root()
    assert root.checklists is not None
    return load_checklist_file(root.checklists / f"{CHECKLIST}.yaml", root)[0]


def _cel(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _tabel(kop: list[str], rijen: list[list[str]]) -> list[str]:
    regels = ["| " + " | ".join(kop) + " |", "|" + "---|" * len(kop)]
    return [*regels, *("| " + " | ".join(_cel(c) for c in rij) + " |" for rij in rijen)]


def markdown(cl: Checklist) -> str:
    """The generated section: one table per kind of name, in the checklist's order."""
    delen: list[list[str]] = [
        textwrap.wrap(
            f"Deze namen kent de meegeleverde checklist `{cl.id}` (versie {cl.versie}). Een eigen "
            "checklist kan andere namen hebben; `wijkcheck validate` toetst aan de checklist die "
            "`gemeente.yaml` noemt.",
            width=100,
        ),
        [
            "### Soorten voorzieningen (`soort:`)",
            "",
            *_tabel(
                ["soort", "naam", "laag", "functies"],
                [
                    [f"`{i}`", s.naam, s.laag.value, ", ".join(s.functies)]
                    for i, s in cl.soorten.items()
                ],
            ),
        ],
        [
            "### Functies (`functies:` van een voorziening, `functie:` in een regel)",
            "",
            *_tabel(["functie", "betekenis"], [[f"`{i}`", t] for i, t in cl.functies.items()]),
        ],
        [
            "### Indicatoren (`indicatoren:` en `ondersteuningsvraag:` van een wijk)",
            "",
            *_tabel(
                ["indicator", "naam", "eenheid", "richting"],
                [
                    [f"`{i}`", ind.naam, ind.eenheid, ind.richting.value.replace("_", " ")]
                    for i, ind in cl.indicatoren.items()
                ],
            ),
        ],
        [
            "### Rollen (`capaciteit:` van een wijk, in fte)",
            "",
            *_tabel(["rol", "naam"], [[f"`{i}`", r.naam] for i, r in cl.rollen.items()]),
        ],
        [
            "### Voorwaarden en checklist-items (`oordelen:` van een wijk)",
            "",
            *_tabel(
                ["id", "soort", "titel"],
                [[f"`{i}`", "voorwaarde", o.titel] for i, o in cl.voorwaarden.items()]
                + [[f"`{i}`", "checklist-item", o.titel] for i, o in cl.items.items()],
            ),
        ],
    ]
    return "\n\n".join("\n".join(d) for d in delen) + "\n"


def bijgewerkt(doc: str, cl: Checklist) -> str:
    """`doc` with the text between the markers replaced by the generated section."""
    begin, eind = doc.index(BEGIN) + len(BEGIN), doc.index(EIND)
    return f"{doc[:begin]}\n{markdown(cl)}{doc[eind:]}"


def main(argv: list[str]) -> int:
    (pad,) = argv or ["docs/gegevens.md"]
    path = Path(pad)
    oud = path.read_text(encoding="utf-8")
    nieuw = bijgewerkt(oud, bundled_checklist())
    if nieuw != oud:
        path.write_text(nieuw, encoding="utf-8")
        sys.stderr.write(f"bijgewerkt: {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
