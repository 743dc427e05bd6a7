"""Every bundled wijk audits; the bundled data shows every outcome; reports are honest."""

from __future__ import annotations

import datetime as dt

import pytest

from wijkcheck.checks import integrity
from wijkcheck.core import engine
from wijkcheck.core.results import Uitkomst, verouderd_in
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
