from __future__ import annotations

from pathlib import Path

import pytest

from wijkcheck.errors import WijkcheckError
from wijkcheck.yamlsource import MAX_BYTES, load_file, parse


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
