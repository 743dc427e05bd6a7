"""Rich renderables for the terminal. Colour is decoration only: symbols and words carry meaning,
so output stays readable with NO_COLOR, in pipes and at 80 columns."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from wijkcheck.core.names import zichtbaar as z
from wijkcheck.core.ordering import Sortering
from wijkcheck.core.results import Rapport, Uitkomst
from wijkcheck.formatters.report import common
from wijkcheck.formatters.report.fasttable import VasteTabel

if TYPE_CHECKING:  # types only: a command loads the report modules it needs (start-up)
    from wijkcheck.reports.compare import OverzichtSinds, Vergelijking
    from wijkcheck.reports.explain import Onderwerpen, Regelsoorten, Uitleg
    from wijkcheck.reports.goede_voorbeelden import GoedeVoorbeelden
    from wijkcheck.reports.overview import Overzicht
    from wijkcheck.reports.sociale_kaart import SocialeKaart
    from wijkcheck.reports.wijken import Wijkenlijst

STIJL = {
    Uitkomst.VOLDAAN: "bold green",
    Uitkomst.NIET_VOLDAAN: "bold red",
    Uitkomst.ONBEKEND: "bold yellow",
    Uitkomst.UITZONDERING: "bold blue",
}


def uitkomst(u: Uitkomst, tekst: str | None = None) -> Text:
    """The outcome in its style; `tekst` says more than its name (an exception's end)."""
    return Text(tekst or f"{u.symbool} {u.value}", style=STIJL[u])


def _langste_woord(teksten) -> int:
    return max([cell_len(w) for t in teksten for w in t.split()] + [1])


def _langste_regel(teksten) -> int:
    return max([cell_len(r) for t in teksten for r in t.splitlines()] + [1])


def _inspringen(niveau: int) -> int:
    return 2 * niveau  # "· " before a part of a composite rule, "  · " before a part's part


def _onderwerp(rij: common.Rij, refs: str, met_uitkomst: bool) -> RenderableType:
    """The subject cell: its title, the outcome when the table has no column for it, and the
    sources when it has none for those. A part's lines hang under its text, not its bullet."""
    tekst = Text(rij.titel, style="" if rij.niveau else "bold")
    if met_uitkomst:
        tekst.append("\n")
        tekst.append_text(uitkomst(rij.uitkomst, rij.uitkomst_tekst))
    if refs:
        tekst.append(f"\nbron {refs}", style="dim")
    if not rij.niveau:
        return tekst
    grid = Table.grid(padding=0)
    grid.add_column(width=_inspringen(rij.niveau), no_wrap=True)
    grid.add_column(overflow="fold")  # on a terminal too narrow for a word: folded, not "…"
    grid.add_row("  " * (rij.niveau - 1) + "·", tekst)
    return grid


def _onder_breed(rij: common.Rij) -> int:
    """The width the outcome needs under the subject: all of it, but an exception's longer
    words may wrap ("§ uitzondering tot" / "31-12-2027")."""
    if not rij.label:
        return cell_len(rij.uitkomst_tekst)
    return max(len("§ uitzondering"), _langste_woord([rij.label]))


class _Opmaak(NamedTuple):
    """How an audit table is laid out at a given width."""

    uitkomst_kolom: bool  # else the outcome stands under the subject
    bron_kolom: bool  # else the sources stand under the subject
    breedtes: list[int]  # Onderwerp, [Uitkomst,] Gemeten, Vereist, [Bron]
    #: False on a terminal too narrow for every longest word: rich narrows the columns further
    past: bool = True


def _audit_opmaak(rijen: list[common.Rij], breedte: int) -> _Opmaak:
    """The richest layout of the audit tables in which no word is cut: with columns for the
    outcome and the sources when there is room (110 columns), the outcome in a column of its
    own if every column still gets its longest word, else under the subject. One layout for
    both tables of an audit, so that their columns line up."""
    refs = [", ".join(map(str, r.bronnen)) for r in rijen]
    inspring = [_inspringen(r.niveau) for r in rijen]
    uitkomsten = [r.uitkomst_tekst for r in rijen]
    gemeten = [r.gemeten_vol for r in rijen] + [r.toelichting for r in rijen] + ["Gemeten"]
    vereist = [r.vereist_vol for r in rijen] + ["Vereist"]
    gemeten_let_op = [_let_op_kern(r.gemeten_let_op) for r in rijen]
    # a sign in the prose below (an exception's text) keeps its word as well (`_proza`)
    gemeten_let_op.append(_langste_paar([r.toelichting for r in rijen]))
    vereist_let_op = [_let_op_kern(r.vereist_let_op) for r in rijen]
    kop = len("Onderwerp")
    titel_min = max([i + _langste_woord([r.titel]) for i, r in zip(inspring, rijen, strict=True)])
    titel_wens = max([i + cell_len(r.titel) for i, r in zip(inspring, rijen, strict=True)])
    onder_min = [
        max([i + 5 + cell_len(ref) for i, ref in zip(inspring, refs, strict=True)]),  # bron ...
        max([i + _onder_breed(r) for i, r in zip(inspring, rijen, strict=True)]),
    ]
    uitkomst_w = max([len("Uitkomst"), *map(cell_len, uitkomsten)])
    bron_w = max([len("Bron"), *map(cell_len, refs)])
    opties = [(True, True)] if breedte >= 110 else []
    opties += [(True, False), (False, False)]
    for n, (uit, bron) in enumerate(opties):
        minimum_onderwerp = max(kop, titel_min, *onder_min[: 2 - uit - bron])
        minimum = [
            minimum_onderwerp,
            max(_langste_woord(gemeten), *gemeten_let_op),
            max(_langste_woord(vereist), *vereist_let_op),
        ]
        wens = [
            max(titel_wens, minimum_onderwerp),
            _langste_regel(gemeten),
            _langste_regel(vereist),
        ]
        vast = [uitkomst_w] * uit + [bron_w] * bron
        ruimte = breedte - _tabelbreedte([0] * (3 + len(vast))) - sum(vast)
        if (past := sum(minimum) <= ruimte) or n == len(opties) - 1:
            w = common.column_widths(minimum, wens, [3, 4, 3], ruimte)
            return _Opmaak(uit, bron, [w[0], *vast[:uit], w[1], w[2], *vast[uit:]], past)
    raise AssertionError("unreachable")


def _let_op_kern(let_op: str) -> int:
    """The width a warning needs so that '⚠' and its first word share a line (0: none)."""
    eerste, komma, _ = let_op.partition(",")  # "⚠ voorbeeldgegevens," / "verouderd"
    return cell_len(eerste + komma)


def _met_let_op(tekst: str, let_op: str, breedte: int | None) -> Text:
    """A cell and its warning: on one line when both fit the column (`breedte`, None when
    rich narrows the columns further), else the warning on a line of its own, which the
    column's minimum width holds: a line never ends in a '⚠' whose word is on the next."""
    if not let_op:
        return Text(tekst)
    let_op = let_op.replace(common.HEEL, " ")  # rich wraps at any space: kept together here
    samen = f"{tekst} {let_op}"
    if breedte is not None and "\n" not in tekst and cell_len(samen) <= breedte:
        return Text(samen)
    return Text(f"{tekst}\n{let_op}")


def _proza(tekst: str, breedte: int | None) -> str:
    """Prose (a notice, an exception's text) broken into lines of at most `breedte` cells
    where a warning keeps its word: 'beoordeeld ⚠ voorbeeldgegevens' never ends a line in
    '⚠'. rich breaks lines at any space, the no-break space included, so the lines are made
    here (textwrap breaks only at ASCII whitespace) and rich finds that each one fits.
    Without a width (a layout rich narrows further), or in a paragraph with a character wider
    than one cell, the text is left to rich, which then may part the two."""
    gebonden = common.bind_signs(tekst)
    if breedte is None or breedte < 1:
        return gebonden.replace(common.HEEL, " ")
    regels = []
    for alinea in gebonden.split("\n"):
        if cell_len(alinea) != len(alinea):  # a wide character: textwrap counts characters
            regels.append(alinea)
            continue
        kort = textwrap.wrap(alinea, breedte, break_long_words=False, break_on_hyphens=False)
        regels += kort or [""]
    return "\n".join(regels).replace(common.HEEL, " ")


def _langste_paar(teksten: list[str]) -> int:
    """The widest sign with its word ('⚠ voorbeeldgegevens.', '✔ voldaan;') in `teksten`: a
    column of prose that `_proza` breaks is at least this wide (0: none)."""
    return max(
        [
            cell_len(w)
            for t in teksten
            if t
            for w in common.woorden(common.bind_signs(t))
            if common.HEEL in w
        ]
        + [0]
    )


def _melding(melding: str, breedte: int) -> Panel:
    """A notice above the tables, in a yellow frame as wide as the terminal."""
    # the frame and its padding take two columns on each side
    return Panel(Text(_proza("⚠ " + melding, breedte - 4)), border_style="yellow", expand=True)


def _tabel(titel: str, rijen: list[common.Rij], opmaak: _Opmaak) -> Table:
    table = Table(title=titel, title_justify="left", title_style="bold", header_style="bold")
    # Every column is at least as wide as its longest word (`column_widths`), so rich wraps
    # and never cuts; only on a terminal too narrow for even that does a long word fold
    # (nothing is lost).
    breedtes = iter(opmaak.breedtes)
    table.add_column("Onderwerp", width=next(breedtes), overflow="fold")
    if opmaak.uitkomst_kolom:
        table.add_column("Uitkomst", width=next(breedtes), no_wrap=True)
    table.add_column("Gemeten", width=(gemeten_w := next(breedtes)), overflow="fold")
    table.add_column("Vereist", width=(vereist_w := next(breedtes)), overflow="fold")
    if opmaak.bron_kolom:
        table.add_column("Bron", width=next(breedtes), overflow="fold")
    for rij in rijen:
        refs = ", ".join(str(n) for n in rij.bronnen)
        gemeten = _met_let_op(rij.gemeten, rij.gemeten_let_op, gemeten_w if opmaak.past else None)
        if rij.toelichting:
            toelichting = _proza(rij.toelichting, gemeten_w if opmaak.past else None)
            gemeten.append("\n" + toelichting, style="dim")
        cells: list[RenderableType] = [
            _onderwerp(rij, "" if opmaak.bron_kolom else refs, not opmaak.uitkomst_kolom)
        ]
        if opmaak.uitkomst_kolom:
            cells.append(uitkomst(rij.uitkomst, rij.uitkomst_tekst))
        vereist = _met_let_op(rij.vereist, rij.vereist_let_op, vereist_w if opmaak.past else None)
        cells += [gemeten, vereist]
        table.add_row(*cells, *([refs] if opmaak.bron_kolom else []))
    return table


def _begin(
    result: Rapport | Overzicht | SocialeKaart | GoedeVoorbeelden,
    feiten: list[tuple[str, str]],
    breedte: int,
):
    parts: list[RenderableType] = [Text(common.titel(result), style="bold underline")]
    header = Table.grid(padding=(0, 1))
    header.add_column(style="bold")
    header.add_column()
    for label, value in feiten:
        header.add_row(label, value)
    parts.append(header)
    for melding in common.meldingen(result):
        parts.append(_melding(melding, breedte))
    # a memo opens with its conclusion; the tables below are the evidence
    parts.append(Text(_proza("\n".join(common.conclusie(result)), breedte), style="bold"))
    return parts


def audit(rapport: Rapport, breedte: int = 100) -> RenderableType:
    view = common.memo_view(rapport)
    parts = _begin(rapport, common.kop(rapport), breedte)
    opmaak = _audit_opmaak(view.rijen, breedte)
    parts += [_tabel(sectie.titel, sectie.rijen, opmaak) for sectie in view.secties]
    parts.append(_bronnen(view.bronnen, breedte))
    return Group(*parts)


_KORT = {
    Uitkomst.VOLDAAN: "voldaan",
    Uitkomst.NIET_VOLDAAN: "niet",
    Uitkomst.ONBEKEND: "onbekend",
    Uitkomst.UITZONDERING: "uitz.",
}


class _Matrix(NamedTuple):
    """How the overview matrix is laid out at a given width."""

    gemeente_kolom: bool  # else a row with the gemeente's name heads its wijken
    kern: str  # "kolom"; "rijen": a row with the kern's name heads its wijken; "geen"
    titels: bool  # full condition titles; else V1 … Vn with a legend
    kort: bool  # "✘ niet" for "✘ niet voldaan"
    breedtes: tuple[int, ...]

    @property
    def breedte(self) -> int:
        return _tabelbreedte(list(self.breedtes))


def _matrix_opmaak(ov: Overzicht, breedte: int) -> _Matrix:
    """The richest layout of the matrix that fits: a Kern column with the full condition titles,
    then with 'niet' for 'niet voldaan', then numbered conditions (V1 …, legend below); only
    then the kern as a row above its wijken (per kern) instead of a column. With several
    gemeenten a Gemeente column where it fits, else the gemeente as a row above its wijken.
    Every column gets its longest word."""
    n = len(ov.voorwaarden)
    meer = ov.meerdere_gemeenten
    per_kern = ov.sortering is Sortering.KERN
    namen = [len(r.wijk) for r in ov.rijen]
    kernen = [len(r.kern) for r in ov.rijen]
    gemeenten = [len(g) for g in ov.gemeenten]
    woord = [max(len(w) for w in k.titel.split()) for k in ov.voorwaarden]
    opties = [
        (g, k, t, kort)
        for k in ("kolom", "rijen" if per_kern else "geen")
        for t, kort in ((True, False), (True, True), (False, False), (False, True))
        for g in ((True, False) if meer else (False,))
        if not (t and k != "kolom")
    ]
    laatste = None
    for gemeente_kolom, kern, titels, kort in opties:
        cel = len("✘ niet" if kort else "✘ niet voldaan")
        cel = max(cel, len("? onbekend"))
        eerste = [len("Totaal"), cel]  # the totals: "Totaal", then a row per outcome
        breedtes = []
        if gemeente_kolom:
            breedtes.append(max([len("Gemeente"), *gemeenten, *eerste]))
            eerste = []
        elif meer:
            eerste += gemeenten
        if kern == "rijen":
            eerste += kernen
        breedtes.append(max([len("Wijk"), *namen, *eerste]))
        if kern == "kolom":
            breedtes.append(max([len("Kern"), *kernen]))
        breedtes += [max(w, cel) for w in woord] if titels else [max(2, cel)] * n
        scores = [_score(r.score, titels) for r in ov.rijen]
        breedtes.append(max([len("Checklist" if titels else "Items"), *map(cell_len, scores)]))
        laatste = _Matrix(gemeente_kolom, kern, titels, kort, tuple(breedtes))
        if laatste.breedte <= breedte:
            return laatste
    assert laatste is not None
    return laatste


def overzicht(ov: Overzicht, breedte: int = 100) -> RenderableType:
    """The matrix (`_matrix_opmaak` chooses its layout). Symbols and words carry the meaning,
    colour only helps."""
    parts = _begin(ov, common.overzicht_kop(ov), breedte)
    view = common.overzicht_view(ov)
    n = len(ov.voorwaarden)
    m = _matrix_opmaak(ov, breedte)
    koppen = [
        *(["Gemeente"] if m.gemeente_kolom else []),
        "Wijk",
        *(["Kern"] if m.kern == "kolom" else []),
        *(k.titel if m.titels else f"V{i}" for i, k in enumerate(ov.voorwaarden, 1)),
        "Checklist" if m.titels else "Items",
    ]
    breed = len(koppen)
    rijen: list[list[str | Text]] = []
    vorige_gemeente = vorige_kern = None
    # one Text per outcome, shared by every row (neither rich nor VasteTabel changes a cell)
    cel = {u: Text(f"{u.symbool} {_KORT[u] if m.kort else u.value}", STIJL[u]) for u in Uitkomst}
    leeg = [""] * (breed - 1)
    for r, uitkomsten in zip(ov.rijen, view.uitkomsten, strict=True):
        if ov.meerdere_gemeenten and not m.gemeente_kolom and r.gemeente != vorige_gemeente:
            rijen.append([Text(r.gemeente, style="bold underline"), *leeg])
            vorige_gemeente, vorige_kern = r.gemeente, None
        if m.kern == "rijen" and r.kern != vorige_kern:
            rijen.append([Text(r.kern, style="bold italic"), *leeg])
            vorige_kern = r.kern
        score = _score(r.score, m.titels)
        rijen.append(
            [
                *([r.gemeente] if m.gemeente_kolom else []),
                r.wijk,
                *([r.kern] if m.kern == "kolom" else []),
                *(cel[u] for u in uitkomsten),
                score,
            ]
        )
    # the totals: a row "Totaal", then per outcome its label in the first column
    voor = breed - 1 - n
    totalen: list[list[str | Text]] = [[Text("Totaal", style="bold"), *leeg]]
    for totaal, u in zip(view.totalen, view.totaal_uitkomsten, strict=True):
        label = f"{u.symbool} {_KORT[u] if m.kort else u.value}"
        totalen.append([label, *[""] * (voor - 1), *totaal[view.voor : -1], ""])
    titelkolommen = range(voor, voor + n)

    def kop() -> Table:
        table = Table(
            title="Voorwaarden en checklist per wijk",
            title_justify="left",
            title_style="bold",
            header_style="bold",
            show_footer=False,
        )
        past = m.breedte <= breedte
        for c, kolomkop in enumerate(koppen):
            table.add_column(
                kolomkop,
                # the condition titles wrap in the header, at their longest word; on a
                # terminal too narrow for the narrowest layout every cell wraps (and a word
                # folds) rather than end in "…"
                no_wrap=past and not (m.titels and c in titelkolommen),
                overflow="fold",
                width=m.breedtes[c] if past else None,
                justify="right" if c == breed - 1 else "left",
            )
        return table

    # thousands of rows: rich renders each distinct cell once (same output; fasttable.py)
    parts.append(VasteTabel(kop, [rijen, totalen]))
    legenda = Text()
    if not m.titels:
        for i, k in enumerate(ov.voorwaarden, 1):
            legenda.append(f"V{i}    {k.titel}\n")
        legenda.append(f"Items {common.SCORE_UITLEG_KORT.format(ov.aantal_items)}\n")
    if m.kern == "geen":
        legenda.append(
            "De kern staat er niet bij: te smal; --sorteer kern zet haar boven de wijken.\n"
        )
    uitleg = common.legenda_tekst(ov)
    uitleg = uitleg.replace("✘ niet voldaan", "✘ niet (voldaan)") if m.kort else uitleg
    legenda.append(_proza(uitleg, breedte))
    parts.append(legenda)
    if ov.sommen and ov.voorwaarden:
        parts += _sommen(ov, breedte, m.titels)
    return Group(*parts)


def _sommen(ov: Overzicht, breedte: int, titels: bool) -> list[RenderableType]:
    """Per kern and gemeente, the shares of the inhabitants per outcome: a cell per condition
    with ✔, ✘ and ? below each other. Narrower: numbered conditions (as in the matrix), then
    the number of wijken under the inhabitants instead of in a column of its own, then both
    under the kern's name (below ~70 columns), so that no figure is ever cut."""
    view = common.sommen_view(ov)
    if not ov.voorwaarden:
        return []
    label = _langste_woord([r.label for r in view.rijen] + ["Kern"])
    # a column is as wide as its header at least: counted too narrow, rich would cut the
    # widest figure to fit ("1.404.9…")
    wijken = max([cell_len("Wijken"), *(cell_len(r.wijken) for r in view.rijen)])
    inwoners = max([cell_len("Inwoners"), *(cell_len(r.inwoners) for r in view.rijen)])
    cel = max(cell_len(c) for r in view.rijen for cs in r.cellen for c in cs)
    woord = [max(len(w) for w in k.titel.split()) for k in ov.voorwaarden]
    kolommen = [max(w, cel) for w in woord] if titels else [max(2, cel)] * len(woord)
    titels = titels and _tabelbreedte([label, wijken, inwoners, *kolommen]) <= breedte
    if not titels:
        kolommen = [max(2, cel)] * len(woord)
    # the wijken go under the inhabitants when a column of their own leaves the kern no room
    apart = _tabelbreedte([label, wijken, inwoners, *kolommen]) <= breedte
    if not apart:  # "400 wijken" under the inhabitants
        inwoners = max([inwoners, *(cell_len(r.wijken_tekst) for r in view.rijen)])
    # and both under the name of the kern when even that leaves the figures no room
    onder = not apart and _tabelbreedte([label, inwoners, *kolommen]) > breedte
    if apart:
        vast = [label, wijken, inwoners]
    elif onder:
        vast = [max(label, inwoners)]
    else:
        vast = [label, inwoners]
    over = breedte - _tabelbreedte([*vast, *kolommen])
    heel = max(cell_len(r.label) for r in view.rijen)
    vast[0] = max(vast[0], min(heel, vast[0] + max(over, 0)))  # a label on one line if it fits
    table = Table(
        title=common.SOMMEN_TITEL, title_justify="left", title_style="bold", header_style="bold"
    )
    table.add_column("Kern\nInwoners" if onder else "Kern", overflow="fold", width=vast[0])
    if apart:
        table.add_column("Wijken", justify="right", overflow="fold")
    if not onder:
        table.add_column("Inwoners", justify="right", overflow="fold")
    for i, (k, breed) in enumerate(zip(ov.voorwaarden, kolommen, strict=True), 1):
        table.add_column(k.titel if titels else f"V{i}", width=breed, overflow="fold")
    for r in view.rijen:
        if r.niveau != "kern":
            table.add_section()
        naam = Text(r.label, style="bold" if r.niveau != "kern" else "")
        if onder:
            naam.append(f"\n{r.inwoners}\n{r.wijken_tekst}")
        aantal = [r.wijken] if apart else []
        inw = [] if onder else [r.inwoners if apart else f"{r.inwoners}\n{r.wijken_tekst}"]
        table.add_row(naam, *aantal, *inw, *("\n".join(c) for c in r.cellen))
    uitleg = Text(_proza(common.SOMMEN_UITLEG, breedte) + "\n")
    if not titels:
        for i, k in enumerate(ov.voorwaarden, 1):
            uitleg.append(f"V{i}    {k.titel}\n")
    return [table, uitleg]


def _tabelbreedte(tekst: list[int]) -> int:
    # Each column adds a space of padding on either side and a border before it; one more
    # border closes the row.
    return sum(tekst) + 3 * len(tekst) + 1


def _score(score, titels: bool) -> str:
    """`10✔ 2✘ 0?` beside full titles; `10/2/0` in the narrow form (the legend says which)."""
    if titels:
        return f"{score.voldaan}✔ {score.niet_voldaan}✘ {score.onbekend}?"
    kort = f"{score.voldaan}/{score.niet_voldaan}/{score.onbekend}"
    return f"{kort}+{score.uitzondering}§" if score.uitzondering else kort


def kaart(k: SocialeKaart, breedte: int = 100) -> RenderableType:
    view = common.kaart_view(k)
    parts = _begin(k, common.kaart_kop(k), breedte)
    if k.omschrijving:
        parts.append(Text(k.omschrijving, style="italic"))
    rijen = [r for g in view.groepen for s in g.secties for r in s.rijen]
    secties = [s.titel for g in view.groepen for s in g.secties] + [common.GEEN_VOORZIENINGEN]
    refs = {id(r): ", ".join(map(str, r.bronnen)) for r in rijen}
    # Widths from the content, one set for every table: each column at least its longest word.
    # Where the five columns do not fit that way, accessibility and sources go under the name.
    toegang = "Toegankelijk" if breedte >= 100 else "Toegank."
    vast = [
        max([len(toegang), *(cell_len(r.toegankelijk) for r in rijen)]),
        max([len("Bron"), *map(cell_len, refs.values())]),
    ]
    onder = {id(r): f"toegankelijk: {r.toegankelijk} · bron {refs[id(r)]}" for r in rijen}
    soorten = [r.soort for r in rijen] + ["Soort"]
    plaatsen = [r.waar for r in rijen] + ["Waar"]
    for smal in (False, True):
        namen = [r.naam for r in rijen] + [r.details for r in rijen] + secties + ["Voorziening"]
        if smal:
            namen += onder.values()
        kolommen = (namen, soorten, plaatsen)
        minimum = [_langste_woord(k) for k in kolommen]
        ruimte = breedte - _tabelbreedte([0] * (3 if smal else 5)) - (0 if smal else sum(vast))
        if sum(minimum) <= ruimte:
            break
    naam, soort, waar = common.column_widths(
        minimum, [_langste_regel(k) for k in kolommen], [4, 3, 2], ruimte
    )
    for groep in view.groepen:
        table = Table(
            title=f"{groep.titel} — {groep.omschrijving}",
            title_justify="left",
            title_style="bold",
            header_style="bold",
        )
        table.add_column("Voorziening", width=naam, overflow="fold")
        table.add_column("Soort", width=soort, overflow="fold")
        if not smal:
            table.add_column(toegang, width=vast[0], no_wrap=True)
        table.add_column("Waar", width=waar, overflow="fold")
        if not smal:
            table.add_column("Bron", width=vast[1], overflow="fold")
        leeg = [""] * (len(table.columns) - 1)
        if not groep.secties:
            table.add_row(Text(common.GEEN_VOORZIENINGEN, style="dim"), *leeg)
        for i, sectie in enumerate(groep.secties):
            if i:
                table.add_section()
            table.add_row(Text(sectie.titel, style="bold italic"), *leeg)
            for rij in sectie.rijen:
                naam_tekst = Text(rij.naam, style="bold" if sectie.eigen else "")
                if smal:
                    naam_tekst.append("\n" + onder[id(rij)], style="dim")
                if rij.details:
                    naam_tekst.append("\n" + rij.details, style="dim")
                if smal:
                    table.add_row(naam_tekst, rij.soort, rij.waar)
                else:
                    table.add_row(naam_tekst, rij.soort, rij.toegankelijk, rij.waar, refs[id(rij)])
        parts.append(table)
    if view.wat_werkt:
        parts.append(
            _praktijken(common.WAT_WERKT_TITEL, common.WAT_WERKT_KOLOMMEN, view.wat_werkt, breedte)
        )
    parts.append(_bronnen(view.bronnen, breedte))
    return Group(*parts)


def _praktijken(
    titel_: str, kolommen: list[str], rijen: list[common.PraktijkRij], breedte: int
) -> Table:
    """Good practices: where (or for which condition), what, since, contact, source."""
    bron = {id(r): ", ".join(map(str, r.bronnen)) for r in rijen}
    sinds = _langste_woord([kolommen[2], *(r.sinds for r in rijen)])
    bron_w = max([cell_len("Bron"), *map(cell_len, bron.values())])
    teksten = (
        [r.waar for r in rijen] + [kolommen[0]],
        [r.wat for r in rijen] + [r.details for r in rijen] + [kolommen[1]],
        [r.contact for r in rijen] + [kolommen[3]],
    )
    ruimte = breedte - _tabelbreedte([0] * 5) - sinds - bron_w
    minimum = [_langste_woord(k) for k in teksten]
    minimum[1] = max(
        minimum[1], _langste_paar([*(r.wat for r in rijen), *(r.details for r in rijen)])
    )
    waar, wat, contact = common.column_widths(
        minimum, [_langste_regel(k) for k in teksten], [2, 4, 2], ruimte
    )
    past = sum(minimum) <= ruimte  # else rich narrows the columns further
    table = Table(title=titel_, title_justify="left", title_style="bold", header_style="bold")
    table.add_column(kolommen[0], width=waar, overflow="fold")
    table.add_column(kolommen[1], width=wat, overflow="fold")
    table.add_column(kolommen[2], width=sinds)
    table.add_column(kolommen[3], width=contact, overflow="fold")
    table.add_column("Bron", width=bron_w, no_wrap=True)
    for r in rijen:
        wat_tekst = Text(_proza(r.wat, wat if past else None))
        if r.details:
            wat_tekst.append("\n" + _proza(r.details, wat if past else None), style="dim")
        table.add_row(Text(r.waar, style="bold"), wat_tekst, r.sinds, r.contact, bron[id(r)])
    return table


def voorbeelden(gv: GoedeVoorbeelden, breedte: int = 100) -> RenderableType:
    view = common.voorbeelden_view(gv)
    parts = _begin(gv, common.voorbeelden_kop(gv), breedte)
    for sectie in view.secties:
        if sectie.rijen:
            parts.append(
                _praktijken(sectie.titel, common.VOORBEELDEN_KOLOMMEN, sectie.rijen, breedte)
            )
        else:
            kop = Text(sectie.titel, style="bold")
            parts.append(
                kop.append(
                    "\n" + common.GEEN_PRAKTIJKEN[:1].upper() + common.GEEN_PRAKTIJKEN[1:],
                    style="dim",
                )
            )
        if sectie.daar:
            parts.append(Text(_proza("\n".join(sectie.daar), breedte)))
    parts.append(_bronnen(view.bronnen, breedte))
    return Group(*parts)


def _bronnen(lijst, breedte: int) -> Text:
    bronnen = Text("Bronnen\n", style="bold")
    for bron in lijst:
        style = "yellow" if bron.voorbeeld or bron.verouderd else ""
        regel = _proza(f"[{bron.nummer}] {common.bron_tekst(bron)}", breedte)
        bronnen.append(regel + "\n", style=style)
    return bronnen


class Example(str):
    """A line of a view shown as it is, never wrapped nor cut: a YAML example to copy."""


#: A view printed part by part (`show`), for the commands that print line by line.
Parts = list[RenderableType]


def show(out: Console, view: RenderableType | Parts) -> None:
    """Print a terminal view on a console: a renderable at once, `Parts` one by one."""
    if not isinstance(view, list):
        out.print(view)
        return
    for part in view:
        out.print(part, soft_wrap=isinstance(part, Example))


def plain_text(view: RenderableType | Parts, width: int = 100) -> str:
    """Plain text (no colour) of a terminal view, for `--format tabel --output FILE`."""
    import io

    # data is text, never rich markup or emoji codes (`[/bold]`, `:smile:` in a bron)
    out = Console(
        file=io.StringIO(),
        width=width,
        no_color=True,
        highlight=False,
        markup=False,
        emoji=False,
    )
    show(out, view)
    assert isinstance(out.file, io.StringIO)
    return "".join(regel.rstrip() + "\n" for regel in out.file.getvalue().splitlines())


def _lijsttabel(titel_: str, kolommen: list[str], no_wrap: int | None = None) -> Table:
    table = Table(title=titel_, title_justify="left", title_style="bold", header_style="bold")
    for i, naam in enumerate(kolommen):
        table.add_column(
            naam,
            justify="right" if naam == "Inwoners" else "left",
            no_wrap=i == no_wrap,
            overflow="fold",
        )
    return table


def wijken(lijst: Wijkenlijst, breedte: int = 100) -> Parts:
    """`wijkcheck list`: a table per gemeente, its count and where the data came from."""
    parts: Parts = []
    for g in lijst.gemeenten:
        table = _lijsttabel(f"Wijken van gemeente {z(g.gemeente)}", common.WIJKEN_KOLOMMEN)
        for w in g.wijken:
            table.add_row(*(z(cel) for cel in common.wijk_cellen(w)))
        if lijst.meegeleverde_gegevens:  # above the table, as in every other format
            parts.append("⚠ " + common.MEEGELEVERD_MELDING.format(f"gemeente {z(g.gemeente)}"))
        parts += [table, z(common.wijken_telling(g, lijst.herkomst))]
    if lijst.zonder_gemeente:
        parts.append("⚠ " + z(common.zonder_gemeente_melding(lijst.zonder_gemeente)))
    return parts


def _meegeleverd(result: Onderwerpen | Uitleg) -> Parts:
    melding = common.meegeleverd(result)
    return [] if melding is None else ["⚠ " + z(melding)]


def onderwerpen(o: Onderwerpen, breedte: int = 100) -> Parts:
    """`wijkcheck explain`: every condition and item, id and title."""
    parts: Parts = [f"Onderwerpen van {z(o.checklist)}, versie {z(o.versie)}"]
    for kop_, groep in (("Voorwaarden", o.voorwaarden), ("Checklist-items", o.items)):
        table = _lijsttabel(kop_, common.ONDERWERPEN_KOLOMMEN, no_wrap=0)
        for onderwerp in groep:
            table.add_row(z(onderwerp.id), z(onderwerp.titel))
        parts.append(table)
    return [*parts, common.EEN_ONDERWERP, *_meegeleverd(o)]


def uitleg(u: Uitleg, breedte: int = 100) -> Parts:
    """`wijkcheck explain ONDERWERP`: the rule in words and the policy passage."""
    # every text below comes from a checklist file: printed inert (`zichtbaar`)
    parts: Parts = [Text(z(u.titel), style="bold underline"), *(z(r) for r in common.uitleg_kop(u))]
    parts += _meegeleverd(u)
    if u.omschrijving:
        parts += ["", z(u.omschrijving)]
    parts += ["", Text("Regel", style="bold"), *(_ingesprongen(z(regel)) for regel in u.regel)]
    parts += ["", Text("Beleidsbron", style="bold"), z(u.beleidsbron)]
    if u.citaat:
        parts.append(Text(f"“{z(u.citaat)}”", style="italic"))
    if u.afgeleid:
        parts.append(common.AFGELEID)
    return parts


def _ingesprongen(regel: str) -> RenderableType:
    """A line of the rule in words: wrapped lines keep its indent (the parts of a rule)."""
    tekst = regel.lstrip(" ")
    inspringen = len(regel) - len(tekst)
    return Padding(tekst, (0, 0, 0, inspringen), expand=False) if inspringen else regel


def regelsoorten(r: Regelsoorten, breedte: int = 100) -> Parts:
    """`wijkcheck regels`: each rule kind with its documentation and examples."""
    parts: Parts = []
    for kind in r.regelsoorten:
        parts.append(Text(f"type: {kind.type}  ({kind.naam})", style="bold"))
        for alinea in kind.alineas:
            parts += [Example(alinea.tekst) if alinea.voorbeeld else alinea.tekst, ""]
    return parts


# -- compare: one wijk then and now ------------------------------------------------------------

_VERANDERING_STIJL = {
    "verbeterd": "green",
    "verslechterd": "red",
    "gelijk": "",
    "nieuw": "cyan",
    "vervallen": "dim",
    "niet vergelijkbaar": "yellow",
}


def vergelijking(v: Vergelijking, breedte: int = 100) -> RenderableType:
    from wijkcheck.formatters.report import vergelijking as vg

    parts: list[RenderableType] = [Text(vg.titel(v), style="bold underline")]
    header = Table.grid(padding=(0, 1))
    header.add_column(style="bold")
    header.add_column()
    for label, value in vg.kop(v):
        header.add_row(label, value)
    parts.append(header)
    for melding in vg.meldingen(v):
        parts.append(_melding(melding, breedte))
    parts.append(Text(_proza("\n".join(vg.conclusie(v)), breedte), style="bold"))
    for kopje, rijen in vg.secties(v):
        # What changed is a list under the table, not a sixth column: at 80 columns a column
        # that narrow breaks names and figures mid-word.
        # Then, now and the change share one column, one above the other: five columns at 80
        # characters broke "Sociaaleconomische" and "verslechterd" mid-word.
        tabel = Table(title=kopje, title_justify="left", title_style="bold", expand=True)
        kolommen = (vg.KOLOMMEN[0], "Toen → nu", vg.KOLOMMEN[4])
        for k, deel in zip(kolommen, (3, 2, 3), strict=True):
            tabel.add_column(k, overflow="fold", ratio=deel)
        for r in rijen:
            toen = uitkomst(r.toen_uitkomst, r.toen) if r.toen_uitkomst else Text(r.toen)
            nu = uitkomst(r.nu_uitkomst, r.nu) if r.nu_uitkomst else Text(r.nu)
            stijl = _VERANDERING_STIJL[r.verandering]
            wat = (vg.verandering_tekst(r.verandering), stijl)
            cel = Text.assemble(toen, " →\n", nu, "\n", wat)
            tabel.add_row(r.titel, cel, r.gemeten)
        parts.append(tabel)
        waarom = [r for r in rijen if r.waarom]
        if waarom:
            parts.append(Text(f"{vg.KOLOMMEN[-1]} ({kopje.lower()})", style="bold"))
            for r in waarom:
                parts.append(Text(r.titel, style="italic"))
                lijst = Table.grid(padding=(0, 1, 0, 0))
                lijst.add_column(width=3, justify="right")
                lijst.add_column(overflow="fold")
                for regel in r.waarom:
                    lijst.add_row("•", Text(regel))
                parts.append(lijst)
    gelijk = vg.gelijk_gebleven(v)
    if gelijk:
        parts.append(Text(_proza(gelijk, breedte)))
    parts.append(Text(vg.ALGEMEEN_KOP, style="bold"))
    parts.append(Text(_proza("\n".join(vg.algemeen(v)) or vg.GEEN_ALGEMEEN, breedte)))
    parts.append(Text(vg.LEGENDA, style="dim"))
    return Group(*parts)


def overzicht_sinds(o: OverzichtSinds, breedte: int = 100) -> RenderableType:
    """The overview, then per wijk how its conditions changed since REF."""
    from wijkcheck.formatters.report import vergelijking as vg

    parts: list[RenderableType] = [overzicht(o.overzicht, breedte)]
    parts.append(Text(vg.sinds_kop(o), style="bold underline"))
    for melding in vg.sinds_meldingen(o):
        parts.append(_melding(melding, breedte))
    parts.append(Text(_proza(vg.sinds_samenvatting(o), breedte), style="bold"))
    tabel = Table(expand=True)
    for i, k in enumerate(vg.SINDS_KOLOMMEN):
        tabel.add_column(k, justify="right" if 1 <= i <= 4 else "left", overflow="fold")
    for rij in vg.sinds_rijen(o):
        tabel.add_row(*rij)
    parts.append(tabel)
    parts.append(Text(vg.SINDS_LEGENDA, style="dim"))
    return Group(*parts)
