from __future__ import annotations

from pathlib import Path

import pytest

from wijkcheck.core.errors import WijkcheckError
from wijkcheck.sources.yamlsource import _STUURTEKEN, MAX_BYTES, load_file, parse


def error_of(text: str) -> tuple[str, str]:
    with pytest.raises(WijkcheckError) as info:
        parse(text, "f.yaml")
    first = info.value.findings[0]
    return str(first.span), first.message


def test_positions_of_keys_values_and_items() -> None:
    doc = parse("naam: X\nvoorzieningen:\n  - naam: A\n    soort: buurthuis\n", "f.yaml")
    assert str(doc.span(("voorzieningen", 0, "soort"))) == "f.yaml:4:12"
    assert str(doc.span(("voorzieningen", 0, "soort"), key=True)) == "f.yaml:4:5"
    assert str(doc.span(("voorzieningen", 0))) == "f.yaml:3:5"


def test_missing_parts_fall_back_to_nearest_parent() -> None:
    doc = parse("a:\n  b: 1\n", "f.yaml")
    assert str(doc.span(("a", "bestaat-niet"), key=True)) == "f.yaml:1:1"
    assert str(doc.span(("a", "tag-van-union", "b"))) == "f.yaml:2:6"


def test_yaml_1_2_scalars_no_norway_problem() -> None:
    doc = parse("a: NO\nb: ja\nc: true\nd: 12.345\ne: 1:20\nf: 2024-02-31\ng: ~\nh: '7'\n", "f")
    assert doc.data == {
        "a": "NO",
        "b": "ja",
        "c": True,
        "d": 12.345,
        "e": "1:20",
        "f": "2024-02-31",
        "g": None,
        "h": "7",
    }


def test_duplicate_keys_are_errors_with_both_lines() -> None:
    where, message = error_of("naam: A\nkern: B\nnaam: C\n")
    assert where == "f.yaml:3:1"
    assert "dubbele sleutel 'naam'" in message and "regel 1" in message


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("a: !!python/object:os.system x\n", "Python-tag"),
        ("a: !eigen 3\n", "onbekende YAML-tag"),
        ("a: 1\n---\nb: 2\n", "meer dan één YAML-document"),
        ("a:\n\tb: 1\n", "tab"),
        ("a: [1, 2\n", "ongeldige YAML"),
        ("a: &x [*x]\n", "naar zichzelf"),
    ],
)
def test_hostile_or_broken_yaml_is_our_error(text: str, fragment: str) -> None:
    _, message = error_of(text)
    assert fragment in message


@pytest.mark.parametrize(
    "text, where",
    [
        ("naam: a\nkern: Vlijmen:\n", "2:14"),  # a ':' inside a value
        ("a:\n  b: 1\n   c: 2\n", "3:5"),  # indented too far
        ("lijst:\n  - a\n  b: 1\n", "3:3"),  # a key among the items of a list
        ("lijst:\n  - a\n - b\n", "3:2"),  # an item indented less than the others
        ("a: {x: 1 y: 2}\n", "1:11"),  # a comma missing
        ("a: [1, 2\nb: 3\n", "2:2"),
        ('naam: "abc\nkern: x\n', "1:7"),  # a quote never closed
        ("a: @x\n", "1:4"),
    ],
)
def test_common_yaml_mistakes_are_dutch_with_their_place(text: str, where: str) -> None:
    # libyaml's own words ("mapping values are not allowed in this context", "did not find
    # expected '-' indicator") reached users untranslated
    plek, message = error_of(text)
    assert plek == f"f.yaml:{where}"
    assert message.startswith("ongeldige YAML: ")
    for engels in ("not allowed", "did not find", "expected", "found", "while"):
        assert engels not in message, message


def test_billion_laughs_is_bounded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    _, message = error_of("\n".join(lines) + "\n")
    assert "alias-bom" in message or "knooppunten" in message


