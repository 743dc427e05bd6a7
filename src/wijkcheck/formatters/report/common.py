"""The memo view of a report, shared by every output format: rows and numbered sources.

A council memo needs the same content whether it is a terminal table, Markdown or Word: one row
per condition or item (parts of composite rules indented below it) and numbered notes saying
where each figure, norm and requirement came from.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, Union

from typing_extensions import TypeIs

from wijkcheck.core.names import datum, getal, zichtbaar
from wijkcheck.core.results import (
    ChecklistInfo,
    GebruiktGegeven,
    Rapport,
    Resultaat,
    Telling,
    Uitkomst,
    UitzonderingInfo,
    verloopt_binnenkort,
)

if TYPE_CHECKING:  # types only: a command loads the report modules it needs (start-up)
    from wijkcheck.reports.explain import Onderwerpen, Uitleg
    from wijkcheck.reports.goede_voorbeelden import GoedeVoorbeelden, WijkRef
    from wijkcheck.reports.overview import Overzicht, Score, Som
    from wijkcheck.reports.sociale_kaart import KaartVoorziening, SocialeKaart
    from wijkcheck.reports.wijken import GemeenteWijken, Wijkenlijst, WijkRegel

VOORBEELD_MELDING = (
    "Dit rapport bevat voorbeeldgegevens (bron: voorbeeld). Dat zijn geen officiële cijfers; "
    "vervang ze door echte cijfers voordat u het rapport gebruikt."
)
MEEGELEVERD_MELDING = (
    "Gemaakt met de meegeleverde voorbeeldgegevens van {}, niet met uw eigen gegevens: "
    "wijkcheck vond geen gegevensmap. Wijs uw gegevens aan met --data MAP, met de "
    "omgevingsvariabele WIJKCHECK_DATA, of werk in een map met data/wijken/."
)
#: Under a topic of `wijkcheck explain` whose policy passage does not name it.
AFGELEID = (
    "De passage noemt deze voorziening of voorwaarde niet zelf; wijkcheck leidt het item ervan "
    "af (zie docs/checklists.md)."
)
VEROUDERD_MELDING = (
    "Deze gegevens zijn ouder dan de maximale ouderdom van de checklist ({} maanden), met hun "
    "peildatum: {}."
)
VEROUDERD_OVERZICHT = (
    "In {} zijn gegevens ouder dan de maximale ouderdom van de checklist ({} maanden), met "
    "hun peildatum: {}."
)
#: How many wijken a notice or the conclusion of an overview names one by one: beyond that
#: (a large gemeente, several gemeenten) a list of hundreds of names hides what it says, and
#: the table, csv and json have every wijk.
NOEM_WIJKEN = 25
#: Where the wijken are that a notice does not name.
VEROUDERD_REST = (
    "per wijk: kolom verouderd in --format csv, de cijfers in --format json of met "
    "'wijkcheck audit WIJK'"
)


def noem(namen: Sequence[str], waar: str) -> str:
    """`namen` joined with "; ", the first `NOEM_WIJKEN` of them, then how many more and
    where they are (`waar`)."""
    if len(namen) <= NOEM_WIJKEN:
        return "; ".join(namen)
    rest = len(namen) - NOEM_WIJKEN
    meer = f"en nog {getal(rest)} {'wijk' if rest == 1 else 'wijken'} ({waar})"
    return "; ".join([*namen[:NOEM_WIJKEN], meer])


class Rij(NamedTuple):
    niveau: int
    titel: str
    uitkomst: Uitkomst
    gemeten: str
    vereist: str
    toelichting: str
    bronnen: list[int]
    #: the outcome in words when it is more than its name: `uitzondering tot 31-12-2027`
    label: str = ""
    #: what the figures measured rest on, `⚠ voorbeeldgegevens, verouderd` (`let_op_gemeten`)
    gemeten_let_op: str = ""
    #: `⚠ voorbeeldnorm` when nobody adopted the threshold
    vereist_let_op: str = ""

    @property
    def uitkomst_tekst(self) -> str:
        return f"{self.uitkomst.symbool} {self.label or self.uitkomst.value}"

    @property
    def gemeten_vol(self) -> str:
        """What was measured, its warning beside it (one cell of a memo table)."""
        return _naast(self.gemeten, self.gemeten_let_op)

    @property
    def vereist_vol(self) -> str:
        return _naast(self.vereist, self.vereist_let_op)


#: A no-break space inside a warning: HTML, Word and Markdown keep '⚠' and its word together
#: on one line (the terminal table keeps them together itself).
HEEL = "\u00a0"


#: A warning's or an outcome's sign and the word after it, in prose ('(✔ voldaan)',
#: '⚠ voorbeeldnorm', '§ uitzondering', '? onbekend'), and a figure and its '%' ('16 %'),
#: with a space or a no-break space between.
TEKEN_WOORD = re.compile(r"([⚠✔✘§]|\?(?= onbekend)|\d(?=[ \u00a0]%))[ \u00a0](?=\S)")

P = TypeVar("P", str, list[str], "str | None")


def bind_signs(tekst: str) -> str:
    """`tekst` with each sign joined to its word (and a figure to its '%') by `HEEL`."""
    return TEKEN_WOORD.sub(r"\1" + HEEL, tekst)


def gebonden(maak: Callable[..., P]) -> Callable[..., P]:
    """The prose `maak` returns (a text, a list of them, or None) with each sign joined to its
    word by a no-break space (`HEEL`), which HTML, Word and Markdown honour: a line never ends
    in '(✔' with 'voldaan)' on the next. The terminal breaks prose itself (`terminal._proza`)."""

    @functools.wraps(maak)
    def met_gebonden_tekens(*args: Any, **kwargs: Any) -> P:
        uit = maak(*args, **kwargs)
        if isinstance(uit, str):
            return bind_signs(uit)
        if isinstance(uit, list):
            return [bind_signs(t) for t in uit]
        return uit

    return met_gebonden_tekens


def let_op(wat: Sequence[str]) -> str:
    """The warning for `wat` (`⚠ voorbeeldgegevens, verouderd`), or '' when there is none."""
    return f"⚠{HEEL}{', '.join(wat)}" if wat else ""


#: Where a line may break: any whitespace but the no-break space (`HEEL`).
BREEKBAAR = re.compile(r"[^\S\u00a0]+")


def woorden(tekst: str) -> list[str]:
    """The words of `tekst` where a format that honours no-break spaces may break it: a
    warning joined with `HEEL` is one word (Word's column widths)."""
    return [w for w in BREEKBAAR.split(tekst) if w]


def _naast(tekst: str, waarschuwing: str) -> str:
    return f"{tekst} {waarschuwing}" if waarschuwing else tekst


def uitkomst_label(r: Resultaat) -> str:
    """The outcome of `r` in words: `uitzondering tot 31-12-2027` for a valid exception,
    `niet voldaan (uitzondering verlopen op 31-12-2026)` for an expired one."""
    u = r.uitzondering
    if u is None:
        return r.uitkomst.value
    if u.verlopen:
        return f"{r.uitkomst.value} (uitzondering verlopen op {datum(u.tot)})"
    return f"uitzondering tot {datum(u.tot)}"


def uitzondering_tekst(u: UitzonderingInfo, auditdatum: dt.date) -> str:
    """The exception in full, for the explanation of a result: why, who decided, the decision,
    what it means for the counts, and that it ends soon when it does."""
    waar = "gemeente.yaml, geldt voor alle wijken" if u.herkomst == "gemeente" else "wijkbestand"
    sinds = f", sinds {datum(u.sinds)}" if u.sinds else ""
    vb = " " + let_op(["voorbeeldgegevens"]) if u.voorbeeld else ""
    besluit = f"besloten door {u.besloten_door}, {u.besluit}{sinds} ({waar}){vb}"
    if u.verlopen:
        return (
            f"Uitzondering verlopen op {datum(u.tot)}: telt weer als niet voldaan. Reden was: "
            f"{u.reden}; {besluit}."
        )
    # the date stands beside it already ('§ uitzondering tot …'); here only when it ends soon
    wanneer = verloopt_binnenkort(u.tot, auditdatum)
    soon = "" if wanneer is None else f", verloopt {wanneer}"
    return f"Uitzondering{soon} (niet voldaan, apart geteld): {u.reden}; {besluit}."


def met_uitzondering(r: Resultaat, auditdatum: dt.date) -> str:
    """`r.toelichting`, after its exception (valid or expired) when it has one."""
    if r.uitzondering is None:
        return r.toelichting
    return " ".join(t for t in (uitzondering_tekst(r.uitzondering, auditdatum), r.toelichting) if t)


@dataclass(slots=True)
class Bron:
    nummer: int
    soort: str  # "gegevens", "norm" or "beleid"
    tekst: str
    voorbeeld: bool = False
    verouderd: bool = False


class Sectie(NamedTuple):
    """One table of a memo: its title (from the checklist) and its rows."""

    titel: str
    rijen: list[Rij]


class MemoView(NamedTuple):
    secties: list[Sectie]
    bronnen: list[Bron]

    @property
    def rijen(self) -> list[Rij]:
        return [r for s in self.secties for r in s.rijen]


GEMEENTEBREED_TITEL = (
    "Gemeentebreed: één keer beoordeeld voor de hele gemeente (telt niet mee in de score van de "
    "wijk)"
)


def let_op_gemeten(r: Resultaat) -> str:
    """What the figures `gemeten` rests on are, when they need a warning: example data,
    outdated."""
    vlaggen = (("voorbeeldgegevens", r.voorbeeldgegevens), ("verouderd", r.verouderd))
    return let_op([w for w, ja in vlaggen if ja])


def vereist_met_laag(r: Resultaat, boven: Resultaat | None = None) -> str:
    """`vereist` and the layer it comes from (a part names its layer only when it differs
    from the whole: an overridden norm). Its warning, a voorbeeldnorm, stands after this."""
    tekst = r.vereist
    if r.niveau and (boven is None or r.herkomst != boven.herkomst):
        gewijzigd = sorted({d.herkomst for d in _onder(r)} - {r.herkomst, ""})
        wie = f"; drempel gewijzigd door {', '.join(gewijzigd)}" if gewijzigd else ""
        tekst += f" ({r.niveau}{wie})"
    return tekst


def _onder(r: Resultaat) -> list[Resultaat]:
    return [x for d in r.onderdelen for x in (d, *_onder(d))]


class _Bronnen:
    def __init__(self) -> None:
        self.lijst: list[Bron] = []
        self.index: dict[tuple[str, str], Bron] = {}
        self.peildata: dict[int, list[dt.date]] = {}
        self.geschat: set[int] = set()

    def nummer(
        self,
        soort: str,
        tekst: str,
        *,
        voorbeeld: bool = False,
        verouderd: bool = False,
        peildatum: dt.date | None = None,
        geschat: bool = False,
    ) -> int:
        bron = self.index.get((soort, tekst))
        if bron is None:
            bron = Bron(len(self.lijst) + 1, soort, tekst, voorbeeld, verouderd)
            self.lijst.append(bron)
            self.index[(soort, tekst)] = bron
        bron.verouderd = bron.verouderd or verouderd
        if peildatum is not None:
            self.peildata.setdefault(bron.nummer, []).append(peildatum)
            if geschat:
                self.geschat.add(bron.nummer)
        return bron.nummer

    def af(self) -> list[Bron]:
        for bron in self.lijst:
            dates = sorted(set(self.peildata.get(bron.nummer, [])))
            geschat = " (geschat)" if bron.nummer in self.geschat else ""
            if len(dates) == 1:
                bron.tekst += f", peildatum {datum(dates[0])}{geschat}"
            elif dates:
                bron.tekst += f", peildata {datum(dates[0])} t/m {datum(dates[-1])}"
                bron.tekst += " (deels geschat)" if geschat else ""
        return self.lijst


def memo_view(rapport: Rapport) -> MemoView:
    bronnen = _Bronnen()

    def rijen(resultaat: Resultaat, niveau: int, boven: Resultaat | None = None) -> list[Rij]:
        refs: list[int] = []
        for g in resultaat.gegevens:
            refs.append(
                bronnen.nummer(
                    "gegevens",
                    g.bron,
                    voorbeeld=g.voorbeeld,
                    verouderd=g.verouderd,
                    peildatum=g.peildatum,
                    geschat=g.geschat,
                )
            )
        if resultaat.norm:
            refs.append(bronnen.nummer("norm", resultaat.norm))
        if resultaat.beleidsbron is not None:
            refs.append(bronnen.nummer("beleid", str(resultaat.beleidsbron)))
        rij = Rij(
            niveau,
            resultaat.titel,
            resultaat.uitkomst,
            resultaat.gemeten,
            vereist_met_laag(resultaat, boven),
            met_uitzondering(resultaat, rapport.auditdatum),
            sorted(set(refs)),
            "" if resultaat.uitzondering is None else uitkomst_label(resultaat),
            let_op_gemeten(resultaat),
            let_op(["voorbeeldnorm"] if resultaat.voorbeeldnorm else []),
        )
        out = [rij]
        for deel in resultaat.onderdelen:
            out.extend(rijen(deel, niveau + 1, resultaat))
        return out

    info = rapport.checklist
    delen = [
        (info.sectietitel("voorwaarden", "Voorwaarden"), rapport.voorwaarden),
        (info.sectietitel("items", "Checklist-items"), rapport.items),
        (GEMEENTEBREED_TITEL, rapport.gemeentebreed),
    ]
    secties = [
        Sectie(titel, [r for res in resultaten for r in rijen(res, 0)])
        for titel, resultaten in delen
        if resultaten
    ]
    return MemoView(secties, bronnen.af())


Maat = TypeVar("Maat", int, float)


def column_widths(
    minimum: list[Maat], wens: list[Maat], gewicht: list[float], ruimte: Maat, stap: Maat = 1
) -> list[Maat]:
    """Column widths within `ruimte`: each column at least `minimum` (its longest word, so that
    no word is cut), at most `wens` (its longest line); the room in between goes to the columns
    by `gewicht`, `stap` at a time. When even the minimums do not fit, the minimums. Terminal
    columns count cells (`stap` 1), Word columns centimetres."""
    wens = [max(m, w) for m, w in zip(minimum, wens, strict=True)]
    breedtes = list(minimum)
    over = ruimte - sum(breedtes)
    while over >= stap:
        open_ = [i for i, (b, w) in enumerate(zip(breedtes, wens, strict=True)) if b < w]
        if not open_:
            break
        # one step at a time to the column furthest below its share
        i = min(open_, key=lambda i: (breedtes[i] / gewicht[i], i))
        extra = min(stap, wens[i] - breedtes[i])
        breedtes[i] += extra
        over -= extra
    return breedtes


def kop(rapport: Rapport) -> list[tuple[str, str]]:
    """Header facts of a report as label/value pairs."""
    code = f" · CBS {rapport.cbs_buurtcode}" if rapport.cbs_buurtcode else ""
    return [
        ("Wijk", f"{rapport.wijk} (kern {rapport.kern}, gemeente {rapport.gemeente}){code}"),
        ("Inwoners", inwoners_tekst(rapport.inwoners)),
        *checklist_kop(rapport.checklist),
        ("Auditdatum", datum(rapport.auditdatum)),
    ]


#: The header of a wijk whose file does not give its inhabitants (a new wijk, `wijkcheck new`).
INWONERS_ONBEKEND = "onbekend (niet vastgelegd in het wijkbestand)"


def inwoners_tekst(inw: GebruiktGegeven | None) -> str:
    if inw is None:
        return INWONERS_ONBEKEND
    geschat = ", geschat" if inw.geschat else ""
    return f"{inw.waarde} ({inw.bron}, {datum(inw.peildatum)}{geschat})"


def checklist_kop(info: ChecklistInfo) -> list[tuple[str, str]]:
    """The checklist, its status, and the layers it builds on."""
    regels = []
    for i, laag in enumerate(reversed(info.lagen)):
        staat = f"concept; {laag.uitgever}" if laag.status == "concept" else laag.toelichting
        label = "Checklist" if i == 0 else "Catalogus uit" if laag.catalogus else "Bouwt voort op"
        regels.append((label, f"{laag.naam}, versie {laag.versie} ({staat})"))
        if i == 0 and any(la.catalogus for la in info.lagen):
            regels.append((THEMA_LABEL, THEMA_UITLEG))
    return regels or [("Checklist", f"{info.naam}, versie {info.versie}")]


THEMA_LABEL = "Thema"
#: What a theme checklist judges, beside its name in every report's header.
THEMA_UITLEG = (
    "toetst alleen de eigen voorwaarden en items; de voorwaarden en items van de checklist van "
    "de gemeente staan niet in dit rapport, die levert alleen de catalogus"
)


def samenvatting(rapport: Rapport) -> str:
    v, i = rapport.samenvatting_voorwaarden, rapport.samenvatting_items
    delen = []
    if v.totaal:
        delen.append(f"Voorwaarden ({v.totaal}): {v.tekst()}.")
    if i.totaal:
        delen.append(f"Checklist-items ({i.totaal}): {i.tekst()}.")
    g = rapport.samenvatting_gemeentebreed
    if g.totaal:
        delen.append(f"Gemeentebreed ({g.totaal}, niet in de score): {g.tekst()}.")
    return " ".join(delen)


Result = Union["Rapport", "Overzicht", "SocialeKaart", "GoedeVoorbeelden"]


# By the `soort` each report carries, not isinstance: the report modules (and their pydantic
# models, ~30 ms) are imported only by the command that builds one, not by every formatter.
def is_overzicht(result: object) -> TypeIs[Overzicht]:
    return getattr(result, "soort", None) == "overzicht"


def is_voorbeelden(result: object) -> TypeIs[GoedeVoorbeelden]:
    return getattr(result, "soort", None) == "goede-voorbeelden"


def is_kaart(result: object) -> TypeIs[SocialeKaart]:
    return getattr(result, "soort", None) == "sociale-kaart"


def meegeleverd_melding(rapport: Result) -> str | None:
    """The notice that a result rests on the bundled example data, naming its gemeenten."""
    if not rapport.meegeleverde_gegevens:
        return None
    return MEEGELEVERD_MELDING.format(van_gemeenten(rapport))


def van_gemeenten(rapport: Result) -> str:
    """`gemeente A`, or `de gemeenten A en B`: whose data a result shows."""
    if is_overzicht(rapport) or is_voorbeelden(rapport):
        namen = rapport.gemeenten
    else:
        namen = [rapport.gemeente]
    return f"gemeente {namen[0]}" if len(namen) == 1 else f"de gemeenten {_opsomming(namen)}"


def weggelaten_tekst(aantal: int) -> str:
    """`--alleen-problemen`: how many wijken were left out, in good Dutch for one or more."""
    if aantal == 1:
        return "1 wijk zonder 'niet voldaan' is weggelaten"
    return f"{aantal} wijken zonder 'niet voldaan' zijn weggelaten"


@gebonden
def meldingen(rapport: Result) -> list[str]:
    out = []
    meegeleverd = meegeleverd_melding(rapport)
    if meegeleverd:
        out.append(meegeleverd)
    if not is_kaart(rapport):  # a map uses only the checklist's catalogue
        out += concept_meldingen(rapport.checklist)
        voorbeeldnorm = voorbeeldnorm_melding(rapport)
        if voorbeeldnorm:
            out.append(voorbeeldnorm)
    if rapport.voorbeelddata:
        out.append(VOORBEELD_MELDING)
    if is_voorbeelden(rapport):
        return out + _voorbeelden_meldingen(rapport)
    if rapport.verouderde_gegevens:
        out.append(verouderd_melding(rapport))
    if is_overzicht(rapport):
        if rapport.weggelaten:
            out.append(f"{weggelaten_tekst(rapport.weggelaten)} (--alleen-problemen).")
        if rapport.ontbrekende_wijken:
            out.append(
                "Zonder wijkbestand, dus niet getoond: "
                + ", ".join(rapport.ontbrekende_wijken)
                + "."
            )
        if rapport.zonder_gemeente:
            out.append(zonder_gemeente_melding(rapport.zonder_gemeente))
    return out


def zonder_gemeente_melding(zonder: dict[str, int]) -> str:
    """Folders whose wijk files no command uses, for lack of a gemeente.yaml."""
    mappen = [
        f"{m} ({getal(n)} YAML-{'bestand' if n == 1 else 'bestanden'})" for m, n in zonder.items()
    ]
    waar = ", ".join(mappen[:-1]) + " en in " + mappen[-1] if len(mappen) > 1 else mappen[0]
    return (
        f"Niet getoond: de wijken in {waar}, want daar staat geen gemeente.yaml. Zet in "
        f"{'die map' if len(mappen) == 1 else 'elke map'} de gemeente.yaml van de gemeente, of "
        "haal de bestanden weg ('wijkcheck validate' noemt ze)."
    )


def concept_meldingen(info: ChecklistInfo) -> list[str]:
    """One notice per layer that nobody has adopted: a concept is never shown as policy."""
    return [
        f"Concept: '{laag.naam}' is niet vastgesteld"
        + (f"; {laag.toelichting}." if laag.toelichting else ".")
        for laag in info.lagen
        if laag.status == "concept"
    ]


def voorbeeldnorm_melding(result: Result) -> str | None:
    """How many verdicts rest on a threshold nobody adopted (a voorbeeldnorm)."""
    info = result.checklist
    ouderdom = (
        f" Ook de maximale ouderdom van cijfers ({info.maximale_ouderdom_maanden} maanden) is "
        "een voorbeeldnorm."
        if info.maximale_ouderdom_voorbeeldnorm
        else ""
    )
    if isinstance(result, Rapport):
        alle = result.voorwaarden + result.items + result.gemeentebreed
        n = result.voorbeeldnormen
        if not n:
            return ouderdom.strip() or None
        titels = [r.titel for r in alle if r.voorbeeldnorm]
        welke = f": {_opsomming(titels)}" if len(titels) == n else ""
        return (
            f"{n} van de {len(alle)} uitkomsten {'rust' if n == 1 else 'rusten'} (deels) op een "
            f"voorbeeldnorm, een drempel die niemand heeft vastgesteld{welke} (⚠ voorbeeldnorm "
            f"bij Vereist, ook bij onderdelen).{ouderdom}"
        )
    if is_overzicht(result) or is_voorbeelden(result):
        if is_overzicht(result):
            titels = [k.titel for k in result.voorwaarden if k.voorbeeldnorm]
            titels += result.voorbeeldnorm_items
        else:
            titels = result.voorbeeldnormen
        if not titels:
            return ouderdom.strip() or None
        return (
            "Op een voorbeeldnorm, een drempel die niemand heeft vastgesteld, rusten (deels): "
            f"{_opsomming(titels)}.{ouderdom}"
        )
    return ouderdom.strip() or None


def verouderd_melding(result: Rapport | Overzicht | SocialeKaart) -> str:
    """The notice that names every outdated figure, with its peildatum."""
    maanden = result.checklist.maximale_ouderdom_maanden
    if is_overzicht(result):
        wijken = [r for r in result.rijen if r.verouderde_gegevens]
        per_wijk = [
            f"{r.wijk}{f' ({r.gemeente})' if result.meerdere_gemeenten else ''}: "
            + ", ".join(_uniek(f"{g.wat} ({datum(g.peildatum)})" for g in r.verouderde_cijfers))
            for r in wijken
        ]
        aantal = f"{getal(len(wijken))} {'wijk' if len(wijken) == 1 else 'wijken'}"
        return VEROUDERD_OVERZICHT.format(aantal, maanden, noem(per_wijk, VEROUDERD_REST))
    if is_kaart(result):
        vs = [v for laag in result.lagen for v in laag.in_de_wijk + laag.ook_voor_de_wijk]
        vs += result.onbekende_soorten
        inw = result.inwoners
        cijfers = [f"inwoners ({datum(inw.peildatum)})"] if inw and inw.verouderd else []
        cijfers += [f"{v.naam} ({v.soort_naam}, {datum(v.peildatum)})" for v in vs if v.verouderd]
    else:
        cijfers = [
            f"{g.wat}: {g.waarde} ({datum(g.peildatum)})" for g in result.verouderde_cijfers()
        ]
    return VEROUDERD_MELDING.format(maanden, "; ".join(_uniek(cijfers)))


def _uniek(teksten) -> list[str]:
    return list(dict.fromkeys(teksten))


@gebonden
def conclusie(result: Result) -> list[str]:
    """What a memo opens with: the counts, and what needs attention (the tables follow)."""
    if is_kaart(result):
        return [kaart_samenvatting(result)]
    if is_voorbeelden(result):
        return _voorbeelden_conclusie(result)
    if is_overzicht(result):
        return _overzicht_conclusie(result)
    regels = [samenvatting(result)]
    alle = result.voorwaarden + result.items
    for u, wat, gemeentebreed in (
        (Uitkomst.NIET_VOLDAAN, "Niet voldaan", "Niet voldaan, gemeentebreed"),
        (
            Uitkomst.ONBEKEND,
            "Onbekend (er ontbreken gegevens)",
            "Onbekend, gemeentebreed (er ontbreken gegevens)",
        ),
    ):
        namen = [r.titel for r in alle if r.uitkomst is u]
        if namen:
            regels.append(f"{wat}: {', '.join(namen)}.")
        namen = [r.titel for r in result.gemeentebreed if r.uitkomst is u]
        if namen:
            regels.append(f"{gemeentebreed}: {', '.join(namen)}.")
    breed = result.gemeentebreed
    for wat, groep in (("", alle), (", gemeentebreed", breed)):
        met = [(r, r.uitzondering) for r in groep if r.uitzondering is not None]
        geldig = [f"{r.titel} (tot {datum(u.tot)})" for r, u in met if not u.verlopen]
        verlopen = [f"{r.titel} (op {datum(u.tot)})" for r, u in met if u.verlopen]
        if geldig:
            regels.append(f"Uitzondering{wat} (niet voldaan, apart geteld): {', '.join(geldig)}.")
        if verlopen:
            regels.append(
                f"Uitzondering verlopen{wat}, telt weer als niet voldaan: {', '.join(verlopen)}."
            )
    if len(regels) == 1:
        regels.append("Alle voorwaarden en checklist-items zijn voldaan.")
    return regels


def _overzicht_conclusie(ov: Overzicht) -> list[str]:
    som = Telling(
        voldaan=sum(t.voldaan for t in ov.totalen.values()),
        niet_voldaan=sum(t.niet_voldaan for t in ov.totalen.values()),
        onbekend=sum(t.onbekend for t in ov.totalen.values()),
        uitzondering=sum(t.uitzondering for t in ov.totalen.values()),
    )
    n = len(ov.rijen)
    uitz = f", {som.uitzondering} uitzondering" if som.uitzondering else ""
    regels = [
        f"{getal(n)} {'wijk' if n == 1 else 'wijken'} × {len(ov.voorwaarden)} voorwaarden: "
        f"{som.voldaan} voldaan, {som.niet_voldaan} niet voldaan, {som.onbekend} onbekend{uitz}."
    ]
    titels = {k.id: k.titel for k in ov.voorwaarden}
    aandacht = []
    for r in ov.rijen:
        if not r.problemen:
            continue
        wat = [titels[k] for k, u in r.voorwaarden.items() if u is Uitkomst.NIET_VOLDAAN]
        if r.items.niet_voldaan:
            n_items = r.items.niet_voldaan
            wat.append(f"{n_items} checklist-{'item' if n_items == 1 else 'items'}")
        naam = f"{r.wijk} ({r.gemeente})" if ov.meerdere_gemeenten else r.wijk
        aandacht.append(f"{naam}: {', '.join(wat)}")
    if aandacht:
        wijken = "1 wijk" if len(aandacht) == 1 else f"{getal(len(aandacht))} wijken"
        regels.append(f"Niet voldaan in {wijken}: {noem(aandacht, 'zie de tabel')}.")
    else:
        regels.append("In geen enkele getoonde wijk is iets niet voldaan.")
    uitzonderingen = []
    for r in ov.rijen:
        wat = [titels[k] for k, u in r.voorwaarden.items() if u is Uitkomst.UITZONDERING]
        if r.items.uitzondering:
            n_items = r.items.uitzondering
            wat.append(f"{n_items} checklist-{'item' if n_items == 1 else 'items'}")
        if wat:
            naam = f"{r.wijk} ({r.gemeente})" if ov.meerdere_gemeenten else r.wijk
            uitzonderingen.append(f"{naam}: {', '.join(wat)}")
    if uitzonderingen:
        regels.append(
            "Uitzondering (niet voldaan met een geldig besluit, apart geteld) in "
            f"{'1 wijk' if len(uitzonderingen) == 1 else f'{len(uitzonderingen)} wijken'}: "
            f"{noem(uitzonderingen, 'zie de tabel')}."
        )
    for g in ov.gemeentebreed:
        if not g.telling.totaal:
            continue
        zin = (
            f"Gemeentebreed{f' in {g.gemeente}' if ov.meerdere_gemeenten else ''} (één keer "
            f"beoordeeld voor de hele gemeente, niet in de score): {g.telling.tekst()}"
        )
        for u, woord in (
            (Uitkomst.NIET_VOLDAAN, "niet voldaan"),
            (Uitkomst.ONBEKEND, "onbekend"),
            (Uitkomst.UITZONDERING, "uitzondering"),
        ):
            genoemd = [
                r.titel + (" ⚠ voorbeeldgegevens" if r.voorbeeldgegevens else "")
                for r in g.resultaten
                if r.uitkomst is u
            ]
            if genoemd:
                zin += f"; {woord}: {', '.join(genoemd)}"
        regels.append(zin + ".")
    return regels + naar_inwoners(ov)


def procent(deel: int, geheel: int) -> str:
    """`62 %`; never `0 %` for a few or `100 %` for nearly all (`< 1 %`, `> 99 %`)."""
    if not geheel:
        return "–"
    waarde = 100 * deel / geheel
    if 0 < waarde < 0.5:
        return "< 1 %"
    if 99.5 <= waarde < 100:
        return "> 99 %"
    return f"{int(waarde + 0.5)} %"


def bovenste_som(ov: Overzicht) -> Som | None:
    """The sum over everything the overview covers: its gemeente, or all its gemeenten."""
    niveau = "alle" if ov.meerdere_gemeenten else "gemeente"
    return next((s for s in ov.sommen if s.niveau == niveau), None)


def naar_inwoners(ov: Overzicht) -> list[str]:
    """The conclusion by inhabitants: per condition, the share of the inhabitants living in a
    wijk where it is met (and not met, unknown), after what those figures rest on."""
    som = bovenste_som(ov)
    if som is None or not ov.voorwaarden:
        return []
    if not som.inwoners:
        return ["Naar inwoners: de wijkbestanden tellen geen inwoners; geen aandeel te geven."]
    regels = []
    for k in ov.voorwaarden:
        t = som.voorwaarden[k.id].inwoners
        uitz = (
            f", {procent(t.uitzondering, som.inwoners)} waar een uitzondering geldt"
            if t.uitzondering
            else ""
        )
        regels.append(
            # the title quoted: "waar 'Inspraak van omwonenden in wat nodig is' voldaan is"
            f"{procent(t.voldaan, som.inwoners)} van de inwoners woont in een wijk waar "
            f"'{k.titel}' voldaan is; {procent(t.niet_voldaan, som.inwoners)} waar niet voldaan, "
            f"{procent(t.onbekend, som.inwoners)} waar onbekend{uitz}."
        )
    return [inwoners_uitleg(som, ov.weggelaten), *regels]


def inwoners_uitleg(som: Som, weggelaten: int = 0) -> str:
    """What the weighted shares rest on: how many inhabitants in how many wijk files, how many
    of them example figures, the gemeente's own figure, and wijken without a file."""
    waar = "de gemeente" if som.niveau == "gemeente" else "alle gemeenten"
    bestanden = "wijkbestand" if som.wijken == 1 else "wijkbestanden"
    tekst = (
        f"Naar inwoners ({waar}: {getal(som.inwoners)} inwoners in {getal(som.wijken)} {bestanden}"
        + (f", ook de {getal(weggelaten)} niet getoonde wijken" if weggelaten else "")
    )
    if som.inwoners_voorbeeld == som.inwoners:
        tekst += "; ⚠ al die inwonertallen zijn voorbeeldgegevens"
    elif som.inwoners_voorbeeld:
        tekst += f"; ⚠ {getal(som.inwoners_voorbeeld)} daarvan zijn voorbeeldgegevens"
    eigen = som.inwoners_gemeente
    if eigen is not None:
        vb = " ⚠ voorbeeldgegevens" if eigen.voorbeeld else ""
        tekst += (
            f"; gemeente.yaml noemt {eigen.waarde} inwoners ({eigen.bron}, "
            f"{datum(eigen.peildatum)}){vb}"
        )
    if som.zonder_inwoners:
        tekst += "; zonder inwonertal, dus wel per wijk en niet naar inwoners geteld: " + ", ".join(
            som.zonder_inwoners
        )
    if som.zonder_bestand:
        tekst += (
            "; zonder wijkbestand, dus uitkomst en inwoners onbekend en niet meegeteld: "
            + ", ".join(som.zonder_bestand)
        )
    return tekst + ")"


SOMMEN_TITEL = "Per kern en voor de gemeente, naar inwoners"
SOMMEN_UITLEG = (
    "Per voorwaarde het aandeel van de inwoners dat woont in een wijk waar die ✔ voldaan, "
    "✘ niet voldaan of ? onbekend is, over alle wijken met een wijkbestand (ook als het "
    "overzicht alleen de wijken met problemen toont). Wijken: het aantal wijkbestanden; wijken "
    "zonder bestand tellen niet mee. Een uitkomst waarbij niemand woont (0 %) staat er niet bij; "
    "§ uitzondering: niet voldaan met een geldig besluit, apart geteld. "
    "⚠ bij Inwoners: (deels) voorbeeldgegevens."
)


class SomRij(NamedTuple):
    label: str
    niveau: str  # kern, gemeente, alle
    wijken: str
    inwoners: str
    #: per condition: the shares of ✔, ✘ and ? (three short texts)
    cellen: list[list[str]]
    #: `3 wijken (+1 zonder bestand)`, where the wijken have no column of their own
    wijken_tekst: str = ""


class SommenView(NamedTuple):
    kolommen: list[str]  # Kern, Wijken, Inwoners, one per condition
    rijen: list[SomRij]


def sommen_view(ov: Overzicht) -> SommenView:
    """The sums as a table of cell texts: the same words in every format."""
    meer = ov.meerdere_gemeenten
    rijen = []
    for s in ov.sommen:
        if s.niveau == "kern":
            label = f"{s.naam} ({s.gemeente})" if meer else s.naam
        elif s.niveau == "gemeente":
            label = f"Gemeente {s.naam}"
        else:
            label = "Alle gemeenten"
        wijken = getal(s.wijken)
        lang = f"{wijken} {'wijk' if s.wijken == 1 else 'wijken'}"
        if s.zonder_bestand:
            wijken += f" (+{len(s.zonder_bestand)} zonder bestand)"
            lang += f" (+{len(s.zonder_bestand)} zonder bestand)"
        inwoners = getal(s.inwoners) + (" ⚠" if s.inwoners_voorbeeld else "")
        if s.zonder_inwoners:  # the inhabitants of these wijken are not in the figure
            n = len(s.zonder_inwoners)
            inwoners += f" (+{n} {'wijk' if n == 1 else 'wijken'} onbekend)"
        cellen = []
        for k in ov.voorwaarden:
            t = s.voorwaarden[k.id].inwoners
            # an outcome nobody lives with is left out (the legend says so): less to read;
            # an exception only where there is one
            delen = [
                f"{u.symbool} {procent(t.aantal(u), s.inwoners)}"
                for u in Uitkomst
                if t.aantal(u) or (not s.inwoners and u is not Uitkomst.UITZONDERING)
            ]
            cellen.append(delen[:1] if not s.inwoners else delen)
        rijen.append(SomRij(label, s.niveau, wijken, inwoners, cellen, lang))
    kolommen = ["Kern", "Wijken", "Inwoners", *(k.titel for k in ov.voorwaarden)]
    return SommenView(kolommen, rijen)


def bron_tekst(bron: Bron) -> str:
    labels = {"gegevens": "Gegevens", "norm": "Norm", "beleid": "Beleid"}
    extra = []
    if bron.voorbeeld:
        extra.append("VOORBEELDGEGEVENS")
    if bron.verouderd:
        extra.append("VEROUDERD")
    suffix = f" [{', '.join(extra)}]" if extra else ""
    return f"{labels[bron.soort]}: {bron.tekst}{suffix}"


#: Every picture and table of outcomes carries this legend: meaning never rests on colour alone.
LEGENDA = "✔ voldaan · ✘ niet voldaan · ? onbekend (er ontbreken gegevens)"
#: Added to the legend where an exception is shown.
UITZONDERING_LEGENDA = (
    "§ uitzondering (niet voldaan, met een besluit dat dat tot een einddatum toestaat; apart "
    "geteld, niet als voldaan)"
)


def titel(result: Result) -> str:
    if is_voorbeelden(result):
        wie = (
            f"{getal(len(result.gemeenten))} gemeenten"
            if result.meerdere_gemeenten
            else f"gemeente {result.gemeente}"
        )
        return f"Wat werkt waar: {wie}"
    if is_overzicht(result):
        if result.meerdere_gemeenten:
            return f"Overzicht sociale basis: {getal(len(result.gemeenten))} gemeenten"
        return f"Overzicht sociale basis: gemeente {result.gemeente}"
    if is_kaart(result):
        return f"Sociale kaart: {result.wijk}"
    return f"Audit sociale basis: {result.wijk}"


def score_tekst(score: Score) -> str:
    """`10 ✔ · 1 ✘ · 1 ?`: not met and unknown apart, never folded into one number."""
    tekst = f"{score.voldaan} ✔ · {score.niet_voldaan} ✘ · {score.onbekend} ?"
    return f"{tekst} · {score.uitzondering} §" if score.uitzondering else tekst


#: What the score column counts (after "Checklist =" or the column's short name).
SCORE_UITLEG = (
    "de checklist-items van de wijk: ✔ voldaan · ✘ niet voldaan · ? onbekend, van de {}; "
    "gemeentebrede items tellen niet mee"
)
#: The same for the narrow terminal form `10/1/1`.
SCORE_UITLEG_KORT = (
    "voldaan/niet voldaan/onbekend van de {} checklist-items van de wijk; gemeentebrede items "
    "tellen niet mee"
)


class OverzichtView(NamedTuple):
    """The overview as a matrix of cell texts: the same words in every format."""

    kolommen: list[str]  # [gemeente,] wijk, kern, one per condition, checklist score
    rijen: list[list[str]]
    uitkomsten: list[list[Uitkomst]]  # per row, per condition (for styling only)
    totalen: list[list[str]]  # per outcome: label, "" per other text column, counts, ""
    voor: int  # text columns before the conditions: 3 with a Gemeente column
    #: the outcome of each row of `totalen`
    totaal_uitkomsten: list[Uitkomst]

    @property
    def wijk(self) -> int:
        """Index of the wijk column, the row's header."""
        return self.voor - 2


_VOLGORDE = {"kern": "per kern", "naam": "op naam", "problemen": "meeste problemen eerst"}


def overzicht_kop(ov: Overzicht) -> list[tuple[str, str]]:
    getoond = len(ov.rijen)
    wijken = f"{getal(getoond)} van {getal(getoond + ov.weggelaten)}"
    if ov.alleen_problemen:
        wijken += " (alleen wijken waar iets niet voldaan is)"
    if ov.meerdere_gemeenten:
        namen = ov.gemeenten
        gemeente = ("Gemeenten", _opsomming(namen) if len(namen) <= 5 else getal(len(namen)))
    else:
        gemeente = ("Gemeente", ov.gemeente or "")
    return [
        gemeente,
        *checklist_kop(ov.checklist),
        ("Auditdatum", datum(ov.auditdatum)),
        ("Wijken", f"{wijken}, {_VOLGORDE[ov.sortering.value]}"),
    ]


def _opsomming(namen: list[str]) -> str:
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]


