"""Generate synthetic data sets in the shipped format, for benchmarks.

    python bench/generate.py 2000 bench/out/2000
    python bench/generate.py 1000 bench/out/1000-een --een-gemeente
    python bench/generate.py 3000 bench/out/3000-kern --een-gemeente --kernen 1

writes `data/wijken/<gemeente>/gemeente.yaml`, one file per wijk and `checklists/`, with sizes
and variety like the bundled Heusden data: villages with no facilities next to town centres with
thirty, some indicators missing, some facilities of unknown accessibility, some old figures, and
comments. Deterministic for a given size (seeded), so runs are comparable.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Heusden's checklist and the regional one it builds on (`extends`): the soorten, conditions
#: and items the generated wijken use.
CHECKLISTS = [ROOT / "checklists" / "hart-van-brabant.yaml", ROOT / "checklists" / "heusden.yaml"]

SOORTEN = [
    "buurthuis",
    "dorpshuis",
    "beweeg-ontmoetlocatie",
    "speeltuin",
    "ontmoetplek-buiten",
    "sportaccommodatie",
    "bibliotheek",
    "basisschool",
    "huisarts",
    "apotheek",
    "wijkverpleging",
    "supermarkt",
    "ov-halte",
    "sportvereniging",
    "cultuurvereniging",
    "buurt-bestuurt",
    "wijkvereniging",
    "geloofsgemeenschap",
    "jongerenwerk",
    "buurtondersteuning",
    "maatschappelijk-werk",
    "horeca-ontmoeting",
    "jeugdgezondheidszorg",
    "buurtapp",
]
INDICATOREN = {
    "laag-inkomen": (3, 18),
    "leefbaarometer": (3, 9),
    "ervaren-gezondheid": (60, 85),
    "voortijdig-schoolverlaten": (0.5, 4),
    "onveiligheid": (10, 45),
    "sociale-cohesie": (5, 8),
    "eenzaamheid": (35, 60),
    "vrijwilligerswerk": (15, 40),
    "aandeel-65-plus": (10, 35),
    "afstand-huisarts": (0.3, 4),
    "afstand-supermarkt": (0.2, 5),
}
ROLLEN = [
    "buurtondersteuner",
    "sociaal-werker",
    "jongerenwerker",
    "wijkcoordinator",
    "community-builder",
]
GEMEENTE_VOORZIENINGEN = [
    "steunpunt-mantelzorg",
    "respijtzorg",
    "geldzakenspreekuur",
    "vrijwilligersplatform",
    "regiotaxi",
    "ouderenvervoer",
    "voedselbank",
]


def _date(rng: random.Random) -> str:
    return f"{rng.choice([2023, 2024, 2024, 2025, 2025])}-{rng.randint(1, 12):02d}-01"


def _figure(waarde: float, rng: random.Random) -> str:
    return f"{{waarde: {waarde}, bron: voorbeeld, peildatum: {_date(rng)}}}"


def wijk_yaml(naam: str, kern: str, rng: random.Random) -> str:
    size = rng.choice(["dorp", "dorp", "wijk", "wijk", "wijk", "centrum"])
    inwoners = {
        "dorp": rng.randint(60, 2500),
        "wijk": rng.randint(1500, 7000),
        "centrum": rng.randint(3000, 9000),
    }[size]
    n_voorz = {
        "dorp": rng.randint(0, 4),
        "wijk": rng.randint(4, 14),
        "centrum": rng.randint(12, 30),
    }[size]
    lines = [
        f"# {naam}, kern {kern}. Synthetische benchmarkgegevens (bron: voorbeeld).",
        f"naam: {naam}",
        f"kern: {kern}",
        "peildatum: 2025-01-01",
        f"inwoners: {_figure(inwoners, rng)}",
        f"omschrijving: Synthetische wijk van het type {size}.",
    ]
    if rng.random() > 0.03:  # a few wijken record no facilities at all
        lines.append("voorzieningen:" if n_voorz else "voorzieningen: []")
        for i in range(n_voorz):
            soort = rng.choice(SOORTEN)
            lines += [
                f"  - naam: {soort.replace('-', ' ').title()} {naam} {i + 1}",
                f"    soort: {soort}",
            ]
            toeg = rng.random()
            if toeg < 0.7:
                lines.append("    toegankelijk: true")
            elif toeg < 0.8:
                lines.append("    toegankelijk: false")
            lines += ["    bron: voorbeeld", f"    peildatum: {_date(rng)}"]
    lines.append("indicatoren:")
    for ind, (lo, hi) in INDICATOREN.items():
        if rng.random() < 0.85:
            lines.append(f"  {ind}: {_figure(round(rng.uniform(lo, hi), 1), rng)}")
    lines.append("ondersteuningsvraag:")
    lines.append(f"  wmo-clienten: {_figure(rng.randint(30, 110), rng)}")
    if rng.random() < 0.9:
        lines.append("capaciteit:")
        for rol in ROLLEN:
            lines.append(f"  {rol}: {_figure(round(rng.uniform(0, inwoners / 3000), 1), rng)}")
    if rng.random() < 0.5:
        oordeel = rng.choice(["voldaan", "voldaan", "niet voldaan"])
        lines += [
            "oordelen:",
            "  sociale-cohesie-en-inclusie:",
            f"    oordeel: {oordeel}",
            "    motivering: Synthetisch oordeel voor de benchmark.",
            "    auteur: voorbeeld",
            f"    datum: {_date(rng)}",
            "    bron: voorbeeld",
        ]
    return "\n".join(lines) + "\n"


def gemeente_yaml(naam: str, code: int, kernen: dict[str, list[str]], rng: random.Random) -> str:
    lines = [
        f"# Synthetische gemeente {naam} (benchmark).",
        f"naam: {naam}",
        f"cbs_code: GM{code:04d}",
        "checklist: heusden",
        "kernen:",
    ]
    for kern, wijken in kernen.items():
        lines.append(f"  {kern}: [{', '.join(wijken)}]")
    lines += ["referentie:", f"  wmo-clienten: {_figure(62, rng)}", "voorzieningen:"]
    for soort in GEMEENTE_VOORZIENINGEN:
        lines += [
            f"  - naam: {soort.title()} {naam}",
            f"    soort: {soort}",
            "    bron: voorbeeld",
            f"    peildatum: {_date(rng)}",
        ]
    for kern in kernen:
        lines.append(
            f"  - {{naam: WWT {kern}, soort: wijk-en-welzijnsteam, kern: {kern}, "
            f"bron: voorbeeld, peildatum: {_date(rng)}}}"
        )
    return "\n".join(lines) + "\n"


def generate(
    n_wijken: int,
    out: Path,
    seed: int = 797,
    *,
    een_gemeente: bool = False,
    kernen: int | None = None,
) -> Path:
    """Write a data set of `n_wijken` wijken under `out`; return `out`.

    By default gemeenten of a few to a hundred-odd wijken, like the Netherlands. With
    `een_gemeente` all wijken in one gemeente; `kernen` fixes how many kernen it has (1: every
    wijk in one kern), otherwise a gemeente of N wijken has N // 8 + 1 kernen (at most 26).
    """
    rng = random.Random(seed + n_wijken + (1_000_000 if een_gemeente else 0) + (kernen or 0))
    if out.exists():
        shutil.rmtree(out)
    wijken_dir = out / "data" / "wijken"
    (out / "checklists").mkdir(parents=True)
    for checklist in CHECKLISTS:
        shutil.copy(checklist, out / "checklists" / checklist.name)
    made, g = 0, 0
    while made < n_wijken:
        g += 1
        # Dutch municipalities hold a few to a hundred-odd buurten; about 42 on average.
        size = n_wijken if een_gemeente else max(1, int(rng.lognormvariate(3.5, 0.6)))
        size = min(n_wijken - made, size)
        naam = f"Gemeente{g:03d}"
        folder = wijken_dir / naam.lower()
        folder.mkdir(parents=True)
        per_kern = kernen or max(1, size // 8 + 1)
        gemeente_kernen: dict[str, list[str]] = {}
        for i in range(size):
            kern = f"Kern{g:03d}{chr(65 + (i % per_kern) % 26)}"
            wijk = f"Wijk{g:03d}-{i + 1:04d}" if size > 999 else f"Wijk{g:03d}-{i + 1:03d}"
            gemeente_kernen.setdefault(kern, []).append(wijk)
            (folder / f"{wijk.lower()}.yaml").write_text(
                wijk_yaml(wijk, kern, rng), encoding="utf-8"
            )
        (folder / "gemeente.yaml").write_text(
            gemeente_yaml(naam, g, gemeente_kernen, rng), encoding="utf-8"
        )
        made += size
    return out


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Genereer synthetische benchmarkgegevens.")
    parser.add_argument("aantal", type=int, help="aantal wijken")
    parser.add_argument("uitvoer", type=Path, help="uitvoermap")
    parser.add_argument("--een-gemeente", action="store_true", help="alle wijken in één gemeente")
    parser.add_argument("--kernen", type=int, default=None, help="aantal kernen per gemeente")
    args = parser.parse_args(argv)
    out = generate(args.aantal, args.uitvoer, een_gemeente=args.een_gemeente, kernen=args.kernen)
    print(f"{args.aantal} wijken geschreven naar {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
