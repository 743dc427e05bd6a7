"""Every YAML example wijkcheck prints (`wijkcheck regels`) or documents (README.md, docs/)
validates with `wijkcheck validate`, in the file it belongs in: a wijk file, gemeente.yaml, or a
rule of a checklist item. A user copies examples; one that fails is a trap.

Examples in the docs start with a comment naming their file (`# in data/wijken/<gemeente>/
<wijk>.yaml`); those of `wijkcheck regels` are a checklist rule (`regel:`) or part of a wijk file.
An example of a municipal checklist (`# in checklists/<gemeente>.yaml`) is a layer on the regional
checklist; the fields it leaves out come from a minimal layer header.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from wijkcheck.core.rules import REGELS
from wijkcheck.reports.explain import regelsoorten

REPO = Path(__file__).parents[1]
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
WIJK, GEMEENTE, REGEL, CHECKLIST, ANDERS = "wijk", "gemeente", "regel", "checklist", "anders"
CONTEXT = {
    "# in data/wijken/<gemeente>/<wijk>.yaml": WIJK,
    "# in data/wijken/<gemeente>/gemeente.yaml": GEMEENTE,
    "# in checklists/<gemeente>.yaml": CHECKLIST,
    "# .pre-commit-config.yaml": ANDERS,  # pre-commit's file, not wijkcheck's
}
DATUM = "2025-06-30"  # after every date in the examples


def _uit_docs() -> list[tuple[str, str, str]]:
    found = []
    for doc in DOCS:
        tekst = doc.read_text(encoding="utf-8")
        for i, blok in enumerate(re.findall(r"```ya?ml\n(.*?)```", tekst, re.S)):
            eerste = blok.splitlines()[0]
            assert eerste in CONTEXT, f"{doc.name}, voorbeeld {i + 1}: welk bestand? {eerste!r}"
            found.append((f"{doc.name}:{i + 1}", CONTEXT[eerste], blok))
        # a figure written inline in the text, as `{waarde: …, bron: …, peildatum: …}`
        for i, span in enumerate(re.findall(r"`(\{waarde:[^`]*\})`", tekst)):
            found.append(
                (f"{doc.name}:cijfer{i + 1}", WIJK, f"inwoners: {' '.join(span.split())}\n")
            )
    return found


def _uit_regels() -> list[tuple[str, str, str]]:
    found = []
    for kind in regelsoorten().regelsoorten:
        for i, alinea in enumerate(kind.alineas):
            if not alinea.voorbeeld:
                continue
            blok = textwrap.dedent(alinea.tekst) + "\n"
            soort = REGEL if list(yaml.safe_load(blok)) == ["regel"] else WIJK
            # the sentence above the example says where it goes, as the test does
            assert ("checklist" if soort == REGEL else "wijk") in kind.alineas[i - 1].tekst, (
                kind.type,
                blok,
            )
            found.append((f"regels:{kind.type}:{i}", soort, blok))
    return found


VOORBEELDEN = _uit_docs() + _uit_regels()


def test_examples_are_found() -> None:
    soorten = [s for _, s, _ in VOORBEELDEN]
    assert soorten.count(REGEL) >= len(REGELS) and soorten.count(GEMEENTE) >= 1
    assert soorten.count(WIJK) >= 6 and "README.md:cijfer1" in {n for n, _, _ in VOORBEELDEN}
    assert soorten.count(CHECKLIST) >= 4  # docs/nieuwe-gemeente.md


def _in_context(root: Path, soort: str, blok: str) -> Path:
    """Put the example where it belongs in a copy of the bundled data; returns that file."""
    if soort == WIJK:
        pad = root / "data" / "wijken" / "heusden" / "herpt.yaml"
        basis = {
            "naam": "naam: Herpt",
            "kern": "kern: Herpt",
            "peildatum": "peildatum: 2025-01-01",
            "inwoners": "inwoners: {waarde: 765, bron: voorbeeld, peildatum: 2025-01-01}",
        }
        eigen = set(yaml.safe_load(blok))
        tekst = "".join(f"{r}\n" for k, r in basis.items() if k not in eigen) + blok
    elif soort == CHECKLIST:
        basis = {
            "id": "id: docvoorbeeld",
            "naam": "naam: Voorbeeld uit de documentatie",
            "versie": 'versie: "1"',
            "uitgever": "uitgever: test",
            "niveau": "niveau: gemeentelijk",
            "status": "status: {status: concept}",
            "extends": "extends: hart-van-brabant",
        }
        eigen = yaml.safe_load(blok)
        pad = root / "checklists" / f"{eigen.get('id', 'docvoorbeeld')}.yaml"
        tekst = "".join(f"{r}\n" for k, r in basis.items() if k not in eigen) + blok
    elif soort == GEMEENTE:
        pad = root / "data" / "wijken" / "heusden" / "gemeente.yaml"
        gemeente = yaml.safe_load(pad.read_text(encoding="utf-8"))
        for key in yaml.safe_load(blok):
            gemeente.pop(key, None)
        tekst = yaml.safe_dump(gemeente, sort_keys=False, allow_unicode=True) + blok
    else:
        pad = root / "checklists" / "hart-van-brabant.yaml"
        checklist = yaml.safe_load(pad.read_text(encoding="utf-8"))
        items = yaml.safe_dump(
            {"items": checklist.pop("items")}, sort_keys=False, allow_unicode=True
        )
        nieuw = (
            "  voorbeeld:\n    titel: Voorbeeld uit de documentatie\n"
            "    beleidsbron: {document: wijkcheck, passage: regels, verband: afgeleid}\n"
            + textwrap.indent(blok, "    ")
        )
        tekst = yaml.safe_dump(checklist, sort_keys=False, allow_unicode=True) + items + nieuw
    pad.write_text(tekst, encoding="utf-8")
    return pad


def _valideer(invoke, data_copy: Path, soort: str, blok: str):
    _in_context(data_copy, soort, blok)
    return invoke(["validate", "--data", str(data_copy), "--datum", DATUM], code=None)


@pytest.mark.parametrize(
    ("soort", "blok"),
    [(s, b) for _, s, b in VOORBEELDEN if s != ANDERS],
    ids=[n for n, s, _ in VOORBEELDEN if s != ANDERS],
)
def test_example_validates(invoke, data_copy: Path, soort: str, blok: str) -> None:
    result = _valideer(invoke, data_copy, soort, blok)
    assert result.exit_code == 0, result.output
    assert "Geen fouten" in result.output


@pytest.mark.parametrize(
    ("soort", "blok"),
    [
        # the example `wijkcheck regels` used to print
        (WIJK, "oordelen: {sociale-cohesie: {oordeel: voldaan, motivering: ..., auteur: ...}}\n"),
        (
            REGEL,
            "regel:\n  type: per_inwoners\n  rollen: [buurtondersteuner]\n"
            "  minimaal_per_1000: 0.4\n  vraagindex: {indicator: wmo-cliënten}\n",
        ),
        (
            GEMEENTE,
            "voorzieningen:\n  - {naam: X, soort: zwembad, bron: x, peildatum: 2025-01-01}\n",
        ),
        # a threshold of an item the regional checklist does not have
        (CHECKLIST, "normen:\n  tandarts.2: {maximaal: 1, norm: {basis: voorbeeldnorm}}\n"),
    ],
    ids=[WIJK, REGEL, GEMEENTE, CHECKLIST],
)
def test_a_broken_example_fails(invoke, data_copy: Path, soort: str, blok: str) -> None:
    assert _valideer(invoke, data_copy, soort, blok).exit_code == 1


def test_regels_prints_every_example_whole_at_80_columns(
    invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    uit = invoke(["regels"]).stdout
    for naam, _, blok in VOORBEELDEN:
        if naam.startswith("regels:"):
            assert textwrap.indent(blok, "    ") in uit, naam  # not wrapped: it can be copied
