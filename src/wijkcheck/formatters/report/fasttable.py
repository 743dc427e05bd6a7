"""A rich table of thousands of rows with fixed column widths, drawn as rich draws it, faster.

rich lays out every cell of a `Table` on its own (padding, wrapping, shaping: about 50 µs a
cell), which makes the overview matrix of 14,500 wijken take seconds to draw. In a matrix most
cells repeat ("✔ voldaan" thousands of times), so `VasteTabel` lets rich render each *distinct*
cell once, with the very calls `Table` makes, and puts the rows together from those pieces and
the table's own box characters. Title, header and borders are rich's own rendering of the same
table without rows.

The output is the same as rich's `Table`, byte for byte (tests/test_fasttable.py compares them
over widths, colour systems and data sets, so a rich release that draws tables differently fails
there). Where the shortcut does not apply (a column without a fixed width, a cell that takes
more than one line, a table wider than the space it gets, table options we do not use), the
rows go into the `Table` and rich draws it all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

Cel = str | Text


class VasteTabel:
    """`kop()` makes the table with its columns and no rows; `secties` are groups of rows, with a
    line between them (`Table.add_section`)."""

    def __init__(self, kop: Callable[[], Table], secties: Sequence[Sequence[Sequence[Cel]]]):
        self.kop = kop
        self.secties = secties

    def volledig(self, table: Table | None = None) -> Table:
        """The same table with all rows (added to `table`, a fresh `kop()`), for rich to draw."""
        table = self.kop() if table is None else table
        for sectie in self.secties:
            for rij in sectie:
                table.add_row(*rij)
            table.add_section()
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.kop()
        regels = _rijen(table, self.secties, console, options)
        if regels is None:
            yield self.volledig(table)
            return
        # rich's drawing of the table without rows: title, top edge, header, the line under the
        # header, bottom edge. The rows go in before the bottom edge.
        kop = list(Segment.split_lines(console.render(table, options)))
        for regel in kop[:-1]:
            yield from regel
            yield Segment.line()
        yield from regels
        yield from kop[-1]
        yield Segment.line()


def _rijen(
    table: Table,
    secties: Sequence[Sequence[Sequence[Cel]]],
    console: Console,
    options: ConsoleOptions,
) -> list[Segment] | None:
    """The segments of the rows as `Table._render` yields them, or None where the shortcut does
    not apply."""
    kolommen = table.columns
    if not (
        table.box
        and table.show_header
        and table.show_edge
        and not table.show_footer
        and not table.show_lines
        and not table.leading
        and not table.row_styles
        and not table.collapse_padding
        and not table.expand
        and table.width is None
        and table.min_width is None
        and table.padding[0] == table.padding[2] == 0
        and kolommen
        and all(k.width is not None and not k.ratio for k in kolommen)
    ):
        return None
    _, rechts, _, links = table.padding
    opvulling = [
        (
            0 if i == 0 and not table.pad_edge else links,
            0 if i == len(kolommen) - 1 and not table.pad_edge else rechts,
        )
        for i in range(len(kolommen))
    ]
    # as Table._calculate_column_widths: the fixed width plus padding, at least 1
    breedtes = [
        max(1, (k.width or 0) + lp + rp) for k, (lp, rp) in zip(kolommen, opvulling, strict=True)
    ]
    tabelbreedte = sum(breedtes) + table._extra_width
    if tabelbreedte > options.max_width:
        return None
    opties = options.update(width=tabelbreedte, highlight=table.highlight, height=None)
    safe = table.safe_box if table.safe_box is not None else console.safe_box
    box = table.box.substitute(opties, safe=safe)
    randstijl = console.get_style(table.style or "") + console.get_style(table.border_style or "")
    midden = _rand(box.mid_left, box.mid_right, box.mid_vertical, randstijl)
    voet = _rand(box.foot_left, box.foot_right, box.foot_vertical, randstijl)
    per_kolom = [
        (
            opties.update(
                width=breedte,
                justify=k.justify,
                no_wrap=k.no_wrap,
                overflow=k.overflow,
                height=None,
                highlight=k.highlight,
            ),
            console.get_style(k.style or ""),
            (0, rp, 0, lp),
        )
        for k, breedte, (lp, rp) in zip(kolommen, breedtes, opvulling, strict=True)
    ]
    cache: dict[tuple, list[Segment]] = {}

    def cel(i: int, waarde: Cel) -> list[Segment] | None:
        sleutel = _sleutel(i, waarde)
        regel = cache.get(sleutel)
        if regel is None:
            render_opties, stijl, padding = per_kolom[i]
            inhoud = Padding(waarde, padding) if any(table.padding) else waarde
            lines = console.render_lines(inhoud, render_opties, style=stijl)
            if len(lines) != 1:
                return None
            regel = cache[sleutel] = Segment.set_shape(lines, render_opties.max_width, 1)[0]
        return regel

    uit: list[Segment] = []
    rijen = [(rij, s) for s, sectie in enumerate(secties) for rij in sectie]
    for n, (rij, s) in enumerate(rijen):
        if len(rij) != len(kolommen):
            return None
        laatste = n == len(rijen) - 1
        links_, rechts_, scheiding = voet if laatste else midden
        uit.append(links_)
        for i, waarde in enumerate(rij):
            stukken = cel(i, waarde)
            if stukken is None:
                return None
            if i:
                uit.append(scheiding)
            uit.extend(stukken)
        uit.append(rechts_)
        uit.append(Segment.line())
        if not laatste and rijen[n + 1][1] != s:
            uit.append(Segment(box.get_row(breedtes, "row", edge=True), randstijl))
            uit.append(Segment.line())
    return uit


def _rand(links: str, rechts: str, scheiding: str, stijl: Style) -> tuple[Segment, ...]:
    # Table._render adds the row's background to a whitespace divider; rows here have no style
    return Segment(links, stijl), Segment(rechts, stijl), Segment(scheiding, stijl)


def _sleutel(i: int, waarde: Cel) -> tuple:
    if isinstance(waarde, Text):
        return (
            i,
            waarde.plain,
            waarde.style,
            tuple(waarde.spans),
            waarde.justify,
            waarde.overflow,
            waarde.no_wrap,
            waarde.tab_size,
        )
    return i, waarde