def test_deep_nesting_is_refused_without_crash() -> None:
    _, message = error_of("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "te diep genest" in message


def test_encodings(tmp_path: Path) -> None:
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbfnaam: Caf\xc3\xa9\r\nkern: X\r\n")
    assert load_file(bom).data == {"naam": "Café", "kern": "X"}
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"naam: A\nkern: Caf\xe9\n")
    with pytest.raises(WijkcheckError) as info:
        load_file(latin)
    assert str(info.value.findings[0].span).endswith("latin.yaml:2:10")
    assert "UTF-8" in info.value.findings[0].message
    binary = tmp_path / "plaatje.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(WijkcheckError, match="binair"):
        load_file(binary)


def test_huge_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    big.write_bytes(b"#" * (MAX_BYTES + 1))
    with pytest.raises(WijkcheckError, match="te groot"):
        load_file(big)


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux procfs")
def test_file_longer_than_its_stat_size_is_read_whole() -> None:
    # procfs reports size 0 for files with content, as a file that grows after stat would
    from wijkcheck.sources.yamlsource import read_text

    tekst = read_text(Path("/proc/self/status"))
    assert tekst.startswith("Name:") and "\nPid:" in tekst


def test_empty_file_is_none() -> None:
    assert parse("", "f").data is None


def test_fifo_and_folder_are_refused_without_blocking(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)
    with pytest.raises(WijkcheckError, match="geen gewoon bestand"):
        load_file(fifo)
    with pytest.raises(WijkcheckError, match="een map"):
        load_file(tmp_path)


# -- control characters --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, where, teken",
    [
        ('naam: "a\\e[31m"\n', "f.yaml:1:7", "\\x1b"),
        ('naam: "\\x9b"\n', "f.yaml:1:7", "\\x9b"),
        ('naam: "\\u0007"\n', "f.yaml:1:7", "\\x07"),
        ('a:\n  - "\\0"\n', "f.yaml:2:5", "\\x00"),
        ('a: ["\\N"]\n', "f.yaml:1:5", "\\x85"),
        ('"sleutel\\x7f": 1\n', "f.yaml:1:1", "\\x7f"),
    ],
)
def test_control_character_in_a_value_or_key_is_refused(text: str, where: str, teken: str) -> None:
    with pytest.raises(WijkcheckError) as info:
        parse(text, "f.yaml")
    [f] = info.value.findings
    assert (str(f.span), f.id) == (where, "stuurteken")
    assert f"stuurteken {teken}" in f.message
    assert f.message.startswith("sleutel" if "sleutel" in text else "tekst")


def test_tab_newline_cr_and_ordinary_escapes_are_fine() -> None:
    text = 'a: "x\\ty\\nz\\r"\nb: "caf\\u00e9 \\"q\\" \\\\e"\nc: \'C:\\e\'\nd: C:\\x1b\n'
    assert parse(text, "f").data == {
        "a": "x\ty\nz\r",
        "b": 'café "q" \\e',
        "c": "C:\\e",
        "d": "C:\\x1b",
    }


def test_every_control_character_is_reported_once_in_document_order() -> None:
    text = 'a: &x "\\a"\nb: [*x, *x]\n"\\e": {c: "\\f"}\n'
    with pytest.raises(WijkcheckError) as info:
        parse(text, "f.yaml")
    assert [str(f.span) for f in info.value.findings] == ["f.yaml:1:4", "f.yaml:3:1", "f.yaml:3:11"]


def test_raw_control_characters_never_reach_a_value() -> None:
    # The builder only looks for control characters when the text has a backslash; this holds
    # because the reader refuses raw ones (and reads NEL as a line break).
    for code in [*range(0x20), *range(0x7F, 0xA0)]:
        if chr(code) in "\t\n\r":
            continue
        for text in (f"a: 'x{chr(code)}y'\n", f"a: x{chr(code)}y\n", f"a: |\n  x{chr(code)}y\n"):
            try:
                data = parse(text, "f").data
            except WijkcheckError:
                continue
            value = data["a"] if isinstance(data, dict) else data
            assert not isinstance(value, str) or not _STUURTEKEN.search(value), (code, value)


def test_integer_beyond_pythons_digit_limit_is_read_as_infinite() -> None:
    assert parse("a: " + "9" * 5000 + "\n", "f").data == {"a": float("inf")}