def getoonde_uitkomsten(ov: Overzicht) -> list[Uitkomst]:
    """The outcomes an overview's totals and legend name: `uitzondering` only when some
    condition or item of the overview has one (JSON and CSV always count it)."""
    vaste = [Uitkomst.VOLDAAN, Uitkomst.NIET_VOLDAAN, Uitkomst.ONBEKEND]
    tellingen = [
        *ov.totalen.values(),
        *(r.items for r in ov.rijen),
        *(g.telling for g in ov.gemeentebreed),
    ]
    if any(t.uitzondering for t in tellingen):
        return [*vaste, Uitkomst.UITZONDERING]
    return vaste


def legenda_tekst(ov: Overzicht) -> str:
    """`LEGENDA`, with the exception when the overview shows one."""
    if Uitkomst.UITZONDERING in getoonde_uitkomsten(ov):
        return f"{LEGENDA} · {UITZONDERING_LEGENDA}"
    return LEGENDA


def overzicht_view(ov: Overzicht) -> OverzichtView:
    meer = ov.meerdere_gemeenten
    kolommen = [
        *(["Gemeente"] if meer else []),
        "Wijk",
        "Kern",
        *(k.titel for k in ov.voorwaarden),
        f"Checklist ({ov.aantal_items} items)",
    ]
    rijen, uitkomsten = [], []
    for r in ov.rijen:
        cellen = [r.voorwaarden[k.id] for k in ov.voorwaarden]
        uitkomsten.append(cellen)
        rijen.append(
            [
                *([r.gemeente] if meer else []),
                r.wijk,
                r.kern,
                *(f"{u.symbool} {u.value}" for u in cellen),
                score_tekst(r.score),
            ]
        )
    totalen = []
    getoond = getoonde_uitkomsten(ov)
    for u in getoond:
        tellingen = [str(ov.totalen[k.id].aantal(u)) for k in ov.voorwaarden]
        leeg = ["", ""] if meer else [""]
        totalen.append([f"Totaal {u.symbool} {u.value}", *leeg, *tellingen, ""])
    return OverzichtView(kolommen, rijen, uitkomsten, totalen, 3 if meer else 2, getoond)


