"""VasteTabel draws exactly what rich's Table draws: the overview matrix of one and of two
gemeenten at every width, with and without colour, with ASCII borders, and tables where the
shortcut does not apply."""

from __future__ import annotations

import datetime as dt
import io
import shutil

import pytest
from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from wijkcheck.formatters import renderable
from wijkcheck.formatters.report.common import schoon
from wijkcheck.formatters.report.fasttable import VasteTabel, _rijen
from wijkcheck.reports import batch
from wijkcheck.sources import dataroot

KLEUREN = [None, "standard", "256", "truecolor"]


def teken(renderable, breedte: int, kleur: str | None, *, ascii: bool = False) -> str:
    if ascii:
        bestand = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="replace")
    else:
        bestand = io.StringIO()
    console = Console(
        file=bestand,
        width=breedte,
        color_system=kleur,
        force_terminal=kleur is not None,
        highlight=False,
        markup=False,
        emoji=False,
    )
    with console.capture() as scherm:
        console.print(renderable)
    return scherm.get()


def met_rich(groep: Group) -> Group:
    """The same view with every VasteTabel replaced by rich's Table with all rows."""
    return Group(*(r.volledig() if isinstance(r, VasteTabel) else r for r in groep.renderables))


def overzicht(root: dataroot.DataRoot):
    mappen = root.gemeente_mappen()
    return schoon(batch.overzicht(root, mappen, dt.date(2026, 1, 1)))


@pytest.fixture(scope="module")
def een() -> object:
    return overzicht(dataroot.bundled_root())


@pytest.fixture(scope="module")
def twee(tmp_path_factory) -> object:
    """Heusden and a copy named Vught: a Gemeente column, or gemeente rows where it is narrow."""
    meegeleverd = dataroot.bundled_root()
    kopie = tmp_path_factory.mktemp("twee")
    assert meegeleverd.basis is not None and meegeleverd.checklists is not None
    shutil.copytree(meegeleverd.basis / "data", kopie / "data")
    shutil.copytree(meegeleverd.checklists, kopie / "checklists")
    wijken = kopie / "data" / "wijken"
    shutil.copytree(wijken / "heusden", wijken / "vught")
    g = wijken / "vught" / "gemeente.yaml"
    tekst = g.read_text(encoding="utf-8").replace("naam: Heusden\n", "naam: Vught\n")
    g.write_text(tekst.replace("cbs_code: GM0797", "cbs_code: GM0865"), "utf-8")  # its own
    root = dataroot.DataRoot(wijken, kopie / "checklists", "kopie", kopie)
    return overzicht(root)


@pytest.mark.parametrize("kleur", KLEUREN)
@pytest.mark.parametrize("welke", ["een", "twee"])
def test_matrix_is_drawn_as_rich_draws_it(request, welke: str, kleur: str | None) -> None:
    ov = request.getfixturevalue(welke)
    snel_gebruikt = 0
    for breedte in range(40, 241, 8):
        groep = renderable(ov, breedte)
        assert teken(groep, breedte, kleur) == teken(met_rich(groep), breedte, kleur), breedte
        tabel = next(r for r in groep.renderables if isinstance(r, VasteTabel))
        console = Console(width=breedte, file=io.StringIO())
        snel_gebruikt += _rijen(tabel.kop(), tabel.secties, console, console.options) is not None
    assert snel_gebruikt >= 15  # the shortcut is taken wherever the matrix fits


def test_ascii_borders(een) -> None:
    groep = renderable(een, 160)
    getekend = teken(groep, 160, None, ascii=True)
    assert getekend == teken(met_rich(groep), 160, None, ascii=True)
    assert "+" in getekend and "━" not in getekend


def _tabel(**opties) -> Table:
    table = Table(title="Proef", pad_edge=False, header_style="bold", **opties)
    table.add_column("Naam", width=12, no_wrap=True)
    table.add_column("Uitkomst", width=10)
    table.add_column("Aantal", width=6, justify="right")
    return table


RIJEN = [
    ["Vlijmen-Dorp", Text("✔ voldaan", style="bold green"), "3"],
    ["Nieuwkuijk", Text("✘ niet", style="bold red"), "12"],
    ["Vlijmen-Dorp", Text("✔ voldaan", style="bold green"), "3"],
]


@pytest.mark.parametrize(
    "rijen, snel",
    [
        (RIJEN, True),
        ([["a", Text("b", spans=[]), ""], ["é", Text.assemble(("x", "red"), "y"), "1"]], True),
        ([["Lang", "een zin die niet op één regel past", "1"]], False),  # wraps: rich draws
        ([["Twee\nregels", "x", "1"]], False),
        ([["te veel", "kolommen", "1", "2"]], False),  # rich adds a column
        ([["te weinig"]], False),
    ],
)
def test_any_table_equals_rich(rijen, snel: bool) -> None:
    vast = VasteTabel(_tabel, [rijen, rijen[:1]])
    console = Console(width=60, file=io.StringIO())
    assert (_rijen(vast.kop(), vast.secties, console, console.options) is not None) == snel
    for kleur in KLEUREN:
        assert teken(vast, 60, kleur) == teken(vast.volledig(), 60, kleur)


@pytest.mark.parametrize("soort", [box.SIMPLE, box.ROUNDED, box.ASCII2, box.MINIMAL])
def test_other_boxes_equal_rich(soort) -> None:
    def kop() -> Table:
        return _tabel(box=soort, border_style="blue", style="on grey11")

    vast = VasteTabel(kop, [RIJEN, RIJEN[:1]])
    console = Console(width=60, file=io.StringIO())
    assert _rijen(vast.kop(), vast.secties, console, console.options) is not None
    for kleur in KLEUREN:
        assert teken(vast, 60, kleur) == teken(vast.volledig(), 60, kleur)


def test_too_narrow_or_unfixed_columns_fall_back_to_rich() -> None:
    vast = VasteTabel(_tabel, [RIJEN])
    assert teken(vast, 20, None) == teken(vast.volledig(), 20, None)

    def vrij() -> Table:
        table = _tabel()
        table.columns[0].width = None
        return table

    vrij_vast = VasteTabel(vrij, [RIJEN])
    console = Console(width=80, file=io.StringIO())
    assert _rijen(vrij(), [RIJEN], console, console.options) is None
    assert teken(vrij_vast, 80, "truecolor") == teken(vrij_vast.volledig(), 80, "truecolor")
