"""Rich renderables for the terminal. Colour is decoration only: symbols and words carry meaning,
so output stays readable with NO_COLOR, in pipes and at 80 columns."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from wijkcheck.formatters.common import Rij, bron_tekst, kop, meldingen, memo_view, samenvatting
from wijkcheck.results import Rapport, Uitkomst

STIJL = {
    Uitkomst.VOLDAAN: "bold green",
    Uitkomst.NIET_VOLDAAN: "bold red",
    Uitkomst.ONBEKEND: "bold yellow",
}


def uitkomst(u: Uitkomst) -> Text:
    return Text(f"{u.symbool} {u.value}", style=STIJL[u])


def _tabel(titel: str, rijen: list[Rij], breedte: int) -> Table:
    smal = breedte < 110
    table = Table(
        title=titel,
        title_justify="left",
        title_style="bold",
        expand=True,
        header_style="bold",
        pad_edge=False,
    )
    # rich ignores min_width on ratio columns, so the subject column gets a computed width.
    table.add_column("Onderwerp", width=max(20, min(34, int((breedte - 16) * 0.28))))
    table.add_column("Uitkomst", no_wrap=True)
    table.add_column("Gemeten", ratio=4)
    table.add_column("Vereist", ratio=3)
    if not smal:
        table.add_column("Bron", width=9)
    for rij in rijen:
        titel_tekst = Text(
            ("\u00a0\u00a0" * rij.niveau) + ("·\u00a0" if rij.niveau else "") + rij.titel,
            style="" if rij.niveau else "bold",
        )
        refs = ", ".join(str(n) for n in rij.bronnen)
        if smal and refs:
            titel_tekst.append(f"\n{'  ' * rij.niveau}bron {refs}", style="dim")
        gemeten = Text(rij.gemeten)
        if rij.toelichting:
            kort = rij.toelichting if len(rij.toelichting) <= 140 else rij.toelichting[:139] + "…"
            gemeten.append("\n" + kort, style="dim")
        cells = [titel_tekst, uitkomst(rij.uitkomst), gemeten, Text(rij.vereist)]
        table.add_row(*cells, *([] if smal else [refs]))
    return table


def audit(rapport: Rapport, breedte: int = 100) -> RenderableType:
    view = memo_view(rapport)
    parts: list[RenderableType] = [
        Text(f"Audit sociale basis: {rapport.wijk}", style="bold underline")
    ]
    header = Table.grid(padding=(0, 1))
    header.add_column(style="bold")
    header.add_column()
    for label, value in kop(rapport):
        header.add_row(label, value)
    parts.append(header)
    for melding in meldingen(rapport):
        parts.append(Panel(Text("⚠ " + melding), border_style="yellow", expand=True))
    parts.append(
        _tabel(
            "Voorwaarden (Beleidsvisie sociale basis Heusden, uitgangspunt 6)",
            view.voorwaarden,
            breedte,
        )
    )
    if view.items:
        parts.append(_tabel("Checklist langer thuis wonen (Hart van Brabant)", view.items, breedte))
    parts.append(Text(samenvatting(rapport), style="bold"))
    bronnen = Text("Bronnen\n", style="bold")
    for bron in view.bronnen:
        style = "yellow" if bron.voorbeeld or bron.verouderd else ""
        bronnen.append(f"[{bron.nummer}] {bron_tekst(bron)}\n", style=style)
    parts.append(bronnen)
    return Group(*parts)
