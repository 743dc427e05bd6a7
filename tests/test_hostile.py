"""Hostile and broken input: a clear Dutch error naming the file, exit 1 or 2, no traceback,
bounded time. And a property test: whatever the bytes, only `WijkcheckError` escapes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkcheck.core.checklist import Checklist
from wijkcheck.core.errors import WijkcheckError
from wijkcheck.core.models import Gemeente, Wijk
from wijkcheck.sources.loader import validate as validate_model
from wijkcheck.sources.yamlsource import MAX_BYTES, decode, parse

WIJK = (
    "naam: Noord\nkern: Noord\npeildatum: 2025-01-01\n"
    "inwoners: {waarde: 2400, bron: voorbeeld, peildatum: 2025-01-01}\n"
)


def _bomb() -> bytes:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return "\n".join(lines).encode() + b"\n"


# name, file content, expected line:column (or "" for the file as a whole), finding id, exit code
HOSTILE = [
    ("ongeldig", b"naam: [Noord\nkern: Noord\n", "2:5", "yaml-syntaxis", 1),
    ("tabs", b"naam: Noord\n\tkern: Noord\n", "2:1", "yaml-syntaxis", 1),
    ("alias-bom", _bomb(), "1:5", "alias-bom", 1),
    ("alias-lus", b"a: &a [*a]\n", "1:4", "alias-lus", 1),
    ("python-tag", b"naam: !!python/object/apply:os.system [ls]\n", "1:7", "yaml-tag", 1),
    ("python-name", b"naam: !!python/name:os.system\n", "1:7", "yaml-tag", 1),
    ("eigen-tag", b"naam: !Ref Noord\n", "1:7", "yaml-tag", 1),
    ("binair", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "1:1", "binair-bestand", 1),
    ("stuurteken", b"naam: No\x07ord\n", "1:9", "yaml-syntaxis", 1),
    ("leeg", b"", "1:1", "bestand-vorm", 1),
    ("alleen-commentaar", b"# niets\n", "1:1", "bestand-vorm", 1),
    ("lijst", b"- naam: Noord\n", "1:1", "bestand-vorm", 1),
    ("tekst", b"Noord\n", "1:1", "bestand-vorm", 1),
    ("getal", b"12\n", "1:1", "bestand-vorm", 1),
    (
        "latin-1",
        WIJK.replace("Noord\npeil", "Noordé\npeil").encode("latin-1"),
        "2:12",
        "codering",
        1,
    ),
    ("utf-16", WIJK.encode("utf-16"), "1:1", "codering", 1),
    ("meer-documenten", WIJK.encode() + b"---\nnaam: Zuid\n", "5:1", "yaml-syntaxis", 1),
    ("diep-flow", b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n", "1:67", "te-diep", 1),
    (
        "diep-blok",
        "".join("  " * i + f"k{i}:\n" for i in range(100)).encode(),
        "66:131",
        "te-diep",
        1,
    ),
    ("te-groot", b"#" * (MAX_BYTES + 1), "", "bestand-te-groot", 1),
    ("veel-knopen", b"a: [" + b"1," * 900_000 + b"1]\n", "1:399999", "te-veel-knooppunten", 1),
    (
        "veel-fouten",
        b"naam: A\n" + b"".join(b"x%d: 1\n" % i for i in range(20_000)),
        "",
        "te-veel-bevindingen",
        1,
    ),
    ("dubbele-sleutels", b"a: 1\n" * 20_000, "", "te-veel-bevindingen", 1),
    (
        "norway",
        WIJK.replace("kern: Noord", "kern: NO").encode() + b"cbs_buurtcode: ja\n",
        "5:16",
        "vorm",
        1,
    ),
    (
        "datum",
        WIJK.replace("peildatum: 2025-01-01\ninw", "peildatum: 31-02-2024\ninw").encode(),
        "3:12",
        "datum",
        1,
    ),
    ("duizendtal", WIJK.replace("2400", "12.345").encode(), "4:20", "duizendtal-punt", 1),
    (
        "naam-pad",
        WIJK.replace("naam: Noord", "naam: ../../etc").encode(),
        "1:7",
        "onveilige-naam",
        1,
    ),
    ("nan", WIJK.replace("2400", ".nan").encode(), "4:20", "geen-getal", 1),
    ("enorm-getal", WIJK.replace("2400", "9" * 5000).encode(), "4:20", "geen-getal", 1),
]


@pytest.mark.parametrize("name, content, where, id, code", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_file(
    invoke, tmp_path: Path, name: str, content: bytes, where: str, id: str, code: int
) -> None:
    (tmp_path / f"{name}.yaml").write_bytes(content)
    args = ["validate", f"{name}.yaml", "--datum", "2026-06-01"]
    start = time.perf_counter()
    out = invoke(args, code=code).output
    assert time.perf_counter() - start < 5, "te traag"
    prefix = f"{name}.yaml:{where}: " if where else f"{name}.yaml: "
    assert any(r.startswith(prefix) and r.endswith(f"({id})") for r in out.splitlines()), out
    assert len(out) < 50_000


def test_bom_and_crlf_are_accepted(invoke, tmp_path: Path) -> None:
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbf" + WIJK.replace("\n", "\r\n").encode())
    out = invoke(["validate", "bom.yaml", "--datum", "2026-06-01"]).output
    assert "(geen-gemeente)" in out and ": fout: " not in out


def test_symlink_to_a_device_is_refused(invoke, tmp_path: Path) -> None:
    (tmp_path / "nul.yaml").symlink_to("/dev/zero")
    out = invoke(["validate", "nul.yaml"], code=1).output
    assert "(pad-buiten-data)" in out


def test_device_named_directly_is_unreadable(invoke) -> None:
    out = invoke(["validate", "/dev/zero"], code=2).output
    assert "/dev/zero: fout: kan bestand niet lezen: geen gewoon bestand" in out


# -- property: only our own error type ever escapes --------------------------------------------

MODELS = (Wijk, Gemeente, Checklist)

_KEYS = [
    "naam",
    "kern",
    "peildatum",
    "inwoners",
    "waarde",
    "bron",
    "voorzieningen",
    "soort",
    "kernen",
    "regel",
    "type",
    "aanwezig",
    "<<",
    "? a",
    "- ",
    "&a",
    "*a",
    "!!str",
    "!x",
]
_SCALARS = [
    "",
    "~",
    "ja",
    "NO",
    "12.345",
    "1e999",
    ".nan",
    "-.inf",
    "2024-02-31",
    "0x1F",
    "1:20",
    "'x'",
    '"\\u0000"',
    '"\\e"',
    "|",
    ">",
    "[",
    "{",
    "}",
    "]",
    "&a",
    "*a",
    "*b",
    "!!binary",
    "!!python/none",
    "%YAML 1.1",
    "---",
    "...",
    "#",
    "@",
    "`",
    "\t",
    "é",
    "😀",
]


@st.composite
def yamlish(draw: st.DrawFn) -> str:
    """Text that is often almost YAML: the pieces our files are made of, shuffled."""
    parts = st.sampled_from(_KEYS + _SCALARS + [": ", ", ", "\n", "\n  ", "\n    - ", " "])
    return "".join(draw(st.lists(parts, max_size=40)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(yamlish(), st.text(max_size=200)), st.sampled_from(MODELS))
def test_only_wijkcheck_error_escapes_from_text(text: str, model: type) -> None:
    try:
        validate_model(parse(text, "f.yaml"), model)
    except WijkcheckError as exc:
        assert exc.findings and all(f.span.path == "f.yaml" for f in exc.findings)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_only_wijkcheck_error_escapes_from_bytes(raw: bytes) -> None:
    try:
        validate_model(parse(decode(raw, "f.yaml"), "f.yaml"), Wijk)
    except WijkcheckError as exc:
        assert exc.findings


# -- property: a whole validation run never crashes, whatever a wijk or gemeente file says -----

EXAMPLES = Path(__file__).parent / "examples" / "valid"
_TARGETS = ["data/wijken/proefdorp/noord-oost.yaml", "data/wijken/proefdorp/gemeente.yaml"]
_WAARDEN = [*_SCALARS, "-1", "1e308", "2099-01-01", "12.345", "../x", "{}", "[]"]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """A valid data file with lines deleted, doubled, or given strange values."""
    target = draw(st.sampled_from(_TARGETS))
    lines = (EXAMPLES / target).read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["weg", "dubbel", "waarde", "erbij"]))
        if op == "weg" and len(lines) > 1:
            del lines[i]
        elif op == "dubbel":
            lines.insert(i, lines[i])
        elif op == "waarde" and ": " in lines[i]:
            head = lines[i].rsplit(": ", 1)[0]
            lines[i] = f"{head}: {draw(st.sampled_from(_WAARDEN))}"
        else:
            lines.insert(i, draw(yamlish()))
    return target, "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_validation_run_never_crashes(case: tuple[str, str]) -> None:
    import datetime as dt
    import shutil
    import tempfile

    from wijkcheck.checks.run import validate
    from wijkcheck.sources.dataroot import find_root

    target, text = case
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        shutil.copytree(EXAMPLES, repo)
        (repo / target).write_text(text, encoding="utf-8")
        root = find_root(repo, {}, repo)
        for paths in ([], [repo / target]):
            uitslag = validate(paths, root, dt.date(2026, 6, 1), cwd=repo)
            assert all(f.span.path for f in uitslag.bevindingen)