def kaart_kop(kaart: SocialeKaart) -> list[tuple[str, str]]:
    inw = kaart.inwoners
    inwoners = (
        INWONERS_ONBEKEND if inw is None else f"{inw.waarde} ({inw.bron}, {datum(inw.peildatum)})"
    )
    code = f" · CBS {kaart.cbs_buurtcode}" if kaart.cbs_buurtcode else ""
    return [
        ("Wijk", f"{kaart.wijk} (kern {kaart.kern}, gemeente {kaart.gemeente}){code}"),
        ("Inwoners", inwoners),
        ("Soorten", f"{kaart.checklist.naam}, versie {kaart.checklist.versie}"),
        ("Datum", datum(kaart.datum)),
    ]


def ja_nee(waarde: bool | None) -> str:
    return {True: "ja", False: "nee", None: "onbekend"}[waarde]


class KaartRij(NamedTuple):
    naam: str
    soort: str
    toegankelijk: str
    waar: str
    details: str  # capacity, address, remark
    bronnen: list[int]


class KaartSectie(NamedTuple):
    titel: str  # "In de wijk", "Elders in kern …", "Bedient deze wijk", "Gemeentebreed"
    eigen: bool
    rijen: list[KaartRij]


class KaartGroep(NamedTuple):
    titel: str
    omschrijving: str
    secties: list[KaartSectie]  # only sections with rows; none when the layer is empty


