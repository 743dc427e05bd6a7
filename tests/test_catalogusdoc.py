"""docs/gegevens.md lists the names of the bundled checklist, and is up to date."""

from __future__ import annotations

from pathlib import Path

from wijkcheck.reports import catalogue_doc as catalogusdoc

DOC = Path(__file__).parents[1] / "docs" / "gegevens.md"


def test_gegevens_md_lists_the_names_of_the_bundled_checklist() -> None:
    doc = DOC.read_text(encoding="utf-8")
    cl = catalogusdoc.bundled_checklist()
    assert catalogusdoc.bijgewerkt(doc, cl) == doc, (
        "docs/gegevens.md is verouderd: python -m wijkcheck.reports.catalogue_doc docs/gegevens.md"
    )
    for ids in (cl.soorten, cl.functies, cl.indicatoren, cl.rollen, cl.onderwerpen()):
        assert ids and all(f"| `{i}` |" in doc for i in ids)


def test_a_change_in_the_checklist_makes_the_doc_out_of_date() -> None:
    doc = DOC.read_text(encoding="utf-8")
    cl = catalogusdoc.bundled_checklist()
    rollen = {**cl.rollen, "buurtsportcoach": next(iter(cl.rollen.values()))}
    anders = cl.model_copy(update={"rollen": rollen})
    assert "| `buurtsportcoach` |" in catalogusdoc.bijgewerkt(doc, anders) != doc


def test_main_rewrites_only_the_generated_section(tmp_path: Path) -> None:
    pad = tmp_path / "gegevens.md"
    oud = f"# Kop\n\n{catalogusdoc.BEGIN}\nOUDE TEKST\n{catalogusdoc.EIND}\nstaart\n"
    pad.write_text(oud, encoding="utf-8")
    assert catalogusdoc.main([str(pad)]) == 0
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.startswith(f"# Kop\n\n{catalogusdoc.BEGIN}\nDeze namen kent")
    assert "OUDE TEKST" not in tekst and tekst.endswith(f"{catalogusdoc.EIND}\nstaart\n")
