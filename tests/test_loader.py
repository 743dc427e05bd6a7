"""Model validation errors come back in Dutch, at the line and column of the mistake."""

from __future__ import annotations

import pytest

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.checklist import ChecklistBestand
from wijkcheck.core.errors import WijkcheckError
from wijkcheck.core.models import Wijk
from wijkcheck.sources.loader import validate
from wijkcheck.sources.yamlsource import parse

GOOD = """\
naam: Testwijk
kern: Dorp
peildatum: 2025-01-01
inwoners: {waarde: 1200, bron: voorbeeld, peildatum: 2025-01-01}
voorzieningen:
  - naam: De Schakel
    soort: buurthuis
    toegankelijk: true
    bron: voorbeeld
    peildatum: 2025-01-01
"""


def errors(text: str, model: type = Wijk) -> list[str]:
    with pytest.raises(WijkcheckError) as info:
        validate(parse(text, "w.yaml"), model)
    return [str(f) for f in info.value.findings]


def test_good_file_validates() -> None:
    wijk = validate(parse(GOOD, "w.yaml"), Wijk)
    assert wijk.voorzieningen[0].soort == "buurthuis"


def test_typo_key_points_at_key_and_suggests() -> None:
    [e] = errors(GOOD.replace("    toegankelijk:", "    toegankelijkk:"))
    assert e.startswith("w.yaml:8:5: fout: onbekend veld 'toegankelijkk'")
    assert "Bedoelde u 'toegankelijk'?" in e and e.endswith("(onbekend-veld)")


def test_wrong_type_points_at_value() -> None:
    [e] = errors(GOOD.replace("waarde: 1200", "waarde: veel"))
    assert e.startswith("w.yaml:4:20: fout: 'waarde': verwacht een getal")


def test_dutch_yes_is_not_a_boolean() -> None:
    [e] = errors(GOOD.replace("toegankelijk: true", "toegankelijk: ja"))
    assert e.startswith("w.yaml:8:19:") and "true of false" in e


def test_impossible_date() -> None:
    [e] = errors(GOOD.replace("peildatum: 2025-01-01\ninwoners", "peildatum: 2025-02-31\ninwoners"))
    assert e.startswith("w.yaml:3:12:") and "ongeldige datum '2025-02-31'" in e


def test_dutch_thousands_separator_hint() -> None:
    text = GOOD + "capaciteit:\n  buurtondersteuner: {waarde: 1, bron: x, peildatum: 31-12-2024}\n"
    [e] = errors(text)
    assert e.startswith("w.yaml:12:54:") and "JJJJ-MM-DD" in e


def test_missing_field_points_at_parent_key() -> None:
    [e] = errors(GOOD.replace("    soort: buurthuis\n", ""))
    assert e.startswith("w.yaml:6:5: fout: verplicht veld 'soort' ontbreekt")


def test_all_errors_in_one_go() -> None:
    text = GOOD.replace("kern: Dorp\n", "").replace("soort: buurthuis", "soort: Buurt Huis")
    found = errors(text)
    assert len(found) == 2
    assert any("'kern' ontbreekt" in e for e in found)
    assert any("w.yaml:6:12:" in e and "kleine letters" in e for e in found)


def test_list_where_mapping_belongs() -> None:
    [e] = errors("- naam: x\n")
    assert e.startswith("w.yaml:1:1: fout: verwacht velden (veld: waarde)") and "een lijst" in e


# A checklist up to the rule of its one condition (the rule is on line 13).
CHECKLIST_KOP = """\
id: t
naam: T
versie: "1"
uitgever: test
niveau: regionaal
status: {status: concept}
maximale_ouderdom: {maanden: 36, norm: {basis: voorbeeldnorm}}
soorten: {}
voorwaarden:
  a:
    titel: A
    beleidsbron: {document: d, passage: p, verband: noemt}
"""


def test_unknown_rule_kind_suggests() -> None:
    text = (
        CHECKLIST_KOP
        + """\
    regel: {type: aanwezg, functie: ontmoeten}
"""
    )
    [e] = errors(text, ChecklistBestand)
    assert e.startswith("w.yaml:13:19:") and "onbekend regeltype 'aanwezg'" in e
    assert "Bedoelde u 'aanwezig'?" in e


def test_rule_parameter_typo_points_inside_rule() -> None:
    text = (
        CHECKLIST_KOP
        + """\
    regel:
      type: drempel
      indicator: x
      maximal: 3
      norm: {basis: voorbeeldnorm}
"""
    )
    found = errors(text, ChecklistBestand)
    assert any(e.startswith("w.yaml:16:7:") and "Bedoelde u 'maximaal'" in e for e in found)


@pytest.mark.parametrize("bron", ['""', "' '", "~", ""])
def test_empty_bron_has_its_own_rule(bron: str) -> None:
    [e] = errors(GOOD.replace("waarde: 1200, bron: voorbeeld", f"waarde: 1200, bron: {bron}"))
    assert e.startswith("w.yaml:4:32: fout: 'bron' mag niet leeg zijn") and "(lege-bron)" in e


def test_number_where_text_belongs_suggests_quotes() -> None:
    [e] = errors(GOOD.replace("naam: Testwijk", "naam: 1234"))
    assert e.startswith("w.yaml:1:7:") and "aanhalingstekens" in e