class KaartView(NamedTuple):
    groepen: list[KaartGroep]
    bronnen: list[Bron]
    wat_werkt: list[PraktijkRij]


KAART_KOLOMMEN = ["Voorziening", "Soort", "Toegankelijk", "Waar", "Bron"]
GEEN_VOORZIENINGEN = "geen voorzieningen vastgelegd"


def kaart_view(kaart: SocialeKaart) -> KaartView:
    bronnen = _Bronnen()
    sectietitels = {
        "wijk": "In de wijk",
        "kern": f"Elders in kern {kaart.kern}",
        "bedient": "Van elders, bedient deze wijk",
        "gemeente": f"Gemeentebreed ({kaart.gemeente})",
    }

    def rij(v: KaartVoorziening) -> KaartRij:
        nummer = bronnen.nummer(
            "gegevens",
            v.bron,
            voorbeeld=v.voorbeeld,
            verouderd=v.verouderd,
            peildatum=v.peildatum,
        )
        details = [
            t
            for t in (
                f"capaciteit {v.capaciteit}" if v.capaciteit else "",
                v.adres or "",
                v.opmerking or "",
            )
            if t
        ]
        return KaartRij(
            v.naam, v.soort_naam, ja_nee(v.toegankelijk), v.waar, "; ".join(details), [nummer]
        )

    def secties(vs: list[KaartVoorziening]) -> list[KaartSectie]:
        return [
            KaartSectie(titel, bereik == "wijk", [rij(v) for v in vs if v.bereik == bereik])
            for bereik, titel in sectietitels.items()
            if any(v.bereik == bereik for v in vs)
        ]

    groepen = [
        KaartGroep(laag.titel, laag.omschrijving, secties(laag.in_de_wijk + laag.ook_voor_de_wijk))
        for laag in kaart.lagen
    ]
    if kaart.onbekende_soorten:
        groepen.append(
            KaartGroep(
                "Soort onbekend",
                "soort staat niet in de catalogus van de checklist",
                secties(kaart.onbekende_soorten),
            )
        )
    praktijken = kaart_praktijken(kaart, bronnen)
    return KaartView(groepen, bronnen.af(), praktijken)


