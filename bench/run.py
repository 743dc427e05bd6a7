"""Benchmark wijkcheck against its baselines, side by side in one run.

    .venv/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/run.py            # full run (19, 2,000 and 14,500 wijken; one
                                             # gemeente of 1,000 and one kern of 3,000)
    .venv/bin/python bench/run.py --snel     # fewer repetitions, no 14,500 set

Every measurement is a fresh process (cold start, as a user or pre-commit sees it); the script
reports the median wall time over repeated runs and the peak memory (max RSS) of the process.
Ratios are what the targets in docs/performance.md are about, because machines differ.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

BIN = Path(sys.executable).parent
WIJKCHECK = str(BIN / "wijkcheck")


@dataclass
class Meting:
    naam: str
    mediaan_s: float
    min_s: float
    piek_mib: float
    runs: int
    exitcodes: list[int]


def meet(
    naam: str, cmd: list[str], runs: int, cwd: Path, env: dict[str, str], stil: bool = False
) -> Meting:
    tijden, pieken, codes = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(proc.pid, 0)
        tijden.append(time.perf_counter() - start)
        pieken.append(usage.ru_maxrss / 1024)  # KiB on Linux
        codes.append(os.waitstatus_to_exitcode(status))
    m = Meting(naam, statistics.median(tijden), min(tijden), max(pieken), runs, sorted(set(codes)))
    if not stil:
        print(
            f"  {naam:48} {m.mediaan_s * 1000:9.0f} ms  {m.piek_mib:7.1f} MiB  exit {m.exitcodes}",
            flush=True,
        )
    return m


def meet_om_en_om(
    cmds: list[tuple[str, list[str]]], runs: int, cwd: Path, env: dict[str, str]
) -> list[Meting]:
    """Commands whose ratio is a target, run in turns (a, b, a, b, ...) after one run of each
    not counted: on a shared machine whose speed drifts, runs of one after the other would put
    the drift in the ratio (docs/performance.md measures interleaved throughout)."""
    for _, cmd in cmds:
        subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rondes = [[meet(naam, cmd, 1, cwd, env, stil=True) for naam, cmd in cmds] for _ in range(runs)]
    uit = []
    for i, (naam, _) in enumerate(cmds):
        ms = [r[i] for r in rondes]
        tijden = [x.mediaan_s for x in ms]
        codes = sorted({c for x in ms for c in x.exitcodes})
        piek = max(x.piek_mib for x in ms)
        m = Meting(naam, statistics.median(tijden), min(tijden), piek, runs, codes)
        print(
            f"  {naam:48} {m.mediaan_s * 1000:9.0f} ms  {m.piek_mib:7.1f} MiB  exit {m.exitcodes}"
            "  (om en om)",
            flush=True,
        )
        uit.append(m)
    return uit


def yaml_files(root: Path) -> list[str]:
    return sorted(str(p) for p in (root / "data" / "wijken").rglob("*.yaml"))


def schema_file(tmp: Path) -> Path:
    from wijkcheck.core.models import Wijk

    path = tmp / "wijk.schema.json"
    path.write_text(json.dumps(Wijk.model_json_schema()), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snel", action="store_true", help="fewer runs, no 14,500 set")
    parser.add_argument("--uit", type=Path, default=HERE / "out", help="folder for data/results")
    args = parser.parse_args()
    runs_klein, runs_groot = (3, 1) if args.snel else (10, 3)
    # the pairs whose ratio is a target (issue 12, part 5; issue 13, part 7), in turns
    runs_paar = 5 if args.snel else 9
    uit: Path = args.uit
    uit.mkdir(parents=True, exist_ok=True)
    leeg = Path(tempfile.mkdtemp(prefix="wijkcheck-bench-"))
    # PYTHONDONTWRITEBYTECODE would make every run compile wijkcheck's modules from source
    # (~90 ms): an installed wheel has its bytecode, and so must the measured one.
    weg = ("WIJKCHECK_DATA", "GITHUB_ACTIONS", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in weg}
    env["NO_COLOR"] = "1"
    metingen: dict[str, Meting] = {}
    py = sys.executable

    def m(key: str, naam: str, cmd: list[str], runs: int) -> Meting:
        metingen[key] = meet(naam, cmd, runs, leeg, env)
        return metingen[key]

    # One run not counted writes the bytecode an editable install has not got yet.
    subprocess.run(
        [WIJKCHECK, "audit", "Vlijmen-Dorp", "--geen-cache"],
        cwd=leeg,
        env=env,
        stdout=subprocess.DEVNULL,
        check=False,
    )
    print("Opstarten (gebundelde gegevens, lege map):")
    m(
        "import",
        "python -c 'import typer, pydantic, yaml, rich'",
        [py, "-c", "import typer, pydantic, yaml, rich"],
        runs_klein,
    )
    # Context, no target: `import pydantic` and `import rich` above load only their lazy top
    # levels. This is the floor of any audit that validates with a BaseModel and prints a rich
    # table: importing just those, before any work (docs/performance.md).
    vloer = "import typer, yaml; from pydantic import BaseModel; import rich.console, rich.table"
    m("import-gebruik", "idem + BaseModel, rich.console, rich.table", [py, "-c", vloer], runs_klein)
    # A first audit (or one after the data changed) computes everything; a repeated audit of
    # unchanged files is answered from wijkcheck's memo (docs/performance.md). Both are cold
    # processes; the memo lives in a fresh folder of this run, filled by one run not counted.
    env["WIJKCHECK_CACHE"] = "uit"
    # The floor (issue 13, part 7): a minimal typer + pydantic + rich app that validates one wijk
    # file and prints a table (bench/floor.py). Target: the computed audit ≤ 1.3 × this.
    wijkbestand = Path(__file__).resolve().parent.parent / "data/wijken/heusden/vlijmen-dorp.yaml"
    berekend = ("wijkcheck audit Vlijmen-Dorp (berekend)", [WIJKCHECK, "audit", "Vlijmen-Dorp"])
    if wijkbestand.is_file():
        # Context, no target: the floor with what wijkcheck's `main` does with Python's cyclic
        # collector (off, and the objects frozen before the interpreter's collection at exit),
        # which makes the floor itself faster (docs/performance.md, fifth round).
        metingen["audit"], metingen["vloer"], metingen["vloer-gc"] = meet_om_en_om(
            [
                berekend,
                (
                    "bench/floor.py (typer + pydantic + rich, één wijk)",
                    [py, str(HERE / "floor.py"), str(wijkbestand)],
                ),
                (
                    "bench/floor.py --gc-zoals-wijkcheck",
                    [py, str(HERE / "floor.py"), str(wijkbestand), "--gc-zoals-wijkcheck"],
                ),
            ],
            runs_paar,
            leeg,
            env,
        )
    else:
        m("audit", berekend[0], berekend[1], runs_klein)
    env["WIJKCHECK_CACHE"] = str(leeg / "cache")
    subprocess.run(
        [WIJKCHECK, "audit", "Vlijmen-Dorp"], cwd=leeg, env=env, stdout=subprocess.DEVNULL
    )
    m(
        "audit-herhaald",
        "wijkcheck audit Vlijmen-Dorp (herhaald)",
        [WIJKCHECK, "audit", "Vlijmen-Dorp"],
        runs_klein,
    )
    env["WIJKCHECK_CACHE"] = "uit"

    sets = [2000] if args.snel else [2000, 14500]
    for n in sets:
        data = uit / str(n)
        if not (data / "data" / "wijken").is_dir():
            print(f"Genereer {n} wijken in {data} …", flush=True)
            generate(n, data)
        files = yaml_files(data)
        runs = runs_klein if n <= 2000 else runs_groot
        print(f"Valideren, {n} wijken ({len(files)} bestanden):")
        m(
            f"pyyaml-{n}",
            "PyYAML CSafeLoader (alleen laden)",
            [py, str(HERE / "load_yaml.py"), str(data)],
            runs,
        )
        m(f"validate-{n}", "wijkcheck validate", [WIJKCHECK, "validate", "--data", str(data)], runs)
        if shutil.which("yamllint", path=str(BIN)) or (BIN / "yamllint").exists():
            m(
                f"yamllint-{n}",
                "yamllint -d relaxed",
                [str(BIN / "yamllint"), "-d", "relaxed", str(data / "data")],
                1,
            )
        if (BIN / "check-jsonschema").exists():
            wijkfiles = [f for f in files if not f.endswith("gemeente.yaml")]
            m(
                f"jsonschema-{n}",
                "check-jsonschema (schema uit de modellen)",
                [str(BIN / "check-jsonschema"), "--schemafile", str(schema_file(leeg)), *wijkfiles],
                1,
            )
        if n == sets[-1]:
            print(f"Overzicht, {n} wijken:")
            m(
                f"overview-{n}",
                "wijkcheck overview --format json",
                [WIJKCHECK, "overview", "--data", str(data), "--format", "json"],
                runs,
            )
            # the default format: the terminal table, drawn by rich (formatters/report/fasttable.py)
            m(
                f"overview-tabel-{n}",
                "wijkcheck overview (tabel, 80 kolommen)",
                [WIJKCHECK, "overview", "--data", str(data)],
                1,
            )

    # One large gemeente, and one large kern: the work per wijk must not grow with either
    # (issue 12, part 5). Targets: overview ≤ 1.5 × PyYAML loading the same files, ≤ 200 MiB.
    groot = [
        ("1000-een", "één gemeente van 1.000 wijken", {"een_gemeente": True}),
        ("3000-kern", "3.000 wijken in één kern", {"een_gemeente": True, "kernen": 1}),
    ]
    for naam, omschrijving, opties in groot:
        data = uit / naam
        if not (data / "data" / "wijken").is_dir():
            print(f"Genereer {omschrijving} in {data} …", flush=True)
            generate(int(naam.split("-")[0]), data, **opties)
        print(f"Overzicht, {omschrijving}:")
        metingen[f"pyyaml-{naam}"], metingen[f"overview-{naam}"] = meet_om_en_om(
            [
                ("PyYAML CSafeLoader (alleen laden)", [py, str(HERE / "load_yaml.py"), str(data)]),
                (
                    "wijkcheck overview --format json",
                    [WIJKCHECK, "overview", "--data", str(data), "--format", "json"],
                ),
            ],
            runs_paar,
            leeg,
            env,
        )
        m(f"validate-{naam}", "wijkcheck validate", [WIJKCHECK, "validate", "--data", str(data)], 1)

    def ratio(a: str, b: str) -> float | None:
        if a in metingen and b in metingen and metingen[b].mediaan_s > 0:
            return metingen[a].mediaan_s / metingen[b].mediaan_s
        return None

    print("\nVerhoudingen (doel tussen haakjes):")
    regels = [
        ("koude audit, herhaald / kale import", ratio("audit-herhaald", "import"), "≤ 1,5"),
        (
            "koude audit, berekend / kale import",
            ratio("audit", "import"),
            "≤ 1,5 niet haalbaar; docs/performance.md",
        ),
        ("koude audit, berekend / vloer (bench/floor.py)", ratio("audit", "vloer"), "≤ 1,3"),
        (
            "koude audit, berekend / vloer --gc-zoals-wijkcheck",
            ratio("audit", "vloer-gc"),
            "geen doel; docs/performance.md",
        ),
        (
            "BaseModel + rich.console/table / kale import",
            ratio("import-gebruik", "import"),
            "vloer",
        ),
    ]
    for n in sets:
        regels.append(
            (
                f"validate / PyYAML, {n}",
                ratio(f"validate-{n}", f"pyyaml-{n}"),
                "≤ 1,2" if n == 2000 else "",
            )
        )
        regels.append(
            (f"check-jsonschema / validate, {n}", ratio(f"jsonschema-{n}", f"validate-{n}"), "≥ 10")
        )
        regels.append((f"yamllint / validate, {n}", ratio(f"yamllint-{n}", f"validate-{n}"), ""))
    if len(sets) == 2:
        per_file = [metingen[f"validate-{n}"].mediaan_s / n for n in sets]
        regels.append(
            ("tijd per bestand 14.500 / 2.000 (lineair ≈ 1)", per_file[1] / per_file[0], "≈ 1")
        )
    for n in sets:
        if f"overview-{n}" in metingen:
            ov = metingen[f"overview-{n}"]
            doel_s = "≤ 10" if n == 14500 else ""
            regels.append((f"overview {n} wijken, seconden", ov.mediaan_s, doel_s))
            regels.append((f"overview {n} wijken, piekgeheugen MiB", ov.piek_mib, "≤ 200"))
            if f"overview-tabel-{n}" in metingen:
                tabel = metingen[f"overview-tabel-{n}"].mediaan_s
                regels.append((f"overview {n} wijken als tabel, seconden", tabel, doel_s))
            # The 10 s are absolute; this says how fast this machine was during the run.
            regels.append(
                (f"overview / PyYAML alleen laden, {n}", ratio(f"overview-{n}", f"pyyaml-{n}"), "")
            )
    for naam, omschrijving, _ in groot:
        regels.append(
            (
                f"overview / PyYAML, {omschrijving}",
                ratio(f"overview-{naam}", f"pyyaml-{naam}"),
                "≤ 1,5",
            )
        )
        regels.append(
            (
                f"overview piekgeheugen MiB, {omschrijving}",
                metingen[f"overview-{naam}"].piek_mib,
                "≤ 200",
            )
        )
    for naam, waarde, doel in regels:
        if waarde is not None:
            print(f"  {naam:56} {waarde:6.2f}  ({doel})" if doel else f"  {naam:56} {waarde:6.2f}")
    resultaat = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "metingen": {k: asdict(v) for k, v in metingen.items()},
        "verhoudingen": {naam: waarde for naam, waarde, _ in regels if waarde is not None},
    }
    (uit / "results.json").write_text(json.dumps(resultaat, indent=2), encoding="utf-8")
    print(f"\nResultaten: {uit / 'results.json'}")
    shutil.rmtree(leeg, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