CHECKLIST = (
    CHECKLIST_KOP
    + """\
    regel: {type: aanwezig, functie: ontmoeten, toegankelijk: true}
"""
)


@pytest.mark.parametrize("waarde", ["ja", "yes", "on", "1", '"true"'])
def test_rule_boolean_is_as_strict_as_in_a_wijk_file(waarde: str) -> None:
    validate(parse(CHECKLIST, "w.yaml"), ChecklistBestand)
    [e] = errors(
        CHECKLIST.replace("toegankelijk: true", f"toegankelijk: {waarde}"), ChecklistBestand
    )
    assert e.startswith("w.yaml:13:63: fout: 'toegankelijk': verwacht true of false")
    assert e.endswith("(type)")


@pytest.mark.parametrize(
    "waarde, id, bericht",
    [
        (".inf", "geen-getal", "verwacht een eindig getal, gevonden: .inf"),
        ("-.inf", "geen-getal", "verwacht een eindig getal, gevonden: -.inf"),
        (".nan", "geen-getal", "verwacht een eindig getal, gevonden: .nan"),
        ("9" * 5000, "geen-getal", "verwacht een eindig getal, gevonden: .inf"),
        ('"' + "9" * 5000 + '"', "waarde", "getal met te veel cijfers, gevonden: '999"),
    ],
)
def test_infinite_or_endless_whole_numbers_in_dutch(waarde: str, id: str, bericht: str) -> None:
    text = CHECKLIST.replace("maanden: 36", f"maanden: {waarde}")
    [e] = errors(text, ChecklistBestand)
    assert e.startswith(f"w.yaml:7:30: fout: 'maanden': {bericht}")
    assert e.endswith(f"({id})")
    [e] = errors(CHECKLIST.replace("toegankelijk: true", f"minimaal: {waarde}"), ChecklistBestand)
    assert f"'minimaal': {bericht}" in e and e.endswith(f"({id})")


_FOUTE_WAARDEN = [
    "tekst", "", " ", "12,5", "1.234.567", 1.5, -1, 0, True, None, [], {}, ["x"], [{"a": 1}],
    {"a": 1}, {"type": "x"}, "2024-02-31", float("nan"), float("inf"), "9" * 5000, "Bad Key",
]  # fmt: skip


def test_no_wrong_value_anywhere_gets_an_english_message() -> None:
    """Every field of every model (values present in the valid examples, and absent optional
    fields) with values of every wrong kind: no message may fall back to pydantic's English."""
    import copy
    from pathlib import Path

    from pydantic import ValidationError

    from wijkcheck.core.models import Gemeente
    from wijkcheck.sources.loader import _message, _velden_op
    from wijkcheck.sources.yamlsource import load_file

    valid = Path(__file__).parent / "examples" / "valid"
    cases = [
        (valid / "checklists" / "proef.yaml", ChecklistBestand),
        (valid / "data" / "wijken" / "proefdorp" / "gemeente.yaml", Gemeente),
        (valid / "data" / "wijken" / "proefdorp" / "noord-oost.yaml", Wijk),
    ]
    english: dict[str, str] = {}
    for path, model in cases:
        base = load_file(path).data
        todo: list[tuple[str | int, ...]] = [()]
        while todo:
            loc = todo.pop()
            node = base
            for part in loc:
                node = node[part]
            if isinstance(node, (dict, list)):
                todo += [(*loc, k) for k in (node if isinstance(node, dict) else range(len(node)))]
            plaatsen = [loc] if loc else []
            if isinstance(node, dict):
                plaatsen += [(*loc, f) for f in _velden_op(model, loc) if f not in node]
            for plaats in plaatsen:
                for fout in _FOUTE_WAARDEN:
                    data = copy.deepcopy(base)
                    target = data
                    for part in plaats[:-1]:
                        target = target[part]
                    target[plaats[-1]] = fout
                    try:
                        model.model_validate(data)
                    except ValidationError as exc:
                        for err in exc.errors(include_url=False):
                            message, id, _, _ = _message(err, tuple(err["loc"]), model)
                            if id == ids.SCHEMA:
                                english.setdefault(err["type"], message)
    assert not english, english


@pytest.mark.parametrize(
    "figuur",
    [
        "indicatoren:\n  eenzaamheid:\n    waarde: 8,1\n    bron: x\n    peildatum: 2024-01-01\n",
        "indicatoren:\n  eenzaamheid: {waarde: 8,1, bron: x, peildatum: 2024-01-01}\n",
    ],
    ids=["blok", "flow"],
)
def test_decimal_comma_gets_the_same_hint_in_block_and_flow_style(figuur: str) -> None:
    [e] = errors(GOOD + figuur)
    assert "onbekend veld" not in e and e.endswith("(type)")
    assert "'waarde': verwacht een getal, gevonden: " in e
    assert "gebruik een punt als decimaalteken: 12.5, niet 12,5" in e or "8.1, niet 8,1" in e


def test_a_number_key_after_a_text_is_still_an_unknown_field() -> None:
    found = errors(GOOD + "indicatoren:\n  eenzaamheid: {bron: x, 1: , peildatum: 2024-01-01}\n")
    assert any("onbekend veld '1'" in e for e in found), found
    assert not any("decimaalteken" in e for e in found), found