def kaart_samenvatting(kaart: SocialeKaart) -> str:
    delen = [f"{laag.titel.split()[0].lower()} {len(laag.in_de_wijk)}" for laag in kaart.lagen]
    ook = sum(len(laag.ook_voor_de_wijk) for laag in kaart.lagen)
    tekst = (
        f"In de wijk: {sum(len(la.in_de_wijk) for la in kaart.lagen)} voorzieningen "
        f"({', '.join(delen)}); daarbuiten bedienen nog {ook} voorzieningen deze wijk."
    )
    n = len(kaart.wat_werkt)
    if n:
        tekst += f" Wat werkt hier: {n} {'praktijk' if n == 1 else 'praktijken'}."
    return tekst


# -- what works (wat_werkt): in the sociale kaart and in `wijkcheck voorbeelden` ---------------

WAT_WERKT_TITEL = "Wat werkt hier: praktijken om van te leren"
WAT_WERKT_KOLOMMEN = ["Voorwaarde", "Wat werkt", "Sinds", "Contact", "Bron"]
VOORBEELDEN_KOLOMMEN = ["Wijk", "Wat werkt", "Sinds", "Contact", "Bron"]
GEEN_PRAKTIJKEN = "nog geen praktijk vastgelegd (wat_werkt in een wijkbestand)"


