"""Every bundled wijk audits; the bundled data shows every outcome; reports are honest."""

from __future__ import annotations

import datetime as dt

import pytest

from wijkcheck.checks import integrity
from wijkcheck.core import engine
from wijkcheck.core.results import GebruiktGegeven, Resultaat, Uitkomst, verouderd_in
from wijkcheck.sources import store

from .conftest import BUNDLED

DATUM = dt.date(2026, 11, 23)
HEUSDEN = store.load_gemeente(BUNDLED.wijken / "heusden")
CHECKLIST, CHECKLIST_DOC = store.load_checklist(BUNDLED, "heusden")


def test_bundled_data_is_consistent() -> None:
    assert integrity.check_checklist(CHECKLIST, CHECKLIST_DOC) == []
    assert integrity.check_gemeente(CHECKLIST, HEUSDEN) == []


def test_all_nineteen_wijken_are_shipped() -> None:
    namen = {w.naam for w in HEUSDEN.wijken}
    assert len(namen) == 19
    assert {"Vlijmen-Dorp", "Vesting Heusden", "Doeveren", "Centrum-Drunen"} <= namen


@pytest.mark.parametrize("wijk", [w.naam for w in HEUSDEN.wijken])
def test_every_bundled_wijk_audits(wijk: str) -> None:
    w = HEUSDEN.zoek(wijk)
    assert w is not None
    rapport = engine.audit(CHECKLIST, HEUSDEN.gemeente, w.wijk, HEUSDEN.wijken, DATUM)
    assert len(rapport.voorwaarden) == 4
    assert len(rapport.items) >= 12
    assert rapport.voorbeelddata  # the bundled data is example data, and says so


def test_bundled_data_shows_all_three_outcomes_for_conditions() -> None:
    seen = set()
    for w in HEUSDEN.wijken:
        rapport = engine.audit(CHECKLIST, HEUSDEN.gemeente, w, HEUSDEN.wijken, DATUM)
        seen |= {r.uitkomst for r in rapport.voorwaarden}
    assert seen == set(Uitkomst)


def test_village_and_town_differ() -> None:
    doeveren = HEUSDEN.zoek("Doeveren")
    centrum = HEUSDEN.zoek("Centrum-Drunen")
    assert doeveren is not None and centrum is not None
    assert doeveren.wijk.inwoners.waarde < 100 < 1000 < centrum.wijk.inwoners.waarde
    assert len(centrum.wijk.voorzieningen) > len(doeveren.wijk.voorzieningen)


def test_report_names_data_sources_and_policy() -> None:
    w = HEUSDEN.zoek("Vlijmen-Dorp")
    assert w is not None
    rapport = engine.audit(CHECKLIST, HEUSDEN.gemeente, w.wijk, HEUSDEN.wijken, DATUM)
    cohesie = next(r for r in rapport.voorwaarden if r.id == "sociale-cohesie-en-inclusie")
    assert cohesie.beleidsbron is not None
    assert "uitgangspunt 6" in cohesie.beleidsbron.passage.lower()
    assert cohesie.onderdelen and all(d.gegevens for d in cohesie.onderdelen)
    assert rapport.checklist.versie == CHECKLIST.versie


def test_every_public_figure_names_its_source() -> None:
    for b in HEUSDEN.bestanden:
        assert b.wijk.inwoners.bron.strip()
        for v in b.wijk.voorzieningen:
            assert v.bron.strip()


@pytest.mark.parametrize("datum", [DATUM, dt.date(2031, 11, 23)])  # later: figures outdated
def test_audits_of_many_wijken_are_their_audits_one_by_one(datum: dt.date) -> None:
    # `audits` makes what the reports share once; each report is still the wijk's own audit
    wijken = HEUSDEN.wijken
    samen = engine.audits(CHECKLIST, HEUSDEN.gemeente, wijken, wijken, datum, namen=False)
    for w, rapport in zip(wijken, samen, strict=True):
        apart = engine.audit(CHECKLIST, HEUSDEN.gemeente, w, wijken, datum, namen=False)
        assert rapport == apart
        breed = verouderd_in(rapport.gemeentebreed)
        assert rapport.verouderde_cijfers(breed) == apart.verouderde_cijfers()


def _alle(resultaten: list[Resultaat]) -> list[Resultaat]:
    """The results and all their parts."""
    rij = list(resultaten)
    for r in rij:
        rij.extend(r.onderdelen)
    return rij


@pytest.mark.parametrize("datum", [DATUM, dt.date(2031, 11, 23)])  # later: figures outdated
@pytest.mark.parametrize("namen", [True, False])
def test_flags_say_what_the_figures_say(datum: dt.date, namen: bool) -> None:
    # The engine takes a report's flags from its results' flags, without walking every figure
    # again: each result's flags must be exactly what its own figures and its parts' say.
    wijken = HEUSDEN.wijken
    gezien = set()
    for rapport in engine.audits(CHECKLIST, HEUSDEN.gemeente, wijken, wijken, datum, namen=namen):
        eigen = rapport.voorwaarden + rapport.items
        for r in _alle(eigen + rapport.gemeentebreed):
            geldig = r.uitzondering is not None and not r.uitzondering.verlopen
            voorbeeld_besluit = geldig and r.uitzondering is not None and r.uitzondering.voorbeeld
            gegevens = r.alle_gegevens()
            assert r.verouderd == any(g.verouderd for g in gegevens)
            assert r.voorbeeldgegevens == (any(g.voorbeeld for g in gegevens) or voorbeeld_besluit)
            gezien.add((r.verouderd, r.voorbeeldgegevens))
        alle = [*rapport._eigen(), *(g for r in rapport._alle() for g in r.alle_gegevens())]
        assert rapport.verouderde_gegevens == any(g.verouderd for g in alle)
        besluiten = [r.uitzondering for r in eigen + rapport.gemeentebreed if r.uitzondering]
        assert rapport.voorbeelddata == (
            any(g.voorbeeld for g in alle) or any(u.voorbeeld for u in besluiten)
        )
        assert rapport.verouderde_cijfers() == [g for g in _uniek(alle) if g.verouderd]
    # the check saw both sides of each flag
    assert {v for v, _ in gezien} == {False, True}
    assert {v for _, v in gezien} == {False, True}


def _uniek(gegevens: list[GebruiktGegeven]) -> list[GebruiktGegeven]:
    """Each (what, value, source, date) once, the first one seen."""
    gezien: dict[tuple[object, ...], GebruiktGegeven] = {}
    for g in gegevens:
        gezien.setdefault((g.wat, g.waarde, g.bron, g.peildatum), g)
    return list(gezien.values())
