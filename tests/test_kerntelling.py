"""The overview's count per kern (`rules.KernTelling`) says what the audit of each wijk says
(issue 12, part 5): on generated gemeenten every result of every wijk has the same outcome,
count, explanation and figures with and without facility names, and the work per wijk does
not grow with the size of its kern."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkcheck.core import engine
from wijkcheck.core.models import Gemeente, Wijk
from wijkcheck.core.rules import FacilityIndex
from wijkcheck.sources import store

from .conftest import BUNDLED

CHECKLIST, _ = store.load_checklist(BUNDLED, "heusden")
#: the soorten the kern rules of the checklist count, and one they do not
SOORTEN = ["huisarts", "apotheek", "supermarkt", "ov-halte", "buurthuis", "dorpshuis", "speeltuin"]
SOORTEN += ["wijk-en-welzijnsteam", "beweegaanbod-ouderen", "burenhulp", "bibliotheek"]
DATUM = dt.date(2026, 6, 1)
PEILDATA = [dt.date(2022, 1, 1), dt.date(2025, 1, 1)]  # outdated and fresh on DATUM


def _figuur(waarde: int) -> dict:
    return {"waarde": waarde, "bron": "voorbeeld", "peildatum": "2025-01-01"}


@st.composite
def gemeenten(draw: st.DrawFn) -> tuple[Gemeente, list[Wijk]]:
    n_kernen = draw(st.integers(1, 3))
    kernen = {f"K{k}": [] for k in range(n_kernen)}
    wijken: list[Wijk] = []
    n = draw(st.integers(1, 12))
    namen = [f"W{i}" for i in range(n)]
    for i, naam in enumerate(namen):
        kern = f"K{draw(st.integers(0, n_kernen - 1))}"
        kernen[kern].append(naam)
        voorzieningen = [
            {
                "naam": f"V{i}-{j}",
                "soort": draw(st.sampled_from(SOORTEN)),
                "toegankelijk": draw(st.sampled_from([True, False, None])),
                "bedient": draw(st.lists(st.sampled_from(namen), max_size=2, unique=True)),
                "bron": "voorbeeld",
                "peildatum": draw(st.sampled_from(PEILDATA)),
            }
            for j in range(draw(st.integers(0, 6)))
        ]
        velden = {"naam": naam, "kern": kern, "peildatum": "2025-01-01"}
        velden["inwoners"] = _figuur(draw(st.integers(100, 5000)))
        if draw(st.integers(0, 9)):  # now and then a wijk that recorded none
            velden["voorzieningen"] = voorzieningen
        wijken.append(Wijk.model_validate(velden))
    eigen = [
        {
            "naam": f"G{j}",
            "soort": draw(st.sampled_from(SOORTEN)),
            "kern": draw(st.sampled_from([None, *kernen])),
            "toegankelijk": draw(st.sampled_from([True, None])),
            "bedient": draw(st.lists(st.sampled_from(namen), max_size=2, unique=True)),
            "bron": "voorbeeld",
            "peildatum": draw(st.sampled_from(PEILDATA)),
        }
        for j in range(draw(st.integers(0, 4)))
    ]
    gemeente = Gemeente.model_validate(
        {
            "naam": "Proef",
            "cbs_code": "GM9999",
            "kernen": {k: ws for k, ws in kernen.items() if ws},
            "voorzieningen": eigen,
        }
    )
    return gemeente, wijken


def _zonder_namen(r) -> dict:
    """A result as the overview uses it: everything but the facility names."""
    d = r.model_dump(exclude={"gemeten", "voorzieningen", "onderdelen"})
    d["onderdelen"] = [_zonder_namen(o) for o in r.onderdelen]
    return d


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gemeenten())
def test_the_kern_count_says_what_the_audit_says(gegeven: tuple[Gemeente, list[Wijk]]) -> None:
    gemeente, wijken = gegeven
    facility_index = FacilityIndex(gemeente, wijken, CHECKLIST.soorten)
    eens = engine.gemeentebreed(CHECKLIST, gemeente, wijken, DATUM, facility_index)
    for w in wijken:
        met = engine.audit(CHECKLIST, gemeente, w, wijken, DATUM)
        zonder = engine.audit(
            CHECKLIST, gemeente, w, wijken, DATUM, facility_index, eens, namen=False
        )
        for a, b in zip(
            met.voorwaarden + met.items, zonder.voorwaarden + zonder.items, strict=True
        ):
            assert _zonder_namen(a) == _zonder_namen(b), (w.naam, a.id)
            assert a.gemeten_getal == b.gemeten_getal
        assert met.samenvatting_items == zonder.samenvatting_items
        # what the shared index remembered from other wijken (`RegelBasis.shared_key`, figures
        # made once) is what a fresh index makes for this wijk alone
        assert zonder == engine.audit(CHECKLIST, gemeente, w, wijken, DATUM, namen=False)


def _kern(n: int) -> tuple[Gemeente, list[Wijk]]:
    namen = [f"W{i}" for i in range(n)]
    wijken = [
        Wijk.model_validate(
            {
                "naam": naam,
                "kern": "Groot",
                "peildatum": "2025-01-01",
                "inwoners": _figuur(2000),
                "voorzieningen": [
                    {
                        "naam": f"{soort} {naam}",
                        "soort": soort,
                        "toegankelijk": True,
                        "bron": "voorbeeld",
                        "peildatum": "2025-01-01",
                    }
                    for soort in SOORTEN[i % 3 :: 3]
                ],
            }
        )
        for i, naam in enumerate(namen)
    ]
    gemeente = Gemeente.model_validate(
        {"naam": "Groot", "cbs_code": "GM9999", "kernen": {"Groot": namen}}
    )
    return gemeente, wijken


def _aanroepen_per_wijk(n: int) -> float:
    """Python function calls a wijk costs in the overview of one kern of `n` wijken: a count,
    not a time, so that the test says the same on a busy machine."""
    import cProfile
    import pstats

    from wijkcheck.reports.overview import deel

    gemeente, wijken = _kern(n)
    deel(CHECKLIST, gemeente, wijken, DATUM)  # validators are built on first use
    profiel = cProfile.Profile()
    profiel.runcall(deel, CHECKLIST, gemeente, wijken, DATUM)
    return pstats.Stats(profiel).total_calls / n  # type: ignore[attr-defined]


def test_a_wijk_costs_the_same_in_a_kern_ten_times_larger() -> None:
    klein, groot = _aanroepen_per_wijk(100), _aanroepen_per_wijk(1000)
    # work that grows with the kern would make a wijk about ten times dearer
    assert groot < 1.2 * klein, (klein, groot)