class PraktijkRij(NamedTuple):
    waar: str  # the condition (sociale kaart) or the wijk (voorbeelden)
    wat: str
    sinds: str
    contact: str
    details: str  # the outcome in its own wijk (voorbeelden), remarks
    bronnen: list[int]


def sinds_tekst(sinds: dt.date, geschat: bool) -> str:
    return datum(sinds) + (" (geschat)" if geschat else "")


def kaart_praktijken(kaart: SocialeKaart, bronnen: _Bronnen) -> list[PraktijkRij]:
    return [
        PraktijkRij(
            p.voorwaarde_titel,
            p.wat,
            sinds_tekst(p.sinds, p.geschat),
            p.contact,
            p.toelichting or "",
            [bronnen.nummer("gegevens", p.bron, voorbeeld=p.voorbeeld)],
        )
        for p in kaart.wat_werkt
    ]


class VoorbeeldSectie(NamedTuple):
    titel: str
    rijen: list[PraktijkRij]
    #: "Niet voldaan in …", "Onbekend in …": the wijken that could learn from the rows
    daar: list[str]


class VoorbeeldenView(NamedTuple):
    secties: list[VoorbeeldSectie]
    bronnen: list[Bron]


_SOORT_WOORD = {
    "voorwaarde": "voorwaarde",
    "item": "checklist-item",
    "gemeentebreed": "gemeentebreed",
}


def _wijken(refs: list[WijkRef], meer: bool) -> str:
    def een(w: WijkRef) -> str:
        waar = f"kern {w.kern}, {w.gemeente}" if meer else f"kern {w.kern}"
        inwoners = "inwoners onbekend" if w.inwoners is None else f"{getal(w.inwoners)} inwoners"
        let_op = [
            t
            for t, ja in (("voorbeeldgegevens", w.voorbeeldgegevens), ("verouderd", w.verouderd))
            if ja
        ]
        vlag = f" ⚠ {', '.join(let_op)}" if let_op else ""
        return f"{w.wijk} ({waar}, {inwoners}){vlag}"

    return "; ".join(een(w) for w in refs)


def voorbeelden_view(gv: GoedeVoorbeelden) -> VoorbeeldenView:
    bronnen = _Bronnen()
    meer = gv.meerdere_gemeenten
    secties = []
    for o in gv.onderwerpen:
        rijen = []
        for p in o.praktijken:
            waar = f"{p.wijk} (kern {p.kern}" + (f", {p.gemeente})" if meer else ")")
            hier = f"in deze wijk: {p.uitkomst_hier.symbool} {p.uitkomst_hier.value}"
            details = f"{hier}; {p.toelichting}" if p.toelichting else hier
            # like every row of a report: a practice nobody recorded for real says so
            wat = f"{p.wat} {let_op(['voorbeeldgegevens'])}" if p.voorbeeld else p.wat
            rijen.append(
                PraktijkRij(
                    waar,
                    wat,
                    sinds_tekst(p.sinds, p.geschat),
                    p.contact,
                    details,
                    [bronnen.nummer("gegevens", p.bron, voorbeeld=p.voorbeeld)],
                )
            )
        daar = []
        for refs, woord in (
            (o.niet_voldaan, "Niet voldaan"),
            (o.uitzondering, "Uitzondering (niet voldaan, apart geteld)"),
            (o.onbekend, "Onbekend"),
        ):
            if refs:
                n = len(refs)
                wijken = "wijk" if n == 1 else "wijken"
                daar.append(f"{woord} in {getal(n)} {wijken}: {_wijken(refs, meer)}.")
        if o.gemeenten_niet_voldaan:
            daar.append(
                "Gemeentebreed niet voldaan in: " + ", ".join(o.gemeenten_niet_voldaan) + "."
            )
        if not daar and o.soort != "gemeentebreed":
            daar.append(f"In alle {getal(o.voldaan)} wijken voldaan.")
        secties.append(VoorbeeldSectie(f"{o.titel} ({_SOORT_WOORD[o.soort]})", rijen, daar))
    return VoorbeeldenView(secties, bronnen.af())


def voorbeelden_kop(gv: GoedeVoorbeelden) -> list[tuple[str, str]]:
    if gv.meerdere_gemeenten:
        gemeente = (
            "Gemeenten",
            _opsomming(gv.gemeenten) if len(gv.gemeenten) <= 5 else getal(len(gv.gemeenten)),
        )
    else:
        gemeente = ("Gemeente", gv.gemeente or "")
    gevraagd = []
    if gv.gevraagd is not None:
        gevraagd = [("Voorwaarde", f"{gv.onderwerpen[0].titel} ({gv.gevraagd})")]
    return [gemeente, *checklist_kop(gv.checklist), ("Auditdatum", datum(gv.auditdatum)), *gevraagd]


def _voorbeelden_conclusie(gv: GoedeVoorbeelden) -> list[str]:
    n = len(gv.praktijken)
    wijken = len({(p.gemeente, p.wijk) for p in gv.praktijken})
    regels = [
        f"{getal(n)} {'praktijk' if n == 1 else 'praktijken'} vastgelegd in {getal(wijken)} "
        f"{'wijk' if wijken == 1 else 'wijken'}."
    ]
    for o in gv.onderwerpen:
        bij = ", ".join(dict.fromkeys(p.wijk for p in o.praktijken))
        daar = ", ".join([w.wijk for w in o.niet_voldaan] + o.gemeenten_niet_voldaan)
        if bij and daar:
            regels.append(f"{o.titel}: wat werkt in {bij}; niet voldaan in {daar}.")
        elif daar:
            regels.append(f"{o.titel}: niet voldaan in {daar}; nog geen praktijk vastgelegd.")
        elif bij:
            regels.append(f"{o.titel}: wat werkt in {bij}; nergens niet voldaan.")
    return regels


def _voorbeelden_meldingen(gv: GoedeVoorbeelden) -> list[str]:
    out = []
    if gv.verouderde_gegevens:
        out.append(
            "Een uitkomst bij een wijk rust (deels) op gegevens ouder dan de maximale ouderdom van "
            f"de checklist ({gv.checklist.maximale_ouderdom_maanden} maanden): ⚠ verouderd bij "
            "die wijk; 'wijkcheck audit WIJK' noemt ze."
        )
    if gv.later_begonnen:
        out.append(
            f"{getal(gv.later_begonnen)} praktijken zijn na de auditdatum begonnen (sinds) en "
            "staan er niet bij."
        )
    if gv.niet_getoetst:
        out.append(
            f"{getal(gv.niet_getoetst)} praktijken horen bij voorwaarden of items die deze "
            "thema-checklist niet toetst; ze staan er niet bij (zonder --checklist wel)."
        )
    if gv.ontbrekende_wijken:
        out.append(
            "Zonder wijkbestand, dus niet getoond: " + ", ".join(gv.ontbrekende_wijken) + "."
        )
    return out


R = TypeVar("R", "Rapport", "Overzicht", "SocialeKaart", "GoedeVoorbeelden")


def _schoon(waarde: Any) -> Any:
    if isinstance(waarde, str):
        return zichtbaar(waarde, behoud="\t\n\r")
    if isinstance(waarde, dict):
        return {k: _schoon(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_schoon(v) for v in waarde]
    return waarde


# The same characters as they appear in pydantic's JSON: C0 escaped (\b, \f or \u00XX),
# DEL and C1 as they are. A literal backslash in a text may match too; that only costs time.
_BESTURING_JSON = re.compile(
    r"\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])|\\[bf]|[\x7f-\x9f]"
    "|[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
    "|::"
)


def schoon(result: R) -> R:
    """The result with control, bidi and zero-width characters in its texts written as
    escapes (`zichtbaar`), and no two colons side by side (a line of a report printed in CI
    must not start a workflow command): a name with an escape sequence must not recolour the
    terminal nor a U+202E turn a line around, and XML (docx, svg) cannot hold control
    characters at all."""
    if not _BESTURING_JSON.search(result.model_dump_json()):
        return result  # nearly always (the loader refuses them): one fast scan, no copy
    return type(result).model_validate(_schoon(result.model_dump()))


# -- list, explain and regels: what every format says ------------------------------------------

WIJKEN_KOLOMMEN = ["Wijk", "Kern", "Inwoners", "Peildatum", "Bron"]
ONDERWERPEN_KOLOMMEN = ["Id", "Titel"]
EEN_ONDERWERP = "Uitleg bij één onderwerp: wijkcheck explain ONDERWERP (id of titel)."


def wijken_titel(lijst: Wijkenlijst) -> str:
    if len(lijst.gemeenten) == 1:
        return f"Wijken van gemeente {lijst.gemeenten[0].gemeente}"
    return f"Wijken van {getal(len(lijst.gemeenten))} gemeenten"


def wijk_cellen(w: WijkRegel) -> tuple[str, str, str, str, str]:
    """A row of `wijkcheck list`: a new wijk whose figures are still to be filled in has no
    inhabitants yet."""
    if w.inwoners is None or w.peildatum is None:
        return (w.wijk, w.kern, "onbekend", "", "niet vastgelegd")
    bron = "voorbeeld" if w.voorbeeld else (w.bron or "")
    return (w.wijk, w.kern, getal(w.inwoners), datum(w.peildatum), bron)


def wijken_telling(g: GemeenteWijken, herkomst: str) -> str:
    return f"{len(g.wijken)} wijken in {g.kernen} kernen ({herkomst})."


def uitleg_kop(u: Uitleg) -> list[str]:
    """The lines under a topic's title: what it is, from which layer, judged where."""
    soort = "Voorwaarde" if u.voorwaarde else "Checklist-item"
    out = [f"{soort} '{u.id}' uit {u.checklist}, versie {u.versie}"]
    if u.laag is not None:
        staat = "concept, niet vastgesteld" if u.laag.concept else "vastgesteld"
        out.append(f"Laag: {u.laag.niveau} ({u.laag.naam}, versie {u.laag.versie}; {staat})")
    if u.gemeentebreed:
        out.append(
            "Gemeentebreed: één keer per gemeente beoordeeld, niet in de score van een wijk."
        )
    return out


def meegeleverd(result: Onderwerpen | Uitleg) -> str | None:
    """The bundled-data notice of an explanation of a gemeente's own checklist, if due."""
    if result.meegeleverde_gegevens and result.gemeente is not None:
        return MEEGELEVERD_MELDING.format(f"gemeente {result.gemeente}")
    return None
